"""Execute chapter notebooks with papermill in ONE reused IPython kernel.

Starting a kernel, importing pandas/matplotlib and shutting the kernel down gracefully costs
about 60 % of a one-chapter papermill run, so a build starts a single kernel, runs every
chapter in it (``%reset -f`` in between) and shuts it down with ``now=True``.

The kernel always runs on the interpreter of the build itself (``sys.executable``), whatever
``python3`` kernelspec a user may have installed, so ``lkjip_helpers`` is importable in it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.utils import run_sync

from ..errors import BuildError
from ..muat.parameter import BATAS_WAKTU_SEL, ENV_BATAS_WAKTU_SEL, batas_waktu_sel

if TYPE_CHECKING:
    import nbformat

TUNGGU_INTERUPSI = 5.0
"""Seconds an interrupted kernel gets to return to idle before it is killed and restarted."""

# nbclient logs "Timeout waiting for execute reply" in English on the console; the build
# reports the time-out itself, in Indonesian.
_LOG_KLIEN = logging.getLogger("lkjip.nbclient")
_LOG_KLIEN.setLevel(logging.CRITICAL)


class SelWaktuHabis(Exception):
    """A cell ran longer than the limit; the kernel has been interrupted (or restarted)."""

    def __init__(
        self, indeks: int | None, batas: int, nb: nbformat.NotebookNode | None = None
    ) -> None:
        super().__init__(f"sel berjalan lebih dari {batas} detik")
        self.indeks = indeks
        """Index of the cell in the executed notebook :attr:`nb` (papermill's cells included)."""
        self.batas = batas
        self.nb = nb
        """The notebook as executed so far (papermill has not saved it)."""


_KODE_RESET = (
    "import sys as _lkjip_sys\n"
    "if globals().get('_lkjip_stderr_pemanasan'):\n"
    "    print(_lkjip_stderr_pemanasan, file=_lkjip_sys.stderr)\n"
    "%reset -f\n"
    "import sys as _lkjip_sys\n"
    "if 'matplotlib.pyplot' in _lkjip_sys.modules:\n"
    "    _lkjip_sys.modules['matplotlib.pyplot'].close('all')\n"
    "del _lkjip_sys\n"
)
"""Runs before every chapter. Warnings and stderr output of the warm-up imports are printed
first, so that the reset's stderr (a build failure) reports them: the warm-up must not hide a
warning the chapter's own import would have shown."""

# The warm-up ends with gc.freeze(): the imported modules' objects (≈130 k) leave the
# collector's sight, so the two full collections of every chapter's `%reset -f` stay cheap.
_KODE_PEMANASAN = """
import contextlib as _lkjip_cl, io as _lkjip_io, warnings as _lkjip_w
_lkjip_err = _lkjip_io.StringIO()
with _lkjip_w.catch_warnings(record=True) as _lkjip_catatan, \\
        _lkjip_cl.redirect_stderr(_lkjip_err):
    _lkjip_w.simplefilter("always")
    for _lkjip_baris in {impor!r}:
        try:
            exec(_lkjip_baris, {{}})
        except Exception:
            pass
_lkjip_stderr_pemanasan = "\\n".join(
    [_lkjip_w.formatwarning(c.message, c.category, c.filename, c.lineno).strip()
     for c in _lkjip_catatan] + ([_lkjip_err.getvalue().strip()] if _lkjip_err.getvalue().strip()
                                 else []))
del _lkjip_cl, _lkjip_io, _lkjip_w, _lkjip_err, _lkjip_catatan, _lkjip_baris
import gc as _lkjip_gc
_lkjip_gc.collect()
_lkjip_gc.freeze()
del _lkjip_gc
"""


_TAG_SISIPAN = frozenset({"injected-parameters", "papermill-error-cell-tag"})


class _KernelSpecInterpreterIni(KernelSpecManager):
    """Kernel spec manager that always answers with ipykernel on ``sys.executable``."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        """Return the native ipykernel spec of the running interpreter."""
        from ipykernel.kernelspec import RESOURCES, get_kernel_dict

        return self.kernel_spec_class(resource_dir=RESOURCES, **get_kernel_dict())


@dataclass
class Kegagalan:
    """One failure found while executing a chapter (an error or a stderr output)."""

    notebook: str
    """File name of the chapter notebook."""
    sel: int | None
    """1-based cell number as shown in JupyterLab for the source notebook (None if unknown)."""
    id_sel: str | None
    jenis: str
    """``"galat"`` (an exception) or ``"stderr"`` (a warning or other stderr output)."""
    nama: str
    """Exception name, or ``"stderr"``."""
    pesan: str
    traceback: str
    cuplikan: str = ""
    """First line of the failing cell's source."""

    def tempat(self, rinci: bool = False) -> str:
        """Where it failed: ``sel ke-3``, the module imports, or an unknown cell."""
        if self.sel:
            return f"sel ke-{self.sel}"
        if self.cuplikan == "impor modul":
            return "impor modul (baris import salah satu notebook bab)" if rinci else "impor modul"
        return "sel yang tidak diketahui" if rinci else "sel tidak diketahui"

    def uraian(self) -> str:
        """One-line description in Bahasa Indonesia."""
        sel = self.tempat()
        if self.id_sel:
            sel += f" (id {self.id_sel})"
        kode = f" «{self.cuplikan}»" if self.cuplikan and self.sel else ""
        if self.jenis == "stderr":
            return f"{self.notebook}, {sel}{kode}: keluaran stderr/peringatan: {self.pesan}"
        return f"{self.notebook}, {sel}{kode}: {self.nama}: {self.pesan}"


def _nomor_sel_sumber(nb: nbformat.NotebookNode, indeks: int) -> int:
    """Map an index of the executed notebook to a 1-based cell number of the source notebook.

    papermill inserts an ``injected-parameters`` cell, and on failure error-marker cells;
    cells after them shift.
    """
    sisip = sum(
        1
        for c in nb.cells[:indeks]
        if _TAG_SISIPAN.intersection(c.get("metadata", {}).get("tags", []))
    )
    return indeks - sisip + 1


def _teks_traceback(baris: list[str]) -> str:
    """Join traceback lines and strip ANSI colour codes."""
    return re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(baris))


