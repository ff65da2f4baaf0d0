"""Word (DOCX) renderer of the report and the review memo, from the document model.

``laporan.docx`` is rendered from the same blocks as ``laporan.html``
(:mod:`lkjip_helpers.laporan.model`), never converted from the HTML or the PDF:

- the document's outline comes from the chapter notebooks as the HTML's does: a Markdown
  heading of a notebook becomes a Word heading (Heading 1–3, so the navigation pane and the
  contents field work), a ``lap.<bagian>()`` call becomes that section's blocks; a heading
  whose section shows nothing is left out and lettered sections are re-lettered (as
  :func:`lkjip_helpers.keluaran.html.pangkas_judul_kosong` and ``urutkan_huruf_judul`` do);
- a :class:`~lkjip_helpers.laporan.model.Tabel` becomes a Word table (header rows repeat on
  every page, rows do not split, numbers right-aligned as the report formats them, column
  widths from the text they hold) under a caption whose number is a ``SEQ Tabel_<bab>``
  field, so Word and LibreOffice renumber after an edit, in the paragraph style
  ``Keterangan Tabel`` that the list of tables (``TOC \\t``) collects; a
  :class:`~lkjip_helpers.laporan.model.Gambar` likewise (``SEQ Gambar_<bab>``), its chart
  drawn again at :data:`DPI_CETAK`;
- a :class:`~lkjip_helpers.laporan.model.Rumus` becomes Word equations (OMML fractions);
- the small markup the tool builds itself (cover, signature blocks: ``Html`` blocks) and the
  sanitised HTML of the analyst's narratives are walked tag by tag (a closed set of tags);
- A4 with the PDF's margins, "Halaman X dari Y" from PAGE/NUMPAGES fields, the running title
  in the header, the cover without either; signature blocks kept on one page.

Fields (contents, lists of tables and figures, numbers) carry their values as built; Word is
asked to update them when the file is opened (``w:updateFields``).
"""

from __future__ import annotations

import ast
import base64
import io
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..laporan import model as m

if TYPE_CHECKING:
    from bs4 import Tag
    from docx.document import Document as DocxDocument
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    from ..hitung import HasilLaporan

DPI_CETAK = 200
"""Resolution of the charts in the DOCX (the HTML's are 130 dpi, for the screen)."""

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

_WARNA_KEPALA = "DFE6EE"
_TIDAK_KOSONG = re.compile(r"\S")


# --------------------------------------------------------------------------- outline


@dataclass
class JudulBab:
    """A heading of a chapter notebook (``#`` → 1, ``##`` → 2, ``###`` → 3)."""

    tingkat: int
    teks: str


@dataclass
class TeksBab:
    """Other Markdown of a chapter notebook (shown as a narrative)."""

    teks: str


Unsur = JudulBab | TeksBab | m.Bagian


def _panggilan(sumber: str) -> list[tuple[str, list[Any]]]:
    """``lap.<nama>(<literals>)`` statements of a code cell: (method, arguments)."""
    try:
        pohon = ast.parse(sumber)
    except SyntaxError:
        return []
    hasil = []
    for node in pohon.body:
        if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
            continue
        fungsi = node.value.func
        if not (isinstance(fungsi, ast.Attribute) and isinstance(fungsi.value, ast.Name)):
            continue
        try:
            argumen = [ast.literal_eval(a) for a in node.value.args]
        except ValueError:
            continue
        hasil.append((fungsi.attr, argumen))
    return hasil


def susunan_notebook(notebooks: Iterable[Path], hasil: HasilLaporan, dok: m.Dokumen) -> list[Unsur]:
    """The report's outline: the notebooks' headings and text, and the sections their
    ``lap.…()`` calls show, looked up in ``dok`` (nothing is executed)."""
    import nbformat

    from ..laporan import Laporan

    lap = Laporan.__new__(Laporan)  # the sections only, without a notebook's parameter checks
    lap.hasil, lap.dokumen, lap.bab = hasil, dok, 0
    out: list[Unsur] = []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                teks = re.sub(r"<!--.*?-->", "", cell.source, flags=re.S)
                sisa: list[str] = []
                for baris in teks.splitlines():
                    mm = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", baris)
                    if mm:
                        if "".join(sisa).strip():
                            out.append(TeksBab("\n".join(sisa)))
                        sisa = []
                        out.append(JudulBab(min(len(mm.group(1)), 6), mm.group(2)))
                    else:
                        sisa.append(baris)
                if "".join(sisa).strip():
                    out.append(TeksBab("\n".join(sisa)))
            elif cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
                for nama, argumen in _panggilan(cell.source):
                    metode = getattr(lap, nama, None) if not nama.startswith("_") else None
                    if not callable(metode):
                        continue
                    try:
                        bagian = metode(*argumen)
                    except (KeyError, TypeError, ValueError):
                        continue
                    if isinstance(bagian, m.Bagian):
                        out.append(bagian)
    return _pangkas(out)


