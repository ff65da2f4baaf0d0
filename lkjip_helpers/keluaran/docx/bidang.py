"""Low-level WordprocessingML: elements, complex fields (PAGE, SEQ, TOC), borders, shading."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from .sebaris import tambah_run

if TYPE_CHECKING:
    from docx.table import _Cell

    from .penulis import PenulisDocx


def _el(tag: str, **attr: str) -> Any:
    """An element ``tag`` with attributes (``w_val="x"`` → ``w:val``)."""
    e = OxmlElement(tag)
    for k, v in attr.items():
        e.set(qn(k.replace("_", ":", 1)), v)
    return e


def _field(paragraf: Paragraph, instruksi: str, hasil: str = "", tebal: bool = False) -> None:
    """A complex field ``instruksi`` with the cached result ``hasil``."""

    def run(*anak: Any) -> Any:
        r = paragraf.add_run()
        if tebal:
            r.bold = True
        for a in anak:
            r._r.append(a)
        return r

    run(_el("w:fldChar", w_fldCharType="begin"))
    instr = _el("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruksi} "
    run(instr)
    run(_el("w:fldChar", w_fldCharType="separate"))
    r = tambah_run(paragraf, hasil)
    if tebal:
        r.bold = True
    run(_el("w:fldChar", w_fldCharType="end"))


def _daftar(pd: PenulisDocx, judul: str, instruksi: str, isi: list[str]) -> None:
    """A list field (contents, tables, figures) under a title that is not itself listed;
    its cached result holds the entries as built, without page numbers (Word fills them
    in when it updates the field)."""
    pd.paragraf(judul, "Judul Daftar")
    p = pd.paragraf()
    _field(p, instruksi, "")
    # the cached result: one paragraph per entry, inside the field (between separate/end)
    runs = p._p.findall(qn("w:r"))
    akhir = runs[-1]
    p._p.remove(akhir)
    hasil = p
    for i, teks in enumerate(isi or ["(perbarui bidang ini: klik kanan → Perbarui Bidang)"]):
        if i:
            hasil = pd.paragraf()
        tambah_run(hasil, teks)
    hasil._p.append(akhir)


def _shading(cell: _Cell, warna: str) -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    tcPr.append(_el("w:shd", w_val="clear", w_color="auto", w_fill=warna))


def _ulang_kepala(row: Any) -> None:
    trPr = row._tr.get_or_add_trPr()
    trPr.append(_el("w:tblHeader", w_val="true"))


def _tak_terpecah(row: Any) -> None:
    trPr = row._tr.get_or_add_trPr()
    trPr.append(_el("w:cantSplit", w_val="true"))


def _tanpa_font_tema(style: Any) -> None:
    """Drop the template's theme fonts of a style, which override its font name."""
    rfonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
    if rfonts is not None:
        for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(a), None)


_SESUDAH_PBDR = tuple(
    "w:" + x
    for x in [
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)
"""What follows ``w:pBdr`` in a ``w:pPr`` (ECMA-376 CT_PPr)."""


def _garis_bawah(p: Any) -> None:
    """A rule under paragraph ``p`` (``w:p``), 14 pt above what follows: the letterhead's."""
    pPr = p.get_or_add_pPr()
    batas = _el("w:pBdr")
    batas.append(_el("w:bottom", w_val="single", w_sz="12", w_space="4", w_color="222222"))
    pPr.insert_element_before(batas, *_SESUDAH_PBDR)  # the schema's order
    Paragraph(p, None).paragraph_format.space_after = Pt(14)


def _tanpa_garis(table: Any) -> None:
    tblPr = table._tbl.tblPr
    batas = _el("w:tblBorders")
    for sisi in ("top", "left", "bottom", "right", "insideH", "insideV"):
        batas.append(_el(f"w:{sisi}", w_val="nil"))
    tblPr.append(batas)
