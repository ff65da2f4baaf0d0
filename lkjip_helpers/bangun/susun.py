"""Build the LKjIP report of one satker and year.

Flow: validate parameters → data checks (stop on ``error`` unless told otherwise) → review
memo (its PDF printed by a child process meanwhile) → execute every chapter notebook with
papermill in one reused kernel → merge and export one HTML → front matter → PDF (WeasyPrint)
→ ``capaian_ikk.csv``, ``tabel.xlsx``, ``pemeriksaan.json``, ``build.json``.

Everything is written into ``<out_dir>/<satker>/.<tahun>.tmp-<acak>`` first and swapped into
``<out_dir>/<satker>/<tahun>/`` only when every step succeeded, so a failed build never
touches the previous good output. A failed chapter's executed notebook and its traceback are
kept in ``<out_dir>/<satker>/gagal-<tahun>/``.

Robustness (issue 10): the output folder must be apart from the data folder; a build holds a
lock on ``<out_dir>/<satker>/.<tahun>.kunci`` and, before anything else, restores a report a
killed build left half-swapped and removes killed builds' temporary folders
(:class:`_PenjagaKeluaran`); a cell past its time limit is interrupted, or the kernel killed
and restarted; write errors become :class:`~lkjip_helpers.errors.OutputError`; and
:func:`build` raises nothing but :class:`~lkjip_helpers.errors.LkjipError` (besides
KeyboardInterrupt/SystemExit), so a batch can go on after any single failure.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import secrets
import shutil
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import BuildError, LkjipError, galat_tulis, output_error, sebab_os
from ..muat.parameter import kunci_periode, validasi_parameter, validasi_periode
from ..muat.periode import Periode
from .sidik import sha256_berkas

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

PAKET_DICATAT = (
    "babel",
    "ipykernel",
    "jupyter_client",
    "matplotlib",
    "nbclient",
    "nbconvert",
    "nbformat",
    "openpyxl",
    "pandas",
    "papermill",
    "pydantic",
    "ruamel.yaml",
    "weasyprint",
)
TINGKAT = ("error", "peringatan", "info")
MAKS_TEMUAN_DITAMPILKAN = 20


@dataclass
class BuildResult:
    """What a successful build wrote, and how long each step took."""

    satker: str
    tahun: int
    folder: Path
    """``<out_dir>/<satker>/<kunci periode>`` (``2023``, ``2023-semester-1``)."""
    html: Path
    pdf: Path | None
    notebooks: list[Path]
    pemeriksaan: Path
    capaian_csv: Path
    tabel_xlsx: Path
    build_json: Path
    durasi: dict[str, float] = field(default_factory=dict)
    """Seconds per step, plus ``total``."""
    temuan: dict[str, int] = field(default_factory=dict)
    """Number of data-check findings per tingkat (error, peringatan, info)."""
    pdf_dilewati: str | None = None
    """Why no PDF was made although one was asked for (WeasyPrint's system libraries are
    missing): one Indonesian line naming the packages to install. None otherwise."""
    periode: str = "tahunan"
    masalah_teratas: list[str] = field(default_factory=list)
    """Titles of the review memo's first problems (errors and warnings), for the summary."""
    dipakai_ulang: bool = False
    """True when no input changed since the last successful build, whose outputs were
    returned as they are (see :mod:`lkjip_helpers.bangun.sidik`)."""
    pdf_usang: list[str] = field(default_factory=list)
    """PDFs of the previous build an HTML-only build kept although what they print changed
    (``build.json`` ``pdf_stale``; the index marks them)."""

    @property
    def jumlah_temuan(self) -> int:
        """Total number of data-check findings."""
        return sum(self.temuan.values())


# --------------------------------------------------------------------------- helpers


def lewati_rfc3987_syntax() -> None:
    """Keep ``jsonschema`` from importing ``rfc3987_syntax`` in this process.

    nbformat imports jsonschema, which imports the optional ``rfc3987_syntax`` (installed
    with jupyterlab) only to offer the "iri" format check; that module compiles ~40 Lark
    grammars at import, about 2,5 s on every build. nbformat never uses that check, so
    before anything imports jsonschema the module is marked unavailable. No effect when
    jsonschema is already imported.
    """
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]


def folder_notebook_bawaan() -> Path:
    """The repository's ``notebooks/`` (editable install), else ``./notebooks``."""
    repo = Path(__file__).resolve().parents[2] / "notebooks"
    return repo if repo.is_dir() else Path.cwd() / "notebooks"


DAFTAR_BAB = "bab.yaml"
"""The list of a notebook folder's chapter notebooks, in report order (``notebooks/bab.yaml``,
key ``bab``): a build runs only these."""


