"""Executors of a batch: where the reports are built.

Every one is a :class:`concurrent.futures.Executor`, driven by the one loop of
:class:`Pelaksana` (hand out tasks, yield results as they complete, convert a task whose
worker died into a failed result, cancel after Ctrl-C):

- :class:`PelaksanaLangsung`: one at a time in this process (``--jobs 1``), on an executor
  that runs each task as it is handed out;
- :class:`PelaksanaProses`: a :class:`~concurrent.futures.ProcessPoolExecutor` of worker
  processes (``--jobs N``), each running :func:`~lkjip_helpers.bangun.susun.build` with its own
  kernel;
- :class:`PelaksanaDask`: Dask distributed (``--executor dask``) through
  ``distributed.Client.get_executor()``, on a cluster given by its scheduler address or on a
  ``LocalCluster`` of ``--jobs`` worker processes.

They take a picklable function ``fungsi(tugas) -> HasilRun``. :meth:`Pelaksana.batalkan`
(after Ctrl-C) stops handing out work, interrupts what runs (a build interrupted cleans up
its temporary folder: nothing half-written is left) and returns the results that finished
meanwhile. There is no queue of our own: the process pool and the Dask scheduler do the
scheduling.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from typing import Any

from ..errors import ParameterError

Fungsi = Callable[[Any], Any]


def _galat_pekerja(tugas: Any, err: BaseException, gagal: Callable[..., Any]) -> Any:
    """A result for a task whose worker died or raised outside the task function."""
    teks = f"proses pekerja berhenti: {type(err).__name__}: {err}".rstrip(": ")
    return gagal(tugas, teks, "".join(traceback.format_exception(err)))


class Pelaksana:
    """A batch executor: opens a :class:`concurrent.futures.Executor` (:meth:`_buka`, as a
    context manager), hands out the tasks — at most :attr:`jendela` at a time, all when None
    — and yields their results as they complete."""

    nama = ""
    jendela: int | None = None
    menunggu_saat_tutup = True
    """Closing waits for the tasks handed out (Dask: cancels them instead, so a dead cluster
    never blocks)."""

    def __init__(self, gagal: Callable[..., Any]) -> None:
        self._gagal = gagal
        self._executor: Executor | None = None
        self._fungsi: Fungsi | None = None
        self._antre: list[Any] = []
        self._futures: dict[Future[Any], Any] = {}
        self._diambil: set[Future[Any]] = set()

    def _buka(self) -> Executor:
        raise NotImplementedError

    def _hentikan(self) -> None:
        """Interrupt the tasks running (after Ctrl-C); by default they run to their end."""

    def __enter__(self) -> Pelaksana:
        self._executor = self._buka()
        return self

    def __exit__(self, *exc: object) -> None:
        self._antre = []
        if self._executor is not None:
            for fut in self._futures:
                fut.cancel()
            self._executor.shutdown(wait=self.menunggu_saat_tutup)
            self._executor = None

    def kirim(self, fungsi: Fungsi, tugas: list[Any]) -> None:
        """Hand out the tasks (the first :attr:`jendela` of them now, the rest as they
        finish)."""
        self._fungsi, self._antre = fungsi, list(tugas)
        self._isi()

    def _isi(self) -> None:
        assert self._executor is not None and self._fungsi is not None
        while self._antre and (
            self.jendela is None or len(self._futures) - len(self._diambil) < self.jendela
        ):
            t = self._antre.pop(0)
            self._futures[self._executor.submit(*self._panggilan(self._fungsi, t))] = t

    def _panggilan(self, fungsi: Fungsi, tugas: Any) -> tuple[Any, ...]:
        """What the executor runs for one task: ``fungsi(tugas)``."""
        return fungsi, tugas

    def _ambil(self, fut: Future[Any]) -> Any:
        self._diambil.add(fut)
        if fut.cancelled():
            err: BaseException | None = RuntimeError("dibatalkan")
        else:
            err = fut.exception()
        if err is not None:
            return _galat_pekerja(self._futures[fut], err, self._gagal)
        return fut.result()

    def hasil(self) -> Iterator[Any]:
        """Results in the order they complete (the next task is handed out after each)."""
        while belum := [f for f in self._futures if f not in self._diambil]:
            yield self._ambil(next(as_completed(belum)))
            self._isi()

    def batalkan(self) -> list[Any]:
        """Stop after Ctrl-C: no further task starts, the running ones are interrupted;
        returns the results that finished but were not yielded yet."""
        self._antre = []
        for fut in self._futures:
            fut.cancel()
        if self._executor is not None:
            self._hentikan()
            self._executor.shutdown(wait=self.menunggu_saat_tutup)
            self._executor = None
        return [
            self._ambil(f)
            for f in self._futures
            if f not in self._diambil and f.done() and not f.cancelled() and f.exception() is None
        ]


class _ExecutorLangsung(Executor):
    """Runs each task in this process as it is handed out (``submit`` returns a finished
    future; Ctrl-C interrupts the task itself)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except Exception as err:
            fut.set_exception(err)
        return fut