def _ada_isi(u: Unsur) -> bool:
    if isinstance(u, TeksBab):
        return bool(u.teks.strip())
    return isinstance(u, m.Bagian) and bool(u.blok)


def _pangkas(unsur: list[Unsur]) -> list[Unsur]:
    """Leave out headings (level ≥ 2) without content before the next heading of the same
    or a higher level, then re-letter ``A.``, ``B.`` … of level-2 headings per chapter."""
    simpan: list[Unsur] = []
    for i, u in enumerate(unsur):
        if isinstance(u, JudulBab) and u.tingkat >= 2:
            ada = False
            for v in unsur[i + 1 :]:
                if isinstance(v, JudulBab):
                    if v.tingkat <= u.tingkat:
                        break
                    continue
                if _ada_isi(v):
                    ada = True
                    break
            if not ada:
                continue
        if isinstance(u, m.Bagian) and not u.blok:
            continue
        simpan.append(u)
    n = 0
    for u in simpan:
        if isinstance(u, JudulBab) and u.tingkat == 1:
            n = 0
        elif isinstance(u, JudulBab) and u.tingkat == 2:
            mm = re.match(r"^([A-Z])(\.\s)", u.teks)
            if mm and n < 26:
                u.teks = chr(ord("A") + n) + u.teks[1:]
                n += 1
    return simpan


# --------------------------------------------------------------------------- low-level XML


