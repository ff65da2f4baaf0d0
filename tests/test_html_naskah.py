"""The report rendered from the model (keluaran/html.py, laporan/naskah.py, laporan/bundel.py):
executed notebook JSON → pieces → finished once → page. bs4 only reads the result here."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup

from lkjip_helpers.keluaran.html import baca_bab, dokumen_mandiri, rakit
from lkjip_helpers.laporan import model as m
from lkjip_helpers.laporan.bundel import MIME_BAGIAN, bagian_dari_json, bagian_ke_json
from lkjip_helpers.laporan.html import bersihkan, markdown


def _md(teks: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "source": teks, "metadata": {}}


def _keluaran(*data: dict[str, Any]) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "source": "",
        "metadata": {},
        "outputs": [{"output_type": "display_data", "data": d, "metadata": {}} for d in data],
    }


def _tampil(*blok: m.Blok, nama: str | None = None) -> dict[str, Any]:
    bagian = m.Bagian(blok)
    bagian.nama = nama
    return _keluaran(bagian._repr_mimebundle_())


def _halaman(*sel: dict[str, Any]) -> str:
    return str(rakit([baca_bab({"cells": list(sel)})], "Uji"))


def _soup(*sel: dict[str, Any]) -> BeautifulSoup:
    return BeautifulSoup(_halaman(*sel), "html.parser")


def _tabel(kunci: str, baris: int, kolom: int = 2) -> m.Tabel:
    t = m.Tabel.buat(
        kunci, kunci, [f"k{j}" for j in range(kolom)], [[str(i)] * kolom for i in range(baris)]
    )
    t.nomor = "1.1"
    return t


# --------------------------------------------------------------------------- sanitising


@pytest.mark.parametrize(
    "potongan,dilarang",
    [
        ("<script>alert(1)</script>", "<script"),
        ('<img src="https://contoh.invalid/x.png" alt="logo">', "contoh.invalid"),
        ('<img src="x.png" onerror="alert(1)">', "onerror"),
        ('<link rel="stylesheet" href="https://cdn.invalid/a.css">', "cdn.invalid"),
        ('<iframe src="//contoh.invalid"></iframe>', "iframe"),
        ('<p style="background: url(http://contoh.invalid/a.png)">x</p>', "contoh.invalid"),
        (
            '<style>@import url("https://contoh.invalid/a.css"); p{color:red}</style>',
            "contoh.invalid",
        ),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<svg><use href="https://contoh.invalid/s.svg#a"/></svg>', "contoh.invalid"),
        ('<img alt="g" src="../../../etc/hostname.png">', "hostname"),
        ('<img alt="g" src="gambar.png">', "gambar.png"),
        ('<svg><image href="/etc/x.svg"/></svg>', "/etc/x.svg"),
        ('<video poster="poster.png"></video>', "poster.png"),
        ('<a href="file:///etc/hostname">x</a>', "file:"),
        ('<a href="data:text/html,x">x</a>', "data:text"),
    ],
)
def test_keluaran_dan_sel_analis_disterilkan(potongan: str, dilarang: str) -> None:
    """An analyst's output (text/html) and raw HTML in a markdown cell go through the one
    nh3 policy: nothing active, nothing remote, no local file."""
    halaman = _halaman(
        _md(f"## A. Catatan\n\n{potongan}\n\nteks"), _keluaran({"text/html": potongan})
    )
    isi = halaman[halaman.index("<main") :]
    assert dilarang not in isi


def test_tautan_teks_dan_data_uri_tetap() -> None:
    hasil = bersihkan(
        '<p><a href="https://peraturan.go.id">PermenPANRB</a></p>'
        '<img alt="g" src="data:image/png;base64,iVBORw0KGgo=">'
    )
    assert hasil == (
        '<p><a href="https://peraturan.go.id" rel="noopener noreferrer">PermenPANRB</a></p>'
        '<img alt="g" src="data:image/png;base64,iVBORw0KGgo="/>'
    )


def test_sel_analis_tampil() -> None:
    """A markdown cell and a DataFrame the analyst added appear (sanitised), stdout too;
    stderr never does."""
    sel = _keluaran({"text/html": '<table class="dataframe"><tr><td>7,5</td></tr></table>'})
    sel["outputs"] += [
        {"output_type": "stream", "name": "stdout", "text": "cetak <b>\n"},
        {"output_type": "stream", "name": "stderr", "text": "peringatan\n"},
    ]
    soup = _soup(_md("# BAB I\n\nCatatan **analis**."), sel)
    main = soup.main
    assert main is not None
    assert [p.get_text() for p in main.select("div.sel-teks p")] == ["Catatan analis."]
    assert main.find("td").get_text() == "7,5"
    assert main.find("pre").get_text() == "cetak <b>\n"
    assert "peringatan" not in main.get_text()


# --------------------------------------------------------------------------- finishing


def test_id_judul_unik_dan_bab() -> None:
    soup = _soup(
        _md("# BAB I\n\n## A. Umum"),
        _tampil(m.Paragraf("isi")),
        _md("# BAB II\n\n## A. Umum"),
        _tampil(m.Paragraf("isi"), m.Judul(3, "C", "A.-Umum"), m.Paragraf("isi")),
    )
    ids = [h["id"] for h in soup.main.find_all(["h1", "h2", "h3"])]
    assert len(ids) == len(set(ids))
    assert "A.-Umum-2" in ids and "A.-Umum-3" in ids
    bab = [h for h in soup.main.find_all("h1") if "daftar-judul" not in (h.get("class") or [])]
    assert [h.get("class") for h in bab] == [["bab"], ["bab"]]


def test_huruf_bagian_berurutan_setelah_bagian_kosong_dibuang() -> None:
    """Bab I without Latar Belakang: its sections are lettered from A again; a second
    chapter starts again at A; unlettered headings are left alone; ids stay."""
    soup = _soup(
        _md("# BAB I\n\n## A. Latar Belakang"),
        _md("## B. Gambaran Umum"),
        _tampil(m.Paragraf("isi")),
        _md("## C. Tugas"),
        _tampil(m.Paragraf("isi")),
        _md("## Catatan"),
        _tampil(m.Paragraf("x")),
        _md("# BAB II\n\n## A. Rencana\n\n### Misi\n\n## B. Perjanjian"),
        _tampil(m.Paragraf("isi")),
    )
    judul = [(h.get_text(), h["id"]) for h in soup.main.find_all("h2")]
    assert judul == [
        ("A. Gambaran Umum", "B.-Gambaran-Umum"),
        ("B. Tugas", "C.-Tugas"),
        ("Catatan", "Catatan"),
        ("A. Perjanjian", "B.-Perjanjian"),
    ]


def test_bab_tanpa_isi_dibuang() -> None:
    soup = _soup(
        _md("# BAB IV"), _tampil(m.Paragraf("isi")), _md("# LAMPIRAN"), _md("## 1. Dokumen PK")
    )
    assert [
        h.get_text() for h in soup.main.find_all(["h1", "h2"]) if h.get("class") != ["daftar-judul"]
    ] == ["BAB IV"]
    assert len(soup.main.select("div.sel-teks")) == 1


def test_tampilan_kosong_dibuang() -> None:
    """A section that showed nothing leaves no empty block (it made an empty page after the
    cover of a satker without a cover letter)."""
    soup = _soup(
        _tampil(m.Html('<section class="sampul"><p>x</p></section>'), nama="sampul"),
        _tampil(nama="surat_pengantar"),
        _tampil(m.Paragraf("isi")),
    )
    assert [d.get_text() for d in soup.main.select("div.lkjip-tampilan")] == ["x", "isi"]


def test_tabel_pendek_utuh_dan_lebar_ditandai() -> None:
    soup = _soup(_md("# BAB I"), _tampil(_tabel("a", 10, 13), _tabel("b", 11, 8)))
    figur = soup.main.select("figure.tabel")
    assert [f.get("class") for f in figur] == [["tabel", "utuh"], ["tabel"]]
    assert [f.table.get("class") for f in figur] == [["kolom-sangat-banyak"], ["kolom-banyak"]]


def test_tabel_markdown_ditandai() -> None:
    baris = "".join(f"| {i} | x |\n" for i in range(11))
    assert "<table>" in markdown(f"| a | b |\n|---|---|\n{baris}")
    kolom = "|".join("k" * 9)
    assert '<table class="kolom-banyak utuh">' in markdown(f"|{kolom}|\n|{'---|' * 9}\n|{'1|' * 9}")


def test_daftar_isi_tabel_gambar() -> None:
    t = _tabel("capaian", 2)
    g = m.Gambar("grafik", "Capaian", lambda: ("image/png", "iVBORw0KGgo="), nomor="3.1")
    soup = _soup(
        _tampil(m.Html('<section class="sampul"><p>Sampul</p></section>'), nama="sampul"),
        _md("# BAB III"),
        _tampil(m.Judul(3, "Sasaran 1", "sasaran-sk1", "sasaran"), t, m.Judul(3, "Lain"), g),
    )
    bagian = [s["id"] for s in soup.main.find_all("section", class_="daftar")]
    assert bagian == ["daftar-isi", "daftar-tabel", "daftar-gambar"]
    assert soup.main.find("section", class_="sampul").find_next("section")["id"] == "daftar-isi"
    isi = [(a["href"], a.get_text()) for a in soup.select("#daftar-isi a")]
    assert isi == [
        ("#daftar-tabel-judul", "DAFTAR TABEL"),
        ("#daftar-gambar-judul", "DAFTAR GAMBAR"),
        ("#BAB-III", "BAB III"),
        ("#sasaran-sk1", "Sasaran 1"),
    ]
    assert [a.get_text() for a in soup.select("#daftar-tabel a")] == ["Tabel 1.1 capaian"]
    assert [a["href"] for a in soup.select("#daftar-gambar a")] == ["#gambar-grafik"]


# --------------------------------------------------------------------------- blocks as JSON


def test_bagian_json_pulang_pergi() -> None:
    """What a notebook's display carries renders exactly like the section itself."""
    blok: list[m.Blok] = [
        m.Judul(3, 'Judul "x" & <y>', "j", "sasaran"),
        m.Paragraf('Ta\'lim "kutip"', "catatan"),
        m.Daftar(["a", "b"], berurut=False),
        m.Kelompok("analisis-ikk", [m.Narasi("**tebal** <script>x</script>")], "SK1.1"),
        m.Rumus([("Capaian =", m.Pecahan("1", "2"), m.Tebal("50%"))], ["catatan"]),
        _tabel("t", 3),
        m.Gambar("g", "G", lambda: ("image/png", "iVBORw0KGgo="), alt='a"b', nomor="1.1"),
    ]
    bagian = m.Bagian(blok)
    bagian.nama = "uji"
    data = bagian._repr_mimebundle_()[MIME_BAGIAN]
    kembali = bagian_dari_json(data)
    assert kembali.html() == bagian.html() and kembali.nama == "uji"
    assert bagian_ke_json(kembali) == data
    assert '<p class="catatan">Ta\'lim "kutip"</p>' in bagian.html()
    assert '<img alt="a&quot;b" src="data:image/png;base64,iVBORw0KGgo="/>' in bagian.html()


