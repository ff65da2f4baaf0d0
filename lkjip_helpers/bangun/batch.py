"""Batch runs for operators: many satkers and periods, in parallel, incremental, with a roll-up.

Flow of :func:`jalankan`:

1. the plan (:mod:`.manifest`) is validated before any kernel starts; ``--only`` / ``--limit``
   select from it;
2. every selected report's input fingerprint (:mod:`.sidik`) is compared with its last
   successful build: unchanged reports are skipped ("tidak berubah"), the others are built
   (``paksa`` rebuilds everything);
3. the executor (:mod:`.pelaksana`) builds them — in this process, in a pool of worker
   processes or on Dask — each with its own kernel; a failure never stops the others;
4. ``rekap.csv`` and ``batch.json`` (``<out_dir>/rekap/<nama>/``) are written for the whole
   plan (rows of entries not run this time are kept from the previous run), the roll-up
   document is rendered per period (:mod:`.rekap`, skipped when unchanged), and
   ``<out_dir>/index.html`` is rewritten.

Progress: a rich progress bar on a terminal; otherwise one plain line per finished report,
flushed at once, so a log shows the batch as it goes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from ..atomik import tulis_teks_atomik
from ..errors import LkjipError, ParameterError
from .hasil_batch import (
    BERHASIL,
    DIBATALKAN,
    DILEWATI,
    DIPERIKSA,
    GAGAL,
    STATUS_BAIK,
    HasilRun,
    _detik,
    _hasil_dasar,
    _jalur,
    _sekarang,
    baca_rekam,
    baca_rekap,
    baris_hasil,
    folder_rekap,
    gabung_hasil,
    hasil_gagal,
    tulis_rekam,
    tulis_rekap_csv,
)
from .manifest import Rencana, Tugas
from .sidik import Sidik, baca_build_json, keluaran_lengkap, sidik_build, uraikan_beda

# --------------------------------------------------------------------------- one report


def jalankan_tugas(t: Tugas, *, paksa: bool, tanpa_eksekusi: bool, folder_log: str) -> HasilRun:
    """Build one report (or, ``tanpa_eksekusi``, only check its data) — the task function of
    every executor. Never raises for a failed report: the failure is the result."""
    from ..errors import BuildError, DataError
    from ..laporan.rekap.angka import rekam_satker
    from .susun import build

    mulai = time.perf_counter()
    log_dir = Path(folder_log)
    try:
        if tanpa_eksekusi:
            r = rekam_satker(t.satker, t.tahun, t.periode, t.data_dir)
            n = {k: int(r.ringkas[f"temuan_{k}"]) for k in ("error", "peringatan", "info")}
            return _hasil_dasar(
                t,
                DIPERIKSA,
                detik=time.perf_counter() - mulai,
                temuan=n,
                ringkas=r.ringkas,
                rekam=r.ke_json(),
            )
        hasil = build(
            t.satker,
            t.tahun,
            t.data_dir,
            t.out_dir,
            periode=t.periode,
            pdf=t.pdf,
            abaikan_pemeriksaan=t.abaikan_pemeriksaan,
            notebooks_dir=t.notebooks_dir,
            progress=False,
            paksa=paksa,
            indeks=False,
        )
        rekam = baca_build_json(hasil.folder) or {}
        sidik = Sidik.dari_json(rekam.get("fingerprint"))
        r = rekam_satker(t.satker, t.tahun, t.periode, t.data_dir)
        return _hasil_dasar(
            t,
            DILEWATI if hasil.dipakai_ulang else BERHASIL,
            detik=time.perf_counter() - mulai,
            temuan=dict(hasil.temuan),
            sidik=sidik.total if sidik else "",
            ringkas=r.ringkas,
            rekam=r.ke_json(),
            alasan="tidak berubah" if hasil.dipakai_ulang else "",
        )
    except LkjipError as err:
        bab = getattr(err, "bab", None)
        if bab is None and isinstance(err, BuildError) and getattr(err, "temuan", None):
            bab = "pemeriksaan data"
        elif bab is None and isinstance(err, DataError | ParameterError):
            bab = "pemuatan data"
        log = getattr(err, "log", None)
        h = hasil_gagal(
            t,
            str(err),
            "" if log else "".join(traceback.format_exception(err)),
            folder_log=None if log else log_dir,
        )
        if log:
            h.log = str(log)
        h.bab = str(bab or "")
        h.detik = time.perf_counter() - mulai
        return h
    except Exception as err:  # a bug: recorded with its traceback; the batch goes on
        h = hasil_gagal(
            t,
            f"galat tak terduga: {type(err).__name__}: {err}",
            "".join(traceback.format_exception(err)),
            folder_log=log_dir,
        )
        h.detik = time.perf_counter() - mulai
        return h


# --------------------------------------------------------------------------- cache status


@dataclass
class StatusTugas:
    """Whether a report must be built, and why."""

    tugas: Tugas
    alasan: str
    """``baru``, ``berubah``, ``tidak berubah`` or ``paksa``."""
    rinci: str = ""
    sidik: Sidik | None = None

    @property
    def perlu(self) -> bool:
        return self.alasan != "tidak berubah"

    @property
    def teks(self) -> str:
        return f"{self.alasan} ({self.rinci})" if self.rinci else self.alasan


def _peringatkan_notebook_lain(perlu: list[StatusTugas], lapor: Pelapor) -> None:
    """One line per notebook folder naming the notebooks there that are not chapters
    (``Untitled.ipynb``): the builds skip them."""
    from .bab import daftar_bab, folder_notebook_bawaan, teks_notebook_lain

    folder = {
        Path(s.tugas.notebooks_dir) if s.tugas.notebooks_dir else folder_notebook_bawaan(): None
        for s in perlu
    }
    for nb_dir in folder:
        with contextlib.suppress(LkjipError, OSError):  # the build reports a bad list
            if nb_dir.is_dir() and (teks := teks_notebook_lain(nb_dir, daftar_bab(nb_dir))):
                lapor.cetak(teks)


def status_tugas(t: Tugas, paksa: bool = False) -> StatusTugas:
    """Compare the report's input fingerprint with its last successful build."""
    from .bab import daftar_bab, folder_notebook_bawaan

    nb_dir = Path(t.notebooks_dir) if t.notebooks_dir else folder_notebook_bawaan()
    bab = daftar_bab(nb_dir) if nb_dir.is_dir() else []
    sidik = sidik_build(
        satker=t.satker,
        tahun=t.tahun,
        periode=t.periode,
        kunci=t.kunci,
        data_dir=t.data_dir,
        nb_dir=nb_dir.resolve(),
        notebooks=bab,
        pdf=t.pdf,
        abaikan_pemeriksaan=t.abaikan_pemeriksaan,
    )
    rekam = baca_build_json(t.folder)
    if rekam is None:
        return StatusTugas(t, "baru", "belum pernah dibangun", sidik)
    lama = Sidik.dari_json(rekam.get("fingerprint"))
    if lama == sidik and keluaran_lengkap(t.folder, rekam):
        if paksa:
            return StatusTugas(t, "paksa", "tidak berubah, dibangun ulang atas permintaan", sidik)
        return StatusTugas(t, "tidak berubah", "", sidik)
    if lama is None:
        rinci = "catatan build lama tanpa sidik masukan"
    elif lama == sidik:
        rinci = "berkas keluaran hilang"
    else:
        rinci = uraikan_beda(sidik.beda(lama))
    return StatusTugas(t, "berubah", rinci, sidik)