def daftar_bab(notebooks_dir: Path) -> list[Path]:
    """Chapter notebooks in report order: the ones :data:`DAFTAR_BAB` declares; in a folder
    without that list, ``*.ipynb`` sorted by name, ``_*`` skipped."""
    berkas = notebooks_dir / DAFTAR_BAB
    if not berkas.is_file():
        return sorted(p for p in notebooks_dir.glob("*.ipynb") if not p.name.startswith(("_", ".")))
    import yaml

    try:
        isi = yaml.safe_load(berkas.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise BuildError(f"{berkas}: daftar notebook bab tidak dapat dibaca ({err})") from err
    nama = isi.get("bab") if isinstance(isi, dict) else None
    if not isinstance(nama, list) or not nama or not all(isinstance(n, str) for n in nama):
        raise BuildError(
            f"{berkas}: diharapkan field 'bab' berisi daftar nama berkas notebook bab "
            "(mis. - 00_pengantar.ipynb)"
        )
    hilang = [n for n in nama if not (notebooks_dir / n).is_file()]
    if hilang:
        raise BuildError(
            f"{berkas}: notebook bab yang disebut tidak ada di {notebooks_dir}: {', '.join(hilang)}"
        )
    return [notebooks_dir / n for n in nama]


def notebook_lain(notebooks_dir: Path, bab: list[Path]) -> list[str]:
    """Notebooks in the folder that are not chapters (``Untitled.ipynb`` made in Lab):
    a build skips them. ``_*`` drafts are skipped without a word."""
    dipakai = {p.name for p in bab}
    return sorted(
        p.name
        for p in notebooks_dir.glob("*.ipynb")
        if p.name not in dipakai and not p.name.startswith(("_", "."))
    )


def teks_notebook_lain(notebooks_dir: Path, bab: list[Path]) -> str | None:
    """The one warning line naming the skipped non-chapter notebooks (None when none)."""
    lain = notebook_lain(notebooks_dir, bab)
    if not lain:
        return None
    return (
        f"Peringatan: {', '.join(lain)} di {notebooks_dir.name}/ bukan notebook bab "
        f"(tidak ada di {DAFTAR_BAB}) dan tidak dibangun."
    )


def peringatkan_notebook_lain(notebooks_dir: Path, bab: list[Path]) -> None:
    """Print :func:`teks_notebook_lain` on stderr."""
    teks = teks_notebook_lain(notebooks_dir, bab)
    if teks:
        with contextlib.suppress(OSError, ValueError):
            print(teks, file=sys.stderr, flush=True)


def _satker_yaml(data_dir: Path, satker: str) -> dict[str, Any]:
    """satker.yaml as a mapping (empty when unreadable: the checks report that)."""
    from ..muat.berkas import baca_yaml

    try:
        isi = baca_yaml(data_dir / "satker" / satker / "satker.yaml", data_dir)
    except LkjipError:  # the checks report unreadable data; here it is only provenance
        return {}
    return isi if isinstance(isi, dict) else {}


def _path_katalog(data_dir: Path, satker: str) -> Path | None:
    """The catalog file named by ``satker.yaml`` (``katalog: <id>``), if inside data/katalog/."""
    from ..muat.berkas import path_dalam

    nama = _satker_yaml(data_dir, satker).get("katalog")
    if not isinstance(nama, str):
        return None
    try:
        path = path_dalam(data_dir / "katalog", f"{nama}.yaml")
    except LkjipError:
        return None
    return path if path.is_file() else None


def _nama_satker(data_dir: Path, satker: str) -> str:
    nama = _satker_yaml(data_dir, satker).get("nama")
    return str(nama) if nama else satker


def sidik_masukan(data_dir: Path, satker: str) -> dict[str, str]:
    """sha256 of every file under ``data_dir/satker/<satker>/`` and of the catalog used.

    Keys are paths relative to ``data_dir`` with forward slashes. A file that is a symlink
    to somewhere outside ``data_dir`` is refused (DataError), never read.
    """
    from ..muat.berkas import pastikan_dalam

    berkas = sorted(p for p in (data_dir / "satker" / satker).rglob("*") if p.is_file())
    katalog = _path_katalog(data_dir, satker)
    if katalog is not None:
        berkas.append(katalog)
    return {
        p.relative_to(data_dir).as_posix(): sha256_berkas(pastikan_dalam(data_dir, p))
        for p in berkas
    }


def _versi_paket() -> dict[str, str]:
    hasil = {}
    for nama in PAKET_DICATAT:
        try:
            hasil[nama] = metadata.version(nama)
        except metadata.PackageNotFoundError:
            hasil[nama] = "tidak terpasang"
    return hasil


def _hitung_temuan(temuan: list[Any]) -> dict[str, int]:
    hasil = dict.fromkeys(TINGKAT, 0)
    for t in temuan:
        hasil[str(t.tingkat)] = hasil.get(str(t.tingkat), 0) + 1
    return hasil


ISIAN_MUSTAHIL = frozenset(
    {"NARASI_ISIAN_TIDAK_SAH", "NARASI_ISIAN_TIDAK_DIKENAL", "NARASI_RUJUKAN_TIDAK_DIKENAL"}
)
"""Findings of a placeholder the report cannot fill in: they stop even a build that ignores
the checks (``--abaikan-pemeriksaan``)."""


def _pesan_temuan_error(temuan: list[Any]) -> str:
    galat = [t for t in temuan if t.tingkat == "error"]
    baris = [f"  - [{t.kode}] {t.lokasi}: {t.pesan}" for t in galat[:MAKS_TEMUAN_DITAMPILKAN]]
    if len(galat) > MAKS_TEMUAN_DITAMPILKAN:
        baris.append(f"  ... dan {len(galat) - MAKS_TEMUAN_DITAMPILKAN} galat lain")
    return (
        f"Pemeriksaan data menemukan {len(galat)} galat (tingkat error); laporan tidak dibangun.\n"
        + "\n".join(baris)
        + "\nPerbaiki data, atau bangun tetap dengan --abaikan-pemeriksaan "
        "(galat akan tercantum di lampiran laporan)."
    )


def bilah_kemajuan(console: Console) -> Progress:
    """The progress bar of a build and of a batch (terminal only): spinner, step, bar, n/N,
    time."""
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
        console=console,
    )


class _Kemajuan:
    """Progress of a build on stderr: a rich progress bar on a terminal, one plain flushed
    line per step otherwise (a log or CI shows the build as it goes), nothing when ``aktif``
    is False."""

    def __init__(self, aktif: bool, total: int) -> None:
        self.aktif = aktif
        self._progress: Any = None
        self._tugas: Any = None
        self.total = total
        self._polos = False
        self._nomor = 0
        self._langkah: tuple[str, float] | None = None

    def __enter__(self) -> _Kemajuan:
        if self.aktif and sys.stderr.isatty():
            from rich.console import Console

            self._progress = bilah_kemajuan(Console(stderr=True))
            self._progress.__enter__()
            self._tugas = self._progress.add_task("Memulai", total=self.total)
        elif self.aktif:
            self._polos = True
        return self

    def _cetak(self, teks: str) -> None:
        with contextlib.suppress(OSError, ValueError):  # a closed stderr never fails a build
            print(teks, file=sys.stderr, flush=True)

    def langkah(self, teks: str) -> None:
        """Show the step now running."""
        if self._progress is not None:
            self._progress.update(self._tugas, description=teks)
        elif self._polos:
            self._langkah = (teks, time.perf_counter())

    def maju(self) -> None:
        """Mark one step done."""
        if self._progress is not None:
            self._progress.advance(self._tugas)
        elif self._polos and self._langkah is not None:
            self._nomor += 1
            teks, mulai = self._langkah
            detik = f"{time.perf_counter() - mulai:.1f}".replace(".", ",")
            self._cetak(f"[{self._nomor}/{self.total}] {teks}: selesai ({detik} detik)")
            self._langkah = None

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            if exc[0] is None:
                self._progress.update(self._tugas, description="Selesai")
            self._progress.__exit__(*exc)
        elif self._polos and exc[0] is not None and self._langkah is not None:
            dihentikan = isinstance(exc[0], type) and issubclass(exc[0], KeyboardInterrupt)
            self._cetak(f"{self._langkah[0]}: {'dihentikan' if dihentikan else 'gagal'}")


@contextlib.contextmanager
def _stopwatch(durasi: dict[str, float], nama: str) -> Iterator[None]:
    mulai = time.perf_counter()
    try:
        yield
    finally:
        durasi[nama] = round(durasi.get(nama, 0.0) + time.perf_counter() - mulai, 3)


# --------------------------------------------------------------------------- failures


def _simpan_kegagalan(
    folder_gagal: Path, kegagalan: list[Any], notebook_gagal: list[Path], log_kernel: str = ""
) -> Path:
    """Keep the failed executed notebooks and a traceback file; return the traceback path."""
    if folder_gagal.exists():
        shutil.rmtree(folder_gagal)
    folder_gagal.mkdir(parents=True)
    for nb in notebook_gagal:
        if nb.is_file():
            shutil.copy2(nb, folder_gagal / nb.name)
    bagian = []
    for k in kegagalan:
        bagian.append(f"=== {k.uraian()}\n\n{k.traceback}\n")
    if log_kernel.strip():
        bagian.append(f"=== Keluaran proses kernel\n\n{log_kernel}\n")
    tb = folder_gagal / "traceback.txt"
    tb.write_text("\n".join(bagian), encoding="utf-8")
    return tb


