"""Build machinery on tiny fixture notebooks (tests/fixtures/notebooks), checks stubbed.

The data checks (``lkjip_helpers.checks.periksa``) and the IKK summary
(``lkjip_helpers.ringkasan.capaian_ikk_dataframe``) are replaced by stubs, so these tests
exercise only ``lkjip_helpers.bangun.susun*``: kernel reuse, atomic output, failure reports, HTML
template and post-processing, PDF, xlsx and build.json.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from bantu_build import data_contoh, pasang_stub
from bs4 import BeautifulSoup
from nbformat.v4 import new_code_cell, new_notebook
from openpyxl import load_workbook
from pypdf import PdfReader

from lkjip_helpers.atomik import pindahkan_atomik as _pindahkan_atomik
from lkjip_helpers.bangun.bab import daftar_bab
from lkjip_helpers.bangun.penjaga import bereskan_sisa as _bereskan_sisa
from lkjip_helpers.bangun.susun import build
from lkjip_helpers.errors import BuildError, ParameterError

FIXTURE_NB = Path(__file__).parent / "fixtures" / "notebooks"
SATKER = "contoh-satker"
TAHUN = 2023


@dataclass
class TemuanPalsu:
    """Stand-in for lkjip_helpers.checks.Temuan."""

    kode: str
    tingkat: str
    lokasi: str
    pesan: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


PERINGATAN = [TemuanPalsu("RASIO-100", "peringatan", "kinerja.yaml, IKK-3", "1435 > 1177")]
GALAT = [TemuanPalsu("PK-KATALOG", "error", "kinerja.yaml, baris 4", "IKK-99 tidak ada")]


def _capaian_palsu(
    satker: str, tahun: int, data_dir: object, periode: str = "tahunan"
) -> list[dict[str, object]]:
    return [
        {
            "sasaran": "S1",
            "kode": "IKK-1",
            "indikator": "Uji",
            "satuan": "%",
            "target": 100,
            "realisasi": 99.21,
            "capaian": 99.21,
            "status": "tidak tercapai",
        },
        {
            "sasaran": "S1",
            "kode": "IKK-2",
            "indikator": "Uji dua",
            "satuan": "Orang",
            "target": 10,
            "realisasi": 12,
            "capaian": 120.0,
            "status": "tercapai",
        },
    ]


def _pasang_stub(mp: pytest.MonkeyPatch, temuan: list[TemuanPalsu]) -> None:
    pasang_stub(mp, lambda *a, **k: list(temuan), capaian=_capaian_palsu)


def _data_contoh(root: Path) -> Path:
    return data_contoh(root, kinerja=True)


def _sidik_pohon(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def lingkungan(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    root = tmp_path_factory.mktemp("build")
    with pytest.MonkeyPatch.context() as mp:
        _pasang_stub(mp, PERINGATAN)
        yield _data_contoh(root), root / "outputs"


@pytest.fixture(scope="module")
def hasil(lingkungan: tuple[Path, Path]) -> object:
    data, out = lingkungan
    return build(SATKER, TAHUN, data, out, notebooks_dir=FIXTURE_NB, progress=False)


@pytest.fixture(scope="module")
def soup(hasil: object) -> BeautifulSoup:
    return BeautifulSoup(hasil.html.read_text(encoding="utf-8"), "html.parser")


# --------------------------------------------------------------------------- success


def test_semua_keluaran_ditulis(hasil: object, lingkungan: tuple[Path, Path]) -> None:
    _, out = lingkungan
    folder = out / SATKER / str(TAHUN)
    assert hasil.folder == folder
    for nama in (
        "laporan.html",
        "laporan.pdf",
        "capaian_ikk.csv",
        "tabel.xlsx",
        "pemeriksaan.json",
        "build.json",
    ):
        assert (folder / nama).is_file(), nama
    assert [p.name for p in hasil.notebooks] == [
        "01_pembuka.ipynb",
        "02_bab_satu.ipynb",
        "03_bab_dua.ipynb",
    ]
    assert sorted(p.name for p in (folder / "notebooks").iterdir()) == [
        "01_pembuka.ipynb",
        "02_bab_satu.ipynb",
        "03_bab_dua.ipynb",
    ], "notebooks starting with _ are skipped"
    # nothing temporary or half-written left beside the output
    assert sorted(p.name for p in (out / SATKER).iterdir()) == [str(TAHUN)]
    assert hasil.temuan == {"error": 0, "peringatan": 1, "info": 0}
    assert hasil.jumlah_temuan == 1


def test_parameter_disuntikkan_dan_tanpa_galat(hasil: object) -> None:
    nb = nbformat.read(hasil.notebooks[0], as_version=4)
    sisip = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert sisip and "contoh-satker" in sisip[0].source and "data_dir" in sisip[0].source
    for path in hasil.notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            for out in cell.get("outputs", []):
                assert out["output_type"] != "error"
                assert not (out["output_type"] == "stream" and out["name"] == "stderr")
    assert "Satker uji: contoh-satker" in hasil.html.read_text(encoding="utf-8")


def test_html_mandiri_tanpa_prompt_dan_kode(hasil: object, soup: BeautifulSoup) -> None:
    teks = hasil.html.read_text(encoding="utf-8")
    assert teks.lstrip().lower().startswith("<!doctype html>")
    assert soup.html.get("lang") == "id"
    assert not soup.find_all(["script", "link", "iframe", "object", "embed"])
    for tag in soup.find_all(True):
        for attr in ("src", "srcset", "href", "poster", "data", "action"):
            nilai = str(tag.get(attr) or "")
            if tag.name == "a" and attr == "href":
                continue
            assert not re.match(r"\s*(https?:)?//", nilai), f"{tag.name}[{attr}]={nilai[:60]}"
    for gaya in soup.find_all("style"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", gaya.get_text())
        assert "@import" not in gaya.get_text()
    for pola in (
        "In&nbsp;[",
        "In [",
        "Out[",
        "jp-InputPrompt",
        "jp-OutputPrompt",
        "mathjax",
        "require.js",
        "mermaid",
        "cdn.jsdelivr",
        "cdnjs",
    ):
        assert pola.lower() not in teks.lower(), pola
    # no code: neither the parameters nor the helper calls are visible
    assert "display(HTML" not in teks and "tahun: int" not in teks
    # our CSS is inlined
    assert ".pecahan" in soup.find("style").get_text()


def test_judul_bab_dan_id(soup: BeautifulSoup) -> None:
    bab = soup.select("h1.bab")
    assert [h.get_text(" ", strip=True) for h in bab] == [
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
    ]
    ids = [h["id"] for h in soup.find_all(["h1", "h2", "h3"])]
    assert all(ids) and len(ids) == len(set(ids))
    assert soup.find(id="bab-2").name == "h1"


def test_daftar_isi_tabel_gambar(soup: BeautifulSoup) -> None:
    main = soup.find("main")
    urutan = [
        (el.name, " ".join(el.get("class") or []))
        for el in main.find_all(["section", "h1"], recursive=True)
    ]
    posisi = {k: i for i, k in enumerate(urutan)}
    kp = posisi[("section", "kata-pengantar")]
    isi = posisi[("section", "daftar daftar-isi")]
    bab1 = next(i for i, k in enumerate(urutan) if k == ("h1", "bab"))
    assert (
        kp
        < isi
        < posisi[("section", "daftar daftar-tabel")]
        < posisi[("section", "daftar daftar-gambar")]
        < bab1
    )

    def tautan(id_: str) -> dict[str, str]:
        return {a.get_text(" ", strip=True): a["href"] for a in soup.find(id=id_).find_all("a")}

    isi_daftar = tautan("daftar-isi")
    assert isi_daftar["BAB I PENDAHULUAN"].startswith("#")
    assert isi_daftar["BAB II PERENCANAAN KINERJA"] == "#bab-2"
    assert "A. Latar Belakang" in isi_daftar and "KATA PENGANTAR" in isi_daftar
    assert not any("LAPORAN KINERJA" in k for k in isi_daftar), "the cover is not listed"
    for href in isi_daftar.values():
        assert soup.find(id=href[1:]) is not None, href
    assert tautan("daftar-tabel") == {
        "Tabel 1.1 Capaian Uji": "#tabel-capaian-uji",
        "Tabel 2.1 Temuan Pemeriksaan": "#tabel-temuan-uji",
    }
    assert tautan("daftar-gambar") == {"Gambar 1.1 Grafik Uji": "#gambar-1-1"}


def test_xlsx_dari_model_satu_sheet_per_tabel_dan_daftar(hasil: object) -> None:
    wb = load_workbook(hasil.tabel_xlsx)
    assert wb.sheetnames == ["Daftar Tabel", "Tabel 1.1", "Tabel 2.1"]
    daftar = [[c.value for c in r] for r in wb["Daftar Tabel"].iter_rows(max_row=3)]
    assert daftar[0][:4] == ["Nomor", "Judul", "Bab", "Sheet"]
    assert daftar[1][:5] == [
        "Tabel 1.1",
        "Capaian Uji",
        "Bab I Pendahuluan",
        "Tabel 1.1",
        "Catatan uji.",
    ]
    assert wb["Daftar Tabel"]["D2"].hyperlink.location == "'Tabel 1.1'!A1"
    for nama in ("Tabel 1.1", "Tabel 2.1"):  # the header's style, set once, on every sheet
        a1 = wb[nama]["A1"]
        assert a1.font.bold and a1.fill.fgColor.rgb == "00DFE6EE"
        assert a1.alignment.horizontal == "center" and a1.alignment.wrap_text
    ws = wb["Tabel 1.1"]
    baris = [[c.value for c in r] for r in ws.iter_rows(min_row=1, max_row=4)]
    # header in row 1, numbers as numbers at full precision (a percent as its percent number,
    # the unit of capaian_ikk.csv and the DataFrames, with a literal % in the format)
    assert baris[0] == ["No", "Indikator", "Target", "Realisasi"]
    assert baris[1] == ["1", "Persentase uji", 100, pytest.approx(99.2071)]
    assert ws["C2"].number_format == '#,##0"%"' and ws["D2"].number_format == '#,##0.00"%"'
    # printed on A4 landscape, one page wide, header row on every page
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"  # 9: A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0 and ws.print_title_rows == "$1:$1"
    assert baris[2][2] == pytest.approx(1234567.891) and ws["C3"].number_format == "#,##0.00"
    # a cell that would be a formula stays text
    assert ws["B3"].data_type == "s" and ws["B3"].value.startswith("=HYPERLINK")
    assert baris[3][0] == "Jumlah" and baris[3][2] == 2
    assert ws["C4"].number_format == '#,##0" Layanan"'
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:D4"
    df = pd.read_excel(hasil.tabel_xlsx, sheet_name="Tabel 1.1")
    assert list(df.columns) == ["No", "Indikator", "Target", "Realisasi"]
    assert df["Target"].tolist()[:2] == [100, pytest.approx(1234567.891)]


def test_pdf_halaman_dan_daftar_isi(hasil: object) -> None:
    reader = PdfReader(str(hasil.pdf))
    halaman = [p.extract_text() or "" for p in reader.pages]
    n = len(halaman)
    assert n >= 5  # cover, kata pengantar, three lists, two chapters (may share nothing)
    assert "Halaman" not in halaman[0], "the cover has no footer"
    assert f"Halaman 2 dari {n}" in halaman[1]
    isi = next(t for t in halaman if "DAFTAR ISI" in t)
    assert re.search(r"BAB I PENDAHULUAN\s*\.*\s*\d+", isi), isi
    assert "LKjIP 2023" in halaman[1], "running header"
    bab1 = next(i for i, t in enumerate(halaman) if "Bab ini berisi latar belakang" in t)
    bab2 = next(i for i, t in enumerate(halaman) if "Teks rencana" in t)
    assert bab2 > bab1 and "DAFTAR GAMBAR" not in halaman[bab1]
    assert "Grafik Uji" not in halaman[bab2], "each chapter starts on a new page"


def test_pemeriksaan_csv_dan_build_json(hasil: object, lingkungan: tuple[Path, Path]) -> None:
    data, _ = lingkungan
    temuan = json.loads(hasil.pemeriksaan.read_text(encoding="utf-8"))
    assert temuan["temuan"] == [PERINGATAN[0].to_dict()]
    assert temuan["ringkasan"] == {"error": 0, "peringatan": 1, "info": 0}
    assert hasil.masalah_teratas == ["Masalah uji"]
    df = pd.read_csv(hasil.capaian_csv)
    assert list(df.columns) == [
        "sasaran",
        "kode",
        "indikator",
        "satuan",
        "target",
        "realisasi",
        "capaian",
        "status",
    ]
    assert len(df) == 2
    rec = json.loads(hasil.build_json.read_text(encoding="utf-8"))
    assert rec["tool"] == "lkjip" and rec["version"]
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", rec["utc_time"])
    assert rec["parameters"]["satker"] == SATKER and rec["parameters"]["tahun"] == TAHUN
    assert rec["parameters"]["pdf"] is True
    assert set(rec["inputs_sha256"]) == {
        f"satker/{SATKER}/satker.yaml",
        f"satker/{SATKER}/{TAHUN}/kinerja.yaml",
        "katalog/uji.yaml",
    }, "every satker file and only the catalog it uses"
    berkas = data / "satker" / SATKER / "satker.yaml"
    assert (
        rec["inputs_sha256"][f"satker/{SATKER}/satker.yaml"]
        == hashlib.sha256(berkas.read_bytes()).hexdigest()
    )
    assert rec["catalog"] == "katalog/uji.yaml"
    assert set(rec["notebooks_sha256"]) == {
        "01_pembuka.ipynb",
        "02_bab_satu.ipynb",
        "03_bab_dua.ipynb",
    }
    for langkah in ("pemeriksaan", "eksekusi", "html", "pdf", "berkas_pendukung", "total"):
        assert rec["durations_s"][langkah] >= 0
    assert rec["findings"] == {"error": 0, "peringatan": 1, "info": 0}
    assert rec["environment"]["python"].startswith("3.")
    assert "papermill" in rec["environment"]["packages"]
    assert "laporan.pdf" in rec["outputs"] and "build.json" in rec["outputs"]


# --------------------------------------------------------------------------- failures


def _folder_gagal(tmp: Path) -> Path:
    folder = tmp / "nb"
    shutil.copytree(FIXTURE_NB, folder)
    nb = new_notebook(
        cells=[
            new_code_cell(
                "satker = 'x'\ntahun = 2023\ndata_dir = 'data'", metadata={"tags": ["parameters"]}
            ),
            new_code_cell("x = 1"),
            new_code_cell("hasil = 1 / 0"),
        ]
    )
    nbformat.write(nb, folder / "04_gagal.ipynb")
    nb = new_notebook(cells=[new_code_cell("import warnings\nwarnings.warn('data aneh')")])
    nbformat.write(nb, folder / "05_peringatan.ipynb")
    return folder


def test_gagal_tidak_menyentuh_keluaran_lama(
    hasil: object, lingkungan: tuple[Path, Path], tmp_path: Path
) -> None:
    data, out = lingkungan
    folder = out / SATKER / str(TAHUN)
    sebelum = _sidik_pohon(folder)
    with pytest.raises(BuildError) as info:
        build(
            SATKER,
            TAHUN,
            data,
            out,
            notebooks_dir=_folder_gagal(tmp_path),
            pdf=False,
            progress=False,
        )
    pesan = str(info.value)
    assert "04_gagal.ipynb" in pesan and "sel ke-3" in pesan
    assert "ZeroDivisionError" in pesan
    assert "05_peringatan.ipynb" in pesan and "stderr" in pesan, "all failures are collected"
    gagal = out / SATKER / f"gagal-{TAHUN}"
    assert str(gagal) in pesan
    assert _sidik_pohon(folder) == sebelum, "the previous good output is untouched"
    assert sorted(p.name for p in (out / SATKER).iterdir()) == [str(TAHUN), f"gagal-{TAHUN}"]
    assert (gagal / "04_gagal.ipynb").is_file() and (gagal / "05_peringatan.ipynb").is_file()
    tb = (gagal / "traceback.txt").read_text(encoding="utf-8")
    assert "ZeroDivisionError" in tb and "data aneh" in tb
    assert "\x1b[" not in tb


def test_peringatan_saat_impor_tidak_tersembunyi(
    lingkungan: tuple[Path, Path], tmp_path: Path
) -> None:
    """The kernel warm-up imports the chapters' modules early; their warnings still fail."""
    data, _ = lingkungan
    folder = tmp_path / "nb"
    folder.mkdir()
    (folder / "modul_berisik.py").write_text(
        "import warnings\nwarnings.warn('modul ini usang')\nNILAI = 1\n", encoding="utf-8"
    )
    nb = new_notebook(
        cells=[
            new_code_cell("satker = 'x'", metadata={"tags": ["parameters"]}),
            new_code_cell("from modul_berisik import NILAI\nprint(NILAI)"),
        ]
    )
    nbformat.write(nb, folder / "01_impor.ipynb")
    with pytest.raises(BuildError, match="modul ini usang") as info:
        build(
            SATKER, TAHUN, data, tmp_path / "out", notebooks_dir=folder, pdf=False, progress=False
        )
    assert "01_impor.ipynb" in str(info.value)


