"""What every section builder receives: the computed report and its placeholder resolver."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..hitung import HasilLaporan
from ..hitung.capaian import TERCAPAI, TIDAK_TERCAPAI, HasilIkk
from ..muat import skema as s
from ..muat.periode import Periode
from . import model as m
from .narasi import Pengisi, pengisi


@dataclass
class Konteks:
    """The computed report of one satker and period, shared by all section builders."""

    hasil: HasilLaporan
    _isi: Pengisi | None = field(default=None, repr=False)

    @property
    def isi(self) -> Pengisi:
        if self._isi is None:
            self._isi = pengisi(self.hasil)
        return self._isi

    @property
    def tahun(self) -> int:
        return self.hasil.tahun

    @property
    def periode(self) -> Periode:
        """The report period (``Tahun 2023``, ``Semester I Tahun 2024`` …)."""
        return self.hasil.periode

    @property
    def judul_periode(self) -> str:
        """``Tahun 2023`` or ``Semester I Tahun 2024``: the period in titles and captions."""
        return self.hasil.periode.judul

    @property
    def keterangan_periode(self) -> str | None:
        """``periode_laporan.keterangan`` of kinerja.yaml ("data s.d. 31 Mei 2024"), printed
        on the cover."""
        k = self.hasil.data.ini.kinerja
        p = k.periode_laporan if k else None
        ket = p.keterangan.strip() if p and p.keterangan else None
        # an old annual folder's "Januari–Desember 2023" only repeats the period
        return ket if ket and ket != self.periode.rentang_bulan else None

    @property
    def satker(self) -> s.Satker:
        return self.hasil.data.satker

    @property
    def narasi(self) -> s.Narasi | None:
        return self.hasil.data.ini.narasi

    @property
    def ikk(self) -> list[HasilIkk]:
        return self.hasil.ikk

    @cached_property
    def jumlah_status(self) -> tuple[int, int]:
        """(tercapai, tidak tercapai)."""
        return (
            sum(h.status == TERCAPAI for h in self.ikk),
            sum(h.status == TIDAK_TERCAPAI for h in self.ikk),
        )

    def status_lain(self, kata: str = "IKK") -> str:
        """The clauses that make a drafted count of tercapai / tidak tercapai add up to every
        IKK: perlu verifikasi, tidak berlaku (0/0) and not computed, each with its codes
        (``"; 1 IKK (SK1.5) tidak berlaku …"``; empty when there are none)."""
        hasil = self.hasil
        bagian = []
        for daftar, alasan in (
            (hasil.perlu_verifikasi, "perlu verifikasi data sebelum dapat dinyatakan tercapai"),
            (
                hasil.tidak_berlaku,
                "tidak berlaku pada periode ini (tidak ada kasus) dan tidak ikut dihitung",
            ),
            (hasil.tidak_dihitung, "belum dapat dinilai (data tidak tersedia atau belum lengkap)"),
        ):
            if daftar:
                kode = ", ".join(x.kode for x in daftar)
                bagian.append(f"; {len(daftar)} {kata} ({kode}) {alasan}")
        return "".join(bagian)

    def teks_narasi(self, nama: str) -> str | None:
        """A chapter-level narrative field of ``narasi.yaml`` (None when absent or empty)."""
        n = self.narasi
        teks = getattr(n, nama, None) if n is not None else None
        return teks if teks and teks.strip() else None

    def narasi_blok(self, teks: str | None, kelas: str | None = None) -> m.Narasi | None:
        """Analyst Markdown with placeholders filled in (None when there is no text)."""
        if not teks or not teks.strip():
            return None
        return m.Narasi(teks, self.isi, kelas)