def _eksekusi_bab(
    kernel: Any,
    bab: list[Path],
    folder_nb: Path,
    parameter: dict[str, Any],
    folder_gagal: Path,
    kemajuan: _Kemajuan,
    durasi: dict[str, float],
    setelah_bab: Callable[[Path], None] | None = None,
    akhir: str = "notebooks",
    pakai_ulang: Callable[[Path, Path], bool] | None = None,
) -> list[Path]:
    """Run every chapter in the shared kernel; collect all failures, then raise BuildError.

    ``akhir`` is where the executed notebooks will finally be, relative to the output folder
    (recorded as papermill's ``output_path``). ``pakai_ulang(chapter, target)`` may put the
    previous report's executed notebook at ``target`` and return True: the chapter then does
    not run (its display did not change, see :mod:`.pakai_ulang`).

    ``setelah_bab(path)`` is called for each chapter that ran cleanly (the build starts its
    HTML export there, in a worker thread, while the kernel runs the next chapter).
    """
    import nbformat

    from .kernel import (
        Kegagalan,
        PapermillExecutionError,
        SelWaktuHabis,
        kumpulkan_kegagalan,
        rapikan_notebook,
    )

    hasil: list[Path] = []
    kegagalan: list[Any] = []
    nb_gagal: list[Path] = []
    log_kernel = ""
    dihentikan = ""
    for i_bab, path in enumerate(bab):
        kemajuan.langkah(f"Menjalankan {path.name}")
        keluar = folder_nb / path.name
        if not kegagalan and pakai_ulang is not None and pakai_ulang(path, keluar):
            kemajuan.langkah(f"Memakai ulang {path.name} (tidak berubah)")
            durasi[f"notebook:{path.name}"] = 0.0
            hasil.append(keluar)
            kemajuan.maju()
            continue
        mulai = time.perf_counter()
        galat_pm: PapermillExecutionError | None = None
        try:
            nb = kernel.jalankan(path, keluar, parameter)
        except PapermillExecutionError as err:
            galat_pm = err
            nb = nbformat.read(keluar, as_version=4)  # papermill saves before raising
        except SelWaktuHabis as err:
            kegagalan.append(_kegagalan_waktu_habis(path, keluar, err, kernel.pulihkan()))
            if keluar.is_file():
                nb_gagal.append(keluar)
            sisa = len(bab) - i_bab - 1
            if sisa:
                dihentikan = f"{sisa} bab berikutnya tidak dijalankan setelah batas waktu."
            break
        except Exception as err:  # kernel died, unreadable notebook …
            if (tulis := galat_tulis(err)) is not None:
                raise output_error(tulis, keluar, "Keluaran sebelumnya tidak diubah.") from err
            kegagalan.append(
                Kegagalan(
                    notebook=path.name,
                    sel=None,
                    id_sel=None,
                    jenis="galat",
                    nama=type(err).__name__,
                    pesan=str(err) or repr(err),
                    traceback="".join(traceback.format_exception(err)),
                )
            )
            if keluar.is_file():
                nb_gagal.append(keluar)
            if not kernel.hidup():
                log_kernel = kernel.log_kernel()
                break
            continue
        finally:
            durasi[f"notebook:{path.name}"] = round(time.perf_counter() - mulai, 3)
        nb = rapikan_notebook(nb, keluar, f"{path.parent.name}/{path.name}", f"{akhir}/{path.name}")
        gagal_di_sini = kumpulkan_kegagalan(nb, path.name)
        if kernel.stderr_reset:  # warnings of the warm-up imports (see build_kernel)
            gagal_di_sini.insert(
                0,
                Kegagalan(
                    notebook=path.name,
                    sel=None,
                    id_sel=None,
                    jenis="stderr",
                    nama="stderr",
                    pesan=kernel.stderr_reset.splitlines()[0][:300],
                    traceback=kernel.stderr_reset,
                    cuplikan="impor modul",
                ),
            )
        if galat_pm is not None and not gagal_di_sini:
            gagal_di_sini = [
                Kegagalan(
                    notebook=path.name,
                    sel=None,
                    id_sel=None,
                    jenis="galat",
                    nama=galat_pm.ename,
                    pesan=galat_pm.evalue,
                    traceback="\n".join(galat_pm.traceback),
                )
            ]
        if gagal_di_sini:
            kegagalan.extend(gagal_di_sini)
            nb_gagal.append(keluar)
        elif not kegagalan and setelah_bab is not None:
            setelah_bab(keluar)
        hasil.append(keluar)
        kemajuan.maju()
    if not kegagalan:
        return hasil
    if not log_kernel and not kernel.hidup():
        log_kernel = kernel.log_kernel()
    tb: Path | None = None
    try:
        tb = _simpan_kegagalan(folder_gagal, kegagalan, nb_gagal, log_kernel)
        disimpan = (
            f"Notebook yang gagal dan traceback disimpan di {folder_gagal} (lihat {tb.name})."
        )
    except OSError as err:
        shutil.rmtree(folder_gagal, ignore_errors=True)
        disimpan = f"Notebook yang gagal tidak dapat disimpan di {folder_gagal}: {sebab_os(err)}."
    pertama = kegagalan[0]
    daftar = "\n".join(f"  - {k.uraian()}" for k in kegagalan[:MAKS_TEMUAN_DITAMPILKAN])
    if len(kegagalan) > MAKS_TEMUAN_DITAMPILKAN:
        daftar += f"\n  ... dan {len(kegagalan) - MAKS_TEMUAN_DITAMPILKAN} lainnya"
    err = BuildError(
        f"Notebook bab {pertama.notebook} gagal di {pertama.tempat(rinci=True)}: {pertama.nama}: {pertama.pesan}\n"
        f"Semua kegagalan ({len(kegagalan)}):\n{daftar}\n"
        + (f"{dihentikan}\n" if dihentikan else "")
        + f"{disimpan} Keluaran sebelumnya tidak diubah."
    )
    err.bab = pertama.notebook  # type: ignore[attr-defined]  # for the batch summary
    err.log = tb  # type: ignore[attr-defined]
    raise err


def _kegagalan_waktu_habis(path: Path, keluar: Path, err: Any, cara: str) -> Any:
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


# --------------------------------------------------------------------------- output folder


def _pindahkan_atomik(tmp: Path, final: Path) -> None:
    """Put ``tmp`` at ``final``; the old ``final`` survives until the new one is in place.

    Two renames: ``final`` → ``.<name>.lama-<x>`` (the backup), then ``tmp`` → ``final``. If
    the process dies between them, :func:`_bereskan_sisa` (which every build runs first,
    under the output lock) puts the backup back before anything else happens.
    """
    cadangan: Path | None = None
    if final.exists() or final.is_symlink():
        cadangan = final.parent / f".{final.name}.lama-{secrets.token_hex(4)}"
        os.replace(final, cadangan)
    try:
        os.replace(tmp, final)
    except BaseException:
        if cadangan is not None:
            os.replace(cadangan, final)
        raise
    if cadangan is not None:
        _hapus(cadangan)


def _hapus(folder: Path) -> None:
    """Remove a folder of ours (a symlink is unlinked, never followed)."""
    if folder.is_symlink():
        folder.unlink(missing_ok=True)
    else:
        shutil.rmtree(folder, ignore_errors=True)


def _bereskan_sisa(folder_satker: Path, tahun: int | str, umur_detik: float = 3600) -> None:
    """Clean up after a build that was killed (SIGKILL, power loss) mid-way.

    A backup ``.<tahun>.lama-*`` left without a ``<tahun>`` folder is the previous good
    output: it is put back (the newest one). Temporary folders and other backups older than
    ``umur_detik`` are removed; a build holding the output lock passes 0 (no other build of
    this satker and year can be running then).
    """
    final = folder_satker / str(tahun)
    sekarang = time.time()
    cadangan = sorted(
        folder_satker.glob(f".{tahun}.lama-*"), key=lambda p: p.lstat().st_mtime, reverse=True
    )
    for c in cadangan:
        if not (final.exists() or final.is_symlink()):
            os.replace(c, final)
        elif sekarang - c.lstat().st_mtime >= umur_detik:
            _hapus(c)
    for tmp in folder_satker.glob(f".{tahun}.tmp-*"):
        if sekarang - tmp.lstat().st_mtime >= umur_detik:
            _hapus(tmp)