def test_galat_pemeriksaan_menghentikan_build(tmp_path: Path) -> None:
    data = _data_contoh(tmp_path)
    out = tmp_path / "outputs"
    with pytest.MonkeyPatch.context() as mp:
        _pasang_stub(mp, PERINGATAN + GALAT)
        with pytest.raises(BuildError) as info:
            build(SATKER, TAHUN, data, out, notebooks_dir=FIXTURE_NB, progress=False)
        assert "PK-KATALOG" in str(info.value) and "--abaikan-pemeriksaan" in str(info.value)
        assert info.value.temuan[-1].kode == "PK-KATALOG"
        assert not out.exists(), "nothing is written when the checks stop the build"

        satu = tmp_path / "satu"
        satu.mkdir()
        shutil.copy(FIXTURE_NB / "01_pembuka.ipynb", satu)
        hasil = build(
            SATKER,
            TAHUN,
            data,
            out,
            notebooks_dir=satu,
            pdf=False,
            abaikan_pemeriksaan=True,
            progress=False,
        )
    assert hasil.pdf is None and not (hasil.folder / "laporan.pdf").exists()
    assert hasil.temuan["error"] == 1
    rec = json.loads(hasil.build_json.read_text(encoding="utf-8"))
    assert rec["parameters"]["abaikan_pemeriksaan"] is True
    assert rec["findings"]["error"] == 1
    # no chapter headings, no tables: the lists say so instead of being empty
    soup = BeautifulSoup(hasil.html.read_text(encoding="utf-8"), "html.parser")
    assert "Tidak ada tabel." in soup.find(id="daftar-tabel").get_text()


