"""The page and the styles: A4 with the PDF's margins, running header, page-number footer,
the body, heading, caption and table styles, the document's properties."""

from __future__ import annotations

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from ...laporan.grafik import DPI
from .bidang import _el, _field, _tanpa_font_tema

DPI_CETAK = DPI
"""Resolution of the charts in the DOCX: the charts' one resolution (laporan.grafik.DPI)."""

LEBAR_TEKS_MM = 165
"""Text width of A4 with the PDF's margins (210 − 25 − 20 mm)."""

MARGIN_MM = {"top": 25, "right": 20, "bottom": 22, "left": 25}
"""The PDF's page margins (static/cetak.css ``@page``)."""

HURUF = "Times New Roman"
"""Body font, as the PDF's (LibreOffice substitutes the metric-compatible Liberation Serif)."""

HURUF_JUDUL = "Arial"
"""Headings, captions and tables, as the PDF's (Liberation Sans in LibreOffice)."""

UKURAN_TABEL = 8.5
"""Font size of the tables (pt), as the PDF's (static/cetak.css)."""

WARNA_KEPALA = "DFE6EE"
"""Shading of a table's header cells."""

_BIRU = RGBColor(0x1F, 0x3A, 0x5F)


def dokumen_baru(judul: str, penulis: str, subjek: str, berjalan: str) -> DocxDocument:
    """An empty document: the page, header (``berjalan``) and footer, the styles and the
    properties; Word updates the fields when the file is opened."""
    d = docx.Document()
    body = d.element.body
    for p in list(body.iterchildren()):  # the template's empty paragraph
        if p.tag.endswith("}p"):
            body.remove(p)
    _halaman(d, berjalan)
    _gaya_teks(d)
    _gaya_sendiri(d)
    cp = d.core_properties
    cp.title, cp.author, cp.subject, cp.language = judul, penulis, subjek, "id-ID"
    cp.keywords = "LKjIP; SAKIP; laporan kinerja"
    cp.comments = "Dibangun oleh lkjip dari data satker; sunting di Word di luar pemeriksaan."
    # Word updates the fields (contents, lists, SEQ numbers, NUMPAGES) when the file is opened.
    d.settings.element.append(_el("w:updateFields", w_val="true"))
    return d


def _halaman(d: DocxDocument, berjalan: str) -> None:
    """A4, the PDF's margins, the running title in the header, "Halaman X dari Y" below."""
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.right_margin = Mm(MARGIN_MM["top"]), Mm(MARGIN_MM["right"])
    s.bottom_margin, s.left_margin = Mm(MARGIN_MM["bottom"]), Mm(MARGIN_MM["left"])
    s.header_distance, s.footer_distance = Mm(12), Mm(10)
    s.different_first_page_header_footer = True  # the cover: no header, no page number
    kepala = s.header.paragraphs[0]
    kepala.text = berjalan
    kepala.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for r in kepala.runs:
        r.font.size, r.font.color.rgb = Pt(8.5), RGBColor(0x44, 0x44, 0x44)
    kaki = s.footer.paragraphs[0]
    kaki.alignment = WD_ALIGN_PARAGRAPH.CENTER
    kaki.add_run("Halaman ")
    _field(kaki, "PAGE", "1")
    kaki.add_run(" dari ")
    _field(kaki, "NUMPAGES", "1")
    for r in kaki.runs:
        r.font.size = Pt(9)


def _gaya_teks(d: DocxDocument) -> None:
    """The template's styles as the PDF's: body text, headings, captions."""
    gaya = d.styles
    normal = gaya["Normal"]
    normal.font.name, normal.font.size = HURUF, Pt(11.5)
    rpr = normal.element.get_or_add_rPr()
    rpr.append(_el("w:lang", w_val="id-ID", w_eastAsia="id-ID", w_bidi="ar-SA"))
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.5  # laporan.css: line-height 1.5
    for i, ukuran in ((1, 15), (2, 13), (3, 12), (4, 11), (5, 11), (6, 11)):
        h = gaya[f"Heading {i}"]
        _tanpa_font_tema(h)
        h.font.name, h.font.size, h.font.bold = HURUF_JUDUL, Pt(ukuran), True
        h.paragraph_format.line_spacing = 1.25
        h.font.color.rgb = _BIRU
        h.font.italic = False
        h.paragraph_format.keep_with_next = True
        h.paragraph_format.space_before = Pt(12 if i > 1 else 0)
        h.paragraph_format.space_after = Pt(6)
        if i == 1:
            h.paragraph_format.page_break_before = True
            h.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cap = gaya["Caption"]
    _tanpa_font_tema(cap)
    cap.font.name, cap.font.size, cap.font.bold, cap.font.italic = HURUF_JUDUL, Pt(10), True, False
    cap.font.color.rgb = RGBColor(0, 0, 0)
    cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cap.paragraph_format.space_before, cap.paragraph_format.space_after = Pt(6), Pt(3)


def _gaya_sendiri(d: DocxDocument) -> None:
    """The report's own styles: captions the lists collect, table text and notes, the lists'
    titles."""
    gaya = d.styles
    normal, cap = gaya["Normal"], gaya["Caption"]
    for nama in ("Keterangan Tabel", "Keterangan Gambar"):  # listed in Daftar Tabel / Gambar
        st = gaya.add_style(nama, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = cap
        st.next_paragraph_style = normal
    for nama, ukuran, miring in (("Catatan Tabel", 9, True), ("Isi Tabel", UKURAN_TABEL, False)):
        st = gaya.add_style(nama, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = normal
        st.font.name = HURUF_JUDUL
        st.font.size, st.font.italic = Pt(ukuran), miring
        st.paragraph_format.space_after = Pt(0 if nama == "Isi Tabel" else 2)
        st.paragraph_format.space_before = Pt(0)
        st.paragraph_format.line_spacing = 1.0
    st = gaya.add_style("Judul Daftar", WD_STYLE_TYPE.PARAGRAPH)  # not a heading: not in the TOC
    st.base_style = normal
    st.font.name = HURUF_JUDUL
    st.font.size, st.font.bold = Pt(15), True
    st.font.color.rgb = _BIRU
    st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    st.paragraph_format.page_break_before = True
    st.paragraph_format.keep_with_next = True
