"""Formulas as Word equations (OMML: fractions stacked, the words upright text)."""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from docx.oxml import parse_xml

from ...laporan import model as m

if TYPE_CHECKING:
    from .penulis import PenulisDocx

_TIDAK_KOSONG = re.compile(r"\S")


BARIS_PECAHAN = 50
"""Characters per line of a fraction's numerator or denominator in a Word equation (about
95 mm of 11,5 pt Times: the fraction, "Realisasi =" and "× 100%" fit the text width)."""


def _omml(baris: tuple[m.BagianRumus, ...]) -> str:
    """One formula line as an OMML equation: fractions stacked, the words as normal text
    (``m:nor``: upright, spaces kept, an ``=`` at the start is text, also in LibreOffice),
    the result bold."""
    ns = (
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    )

    def run(teks: str, tebal: bool = False) -> str:
        return (
            "<m:r><m:rPr><m:nor/></m:rPr>"
            + ("<w:rPr><w:b/></w:rPr>" if tebal else "")
            + f'<m:t xml:space="preserve">{escape(teks)}</m:t></m:r>'
        )

    def bagian(teks: str) -> str:
        """A numerator or denominator; a long one (words, "Tahanan, narapidana, …") on lines
        of at most :data:`BARIS_PECAHAN` characters, stacked (``m:eqArr``) as the PDF wraps
        it, since an equation does not wrap by itself and would run off the page."""
        baris = textwrap.wrap(teks, BARIS_PECAHAN)
        if len(baris) <= 1:
            return run(teks)
        return "<m:eqArr>" + "".join(f"<m:e>{run(x)}</m:e>" for x in baris) + "</m:eqArr>"

    isi = []
    for i, b in enumerate(baris):
        spasi = " " if i else ""
        if isinstance(b, m.Pecahan):
            if spasi:
                isi.append(run(spasi))
            isi.append(
                f"<m:f><m:num>{bagian(b.atas)}</m:num><m:den>{bagian(b.bawah)}</m:den></m:f>"
            )
        elif isinstance(b, m.Tebal):
            isi.append(run(spasi + b.isi, tebal=True))
        else:
            isi.append(run(spasi + b))
    return f"<m:oMath {ns}>{''.join(isi)}</m:oMath>"


def tulis_rumus(pd: PenulisDocx, r: m.Rumus) -> None:
    """One equation paragraph per formula line, kept with what follows, then the notes."""
    for baris in r.baris:
        p = pd.paragraf()
        p.paragraph_format.keep_with_next = True
        p._p.append(parse_xml(_omml(baris)))
    for c in r.catatan:
        if _TIDAK_KOSONG.search(c):
            pd.paragraf(c, "Catatan Tabel")
