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
    kunci_rekap,
    notebook_rekap,
    rekap_tersimpan,
    render_rekap,
)
from lkjip_helpers.errors import DataError
from lkjip_helpers.hitung.capaian import TIDAK_TERCAPAI
from lkjip_helpers.laporan.rekap.angka import (
    KELAS_STATUS,
    PERLU_VERIFIKASI,
    TERCAPAI,
    hitung_temuan,
    ikk_sering_tidak_tercapai,
    matriks_capaian,
    muat_anggota,
    muat_periode,
    rekam_anggota,
    ringkasan,
)
from lkjip_helpers.laporan.rekap.bagian import AsalAnggota, Rekap


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
    # the five classes add up to the IKK count: 23 + 1 + 2 + 0 + 0 = 26
    assert (r["ikk_tidak_dapat_dinilai"], r["ikk_tidak_berlaku"]) == ("0", "0")
    assert r["kanwil"] == "Kantor Wilayah Kementerian Hukum dan HAM Sumatera Selatan"
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
    assert sum(int(r[f"temuan_{k}"]) for k in ("error", "peringatan", "info")) == len(a.temuan)
    # problems counted as the review memo counts them (its "Belum ditanggapi 40"), not findings:
    # 36 before the narratives' status claims (SK1.1, SK1.2) and the two programs whose PK
    # budget differs from their sasaran's sum (+4)
    assert r["masalah_belum_ditanggapi"] == "40"
    jumlah = int(r["masalah_error"]) + int(r["masalah_peringatan"])
    assert int(r["masalah_ditanggapi"]) + int(r["masalah_belum_ditanggapi"]) == jumlah


def test_ikk_sering_tidak_tercapai_dan_matriks(data: Path) -> None:
    anggota = [
        rekam_anggota(muat_anggota(s, 2023, "tahunan", data))
        for s in ("lapas-banyuasin", "lapas-kedua")
    ]
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
    rk = Rekap(
        ["lapas-banyuasin", "lapas-kedua", "tidak-ada"], 2023, asal=AsalAnggota(data), gagal=gagal
    )
    assert [a.satker for a in rk.anggota] == ["lapas-banyuasin", "lapas-kedua"]
    halaman1 = BeautifulSoup(rk.ringkasan().html(), "html.parser")
    assert "2 satker; 2 entri gagal" in halaman1.get_text()
    kepala = [th.get_text() for th in halaman1.find_all("th")]
    assert kepala[:7] == [
        "Satker",
        "IKK",
        "Tercapai",
        "Tidak tercapai",
        "Perlu verifikasi",
        "Tidak dapat dinilai",
        "Tidak berlaku",
    ]
    sel = [[td.get_text() for td in tr.find_all("td")] for tr in halaman1.find_all("tr")[1:]]
    # the sample: 23 met, 1 missed (SK2.6), 2 to verify (SK1.1, SK1.2); the copy with SK3.1's
    # target raised to 125 also misses SK3.1; the Jumlah row adds the counts up
    assert sel[0][1:7] == ["26", "23", "1", "2", "0", "0"]
    assert sel[1][1:7] == ["26", "22", "2", "2", "0", "0"]
    assert sel[2][:7] == ["Jumlah", "52", "45", "3", "4", "0", "0"]
    assert "Ringkasan per satker — Kantor Wilayah Kementerian Hukum dan HAM Sumatera" in (
        halaman1.get_text()
    ), "one Kanwil: named in the caption"
    # 40 open problems: see test_ringkasan_sampel
    assert sel[0][8:12] == ["99,21%", "91,24", "98,66", "40"]
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
    assert "DAFTAR ISI" not in html, "page 1 is the summary, no front matter"
    assert "Tabel 1.1 Ringkasan per satker" in html and "Tabel 5.1 Capaian IKK per Satker" in html
    assert "Gambar 2.1 Peta Capaian IKK per Satker" in html
    assert "lapas-rusak" in html and "IKK yang Paling Sering Tidak Tercapai" in html
    nb = nbformat.read(tujuan / "notebooks" / "rekap.ipynb", as_version=4)
    sisip = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert 'data_dir = "../' in sisip.source, "relative to the notebook's folder"
    halaman = [p.extract_text() or "" for p in PdfReader(str(tujuan / "rekap.pdf")).pages]
    assert "Ringkasan per satker" in halaman[0] and "Peta Capaian" in halaman[0]
    assert len(halaman) <= 4, "two satkers: a compact roll-up (it was 11 pages)"
    assert rekap_tersimpan(tujuan, kunci) and not rekap_tersimpan(tujuan, "lain")
    from openpyxl import load_workbook

    wb = load_workbook(tujuan / "rekap.xlsx")
    assert "Tabel 1.1" in wb.sheetnames and "Tabel 5.2" in wb.sheetnames
    ws = wb["Tabel 5.2"]  # budget per satker: numbers stored as numbers
    assert ws["A1"].value == "Satker" and ws["B2"].value == 16466041000
    assert not [p for p in tujuan.parent.iterdir() if p.name.startswith(".")]
    # no absolute path in the executed notebook (papermill's paths relative, as the chapters')
    pm = nb.metadata["papermill"]
    assert pm["input_path"] == "notebooks/rekap/rekap.ipynb"
    assert pm["output_path"] == "rekap/uji/2023/notebooks/rekap.ipynb"
    teks = (tujuan / "notebooks" / "rekap.ipynb").read_text(encoding="utf-8")
    assert str(tmp_path) not in teks and str(Path(__file__).parents[1]) not in teks