class Pelapor:
    """Progress of a batch (:class:`.kemajuan.Kemajuan` on ``keluar``, stdout by default):
    one line per finished report, under a rich bar on a terminal."""

    def __init__(self, total: int, terminal: bool, keluar: TextIO | None = None) -> None:
        from .kemajuan import Kemajuan

        self.total = total
        self.nomor = 0
        self._kemajuan = Kemajuan(
            total, keluar=keluar or sys.stdout, terminal=terminal, judul="Membangun laporan"
        )

    def __enter__(self) -> Pelapor:
        self._kemajuan.__enter__()
        return self

    def cetak(self, teks: str) -> None:
        """A message line (above the bar on a terminal)."""
        self._kemajuan.cetak(teks)

    def selesai(self, h: HasilRun) -> None:
        """One report finished (built, skipped or failed)."""
        self.nomor += 1
        self.cetak(baris_hasil(h, self.nomor, self.total))
        self._kemajuan.maju()

    def __exit__(self, *exc: object) -> None:
        self._kemajuan.__exit__(*exc)


# --------------------------------------------------------------------------- the batch


@dataclass
class HasilRekap:
    """Outcome of the roll-up document of one period."""

    kunci: str
    status: str
    """``berhasil``, ``dilewati`` (unchanged), ``gagal`` or ``kosong`` (no member)."""
    folder: str = ""
    pesan: str = ""


