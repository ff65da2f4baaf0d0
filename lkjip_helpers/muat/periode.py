"""The report period of a data set: which months it spans, which it covers, how to name it.

A report is annual (``tahunan``), half-yearly (``semester-1``/``-2``) or quarterly
(``triwulan-1`` … ``-4``); ids and labels in :data:`~lkjip_helpers.muat.parameter.PERIODE`.
A period *spans* fixed calendar months (Semester I = Januari–Juni, Semester II = Juli–Desember,
Triwulan III = Juli–September, the year = Januari–Desember) and *covers* the months up to its
last closed month (``bulan_terakhir`` in ``kinerja.yaml``): a Semester I report written in June
covers Januari–Mei. Its data are complete when the last covered month is the span's last month.

Comparisons are always with the annual data of the previous year.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import format_id as f
from .parameter import PERIODE, kunci_periode, validasi_periode

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def rentang_periode(periode: str) -> tuple[int, int]:
    """(first month, last month) a period spans: ``semester-2`` → (7, 12)."""
    p = validasi_periode(periode)
    if p == "tahunan":
        return 1, 12
    jenis, ke = p.rsplit("-", 1)
    n = int(ke)
    panjang = 6 if jenis == "semester" else 3
    return (n - 1) * panjang + 1, n * panjang


def rentang_bulan_teks(awal: int, akhir: int, tahun: int) -> str:
    """``Januari–Mei 2022``; one month: ``Mei 2022``."""
    if awal == akhir:
        return f"{f.nama_bulan(awal)} {tahun}"
    return f"{f.nama_bulan(awal)}–{f.nama_bulan(akhir)} {tahun}"


@dataclass(frozen=True)
class Periode:
    """Everything the report needs to say about its period.

    >>> p = Periode.buat(2022, "semester-1", 5)
    >>> p.judul, p.rentang_bulan, p.lengkap
    ('Semester I Tahun 2022', 'Januari–Mei 2022', False)
    >>> p.frasa_perbandingan
    'Januari–Mei 2022 dibandingkan tahun 2021'
    """

    tahun: int
    id: str
    """``tahunan``, ``semester-1`` … (the ``periode`` parameter)."""
    jenis: str
    """``tahunan``, ``semester`` or ``triwulan``."""
    ke: int | None
    """1 for Semester I / Triwulan I …; ``None`` for the year."""
    label: str
    """``Tahunan``, ``Semester I``, ``Triwulan III``."""
    bulan_awal: int
    """First month the period spans (1–12)."""
    bulan_akhir: int
    """Last month the period spans (1–12)."""
    bulan_terakhir: int
    """Last month the data cover (``bulan_awal`` ≤ it ≤ ``bulan_akhir``)."""

    @classmethod
    def buat(
        cls, tahun: int, periode: str = "tahunan", bulan_terakhir: int | None = None
    ) -> Periode:
        """Build the period; ``bulan_terakhir`` defaults to the span's last month."""
        p = validasi_periode(periode)
        awal, akhir = rentang_periode(p)
        terakhir = akhir if bulan_terakhir is None else bulan_terakhir
        if not awal <= terakhir <= akhir:
            raise ValueError(
                f"bulan_terakhir {terakhir} di luar rentang {PERIODE[p]} "
                f"({f.nama_bulan(awal)}–{f.nama_bulan(akhir)}, bulan {awal}–{akhir})"
            )
        if p == "tahunan":
            jenis, ke = "tahunan", None
        else:
            jenis, nomor = p.rsplit("-", 1)
            ke = int(nomor)
        return cls(tahun, p, jenis, ke, PERIODE[p], awal, akhir, terakhir)

    @property
    def kunci(self) -> str:
        """Folder name: ``2023`` or ``2022-semester-1``."""
        return kunci_periode(self.tahun, self.id)

    @property
    def tahunan(self) -> bool:
        return self.id == "tahunan"

    @property
    def judul(self) -> str:
        """Title text: ``Tahun 2023``, ``Semester I Tahun 2022``."""
        return f"Tahun {self.tahun}" if self.tahunan else f"{self.label} Tahun {self.tahun}"

    @property
    def rentang_bulan(self) -> str:
        """Months the data cover: ``Januari–Desember 2023``, ``Januari–Mei 2022``."""
        return rentang_bulan_teks(self.bulan_awal, self.bulan_terakhir, self.tahun)

    @property
    def rentang_penuh(self) -> str:
        """Months the period spans: ``Januari–Juni 2022``."""
        return rentang_bulan_teks(self.bulan_awal, self.bulan_akhir, self.tahun)

    @property
    def lengkap(self) -> bool:
        """Whether the data cover the whole period."""
        return self.bulan_terakhir == self.bulan_akhir

    @property
    def jumlah_bulan(self) -> int:
        """Months covered."""
        return self.bulan_terakhir - self.bulan_awal + 1

    @property
    def frasa_perbandingan(self) -> str:
        """``tahun 2023 dibandingkan tahun 2022`` or ``Januari–Mei 2022 dibandingkan tahun
        2021`` (the previous year is always its annual data)."""
        if self.tahunan and self.lengkap:
            return f"tahun {self.tahun} dibandingkan tahun {self.tahun - 1}"
        return f"{self.rentang_bulan} dibandingkan tahun {self.tahun - 1}"

    @property
    def sebagian_tahun(self) -> bool:
        """True when the figures cover less than the whole year (so a comparison with the
        previous full year must say so)."""
        return not (self.tahunan and self.lengkap)

    def bulan_diharapkan(self, jenis: str, mulai: int | None = None) -> list[int]:
        """Numbers (``ke``) of the months/triwulan/semesters that should have data: those
        inside the span, closed by ``bulan_terakhir``, from ``mulai`` on."""
        panjang = {"bulan": 1, "triwulan": 3, "semester": 6}[jenis]
        hasil = []
        for ke in range(1, 12 // panjang + 1):
            awal, akhir = (ke - 1) * panjang + 1, ke * panjang
            tertutup = awal >= self.bulan_awal and akhir <= self.bulan_terakhir
            if tertutup and (mulai is None or ke >= mulai):
                hasil.append(ke)
        return hasil

    def dalam_rentang(self, jenis: str, ke: int) -> bool:
        """Whether period ``ke`` of kind ``jenis`` lies inside the report period's span."""
        panjang = {"bulan": 1, "triwulan": 3, "semester": 6}[jenis]
        awal, akhir = (ke - 1) * panjang + 1, ke * panjang
        return awal >= self.bulan_awal and akhir <= self.bulan_akhir


def label_periode(jenis: str, ke: int) -> str:
    """Row label of period data: ``Januari``, ``Triwulan II``, ``Semester I``."""
    if jenis == "bulan":
        return f.nama_bulan(ke)
    return f"{jenis.capitalize()} {ROMAWI.get(ke, str(ke))}"