@pytest.mark.e2e
def test_rekap_tanpa_pdf_menyimpan_pdf_lama_sebagai_usang(data: Path, tmp_path: Path) -> None:
    """Issue 16: an HTML-only roll-up (batch --tanpa-pdf) keeps the rekap.pdf of an earlier
    run, byte for byte, recorded as stale in rekap.json and marked "usang" in the index."""
    tujuan = tmp_path / "outputs" / "rekap" / "uji" / "2023"
    tujuan.mkdir(parents=True)
    lama = b"%PDF-1.7 rekap dari build sebelumnya"
    (tujuan / "rekap.pdf").write_bytes(lama)
    render_rekap(tujuan, satker=["lapas-banyuasin"], tahun=2023, periode="tahunan",
                 data_dir=data, pdf=False, kunci="k")  # fmt: skip
    assert (tujuan / "rekap.pdf").read_bytes() == lama
    rekam = json.loads((tujuan / "rekap.json").read_text(encoding="utf-8"))
    assert rekam["pdf_stale"] == ["rekap.pdf"] and "rekap.pdf" in rekam["outputs"]
    assert rekap_tersimpan(tujuan, "k"), "the kept PDF does not make the next run render again"
    soup = BeautifulSoup(render_indeks(tmp_path / "outputs"), "html.parser")
    (a,) = soup.find_all("a", href="rekap/uji/2023/rekap.pdf")
    assert "usang" in a.get_text()


def test_rekap_tanpa_satker_satu_baris(data: Path) -> None:
    gagal = [{"satker": "lapas-rusak", "periode": "2023", "pesan": "galat"}]
    rk = Rekap([], 2023, asal=AsalAnggota(data), gagal=gagal)
    teks = BeautifulSoup(rk.ringkasan().html(), "html.parser").get_text(" ")
    assert "Tidak ada satker yang laporannya berhasil dibangun untuk periode ini" in teks
    assert "tercapai" not in rk.ikk_sering_tidak_tercapai().html().lower()
    assert not rk.peta_capaian().html().strip() or "img" not in rk.peta_capaian().html()
    assert "lapas-rusak" in rk.gagal()