@dataclass
class HasilBatch:
    """Everything a batch did, for the CLI summary."""

    rencana: Rencana
    hasil: list[HasilRun]
    """One per task of the plan (merged with the previous run), in plan order."""
    dijalankan: list[HasilRun]
    """The results of this run, in plan order."""
    rekap: list[HasilRekap] = field(default_factory=list)
    folder_rekap: Path | None = None
    indeks: list[Path] = field(default_factory=list)
    dibatalkan: bool = False
    detik: float = 0.0
    pelaksana: str = ""

    @property
    def gagal(self) -> list[HasilRun]:
        """Reports that failed (a cancelled one is counted as ``dibatalkan``, not here)."""
        return [h for h in self.dijalankan if h.status == GAGAL]

    @property
    def kode_keluar(self) -> int:
        """0 all fine, 1 a report or roll-up failed, 130 interrupted."""
        if self.dibatalkan:
            return 130
        if self.gagal or any(r.status == GAGAL for r in self.rekap):
            return 1
        return 0

    def jumlah(self) -> dict[str, int]:
        """Results of this run per status."""
        n: dict[str, int] = {}
        for h in self.dijalankan:
            n[h.status] = n.get(h.status, 0) + 1
        return n


def jumlah_inti() -> int:
    """Cores this process may use (the default of ``--pekerja``)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def periksa_satker_ada(tugas: Sequence[Tugas]) -> None:
    """Refuse a plan naming a satker that has no ``satker.yaml`` in its data folder (what
    ``--rencana`` must not plan as "baru"); the message names every such satker."""
    hilang = [
        t
        for t in dict.fromkeys(tugas)
        if not (t.data_dir / "satker" / t.satker / "satker.yaml").is_file()
    ]
    if hilang:
        nama = ", ".join(
            dict.fromkeys(f"{t.satker!r} ({t.data_dir / 'satker' / t.satker})" for t in hilang)
        )
        raise ParameterError(
            f"satker tidak dikenal: {nama} — folder atau satker.yaml-nya tidak ada; periksa "
            "ejaan id satker (lihat folder data/satker/) atau buat dengan lkjip satker-baru"
        )


def rencanakan(
    rencana: Rencana, *, only: list[str] | None, limit: int | None, paksa: bool
) -> list[StatusTugas]:
    """The selected tasks with their cache status (what ``--dry-run`` prints)."""
    return [status_tugas(t, paksa) for t in rencana.pilih(only, limit)]


def _tulis_batch_json(path: Path, rencana: Rencana, hb: HasilBatch, opsi: dict[str, Any]) -> None:
    manifest = rencana.manifest
    rekam = {
        "alat": f"lkjip {__version__}",
        "waktu_utc": _sekarang(),
        "manifest": str(manifest.resolve()) if manifest else None,
        "sha256_manifest": hashlib.sha256(manifest.read_bytes()).hexdigest() if manifest else None,
        "opsi": opsi,
        "pelaksana": hb.pelaksana,
        "detik": round(hb.detik, 2),
        "dibatalkan": hb.dibatalkan,
        "jumlah": len(hb.hasil),
        "jumlah_gagal": sum(h.status == GAGAL for h in hb.hasil),
        "jumlah_dijalankan": hb.jumlah(),
        "rekap": [asdict(r) for r in hb.rekap],
        "hasil": [
            {
                **{k: v for k, v in asdict(h).items() if k not in ("ringkas", "rekam")},
                "detik": round(h.detik, 2),
            }
            for h in hb.hasil
        ],
    }
    tulis_teks_atomik(path, json.dumps(rekam, ensure_ascii=False, indent=2) + "\n")


def _ringkas_dilewati(st: StatusTugas, lama: dict[str, dict[str, Any]]) -> HasilRun:
    """The result of an unchanged report: its build record, and its roll-up record from the
    previous run (``lama``: satker → record of this period) when that was made from the same
    inputs (else recomputed)."""
    from ..laporan.rekap.angka import RekamSatker, rekam_satker

    t = st.tugas
    rekam = baca_build_json(t.folder) or {}
    sidik = st.sidik.total if st.sidik else ""
    d = lama.get(t.satker)
    if d is not None and d.get("sidik") == sidik and sidik:
        r = RekamSatker.dari_json(d)
    else:
        r = rekam_satker(t.satker, t.tahun, t.periode, t.data_dir)
    return _hasil_dasar(
        t,
        DILEWATI,
        temuan={str(k): int(v) for k, v in (rekam.get("findings") or {}).items()},
        sidik=sidik,
        ringkas=r.ringkas,
        rekam=r.ke_json(),
        alasan="tidak berubah",
    )


def _rekap_periode(
    rencana: Rencana,
    hasil: list[HasilRun],
    folder: Path,
    pdf: bool,
    cetak: Callable[[str], None],
    *,
    rekam: dict[str, Path] | None = None,
    paksa: bool = False,
    kanwil: Sequence[str] = (),
) -> list[HasilRekap]:
    """Render the roll-up document of every period of the plan (unchanged ones skipped unless
        ``paksa``), and one per Kanwil in ``kanwil`` (``semua``: every Kanwil of the period's
        records) into ``rekap/<nama>-kanwil-<kanwil>/<periode>/`` (beside the batch's own folder, so
    the index lists it as a roll-up of its own). Every failed entry of the batch, of any
        period, is listed in every period's roll-up."""
    from ..laporan.rekap.bagian import cocok_kanwil

    keluaran: list[HasilRekap] = []
    rekam = rekam or {}
    per_tugas = dict(zip(rencana.tugas, hasil, strict=True))
    kunci_urut = list(dict.fromkeys(t.kunci for t in rencana.tugas))
    gagal = _daftar_gagal(hasil, folder)
    for kunci in kunci_urut:
        tugas = [t for t in rencana.tugas if t.kunci == kunci]
        baik = [t for t in tugas if per_tugas[t].status in STATUS_BAIK]
        data_dir = baik[0].data_dir if baik else tugas[0].data_dir
        periode = _PeriodeRekap(kunci, tugas, data_dir, gagal, pdf, paksa, rekam.get(kunci), cetak)
        nama_kanwil = {t.satker: (per_tugas[t].ringkas.get("kanwil") or "") for t in baik}
        for pola, tujuan in dict.fromkeys(_tujuan_rekap(folder, kunci, kanwil, nama_kanwil)):
            anggota = [
                t for t in baik if not pola or cocok_kanwil(nama_kanwil.get(t.satker, ""), pola)
            ]
            if pola and not anggota:
                cetak(f"rekap {kunci}: tidak ada satker Kanwil {pola!r}; rekap Kanwil dilewati")
                continue
            keluaran.append(_rekap_satu(periode, pola, tujuan, anggota, per_tugas))
    return keluaran