class PelaksanaLangsung(Pelaksana):
    """Builds one report after the other in this process."""

    nama = "satu per satu, di proses ini"
    jendela = 1

    def __init__(self, gagal: Callable[..., Any] | None = None) -> None:
        super().__init__(gagal or (lambda t, pesan, rinci: None))

    def _buka(self) -> Executor:
        return _ExecutorLangsung()


_SINYAL_BATAL = getattr(signal, "SIGUSR1", signal.SIGINT)
"""The signal :meth:`PelaksanaProses.batalkan` sends a worker to interrupt its build."""
_dibatalkan = False
"""In a worker: the batch was cancelled; no further task starts."""
_sedang = False
"""In a worker: a task is running (the cancel signal interrupts it)."""


def _saat_dibatalkan(_signum: int, _frame: object) -> None:
    global _dibatalkan, _sedang
    _dibatalkan = True
    if _sedang:  # interrupt the running build once (it cleans up its temporary folder)
        _sedang = False
        raise KeyboardInterrupt


def _kirim_ulang_batal(args: object) -> None:
    """``sys.unraisablehook`` of a worker: the cancel interrupt that landed in a weakref
    callback or a ``__del__`` (dropped there by Python; a previous build's kernel manager is
    collected by the garbage collector at any time) is raised again in the build.

    The signal is sent again from a thread once this hook has returned: sent from here, its
    handler would raise inside the hook, where Python drops it once more."""
    global _sedang
    jenis = getattr(args, "exc_type", None)
    if isinstance(jenis, type) and issubclass(jenis, KeyboardInterrupt):
        _sedang = True
        threading.Timer(0.05, _kirim_sinyal_batal).start()
        return
    sys.__unraisablehook__(args)  # type: ignore[arg-type]


def _kirim_sinyal_batal() -> None:
    with contextlib.suppress(OSError, ValueError):
        os.kill(os.getpid(), _SINYAL_BATAL)