def test_rekap_per_kanwil() -> None:
    satker = ["lapas-banyuasin", "rutan-tanjung-kemuning"]
    rk = Rekap(satker, 2023, asal=AsalAnggota(ROOT / "data"), kanwil="kalimantan  barat")
    assert [a.satker for a in rk.anggota] == ["rutan-tanjung-kemuning"]
    semua = Rekap(satker, 2023, asal=AsalAnggota(ROOT / "data"))
    kanwil = [
        "Kantor Wilayah Kementerian Hukum dan HAM Sumatera Selatan",
        "Kantor Wilayah Kementerian Hukum dan HAM Kalimantan Barat",
    ]
    assert [k for k, _ in semua.kelompok_kanwil()] == kanwil
    # one summary table, a row naming each Kanwil above its satkers, then the grand total
    tabel = BeautifulSoup(semua.ringkasan().html(), "html.parser")
    baris = [[td.get_text() for td in tr.find_all("td")] for tr in tabel.find_all("tr")[1:]]
    assert [b[0] for b in baris] == [
        kanwil[0],
        "Lapas Kelas IIA Banyuasin",
        kanwil[1],
        "Rutan Kelas IIB Tanjung Kemuning",
        "Jumlah semua",
    ]
    assert baris[-1][1:7] == ["52", "42", "7", "2", "0", "1"]
    # rutan-tanjung-kemuning: 19 met, 6 missed, SK1.5 not applicable (0 of 0): 19+6+1 = 26
    rutan = semua.anggota[1]
    assert [rutan.jumlah(k) for k in KELAS_STATUS] == [19, 6, 0, 0, 1]


def test_peta_panas_kategorik_putus_di_target() -> None:
    """A missed 94 % is red and a met 100 % green, whatever their distance: classes, not a
    continuous scale; a "perlu verifikasi" cell is neither."""
    import base64
    import io

    import numpy as np
    from matplotlib.image import imread

    from lkjip_helpers.laporan.rekap.bagian import WARNA_KELAS, peta_panas_png

    png = peta_panas_png(
        ["A"],
        ["K1", "K2", "K3"],
        [[TIDAK_TERCAPAI, TERCAPAI, PERLU_VERIFIKASI]],
        [[Decimal("94"), Decimal("100"), Decimal("152")]],
    )
    rgb = (imread(io.BytesIO(base64.b64decode(png)))[..., :3] * 255).round().astype(int)

    def ada(warna: str) -> int:
        r, g, b = (int(warna[i : i + 2], 16) for i in (1, 3, 5))
        return int(np.all(rgb == (r, g, b), axis=-1).sum())

    assert ada(WARNA_KELAS[TIDAK_TERCAPAI]) > 200 and ada(WARNA_KELAS[TERCAPAI]) > 200
    assert ada(WARNA_KELAS[PERLU_VERIFIKASI]) > 200
    assert len(set(WARNA_KELAS.values())) == len(WARNA_KELAS)


def test_angka_peta_tidak_melewati_target_karena_pembulatan() -> None:
    from lkjip_helpers.laporan.rekap.bagian import _angka_peta

    assert _angka_peta(Decimal("94"), TIDAK_TERCAPAI) == "94"
    # 99,6 missed is not printed "100" (half-up to a whole percent would say met)
    assert _angka_peta(Decimal("99.6"), TIDAK_TERCAPAI) == "99,6"
    assert _angka_peta(Decimal("99.96"), TIDAK_TERCAPAI) == "99,96"
    assert _angka_peta(Decimal("100"), TERCAPAI) == "100"
    # SK1.1 of the sample: 121,92 / 80 = 152,4 %, needs verification
    assert _angka_peta(Decimal("152.4"), PERLU_VERIFIKASI) == "152*"


def test_rekam_satker_json_pulang_pergi(data: Path) -> None:
    """The batch hands the roll-up JSON records; read back they give the same figures."""
    from lkjip_helpers.laporan.rekap.angka import RekamSatker

    r = rekam_anggota(muat_anggota("lapas-banyuasin", 2023, "tahunan", data))
    balik = RekamSatker.dari_json(json.loads(json.dumps(r.ke_json())))
    assert balik == r
    assert [balik.jumlah(k) for k in KELAS_STATUS] == [23, 1, 2, 0, 0]
    assert round(balik.ikk[0].capaian, 2) == Decimal("152.40")  # SK1.1: 121,92 / 80


@pytest.mark.e2e
def test_bench_rekap_berjalan(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_rekap", ROOT / "benchmarks" / "bench_rekap.py"
    )
    assert spec and spec.loader
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    assert modul.main(["--jumlah", "40", "--kanwil", "3", "--tanpa-pdf"]) == 0
    assert "rekap 40 satker / 3 Kanwil:" in capsys.readouterr().out


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
