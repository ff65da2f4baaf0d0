"""Report sections: safe HTML, numbering, and the figures as the report prints them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lkjip_helpers.laporan import Laporan
from lkjip_helpers.laporan import html as h

DATA = Path(__file__).parents[1] / "data"


def test_markdown_strips_html_scripts_handlers_and_images() -> None:
    jahat = (
        "Teks **tebal**\n\n<script>alert(1)</script>\n\n"
        '<img src="https://contoh.invalid/x.png" onerror="alert(2)">\n\n'
        "![gambar](https://contoh.invalid/y.png)\n\n[tautan](javascript:alert(3))"
    )
    keluar = h.markdown(jahat)
    assert "<strong>tebal</strong>" in keluar
    assert "<script" not in keluar and "onerror" not in keluar
    assert "<img" not in keluar
    assert 'href="javascript' not in keluar
    assert "https://contoh.invalid" not in keluar


def test_table_cells_are_escaped_and_carry_raw_values() -> None:
    t = h.tabel("3.1", "Judul <b>", ["A"], [[h.sel('<i onmouseover="x">', 12.5)]])
    assert "<i onmouseover" not in t
    assert "&lt;i onmouseover=&quot;x&quot;&gt;" in t
    assert 'data-nilai="12.5"' in t
    assert 'id="tabel-3-1"' in t and "Tabel 3.1 Judul &lt;b&gt;" in t


@pytest.fixture(scope="module")
def bab3() -> Laporan:
    return Laporan("lapas-banyuasin", 2023, DATA, bab=3)


def test_tables_and_figures_numbered_per_chapter(bab3: Laporan) -> None:
    lap = Laporan("lapas-banyuasin", 2023, DATA, bab=3)
    html = lap.capaian_ringkas() + lap.realisasi_anggaran()
    nomor = re.findall(r"<figcaption>Tabel (3\.\d+)", html)
    assert nomor == [f"3.{i}" for i in range(1, len(nomor) + 1)]
    assert re.findall(r"<figcaption>Gambar (3\.\d+)", html)[:2] == ["3.1", "3.2"]


def test_budget_absorption_printed_as_indonesian_percent(bab3: Laporan) -> None:
    # 16.335.496.464 / 16.466.041.000 × 100 = 99,2072… → 99,21%
    html = Laporan("lapas-banyuasin", 2023, DATA, bab=3).realisasi_anggaran()
    assert "99,21%" in html
    assert "Rp16.466.041.000" in html


def test_ikk_analysis_shows_formula_numbers_and_flags(bab3: Laporan) -> None:
    html = Laporan("lapas-banyuasin", 2023, DATA, bab=3).analisis_sasaran("SK1")
    # 1435 / 1177 × 100 = 121,920…% (the seed prints 128%)
    assert '<span class="pembilang">1.435</span>' in html
    assert "121,92%" in html
    # the reviewer sees the anomaly next to the indicator
    assert "RASIO_DI_ATAS_100" in html
    html2 = Laporan("lapas-banyuasin", 2023, DATA, bab=3).analisis_sasaran("SK2")
    # vokasi 40 / 977 × 100 = 4,094…% ; 4,094 / 31 × 100 = 13,207…% → 13,21%
    assert "4,09%" in html2 and "13,21%" in html2


def test_conclusion_drafted_from_numbers_names_unmet_indicator() -> None:
    html = Laporan("lapas-banyuasin", 2023, DATA, bab=4).kesimpulan()
    assert "SK2.6" in html and "13,21%" in html
    assert "Uraian tim penyusun" in html  # the analyst's own text follows


def test_narrative_with_html_in_data_is_neutralised(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    p = data / "satker/lapas-banyuasin/2023/narasi.yaml"
    teks = p.read_text(encoding="utf-8")
    teks = teks.replace(
        "latar_belakang: |-",
        "latar_belakang: |-\n  <script>alert('x')</script>"
        " <img src=https://contoh.invalid/a.png onerror=alert(1)>\n",
        1,
    )
    p.write_text(teks, encoding="utf-8")
    html = Laporan("lapas-banyuasin", 2023, data, bab=1).narasi("latar_belakang")
    assert "<script" not in html and "<img" not in html and "onerror" not in html


def test_analyst_text_can_replace_the_drafted_conclusion(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    p = data / "satker/lapas-banyuasin/2023/narasi.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "ganti_rancangan: true\n", encoding="utf-8")
    html = Laporan("lapas-banyuasin", 2023, data, bab=4).kesimpulan()
    assert "Uraian tim penyusun" not in html and "SK2.6" not in html
    assert "Laporan Kinerja Lembaga Pemasyarakatan Kelas IIA Banyuasin merupakan" in html