@pytest.mark.parametrize("satker,tahun", [("../etc", 2023), ("Lapas", 2023), ("x", 23)])
def test_parameter_tidak_sah(satker: str, tahun: int, tmp_path: Path) -> None:
    with pytest.raises(ParameterError):
        build(satker, tahun, tmp_path, tmp_path / "out", notebooks_dir=FIXTURE_NB, progress=False)
    assert not (tmp_path / "out").exists()


def test_tanpa_notebook(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="tidak ada notebook bab"):
        build(
            SATKER, TAHUN, tmp_path / "data", tmp_path / "out", notebooks_dir=tmp_path,
            progress=False,
        )  # fmt: skip


# --------------------------------------------------------------------------- units


def test_daftar_bab_urut_dan_lewati_garis_bawah() -> None:
    assert [p.name for p in daftar_bab(FIXTURE_NB)] == [
        "01_pembuka.ipynb",
        "02_bab_satu.ipynb",
        "03_bab_dua.ipynb",
    ]


def test_pindah_atomik_mengganti_folder_lama(tmp_path: Path) -> None:
    final, baru = tmp_path / "2023", tmp_path / ".2023.tmp-x"
    final.mkdir()
    (final / "lama.txt").write_text("lama")
    baru.mkdir()
    (baru / "baru.txt").write_text("baru")
    _pindahkan_atomik(baru, final)
    assert [p.name for p in tmp_path.iterdir()] == ["2023"]
    assert [p.name for p in final.iterdir()] == ["baru.txt"]


