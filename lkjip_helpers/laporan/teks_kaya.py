"""Rich text as one structured intermediate: narrative Markdown parsed once, rendered twice.

A narrative (analyst Markdown, placeholders already filled in) is parsed by :func:`urai` into
markdown-it-py tokens — the intermediate both renderers start from:

- :func:`ke_html` renders the tokens to HTML (:func:`lkjip_helpers.laporan.html.markdown`
  then sanitises it with ``nh3``);
- :func:`dari_markdown` turns them into a few typed nodes (:data:`Simpul`: paragraphs of
  styled runs, headings, lists, text tables, code), which the Word renderer
  (:mod:`lkjip_helpers.keluaran.docx`) writes without reading any HTML.

The tool's own small markup (:class:`~lkjip_helpers.laporan.model.Html` blocks: the cover,
signature blocks, the cover letter, the memo's entry lines) exists only as HTML strings built
from escaped parts; :func:`dari_html` reads that closed set of tags into the same nodes (the
CSS classes kept, for the Word renderer's cover, signature and letter layouts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

# Text is text: raw HTML is not parsed (html=False), so ``<nomor surat>``, ``<script>`` or an
# unclosed ``<style>`` are shown as typed (escaped) instead of being dropped with what follows;
# ``&amp;`` is not decoded (entity), ``<ab:c>`` keeps its brackets (autolink) and
# ``![teks](…)`` is no image (nothing remote is loaded; its text stays).
MD = (
    MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    .enable("table")
    .disable(["entity", "autolink", "image"])
)
"""The narratives' Markdown parser (one configuration for every renderer)."""

_SPASI = re.compile(r"\s+")
_TIDAK_KOSONG = re.compile(r"\S")
_HURUF = re.compile(r"([a-z])[.)] ")


# --------------------------------------------------------------------------- nodes


@dataclass(frozen=True)
class Potongan:
    """A run of text with its inline style."""

    teks: str
    tebal: bool = False
    miring: bool = False
    garis_bawah: bool = False
    kode: bool = False
    atas: bool = False
    bawah: bool = False


@dataclass(frozen=True)
class Putus:
    """A line break inside a paragraph."""


Sebaris = Potongan | Putus


@dataclass
class Alinea:
    """A paragraph; ``kelas``: the CSS classes of the tool's markup (none in a narrative)."""

    isi: list[Sebaris]
    kelas: tuple[str, ...] = ()


@dataclass
class JudulTeks:
    """A heading inside a text (``####`` of a narrative: level 4)."""

    tingkat: int
    teks: str


@dataclass
class Butir:
    """A list item: its text (the paragraphs of a loose item joined) and nested lists."""

    isi: list[Sebaris]
    anak: list[DaftarTeks] = field(default_factory=list)


@dataclass
class DaftarTeks:
    """A bulleted or numbered list; ``huruf``: lettered ``a.``, ``b.`` … from ``mulai``."""

    butir: list[Butir]
    berurut: bool
    mulai: int = 1
    huruf: bool = False


@dataclass
class TabelTeks:
    """A table of text cells (a Markdown table, the cover letter's tables)."""

    kepala: list[list[str]]
    isi: list[list[str]]
    kelas: tuple[str, ...] = ()


@dataclass
class Kode:
    """Preformatted text."""

    teks: str


@dataclass
class Wadah:
    """A container of the tool's markup (section, div, aside, blockquote) and its classes."""

    kelas: tuple[str, ...]
    isi: list[Simpul]


Simpul = Alinea | JudulTeks | DaftarTeks | TabelTeks | Kode | Wadah


def ada_teks(isi: list[Sebaris]) -> bool:
    """Whether runs hold any visible text."""
    return any(isinstance(x, Potongan) and _TIDAK_KOSONG.search(x.teks) for x in isi)


def cari(simpul: list[Simpul], jenis: type, kelas: str | None = None) -> list[Any]:
    """Nodes of type ``jenis`` (with class ``kelas``) at any depth, in document order."""
    out: list[Any] = []
    for s in simpul:
        if isinstance(s, jenis) and (kelas is None or kelas in getattr(s, "kelas", ())):
            out.append(s)
        if isinstance(s, Wadah):
            out += cari(s.isi, jenis, kelas)
    return out


# --------------------------------------------------------------------------- Markdown


