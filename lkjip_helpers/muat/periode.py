"""The report period of a data set: which months it spans, which it covers, how to name it.

A report is annual (``tahunan``), half-yearly (``semester-1``/``-2``) or quarterly
(``triwulan-1`` … ``-4``); ids and labels in :data:`~lkjip_helpers.muat.parameter.PERIODE`.
A period *spans* fixed calendar months (Semester I = Januari–Juni, Semester II = Juli–Desember,
Triwulan III = Juli–September, the year = Januari–Desember) and *covers* the months up to its
last closed month (``bulan_terakhir`` in ``kinerja.yaml``): a Semester I report written in June
covers Januari–Mei. Its data are complete when the last covered month is the span's last month.

A semester or triwulan report is **cumulative** (``kumulatif: true``, the default: "s.d.
Semester II" covers Januari–Desember, "s.d. Triwulan III" Januari–September, as the LKjIP and
e-Performance of most satker state their capaian) or the period alone (``kumulatif: false``:
Semester II = Juli–Desember). For Semester I, Triwulan I and the year both are the same months.

Comparisons are like-for-like: with the same months of the previous year (:meth:`Periode.sebanding`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .. import format_id as f
from .parameter import PERIODE, kunci_periode, validasi_periode

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


KUMULATIF_BAWAAN: dict[str, bool] = {"tahunan": True, "semester": True, "triwulan": True}
"""Default of ``periode_laporan.kumulatif`` by period kind (documented in data/README.md)."""


def kumulatif_bawaan(periode: str) -> bool:
    """Default ``kumulatif`` of a period id (``semester-2`` → True)."""
    p = validasi_periode(periode)
    return KUMULATIF_BAWAAN[p.rsplit("-", 1)[0] if p != "tahunan" else p]


def rentang_periode(periode: str) -> tuple[int, int]:
    """(first month, last month) of the period's own months: ``semester-2`` → (7, 12) (a
    cumulative report covers from January: :attr:`Periode.bulan_awal`)."""
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
    'Januari–Mei 2022 dibandingkan Januari–Mei 2021'
    >>> Periode.buat(2022, "semester-2").rentang_bulan
    'Januari–Desember 2022'
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
    """First month the report covers (1–12): January when cumulative."""
    bulan_akhir: int
    """Last month the period spans (1–12)."""
    bulan_terakhir: int
    """Last month the data cover (the period's own first month ≤ it ≤ ``bulan_akhir``)."""
    kumulatif: bool = True
    """Whether the figures run from January (``s.d. Semester II``) rather than the period's
    own months only (only matters for Semester II and Triwulan II–IV)."""

    @classmethod
    def buat(
        cls,
        tahun: int,
        periode: str = "tahunan",
        bulan_terakhir: int | None = None,
        kumulatif: bool | None = None,
    ) -> Periode:
        """Build the period; ``bulan_terakhir`` defaults to the span's last month,
        ``kumulatif`` to :data:`KUMULATIF_BAWAAN` of the period kind."""
        p = validasi_periode(periode)
        awal, akhir = rentang_periode(p)
        kum = kumulatif_bawaan(p) if kumulatif is None else bool(kumulatif)
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
        return cls(tahun, p, jenis, ke, PERIODE[p], 1 if kum else awal, akhir, terakhir, kum)

    @property
    def kunci(self) -> str:
        """Folder name: ``2023`` or ``2022-semester-1``."""
        return kunci_periode(self.tahun, self.id)

    @property
    def tahunan(self) -> bool:
        return self.id == "tahunan"

    @property
    def sampai_dengan(self) -> bool:
        """Cumulative over more than the period's own months ("s.d. Semester II")."""
        return not self.tahunan and self.bulan_awal < rentang_periode(self.id)[0]

    @property
    def label_cakupan(self) -> str:
        """``Semester I``, ``s.d. Semester II`` (cumulative), ``Triwulan III``."""
        return f"s.d. {self.label}" if self.sampai_dengan else self.label

    @property
    def judul(self) -> str:
        """Title text: ``Tahun 2023``, ``Semester I Tahun 2022``, ``s.d. Semester II Tahun
        2022`` (cumulative)."""
        return f"Tahun {self.tahun}" if self.tahunan else f"{self.label_cakupan} Tahun {self.tahun}"

    @property
    def nama_periode(self) -> str:
        """Noun phrase for prose: ``tahun ini``, ``semester ini``, ``triwulan ini``."""
        return {"tahunan": "tahun"}.get(self.jenis, self.jenis) + " ini"

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
        """``tahun 2023 dibandingkan tahun 2022`` or ``Januari–Mei 2022 dibandingkan
        Januari–Mei 2021`` (like-for-like: the same months of the previous year)."""
        if not self.sebagian_tahun:
            return f"tahun {self.tahun} dibandingkan tahun {self.tahun - 1}"
        lalu = rentang_bulan_teks(self.bulan_awal, self.bulan_terakhir, self.tahun - 1)
        return f"{self.rentang_bulan} dibandingkan {lalu}"

    @property
    def sebagian_tahun(self) -> bool:
        """True when the figures cover less than January–December (a cumulative Semester II
        with data to December covers the whole year)."""
        return not (self.bulan_awal == 1 and self.bulan_terakhir == 12)

    @property
    def porsi_waktu(self) -> Decimal:
        """Share of the year the covered months are, in percent (Januari–Mei: 41,67)."""
        return Decimal(self.jumlah_bulan * 100) / Decimal(12)

    def sebanding(self, lain: Periode) -> bool:
        """Whether ``lain`` (a previous year's period) covers the same months, so a change
        between the two may be printed."""
        return (self.bulan_awal, self.bulan_terakhir) == (lain.bulan_awal, lain.bulan_terakhir)

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