def test_sisa_build_yang_terbunuh_dibereskan(tmp_path: Path) -> None:
    cadangan = tmp_path / ".2023.lama-ab12"
    cadangan.mkdir()
    (cadangan / "laporan.html").write_text("lama")
    tmp_lama, tmp_baru = tmp_path / ".2023.tmp-1", tmp_path / ".2023.tmp-2"
    tmp_lama.mkdir()
    tmp_baru.mkdir()
    os.utime(tmp_lama, (0, 0))
    _bereskan_sisa(tmp_path, 2023)
    assert (tmp_path / "2023" / "laporan.html").read_text() == "lama", "backup restored"
    assert not tmp_lama.exists() and tmp_baru.exists(), "only old temporary folders go"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread priority: Linux")
def test_utas_latar_berprioritas_rendah_utas_utama_tidak() -> None:
    """A build's worker threads run at nice 10 (their work yields to the kernel and the
    chart-drawing child); the thread that started them keeps its priority."""
    import os
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from lkjip_helpers.bangun.susun import _prioritas_latar

    def nice_utas() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    awal = nice_utas()
    with ThreadPoolExecutor(1, initializer=_prioritas_latar) as pelaksana:
        assert pelaksana.submit(nice_utas).result() >= 10
    assert nice_utas() == awal
