"""Write the report's numbered tables to one workbook, from the document model.

The tables come from the assembled report (:attr:`lkjip_helpers.keluaran.html.DokumenHtml.tabel`:
the :class:`~lkjip_helpers.laporan.model.Tabel` blocks the chapters displayed, numbered once)
— nothing is parsed out of HTML — and :func:`tulis_xlsx` writes:

- a sheet ``Daftar Tabel`` first: number, title, chapter, a link to the sheet, notes, source;
- one sheet per table, named after its number (``Tabel 3.1``): the header in row 1 (grouped
  headers joined), one row per body row, numbers stored as numbers at full precision with the
  report's display format (``#,##0.00``, ``"Rp"#,##0``, units as a suffix; a percentage is
  its percent number, 121.92 shown ``121,92%``, as in ``capaian_ikk.csv`` and the analyst
  DataFrames), frozen header row, filters, fitted widths; printed on A4 landscape, fit to the
  page width, the header row repeated on every page. ``pandas.read_excel(path, sheet_name="Tabel 3.1")``
  reads a table back with its headers.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.hyperlink import Hyperlink

from ..laporan.model import Tabel, atur_cetak
from .aman import isi_sel_teks, tanpa_formula

NAMA_BAB = {
    "0": "Pendahuluan laporan",
    "E": "Ikhtisar Eksekutif",
    "1": "Bab I Pendahuluan",
    "2": "Bab II Perencanaan Kinerja",
    "3": "Bab III Akuntabilitas Kinerja",
    "4": "Bab IV Penutup",
    "L": "Lampiran",
}
SHEET_DAFTAR = "Daftar Tabel"


def _nama_sheet(t: Tabel, dipakai: set[str]) -> str:
    dasar = (t.label if t.nomor else t.judul)[:31]
    for ch in "[]:*?/\\":
        dasar = dasar.replace(ch, "-")
    nama, n = dasar, 2
    while nama.lower() in dipakai:
        akhiran = f" ({n})"
        nama, n = dasar[: 31 - len(akhiran)] + akhiran, n + 1
    dipakai.add(nama.lower())
    return nama


def _teks(ws, baris: int, kolom: int, nilai: str):  # type: ignore[no-untyped-def]
    """A text cell that a spreadsheet never reads as a formula (``=…``, ``+…``, ``@…``)."""
    return isi_sel_teks(ws.cell(row=baris, column=kolom), nilai)


def tulis_xlsx(tabel: list[Tabel], tujuan: Path, judul: str = "") -> list[str]:
    """Write the numbered ``tabel`` to ``tujuan``; return the sheet names written."""
    wb = Workbook()
    daftar = wb.active
    daftar.title = SHEET_DAFTAR
    kepala = ["Nomor", "Judul", "Bab", "Sheet", "Catatan", "Sumber"]
    tebal, isian = Font(bold=True), PatternFill("solid", fgColor="DFE6EE")
    for j, k in enumerate(kepala, start=1):
        c = _teks(daftar, 1, j, k)
        c.font, c.fill = tebal, isian
    dipakai = {SHEET_DAFTAR.lower()}
    baris = 2
    for t in tabel:
        if not t.bernomor:
            continue
        nama = _nama_sheet(t, dipakai)
        ws = wb.create_sheet(nama)
        t.ke_sheet(ws)
        if judul:
            ws.oddHeader.center.text = f"{t.label} {t.judul}"[:250]
        bab = (t.nomor or "").split(".")[0]
        _teks(daftar, baris, 1, t.label)
        _teks(daftar, baris, 2, t.judul)
        _teks(daftar, baris, 3, NAMA_BAB.get(bab, bab))
        tautan = _teks(daftar, baris, 4, nama)
        tautan.hyperlink = Hyperlink(ref=tautan.coordinate, location=f"'{nama}'!A1")
        tautan.font = Font(color="1F3A5F", underline="single")
        _teks(daftar, baris, 5, " ".join(t.catatan))
        _teks(daftar, baris, 6, t.sumber or "")
        baris += 1
    for kolom, lebar in zip("ABCDEF", (11, 70, 28, 14, 60, 20), strict=True):
        daftar.column_dimensions[kolom].width = lebar
    for row in daftar.iter_rows(min_row=2):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    daftar.freeze_panes = "A2"
    atur_cetak(daftar)
    if baris > 2:
        daftar.auto_filter.ref = f"A1:F{baris - 1}"
    else:
        _teks(daftar, 2, 2, "Laporan ini tidak memuat tabel bernomor.")
    for ws in wb.worksheets:  # text that looks like a formula stays text (OWASP)
        tanpa_formula(ws)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    wb.save(tujuan)
    return list(wb.sheetnames)
