"""Figures (:class:`~lkjip_helpers.hitung.besaran.Besaran`) as the checks and the review memo
name and write them.

A finding about a figure keeps the name and year its source wrote (``ikk.SK1.1.capaian`` in
2022's ``klaim.yaml``, ``ikk.SK1.1.capaian_tahun_lalu`` in 2023's); :func:`cari` finds the one
record both mean, whose parts (subject, label, print format) say the rest.
"""

from __future__ import annotations

from decimal import Decimal

from .. import format_id as f
from ..hitung import HasilLaporan
from ..hitung.besaran import Besaran
from ..hitung.rekonsiliasi import LABEL_TABEL_ANGGARAN
from .temuan import Subjek, Temuan

__all__ = [
    "LABEL_TABEL_ANGGARAN",
    "cari",
    "dari_temuan",
    "desimal_tertulis",
    "satuan",
    "subjek",
    "tulis",
]


def cari(hasil: HasilLaporan, nama: str, tahun: int) -> Besaran | None:
    """The figure ``nama`` as year ``tahun``'s klaim.yaml names it; None when unknown."""
    return hasil.daftar_besaran().cari(nama, tahun)


def dari_temuan(hasil: HasilLaporan, t: Temuan) -> Besaran | None:
    """The figure a finding is about (its ``besaran`` as year ``tahun`` names it), or None."""
    if not t.besaran or t.tahun is None:
        return None
    return cari(hasil, t.besaran, t.tahun)


def subjek(b: Besaran | None, nama: str) -> Subjek:
    """The thing of our report a figure belongs to (see :mod:`.temuan`); an unknown name is a
    draft figure we cannot place: ``("klaim", nama)``."""
    return b.subjek if b is not None else ("klaim", nama)


def satuan(b: Besaran | None) -> str:
    """How the memo writes values of a figure: ``rupiah``, ``persen``, ``poin`` or ``angka``."""
    bentuk = b.bentuk if b is not None else "angka"
    if bentuk in ("rupiah", "poin"):
        return bentuk
    return "persen" if bentuk in ("persen", "bobot") else "angka"


def tulis(nilai: Decimal | None, b: Besaran | None, desimal: int | None = None) -> str:
    """A value of figure ``b`` as the memo shows it (``121,92%``, ``Rp16.466.041.000``,
    ``1.435``, ``2 Unit``).

    ``desimal``: the precision to keep (a stated value keeps its own: ``94,208``); by default
    two decimals, dropped when the value is whole.
    """
    if nilai is None:
        return f.KOSONG
    d = 2 if desimal is None else desimal
    ringkas = desimal is None
    jenis = satuan(b)
    if jenis == "rupiah":
        return f.rupiah(nilai, d if desimal else 0)
    if jenis == "persen":
        return f.persen(nilai, d, ringkas=ringkas)
    if jenis == "poin":
        return f.poin(nilai, d)
    if b is not None and b.bentuk == "satuan":
        if b.satuan.strip() in ("%", "persen"):
            return f.persen(nilai, d, ringkas=ringkas)
        return f"{f.angka(nilai, d, ringkas=ringkas)} {b.satuan}"
    return f.angka(nilai, d, ringkas=ringkas)


def desimal_tertulis(nilai: Decimal) -> int:
    """Decimals a stated value was written with (``94.208`` → 3, ``100`` → 0)."""
    exp = nilai.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0
