"""lkjip batch: incremental, continue-on-error, whole-manifest rekap.csv, plain progress lines,
Ctrl-C, the Dask executor. Builds run on the tiny fixture chapters (HTML only) over copies of
the sample data, so each takes about a second.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bantu_batch import ROOT, folder_notebook, salin_data, sisa_sementara

from lkjip_helpers.bangun.batch import baris_hasil, jalankan
from lkjip_helpers.bangun.manifest import rencana_manifest
from lkjip_helpers.cli import main

RUSAK = 'if satker == "lapas-rusak":\n    raise ValueError("data lapas-rusak tidak lengkap")'


def _manifest(root: Path, nb: Path, entri: str, nama: str = "kanwil.yaml") -> Path:
    (root / "params").mkdir(exist_ok=True)
    p = root / "params" / nama
    p.write_text(
        f"bawaan:\n  data_dir: ../data\n  notebooks_dir: {nb}\n  pdf: false\nlaporan:\n{entri}",
        encoding="utf-8",
    )
    return p


def _rekap_csv(root: Path, nama: str = "kanwil") -> list[dict[str, str]]:
    with (root / "outputs" / "rekap" / nama / "rekap.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def kanwil(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four satkers; lapas-rusak fails in a chapter of its own, lapas-yaml has a broken file."""
    root = tmp_path_factory.mktemp("kanwil")
    data = salin_data(root, ["lapas-banyuasin", "lapas-kedua", "lapas-rusak", "lapas-yaml"])
    (data / "satker" / "lapas-yaml" / "2023" / "kinerja.yaml").write_text(
        "indikator:\n  - kode: SK1.1\n    target: [80\n", encoding="utf-8"
    )
    nb = folder_notebook(root, {"04_cek.ipynb": RUSAK})
    _manifest(
        root,
        nb,
        "  - {satker: lapas-banyuasin, tahun: 2023}\n"
        "  - {satker: lapas-rusak, tahun: 2023}\n"
        "  - {satker: lapas-kedua, tahun: 2023}\n"
        "  - {satker: lapas-yaml, tahun: 2023}\n",
    )
    return root