@dataclass
class _PeriodeRekap:
    """What every roll-up of one period of a batch shares (:func:`_rekap_periode`)."""

    kunci: str
    tugas: list[Tugas]
    data_dir: Path
    gagal: list[dict[str, str]]
    pdf: bool
    paksa: bool
    rekam: Path | None
    cetak: Callable[[str], None]


def _daftar_gagal(hasil: list[HasilRun], folder: Path) -> list[dict[str, str]]:
    """The failed (or not built) entries of a batch, as every roll-up lists them."""
    return [
        {
            "satker": h.satker,
            "periode": h.kunci,
            "bab": h.bab or ("" if h.status == GAGAL else h.status),
            "pesan": h.baris_pertama or h.status,
            "log": _jalur_dari(h.log, folder),
        }
        for h in hasil
        if h.status not in STATUS_BAIK
    ]


def _tujuan_rekap(
    folder: Path, kunci: str, kanwil: Sequence[str], nama_kanwil: dict[str, str]
) -> list[tuple[str, Path]]:
    """(Kanwil pattern, folder) of each roll-up of period ``kunci``: the batch's own first."""
    from ..laporan.model import slug

    tujuan: list[tuple[str, Path]] = [("", folder / kunci)]
    for pola in kanwil:
        semua = [k for k in dict.fromkeys(nama_kanwil.values()) if k]
        daftar = semua if pola == "semua" else [pola]
        tujuan += [(k, folder.with_name(f"{folder.name}-kanwil-{slug(k)}") / kunci) for k in daftar]
    return tujuan


