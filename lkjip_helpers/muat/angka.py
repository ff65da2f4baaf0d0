"""The number policy of the data model (data/README.md, "Numbers").

Every number in a data file goes through :func:`baca_angka` before anything is computed:

- it must be a YAML number (``1177``, ``99.21``, ``1.5e3``); a quoted text is never read as a
  number — ``"1.177"`` could mean 1177 (Indonesian thousands separator) or 1,177, so it is an
  error that says how to write it;
- or the literal ``tidak diketahui`` (an unknown value, where the field allows it);
- no ``.nan``/``.inf``, no ``true``/``false``;
- at most :data:`DIGIT_BULAT` digits before the decimal point and :data:`DIGIT_DESIMAL` after
  it (a 30-digit pagu or a penyebut of ``1e-30`` is a typing error, not a figure);
- non-negative where the field says so (counts, money, targets), whole where it counts people,
  units or documents, strictly positive where zero makes no sense (kapasitas).

Values become :class:`~decimal.Decimal` (floats through their shortest ``repr``: ``87.28`` stays
``87.28``) or :data:`~lkjip_helpers.tidak_diketahui.TIDAK_DIKETAHUI`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import PlainValidator, WithJsonSchema

from ..tidak_diketahui import EJAAN, TIDAK_DIKETAHUI, TidakDiketahui, ejaan_tidak_diketahui

DIGIT_BULAT = 15
"""Digits allowed before the decimal point (10^15 rupiah is far above any satker's pagu)."""
DIGIT_DESIMAL = 6
"""Digits allowed after the decimal point."""
BATAS = Decimal(10) ** DIGIT_BULAT

_RIBUAN_TITIK = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+$")
_RIBUAN_KOMA = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+$")
_DESIMAL_KOMA = re.compile(r"^[+-]?\d+,\d+$")
_ANGKA_POLOS = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_RUPIAH = re.compile(r"^(?:rp\.?\s*)", re.IGNORECASE)


def _saran_teks(teks: str) -> str:
    """The message for a number written as quoted text, with how to write it instead."""
    t = " ".join(teks.split())
    inti = _RUPIAH.sub("", t).replace(" ", "").rstrip("%")
    awal = f"angka ditulis sebagai teks ({t!r}); angka tidak boleh diapit tanda kutip"
    if _RIBUAN_TITIK.fullmatch(inti):
        polos = inti.replace(".", "")
        return (
            f"{awal}, dan titik di sini bisa berarti pemisah ribuan ({polos}) atau desimal "
            f"({inti}): tulis tanpa tanda kutip dan tanpa pemisah ribuan, mis. {polos} "
            f"(atau {inti} tanpa tanda kutip bila memang pecahan)"
        )
    if _RIBUAN_KOMA.fullmatch(inti):
        polos = inti.replace(",", "")
        return f"{awal}: tulis tanpa tanda kutip dan tanpa pemisah ribuan, mis. {polos}"
    if _DESIMAL_KOMA.fullmatch(inti):
        return (
            f"{awal}: tulis desimal dengan titik, tanpa tanda kutip, mis. {inti.replace(',', '.')}"
        )
    if _ANGKA_POLOS.fullmatch(inti):
        return f"{awal}: hapus tanda kutip, mis. {inti}"
    return f"harus berupa angka (atau {EJAAN!r} bila tidak diketahui)"


def _desimal(nilai: Any) -> Decimal:
    """A YAML number (int, float, Decimal) as a finite Decimal; ValueError for anything else."""
    if isinstance(nilai, bool):
        raise ValueError("harus berupa angka, bukan true/false")
    if isinstance(nilai, str):
        raise ValueError(_saran_teks(nilai))
    if isinstance(nilai, int):
        return Decimal(nilai)
    if isinstance(nilai, float):
        if math.isnan(nilai):
            raise ValueError("harus angka terhingga (bukan .nan)")
        if math.isinf(nilai):
            raise ValueError(
                "harus angka terhingga: nilai ini tak terhingga (.inf, atau angka terlalu besar "
                "seperti 1e400)"
            )
        return Decimal(repr(nilai))
    if isinstance(nilai, Decimal):
        if not nilai.is_finite():
            raise ValueError("harus angka terhingga (bukan .nan atau .inf)")
        return nilai
    raise ValueError(f"harus berupa angka (atau {EJAAN!r} bila tidak diketahui)")


def _cek_digit(d: Decimal) -> None:
    """At most :data:`DIGIT_BULAT` digits before the point and :data:`DIGIT_DESIMAL` after."""
    try:
        terlalu_besar = abs(d) >= BATAS
        eksponen = d.normalize().as_tuple().exponent
    except InvalidOperation:  # pragma: no cover - finite decimals always compare
        raise ValueError("bukan angka yang sah") from None
    if terlalu_besar:
        raise ValueError(
            f"angka terlalu besar (paling banyak {DIGIT_BULAT} digit sebelum koma); "
            "periksa apakah ada digit yang berlebih"
        )
    if isinstance(eksponen, int) and eksponen < -DIGIT_DESIMAL:
        raise ValueError(
            f"angka terlalu kecil atau terlalu banyak desimal (paling banyak {DIGIT_DESIMAL} "
            "angka di belakang koma)"
        )


def baca_angka(
    nilai: Any,
    *,
    boleh_tidak_diketahui: bool = True,
    tidak_negatif: bool = False,
    positif: bool = False,
    bulat: bool = False,
) -> Decimal | TidakDiketahui:
    """Apply the number policy to one parsed YAML value; raise ValueError (Indonesian)."""
    if nilai is None:
        raise ValueError(f"wajib diisi (tulis angka, atau {EJAAN!r} bila tidak diketahui)")
    if isinstance(nilai, TidakDiketahui) or ejaan_tidak_diketahui(nilai):
        if not boleh_tidak_diketahui:
            raise ValueError(f"nilai ini tidak boleh {EJAAN!r}; isi angkanya")
        return TIDAK_DIKETAHUI
    d = _desimal(nilai)
    _cek_digit(d)
    if d == 0:
        d = abs(d)  # -0 is 0
    if positif and d <= 0:
        raise ValueError(
            f"harus lebih besar dari 0 (tulis {EJAAN!r} bila angkanya tidak diketahui)"
        )
    if (tidak_negatif or positif) and d < 0:
        raise ValueError("tidak boleh negatif")
    if bulat and d != d.to_integral_value():
        raise ValueError("harus bilangan bulat (jumlah orang, unit atau dokumen tidak berpecahan)")
    return d


def _validator(**aturan: bool) -> Callable[[Any], Decimal | TidakDiketahui]:
    def periksa(nilai: Any) -> Decimal | TidakDiketahui:
        return baca_angka(nilai, **aturan)

    return periksa


_SKEMA_JSON = WithJsonSchema({"anyOf": [{"type": "number"}, {"const": EJAAN}]})

Angka = Annotated[Decimal | TidakDiketahui, PlainValidator(_validator()), _SKEMA_JSON]
"""Any number (may be negative) or ``tidak diketahui``."""
NonNeg = Annotated[
    Decimal | TidakDiketahui, PlainValidator(_validator(tidak_negatif=True)), _SKEMA_JSON
]
"""A non-negative number (money, percent, area, score) or ``tidak diketahui``."""
Positif = Annotated[Decimal | TidakDiketahui, PlainValidator(_validator(positif=True)), _SKEMA_JSON]
"""A number above 0 (kapasitas) or ``tidak diketahui``."""
Cacah = Annotated[
    Decimal | TidakDiketahui,
    PlainValidator(_validator(tidak_negatif=True, bulat=True)),
    _SKEMA_JSON,
]
"""A count of people, units, documents: a whole number ≥ 0, or ``tidak diketahui``."""
AngkaPasti = Annotated[
    Decimal,
    PlainValidator(_validator(boleh_tidak_diketahui=False)),
    WithJsonSchema({"type": "number"}),
]
"""A number that must be known (a stated claim)."""
NonNegPasti = Annotated[
    Decimal,
    PlainValidator(_validator(boleh_tidak_diketahui=False, tidak_negatif=True)),
    WithJsonSchema({"type": "number"}),
]
"""A non-negative number that must be known (settings)."""


def baca_sel(nilai: Any) -> str | Decimal | TidakDiketahui | None:
    """A supporting-table cell: text stays text, a number follows the number policy (signs
    allowed), ``tidak diketahui`` is the unknown value, empty is ``None``."""
    if nilai is None or isinstance(nilai, TidakDiketahui):
        return nilai
    if ejaan_tidak_diketahui(nilai):
        return TIDAK_DIKETAHUI
    if isinstance(nilai, bool):
        raise ValueError("sel tabel berisi true/false; tulis sebagai teks, mis. 'Ya' atau 'Tidak'")
    if isinstance(nilai, str):
        return nilai
    if isinstance(nilai, int | float | Decimal):
        return baca_angka(nilai)
    raise ValueError("sel tabel harus berupa teks atau angka")


Sel = Annotated[
    str | Decimal | TidakDiketahui | None,
    PlainValidator(baca_sel),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}]}),
]
"""One cell of a supporting table (text, number, ``tidak diketahui`` or empty)."""
