"""Runs of text: a paragraph's inline content with its style."""

from __future__ import annotations

import re

from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ...laporan import teks_kaya as tk

_POLOS = tk.Potongan("")
_KHUSUS = re.compile(r"[\t\r\n]")
"""Characters python-docx writes as elements of their own (``w:tab``, ``w:br``)."""


def tambah_run(p: Paragraph, teks: str = "") -> Run:
    """``p.add_run(teks)`` as python-docx writes it (one ``w:t``, ``xml:space="preserve"``
    when it starts or ends with a space), without its pass over every character, which only
    tabs and line breaks need (those still take it)."""
    if not teks or _KHUSUS.search(teks):
        return p.add_run(teks)
    r = p._p.add_r()
    r.add_t(teks)
    return Run(r, p)


def tulis_sebaris(p: Paragraph, isi: list[tk.Sebaris], dasar: tk.Potongan = _POLOS) -> None:
    """Runs into paragraph ``p``, each styled by its own style or ``dasar``'s."""
    for x in isi:
        if isinstance(x, tk.Putus):
            p.add_run().add_break()
            continue
        r = tambah_run(p, x.teks)
        r.bold = x.tebal or dasar.tebal or None
        r.italic = x.miring or dasar.miring or None
        r.underline = x.garis_bawah or dasar.garis_bawah or None
        if x.kode or dasar.kode:
            r.font.name = "Courier New"
        if x.atas or dasar.atas:
            r.font.superscript = True
        if x.bawah or dasar.bawah:
            r.font.subscript = True
