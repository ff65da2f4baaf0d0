"""Report sections: safe HTML, numbering, and the figures as the report prints them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lkjip_helpers.laporan import Laporan
from lkjip_helpers.laporan import html as h
from lkjip_helpers.laporan import model as m
from lkjip_helpers.laporan.bundel import MIME_BAGIAN, bagian_dari_json

DATA = Path(__file__).parents[1] / "data"


def test_markdown_shows_raw_html_as_typed_and_runs_nothing() -> None:
    jahat = (
        "Teks **tebal**\n\n<script>alert(1)</script>\n\n"
        '<img src="https://contoh.invalid/x.png" onerror="alert(2)">\n\n'
        "![gambar](https://contoh.invalid/y.png)\n\n[tautan](javascript:alert(3))"
    )
    keluar = h.markdown(jahat)
    assert "<strong>tebal</strong>" in keluar
    # raw HTML is text: escaped, never a tag
    assert "<script" not in keluar and "&lt;script&gt;alert(1)&lt;/script&gt;" in keluar
    assert "<img" not in keluar and "&lt;img src=" in keluar
    assert 'href="javascript' not in keluar and "[tautan](javascript:alert(3))" in keluar
    # no image is loaded; its text is kept
    assert "<img" not in keluar and "gambar" in keluar


def test_table_cells_are_escaped_typed_and_keyed() -> None:
    t = m.Tabel.buat("uji <b>", "Judul <b>", ["A", "B"], [['<i onmouseover="x">', m.persen(12.5)]])
    t.nomor = "3.1"
    keluar = t.html()
    assert "<i onmouseover" not in keluar
    # text escapes &, <, > (a quote is text there); an attribute also escapes "
    assert '<td>&lt;i onmouseover="x"&gt;</td>' in keluar
    assert 'data-kunci="uji &lt;b&gt;"' in keluar
    assert m.atribut(kelas='a"b', id="x") == ' class="a&quot;b" id="x"'
    assert 'id="tabel-uji-b"' in keluar and "Tabel 3.1 Judul &lt;b&gt;" in keluar
    assert '<td class="angka">12,50%</td>' in keluar
    sel = t.isi[0][1]
    assert sel.nilai_excel() == 12.5 and sel.format_excel() == '#,##0.00"%"'
    assert m.Tabel.dari_json(t.ke_json()) == t


@pytest.fixture(scope="module")
def bab3() -> Laporan:
    return Laporan("lapas-banyuasin", 2023, DATA, bab=3)


def test_tables_and_figures_numbered_per_chapter_and_stable(bab3: Laporan) -> None:
    html = str(bab3.capaian_ringkas()) + str(bab3.realisasi_anggaran())
    nomor = re.findall(r"<figcaption>Tabel (3\.\d+)", html)
    assert nomor[:2] == ["3.1", "3.2"]
    assert re.findall(r"<figcaption>Gambar (3\.\d+)", html)[:2] == ["3.1", "3.2"]
    # numbers follow the document order, not the call order: re-running a cell, or calling a
    # later section first, changes nothing
    lain = Laporan("lapas-banyuasin", 2023, DATA, bab=3)
    assert [t.label for t in lain.realisasi_anggaran().tabel] == [
        t.label for t in bab3.realisasi_anggaran().tabel
    ]
    assert [t.label for t in bab3.capaian_ringkas().tabel] == [
        "Tabel 3.1",
        "Tabel 3.2",
        "Tabel 3.3",
    ]
    semua = [t.nomor for t in bab3.dokumen.semua_tabel()]
    assert len(semua) == len(set(semua))


def test_budget_absorption_printed_as_indonesian_percent(bab3: Laporan) -> None:
    # 16.335.496.464 / 16.466.041.000 × 100 = 99,2072… → 99,21%
    html = str(bab3.realisasi_anggaran())
    assert "99,21%" in html
    assert "Rp16.466.041.000" in html


def test_ikk_analysis_shows_formula_numbers_without_check_boxes(bab3: Laporan) -> None:
    html = str(bab3.analisis_sasaran("SK1"))
    # 1435 / 1177 × 100 = 121,920…% (the seed prints 128%)
    assert '<span class="pembilang">1.435</span>' in html
    assert "121,92%" in html
    # the findings go to the review memo, not into the report
    for kata in ("RASIO_DI_ATAS_100", "Catatan pemeriksaan", ".yaml", "polaritas", "Belum diisi"):
        assert kata not in html, kata
    html2 = str(bab3.analisis_sasaran("SK2"))
    # vokasi 40 / 977 × 100 = 4,094…% ; 4,094 / 31 × 100 = 13,207…% → 13,21%
    assert "4,09%" in html2 and "13,21%" in html2


def test_formula_reads_right_without_css(bab3: Laporan) -> None:
    rumus = next(b for b in m.ratakan(bab3.analisis_sasaran("SK1")) if isinstance(b, m.Rumus))
    assert "1.435 / 1.177" in re.sub(r"<[^>]+>", "", rumus.html())
    assert "(1.435) / (1.177)" in rumus.teks_polos()


def test_section_display_carries_css_and_blocks(bab3: Laporan) -> None:
    bundel = bab3.capaian_ringkas()._repr_mimebundle_()
    assert bundel["text/html"].startswith('<style class="lkjip-gaya">')
    assert "div.lkjip.lkjip-tampilan table td.angka" in bundel["text/html"]
    tabel = bagian_dari_json(bundel[MIME_BAGIAN]).tabel
    assert [t.label for t in tabel] == ["Tabel 3.1", "Tabel 3.2", "Tabel 3.3"]
    df = bab3.capaian_ringkas().df
    sk26 = df[df["Indikator Kinerja Kegiatan"].str.startswith("SK2.6")].iloc[0]
    # 40 / 977 × 100 = 4,0941658… ; 4,0941658 / 31 × 100 = 13,206987…
    assert (
        sk26["Capaian"] == pytest.approx(13.206987, abs=1e-6) and sk26["Status"] == "Tidak tercapai"
    )


def _ganti_rancangan(data: Path, nilai: bool) -> None:
    """Set ``ganti_rancangan`` of the sample's narasi.yaml in the copy ``data``."""
    p = data / "satker/lapas-banyuasin/2023/narasi.yaml"
    teks = re.sub(r"(?m)^ganti_rancangan: .*\n", "", p.read_text(encoding="utf-8"))
    p.write_text(teks + f"ganti_rancangan: {str(nilai).lower()}\n", encoding="utf-8")


