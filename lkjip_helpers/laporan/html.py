"""Markdown rendered to sanitised HTML, and the one sanitising policy (:func:`bersihkan`).

- :func:`markdown`: narrative Markdown (no raw HTML, scripts, images or remote links);
- :func:`sel_markdown`: a markdown cell of a chapter notebook, its headings as blocks;
- :func:`bersihkan`: any other markup (an analyst's cell output) through the same nh3 policy.

The other blocks of the report are in :mod:`lkjip_helpers.laporan.model`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import nh3
from markdown_it import MarkdownIt

from . import teks_kaya

if TYPE_CHECKING:
    from markdown_it.token import Token

    from .markup import Markup

# Narratives are parsed once by :mod:`.teks_kaya` (the same tokens feed the Word renderer):
# raw HTML is shown as typed, no entities, autolinks or images; nh3 (:func:`bersihkan`) still
# cleans the result (links, attributes), as a second line of defence.
_MD_SEL = MarkdownIt("commonmark", {"html": True, "linkify": False}).enable("table")
"""A notebook's markdown cell (JupyterLab's Markdown: raw HTML is allowed, then cleaned)."""
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
_TAG_AMAN = _TAG_NARASI | {
    "h1",
    "h2",
    "h3",
    "div",
    "span",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "figure",
    "figcaption",
    "img",
    "caption",
    "tfoot",
    "colgroup",
    "col",
    "dl",
    "dt",
    "dd",
    "small",
    "s",
    "del",
    "ins",
    "mark",
    "abbr",
    "cite",
    "q",
    "kbd",
    "samp",
    "var",
}
"""Tags any markup may keep (narrative Markdown renders raw HTML as text, so it produces
only :data:`_TAG_NARASI`, headings demoted to h4)."""
_ATRIBUT_AMAN = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start", "type"},
    "img": {"src", "alt"},
}


def _atribut_aman(tag: str, nama: str, nilai: str) -> str | None:
    """Only embedded pictures load: an ``img`` keeps a ``data:image/…`` source alone, a link
    never points at ``data:``."""
    if tag == "img" and nama == "src":
        return nilai if nilai.strip().lower().startswith("data:image/") else None
    if nama == "href" and nilai.strip().lower().startswith("data:"):
        return None
    return nilai


def bersihkan(html: str) -> str:
    """The one sanitising policy (nh3) of everything the tool did not escape itself: no
    scripts, styles, event handlers, frames or forms; links keep only http(s)/mailto and
    get ``rel=noopener``; pictures only as embedded ``data:`` images; comments go."""
    bersih = nh3.clean(
        html,
        tags=_TAG_AMAN,
        attributes=_ATRIBUT_AMAN,
        attribute_filter=_atribut_aman,
        url_schemes={"http", "https", "mailto", "data"},
        link_rel="noopener noreferrer",
    )
    # the documents' one serialisation (as :func:`~.model.atribut`): void elements closed
    # ``<br/>``, a no-break space as the character
    return _KOSONG.sub(r"<\1\2/>", bersih).replace("&nbsp;", "\xa0")


_KOSONG = re.compile(r'<(br|hr|img)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*>')


def markdown(teks: str | None) -> str:
    """Render narrative Markdown to sanitised HTML: raw HTML is shown as typed (escaped),
    never run nor dropped; images never survive; links keep only http(s)/mailto and get
    ``rel=noopener``."""
    if not teks or not teks.strip():
        return ""
    tokens = teks_kaya.urai(teks)  # headings demoted, hand-lettered lists lettered
    _tandai_tabel(tokens)
    return bersihkan(teks_kaya.ke_html(tokens))


def _tandai_tabel(tokens: list[Token]) -> None:
    """Classes of a Markdown table: ``kolom-banyak``/``kolom-sangat-banyak`` by its columns,
    ``utuh`` when it has at most :data:`~.model.BARIS_UTUH` body rows (kept on one page)."""
    from .model import BARIS_UTUH, kelas_lebar

    buka: list[tuple[Token, list[int], list[int]]] = []  # (table_open, cells per row, rows)
    for t in tokens:
        if t.type == "table_open":
            buka.append((t, [], [0]))
        elif not buka:
            continue
        elif t.type == "tr_open":
            buka[-1][1].append(0)
        elif t.type in ("td_open", "th_open"):
            buka[-1][1][-1] += 1
        elif t.type == "tbody_open":
            buka[-1][2][0] = -1
        elif t.type == "tr_close" and buka[-1][2][0] < 0:
            buka[-1][2].append(1)
        elif t.type == "table_close":
            tabel, sel, baris = buka.pop()
            kelas = [
                kelas_lebar(max(sel, default=0)),
                "utuh" if sum(baris[1:]) <= BARIS_UTUH else None,
            ]
            if any(kelas):
                tabel.attrSet("class", " ".join(k for k in kelas if k))


def sel_markdown(teks: str) -> Markup:
    """A notebook's markdown cell as blocks (:func:`~.markup.blok_markup`: each heading a
    :class:`~.model.Judul`, its id from its text as JupyterLab anchors it, spaces as ``-``),
    and the ids of its other elements. Raw HTML is allowed, then cleaned (:func:`bersihkan`)."""
    from .markup import blok_markup

    html = bersihkan(_MD_SEL.render(teks))
    return blok_markup(html, lambda judul: judul.replace(" ", "-") or None)
