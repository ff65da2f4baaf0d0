"""The Word files (laporan.docx, tinjauan.docx) and the archival PDF (PDF/A-3b with its data).

Unit tests render small models; the e2e tests build the sample once and compare the DOCX with
the HTML and the model, convert it with LibreOffice when available, and read the PDF back.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from lkjip_helpers.keluaran.docx import (
    JudulBab,
    TeksBab,
    _grid,
    _lebar_kolom,
    _lebar_mm,
    _pangkas,
    tulis_docx_blok,
)
from lkjip_helpers.laporan import model as m

ROOT = Path(__file__).parents[1]
DATA = ROOT / "data"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraf_kosong(d: docx.document.Document) -> list[int]:
    """Body paragraphs with no text, no picture, no equation and no page break."""
    kosong = []
    for i, p in enumerate(d.paragraphs):
        x = p._p
        if p.text.strip() or x.findall(f".//{W}drawing") or x.findall(f".//{W}br"):
            continue
        if x.findall(".//{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath"):
            continue
        if x.findall(f".//{W}fldChar"):
            continue
        kosong.append(i)
    return kosong


def _instr(p: object) -> str:
    return " ".join(t.text for t in p._p.iter(f"{W}instrText"))  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- unit


def _tabel_contoh() -> m.Tabel:
    t = m.Tabel.buat(
        "contoh",
        "Capaian IKK",
        [
            [m.teks("IKK", baris=2), m.teks("2023", rentang=2)],
            ["Realisasi", "Capaian"],
        ],
        [
            ["SK1.1", m.persen(Exc("121.92")), m.persen(Exc("152.4"))],
            [m.teks("Jumlah", kelas="jumlah"), m.bulat(1435), m.bulat(1177)],
        ],
        catatan="Target dari Perjanjian Kinerja.",
    )
    t.nomor = "3.4"
    return t


def Exc(x: str):
    from decimal import Decimal

    return Decimal(x)


def test_tabel_word_header_repeats_numbers_right_caption_field(tmp_path: Path) -> None:
    path = tulis_docx_blok(
        [m.Paragraf("Pengantar."), _tabel_contoh()],
        None,
        tmp_path / "t.docx",
        judul="Uji",
        penulis="Lapas Uji",
        berjalan="Uji",
        subjek="Uji",
    )
    d = docx.Document(str(path))
    (t,) = d.tables
    baris = t.rows
    # two header rows, both repeated on every page; the body rows are not
    kepala = [
        r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None for r in baris
    ]
    assert kepala == [True, True, False, False]
    # "2023" spans the two figure columns, "IKK" the two header rows
    assert t.cell(0, 1).text == t.cell(0, 2).text == "2023"
    assert t.cell(0, 0).text == t.cell(1, 0).text == "IKK"
    assert t.cell(2, 1).text == "121,92%" and t.cell(3, 1).text == "1.435"
    assert t.cell(2, 1).paragraphs[0].alignment == 2  # RIGHT
    assert t.cell(2, 0).paragraphs[0].alignment is None  # text stays left
    cap = next(p for p in d.paragraphs if p.style.name == "Keterangan Tabel")
    assert cap.text == "Tabel 3.4 Capaian IKK"
    assert "SEQ Tabel_3" in _instr(cap)
    assert cap.paragraph_format.keep_with_next
    assert [p.text for p in d.paragraphs if p.style.name == "Catatan Tabel"] == [
        "Target dari Perjanjian Kinerja."
    ]
    assert _paragraf_kosong(d) == []


def test_halaman_a4_margin_pdf_dan_nomor_halaman(tmp_path: Path) -> None:
    path = tulis_docx_blok(
        [m.Paragraf("Isi.")], None, tmp_path / "t.docx", judul="J", penulis="Satker X",
        berjalan="Judul berjalan", subjek="S",
    )  # fmt: skip
    d = docx.Document(str(path))
    s = d.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    # static/cetak.css: @page { margin: 25mm 20mm 22mm 25mm }
    assert [
        round(x.mm) for x in (s.top_margin, s.right_margin, s.bottom_margin, s.left_margin)
    ] == [25, 20, 22, 25]
    kaki = s.footer.paragraphs[0]
    assert kaki.text == "Halaman 1 dari 1"  # cached values of the two fields
    assert re.findall(r"PAGE|NUMPAGES", _instr(kaki)) == ["PAGE", "NUMPAGES"]
    assert s.header.paragraphs[0].text == "Judul berjalan"
    assert s.different_first_page_header_footer  # the cover has neither
    cp = d.core_properties
    assert (cp.title, cp.author, cp.language) == ("J", "Satker X", "id-ID")


def test_rumus_persamaan_word_dengan_pecahan(tmp_path: Path) -> None:
    r = m.Rumus([("Realisasi =", m.Pecahan("1.435", "1.177"), "× 100% =", m.Tebal("121,92%"))])
    path = tulis_docx_blok(
        [r], None, tmp_path / "r.docx", judul="J", penulis="P", berjalan="B", subjek="S"
    )
    d = docx.Document(str(path))
    M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
    (om,) = d.element.body.iter(f"{M}oMath")
    (frac,) = om.iter(f"{M}f")
    assert [t.text for t in frac.iter(f"{M}t")] == ["1.435", "1.177"]
    teks = "".join(t.text for t in om.iter(f"{M}t"))
    assert teks == "Realisasi = 1.4351.177 × 100% = 121,92%"


def test_rumus_pecahan_panjang_dibagi_baris(tmp_path: Path) -> None:
    """A fraction of words (SK2.1 of the sample) ran off the page in LibreOffice: an
    equation does not wrap. Its parts are stacked lines (m:eqArr), as the PDF wraps them."""
    bawah = (
        "tahanan, narapidana, anak yang memperoleh nilai baik dengan predikat memuaskan "
        "pada instrumen penilaian kepribadian"
    )
    r = m.Rumus([("Realisasi =", m.Pecahan("Tahanan, narapidana", bawah), "× 100%")])
    path = tulis_docx_blok(
        [r], None, tmp_path / "r.docx", judul="J", penulis="P", berjalan="B", subjek="S"
    )
    M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
    (frac,) = docx.Document(str(path)).element.body.iter(f"{M}f")
    (num,), (den,) = frac.iter(f"{M}num"), frac.iter(f"{M}den")
    assert not list(num.iter(f"{M}eqArr")), "a short part stays one line"
    baris = [t.text for t in den.iter(f"{M}t")]
    assert len(list(den.iter(f"{M}e"))) == len(baris) == 3
    assert all(len(b) <= 50 for b in baris) and " ".join(baris) == bawah


def test_tanda_tangan_satu_halaman(tmp_path: Path) -> None:
    from lkjip_helpers.laporan.bagian.pembuka import ttd

    blok = m.Html(ttd("Pangkalan Balai, 30 Desember 2023", "Kepala", "Jhonny H. Gultom", "19801"))
    path = tulis_docx_blok(
        [blok], None, tmp_path / "t.docx", judul="J", penulis="P", berjalan="B", subjek="S"
    )
    d = docx.Document(str(path))
    teks = [p.text for p in d.paragraphs]
    assert teks == ["Pangkalan Balai, 30 Desember 2023", "Kepala", "Jhonny H. Gultom", "NIP 19801"]
    assert [p.paragraph_format.keep_with_next for p in d.paragraphs] == [True, True, True, False]
    assert all(p.paragraph_format.keep_together for p in d.paragraphs)


def test_judul_tanpa_isi_dibuang_dan_huruf_diurutkan() -> None:
    isi = m.Bagian([m.Paragraf("x")])
    susunan = _pangkas(
        [
            JudulBab(1, "BAB I PENDAHULUAN"),
            JudulBab(2, "A. Latar Belakang"),
            m.Bagian([]),  # narrative not filled in: the heading goes
            JudulBab(2, "B. Gambaran Umum"),
            isi,
            JudulBab(3, "Data Kepegawaian"),
            TeksBab("   "),
            JudulBab(2, "C. Tugas"),
            isi,
        ]
    )
    judul = [u.teks for u in susunan if isinstance(u, JudulBab)]
    assert judul == ["BAB I PENDAHULUAN", "A. Gambaran Umum", "B. Tugas"]


def test_lebar_kolom_mengisi_lebar_teks_angka_tidak_terpotong() -> None:
    t = _tabel_contoh()
    kepala, isi = _grid(t.kepala), _grid(t.isi)
    lebar = _lebar_kolom(kepala, isi, 3)
    assert sum(lebar) == pytest.approx(165)
    # "121,92%": five digits (0,556 em), a comma (0,278) and % (0,889) = 3,947 em of 8,5 pt
    # = 11,8 mm, plus the cell's padding: never wrapped
    assert _lebar_mm("121,92%") == pytest.approx(3.947 * 8.5 * 25.4 / 72)
    assert min(lebar[1:]) >= 11.8 + 4.0


def test_lebar_kolom_teks_sempit_tidak_memotong_kata() -> None:
    """Issue 18: the Satuan column of a "Target dan Realisasi" table (Tabel 3.60 of the
    sample) was cut to "Layana/n" in LibreOffice: its width came from a guessed 0,5 em per
    lower-case letter, below the word's real width plus the cell's margins."""
    # Arial / Liberation Sans: L 0,556, a 0,556 ×3, y 0,5, n 0,556 ×2 = 3,836 em of 8,5 pt
    assert _lebar_mm("Layanan") == pytest.approx(3.836 * 8.5 * 25.4 / 72)  # 11,50 mm
    judul = ["Indikator Kinerja Kegiatan", "Satuan", "Target", "Realisasi", "Capaian", "Status"]
    kepala = _grid([[m.teks(x) for x in judul]])
    ikk = (
        "Tersusunnya dokumen rencana kerja, anggaran UPT Pemasyarakatan dan pelaporan yang "
        "akuntabel tepat waktu"
    )
    isi = _grid(
        [
            [
                m.teks(ikk),
                m.teks("Layanan"),
                m.bulat(1, satuan="Layanan"),
                m.bulat(1, satuan="Layanan"),
                m.persen(Exc("100")),
                m.teks("Tercapai"),
            ]
        ]
    )
    lebar = _lebar_kolom(kepala, isi, 6)
    assert sum(lebar) == pytest.approx(165)
    # 11,50 mm of text + Word's and LibreOffice's cell margins (108 twips = 1,905 mm each)
    assert lebar[1] > 11.50 + 2 * 1.905 + 0.3


# --------------------------------------------------------------------------- PDF/A-3b


def _pdf_bisa() -> bool:
    from lkjip_helpers.keluaran.pdf import pustaka_pdf_hilang

    return pustaka_pdf_hilang() is None


@pytest.mark.skipif(not _pdf_bisa(), reason="WeasyPrint tanpa pustaka sistem")
def test_pdf_arsip_pdfa3b_berkas_tertanam_dan_metadata(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    from lkjip_helpers.keluaran.pdf import BerkasTertanam, MetadataPdf, tulis_pdf

    (tmp_path / "capaian_ikk.csv").write_bytes(b"kode;capaian\nSK1.1;152,40\n")
    tertanam = [
        BerkasTertanam.berkas(tmp_path / "capaian_ikk.csv", "Capaian"),
        BerkasTertanam("build.json", b'{"tool": "lkjip"}\n', "Catatan build", "Supplement"),
    ]
    html = '<!DOCTYPE html><html lang="id"><head><title>lama</title></head><body><h1>Uji</h1></body></html>'
    meta = MetadataPdf("LKjIP 2023", "Lapas Kelas IIA Banyuasin", "Laporan Kinerja")
    tulis_pdf(html, tmp_path / "a.pdf", "Uji", arsip=True, tertanam=tertanam, metadata=meta)
    r = pypdf.PdfReader(tmp_path / "a.pdf")
    xmp = r.xmp_metadata
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "B")
    assert r.metadata.title == "LKjIP 2023"
    assert r.metadata.author == "Lapas Kelas IIA Banyuasin"
    assert r.metadata.subject == "Laporan Kinerja"
    assert r.trailer["/Root"]["/Lang"] == "id"
    assert r.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged
    dibaca = {k: v[0] for k, v in r.attachments.items()}
    assert dibaca == {
        "capaian_ikk.csv": b"kode;capaian\nSK1.1;152,40\n",
        "build.json": b'{"tool": "lkjip"}\n',
    }


# --------------------------------------------------------------------------- e2e


@pytest.fixture(scope="module")
def laporan(sampel: Path) -> Path:
    """The sample build the whole run shares (tests/conftest.py): with PDF and DOCX."""
    return sampel


def _judul_html(html: str) -> list[str]:
    from bs4 import BeautifulSoup

    main = BeautifulSoup(html, "html.parser").find("main")
    return [
        " ".join(h.get_text(" ", strip=True).split())
        for h in main.find_all(re.compile(r"^h[1-6]$"))
        if h.find_parent("section", class_="daftar") is None
    ]


@pytest.mark.e2e
def test_docx_judul_tabel_keterangan_sesuai_html_dan_model(laporan: Path) -> None:
    from bs4 import BeautifulSoup

    from lkjip_helpers.hitung import hasil_laporan
    from lkjip_helpers.laporan import dokumen_laporan

    html = (laporan / "laporan.html").read_text(encoding="utf-8")
    d = docx.Document(str(laporan / "laporan.docx"))
    judul = [" ".join(p.text.split()) for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert judul == _judul_html(html)
    assert judul[:3] == ["KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN"]

    dok = dokumen_laporan(hasil_laporan("lapas-banyuasin", 2023, DATA))
    tabel = dok.semua_tabel()
    gambar = [g for bab in dok.bab.values() for b in bab.values() for g in b.gambar]
    ket_tabel = [p.text for p in d.paragraphs if p.style.name == "Keterangan Tabel"]
    ket_gambar = [p.text for p in d.paragraphs if p.style.name == "Keterangan Gambar"]
    assert ket_tabel == [f"{t.label} {t.judul}" for t in tabel]
    assert ket_gambar == [f"{g.label} {g.judul}" for g in gambar]
    assert ket_tabel[0] == "Tabel E.1 Capaian Indikator Kinerja Kegiatan Tahun 2023"
    # every table of the HTML is a Word table; the two PK signatures side by side are one more;
    # the cover letter's "Nomor : …" lines are aligned paragraphs
    main = BeautifulSoup(html, "html.parser").find("main")
    assert len(d.tables) == len(main.find_all("table")) + len(main.select("div.ttd-dua")) - len(
        main.select("table.surat-meta")
    )
    assert _paragraf_kosong(d) == []
    # contents, list of tables, list of figures: fields Word updates
    instr = [_instr(p) for p in d.paragraphs if "TOC" in _instr(p)]
    assert instr == [
        ' TOC \\o "1-3" \\h \\z \\u ',
        ' TOC \\h \\z \\t "Keterangan Tabel,1" ',
        ' TOC \\h \\z \\t "Keterangan Gambar,1" ',
    ]


@pytest.mark.e2e
def test_surat_pengantar_bagian_sendiri_tanpa_kepala_dan_kaki(laporan: Path) -> None:
    """Issue 18: the cover letter (page 2) as the PDF prints it: a Word section without the
    running header and footer, the letterhead centred, bold and ruled, the title centred and
    underlined, "Nomor : …" a line (not a table); the header and footer resume after it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document(str(laporan / "laporan.docx"))
    sampul, surat, isi = d.sections
    assert sampul.different_first_page_header_footer, "the cover: no header, no page number"
    assert not surat.different_first_page_header_footer
    for s in (surat, isi):
        assert not s.header.is_linked_to_previous and not s.footer.is_linked_to_previous
    assert surat.header.paragraphs[0].text == "" and surat.footer.paragraphs[0].text == ""
    assert isi.header.paragraphs[0].text == sampul.header.paragraphs[0].text
    assert isi.header.paragraphs[0].text.startswith("LKjIP 2023 — Lembaga Pemasyarakatan")
    assert isi.footer.paragraphs[0].text.startswith("Halaman ")
    assert "PAGE" in "".join(isi.footer.paragraphs[0]._p.itertext())

    teks = [p.text for p in d.paragraphs]
    i = teks.index("KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA REPUBLIK INDONESIA")
    kop = d.paragraphs[i : i + 3]
    assert [p.text for p in kop][2] == "LEMBAGA PEMASYARAKATAN KELAS IIA BANYUASIN"
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in kop)
    assert all(r.bold for p in kop for r in p.runs)
    kontak = d.paragraphs[i + 3]._p  # the contact line, ruled below
    assert d.paragraphs[i + 3].text.startswith("Jalan Lingkar Mulia Agung")
    assert kontak.find(qn("w:pPr")).find(qn("w:pBdr")).find(qn("w:bottom")) is not None
    judul = d.paragraphs[teks.index("SURAT PENGANTAR")]
    assert judul.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(r.bold and r.underline for r in judul.runs)
    assert "Nomor\t:\tW.6.PAS.PAS.10-UM.01.01-1435" in teks
    assert not [t for t in d.tables if "Nomor" in t.cell(0, 0).text]
    pengirim = d.paragraphs[teks.index("Pengirim")]
    assert pengirim.paragraph_format.space_before.pt == 24, "room below the letter's table"
    # the letter ends its section: the next page (kata pengantar) carries the header again
    akhir = d.paragraphs[teks.index("NIP 198011122000121002")]
    assert akhir._p.find(qn("w:pPr")).find(qn("w:sectPr")) is not None


