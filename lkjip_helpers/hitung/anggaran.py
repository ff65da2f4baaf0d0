"""Budget: penyerapan, sisa, breakdowns, two-year comparison and efficiency per sasaran.

A pagu or realisasi declared unknown stays unknown: its penyerapan and sisa are unknown, and
the sum of a breakdown skips it and lists it in ``dilewati``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..muat import skema as s
from ..tidak_diketahui import TIDAK_DIKETAHUI, TidakDiketahui
from ..tidak_diketahui import jumlah as jumlah_diketahui

Nilai = Decimal | TidakDiketahui

SERATUS = Decimal(100)
NOL = Decimal(0)

LABEL_JENIS_BELANJA = {
    "pegawai": "Belanja Pegawai",
    "barang": "Belanja Barang",
    "modal": "Belanja Modal",
    "bantuan_sosial": "Bantuan Sosial",
    "lainnya": "Belanja Lainnya",
}

EFISIEN = "Efisien"
CUKUP_EFISIEN = "Cukup efisien"
TIDAK_EFISIEN = "Tidak efisien"
MELEBIHI_PAGU = "Tidak dinilai: realisasi melebihi pagu"
DI_BAWAH_PORSI = "Tidak dinilai: penyerapan di bawah porsi periode"
"""A partial period whose absorption lags its expected share by more than the threshold:
spending late in the year is not a saving, so no efficiency is claimed."""


def penyerapan(pagu: Nilai | None, realisasi: Nilai | None) -> Nilai | None:
    """realisasi / pagu × 100; ``None`` when pagu is zero or a value is missing; unknown when
    a value is unknown."""
    if pagu is None or realisasi is None:
        return None
    if isinstance(pagu, TidakDiketahui) or isinstance(realisasi, TidakDiketahui):
        return TIDAK_DIKETAHUI
    if pagu == 0:
        return None
    return realisasi / pagu * SERATUS


def sisa(pagu: Nilai | None, realisasi: Nilai | None) -> Nilai | None:
    """pagu − realisasi (negative when realisasi exceeds pagu); unknown when a value is."""
    if pagu is None or realisasi is None:
        return None
    if isinstance(pagu, TidakDiketahui) or isinstance(realisasi, TidakDiketahui):
        return TIDAK_DIKETAHUI
    return pagu - realisasi


@dataclass(frozen=True)
class BarisAnggaran:
    """One budget line with its derived figures."""

    kunci: str
    label: str
    pagu: Nilai
    realisasi: Nilai | None
    dilewati_pagu: tuple[str, ...] = ()
    """For a sum: labels of the lines whose pagu is unknown (left out of the sum)."""
    dilewati_realisasi: tuple[str, ...] = ()
    """For a sum: labels of the lines whose realisasi is unknown (left out of the sum)."""

    @property
    def penyerapan(self) -> Nilai | None:
        if self.dilewati_pagu != self.dilewati_realisasi:
            return TIDAK_DIKETAHUI  # the two sums cover different lines: no ratio
        return penyerapan(self.pagu, self.realisasi)

    @property
    def sisa(self) -> Nilai | None:
        if self.dilewati_pagu != self.dilewati_realisasi:
            return TIDAK_DIKETAHUI
        return sisa(self.pagu, self.realisasi)

    @property
    def lengkap(self) -> bool:
        """False when this sum left out lines whose figures are unknown."""
        return not (self.dilewati_pagu or self.dilewati_realisasi)


def _jumlah(kunci: str, label: str, baris: list[BarisAnggaran]) -> BarisAnggaran | None:
    """The sum of a breakdown; unknown figures are skipped and listed, a line without
    realisasi makes the realisasi sum missing."""
    if not baris:
        return None
    pagu = jumlah_diketahui((b.label, b.pagu) for b in baris)
    if any(b.realisasi is None for b in baris):
        real, lewat_real = None, ()
    else:
        r = jumlah_diketahui((b.label, b.realisasi) for b in baris)
        real, lewat_real = r.nilai, r.dilewati
    assert pagu.nilai is not None
    return BarisAnggaran(kunci, label, pagu.nilai, real, pagu.dilewati, lewat_real)


@dataclass
class HasilAnggaran:
    """A year's budget: total and breakdowns, each with its sum for consistency checks."""

    tahun: int
    total: BarisAnggaran
    per_sasaran: list[BarisAnggaran] = field(default_factory=list)
    sasaran_jumlah: BarisAnggaran | None = None
    per_program: list[BarisAnggaran] = field(default_factory=list)
    program_jumlah: BarisAnggaran | None = None
    per_jenis: list[BarisAnggaran] = field(default_factory=list)
    jenis_jumlah: BarisAnggaran | None = None

    def sasaran(self, kode: str) -> BarisAnggaran | None:
        return next((b for b in self.per_sasaran if b.kunci == kode), None)


