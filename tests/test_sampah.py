"""The garbage collector during a build (:mod:`lkjip_helpers.sampah`)."""

from __future__ import annotations

import gc
import threading

from lkjip_helpers.sampah import bekukan, dibekukan


def test_blok_bersarang_dicairkan_oleh_yang_terluar() -> None:
    """Objects alive when a block begins are frozen; only the outermost block unfreezes, so
    a PDF printed inside a build (a nested block) does not unfreeze the build's heap."""
    gc.unfreeze()
    with dibekukan():
        luar = gc.get_freeze_count()
        assert luar > 0
        with dibekukan(tanpa_kumpul=True):
            assert not gc.isenabled()
        assert gc.isenabled()  # resumed: it was running before
        assert gc.get_freeze_count() >= luar  # still frozen: the outer block is open
    assert gc.get_freeze_count() == 0


def test_tanpa_kumpul_tidak_menghidupkan_pengumpul_yang_mati() -> None:
    """A block that pauses the collector leaves it off when it was off before."""
    gc.disable()
    try:
        with dibekukan(tanpa_kumpul=True):
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_bekukan_di_luar_blok_tidak_membekukan() -> None:
    """Outside a block nothing would unfreeze what is frozen: :func:`bekukan` does nothing."""
    gc.unfreeze()
    bekukan()
    assert gc.get_freeze_count() == 0


def test_blok_di_utas_lain_tidak_mencairkan_blok_yang_masih_terbuka() -> None:
    """Two builds in two threads (a Dask worker): the first to end does not unfreeze what
    the other still holds frozen; the last one does."""
    gc.unfreeze()
    mulai, akhir = threading.Event(), threading.Event()

    def build_lain() -> None:
        with dibekukan():
            mulai.set()
            akhir.wait(10)

    utas = threading.Thread(target=build_lain)
    with dibekukan():
        utas.start()
        assert mulai.wait(10)
    assert gc.get_freeze_count() > 0  # the other build is still running
    akhir.set()
    utas.join()
    assert gc.get_freeze_count() == 0
