"""Execution of the chapter notebooks in the shared kernel, and the report of their failures.

Every chapter runs (papermill, in :class:`.kernel.KernelBersama`); all failures are
collected, the failed executed notebooks and a traceback file are kept in the failure folder
(``<out_dir>/<satker>/gagal-<kunci>/``), and one :class:`~lkjip_helpers.errors.BuildError`
names them all. A cell past its time limit stops the chapters that follow; a dead kernel
stops them too, its log kept with the traceback.
"""

from __future__ import annotations

import contextlib
import shutil
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BuildError, galat_tulis, output_error, sebab_os
from .kemajuan import Kemajuan

MAKS_TEMUAN_DITAMPILKAN = 20


@dataclass
class TugasEksekusi:
    """What :func:`eksekusi_bab` runs, and where."""

    bab: list[Path]
    folder_nb: Path
    """Where the executed notebooks are written."""
    parameter: dict[str, Any]
    folder_gagal: Path
    akhir: str = "notebooks"
    """Where the executed notebooks will finally be, relative to the output folder (recorded
    as papermill's ``output_path``)."""
    setelah_bab: Callable[[Path], None] | None = None
    """Called with the executed notebook of each chapter that ran cleanly, or was reused,
    while no chapter failed."""
    pakai_ulang: Callable[[Path, Path], bool] | None = None
    """``pakai_ulang(chapter, target)`` may put the previous report's executed notebook at
    ``target`` and return True: the chapter then does not run (see :mod:`.pakai_ulang`)."""


def simpan_kegagalan(
    folder_gagal: Path, kegagalan: list[Any], notebook_gagal: list[Path], log_kernel: str = ""
) -> Path:
    """Keep the failed executed notebooks and a traceback file; return the traceback path."""
    if folder_gagal.exists():
        shutil.rmtree(folder_gagal)
    folder_gagal.mkdir(parents=True)
    for nb in notebook_gagal:
        if nb.is_file():
            shutil.copy2(nb, folder_gagal / nb.name)
    bagian = [f"=== {k.uraian()}\n\n{k.traceback}\n" for k in kegagalan]
    if log_kernel.strip():
        bagian.append(f"=== Keluaran proses kernel\n\n{log_kernel}\n")
    tb = folder_gagal / "traceback.txt"
    tb.write_text("\n".join(bagian), encoding="utf-8")
    return tb


def kegagalan_waktu_habis(path: Path, keluar: Path, err: Any, cara: str) -> Any:
    """The failure record of a cell that ran past the time limit."""
    import nbformat

    from .kernel import ENV_BATAS_WAKTU_SEL, Kegagalan, _nomor_sel_sumber

    sel = id_sel = None
    cuplikan = ""
    nb = err.nb
    if nb is not None:
        with contextlib.suppress(OSError):  # kept for the failure folder, as papermill would
            nbformat.write(nb, keluar)
        if err.indeks is not None and err.indeks < len(nb.cells):
            sel = _nomor_sel_sumber(nb, err.indeks)
            id_sel = nb.cells[err.indeks].get("id")
            sumber = str(nb.cells[err.indeks].get("source", "")).strip().splitlines()
            cuplikan = sumber[0][:80] if sumber else ""
    kernel = "dihentikan (interupsi)" if cara == "interupsi" else "dimatikan lalu dimulai ulang"
    return Kegagalan(
        notebook=path.name,
        sel=sel,
        id_sel=id_sel,
        jenis="galat",
        nama="BatasWaktu",
        pesan=(
            f"sel berjalan lebih dari {err.batas} detik (batas waktu sel) dan kernel {kernel}; "
            f"ubah batas dengan --batas-waktu-sel atau {ENV_BATAS_WAKTU_SEL}"
        ),
        traceback=f"Batas waktu sel {err.batas} detik terlampaui; kernel {kernel}.",
        cuplikan=cuplikan,
    )