def test_memo_mandiri_id_dan_tanpa_skrip() -> None:
    halaman = dokumen_mandiri(
        [m.Judul(2, "Ringkasan"), m.Narasi("<script>x</script>teks"), m.Judul(2, "Ringkasan")],
        "Memo",
        "laporan tinjauan",
    )
    soup = BeautifulSoup(halaman, "html.parser")
    assert [h["id"] for h in soup.find_all("h2")] == ["ringkasan", "ringkasan-2"]
    assert "<script" not in halaman[halaman.index("<main") :]
    assert halaman.endswith("</main>\n</body>\n</html>\n")


def test_markup_analis_ikut_daftar_dan_bab() -> None:
    """Headings, sections and figures in an analyst's HTML output take part like the
    tool's own: chapter mark, contents (a line break reads as a space), figure list, the
    cover's heading left out, the front matter after the kata pengantar."""
    soup = _soup(
        _keluaran({"text/html": '<section class="sampul"><h1>LAPORAN</h1><p>x</p></section>'}),
        _keluaran(
            {
                "text/html": '<section class="kata-pengantar"><h1>KATA PENGANTAR</h1><p>y</p></section>'
            }
        ),
        _keluaran(
            {
                "text/html": '<h1 class="bab" id="bab-2">BAB II<br>RENCANA</h1><p>isi</p>'
                '<figure class="gambar"><img alt="g" src="data:image/png;base64,iVBORw0KGgo=">'
                "<figcaption>Gambar 2.1 Uji</figcaption></figure>"
            }
        ),
    )
    isi = {a.get_text(): a["href"] for a in soup.select("#daftar-isi a")}
    assert isi["BAB II RENCANA"] == "#bab-2" and "KATA PENGANTAR" in isi and "LAPORAN" not in isi
    assert [h.get("class") for h in soup.main.find_all("h1", id="bab-2")] == [["bab"]]
    assert [(a.get_text(), a["href"]) for a in soup.select("#daftar-gambar a")] == [
        ("Gambar 2.1 Uji", "#gambar-1")
    ]
    assert soup.find(id="gambar-1").name == "figure"
    assert soup.find("section", class_="kata-pengantar").find_next("section")["id"] == "daftar-isi"


def test_markup_bagian_dari_json_juga_disterilkan() -> None:
    """A section's JSON is a file like any other: its markup blocks pass the same policy
    (a hand-edited executed notebook cannot smuggle a script in), the tool's own markup
    comes out unchanged."""
    sampul = '<section class="sampul"><p class="sampul-judul">LAPORAN<br/>KINERJA</p></section>'
    halaman = _halaman(
        _tampil(m.Html(sampul), nama="sampul"),
        _tampil(m.Kelompok("analisis-ikk", [m.Html('<p onclick="x()">a</p><script>b()</script>')])),
    )
    assert sampul in halaman
    assert "onclick" not in halaman and "<script" not in halaman
    assert '<section class="analisis-ikk"><p>a</p></section>' in halaman
