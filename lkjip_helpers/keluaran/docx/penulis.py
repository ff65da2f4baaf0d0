"""The writer: model blocks into one python-docx document, each kind by its module."""

from __future__ import annotations

import re
from collections.abc import Iterable

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from ...laporan import model as m
from ...laporan import teks_kaya as tk
from ...laporan.grafik import TembolokGrafik
from .bidang import _field
from .gambar import tulis_gambar
from .narasi import tulis_simpul
from .rumus import tulis_rumus
from .sebaris import tambah_run
from .tabel import tulis_tabel

_TIDAK_KOSONG = re.compile(r"\S")


class PenulisDocx:
    """Renders model blocks into one python-docx document."""

    def __init__(
        self, d: DocxDocument, dok: m.Dokumen | None, grafik: TembolokGrafik | None = None
    ) -> None:
        self.d = d
        self.dok = dok
        self.grafik = grafik
        """Where the charts drawn by previous builds are kept (None: every chart drawn)."""
        self._id_gaya: dict[str, str] = {}
        self._gaya_grid: str | None = None

    def id_gaya(self, nama: str) -> str:
        """A style's id by its name (python-docx's lookup by name is slow: cached)."""
        if nama not in self._id_gaya:
            self._id_gaya[nama] = self.d.styles[nama].style_id
        return self._id_gaya[nama]

    def gaya(self, p: Paragraph, nama: str) -> None:
        """Set a paragraph style by name."""
        p._p.style = self.id_gaya(nama)

    def gaya_tabel(self) -> str:
        """The id of the tables' style (looked up once: assigning the style object to
        ``Table.style`` searches the styles again for every table)."""
        if self._gaya_grid is None:
            self._gaya_grid = self.d.styles["Table Grid"].style_id
        return self._gaya_grid

    # paragraphs ------------------------------------------------------------------------
    def paragraf(self, teks: str = "", gaya: str | None = None) -> Paragraph:
        p = self.d.add_paragraph()
        if gaya:
            self.gaya(p, gaya)
        sebelum = p._p.getprevious()
        if sebelum is not None and sebelum.tag == qn("w:tbl") and gaya != "Catatan Tabel":
            p.paragraph_format.space_before = Pt(8)  # text after a table: as the PDF's margin
        if teks:
            tambah_run(p, teks)
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
            tulis_tabel(self, b)
        elif isinstance(b, m.Gambar):
            tulis_gambar(self, b)
        elif isinstance(b, m.Rumus):
            tulis_rumus(self, b)
        elif isinstance(b, m.Judul):
            self.judul(b.tingkat, b.isi)
        elif isinstance(b, m.Paragraf):
            self.paragraf_blok(b)
        elif isinstance(b, m.Daftar):
            self.daftar(b.butir, b.berurut)
        elif isinstance(b, m.Narasi):
            tulis_simpul(self, b.simpul(self.dok))
        elif isinstance(b, m.Html):  # the tool's own markup, read into the same nodes
            tulis_simpul(self, tk.dari_html(b.isi))
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
                p.paragraph_format.left_indent = Mm(8)
                p.paragraph_format.first_line_indent = Mm(-6)
                p.paragraph_format.space_after = Pt(2)
                p.add_run((f"{i}.\t" if berurut else "•\t") + teks)

    def keterangan(self, jenis: str, nomor: str | None, judul: str) -> Paragraph:
        """``Tabel 3.1 Judul``: the 1 is a ``SEQ Tabel_3`` field (one sequence per chapter,
        so Word and LibreOffice both renumber a chapter's tables after an edit), the paragraph
        style ``Keterangan Tabel`` is what the list of tables collects."""
        p = self.paragraf(gaya=f"Keterangan {jenis}")
        bab, _, n = (nomor or "").rpartition(".")
        tambah_run(p, f"{jenis} " + (f"{bab}." if bab else ""))
        _field(p, f"SEQ {jenis}_{re.sub(r'[^0-9A-Za-z]', '', bab) or 'x'} \\* ARABIC", n or "1")
        tambah_run(p, f" {judul}")
        return p

    # kinds kept as methods (tests and callers write single blocks) ------------------------
    def tabel(self, t: m.Tabel) -> None:
        tulis_tabel(self, t)

    def teks_kaya(self, simpul: list[tk.Simpul]) -> None:
        """Rich-text nodes (:mod:`lkjip_helpers.laporan.teks_kaya`)."""
        tulis_simpul(self, simpul)
