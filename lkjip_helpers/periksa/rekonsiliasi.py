"""The one cell that would reconcile a budget table (:mod:`lkjip_helpers.hitung.rekonsiliasi`)
for every table of both years, for the checks and the review memo."""

from __future__ import annotations

from ..hitung import HasilLaporan
from ..hitung.rekonsiliasi import SelPerbaikan, diagnosa_tabel, sel_tunggal
from ..muat import DataLaporan

__all__ = ["SelPerbaikan", "diagnosa_anggaran", "diagnosa_tabel", "sel_tunggal"]


def diagnosa_anggaran(data: DataLaporan, hasil: HasilLaporan) -> list[SelPerbaikan]:
    """Reconciling cells of every budget table of both years (where exactly one exists): the
    data cells the figures already read as the supported value (``hasil.sel_koreksi``), then
    the others (a stated sisa of the draft that disagrees with the data)."""
    hasil_sel: list[SelPerbaikan] = list(hasil.sel_koreksi)
    sudah = {(x.tahun, x.tabel) for x in hasil_sel}
    for ang in (hasil.anggaran, hasil.anggaran_lalu):
        if ang is None:
            continue
        for tabel in ("per_sasaran", "per_program", "per_jenis_belanja"):
            if (ang.tahun, tabel) in sudah:
                continue
            d = diagnosa_tabel(data, ang, tabel)
            if d is not None:
                hasil_sel.append(d)
    return hasil_sel
