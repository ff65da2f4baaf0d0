"""Helpers to fill a data-entry workbook the way an analyst would (cells by sheet, header and
key), for the workbook tests."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from openpyxl.workbook.workbook import Worksheet

from lkjip_helpers.isian.buku_kerja import tata_letak as t

AKAR = Path(__file__).resolve().parent.parent
DATA = AKAR / "data"


def salin_data(tmp_path: Path) -> Path:
    """A private copy of data/ (tests never write into the repository's data)."""
    tujuan = tmp_path / "data"
    shutil.copytree(DATA, tujuan)
    return tujuan


def kolom(ws: Worksheet, judul: str) -> int:
    """Column number of a header of row 2."""
    for sel in ws[t.BARIS_JUDUL]:
        if sel.value == judul:
            return sel.column
    raise KeyError(judul)


def baris_isian(ws: Worksheet, kunci: str) -> int:
    """Row of a form sheet's field."""
    for r in range(t.BARIS_DATA, ws.max_row + 1):
        if ws.cell(r, 1).value == kunci:
            return r
    raise KeyError(kunci)


def isi_isian(wb: Any, lembar: str, nilai: dict[str, Any]) -> None:
    """Type values into a form sheet's Nilai column."""
    ws = wb[lembar]
    for kunci, v in nilai.items():
        ws.cell(baris_isian(ws, kunci), 3).value = v


def baris_kosong(ws: Worksheet, mulai: int = t.BARIS_DATA) -> int:
    """First row from ``mulai`` whose cells are all empty."""
    r = mulai
    while any(ws.cell(r, k).value not in (None, "") for k in range(1, ws.max_column + 1)):
        r += 1
    return r


def tambah_baris(wb: Any, lembar: str, baris: list[dict[str, Any]]) -> list[int]:
    """Type rows (header → value) into the first empty rows of a table sheet."""
    ws = wb[lembar]
    nomor = []
    r = t.BARIS_DATA
    for isi in baris:
        r = baris_kosong(ws, r)
        for judul, v in isi.items():
            ws.cell(r, kolom(ws, judul)).value = v
        nomor.append(r)
        r += 1
    return nomor


def cari_baris(ws: Worksheet, syarat: dict[str, Any]) -> int:
    """Row of a table sheet whose columns (header → value) all match."""
    kol = {j: kolom(ws, j) for j in syarat}
    for r in range(t.BARIS_DATA, ws.max_row + 1):
        if all(ws.cell(r, kol[j]).value == v for j, v in syarat.items()):
            return r
    raise KeyError(syarat)