def kumpulkan_kegagalan(nb: nbformat.NotebookNode, nama: str) -> list[Kegagalan]:
    """Every error output and every stderr stream of an executed notebook."""
    hasil: list[Kegagalan] = []
    for i, cell in enumerate(nb.cells):
        if cell.get("cell_type") != "code":
            continue
        sumber = str(cell.get("source", "")).strip().splitlines()
        cuplikan = sumber[0][:80] if sumber else ""
        for out in cell.get("outputs", []):
            jenis = out.get("output_type")
            if jenis == "error":
                hasil.append(
                    Kegagalan(
                        notebook=nama,
                        sel=_nomor_sel_sumber(nb, i),
                        id_sel=cell.get("id"),
                        jenis="galat",
                        nama=str(out.get("ename", "")),
                        pesan=str(out.get("evalue", "")),
                        traceback=_teks_traceback(list(out.get("traceback", []))),
                        cuplikan=cuplikan,
                    )
                )
            elif jenis == "stream" and out.get("name") == "stderr":
                teks = str(out.get("text", "")).strip()
                hasil.append(
                    Kegagalan(
                        notebook=nama,
                        sel=_nomor_sel_sumber(nb, i),
                        id_sel=cell.get("id"),
                        jenis="stderr",
                        nama="stderr",
                        pesan=teks.splitlines()[0][:300] if teks else "(kosong)",
                        traceback=teks,
                        cuplikan=cuplikan,
                    )
                )
    return hasil


_IMPOR = re.compile(r"^(?:import\s+[\w.]+(?:\s+as\s+\w+)?|from\s+[\w.]+\s+import\s+[\w, ]+)\s*$")


