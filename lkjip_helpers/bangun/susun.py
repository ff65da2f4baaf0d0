"""Build the LKjIP report of one satker and year: :func:`build` and its build object.

Flow: validate parameters → data checks (stop on ``error`` unless told otherwise) → review
memo → execute every chapter notebook with papermill in one reused kernel → merge and export
one HTML → front matter → PDF (WeasyPrint; the memo's by a child process meanwhile)
→ ``capaian_ikk.csv``, ``tabel.xlsx``, ``pemeriksaan.json``, ``build.json``.

Everything is written into ``<out_dir>/<satker>/.<tahun>.tmp-<acak>`` first and swapped into
``<out_dir>/<satker>/<tahun>/`` only when every step succeeded, so a failed build never
touches the previous good output. A failed chapter's executed notebook and its traceback are
kept in ``<out_dir>/<satker>/gagal-<tahun>/``.

The parts, each in its own module: the output lock and the recovery after a killed build
(:mod:`.penjaga`), the atomic swap (:mod:`lkjip_helpers.atomik`), the chapter list
(:mod:`.bab`), their execution (:mod:`.eksekusi`), progress (:mod:`.kemajuan`) and the run
record (:mod:`.catatan`). What a build calls that a test may replace — the data checks, the
IKK table, the review memo and the notebook engine — is passed in as :class:`Komponen`.

:func:`build` raises nothing but :class:`~lkjip_helpers.errors.LkjipError` (besides
KeyboardInterrupt/SystemExit), so a batch can go on after any single failure.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from ..atomik import hapus as _hapus
from ..atomik import pindahkan_atomik as _pindahkan_atomik
from ..errors import BuildError, LkjipError, galat_tulis, output_error
from ..keluaran.cetak_terpisah import bisa_bercabang
from ..muat.parameter import kunci_periode, validasi_parameter, validasi_periode
from ..muat.periode import Periode
from ..sampah import dibekukan
from .bab import daftar_bab, folder_notebook_bawaan, parameter_periode, peringatkan_notebook_lain
from .catatan import (
    CATATAN_PDF,
    CatatanBuild,
    CatatanTertanam,
    Masukan,
    ParameterBuild,
    lingkungan,
    nama_satker,
    perintah,
    satker_yaml,
    versi_sumber,
)
from .eksekusi import MAKS_TEMUAN_DITAMPILKAN, TugasEksekusi, eksekusi_bab
from .kemajuan import Kemajuan
from .penjaga import PenjagaKeluaran

TINGKAT = ("error", "peringatan", "info")


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


@contextlib.contextmanager
def _stopwatch(durasi: dict[str, float], nama: str) -> Iterator[None]:
    mulai = time.perf_counter()
    try:
        yield
    finally:
        durasi[nama] = round(durasi.get(nama, 0.0) + time.perf_counter() - mulai, 3)


# --------------------------------------------------------------------------- parts passed in


def _periksa(*args: Any, **kwargs: Any) -> list[Any]:
    from ..periksa.pemeriksaan import periksa

    return periksa(*args, **kwargs)


def _capaian_ikk(*args: Any, **kwargs: Any) -> Any:
    from ..keluaran.csv import baris_capaian_ikk

    return baris_capaian_ikk(*args, **kwargs)


def _tulis_csv_ikk(baris: Any, folder: Path) -> Any:
    from ..keluaran.csv import tulis_csv_ikk

    return tulis_csv_ikk(baris, folder)


def _tulis_tinjauan(*args: Any, **kwargs: Any) -> Any:
    from ..keluaran.tinjauan import tulis_tinjauan

    return tulis_tinjauan(*args, **kwargs)


def _mesin(*args: Any, **kwargs: Any) -> Any:
    from .kernel import KernelBersama

    return KernelBersama(*args, **kwargs)


@dataclass(frozen=True)
class Komponen:
    """What a build calls that a test may replace (dependency injection). Every callable
    gets the report's ``periode`` by keyword. The defaults import their module on first use
    (a build reused as it is imports none of them)."""

    periksa: Callable[..., list[Any]] = _periksa
    """The data checks: ``(satker, tahun, data_dir, *, periode, kunci_rujukan) -> findings``
    (:func:`lkjip_helpers.periksa.pemeriksaan.periksa`)."""
    capaian_ikk: Callable[..., Any] = _capaian_ikk
    """The IKK table: ``(satker, tahun, data_dir, *, periode) -> rows`` (dicts; the build
    imports no pandas for it)."""
    tulis_csv_ikk: Callable[[Any, Path], Any] = _tulis_csv_ikk
    """Writes that table as ``capaian_ikk.csv`` (and its Excel dialect) into a folder."""
    tulis_tinjauan: Callable[..., Any] = _tulis_tinjauan
    """The review memo writer (:func:`lkjip_helpers.keluaran.tinjauan.tulis_tinjauan`)."""
    mesin: Callable[..., Any] = _mesin
    """The notebook engine: ``(nb_dir, *, batas_waktu_sel, impor, mulai)`` → a context
    manager running chapters (:class:`.kernel.KernelBersama`; ``mulai=False``: launched only
    when a chapter needs it)."""


KOMPONEN_BAWAAN = Komponen()
"""The parts of a build that is given none (``build(komponen=None)``)."""


# --------------------------------------------------------------------------- build


@dataclass
class OpsiBuild:
    """A build's validated parameters."""

    satker: str
    tahun: int
    periode: str
    kunci: str
    """The output folder's name (:func:`~lkjip_helpers.muat.parameter.kunci_periode`)."""
    data_dir: Path
    out_dir: Path
    nb_dir: Path
    bab: list[Path]
    batas_waktu_sel: int
    pdf: bool = True
    abaikan_pemeriksaan: bool = False
    progress: bool = True
    paksa: bool = False
    docx: bool = True


