"""Placeholders in narrative text: ``{{ name }}`` or ``{{ name | bentuk }}``.

``name`` is a figure of the computed-figures vocabulary (``ikk.SK1.1.capaian``,
``anggaran.penyerapan``, ``nka.nilai`` — see data/README.md) or a cross-reference
``tabel:<kunci>`` / ``gambar:<kunci>``; ``bentuk`` optionally chooses how a figure is written
(:data:`BENTUK`). The report looks the name up among its figures
(:class:`lkjip_helpers.hitung.besaran.Besaran`) and prints the record with the same formatting
as its tables; the checks report names that do not exist. Text inside a placeholder is never read as a literal number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

POLA = re.compile(r"\{\{\s*(?P<isi>[^{}]*?)\s*\}\}")
_NAMA = re.compile(
    r"^(?:(?P<rujuk>tabel|gambar):(?P<kunci>[A-Za-z0-9_.\-]+)|(?P<besaran>[A-Za-z0-9_.\-]+))$"
)

BENTUK: dict[str, str] = {
    "": "as the report prints the figure (unit, %, Rp, poin)",
    "angka": "number with two decimals (1.234,57)",
    "bulat": "whole number (1.235)",
    "persen": "percentage with two decimals (99,21%)",
    "rupiah": "rupiah (Rp16.466.041.000)",
    "kata": "a change as words (naik 3,50 poin / turun 17,86 poin / tetap)",
    "terbilang": "a small count in words (dua puluh lima)",
}


@dataclass(frozen=True)
class Sisipan:
    """One placeholder found in a text."""

    teks: str
    """The whole ``{{ … }}`` as written."""
    awal: int
    akhir: int
    besaran: str | None
    """Figure name, or None for a cross-reference."""
    rujukan: tuple[str, str] | None
    """(``tabel``/``gambar``, key) of a cross-reference."""
    bentuk: str
    sah: bool
    """False when the placeholder's syntax is not understood (wrong characters, unknown
    ``bentuk``)."""


def cari_sisipan(teks: str | None) -> list[Sisipan]:
    """Every placeholder of ``teks``, in order."""
    hasil = []
    for m in POLA.finditer(teks or ""):
        isi, _, bentuk = m["isi"].partition("|")
        isi, bentuk = isi.strip(), bentuk.strip()
        n = _NAMA.fullmatch(isi)
        sah = bool(n) and bentuk in BENTUK
        hasil.append(
            Sisipan(
                teks=m.group(0),
                awal=m.start(),
                akhir=m.end(),
                besaran=n["besaran"] if n and n["besaran"] else None,
                rujukan=(n["rujuk"], n["kunci"]) if n and n["rujuk"] else None,
                bentuk=bentuk,
                sah=sah,
            )
        )
    return hasil


def tanpa_sisipan(teks: str | None) -> str:
    """``teks`` with every placeholder blanked out (same length, for number scanners)."""
    return POLA.sub(lambda m: " " * len(m.group(0)), teks or "")
