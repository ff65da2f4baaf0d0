"""Roll-up (rekap) figures, its notebook and document, and outputs/index.html."""

from __future__ import annotations

import ast
import json
import os
import re
import time
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from bantu_batch import ROOT, salin_data
from bs4 import BeautifulSoup

from lkjip_helpers.bangun.indeks import kumpulkan, render_indeks, tulis_indeks
from lkjip_helpers.bangun.rekap import (
    hitung_temuan,
    ikk_sering_tidak_tercapai,
    matriks_capaian,
    muat_anggota,
    muat_periode,
    ringkasan,
)
from lkjip_helpers.bangun.rekap_bagian import Rekap
from lkjip_helpers.bangun.rekap_dokumen import (
    kunci_rekap,
    notebook_rekap,
    rekap_tersimpan,
    render_rekap,
)
from lkjip_helpers.errors import DataError


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample, and lapas-kedua: the same data but SK3.1's target raised from 85 to 125."""
    root = tmp_path_factory.mktemp("rekap")
    d = salin_data(root, ["lapas-kedua"])
    kinerja = d / "satker" / "lapas-kedua" / "2023" / "kinerja.yaml"
    teks = kinerja.read_text(encoding="utf-8")
    kinerja.write_text(
        teks.replace("- kode: SK3.1\n    target: 85", "- kode: SK3.1\n    target: 125", 1),
        encoding="utf-8",
    )
    return d


def test_hitung_temuan_dijawab_dan_terbuka() -> None:
    temuan = [
        SimpleNamespace(tingkat="error", id="A-000001"),
        SimpleNamespace(tingkat="peringatan", id="B-000002"),
        SimpleNamespace(tingkat="peringatan", id="B-000003"),
        SimpleNamespace(tingkat="info", id="C-000004"),
        SimpleNamespace(tingkat="peringatan"),  # a finding without an id cannot be answered
    ]
    # answered: A (error) and B-000002; an answer to the info finding C needs none
    n = hitung_temuan(temuan, {"A-000001", "B-000002", "C-000004", "X-999999"})
    assert n == {"error": 1, "peringatan": 3, "info": 1, "dijawab": 2, "terbuka": 2}
    # B-000003 is grouped under problem M-00000a, which is answered as a whole
    n = hitung_temuan(temuan, {"A-000001", "M-00000a"}, {"B-000003": "M-00000a"})
    assert (n["dijawab"], n["terbuka"]) == (2, 2)


def test_ringkasan_sampel(data: Path) -> None:
    a = muat_anggota("lapas-banyuasin", 2023, "tahunan", data)
    r = ringkasan(a)
    assert r["nama"] == "Lapas Kelas IIA Banyuasin"
    # 26 IKK in the PK; only SK2.6 misses (40 / 977 = 4,094 % against a 31 % target → 13,21);
    # SK1.1 and SK1.2 count 1435 fed / served of 1177 inmates: "Perlu verifikasi", not met
    assert (r["jumlah_ikk"], r["ikk_tercapai"], r["ikk_tidak_tercapai"]) == ("26", "23", "1")
    assert r["ikk_perlu_verifikasi"] == "2"
    # pagu and realisasi as the seed states them; 16.335.496.464 / 16.466.041.000 = 99,2072 %
    assert (r["pagu"], r["realisasi"], r["penyerapan_persen"]) == (
        "16466041000",
        "16335496464",
        "99.21",
    )
    # occupancy: 1117 inmates for 485 places = 230,309 %
    assert (r["kapasitas"], r["penghuni"], r["okupansi_persen"]) == ("485", "1117", "230.31")
    # the official values stand: SMART-DJA 91,24 and IKPA 98,66 as the applications published
    # them; combined 0,6 × 91,24 + 0,4 × 98,66 = 54,744 + 39,464 = 94,208 → 94,21
    assert (r["nilai_smart"], r["nilai_ikpa"], r["nilai_kinerja_anggaran"]) == (
        "91.24",
        "98.66",
        "94.21",
    )
    jumlah = int(r["temuan_error"]) + int(r["temuan_peringatan"])
    assert int(r["temuan_dijawab"]) + int(r["temuan_terbuka"]) == jumlah
    assert sum(int(r[f"temuan_{k}"]) for k in ("error", "peringatan", "info")) == len(a.temuan)