class _PenjagaKeluaran:
    """The output lock of one satker and year, with the recovery step and the swap.

    A build holds an exclusive ``flock`` on ``<out_dir>/<satker>/.<tahun>.kunci`` from the
    moment the folder exists until it ends (the kernel releases it when the process dies,
    even by SIGKILL), so the first thing a build does — before the data checks — is to put
    back a previous report a killed build left half-swapped and to remove every temporary
    folder of killed builds. A second build of the same satker and year meanwhile stops with
    a clear message. Without ``fcntl`` (Windows) there is no lock and only leftovers older
    than an hour are removed.
    """

    def __init__(self, folder_satker: Path, tahun: int | str, data_dir: Path) -> None:
        self.folder = folder_satker
        self.tahun = str(tahun)
        self.data_dir = data_dir
        self._fd: int | None = None
        self._path_kunci = folder_satker / f".{tahun}.kunci"

    def __enter__(self) -> _PenjagaKeluaran:
        if self.folder.is_dir():
            self.kunci()
        return self

    def kunci(self) -> None:
        """Create the satker output folder if needed, take the lock, recover, clean up."""
        if self._fd is not None:
            return
        from ..muat.berkas import pastikan_terpisah

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise output_error(err, self.folder) from None
        # A symlinked <out_dir>/<satker> must not lead into the data folder either.
        pastikan_terpisah(self.data_dir, self.folder)
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            _bereskan_sisa(self.folder, self.tahun)
            return
        while True:
            try:
                fd = os.open(self._path_kunci, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as err:
                raise output_error(err, self._path_kunci) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise BuildError(
                    f"build lain untuk {self.folder.name} tahun {self.tahun} sedang berjalan "
                    f"(kunci {self._path_kunci}); tunggu sampai selesai lalu coba lagi"
                ) from None
            try:  # the previous holder may have removed the lock file meanwhile
                sama = os.stat(self._path_kunci).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                sama = False
            if sama:
                break
            os.close(fd)
        self._fd = fd
        _bereskan_sisa(self.folder, self.tahun, umur_detik=0)

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                self._path_kunci.unlink()
            os.close(self._fd)
            self._fd = None


def pulihkan_keluaran(out_dir: Path, satker: str, tahun: int | str, data_dir: Path) -> None:
    """Run the recovery step of ``out_dir/<satker>/<tahun>`` now (under the output lock).

    Puts back a previous report that a killed build left half-swapped and removes temporary
    folders of killed builds. ``build()`` does it itself; call it before anything else that
    reads a report folder when no build may have run since a crash.
    """
    folder = Path(out_dir) / satker
    if folder.is_dir():
        with _PenjagaKeluaran(folder, tahun, Path(data_dir)):
            pass


# --------------------------------------------------------------------------- build


def build(
    satker: str,
    tahun: int,
    data_dir: Path,
    out_dir: Path,
    *,
    pdf: bool = True,
    abaikan_pemeriksaan: bool = False,
    notebooks_dir: Path | None = None,
    progress: bool = True,
    batas_waktu_sel: int | None = None,
    periode: str = "tahunan",
    paksa: bool = False,
    indeks: bool = True,
    docx: bool = True,
) -> BuildResult:
    """Build ``laporan.html`` (and ``laporan.pdf``) with all side files for one satker/year.

    ``docx``: also ``laporan.docx`` and ``tinjauan.docx`` (:mod:`..keluaran.docx`).

    Raises only :class:`~lkjip_helpers.errors.LkjipError` subclasses (besides
    KeyboardInterrupt/SystemExit): :class:`~lkjip_helpers.errors.ParameterError` for bad
    parameters (also an output folder inside the data folder), :class:`DataError` for
    unreadable data, :class:`~lkjip_helpers.errors.OutputError` when the output cannot be
    written, and :class:`~lkjip_helpers.errors.BuildError` (message in Bahasa Indonesia)
    when the data checks find errors (the findings are in its ``temuan`` attribute), a
    chapter fails or times out (``batas_waktu_sel`` seconds per cell, default
    ``$LKJIP_BATAS_WAKTU_SEL`` or 600) or anything else goes wrong. On failure or
    interruption nothing under ``out_dir/<satker>/<tahun>`` changes and no temporary folder
    is left (a killed build's leftovers are removed by the next build).

    When WeasyPrint's system libraries are missing the report is built without the PDF;
    :attr:`BuildResult.pdf_dilewati` then says what to install.

    The output folder is ``out_dir/<satker>/<kunci_periode(tahun, periode)>``. When no input
    changed since the last successful build there (see :mod:`.sidik`), that build is returned
    with ``dipakai_ulang=True`` and nothing runs, unless ``paksa``. ``indeks`` rewrites
    ``out_dir/index.html`` afterwards (a batch does it once at its end instead).
    """
    from .kernel import batas_waktu_sel as _batas_waktu_sel

    t_mulai = time.perf_counter()
    lewati_rfc3987_syntax()
    durasi: dict[str, float] = {}
    with _stopwatch(durasi, "validasi"):
        from ..muat.berkas import pastikan_terpisah

        satker, tahun = validasi_parameter(satker, tahun)
        periode = validasi_periode(periode)
        kunci = kunci_periode(tahun, periode)
        batas = _batas_waktu_sel(batas_waktu_sel)
        data_dir = Path(data_dir).resolve()
        out_dir = Path(out_dir).resolve()
        pastikan_terpisah(data_dir, out_dir)
        nb_dir = Path(notebooks_dir).resolve() if notebooks_dir else folder_notebook_bawaan()
        bab = daftar_bab(nb_dir) if nb_dir.is_dir() else []
        if not bab:
            raise BuildError(f"tidak ada notebook bab (*.ipynb) di folder {nb_dir}")
        if progress:  # a batch names them once for all its reports (see batch.py)
            peringatkan_notebook_lain(nb_dir, bab)
    try:
        with _PenjagaKeluaran(out_dir / satker, kunci, data_dir) as penjaga:
            # The recovery step (in the lock) has run: a report put back can be reused.
            lama, sidik = _hasil_tersimpan(
                out_dir, satker, tahun, periode, kunci, data_dir, nb_dir, bab, pdf,
                abaikan_pemeriksaan, paksa, durasi, docx,
            )  # fmt: skip
            if lama is None:
                lama = _build_terkunci(
                    penjaga, satker, tahun, periode, kunci, sidik, data_dir, bab, nb_dir,
                    pdf, abaikan_pemeriksaan, progress, batas, durasi, t_mulai, paksa, docx,
                )  # fmt: skip
        if indeks:
            from .indeks import tulis_indeks

            tulis_indeks(out_dir)
        return lama
    except LkjipError:
        raise
    except Exception as err:  # anything unforeseen still reaches the user as one message
        if (tulis := galat_tulis(err)) is not None:
            raise output_error(tulis, out_dir, "Keluaran sebelumnya tidak diubah.") from err
        raise BuildError(
            f"pembangunan laporan gagal: {type(err).__name__}: {_ringkas_galat(err)}. "
            "Keluaran sebelumnya tidak diubah."
        ) from err


def _ringkas_galat(err: BaseException, maks: int = 300) -> str:
    teks = " ".join(str(err).split()) or repr(err)
    return teks if len(teks) <= maks else teks[: maks - 1] + "…"


def _hasil_tersimpan(
    out_dir: Path,
    satker: str,
    tahun: int,
    periode: str,
    kunci: str,
    data_dir: Path,
    nb_dir: Path,
    bab: list[Path],
    pdf: bool,
    abaikan_pemeriksaan: bool,
    paksa: bool,
    durasi: dict[str, float],
    docx: bool = True,
) -> tuple[BuildResult | None, Any]:
    """(the last successful build when no input changed since — the build cache — else None,
    the input fingerprint :class:`.sidik.Sidik` for the new build's build.json)."""
    from .sidik import hasil_tersimpan, sidik_build

    with _stopwatch(durasi, "sidik_masukan"):
        sidik = sidik_build(
            satker=satker,
            tahun=tahun,
            periode=periode,
            kunci=kunci,
            data_dir=data_dir,
            nb_dir=nb_dir,
            notebooks=bab,
            pdf=pdf,
            abaikan_pemeriksaan=abaikan_pemeriksaan,
            docx=docx,
        )
        lama = (
            None
            if paksa
            else hasil_tersimpan(
                out_dir / satker / kunci, sidik, satker=satker, tahun=tahun, periode=periode
            )
        )
    if lama is not None:
        shutil.rmtree(out_dir / satker / f"gagal-{kunci}", ignore_errors=True)
    return lama, sidik


def _build_terkunci(
    penjaga: _PenjagaKeluaran,
    satker: str,
    tahun: int,
    periode: str,
    kunci: str,
    sidik: Any,
    data_dir: Path,
    bab: list[Path],
    nb_dir: Path,
    pdf: bool,
    abaikan_pemeriksaan: bool,
    progress: bool,
    batas: int,
    durasi: dict[str, float],
    t_mulai: float,
    paksa: bool = False,
    docx: bool = True,
) -> BuildResult:
    """The build proper, once the output folder (if it exists) is locked and recovered.
    ``paksa``: reuse nothing of the previous report (no chapter, no PDF)."""
    from .kernel import KernelBersama, baris_impor

    parameter_nb = _parameter_periode(bab, periode)
    periksa_periode = _dengan_periode(periode)

    langkah_lain = 6 if pdf else 5  # checks, HTML, (PDF), memo, side files, swap
    with _Kemajuan(progress, total=len(bab) + langkah_lain) as kemajuan:
        kemajuan.langkah("Pemeriksaan data")
        # The kernel starts and imports what the chapters import (its warm-up runs as it
        # starts) while the checks run here: the two overlap (≈ 1–3 s saved per build). Nothing
        # waits for the kernel before its first chapter, so a build whose chapters are all
        # reused never does.
        with (
            KernelBersama(nb_dir, batas_waktu_sel=batas, impor=baris_impor(bab)) as kernel,
            ThreadPoolExecutor(2) as pelaksana,
        ):
            with _stopwatch(durasi, "pemeriksaan"):
                from ..laporan import kunci_rujukan
                from ..periksa.pemeriksaan import periksa

                temuan = list(
                    periksa_periode(periksa)(satker, tahun, data_dir, kunci_rujukan=kunci_rujukan)
                )
            jumlah = _hitung_temuan(temuan)
            if jumlah.get("error", 0) and not abaikan_pemeriksaan:
                err = BuildError(_pesan_temuan_error(temuan))
                err.temuan = temuan  # type: ignore[attr-defined]  # for the CLI's findings table
                raise err
            if abaikan_pemeriksaan and (isian := [t for t in temuan if t.kode in ISIAN_MUSTAHIL]):
                # the narrative cannot be printed at all: stop here, naming file, line, field
                raise BuildError(
                    "isian narasi yang tidak dapat diisi menghentikan pembangunan, juga dengan "
                    "--abaikan-pemeriksaan:\n"
                    + "\n".join(f"  - {t.lokasi}: {t.pesan}" for t in isian[:10])
                )
            kemajuan.maju()

            penjaga.kunci()
            folder_satker = penjaga.folder
            final = folder_satker / kunci
            folder_gagal = folder_satker / f"gagal-{kunci}"
            tmp = folder_satker / f".{kunci}.tmp-{secrets.token_hex(6)}"
            try:
                tmp.mkdir()
            except OSError as err:
                raise output_error(err, tmp, "Keluaran sebelumnya tidak diubah.") from None
            try:
                hasil = _bangun_ke(
                    _Konteks(
                        kernel=kernel,
                        pelaksana=pelaksana,
                        tmp=tmp,
                        final=final,
                        bab=bab,
                        nb_dir=nb_dir,
                        satker=satker,
                        tahun=tahun,
                        data_dir=data_dir,
                        temuan=temuan,
                        jumlah=jumlah,
                        pdf=pdf,
                        abaikan_pemeriksaan=abaikan_pemeriksaan,
                        durasi=durasi,
                        kemajuan=kemajuan,
                        folder_gagal=folder_gagal,
                        t_mulai=t_mulai,
                        batas_waktu_sel=batas,
                        periode=periode,
                        parameter_nb=parameter_nb,
                        sidik=sidik,
                        paksa=paksa,
                        dengan_periode=periksa_periode,
                        docx=docx,
                    )
                )
                kemajuan.langkah("Memindahkan hasil")
                _pindahkan_atomik(tmp, final)
            except LkjipError:
                _hapus(tmp)
                raise
            except Exception as err:
                _hapus(tmp)
                if (tulis := galat_tulis(err)) is not None:
                    raise output_error(tulis, tmp, "Keluaran sebelumnya tidak diubah.") from err
                raise BuildError(
                    f"pembangunan laporan gagal: {type(err).__name__}: {_ringkas_galat(err)}. "
                    "Keluaran sebelumnya tidak diubah."
                ) from err
            except BaseException:  # KeyboardInterrupt, SystemExit: clean up, then go
                _hapus(tmp)
                raise
        if folder_gagal.exists():
            shutil.rmtree(folder_gagal, ignore_errors=True)
        kemajuan.maju()
    return hasil


def _nama_parameter(path: Path) -> set[str]:
    """Names assigned in the notebook's ``parameters`` cell (empty when it has none)."""
    import ast

    import nbformat

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # an unreadable notebook fails later, with a proper message
        return set()
    for cell in nb.cells:
        if cell.get("cell_type") == "code" and "parameters" in cell.metadata.get("tags", []):
            try:
                pohon = ast.parse(cell.source)
            except SyntaxError:
                return set()
            nama: set[str] = set()
            for node in pohon.body:
                sasaran = (
                    node.targets
                    if isinstance(node, ast.Assign)
                    else [getattr(node, "target", None)]
                )
                nama.update(t.id for t in sasaran if isinstance(t, ast.Name))
            return nama
    return set()


def _parameter_periode(bab: list[Path], periode: str) -> dict[str, str]:
    """``{"periode": …}`` for the chapters when they all declare that parameter; nothing for
    an annual report whose notebooks do not (yet) know it; a BuildError for any other period
    (the chapters would silently build the annual report)."""
    if all("periode" in _nama_parameter(p) for p in bab):
        return {"periode": periode}
    if periode == "tahunan":
        return {}
    raise BuildError(
        f"laporan periode {periode!r} belum dapat dibangun: notebook bab belum menerima "
        "parameter 'periode' (hanya laporan tahunan)"
    )


def _dengan_periode(periode: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Wrap a ``(satker, tahun, data_dir)`` helper so it gets ``periode=`` when it accepts
    it; for a non-annual period a helper that does not is a BuildError (it would compute the
    annual figures)."""
    import functools
    import inspect

    def bungkus(fungsi: Callable[..., Any]) -> Callable[..., Any]:
        try:
            menerima = "periode" in inspect.signature(fungsi).parameters
        except (TypeError, ValueError):  # builtins without a signature
            menerima = False
        if menerima:
            return functools.partial(fungsi, periode=periode)
        if periode == "tahunan":
            return fungsi
        raise BuildError(
            f"laporan periode {periode!r} belum dapat dibangun: "
            f"{getattr(fungsi, '__qualname__', fungsi)} belum menerima periode"
        )

    return bungkus


@dataclass
class _Konteks:
    """Everything the steps after the data checks need."""

    kernel: Any
    pelaksana: ThreadPoolExecutor
    """Worker threads for work that overlaps the chapter execution."""
    tmp: Path
    final: Path
    bab: list[Path]
    nb_dir: Path
    satker: str
    tahun: int
    data_dir: Path
    temuan: list[Any]
    jumlah: dict[str, int]
    pdf: bool
    abaikan_pemeriksaan: bool
    durasi: dict[str, float]
    kemajuan: _Kemajuan
    folder_gagal: Path
    t_mulai: float
    batas_waktu_sel: int = 600
    periode: str = "tahunan"
    parameter_nb: dict[str, str] = field(default_factory=dict)
    """Extra notebook parameters (``periode`` when the chapters accept it)."""
    sidik: Any = None
    """The input fingerprint (:class:`.sidik.Sidik`), recorded in build.json."""
    paksa: bool = False
    """Reuse nothing of the previous report (``--paksa``)."""
    dengan_periode: Callable[[Callable[..., Any]], Callable[..., Any]] | None = None
    docx: bool = True
    """Also write laporan.docx and tinjauan.docx."""

    @cached_property
    def masukan(self) -> dict[str, Any]:
        """What the build read, for build.json and the record laporan.pdf carries: computed
        once (the inputs are hashed once per build)."""
        katalog = _path_katalog(self.data_dir, self.satker)
        return {
            "inputs_sha256": sidik_masukan(self.data_dir, self.satker),
            "fingerprint": self.sidik.ke_json() if self.sidik is not None else None,
            "catalog": katalog.relative_to(self.data_dir).as_posix() if katalog else None,
            "notebooks_sha256": {p.name: sha256_berkas(p) for p in self.bab},
        }


def _bangun_ke(k: _Konteks) -> BuildResult:
    """All steps after the checks, writing into ``k.tmp``; result paths point at ``k.final``.

    A PDF printed by a child process is waited for, or stopped when the build fails, before
    the caller removes or moves ``k.tmp``."""
    anak: list[Any] = []  # keluaran.cetak_terpisah.CetakTerpisah
    try:
        return _bangun_ke_isi(k, anak)
    finally:
        for c in anak:
            c.hentikan()


def _bangun_ke_isi(k: _Konteks, anak: list[Any]) -> BuildResult:
    """The steps of :func:`_bangun_ke`; PDFs printed by child processes go into ``anak``."""
    from ..keluaran.html import rakit, siapkan_bab
    from ..keluaran.xlsx import tulis_xlsx

    tmp, durasi, kemajuan = k.tmp, k.durasi, k.kemajuan
    folder_nb = tmp / "notebooks"
    folder_nb.mkdir()
    parameter = {
        "satker": k.satker,
        "tahun": k.tahun,
        # relative to the chapters' folder (the kernel's working directory): the executed
        # notebooks carry no absolute path of the build machine
        "data_dir": _relatif(k.data_dir, k.nb_dir),
        **k.parameter_nb,
    }
    from .pakai_ulang import kunci_bab, rekam_lama

    lama = {} if k.paksa else rekam_lama(k.final)
    kunci_nb = _kunci_bab_aman(k, parameter, kunci_bab)
    # An HTML-only build (preview, --tanpa-pdf) never deletes a PDF it does not print: the
    # previous report's PDFs are kept, as current when what they print is unchanged (same
    # key), else recorded as stale (build.json "pdf_stale", marked in the index).
    rekam_pdf = rekam_lama(k.final) if not k.pdf else {}
    pu = _PakaiUlang(k, anak, lama, rekam_pdf, kunci_nb)

    nama, judul, berjalan = _judul_laporan(k)
    memo = _tulis_memo(k, pu)

    # While the kernel runs the chapters (the main thread mostly waits on it), a worker thread
    # writes capaian_ikk.csv and imports the export libraries. (Exporting finished chapters
    # there too was tried: on two cores it slowed the kernel down by as much as it saved.)
    latar = [
        k.pelaksana.submit(
            _tulis_capaian_csv, k.satker, k.tahun, k.data_dir, tmp, k.dengan_periode
        ),
        k.pelaksana.submit(_impor_ekspor, k.pdf),
    ]
    if k.docx:  # from the model, not from the chapters' output: it overlaps their execution
        latar.append(k.pelaksana.submit(_tulis_docx, k, tmp, judul, nama, berjalan))
    try:
        with _stopwatch(durasi, "eksekusi"):
            dieksekusi = _eksekusi_bab(
                k.kernel,
                k.bab,
                folder_nb,
                parameter,
                k.folder_gagal,
                kemajuan,
                durasi,
                akhir=f"{k.satker}/{k.final.name}/notebooks",
                pakai_ulang=pu.pakai_ulang_bab,
            )
            k.kernel.__exit__(None, None, None)  # free its memory before the PDF step
    finally:
        futures.wait(latar)  # never leave a thread writing into a folder being removed
    for tugas in latar:
        tugas.result()  # re-raise a failure of the background work

    docx_dilewati = latar[2].result() if k.docx else None

    kemajuan.langkah("Menyusun HTML")
    with _stopwatch(durasi, "html"):
        dokumen = rakit([siapkan_bab(p) for p in dieksekusi], judul)
        html = str(dokumen)
        (tmp / "laporan.html").write_text(html, encoding="utf-8")
        # before the PDF, which carries it (PDF/A-3 associated file)
        tabel_xlsx = dokumen.tabel
        tulis_xlsx(tabel_xlsx, tmp / "tabel.xlsx", judul)
    kemajuan.maju()

    pdf_dilewati = latar[1].result() if k.pdf else None
    _pdf_laporan(k, pu, html, tabel_xlsx, (nama, judul, berjalan), pdf_dilewati)

    if k.pdf:
        with _stopwatch(durasi, "pdf_tinjauan"):  # what was left of it after the report's
            for c in anak:
                if pdf_dilewati is None:
                    c.tunggu()
                else:  # no PDF libraries: the child failed, or an old PDF was copied
                    c.hentikan()
        if pdf_dilewati is not None:
            for berkas_pdf in pu.memo_pdf:  # not `nama`: that is the satker's name
                (tmp / berkas_pdf).unlink(missing_ok=True)
                pu.kunci_cetak.pop(berkas_pdf, None)
                with contextlib.suppress(ValueError):
                    pu.dipakai["pdf"].remove(berkas_pdf)

    kemajuan.langkah("Menulis berkas pendukung")
    with _stopwatch(durasi, "berkas_pendukung"):
        from ..periksa import tulis_json

        tulis_json(
            k.temuan,
            tmp / "pemeriksaan.json",
            memo.tinjauan.masalah,
            satker=k.satker,
            tahun=k.tahun,
            periode=k.periode,
        )
    kemajuan.maju()

    durasi["total"] = round(time.perf_counter() - k.t_mulai, 3)
    catatan = _catatan_build(k, pu, nama, pdf_dilewati, docx_dilewati)
    (tmp / "build.json").write_text(
        json.dumps(catatan, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return BuildResult(
        satker=k.satker,
        tahun=k.tahun,
        folder=k.final,
        html=k.final / "laporan.html",
        pdf=k.final / "laporan.pdf" if k.pdf and pdf_dilewati is None else None,
        notebooks=[k.final / "notebooks" / p.name for p in dieksekusi],
        pemeriksaan=k.final / "pemeriksaan.json",
        capaian_csv=k.final / "capaian_ikk.csv",
        tabel_xlsx=k.final / "tabel.xlsx",
        build_json=k.final / "build.json",
        durasi=durasi,
        temuan=k.jumlah,
        pdf_dilewati=pdf_dilewati,
        periode=k.periode,
        masalah_teratas=memo.masalah_teratas,
        pdf_usang=sorted(pu.pdf_usang),
    )


@dataclass
class _PakaiUlang:
    """What a build reuses of the previous report (chapters, PDFs) and the PDFs it prints,
    as build.json records them (:func:`_bangun_ke_isi`)."""

    k: _Konteks
    anak: list[Any]
    """PDFs printed by child processes (keluaran.cetak_terpisah.CetakTerpisah)."""
    lama: dict[str, Any]
    """The previous report's build.json (empty with ``--paksa``)."""
    rekam_pdf: dict[str, Any]
    """The previous report's build.json when this build prints no PDF."""
    kunci_nb: dict[str, str]
    """Per-chapter reuse keys."""
    kunci_cetak: dict[str, str] = field(default_factory=dict)
    dipakai: dict[str, list[str]] = field(default_factory=lambda: {"notebooks": [], "pdf": []})
    pdf_usang: list[str] = field(default_factory=list)
    memo_pdf: list[str] = field(default_factory=list)

    def pakai_ulang_bab(self, path: Path, tujuan: Path) -> bool:
        from .pakai_ulang import salin_bab

        kunci_nb = self.kunci_nb
        if salin_bab(self.k.final, self.lama, path.name, kunci_nb.get(path.name), tujuan):
            self.dipakai["notebooks"].append(path.name)
            return True
        return False

    def cetak(self, html: str, tujuan: Path, judul_berjalan: str, arsip: Any = None) -> None:
        from .pakai_ulang import kunci_pdf, salin_pdf

        kunci = kunci_pdf(html, judul_berjalan, self.k.sidik, arsip)
        self.kunci_cetak[tujuan.name] = kunci
        if salin_pdf(self.k.final, self.lama, tujuan.name, kunci, tujuan, arsip):
            self.dipakai["pdf"].append(tujuan.name)
        else:
            _tulis_pdf(html, tujuan, judul_berjalan, arsip)

    def simpan_pdf_lama(
        self, html: str, tujuan: Path, judul_berjalan: str, arsip: Any = None
    ) -> None:
        from .pakai_ulang import kunci_pdf, salin_pdf

        sumber = self.k.final / tujuan.name
        if not sumber.is_file():
            return
        kunci = kunci_pdf(html, judul_berjalan, self.k.sidik, arsip)
        if salin_pdf(self.k.final, self.rekam_pdf, tujuan.name, kunci, tujuan, arsip):
            self.kunci_cetak[tujuan.name] = kunci  # current: it prints what this build would
            self.dipakai["pdf"].append(tujuan.name)
            return
        shutil.copy2(sumber, tujuan)
        kunci_lama = (self.rekam_pdf.get("pdf_keys") or {}).get(tujuan.name)
        if kunci_lama:
            self.kunci_cetak[tujuan.name] = kunci_lama  # the key of what the kept PDF prints
        self.pdf_usang.append(tujuan.name)

    def cetak_memo(self, html: str, tujuan: Path, judul_berjalan: str) -> None:
        from ..keluaran.cetak_terpisah import CetakTerpisah
        from .pakai_ulang import kunci_pdf, salin_pdf

        kunci = kunci_pdf(html, judul_berjalan, self.k.sidik)
        self.kunci_cetak[tujuan.name] = kunci
        self.memo_pdf.append(tujuan.name)
        if salin_pdf(self.k.final, self.lama, tujuan.name, kunci, tujuan):
            self.dipakai["pdf"].append(tujuan.name)
        else:
            self.anak.append(CetakTerpisah(html, tujuan, judul_berjalan))


def _judul_laporan(k: _Konteks) -> tuple[str, str, str]:
    """The satker's name, the report's title and its running header."""
    nama = _nama_satker(k.data_dir, k.satker)
    judul_periode = Periode.buat(k.tahun, k.periode).judul
    judul = f"Laporan Kinerja Instansi Pemerintah (LKjIP) {judul_periode} — {nama}"
    berjalan = f"LKjIP {judul_periode.removeprefix('Tahun ')} — {nama}"
    if _satker_yaml(k.data_dir, k.satker).get("data_contoh_fiktif") is True:
        berjalan += " — DATA CONTOH FIKTIF"
    return nama, judul, berjalan


def _tulis_memo(k: _Konteks, pu: _PakaiUlang) -> Any:
    """The review memo. It needs the findings and the data, not the chapters: it is written
    first, and its PDF is printed by a child process while the kernel runs the chapters (the
    second core)."""
    k.kemajuan.langkah("Menyusun memo tinjauan")
    with _stopwatch(k.durasi, "tinjauan"):
        from ..keluaran.tinjauan import tulis_tinjauan

        memo = tulis_tinjauan(
            (k.satker, k.tahun, k.data_dir, k.periode),
            k.temuan,
            k.tmp,
            pdf=pu.cetak_memo if k.pdf else pu.simpan_pdf_lama,
            docx=k.docx,
        )
    k.kemajuan.maju()
    return memo


def _pdf_laporan(
    k: _Konteks,
    pu: _PakaiUlang,
    html: str,
    tabel_xlsx: Any,
    judul: tuple[str, str, str],
    pdf_dilewati: str | None,
) -> None:
    """laporan.pdf: printed (or reused) when the build prints PDFs, else the previous one kept.
    ``judul``: the satker's name, the report's title and its running header."""
    nama, judul_laporan, berjalan = judul
    tmp = k.tmp
    if k.pdf:
        if pdf_dilewati is None:
            k.kemajuan.langkah("Mencetak PDF")
            with _stopwatch(k.durasi, "pdf"):
                from ..keluaran.pdf import arsip_laporan

                arsip = arsip_laporan(
                    tmp, tabel_xlsx, _catatan_tertanam(k, nama), nama, judul_laporan
                )
                pu.cetak(html, tmp / "laporan.pdf", berjalan, arsip)
        k.kemajuan.maju()
    elif (k.final / "laporan.pdf").is_file():
        from ..keluaran.pdf import arsip_laporan

        arsip = arsip_laporan(tmp, tabel_xlsx, _catatan_tertanam(k, nama), nama, judul_laporan)
        pu.simpan_pdf_lama(html, tmp / "laporan.pdf", berjalan, arsip)


def _catatan_build(
    k: _Konteks,
    pu: _PakaiUlang,
    nama: str,
    pdf_dilewati: str | None,
    docx_dilewati: Any,
) -> dict[str, Any]:
    """The build record (build.json)."""
    tmp = k.tmp
    return {
        "tool": "lkjip",
        "version": __version__,
        "utc_time": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": {
            "satker": k.satker,
            "tahun": k.tahun,
            "periode": k.periode,
            "data_dir": str(k.data_dir),
            "out_dir": str(k.final.parent.parent),
            "notebooks_dir": str(k.nb_dir),
            "pdf": k.pdf,
            "abaikan_pemeriksaan": k.abaikan_pemeriksaan,
            "batas_waktu_sel": k.batas_waktu_sel,
        },
        "pdf_skipped": pdf_dilewati,
        "docx": k.docx,
        "docx_skipped": docx_dilewati,
        "pdf_embedded_record": "build.json di dalam laporan.pdf: catatan build yang mencetak PDF "
        "itu (build ini, kecuali laporan.pdf ada di reused.pdf), tanpa waktu dan tanpa sidik "
        "PDF itu sendiri (lihat outputs_sha256 di sini)"
        if k.pdf and pdf_dilewati is None
        else None,
        "satker_name": nama,
        **k.masukan,
        "durations_s": k.durasi,
        "findings": k.jumlah,
        "outputs": [
            *sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file()),
            "build.json",
        ],
        "outputs_sha256": {
            p.relative_to(tmp).as_posix(): sha256_berkas(p)
            for p in sorted(tmp.rglob("*"))
            if p.is_file()
        },
        "command_line": [Path(sys.argv[0]).name, *sys.argv[1:]] if sys.argv else [],
        "notebook_keys": pu.kunci_nb,
        "pdf_keys": pu.kunci_cetak,
        "pdf_stale": sorted(pu.pdf_usang),
        "reused": pu.dipakai,
        "source": _versi_sumber(),
        "environment": {
            "python": sys.version.split()[0],
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "packages": _versi_paket(),
        },
    }