def _el(tag: str, **attr: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    e = OxmlElement(tag)
    for k, v in attr.items():
        e.set(qn(k.replace("_", ":", 1)), v)
    return e


def _field(paragraf: Paragraph, instruksi: str, hasil: str = "", tebal: bool = False) -> None:
    """A complex field ``instruksi`` with the cached result ``hasil``."""
    from docx.oxml.ns import qn

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
    r = paragraf.add_run(hasil)
    if tebal:
        r.bold = True
    run(_el("w:fldChar", w_fldCharType="end"))


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
    from docx.oxml.ns import qn

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
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph

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


# --------------------------------------------------------------------------- document set-up


def _dokumen_baru(judul: str, penulis: str, subjek: str, berjalan: str) -> DocxDocument:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    d = docx.Document()
    body = d.element.body
    for p in list(body.iterchildren()):  # the template's empty paragraph
        if p.tag.endswith("}p"):
            body.remove(p)
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
        h.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
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
    st.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    st.paragraph_format.page_break_before = True
    st.paragraph_format.keep_with_next = True

    cp = d.core_properties
    cp.title, cp.author, cp.subject, cp.language = judul, penulis, subjek, "id-ID"
    cp.keywords = "LKjIP; SAKIP; laporan kinerja"
    cp.comments = "Dibangun oleh lkjip dari data satker; sunting di Word di luar pemeriksaan."
    # Word updates the fields (contents, lists, SEQ numbers, NUMPAGES) when the file is opened.
    d.settings.element.append(_el("w:updateFields", w_val="true"))
    return d


# --------------------------------------------------------------------------- rendering


class PenulisDocx:
    """Renders model blocks into one python-docx document."""

    def __init__(self, d: DocxDocument, dok: m.Dokumen | None) -> None:
        self.d = d
        self.dok = dok
        self._id_gaya: dict[str, str] = {}
        self._gaya_grid: Any = None

    def gaya(self, p: Paragraph, nama: str) -> None:
        """Set a paragraph style by name (python-docx's lookup by name is slow: cached)."""
        if nama not in self._id_gaya:
            self._id_gaya[nama] = self.d.styles[nama].style_id
        p._p.style = self._id_gaya[nama]

    # paragraphs ------------------------------------------------------------------------
    def paragraf(self, teks: str = "", gaya: str | None = None) -> Paragraph:
        from docx.oxml.ns import qn
        from docx.shared import Pt

        p = self.d.add_paragraph()
        if gaya:
            self.gaya(p, gaya)
        sebelum = p._p.getprevious()
        if sebelum is not None and sebelum.tag == qn("w:tbl") and gaya != "Catatan Tabel":
            p.paragraph_format.space_before = Pt(8)  # text after a table: as the PDF's margin
        if teks:
            p.add_run(teks)
        return p

    def judul(self, tingkat: int, teks: str) -> None:
        if _TIDAK_KOSONG.search(teks):
            self.paragraf(teks.strip(), f"Heading {max(1, min(tingkat, 6))}")

    # blocks ------------------------------------------------------------------------------
    def blok(self, b: m.Blok) -> None:
        if isinstance(b, m.Kelompok):
            for x in b.blok:
                self.blok(x)
        elif isinstance(b, m.Tabel):
            self.tabel(b)
        elif isinstance(b, m.Gambar):
            self.gambar(b)
        elif isinstance(b, m.Rumus):
            self.rumus(b)
        elif isinstance(b, m.Judul):
            self.judul(b.tingkat, b.isi)
        elif isinstance(b, m.Paragraf):
            self.paragraf_blok(b)
        elif isinstance(b, m.Daftar):
            self.daftar(b.butir, b.berurut)
        elif isinstance(b, m.Narasi):
            self.html(b.html(self.dok))
        elif isinstance(b, m.Html):
            self.html(b.isi)
        else:  # an unknown block: its plain text
            teks = b.teks_polos(self.dok)
            if _TIDAK_KOSONG.search(teks):
                self.paragraf(teks)

    def paragraf_blok(self, b: m.Paragraf) -> None:
        if not _TIDAK_KOSONG.search(b.isi):
            return
        p = self.paragraf(b.isi)
        if b.kelas == "subjudul":
            for r in p.runs:
                r.bold = True
            p.paragraph_format.keep_with_next = True
        elif b.kelas == "tempat-tanggal":  # the place and date stay with the signatures
            p.paragraph_format.keep_with_next = True

    def daftar(self, butir: Iterable[str], berurut: bool) -> None:
        for i, teks in enumerate(butir, start=1):
            if _TIDAK_KOSONG.search(teks):
                p = self.paragraf(gaya="List Paragraph")
                p.paragraph_format.left_indent = _mm(8)
                p.paragraph_format.first_line_indent = _mm(-6)
                p.paragraph_format.space_after = _pt(2)
                p.add_run((f"{i}.\t" if berurut else "•\t") + teks)

    def keterangan(self, jenis: str, nomor: str | None, judul: str) -> Paragraph:
        """``Tabel 3.1 Judul``: the 1 is a ``SEQ Tabel_3`` field (one sequence per chapter,
        so Word and LibreOffice both renumber a chapter's tables after an edit), the paragraph
        style ``Keterangan Tabel`` is what the list of tables collects."""
        p = self.paragraf(gaya=f"Keterangan {jenis}")
        bab, _, n = (nomor or "").rpartition(".")
        p.add_run(f"{jenis} " + (f"{bab}." if bab else ""))
        _field(p, f"SEQ {jenis}_{re.sub(r'[^0-9A-Za-z]', '', bab) or 'x'} \\* ARABIC", n or "1")
        p.add_run(f" {judul}")
        return p

    def tabel(self, t: m.Tabel) -> None:
        from docx.enum.table import WD_TABLE_ALIGNMENT

        if t.bernomor or t.judul:  # an untitled part of a page (the letter's head) has none
            cap = (
                self.keterangan("Tabel", t.nomor, t.judul)
                if t.bernomor
                else self.paragraf(t.judul, "Caption")
            )
            cap.paragraph_format.keep_with_next = True
        kepala, isi = _grid(t.kepala), _grid(t.isi)
        lebar = max((len(r) for r in [*kepala, *isi]), default=0)
        if not lebar:
            return
        table = self.d.add_table(rows=len(kepala) + len(isi), cols=lebar)
        table.style = self._gaya_tabel()
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        semua_sel = table._cells  # computed once: python-docx recomputes it per cell()
        gabung: list[tuple[int, int, int, int]] = []
        for i, (baris, adalah_kepala) in enumerate(
            [*((r, True) for r in kepala), *((r, False) for r in isi)]
        ):
            row = table.rows[i]
            if adalah_kepala:
                _ulang_kepala(row)
            _tak_terpecah(row)
            jumlah = not adalah_kepala and any(
                s is not None and s[0].kelas == "jumlah" for s in baris[:1]
            )
            for j in range(lebar):
                sel = baris[j] if j < len(baris) else None
                if sel is None:
                    continue
                c, rentang, tinggi = sel
                if rentang > 1 or tinggi > 1:
                    gabung.append((i, j, i + tinggi - 1, j + rentang - 1))
                self._sel(semua_sel[i * lebar + j], c, adalah_kepala, jumlah)
        table.autofit = False
        for j, lebar_mm in enumerate(_lebar_kolom(kepala, isi, lebar)):
            table.columns[j].width = _mm(lebar_mm)
            for i in range(len(table.rows)):
                semua_sel[i * lebar + j].width = _mm(lebar_mm)
        for i, j, i2, j2 in gabung:  # merged after filling: the other cells are empty
            table.cell(i, j).merge(table.cell(i2, j2))
        catatan = [*t.catatan, *([f"Sumber: {t.sumber}"] if t.sumber else [])]
        for c in catatan:
            if _TIDAK_KOSONG.search(c):
                self.paragraf(c, "Catatan Tabel")

    def _sel(self, cell: Any, c: m.Sel, adalah_kepala: bool, jumlah: bool) -> None:
        """Fill one table cell: its text (bold in the header and a total row), shading and
        alignment."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p = cell.paragraphs[0]
        self.gaya(p, "Isi Tabel")
        if c.teks:
            teks = c.teks
            if c.angka and c.satuan:  # "38 Gedung/Bangunan" may wrap after the "/"
                teks = teks.replace("/", "/\u200b")
            r = p.add_run(teks)
            r.bold = adalah_kepala or jumlah or c.kelas == "jumlah"
        if adalah_kepala:
            _shading(cell, _WARNA_KEPALA)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif c.angka:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def _gaya_tabel(self) -> Any:
        if self._gaya_grid is None:
            self._gaya_grid = self.d.styles["Table Grid"]
        return self._gaya_grid

    def gambar(self, g: m.Gambar) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        mime, isi = _gambar_cetak(g)
        data = base64.b64decode(isi)
        p = self.paragraf()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        if mime in ("image/png", "image/jpeg", "image/gif", "image/bmp"):
            p.add_run().add_picture(io.BytesIO(data), width=_lebar_gambar(data, mime, g))
        else:  # SVG: python-docx cannot place it; the caption still names it
            p.add_run(f"[{g.alt or g.judul}: gambar {mime} tidak dapat dimuat di Word]")
        self.keterangan("Gambar", g.nomor, g.judul)

    def rumus(self, r: m.Rumus) -> None:
        from docx.oxml import parse_xml

        for baris in r.baris:
            p = self.paragraf()
            p.paragraph_format.keep_with_next = True
            p._p.append(parse_xml(_omml(baris)))
        for c in r.catatan:
            if _TIDAK_KOSONG.search(c):
                self.paragraf(c, "Catatan Tabel")

    # markup ------------------------------------------------------------------------------
    def html(self, markup: str) -> None:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(markup, "html.parser")
        self._isi_blok(soup, konteks=())

    def _isi_blok(self, induk: Tag, konteks: tuple[str, ...]) -> None:
        from bs4 import NavigableString, Tag

        lepas: list[Any] = []  # loose inline content between block elements

        def tutup() -> None:
            if lepas and any(_TIDAK_KOSONG.search(_teks(x)) for x in lepas):
                p = self.paragraf()
                for x in lepas:
                    self._inline(p, x, {})
                self._gaya_kelas(p, konteks)
            lepas.clear()

        for anak in list(induk.children):
            if isinstance(anak, NavigableString):
                if type(anak).__name__ in ("Comment", "Doctype"):
                    continue
                lepas.append(anak)
                continue
            if not isinstance(anak, Tag):
                continue
            nama = anak.name
            kelas = tuple(anak.get("class") or ())
            if nama in _INLINE:
                lepas.append(anak)
                continue
            tutup()
            self._elemen_blok(anak, nama, kelas, konteks)
        tutup()

    def _elemen_blok(
        self, anak: Tag, nama: str, kelas: tuple[str, ...], konteks: tuple[str, ...]
    ) -> None:
        """One block element of the markup (a heading, paragraph, list, table, signature …)."""
        if re.fullmatch(r"h[1-6]", nama):
            self.judul(int(nama[1]), _teks(anak).strip())
        elif nama == "p":
            if _TIDAK_KOSONG.search(_teks(anak)) or anak.find("img"):
                p = self.paragraf()
                self._inline(p, anak, {})
                self._gaya_kelas(p, (*konteks, *kelas))
        elif nama in ("ul", "ol"):
            self._daftar_html(anak, nama == "ol", 0)
        elif nama == "table" and "surat-meta" in kelas:
            self._meta_surat(anak)
        elif nama == "table":
            self._tabel_html(anak)
        elif nama == "hr":
            return
        elif nama == "pre":
            p = self.paragraf(_teks(anak).rstrip("\n"))
            for r in p.runs:
                r.font.name = "Courier New"
        elif "ttd-dua" in kelas:
            self._ttd_dua(anak)
        elif "ttd" in kelas:
            self._ttd(anak)
        elif "sampul" in kelas or "sampul-tinjauan" in kelas:
            self._sampul(anak)
        elif "surat-pengantar" in kelas:
            self._surat(anak)
        elif "kop-surat" in kelas:
            self._isi_blok(anak, (*konteks, *kelas))
            _garis_bawah(self._paragraf_terakhir())
        else:  # div, section, blockquote, aside, figure …: their content
            self._isi_blok(anak, (*konteks, *kelas))

    def _gaya_kelas(self, p: Paragraph, kelas: tuple[str, ...]) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        if "tempat-tanggal" in kelas or "surat-tanggal" in kelas:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if "kop-baris" in kelas or "kop-kontak" in kelas:  # the cover letter's letterhead
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.line_spacing = 1.15
            for r in p.runs:
                if "kop-baris" in kelas:
                    r.bold, r.font.name, r.font.size = True, HURUF_JUDUL, Pt(12)
                else:
                    r.font.size = Pt(9)
        if "surat-judul" in kelas:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(18), Pt(2)
            p.paragraph_format.keep_with_next = True
            for r in p.runs:
                r.bold, r.underline = True, True
        if {"catatan-tabel", "sumber-tabel", "catatan-rumus", "id-masalah"} & set(kelas):
            self.gaya(p, "Catatan Tabel")

    def _inline(self, p: Paragraph, node: Any, gaya: dict[str, bool]) -> None:
        from bs4 import NavigableString, Tag

        if isinstance(node, NavigableString):
            if type(node).__name__ == "Comment":
                return
            teks = re.sub(r"\s+", " ", str(node))
            if teks:
                r = p.add_run(teks)
                r.bold = gaya.get("b") or None
                r.italic = gaya.get("i") or None
                r.underline = gaya.get("u") or None
                if gaya.get("code"):
                    r.font.name = "Courier New"
                if gaya.get("sup"):
                    r.font.superscript = True
                if gaya.get("sub"):
                    r.font.subscript = True
            return
        if not isinstance(node, Tag):
            return
        if node.name == "br":
            p.add_run().add_break()
            return
        g = dict(gaya)
        g.update(
            {
                "b": gaya.get("b") or node.name in ("strong", "b"),
                "i": gaya.get("i") or node.name in ("em", "i"),
                "u": gaya.get("u") or node.name == "u",
                "code": gaya.get("code") or node.name == "code",
                "sup": gaya.get("sup") or node.name == "sup",
                "sub": gaya.get("sub") or node.name == "sub",
            }
        )
        for anak in node.children:
            self._inline(p, anak, g)

    def _daftar_html(self, daftar: Tag, berurut: bool, tingkat: int) -> None:
        from bs4 import Tag

        mulai = int(daftar.get("start") or 1) if berurut else 1
        huruf = daftar.get("type") == "a"
        n = mulai
        for li in daftar.find_all("li", recursive=False):
            p = self.paragraf(gaya="List Paragraph")
            p.paragraph_format.left_indent = _mm(8 + 7 * tingkat)
            p.paragraph_format.first_line_indent = _mm(-6)
            p.paragraph_format.space_after = _pt(2)
            tanda = (chr(ord("a") + n - 1) + "." if huruf else f"{n}.") if berurut else "•"
            p.add_run(tanda + "\t")
            n += 1
            for anak in li.children:
                if isinstance(anak, Tag) and anak.name in ("ul", "ol"):
                    self._daftar_html(anak, anak.name == "ol", tingkat + 1)
                elif isinstance(anak, Tag) and anak.name == "p":
                    for x in anak.children:
                        self._inline(p, x, {})
                else:
                    self._inline(p, anak, {})

    def _tabel_html(self, tabel: Tag) -> None:
        """A Markdown table of a narrative (text cells)."""
        baris = tabel.find_all("tr")
        if not baris:
            return
        kepala = [
            [m.teks(_teks(c).strip()) for c in tr.find_all(["th", "td"])]
            for tr in baris
            if tr.find_parent("thead") is not None
        ]
        isi = [
            [m.teks(_teks(c).strip()) for c in tr.find_all(["th", "td"])]
            for tr in baris
            if tr.find_parent("thead") is None
        ]
        self.tabel(m.Tabel("narasi", "", kepala, isi, bernomor=False))

    def _ttd(self, div: Tag, sel: _Cell | None = None) -> None:
        """A signature block: its lines kept together (and with what follows), with room for
        the signature above the name."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        baris = [p for p in div.find_all("p") if _TIDAK_KOSONG.search(_teks(p))]
        for i, p_html in enumerate(baris):
            if sel is None:
                p = self.paragraf()
                p.paragraph_format.left_indent = _mm(90)
            else:
                p = (
                    sel.paragraphs[0]
                    if i == 0 and not sel.paragraphs[0].text
                    else sel.add_paragraph()
                )
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.keep_together = True
            p.paragraph_format.keep_with_next = i < len(baris) - 1
            p.paragraph_format.space_after = Pt(0)
            kelas = p_html.get("class") or []
            if i == 0 and "ttd-surat" in (div.get("class") or []):
                p.paragraph_format.space_before = Pt(24)  # below the letter's table
            if "ttd-nama" in kelas:
                p.paragraph_format.space_before = Pt(54)
            nama = "ttd-nama" in kelas  # bold; underlined in the PK's pair only (laporan.css)
            self._inline(p, p_html, {"b": nama, "u": nama and sel is not None})

    def _surat(self, sec: Tag) -> None:
        """The cover letter (after the cover): a Word section of its own without the running
        header and footer, as the PDF's page; the report's header and footer resume after it."""
        self._putus_bagian(berjalan=False)
        self._isi_blok(sec, ("surat-pengantar",))
        self._putus_bagian(berjalan=True)

    def _paragraf_terakhir(self) -> Any:
        """The body's last paragraph (``w:p``), a new empty one when it ends in a table."""
        from docx.oxml.ns import qn

        body = self.d.element.body
        anak = [e for e in body.iterchildren() if e.tag != qn("w:sectPr")]
        if anak and anak[-1].tag == qn("w:p"):
            return anak[-1]
        return body.add_p()

    def _putus_bagian(self, berjalan: bool) -> None:
        """End the current Word section at the body's last paragraph (its trailing page break
        dropped: the section break starts the new page) and start a new one, with the running
        header and page-number footer of the first section (``berjalan``) or with none."""
        import copy

        from docx.oxml.ns import qn

        body = self.d.element.body
        akhir = body.get_or_add_sectPr()
        p = self._paragraf_terakhir()
        for br in p.xpath('./w:r/w:br[@w:type="page"]'):
            r = br.getparent()
            r.remove(br)
            if not len([x for x in r if x.tag != qn("w:rPr")]):
                p.remove(r)
        p.set_sectPr(akhir.clone())  # ends the current section
        for ref in akhir.xpath("w:headerReference|w:footerReference|w:titlePg"):
            akhir.remove(ref)
        s = self.d.sections[-1]
        pertama = self.d.sections[0]
        for kepala, asal in ((s.header, pertama.header), (s.footer, pertama.footer)):
            kepala.is_linked_to_previous = False  # a part of its own: empty, or a copy
            el = kepala._element
            for x in list(el):
                el.remove(x)
            if berjalan:
                for x in asal._element:
                    el.append(copy.deepcopy(x))
            else:
                el.append(_el("w:p"))

    def _meta_surat(self, tabel: Tag) -> None:
        """The letter's number, attachment and subject ("Nomor : …"): centred lines whose
        colons align (tab stops), not a table (Word would join it to the table below)."""
        from docx.enum.text import WD_TAB_ALIGNMENT
        from docx.shared import Pt

        baris = [[_teks(td).strip() for td in tr.find_all("td")] for tr in tabel.find_all("tr")]
        baris = [b for b in baris if b]
        if not baris:
            return
        label = max(_lebar_mm(b[0]) for b in baris) + 1.5
        isi = max(_lebar_mm(b[-1]) for b in baris)
        kiri = max((LEBAR_TEKS_MM - (label + 3 + isi)) / 2, 0)
        for i, b in enumerate(baris):
            p = self.paragraf("\t".join([b[0], ":", b[-1]]) if len(b) > 1 else b[0])
            self.gaya(p, "Isi Tabel")
            p.paragraph_format.left_indent = _mm(kiri)
            for pos in (label, label + 3):
                p.paragraph_format.tab_stops.add_tab_stop(_mm(kiri + pos), WD_TAB_ALIGNMENT.LEFT)
            p.paragraph_format.space_after = Pt(12 if i == len(baris) - 1 else 0)
            p.paragraph_format.keep_with_next = True

    def _ttd_dua(self, div: Tag) -> None:
        """Two signature blocks side by side: a borderless table whose row does not split."""
        ttd = div.find_all("div", class_="ttd")
        if not ttd:
            return
        table = self.d.add_table(rows=1, cols=len(ttd))
        _tanpa_garis(table)
        _tak_terpecah(table.rows[0])
        for j, t in enumerate(ttd):
            self._ttd(t, table.cell(0, j))

    def _sampul(self, sec: Tag) -> None:
        """The cover: centred lines, the title large, a page of its own."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
        from docx.shared import Pt

        ukuran = {
            "sampul-judul": 24,
            "sampul-singkatan": 18,
            "sampul-tahun": 18,
            "sampul-satker": 16,
            "jenis-dokumen": 20,
            "judul-tinjauan": 16,
            "satker": 14,
        }
        pertama = True
        for p_html in sec.find_all("p"):
            if not _TIDAK_KOSONG.search(_teks(p_html)):
                continue
            kelas = next((k for k in (p_html.get("class") or []) if k in ukuran), None)
            p = self.paragraf()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if pertama:
                pertama = False
            elif kelas == "sampul-judul":
                p.paragraph_format.space_before = Pt(120)
            elif kelas == "sampul-satker":
                p.paragraph_format.space_before = Pt(100)
            self._inline(p, p_html, {"b": kelas is not None})
            for r in p.runs:
                if kelas:
                    r.font.size = Pt(ukuran[kelas])
        if "sampul" in (sec.get("class") or []):
            self.d.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


_INLINE = {"a", "strong", "b", "em", "i", "u", "code", "span", "sup", "sub", "br", "small"}


def _teks(node: Any) -> str:
    return node.get_text() if hasattr(node, "get_text") else str(node)


def _mm(x: float) -> Any:
    from docx.shared import Mm

    return Mm(x)


def _pt(x: float) -> Any:
    from docx.shared import Pt

    return Pt(x)


def _grid(baris: list[list[m.Sel]]) -> list[list[tuple[m.Sel, int, int] | None]]:
    """Rows of cells placed on a grid (row spans of earlier rows skipped): at each cell's
    top-left position (cell, column span, row span), elsewhere None."""
    terisi: set[tuple[int, int]] = set()
    hasil: list[dict[int, tuple[m.Sel, int, int]]] = [{} for _ in baris]
    for i, row in enumerate(baris):
        k = 0
        for c in row:
            while (i, k) in terisi:
                k += 1
            tinggi = max(1, min(c.baris, len(baris) - i))
            for dr in range(tinggi):
                for dk in range(c.rentang):
                    terisi.add((i + dr, k + dk))
            hasil[i][k] = (c, c.rentang, tinggi)
            k += c.rentang
    lebar = max((k + 1 for _, k in terisi), default=0)
    return [[r.get(k) for k in range(lebar)] for r in hasil]


MM_PER_EM = UKURAN_TABEL * 25.4 / 72
"""One em of the tables' text, in mm."""

PADDING_MM = 4.0
"""Left and right padding of a table cell together (Word and LibreOffice: ≈ 1,9 mm each)."""


def _em(huruf: str, lebar: str) -> dict[str, float]:
    return dict(zip(huruf, (int(w) / 1000 for w in lebar.split()), strict=True))


_EM = {
    **_em("abcdefghijklm", "556 556 500 556 556 278 556 556 222 222 500 222 833"),
    **_em("nopqrstuvwxyz", "556 556 556 556 333 500 278 556 500 722 500 500 500"),
    **_em("ABCDEFGHIJKLM", "667 667 722 722 667 611 778 722 278 500 667 556 833"),
    **_em("NOPQRSTUVWXYZ", "722 778 667 778 722 667 611 722 667 944 667 667 611"),
    **dict.fromkeys("0123456789", 0.556),
    **_em(" .,:;'|()/-–%[]", "278 278 278 278 278 191 260 333 333 278 333 556 889 278 278"),
}
"""Advance widths (em) of Arial and its metric twin Liberation Sans, the tables' font (read
from LiberationSans-Regular.ttf); an unlisted character counts 0,6 em."""


def _lebar_mm(teks: str, tebal: bool = False) -> float:
    """Width of ``teks`` in the tables' Arial/Liberation Sans (mm), from the font's advance
    widths (:data:`_EM`; bold ≈ 6 % wider)."""
    em = sum(_EM.get(c, 0.6) for c in teks)
    return em * MM_PER_EM * (1.06 if tebal else 1.0)


def _lebar_kolom(
    kepala: list[list[tuple[m.Sel, int, int] | None]],
    isi: list[list[tuple[m.Sel, int, int] | None]],
    n: int,
    total: float = LEBAR_TEKS_MM,
) -> list[float]:
    """Column widths (mm) that fill the text width: every column at least its widest number
    (never wrapped) or word, the rest shared by how much text each column holds (so a number
    column stays narrow and a text column takes the room)."""
    kata = [6.0] * n
    panjang = [6.0] * n
    for baris, adalah_isi in (*((b, False) for b in kepala), *((b, True) for b in isi)):
        for j, sel in enumerate(baris):
            if sel is None or sel[1] > 1:
                continue
            c = sel[0]
            tebal = not adalah_isi or c.kelas == "jumlah"
            if c.angka and c.satuan and c.teks.endswith(" " + c.satuan):
                # "38 Gedung/Bangunan": the number does not wrap, its unit may go below it
                unit = re.split(r"(?<=/)|\s+", c.satuan)
                bagian = [c.teks[: -len(c.satuan) - 1], *(w[:9] for w in unit)]
                kata[j] = max(kata[j], *(_lebar_mm(w, tebal) for w in bagian))
            elif c.angka:  # a number never wraps
                kata[j] = max(kata[j], _lebar_mm(c.teks, tebal))
            else:  # a long word (a path, "Tahanan/Narapidana/Anak") may wrap
                kata[j] = max(kata[j], *(_lebar_mm(w[:14], tebal) for w in c.teks.split()), 0)
            if adalah_isi:  # a header wraps between its words
                panjang[j] = max(panjang[j], min(_lebar_mm(c.teks), 150))
    minimum = [k * 1.04 + PADDING_MM for k in kata]  # 4 %: the renderers' rounding, kerning
    ingin = [max(p + PADDING_MM, mn) for p, mn in zip(panjang, minimum, strict=True)]
    if sum(ingin) <= total:
        skala = total / sum(ingin)
        return [w * skala for w in ingin]
    if sum(minimum) >= total:
        skala = total / sum(minimum)
        return [w * skala for w in minimum]
    sisa = total - sum(minimum)
    tambah = [w - mn for w, mn in zip(ingin, minimum, strict=True)]
    return [mn + sisa * t / sum(tambah) for mn, t in zip(minimum, tambah, strict=True)]


BARIS_PECAHAN = 50
"""Characters per line of a fraction's numerator or denominator in a Word equation (about
95 mm of 11,5 pt Times: the fraction, "Realisasi =" and "× 100%" fit the text width)."""


def _omml(baris: tuple[m.BagianRumus, ...]) -> str:
    """One formula line as an OMML equation: fractions stacked, the words as normal text
    (``m:nor``: upright, spaces kept, an ``=`` at the start is text, also in LibreOffice),
    the result bold."""
    from xml.sax.saxutils import escape

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


def _gambar_cetak(g: m.Gambar) -> tuple[str, str]:
    """The figure's picture, a chart drawn again at :data:`DPI_CETAK` (nothing cached)."""
    from ..laporan import grafik

    with grafik.resolusi(DPI_CETAK):
        return g.buat()


def _lebar_gambar(data: bytes, mime: str, g: m.Gambar) -> Any:
    """Width on the page: the chart's own size at the dpi it was drawn, at most the text
    width (a satker's photo: the text width)."""
    from docx.shared import Mm

    if mime == "image/png" and len(data) > 24 and g.masukan and data[12:16] == b"IHDR":
        lebar_px = int.from_bytes(data[16:20], "big")
        mm_ = lebar_px / DPI_CETAK * 25.4
        return Mm(min(LEBAR_TEKS_MM, mm_))
    return Mm(LEBAR_TEKS_MM)


# --------------------------------------------------------------------------- documents


def _daftar(pd: PenulisDocx, judul: str, instruksi: str, isi: list[str]) -> None:
    """A list field (contents, tables, figures) under a title that is not itself listed;
    its cached result holds the entries as built, without page numbers (Word fills them
    in when it updates the field)."""
    pd.paragraf(judul, "Judul Daftar")
    p = pd.paragraf()
    _field(p, instruksi, "")
    # the cached result: one paragraph per entry, inside the field (between separate/end)
    runs = p._p.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r")
    akhir = runs[-1]
    p._p.remove(akhir)
    hasil = p
    for i, teks in enumerate(isi or ["(perbarui bidang ini: klik kanan → Perbarui Bidang)"]):
        if i:
            hasil = pd.paragraf()
        hasil.add_run(teks)
    hasil._p.append(akhir)


@dataclass
class DocxDitulis:
    path: Path
    judul: list[str]
    tabel: int
    gambar: int


def _judul_dokumen(d: Any) -> list[str]:
    """The texts of the document's heading paragraphs. Looked up by the style id each
    paragraph names: python-docx's ``Paragraph.style`` searches the styles again for every
    paragraph without one (a third of a second for the report)."""
    nama = {s.style_id: s.name for s in d.styles}
    return [
        p.text for p in d.paragraphs if (nama.get(p._p.style or "") or "").startswith("Heading")
    ]


def tulis_docx_laporan(
    notebooks: list[Path],
    hasil: HasilLaporan,
    dok: m.Dokumen,
    tujuan: Path,
    *,
    judul: str,
    penulis: str,
    berjalan: str,
) -> DocxDitulis:
    """Write ``laporan.docx``: cover and kata pengantar, the contents and the lists of tables
    and figures (fields), then the chapters as the notebooks order them."""
    susunan = susunan_notebook(notebooks, hasil, dok)
    d = _dokumen_baru(judul, penulis, "Laporan Kinerja Instansi Pemerintah (LKjIP)", berjalan)
    pd = PenulisDocx(d, dok)
    # front matter after the cover and kata pengantar (as the HTML: keluaran.html.sisipkan_daftar)
    awal = 0
    for i, u in enumerate(susunan):
        if isinstance(u, JudulBab) and u.tingkat == 1:
            break
        awal = i + 1
    for u in susunan[:awal]:
        _tulis(pd, u)
    judul_bab = [u for u in susunan if isinstance(u, JudulBab) and u.tingkat <= 3]
    semua = [x for u in susunan if isinstance(u, m.Bagian) for x in m.ratakan(u.blok)]
    tabel = [x for x in semua if isinstance(x, m.Tabel) and x.bernomor]
    gambar = [x for x in semua if isinstance(x, m.Gambar)]
    _daftar(
        pd,
        "DAFTAR ISI",
        'TOC \\o "1-3" \\h \\z \\u',
        ["KATA PENGANTAR"] + [("    " * (u.tingkat - 1)) + u.teks for u in judul_bab],
    )
    if tabel:
        _daftar(
            pd,
            "DAFTAR TABEL",
            'TOC \\h \\z \\t "Keterangan Tabel,1"',
            [f"{x.label} {x.judul}" for x in tabel],
        )
    if gambar:
        _daftar(
            pd,
            "DAFTAR GAMBAR",
            'TOC \\h \\z \\t "Keterangan Gambar,1"',
            [f"{x.label} {x.judul}" for x in gambar],
        )
    for u in susunan[awal:]:
        _tulis(pd, u)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(tujuan))
    return DocxDitulis(
        tujuan,
        _judul_dokumen(d),
        len(tabel),
        len(gambar),
    )


def _tulis(pd: PenulisDocx, u: Unsur) -> None:
    if isinstance(u, JudulBab):
        pd.judul(u.tingkat, u.teks)
    elif isinstance(u, TeksBab):
        from ..laporan.html import markdown

        pd.html(markdown(u.teks))
    else:
        for b in u.blok:
            pd.blok(b)


def tulis_docx_blok(
    blok: Iterable[m.Blok],
    dok: m.Dokumen | None,
    tujuan: Path,
    *,
    judul: str,
    penulis: str,
    berjalan: str,
    subjek: str,
) -> Path:
    """Write blocks (the review memo) as one DOCX."""
    d = _dokumen_baru(judul, penulis, subjek, berjalan)
    pd = PenulisDocx(d, dok)
    for b in blok:
        pd.blok(b)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(tujuan))
    return tujuan


def ringkasan(path: Path) -> dict[str, Any]:
    """Headings, captions and table count of a DOCX (for tests and reviewers)."""
    import docx

    d = docx.Document(str(path))
    return {
        "judul": _judul_dokumen(d),
        "keterangan": [p.text for p in d.paragraphs if p.style.name == "Caption"],
        "tabel": len(d.tables),
    }
