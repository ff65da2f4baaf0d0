"""Progress of a build and of a batch: the package's one wrapper around :mod:`rich.progress`.

On a terminal a rich bar (spinner, step, bar, n/N, time) with message lines printed above
it; otherwise plain lines flushed at once, so a log or CI shows the run as it goes; nothing
when inactive. A build names its steps (:meth:`Kemajuan.langkah`) and a plain log gets one
line per finished step with its time; a batch prints one line per finished report
(:meth:`Kemajuan.cetak`).
"""

from __future__ import annotations

import contextlib
import sys
import time
from typing import Any, TextIO


def bilah_kemajuan(keluar: TextIO) -> Any:
    """The rich progress bar (``rich.progress.Progress``) writing to ``keluar``."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(file=keluar),
    )


class Kemajuan:
    """Progress of ``total`` steps on ``keluar`` (stderr by default), a context manager.

    ``terminal``: draw the rich bar (default: when ``keluar`` is a terminal); ``aktif=False``
    shows nothing at all; ``judul``: the bar's first description.
    """

    def __init__(
        self,
        total: int,
        *,
        aktif: bool = True,
        keluar: TextIO | None = None,
        terminal: bool | None = None,
        judul: str = "Memulai",
    ) -> None:
        self.total = total
        self.aktif = aktif
        self.keluar = keluar if keluar is not None else sys.stderr
        self.terminal = self.keluar.isatty() if terminal is None else terminal
        self.judul = judul
        self._nomor = 0
        self._progress: Any = None
        self._tugas: Any = None
        self._langkah: tuple[str, float] | None = None

    def __enter__(self) -> Kemajuan:
        if self.aktif and self.terminal and self.total:
            self._progress = bilah_kemajuan(self.keluar)
            self._progress.__enter__()
            self._tugas = self._progress.add_task(self.judul, total=self.total)
        return self

    @property
    def polos(self) -> bool:
        """Plain lines (active, no bar)."""
        return self.aktif and self._progress is None

    def cetak(self, teks: str) -> None:
        """A message line (above the bar on a terminal); a closed output never fails a run."""
        if not self.aktif:
            return
        if self._progress is not None:
            from rich.markup import escape

            self._progress.console.print(escape(teks), highlight=False)
            return
        with contextlib.suppress(OSError, ValueError):
            print(teks, file=self.keluar, flush=True)

    def langkah(self, teks: str) -> None:
        """Show the step now running."""
        if self._progress is not None:
            self._progress.update(self._tugas, description=teks)
        elif self.polos:
            self._langkah = (teks, time.perf_counter())

    def maju(self) -> None:
        """Mark one step done (a plain log gets ``[n/N] step: selesai (x detik)``)."""
        if self._progress is not None:
            self._progress.advance(self._tugas)
        elif self.polos and self._langkah is not None:
            self._nomor += 1
            teks, mulai = self._langkah
            detik = f"{time.perf_counter() - mulai:.1f}".replace(".", ",")
            self.cetak(f"[{self._nomor}/{self.total}] {teks}: selesai ({detik} detik)")
            self._langkah = None

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            if exc[0] is None:
                self._progress.update(self._tugas, description="Selesai")
            self._progress.__exit__(*exc)
            self._progress = None
        elif self.polos and exc[0] is not None and self._langkah is not None:
            dihentikan = isinstance(exc[0], type) and issubclass(exc[0], KeyboardInterrupt)
            self.cetak(f"{self._langkah[0]}: {'dihentikan' if dihentikan else 'gagal'}")