def build(  # noqa: PLR0913  (the public API: keyword options)
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
    komponen: Komponen | None = None,
) -> BuildResult:
    """Build ``laporan.html`` (and ``laporan.pdf``) with all side files for one satker/year.

    ``docx``: also ``laporan.docx`` and ``tinjauan.docx`` (:mod:`..keluaran.docx`).
    ``komponen``: the checks, IKK table, memo writer and notebook engine to use
    (:data:`KOMPONEN_BAWAAN` when None).

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
    t_mulai = time.perf_counter()
    durasi: dict[str, float] = {}
    with _stopwatch(durasi, "validasi"):
        opsi = _validasi(satker, tahun, data_dir, out_dir, notebooks_dir, periode, batas_waktu_sel)
        opsi.pdf, opsi.abaikan_pemeriksaan, opsi.progress = pdf, abaikan_pemeriksaan, progress
        opsi.paksa, opsi.docx = paksa, docx
        if progress:  # a batch names them once for all its reports (see batch.py)
            peringatkan_notebook_lain(opsi.nb_dir, opsi.bab)
    try:
        hasil = Pembangun(opsi, komponen or KOMPONEN_BAWAAN, durasi, t_mulai).jalankan()
        if indeks:
            from .indeks import tulis_indeks

            tulis_indeks(opsi.out_dir)
        return hasil
    except LkjipError:
        raise
    except Exception as err:  # anything unforeseen still reaches the user as one message
        if (tulis := galat_tulis(err)) is not None:
            raise output_error(tulis, opsi.out_dir, "Keluaran sebelumnya tidak diubah.") from err
        raise BuildError(
            f"pembangunan laporan gagal: {type(err).__name__}: {_ringkas_galat(err)}. "
            "Keluaran sebelumnya tidak diubah."
        ) from err


def _validasi(
    satker: str,
    tahun: int,
    data_dir: Path,
    out_dir: Path,
    notebooks_dir: Path | None,
    periode: str,
    batas_waktu_sel: int | None,
) -> OpsiBuild:
    """The parameters checked (ParameterError, BuildError) and resolved."""
    from ..muat.berkas import pastikan_terpisah
    from ..muat.parameter import batas_waktu_sel as _batas_waktu_sel

    satker, tahun = validasi_parameter(satker, tahun)
    periode = validasi_periode(periode)
    batas = _batas_waktu_sel(batas_waktu_sel)
    data_dir = Path(data_dir).resolve()
    out_dir = Path(out_dir).resolve()
    pastikan_terpisah(data_dir, out_dir)
    nb_dir = Path(notebooks_dir).resolve() if notebooks_dir else folder_notebook_bawaan()
    bab = daftar_bab(nb_dir) if nb_dir.is_dir() else []
    if not bab:
        raise BuildError(f"tidak ada notebook bab (*.ipynb) di folder {nb_dir}")
    return OpsiBuild(
        satker=satker, tahun=tahun, periode=periode, kunci=kunci_periode(tahun, periode),
        data_dir=data_dir, out_dir=out_dir, nb_dir=nb_dir, bab=bab, batas_waktu_sel=batas,
    )  # fmt: skip


def _ringkas_galat(err: BaseException, maks: int = 300) -> str:
    teks = " ".join(str(err).split()) or repr(err)
    return teks if len(teks) <= maks else teks[: maks - 1] + "…"


class Pembangun:
    """The build object: one build of one satker and period, from the lock to the swap."""

    def __init__(
        self, opsi: OpsiBuild, komponen: Komponen, durasi: dict[str, float], t_mulai: float
    ) -> None:
        self.opsi = opsi
        self.komponen = komponen
        self.durasi = durasi
        self.t_mulai = t_mulai
        self.folder_satker = opsi.out_dir / opsi.satker
        self.sidik: Any = None
        """The input fingerprint (:class:`.sidik.Sidik`), recorded in build.json."""
        self.kernel_awal: Any = None
        """The notebook engine launched before the lock when no previous build can be reused
        (entered; left by :meth:`jalankan`)."""

    def jalankan(self) -> BuildResult:
        """Lock the output folder (recovering a killed build's leftovers), return the previous
        build when no input changed, else build."""
        o = self.opsi
        # what the build's modules hold is left out of the collector's scans (lkjip_helpers.
        # sampah: three full collections cost a cold build ≈ 0,2 s of CPU)
        with dibekukan(), contextlib.ExitStack() as tumpukan:
            if o.paksa or not (self.folder_satker / o.kunci / "build.json").is_file():
                # Nothing to reuse: every chapter runs, so the kernel is launched first of all
                # and starts while the inputs are fingerprinted, locked and checked; without
                # matplotlib in its warm-up when a child draws the charts (the one writing
                # laporan.docx, else a forked one that only draws them): the kernel waits
                grafik = not (o.docx or bisa_bercabang())
                self.kernel_awal = tumpukan.enter_context(self._mesin(mulai=True, grafik=grafik))
            with PenjagaKeluaran(self.folder_satker, o.kunci, o.data_dir) as penjaga:
                # The recovery step (in the lock) has run: a report put back can be reused.
                lama = self.hasil_tersimpan()
                if lama is None:
                    lama = self.build_terkunci(penjaga)
        return lama

    def _mesin(self, mulai: bool, grafik: bool = True) -> Any:
        """The notebook engine for this build's chapters (:attr:`Komponen.mesin`), with
        their imports as its warm-up; ``mulai``: launched now, else when a chapter needs it.
        Once the inputs are fingerprinted the kernel is given the chart cache (a chart kept
        there is not drawn again); ``grafik=False``: every chart is there, so the warm-up does
        not import matplotlib."""
        from .kernel import baris_impor, baris_model

        o = self.opsi
        lingkungan = None
        if self.sidik is not None and not o.paksa:
            lingkungan = tembolok_grafik(o, self.sidik).lingkungan()
        impor = baris_impor(o.bab, grafik)
        if any("lkjip_helpers.laporan" in baris for baris in impor):
            impor.append(baris_model(o.satker, o.tahun, o.data_dir.resolve(), o.periode))
        return self.komponen.mesin(
            o.nb_dir,
            batas_waktu_sel=o.batas_waktu_sel,
            impor=impor,
            mulai=mulai,
            lingkungan=lingkungan,
        )

    def hasil_tersimpan(self) -> BuildResult | None:
        """The last successful build when no input changed since (the build cache), else
        None; sets :attr:`sidik` for the new build's build.json."""
        from .sidik import hasil_tersimpan, sidik_build

        o = self.opsi
        with _stopwatch(self.durasi, "sidik_masukan"):
            self.sidik = sidik_build(
                satker=o.satker, tahun=o.tahun, periode=o.periode, kunci=o.kunci,
                data_dir=o.data_dir, nb_dir=o.nb_dir, notebooks=o.bab, pdf=o.pdf,
                abaikan_pemeriksaan=o.abaikan_pemeriksaan, docx=o.docx,
            )  # fmt: skip
            lama = (
                None
                if o.paksa
                else hasil_tersimpan(
                    self.folder_satker / o.kunci,
                    self.sidik,
                    satker=o.satker,
                    tahun=o.tahun,
                    periode=o.periode,
                )
            )
        if lama is not None:
            shutil.rmtree(self.folder_satker / f"gagal-{o.kunci}", ignore_errors=True)
        return lama

    def periksa(self) -> tuple[list[Any], dict[str, int]]:
        """The data checks: (findings, count per level); a BuildError when they stop the
        build."""
        from ..laporan import kunci_rujukan

        o = self.opsi
        with _stopwatch(self.durasi, "pemeriksaan"):
            temuan = list(
                self.komponen.periksa(
                    o.satker, o.tahun, o.data_dir, periode=o.periode, kunci_rujukan=kunci_rujukan
                )
            )
        jumlah = _hitung_temuan(temuan)
        if jumlah.get("error", 0) and not o.abaikan_pemeriksaan:
            err = BuildError(_pesan_temuan_error(temuan))
            err.temuan = temuan  # type: ignore[attr-defined]  # for the CLI's findings table
            raise err
        if o.abaikan_pemeriksaan and (isian := [t for t in temuan if t.kode in ISIAN_MUSTAHIL]):
            # the narrative cannot be printed at all: stop here, naming file, line, field
            raise BuildError(
                "isian narasi yang tidak dapat diisi menghentikan pembangunan, juga dengan "
                "--abaikan-pemeriksaan:\n"
                + "\n".join(f"  - {t.lokasi}: {t.pesan}" for t in isian[:10])
            )
        return temuan, jumlah

    def build_terkunci(self, penjaga: PenjagaKeluaran) -> BuildResult:
        """The build proper, once the output folder (if it exists) is locked and recovered."""
        o = self.opsi
        parameter_nb = parameter_periode(o.bab, o.periode)
        langkah_lain = 6 if o.pdf else 5  # checks, HTML, (PDF), memo, side files, swap
        with Kemajuan(len(o.bab) + langkah_lain, aktif=o.progress) as kemajuan:
            kemajuan.langkah("Pemeriksaan data")
            # The kernel starts and imports what the chapters import (its warm-up runs as it
            # starts) while the checks run here: the two overlap (≈ 1–3 s saved per build).
            # Nothing waits for the kernel before its first chapter, and a build whose
            # chapters are all reused launches none.
            if o.paksa:  # everything is laid out and drawn again
                shutil.rmtree(folder_grafik(o), ignore_errors=True)
                shutil.rmtree(folder_cetak_bab(o), ignore_errors=True)
            if self.kernel_awal is not None and self.sidik is not None:
                # launched before the inputs were fingerprinted: the chart cache now (where
                # the DOCX child draws charts too; after --paksa it holds only this build's)
                self.kernel_awal.beri_lingkungan(tembolok_grafik(o, self.sidik).lingkungan())
            mulai, kunci_nb, grafik_ada = (
                (True, None, False)
                if o.paksa
                else _rencana_bab(self.folder_satker / o.kunci, o, self.sidik, parameter_nb)
            )
            mesin = (
                contextlib.nullcontext(self.kernel_awal)
                if self.kernel_awal is not None
                else self._mesin(mulai, grafik=not grafik_ada)
            )
            pelaksana_latar = ThreadPoolExecutor(2, initializer=_prioritas_latar)
            with mesin as kernel, pelaksana_latar as pelaksana:
                temuan, jumlah = self.periksa()
                kemajuan.maju()
                penjaga.kunci()
                k = _Konteks(
                    opsi=o, komponen=self.komponen, kernel=kernel, pelaksana=pelaksana,
                    tmp=self.folder_satker / f".{o.kunci}.tmp-{secrets.token_hex(6)}",
                    final=self.folder_satker / o.kunci, temuan=temuan, jumlah=jumlah,
                    durasi=self.durasi, kemajuan=kemajuan, t_mulai=self.t_mulai,
                    parameter_nb=parameter_nb, sidik=self.sidik, kunci_nb=kunci_nb,
                )  # fmt: skip
                hasil = _bangun_dan_pindahkan(k)
            if k.folder_gagal.exists():
                shutil.rmtree(k.folder_gagal, ignore_errors=True)
            kemajuan.maju()
        return hasil


def _prioritas_latar() -> None:
    """A build's worker threads (the exporters' imports, capaian_ikk.csv, tinjauan.docx, the
    kernel's shutdown) run at a lower priority: their work only has to be done by the end,
    and on two cores it took CPU from the child drawing the charts, which the kernel's
    chapters wait for (measured: that child got 0,7 of a core instead of 0,9–1). On Linux a
    thread has a priority of its own (nice 10; it cannot be raised again without privilege:
    the threads end with the build); elsewhere nothing changes."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


def _bangun_dan_pindahkan(k: _Konteks) -> BuildResult:
    """Build into a new temporary folder and swap it in; on any failure the temporary folder
    is removed and the previous report stays."""
    try:
        k.tmp.mkdir()
    except OSError as err:
        raise output_error(err, k.tmp, "Keluaran sebelumnya tidak diubah.") from None
    try:
        hasil = _bangun_ke(k)
        k.kemajuan.langkah("Memindahkan hasil")
        _pindahkan_atomik(k.tmp, k.final)
    except LkjipError:
        _hapus(k.tmp)
        raise
    except Exception as err:
        _hapus(k.tmp)
        if (tulis := galat_tulis(err)) is not None:
            raise output_error(tulis, k.tmp, "Keluaran sebelumnya tidak diubah.") from err
        raise BuildError(
            f"pembangunan laporan gagal: {type(err).__name__}: {_ringkas_galat(err)}. "
            "Keluaran sebelumnya tidak diubah."
        ) from err
    except BaseException:  # KeyboardInterrupt, SystemExit: clean up, then go
        _hapus(k.tmp)
        raise
    return hasil


@dataclass
class _Konteks:
    """Everything the steps after the data checks need: the options (read through:
    ``k.satker`` is ``k.opsi.satker``), the parts, and the state of the build."""

    opsi: OpsiBuild
    komponen: Komponen
    kernel: Any
    pelaksana: ThreadPoolExecutor
    """Worker threads for work that overlaps the chapter execution."""
    tmp: Path
    final: Path
    temuan: list[Any]
    jumlah: dict[str, int]
    durasi: dict[str, float]
    kemajuan: Kemajuan
    t_mulai: float
    parameter_nb: dict[str, str] = field(default_factory=dict)
    """Extra notebook parameters (``periode`` when the chapters accept it)."""
    sidik: Any = None
    """The input fingerprint (:class:`.sidik.Sidik`), recorded in build.json."""
    kunci_nb: dict[str, str] | None = None
    """The chapters' reuse keys when computed before the kernel (:func:`_rencana_bab`)."""

    def __getattr__(self, nama: str) -> Any:
        if nama.startswith("_") or nama == "opsi":
            raise AttributeError(nama)
        return getattr(self.opsi, nama)

    @property
    def folder_gagal(self) -> Path:
        """Where a failed chapter's notebook and traceback are kept."""
        return self.final.parent / f"gagal-{self.final.name}"

    @cached_property
    def masukan(self) -> Masukan:
        """What the build read, for build.json and the record laporan.pdf carries: computed
        once (the inputs are hashed once per build)."""
        return Masukan.baca(self.data_dir, self.satker, self.bab, self.sidik)


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
    tmp, durasi, kemajuan = k.tmp, k.durasi, k.kemajuan
    folder_nb = tmp / "notebooks"
    folder_nb.mkdir()
    parameter = _parameter_bab(k.satker, k.tahun, k.data_dir, k.nb_dir, k.parameter_nb)
    from .pakai_ulang import rekam_lama

    lama = {} if k.paksa else rekam_lama(k.final)
    kunci_nb = k.kunci_nb if k.kunci_nb is not None else _kunci_bab(k.opsi, k.sidik, parameter)
    # An HTML-only build (preview, --tanpa-pdf) never deletes a PDF it does not print: the
    # previous report's PDFs are kept, as current when what they print is unchanged (same
    # key), else recorded as stale (build.json "pdf_stale", marked in the index).
    rekam_pdf = rekam_lama(k.final) if not k.pdf else {}
    pu = _PakaiUlang(k, anak, lama, rekam_pdf, kunci_nb)

    nama, judul, berjalan = _judul_laporan(k)
    tunda: list[Callable[[], Any]] = []  # tinjauan.docx, written while the chapters run

    # The charts are kept in the chart cache: on a cold build the child writing laporan.docx
    # draws them ahead on the other core (the kernel takes them, or draws those it reaches
    # unclaimed); the build adds those of reused chapters as each chapter is done.
    tembolok = None
    if k.sidik is not None:  # keys need the code and environment's fingerprint
        tembolok = tembolok_grafik(k.opsi, k.sidik)
    latar: list[futures.Future[Any]] = []
    try:  # from the first worker on: never leave a thread writing into a folder being removed
        # laporan.docx first: its child draws charts the chapters will show
        teks = (nama, judul, berjalan)
        docx_dilewati, docx = _mulai_docx(k, pu, teks, tembolok, anak, latar)
        memo = _tulis_memo(k, pu, tunda)
        if k.kernel.diluncurkan:
            # chapters will run: papermill is imported before the workers' imports (importing
            # both at once, the first chapter waited 0,4 s for the workers' import locks)
            from . import mesin_papermill  # noqa: F401
        # While the kernel runs the chapters (the main thread mostly waits on it), worker
        # threads write capaian_ikk.csv and tinjauan.docx and import the export libraries.
        # (Exporting finished chapters there too was tried: on two cores it slowed the kernel
        # down by as much as it saved.)
        impor = k.pelaksana.submit(
            _impor_ekspor, k.pdf, _akan_mencetak(pu, lama), _akan_menulis_xlsx(k, lama)
        )
        latar += [impor, k.pelaksana.submit(_tulis_capaian_csv, k, tmp)]
        for tulis in tunda:
            latar.append(k.pelaksana.submit(tulis))
        with _stopwatch(durasi, "eksekusi"):
            tugas = TugasEksekusi(
                k.bab, folder_nb, parameter, k.folder_gagal,
                akhir=f"{k.satker}/{k.final.name}/notebooks", pakai_ulang=pu.pakai_ulang_bab,
                setelah_bab=partial(_simpan_grafik, tembolok) if tembolok is not None else None,
            )  # fmt: skip
            dieksekusi = eksekusi_bab(k.kernel, tugas, kemajuan, durasi)
        # The kernel's memory is freed before the PDF step; its shutdown overlaps the HTML
        # step (the worker pool is shut down, waiting for it, before the kernel is left).
        tutup_kernel = k.pelaksana.submit(_tutup_kernel, k.kernel)

        kemajuan.langkah("Menyusun HTML")  # while the workers finish (WeasyPrint's import)
        # imported by then (_impor_ekspor, while the chapters ran), not before the first chapter
        from ..keluaran.html import rakit, siapkan_bab

        with _stopwatch(durasi, "html"):
            dokumen = rakit([siapkan_bab(p) for p in dieksekusi], judul)
            html = str(dokumen)
            (tmp / "laporan.html").write_text(html, encoding="utf-8")
            # before the PDF, which carries it (PDF/A-3 associated file)
            tabel_xlsx = dokumen.tabel
            _xlsx(k, pu, lama, tabel_xlsx, judul)
    finally:
        futures.wait(latar)  # no worker left writing into a folder about to be removed
    for tugas in latar:
        tugas.result()  # re-raise a failure of the background work
    kemajuan.maju()

    pdf_dilewati = impor.result() if k.pdf else None
    if k.pdf:
        tutup_kernel.result()  # no worker thread runs while the PDF step forks its children
        pu.cetak_memo_tertunda()
    pdf_dilewati = _pdf_laporan(k, pu, html, tabel_xlsx, (nama, judul, berjalan), pdf_dilewati)

    if k.pdf:
        _tunggu_pdf_memo(k, pu, pdf_dilewati)

    if docx is not None:
        docx.tunggu()
    tutup_kernel.result()
    if tembolok is not None:
        tembolok.rapikan()  # the charts of this report's chapters stay

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
    (tmp / "build.json").write_text(catatan.ke_json(), encoding="utf-8")
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


def _tunggu_pdf_memo(k: _Konteks, pu: _PakaiUlang, pdf_dilewati: str | None) -> None:
    """Wait for the memo's PDF printed meanwhile; without PDF libraries drop it."""
    with _stopwatch(k.durasi, "pdf_tinjauan"):  # what was left of it after the report's
        for c in pu.anak_pdf:
            if pdf_dilewati is None:
                c.tunggu()
            else:  # no PDF libraries: the child failed, or an old PDF was copied
                c.hentikan()
    if pdf_dilewati is not None:
        for berkas_pdf in pu.memo_pdf:  # not `nama`: that is the satker's name
            (k.tmp / berkas_pdf).unlink(missing_ok=True)
            pu.kunci_cetak.pop(berkas_pdf, None)
            with contextlib.suppress(ValueError):
                pu.dipakai["pdf"].remove(berkas_pdf)


@dataclass
class _PakaiUlang:
    """What a build reuses of the previous report (chapters, PDFs) and the PDFs it prints,
    as build.json records them (:func:`_bangun_ke_isi`)."""

    k: _Konteks
    anak: list[Any]
    """The build's child processes (stopped when it fails)."""
    lama: dict[str, Any]
    """The previous report's build.json (empty with ``--paksa``)."""
    rekam_pdf: dict[str, Any]
    """The previous report's build.json when this build prints no PDF."""
    kunci_nb: dict[str, str]
    """Per-chapter reuse keys."""
    kunci_cetak: dict[str, str] = field(default_factory=dict)
    kunci_docx: dict[str, str] = field(default_factory=dict)
    dipakai: dict[str, list[str]] = field(
        default_factory=lambda: {"notebooks": [], "pdf": [], "docx": [], "xlsx": []}
    )
    kunci_xlsx: str | None = None
    pdf_usang: list[str] = field(default_factory=list)
    memo_pdf: list[str] = field(default_factory=list)
    anak_pdf: list[Any] = field(default_factory=list)
    """PDFs printed by child processes (keluaran.cetak_terpisah.CetakTerpisah)."""
    memo_tertunda: list[tuple[str, Path, str]] = field(default_factory=list)
    """The memo's PDF to print (html, destination, running header), started with the PDF
    step (:meth:`cetak_memo_tertunda`)."""

    def pakai_ulang_bab(self, path: Path, tujuan: Path) -> bool:
        from .pakai_ulang import salin_bab

        kunci_nb = self.kunci_nb
        if salin_bab(self.k.final, self.lama, path.name, kunci_nb.get(path.name), tujuan):
            self.dipakai["notebooks"].append(path.name)
            return True
        return False

    def cetak(
        self,
        html: str,
        tujuan: Path,
        judul_berjalan: str,
        arsip: Any = None,
        periksa: Callable[[], str | None] | None = None,
    ) -> str | None:
        """Reuse or print ``tujuan``; ``periksa``: the check of the PDF libraries, not yet
        made (run before printing); returns why nothing was printed (or None)."""
        from .pakai_ulang import kunci_pdf, salin_pdf

        kunci = kunci_pdf(html, judul_berjalan, self.k.sidik, arsip)
        if salin_pdf(self.k.final, self.lama, tujuan.name, kunci, tujuan, arsip):
            self.kunci_cetak[tujuan.name] = kunci
            self.dipakai["pdf"].append(tujuan.name)
            return None
        hilang = periksa() if periksa is not None else None
        if hilang is None:
            self.kunci_cetak[tujuan.name] = kunci
            _tulis_pdf(html, tujuan, judul_berjalan, arsip, folder_cetak_bab(self.k.opsi))
        return hilang

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
        from .pakai_ulang import kunci_pdf, salin_pdf

        kunci = kunci_pdf(html, judul_berjalan, self.k.sidik)
        self.kunci_cetak[tujuan.name] = kunci
        self.memo_pdf.append(tujuan.name)
        if salin_pdf(self.k.final, self.lama, tujuan.name, kunci, tujuan):
            self.dipakai["pdf"].append(tujuan.name)
        else:
            self.memo_tertunda.append((html, tujuan, judul_berjalan))

    def docx_memo(
        self, tunda: list[Callable[[], Any]], tulis: Callable[[], Any], isi: tuple[str, ...]
    ) -> None:
        """tinjauan.docx: copied from the previous report when what it is made of did not
        change (:func:`.pakai_ulang.kunci_docx_memo`), else its writer goes into ``tunda``
        (run in a worker thread while the chapters run)."""
        from .pakai_ulang import kunci_docx_memo, salin_docx

        nama = "tinjauan.docx"
        if self.k.sidik is not None:  # keys need the code and environment's fingerprint
            self.kunci_docx[nama] = kunci_docx_memo(isi, self.k.sidik)
            if salin_docx(self.k.final, self.lama, nama, self.kunci_docx[nama], self.k.tmp / nama):
                self.dipakai["docx"].append(nama)
                return
        tunda.append(tulis)

    def cetak_memo_tertunda(self) -> None:
        """Start printing the memo's PDF in a child process (forked from this one where
        possible: it has WeasyPrint imported by then). Started with the PDF step rather than
        beside the chapters: the kernel and laporan.docx's child have the two cores then,
        and the process laying out laporan.pdf's shorter half has time to spare later."""
        from ..keluaran.cetak_terpisah import CetakTerpisah

        for html, tujuan, judul_berjalan in self.memo_tertunda:
            cetak = CetakTerpisah(html, tujuan, judul_berjalan)
            self.anak.append(cetak)
            self.anak_pdf.append(cetak)
        self.memo_tertunda.clear()


def _judul_laporan(k: _Konteks) -> tuple[str, str, str]:
    """The satker's name, the report's title and its running header."""
    nama = nama_satker(k.data_dir, k.satker)
    judul_periode = Periode.buat(k.tahun, k.periode).judul
    judul = f"Laporan Kinerja Instansi Pemerintah (LKjIP) {judul_periode} — {nama}"
    berjalan = f"LKjIP {judul_periode.removeprefix('Tahun ')} — {nama}"
    if satker_yaml(k.data_dir, k.satker).get("data_contoh_fiktif") is True:
        berjalan += " — DATA CONTOH FIKTIF"
    return nama, judul, berjalan


def _tulis_memo(k: _Konteks, pu: _PakaiUlang, tunda: list[Callable[[], Any]]) -> Any:
    """The review memo. It needs the findings and the data, not the chapters: it is written
    first; its PDF is printed by a child process with the report's
    (:meth:`_PakaiUlang.cetak_memo_tertunda`), the writer of its DOCX goes into ``tunda``, to
    run while the chapters do."""
    k.kemajuan.langkah("Menyusun memo tinjauan")
    with _stopwatch(k.durasi, "tinjauan"):
        memo = k.komponen.tulis_tinjauan(
            (k.satker, k.tahun, k.data_dir, k.periode),
            k.temuan,
            k.tmp,
            pdf=pu.cetak_memo if k.pdf else pu.simpan_pdf_lama,
            docx=partial(pu.docx_memo, tunda) if k.docx else False,
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
) -> str | None:
    """laporan.pdf: printed (or reused) when the build prints PDFs, else the previous one kept.
    ``judul``: the satker's name, the report's title and its running header. Returns why no
    PDF was printed (``pdf_dilewati``, or what the deferred library check found)."""
    nama, judul_laporan, berjalan = judul
    tmp = k.tmp
    if k.pdf:
        if pdf_dilewati is None or pdf_dilewati == PDF_BELUM_DIPERIKSA:
            k.kemajuan.langkah("Mencetak PDF")
            with _stopwatch(k.durasi, "pdf"):
                from ..keluaran.pdf import arsip_laporan, pustaka_pdf_hilang

                arsip = arsip_laporan(
                    tmp, tabel_xlsx, _catatan_tertanam(k, nama), nama, judul_laporan
                )
                periksa = pustaka_pdf_hilang if pdf_dilewati is not None else None
                pdf_dilewati = pu.cetak(html, tmp / "laporan.pdf", berjalan, arsip, periksa)
        k.kemajuan.maju()
    elif (k.final / "laporan.pdf").is_file():
        from ..keluaran.pdf import arsip_laporan

        arsip = arsip_laporan(tmp, tabel_xlsx, _catatan_tertanam(k, nama), nama, judul_laporan)
        pu.simpan_pdf_lama(html, tmp / "laporan.pdf", berjalan, arsip)
    return pdf_dilewati


def _catatan_build(
    k: _Konteks,
    pu: _PakaiUlang,
    nama: str,
    pdf_dilewati: str | None,
    docx_dilewati: Any,
) -> CatatanBuild:
    """The build record (build.json)."""
    outputs, outputs_sha256 = CatatanBuild.keluaran(k.tmp)
    return CatatanBuild(
        utc_time=datetime.now(UTC).isoformat(timespec="seconds"),
        parameters=ParameterBuild(
            satker=k.satker,
            tahun=k.tahun,
            periode=k.periode,
            data_dir=str(k.data_dir),
            out_dir=str(k.final.parent.parent),
            notebooks_dir=str(k.nb_dir),
            pdf=k.pdf,
            abaikan_pemeriksaan=k.abaikan_pemeriksaan,
            batas_waktu_sel=k.batas_waktu_sel,
        ),
        pdf_skipped=pdf_dilewati,
        docx=k.docx,
        docx_skipped=docx_dilewati,
        pdf_embedded_record=CATATAN_PDF if k.pdf and pdf_dilewati is None else None,
        satker_name=nama,
        **k.masukan.model_dump(),
        durations_s=k.durasi,
        findings=k.jumlah,
        outputs=outputs,
        outputs_sha256=outputs_sha256,
        command_line=perintah(),
        notebook_keys=pu.kunci_nb,
        pdf_keys=pu.kunci_cetak,
        docx_keys=pu.kunci_docx,
        xlsx_key=pu.kunci_xlsx,
        pdf_stale=sorted(pu.pdf_usang),
        reused=pu.dipakai,
        source=versi_sumber(),
        environment=lingkungan(),
    )


def _parameter_bab(
    satker: str, tahun: int, data_dir: Path, nb_dir: Path, parameter_nb: dict[str, str]
) -> dict[str, Any]:
    """The chapter notebooks' parameters."""
    return {
        "satker": satker,
        "tahun": tahun,
        # relative to the chapters' folder (the kernel's working directory): the executed
        # notebooks carry no absolute path of the build machine
        "data_dir": _relatif(data_dir, nb_dir),
        **parameter_nb,
    }


def _rencana_bab(
    final: Path, o: OpsiBuild, sidik: Any, parameter_nb: dict[str, str]
) -> tuple[bool, dict[str, str] | None, bool]:
    """(Whether a chapter will run, the chapters' reuse keys if computed here, whether every
    chart of the report is in the chart cache). No chapter runs only when the previous report
    in ``final`` has every chapter's executed notebook under the key this build computes
    (:mod:`.pakai_ulang`): the build then launches no kernel. Without such a report nothing
    is computed here and the kernel starts at once (the keys are computed later, while it
    starts); computing them costs the report model, which the checks build anyway
    (cached)."""
    from .pakai_ulang import kunci_bab, rekam_lama

    lama = rekam_lama(final).get("notebook_keys")
    if not isinstance(lama, dict) or any(p.name not in lama for p in o.bab):
        return True, None, False
    parameter = _parameter_bab(o.satker, o.tahun, o.data_dir, o.nb_dir, parameter_nb)
    dok = _dokumen(o)
    kunci = kunci_bab(o.bab, dok, sidik, parameter) if dok is not None else {}
    jalan = any(
        kunci.get(p.name) != lama[p.name] or not (final / "notebooks" / p.name).is_file()
        for p in o.bab
    )
    return jalan, kunci, dok is not None and _grafik_tersimpan(dok, tembolok_grafik(o, sidik))


def _dokumen(o: OpsiBuild) -> Any:
    """The report's model, or None when the data do not make one (custom data of the
    fixture notebooks, a build forced past failing checks)."""
    from ..hitung import hasil_laporan
    from ..laporan import dokumen_laporan

    try:
        return dokumen_laporan(hasil_laporan(o.satker, o.tahun, o.data_dir, periode=o.periode))
    except LkjipError:
        return None


def _kunci_bab(o: OpsiBuild, sidik: Any, parameter: dict[str, Any]) -> dict[str, str]:
    """Per-chapter reuse keys (:func:`.pakai_ulang.kunci_bab`); none without a report model
    (:func:`_dokumen`)."""
    from .pakai_ulang import kunci_bab

    dok = _dokumen(o)
    return kunci_bab(o.bab, dok, sidik, parameter) if dok is not None else {}


def folder_grafik(o: OpsiBuild) -> Path:
    """The chart cache of a report (:class:`~lkjip_helpers.laporan.grafik.TembolokGrafik`):
    the output folder's hidden ``.grafik/<satker>/<period>/``, beside ``.cetak-bab``; emptied
    by ``--paksa``."""
    return o.out_dir / ".grafik" / o.satker / o.kunci


def tembolok_grafik(o: OpsiBuild, sidik: Any) -> Any:
    """The report's chart cache (:class:`~lkjip_helpers.laporan.grafik.TembolokGrafik`, in
    :func:`folder_grafik`), its keys' code-and-environment part a digest of
    :func:`.pakai_ulang._kode_lingkungan`."""
    import hashlib

    from ..laporan.grafik import TembolokGrafik
    from .pakai_ulang import _kode_lingkungan

    dasar = hashlib.sha256(_kode_lingkungan(sidik).encode("utf-8")).hexdigest()
    return TembolokGrafik(folder_grafik(o), dasar)


def _grafik_tersimpan(dok: Any, tembolok: Any) -> bool:
    """Whether every chart of the report model ``dok`` is in the chart cache ``tembolok``
    (:func:`tembolok_grafik`)."""
    return all(
        tembolok.path(g.masukan).is_file()
        for bagian in dok.bab.values()
        for b in bagian.values()
        for g in b.gambar
        if g.masukan
    )


def _relatif(path: Path, dari: Path) -> str:
    """``path`` relative to ``dari`` (POSIX separators), or absolute when there is no
    relative path (another drive on Windows)."""
    try:
        return Path(os.path.relpath(path, dari)).as_posix()
    except ValueError:
        return str(path)


def _tulis_pdf(
    html: str, tujuan: Path, judul_berjalan: str, arsip: Any = None, tembolok: Path | None = None
) -> None:
    from ..keluaran.pdf import tulis_pdf

    if arsip is None:
        tulis_pdf(html, tujuan, judul_berjalan)
    else:  # keluaran.pdf.ArsipPdf: PDF/A-3b carrying the side files
        tulis_pdf(
            html, tujuan, judul_berjalan, arsip=True, tertanam=arsip.tertanam,
            metadata=arsip.metadata, tembolok=tembolok,
        )  # fmt: skip


def folder_cetak_bab(o: OpsiBuild) -> Path:
    """Where laporan.pdf's chapters are kept between builds (keluaran.cetak_bab): in the
    output folder's hidden ``.cetak-bab/<satker>/<period>/`` (one folder per report, used
    under its output lock; nothing beside the report folders); emptied by ``--paksa``."""
    return o.out_dir / ".cetak-bab" / o.satker / o.kunci


PDF_BELUM_DIPERIKSA = "PDF libraries not checked yet"
"""What :func:`_impor_ekspor` returns when it left WeasyPrint alone (the PDFs will likely be
reused); :func:`_pdf_laporan` checks before printing, if it prints."""


def _impor_ekspor(
    pdf: bool, akan_mencetak: bool = True, akan_menulis_xlsx: bool = True
) -> str | None:
    """Import the export libraries (≈ 1–2 s) ahead of use, in a worker thread; WeasyPrint
    only when a PDF will likely be printed, openpyxl only when tabel.xlsx will likely be
    written (the build's one process holds the GIL: an import not needed delays the rest).

    Returns why no PDF can be made (missing system libraries), None, or
    :data:`PDF_BELUM_DIPERIKSA`.
    """
    import importlib

    importlib.import_module("lkjip_helpers.keluaran.html")
    if akan_menulis_xlsx:
        importlib.import_module("lkjip_helpers.keluaran.xlsx")
    if pdf and akan_mencetak:
        from ..keluaran.pdf import pustaka_pdf_hilang

        hilang = pustaka_pdf_hilang()
        if hilang is None:  # what the PDF step's forked child uses, imported beforehand
            for nama in ("pikepdf", "lkjip_helpers.keluaran.cetak_bab"):
                importlib.import_module(nama)
        return hilang
    return PDF_BELUM_DIPERIKSA if pdf else None


def _akan_mencetak(pu: _PakaiUlang, lama: dict[str, Any]) -> bool:
    """Whether this build will likely print a PDF: the memo's is being printed, or the
    previous report has no laporan.pdf to reuse, or a chapter changed (its key)."""
    if pu.memo_tertunda:
        return True
    kunci_lama = lama.get("notebook_keys") or {}
    return (
        "laporan.pdf" not in (lama.get("pdf_keys") or {})
        or not pu.kunci_nb
        or any(kunci_lama.get(nama) != kunci for nama, kunci in pu.kunci_nb.items())
    )


def _akan_menulis_xlsx(k: _Konteks, lama: dict[str, Any]) -> bool:
    """Whether this build will likely write tabel.xlsx: the previous report has none to reuse
    (its key, :func:`_xlsx`); an edited narrative changes no table."""
    return k.sidik is None or not lama.get("xlsx_key") or not (k.final / "tabel.xlsx").is_file()


def _tulis_capaian_csv(k: _Konteks, folder: Path) -> None:
    """``capaian_ikk.csv`` and its Excel dialect (text cells defused: keluaran.aman)."""
    baris = k.komponen.capaian_ikk(k.satker, k.tahun, k.data_dir, periode=k.periode)
    k.komponen.tulis_csv_ikk(baris, folder)


def _catatan_tertanam(k: _Konteks, nama: str) -> dict[str, Any]:
    """The run record laporan.pdf carries as its ``build.json`` (:class:`.catatan.
    CatatanTertanam`)."""
    return CatatanTertanam(
        parameters={"satker": k.satker, "tahun": k.tahun, "periode": k.periode},
        satker_name=nama,
        **k.masukan.model_dump(),
        findings=k.jumlah,
        source=versi_sumber(),
        environment=lingkungan(lengkap=False),
    ).model_dump()


def _tutup_kernel(kernel: Any) -> None:
    """Shut the notebook engine down in a worker thread (:meth:`.kernel.KernelBersama.
    tutup_di_latar`; a stand-in engine: its ``__exit__``)."""
    tutup = getattr(kernel, "tutup_di_latar", None)
    if tutup is not None:
        tutup()
    else:
        kernel.__exit__(None, None, None)


def _xlsx(k: _Konteks, pu: _PakaiUlang, lama: dict[str, Any], tabel: list[Any], judul: str) -> None:
    """tabel.xlsx: copied from the previous report when the tables it holds did not change
    (:func:`.pakai_ulang.kunci_xlsx`, build.json ``xlsx_key``, ``reused.xlsx``), else written
    (an edited narrative changes no table: about 0,2 s saved)."""
    tujuan = k.tmp / "tabel.xlsx"
    if k.sidik is not None:  # keys need the code and environment's fingerprint
        from .pakai_ulang import kunci_xlsx, salin_xlsx

        pu.kunci_xlsx = kunci_xlsx(tabel, judul, k.sidik)
        if salin_xlsx(k.final, lama, pu.kunci_xlsx, tujuan):
            pu.dipakai["xlsx"].append(tujuan.name)
            return
    from ..keluaran.xlsx import tulis_xlsx

    tulis_xlsx(tabel, tujuan, judul)


def _simpan_grafik(tembolok: Any, notebook: Path) -> None:
    """Keep the charts an executed (or reused) chapter displays in the chart cache."""
    import json

    from ..laporan.bundel import gambar_notebook

    tembolok.simpan(gambar_notebook(json.loads(notebook.read_text(encoding="utf-8"))))


def _mulai_docx(
    k: _Konteks,
    pu: _PakaiUlang,
    teks: tuple[str, str, str],
    tembolok: Any,
    anak: list[Any],
    latar: list[futures.Future[Any]],
) -> tuple[str | None, _DocxDitunggu | None]:
    """Start writing ``laporan.docx`` (a child process, :mod:`..keluaran.docx.anak`, put in
    ``anak`` at once: stopped if the build fails), or copy the previous one when its key did
    not change (:func:`.pakai_ulang.kunci_docx`, build.json ``reused.docx``). ``teks``: the
    satker's name, the report's title and its running header; work for a worker thread goes
    into ``latar``. Returns why it is not written (the data make no report model: custom
    fixture data) or None, and the child to wait for. Without DOCX (``--tanpa-docx``) the
    child only draws the charts not kept yet (:func:`_gambar_terpisah`)."""
    if not k.docx:
        return None, _gambar_terpisah(k, tembolok, anak)
    from .pakai_ulang import kunci_docx, salin_docx

    if (pu.lama.get("docx_keys") or {}).get("tinjauan.docx") is None:
        # the memo's DOCX will likely be written here (nothing to copy): python-docx is
        # imported before the fork, which the child then inherits (else only it imports it)
        from ..keluaran.docx import laporan  # noqa: F401

    nama, judul, berjalan = teks
    tujuan = k.tmp / "laporan.docx"
    dok = _dokumen(k.opsi)
    if dok is None:
        return "DOCX tidak dibuat: data tidak menyusun model laporan", None

    def kunci() -> str:
        isi = (judul, nama, berjalan, k.satker, str(k.tahun), str(k.periode))
        pu.kunci_docx[tujuan.name] = kunci_docx(k.bab, dok, k.sidik, *isi)
        return pu.kunci_docx[tujuan.name]

    kunci_nanti = False
    if k.sidik is not None:  # keys need the code and environment's fingerprint
        if (pu.lama.get("docx_keys") or {}).get(tujuan.name) is None:
            kunci_nanti = True  # nothing to reuse: the key (for the next build) is computed
            # while the child writes, in a worker thread
        elif salin_docx(k.final, pu.lama, tujuan.name, kunci(), tujuan):
            pu.dipakai["docx"].append(tujuan.name)
            return None, None
    # the child first: it may be forked from this process, before any worker thread runs
    docx = _anak_docx(k, _spek_docx(k, tembolok, str(tujuan), teks), anak)
    if kunci_nanti:
        latar.append(k.pelaksana.submit(kunci))
    return None, docx


def _spek_docx(
    k: _Konteks, tembolok: Any, tujuan: str | None, teks: tuple[str, str, str] = ("", "", "")
) -> Any:
    """What the DOCX child needs (:class:`..keluaran.docx.anak.SpekDocx`); ``tujuan`` None:
    it only draws the charts."""
    from ..keluaran.docx.anak import SpekDocx

    nama, judul, berjalan = teks
    return SpekDocx(
        satker=k.satker, tahun=k.tahun, periode=k.periode, data_dir=str(k.data_dir),
        bab=[str(p) for p in k.bab], tujuan=tujuan, judul=judul, penulis=nama,
        berjalan=berjalan, tembolok=str(tembolok.folder) if tembolok is not None else None,
        dasar=tembolok.dasar if tembolok is not None else "",
    )  # fmt: skip


def _gambar_terpisah(k: _Konteks, tembolok: Any, anak: list[Any]) -> _DocxDitunggu | None:
    """A build without DOCX: the charts its chapters will show, drawn ahead by a child on
    the other core as laporan.docx's child does (the kernel, which then need not import
    matplotlib, waits for them), unless they are all kept already or the data make no
    report model. Only forked (a fresh interpreter would import and load more than the
    kernel saves: a build in a Dask worker's thread lets the kernel draw)."""
    if tembolok is None or not bisa_bercabang():
        return None
    dok = _dokumen(k.opsi)
    if dok is None or _grafik_tersimpan(dok, tembolok):
        return None
    return _anak_docx(k, _spek_docx(k, tembolok, None), anak)


def _anak_docx(k: _Konteks, spek: Any, anak: list[Any]) -> _DocxDitunggu:
    """Start the DOCX child for ``spek``, put in ``anak`` at once (stopped if the build
    fails)."""
    from ..keluaran.docx.anak import TulisDocxTerpisah

    proses = _DocxDitunggu(TulisDocxTerpisah(spek, k.tmp / ".docx-spek.json"), k.durasi)
    anak.append(proses)
    return proses


class _DocxDitunggu:
    """The child writing laporan.docx (or, without DOCX, drawing the charts only); what the
    build still waits for it at the end is ``durasi["tunggu_docx"]`` (it runs beside the
    chapters and the PDFs)."""

    def __init__(self, proses: Any, durasi: dict[str, float]) -> None:
        self.proses, self.durasi = proses, durasi

    def tunggu(self) -> None:
        with _stopwatch(self.durasi, "tunggu_docx"):
            self.proses.tunggu()

    def hentikan(self) -> None:
        self.proses.hentikan()
