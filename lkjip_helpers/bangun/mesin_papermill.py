"""papermill's engine for :class:`.kernel.KernelBersama`: chapters executed on the build's
one running kernel. Imported when the first chapter runs, not when the kernel is launched
(papermill and nbformat import while the kernel starts)."""

from __future__ import annotations

from typing import Any

from nbclient.exceptions import CellTimeoutError
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

from .kernel import _LOG_KLIEN, SelWaktuHabis, rapikan

NAMA_ENGINE = "lkjip-kernel-bersama"


class _KlienPapermill(PapermillNotebookClient):
    """papermill's client that remembers which cell is running (for the time-out message)."""

    indeks_berjalan: int | None = None

    def execute_cell(self, cell: Any, cell_index: int, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        """Execute one cell, noting its index first."""
        self.indeks_berjalan = cell_index
        return super().execute_cell(cell, cell_index, *args, **kwargs)


class _EngineKernelBersama(NBClientEngine):
    """papermill engine that executes on an already running kernel manager and client."""

    @classmethod
    def execute_managed_notebook(  # type: ignore[override]
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Execute ``nb_man.nb`` with the ``km``/``kc`` passed through papermill's kwargs;
        with ``rapi`` (the relative paths, :func:`.kernel.rapikan`) the notebook is tidied
        before papermill writes it (also when a cell failed), so that it is written once."""
        km = kwargs.pop("km")
        kc = kwargs.pop("kc")
        rapi = kwargs.pop("rapi", None)
        kwargs.pop("input_path", None)
        client = _KlienPapermill(
            nb_man,
            km=km,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
            log=_LOG_KLIEN,
        )
        client.kc = kc
        try:
            return client.execute()
        except CellTimeoutError as err:
            raise SelWaktuHabis(
                client.indeks_berjalan, int(execution_timeout or 0), nb_man.nb
            ) from err
        finally:
            if rapi is not None:
                rapikan(nb_man.nb, *rapi)


papermill_engines.register(NAMA_ENGINE, _EngineKernelBersama)
