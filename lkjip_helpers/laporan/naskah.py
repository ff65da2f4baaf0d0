"""The assembled report: the chapters' pieces in document order, finished once, on the model.

The build reads each executed chapter notebook into pieces (:mod:`lkjip_helpers.keluaran.html`):
a markdown cell (:class:`SelTeks`: its headings as :class:`~.model.Judul` blocks, the rest as
sanitised markup), a section's display (:class:`Tampilan`: the section's blocks, carried as
JSON by the display output) and any other output of the analyst's (:class:`Keluaran`,
sanitised). :meth:`Naskah.selesaikan` then, once and on these blocks:

- leaves out a heading with no content before the next heading of its level or higher (a
  section without data; a chapter all of whose sections are left out), then the cells and
  displays left empty;
- letters a chapter's lettered sections (``A. …``, ``B. …``) in sequence again;
- gives every h1–h3 a unique id and marks chapter headings ``h1.bab``;
- marks short tables ``utuh`` (kept on one page in print);
- inserts Daftar Isi, Daftar Tabel and Daftar Gambar after the cover and kata pengantar.

:meth:`Naskah.html` renders the body; the page shell is a Jinja template
(:mod:`lkjip_helpers.keluaran.html`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from .markup import Markup, Tanda
from .model import (
    BARIS_UTUH,
    Bagian,
    Blok,
    Dokumen,
    Gambar,
    Judul,
    Kelompok,
    Tabel,
    atribut,
    esc,
    ratakan,
)

_TAG = re.compile(r"<[^>]*>")
_ISI_TANPA_TEKS = re.compile(r"<(img|svg|table|hr)\b", re.IGNORECASE)
_HURUF_JUDUL = re.compile(r"^(\s*)([A-Z])(\.\s)")
WADAH_PEMBUKA = frozenset({"sampul", "kata-pengantar"})
"""Groups whose h1 is no chapter heading (cover, kata pengantar)."""
BAGIAN_PEMBUKA = frozenset({"sampul", "kata_pengantar"})
"""Sections after whose display the front matter (Daftar Isi …) is inserted."""


def berisi(html: str) -> bool:
    """Whether rendered markup shows anything: text, a picture, a table or a rule."""
    return bool(_TAG.sub("", html).strip()) or bool(_ISI_TANPA_TEKS.search(html))


def teks_satu_baris(teks: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(teks.split())


def slug_judul(teks: str) -> str:
    """A heading's id from its text: ASCII letters and digits joined by ``-``, lower case."""
    t = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode()
    t = re.sub(r"[^a-zA-Z0-9]+", "-", t).strip("-").lower()
    return t[:60].strip("-") or "bagian"


# --------------------------------------------------------------------------- pieces


@dataclass
class SelTeks:
    """A markdown cell of a chapter notebook: headings and sanitised markup."""

    blok: list[Blok]
    id_lain: set[str] = field(default_factory=set)
    """Ids of its elements other than headings (kept unique by :meth:`Naskah.beri_id`)."""
    kelas_section: set[str] = field(default_factory=set)
    """Classes of its sections (the front matter follows a cover or kata pengantar)."""

    @classmethod
    def dari(cls, m: Markup) -> SelTeks:
        return cls(m.blok, m.ids, m.kelas_section)

    def html(self) -> str:
        return '<div class="sel-teks">\n' + "".join(b.html() for b in self.blok) + "\n</div>"


@dataclass
class Tampilan:
    """A section's display in a chapter notebook (its blocks)."""

    bagian: Bagian
    id_lain: set[str] = field(default_factory=set)

    @property
    def blok(self) -> list[Blok]:
        return self.bagian.blok

    def html(self) -> str:
        return '<div class="lkjip lkjip-tampilan">' + self.bagian.html() + "</div>"


@dataclass
class Keluaran:
    """Any other output of a notebook cell, rendered and sanitised."""

    blok: list[Blok]
    id_lain: set[str] = field(default_factory=set)
    kelas_section: set[str] = field(default_factory=set)

    @classmethod
    def dari(cls, m: Markup) -> Keluaran:
        return cls(m.blok, m.ids, m.kelas_section)

    def html(self) -> str:
        return "".join(b.html() for b in self.blok)


@dataclass
class DaftarIsi:
    """A front-matter list: Daftar Isi, Daftar Tabel or Daftar Gambar."""

    id: str
    judul: str
    kosong: str
    butir: list[tuple[str, str, int]] = field(default_factory=list)
    blok: list[Blok] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.blok = [Judul(1, self.judul, f"{self.id}-judul", "daftar-judul")]

    def html(self) -> str:
        if self.butir:
            isi = "".join(
                f"<li{atribut(kelas=f'tingkat-{tingkat}' if tingkat else 'butir')}>"
                f"<a{atribut(href='#' + id_)}>{esc(teks)}</a></li>"
                for id_, teks, tingkat in self.butir
            )
            isi = f"<ol>{isi}</ol>"
        else:
            isi = f'<p class="kosong">{esc(self.kosong)}</p>'
        return f"<section{atribut(kelas=f'daftar {self.id}', id=self.id)}>{self.blok[0].html()}{isi}</section>"