def test_ikk_sering_tidak_tercapai_dan_matriks(data: Path) -> None:
    anggota = [muat_anggota(s, 2023, "tahunan", data) for s in ("lapas-banyuasin", "lapas-kedua")]
    sering = ikk_sering_tidak_tercapai(anggota)
    # SK2.6 is missed by both; SK3.1 only by lapas-kedua: 2 of 2 complaints = 100 % against
    # 125 → 80,00 (against the sample's 85 → 117,65)
    assert [(b.kode, len(b.tidak_tercapai), b.dinilai) for b in sering] == [
        ("SK2.6", 2, 2),
        ("SK3.1", 1, 2),
    ]
    assert sering[1].tidak_tercapai == ["Lapas Kelas IIA Banyuasin"]  # nama_singkat of the copy
    assert sering[1].terendah == Decimal("80")
    assert round(sering[0].terendah, 2) == Decimal("13.21")
    df = matriks_capaian(anggota)
    assert df.shape == (26, 2) and list(df.columns) == ["lapas-banyuasin", "lapas-kedua"]
    assert round(df.at["SK1.1", "lapas-banyuasin"], 2) == Decimal("152.40")  # 121,92 / 80
    assert df.attrs["indikator"]["SK2.6"].startswith("Persentase narapidana yang memperoleh")


def test_periode_lain_dimuat_dari_foldernya(data: Path) -> None:
    # the loader knows periods: a semester is read from its own folder (absent here)
    with pytest.raises(DataError, match="data Semester I 2023 belum ada"):
        muat_periode("lapas-banyuasin", 2023, "semester-1", data)


def test_bagian_rekap(data: Path) -> None:
    gagal = [{"satker": "lapas-rusak", "bab": "04_bab3.ipynb", "pesan": "ValueError: x\nrinci"}]
    rk = Rekap(["lapas-banyuasin", "lapas-kedua", "tidak-ada"], 2023, data_dir=data, gagal=gagal)
    assert [a.satker for a in rk.anggota] == ["lapas-banyuasin", "lapas-kedua"]
    assert "REKAP LAPORAN KINERJA" in rk.sampul() and "2 satker; 2 entri gagal" in rk.sampul()
    tabel = BeautifulSoup(rk.capaian_ikk().html(), "html.parser")
    kepala = [th.get_text() for th in tabel.find_all("th")]
    assert kepala == ["Kode", "Indikator", "Lapas Kelas IIA Banyuasin", "Lapas Kelas IIA Banyuasin"]
    # SK1.1 needs verification in both (1435 fed of 1177 inmates): marked, not counted as met
    sk11 = tabel.find("td", string="SK1.1").find_parent("tr")
    assert [td.get_text() for td in sk11.find_all("td")][2:] == ["152,40%*", "152,40%*"]
    sk31 = tabel.find("td", string="SK3.1").find_parent("tr")
    assert [td.get_text() for td in sk31.find_all("td")][2:] == ["117,65%", "80,00%"]
    assert "tidak-tercapai" in sk31.find_all("td")[3]["class"]
    assert 'src="data:image/png;base64,' in rk.peta_capaian()
    assert (
        "SK2.6" in rk.ikk_sering_tidak_tercapai() and "2 dari 2" in rk.ikk_sering_tidak_tercapai()
    )
    assert "99,21%" in rk.anggaran() and "Rp16.466.041.000" in rk.anggaran()
    assert "230,31%" in rk.hunian()
    gagal_html = rk.gagal()
    assert (
        "lapas-rusak" in gagal_html and "ValueError: x" in gagal_html and "rinci" not in gagal_html
    )
    assert "tidak-ada" in gagal_html and "tidak ditemukan" in gagal_html, "never dropped"