def _rekap_satu(
    p: _PeriodeRekap,
    pola: str,
    tujuan: Path,
    anggota: list[Tugas],
    per_tugas: dict[Tugas, HasilRun],
) -> HasilRekap:
    """Render one roll-up (of the period, or of Kanwil ``pola``) unless it is unchanged."""
    from .rekap import kunci_rekap, rekap_pdf_usang, rekap_tersimpan, render_rekap

    nama_folder = f"{p.kunci} {pola}".strip()
    tugas = p.tugas[0]
    parameter = {
        "satker": [t.satker for t in anggota],
        "tahun": tugas.tahun,
        "periode": tugas.periode,
        "data_dir": str(p.data_dir),
        "data_dir_satker": {t.satker: str(t.data_dir) for t in anggota if t.data_dir != p.data_dir},
        "gagal": p.gagal,
        "kanwil": pola,
    }
    kunci_cache = kunci_rekap(
        parameter, {f"{t.satker}/{t.kunci}": per_tugas[t].sidik for t in anggota}, p.pdf
    )
    if not p.paksa and rekap_tersimpan(tujuan, kunci_cache):
        p.cetak(f"rekap {nama_folder}: tidak berubah → {_jalur(str(tujuan))}")
        return HasilRekap(nama_folder, DILEWATI, str(tujuan))
    mulai = time.perf_counter()
    try:
        render_rekap(
            tujuan,
            satker=[t.satker for t in anggota],
            tahun=tugas.tahun,
            periode=tugas.periode,
            data_dir=p.data_dir,
            data_dir_satker={t.satker: t.data_dir for t in anggota if t.data_dir != p.data_dir},
            gagal=p.gagal,
            pdf=p.pdf,
            kunci=kunci_cache,
            rekam=p.rekam,
            kanwil=pola,
        )
    except LkjipError as err:
        p.cetak(f"rekap {nama_folder}: gagal: {str(err).splitlines()[0]}")
        return HasilRekap(nama_folder, GAGAL, str(tujuan), str(err))
    p.cetak(
        f"rekap {nama_folder}: {len(anggota)} satker, {len(p.gagal)} gagal/belum  "
        f"{_detik(time.perf_counter() - mulai)}  → {_jalur(str(tujuan / 'rekap.html'))}"
    )
    if rekap_pdf_usang(tujuan):
        p.cetak(
            f"rekap {nama_folder}: rekap.pdf dari build sebelumnya dipertahankan tetapi "
            "belum sesuai HTML ini (jalankan tanpa --tanpa-pdf untuk mencetak ulang)"
        )
    return HasilRekap(nama_folder, BERHASIL, str(tujuan))


def _jalur_dari(path: str, dasar: Path) -> str:
    if not path:
        return ""
    try:
        return os.path.relpath(path, dasar)
    except ValueError:
        return path


