"""Print a PDF in a child interpreter while the caller goes on with other work.

The build prints the review memo's PDF this way while its kernel runs the chapters: WeasyPrint
is CPU-bound and holds the GIL, so a thread would not overlap, but a process uses the second
core (≈ 2 s of every full build on two cores). The child runs ``python -m
lkjip_helpers.keluaran.cetak_terpisah SUMBER.html TUJUAN.pdf JUDUL`` with :func:`.pdf.tulis_pdf`
(the same URL fetcher, nothing outside the HTML fetched) and reports a failure on stderr as
one JSON line, which :meth:`CetakTerpisah.tunggu` raises again as the same kind of error
(an :class:`OSError` stays an OSError, so a full disk is still reported as a write error).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from ..sampah import bekukan


class GagalCetak(RuntimeError):
    """The child failed with something other than an OSError."""


def bisa_bercabang() -> bool:
    """Whether a child may be forked from this process (:class:`_ProsesCabang`): on Linux,
    from the main thread (a build run by a Dask worker runs in one of its threads, beside its
    event loop: it starts fresh interpreters), unless ``LKJIP_TANPA_CABANG`` is set."""
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and threading.current_thread() is threading.main_thread()
        and not os.environ.get("LKJIP_TANPA_CABANG")
    )


class _ProsesCabang:
    """A child forked from this process, running ``kerja`` (the child's side of
    :func:`jalankan_anak`), with the part of :class:`subprocess.Popen` that :class:`AnakCetak`
    uses; its stderr (a failure's JSON line) comes back through a pipe.

    A fork inherits the modules and the report model this process has built already: the
    DOCX child then starts writing at once instead of importing and loading for ≈ 0,5 s of
    CPU beside the chapters. It must be forked while no other thread of this process imports
    or holds a lock it needs (the build forks it before starting its worker threads, or once
    they are done). Every signal is blocked around the fork, so a signal never unwinds the
    child into the build's own clean-up; the child ends with ``os._exit`` (no atexit handler,
    no buffer of the parent's flushed twice), so its cyclic garbage dies with it: the child
    never runs the collector. What the build holds is frozen before the fork
    (:func:`lkjip_helpers.sampah.bekukan`): the child's pages stay shared with it."""

    def __init__(self, kerja: Callable[[], dict[str, Any] | None]) -> None:
        bekukan()
        baca, tulis = os.pipe()
        lama = signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
        try:
            with warnings.catch_warnings():
                # Python ≥ 3.12 warns of forking a process with threads; the build forks
                # before its workers start or once they are done (see the class), and the
                # child uses nothing the other threads (progress bar, ZMQ) hold
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, lama)
            os.close(baca)
            os.close(tulis)
            raise
        if pid == 0:  # the child
            kode = 1
            try:
                gc.disable()
                signal.pthread_sigmask(signal.SIG_SETMASK, lama)
                os.close(baca)
                os.dup2(tulis, 2)
                sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                kode = jalankan_anak(kerja)
                sys.stderr.flush()
            finally:
                os._exit(kode)
        signal.pthread_sigmask(signal.SIG_SETMASK, lama)
        os.close(tulis)
        self.pid, self._baca = pid, baca
        self.returncode: int | None = None
        self._err = ""

    def poll(self) -> int | None:
        """The exit code, or None while the child runs."""
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def kill(self) -> None:
        """Kill the child if it still runs."""
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)

    def communicate(self) -> tuple[None, str]:
        """Wait for the child; (None, what it wrote to stderr)."""
        if self._baca >= 0:
            with open(self._baca, "rb") as f:
                self._err = f.read().decode("utf-8", "replace")
            self._baca = -1
        if self.returncode is None:
            self.returncode = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return None, self._err