@pytest.mark.e2e
def test_build_json_mencatat_sha256_docx_dan_memo_menyebutnya(laporan: Path) -> None:
    catatan = json.loads((laporan / "build.json").read_text(encoding="utf-8"))
    for nama in ("laporan.docx", "tinjauan.docx"):
        assert (
            catatan["outputs_sha256"][nama]
            == hashlib.sha256((laporan / nama).read_bytes()).hexdigest()
        )
    assert catatan["docx"] is True and catatan["docx_skipped"] is None
    kalimat = "Suntingan yang dibuat di Word pada laporan.docx berada di luar pemeriksaan ini"
    assert kalimat in (laporan / "tinjauan.html").read_text(encoding="utf-8")
    memo = docx.Document(str(laporan / "tinjauan.docx"))
    assert any(kalimat in p.text for p in memo.paragraphs)
    assert _paragraf_kosong(memo) == []


@pytest.mark.e2e
def test_pdf_arsip_membawa_berkas_samping(laporan: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    r = pypdf.PdfReader(laporan / "laporan.pdf")
    assert (r.xmp_metadata.pdfaid_part, r.xmp_metadata.pdfaid_conformance) == ("3", "B")
    assert r.metadata.author == "Lembaga Pemasyarakatan Kelas IIA Banyuasin"
    assert r.metadata.title.startswith("Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2023")
    tertanam = {k: v[0] for k, v in r.attachments.items()}
    assert sorted(tertanam) == ["build.json", "capaian_ikk.csv", "tabel.xlsx"]
    for nama in ("tabel.xlsx", "capaian_ikk.csv"):
        assert tertanam[nama] == (laporan / nama).read_bytes(), nama
    # the embedded run record: this build's, without the time and the PDF's own hash
    catatan = json.loads(tertanam["build.json"])
    samping = json.loads((laporan / "build.json").read_text(encoding="utf-8"))
    for kunci in ("version", "inputs_sha256", "fingerprint", "notebooks_sha256", "findings"):
        assert catatan[kunci] == samping[kunci], kunci
    sha_pdf = hashlib.sha256((laporan / "laporan.pdf").read_bytes()).hexdigest()
    assert sha_pdf not in json.dumps(catatan)
    assert "utc_time" not in catatan and "outputs_sha256" not in catatan


@pytest.mark.e2e
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak terpasang")
def test_docx_dicetak_libreoffice_jumlah_halaman_dekat_pdf(laporan: Path, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profil'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(laporan / "laporan.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    halaman_docx = len(pypdf.PdfReader(tmp_path / "laporan.pdf").pages)
    halaman_pdf = len(pypdf.PdfReader(laporan / "laporan.pdf").pages)
    assert abs(halaman_docx - halaman_pdf) <= 0.15 * halaman_pdf, (halaman_docx, halaman_pdf)


def test_tembolok_grafik_digambar_sekali_per_masukan(tmp_path: Path) -> None:
    """A chart is drawn once per inputs and kept as its PNG bytes: a second build (a new
    cache on the same folder) reads it back; other code or environment (``dasar``) draws it
    again, and the chart the last build did not use is removed."""
    from lkjip_helpers.keluaran.docx import TembolokGrafik

    digambar: list[tuple[int, ...]] = []

    def bar(*nilai: int) -> str:
        digambar.append(nilai)
        return "iVBORw0KGgo="  # base64 of the 8-byte PNG signature

    g = m.Gambar.grafik("capaian", "Capaian", bar, 1, 2)
    folder = tmp_path / ".grafik"
    pertama = TembolokGrafik(folder, "kode-1")
    assert pertama.gambar(g) == ("image/png", "iVBORw0KGgo=")
    assert [p.read_bytes() for p in folder.iterdir()] == [b"\x89PNG\r\n\x1a\n"]
    kedua = TembolokGrafik(folder, "kode-1")
    assert kedua.gambar(g) == ("image/png", "iVBORw0KGgo=")
    assert digambar == [(1, 2)]  # read back, not drawn
    lain = TembolokGrafik(folder, "kode-2")
    lain.gambar(m.Gambar.grafik("capaian", "Capaian", bar, 1, 2))  # the next build's model
    assert digambar == [(1, 2), (1, 2)] and len(list(folder.iterdir())) == 2
    lain.rapikan()
    assert [p.name for p in folder.iterdir()] == list(lain.dipakai)


def test_anak_docx_tanpa_python_docx() -> None:
    # the build imports the DOCX child's module to start it: that alone does not import
    # python-docx (≈ 0,12 s); the package's names load it on first use
    import sys

    kode = (
        "import sys\n"
        "import lkjip_helpers.keluaran.docx.anak\n"
        "print('docx' in sys.modules)\n"
        "from lkjip_helpers.keluaran.docx import tulis_docx_blok, DPI_CETAK\n"
        "print('docx' in sys.modules, callable(tulis_docx_blok), DPI_CETAK > 0)\n"
        "import lkjip_helpers.keluaran.docx as d\n"
        "try:\n"
        "    d.tidak_ada\n"
        "except AttributeError as e:\n"
        "    print('AttributeError')\n"
    )
    hasil = subprocess.run(
        [sys.executable, "-c", kode], capture_output=True, text=True, timeout=120, check=True
    )
    assert hasil.stdout.split() == ["False", "True", "True", "True", "AttributeError"]


def test_gabung_sel_sama_dengan_merge_python_docx() -> None:
    """The table cells merged directly (``tabel._gabung``) give the XML python-docx's own
    ``cell.merge()`` writes: a row span, a column span and a block of both, in a table whose
    columns have widths (added up in a span), and a cell with text (moved into the span's
    first cell by python-docx's merge, which ``_gabung`` then leaves to it)."""
    from docx.shared import Mm
    from lxml import etree

    from lkjip_helpers.keluaran.docx.tabel import _gabung

    def tabel(isi_tambahan: bool) -> tuple[object, list[object]]:
        d = docx.Document()
        t = d.add_table(rows=4, cols=4)
        sel = t._cells
        for k, sel_k in enumerate(sel):
            sel_k.width = Mm(20 + k % 4)
        sel[0].paragraphs[0].add_run("kepala")
        if isi_tambahan:
            sel[1].paragraphs[0].add_run("isi yang ikut pindah")
        return t, sel

    rentang = [(0, 0, 0, 2), (1, 3, 3, 3), (2, 0, 3, 1)]  # columns, rows, block
    for isi_tambahan in (False, True):
        t1, sel1 = tabel(isi_tambahan)
        t2, sel2 = tabel(isi_tambahan)
        for i, j, i2, j2 in rentang:
            sel1[i * 4 + j].merge(sel1[i2 * 4 + j2])
            _gabung(sel2, 4, i, j, i2, j2)
        xml = [etree.tostring(t._tbl) for t in (t1, t2)]  # type: ignore[attr-defined]
        assert xml[0] == xml[1]
        assert xml[1].count(b"<w:gridSpan") == 3 and xml[1].count(b'w:val="restart"') == 2


def test_tambah_run_sama_dengan_add_run_python_docx() -> None:
    """``sebaris.tambah_run`` writes the run python-docx's ``add_run`` writes: plain text,
    text with a leading or trailing space (``xml:space="preserve"``), and text with a tab or
    line break (elements of their own: python-docx's own pass)."""
    from lxml import etree

    from lkjip_helpers.keluaran.docx.sebaris import tambah_run

    for teks in ["", "Capaian 99,21%", " di awal", "di akhir ", "a\tb", "baris\nbaru", "x\r\ny"]:
        p1 = docx.Document().add_paragraph()
        p2 = docx.Document().add_paragraph()
        p1.add_run(teks)
        r = tambah_run(p2, teks)
        assert etree.tostring(p1._p) == etree.tostring(p2._p), teks
        assert r.text == p1.runs[0].text