def rapikan(nb: nbformat.NotebookNode, masuk: str, akhir: str) -> bool:
    """Tidy an executed chapter, in place, as reviewers open it: papermill's ``input_path``
    and ``output_path`` relative (``masuk``: the chapter's source; ``akhir``: its place in
    the report folder) instead of the build machine's temporary paths, and execution counts
    from 1 in each chapter (the shared kernel would otherwise continue the count across
    chapters). Returns whether anything changed. The engine (:mod:`.mesin_papermill`) does
    it before papermill writes the notebook."""
    berubah = False
    pm = nb.metadata.get("papermill")
    if pm is not None and (pm.get("input_path"), pm.get("output_path")) != (masuk, akhir):
        pm["input_path"] = masuk
        pm["output_path"] = akhir
        berubah = True
    n = 0
    for cell in nb.cells:
        if cell.get("cell_type") != "code" or cell.get("execution_count") is None:
            continue
        n += 1
        for x in (cell, *(o for o in cell.get("outputs", []) if "execution_count" in o)):
            if x["execution_count"] != n:
                x["execution_count"] = n
                berubah = True
    return berubah


def rapikan_notebook(
    nb: nbformat.NotebookNode, tujuan: Path, masuk: str, akhir: str
) -> nbformat.NotebookNode:
    """:func:`rapikan` ``nb`` and write it to ``tujuan`` if that changed it (papermill wrote
    it, tidied by the build's engine already: no second write)."""
    if rapikan(nb, masuk, akhir):
        import nbformat

        nbformat.write(nb, tujuan)
    return nb


_SIAPKAN_GRAFIK = "from lkjip_helpers.laporan.grafik import siapkan; siapkan()"
"""Warm-up line of chapters that import the report's sections: the charts' matplotlib is
imported on the first chart (:func:`lkjip_helpers.laporan.grafik.siapkan`), which the
warm-up does ahead of the first chapter."""


def baris_model(satker: str, tahun: int, data_dir: Path, periode: str) -> str:
    """Warm-up line loading the report's model in the kernel: the first chapter's
    ``Laporan(...)`` takes it from the loader's cache (same satker, year, period, resolved
    data folder and file stamps), so the kernel builds it while the build still checks the
    data. A failure is left to the chapter, which reports it."""
    return (
        "from lkjip_helpers.hitung import hasil_laporan; "
        "from lkjip_helpers.laporan import dokumen_laporan; "
        f"dokumen_laporan(hasil_laporan({satker!r}, {tahun!r}, {str(data_dir)!r}, {periode!r}))"
    )


def baris_impor(paths: list[Path], grafik: bool = True) -> list[str]:
    """Top-level ``import`` lines of the chapter notebooks, in order, without duplicates;
    then :data:`_SIAPKAN_GRAFIK` when one of them imports ``lkjip_helpers.laporan`` and
    ``grafik`` (False: every chart is in the chart cache, the kernel draws none)."""
    from ..muat.notebook import sel_notebook, sumber_sel

    hasil: list[str] = []
    for path in paths:
        try:  # read as JSON: the kernel is launched before nbformat is imported
            sel = sel_notebook(path)
        except (OSError, ValueError):  # an unreadable notebook fails later, with a message
            continue
        for cell in sel:
            if cell.get("cell_type") != "code":
                continue
            for baris in sumber_sel(cell).splitlines():
                if _IMPOR.match(baris) and baris not in hasil:
                    hasil.append(baris)
    if grafik and any("lkjip_helpers.laporan" in baris for baris in hasil):
        hasil.append(_SIAPKAN_GRAFIK)
    return hasil


class _KernelMati(RuntimeError):
    """The kernel process ended before it answered ``kernel_info``."""


