"""Domain rules that change with regulations, versioned by fiscal year (TA).

Each rule set names its legal basis so that the report can cite it. To add a year, append a
version; ranges must not overlap (tests check it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from ..errors import LkjipError

D = Decimal


@dataclass(frozen=True)
class Versi:
    mulai: int
    sampai: int | None  # inclusive; None = open-ended

    def berlaku(self, tahun: int) -> bool:
        return self.mulai <= tahun and (self.sampai is None or tahun <= self.sampai)


@dataclass(frozen=True)
class AturanSmart(Versi):
    """SMART-DJA (Nilai Kinerja Anggaran aspek implementasi)."""

    dasar: str = ""
    bobot: dict[str, Decimal] = field(default_factory=dict)
    """Weights in percent of the components ``capaian_ro``, ``nilai_efisiensi``,
    ``konsistensi``, ``penyerapan``."""
    batas_efisiensi: Decimal = D(20)
    """Efficiency (percent saved) is clamped to +/- this before conversion."""


@dataclass(frozen=True)
class AturanIkpa(Versi):
    """IKPA weights per component and the aspect each belongs to."""

    dasar: str = ""
    bobot: dict[str, Decimal] = field(default_factory=dict)
    aspek: dict[str, tuple[str, ...]] = field(default_factory=dict)
    dispensasi_pengurang: bool = False
    """True from TA 2024: Dispensasi SPM deducts points instead of being weighted."""


@dataclass(frozen=True)
class AturanNka(Versi):
    """Combined budget-performance score: weighted SMART and IKPA (as the seed reports)."""

    dasar: str = ""
    bobot_smart: Decimal = D(60)
    bobot_ikpa: Decimal = D(40)


LABEL_KOMPONEN_SMART = {
    "capaian_ro": "Capaian Rincian Output (CRO)",
    "nilai_efisiensi": "Efisiensi",
    "konsistensi": "Konsistensi penyerapan terhadap perencanaan",
    "penyerapan": "Penyerapan anggaran",
}

LABEL_KOMPONEN_IKPA = {
    "revisi_dipa": "Revisi DIPA",
    "deviasi_halaman_iii_dipa": "Deviasi Halaman III DIPA",
    "penyerapan_anggaran": "Penyerapan Anggaran",
    "belanja_kontraktual": "Belanja Kontraktual",
    "penyelesaian_tagihan": "Penyelesaian Tagihan",
    "pengelolaan_up_tup": "Pengelolaan UP/TUP",
    "dispensasi_spm": "Dispensasi SPM",
    "capaian_output": "Capaian Output",
}

LABEL_ASPEK_IKPA = {
    "perencanaan": "Kualitas Perencanaan Anggaran",
    "pelaksanaan": "Kualitas Pelaksanaan Anggaran",
    "hasil": "Kualitas Hasil Pelaksanaan Anggaran",
}

SMART: tuple[AturanSmart, ...] = (
    AturanSmart(
        mulai=2021,
        sampai=None,
        dasar="PMK 22/2021",
        bobot={
            "capaian_ro": D("43.5"),
            "nilai_efisiensi": D("28.6"),
            "konsistensi": D("18.2"),
            "penyerapan": D("9.7"),
        },
    ),
)

IKPA: tuple[AturanIkpa, ...] = (
    AturanIkpa(
        mulai=2022,
        sampai=2023,
        dasar="PER-5/PB/2022",
        bobot={
            "revisi_dipa": D(10),
            "deviasi_halaman_iii_dipa": D(10),
            "penyerapan_anggaran": D(20),
            "belanja_kontraktual": D(10),
            "penyelesaian_tagihan": D(10),
            "pengelolaan_up_tup": D(10),
            "dispensasi_spm": D(5),
            "capaian_output": D(25),
        },
        aspek={
            "perencanaan": ("revisi_dipa", "deviasi_halaman_iii_dipa"),
            "pelaksanaan": (
                "penyerapan_anggaran",
                "belanja_kontraktual",
                "penyelesaian_tagihan",
                "pengelolaan_up_tup",
                "dispensasi_spm",
            ),
            "hasil": ("capaian_output",),
        },
    ),
    AturanIkpa(
        mulai=2024,
        sampai=None,
        dasar="PER-5/PB/2024",
        bobot={
            "revisi_dipa": D(10),
            "deviasi_halaman_iii_dipa": D(15),
            "penyerapan_anggaran": D(20),
            "belanja_kontraktual": D(10),
            "penyelesaian_tagihan": D(10),
            "pengelolaan_up_tup": D(10),
            "capaian_output": D(25),
        },
        aspek={
            "perencanaan": ("revisi_dipa", "deviasi_halaman_iii_dipa"),
            "pelaksanaan": (
                "penyerapan_anggaran",
                "belanja_kontraktual",
                "penyelesaian_tagihan",
                "pengelolaan_up_tup",
            ),
            "hasil": ("capaian_output",),
        },
        dispensasi_pengurang=True,
    ),
)

NKA: tuple[AturanNka, ...] = (
    AturanNka(mulai=2021, sampai=None, dasar="LKjIP Kemenkumham (60% SMART + 40% IKPA)"),
)

PREDIKAT: tuple[tuple[Decimal, str], ...] = (
    (D(95), "Sangat Baik"),
    (D(89), "Baik"),
    (D(70), "Cukup"),
    (D(0), "Kurang"),
)
"""Lower bounds of the IKPA predicates (inclusive), highest first."""


class AturanTidakAda(LkjipError):
    """No rule version covers the requested fiscal year."""


T = TypeVar("T", bound="Versi")


def _pilih(versi: tuple[T, ...], tahun: int, nama: str) -> T:
    for v in versi:
        if v.berlaku(tahun):
            return v
    rentang = ", ".join(f"{v.mulai}–{v.sampai or '…'}" for v in versi)
    raise AturanTidakAda(f"aturan {nama} untuk TA {tahun} belum tersedia (tersedia: {rentang})")


def aturan_smart(tahun: int) -> AturanSmart:
    return _pilih(SMART, tahun, "SMART-DJA")


def aturan_ikpa(tahun: int) -> AturanIkpa:
    return _pilih(IKPA, tahun, "IKPA")


def aturan_nka(tahun: int) -> AturanNka:
    return _pilih(NKA, tahun, "Nilai Kinerja Anggaran")


def predikat(nilai: Decimal | None) -> str | None:
    """IKPA predicate: ≥95 Sangat Baik, 89–<95 Baik, 70–<89 Cukup, <70 Kurang."""
    if nilai is None:
        return None
    for batas, label in PREDIKAT:
        if nilai >= batas:
            return label
    return PREDIKAT[-1][1]
