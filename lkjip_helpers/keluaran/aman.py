"""Spreadsheet-safe text cells (CSV / formula injection, OWASP "CSV Injection").

A spreadsheet runs a cell whose text begins with ``=``, ``+``, ``-`` or ``@`` as a formula
(``=HYPERLINK(…)``, ``=cmd|…`` DDE), and a leading tab or carriage return can hide such a
start. Every writer of CSV or Excel files uses this module for its *text* cells; numbers stay
numbers (a negative value is an ``int``/``float``/``Decimal``, never passed through here).

- CSV: :func:`teks_aman_sel` prefixes such text with an apostrophe, as OWASP recommends
  (spreadsheets show ``'=1+2`` as the text ``=1+2``-like literal, never run it).
- Excel (openpyxl): :func:`isi_sel_teks` stores the text unchanged but typed as a string and
  marked ``quotePrefix``, so Excel and LibreOffice show it as text and do not turn it into a
  formula even when the user edits the cell.
"""

from __future__ import annotations

from typing import Any

AWALAN_FORMULA = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat a text cell as a formula (OWASP)."""


def perlu_diamankan(teks: str) -> bool:
    """Whether a spreadsheet would read ``teks`` as a formula."""
    return teks.startswith(AWALAN_FORMULA)


def teks_aman_sel(teks: str) -> str:
    """``teks`` for a CSV cell: an apostrophe is put before a formula-like start."""
    return "'" + teks if perlu_diamankan(teks) else teks


def isi_sel_teks(sel: Any, teks: str) -> Any:
    """Store ``teks`` in the openpyxl cell ``sel`` as text (never a formula); return the cell.

    openpyxl types any string beginning with ``=`` as a formula; the type is set back to a
    string and the cell gets Excel's ``quotePrefix`` so editing it keeps it text.
    """
    sel.value = teks
    if isinstance(teks, str) and (perlu_diamankan(teks) or sel.data_type != "s"):
        sel.data_type = "s"
        sel.quotePrefix = True
    return sel


def tanpa_formula(ws: Any) -> int:
    """Store every cell of the openpyxl worksheet ``ws`` that openpyxl typed as a formula as
    text instead (lkjip's writers never mean to write formulas); return how many there were.

    A safety net for writers that set ``cell.value = teks`` directly.
    """
    n = 0
    for baris in ws.iter_rows():
        for sel in baris:
            if sel.data_type == "f":
                isi_sel_teks(sel, str(sel.value))
                n += 1
    return n