def _kunci_bab_aman(
    k: _Konteks, parameter: dict[str, Any], kunci_bab: Callable[..., dict[str, str]]
) -> dict[str, str]:
    """Per-chapter reuse keys; none when the data do not make a report model (custom data
    of the fixture notebooks, a build forced past failing checks)."""
    from ..hitung import hasil_laporan
    from ..laporan import dokumen_laporan

    try:
        dok = dokumen_laporan(hasil_laporan(k.satker, k.tahun, k.data_dir, periode=k.periode))
    except LkjipError:
        return {}
    return kunci_bab(k.bab, dok, k.sidik, parameter)


def _versi_sumber() -> dict[str, object]:
    """The git commit of the lkjip code that built the report, and whether the working tree
    had uncommitted changes (``None`` when the code is not a git checkout)."""
    import subprocess

    akar = Path(__file__).resolve().parents[2]
    if not (akar / ".git").exists() or shutil.which("git") is None:
        return {"git_commit": None, "git_dirty": None}
    try:
        commit = subprocess.run(
            ["git", "-C", str(akar), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "-C", str(akar), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {"git_commit": None, "git_dirty": None}
    return {"git_commit": commit or None, "git_dirty": bool(status.strip())}


def _relatif(path: Path, dari: Path) -> str:
    """``path`` relative to ``dari`` (POSIX separators), or absolute when there is no
    relative path (another drive on Windows)."""
    try:
        return Path(os.path.relpath(path, dari)).as_posix()
    except ValueError:
        return str(path)


def _tulis_pdf(html: str, tujuan: Path, judul_berjalan: str, arsip: Any = None) -> None:
    from ..keluaran.pdf import tulis_pdf

    if arsip is None:
        tulis_pdf(html, tujuan, judul_berjalan)
    else:  # keluaran.pdf.ArsipPdf: PDF/A-3b carrying the side files
        tulis_pdf(
            html, tujuan, judul_berjalan, arsip=True, tertanam=arsip.tertanam,
            metadata=arsip.metadata,
        )  # fmt: skip


def _impor_ekspor(pdf: bool) -> str | None:
    """Import the export libraries (≈ 1–2 s) ahead of use, in a worker thread.

    Returns why no PDF can be made (missing system libraries), or None.
    """
    import importlib

    for nama in ("lkjip_helpers.keluaran.html", "lkjip_helpers.keluaran.xlsx", "openpyxl"):
        importlib.import_module(nama)
    if pdf:
        from ..keluaran.pdf import pustaka_pdf_hilang

        return pustaka_pdf_hilang()
    return None


def _tulis_capaian_csv(
    satker: str,
    tahun: int,
    data_dir: Path,
    folder: Path,
    dengan_periode: Callable[[Callable[..., Any]], Callable[..., Any]] | None = None,
) -> None:
    """``capaian_ikk.csv`` and its Excel dialect (text cells defused: keluaran.aman)."""
    from ..keluaran.csv import capaian_ikk_dataframe, tulis_csv_ikk

    fungsi = dengan_periode(capaian_ikk_dataframe) if dengan_periode else capaian_ikk_dataframe
    tulis_csv_ikk(fungsi(satker, tahun, data_dir), folder)


def _catatan_tertanam(k: _Konteks, nama: str) -> dict[str, Any]:
    """The run record laporan.pdf carries as its ``build.json``: this build.json's fields that
    are known before printing. It cannot hold the PDF's own sha256 (the PDF contains it) and
    holds no time; the build.json beside the PDF has both. A later build that reuses the
    unchanged PDF leaves the record of the build that printed it."""
    return {
        "tool": "lkjip",
        "version": __version__,
        "record": "catatan build yang mencetak laporan.pdf ini, tanpa waktu dan tanpa sidik "
        "PDF ini sendiri; build.json di samping PDF mencatat keduanya",
        "parameters": {"satker": k.satker, "tahun": k.tahun, "periode": k.periode},
        "satker_name": nama,
        **k.masukan,
        "findings": k.jumlah,
        "source": _versi_sumber(),
        "environment": {"python": sys.version.split()[0], "packages": _versi_paket()},
    }


def _tulis_docx(k: _Konteks, folder: Path, judul: str, nama: str, berjalan: str) -> str | None:
    """``laporan.docx`` from the report's model; returns why it was not written (the data
    make no report model: custom fixture data), or None."""
    from ..hitung import hasil_laporan
    from ..keluaran.docx import tulis_docx_laporan
    from ..laporan import dokumen_laporan

    try:
        hasil = hasil_laporan(k.satker, k.tahun, k.data_dir, periode=k.periode)
        dok = dokumen_laporan(hasil)
    except LkjipError as err:
        return f"DOCX tidak dibuat: model laporan tidak dapat disusun ({err})"
    with _stopwatch(k.durasi, "docx"):
        tulis_docx_laporan(
            k.bab, hasil, dok, folder / "laporan.docx", judul=judul, penulis=nama, berjalan=berjalan
        )
    return None
