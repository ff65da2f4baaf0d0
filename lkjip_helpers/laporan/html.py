"""Narrative Markdown rendered to sanitised HTML (no raw HTML, scripts, images or remote links).

The other blocks of the report are in :mod:`lkjip_helpers.laporan.model`."""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt

# Text is text: raw HTML is not parsed (html=False), so ``<nomor surat>``, ``<script>`` or an
# unclosed ``<style>`` are shown as typed (escaped) instead of being dropped with what follows;
# ``&amp;`` is not decoded (entity), ``<ab:c>`` keeps its brackets (autolink) and
# ``![teks](…)`` is no image (nothing remote is loaded; its text stays). nh3 still cleans the
# result (links, attributes), as a second line of defence.
_MD = (
    MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    .enable("table")
    .disable(["entity", "autolink", "image"])
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


def markdown(teks: str | None) -> str:
    """Render narrative Markdown to sanitised HTML: raw HTML is shown as typed (escaped),
    never run nor dropped; images never survive; links keep only http(s)/mailto and get
    ``rel=noopener``."""
    if not teks or not teks.strip():
        return ""
    # Headings inside narrative must not compete with the report's own structure.
    teks = re.sub(r"(?m)^(#{1,3})(\s)", r"####\2", teks)
    rendered = _daftar_huruf(_MD.render(teks))
    return nh3.clean(
        rendered,
        tags=_TAG_NARASI,
        attributes={
            "a": {"href", "title"},
            "td": {"align"},
            "th": {"align"},
            "ol": {"start", "type"},
        },
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


_UL_HURUF = re.compile(r"<ul>\n((?:<li>[a-z][.)] (?:(?!<li>|</ul>).)*?</li>\n)+)</ul>", re.DOTALL)
_LI_HURUF = re.compile(r"<li>([a-z])[.)] ")


def _daftar_huruf(html: str) -> str:
    """A bullet list whose items are lettered by hand (``- a) …``, ``- f. …``) becomes a
    lettered ordered list (``a.``, ``b.`` …), instead of a bullet followed by the letter."""

    def ganti(m: re.Match[str]) -> str:
        huruf = _LI_HURUF.findall(m.group(1))
        mulai = ord(huruf[0]) - ord("a") + 1
        if [ord(h) - ord("a") + 1 for h in huruf] != list(range(mulai, mulai + len(huruf))):
            return m.group(0)
        awal = f' start="{mulai}"' if mulai > 1 else ""
        return f'<ol type="a"{awal}>\n' + _LI_HURUF.sub("<li>", m.group(1)) + "</ol>"

    return _UL_HURUF.sub(ganti, html)
