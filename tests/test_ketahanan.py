"""Robustness, round two (issue 19): each case of the attacker's battery that failed, with its
reproduction — nothing written into the data folder, no text lost to a tag, ``terbilang``
with decimals, an unknown sasaran in ``per_program``, an all-or-nothing ``impor`` after a
kill, an image the PDF cannot place, the preview server's checks, a scheduler address."""

from __future__ import annotations

import http.client
import logging
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import zlib
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_helpers import format_id as f
from lkjip_helpers.bangun.manifest import rencana_cli, rencana_manifest
from lkjip_helpers.bangun.saji import buat_server
from lkjip_helpers.cli import main
from lkjip_helpers.errors import DataError, ParameterError
from lkjip_helpers.laporan.html import markdown
from lkjip_helpers.muat import jurnal
from lkjip_helpers.muat.data import path_gambar

AKAR = Path(__file__).resolve().parents[1]
DATA = AKAR / "data"
SATKER = "lapas-banyuasin"


def _salin_data(tmp_path: Path) -> Path:
    tujuan = tmp_path / "data"
    shutil.copytree(DATA, tujuan)
    return tujuan


def _isi_folder(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# --------------------------------------------------------------------------- the data folder


@pytest.mark.parametrize("bentuk", ["sama", "di-dalam", "tautan"])
def test_bangun_ditolak_tidak_menulis_index_ke_folder_data(
    tmp_path: Path, bentuk: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`bangun` refusing an out-dir equal to or inside --folder-data (also through a symlink)
    writes nothing there, not even index.html — an existing file of that name is kept."""
    data = _salin_data(tmp_path)
    (data / "index.html").write_text("milik analis", encoding="utf-8")
    sebelum = _isi_folder(data)
    if bentuk == "sama":
        keluar = data
    elif bentuk == "di-dalam":
        keluar = data / "outputs"
        keluar.mkdir()
    else:
        (tmp_path / "tautan").symlink_to(data)
        keluar = tmp_path / "tautan" / "hasil"
    kode = main(
        [
            "bangun",
            "--satker",
            SATKER,
            "--tahun",
            "2023",
            "--folder-data",
            str(data),
            "--folder-keluaran",
            str(keluar),
            "--tanpa-pdf",
        ]
    )
    assert kode == 2
    assert "berada di dalam folder data" in capsys.readouterr().err
    assert _isi_folder(data) == sebelum


def _manifest_keluaran_di_data(tmp_path: Path) -> tuple[Path, Path]:
    data = _salin_data(tmp_path)
    (tmp_path / "params").mkdir()
    m = tmp_path / "params" / "kanwil.yaml"
    m.write_text(
        "bawaan:\n  data_dir: ../data\n  out_dir: ../data/keluaran\n  pdf: false\n"
        f"laporan:\n  - {{satker: {SATKER}, tahun: 2023}}\n",
        encoding="utf-8",
    )
    return m, data


def test_manifest_out_dir_di_dalam_data_dir_ditolak_saat_merencanakan(tmp_path: Path) -> None:
    m, _ = _manifest_keluaran_di_data(tmp_path)
    with pytest.raises(DataError) as e:
        rencana_manifest(m)
    assert "kanwil.yaml" in str(e.value) and "out_dir" in str(e.value)
    assert "berada di dalam folder data" in str(e.value)
    with pytest.raises(ParameterError, match="berada di dalam folder data"):
        rencana_cli([SATKER], ["2023"], data_dir=tmp_path / "data", out_dir=tmp_path / "data")


@pytest.mark.parametrize("rencana", [True, False], ids=["--rencana", "jalankan"])
def test_batch_out_dir_di_data_tidak_menulis_apa_pun(
    tmp_path: Path, rencana: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """Refused before anything runs: no rekap/, log/, index.html in the data folder."""
    m, data = _manifest_keluaran_di_data(tmp_path)
    sebelum = _isi_folder(data)
    kode = main(["batch", "--manifest", str(m)] + (["--rencana"] if rencana else []))
    assert kode == 2
    err = capsys.readouterr().err
    assert "out_dir" in err and "folder data" in err
    assert _isi_folder(data) == sebelum
    assert not (data / "keluaran").exists() and not (data / "index.html").exists()


def test_ekspor_dan_templat_tidak_menulis_ke_folder_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _salin_data(tmp_path)
    sebelum = _isi_folder(data)
    for perintah in ("ekspor", "templat"):
        kode = main(
            [
                perintah,
                "--satker",
                SATKER,
                "--tahun",
                "2023",
                "--folder-data",
                str(data),
                "--keluaran",
                str(data / "satker" / SATKER / "isian.xlsx"),
            ]
        )
        assert kode == 2
        assert "di dalam folder data" in capsys.readouterr().err
    assert _isi_folder(data) == sebelum


def test_periksa_folder_data_tanpa_satker(capsys: pytest.CaptureFixture[str]) -> None:
    kode = main(["periksa", "--folder-data", "/", "--satker", SATKER, "--tahun", "2023"])
    assert kode == 2
    err = capsys.readouterr().err
    assert "tidak ada folder satker/" in err and "--folder-data '/'" in err


# --------------------------------------------------------------------------- text is text


@pytest.mark.parametrize(
    ("teks", "harapan"),
    [
        (
            "Lihat Surat Nomor <nomor surat> tanggal <tanggal>.",
            "Lihat Surat Nomor &lt;nomor surat&gt; tanggal &lt;tanggal&gt;.",
        ),
        ("<style>p{color:red}\n\nSisa narasi.", "&lt;style&gt;p{color:red}"),
        ("<script>var a = 1;\n\nSisa narasi.", "&lt;script&gt;var a = 1;"),
        ("<textarea>\n\nSisa *narasi*.", "&lt;textarea&gt;"),
        ("<title>Judul\n\nSisa narasi.", "&lt;title&gt;Judul"),
        ("a < b & c > d \"kutip\" 'satu'", "a &lt; b &amp; c &gt; d"),
    ],
)
def test_narasi_kurung_sudut_tampil_seperti_diketik(teks: str, harapan: str) -> None:
    html = markdown(teks)
    assert harapan in html
    if "Sisa" in teks:  # the rest of the narrative is neither swallowed nor shown as markup
        assert "Sisa narasi." in html or "Sisa <em>narasi</em>." in html
    for tag in ("<style", "<script", "<textarea", "<title"):
        assert tag not in html


# --------------------------------------------------------------------------- terbilang


@pytest.mark.parametrize(
    ("nilai", "kata"),
    [
        ("99.21", "sembilan puluh sembilan koma dua satu"),
        ("13.21", "tiga belas koma dua satu"),
        ("13", "tiga belas"),
        ("13.50", "tiga belas koma lima"),
        ("0.05", "nol koma nol lima"),
        ("7.005", "tujuh koma nol satu"),  # rounded half-up to 2 places, as the tables print
    ],
)
def test_terbilang_menyebut_desimal(nilai: str, kata: str) -> None:
    assert f.terbilang(Decimal(nilai)) == kata


def test_sisipan_terbilang_penyerapan() -> None:
    from lkjip_helpers.hitung import hasil_untuk
    from lkjip_helpers.laporan.narasi import tulis_besaran
    from lkjip_helpers.muat import muat

    h = hasil_untuk(muat(SATKER, 2023, DATA))
    # penyerapan 2023 of the sample: 16.335.496.464 / 16.466.041.000 = 99,21 %
    b = h.daftar_besaran()["anggaran.penyerapan"]
    assert f.persen(b.nilai) == "99,21%"
    assert tulis_besaran(b, "terbilang") == ("sembilan puluh sembilan koma dua satu")


# --------------------------------------------------------------------------- per_program


def test_sasaran_tidak_dikenal_di_per_program(tmp_path: Path) -> None:
    from lkjip_helpers.muat.data import muat_laporan
    from lkjip_helpers.periksa.pemeriksaan import periksa_data

    data = _salin_data(tmp_path)
    p = data / "satker" / SATKER / "2023" / "anggaran.yaml"
    teks = p.read_text(encoding="utf-8")
    p.write_text(teks.replace("sasaran: [SK4]", "sasaran: [SK9]", 1), encoding="utf-8")
    baris = next(i for i, b in enumerate(p.read_text().splitlines(), 1) if "[SK9]" in b)
    temuan = [
        t
        for t in periksa_data(muat_laporan(SATKER, 2023, data))
        if t.kode == "SASARAN_TIDAK_DIKENAL"
    ]
    assert len(temuan) == 1
    t = temuan[0]
    assert t.tingkat == "error"
    assert t.lokasi == f"2023/anggaran.yaml baris {baris}, per_program[2].sasaran[1]"
    assert "'SK9'" in t.pesan and "Program Dukungan Manajemen" in t.pesan


# --------------------------------------------------------------------------- impor


def _tiga_berkas(tmp_path: Path) -> tuple[Path, list[Path]]:
    folder = tmp_path / "satker" / "s"
    (folder / "2023").mkdir(parents=True)
    berkas = [folder / "satker.yaml", folder / "2023" / "kinerja.yaml", folder / "2023" / "a.yaml"]
    for p in berkas:
        p.write_text("lama: 1\n", encoding="utf-8")
    return folder, berkas


_BUNUH_SETELAH_RENAME = """
import os, signal, sys
from pathlib import Path
from lkjip_helpers.muat import jurnal
asli, n = os.replace, [0]
def ganti(a, b):
    asli(a, b)
    if not str(b).endswith(jurnal.JURNAL):
        n[0] += 1
        if n[0] == int(sys.argv[2]):
            os.kill(os.getpid(), signal.SIGKILL)
os.replace = ganti
folder = Path(sys.argv[1])
jurnal.tulis_semua(folder, [(folder / "satker.yaml", "baru: 1\\n"),
    (folder / "2023" / "kinerja.yaml", "baru: 2\\n"), (folder / "2023" / "a.yaml", "baru: 3\\n")])
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_impor_dibunuh_setelah_rename_pertama_dipulihkan(tmp_path: Path) -> None:
    """kill -9 after the first rename: satker.yaml new, the others old, the journal there;
    the next command (any load of the satker) finishes the import; no temporary file left."""
    folder, berkas = _tiga_berkas(tmp_path)
    p = subprocess.run(
        [sys.executable, "-c", _BUNUH_SETELAH_RENAME, str(folder), "1"], cwd=AKAR, check=False
    )
    assert p.returncode == -signal.SIGKILL
    assert berkas[0].read_text() == "baru: 1\n" and berkas[1].read_text() == "lama: 1\n"
    assert (folder / jurnal.JURNAL).is_file()
    assert jurnal.pulihkan(folder) == ["2023/kinerja.yaml", "2023/a.yaml"]
    assert [b.read_text() for b in berkas] == ["baru: 1\n", "baru: 2\n", "baru: 3\n"]
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == [
        "a.yaml",
        "kinerja.yaml",
        "satker.yaml",
    ]


def test_impor_gagal_sebelum_jurnal_tidak_mengubah_apa_pun(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails before the commit point (disk full on the second file) leaves all
    files old and no temporary file; a leftover temporary file of a killed import (no
    journal) is removed by the next load."""
    folder, berkas = _tiga_berkas(tmp_path)
    asli = jurnal._tulis_sinkron

    def penuh(path: Path, teks: str) -> None:
        if "kinerja" in path.name:
            import errno

            raise OSError(errno.ENOSPC, "No space left on device")
        asli(path, teks)

    monkeypatch.setattr(jurnal, "_tulis_sinkron", penuh)
    with pytest.raises(Exception, match="disk penuh"):
        jurnal.tulis_semua(folder, [(b, "baru\n") for b in berkas])
    assert [b.read_text() for b in berkas] == ["lama: 1\n"] * 3
    assert len(list(folder.rglob("*"))) == 4  # 3 files and the period folder
    (folder / "2023" / ".kinerja.yaml.tmp-0badc0de").write_text("setengah", encoding="utf-8")
    assert jurnal.pulihkan(folder) == []
    assert not list(folder.rglob(".*"))


def test_muat_memulihkan_impor_yang_terputus(tmp_path: Path) -> None:
    """The loader (periksa, bangun) finishes an interrupted import before it reads."""
    from lkjip_helpers.muat import muat

    data = _salin_data(tmp_path)
    folder = data / "satker" / SATKER
    tujuan = folder / "2023" / "anggaran.yaml"
    baru = tujuan.read_text(encoding="utf-8").replace("pagu: 10715235000", "pagu: 10715235001")
    sementara = folder / "2023" / ".anggaran.yaml.tmp-12345678"
    sementara.write_text(baru, encoding="utf-8")
    (folder / jurnal.JURNAL).write_text(
        '{"berkas": [["2023/.anggaran.yaml.tmp-12345678", "2023/anggaran.yaml"]]}',
        encoding="utf-8",
    )
    d = muat(SATKER, 2023, data)
    assert d.ini.anggaran.per_program[0].pagu == Decimal("10715235001")
    assert not (folder / jurnal.JURNAL).exists() and not sementara.exists()


# --------------------------------------------------------------------------- images


def _png_raksasa(lebar: int, tinggi: int) -> bytes:
    """A PNG header claiming ``lebar`` × ``tinggi`` pixels (no real pixel data needed: Pillow
    refuses it on the header)."""

    def potong(jenis: bytes, isi: bytes) -> bytes:
        return (
            struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))
        )

    ihdr = struct.pack(">IIBBBBB", lebar, tinggi, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", ihdr) + potong(b"IEND", b"")


def test_gambar_melebihi_batas_piksel_adalah_temuan(tmp_path: Path) -> None:
    (tmp_path / "bom.png").write_bytes(_png_raksasa(20000, 20000))
    with pytest.raises(DataError, match="piksel"):
        path_gambar(tmp_path, "bom.png")
    (tmp_path / "rusak.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with pytest.raises(DataError, match="rusak"):
        path_gambar(tmp_path, "rusak.png")


def test_gambar_yang_gagal_dimuat_pdf_menjadi_pesan() -> None:
    """WeasyPrint's "Failed to load image" for an embedded image is collected (the PDF stops
    with a message), a refused outside URL is not."""
    from PIL import Image

    from lkjip_helpers.keluaran.pdf import _GambarGagal

    h = _GambarGagal()
    log = logging.getLogger("uji-gambar")
    log.addHandler(h)
    log.propagate = False
    try:
        sebab = Exception("x")
        sebab.__cause__ = Image.DecompressionBombError("terlalu besar")
        log.error("Failed to load image at %r: %s", "data:image/png;base64,AAAA", sebab)
        log.error("Failed to load image at %r: %s", "https://contoh.invalid/a.png", sebab)
    finally:
        log.removeHandler(h)
    assert h.sebab == ["DecompressionBombError: terlalu besar"]


# --------------------------------------------------------------------------- preview server


def test_pratinjau_port_tidak_sah_ditolak_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["pratinjau", "--satker", SATKER, "--tahun", "2023", "--sajikan", "--port", "70000"])
    assert e.value.code == 2
    assert "--port" in capsys.readouterr().err


def test_pratinjau_port_sibuk_dilaporkan_sebelum_membangun(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        mulai = time.perf_counter()
        kode = main(
            [
                "pratinjau",
                "--satker",
                SATKER,
                "--tahun",
                "2023",
                "--sajikan",
                "--port",
                str(port),
                "--folder-keluaran",
                str(tmp_path / "keluaran"),
            ]
        )
    assert kode == 2 and time.perf_counter() - mulai < 2, "no build before the port check"
    err = capsys.readouterr().err
    assert f"--port {port}" in err and "sudah dipakai" in err
    assert not (tmp_path / "keluaran").exists()


def _minta(port: int, jalur: str, host: str) -> int:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    c.putrequest("GET", jalur, skip_host=True)
    c.putheader("Host", host)
    c.endheaders()
    status = c.getresponse().status
    c.close()
    return status


def test_pratinjau_host_dan_nul(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "laporan.html").write_text("<p>isi</p>", encoding="utf-8")
    server = buat_server(tmp_path, 0)
    port = server.server_port  # type: ignore[attr-defined]
    t = threading.Thread(target=server.serve_forever, daemon=True)  # type: ignore[attr-defined]
    t.start()
    try:
        assert _minta(port, "/laporan.html", f"127.0.0.1:{port}") == 200
        assert _minta(port, "/laporan.html", f"localhost:{port}") == 200
        # DNS rebinding: the attacker's host name now points at 127.0.0.1
        assert _minta(port, "/laporan.html", f"penyerang.contoh:{port}") == 403
        assert _minta(port, "/laporan.html", "127.0.0.1.penyerang.contoh") == 403
        assert _minta(port, "/laporan%00.html", f"127.0.0.1:{port}") in (400, 404)
    finally:
        server.shutdown()  # type: ignore[attr-defined]
        server.server_close()  # type: ignore[attr-defined]
    assert "Traceback" not in capfd.readouterr().err


_PRATINJAU_PALSU = """
import sys
from pathlib import Path
from types import SimpleNamespace
import lkjip_helpers.bangun as b
keluar = Path(sys.argv[1])
(keluar / "s").mkdir(parents=True, exist_ok=True)
(keluar / "s" / "laporan.html").write_text("<p>isi</p>")
b.build = lambda *a, **k: SimpleNamespace(html=keluar / "s" / "laporan.html")
from lkjip_helpers.cli import main
sys.exit(main(["pratinjau", "--satker", "lapas-banyuasin", "--tahun", "2023", "--sajikan",
    "--port", "0", "--folder-keluaran", str(keluar), "--folder-data", sys.argv[2]]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM")
@pytest.mark.parametrize("sinyal", [signal.SIGINT, signal.SIGTERM])
def test_pratinjau_berhenti_seketika(tmp_path: Path, sinyal: int) -> None:
    """Ctrl-C or SIGTERM stops the server at once, an open keep-alive connection or not."""
    p = subprocess.Popen(
        [sys.executable, "-c", _PRATINJAU_PALSU, str(tmp_path / "keluaran"), str(DATA)],
        cwd=AKAR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert p.stdout is not None
    for baris in p.stdout:
        if baris.startswith("Disajikan di http://127.0.0.1:"):
            port = int(baris.split(":")[2].split("/")[0])
            break
    else:
        pytest.fail(p.communicate()[1])
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    c.request("GET", "/s/laporan.html")
    assert c.getresponse().read() == b"<p>isi</p>"  # connection kept open
    mulai = time.perf_counter()
    p.send_signal(sinyal)
    _, err = p.communicate(timeout=10)
    c.close()
    assert time.perf_counter() - mulai < 3
    assert p.returncode == (130 if sinyal == signal.SIGINT else 143), err
    assert "Traceback" not in err


# --------------------------------------------------------------------------- batch options


@pytest.mark.parametrize("alamat", ["bukan-alamat", "http://127.0.0.1:1"])
def test_penjadwal_tidak_sah_menyebut_opsinya(
    tmp_path: Path, alamat: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    data = _salin_data(tmp_path)
    kode = main(
        [
            "batch",
            "--satker",
            SATKER,
            "--tahun",
            "2023",
            "--folder-data",
            str(data),
            "--folder-keluaran",
            str(tmp_path / "keluaran"),
            "--pelaksana",
            "dask",
            "--penjadwal",
            alamat,
            "--tanpa-pdf",
        ]
    )
    err = capsys.readouterr().err
    assert kode == 2, err
    assert "--penjadwal" in err and "Galat internal" not in err


def test_batal_bukan_gagal() -> None:
    """A cancelled entry is counted as such, not listed in the "Gagal" table."""
    from lkjip_helpers.bangun.batch import DIBATALKAN, GAGAL, HasilBatch, HasilRun

    def h(s: str, status: str) -> HasilRun:
        return HasilRun(s, 2023, "tahunan", "2023", "o", status)

    hb = HasilBatch(
        rencana=None,  # type: ignore[arg-type]
        hasil=[],
        dijalankan=[h("a", GAGAL), h("b", DIBATALKAN)],
        dibatalkan=True,
    )
    assert [x.satker for x in hb.gagal] == ["a"]
    assert hb.jumlah() == {GAGAL: 1, DIBATALKAN: 1}
    assert hb.kode_keluar == 130


@pytest.mark.e2e
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX process groups and SIGINT")
def test_ctrl_c_batch_dua_pekerja_tanpa_traceback(tmp_path: Path) -> None:
    """Ctrl-C of `batch --pekerja 2`: no worker traceback (DeadKernelError, a multiprocessing
    KeyboardInterrupt), the report still queued is never built, the cancelled ones are counted
    as such — no "Gagal" table with empty columns — and the run ends with one line per state."""
    from bantu_batch import folder_notebook, salin_data, sisa_sementara

    salin_data(tmp_path, ["lapas-a", "lapas-b", "lapas-c", "lapas-d"])
    nb = folder_notebook(
        tmp_path, {"04_lambat.ipynb": 'import time\nif satker != "lapas-a":\n    time.sleep(120)'}
    )
    (tmp_path / "params").mkdir()
    manifest = tmp_path / "params" / "kanwil.yaml"
    manifest.write_text(
        f"bawaan:\n  data_dir: ../data\n  notebooks_dir: {nb}\n  pdf: false\nlaporan:\n"
        + "".join(f"  - {{satker: lapas-{x}, tahun: 2023}}\n" for x in "abcd"),
        encoding="utf-8",
    )
    proses = subprocess.Popen(
        [sys.executable, "-m", "lkjip_helpers", "batch", "--manifest", str(manifest), "-j", "2"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proses.stdout is not None
    for teks in proses.stdout:
        if teks.startswith("[1/4]"):
            break
    time.sleep(1.5)  # lapas-b and lapas-c run their slow chapter; lapas-d is queued
    os.killpg(proses.pid, signal.SIGINT)
    sisa, err = proses.communicate(timeout=120)
    assert proses.returncode == 130, err
    for jejak in ("Traceback", "KeyboardInterrupt", "DeadKernelError", "Galat internal"):
        assert jejak not in err and jejak not in sisa, (jejak, err[-2000:])
    out = tmp_path / "outputs"
    assert (out / "lapas-a" / "2023" / "laporan.html").is_file()
    for s in "bc":  # interrupted: nothing half-written
        assert not (out / f"lapas-{s}" / "2023").exists(), s
    assert not (out / "lapas-d").exists(), "the queued report never started"
    assert not sisa_sementara(out)
    assert "Gagal" not in sisa
    ringkasan = [b for b in sisa.splitlines() if b.startswith("Selesai dalam")]
    assert len(ringkasan) == 1 and "1 berhasil, 3 dibatalkan" in ringkasan[0], sisa


@pytest.mark.e2e
def test_isian_mustahil_menghentikan_abaikan_pemeriksaan(tmp_path: Path) -> None:
    """With --abaikan-pemeriksaan an unfillable placeholder still stops the build — before any
    chapter runs — naming the file, the line and the field."""
    from lkjip_helpers.bangun.susun import build
    from lkjip_helpers.errors import BuildError

    data = _salin_data(tmp_path)
    p = data / "satker" / SATKER / "2023" / "narasi.yaml"
    teks = p.read_text(encoding="utf-8")
    p.write_text(
        teks.replace("maksud_tujuan: |-\n", "maksud_tujuan: |-\n  Lihat {{ ikk.SK9.capaian }}.\n"),
        encoding="utf-8",
    )
    baris = next(i for i, b in enumerate(p.read_text().splitlines(), 1) if "SK9" in b) - 1
    with pytest.raises(BuildError) as e:
        build(
            SATKER, 2023, data, tmp_path / "keluaran", pdf=False, docx=False,
            abaikan_pemeriksaan=True,
        )  # fmt: skip
    pesan = str(e.value)
    assert f"2023/narasi.yaml baris {baris}, maksud_tujuan" in pesan, pesan
    assert "{{ ikk.SK9.capaian }}" in pesan
    assert not list((tmp_path / "keluaran").rglob("laporan.html"))


@pytest.mark.e2e
def test_baris_isian_dihapus_minta_dikembalikan(tmp_path: Path) -> None:
    """A Field row deleted from a form sheet is reported on its sheet — restore the row — and
    not as a YAML file to repair."""
    import openpyxl
    from bantu_buku_kerja import baris_isian

    from lkjip_helpers.isian.buku_kerja import GalatImpor, impor, tulis_ekspor

    data = _salin_data(tmp_path)
    xlsx = tulis_ekspor(data, SATKER, 2023, keluaran=tmp_path / "e.xlsx").path
    wb = openpyxl.load_workbook(xlsx)
    for lembar, kunci in [("Satker", "nama"), ("Anggaran", "pagu")]:
        wb[lembar].delete_rows(baris_isian(wb[lembar], kunci))
    wb.save(xlsx)
    with pytest.raises(GalatImpor) as e:
        impor(xlsx, data, periksa_saja=True)
    assert [str(m) for m in e.value.masalah] == [
        "Satker: baris Field berikut tidak ada (dihapus?): nama; kembalikan barisnya atau buat "
        "ulang buku kerja",
        "Anggaran: baris Field berikut tidak ada (dihapus?): pagu; kembalikan barisnya atau buat "
        "ulang buku kerja",
    ]


def test_interupsi_yang_terbuang_dikirim_ulang() -> None:
    """A KeyboardInterrupt Python drops ("Exception ignored in: <weakref callback>") is sent
    again as SIGINT (SIGTERM for a SIGTERM), so the command still stops."""
    from types import SimpleNamespace

    from lkjip_helpers.cli import _Dihentikan, _kirim_ulang_interupsi

    diterima: list[int] = []
    lama = {s: signal.signal(s, lambda n, _f: diterima.append(n)) for s in (2, 15)}
    try:
        _kirim_ulang_interupsi(SimpleNamespace(exc_type=KeyboardInterrupt))
        _kirim_ulang_interupsi(SimpleNamespace(exc_type=_Dihentikan))
    finally:
        for s, h in lama.items():
            signal.signal(s, h)
    assert diterima == [signal.SIGINT, signal.SIGTERM]