def jalankan(
    rencana: Rencana,
    *,
    only: list[str] | None = None,
    limit: int | None = None,
    paksa: bool = False,
    tanpa_eksekusi: bool = False,
    tanpa_rekap: bool = False,
    pdf: bool | None = None,
    jobs: int | None = None,
    executor: str = "lokal",
    scheduler: str | None = None,
    terminal: bool = False,
    keluar: TextIO | None = None,
    kanwil: Sequence[str] = (),
) -> HasilBatch:
    """Run a batch plan (see the module docstring). ``pdf`` overrides the plan's setting
    (``--tanpa-pdf``); ``jobs`` defaults to the number of cores; ``paksa`` also renders the
    roll-ups again; ``kanwil`` adds a roll-up per Kanwil (:func:`_rekap_periode`)."""
    from .indeks import tulis_indeks
    from .pelaksana import buat_pelaksana

    mulai = time.perf_counter()
    rencana.timpa(pdf=pdf)
    _cek_pelaksana(jobs, executor, scheduler)
    jobs = jobs or jumlah_inti()
    status = rencanakan(rencana, only=only, limit=limit, paksa=paksa)
    folder = folder_rekap(rencana)
    lama = baca_rekap(folder / "rekap.csv")
    folder_log = folder / "log"
    perlu = [s for s in status if s.perlu or tanpa_eksekusi]
    alasan = {s.tugas: s for s in status}
    baru: dict[Tugas, HasilRun] = {}
    pelaksana_nama = ""
    dibatalkan = False

    with Pelapor(len(status), terminal, keluar) as lapor:
        lapor.cetak(_kalimat_pembuka(rencana, status, perlu))
        _peringatkan_notebook_lain(perlu, lapor)
        if not tanpa_eksekusi:
            _catat_dilewati(status, folder, baru, lapor)
        if perlu:
            pelaksana = buat_pelaksana(
                executor,
                min(jobs, len(perlu)) if executor != "dask" or not scheduler else jobs,
                scheduler,
                partial(hasil_gagal, folder_log=folder_log),
            )
            pelaksana_nama = pelaksana.nama
            lapor.cetak(f"Pelaksana: {pelaksana.nama}")
            fungsi = partial(
                jalankan_tugas,
                paksa=paksa,
                tanpa_eksekusi=tanpa_eksekusi,
                folder_log=str(folder_log),
            )
            dibatalkan = _laksanakan(pelaksana, fungsi, perlu, alasan, baru, lapor)

        dijalankan = [baru[s.tugas] for s in status if s.tugas in baru]
        hasil = gabung_hasil(rencana, baru, lama)
        hb = HasilBatch(
            rencana=rencana,
            hasil=hasil,
            dijalankan=dijalankan,
            folder_rekap=folder,
            dibatalkan=dibatalkan,
            pelaksana=pelaksana_nama,
        )
        tulis_rekap_csv(folder / "rekap.csv", hasil)
        berkas_rekam = tulis_rekam(folder, rencana, hasil)
        _hapus_log_usang(dijalankan, folder_log)
        if not dibatalkan and not tanpa_eksekusi and not tanpa_rekap:
            pdf_rekap = any(t.pdf for t in rencana.tugas) if pdf is None else pdf
            _rekap_batch(hb, pdf_rekap, lapor, rekam=berkas_rekam, paksa=paksa, kanwil=kanwil)
        hb.detik = time.perf_counter() - mulai
        opsi = {
            "only": only,
            "limit": limit,
            "paksa": paksa,
            "tanpa_eksekusi": tanpa_eksekusi,
            "jobs": jobs,
            "executor": executor,
            "scheduler": scheduler,
        }
        _tulis_batch_json(folder / "batch.json", rencana, hb, opsi)
        for out_dir in dict.fromkeys([rencana.out_dir, *(t.out_dir for t in rencana.tugas)]):
            hb.indeks.append(tulis_indeks(out_dir))
    return hb


def _hapus_log_usang(dijalankan: list[HasilRun], folder_log: Path) -> None:
    """A log of an earlier failure no longer describes a report built (or skipped) now."""
    for h in dijalankan:
        if h.status in STATUS_BAIK:
            (folder_log / f"{h.satker}-{h.kunci}.txt").unlink(missing_ok=True)


