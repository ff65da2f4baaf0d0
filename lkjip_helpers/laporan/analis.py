"""Figures as DataFrames, for analysts working in a notebook.

::

    from lkjip_helpers.laporan import Laporan
    lap = Laporan("lapas-banyuasin", 2023, "../data")
    lap.tabel_ikk()            # one row per IKK (index: kode): target, realisasi, capaian …
    lap.data_ikk("SK1.1")      # one IKK: its periods (months, triwulan) or its single value
    lap.tabel_anggaran()       # every budget line of this year and last: pagu, realisasi …
    lap.tabel_temuan()         # the data-check findings: tingkat, kode, lokasi, pesan
    lap.capaian_ringkas().df   # any table of the report, as the report shows it

Numbers are floats at full precision (the report rounds only for display); a figure that
cannot be computed is NaN. Percentages (capaian, penyerapan) are percent numbers: 121.92
for 121,92 %, the same unit as ``capaian_ikk.csv`` and ``tabel.xlsx``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..hitung import HasilLaporan
from ..tidak_diketahui import TidakDiketahui

if TYPE_CHECKING:
    import pandas as pd

    from ..periksa import Temuan

# pandas is imported by each function (≈ 0,25 s): the build writes capaian_ikk.csv from
# :func:`baris_ikk` without it.


def _f(x: Decimal | int | TidakDiketahui | None) -> float | None:
    """A figure as a float; missing or unknown ("tidak diketahui") is NaN."""
    return None if x is None or isinstance(x, TidakDiketahui) else float(x)


def tabel_ikk(hasil: HasilLaporan) -> pd.DataFrame:
    """One row per IKK of the Perjanjian Kinerja, indexed by ``kode`` (``.loc["SK1.1"]``).
    ``capaian`` and the other percentages are percent numbers (121.92 for 121,92 %), as in
    the report, ``capaian_ikk.csv`` and ``tabel.xlsx``."""
    import pandas as pd

    return pd.DataFrame(baris_ikk(hasil)).set_index("kode")


def baris_ikk(hasil: HasilLaporan) -> list[dict[str, object]]:
    """The rows of :func:`tabel_ikk` (``kode`` a column), numbers as floats or None."""
    baris: list[dict[str, object]] = []
    for x in hasil.ikk:
        r = x.realisasi
        baris.append(
            {
                "sasaran": x.sasaran.kode,
                "nama_sasaran": x.sasaran.nama,
                "kode": x.kode,
                "indikator": x.defn.nama,
                "satuan": x.defn.satuan,
                "polaritas": x.defn.polaritas,
                "target": _f(x.target),
                "sumber_target": x.sumber_target,
                "realisasi": _f(x.nilai_realisasi),
                "pembilang": _f(r.pembilang if r else None),
                "penyebut": _f(r.penyebut if r else None),
                "capaian": _f(x.capaian),
                "status": x.status,
                "realisasi_tahun_lalu": _f(x.realisasi_lalu),
                "capaian_tahun_lalu": _f(x.capaian_lalu),
                "perubahan_capaian_poin": _f(x.perubahan),
                **{f"target_renstra_{th}": _f(v) for th, v in x.target_renstra.items()},
            }
        )
    return baris


def data_ikk(hasil: HasilLaporan, kode: str) -> pd.DataFrame:
    """The data of one IKK: a row per period (``bulan``/``triwulan``/``semester`` and its
    number) with pembilang, penyebut and value, then the year's realisasi as formed by the
    indicator's aggregation; a single row for an annual value."""
    import pandas as pd

    x = hasil.ikk_kode(kode)
    r = x.realisasi
    baris: list[dict[str, object]] = []
    data = x.data.realisasi
    if data is not None and data.periode is not None:
        for p in sorted(data.periode.data, key=lambda p: p.ke):
            nilai = dict(r.per_periode).get(p.ke) if r else None
            baris.append(
                {
                    "periode": f"{data.periode.jenis} {p.ke}",
                    "pembilang": _f(p.pembilang),
                    "penyebut": _f(p.penyebut),
                    "nilai": _f(nilai if nilai is not None else p.nilai),
                }
            )
    baris.append(
        {
            "periode": f"tahun {hasil.tahun}" + (f" ({x.defn.agregasi})" if baris else ""),
            "pembilang": _f(r.pembilang if r else None),
            "penyebut": _f(r.penyebut if r else None),
            "nilai": _f(x.nilai_realisasi),
        }
    )
    df = pd.DataFrame(baris)
    df.attrs.update(kode=x.kode, indikator=x.defn.nama, satuan=x.defn.satuan)
    return df


def tabel_anggaran(hasil: HasilLaporan) -> pd.DataFrame:
    """Every budget line (total, per sasaran, per program, per jenis belanja) of this year
    and the previous one."""
    import pandas as pd

    baris = []
    for ang in (hasil.anggaran, hasil.anggaran_lalu):
        if ang is None:
            continue
        for rincian, isi in (
            ("total", [ang.total]),
            ("sasaran", ang.per_sasaran),
            ("program", ang.per_program),
            ("jenis_belanja", ang.per_jenis),
        ):
            for b in isi:
                baris.append(
                    {
                        "tahun": ang.tahun,
                        "rincian": rincian,
                        "kunci": b.kunci,
                        "uraian": b.label,
                        "pagu": _f(b.pagu),
                        "realisasi": _f(b.realisasi),
                        "penyerapan": _f(b.penyerapan),
                        "sisa": _f(b.sisa),
                    }
                )
    return pd.DataFrame(baris)


def tabel_temuan(temuan: list[Temuan]) -> pd.DataFrame:
    """The data-check findings, one row each."""
    import pandas as pd

    kolom = ["tingkat", "kode", "lokasi", "pesan"]
    return pd.DataFrame(
        [{k: getattr(t, k) for k in kolom} | {"id": getattr(t, "id", None)} for t in temuan],
        columns=[*kolom, "id"],
    )
