"""Capaian kinerja anggaran: SMART-DJA, IKPA and their combined score (NKA).

Official values stand: when the data record a score as its application published it
(``evaluasi.yaml`` ``smart.nilai`` / ``ikpa.nilai``), that is the value to print and the one the
combined score uses; the score recomputed from the components (``nilai_hitung``) is only a
check (``periksa`` reports a difference above :data:`TOLERANSI_RESMI`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..muat import skema as s
from . import aturan

SERATUS = Decimal(100)
NOL = Decimal(0)
TOLERANSI_RESMI = Decimal("0.01")
"""A published score may differ from our recomputation by rounding up to this much."""


def nilai_efisiensi(efisiensi: Decimal, batas: Decimal = Decimal(20)) -> Decimal:
    """PMK 22/2021: NE = 50 + (E / 20) × 50, with E clamped to ±20 (so NE is 0–100)."""
    e = max(-batas, min(batas, efisiensi))
    return Decimal(50) + e / batas * Decimal(50)


class _SkorResmi:
    """What the SMART-DJA and IKPA results share: a score to print that may be the published
    one (``resmi``), and the recomputation it is checked against."""

    nilai: Decimal
    nilai_hitung: Decimal | None
    resmi: bool

    @property
    def selisih_resmi(self) -> Decimal | None:
        """Published minus recomputed score (None when no published value is recorded)."""
        if not self.resmi or self.nilai_hitung is None:
            return None
        return self.nilai - self.nilai_hitung


@dataclass
class HasilSmart(_SkorResmi):
    tahun: int
    aturan: aturan.AturanSmart
    komponen: dict[str, Decimal]
    """Component scores used (``nilai_efisiensi`` as given, or converted from efisiensi)."""
    kontribusi: dict[str, Decimal]
    nilai: Decimal
    """The score to print: the published one when the data give it, else ``nilai_hitung``."""
    nilai_efisiensi_rumus: Decimal | None = None
    """Efficiency score recomputed from the raw efisiensi (None when not given)."""
    nilai_hitung: Decimal | None = None
    """The score recomputed from the components (always set by :func:`hitung_smart`)."""
    resmi: bool = False
    """True when ``nilai`` is the value published by the SMART-DJA application."""


def hitung_smart(x: s.Smart, tahun: int) -> HasilSmart:
    """Weighted SMART-DJA score."""
    a = aturan.aturan_smart(tahun)
    ne_rumus = nilai_efisiensi(x.efisiensi, a.batas_efisiensi) if x.efisiensi is not None else None
    ne = x.nilai_efisiensi if x.nilai_efisiensi is not None else ne_rumus
    assert ne is not None  # schema guarantees one of them
    komponen = {
        "capaian_ro": x.capaian_ro,
        "nilai_efisiensi": ne,
        "konsistensi": x.konsistensi,
        "penyerapan": x.penyerapan,
    }
    kontribusi = {k: komponen[k] * a.bobot[k] / SERATUS for k in a.bobot}
    nilai_hitung = sum(kontribusi.values(), NOL)
    resmi = x.nilai is not None
    return HasilSmart(
        tahun,
        a,
        komponen,
        kontribusi,
        x.nilai if x.nilai is not None else nilai_hitung,
        ne_rumus,
        nilai_hitung=nilai_hitung,
        resmi=resmi,
    )


@dataclass
class HasilIkpa(_SkorResmi):
    tahun: int
    aturan: aturan.AturanIkpa
    nilai_komponen: dict[str, Decimal | None]
    bobot_efektif: dict[str, Decimal]
    """Weights after renormalising over the assessed components (konversi bobot)."""
    nilai_akhir: dict[str, Decimal]
    """Weighted contribution of each assessed component."""
    aspek: dict[str, Decimal | None]
    nilai_total: Decimal
    pengurang: Decimal
    nilai: Decimal
    """The score to print: the published one when the data give it, else ``nilai_hitung``."""
    konversi_bobot: Decimal
    """Share of the total weight that was assessed (100 % when nothing is missing)."""
    predikat: str | None = field(default=None)
    """Predicate of ``nilai`` (so of the published score when there is one)."""
    nilai_hitung: Decimal | None = None
    """The score recomputed from the components (always set by :func:`hitung_ikpa`)."""
    resmi: bool = False
    """True when ``nilai`` is the value published by the IKPA application (OM-SPAN)."""


def hitung_ikpa(x: s.Ikpa, tahun: int) -> HasilIkpa:
    """IKPA score with the rule set of the fiscal year; unassessed components renormalise."""
    a = aturan.aturan_ikpa(tahun)
    nilai_komponen: dict[str, Decimal | None] = {k: getattr(x, k) for k in a.bobot}
    dinilai = {k: v for k, v in nilai_komponen.items() if v is not None}
    total_bobot = sum(a.bobot.values(), NOL)
    bobot_dinilai = sum((a.bobot[k] for k in dinilai), NOL)
    if bobot_dinilai == 0:
        raise ValueError("tidak ada komponen IKPA yang dinilai")
    # Multiply before dividing: 100 / 90 is not a finite decimal, and a factor rounded to 28
    # digits would turn an exact 98.51 into 98.5099… (and a half-up tie into a round-down).
    bobot_efektif = {k: a.bobot[k] * total_bobot / bobot_dinilai for k in dinilai}
    nilai_akhir = {k: v * a.bobot[k] / SERATUS for k, v in dinilai.items()}
    nilai_total = sum(nilai_akhir.values(), NOL) * total_bobot / bobot_dinilai
    aspek: dict[str, Decimal | None] = {}
    for nama, anggota in a.aspek.items():
        ada = [k for k in anggota if k in dinilai]
        if not ada:
            aspek[nama] = None
            continue
        b = sum((a.bobot[k] for k in ada), NOL)
        aspek[nama] = sum((nilai_akhir[k] for k in ada), NOL) / b * SERATUS
    pengurang = x.pengurang_dispensasi_spm if a.dispensasi_pengurang else NOL
    nilai_hitung = max(NOL, nilai_total - pengurang)
    nilai = x.nilai if x.nilai is not None else nilai_hitung
    return HasilIkpa(
        tahun=tahun,
        aturan=a,
        nilai_komponen=nilai_komponen,
        bobot_efektif=bobot_efektif,
        nilai_akhir=nilai_akhir,
        aspek=aspek,
        nilai_total=nilai_total,
        pengurang=pengurang,
        nilai=nilai,
        konversi_bobot=bobot_dinilai / total_bobot * SERATUS,
        predikat=aturan.predikat(nilai),
        nilai_hitung=nilai_hitung,
        resmi=x.nilai is not None,
    )


@dataclass
class HasilNka:
    tahun: int
    aturan: aturan.AturanNka
    smart: Decimal
    ikpa: Decimal
    nilai: Decimal
    predikat: str | None


def hitung_nka(smart: Decimal, ikpa: Decimal, tahun: int) -> HasilNka:
    """Combined budget-performance score: bobot_smart % × SMART + bobot_ikpa % × IKPA.

    Pass the scores to print (``HasilSmart.nilai``, ``HasilIkpa.nilai``): the published ones
    where recorded, so 0,6 × 91,24 + 0,4 × 98,66 = 94,208 for the sample.
    """
    a = aturan.aturan_nka(tahun)
    nilai = (smart * a.bobot_smart + ikpa * a.bobot_ikpa) / SERATUS
    # No predicate: the combined score is a Kemenkumham composition without published bands.
    return HasilNka(tahun, a, smart, ikpa, nilai, None)
