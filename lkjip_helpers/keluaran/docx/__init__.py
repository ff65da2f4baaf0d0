"""Word (DOCX) renderer of the report and the review memo, from the document model.

``laporan.docx`` is rendered from the same blocks as ``laporan.html``
(:mod:`lkjip_helpers.laporan.model`), never converted from the HTML or the PDF:

- the document's outline comes from the chapter notebooks as the HTML's does
  (:mod:`.susunan`): a Markdown heading of a notebook becomes a Word heading (Heading 1–3, so
  the navigation pane and the contents field work), a ``lap.<bagian>()`` call becomes that
  section's blocks; a heading whose section shows nothing is left out and lettered sections
  are re-lettered (as :func:`lkjip_helpers.keluaran.html.pangkas_judul_kosong` and
  ``urutkan_huruf_judul`` do);
- a :class:`~lkjip_helpers.laporan.model.Tabel` becomes a Word table (:mod:`.tabel`: header
  rows repeat on every page, rows do not split, numbers right-aligned as the report formats
  them, column widths from the text they hold) under a caption whose number is a
  ``SEQ Tabel_<bab>`` field (:mod:`.bidang`), so Word and LibreOffice renumber after an edit,
  in the paragraph style ``Keterangan Tabel`` that the list of tables (``TOC \\t``) collects;
  a :class:`~lkjip_helpers.laporan.model.Gambar` likewise (:mod:`.gambar`,
  ``SEQ Gambar_<bab>``), its chart the one in the build's chart cache
  (:class:`lkjip_helpers.laporan.grafik.TembolokGrafik`: kept by a previous build, else the
  picture the chapter drew), else drawn here;
- a :class:`~lkjip_helpers.laporan.model.Rumus` becomes Word equations (:mod:`.rumus`, OMML
  fractions);
- narratives are written from the typed nodes of :mod:`lkjip_helpers.laporan.teks_kaya`
  (:mod:`.narasi`), parsed from their Markdown by the same parse as their HTML; the small
  markup the tool builds itself (cover, signature blocks, the cover letter: ``Html``
  blocks) is read into the same nodes there, and laid out by :mod:`.surat`;
- A4 with the PDF's margins, "Halaman X dari Y" from PAGE/NUMPAGES fields, the running title
  in the header, the cover without either; signature blocks kept on one page (:mod:`.gaya`).

Fields (contents, lists of tables and figures, numbers) carry their values as built; Word is
asked to update them when the file is opened (``w:updateFields``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ...laporan.grafik import TembolokGrafik
    from .gaya import DPI_CETAK, HURUF, HURUF_JUDUL, LEBAR_TEKS_MM, MARGIN_MM, UKURAN_TABEL
    from .laporan import DocxDitulis, ringkasan, tulis_docx_blok, tulis_docx_laporan
    from .penulis import PenulisDocx
    from .susunan import JudulBab, TeksBab, Unsur, _pangkas, susunan_notebook
    from .tabel import _grid, _lebar_kolom, _lebar_mm

_ASAL = {
    "TembolokGrafik": "...laporan.grafik",
    **dict.fromkeys(
        ("DPI_CETAK", "HURUF", "HURUF_JUDUL", "LEBAR_TEKS_MM", "MARGIN_MM", "UKURAN_TABEL"),
        ".gaya",
    ),
    **dict.fromkeys(
        ("DocxDitulis", "ringkasan", "tulis_docx_blok", "tulis_docx_laporan"), ".laporan"
    ),
    "PenulisDocx": ".penulis",
    **dict.fromkeys(("JudulBab", "TeksBab", "Unsur", "_pangkas", "susunan_notebook"), ".susunan"),
    **dict.fromkeys(("_grid", "_lebar_kolom", "_lebar_mm"), ".tabel"),
}
"""Where each name of the package is defined: imported on first use (PEP 562), so that
:mod:`.anak`, which the build imports to start the child writing laporan.docx, does not
import python-docx in the build (≈ 0,12 s; the child imports it, or inherits it when the
build wrote tinjauan.docx)."""


def __getattr__(nama: str) -> Any:
    if nama not in _ASAL:
        raise AttributeError(f"module {__name__!r} has no attribute {nama!r}")
    nilai = getattr(importlib.import_module(_ASAL[nama], __name__), nama)
    globals()[nama] = nilai
    return nilai


__all__ = [
    "DPI_CETAK",
    "HURUF",
    "HURUF_JUDUL",
    "LEBAR_TEKS_MM",
    "MARGIN_MM",
    "UKURAN_TABEL",
    "DocxDitulis",
    "JudulBab",
    "PenulisDocx",
    "TeksBab",
    "TembolokGrafik",
    "Unsur",
    "_grid",
    "_lebar_kolom",
    "_lebar_mm",
    "_pangkas",
    "ringkasan",
    "susunan_notebook",
    "tulis_docx_blok",
    "tulis_docx_laporan",
]
