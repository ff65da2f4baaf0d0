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

import pandas as pd

from .. import format_id as f
from ..hitung import hasil_laporan
from ..laporan.analis import tabel_ikk
from .aman import teks_aman_sel

KOLOM_TEKS = ("sasaran", "nama_sasaran", "kode", "indikator", "satuan", "polaritas", "status")


def _aman(teks: object) -> object:
    """OWASP CSV-injection guard: text starting like a formula gets a leading ``'``."""
    return teks_aman_sel(teks) if isinstance(teks, str) else teks


def capaian_ikk_dataframe(
    satker: str, tahun: int, data_dir: str | Path = "data", periode: str = "tahunan"
) -> pd.DataFrame:
    """One row per IKK (see :func:`lkjip_helpers.laporan.analis.tabel_ikk`), numbers rounded
    half-up to two decimals as the report prints them."""
    df = tabel_ikk(hasil_laporan(satker, tahun, data_dir, periode)).reset_index()
    kode = df.pop("kode")
    df.insert(df.columns.get_loc("nama_sasaran") + 1, "kode", kode)  # the CSV's column order
    for kolom in df.columns:
        if kolom in KOLOM_TEKS or kolom == "sumber_target":
            df[kolom] = df[kolom].map(_aman)
        else:
            df[kolom] = df[kolom].map(lambda x: None if pd.isna(x) else float(f.bulatkan(x, 2)))
    return df


def tulis_csv_ikk(df: pd.DataFrame, folder: Path) -> tuple[Path, Path]:
    """Write ``capaian_ikk.csv`` and ``capaian_ikk_excel.csv`` into ``folder``."""
    mesin = folder / "capaian_ikk.csv"
    excel = folder / "capaian_ikk_excel.csv"
    df.to_csv(mesin, index=False, encoding="utf-8", lineterminator="\n")
    df.to_csv(excel, index=False, sep=";", decimal=",", encoding="utf-8-sig", lineterminator="\r\n")
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
