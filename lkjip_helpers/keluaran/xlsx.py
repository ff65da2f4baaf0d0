"""Write every report table (``<figure class="tabel">``) of the final HTML to one workbook.

One sheet per table, named after its number ("Tabel 3.1"); the caption is the first row,
then the header and body rows. A cell with a ``data-nilai`` attribute is written as a number
(the full-precision value the helpers computed), any other cell as its text. ``colspan`` and
``rowspan`` become merged cells.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

from .aman import isi_sel_teks
from .html import teks_elemen

_NOMOR = re.compile(r"^\s*(Tabel\s+[A-Z0-9]+(?:\.[A-Z0-9]+)*)\b", re.IGNORECASE)
_TERLARANG = re.compile(r"[\[\]:*?/\\]")
_TIPIS = Side(style="thin", color="808080")
_BINGKAI = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)


def _gaya_bernama(wb: Workbook) -> None:
    """Register the cell styles once; a cell then takes one cheap ``cell.style = name``."""
    atas = Alignment(wrap_text=True, vertical="top")
    for nama, format_ in (
        ("lkjip-teks", "General"),
        ("lkjip-desimal", "#,##0.00##"),
        ("lkjip-bulat", "#,##0"),
    ):
        wb.add_named_style(
            NamedStyle(name=nama, border=_BINGKAI, alignment=atas, number_format=format_)
        )
    wb.add_named_style(
        NamedStyle(
            name="lkjip-kepala",
            border=_BINGKAI,
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor="DFE6EE"),
            alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"),
        )
    )


def _teks(tag: Tag) -> str:
    return teks_elemen(tag, "\n")


def _nilai(sel: Tag) -> object:
    mentah = sel.get("data-nilai")
    if mentah is not None:
        try:
            d = Decimal(str(mentah).strip())
        except InvalidOperation:
            return _teks(sel)
        if d.is_finite():
            return int(d) if d == d.to_integral_value() and abs(d) < 2**53 else float(d)
    return _teks(sel)


def _nama_sheet(caption: str, urutan: int, dipakai: set[str]) -> str:
    m = _NOMOR.match(caption)
    dasar = re.sub(r"\s+", " ", m.group(1)).title() if m else f"Tabel {urutan}"
    dasar = _TERLARANG.sub("-", dasar)[:31]
    nama, n = dasar, 2
    while nama.lower() in dipakai:
        akhiran = f" ({n})"
        nama, n = dasar[: 31 - len(akhiran)] + akhiran, n + 1
    dipakai.add(nama.lower())
    return nama


def _baris_tabel(tabel: Tag) -> list[tuple[Tag, bool]]:
    """Rows of the table itself (not of nested tables), with a flag for header rows."""
    hasil: list[tuple[Tag, bool]] = []
    for tr in tabel.find_all("tr"):
        if tr.find_parent("table") is not tabel:
            continue
        kepala = tr.find_parent("thead") is not None or all(
            c.name == "th" for c in tr.find_all(["td", "th"], recursive=False)
        )
        hasil.append((tr, kepala))
    return hasil


def tulis_xlsx(html: str | BeautifulSoup, tujuan: Path) -> list[str]:
    """Write the tables of ``html`` to ``tujuan``; return the sheet names written."""
    soup = html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "html.parser")
    wb = Workbook()
    wb.remove(wb.active)
    _gaya_bernama(wb)
    dipakai: set[str] = set()
    figs = [f for f in soup.find_all("figure") if "tabel" in (f.get("class") or [])]
    for urutan, fig in enumerate(figs, start=1):
        tabel = fig.find("table")
        if tabel is None:
            continue
        cap = fig.find("figcaption")
        caption = _teks(cap).replace("\n", " ") if cap else f"Tabel {urutan}"
        ws = wb.create_sheet(_nama_sheet(caption, urutan, dipakai))
        isi_sel_teks(ws.cell(row=1, column=1), caption).font = Font(bold=True, size=12)
        terisi: set[tuple[int, int]] = set()
        lebar: dict[int, int] = {}
        r = 3
        for tr, kepala in _baris_tabel(tabel):
            c = 1
            for sel in tr.find_all(["td", "th"], recursive=False):
                while (r, c) in terisi:
                    c += 1
                span_k = max(1, int(str(sel.get("colspan", 1)) or 1))
                span_b = max(1, int(str(sel.get("rowspan", 1)) or 1))
                nilai = _nilai(sel)
                cell = ws.cell(row=r, column=c)
                if kepala or sel.name == "th":
                    cell.style = "lkjip-kepala"
                elif isinstance(nilai, float):
                    cell.style = "lkjip-desimal"
                elif isinstance(nilai, int):
                    cell.style = "lkjip-bulat"
                else:
                    cell.style = "lkjip-teks"
                if isinstance(nilai, str):
                    isi_sel_teks(cell, nilai)  # text stays text, never a formula
                else:
                    cell.value = nilai
                for dr in range(span_b):
                    for dc in range(span_k):
                        terisi.add((r + dr, c + dc))
                if span_b > 1 or span_k > 1:
                    ws.merge_cells(
                        start_row=r,
                        start_column=c,
                        end_row=r + span_b - 1,
                        end_column=c + span_k - 1,
                    )
                if span_k == 1:
                    panjang = max((len(x) for x in str(nilai).split("\n")), default=0)
                    lebar[c] = max(lebar.get(c, 0), panjang)
                c += span_k
            r += 1
        for kolom, panjang in lebar.items():
            ws.column_dimensions[get_column_letter(kolom)].width = min(max(8, panjang + 2), 60)
    if not wb.sheetnames:
        ws = wb.create_sheet("Tabel")
        ws["A1"] = "Laporan ini tidak memuat tabel."
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    wb.save(tujuan)
    return list(wb.sheetnames)