@pytest.mark.e2e
def test_gagal_satu_yang_lain_tetap_dan_ringkasan(
    kanwil: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = kanwil / "params" / "kanwil.yaml"
    kode = main(["batch", "--manifest", str(manifest), "--pekerja", "2", "--tanpa-rekap"])
    keluar = capsys.readouterr().out
    assert kode == 1, "a failed report makes the batch exit non-zero"
    out = kanwil / "outputs"
    assert (out / "lapas-banyuasin" / "2023" / "laporan.html").is_file()
    assert (out / "lapas-kedua" / "2023" / "laporan.html").is_file()
    assert not (out / "lapas-rusak" / "2023").exists()
    log = out / "lapas-rusak" / "gagal-2023" / "traceback.txt"
    assert "data lapas-rusak tidak lengkap" in log.read_text(encoding="utf-8")
    # the summary names satker, period, chapter, the first line of the error and the log
    ringkas = keluar[keluar.index("Gagal (2)") :]
    for teks in ("lapas-rusak", "2023", "04_cek.ipynb", "ValueError", "traceback.txt"):
        assert teks in ringkas, teks
    for teks in ("lapas-yaml", "pemuatan data"):  # (the long message may wrap in the table)
        assert teks in ringkas, teks
    assert "2 berhasil" in keluar and "2 gagal" in keluar
    baris = _rekap_csv(kanwil)
    assert [(r["satker"], r["status"]) for r in baris] == [
        ("lapas-banyuasin", "berhasil"),
        ("lapas-rusak", "gagal"),
        ("lapas-kedua", "berhasil"),
        ("lapas-yaml", "gagal"),
    ], "rekap.csv covers the whole manifest, failed entries included, in manifest order"
    rusak = baris[1]
    assert rusak["bab_gagal"] == "04_cek.ipynb" and rusak["log"].endswith("traceback.txt")
    assert "Notebook bab 04_cek.ipynb gagal" in rusak["pesan"]
    yaml_ = baris[3]
    assert yaml_["bab_gagal"] == "pemuatan data" and "kinerja.yaml" in yaml_["pesan"]
    log_yaml = out / "rekap" / "kanwil" / "log" / "lapas-yaml-2023.txt"
    assert yaml_["log"] == "log/lapas-yaml-2023.txt" and "YAML tidak sah" in log_yaml.read_text(
        encoding="utf-8"
    )
    # figures of the built ones: 26 IKK, only SK2.6 missed (40/977 = 4,09 % of 31 % → 13,21)
    assert baris[0]["jumlah_ikk"] == "26" and baris[0]["ikk_tidak_tercapai"] == "1"
    # 16.335.496.464 / 16.466.041.000 = 0,992072… → 99,21 %; 1117 / 485 = 2,303092… → 230,31 %
    assert baris[0]["penyerapan_persen"] == "99.21" and baris[0]["okupansi_persen"] == "230.31"
    rekam = json.loads((out / "rekap" / "kanwil" / "batch.json").read_text(encoding="utf-8"))
    assert rekam["jumlah"] == 4 and rekam["jumlah_gagal"] == 2
    assert len(rekam["sha256_manifest"]) == 64 and rekam["opsi"]["jobs"] == 2
    indeks = (out / "index.html").read_text(encoding="utf-8")
    assert "lapas-rusak" in indeks and "gagal" in indeks


@pytest.mark.e2e
def test_inkremental_dan_only_tidak_menyusutkan_rekap(kanwil: Path) -> None:
    """Runs after test_gagal_satu_yang_lain_tetap_dan_ringkasan (same module fixture)."""
    manifest = kanwil / "params" / "kanwil.yaml"
    out = kanwil / "outputs"
    html = out / "lapas-banyuasin" / "2023" / "laporan.html"
    if not html.is_file():
        jalankan(rencana_manifest(manifest), jobs=2, tanpa_rekap=True)
    sebelum = html.stat().st_mtime_ns

    mulai = time.perf_counter()
    hb = jalankan(rencana_manifest(manifest), jobs=2, tanpa_rekap=True)
    assert time.perf_counter() - mulai < 30  # sanity only; speed is the benchmark's job
    status = {h.satker: (h.status, h.alasan) for h in hb.dijalankan}
    assert status["lapas-banyuasin"] == ("dilewati", "tidak berubah")
    assert status["lapas-kedua"] == ("dilewati", "tidak berubah")
    assert status["lapas-rusak"][0] == "gagal", "a failed report has no build to reuse"
    assert html.stat().st_mtime_ns == sebelum

    # one satker's data changes: only that one is rebuilt, and the reason names the file
    narasi = kanwil / "data" / "satker" / "lapas-kedua" / "2023" / "narasi.yaml"
    teks = narasi.read_text(encoding="utf-8")
    assert "latar_belakang: |-\n" in teks
    narasi.write_text(
        teks.replace("latar_belakang: |-\n", "latar_belakang: |-\n  Revisi.\n\n", 1),
        encoding="utf-8",
    )
    hb = jalankan(rencana_manifest(manifest), only=["lapas-kedua", "lapas-banyuasin"], jobs=1)
    status = {h.satker: (h.status, h.alasan) for h in hb.dijalankan}
    assert status["lapas-kedua"] == (
        "berhasil",
        "berubah (data/satker/lapas-kedua/2023/narasi.yaml)",
    )
    assert status["lapas-banyuasin"][0] == "dilewati"
    # --only never shrinks rekap.csv: lapas-rusak keeps its row from the previous run
    baris = {r["satker"]: r for r in _rekap_csv(kanwil)}
    assert set(baris) == {"lapas-banyuasin", "lapas-rusak", "lapas-kedua", "lapas-yaml"}
    assert baris["lapas-rusak"]["status"] == "gagal"
    assert baris["lapas-kedua"]["jumlah_ikk"] == "26"
    # the roll-up of this run lists the failed entry instead of dropping it
    rekap = (out / "rekap" / "kanwil" / "2023" / "rekap.html").read_text(encoding="utf-8")
    assert "lapas-rusak" in rekap and "04_cek.ipynb" in rekap
    # --paksa rebuilds although nothing changed
    hb = jalankan(
        rencana_manifest(manifest), only=["lapas-banyuasin"], paksa=True, jobs=1, tanpa_rekap=True
    )
    assert [h.status for h in hb.dijalankan] == ["berhasil"]
    assert hb.dijalankan[0].alasan.startswith("paksa")
    assert html.stat().st_mtime_ns != sebelum
    assert not sisa_sementara(out)


@pytest.mark.e2e
def test_batch_tanpa_pdf_tidak_menghapus_pdf_rekap(tmp_path: Path) -> None:
    """Issue 16: `batch --tanpa-pdf` after a batch with PDF keeps the roll-up's rekap.pdf:
    current while it prints the same roll-up, kept and marked "usang" once the roll-up
    changed (a member's data)."""
    salin_data(tmp_path, ["lapas-kedua"])
    manifest = _manifest(
        tmp_path, folder_notebook(tmp_path), "  - {satker: lapas-kedua, tahun: 2023}\n"
    )
    out = tmp_path / "outputs"
    rekap = out / "rekap" / "kanwil" / "2023"
    jalankan(rencana_manifest(manifest), pdf=True, jobs=1)
    cetak = (rekap / "rekap.pdf").read_bytes()
    assert cetak.startswith(b"%PDF")

    jalankan(rencana_manifest(manifest), pdf=False, jobs=1)
    assert (rekap / "rekap.pdf").read_bytes() == cetak
    rekam = json.loads((rekap / "rekap.json").read_text(encoding="utf-8"))
    assert rekam["pdf_stale"] == [], "same roll-up: the PDF prints it"
    indeks = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="rekap/kanwil/2023/rekap.pdf">PDF<' in indeks

    # the roll-up changes (SK1.1 of lapas-kedua: 1435 → 1436 people served): the old PDF is
    # kept, marked stale
    kinerja = tmp_path / "data" / "satker" / "lapas-kedua" / "2023" / "kinerja.yaml"
    teks = kinerja.read_text(encoding="utf-8")
    ganti = teks.replace("pembilang: 1435", "pembilang: 1436", 1)
    assert ganti != teks
    kinerja.write_text(ganti, encoding="utf-8")
    keluar = io.StringIO()
    jalankan(rencana_manifest(manifest), pdf=False, jobs=1, keluar=keluar)
    assert (rekap / "rekap.pdf").read_bytes() == cetak
    rekam = json.loads((rekap / "rekap.json").read_text(encoding="utf-8"))
    assert rekam["pdf_stale"] == ["rekap.pdf"]
    assert "rekap 2023: rekap.pdf dari build sebelumnya dipertahankan" in keluar.getvalue()
    indeks = (out / "index.html").read_text(encoding="utf-8")
    assert "PDF (usang: dari build sebelumnya, belum dicetak ulang)" in indeks
    assert not sisa_sementara(out)


@pytest.mark.e2e
def test_baris_polos_dari_pipa(tmp_path: Path) -> None:
    """Not on a terminal: one flushed line per finished report, while the batch still runs."""
    salin_data(tmp_path, ["lapas-kedua"])
    nb = folder_notebook(tmp_path, {"04_tunggu.ipynb": "import time\ntime.sleep(1)"})
    manifest = _manifest(
        tmp_path,
        nb,
        "  - {satker: lapas-banyuasin, tahun: 2023}\n  - {satker: lapas-kedua, tahun: 2023}\n",
    )
    perintah = [sys.executable, "-m", "lkjip_helpers", "batch", "--manifest", str(manifest)]
    proses = subprocess.Popen(
        [*perintah, "-j", "1", "--tanpa-rekap"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proses.stdout is not None
    baris = []
    for teks in proses.stdout:
        baris.append(teks.rstrip("\n"))
        if teks.startswith("[1/2]"):
            masih_jalan = proses.poll() is None
            break
    sisa, err = proses.communicate(timeout=240)
    baris += sisa.splitlines()
    assert proses.returncode == 0, err
    assert masih_jalan, "the first line arrived while the second report was being built"
    hasil = [b for b in baris if b.startswith("[")]
    assert len(hasil) == 2
    assert hasil[0].startswith("[1/2] berhasil   lapas-banyuasin 2023  ")
    n = json.loads(
        (tmp_path / "outputs" / "lapas-banyuasin" / "2023" / "build.json").read_text("utf-8")
    )["findings"]
    assert f"temuan: {n['error']} error, {n['peringatan']} peringatan, {n['info']} info" in hasil[0]
    assert hasil[0].endswith("→ outputs/lapas-banyuasin/2023")
    assert " dtk " in hasil[0] and "\x1b[" not in "\n".join(baris), "no terminal codes"
    assert any(b.startswith("Indeks: ") for b in baris)


@pytest.mark.e2e
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX process groups and SIGINT")
@pytest.mark.parametrize("pekerja", ["1", "2"])
def test_ctrl_c_menyisakan_yang_selesai_tanpa_setengah_jadi(tmp_path: Path, pekerja: str) -> None:
    salin_data(tmp_path, ["lapas-a", "lapas-b", "lapas-c"])
    berjalan = tmp_path / "bab-lambat-berjalan"
    lambat = (
        "import pathlib, time\n"
        'if satker != "lapas-a":\n'
        f"    pathlib.Path({str(berjalan)!r}).touch()\n"
        "    time.sleep(120)"
    )
    nb = folder_notebook(tmp_path, {"04_lambat.ipynb": lambat})
    manifest = _manifest(
        tmp_path,
        nb,
        "  - {satker: lapas-a, tahun: 2023}\n  - {satker: lapas-b, tahun: 2023}\n"
        "  - {satker: lapas-c, tahun: 2023}\n",
    )
    proses = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lkjip_helpers",
            "batch",
            "--manifest",
            str(manifest),
            "-j",
            pekerja,
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    assert proses.stdout is not None
    for teks in proses.stdout:
        if teks.startswith("[1/3]"):
            break
    # the slow chapter is running now (on a loaded machine its kernel can take seconds to start)
    batas = time.monotonic() + 90
    while not berjalan.exists() and time.monotonic() < batas and proses.poll() is None:
        time.sleep(0.1)
    assert berjalan.exists(), "the slow chapter never started"
    time.sleep(0.5)
    os.killpg(proses.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
    sisa, err = proses.communicate(timeout=120)
    assert proses.returncode == 130, err
    out = tmp_path / "outputs"
    assert (out / "lapas-a" / "2023" / "laporan.html").is_file(), "finished run stays"
    assert not (out / "lapas-b" / "2023").exists() and not (out / "lapas-c" / "2023").exists()
    assert not sisa_sementara(out), "no half-written run"
    assert "dibatalkan" in sisa and "DIBATALKAN" in sisa
    status = {r["satker"]: r["status"] for r in _rekap_csv(tmp_path)}
    assert status == {"lapas-a": "berhasil", "lapas-b": "dibatalkan", "lapas-c": "dibatalkan"}
    rekam = json.loads((out / "rekap" / "kanwil" / "batch.json").read_text(encoding="utf-8"))
    assert rekam["dibatalkan"] is True


@pytest.mark.e2e
def test_dask_localcluster(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    salin_data(tmp_path, ["lapas-kedua"])
    nb = folder_notebook(tmp_path)
    manifest = _manifest(
        tmp_path,
        nb,
        "  - {satker: lapas-banyuasin, tahun: 2023}\n  - {satker: lapas-kedua, tahun: 2023}\n",
    )
    hb = jalankan(rencana_manifest(manifest), executor="dask", jobs=2, tanpa_rekap=True)
    assert hb.pelaksana == "Dask LocalCluster, 2 pekerja"
    assert [h.status for h in hb.dijalankan] == ["berhasil", "berhasil"]
    for s in ("lapas-banyuasin", "lapas-kedua"):
        assert (tmp_path / "outputs" / s / "2023" / "laporan.html").is_file()
    assert hb.kode_keluar == 0


def test_baris_hasil_gagal_dan_dilewati() -> None:
    from lkjip_helpers.bangun.batch import HasilRun

    h = HasilRun(
        "lapas-x", 2023, "tahunan", "2023", "/o", "gagal", 1.25, pesan="A: b\nrinci", bab="02.ipynb"
    )
    h.log = str(ROOT / "log.txt")
    assert (
        baris_hasil(h, 3, 20)
        == "[3/20] gagal      lapas-x 2023  1,2 dtk  02.ipynb: A: b  log: log.txt"
    )
    h = HasilRun("lapas-x", 2023, "tahunan", "2023", "/o", "dilewati", folder=str(ROOT / "o"))
    assert baris_hasil(h, 1, 2) == "[1/2] dilewati   lapas-x 2023  tidak berubah  temuan: –  → o"


def test_pekerja_yang_mati_menjadi_kegagalan_bukan_crash() -> None:
    """A worker process killed outright (e.g. out of memory) is a failed result."""
    from bantu_batch import kerja_uji

    from lkjip_helpers.bangun.pelaksana import PelaksanaLangsung, buat_pelaksana

    def gagal(tugas: int, pesan: str, rinci: str) -> tuple[str, int, str]:
        return ("gagal", tugas, pesan)

    p = buat_pelaksana("lokal", 2, None, gagal)
    with p:
        p.kirim(kerja_uji, [0])
        hasil = list(p.hasil())
    assert hasil[0][:2] == ("gagal", 0)
    assert hasil[0][2].startswith("proses pekerja berhenti: BrokenProcessPool")
    assert isinstance(buat_pelaksana("lokal", 1, None, gagal), PelaksanaLangsung)


@pytest.mark.e2e
def test_only_pada_manifest_baru_entri_lain_belum_dijalankan(kanwil: Path) -> None:
    # A manifest that never ran, run with --only: the other entries have neither a result nor
    # a previous row. They used to crash the merge (waktu_utc given twice to HasilRun); they
    # are listed in rekap.csv as not run yet.
    manifest = _manifest(
        kanwil,
        kanwil / "nb",  # the module fixture's chapters
        "  - {satker: lapas-banyuasin, tahun: 2023}\n  - {satker: lapas-kedua, tahun: 2023}\n",
        nama="pertama.yaml",
    )
    hb = jalankan(rencana_manifest(manifest), only=["lapas-banyuasin"], jobs=1, tanpa_rekap=True)
    assert [h.satker for h in hb.dijalankan] == ["lapas-banyuasin"]
    baris = {r["satker"]: r for r in _rekap_csv(kanwil, "pertama")}
    assert set(baris) == {"lapas-banyuasin", "lapas-kedua"}
    assert baris["lapas-kedua"]["status"] == "belum dijalankan"
    assert baris["lapas-kedua"]["waktu_utc"] == ""


def _hasil(satker: str, kunci: str, status: str, **lain: object) -> object:
    from lkjip_helpers.bangun.batch import HasilRun

    return HasilRun(satker, int(kunci[:4]), "tahunan", kunci, "out", status, **lain)  # type: ignore[arg-type]


def test_rekap_csv_terlindung_dan_varian_excel(tmp_path: Path) -> None:
    """Issue 19: formula-looking text is never live in a spreadsheet; rekap_excel.csv is for
    Excel in an Indonesian locale (BOM, ';', decimal comma)."""
    from lkjip_helpers.bangun.batch import tulis_rekap_csv

    h = _hasil(
        "lapas-a",
        "2023",
        "gagal",
        pesan='=HYPERLINK("http://contoh.invalid","klik")\nrinci',
        ringkas={"nama": "@SUM(A1)", "penyerapan_persen": "99.21", "jumlah_ikk": "26"},
        detik=1.5,
    )
    tulis_rekap_csv(tmp_path / "rekap.csv", [h])  # type: ignore[list-item]
    with (tmp_path / "rekap.csv").open(encoding="utf-8", newline="") as fh:
        (r,) = list(csv.DictReader(fh))
    assert r["pesan"] == '\'=HYPERLINK("http://contoh.invalid","klik")'
    assert r["nama"] == "'@SUM(A1)"
    assert r["penyerapan_persen"] == "99.21"
    mentah = (tmp_path / "rekap_excel.csv").read_bytes()
    assert mentah.startswith(b"\xef\xbb\xbf") and b"\r\n" in mentah
    with (tmp_path / "rekap_excel.csv").open(encoding="utf-8-sig", newline="") as fh:
        (e,) = list(csv.DictReader(fh, delimiter=";"))
    assert e["penyerapan_persen"] == "99,21" and e["detik"] == "1,50"
    assert e["pesan"].startswith("'=") and e["jumlah_ikk"] == "26"


def test_rekap_periode_daftar_gagal_semua_periode_dan_paksa(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every period's roll-up lists every failure of the batch; --paksa renders it again."""
    from lkjip_helpers.bangun import batch
    from lkjip_helpers.bangun import rekap as rekap_mod
    from lkjip_helpers.bangun.manifest import Rencana, Tugas

    tugas = [
        Tugas("lapas-a", 2023, "tahunan", tmp_path, tmp_path),
        Tugas("lapas-b", 2023, "semester-1", tmp_path, tmp_path),
    ]
    rencana = Rencana(tugas=tugas, out_dir=tmp_path, nama="uji")
    hasil = [
        _hasil("lapas-a", "2023", "berhasil", sidik="s1"),
        _hasil("lapas-b", "2023-semester-1", "gagal", pesan="YAML tidak sah", bab="pemuatan data"),
    ]
    dipanggil: list[dict[str, object]] = []
    monkeypatch.setattr(
        rekap_mod,
        "render_rekap",
        lambda tujuan, **kw: dipanggil.append({"tujuan": tujuan, **kw}),
    )
    monkeypatch.setattr(rekap_mod, "rekap_tersimpan", lambda tujuan, kunci: True)
    batch._rekap_periode(rencana, hasil, tmp_path, False, lambda _: None)  # type: ignore[arg-type]
    assert dipanggil == [], "unchanged roll-ups are skipped"
    batch._rekap_periode(rencana, hasil, tmp_path, False, lambda _: None, paksa=True)  # type: ignore[arg-type]
    assert len(dipanggil) == 2, "--paksa renders every period's roll-up again"
    for kw in dipanggil:
        assert [(g["satker"], g["periode"]) for g in kw["gagal"]] == [  # type: ignore[attr-defined]
            ("lapas-b", "2023-semester-1")
        ]
    assert dipanggil[0]["satker"] == ["lapas-a"] and dipanggil[1]["satker"] == []

    # --kanwil: one more roll-up per Kanwil, from the same results, in a folder of its own
    dipanggil.clear()
    hasil[0].ringkas = {"kanwil": "Kantor Wilayah Kementerian Hukum dan HAM Riau"}  # type: ignore[attr-defined]
    batch._rekap_periode(
        rencana, hasil, tmp_path / "uji", False, lambda _: None, paksa=True, kanwil=["riau"]
    )  # type: ignore[arg-type]
    tujuan = [Path(str(kw["tujuan"])).relative_to(tmp_path).as_posix() for kw in dipanggil]
    assert tujuan == ["uji/2023", "uji-kanwil-riau/2023", "uji/2023-semester-1"]
    assert dipanggil[1]["kanwil"] == "riau" and dipanggil[1]["satker"] == ["lapas-a"]


def test_rencana_menolak_satker_tak_dikenal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = salin_data(tmp_path, ["lapas-banyuasin"])
    kode = main(
        [
            "batch",
            "--satker",
            "lapas-banyuasin,lapas-tak-ada",
            "--tahun",
            "2023",
            "--rencana",
            "--data-dir",
            str(data),
        ]
    )
    keluar = capsys.readouterr()
    assert kode == 2
    assert "satker tidak dikenal: 'lapas-tak-ada'" in keluar.err + keluar.out
    assert "lapas-banyuasin'" not in keluar.err + keluar.out
