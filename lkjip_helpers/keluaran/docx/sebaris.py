"""Runs of text: a paragraph's inline content with its style."""

from __future__ import annotations

from docx.text.paragraph import Paragraph

from ...laporan import teks_kaya as tk

_POLOS = tk.Potongan("")


def tulis_sebaris(p: Paragraph, isi: list[tk.Sebaris], dasar: tk.Potongan = _POLOS) -> None:
    """Runs into paragraph ``p``, each styled by its own style or ``dasar``'s."""
    for x in isi:
        if isinstance(x, tk.Putus):
            p.add_run().add_break()
            continue
        r = p.add_run(x.teks)
        r.bold = x.tebal or dasar.tebal or None
        r.italic = x.miring or dasar.miring or None
        r.underline = x.garis_bawah or dasar.garis_bawah or None
        if x.kode or dasar.kode:
            r.font.name = "Courier New"
        if x.atas or dasar.atas:
            r.font.superscript = True
        if x.bawah or dasar.bawah:
            r.font.subscript = True
