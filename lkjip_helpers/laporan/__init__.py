"""Report sections for the chapter notebooks: one method per section, each returning HTML.

Usage in a notebook (after the ``parameters`` cell)::

    from lkjip_helpers.laporan import Laporan
    lap = Laporan(satker, tahun, data_dir, bab=3)
    lap.capaian_ringkas()

Tables and figures are numbered per chapter (``Tabel 3.1``, ``Gambar 3.1``) in the order the
notebook calls the sections. All text from data is escaped or rendered as sanitised Markdown.
"""

from __future__ import annotations

from pathlib import Path

from ..hitung import HasilLaporan, hasil_laporan
from ..hitung.capaian import TERCAPAI, TIDAK_TERCAPAI, HasilIkk
from .bagian import (
    anggaran as _anggaran,
)
from .bagian import (
    ikk as _ikk,
)
from .bagian import (
    pembuka as _pembuka,
)
from .bagian import (
    penutup as _penutup,
)
from .bagian import (
    profil as _profil,
)
from .html import Html

__all__ = ["Html", "Laporan"]

_TEMUAN: dict[int, tuple[object, list]] = {}
"""Findings per loaded data set, shared by the chapters executed in one kernel."""


class Laporan:
    """Section builder for one chapter of one satker's report.

    ``bab`` is the chapter number used in table and figure numbers (0 for front matter,
    ``"E"`` for the ikhtisar, ``"L"`` for the appendix).
    """

    def __init__(
        self, satker: str, tahun: int, data_dir: str | Path = "../data", bab: int | str = 0
    ):
        self.hasil: HasilLaporan = hasil_laporan(satker, tahun, data_dir)
        self.bab = bab
        self._tabel = 0
        self._gambar = 0
        self._temuan: list | None = None

    # numbering ---------------------------------------------------------------------------
    @property
    def _awalan(self) -> str:
        return str(self.bab)

    def nomor_tabel(self) -> str:
        self._tabel += 1
        return f"{self._awalan}.{self._tabel}"

    def nomor_gambar(self) -> str:
        self._gambar += 1
        return f"{self._awalan}.{self._gambar}"

    # front matter ------------------------------------------------------------------------
    def sampul(self) -> Html:
        """Cover page."""
        return Html(_pembuka.sampul(self.hasil))

    def kata_pengantar(self) -> Html:
        """Kata pengantar (the analyst's text, or a drafted one)."""
        return Html(_pembuka.kata_pengantar(self.hasil))

    def ikhtisar(self) -> Html:
        """Ikhtisar eksekutif: narrative, headline figures and the capaian table."""
        return Html(_pembuka.ikhtisar(self))

    # Bab I -------------------------------------------------------------------------------
    def narasi(self, nama: str) -> Html:
        """A chapter-level narrative field of ``narasi.yaml`` (Markdown)."""
        return Html(_pembuka.narasi(self.hasil, nama))

    def gambaran_umum(self) -> Html:
        """Location, capacity vs occupants (table and chart), land and buildings."""
        return Html(_profil.gambaran_umum(self))

    def kepegawaian(self) -> Html:
        """Staff by gender, education and rank."""
        return Html(_profil.kepegawaian(self))

    def tugas_fungsi(self) -> Html:
        """Tugas pokok, fungsi, Tabel tugas-fungsi-wewenang and per seksi."""
        return Html(_profil.tugas_fungsi(self))

    def aspek_isu_strategis(self) -> Html:
        return Html(_profil.aspek_isu(self.hasil))

    # Bab II ------------------------------------------------------------------------------
    def renstra(self) -> Html:
        """Visi, misi, tata nilai, tujuan, sasaran kegiatan."""
        return Html(_profil.renstra(self.hasil))

    def perjanjian_kinerja(self) -> Html:
        """The Perjanjian Kinerja table: sasaran → IKK → target."""
        return Html(_ikk.tabel_pk(self))

    def alokasi_anggaran(self) -> Html:
        """Budget allocation per program/kegiatan and per sasaran."""
        return Html(_anggaran.alokasi(self))

    # Bab III A ---------------------------------------------------------------------------
    def capaian_ringkas(self) -> Html:
        """Tabel capaian all IKK and the capaian chart."""
        return Html(_ikk.ringkas(self))

    def analisis_sasaran(self, kode: str) -> Html:
        """Every analysis of PermenPANRB 53/2014 for each IKK of sasaran ``kode``."""
        return Html(_ikk.analisis_sasaran(self, kode))

    def analisis_semua_sasaran(self) -> Html:
        """:meth:`analisis_sasaran` for every sasaran of the Perjanjian Kinerja, in order."""
        return Html("".join(_ikk.analisis_sasaran(self, k) for k in self.daftar_sasaran()))

    def daftar_sasaran(self) -> list[str]:
        return [r.sasaran.kode for r in self.hasil.sasaran]

    # Bab III B–D -------------------------------------------------------------------------
    def realisasi_anggaran(self) -> Html:
        """Pagu and realisasi per sasaran and per jenis belanja, this year and last."""
        return Html(_anggaran.realisasi(self))

    def efisiensi(self) -> Html:
        """Capaian kinerja vs penyerapan per sasaran (efficiency of resources)."""
        return Html(_anggaran.efisiensi(self))

    def smart_dja(self) -> Html:
        return Html(_anggaran.smart(self))

    def ikpa(self) -> Html:
        return Html(_anggaran.ikpa(self))

    def nilai_kinerja_anggaran(self) -> Html:
        return Html(_anggaran.nka(self))

    def kinerja_lainnya(self) -> Html:
        """e-Performance per triwulan, e-Monev per month, prioritas nasional."""
        return Html(_anggaran.lainnya(self))

    # Bab IV and appendices ---------------------------------------------------------------
    def kesimpulan(self) -> Html:
        return Html(_penutup.kesimpulan(self))

    def saran(self) -> Html:
        return Html(_penutup.saran(self))

    def lampiran_pk(self) -> Html:
        return Html(_penutup.lampiran_pk(self))

    def lampiran_sk_tim(self) -> Html:
        return Html(_penutup.lampiran_sk(self))

    def lampiran_sop(self) -> Html:
        return Html(_penutup.lampiran_sop(self))

    def lampiran_dokumen(self) -> Html:
        return Html(_penutup.lampiran_dokumen(self))

    def hasil_pemeriksaan(self) -> Html:
        """Appendix: every data-check finding."""
        return Html(_penutup.pemeriksaan(self))

    # shared helpers for the section modules ----------------------------------------------
    def temuan(self) -> list:
        """Data-check findings (computed once per chapter)."""
        if self._temuan is None:
            from ..periksa import periksa_data

            data = self.hasil.data
            simpan = _TEMUAN.get(id(data))
            if simpan is None or simpan[0] is not data:
                simpan = (data, periksa_data(data))
                _TEMUAN.clear()
                _TEMUAN[id(data)] = simpan
            self._temuan = simpan[1]
        return self._temuan

    @property
    def ikk(self) -> list[HasilIkk]:
        return self.hasil.ikk

    def jumlah_status(self) -> tuple[int, int]:
        return (
            sum(h.status == TERCAPAI for h in self.ikk),
            sum(h.status == TIDAK_TERCAPAI for h in self.ikk),
        )