def urai(teks: str) -> list[Token]:
    """Parse narrative Markdown: headings ``#``–``###`` become level 4 (a narrative's headings
    must not compete with the report's own), hand-lettered bullet lists become lettered lists."""
    teks = re.sub(r"(?m)^(#{1,3})(\s)", r"####\2", teks)
    token = MD.parse(teks)
    _daftar_huruf(token)
    return token


def ke_html(token: list[Token]) -> str:
    """The tokens as HTML (not yet sanitised)."""
    return MD.renderer.render(token, MD.options, {})


def _daftar_huruf(token: list[Token]) -> None:
    """A tight bullet list whose items are lettered by hand (``- a) …``, ``- f. …``) becomes a
    lettered ordered list (``a.``, ``b.`` …) starting at its first letter, instead of a
    bullet followed by the letter; the letters must follow each other."""
    for i, t in enumerate(token):
        if t.type != "bullet_list_open":
            continue
        tutup = _penutup(token, i)
        butir = [j for j in range(i + 1, tutup) if token[j].type == "list_item_open"]
        butir = [j for j in butir if token[j].level == t.level + 1]
        huruf = [_huruf_butir(token, j) for j in butir]
        if not huruf or None in huruf:
            continue
        mulai = ord(huruf[0][0]) - ord("a") + 1  # type: ignore[index]
        if [ord(h[0]) - ord("a") + 1 for h in huruf] != list(range(mulai, mulai + len(huruf))):  # type: ignore[index]
            continue
        for j in butir:
            teks = token[j + 2].children[0]  # type: ignore[index]
            teks.content = teks.content[3:]
        for x, jenis in ((t, "ordered_list_open"), (token[tutup], "ordered_list_close")):
            x.type, x.tag = jenis, "ol"
        t.attrs = {"type": "a", **({"start": str(mulai)} if mulai > 1 else {})}


def _penutup(token: list[Token], i: int) -> int:
    """Index of the token closing the one opened at ``i``."""
    kedalaman = 0
    for j in range(i, len(token)):
        kedalaman += token[j].nesting
        if kedalaman == 0:
            return j
    return len(token) - 1


def _huruf_butir(token: list[Token], j: int) -> str | None:
    """The hand-written letter a tight list item starts with (``a) …``), if it holds no list."""
    tutup = _penutup(token, j)
    if any(token[k].type.endswith("_list_open") for k in range(j + 1, tutup)):
        return None
    p, sebaris = token[j + 1], token[j + 2] if j + 2 < tutup else None
    if not (p.type == "paragraph_open" and p.hidden and sebaris and sebaris.children):
        return None
    pertama = sebaris.children[0]
    mm = _HURUF.match(pertama.content) if pertama.type == "text" else None
    return mm.group(1) if mm else None


def dari_markdown(teks: str | list[Token]) -> list[Simpul]:
    """Narrative Markdown (or its tokens from :func:`urai`) as nodes."""
    if isinstance(teks, str):
        if not teks.strip():
            return []
        teks = urai(teks)
    return _blok_md(SyntaxTreeNode(teks).children)


def _blok_md(anak: list[SyntaxTreeNode]) -> list[Simpul]:
    out: list[Simpul] = []
    for n in anak:
        s = _satu_blok_md(n)
        if s is not None:
            out.append(s)
    return out


def _satu_blok_md(n: SyntaxTreeNode) -> Simpul | None:
    if n.type == "paragraph" or (n.type == "heading" and n.tag in ("h1", "h2", "h3")):
        # a setext heading (underlined ``===``) is no heading of a narrative: its text
        isi = _sebaris_md(n.children[0].children) if n.children else []
        return Alinea(isi) if ada_teks(isi) else None
    if n.type == "heading":
        return JudulTeks(int(n.tag[1]), _teks_md(n).strip())
    if n.type in ("bullet_list", "ordered_list"):
        return _daftar_md(n)
    if n.type == "blockquote":
        return Wadah((), _blok_md(n.children))
    if n.type in ("fence", "code_block"):
        return Kode(n.content.rstrip("\n"))
    if n.type == "table":
        return _tabel_md(n)
    return None  # hr


