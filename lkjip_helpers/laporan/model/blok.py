"""The blocks of a section: headings, paragraphs, lists, narratives, markup, groups, formulas."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .tanda import atribut, esc

if TYPE_CHECKING:
    from .dokumen import Dokumen


class Blok:
    """A block of the document. Subclasses render themselves to HTML."""

    def html(self, dok: Dokumen | None = None) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def teks_polos(self, dok: Dokumen | None = None) -> str:
        """Plain text (for notebooks' text/plain output and searches); ``dok`` resolves
        cross-references ``{{ tabel:… }}`` in narratives."""
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", self.html(dok))).strip()

    def sidik(self, dok: Dokumen | None = None) -> str:
        """Fingerprint of what the block shows (sha256); equal fingerprints render the same.
        A figure's is computed from its inputs, without drawing it."""
        return hashlib.sha256(self.html(dok).encode("utf-8")).hexdigest()


@dataclass
class Judul(Blok):
    """A heading inside a section (h3–h5; chapter and section headings are the notebooks')."""

    tingkat: int
    isi: str
    id: str | None = None
    kelas: str | None = None
    markup: str | None = None
    """Sanitised inner markup of a heading read from markup (``BAB II<br/>PERENCANAAN``);
    ``isi`` is then its text."""
    wadah: tuple[str, ...] = ()
    """Classes of the sections around a heading read from markup (``sampul`` …)."""

    def html(self, dok: Dokumen | None = None) -> str:
        attr = atribut(kelas=self.kelas, id=self.id)
        isi = esc(self.isi) if self.markup is None else self.markup
        return f"<h{self.tingkat}{attr}>{isi}</h{self.tingkat}>"


@dataclass
class Paragraf(Blok):
    """A paragraph of text drafted by the tool (escaped, no Markdown)."""

    isi: str
    kelas: str | None = None

    def html(self, dok: Dokumen | None = None) -> str:
        return f"<p{atribut(kelas=self.kelas)}>{esc(self.isi)}</p>"


@dataclass
class Daftar(Blok):
    """A list of plain-text items."""

    butir: list[str]
    berurut: bool = True

    def html(self, dok: Dokumen | None = None) -> str:
        tag = "ol" if self.berurut else "ul"
        return f"<{tag}>" + "".join(f"<li>{esc(b)}</li>" for b in self.butir) + f"</{tag}>"


@dataclass
class Narasi(Blok):
    """Analyst text (Markdown, sanitised) whose ``{{ … }}`` placeholders are filled in.

    ``isi`` resolves a placeholder name to its text (figures, formatted as the tables format
    them); cross-references ``{{ tabel:<kunci> }}`` are resolved against the document.
    """

    teks: str
    isi: Callable[[str, str], str] | None = None
    kelas: str | None = None

    def asal_angka(self) -> list[tuple[str, str]]:
        """Where every number this text prints comes from: ``(text, asal)`` with ``asal``
        ``isian`` (a computed figure by placeholder), ``resmi`` (an official score by
        placeholder, printed as published), ``rujukan`` (a table or figure number) or
        ``literal`` (typed by the analyst; examined by :mod:`lkjip_helpers.periksa.literal`)."""
        from ...muat.sisipan import POLA, cari_sisipan
        from ...periksa.narasi import _ANGKA

        out: list[tuple[str, str]] = []
        for x in cari_sisipan(self.teks):
            if x.rujukan is not None:
                out.append((x.teks, "rujukan"))
            elif x.besaran in NILAI_RESMI:
                out.append((x.teks, "resmi"))
            else:
                out.append((x.teks, "isian"))
        polos = POLA.sub(" ", self.teks)
        out += [(m.group(0).strip(), "literal") for m in _ANGKA.finditer(polos)]
        return out

    def html(self, dok: Dokumen | None = None) -> str:
        from ..html import markdown
        from ..narasi import isi_sisipan

        teks = isi_sisipan(self.teks, self.isi, dok)
        keluar = markdown(teks)
        if self.kelas and keluar:
            return f"<div{atribut(kelas=self.kelas)}>{keluar}</div>"
        return keluar

    def simpul(self, dok: Dokumen | None = None) -> list[Any]:
        """The text as typed nodes (:mod:`..teks_kaya`; parsed as for :meth:`html`), what the
        Word renderer writes."""
        from ..narasi import isi_sisipan
        from ..teks_kaya import Wadah, dari_markdown

        isi = dari_markdown(isi_sisipan(self.teks, self.isi, dok))
        return [Wadah((self.kelas,), isi)] if self.kelas and isi else isi


NILAI_RESMI = frozenset({"smart.nilai", "ikpa.nilai"})
"""Placeholders of scores printed as their application published them (a recomputation is
only a check): the official values a narrative may name."""


@dataclass
class Html(Blok):
    """Markup built by the tool itself from escaped parts (cover, signature blocks)."""

    isi: str

    def html(self, dok: Dokumen | None = None) -> str:
        return self.isi


@dataclass
class Kelompok(Blok):
    """Blocks grouped in a ``<section class="…">`` (one IKK's analysis)."""

    kelas: str
    blok: list[Blok]
    kunci: str | None = None
    """What the group is about (an IKK code), so other blocks can be added to it."""

    def html(self, dok: Dokumen | None = None) -> str:
        isi = "".join(b.html(dok) for b in self.blok)
        return f"<section{atribut(kelas=self.kelas)}>{isi}</section>"

    def teks_polos(self, dok: Dokumen | None = None) -> str:
        return "\n".join(b.teks_polos(dok) for b in self.blok)

    def sidik(self, dok: Dokumen | None = None) -> str:
        isi = "|".join([self.kelas, *(b.sidik(dok) for b in self.blok)])
        return hashlib.sha256(isi.encode("utf-8")).hexdigest()


def ratakan(blok: Iterable[Blok]) -> Iterator[Blok]:
    """Every block, groups opened (document order)."""
    for b in blok:
        if isinstance(b, Kelompok):
            yield from ratakan(b.blok)
        else:
            yield b


@dataclass(frozen=True)
class Pecahan:
    """A stacked fraction in a formula line."""

    atas: str
    bawah: str


@dataclass(frozen=True)
class Tebal:
    """The result of a formula line, in bold."""

    isi: str


BagianRumus = str | Pecahan | Tebal


@dataclass
class Rumus(Blok):
    """Formula lines (``Realisasi = pembilang/penyebut × 100% = 121,92%``) as HTML/CSS
    fractions; each fraction also carries a hidden ``/`` so it reads right without the CSS."""

    baris: list[tuple[BagianRumus, ...]]
    catatan: list[str] = field(default_factory=list)

    def html(self, dok: Dokumen | None = None) -> str:
        out = []
        for baris in self.baris:
            bagian = []
            for b in baris:
                if isinstance(b, Pecahan):
                    bagian.append(
                        f'<span class="pecahan"><span class="pembilang">{esc(b.atas)}</span>'
                        '<span class="garis-miring"> / </span>'
                        f'<span class="penyebut">{esc(b.bawah)}</span></span>'
                    )
                elif isinstance(b, Tebal):
                    bagian.append(f"<strong>{esc(b.isi)}</strong>")
                else:
                    bagian.append(esc(b))
            out.append(f'<div class="rumus">{" ".join(bagian)}</div>')
        out += [f'<p class="catatan-rumus">{esc(c)}</p>' for c in self.catatan]
        return '<div class="blok-rumus">' + "".join(out) + "</div>"

    def teks_polos(self, dok: Dokumen | None = None) -> str:
        def satu(b: BagianRumus) -> str:
            if isinstance(b, Pecahan):
                return f"({b.atas}) / ({b.bawah})"
            return b.isi if isinstance(b, Tebal) else b

        return "\n".join(" ".join(satu(b) for b in baris) for baris in self.baris)
