"""Faults (issue 10): no fault loses a report, leaves a temporary folder or shows a traceback.

Cell time-out, kernel death, SIGINT / SIGTERM / SIGKILL, a crash inside the output swap,
``lkjip check`` beside a built report, write errors (read-only folder, a path that is a file, a
full disk), unexpected exceptions, missing PDF libraries and a closed output pipe.

In-process builds use the tiny fixture notebooks with the data checks stubbed (as
tests/test_build.py); the signal tests run the real ``lkjip`` command on the sample data.
"""

from __future__ import annotations

import decimal
import errno
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from bantu_build import FIXTURE_NB, SATKER, TAHUN, data_contoh, pasang_stub
from nbformat.v4 import new_code_cell, new_notebook

from lkjip_helpers.bangun import susun
from lkjip_helpers.bangun.susun import build
from lkjip_helpers.cli import main
from lkjip_helpers.errors import BuildError, LkjipError

ROOT = Path(__file__).parents[1]
DATA = ROOT / "data"
LKJIP = [sys.executable, "-m", "lkjip_helpers"]


# --------------------------------------------------------------------------- helpers


def _stub(mp: pytest.MonkeyPatch, periksa: Callable[..., list] | None = None) -> None:
    pasang_stub(mp, periksa)


def _data(root: Path) -> Path:
    return data_contoh(root)


