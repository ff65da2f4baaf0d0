"""What reading a workbook yields (:mod:`.baca`): the problems found, located by sheet and cell
(:class:`Masalah`), the identity the workbook was made for, and the fields it carries by file
with their provenance (:class:`IsiBukuKerja`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...muat import skema as s
from ...muat.parameter import kunci_periode
from . import sel as c


class _Tanpa:
    def __repr__(self) -> str:
        return "TANPA"


TANPA: Any = _Tanpa()
"""No value to quote in a message."""
_GAGAL: Any = object()
"""A cell whose value could not be read (its problem is already recorded)."""


@dataclass
class Masalah:
    """One problem, located by sheet and cell when it comes from the workbook."""

    pesan: str
    lembar: str | None = None
    sel: str | None = None
    konteks: str | None = None
    """What the cell holds (``SK1.1, Target PK``)."""
    nilai: Any = TANPA
    """The value found (quoted in the message)."""
    tingkat: str = "error"

    @property
    def tempat(self) -> str:
        """``Kinerja!K14``, ``Kinerja`` or empty."""
        if self.lembar and self.sel:
            nama = f"'{self.lembar}'" if re.search(r"[^A-Za-z0-9_]", self.lembar) else self.lembar
            return f"{nama}!{self.sel}"
        return self.lembar or ""

    def __str__(self) -> str:
        kon = f" ({self.konteks})" if self.konteks else ""
        nil = f" (ditemukan: {c.teks_tampil(self.nilai)})" if self.nilai is not TANPA else ""
        awal = f"{self.tempat}{kon}: " if self.tempat else (f"{self.konteks}: " if kon else "")
        return f"{awal}{self.pesan}{nil}"


@dataclass(frozen=True)
class Identitas:
    """What the workbook was made for (the hidden sheet ``_lkjip``)."""

    satker: str
    tahun: int
    periode: str
    katalog: str
    versi: int
    jenis: str
    """``templat`` or ``ekspor``."""

    @property
    def kunci(self) -> str:
        """Folder name of the period (:func:`~lkjip_helpers.muat.parameter.kunci_periode`)."""
        return kunci_periode(self.tahun, self.periode)


@dataclass(frozen=True)
class Lokasi:
    """Where a field's value came from."""

    lembar: str
    sel: str
    nilai: Any = TANPA
    konteks: str | None = None


@dataclass
class KonteksData:
    """What the reader needs from the data folder: the catalog and the current files."""

    katalog: s.Katalog
    mentah: dict[str, Any] = field(default_factory=dict)
    """Parsed current YAML of each file the workbook fills (absent files missing)."""


@dataclass
class IsiBukuKerja:
    """The workbook's content by YAML file, with provenance and problems."""

    identitas: Identitas
    hasil: dict[str, dict[str, Any]]
    asal: dict[tuple[str, tuple[Any, ...]], Lokasi]
    bidang: dict[tuple[str, tuple[Any, ...]], frozenset[str]]
    """Fields a row's item carries (a schema problem inside any other field of that item is
    not the row's)."""
    masalah: list[Masalah]
    sel_gagal: set[tuple[str, str]]
    """(sheet, cell) whose value could not be read: schema problems there are not repeated."""
    tak_terbaca: set[tuple[str, tuple[Any, ...]]] = field(default_factory=set)
    """(file, path) filled by a sheet that could not be read (missing sheet or header)."""
    catatan: list[str] = field(default_factory=list)
