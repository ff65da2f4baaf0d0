"""End-to-end: build the sample report into a temporary folder and check what a reviewer sees."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def laporan(sampel: Path) -> Path:
    """The sample's build folder (tests/conftest.py builds it once for the session)."""
    return sampel


@pytest.fixture(scope="module")
def html(laporan: Path) -> str:
    return (laporan / "laporan.html").read_text(encoding="utf-8")


def test_all_outputs_written(laporan: Path) -> None:
    for nama in (
        "laporan.html",
        "laporan.pdf",
        "capaian_ikk.csv",
        "tabel.xlsx",
        "pemeriksaan.json",
        "build.json",
    ):
        assert (laporan / nama).is_file(), nama
    assert not list(laporan.parent.glob(".*tmp*")), "temporary build folder left behind"


def test_executed_notebooks_have_no_errors(laporan: Path) -> None:
    nbs = sorted((laporan / "notebooks").glob("*.ipynb"))
    assert len(nbs) == len(list((ROOT / "notebooks").glob("[!_]*.ipynb")))
    for p in nbs:
        nb = nbformat.read(p, as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                assert out["output_type"] != "error", f"{p.name}: {out.get('evalue')}"
                assert not (out["output_type"] == "stream" and out["name"] == "stderr"), p.name


def test_chapters_and_every_ikk_present(html: str) -> None:
    for judul in (
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
        "Daftar Isi",
        "Daftar Tabel",
        "Daftar Gambar",
    ):
        assert judul.lower() in html.lower(), judul
    for s in range(1, 5):
        for i in range(1, 10):
            kode = f"SK{s}.{i}"
            if (s, i) in {
                (1, 7),
                (1, 8),
                (1, 9),
                (2, 8),
                (2, 9),
                (3, 5),
                (3, 6),
                (3, 7),
                (3, 8),
                (3, 9),
            }:
                continue
            assert f"IKK {kode}:" in html, kode


def _baris(html: str, kunci: str) -> dict[str, list[str]]:
    """The rows of the table ``figure[data-kunci=kunci]``, keyed by their first cell."""
    from bs4 import BeautifulSoup

    awal = re.search(rf'<figure[^>]*\sdata-kunci="{re.escape(kunci)}"', html)
    assert awal is not None, kunci
    # that figure only (parsing the whole 100-page report per table takes a second)
    figur = BeautifulSoup(html[awal.start() : html.index("</figure>", awal.start())], "html.parser")
    sel = [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
        for tr in figur.find_all("tr")
    ]
    return {b[0]: b[1:] for b in sel if b}


def test_key_figures_as_printed(html: str) -> None:
    """Figures in their table cell, computed by hand from data/satker/lapas-banyuasin/2023."""
    # anggaran.yaml: pagu 16.466.041.000, realisasi 16.335.496.464 (seed lines 2058-2059);
    # 16.335.496.464 / 16.466.041.000 × 100 = 99,2072… → 99,21 %;
    # sisa 16.466.041.000 − 16.335.496.464 = 130.544.536
    total = ["Rp16.466.041.000", "Rp16.335.496.464", "99,21%", "Rp130.544.536"]
    assert _baris(html, "anggaran-sasaran-2023")["Total DIPA"] == total
    # belanja pegawai 4.833.287.054 / 4.882.029.000 = 99,0016 % → 99,00 %;
    # belanja barang 11.502.209.410 / 11.584.012.000 = 99,2938 % → 99,29 %
    jenis = _baris(html, "anggaran-jenis-2023")
    assert jenis["Belanja Pegawai"][2] == "99,00%" and jenis["Belanja Barang"][2] == "99,29%"
    # kinerja.yaml SK2.6: target 31, vokasi 40 of 977 WBP: 40 / 977 × 100 = 4,0942 → 4,09 %;
    # capaian 4,0942 / 31 × 100 = 13,207 → 13,21 %, below 100: not achieved
    vokasi = _baris(html, "SK2.6-target-realisasi")
    nama = "Persentase narapidana yang memperoleh Pendidikan dan pelatihan vokasi bersertifikasi"
    assert vokasi[nama] == ["%", "31%", "4,09%", "13,21%", "Tidak tercapai"]
    # Official values stand (evaluasi.yaml `nilai`): IKPA 98,66, SMART-DJA 91,24 as published;
    # 0,6 × 91,24 = 54,744; 0,4 × 98,66 = 39,464; combined 54,744 + 39,464 = 94,208 → 94,21
    nka = _baris(html, "nilai-kinerja-anggaran")
    assert nka["Nilai SMART-DJA"] == ["91,24", "60%", "54,7440"]
    assert nka["Nilai IKPA"] == ["98,66", "40%", "39,4640"]
    assert nka["Nilai Kinerja Anggaran"] == ["", "100%", "94,21"]


def test_no_remote_resources_and_no_prompts(html: str) -> None:
    refs = re.findall(r"""(?:src|href)\s*=\s*["']?(https?:)?//""", html, flags=re.I)
    assert not [r for r in refs if r], "remote resource referenced"
    assert not re.search(r"<(script|link|iframe)[^>]+(?:src|href)=[\"']?https?://", html, re.I)
    assert "@import url(http" not in html
    assert not re.search(r"\b(In|Out)\s*\[\d*\]:", html)
    assert "jp-InputArea" not in html and "jp-InputPrompt" not in html


def test_pdf_has_toc_and_pages(laporan: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    pdfinfo = shutil.which("pdfinfo")
    if not (pdftotext and pdfinfo):
        pytest.skip("poppler-utils (pdftotext/pdfinfo) tidak terpasang")
    info = subprocess.run(
        [pdfinfo, str(laporan / "laporan.pdf")], capture_output=True, text=True, check=True
    ).stdout
    halaman = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert halaman >= 7
    teks = subprocess.run(
        [pdftotext, "-l", "8", str(laporan / "laporan.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "DAFTAR ISI" in teks.upper()
    assert re.search(r"BAB III.*\d+", teks), "table of contents without page numbers"


def test_capaian_csv_has_26_rows(laporan: Path) -> None:
    with (laporan / "capaian_ikk.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 26
    assert {"sasaran", "indikator", "satuan", "target", "realisasi", "capaian", "status"} <= set(
        rows[0]
    )
    vokasi = next(r for r in rows if r["kode"] == "SK2.6")
    assert vokasi["status"] == "Tidak tercapai"


def test_build_record_and_findings(laporan: Path) -> None:
    rekam = json.loads((laporan / "build.json").read_text(encoding="utf-8"))
    assert rekam["parameters"]["satker"] == "lapas-banyuasin"
    assert rekam["parameters"]["tahun"] == 2023
    sha = rekam["inputs_sha256"]
    assert len(sha["satker/lapas-banyuasin/2023/kinerja.yaml"]) == 64
    assert "katalog/upt-pemasyarakatan-2020-2024.yaml" in sha
    temuan = json.loads((laporan / "pemeriksaan.json").read_text(encoding="utf-8"))
    daftar = temuan["temuan"] if isinstance(temuan, dict) else temuan
    kode = {t["kode"] for t in daftar}
    assert {"RASIO_DI_ATAS_100", "ANGGARAN_TIDAK_MENJUMLAH"} <= kode


# --------------------------------------------------------------------------- two documents


def _teks(html: str) -> str:
    """Visible text of the report (tags, the stylesheet and attribute values dropped)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["style", "script"]):
        tag.decompose()
    return soup.get_text(" ")


def test_lkjip_is_a_signable_document(html: str) -> None:
    """No check boxes, data paths, source lines, placeholders or tool words in the LKjIP."""
    teks = _teks(html)
    for kata in ("Catatan pemeriksaan", ".yaml", "baris ", "Belum diisi", "polaritas", "{{", "}}"):
        assert kata not in teks, kata
    assert "Hasil Pemeriksaan Data" not in teks and "temuan pemeriksaan" not in teks.lower()


def test_bab1_lists_keep_their_numbers(html: str) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    uraian = soup.select_one("div.uraian-panjang")
    assert uraian is not None
    # the seed's "1) … 2) …" duty lists are ordered lists, not bullets each starting "1."
    assert not [li for li in uraian.select("ul > li > ol")], "a bullet wraps a numbered item"
    assert len(uraian.select("ol > li")) > 150


def test_official_scores_and_verification_status(html: str) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    smart = soup.select_one('figure[data-kunci="smart-dja"]').get_text(" ")
    nka = soup.select_one('figure[data-kunci="nilai-kinerja-anggaran"]').get_text(" ")
    assert "91,24" in smart and "91,23" not in smart  # as the DJA application published it
    assert "94,21" in nka and "94,20" not in nka  # 0,6 × 91,24 + 0,4 × 98,66 = 94,208
    for kode in ("SK1.1", "SK1.2"):
        tabel = soup.select_one(f'figure[data-kunci="{kode}-target-realisasi"]').get_text(" ")
        assert "Perlu verifikasi" in tabel and "Tercapai" not in tabel, kode


def test_review_memo_written_and_linked(laporan: Path) -> None:
    from bs4 import BeautifulSoup

    memo = (laporan / "tinjauan.html").read_text(encoding="utf-8")
    assert (laporan / "tinjauan.pdf").is_file()
    soup = BeautifulSoup(memo, "html.parser")
    ids = {t["id"] for t in soup.find_all(id=True)}
    for a in soup.select('a[href^="laporan.html#"]'):
        tujuan = a["href"].split("#", 1)[1]
        laporan_html = (laporan / "laporan.html").read_text(encoding="utf-8")
        assert f'id="{tujuan}"' in laporan_html, a["href"]
    for a in soup.select('a[href^="#"]'):
        assert a["href"][1:] in ids, a["href"]


def test_documents_forbid_loading_and_scripts(laporan: Path) -> None:
    """A Content-Security-Policy backs up the sanitiser in both documents."""
    from lkjip_helpers.keluaran.html import CSP

    for nama in ("laporan.html", "tinjauan.html"):
        teks = (laporan / nama).read_text(encoding="utf-8")
        assert f'<meta content="{CSP}" http-equiv="Content-Security-Policy"/>' in teks or (
            f'http-equiv="Content-Security-Policy" content="{CSP}"' in teks
        ), nama
        assert "default-src 'none'" in CSP and "script-src" not in CSP


def test_executed_notebooks_fit_for_reviewers(laporan: Path) -> None:
    """No absolute path of the build machine, counts from 1, output_path where it lies."""
    import hashlib

    for p in sorted((laporan / "notebooks").glob("*.ipynb")):
        teks = p.read_text(encoding="utf-8")
        for mutlak in (str(ROOT), str(laporan.parent.parent), "/tmp/"):
            assert mutlak not in teks, (p.name, mutlak)
        nb = nbformat.read(p, as_version=4)
        hitung = [c.execution_count for c in nb.cells if c.cell_type == "code"]
        assert hitung == list(range(1, len(hitung) + 1)), p.name
        pm = nb.metadata["papermill"]
        assert pm["output_path"] == f"lapas-banyuasin/2023/notebooks/{p.name}"
        assert pm["input_path"] == f"notebooks/{p.name}"
        assert pm["parameters"]["data_dir"] == "../data"
    rekam = json.loads((laporan / "build.json").read_text(encoding="utf-8"))
    for nama, sha in rekam["outputs_sha256"].items():
        assert hashlib.sha256((laporan / nama).read_bytes()).hexdigest() == sha, nama
    assert "build.json" not in rekam["outputs_sha256"]
    assert set(rekam["source"]) == {"git_commit", "git_dirty"}
    assert isinstance(rekam["command_line"], list)


# --------------------------------------------------------------------------- print layout


@pytest.fixture(scope="module")
def halaman(laporan: Path) -> list[list[str]]:
    """The body lines of every page of laporan.pdf, top to bottom (pypdf's layout mode), the
    running header and the page footer left out."""
    from pypdf import PdfReader

    out = []
    for p in PdfReader(laporan / "laporan.pdf").pages:
        baris = [
            re.sub(r"\s+", " ", b).strip()
            for b in p.extract_text(extraction_mode="layout").splitlines()
        ]
        out.append(
            [
                b
                for b in baris
                if b
                and not re.fullmatch(r"Halaman \d+ dari \d+", b)
                and not b.startswith("LKjIP 2023 — ")
            ]
        )
    return out


def _soup(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").find("main")


def _rata(teks: str) -> str:
    return re.sub(r"\s+", " ", teks).strip()


def test_pdf_no_empty_page(halaman: list[list[str]]) -> None:
    assert all(halaman), [i for i, b in enumerate(halaman, 1) if not b]
    # the appendices end the report (no empty LAMPIRAN page after them)
    assert "Dokumen Pendukung Lainnya" in " ".join(halaman[-1] + halaman[-2])


def test_pdf_no_heading_ends_a_page(html: str, halaman: list[list[str]]) -> None:
    main = _soup(html)
    judul = {_rata(h.get_text(" ")) for h in main.find_all(["h1", "h2", "h3", "h4", "h5"])}
    judul |= {_rata(c.get_text(" ")) for c in main.select("figure.tabel > figcaption")}
    akhir = [
        (i, " ".join(b[-k:]))
        for i, b in enumerate(halaman, 1)
        for k in (1, 2, 3)
        if " ".join(b[-k:]) in judul
    ]
    assert not akhir


def test_pdf_signatures_with_place_and_date(halaman: list[list[str]]) -> None:
    """Each signature block is on the page of its place and date (narasi.yaml, lampiran.yaml,
    profil.yaml of the sample)."""
    for tanggal, ttd in (
        ("30 Desember 2023", ["Jhonny H. Gultom", "NIP 198011122000121002"]),  # surat pengantar
        ("Pangkalan Balai, 30 Desember 2023", ["Jhonny H. Gultom", "NIP 198011122000121002"]),
        (
            "Palembang, Januari 2023",  # the signed PK: both parties
            [
                "Ilham Djaya",
                "NIP 196412201991031001",
                "Ronaldo Devinci Talesa",
                "NIP 197604121998031001",
            ],
        ),
    ):
        i = next(i for i, b in enumerate(halaman) if tanggal in b)
        teks = " ".join(halaman[i])
        assert all(t in teks for t in ttd), (i + 1, tanggal)


def test_pdf_short_tables_not_split(html: str, halaman: list[list[str]]) -> None:
    """A table of at most 10 body rows is on one page: its last row is on its caption's page."""
    main = _soup(html)
    pendek = [f for f in main.select("figure.tabel") if len(f.select("tbody tr")) <= 10]
    assert len(pendek) > 50
    terbelah = []
    for fig in pendek:
        judul = _rata(fig.figcaption.get_text(" "))[:40]
        i = next(
            i
            for i, b in enumerate(halaman)
            if any(x.startswith(judul) and "...." not in x for x in b)  # not the Daftar Tabel
        )
        teks = " ".join(halaman[i])
        sesudah = teks[teks.find(judul) :]
        akhir = [_rata(td.get_text(" ")) for td in fig.select("tbody tr")[-1].find_all("td")]
        if not all(c.split(" ")[0] in sesudah for c in akhir if c):
            terbelah.append((i + 1, judul))
    assert not terbelah


def test_lkjip_speaks_as_the_satker(html: str) -> None:
    """None of the tool's or reviewer's phrases (laporan.kalimat.FRASA_ALAT) in the LKjIP."""
    from lkjip_helpers.laporan.kalimat import FRASA_ALAT

    teks = _rata(_teks(html))
    pola = re.compile(r"\b(" + "|".join(map(re.escape, FRASA_ALAT)) + r")\b", re.I)
    assert not [teks[max(0, x.start() - 60) : x.end() + 40] for x in pola.finditer(teks)]
    assert "SURAT PENGANTAR" in teks and "W.6.PAS.PAS.10-UM.01.01-1435" in teks


def test_pdf_formulas_not_split(halaman: list[list[str]]) -> None:
    """No page ends inside a realisasi/capaian formula: before the fix, three pages ended on
    "Capaian = Realisasi/Target × 100%" and the next began with "= 100%/85% × 100% = 117,65%"."""
    rumus = re.compile(r"(Realisasi|Capaian) =|^=|× 100%")
    lanjutan = re.compile(r"^=|^Capaian =|× 100%|^Realisasi$|^Target$")
    terbelah = [
        (i, b[-2:], halaman[i][:2])
        for i, b in enumerate(halaman[:-1], 1)
        if any(rumus.search(x) for x in b[-2:]) and any(lanjutan.search(x) for x in halaman[i][:2])
    ]
    assert not terbelah


def test_cold_build_charts_kept_once_in_the_chart_cache(laporan: Path) -> None:
    """The sample's cold build (kernel launched before the inputs were fingerprinted) gave
    its kernel the chart cache: every chart of the notebooks is a file there, drawn by the
    kernel or the DOCX child, and no claim is left behind."""
    import base64

    from lkjip_helpers.laporan.bundel import gambar_notebook

    tembolok = laporan.parents[1] / ".grafik" / "lapas-banyuasin" / "2023"
    kept = {base64.b64encode(p.read_bytes()).decode() for p in tembolok.glob("*.png")}
    charts = {
        isi
        for p in (laporan / "notebooks").glob("*.ipynb")
        for mime, isi in gambar_notebook(json.loads(p.read_text(encoding="utf-8"))).values()
        if mime == "image/png"
    }
    assert len(charts) == 8 and charts == kept
    assert not list(tembolok.glob("*.garap")) and not list(tembolok.glob(".*"))
