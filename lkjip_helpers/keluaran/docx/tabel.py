"""Tables: a :class:`~lkjip_helpers.laporan.model.Tabel` as a Word table (header rows repeat
on every page, rows do not split, numbers right-aligned as the report formats them, column
widths from the text they hold) under a caption whose number is a ``SEQ`` field."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_Merge
from docx.shared import Length, Mm
from lxml import etree

from ...laporan import model as m
from .bidang import _shading, _tak_terpecah, _ulang_kepala
from .gaya import LEBAR_TEKS_MM, UKURAN_TABEL, WARNA_KEPALA

if TYPE_CHECKING:
    from ...laporan.teks_kaya import TabelTeks
    from .penulis import PenulisDocx

_TIDAK_KOSONG = re.compile(r"\S")
_KHUSUS = re.compile(r"[\t\r\n]")
"""Characters python-docx writes as elements of their own (``w:tab``, ``w:br``)."""
_W = "{" + qn("w:p").partition("}")[0][1:] + "}"
_XML_SPACE = qn("xml:space")

Grid = list[list[tuple[m.Sel, int, int] | None]]


def _grid(baris: list[list[m.Sel]]) -> Grid:
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


# --------------------------------------------------------------------------- column widths

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


def _kata_terlebar(c: m.Sel, tebal: bool) -> float:
    """The widest part of a cell that must not wrap (mm): a number (its unit may go below
    it), else the longest word (a very long one, a path, may wrap after 14 characters)."""
    if c.angka and c.satuan and c.teks.endswith(" " + c.satuan):
        # "38 Gedung/Bangunan": the number does not wrap, its unit may go below it
        unit = re.split(r"(?<=/)|\s+", c.satuan)
        bagian = [c.teks[: -len(c.satuan) - 1], *(w[:9] for w in unit)]
        return max(_lebar_mm(w, tebal) for w in bagian)
    if c.angka:  # a number never wraps
        return _lebar_mm(c.teks, tebal)
    return max((_lebar_mm(w[:14], tebal) for w in c.teks.split()), default=0)


def _lebar_kolom(kepala: Grid, isi: Grid, n: int, total: float = LEBAR_TEKS_MM) -> list[float]:
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
            kata[j] = max(kata[j], _kata_terlebar(c, not adalah_isi or c.kelas == "jumlah"))
            if adalah_isi:  # a header wraps between its words
                panjang[j] = max(panjang[j], min(_lebar_mm(c.teks), 150))
    minimum = [k * 1.04 + PADDING_MM for k in kata]  # 4 %: the renderers' rounding, kerning
    ingin = [max(p + PADDING_MM, mn) for p, mn in zip(panjang, minimum, strict=True)]
    return _bagi_lebar(minimum, ingin, total)


def _bagi_lebar(minimum: list[float], ingin: list[float], total: float) -> list[float]:
    """Widths summing to ``total``: what each column wants scaled up when all fit, the
    minimums scaled down when even they do not, else each column's minimum plus a share of
    the rest by how much more it wants."""
    if sum(ingin) <= total:
        skala = total / sum(ingin)
        return [w * skala for w in ingin]
    if sum(minimum) >= total:
        skala = total / sum(minimum)
        return [w * skala for w in minimum]
    sisa = total - sum(minimum)
    tambah = [w - mn for w, mn in zip(ingin, minimum, strict=True)]
    return [mn + sisa * t / sum(tambah) for mn, t in zip(minimum, tambah, strict=True)]


# --------------------------------------------------------------------------- writing


def tulis_tabel(pd: PenulisDocx, t: m.Tabel) -> None:
    """The table under its caption (a numbered one's number a ``SEQ`` field), then its notes
    and source."""
    if t.bernomor or t.judul:  # an untitled part of a page (the letter's head) has none
        cap = (
            pd.keterangan("Tabel", t.nomor, t.judul)
            if t.bernomor
            else pd.paragraf(t.judul, "Caption")
        )
        cap.paragraph_format.keep_with_next = True
    kepala, isi = _grid(t.kepala), _grid(t.isi)
    lebar = max((len(r) for r in [*kepala, *isi]), default=0)
    if not lebar:
        return
    table = pd.d.add_table(rows=len(kepala) + len(isi), cols=lebar)
    table._tbl.tblStyle_val = pd.gaya_tabel()  # what ``table.style = …`` sets
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    semua_sel = table._cells  # computed once: python-docx recomputes it per cell()
    gabung = _isi_baris(pd, table, semua_sel, kepala, isi, lebar)
    table.autofit = False
    for j, lebar_mm in enumerate(_lebar_kolom(kepala, isi, lebar)):
        table.columns[j].width = Mm(lebar_mm)
        twips = str(Mm(lebar_mm).twips)
        for i in range(len(table.rows)):
            _lebar_sel(semua_sel[i * lebar + j]._tc, twips)
    for i, j, i2, j2 in gabung:  # merged after filling: the other cells are empty
        # the cells as filled (``table.cell()`` recomputes every cell of the table): the
        # spans are disjoint, so no merge removes the corner cells of another
        _gabung(semua_sel, lebar, i, j, i2, j2)
    catatan = [*t.catatan, *([f"Sumber: {t.sumber}"] if t.sumber else [])]
    for c in catatan:
        if _TIDAK_KOSONG.search(c):
            pd.paragraf(c, "Catatan Tabel")


def _gabung(semua_sel: list[Any], lebar: int, i: int, j: int, i2: int, j2: int) -> None:
    """Merge the cells from (``i``, ``j``) to (``i2``, ``j2``) as ``cell.merge()`` writes it:
    in each row the first cell spans the columns (``w:gridSpan``, the widths added) and the
    others are removed; over several rows the first row's cell has ``w:vMerge
    w:val="restart"``, the ones below an empty ``w:vMerge``. python-docx's merge finds every
    cell again by XPath (≈ 15 % of writing laporan.docx); here the cells are known. A span
    whose other cells hold text (never, as filled) is left to python-docx."""
    sel = [[semua_sel[r * lebar + c]._tc for c in range(j, j2 + 1)] for r in range(i, i2 + 1)]
    if not all(_kosong(tc) for tc in [t for baris in sel for t in baris][1:]):
        semua_sel[i * lebar + j].merge(semua_sel[i2 * lebar + j2])
        return
    for r, (pertama, *lain) in enumerate(sel):
        for tc in lain:
            if pertama.width and tc.width:
                pertama.width = Length(pertama.width + tc.width)
            tc.getparent().remove(tc)
        if lain:
            pertama.grid_span = len(lain) + 1
        if i2 > i:
            pertama.vMerge = ST_Merge.RESTART if r == 0 else ST_Merge.CONTINUE


def _kosong(tc: Any) -> bool:
    """Whether a table cell holds only its one empty paragraph (as python-docx's merge
    asks before moving a cell's content)."""
    isi = tc.inner_content_elements
    return len(isi) == 1 and isi[0].tag == _W + "p" and not isi[0].r_lst


def _isi_baris(
    pd: PenulisDocx, table: Any, semua_sel: list[Any], kepala: Grid, isi: Grid, lebar: int
) -> list[tuple[int, int, int, int]]:
    """Fill the rows (header rows repeat, no row splits); returns the cells to merge."""
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
        for j, sel in enumerate(baris[:lebar]):
            if sel is None:
                continue
            c, rentang, tinggi = sel
            if rentang > 1 or tinggi > 1:
                gabung.append((i, j, i + tinggi - 1, j + rentang - 1))
            _sel(pd, semua_sel[i * lebar + j], c, adalah_kepala, jumlah)
    return gabung


def _sel(pd: PenulisDocx, cell: Any, c: m.Sel, adalah_kepala: bool, jumlah: bool) -> None:
    """Fill one table cell: its text (bold in the header and a total row), shading and
    alignment. Its paragraph is built as XML directly, as python-docx writes it (``pStyle``,
    ``jc``; one run with ``b``): python-docx's generic child insertion, which searches the
    successors of every element it adds, was most of the cost of writing a table."""
    p = cell._tc.p_lst[0]
    ppr = etree.SubElement(p, _W + "pPr")
    etree.SubElement(ppr, _W + "pStyle").set(_W + "val", pd.id_gaya("Isi Tabel"))
    rata = "center" if adalah_kepala else "right" if c.angka else None
    if rata is not None:
        etree.SubElement(ppr, _W + "jc").set(_W + "val", rata)
    if c.teks:
        teks = c.teks
        if c.angka and c.satuan:  # "38 Gedung/Bangunan" may wrap after the "/"
            teks = teks.replace("/", "/\u200b")
        tebal = adalah_kepala or jumlah or c.kelas == "jumlah"
        if _KHUSUS.search(teks):  # tabs and line breaks: python-docx's own run
            cell.paragraphs[0].add_run(teks).bold = tebal
        else:
            r = etree.SubElement(p, _W + "r")
            b = etree.SubElement(etree.SubElement(r, _W + "rPr"), _W + "b")
            if not tebal:
                b.set(_W + "val", "0")
            t = etree.SubElement(r, _W + "t")
            t.text = teks
            if len(teks.strip()) < len(teks):
                t.set(_XML_SPACE, "preserve")
    if adalah_kepala:
        _shading(cell, WARNA_KEPALA)


def _lebar_sel(tc: Any, twips: str) -> None:
    """A cell's width, as ``cell.width = …`` writes it: ``w:tcW`` (which ``add_table`` gave
    every cell) set to ``dxa`` twips, a new one first in ``w:tcPr`` when there is none."""
    tcpr = tc.get_or_add_tcPr()
    tcw = tcpr.find(_W + "tcW")
    if tcw is None:
        tcw = tcpr.get_or_add_tcW()
    tcw.set(_W + "type", "dxa")
    tcw.set(_W + "w", twips)


def tulis_tabel_teks(pd: PenulisDocx, t: TabelTeks) -> None:
    """A table of text cells (a Markdown table of a narrative) as an unnumbered table."""
    if not (t.kepala or t.isi):
        return
    kepala = [[m.teks(c) for c in r] for r in t.kepala]
    isi = [[m.teks(c) for c in r] for r in t.isi]
    tulis_tabel(pd, m.Tabel("narasi", "", kepala, isi, bernomor=False))
