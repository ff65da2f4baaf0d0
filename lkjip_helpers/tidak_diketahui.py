"""The unknown value: a number the data declares "tidak diketahui".

Any number in the data may be written as the literal text ``tidak diketahui`` (see
data/README.md, "Numbers"). It is loaded as the singleton :data:`TIDAK_DIKETAHUI` and carried
through every computation as unknown — never as 0:

- it has no arithmetic and no ordering: ``TIDAK_DIKETAHUI + 1`` or ``TIDAK_DIKETAHUI < 5``
  raise :class:`TypeError`, so no code can turn it into a figure by accident;
- it is truthy (``x or 0`` keeps it unknown) and equal only to itself;
- ``str()`` and ``format()`` give :data:`TEKS` ("data tidak tersedia"), what the report prints;
- sums and averages over values that may be unknown use :func:`jumlah` / :func:`rata_rata`,
  which skip the unknown values and say which ones they skipped.

This module sits at the bottom of the package (beside ``errors`` and ``format_id``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeGuard, TypeVar

EJAAN = "tidak diketahui"
"""How the data spells an unknown number (case-insensitive, surrounding spaces ignored)."""

TEKS = "data tidak tersedia"
"""How the report shows an unknown number."""


class TidakDiketahui:
    """The type of :data:`TIDAK_DIKETAHUI` (a singleton)."""

    __slots__ = ()
    _satu: TidakDiketahui | None = None

    def __new__(cls) -> TidakDiketahui:
        if cls._satu is None:
            cls._satu = super().__new__(cls)
        return cls._satu

    def __repr__(self) -> str:
        return "TIDAK_DIKETAHUI"

    def __str__(self) -> str:
        return TEKS

    def __format__(self, spec: str) -> str:
        return TEKS

    def __bool__(self) -> bool:
        return True

    def __reduce__(self) -> str:
        return "TIDAK_DIKETAHUI"

    def __copy__(self) -> TidakDiketahui:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> TidakDiketahui:
        return self


TIDAK_DIKETAHUI = TidakDiketahui()

N = TypeVar("N", bound=Decimal)


def tidak_diketahui(x: object) -> TypeGuard[TidakDiketahui]:
    """Whether ``x`` is the unknown value."""
    return isinstance(x, TidakDiketahui)


def diketahui(x: Decimal | TidakDiketahui | None) -> TypeGuard[Decimal]:
    """Whether ``x`` is a known number (neither unknown nor ``None``)."""
    return x is not None and not isinstance(x, TidakDiketahui)


def cari(obj: Any, jalur: tuple[int | str, ...] = ()) -> Iterable[tuple[int | str, ...]]:
    """Paths of every unknown value inside ``obj`` (pydantic models, lists, tuples, dicts)."""
    if isinstance(obj, TidakDiketahui):
        yield jalur
        return
    medan = getattr(type(obj), "model_fields", None)
    if isinstance(medan, dict):
        for nama in medan:
            yield from cari(getattr(obj, nama), (*jalur, nama))
    elif isinstance(obj, list | tuple):
        for i, x in enumerate(obj):
            yield from cari(x, (*jalur, i))
    elif isinstance(obj, dict):
        for k, x in obj.items():
            yield from cari(x, (*jalur, k))


def ejaan_tidak_diketahui(x: object) -> bool:
    """Whether ``x`` is the data's spelling of an unknown number (``"tidak diketahui"``)."""
    return isinstance(x, str) and " ".join(x.split()).lower() == EJAAN


@dataclass(frozen=True)
class Agregat:
    """A sum or mean over values some of which may be unknown.

    ``nilai`` is computed from the known values only (``None`` when nothing was given at all,
    :data:`TIDAK_DIKETAHUI` when every value was unknown); ``dilewati`` lists the labels of the
    values skipped because they were unknown, ``jumlah_data`` how many values were used.
    """

    nilai: Decimal | TidakDiketahui | None
    dilewati: tuple[str, ...] = ()
    jumlah_data: int = 0

    @property
    def lengkap(self) -> bool:
        """True when no value was skipped."""
        return not self.dilewati


def _pisah(
    nilai: Iterable[tuple[str, Decimal | TidakDiketahui | None]],
) -> tuple[list[Decimal], list[str], bool]:
    ada: list[Decimal] = []
    lewat: list[str] = []
    diberi = False
    for label, v in nilai:
        if v is None:
            continue
        diberi = True
        if isinstance(v, TidakDiketahui):
            lewat.append(label)
        else:
            ada.append(v)
    return ada, lewat, diberi


def jumlah(nilai: Iterable[tuple[str, Decimal | TidakDiketahui | None]]) -> Agregat:
    """Sum of the known values of ``(label, value)`` pairs; ``None`` values are absent."""
    ada, lewat, diberi = _pisah(nilai)
    if not diberi:
        return Agregat(None)
    if not ada:
        return Agregat(TIDAK_DIKETAHUI, tuple(lewat), 0)
    return Agregat(sum(ada, Decimal(0)), tuple(lewat), len(ada))


def rata_rata(nilai: Iterable[tuple[str, Decimal | TidakDiketahui | None]]) -> Agregat:
    """Mean of the known values of ``(label, value)`` pairs; ``None`` values are absent."""
    ada, lewat, diberi = _pisah(nilai)
    if not diberi:
        return Agregat(None)
    if not ada:
        return Agregat(TIDAK_DIKETAHUI, tuple(lewat), 0)
    return Agregat(sum(ada, Decimal(0)) / Decimal(len(ada)), tuple(lewat), len(ada))