@dataclass
class Polos:
    """Blocks without a wrapper (a document built in the build process: the review memo);
    ``dok`` resolves narratives' cross-references."""

    blok: list[Blok]
    dok: Dokumen | None = None

    def html(self) -> str:
        return "".join(b.html(self.dok) for b in self.blok)


Potongan = SelTeks | Tampilan | Keluaran | DaftarIsi | Polos


@dataclass
class _Letak:
    """Where a heading is: its piece, the list holding it, the groups around it."""

    potongan: Potongan
    wadah: list[Blok]
    kelompok: tuple[str, ...]


def _judul_dalam(
    blok: list[Blok], kelompok: tuple[str, ...] = ()
) -> Iterator[tuple[Blok, list[Blok], tuple[str, ...]]]:
    """Every block in document order with the list holding it and the groups around it."""
    for b in blok:
        yield b, blok, kelompok
        if isinstance(b, Kelompok):
            yield from _judul_dalam(b.blok, (*kelompok, *b.kelas.split()))


@dataclass
class Naskah:
    """The report's pieces in document order."""

    potongan: list[Potongan] = field(default_factory=list)

    def _blok(self) -> Iterator[tuple[Blok, _Letak]]:
        for p in self.potongan:
            for b, wadah, kelompok in _judul_dalam(p.blok):
                yield b, _Letak(p, wadah, kelompok)

    def judul(self, tingkat: tuple[int, ...] = (1, 2, 3)) -> Iterator[tuple[Judul, _Letak]]:
        """The headings of these levels in document order (``letak.kelompok`` also names
        the sections around a heading read from markup)."""
        for b, letak in self._blok():
            if isinstance(b, Judul) and b.tingkat in tingkat:
                letak.kelompok = (*letak.kelompok, *b.wadah)
                yield b, letak

    def figur(self, jenis: str) -> list[Tabel | Gambar | Tanda]:
        """The numbered tables (``jenis="tabel"``) or the figures (``"gambar"``) in document
        order, with the figures of that class in markup."""
        model = Tabel if jenis == "tabel" else Gambar
        return [
            b
            for b, _ in self._blok()
            if (isinstance(b, model) and getattr(b, "bernomor", True))
            or (isinstance(b, Tanda) and b.jenis == jenis)
        ]

    @property
    def tabel(self) -> list[Tabel]:
        """Every table in document order."""
        return [b for p in self.potongan for b in ratakan(p.blok) if isinstance(b, Tabel)]

    @property
    def gambar(self) -> list[Gambar]:
        return [b for p in self.potongan for b in ratakan(p.blok) if isinstance(b, Gambar)]

    def html(self) -> str:
        return "".join(p.html() for p in self.potongan)

    # finishing ------------------------------------------------------------------------
    def selesaikan(self, *, daftar: bool = True, bab: bool = True) -> Naskah:
        """Finish the document once (see the module's docstring); return it.

        ``daftar=False`` leaves the front matter out and ``bab=False`` the ``h1.bab`` marks
        (the roll-up: read, not filed)."""
        self.buang_kosong()
        self.pangkas_judul_kosong()
        self.buang_kosong()
        self.urutkan_huruf_judul()
        self.beri_id(bab=bab)
        for t in self.tabel:
            t.utuh = len(t.isi) <= BARIS_UTUH
        if daftar:
            self.sisipkan_daftar()
        return self

    def buang_kosong(self) -> None:
        """Leave out pieces that show nothing (a cell of comments, a section without data)."""
        self.potongan = [p for p in self.potongan if berisi(p.html())]

    def _peristiwa(self) -> list[tuple[int, Judul | None, _Letak | None]]:
        """Headings ``(level, heading, where)`` and content ``(0, None, None)`` in order."""
        out: list[tuple[int, Judul | None, _Letak | None]] = []
        for b, letak in self._blok():
            if isinstance(b, Judul):
                out.append((b.tingkat, b, letak))
            elif not isinstance(b, Kelompok) and berisi(b.html()):
                out.append((0, None, None))
        return out

    def pangkas_judul_kosong(self) -> None:
        """Remove headings with no content before the next heading of the same or a higher
        level: a section without data is left out with its heading, and a chapter whose
        sections are all left out (LAMPIRAN without appendices) with its own."""
        peristiwa = self._peristiwa()
        for i, (tingkat, judul, letak) in enumerate(peristiwa):
            if judul is None or letak is None:
                continue
            for t2, j2, _ in peristiwa[i + 1 :]:
                if j2 is None:
                    break
                if t2 <= tingkat:
                    letak.wadah.remove(judul)
                    break
            else:
                letak.wadah.remove(judul)

    def urutkan_huruf_judul(self) -> None:
        """Letter a chapter's lettered sections (``A. …``, ``B. …``) in sequence after some
        were left out: a Bab I without Latar Belakang starts at ``A. Gambaran Umum Satker``.
        Each h1 starts a chapter; the heading's id (from its first text) stays."""
        n = 0
        for h, _ in self.judul((1, 2)):
            if h.tingkat == 1:
                n = 0
                continue
            m = _HURUF_JUDUL.match(h.isi)
            if m is None or n >= 26 or h.markup is not None:
                continue
            h.isi = m.group(1) + chr(ord("A") + n) + m.group(3) + h.isi[m.end() :]
            n += 1

    def beri_id(self, *, bab: bool = True) -> None:
        """Give every h1/h2/h3 a stable, unique id (its own, or from its text); with ``bab``
        mark chapter headings (an h1 outside the cover and kata pengantar) ``h1.bab``."""
        dipakai = {
            str(b.id)
            for b, _ in self._blok()
            if isinstance(b, Tabel | Gambar)
            or (
                isinstance(b, Judul | Tanda)
                and (b.tingkat > 3 if isinstance(b, Judul) else True)
                and b.id
            )
        }
        dipakai |= {
            i
            for p in self.potongan
            if isinstance(p, SelTeks | Keluaran | Tampilan)
            for i in p.id_lain
        }
        for h, letak in self.judul():
            dasar = h.id or slug_judul(teks_satu_baris(h.isi))
            kandidat, n = dasar, 2
            while kandidat in dipakai:
                kandidat, n = f"{dasar}-{n}", n + 1
            h.id = kandidat
            dipakai.add(kandidat)
            kelas = (h.kelas or "").split()
            if (
                bab
                and h.tingkat == 1
                and not WADAH_PEMBUKA & set(letak.kelompok)
                and "bab" not in kelas
            ):
                h.kelas = " ".join([*kelas, "bab"])

    def _butir_figur(self, jenis: str) -> list[tuple[str, str, int]]:
        """Entries of Daftar Tabel / Gambar; a figure in markup without an id gets one."""
        figur = self.figur(jenis)
        dipakai = {str(b.id) for b, _ in self._blok() if getattr(b, "id", None)}
        butir = []
        for i, x in enumerate(figur, start=1):
            if isinstance(x, Tanda):
                if not x.id:
                    kandidat, n = f"{jenis}-{i}", 2
                    while kandidat in dipakai:
                        kandidat, n = f"{jenis}-{i}-{n}", n + 1
                    x.attr["id"] = kandidat
                    dipakai.add(kandidat)
                butir.append((str(x.id), x.judul or str(x.id), 0))
            else:
                label = "Tabel" if jenis == "tabel" else "Gambar"
                butir.append((x.id, teks_satu_baris(f"{label} {x.nomor or '?'} {x.judul}"), 0))
        return butir

    def sisipkan_daftar(self) -> None:
        """Insert Daftar Isi, Daftar Tabel and Daftar Gambar after the cover / kata pengantar."""
        pembuka = [
            i
            for i, p in enumerate(self.potongan)
            if (isinstance(p, Tampilan) and p.bagian.nama in BAGIAN_PEMBUKA)
            or (isinstance(p, SelTeks | Keluaran) and p.kelas_section & WADAH_PEMBUKA)
        ]
        di = pembuka[-1] + 1 if pembuka else 0
        daftar_tabel = DaftarIsi("daftar-tabel", "DAFTAR TABEL", "Tidak ada tabel.")
        daftar_tabel.butir = self._butir_figur("tabel")
        daftar_gambar = DaftarIsi("daftar-gambar", "DAFTAR GAMBAR", "Tidak ada gambar.")
        daftar_gambar.butir = self._butir_figur("gambar")
        daftar_isi = DaftarIsi("daftar-isi", "DAFTAR ISI", "Tidak ada bab.")
        self.potongan[di:di] = [daftar_isi, daftar_tabel, daftar_gambar]
        daftar_isi.butir = [
            (str(h.id), teks_satu_baris(h.isi), h.tingkat)
            for h, letak in self.judul()
            if "sampul" not in letak.kelompok
            and letak.potongan is not daftar_isi
            and (h.tingkat < 3 or "sasaran" in (h.kelas or "").split())
        ]
