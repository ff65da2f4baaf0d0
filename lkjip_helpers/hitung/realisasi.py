"""Realisasi of one indicator: the result record (:class:`HasilRealisasi`), a ratio with its
0/0 rules (:func:`hitung_rasio`) and the errors a computation raises. The period table is
:mod:`.tabel_periode`; capaian and status are :mod:`.capaian`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..tidak_diketahui import TidakDiketahui

if TYPE_CHECKING:
    from .tabel_periode import TabelPeriode

SERATUS = Decimal(100)
NOL = Decimal(0)

Nilai = Decimal | TidakDiketahui
"""A computed figure: a number, or unknown because an input was declared unknown."""


TEKS_PENYEBUT_NOL: dict[str, str] = {
    "seratus": "tidak ada kasus (0/0); sesuai definisi indikator dihitung 100%",
    "nol": "tidak ada kasus (0/0); sesuai definisi indikator dihitung 0%",
    "tidak_berlaku": "tidak ada kasus (0/0); sesuai definisi indikator tidak berlaku "
    "(tidak ikut dihitung dalam jumlah dan rata-rata capaian)",
}
"""How the report says which 0/0 rule applied (by ``penyebut_nol``)."""


class GalatHitung(ValueError):
    """A figure cannot be computed from the data (the message says why, in Indonesian)."""


class PenyebutNolTanpaAturan(GalatHitung):
    """A zero penyebut and the indicator sets no rule for it (``penyebut_nol: galat``)."""


@dataclass(frozen=True)
class HasilRealisasi:
    """Realisasi of one indicator for the report period."""

    nilai: Nilai | None
    pembilang: Nilai | None = None
    penyebut: Nilai | None = None
    keterangan: str | None = None
    tidak_berlaku: bool = False
    per_periode: tuple[tuple[int, Nilai | None], ...] = ()
    jenis_periode: str | None = None
    aturan_penyebut_nol: str | None = None
    """The 0/0 rule that was applied (``seratus``, ``nol``, ``tidak_berlaku``), if any."""
    dilewati: tuple[str, ...] = ()
    """Periods skipped in the aggregate because a value is unknown."""
    tabel: TabelPeriode | None = None


def galat_tanpa_aturan(sumber: str | None) -> GalatHitung:
    asal = f" ({sumber})" if sumber else ""
    return PenyebutNolTanpaAturan(
        "penyebut bernilai nol dan indikator tidak menetapkan aturan penyebut nol"
        f"{asal}; setel penyebut_nol: seratus, nol atau tidak_berlaku"
    )


def hitung_rasio(
    pembilang: Decimal, penyebut: Decimal, aturan_nol: str, sumber: str | None = None
) -> tuple[Decimal | None, str | None, bool, str | None]:
    """(percent, note, not applicable, rule applied) of pembilang / penyebut."""
    if penyebut == 0:
        if pembilang != 0:
            raise GalatHitung(
                f"pembilang {pembilang} dengan penyebut 0: pembilang tidak mungkin ada bila "
                "penyebutnya nol; periksa datanya"
            )
        if aturan_nol == "seratus":
            return SERATUS, TEKS_PENYEBUT_NOL["seratus"], False, "seratus"
        if aturan_nol == "nol":
            return NOL, TEKS_PENYEBUT_NOL["nol"], False, "nol"
        if aturan_nol == "tidak_berlaku":
            return None, TEKS_PENYEBUT_NOL["tidak_berlaku"], True, "tidak_berlaku"
        raise galat_tanpa_aturan(sumber)
    return pembilang / penyebut * SERATUS, None, False, None
