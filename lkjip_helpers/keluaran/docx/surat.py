"""The tool's page layouts in Word: the cover, signature blocks, the cover letter (a Word
section of its own without running header and footer), its letterhead and number lines."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from ...laporan import teks_kaya as tk
from .bidang import _el, _garis_bawah, _tak_terpecah, _tanpa_garis
from .gaya import HURUF_JUDUL, LEBAR_TEKS_MM
from .sebaris import tulis_sebaris
from .tabel import _lebar_mm

if TYPE_CHECKING:
    from docx.table import _Cell

    from .penulis import PenulisDocx

_UKURAN_SAMPUL = {
    "sampul-judul": 24,
    "sampul-singkatan": 18,
    "sampul-tahun": 18,
    "sampul-satker": 16,
    "jenis-dokumen": 20,
    "judul-tinjauan": 16,
    "satker": 14,
}
"""Font size (pt) of the cover's lines by class; their text is bold."""


def sampul(pd: PenulisDocx, sec: tk.Wadah) -> None:
    """The cover: centred lines, the title large, a page of its own."""
    for i, a in enumerate(tk.cari(sec.isi, tk.Alinea)):
        kelas = next((k for k in a.kelas if k in _UKURAN_SAMPUL), None)
        p = pd.paragraf()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if i and kelas == "sampul-judul":
            p.paragraph_format.space_before = Pt(120)
        elif i and kelas == "sampul-satker":
            p.paragraph_format.space_before = Pt(100)
        tulis_sebaris(p, a.isi, tk.Potongan("", tebal=kelas is not None))
        for r in p.runs:
            if kelas:
                r.font.size = Pt(_UKURAN_SAMPUL[kelas])
    if "sampul" in sec.kelas:
        pd.d.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def ttd(pd: PenulisDocx, div: tk.Wadah, sel: _Cell | None = None) -> None:
    """A signature block: its lines kept together (and with what follows), with room for
    the signature above the name."""
    baris = tk.cari(div.isi, tk.Alinea)
    for i, a in enumerate(baris):
        if sel is None:
            p = pd.paragraf()
            p.paragraph_format.left_indent = Mm(90)
        else:
            kosong = i == 0 and not sel.paragraphs[0].text
            p = sel.paragraphs[0] if kosong else sel.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_together = True
        p.paragraph_format.keep_with_next = i < len(baris) - 1
        p.paragraph_format.space_after = Pt(0)
        if i == 0 and "ttd-surat" in div.kelas:
            p.paragraph_format.space_before = Pt(24)  # below the letter's table
        nama = "ttd-nama" in a.kelas  # bold; underlined in the PK's pair only (laporan.css)
        if nama:
            p.paragraph_format.space_before = Pt(54)
        tulis_sebaris(p, a.isi, tk.Potongan("", tebal=nama, garis_bawah=nama and sel is not None))


def ttd_dua(pd: PenulisDocx, div: tk.Wadah) -> None:
    """Two signature blocks side by side: a borderless table whose row does not split."""
    blok = tk.cari(div.isi, tk.Wadah, "ttd")
    if not blok:
        return
    table = pd.d.add_table(rows=1, cols=len(blok))
    _tanpa_garis(table)
    _tak_terpecah(table.rows[0])
    for j, t in enumerate(blok):
        ttd(pd, t, table.cell(0, j))


def meta_surat(pd: PenulisDocx, tabel: tk.TabelTeks) -> None:
    """The letter's number, attachment and subject ("Nomor : …"): centred lines whose
    colons align (tab stops), not a table (Word would join it to the table below)."""
    baris = [b for b in (*tabel.kepala, *tabel.isi) if b]
    if not baris:
        return
    label = max(_lebar_mm(b[0]) for b in baris) + 1.5
    isi = max(_lebar_mm(b[-1]) for b in baris)
    kiri = max((LEBAR_TEKS_MM - (label + 3 + isi)) / 2, 0)
    for i, b in enumerate(baris):
        p = pd.paragraf("\t".join([b[0], ":", b[-1]]) if len(b) > 1 else b[0])
        pd.gaya(p, "Isi Tabel")
        p.paragraph_format.left_indent = Mm(kiri)
        for pos in (label, label + 3):
            p.paragraph_format.tab_stops.add_tab_stop(Mm(kiri + pos), WD_TAB_ALIGNMENT.LEFT)
        p.paragraph_format.space_after = Pt(12 if i == len(baris) - 1 else 0)
        p.paragraph_format.keep_with_next = True


def gaya_kop(p: Paragraph, baris: bool) -> None:
    """A letterhead line (bold, larger: ``baris``) or its contact line, centred and tight."""
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.15
    for r in p.runs:
        if baris:
            r.bold, r.font.name, r.font.size = True, HURUF_JUDUL, Pt(12)
        else:
            r.font.size = Pt(9)


def garis_kop(pd: PenulisDocx) -> None:
    """The rule under the letterhead."""
    _garis_bawah(_paragraf_terakhir(pd))


def _paragraf_terakhir(pd: PenulisDocx) -> Any:
    """The body's last paragraph (``w:p``), a new empty one when it ends in a table."""
    body = pd.d.element.body
    anak = [e for e in body.iterchildren() if e.tag != qn("w:sectPr")]
    if anak and anak[-1].tag == qn("w:p"):
        return anak[-1]
    return body.add_p()


def putus_bagian(pd: PenulisDocx, berjalan: bool) -> None:
    """End the current Word section at the body's last paragraph (its trailing page break
    dropped: the section break starts the new page) and start a new one, with the running
    header and page-number footer of the first section (``berjalan``) or with none."""
    body = pd.d.element.body
    akhir = body.get_or_add_sectPr()
    p = _paragraf_terakhir(pd)
    for br in p.xpath('./w:r/w:br[@w:type="page"]'):
        r = br.getparent()
        r.remove(br)
        if not len([x for x in r if x.tag != qn("w:rPr")]):
            p.remove(r)
    p.set_sectPr(akhir.clone())  # ends the current section
    for ref in akhir.xpath("w:headerReference|w:footerReference|w:titlePg"):
        akhir.remove(ref)
    s = pd.d.sections[-1]
    pertama = pd.d.sections[0]
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
