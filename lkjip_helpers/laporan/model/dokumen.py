"""Sections (:class:`Bagian`) and the numbered document (:class:`Dokumen`)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .blok import Blok, ratakan
from .gambar import Gambar
from .tabel import Tabel

if TYPE_CHECKING:
    import pandas as pd

STATIC = Path(__file__).resolve().parents[2] / "static"


@cache
def gaya_tampilan() -> str:
    """The CSS a section's notebook display carries (scoped to ``div.lkjip``)."""
    return (STATIC / "tampilan.css").read_text(encoding="utf-8")


class Bagian:
    """What a section helper returns: its blocks, rendered in a notebook like in the report."""

    def __init__(self, blok: Iterable[Blok] = (), dok: Dokumen | None = None) -> None:
        self.blok: list[Blok] = [b for b in blok if b is not None]
        self.dok = dok
        self.nama: str | None = None
        """The section's name in the report's plan (``sampul``, ``capaian_ringkas`` …)."""

    def __iter__(self) -> Iterator[Blok]:
        return iter(self.blok)

    def __bool__(self) -> bool:
        return bool(self.blok)

    def __add__(self, lain: Bagian) -> Bagian:
        return Bagian([*self.blok, *lain.blok], self.dok or lain.dok)

    def html(self) -> str:
        return "".join(b.html(self.dok) for b in self.blok)

    def sidik(self) -> str:
        """Fingerprint of the section's display (see :meth:`Blok.sidik`)."""
        isi = "|".join(b.sidik(self.dok) for b in self.blok)
        return hashlib.sha256(isi.encode("utf-8")).hexdigest()

    def __str__(self) -> str:
        return self.html()

    def __contains__(self, teks: str) -> bool:
        return teks in self.html()

    @property
    def tabel(self) -> list[Tabel]:
        """The tables of this section, in order."""
        return [b for b in ratakan(self.blok) if isinstance(b, Tabel)]

    @property
    def gambar(self) -> list[Gambar]:
        return [b for b in ratakan(self.blok) if isinstance(b, Gambar)]

    @property
    def df(self) -> pd.DataFrame:
        """The first table as a DataFrame (``.tabel[i].df`` for the others)."""
        if not self.tabel:
            raise ValueError("bagian ini tidak memuat tabel")
        return self.tabel[0].df

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        from ..bundel import MIME_BAGIAN, bagian_ke_json

        isi = self.html()
        return {
            "text/html": f'<style class="lkjip-gaya">{gaya_tampilan()}</style>'
            f'<div class="lkjip lkjip-tampilan">{isi}</div>',
            "text/plain": "\n".join(b.teks_polos(self.dok) for b in self.blok)[:2000] or "(kosong)",
            MIME_BAGIAN: bagian_ke_json(self),
        }


class Rujukan(set):  # type: ignore[type-arg]
    """The (``tabel``/``gambar``, key) pairs of a report; :attr:`nomor` maps (``tabel``/
    ``gambar``, number) to (key, caption)."""

    nomor: dict[tuple[str, str], tuple[str, str]]

    def __init__(self, isi: object = ()) -> None:
        super().__init__(isi)  # type: ignore[arg-type]
        self.nomor = {}


class Dokumen:
    """The sections of a report in document order, with tables and figures numbered.

    ``bab`` maps a chapter code (``0``, ``"E"``, ``1`` … ``"L"``) to its sections in order.
    Numbers are ``<bab>.<n>``, counted per chapter over numbered tables and figures.
    """

    def __init__(self) -> None:
        self.bab: dict[int | str, dict[str, Bagian]] = {}
        self._kunci: dict[tuple[str, str], Tabel | Gambar] = {}
        self._sidik_bab: dict[int | str, str] = {}
        """:meth:`sidik_bab` as computed (the build's chapter keys and laporan.docx's key
        both ask); forgotten when a section is added or the document numbered."""

    def tambah(self, bab: int | str, nama: str, blok: Iterable[Blok]) -> Bagian:
        b = Bagian(blok, self)
        b.nama = nama
        self.bab.setdefault(bab, {})[nama] = b
        self._sidik_bab.pop(bab, None)
        return b

    def nomori(self) -> None:
        """Assign numbers in document order; keys must be unique."""
        self._kunci.clear()
        self._sidik_bab.clear()
        for kode, bagian in self.bab.items():
            n_tabel = n_gambar = 0
            for b in bagian.values():
                for x in ratakan(b.blok):
                    if isinstance(x, Tabel):
                        if x.bernomor:
                            n_tabel += 1
                            x.nomor = f"{kode}.{n_tabel}"
                    elif isinstance(x, Gambar):
                        n_gambar += 1
                        x.nomor = f"{kode}.{n_gambar}"
                    else:
                        continue
                    jenis = "tabel" if isinstance(x, Tabel) else "gambar"
                    if (jenis, x.kunci) in self._kunci:
                        raise ValueError(f"kunci {jenis} ganda: {x.kunci!r}")
                    self._kunci[(jenis, x.kunci)] = x

    def bagian(self, bab: int | str, nama: str) -> Bagian:
        return self.bab[bab][nama]

    def sidik_bab(self, bab: int | str) -> str | None:
        """Fingerprint of everything one chapter's sections show (None: no such chapter);
        computed once (the blocks of a numbered document are not changed afterwards)."""
        if bab not in self.bab:
            return None
        if bab not in self._sidik_bab:
            isi = "|".join(f"{nama}={b.sidik()}" for nama, b in self.bab[bab].items())
            self._sidik_bab[bab] = hashlib.sha256(isi.encode("utf-8")).hexdigest()
        return self._sidik_bab[bab]

    def kunci_rujukan(self) -> Rujukan:
        """Every (``tabel``/``gambar``, key) a narrative may cross-reference (with the
        numbering, for typed "Tabel 3.9" references: :attr:`Rujukan.nomor`)."""
        r = Rujukan(self._kunci)
        r.nomor = {
            (jenis, x.nomor): (kunci, x.judul)
            for (jenis, kunci), x in self._kunci.items()
            if x.nomor
        }
        return r

    def cari(self, jenis: str, kunci: str) -> Tabel | Gambar | None:
        """The table (``jenis="tabel"``) or figure (``"gambar"``) with this key."""
        return self._kunci.get((jenis, kunci))

    def semua_tabel(self, bernomor: bool = True) -> list[Tabel]:
        """Every (numbered) table in document order."""
        return [
            x
            for bagian in self.bab.values()
            for b in bagian.values()
            for x in b.tabel
            if x.bernomor or not bernomor
        ]
