"""The chart cache shared by the kernel and the build (laporan.grafik.TembolokGrafik)."""

from __future__ import annotations

import base64
import json
import threading
from pathlib import Path

import pytest

from lkjip_helpers.bangun.kernel import _SIAPKAN_GRAFIK, baris_impor
from lkjip_helpers.laporan import model as m
from lkjip_helpers.laporan.bundel import MIME_BAGIAN, gambar_notebook
from lkjip_helpers.laporan.grafik import (
    DPI,
    ENV_DASAR,
    ENV_TEMBOLOK,
    TembolokGrafik,
    kunci_tembolok,
)

ROOT = Path(__file__).resolve().parents[1]
PNG = b"\x89PNG\r\n\x1a\n"  # the 8-byte PNG signature stands for a picture


def _bar(*nilai: int) -> str:
    _bar.digambar.append(nilai)  # type: ignore[attr-defined]
    return base64.b64encode(PNG + b"digambar").decode("ascii")


def test_kernel_mengambil_grafik_dari_tembolok_tanpa_menggambar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kernel given the cache (the build sets two environment variables) takes a chart kept
    under its key and draws nothing; outside a build, or for a chart not kept, it draws."""
    _bar.digambar = []  # type: ignore[attr-defined]
    g = m.Gambar.grafik("capaian", "Capaian", _bar, 1, 2)
    assert g.masukan
    (tmp_path / f"{kunci_tembolok('dasar-1', g.masukan)}.png").write_bytes(PNG + b"tersimpan")
    monkeypatch.setenv(ENV_TEMBOLOK, str(tmp_path))
    monkeypatch.setenv(ENV_DASAR, "dasar-1")
    assert base64.b64decode(g.gambar()[1]) == PNG + b"tersimpan"
    assert _bar.digambar == []  # type: ignore[attr-defined]

    monkeypatch.setenv(ENV_DASAR, "dasar-2")  # other code or fonts: another key
    g2 = m.Gambar.grafik("capaian", "Capaian", _bar, 1, 2)
    assert base64.b64decode(g2.gambar()[1]) == PNG + b"digambar"
    monkeypatch.delenv(ENV_TEMBOLOK)
    monkeypatch.setenv(ENV_DASAR, "dasar-1")
    g3 = m.Gambar.grafik("capaian", "Capaian", _bar, 1, 2)
    assert base64.b64decode(g3.gambar()[1]) == PNG + b"digambar"
    assert _bar.digambar == [(1, 2), (1, 2)]  # type: ignore[attr-defined]


def test_kunci_tembolok_memuat_dasar_masukan_dan_dpi() -> None:
    """The key changes with each of its three parts (code/environment, inputs, resolution):
    a chart is never taken for another."""
    k = kunci_tembolok("a", "b")
    assert len(k) == 64 and k != kunci_tembolok("a", "c") and k != kunci_tembolok("x", "b")
    assert str(DPI) == "200"


def test_gambar_notebook_dan_tembolok(tmp_path: Path) -> None:
    """The charts an executed chapter displays are found in its sections' JSON (nested
    groups too) by their inputs; the cache keeps them (marked used); the DOCX's lookup waits
    for a chart the kernel is drawing (its claim), and draws one nobody draws itself."""
    nb = {
        "cells": [
            {"cell_type": "markdown", "source": "# Bab"},
            {
                "cell_type": "code",
                "outputs": [
                    {
                        "output_type": "display_data",
                        "data": {
                            MIME_BAGIAN: {
                                "nama": "x",
                                "blok": [
                                    {
                                        "jenis": "kelompok",
                                        "blok": [
                                            {
                                                "jenis": "gambar",
                                                "masukan": "m1",
                                                "mime": "image/png",
                                                "base64": "QUJD",
                                            }
                                        ],
                                    },
                                    {"jenis": "gambar", "masukan": None, "base64": "x"},
                                ],
                            }
                        },
                    }
                ],
            },
        ]
    }
    assert gambar_notebook(nb) == {"m1": ("image/png", "QUJD")}
    tembolok = TembolokGrafik(tmp_path / "g", "dasar")
    tembolok.simpan(gambar_notebook(nb))
    assert (tmp_path / "g" / f"{kunci_tembolok('dasar', 'm1')}.png").read_bytes() == b"ABC"

    _bar.digambar = []  # type: ignore[attr-defined]
    g = m.Gambar.grafik("lain", "Lain", _bar, 3)
    nama = tmp_path / "g" / f"{kunci_tembolok('dasar', g.masukan or '')}.png"
    klaim = nama.with_name(nama.name + ".garap")
    klaim.write_text(str(__import__("os").getpid()), encoding="ascii")  # the kernel draws it

    # the kernel keeps it while the DOCX waits: taken from the cache, not drawn
    def bab_menggambar() -> None:  # as a chart is kept: written, renamed, claim released
        sementara = nama.with_name(".sementara")
        sementara.write_bytes(PNG + b"dari bab")
        sementara.replace(nama)
        klaim.unlink()

    threading.Timer(0.1, bab_menggambar).start()
    assert base64.b64decode(tembolok.gambar(g)[1]) == PNG + b"dari bab"
    assert _bar.digambar == []  # type: ignore[attr-defined]

    # nobody draws it: drawn here, and kept
    g2 = m.Gambar.grafik("lain2", "Lain 2", _bar, 4)
    assert base64.b64decode(tembolok.gambar(g2)[1]) == PNG + b"digambar"
    assert _bar.digambar == [(4,)]  # type: ignore[attr-defined]
    (tmp_path / "g" / "usang.png").write_bytes(PNG)
    tembolok.rapikan()
    assert len(list((tmp_path / "g").iterdir())) == 3  # the three charts this build used


def test_pemanasan_tanpa_matplotlib_bila_semua_grafik_tersimpan() -> None:
    """The kernel's warm-up imports the chapters' modules and matplotlib; without it when
    every chart is in the cache."""
    bab = sorted((ROOT / "notebooks").glob("0*.ipynb"))
    assert baris_impor(bab)[-1] == _SIAPKAN_GRAFIK
    assert _SIAPKAN_GRAFIK not in baris_impor(bab, grafik=False)
    assert "from lkjip_helpers.laporan import Laporan" in baris_impor(bab, grafik=False)


def test_pemanasan_memuat_model_yang_dipakai_bab_pertama(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm-up's model line loads the report as the first chapter's ``Laporan(...)``
    will ask for it (the data folder relative to the chapters' folder, the kernel's working
    directory): the chapter gets the very model the warm-up built."""
    import shutil

    from lkjip_helpers.bangun.kernel import baris_model
    from lkjip_helpers.hitung import hasil_laporan
    from lkjip_helpers.laporan import Laporan
    from lkjip_helpers.muat import data as muat_data

    dimuat: list[str] = []
    asli = muat_data.muat_laporan
    monkeypatch.setattr(
        muat_data, "muat_laporan", lambda *a, **k: dimuat.append(a[0]) or asli(*a, **k)
    )
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    ruang: dict[str, object] = {}
    exec(baris_model("lapas-banyuasin", 2023, tmp_path / "data", "tahunan"), ruang)
    assert dimuat == ["lapas-banyuasin"]
    lap = Laporan("lapas-banyuasin", 2023, "../data", periode="tahunan", bab=0)
    assert dimuat == ["lapas-banyuasin"], "the chapter loaded nothing again"
    assert lap.hasil is hasil_laporan("lapas-banyuasin", 2023, tmp_path / "data")
    assert set(ruang) == {"__builtins__", "hasil_laporan", "dokumen_laporan"}