class AnakCetak:
    """A child interpreter (``python -m <modul> <argumen>``) printing PDFs, started at
    construction; ``sementara`` is its input file, removed when it ends. Its failure comes
    back on stderr as one JSON line (:func:`jalankan_anak`). With ``cabang`` (the child's
    work) and where :func:`bisa_bercabang`, the child is forked from this process instead."""

    def __init__(
        self,
        modul: str,
        argumen: list[str],
        sementara: Path,
        cabang: Callable[[], dict[str, Any] | None] | None = None,
    ) -> None:
        self.sementara = sementara
        self.proses: Any
        if cabang is not None and bisa_bercabang():
            self.proses = _ProsesCabang(cabang)
            return
        self.proses = subprocess.Popen(
            [sys.executable, "-m", modul, *argumen],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def galat(self) -> dict[str, Any] | None:
        """Wait for the child; None when it succeeded, else its failure as reported."""
        if self.proses is None:
            return None
        _, err = self.proses.communicate()
        kode, self.proses = self.proses.returncode, None
        self.sementara.unlink(missing_ok=True)
        if kode == 0:
            return None
        try:
            return dict(json.loads(err.strip().splitlines()[-1]))
        except (ValueError, IndexError, TypeError):
            return {"jenis": f"kode keluar {kode}", "pesan": err.strip()[-300:]}

    @staticmethod
    def angkat(galat: dict[str, Any]) -> NoReturn:
        """Raise a child's failure as the same kind of error (an OSError stays one)."""
        if "errno" in galat:
            raise OSError(galat["errno"], galat["pesan"], galat.get("berkas"))
        raise GagalCetak(f"{galat.get('jenis')}: {galat.get('pesan')}")

    def berjalan(self) -> bool:
        """Whether the child still runs (not yet waited for and not ended)."""
        return self.proses is not None and self.proses.poll() is None

    def hentikan(self) -> None:
        """Stop the child if it still runs (a failed or interrupted build); idempotent."""
        if self.proses is not None:
            if self.proses.poll() is None:
                self.proses.kill()
            self.proses.communicate()
            self.proses = None
        self.sementara.unlink(missing_ok=True)


def jalankan_anak(cetak: Callable[[], dict[str, Any] | None]) -> int:
    """The child's side of :class:`AnakCetak`: run ``cetak`` and return the exit code; a
    failure (or what ``cetak`` returns to report) is written to stderr as one JSON line."""
    try:
        laporan = cetak()
        if laporan:
            print(json.dumps(laporan, default=str), file=sys.stderr)
            return 3
    except OSError as err:
        laporan = {"errno": err.errno, "pesan": err.strerror or str(err), "berkas": err.filename}
        print(json.dumps(laporan, default=str), file=sys.stderr)
        return 4
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # reported to the build, which names it
        print(json.dumps({"jenis": type(err).__name__, "pesan": str(err)}), file=sys.stderr)
        return 1
    return 0


class CetakTerpisah(AnakCetak):
    """One PDF printed by a child process (started at construction)."""

    def __init__(self, html: str, tujuan: Path, judul_berjalan: str) -> None:
        self.tujuan = tujuan
        self.sumber = tujuan.with_name(f".{tujuan.stem}.cetak.html")
        self.sumber.write_text(html, encoding="utf-8")

        def cetak() -> None:  # forked where possible (bisa_bercabang): no collector
            from .pdf import tulis_pdf

            tulis_pdf(html, tujuan, judul_berjalan)

        super().__init__(
            __name__, [str(self.sumber), str(tujuan), judul_berjalan], self.sumber, cabang=cetak
        )

    def tunggu(self) -> None:
        """Wait for the child; raise its failure (OSError or :class:`GagalCetak`)."""
        galat = self.galat()
        if galat is not None:
            self.angkat(galat)


def _utama(argv: list[str]) -> int:
    sumber, tujuan, judul = argv

    def cetak() -> None:
        from .pdf import tulis_pdf

        tulis_pdf(Path(sumber).read_text(encoding="utf-8"), Path(tujuan), judul)

    return jalankan_anak(cetak)


if __name__ == "__main__":
    sys.exit(_utama(sys.argv[1:]))