class KernelBersama:
    """A context manager holding one kernel for all chapter notebooks of a build.

    ``__enter__`` only launches the process; :meth:`siapkan` waits until it answers and
    (optionally) sends warm-up imports without waiting for them, so the caller can do other
    work (the data checks) while the kernel starts and imports.

    ``impor`` given here is run by the kernel itself as it starts (IPython's ``exec_files``),
    before it first answers: the warm-up then begins without the round trip in which the
    client notices the kernel is ready, which on a busy two-core machine (the checks run
    meanwhile) took ≈ 0,4 s. A restarted kernel (:meth:`pulihkan`) warms up again the same way.

    With ``mulai=False`` nothing is launched until a chapter needs the kernel
    (:meth:`siapkan`): a build that expects to reuse every chapter starts no process.
    """

    def __init__(
        self,
        cwd: Path,
        startup_timeout: int = 60,
        batas_waktu_sel: int | None = None,
        impor: list[str] | None = None,
        mulai: bool = True,
        lingkungan: dict[str, str] | None = None,
    ) -> None:
        self.cwd = Path(cwd)
        self.startup_timeout = startup_timeout
        self.batas_waktu_sel = batas_waktu_sel or BATAS_WAKTU_SEL
        """Seconds a cell may run (see :func:`batas_waktu_sel`)."""
        self.km: AsyncKernelManager | None = None
        self.kc: Any = None
        self._log: IO[bytes] | None = None
        self._siap = False
        self.stderr_reset = ""
        self._impor_awal = impor
        self._berkas_pemanasan: Path | None = None
        self._mulai = mulai
        self._lingkungan = lingkungan
        """Variables added to the kernel's environment (the chart cache, :mod:`..laporan.
        grafik`)."""
        self._lingkungan_baru: dict[str, str] = {}
        """Variables the kernel gets with the next chapter's reset (:meth:`beri_lingkungan`)."""

    def __enter__(self) -> KernelBersama:
        if self._mulai:
            self._luncurkan()
        return self

    def _luncurkan(self) -> None:
        """Launch the kernel process (with its warm-up); a BuildError when it cannot start."""
        self.km = AsyncKernelManager(
            kernel_name="python3", kernel_spec_manager=_KernelSpecInterpreterIni()
        )
        # The kernel process's own stdout/stderr (not the notebook outputs) go to a temporary
        # file: shown only when the kernel dies.
        self._log = tempfile.TemporaryFile(mode="w+b")  # noqa: SIM115  # closed by __exit__
        argumen = ["--HistoryManager.hist_file=:memory:"]
        try:
            if self._impor_awal:
                fd, nama = tempfile.mkstemp(prefix="lkjip-pemanasan-", suffix=".py")
                self._berkas_pemanasan = Path(nama)
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(_KODE_PEMANASAN.format(impor=self._impor_awal))
                argumen.append(
                    f"--IPKernelApp.exec_files={json.dumps([str(self._berkas_pemanasan)])}"
                )
            tambahan = {"env": os.environ | self._lingkungan} if self._lingkungan else {}
            run_sync(self.km.start_kernel)(
                cwd=str(self.cwd),
                extra_arguments=argumen,
                stdout=self._log,
                stderr=self._log,
                **tambahan,
            )
        except Exception as err:
            self.__exit__(None, None, None)
            raise BuildError(
                f"kernel Python tidak dapat dijalankan ({type(err).__name__}: {err}); "
                "pastikan ipykernel terpasang di lingkungan ini"
            ) from err
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def siapkan(self, impor: list[str] | None = None) -> None:
        """Wait until the kernel answers; then queue ``impor`` lines (errors ignored)."""
        if self._siap:
            return
        for percobaan in (1, 2):
            if self.km is None:  # not launched yet (mulai=False), or launched again
                self._luncurkan()
            if self.kc is None:
                # The client's channels start only when the kernel is first needed: a build
                # that stops before its first chapter (data errors, Ctrl-C, every chapter
                # reused) then has no channel thread still opening its socket while the
                # kernel is shut down.
                assert self.km is not None
                self.kc = self.km.client()
                self.kc.start_channels()
            try:
                self._tunggu_siap()
                break
            except _KernelMati as err:
                if percobaan == 2:
                    raise self._galat_siap(err) from err
                # A kernel that died before it first answered is launched once more, on new
                # ports: jupyter_client picks free ports and the kernel binds them later, so
                # two kernels started at the same moment (a batch's two workers) can be handed
                # the same port, and the second one dies.
                logging.getLogger(__name__).debug(
                    "kernel berhenti sebelum menjawab, dijalankan ulang:\n%s", self.log_kernel()
                )
                self.__exit__(None, None, None)
            except Exception as err:
                raise self._galat_siap(err) from err
        self._siap = True
        if impor and not self._impor_awal:
            self.kc.execute(_KODE_PEMANASAN.format(impor=impor), silent=True, store_history=False)

    def _galat_siap(self, err: Exception) -> BuildError:
        return BuildError(
            f"kernel Python tidak siap dalam {self.startup_timeout} detik "
            f"({type(err).__name__}: {err}). Keluaran proses kernel:\n{self.log_kernel()}"
        )

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km is not None:
            try:
                if run_sync(self.km.is_alive)():
                    run_sync(self.km.shutdown_kernel)(now=True)
            finally:
                run_sync(self.km.cleanup_resources)()
                self.km = None
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._berkas_pemanasan is not None:
            self._berkas_pemanasan.unlink(missing_ok=True)
            self._berkas_pemanasan = None

    @property
    def diluncurkan(self) -> bool:
        """Whether the kernel process has been launched (a chapter is expected to run)."""
        return self.km is not None

    def beri_lingkungan(self, lingkungan: dict[str, str]) -> None:
        """Add ``lingkungan`` to the environment of the chapters run from now on: a kernel
        launched before the values were known (the chart cache, once the inputs are
        fingerprinted) gets them with the reset before the next chapter (a restarted one
        with the reset after its restart)."""
        self._lingkungan = (self._lingkungan or {}) | lingkungan
        self._lingkungan_baru |= lingkungan

    def tutup_di_latar(self) -> None:
        """Shut the kernel down from a worker thread (the build goes on meanwhile): as
        ``__exit__``, then the event loop jupyter_client opened in that thread is closed."""
        import asyncio

        try:
            self.__exit__(None, None, None)
        finally:
            try:
                loop = asyncio.get_event_loop_policy().get_event_loop()
            except RuntimeError:  # none was opened in this thread
                loop = None
            if loop is not None and not loop.is_running():
                loop.close()
                asyncio.set_event_loop(None)

    def log_kernel(self) -> str:
        """What the kernel process itself wrote to stdout/stderr (for crash reports)."""
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def pulihkan(self, tunggu: float = TUNGGU_INTERUPSI) -> str:
        """Stop whatever the kernel runs: interrupt it; if it is not idle within ``tunggu``
        seconds, kill and restart it. Returns ``"interupsi"`` or ``"mulai ulang"``."""
        assert self.km is not None and self.kc is not None
        try:
            run_sync(self.km.interrupt_kernel)()
            if self._tunggu_siaga(tunggu):
                return "interupsi"
        except Exception:  # an interrupt that fails is followed by the kill below
            logging.getLogger(__name__).debug("interupsi kernel gagal", exc_info=True)
        self.kc.stop_channels()
        run_sync(self.km.restart_kernel)(now=True)  # launched as the first time
        self._lingkungan_baru = dict(self._lingkungan or {})
        self.kc = self.km.client()
        self.kc.start_channels()
        self._siap = False
        self.siapkan()
        return "mulai ulang"

    def _tunggu_siap(self) -> None:
        """jupyter_client's ``wait_for_ready`` without its pauses: ``kernel_info`` until its
        reply comes and an IOPub message follows it (the kernel's status: the IOPub
        subscription is live, no output of the first cell can be lost). jupyter_client waits
        0,2 s for that message, in a build usually twice (the subscription was not live at
        the first request): 0,3 s before the first chapter; here the wait is 0,02 s a try."""
        assert self.kc is not None
        akhir = time.monotonic() + self.startup_timeout
        while time.monotonic() < akhir:
            self.kc.kernel_info()
            try:
                balasan = run_sync(self.kc.get_shell_msg)(timeout=1)
            except Exception:  # queue.Empty: no reply yet
                balasan = None
            if balasan is not None and balasan.get("msg_type") == "kernel_info_reply":
                try:
                    run_sync(self.kc.get_iopub_msg)(timeout=0.02)
                except Exception:  # queue.Empty: IOPub not live yet
                    pass
                else:
                    self.kc._handle_kernel_info_reply(balasan)
                    return
            if not self.hidup():
                raise _KernelMati("kernel berhenti sebelum menjawab kernel_info")
        raise RuntimeError(f"tidak ada jawaban kernel_info dalam {self.startup_timeout} detik")

    def _tunggu_siaga(self, tunggu: float) -> bool:
        """Whether the kernel answers a kernel_info request within ``tunggu`` seconds."""
        msg_id = self.kc.kernel_info()
        akhir = time.monotonic() + tunggu
        while (sisa := akhir - time.monotonic()) > 0:
            try:
                balasan = run_sync(self.kc.get_shell_msg)(timeout=sisa)
            except Exception:  # queue.Empty on time-out
                return False
            if balasan.get("parent_header", {}).get("msg_id") == msg_id:
                return True
        return False

    def hidup(self) -> bool:
        """Whether the kernel process is still alive."""
        return self.km is not None and bool(run_sync(self.km.is_alive)())

    def reset(self) -> str:
        """Clear the user namespace (modules stay imported) and close open figures.

        Returns what went to stderr meanwhile (warm-up warnings), empty when nothing did.
        """
        self.siapkan()
        assert self.kc is not None
        stderr: list[str] = []

        def simak(pesan: dict[str, Any]) -> None:
            isi = pesan.get("content", {})
            if pesan.get("msg_type") == "stream" and isi.get("name") == "stderr":
                stderr.append(isi.get("text", ""))

        kode = _KODE_RESET
        if self._lingkungan_baru:
            kode = f"__import__('os').environ.update({self._lingkungan_baru!r})\n" + _KODE_RESET
            self._lingkungan_baru = {}
        balasan = run_sync(self.kc.execute_interactive)(
            kode, store_history=False, output_hook=simak, timeout=60
        )
        if balasan["content"].get("status") != "ok":
            raise RuntimeError(f"reset kernel gagal: {balasan['content']}")
        return "".join(stderr).strip()

    def jalankan(
        self,
        masuk: Path,
        keluar: Path,
        parameters: dict[str, Any],
        rapi: tuple[str, str] | None = None,
    ) -> nbformat.NotebookNode:
        """Execute ``masuk`` into ``keluar`` with papermill; raise PapermillExecutionError.
        ``rapi``: the relative paths the notebook is written with (:func:`rapikan`).

        Anything the reset before it wrote to stderr is kept in :attr:`stderr_reset`.
        """
        from .mesin_papermill import NAMA_ENGINE

        self.stderr_reset = self.reset()
        import papermill

        return papermill.execute_notebook(
            str(masuk),
            str(keluar),
            parameters=parameters,
            engine_name=NAMA_ENGINE,
            kernel_name="python3",
            language="python",
            request_save_on_cell_execute=False,
            progress_bar=False,
            execution_timeout=self.batas_waktu_sel,
            km=self.km,
            kc=self.kc,
            rapi=rapi,
        )


__all__ = [
    "BATAS_WAKTU_SEL",
    "ENV_BATAS_WAKTU_SEL",
    "Kegagalan",
    "KernelBersama",
    "SelWaktuHabis",
    "batas_waktu_sel",
    "kumpulkan_kegagalan",
]