def _sidik(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


_KEMAJUAN = re.compile(r"^(\[\d+/\d+\] .*: selesai \(.*\)|.*: dihentikan)$")


def _tanpa_kemajuan(teks: str) -> list[str]:
    """stderr lines without the build's plain progress lines (stderr is not a terminal)."""
    return [b for b in teks.strip().splitlines() if not _KEMAJUAN.match(b)]


def _bangun_fixture(data: Path, out: Path, **lain: Any) -> object:
    """A forced HTML-only build of the fixture chapters (``lain`` overrides or adds options)."""
    opsi: dict[str, Any] = {
        "pdf": False, "docx": False, "notebooks_dir": FIXTURE_NB, "progress": False,
        "paksa": True, **lain,
    }  # fmt: skip
    return build(SATKER, TAHUN, data, out, **opsi)


def _sisa(folder_satker: Path) -> list[str]:
    """Everything beside the report folders: temporary folders, backups, locks."""
    return sorted(p.name for p in folder_satker.iterdir() if p.name.startswith("."))


def _nb_dengan(folder: Path, *sel: str) -> Path:
    """The fixture notebooks plus ``04_uji.ipynb`` running ``sel`` after a parameters cell."""
    shutil.copytree(FIXTURE_NB, folder)
    nb = new_notebook(
        cells=[
            new_code_cell(
                "satker = 'x'\ntahun = 2023\ndata_dir = 'data'", metadata={"tags": ["parameters"]}
            ),
            *(new_code_cell(s) for s in sel),
        ]
    )
    nbformat.write(nb, folder / "04_uji.ipynb")
    return folder


@pytest.fixture(scope="module")
def laporan_lama(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(data, outputs) with a good previous report of contoh-satker 2023."""
    root = tmp_path_factory.mktemp("lama")
    data = _data(root)
    with pytest.MonkeyPatch.context() as mp:
        _stub(mp)
        build(SATKER, TAHUN, data, root / "outputs", pdf=False, notebooks_dir=FIXTURE_NB,
              progress=False, paksa=True)  # fmt: skip
    return data, root / "outputs"


@pytest.fixture
def lingkungan(laporan_lama: tuple[Path, Path], tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A private copy of the previous report; checks stubbed."""
    data, out = laporan_lama
    salinan = tmp_path / "outputs"
    shutil.copytree(out, salinan, symlinks=True)
    with pytest.MonkeyPatch.context() as mp:
        _stub(mp)
        yield data, salinan


def _dalam_batas(fungsi: Callable[[], object], detik: float) -> object:
    """Run ``fungsi`` in a thread; fail (instead of hanging the suite) after ``detik``."""
    hasil: dict[str, object] = {}

    def jalan() -> None:
        try:
            hasil["nilai"] = fungsi()
        except BaseException as err:  # handed to the test below
            hasil["galat"] = err

    t = threading.Thread(target=jalan, daemon=True)
    t.start()
    t.join(detik)
    if t.is_alive():
        pytest.fail(f"masih berjalan setelah {detik} detik (menggantung)")
    if "galat" in hasil:
        raise hasil["galat"]  # type: ignore[misc]
    return hasil.get("nilai")


# --------------------------------------------------------------------------- time-out


@pytest.mark.e2e
@pytest.mark.parametrize(
    "sel,cara",
    [
        ("import time\ntime.sleep(3600)", "dihentikan (interupsi)"),
        (
            "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\ntime.sleep(3600)",
            "dimatikan lalu dimulai ulang",
        ),
    ],
    ids=["interupsi", "bunuh-dan-mulai-ulang"],
)
def test_batas_waktu_sel_menghentikan_kernel(
    lingkungan: tuple[Path, Path], tmp_path: Path, sel: str, cara: str
) -> None:
    # Before: after the time-out the kernel reset waited forever on the busy kernel.
    data, out = lingkungan
    sebelum = _sidik(out / SATKER / str(TAHUN))
    nb = _nb_dengan(tmp_path / "nb", "x = 1", sel)
    with pytest.raises(BuildError) as info:
        _dalam_batas(
            lambda: _bangun_fixture(data, out, notebooks_dir=nb, batas_waktu_sel=2),
            90,
        )
    pesan = str(info.value)
    assert "04_uji.ipynb" in pesan and "sel ke-3" in pesan, pesan
    assert "lebih dari 2 detik" in pesan and cara in pesan, pesan
    assert _sidik(out / SATKER / str(TAHUN)) == sebelum
    assert _sisa(out / SATKER) == []


@pytest.mark.e2e
def test_batas_waktu_sel_dari_variabel_lingkungan(
    lingkungan: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lkjip_helpers.bangun.kernel import batas_waktu_sel

    monkeypatch.setenv("LKJIP_BATAS_WAKTU_SEL", "2")
    assert batas_waktu_sel() == 2 and batas_waktu_sel(7) == 7
    data, out = lingkungan
    nb = _nb_dengan(tmp_path / "nb", "import time\ntime.sleep(3600)")
    with pytest.raises(BuildError, match="lebih dari 2 detik"):
        _dalam_batas(
            lambda: build(
                SATKER, TAHUN, data, out, pdf=False, notebooks_dir=nb, progress=False, paksa=True
            ),
            90,
        )
    monkeypatch.setenv("LKJIP_BATAS_WAKTU_SEL", "sebentar")
    with pytest.raises(LkjipError, match="LKJIP_BATAS_WAKTU_SEL"):
        build(SATKER, TAHUN, data, out, pdf=False, notebooks_dir=nb, progress=False, paksa=True)


# --------------------------------------------------------------------------- kernel death


@pytest.mark.e2e
def test_kernel_mati_laporan_lama_utuh(lingkungan: tuple[Path, Path], tmp_path: Path) -> None:
    data, out = lingkungan
    sebelum = _sidik(out / SATKER / str(TAHUN))
    nb = _nb_dengan(tmp_path / "nb", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
    with pytest.raises(BuildError) as info:
        _dalam_batas(
            lambda: build(
                SATKER, TAHUN, data, out, pdf=False, notebooks_dir=nb, progress=False, paksa=True
            ),
            90,
        )
    assert "04_uji.ipynb" in str(info.value)
    assert _sidik(out / SATKER / str(TAHUN)) == sebelum
    assert _sisa(out / SATKER) == []


# --------------------------------------------------------------------------- interruptions


def _sela_di(mp: pytest.MonkeyPatch, titik: str) -> None:
    """Make the build raise KeyboardInterrupt at ``titik``."""

    def sela(*a: object, **k: object) -> None:
        raise KeyboardInterrupt

    if titik == "pemeriksaan":
        _stub(mp, periksa=sela)
    elif titik == "eksekusi":
        mp.setattr(susun, "eksekusi_bab", sela)
    elif titik == "html":
        mp.setattr("lkjip_helpers.keluaran.html.rakit", sela)
    elif titik == "xlsx":
        mp.setattr("lkjip_helpers.keluaran.xlsx.tulis_xlsx", sela)
    elif titik == "build_json":
        mp.setattr("lkjip_helpers.bangun.catatan.sidik_masukan", sela)
    elif titik == "pertukaran":
        asli = os.replace
        panggilan: list[object] = []

        def replace(a: object, b: object) -> None:
            panggilan.append(a)
            if len(panggilan) == 2:  # between the two renames of the swap
                raise KeyboardInterrupt
            asli(a, b)

        mp.setattr(os, "replace", replace)


@pytest.mark.e2e
@pytest.mark.parametrize(
    "titik", ["pemeriksaan", "eksekusi", "html", "xlsx", "build_json", "pertukaran"]
)
def test_interupsi_di_setiap_langkah(lingkungan: tuple[Path, Path], titik: str) -> None:
    data, out = lingkungan
    sebelum = _sidik(out / SATKER / str(TAHUN))
    with pytest.MonkeyPatch.context() as mp:
        _sela_di(mp, titik)
        with pytest.raises(KeyboardInterrupt):
            _bangun_fixture(data, out)
    assert _sidik(out / SATKER / str(TAHUN)) == sebelum
    assert _sisa(out / SATKER) == []


def _bangun_cli(out: Path, nb: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            *LKJIP,
            "build",
            "--satker",
            "lapas-banyuasin",
            "--tahun",
            "2023",
            "--data-dir",
            str(DATA),
            "--out-dir",
            str(out),
            "--notebooks-dir",
            str(nb),
            "--tanpa-pdf",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, like a terminal job
    )


@pytest.fixture(scope="module")
def laporan_contoh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """outputs/ with a good report of the sample satker (fixture notebooks), via the CLI."""
    out = tmp_path_factory.mktemp("contoh") / "outputs"
    p = _bangun_cli(out, FIXTURE_NB)
    _, err = p.communicate(timeout=180)
    assert p.returncode == 0, err.decode()
    return out


def _tunggu_penanda(penanda: Path, p: subprocess.Popen) -> None:
    batas = time.monotonic() + 120
    while not penanda.exists():
        if p.poll() is not None or time.monotonic() > batas:
            _, err = p.communicate()
            pytest.fail(f"build tidak mencapai sel yang tidur: {err.decode()[-2000:]}")
        time.sleep(0.1)
    time.sleep(0.3)


@pytest.mark.e2e
@pytest.mark.parametrize(
    "sinyal,kode,baris",
    [(signal.SIGINT, 130, "Dibatalkan."), (signal.SIGTERM, 143, "Dihentikan (SIGTERM).")],
    ids=["SIGINT", "SIGTERM"],
)
def test_sinyal_saat_notebook_berjalan(
    laporan_contoh: Path, tmp_path: Path, sinyal: int, kode: int, baris: str
) -> None:
    # Before: SIGTERM left a .tmp folder; SIGINT printed an asyncio "Task exception was never
    # retrieved" traceback after "Dibatalkan.".
    out = tmp_path / "outputs"
    shutil.copytree(laporan_contoh, out)
    folder = out / "lapas-banyuasin" / "2023"
    sebelum = _sidik(folder)
    penanda = tmp_path / "penanda"
    nb = _nb_dengan(
        tmp_path / "nb",
        f"import pathlib, time\npathlib.Path({str(penanda)!r}).write_text('x')\ntime.sleep(600)",
    )
    p = _bangun_cli(out, nb)
    _tunggu_penanda(penanda, p)
    os.killpg(p.pid, sinyal)  # the whole group, as Ctrl-C in a terminal does
    _, err = p.communicate(timeout=60)
    teks = err.decode()
    assert p.returncode == kode, teks
    # stderr is not a terminal here: the build's plain progress lines come first, then the
    # one closing line; never a traceback
    assert _tanpa_kemajuan(teks) == [baris], teks
    assert "Traceback" not in teks
    assert _sidik(folder) == sebelum
    assert _sisa(out / "lapas-banyuasin") == []


@pytest.mark.e2e
def test_sigkill_sisa_dibereskan_build_berikutnya(laporan_contoh: Path, tmp_path: Path) -> None:
    # Before: a killed build left a .tmp folder that the next build kept for an hour.
    out = tmp_path / "outputs"
    shutil.copytree(laporan_contoh, out)
    folder_satker = out / "lapas-banyuasin"
    sebelum = _sidik(folder_satker / "2023")
    penanda = tmp_path / "penanda"
    nb = _nb_dengan(
        tmp_path / "nb",
        f"import pathlib, time\npathlib.Path({str(penanda)!r}).write_text('x')\ntime.sleep(600)",
    )
    p = _bangun_cli(out, nb)
    _tunggu_penanda(penanda, p)
    os.killpg(p.pid, signal.SIGKILL)
    p.communicate(timeout=60)
    assert any(n.startswith(".2023.tmp-") for n in _sisa(folder_satker)), "the kill left a tmp"
    assert _sidik(folder_satker / "2023") == sebelum
    p = _bangun_cli(out, FIXTURE_NB)
    _, err = p.communicate(timeout=180)
    assert p.returncode == 0, err.decode()
    assert _sisa(folder_satker) == []


@pytest.mark.e2e
def test_crash_di_tengah_pertukaran_lalu_check_dan_build_gagal(
    laporan_contoh: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # Before: a crash between the two renames of the swap, then `check` (which wrote into the
    # missing report folder) and a failing build deleted the previous good report.
    out = tmp_path / "outputs"
    shutil.copytree(laporan_contoh, out)
    folder_satker = out / "lapas-banyuasin"
    final = folder_satker / "2023"
    sebelum = _sidik(final)
    cadangan = folder_satker / ".2023.lama-dead0000"
    os.replace(final, cadangan)  # the state a SIGKILL between the renames leaves
    os.utime(cadangan, (time.time() - 7200, time.time() - 7200))
    tmp_mati = folder_satker / ".2023.tmp-dead00000000"
    tmp_mati.mkdir()
    (tmp_mati / "laporan.html").write_text("setengah", encoding="utf-8")

    argumen = ["--satker", "lapas-banyuasin", "--tahun", "2023", "--data-dir", str(DATA),
               "--out-dir", str(out)]  # fmt: skip
    assert main(["check", *argumen]) == 0
    capsys.readouterr()
    assert not final.exists(), "check does not create the report folder"

    nb = _nb_dengan(tmp_path / "nb", "1 / 0")
    assert main(["build", *argumen, "--notebooks-dir", str(nb), "--tanpa-pdf"]) == 1
    _, err = capsys.readouterr()
    assert "ZeroDivisionError" in err
    assert _sidik(final) == sebelum, "the previous good report is back"
    assert _sisa(folder_satker) == []


def test_check_tidak_menyentuh_laporan(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    # Before: `lkjip check` overwrote the built report's pemeriksaan.json.
    folder = tmp_path / "outputs" / "lapas-banyuasin" / "2023"
    folder.mkdir(parents=True)
    (folder / "pemeriksaan.json").write_text("[]\n", encoding="utf-8")
    (folder / "build.json").write_text('{"findings": {}}\n', encoding="utf-8")
    sebelum = _sidik(folder)
    kode = main(["check", "--satker", "lapas-banyuasin", "--tahun", "2023",
                 "--data-dir", str(DATA), "--out-dir", str(tmp_path / "outputs")])  # fmt: skip
    out, _ = capsys.readouterr()
    assert kode == 0
    assert _sidik(folder) == sebelum
    tujuan = tmp_path / "outputs" / "lapas-banyuasin" / "pemeriksaan-2023.json"
    assert f"Temuan ditulis ke {tujuan}" in out
    assert json.loads(tujuan.read_text(encoding="utf-8"))["satker"] == "lapas-banyuasin"


def test_build_kedua_bersamaan_ditolak(lingkungan: tuple[Path, Path]) -> None:
    pytest.importorskip("fcntl")
    import fcntl

    data, out = lingkungan
    kunci = out / SATKER / f".{TAHUN}.kunci"
    fd = os.open(kunci, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(BuildError, match="sedang berjalan"):
            _bangun_fixture(data, out)
    finally:
        os.close(fd)
        kunci.unlink()


# --------------------------------------------------------------------------- write errors


def _satu_baris_tanpa_traceback(teks: str) -> str:
    baris = [b for b in teks.strip().splitlines() if b.strip()]
    assert "Traceback" not in teks and "OSError" not in teks and "Errno" not in teks, teks
    return " ".join(baris)


def test_out_dir_berupa_berkas(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    berkas = tmp_path / "bukan-folder"
    berkas.write_text("x", encoding="utf-8")
    kode = main(["check", "--satker", "lapas-banyuasin", "--tahun", "2023",
                 "--data-dir", str(DATA), "--out-dir", str(berkas)])  # fmt: skip
    _, err = capsys.readouterr()
    teks = _satu_baris_tanpa_traceback(err)
    assert kode == 3
    assert str(berkas) in teks and "bukan folder" in teks, teks


def test_build_out_dir_berupa_berkas(laporan_lama: tuple[Path, Path], tmp_path: Path) -> None:
    data, _ = laporan_lama
    berkas = tmp_path / "bukan-folder"
    berkas.write_text("x", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        _stub(mp)
        with pytest.raises(LkjipError) as info:
            build(SATKER, TAHUN, data, berkas, pdf=False, notebooks_dir=FIXTURE_NB,
                  progress=False, paksa=True)  # fmt: skip
    assert info.value.exit_code == 3
    assert str(berkas) in str(info.value) and "bukan folder" in str(info.value)


def test_folder_keluaran_hanya_baca(
    lingkungan: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read-only output folder (simulated: the tests run as root, which ignores modes)."""
    data, out = lingkungan
    sebelum = _sidik(out / SATKER / str(TAHUN))
    asli = Path.mkdir

    def mkdir(self: Path, *a: object, **k: object) -> None:
        if self.name.startswith(f".{TAHUN}.tmp-"):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        asli(self, *a, **k)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    with pytest.raises(LkjipError) as info:
        _bangun_fixture(data, out)
    pesan = str(info.value)
    assert info.value.exit_code == 3 and "\n" not in pesan
    assert "tidak dapat menulis" in pesan and "izin ditolak" in pesan and str(out) in pesan
    assert _sidik(out / SATKER / str(TAHUN)) == sebelum


def _disk_penuh(path: object) -> OSError:
    return OSError(errno.ENOSPC, "No space left on device", str(path))


def test_check_disk_penuh(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch) -> None:
    # Before: an English OSError traceback and a 0-byte .pemeriksaan.json.tmp.
    asli = Path.write_text

    def write_text(self: Path, *a: object, **k: object) -> int:
        if self.parent.name == "lapas-banyuasin":
            asli(self, "", encoding="utf-8")  # the file is created, then the disk is full
            raise _disk_penuh(self)
        return asli(self, *a, **k)

    monkeypatch.setattr(Path, "write_text", write_text)
    out = tmp_path / "outputs"
    kode = main(["check", "--satker", "lapas-banyuasin", "--tahun", "2023",
                 "--data-dir", str(DATA), "--out-dir", str(out)])  # fmt: skip
    _, err = capsys.readouterr()
    teks = _satu_baris_tanpa_traceback(err)
    assert kode == 3
    assert "disk penuh" in teks and "pemeriksaan-2023.json" in teks, teks
    assert list((out / "lapas-banyuasin").iterdir()) == [], "no 0-byte temporary file left"


@pytest.mark.e2e
@pytest.mark.parametrize("tempat", ["xlsx", "notebook"])
def test_build_disk_penuh(lingkungan: tuple[Path, Path], tempat: str) -> None:
    # Before: the message hid the real cause ("pembangunan laporan gagal: OSError …" or a
    # chapter failure).
    data, out = lingkungan
    sebelum = _sidik(out / SATKER / str(TAHUN))
    with pytest.MonkeyPatch.context() as mp:
        if tempat == "xlsx":

            def tulis_xlsx(tabel: object, tujuan: Path, *a: object) -> None:
                tujuan.write_bytes(b"")
                raise _disk_penuh(tujuan)

            mp.setattr("lkjip_helpers.keluaran.xlsx.tulis_xlsx", tulis_xlsx)
        else:
            from papermill.iorw import LocalHandler

            def write(self: object, buf: str, path: str) -> None:
                raise _disk_penuh(path)

            mp.setattr(LocalHandler, "write", write)
        with pytest.raises(LkjipError) as info:
            _bangun_fixture(data, out)
    pesan = str(info.value)
    assert info.value.exit_code == 3, pesan
    assert "disk penuh" in pesan and "tidak dapat menulis" in pesan and "\n" not in pesan
    assert "OSError" not in pesan and "Errno" not in pesan
    assert _sidik(out / SATKER / str(TAHUN)) == sebelum
    assert _sisa(out / SATKER) == []


# --------------------------------------------------------------------------- other faults


def test_build_hanya_melempar_lkjip_error(lingkungan: tuple[Path, Path]) -> None:
    """A batch catches LkjipError; build() must not let anything else out."""
    data, out = lingkungan

    def meledak(s: str, t: int, d: Path, **kw: object) -> list:
        raise decimal.InvalidOperation([decimal.InvalidOperation])

    with pytest.MonkeyPatch.context() as mp:
        _stub(mp, periksa=meledak)
        with pytest.raises(BuildError, match="InvalidOperation"):
            _bangun_fixture(data, out)
    with pytest.MonkeyPatch.context() as mp:
        _stub(mp)
        mp.setattr(susun, "nama_satker", lambda d, s: 1 / 0)
        with pytest.raises(BuildError, match="ZeroDivisionError"):
            _bangun_fixture(data, out)
    assert _sisa(out / SATKER) == []


@pytest.mark.e2e
def test_tanpa_pustaka_pdf_html_tetap_dibangun(
    laporan_lama: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # Before: `make sample` without pango failed entirely ("OSError: cannot load library
    # 'libgobject-2.0-0'") and wrote no HTML either.
    data, _ = laporan_lama
    out = tmp_path / "outputs"

    def tanpa_pango() -> None:
        raise OSError(
            "cannot load library 'libgobject-2.0-0': libgobject-2.0-0: cannot open shared "
            "object file: No such file or directory"
        )

    with pytest.MonkeyPatch.context() as mp:
        _stub(mp)
        mp.setattr("lkjip_helpers.keluaran.pdf._impor_weasyprint", tanpa_pango)
        mp.setitem(sys.modules, "weasyprint", None)  # nothing else may import it either
        kode = main(["build", "--satker", SATKER, "--tahun", "2023", "--data-dir", str(data),
                     "--out-dir", str(out), "--notebooks-dir", str(FIXTURE_NB)])  # fmt: skip
    _keluar, err = capsys.readouterr()
    assert kode == 4, err
    folder = out / SATKER / "2023"
    assert (folder / "laporan.html").is_file() and not (folder / "laporan.pdf").exists()
    assert (folder / "tabel.xlsx").is_file() and (folder / "build.json").is_file()
    teks = " ".join(err.split())
    assert "Traceback" not in err and "PDF tidak dibuat" in teks
    assert "libglib2.0-0" in teks and "apt-get install" in teks and "conda" in teks
    assert len(_tanpa_kemajuan(err)) <= 3  # one message (rich may wrap it)
    rec = json.loads((folder / "build.json").read_text(encoding="utf-8"))
    assert rec["pdf_skipped"].startswith("PDF tidak dibuat")
    assert "laporan.pdf" not in rec["outputs"]


@pytest.mark.e2e
def test_tanpa_pustaka_pdf_sampel_dingin_dengan_docx(tmp_path: Path) -> None:
    """The sample built cold with its DOCX (whose reuse key is computed by a worker started
    before the others) on a machine without Pango: the PDF is skipped with the message, the
    HTML and both DOCX are written. Before, the build read the library check from the wrong
    worker and went on to print."""
    out = tmp_path / "outputs"

    def tanpa_pango() -> None:
        raise OSError("cannot load library 'libgobject-2.0-0': cannot open shared object file")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("lkjip_helpers.keluaran.pdf._impor_weasyprint", tanpa_pango)
        hasil = build("lapas-banyuasin", 2023, DATA, out, progress=False)
    assert hasil.pdf is None and hasil.pdf_dilewati.startswith("PDF tidak dibuat")
    for nama in ("laporan.html", "laporan.docx", "tinjauan.docx", "tinjauan.html"):
        assert (hasil.folder / nama).is_file(), nama
    assert not (hasil.folder / "laporan.pdf").exists()


@pytest.mark.e2e
def test_pipa_ditutup_pembaca(tmp_path: Path) -> None:
    # Before: `lkjip check | head` exited 1 with a BrokenPipeError.
    tujuan = tmp_path / "temuan.json"
    p = subprocess.Popen(
        [
            *LKJIP,
            "check",
            "--satker",
            "lapas-banyuasin",
            "--tahun",
            "2023",
            "--data-dir",
            str(DATA),
            "--json",
            str(tujuan),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert p.stdout is not None
    p.stdout.close()  # the reader is gone before anything is printed
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0, err.decode()
    assert err.decode().strip() == ""
    assert json.loads(tujuan.read_text(encoding="utf-8"))["ringkasan"]["error"] == 0


@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
def test_kernel_ditutup_sebelum_siap_tanpa_galat_utas(tmp_path: Path) -> None:
    # A build that stops before its first chapter (data errors, Ctrl-C during the checks)
    # closes a kernel it never talked to. The client's channel threads used to be started at
    # launch, and a heartbeat thread still opening its socket then died with "ZMQError: Too
    # many open files" on stderr. Channels now start when the kernel is first needed.
    from lkjip_helpers.bangun.kernel import KernelBersama

    for _ in range(5):
        with KernelBersama(tmp_path, impor=["import json"]) as kernel:
            assert kernel.kc is None  # no channel before it is needed
    with KernelBersama(tmp_path, impor=["import json"]) as kernel:
        kernel.siapkan()
        assert kernel.hidup()


@pytest.mark.e2e
def test_kernel_mati_sebelum_menjawab_diluncurkan_ulang_sekali(tmp_path: Path) -> None:
    """A kernel that dies before its first answer (two kernels started at once by a batch's
    workers can be handed the same port) is launched once more, on new ports; one that dies
    again stops the build with the kernel's own output."""
    import os
    import signal

    from lkjip_helpers.bangun.kernel import KernelBersama
    from lkjip_helpers.errors import BuildError

    class KernelRapuh(KernelBersama):
        def __init__(self, mati: int) -> None:
            super().__init__(tmp_path, startup_timeout=30)
            self.mati, self.diluncurkan_kali = mati, 0

        def _luncurkan(self) -> None:
            super()._luncurkan()
            self.diluncurkan_kali += 1
            if self.diluncurkan_kali <= self.mati:  # dies before it can answer
                assert self.km is not None
                os.kill(self.km.provisioner.pid, signal.SIGKILL)  # type: ignore[union-attr]

    with KernelRapuh(mati=1) as kernel:
        kernel.siapkan()
        assert kernel.diluncurkan_kali == 2 and kernel.hidup()
    rapuh = KernelRapuh(mati=2)
    with pytest.raises(BuildError, match="berhenti sebelum menjawab kernel_info"), rapuh:
        rapuh.siapkan()
    assert rapuh.diluncurkan_kali == 2 and rapuh.km is None