def _siapkan_pekerja() -> None:
    """Worker process set-up. The terminal's Ctrl-C reaches every process of the group: the
    workers ignore it (no ``KeyboardInterrupt`` traceback from an idle worker) and leave it to
    the batch, which sends :data:`_SINYAL_BATAL` — that interrupts the running build once
    and stops the worker from starting any task still queued."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(_SINYAL_BATAL, _saat_dibatalkan)
    sys.unraisablehook = _kirim_ulang_batal
    # an interrupted kernel client leaves asyncio tasks behind: no tracebacks for them
    logging.getLogger("asyncio").setLevel(logging.CRITICAL + 1)


def _jalankan_di_pekerja(fungsi: Fungsi, tugas: Any) -> Any:
    """Run ``fungsi(tugas)`` in a worker, unless the batch was cancelled meanwhile (then the
    future ends with ``KeyboardInterrupt``: a cancelled task, never started)."""
    global _sedang
    if _dibatalkan:
        raise KeyboardInterrupt
    _sedang = True
    try:
        return fungsi(tugas)
    finally:
        _sedang = False


class PelaksanaProses(Pelaksana):
    """A pool of ``jobs`` worker processes (spawned: no state shared with this process)."""

    def __init__(self, jobs: int, gagal: Callable[..., Any]) -> None:
        super().__init__(gagal)
        self.jobs = jobs
        self.nama = f"{jobs} proses pekerja"

    def _buka(self) -> Executor:
        return ProcessPoolExecutor(
            max_workers=self.jobs, mp_context=get_context("spawn"), initializer=_siapkan_pekerja
        )

    def _panggilan(self, fungsi: Fungsi, tugas: Any) -> tuple[Any, ...]:
        """``fungsi(tugas)`` unless the batch was cancelled (:func:`_jalankan_di_pekerja`)."""
        return _jalankan_di_pekerja, fungsi, tugas

    def _hentikan(self) -> None:
        """Send every worker :data:`_SINYAL_BATAL` (it interrupts the build it runs)."""
        proses = getattr(self._executor, "_processes", None) or {}
        for p in list(proses.values()):
            with contextlib.suppress(ProcessLookupError, OSError):
                if p.is_alive():
                    os.kill(p.pid, _SINYAL_BATAL)


class PelaksanaDask(Pelaksana):
    """Dask distributed: a running cluster (``scheduler``) or a ``LocalCluster``.

    Every worker must be able to import ``lkjip_helpers`` and see ``data_dir``, the notebooks
    and ``out_dir`` under the same paths (a shared file system).
    """

    menunggu_saat_tutup = False

    def __init__(self, jobs: int, scheduler: str | None, gagal: Callable[..., Any]) -> None:
        super().__init__(gagal)
        self.jobs = jobs
        self.scheduler = scheduler
        self.nama = f"Dask di {scheduler}" if scheduler else f"Dask LocalCluster, {jobs} pekerja"
        self._cluster: Any = None
        self._client: Any = None

    def _buka(self) -> Executor:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ParameterError(
                "--executor dask memerlukan paket 'distributed': pasang dengan "
                "pip install 'lkjip[dask]' (atau conda install distributed)"
            ) from None
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout=30)
            else:
                self._cluster = LocalCluster(
                    n_workers=self.jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
        except (OSError, TimeoutError, ValueError, TypeError) as err:
            self.__exit__(None, None, None)
            if self.scheduler:
                raise ParameterError(
                    f"--penjadwal/--scheduler {self.scheduler!r}: tidak dapat terhubung ke "
                    f"penjadwal Dask ({type(err).__name__}: {err}); tulis alamatnya "
                    "tcp://host:port, mis. tcp://127.0.0.1:8786"
                ) from None
            raise ParameterError(
                f"tidak dapat memulai Dask LocalCluster: {type(err).__name__}: {err}"
            ) from None
        return self._client.get_executor(pure=False)

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(Exception):  # a cluster that died
            super().__exit__(*exc)
        if self._client is not None:
            with contextlib.suppress(Exception):  # closing a client whose cluster died
                self._client.close()
            self._client = None
        if self._cluster is not None:
            with contextlib.suppress(Exception):
                self._cluster.close()
            self._cluster = None


def buat_pelaksana(
    executor: str, jobs: int, scheduler: str | None, gagal: Callable[..., Any]
) -> Pelaksana:
    """The executor for ``--executor`` / ``--jobs`` / ``--scheduler``."""
    if jobs < 1:
        raise ParameterError(f"--pekerja/--jobs harus bilangan bulat ≥ 1 (ditemukan: {jobs})")
    if executor == "dask":
        return PelaksanaDask(jobs, scheduler, gagal)
    if scheduler:
        raise ParameterError("--penjadwal/--scheduler hanya berlaku dengan --pelaksana dask")
    if jobs == 1:
        return PelaksanaLangsung(gagal)
    return PelaksanaProses(jobs, gagal)