def _daftar_md(n: SyntaxTreeNode) -> DaftarTeks:
    attrs = n.attrs
    berurut = n.type == "ordered_list"
    butir = []
    for li in n.children:
        isi: list[Sebaris] = []
        anak: list[DaftarTeks] = []
        for x in li.children:
            if x.type in ("bullet_list", "ordered_list"):
                anak.append(_daftar_md(x))
                continue
            if isi:  # the paragraphs of a loose item, one after the other
                isi.append(Potongan(" "))
            if x.type == "paragraph":
                isi += _sebaris_md(x.children[0].children) if x.children else []
            else:  # code or a quote inside an item: its text
                isi += _sebaris_polos(_teks_md(x))
        butir.append(Butir(isi, anak))
    mulai = int(str(attrs.get("start") or 1)) if berurut else 1
    return DaftarTeks(butir, berurut, mulai, attrs.get("type") == "a")


def _tabel_md(n: SyntaxTreeNode) -> TabelTeks:
    kepala: list[list[str]] = []
    isi: list[list[str]] = []
    for bagian in n.children:
        tujuan = kepala if bagian.type == "thead" else isi
        for tr in bagian.children:
            tujuan.append([_teks_md(sel).strip() for sel in tr.children])
    return TabelTeks(kepala, isi)


def _teks_md(n: SyntaxTreeNode) -> str:
    """The plain text of a node (as the HTML shows it)."""
    if n.type in ("text", "code_inline", "fence", "code_block"):
        return n.content
    if n.type == "softbreak":
        return "\n"
    if n.type == "hardbreak":
        return "\n"
    if n.type == "inline":
        return "".join(_teks_md(x) for x in n.children)
    return "".join(_teks_md(x) for x in n.children)


_GAYA_MD = {
    "strong": "tebal",
    "em": "miring",
    "code_inline": "kode",
}


def _sebaris_md(anak: list[SyntaxTreeNode], gaya: Potongan = Potongan("")) -> list[Sebaris]:
    """Inline nodes as runs. Text between two tags is one run, its white space collapsed
    (a soft line break is a space), as a browser shows it."""
    out: list[Sebaris] = []
    tunda: list[str] = []

    def lepas() -> None:
        teks = _SPASI.sub(" ", "".join(tunda))
        if teks:
            out.append(replace(gaya, teks=teks))
        tunda.clear()

    for x in anak:
        if x.type == "text":
            tunda.append(x.content)
        elif x.type == "softbreak":
            tunda.append("\n")
        else:
            lepas()
            if x.type == "hardbreak":
                out.append(Putus())
                tunda.append("\n")  # the line break's HTML is followed by a new line
            elif x.type == "code_inline":
                out += _sebaris_polos(x.content, replace(gaya, kode=True))
            else:  # strong, em, link: their content, styled
                nama = _GAYA_MD.get(x.type)
                out += _sebaris_md(x.children, replace(gaya, **{nama: True}) if nama else gaya)
    lepas()
    return out


def _sebaris_polos(teks: str, gaya: Potongan = Potongan("")) -> list[Sebaris]:
    teks = _SPASI.sub(" ", teks)
    return [replace(gaya, teks=teks)] if teks else []


# --------------------------------------------------------------------------- the tool's markup


_KOSONG = frozenset({"br", "hr", "img", "wbr", "meta", "link", "input", "col", "area", "source"})
_SEBARIS = frozenset(
    {"a", "strong", "b", "em", "i", "u", "code", "span", "sup", "sub", "br", "small"}
)
_GAYA_TAG = {
    "strong": "tebal",
    "b": "tebal",
    "em": "miring",
    "i": "miring",
    "u": "garis_bawah",
    "code": "kode",
    "sup": "atas",
    "sub": "bawah",
}


@dataclass
class _Unsur:
    """An element of the tool's markup."""

    tag: str
    kelas: tuple[str, ...]
    anak: list[_Unsur | str] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)

    def teks(self) -> str:
        return "".join(x if isinstance(x, str) else x.teks() for x in self.anak)


