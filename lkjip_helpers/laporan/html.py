"""Narrative Markdown rendered to sanitised HTML (no raw HTML, scripts, images or remote links).

The other blocks of the report are in :mod:`lkjip_helpers.laporan.model`."""

from __future__ import annotations

import nh3

from . import teks_kaya

# The Markdown is parsed by .teks_kaya (one parse for the HTML and the Word renderer); nh3
# still cleans the result (links, attributes), as a second line of defence.
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
    rendered = teks_kaya.ke_html(teks_kaya.urai(teks))
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
