"""Rich text (:mod:`lkjip_helpers.laporan.teks_kaya` nodes) as Word paragraphs: narratives
and the tool's small markup, from typed nodes (no HTML is read here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from ...laporan import teks_kaya as tk
from . import surat
from .sebaris import tulis_sebaris
from .tabel import tulis_tabel_teks

if TYPE_CHECKING:
    from .penulis import PenulisDocx


def tulis_simpul(pd: PenulisDocx, simpul: list[tk.Simpul], konteks: tuple[str, ...] = ()) -> None:
    """Write nodes in order; ``konteks``: the classes of the containers they are in."""
    for s in simpul:
        if isinstance(s, tk.Alinea):
            p = pd.paragraf()
            tulis_sebaris(p, s.isi)
            gaya_kelas(pd, p, (*konteks, *s.kelas))
        elif isinstance(s, tk.JudulTeks):
            pd.judul(s.tingkat, s.teks)
        elif isinstance(s, tk.DaftarTeks):
            tulis_daftar(pd, s, 0)
        elif isinstance(s, tk.TabelTeks) and "surat-meta" in s.kelas:
            surat.meta_surat(pd, s)
        elif isinstance(s, tk.TabelTeks):
            tulis_tabel_teks(pd, s)
        elif isinstance(s, tk.Kode):
            p = pd.paragraf(s.teks)
            for r in p.runs:
                r.font.name = "Courier New"
        elif isinstance(s, tk.Wadah):
            _wadah(pd, s, konteks)


def _wadah(pd: PenulisDocx, w: tk.Wadah, konteks: tuple[str, ...]) -> None:
    """A container: the cover, signature blocks, the cover letter and its letterhead have
    layouts of their own; any other (a section, a quote, a box) its content."""
    if "ttd-dua" in w.kelas:
        surat.ttd_dua(pd, w)
    elif "ttd" in w.kelas:
        surat.ttd(pd, w)
    elif "sampul" in w.kelas or "sampul-tinjauan" in w.kelas:
        surat.sampul(pd, w)
    elif "surat-pengantar" in w.kelas:
        surat.putus_bagian(pd, berjalan=False)
        tulis_simpul(pd, w.isi, ("surat-pengantar",))
        surat.putus_bagian(pd, berjalan=True)
    elif "kop-surat" in w.kelas:
        tulis_simpul(pd, w.isi, (*konteks, *w.kelas))
        surat.garis_kop(pd)
    else:
        tulis_simpul(pd, w.isi, (*konteks, *w.kelas))


def tulis_daftar(pd: PenulisDocx, daftar: tk.DaftarTeks, tingkat: int) -> None:
    """A list: one hanging-indented paragraph per item (bullet, number or letter), nested
    lists indented one step further after their item."""
    n = daftar.mulai
    for butir in daftar.butir:
        p = pd.paragraf(gaya="List Paragraph")
        p.paragraph_format.left_indent = Mm(8 + 7 * tingkat)
        p.paragraph_format.first_line_indent = Mm(-6)
        p.paragraph_format.space_after = Pt(2)
        p.add_run(_tanda(daftar, n) + "\t")
        n += 1
        tulis_sebaris(p, butir.isi)
        for anak in butir.anak:
            tulis_daftar(pd, anak, tingkat + 1)


def _tanda(daftar: tk.DaftarTeks, n: int) -> str:
    """The mark of item ``n``: ``•``, ``3.`` or ``c.``."""
    if not daftar.berurut:
        return "•"
    return chr(ord("a") + n - 1) + "." if daftar.huruf else f"{n}."


def gaya_kelas(pd: PenulisDocx, p: Paragraph, kelas: tuple[str, ...]) -> None:
    """The layout a paragraph's classes (its own and its containers') give it."""
    if "tempat-tanggal" in kelas or "surat-tanggal" in kelas:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if "kop-baris" in kelas or "kop-kontak" in kelas:  # the cover letter's letterhead
        surat.gaya_kop(p, "kop-baris" in kelas)
    if "surat-judul" in kelas:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(18), Pt(2)
        p.paragraph_format.keep_with_next = True
        for r in p.runs:
            r.bold, r.underline = True, True
    if {"catatan-tabel", "sumber-tabel", "catatan-rumus", "id-masalah"} & set(kelas):
        pd.gaya(p, "Catatan Tabel")