def test_conclusion_drafted_from_numbers_names_unmet_indicator(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    _ganti_rancangan(data, False)
    html = str(Laporan("lapas-banyuasin", 2023, data, bab=4).kesimpulan())
    assert "SK2.6" in html and "13,21%" in html


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
    html = str(Laporan("lapas-banyuasin", 2023, data, bab=1).narasi("latar_belakang"))
    assert "<script" not in html and "<img" not in html
    # shown as typed, never run nor dropped
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &lt;img src=https://contoh.invalid" in html


def test_analyst_text_can_replace_the_drafted_conclusion(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    _ganti_rancangan(data, True)
    html = str(Laporan("lapas-banyuasin", 2023, data, bab=4).kesimpulan())
    assert "SK2.6" not in html
    assert "Laporan Kinerja Lembaga Pemasyarakatan Kelas IIA Banyuasin merupakan" in html


def _salin_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


def test_placeholders_filled_with_table_formatting_and_cross_references(tmp_path: Path) -> None:
    data = _salin_data(tmp_path)
    p = data / "satker/lapas-banyuasin/2023/narasi.yaml"
    teks = p.read_text(encoding="utf-8").replace(
        "latar_belakang: |-",
        "latar_belakang: |-\n  Capaian {{ ikk.SK2.6.capaian }}, pagu {{ anggaran.pagu }}, "
        "{{ ikk.jumlah_tercapai }} ({{ ikk.jumlah_tercapai | terbilang }}) IKK; lihat "
        "{{ tabel:capaian-ikk }} dan {{ gambar:capaian-ikk }}.\n",
        1,
    )
    p.write_text(teks, encoding="utf-8")
    html = str(Laporan("lapas-banyuasin", 2023, data, bab=1).narasi("latar_belakang"))
    # 4,094…/31 → 13,21% as in the tables; the DIPA pagu as Rp; 23 IKK tercapai (the seed's
    # 25 less SK1.1 and SK1.2, "Perlu verifikasi": 1435 served of 1177 inmates)
    assert "Capaian 13,21%, pagu Rp16.466.041.000, 23 (dua puluh tiga) IKK" in html
    assert '<a href="#tabel-capaian-ikk"' in html and ">Tabel 3.1</a>" in html
    assert '<a href="#gambar-capaian-ikk"' in html and ">Gambar 3.1</a>" in html
    assert "{{" not in html


def test_unknown_placeholder_is_an_error_not_printed(tmp_path: Path) -> None:
    from lkjip_helpers.laporan.narasi import SisipanError

    data = _salin_data(tmp_path)
    p = data / "satker/lapas-banyuasin/2023/narasi.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            "latar_belakang: |-", "latar_belakang: |-\n  Nilai {{ ikk.SK9.9.capaian }}.\n", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(SisipanError, match=r"ikk\.SK9\.9\.capaian"):
        str(Laporan("lapas-banyuasin", 2023, data, bab=1).narasi("latar_belakang"))


def test_section_without_data_is_left_out(tmp_path: Path) -> None:
    data = _salin_data(tmp_path)
    (data / "satker/lapas-banyuasin/2023/evaluasi.yaml").unlink()
    (data / "satker/lapas-banyuasin/2023/narasi.yaml").unlink()
    lap = Laporan("lapas-banyuasin", 2023, data, bab=3)
    assert not lap.smart_dja() and not lap.ikpa() and not lap.kinerja_lainnya()
    assert not lap.narasi("akuntabilitas_pengantar")
    assert lap.capaian_ringkas()  # the rest is still there


def test_org_chart_drawn_from_profile_structure(bab3: Laporan) -> None:
    lap = Laporan("lapas-banyuasin", 2023, DATA, bab=1)
    gambar = lap.tugas_fungsi().gambar
    assert [g.judul for g in gambar] == ["Struktur Organisasi Lapas Kelas IIA Banyuasin"]
    mime, b64 = gambar[0].gambar()
    assert mime == "image/png" and len(b64) > 1000


@pytest.mark.parametrize(
    ("unit", "pesan"),
    [
        ([{"nama": "A"}, {"nama": "B"}], "tepat satu unit tanpa induk"),
        ([{"nama": "A"}, {"nama": "B", "induk": "X"}], "induk 'X' dari unit 'B' tidak ada"),
        ([{"nama": "A"}, {"nama": "A", "induk": "A"}], "nama unit ganda: A"),
        (
            [{"nama": "A"}, {"nama": "B", "induk": "C"}, {"nama": "C", "induk": "B"}],
            "lingkaran induk",
        ),
    ],
)
def test_org_structure_must_be_a_tree(unit: list[dict], pesan: str) -> None:
    import pydantic

    from lkjip_helpers.muat import skema

    dasar = {
        "kepala": {"nama": "K"},
        "kapasitas": 1,
        "penghuni": 1,
        "renstra": {"visi": "v", "misi": [], "tujuan": []},
    }
    with pytest.raises(pydantic.ValidationError, match=pesan):
        skema.Profil.model_validate({**dasar, "organisasi": unit})


_PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005fe02fea7a1b8b80000000049454e44ae426082"
)


def test_satker_images_embedded_where_placed_and_numbered(tmp_path: Path) -> None:
    data = _salin_data(tmp_path)
    folder = data / "satker/lapas-banyuasin"
    (folder / "gambar").mkdir()
    (folder / "gambar/smart.png").write_bytes(_PNG_1PX)
    (folder / "gambar/sertifikat.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" '
        'height="10" fill="#1f3a5f"/></svg>',
        encoding="utf-8",
    )
    p = folder / "2023/lampiran.yaml"
    p.write_text(
        p.read_text(encoding="utf-8") + "gambar:\n"
        "  - {kunci: smart-app, berkas: gambar/smart.png, judul: Tangkapan Layar SMART-DJA,"
        " tempat: smart_dja}\n"
        "  - {kunci: laik-higiene, berkas: gambar/sertifikat.svg, judul: Sertifikat Laik"
        " Higiene, tempat: 'ikk:SK1.1'}\n",
        encoding="utf-8",
    )
    lap = Laporan("lapas-banyuasin", 2023, data, bab=3)
    smart = lap.smart_dja()
    assert [g.judul for g in smart.gambar] == ["Tangkapan Layar SMART-DJA"]
    assert smart.gambar[0].nomor and 'src="data:image/png;base64,' in str(smart)
    sk1 = lap.analisis_sasaran("SK1")
    assert "Sertifikat Laik Higiene" in str(sk1) and "data:image/svg+xml;base64," in str(sk1)


@pytest.mark.parametrize(
    ("berkas", "isi", "pesan"),
    [
        ("../../../luar.png", _PNG_1PX, "harus berada di dalam folder satker"),
        ("gambar/teks.png", b"bukan gambar", "bukan gambar PNG, JPEG atau SVG"),
        (
            "gambar/jahat.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "SVG memuat skrip",
        ),
        (
            "gambar/luar.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/hostname"/></svg>',
            "rujukan ke berkas/alamat lain",
        ),
        ("gambar/hilang.png", None, "tidak ditemukan"),
    ],
)
def test_satker_images_refused_outside_folder_or_active(
    tmp_path: Path, berkas: str, isi: bytes | None, pesan: str
) -> None:
    from lkjip_helpers.errors import DataError
    from lkjip_helpers.muat import muat_laporan

    data = _salin_data(tmp_path)
    folder = data / "satker/lapas-banyuasin"
    (folder / "gambar").mkdir()
    if isi is not None:
        tujuan = (folder / berkas).resolve()
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        tujuan.write_bytes(isi)
    p = folder / "2023/lampiran.yaml"
    p.write_text(
        p.read_text(encoding="utf-8")
        + f"gambar:\n  - {{kunci: g, berkas: '{berkas}', judul: G}}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=pesan) as e:
        muat_laporan("lapas-banyuasin", 2023, data)
    assert "lampiran.yaml" in str(e.value) and "gambar[1].berkas" in str(e.value)


def test_sidik_bab_sekali_lalu_dilupakan_saat_dokumen_berubah() -> None:
    # a chapter's fingerprint is computed once (the build's chapter keys and laporan.docx's
    # key both ask for it); adding a section or numbering the document again forgets it
    dok = m.Dokumen()
    dok.tambah(1, "a", [m.Paragraf("Satu.")])
    dok.nomori()
    pertama = dok.sidik_bab(1)
    assert pertama is not None and dok.sidik_bab(1) is pertama  # the same string object
    assert dok.sidik_bab(9) is None
    dok.tambah(1, "b", [m.Paragraf("Dua.")])
    kedua = dok.sidik_bab(1)
    assert kedua != pertama
    baru = m.Dokumen()
    baru.tambah(1, "a", [m.Paragraf("Satu.")])
    baru.tambah(1, "b", [m.Paragraf("Dua.")])
    assert baru.sidik_bab(1) == kedua  # as computed from scratch
    dok.tambah(2, "c", [m.Tabel.buat("t", "Tabel", ["K"], [["1"]])])
    sebelum = dok.sidik_bab(2)
    dok.bab[2]["c"].blok.insert(0, m.Tabel.buat("u", "Tabel lain", ["K"], [["2"]]))
    dok.nomori()  # numbering changes what the captions show
    assert dok.sidik_bab(2) != sebelum
