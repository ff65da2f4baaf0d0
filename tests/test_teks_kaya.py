"""Rich text: one parse of a narrative for the HTML and the Word renderer; the tool's own
markup read into the same nodes; the Word renderer reads no HTML."""

from __future__ import annotations

import ast
from pathlib import Path

import docx

from lkjip_helpers.keluaran.docx import tulis_docx_blok
from lkjip_helpers.laporan import model as m
from lkjip_helpers.laporan import teks_kaya as tk
from lkjip_helpers.laporan.bagian.pembuka import ttd
from lkjip_helpers.laporan.html import markdown

P = tk.Potongan

# the IKPA components of the sample's narasi.yaml (lapas-banyuasin 2023), from the second one
IKPA = "Sub komponen penilaian IKPA yaitu:\n\n- b) Deviasi halaman III DIPA;\n- c) Data kontrak;\n"


def test_daftar_berhuruf_satu_urai_untuk_html_dan_word() -> None:
    token = tk.urai(IKPA)
    assert tk.ke_html(token) == (
        "<p>Sub komponen penilaian IKPA yaitu:</p>\n"
        '<ol type="a" start="2">\n<li>Deviasi halaman III DIPA;</li>\n'
        "<li>Data kontrak;</li>\n</ol>\n"
    )
    assert tk.dari_markdown(token) == [
        tk.Alinea([P("Sub komponen penilaian IKPA yaitu:")]),
        tk.DaftarTeks(
            [tk.Butir([P("Deviasi halaman III DIPA;")]), tk.Butir([P("Data kontrak;")])],
            berurut=True,
            mulai=2,
            huruf=True,
        ),
    ]


def test_huruf_tidak_berurutan_tetap_butir_biasa() -> None:
    (daftar,) = tk.dari_markdown("- a) Revisi DIPA\n- c) Data kontrak")
    assert isinstance(daftar, tk.DaftarTeks)
    assert not daftar.berurut and not daftar.huruf
    assert daftar.butir[0].isi == [P("a) Revisi DIPA")]
    assert "<ul>" in markdown("- a) Revisi DIPA\n- c) Data kontrak")


def test_potongan_sebaris_seperti_tampilan_peramban() -> None:
    """Text between two tags is one run, white space collapsed; the run after a line break
    starts with the space the HTML's new line shows (as the Word output always had)."""
    (alinea,) = tk.dari_markdown("a *b* **c**  \nd `e`\nf [g](http://x) h")
    assert alinea.isi == [
        P("a "),
        P("b", miring=True),
        P(" "),
        P("c", tebal=True),
        tk.Putus(),
        P(" d "),
        P("e", kode=True),
        P(" f "),
        P("g"),
        P(" h"),
    ]


def test_html_yang_diketik_analis_tetap_teks() -> None:
    assert tk.dari_markdown("Nomor <b>W6</b> & lampiran") == [
        tk.Alinea([P("Nomor <b>W6</b> & lampiran")])
    ]


def test_tabel_markdown_sel_teks() -> None:
    (t,) = tk.dari_markdown("| Unit | Fungsi |\n|---|---|\n| KPLP | Jaga `pos` |")
    assert t == tk.TabelTeks([["Unit", "Fungsi"]], [["KPLP", "Jaga pos"]])


def test_markup_alat_tanda_tangan_ke_simpul() -> None:
    assert tk.dari_html(ttd("Banyuasin, 30 Desember 2023", "Kepala", "Jhonny H. Gultom", "19")) == [
        tk.Wadah(
            ("ttd",),
            [
                tk.Alinea([P("Banyuasin, 30 Desember 2023")]),
                tk.Alinea([P("Kepala")]),
                tk.Alinea([P("Jhonny H. Gultom")], ("ttd-nama",)),
                tk.Alinea([P("NIP 19")], ("ttd-nip",)),
            ],
        )
    ]


def test_markup_alat_bagian_terbuka_dan_tag_tutup_lepas() -> None:
    """The kata pengantar's section opens in one Html block and closes in another."""
    buka = '<section class="kata-pengantar"><h1 class="pengantar">KATA PENGANTAR</h1>'
    assert tk.dari_html(buka) == [
        tk.Wadah(("kata-pengantar",), [tk.JudulTeks(1, "KATA PENGANTAR")])
    ]
    assert tk.dari_html("<p>Hormat kami<br>Kepala</p></section>") == [
        tk.Alinea([P("Hormat kami"), tk.Putus(), P("Kepala")])
    ]


def test_word_daftar_berhuruf_dari_narasi(tmp_path: Path) -> None:
    out = tulis_docx_blok(
        [m.Narasi(IKPA)],
        None,
        tmp_path / "n.docx",
        judul="j",
        penulis="p",
        berjalan="b",
        subjek="s",
    )
    teks = [p.text for p in docx.Document(str(out)).paragraphs]
    assert teks == [
        "Sub komponen penilaian IKPA yaitu:",
        "b.\tDeviasi halaman III DIPA;",
        "c.\tData kontrak;",
    ]


def test_penulis_docx_tidak_membaca_html() -> None:
    """No module of the Word renderer parses HTML (bs4, html.parser, lxml.html)."""
    paket = Path(__file__).parents[1] / "lkjip_helpers" / "keluaran" / "docx"
    terlarang = {"bs4", "html", "html.parser", "lxml.html"}  # lxml.etree builds OOXML: allowed
    for path in sorted(paket.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                nama = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                nama = [f"{node.module}.{a.name}" for a in node.names] + [node.module or ""]
            else:
                continue
            dilarang = {n for n in nama if n in terlarang or n.split(".")[0] == "bs4"}
            assert not dilarang, (path.name, nama)
