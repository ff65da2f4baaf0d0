"""Markup the tool did not build itself (an analyst's cell output, raw HTML in a markdown
cell) as blocks of the document, after :func:`~lkjip_helpers.laporan.html.bersihkan`.

Once sanitised, such markup is read into blocks (stdlib :class:`html.parser.HTMLParser`) so it
takes part in the document like the tool's own sections: an h1–h3 becomes a
:class:`~.model.Judul` (numbered, lettered, listed in the Daftar Isi, left out when empty), a
``<figure class="tabel|gambar">`` a :class:`Tanda` the Daftar Tabel / Gambar lists, and a
table gets the classes the tool's tables get (``kolom-banyak``, ``utuh``). Everything else is
written back as it came, in the documents' one serialisation (:func:`~.model.atribut`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .model import BARIS_UTUH, Blok, Dokumen, Html, Judul, esc, esc_atribut, kelas_lebar

_KOSONG = frozenset({"br", "hr", "img", "col", "wbr", "area", "source", "track"})
_JUDUL = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass
class Tanda(Blok):
    """The start tag of a ``figure`` or ``table`` in markup: its classes are completed when
    the element closes; a figure of class ``tabel``/``gambar`` carries its caption."""

    tag: str
    attr: dict[str, str]
    jenis: str | None = None
    """``tabel`` or ``gambar`` for a figure the front-matter lists name."""
    judul: str = ""

    @property
    def id(self) -> str | None:
        return self.attr.get("id") or None

    def tambah_kelas(self, *kelas: str | None) -> None:
        ada = self.attr.get("class", "").split()
        baru = [*ada, *(k for k in kelas if k and k not in ada)]
        if baru:
            self.attr["class"] = " ".join(baru)

    def html(self, dok: Dokumen | None = None) -> str:
        return f"<{self.tag}{_serial(self.attr)}>"


@dataclass
class _Tabel:
    tanda: Tanda
    induk: Tanda | None
    sel: list[int] = field(default_factory=list)
    baris: list[list[bool]] = field(default_factory=list)
    """Per row: [in a tbody, has a td]."""
    thead: bool = False
    tbody: bool = False
    dalam_tbody: bool = False


def _attr(attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    return {k: v or "" for k, v in attrs}


def _serial(attr: dict[str, str]) -> str:
    """Attributes in name order, escaped, an empty value kept (``alt=""``): as
    :func:`~.model.atribut` writes the tool's own."""
    return "".join(f' {k}="{esc_atribut(v)}"' for k, v in sorted(attr.items()))