class _Pohon(HTMLParser):
    """The tool's markup as a tree: void elements closed, an end tag closes up to its
    element (a stray one is ignored), what is left open is closed at the end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.akar = _Unsur("", ())
        self.tumpukan = [self.akar]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        u = _Unsur(tag, tuple(a.get("class", "").split()), attrs=a)
        self.tumpukan[-1].anak.append(u)
        if tag not in _KOSONG:
            self.tumpukan.append(u)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _KOSONG:
            self.tumpukan.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.tumpukan) - 1, 0, -1):
            if self.tumpukan[i].tag == tag:
                del self.tumpukan[i:]
                return

    def handle_data(self, data: str) -> None:
        anak = self.tumpukan[-1].anak
        if anak and isinstance(anak[-1], str):
            anak[-1] += data
        else:
            anak.append(data)


def dari_html(markup: str) -> list[Simpul]:
    """The tool's own markup (a :class:`~lkjip_helpers.laporan.model.Html` block) as nodes:
    inline content between blocks becomes a paragraph; ``h1``–``h6``, ``p``, lists, tables and
    ``pre`` their nodes; any other element a container keeping its classes."""
    pohon = _Pohon()
    pohon.feed(markup)
    pohon.close()
    return _blok_html(pohon.akar)


def _blok_html(induk: _Unsur) -> list[Simpul]:
    out: list[Simpul] = []
    lepas: list[_Unsur | str] = []  # loose inline content between block elements

    def tutup() -> None:
        isi = [x for u in lepas for x in _sebaris_html(u, Potongan(""))]
        if any(_TIDAK_KOSONG.search(u if isinstance(u, str) else u.teks()) for u in lepas):
            out.append(Alinea(isi))
        lepas.clear()

    for anak in induk.anak:
        if isinstance(anak, str) or anak.tag in _SEBARIS:
            lepas.append(anak)
            continue
        tutup()
        s = _satu_blok_html(anak)
        if s is not None:
            out.append(s)
    tutup()
    return out


def _satu_blok_html(u: _Unsur) -> Simpul | None:
    if re.fullmatch(r"h[1-6]", u.tag):
        return JudulTeks(int(u.tag[1]), u.teks().strip())
    if u.tag == "p":
        ada = _TIDAK_KOSONG.search(u.teks())
        return Alinea(_sebaris_html(u, Potongan("")), u.kelas) if ada else None
    if u.tag in ("ul", "ol"):
        return _daftar_html(u)
    if u.tag == "table":
        return _tabel_html(u)
    if u.tag == "hr":
        return None
    if u.tag == "pre":
        return Kode(u.teks().rstrip("\n"))
    return Wadah(u.kelas, _blok_html(u))


def _daftar_html(u: _Unsur) -> DaftarTeks:
    berurut = u.tag == "ol"
    butir = []
    for li in u.anak:
        if isinstance(li, str) or li.tag != "li":
            continue
        isi: list[Sebaris] = []
        anak: list[DaftarTeks] = []
        for x in li.anak:
            if isinstance(x, _Unsur) and x.tag in ("ul", "ol"):
                anak.append(_daftar_html(x))
            elif isinstance(x, _Unsur) and x.tag == "p":
                isi += [y for z in x.anak for y in _sebaris_html(z, Potongan(""))]
            else:
                isi += _sebaris_html(x, Potongan(""))
        butir.append(Butir(isi, anak))
    mulai = int(u.attrs.get("start") or 1) if berurut else 1
    return DaftarTeks(butir, berurut, mulai, u.attrs.get("type") == "a")


def _tabel_html(u: _Unsur) -> TabelTeks:
    kepala: list[list[str]] = []
    isi: list[list[str]] = []

    def jalan(x: _Unsur, di_kepala: bool) -> None:
        for y in x.anak:
            if isinstance(y, str):
                continue
            if y.tag == "tr":
                sel = [z for z in y.anak if isinstance(z, _Unsur) and z.tag in ("th", "td")]
                (kepala if di_kepala else isi).append([z.teks().strip() for z in sel])
            jalan(y, di_kepala or y.tag == "thead")

    jalan(u, False)
    return TabelTeks(kepala, isi, u.kelas)


def _sebaris_html(x: _Unsur | str, gaya: Potongan) -> list[Sebaris]:
    """An element's content as runs (every tag splits a run), its style from its tags."""
    if isinstance(x, str):
        return _sebaris_polos(x, gaya)
    if x.tag == "br":
        return [Putus()]
    nama = _GAYA_TAG.get(x.tag)
    g = replace(gaya, **{nama: True}) if nama else gaya
    return [y for z in x.anak for y in _sebaris_html(z, g)]