def _garap(t: TembolokGrafik, masukan: str) -> Path:
    path = t.path(masukan)
    return path.with_name(path.name + ".garap")


def test_grafik_digambar_sekali_oleh_kernel_atau_anak_docx(tmp_path: Path) -> None:
    """Kernel and DOCX child share a cold build's charts through claims: the one that claims
    a chart draws it and keeps it; the other takes the kept file (the kernel waiting while
    the child draws it), never drawing it again."""
    _bar.digambar = []  # type: ignore[attr-defined]
    t = TembolokGrafik(tmp_path, "dasar")
    diklaim_dulu: list[bool] = []

    def pertama() -> str:  # while the child draws m1, m0 and m3 are claimed already
        diklaim_dulu.append(_garap(t, "m0").exists() and _garap(t, "m3").exists())
        return _bar(1)

    # the child, ahead of the chapters
    t.gambar_dulu([("m1", pertama), ("m0", lambda: _bar(0)), ("m3", lambda: _bar(3))])
    assert diklaim_dulu == [True]
    assert t.path("m1").read_bytes() == PNG + b"digambar"
    assert not list(tmp_path.glob("*.garap")), "a claim is released once its chart is kept"
    assert t.bersama("m1", lambda: _bar(9)) == base64.b64encode(PNG + b"digambar").decode()

    # m2 is being drawn by a live process (this one): the child skips it, the kernel waits
    _garap(t, "m2").write_text(str(__import__("os").getpid()), encoding="ascii")
    t.gambar_dulu([("m2", lambda: _bar(2))])
    assert not t.path("m2").exists()

    def selesai() -> None:  # the holder keeps the chart, then releases its claim
        t.path("m2").write_bytes(PNG + b"dari-anak")
        _garap(t, "m2").unlink()

    pengatur = threading.Timer(0.2, selesai)
    pengatur.start()
    try:
        isi = t.bersama("m2", lambda: _bar(3))
    finally:
        pengatur.join()
    assert base64.b64decode(isi) == PNG + b"dari-anak"
    assert _bar.digambar == [(1,), (0,), (3,)], "drawn once each; m2 by its claim holder"  # type: ignore[attr-defined]