def _kegagalan_galat(notebook: str, nama: str, pesan: str, tb: str) -> Any:
    from .kernel import Kegagalan

    return Kegagalan(
        notebook=notebook, sel=None, id_sel=None, jenis="galat", nama=nama, pesan=pesan,
        traceback=tb,
    )  # fmt: skip


@dataclass
class _Eksekusi:
    """One run of the chapters: the kernel, the task, and what failed so far."""

    kernel: Any
    tugas: TugasEksekusi
    kemajuan: Kemajuan
    durasi: dict[str, float]
    hasil: list[Path] = field(default_factory=list)
    kegagalan: list[Any] = field(default_factory=list)
    nb_gagal: list[Path] = field(default_factory=list)
    log_kernel: str = ""
    dihentikan: str = ""
    berhenti: bool = False
    """A cell timed out or the kernel died: the chapters that follow do not run."""

    def jalankan(self) -> list[Path]:
        for i_bab, path in enumerate(self.tugas.bab):
            self.kemajuan.langkah(f"Menjalankan {path.name}")
            keluar = self.tugas.folder_nb / path.name
            if self._pakai_ulang(path, keluar):
                continue
            mulai = time.perf_counter()
            try:
                nb, galat_pm = self._jalankan_satu(path, keluar, i_bab)
            finally:
                self.durasi[f"notebook:{path.name}"] = round(time.perf_counter() - mulai, 3)
            if nb is None:  # it did not finish
                if self.berhenti:
                    break
                continue
            self._periksa_hasil(path, keluar, nb, galat_pm)
        if self.kegagalan:
            raise self._galat()
        return self.hasil

    def _pakai_ulang(self, path: Path, keluar: Path) -> bool:
        pakai_ulang = self.tugas.pakai_ulang
        if self.kegagalan or pakai_ulang is None or not pakai_ulang(path, keluar):
            return False
        self.kemajuan.langkah(f"Memakai ulang {path.name} (tidak berubah)")
        self.durasi[f"notebook:{path.name}"] = 0.0
        if self.tugas.setelah_bab is not None:
            self.tugas.setelah_bab(keluar)
        self.hasil.append(keluar)
        self.kemajuan.maju()
        return True

    def _jalankan_satu(self, path: Path, keluar: Path, i_bab: int) -> tuple[Any, Any]:
        """(the executed notebook, papermill's error) — (None, None) when it did not finish
        (the failure is recorded; :attr:`berhenti` says whether the chapters stop)."""
        import nbformat
        from papermill.exceptions import PapermillExecutionError

        from .kernel import SelWaktuHabis

        try:
            return self.kernel.jalankan(path, keluar, self.tugas.parameter, self._rapi(path)), None
        except PapermillExecutionError as err:
            return nbformat.read(keluar, as_version=4), err  # papermill saves before raising
        except SelWaktuHabis as err:
            self._catat(kegagalan_waktu_habis(path, keluar, err, self.kernel.pulihkan()), keluar)
            sisa = len(self.tugas.bab) - i_bab - 1
            if sisa:
                self.dihentikan = f"{sisa} bab berikutnya tidak dijalankan setelah batas waktu."
            self.berhenti = True
        except Exception as err:  # kernel died, unreadable notebook …
            if (tulis := galat_tulis(err)) is not None:
                raise output_error(tulis, keluar, "Keluaran sebelumnya tidak diubah.") from err
            tb = "".join(traceback.format_exception(err))
            self._catat(
                _kegagalan_galat(path.name, type(err).__name__, str(err) or repr(err), tb), keluar
            )
            if not self.kernel.hidup():
                self.log_kernel = self.kernel.log_kernel()
                self.berhenti = True
        return None, None

    def _rapi(self, path: Path) -> tuple[str, str]:
        """The relative paths chapter ``path`` is written with (:func:`.kernel.rapikan`)."""
        return f"{path.parent.name}/{path.name}", f"{self.tugas.akhir}/{path.name}"

    def _catat(self, kegagalan: Any, keluar: Path) -> None:
        self.kegagalan.append(kegagalan)
        if keluar.is_file():
            self.nb_gagal.append(keluar)

    def _periksa_hasil(self, path: Path, keluar: Path, nb: Any, galat_pm: Any) -> None:
        """Tidy the executed notebook and collect its failures (error outputs, stderr)."""
        from .kernel import Kegagalan, kumpulkan_kegagalan, rapikan_notebook

        nb = rapikan_notebook(nb, keluar, *self._rapi(path))
        gagal_di_sini = kumpulkan_kegagalan(nb, path.name)
        if self.kernel.stderr_reset:  # warnings of the warm-up imports (see build_kernel)
            stderr = self.kernel.stderr_reset
            gagal_di_sini.insert(
                0,
                Kegagalan(
                    notebook=path.name,
                    sel=None,
                    id_sel=None,
                    jenis="stderr",
                    nama="stderr",
                    pesan=stderr.splitlines()[0][:300],
                    traceback=stderr,
                    cuplikan="impor modul",
                ),
            )
        if galat_pm is not None and not gagal_di_sini:
            tb = "\n".join(galat_pm.traceback)
            gagal_di_sini = [_kegagalan_galat(path.name, galat_pm.ename, galat_pm.evalue, tb)]
        if gagal_di_sini:
            self.kegagalan.extend(gagal_di_sini)
            self.nb_gagal.append(keluar)
        elif not self.kegagalan and self.tugas.setelah_bab is not None:
            self.tugas.setelah_bab(keluar)
        self.hasil.append(keluar)
        self.kemajuan.maju()

    def _galat(self) -> BuildError:
        """The BuildError naming every failure, after keeping them in the failure folder."""
        if not self.log_kernel and not self.kernel.hidup():
            self.log_kernel = self.kernel.log_kernel()
        folder_gagal = self.tugas.folder_gagal
        tb: Path | None = None
        try:
            tb = simpan_kegagalan(folder_gagal, self.kegagalan, self.nb_gagal, self.log_kernel)
            disimpan = (
                f"Notebook yang gagal dan traceback disimpan di {folder_gagal} (lihat {tb.name})."
            )
        except OSError as err:
            shutil.rmtree(folder_gagal, ignore_errors=True)
            disimpan = (
                f"Notebook yang gagal tidak dapat disimpan di {folder_gagal}: {sebab_os(err)}."
            )
        kegagalan = self.kegagalan
        pertama = kegagalan[0]
        daftar = "\n".join(f"  - {k.uraian()}" for k in kegagalan[:MAKS_TEMUAN_DITAMPILKAN])
        if len(kegagalan) > MAKS_TEMUAN_DITAMPILKAN:
            daftar += f"\n  ... dan {len(kegagalan) - MAKS_TEMUAN_DITAMPILKAN} lainnya"
        err = BuildError(
            f"Notebook bab {pertama.notebook} gagal di {pertama.tempat(rinci=True)}: {pertama.nama}: {pertama.pesan}\n"
            f"Semua kegagalan ({len(kegagalan)}):\n{daftar}\n"
            + (f"{self.dihentikan}\n" if self.dihentikan else "")
            + f"{disimpan} Keluaran sebelumnya tidak diubah."
        )
        err.bab = pertama.notebook  # type: ignore[attr-defined]  # for the batch summary
        err.log = tb  # type: ignore[attr-defined]
        return err


def eksekusi_bab(
    kernel: Any, tugas: TugasEksekusi, kemajuan: Kemajuan, durasi: dict[str, float]
) -> list[Path]:
    """Run every chapter of ``tugas`` in the shared ``kernel``; collect all failures, then
    raise one BuildError. Returns the executed notebooks (run or reused), in order.

    ``tugas.setelah_bab(path)`` is called for each chapter that ran cleanly while none failed
    before it."""
    return _Eksekusi(kernel, tugas, kemajuan, durasi).jalankan()
