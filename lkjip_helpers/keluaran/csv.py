"""The IKK summary as CSV, in two dialects.

- ``capaian_ikk.csv``: machine-friendly — UTF-8 without BOM, ``,`` between fields, ``.`` for
  decimals (pandas, R, databases read it as is).
- ``capaian_ikk_excel.csv``: for Excel in an Indonesian locale (list separator ``;``, decimal
  comma) — UTF-8 with a BOM so Excel detects the encoding, ``;`` between fields, ``,`` for
  decimals; read back with ``pandas.read_csv(path, sep=";", decimal=",")``.

Numbers are rounded half-up to two decimals, as the report prints them (the analyst API
:mod:`lkjip_helpers.laporan.analis` gives full precision). Text that a spreadsheet would read
as a formula (``=``, ``+``, ``-``, ``@``, tab, CR at the start) is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import format_id as f
from ..hitung import hasil_laporan
from ..laporan.analis import baris_ikk
from .aman import teks_aman_sel

if TYPE_CHECKING:
    import pandas as pd

KOLOM_TEKS = ("sasaran", "nama_sasaran", "kode", "indikator", "satuan", "polaritas", "status")


def _aman(teks: object) -> object:
    """OWASP CSV-injection guard: text starting like a formula gets a leading ``'``."""
    return teks_aman_sel(teks) if isinstance(teks, str) else teks


def baris_capaian_ikk(
    satker: str, tahun: int, data_dir: str | Path = "data", periode: str = "tahunan"
) -> list[dict[str, object]]:
    """The rows of ``capaian_ikk.csv``: one per IKK (see
    :func:`lkjip_helpers.laporan.analis.tabel_ikk`), text defused (:func:`_aman`), numbers
    rounded half-up to two decimals as the report prints them (a float, or None)."""
    out: list[dict[str, object]] = []
    for baris in baris_ikk(hasil_laporan(satker, tahun, data_dir, periode)):
        out.append(
            {
                k: _aman(v)
                if k in KOLOM_TEKS or k == "sumber_target"
                else (None if v is None else float(f.bulatkan(v, 2)))  # type: ignore[arg-type]
                for k, v in baris.items()
            }
        )
    return out


def capaian_ikk_dataframe(
    satker: str, tahun: int, data_dir: str | Path = "data", periode: str = "tahunan"
) -> pd.DataFrame:
    """:func:`baris_capaian_ikk` as a DataFrame (a missing number is NaN)."""
    import pandas as pd

    return pd.DataFrame(baris_capaian_ikk(satker, tahun, data_dir, periode))


def _kolom(baris: Sequence[Mapping[str, object]]) -> list[str]:
    """Every column of ``baris``, in the order they first appear (as a DataFrame has them)."""
    return list(dict.fromkeys(k for b in baris for k in b))


def _sel(nilai: object, desimal: str) -> object:
    """A cell as written: nothing for a missing value, a float with ``desimal``."""
    if nilai is None:
        return ""
    if isinstance(nilai, float):
        return repr(nilai).replace(".", desimal)
    return nilai


def tulis_csv_ikk(baris: Sequence[Mapping[str, object]], folder: Path) -> tuple[Path, Path]:
    """Write ``capaian_ikk.csv`` and ``capaian_ikk_excel.csv`` (rows as
    :func:`baris_capaian_ikk` gives them) into ``folder``."""
    kolom = _kolom(baris)

    def teks(sep: str, desimal: str, akhir: str) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=sep, lineterminator=akhir)
        w.writerow(kolom)
        w.writerows([_sel(b.get(k), desimal) for k in kolom] for b in baris)
        return buf.getvalue()

    mesin = folder / "capaian_ikk.csv"
    excel = folder / "capaian_ikk_excel.csv"
    mesin.write_text(teks(",", ".", "\n"), encoding="utf-8", newline="")
    excel.write_text(teks(";", ",", "\r\n"), encoding="utf-8-sig", newline="")
    return mesin, excel


def tulis_csv_baris(
    baris: Iterable[Mapping[str, object]],
    kolom: Sequence[str],
    mesin: Path,
    excel: Path,
    *,
    kolom_desimal: Collection[str] = (),
) -> tuple[Path, Path]:
    """Rows of text (numbers already in machine form, ``.`` for decimals) written to ``mesin``
    (UTF-8, ``,``) and ``excel`` (UTF-8 with BOM, ``;``, the columns of ``kolom_desimal`` with
    a decimal comma), each atomically. Every text cell goes through the formula guard, so
    ``=HYPERLINK(…)`` in a name or message is never live in a spreadsheet."""
    from ..atomik import tulis_atomik

    aman = [
        {k: _aman(str(r.get(k, "") if r.get(k) is not None else "")) for k in kolom} for r in baris
    ]

    def teks(sep: str, desimal: str, akhir: str) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(kolom), delimiter=sep, lineterminator=akhir)
        w.writeheader()
        for r in aman:
            if desimal != ".":
                r = {
                    k: (str(v).replace(".", desimal) if k in kolom_desimal else v)
                    for k, v in r.items()
                }
            w.writerow(r)
        return buf.getvalue()

    isi_mesin = teks(",", ".", "\n")
    isi_excel = "\ufeff" + teks(";", ",", "\r\n")
    tulis_atomik(mesin, lambda p: p.write_text(isi_mesin, encoding="utf-8", newline=""))
    tulis_atomik(excel, lambda p: p.write_text(isi_excel, encoding="utf-8", newline=""))
    return mesin, excel