class _Pembaca(HTMLParser):
    def __init__(self, id_judul: Callable[[str], str | None]) -> None:
        super().__init__(convert_charrefs=True)
        self.id_judul = id_judul
        self.blok: list[Blok] = []
        self.ids: set[str] = set()
        self.kelas_section: set[str] = set()
        self._buf: list[str] = []
        self._section: list[list[str]] = []
        self._judul: tuple[str, dict[str, str], list[str], list[str]] | None = None
        self._figur: list[Tanda] = []
        self._caption: list[str] | None = None
        self._tabel: list[_Tabel] = []
        self._terbuka: list[str] = []

    def _tulis(self, teks: str) -> None:
        if self._judul is not None:
            self._judul[2].append(teks)
        else:
            self._buf.append(teks)

    def _lepas(self) -> None:
        isi = "".join(self._buf)
        if isi.strip():
            self.blok.append(Html(isi))
        self._buf = []

    def _tanda(self, tag: str, attr: dict[str, str]) -> Tanda:
        self._lepas()
        t = Tanda(tag, attr)
        self.blok.append(t)
        return t

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = _attr(attrs)
        if "id" in attr and tag not in _JUDUL:
            self.ids.add(attr["id"])
        if tag in _JUDUL and self._judul is None:
            self._lepas()
            self._judul = (tag, attr, [], [])
            return
        if tag not in _KOSONG:
            self._terbuka.append(tag)
        elif tag == "br" and self._judul is not None:
            self._judul[3].append(" ")  # a line break in a heading reads as a space
        if tag == "section":
            self._section.append(attr.get("class", "").split())
            self.kelas_section.update(self._section[-1])
        elif tag == "figure":
            t = self._tanda(tag, attr)
            kelas = attr.get("class", "").split()
            t.jenis = next((k for k in ("tabel", "gambar") if k in kelas), None)
            self._figur.append(t)
            return
        elif tag == "figcaption" and self._figur:
            self._caption = []
        elif tag == "table":
            induk = self._figur[-1] if self._terbuka[-2:-1] == ["figure"] and self._figur else None
            self._tabel.append(_Tabel(self._tanda(tag, attr), induk))
            return
        elif self._tabel:
            self._sel_tabel(tag, attr)
        akhir = "/>" if tag in _KOSONG else ">"
        self._tulis(f"<{tag}{_serial(attr)}{akhir}")

    def _sel_tabel(self, tag: str, attr: dict[str, str]) -> None:
        t = self._tabel[-1]
        if tag == "thead":
            t.thead = True
        elif tag == "tbody":
            t.tbody = t.dalam_tbody = True
        elif tag == "tr":
            t.sel.append(0)
            t.baris.append([t.dalam_tbody, False])
        elif tag in ("td", "th") and t.sel:
            try:
                t.sel[-1] += max(1, int(attr.get("colspan", "1")))
            except ValueError:
                t.sel[-1] += 1
            t.baris[-1][1] = t.baris[-1][1] or tag == "td"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _KOSONG:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._judul is not None and tag == self._judul[0]:
            self._tutup_judul()
            return
        if tag in _KOSONG:
            return
        if tag in self._terbuka:
            while self._terbuka and self._terbuka.pop() != tag:
                pass
        if tag == "section" and self._section:
            self._section.pop()
        elif tag == "figcaption" and self._figur and self._caption is not None:
            self._figur[-1].judul = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag == "figure" and self._figur:
            self._figur.pop()
        elif tag == "table" and self._tabel:
            self._tutup_tabel(self._tabel.pop())
        elif tag == "tbody" and self._tabel:
            self._tabel[-1].dalam_tbody = False
        self._tulis(f"</{tag}>")

    def _tutup_tabel(self, t: _Tabel) -> None:
        """Classes as the tool's tables get: by columns (the widest row), and ``utuh`` (on
        the figure around it, if any) for at most :data:`BARIS_UTUH` body rows — the rows of
        its tbody (every row without one), only rows with a td when it has no thead."""
        baris = [b for b in t.baris if b[0] or not t.tbody]
        if not t.thead:
            baris = [b for b in baris if b[1]]
        t.tanda.tambah_kelas(kelas_lebar(max(t.sel, default=0)))
        if len(baris) <= BARIS_UTUH:
            (t.induk or t.tanda).tambah_kelas("utuh")

    def _tutup_judul(self) -> None:
        assert self._judul is not None
        tag, attr, markup, teks = self._judul
        self._judul = None
        isi = " ".join("".join(teks).split())
        j = Judul(int(tag[1]), isi, attr.get("id") or self.id_judul(isi), attr.get("class") or None)
        j.markup = "".join(markup) if markup != [esc(x) for x in teks] else None
        j.wadah = tuple(k for kelas in self._section for k in kelas)
        self.blok.append(j)

    def handle_data(self, data: str) -> None:
        if self._judul is not None:
            self._judul[3].append(data)
        if self._caption is not None:
            self._caption.append(data)
        self._tulis(esc(data))

    def close(self) -> None:
        super().close()
        if self._judul is not None:
            self._tutup_judul()
        self._lepas()


@dataclass
class Markup:
    """Markup read into blocks: the blocks, the ids of its elements other than headings and
    the classes of its sections."""

    blok: list[Blok]
    ids: set[str]
    kelas_section: set[str]


def blok_markup(html: str, id_judul: Callable[[str], str | None] = lambda _: None) -> Markup:
    """Sanitised markup as blocks (see the module).

    ``id_judul`` gives a heading without an id its id from its text (a markdown cell's
    headings are anchored as JupyterLab does, spaces as ``-``)."""
    p = _Pembaca(id_judul)
    p.feed(html)
    p.close()
    return Markup(p.blok, p.ids, p.kelas_section)