def test_notebook_rekap_tipis_dan_berparameter() -> None:
    path = notebook_rekap()
    assert path == ROOT / "notebooks" / "rekap" / "rekap.ipynb"
    nb = nbformat.read(path, as_version=4)
    kode = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in kode[0].metadata.get("tags", [])
    nama = set()
    for stmt in ast.parse(kode[0].source).body:
        assert isinstance(stmt, ast.AnnAssign), "typed parameters"
        ast.literal_eval(stmt.value)  # literal defaults only
        nama.add(stmt.target.id)  # type: ignore[union-attr]
    assert {"satker", "tahun", "periode", "data_dir", "gagal"} <= nama
    for c in kode:
        assert c.outputs == [] and c.execution_count is None
        if c is not kode[0]:
            body = ast.parse(c.source).body
            assert len([s for s in body if not isinstance(s, ast.Import | ast.ImportFrom)]) <= 1


@pytest.mark.e2e
def test_dokumen_rekap_html_dan_pdf(data: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    tujuan = tmp_path / "rekap" / "uji" / "2023"
    gagal = [{"satker": "lapas-rusak", "bab": "04_bab3.ipynb", "pesan": "ValueError: x", "log": ""}]
    kunci = kunci_rekap({"satker": ["lapas-banyuasin", "lapas-kedua"]}, {}, True)
    render_rekap(
        tujuan,
        satker=["lapas-banyuasin", "lapas-kedua"],
        tahun=2023,
        periode="tahunan",
        data_dir=data,
        gagal=gagal,
        pdf=True,
        kunci=kunci,
    )
    html = (tujuan / "rekap.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "link", "iframe"])
    assert "Daftar Isi".upper() in html and "Tabel 1.1 Capaian IKK per Satker" in html
    assert "Gambar 1.1 Peta Capaian IKK Lintas Satker" in html
    assert "lapas-rusak" in html and "IKK yang Paling Sering Tidak Tercapai" in html
    nb = nbformat.read(tujuan / "notebooks" / "rekap.ipynb", as_version=4)
    sisip = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert 'data_dir = "../' in sisip.source, "relative to the notebook's folder"
    halaman = [p.extract_text() or "" for p in PdfReader(str(tujuan / "rekap.pdf")).pages]
    assert len(halaman) >= 3 and "REKAP LAPORAN KINERJA" in halaman[0]
    assert rekap_tersimpan(tujuan, kunci) and not rekap_tersimpan(tujuan, "lain")
    from openpyxl import load_workbook

    wb = load_workbook(tujuan / "rekap.xlsx")
    assert "Tabel 1.1" in wb.sheetnames and "Tabel 3.1" in wb.sheetnames
    ws = wb["Tabel 3.1"]  # budget per satker: numbers stored as numbers
    assert ws["A1"].value == "Satker" and ws["B2"].value == 16466041000
    assert not [p for p in tujuan.parent.iterdir() if p.name.startswith(".")]


# --------------------------------------------------------------------------- index


def _laporan_palsu(out: Path, satker: str, kunci: str, status: list[str], waktu: str) -> Path:
    folder = out / satker / kunci
    (folder / "notebooks").mkdir(parents=True)
    for nama in ("laporan.html", "laporan.pdf", "tinjauan.html"):
        (folder / nama).write_text("x", encoding="utf-8")
    (folder / "notebooks" / "01_bab.ipynb").write_text("{}", encoding="utf-8")
    baris = "".join(f"S{i},K{i},{s}\n" for i, s in enumerate(status))
    (folder / "capaian_ikk.csv").write_text("sasaran,kode,status\n" + baris, encoding="utf-8")
    (folder / "build.json").write_text(
        json.dumps(
            {
                "utc_time": waktu,
                "satker_name": f"Lapas {satker}",
                "findings": {"error": 0, "peringatan": 3, "info": 1},
            }
        ),
        encoding="utf-8",
    )
    return folder


def test_indeks_isi_dan_status(tmp_path: Path) -> None:
    out = tmp_path / "outputs"
    _laporan_palsu(
        out,
        "lapas-a",
        "2023",
        ["Tercapai", "Tercapai", "Tidak tercapai", "Perlu verifikasi"],
        "2024-01-02T00:00:00+00:00",
    )
    _laporan_palsu(out, "lapas-a", "2023-semester-1", ["Tercapai"], "2024-01-02T00:00:00+00:00")
    b = _laporan_palsu(out, "lapas-b", "2023", ["Tercapai"], "2024-01-01T00:00:00+00:00")
    (b / "tinjauan.html").unlink()
    gagal = out / "lapas-b" / "gagal-2023"  # a later failed build left the old report
    gagal.mkdir()
    (gagal / "traceback.txt").write_text("ZeroDivisionError", encoding="utf-8")
    rekap = out / "rekap" / "kanwil"
    (rekap / "2023").mkdir(parents=True)
    (rekap / "2023" / "rekap.html").write_text("x", encoding="utf-8")
    (rekap / "rekap.csv").write_text("satker\n", encoding="utf-8")
    log = rekap / "log" / "lapas-c-2023.txt"
    log.parent.mkdir()
    log.write_text("rusak", encoding="utf-8")
    (rekap / "batch.json").write_text(
        json.dumps(
            {
                "waktu_utc": "2024-01-03T00:00:00+00:00",
                "jumlah": 4,
                "jumlah_gagal": 1,
                "hasil": [
                    {
                        "satker": "lapas-c",
                        "kunci": "2023",
                        "status": "gagal",
                        "out_dir": str(out),
                        "pesan": "kinerja.yaml, baris 4: YAML tidak sah\nrinci",
                        "log": str(log),
                        "waktu_utc": "2024-01-03T00:00:00+00:00",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    baris = {(x.satker, x.kunci): x for x in kumpulkan(out)}
    assert list(baris) == [
        ("lapas-a", "2023"),
        ("lapas-a", "2023-semester-1"),
        ("lapas-b", "2023"),
        ("lapas-c", "2023"),
    ]
    a = baris[("lapas-a", "2023")]
    assert (a.status, a.ikk, a.tercapai, a.tidak_tercapai, a.perlu_verifikasi) == (
        "berhasil",
        4,
        2,
        1,
        1,
    )
    assert a.label_periode == "Tahunan 2023"
    assert baris[("lapas-a", "2023-semester-1")].label_periode == "Semester I 2023"
    assert baris[("lapas-b", "2023")].status == "gagal; laporan sebelumnya tetap"
    assert baris[("lapas-b", "2023")].log == "lapas-b/gagal-2023/traceback.txt"
    c = baris[("lapas-c", "2023")]
    assert c.status == "gagal" and c.log == "rekap/kanwil/log/lapas-c-2023.txt" and not c.tautan

    path = tulis_indeks(out)
    html = path.read_text(encoding="utf-8")
    assert html == render_indeks(out).replace(
        re.search(r"diperbarui [^ ]+", render_indeks(out)).group(0),  # type: ignore[union-attr]
        re.search(r"diperbarui [^ ]+", html).group(0),  # type: ignore[union-attr]
    )
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "link", "img", "iframe"]), "self-contained, no scripts"
    for a_ in soup.find_all("a"):
        href = a_["href"]
        assert not re.match(r"[a-z]+:|/", href), href
        assert (out / href).exists(), href
    teks = soup.get_text(" ")
    assert "2 dari 4 IKK tercapai; 1 tidak tercapai; 1 perlu verifikasi" in teks
    assert "0 error, 3 peringatan, 1 info" in teks
    assert "kinerja.yaml, baris 4: YAML tidak sah" in teks and "rinci" not in teks
    hrefs = {a_["href"] for a_ in soup.find_all("a")}
    assert {
        "lapas-a/2023/laporan.html",
        "lapas-a/2023/laporan.pdf",
        "lapas-a/2023/tinjauan.html",
        "lapas-a/2023/notebooks/01_bab.ipynb",
        "rekap/kanwil/2023/rekap.html",
        "rekap/kanwil/rekap.csv",
    } <= hrefs
    assert "lapas-b/2023/tinjauan.html" not in hrefs

    # a later successful build of lapas-b clears its failed status
    time.sleep(0.01)
    os.utime(gagal, (0, 0))
    assert kumpulkan(out)[2].status == "berhasil"