def hitung_anggaran(
    a: s.Anggaran, tahun: int, nama_sasaran: dict[str, str] | None = None
) -> HasilAnggaran:
    """Derive penyerapan and sisa for the total and every breakdown."""
    nama_sasaran = nama_sasaran or {}
    total = BarisAnggaran("total", "Total DIPA", a.pagu, a.realisasi)
    ps = [
        BarisAnggaran(x.sasaran, nama_sasaran.get(x.sasaran, x.sasaran), x.pagu, x.realisasi)
        for x in a.per_sasaran
    ]
    pp = [
        BarisAnggaran(
            str(i), (x.kegiatan and f"{x.program} — {x.kegiatan}") or x.program, x.pagu, x.realisasi
        )
        for i, x in enumerate(a.per_program, start=1)
    ]
    pj = [
        BarisAnggaran(x.jenis, LABEL_JENIS_BELANJA[x.jenis], x.pagu, x.realisasi)
        for x in a.per_jenis_belanja
    ]
    return HasilAnggaran(
        tahun=tahun,
        total=total,
        per_sasaran=ps,
        sasaran_jumlah=_jumlah("jumlah", "Jumlah seluruh sasaran", ps),
        per_program=pp,
        program_jumlah=_jumlah("jumlah", "Jumlah seluruh program", pp),
        per_jenis=pj,
        jenis_jumlah=_jumlah("jumlah", "Jumlah seluruh jenis belanja", pj),
    )


@dataclass(frozen=True)
class PorsiPenyerapan:
    """The share of the annual pagu a partial period should have absorbed (percent)."""

    persen: Decimal
    sumber: str
    """How it was set, for the report: ``rencana penarikan dana (target penyerapan per
    triwulan)`` or ``porsi waktu (5 dari 12 bulan)``."""


def porsi_penyerapan(a: s.Anggaran, bulan_awal: int, bulan_terakhir: int) -> PorsiPenyerapan:
    """Expected absorption of the months ``bulan_awal``–``bulan_terakhir``.

    With the satker's ``target_penyerapan`` (cumulative % by the end of each triwulan) the
    expected cumulative share at the end of a month is interpolated linearly inside its
    triwulan (0 % at the start of the year); a period's share is the difference between its
    last month and the month before it starts (Juli–Desember alone: target at December minus
    target at June). Without a plan covering those months, the share is time-proportional:
    months covered / 12 × 100 (Januari–Mei: 41,67 %).
    """
    rencana = {0: NOL, **{t.triwulan * 3: t.persen for t in a.target_penyerapan}}
    titik = sorted(rencana)

    def kumulatif(bulan: int) -> Decimal | None:
        if bulan in rencana:
            return rencana[bulan]
        sebelum = max(b for b in titik if b < bulan)
        sesudah = [b for b in titik if b > bulan]
        if not sesudah or sesudah[0] - sebelum > 3:
            return None
        b2 = sesudah[0]
        return rencana[sebelum] + (rencana[b2] - rencana[sebelum]) * (bulan - sebelum) / (
            b2 - sebelum
        )

    if a.target_penyerapan:
        akhir, awal = kumulatif(bulan_terakhir), kumulatif(bulan_awal - 1)
        if akhir is not None and awal is not None:
            return PorsiPenyerapan(
                akhir - awal, "rencana penarikan dana (target penyerapan per triwulan)"
            )
    n = bulan_terakhir - bulan_awal + 1
    return PorsiPenyerapan(Decimal(n) * SERATUS / 12, f"porsi waktu ({n} dari 12 bulan)")


def efisiensi(
    capaian: Nilai | None,
    serapan: Nilai | None,
    ambang: Decimal = Decimal(5),
    porsi: Decimal | None = None,
) -> tuple[Decimal | None, str | None]:
    """Efficiency label from capaian kinerja minus penyerapan anggaran (percentage points).

    ``> ambang`` efisien; within ``± ambang`` cukup efisien; below ``-ambang`` tidak efisien.
    Spending above the pagu (penyerapan > 100 %) is not called efficient at all.
    In a partial period (``porsi``: the share of the pagu expected by now, in percent) the
    absorption compared is relative to that share (``serapan / porsi × 100``): 39,2 % absorbed
    by May against 41,67 % expected counts as 94,08 %, not as 39,2 %; below ``100 − ambang``
    of its share the label is :data:`DI_BAWAH_PORSI` (late spending is not efficiency).
    ``(None, None)`` when a figure is missing or unknown.
    """
    if not isinstance(capaian, Decimal) or not isinstance(serapan, Decimal):
        return None, None
    if porsi is not None and porsi <= 0:
        return None, None
    relatif = serapan if porsi is None else serapan / porsi * SERATUS
    selisih = capaian - relatif
    if serapan > SERATUS:
        return selisih, MELEBIHI_PAGU
    if porsi is not None and relatif < SERATUS - ambang:
        return selisih, DI_BAWAH_PORSI
    if selisih > ambang:
        return selisih, EFISIEN
    if selisih >= -ambang:
        return selisih, CUKUP_EFISIEN
    return selisih, TIDAK_EFISIEN
