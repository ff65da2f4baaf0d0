"""A PDF printed in a child process: the file, its failures raised as the same kind of error,
and a child stopped when the build is abandoned."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from lkjip_helpers.keluaran.cetak_terpisah import (
    AnakCetak,
    CetakTerpisah,
    GagalCetak,
    _ProsesCabang,
    bisa_bercabang,
)

pytest.importorskip("weasyprint")

HTML = "<!DOCTYPE html><html><head><title>uji</title></head><body><p>Memo uji</p></body></html>"


def test_pdf_dicetak_oleh_proses_anak(tmp_path: Path) -> None:
    tujuan = tmp_path / "tinjauan.pdf"
    cetak = CetakTerpisah(HTML, tujuan, "Memo Tinjauan — uji")
    cetak.tunggu()
    assert tujuan.read_bytes().startswith(b"%PDF-")
    assert list(tmp_path.iterdir()) == [tujuan]  # the child's HTML source is removed
    cetak.tunggu()  # idempotent
    cetak.hentikan()


def test_galat_tulis_anak_tetap_oserror(tmp_path: Path) -> None:
    # The child cannot read its source (the folder is gone): the build must still see an
    # OSError, so a full disk or a removed folder is reported as a write error naming the path.
    folder = tmp_path / "keluaran"
    folder.mkdir()
    cetak = CetakTerpisah(HTML, folder / "tinjauan.pdf", "uji")
    cetak.sumber.rename(tmp_path / "sumber.html")
    folder.rmdir()
    with pytest.raises(OSError) as info:
        cetak.tunggu()
    assert info.value.errno == errno.ENOENT


def test_anak_dihentikan_tanpa_sisa(tmp_path: Path) -> None:
    besar = "<!DOCTYPE html><html><body>" + "<p>kalimat panjang</p>" * 20000 + "</body></html>"
    tujuan = tmp_path / "tinjauan.pdf"
    cetak = CetakTerpisah(besar, tujuan, "uji")
    assert cetak.proses is not None
    proses = cetak.proses
    cetak.hentikan()
    assert proses.returncode is not None  # no child left running
    assert not cetak.sumber.exists()
    cetak.hentikan()  # idempotent


@pytest.mark.e2e
def test_bangun_gagal_menghentikan_cetak_memo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The memo's PDF is printed by a child (forked, or a fresh interpreter) beside
    # laporan.pdf; when printing the report fails, that child is stopped before the
    # temporary folder is removed: no process left, no leftovers, no report.
    import time

    import psutil

    from lkjip_helpers.bangun.susun import build
    from lkjip_helpers.errors import BuildError
    from lkjip_helpers.keluaran import cetak_bab

    def gagal(*args: object, **kwargs: object) -> bool:
        time.sleep(0.3)  # the memo's child is printing
        raise RuntimeError("cetak laporan gagal untuk uji")

    monkeypatch.setattr(cetak_bab, "cetak_per_bab", gagal)
    sebelum = {p.pid for p in psutil.Process().children(recursive=True)}
    root = Path(__file__).parents[1]
    out = tmp_path / "outputs"
    with pytest.raises(BuildError, match="cetak laporan gagal"):
        build("lapas-banyuasin", 2023, root / "data", out, progress=False, docx=False)
    sisa = [
        p
        for p in psutil.Process().children(recursive=True)
        if p.pid not in sebelum and p.status() != psutil.STATUS_ZOMBIE
    ]
    assert sisa == []
    folder = out / "lapas-banyuasin"
    assert (
        sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and "tmp" in p.name) == []
    )
    assert not (folder / "2023").exists()  # no report before, none half-written now


# --------------------------------------------------------------------------- forked children

cabang = pytest.mark.skipif(not bisa_bercabang(), reason="children are forked on Linux only")


def _anak(kerja: object, tmp_path: Path) -> AnakCetak:
    sementara = tmp_path / "spek.json"
    sementara.write_text("{}", encoding="utf-8")
    return AnakCetak("tidak.dipakai", [], sementara, cabang=kerja)  # type: ignore[arg-type]


@cabang
def test_anak_bercabang_bekerja_dan_galatnya_kembali(tmp_path: Path) -> None:
    """A forked child does its work with what this process holds; its failures come back as
    from a fresh interpreter: an OSError stays one (errno, file), anything else is named."""
    import os

    ditulis = tmp_path / "hasil.txt"
    a = _anak(lambda: ditulis.write_text(str(os.getpid()), encoding="utf-8") and None, tmp_path)
    assert isinstance(a.proses, _ProsesCabang) and a.galat() is None
    assert ditulis.read_text(encoding="utf-8") not in ("", str(os.getpid()))
    assert not (tmp_path / "spek.json").exists()

    def penuh() -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "laporan.docx"))

    with pytest.raises(OSError) as info:
        AnakCetak.angkat(_anak(penuh, tmp_path).galat() or {})
    assert info.value.errno == errno.ENOSPC and info.value.filename.endswith("laporan.docx")

    def rusak() -> None:
        raise ValueError("model tidak dapat disusun")

    with pytest.raises(GagalCetak, match="ValueError: model tidak dapat disusun"):
        AnakCetak.angkat(_anak(rusak, tmp_path).galat() or {})


@cabang
def test_anak_bercabang_tidak_menjalankan_pembersihan_induk(tmp_path: Path) -> None:
    """Whatever ends the forked child (an interrupt, SystemExit), it never unwinds into the
    parent's frames: the clean-up around it (here: a line appended) runs once, in the parent;
    a child still running is killed and reaped."""
    import time

    jejak = tmp_path / "jejak.txt"

    def jalankan(kerja: object) -> AnakCetak:
        try:
            return _anak(kerja, tmp_path)
        finally:
            with jejak.open("a", encoding="utf-8") as f:
                f.write("bersihkan\n")

    def interupsi() -> None:
        raise KeyboardInterrupt

    def keluar() -> None:
        raise SystemExit(0)

    assert jalankan(interupsi).galat() == {"jenis": "kode keluar 130", "pesan": ""}
    assert jalankan(keluar).galat() is not None
    lama = jalankan(lambda: time.sleep(30))
    proses = lama.proses
    lama.hentikan()
    assert proses.returncode is not None and lama.proses is None
    assert jejak.read_text(encoding="utf-8").splitlines() == ["bersihkan"] * 3


def test_hanya_utas_utama_yang_bercabang(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build in another thread (a Dask worker's task) or with ``LKJIP_TANPA_CABANG`` starts
    fresh interpreters: forking beside other running threads is not safe."""
    import sys
    import threading

    hasil: list[bool] = []
    utas = threading.Thread(target=lambda: hasil.append(bisa_bercabang()))
    utas.start()
    utas.join()
    assert hasil == [False]
    assert bisa_bercabang() is sys.platform.startswith("linux")
    monkeypatch.setenv("LKJIP_TANPA_CABANG", "1")
    assert bisa_bercabang() is False


@cabang
def test_anak_bercabang_tanpa_pengumpul_dan_induk_membeku(tmp_path: Path) -> None:
    """A forked child never runs the cyclic collector (its garbage ends with ``os._exit``);
    inside a build's :func:`~lkjip_helpers.sampah.dibekukan` block the build freezes what it
    holds before forking, and unfreezes it when the block ends."""
    import gc

    from lkjip_helpers.sampah import dibekukan

    laporan = tmp_path / "gc.txt"
    gc.unfreeze()
    with dibekukan():
        sebelum = gc.get_freeze_count()
        baru = [object() for _ in range(10)]  # tracked objects made after the block began
        baru.append([baru])
        a = _anak(
            lambda: laporan.write_text(str(gc.isenabled()), encoding="utf-8") and None, tmp_path
        )
        assert a.galat() is None
        assert gc.get_freeze_count() > sebelum  # frozen again before the fork
        assert gc.isenabled()
    assert laporan.read_text(encoding="utf-8") == "False"
    assert gc.get_freeze_count() == 0