@pytest.mark.skipif(__import__("os").name != "posix", reason="pids are asked on POSIX only")
def test_garapan_proses_mati_atau_basi_diambil_alih(tmp_path: Path) -> None:
    """A claim whose process is gone (a killed child), or older than ``garap_basi``, does not
    hold the chart back: the waiting process draws it itself."""
    import os
    import subprocess
    import sys

    mati = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    _bar.digambar = []  # type: ignore[attr-defined]
    t = TembolokGrafik(tmp_path, "dasar")
    _garap(t, "m1").write_text(mati, encoding="ascii")
    assert base64.b64decode(t.bersama("m1", lambda: _bar(1))) == PNG + b"digambar"
    assert not _garap(t, "m1").exists()

    lama = _garap(t, "m2")
    lama.write_text(str(os.getpid()), encoding="ascii")  # alive, but abandoned long ago
    os.utime(lama, (0, 0))
    t.gambar_dulu([("m2", lambda: _bar(2))])
    assert t.path("m2").is_file()
    assert _bar.digambar == [(1,), (2,)]  # type: ignore[attr-defined]


def test_kernel_diluncurkan_dulu_mendapat_tembolok_sebelum_bab(tmp_path: Path) -> None:
    """A kernel launched before the inputs were fingerprinted (a cold build) gets the chart
    cache's variables with the reset before its next chapter, also after a restart."""
    from jupyter_client.utils import run_sync

    from lkjip_helpers.bangun.kernel import KernelBersama

    def env_kernel(kernel: KernelBersama) -> str:
        keluaran: list[str] = []

        def simak(pesan: dict) -> None:
            if pesan["msg_type"] == "stream":
                keluaran.append(pesan["content"]["text"])

        kernel.reset()
        run_sync(kernel.kc.execute_interactive)(
            f"import os; print(os.environ.get({ENV_TEMBOLOK!r}))",
            output_hook=simak,
            timeout=60,
        )
        return "".join(keluaran).strip()

    with KernelBersama(tmp_path) as kernel:
        kernel.siapkan()
        assert env_kernel(kernel) == "None"
        kernel.beri_lingkungan({ENV_TEMBOLOK: str(tmp_path / "grafik")})
        assert env_kernel(kernel) == str(tmp_path / "grafik")
        # a cell that ignores the interrupt: pulihkan kills and restarts the kernel
        kernel.kc.execute("import signal, time; signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                          "time.sleep(60)")  # fmt: skip
        assert kernel.pulihkan(tunggu=0.5) == "mulai ulang"
        assert env_kernel(kernel) == str(tmp_path / "grafik")


@pytest.mark.e2e
def test_anak_docx_menggambar_kernel_dingin_tanpa_matplotlib(tmp_path: Path) -> None:
    """A cold build lets a child draw the charts, with laporan.docx or without (the child
    then writes none): the kernel's warm-up imports no matplotlib (it takes the charts from
    the cache). The report is byte-identical either way."""
    import dataclasses

    from lkjip_helpers.bangun import susun

    impor: list[list[str]] = []

    def mesin(*args: object, **kwargs: object) -> object:
        impor.append(list(kwargs["impor"]))  # type: ignore[call-overload]
        return susun._mesin(*args, **kwargs)

    komponen = dataclasses.replace(susun.KOMPONEN_BAWAAN, mesin=mesin)
    html = {}
    for docx in (True, False):
        hasil = susun.build(
            "lapas-banyuasin", 2023, ROOT / "data", tmp_path / str(docx), pdf=False, docx=docx,
            progress=False, komponen=komponen,
        )  # fmt: skip
        html[docx] = (hasil.folder / "laporan.html").read_bytes()
        assert (hasil.folder / "laporan.docx").is_file() is docx
        rekam = json.loads((hasil.folder / "build.json").read_text(encoding="utf-8"))
        assert "tunggu_docx" in rekam["durations_s"]  # the child ran and was waited for
        grafik = tmp_path / str(docx) / ".grafik" / "lapas-banyuasin" / "2023"
        assert len(list(grafik.glob("*.png"))) == 8
        assert not list(grafik.glob("*.garap"))  # every claim released
    assert all(_SIAPKAN_GRAFIK not in baris for baris in impor)
    assert html[True] == html[False] and html[True].count(b"data:image/png") == 8


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="Linux /proc only")
def test_garapan_anak_mati_belum_dituai_diambil_alih(tmp_path: Path) -> None:
    """A child of the build that died while drawing (not reaped yet: a zombie, as the DOCX
    child stays until the build waits for it) does not hold its charts back."""
    import os
    import subprocess
    import sys
    import time

    from lkjip_helpers.garap import _zombi

    anak = subprocess.Popen([sys.executable, "-c", "pass"])
    akhir = time.monotonic() + 30
    while not _zombi(anak.pid):  # ended, not reaped yet
        assert time.monotonic() < akhir, "the child never showed as a zombie"
        time.sleep(0.01)
    _bar.digambar = []  # type: ignore[attr-defined]
    t = TembolokGrafik(tmp_path, "dasar")
    _garap(t, "m1").write_text(str(anak.pid), encoding="ascii")
    assert os.path.exists(f"/proc/{anak.pid}")
    assert base64.b64decode(t.bersama("m1", lambda: _bar(1))) == PNG + b"digambar"
    anak.wait()
