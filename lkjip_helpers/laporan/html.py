"""Safe HTML building blocks for the report: escaped text, sanitised Markdown, numbered tables,
figures and formulas rendered as HTML/CSS fractions (no JavaScript, no network)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import nh3
from markdown_it import MarkdownIt

# Raw HTML is parsed (html=True) so that nh3 can drop it whole — tags, <script> contents,
# event handlers, images — instead of showing it as escaped text.
_MD = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable(
    "table"
)
_TAG_NARASI = {
    "p",
    "br",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "code",
    "pre",
    "a",
    "sup",
    "sub",
    "hr",
}


def esc(teks: object) -> str:
    """HTML-escape any value (quotes included)."""
    return html.escape("" if teks is None else str(teks), quote=True)


def markdown(teks: str | None) -> str:
    """Render narrative Markdown to sanitised HTML: raw HTML, scripts, event handlers and
    images never survive; links keep only http(s)/mailto and get ``rel=noopener``."""
    if not teks or not teks.strip():
        return ""
    # Headings inside narrative must not compete with the report's own structure.
    teks = re.sub(r"(?m)^(#{1,3})(\s)", r"####\2", teks)
    rendered = _MD.render(teks)
    return nh3.clean(
        rendered,
        tags=_TAG_NARASI,
        attributes={"a": {"href", "title"}, "td": {"align"}, "th": {"align"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


@dataclass(frozen=True)
class Sel:
    """A table cell: display text plus the raw number (``data-nilai``) for Excel export."""

    teks: str
    nilai: Decimal | int | float | None = None
    kelas: str | None = None
    rentang: int = 1
    baris: int = 1


def sel(
    teks: object,
    nilai: Decimal | int | float | None = None,
    kelas: str | None = None,
    rentang: int = 1,
    baris: int = 1,
) -> Sel:
    return Sel(str(teks) if teks is not None else "", nilai, kelas, rentang, baris)


def _td(c: Sel | str | object, tag: str = "td") -> str:
    if not isinstance(c, Sel):
        c = Sel(str(c) if c is not None else "")
    attr = ""
    if c.nilai is not None:
        attr += f' data-nilai="{esc(c.nilai)}"'
    if c.kelas:
        attr += f' class="{esc(c.kelas)}"'
    if c.rentang > 1:
        attr += f' colspan="{c.rentang}"'
    if c.baris > 1:
        attr += f' rowspan="{c.baris}"'
    return f"<{tag}{attr}>{esc(c.teks)}</{tag}>"


def tabel(
    nomor: str,
    judul: str,
    kolom: Sequence[Sel | str] | Sequence[Sequence[Sel | str]],
    baris: Iterable[Sequence[Sel | str | object]],
    *,
    catatan: str | None = None,
    kelas: str = "",
    sumber: str | None = None,
    bernomor: bool = True,
) -> str:
    """A numbered table ``<figure class="tabel" id="tabel-3-1">`` with caption and header.

    ``kolom`` is one header row, or a list of header rows (for grouped headers). With
    ``bernomor=False`` the table is a small unnumbered one (``figure.tabel-kecil``, ``nomor``
    is used as its id) that stays out of the list of tables and the workbook.
    """
    fid = ("tabel-" if bernomor else "tk-") + slug(nomor)
    header_rows = kolom if kolom and isinstance(kolom[0], list | tuple) else [kolom]
    thead = "".join(
        "<tr>" + "".join(_td(c, "th") for c in row) + "</tr>"
        for row in header_rows  # type: ignore[union-attr]
    )
    tbody = "".join("<tr>" + "".join(_td(c) for c in row) + "</tr>" for row in baris)
    kaki = ""
    if catatan:
        kaki += f'<p class="catatan-tabel">{esc(catatan)}</p>'
    if sumber:
        kaki += f'<p class="sumber-tabel">Sumber: {esc(sumber)}</p>'
    jenis = "tabel" if bernomor else "tabel-kecil"
    caption = f"Tabel {esc(nomor)} {esc(judul)}" if bernomor else esc(judul)
    return (
        f'<figure class="{jenis} {esc(kelas)}" id="{fid}">'
        f"<figcaption>{caption}</figcaption>"
        f"<table><thead>{thead}</thead><tbody>{tbody}</tbody></table>{kaki}</figure>"
    )


def gambar(nomor: str, judul: str, png_base64: str, alt: str | None = None) -> str:
    """A numbered figure with an embedded PNG (``data:`` URI; nothing fetched)."""
    fid = "gambar-" + nomor.replace(".", "-")
    return (
        f'<figure class="gambar" id="{fid}"><img src="data:image/png;base64,{png_base64}" '
        f'alt="{esc(alt or judul)}"><figcaption>Gambar {esc(nomor)} {esc(judul)}</figcaption>'
        "</figure>"
    )


def pecahan(pembilang: str, penyebut: str) -> str:
    """A stacked fraction in HTML/CSS."""
    return (
        f'<span class="pecahan"><span class="pembilang">{esc(pembilang)}</span>'
        f'<span class="penyebut">{esc(penyebut)}</span></span>'
    )


def rumus(*bagian: str) -> str:
    """A displayed formula line; ``bagian`` are already-safe HTML fragments joined by spaces."""
    return f'<div class="rumus">{" ".join(bagian)}</div>'


def judul(tingkat: int, teks: str, id_: str | None = None, kelas: str | None = None) -> str:
    attr = (f' id="{esc(id_)}"' if id_ else "") + (f' class="{esc(kelas)}"' if kelas else "")
    return f"<h{tingkat}{attr}>{esc(teks)}</h{tingkat}>"


def paragraf(teks: str) -> str:
    return f"<p>{esc(teks)}</p>"


def daftar(butir: Iterable[str], berurut: bool = True) -> str:
    tag = "ol" if berurut else "ul"
    return f"<{tag}>" + "".join(f"<li>{esc(b)}</li>" for b in butir) + f"</{tag}>"


def kotak(kelas: str, judul_: str, isi_html: str) -> str:
    """A callout box (``catatan-pemeriksaan``, ``info``)."""
    return f'<aside class="kotak {esc(kelas)}"><p class="kotak-judul">{esc(judul_)}</p>{isi_html}</aside>'


def kosong(teks: str) -> str:
    """Placeholder for a section whose data is not filled in: ``(teks)`` in grey italics."""
    return f'<p class="kosong">({esc(teks)})</p>'


def ttd(atas: str, jabatan: str, nama: str, nip: str | None) -> str:
    """A signature block: place/date or role line, position, name, NIP."""
    return (
        f'<div class="ttd"><p>{esc(atas)}</p><p>{esc(jabatan)}</p>'
        f'<p class="ttd-nama">{esc(nama)}</p>'
        + (f"<p>NIP {esc(nip)}</p>" if nip else "")
        + "</div>"
    )


def slug(teks: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", teks.lower()).strip("-")
    return s or "bagian"


class Html(str):
    """An HTML fragment that Jupyter displays as HTML (``text/html``)."""

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:  # plain-text fallback in the notebook
        return re.sub(r"<[^>]+>", " ", str(self))[:200] + " …"