def _cek_pelaksana(jobs: int | None, executor: str, scheduler: str | None) -> None:
    if jobs is not None and jobs < 1:
        raise ParameterError(f"--pekerja/--jobs harus bilangan bulat ≥ 1 (ditemukan: {jobs})")
    if scheduler and executor != "dask":
        raise ParameterError("--penjadwal/--scheduler hanya berlaku dengan --pelaksana dask")


def _kalimat_pembuka(rencana: Rencana, status: list[StatusTugas], perlu: list[StatusTugas]) -> str:
    """The batch's first line: how many reports are built and how many are unchanged."""
    n_lewat = len(status) - len(perlu)
    return (
        f"Batch {rencana.nama}: {len(status)} laporan — {len(perlu)} dibangun, "
        f"{n_lewat} tidak berubah"
        + (
            f" (dari {len(rencana.tugas)} dalam rencana)"
            if len(status) < len(rencana.tugas)
            else ""
        )
    )


def _catat_dilewati(
    status: list[StatusTugas], folder: Path, baru: dict[Tugas, HasilRun], lapor: Pelapor
) -> None:
    """Record the unchanged reports from their previous record (read once per period)."""
    rekam_lama: dict[str, dict[str, dict[str, Any]]] = {}
    for s in status:
        if not s.perlu:
            kunci = s.tugas.kunci
            if kunci not in rekam_lama:
                rekam_lama[kunci] = baca_rekam(folder, kunci)
            h = _ringkas_dilewati(s, rekam_lama[kunci])
            baru[s.tugas] = h
            lapor.selesai(h)


def _laksanakan(
    pelaksana: Any,
    fungsi: Callable[[Tugas], HasilRun],
    perlu: list[StatusTugas],
    alasan: dict[Tugas, StatusTugas],
    baru: dict[Tugas, HasilRun],
    lapor: Pelapor,
) -> bool:
    """Run the tasks of ``perlu`` on ``pelaksana`` into ``baru``; whether it was interrupted
    (Ctrl-C: the running reports are finished, the others recorded as cancelled)."""
    dibatalkan = False
    with pelaksana:
        try:
            pelaksana.kirim(fungsi, [s.tugas for s in perlu])
            for h in pelaksana.hasil():
                t = _tugas_dari(perlu, h)
                if not h.alasan:
                    h.alasan = alasan[t].teks
                baru[t] = h
                lapor.selesai(h)
        except KeyboardInterrupt:
            dibatalkan = True
            lapor.cetak("Dibatalkan: menunggu pekerja membereskan laporan yang sedang dibangun …")
            for h in pelaksana.batalkan():
                t = _tugas_dari(perlu, h)
                baru[t] = h
                lapor.selesai(h)
    if dibatalkan:
        for s in perlu:
            if s.tugas not in baru:
                baru[s.tugas] = _hasil_dasar(s.tugas, DIBATALKAN, alasan=s.teks)
                lapor.selesai(baru[s.tugas])
    return dibatalkan


def _rekap_batch(
    hb: HasilBatch,
    pdf: bool,
    lapor: Pelapor,
    *,
    rekam: dict[str, Path],
    paksa: bool,
    kanwil: Sequence[str],
) -> None:
    """The roll-ups of a finished batch into ``hb.rekap`` (Ctrl-C keeps the previous ones)."""
    assert hb.folder_rekap is not None
    try:
        hb.rekap = _rekap_periode(
            hb.rencana,
            hb.hasil,
            hb.folder_rekap,
            pdf,
            lapor.cetak,
            rekam=rekam,
            paksa=paksa,
            kanwil=kanwil,
        )
    except KeyboardInterrupt:
        hb.dibatalkan = True
        lapor.cetak("Dibatalkan saat menyusun rekap; rekap sebelumnya tetap.")


def _tugas_dari(status: list[StatusTugas], h: HasilRun) -> Tugas:
    for s in status:
        t = s.tugas
        if t.satker == h.satker and t.kunci == h.kunci and str(t.out_dir) == h.out_dir:
            return t
    raise KeyError(h.label)  # pragma: no cover - every result comes from one of the tasks
