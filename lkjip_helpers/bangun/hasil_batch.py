"""The results of a batch and their records: one :class:`HasilRun` per report, the progress
line of each, ``rekap.csv`` (with its Excel dialect) and the per-period records
``batch-<kunci>.json`` under ``<out_dir>/rekap/<nama>/`` (:mod:`.batch` runs the batch)."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..atomik import tulis_teks_atomik
from .manifest import Rencana, Tugas

BERHASIL = "berhasil"
DILEWATI = "dilewati"
GAGAL = "gagal"
DIPERIKSA = "diperiksa"
DIBATALKAN = "dibatalkan"
BELUM = "belum dijalankan"
STATUS_BAIK = (BERHASIL, DILEWATI)
"""Statuses of a report that exists and matches its current inputs."""

FOLDER_REKAP = "rekap"
KOLOM_REKAP = [
    "satker",
    "nama",
    "kanwil",
    "tahun",
    "periode",
    "kunci",
    "status",
    "alasan",
    "detik",
    "jumlah_ikk",
    "ikk_tercapai",
    "ikk_tidak_tercapai",
    "ikk_perlu_verifikasi",
    "ikk_tidak_dapat_dinilai",
    "ikk_tidak_berlaku",
    "rata_capaian_persen",
    "pagu",
    "realisasi",
    "penyerapan_persen",
    "nilai_smart",
    "nilai_ikpa",
    "nilai_kinerja_anggaran",
    "kapasitas",
    "penghuni",
    "okupansi_persen",
    "temuan_error",
    "temuan_peringatan",
    "temuan_info",
    "masalah_error",
    "masalah_peringatan",
    "masalah_info",
    "masalah_ditanggapi",
    "masalah_belum_ditanggapi",
    "folder",
    "bab_gagal",
    "pesan",
    "log",
    "sidik",
    "waktu_utc",
]
"""Columns of ``rekap.csv`` (UTF-8, comma, decimal point; ``rekap_excel.csv`` has the same
columns for Excel in an Indonesian locale). ``temuan_*`` count findings, ``masalah_*`` the
review memo's distinct problems (its "Belum ditanggapi")."""
KOLOM_ANGKA_REKAP = frozenset(
    {"detik", "rata_capaian_persen", "penyerapan_persen", "nilai_smart", "nilai_ikpa"}
    | {"nilai_kinerja_anggaran", "okupansi_persen"}
)
"""Columns with decimals (a decimal comma in ``rekap_excel.csv``)."""


@dataclass
class HasilRun:
    """Outcome of one report of a batch (picklable: it comes back from the workers)."""

    satker: str
    tahun: int
    periode: str
    kunci: str
    out_dir: str
    status: str
    detik: float = 0.0
    temuan: dict[str, int] = field(default_factory=dict)
    folder: str = ""
    pesan: str = ""
    bab: str = ""
    """Chapter notebook that failed (or ``pemeriksaan data``)."""
    log: str = ""
    alasan: str = ""
    """Why it ran or not: ``baru``, ``berubah (…)``, ``tidak berubah``, ``paksa``."""
    sidik: str = ""
    """Input fingerprint of the report (``total``), when known."""
    ringkas: dict[str, str] = field(default_factory=dict)
    """Roll-up figures (:func:`.rekap.ringkasan`)."""
    rekam: dict[str, Any] = field(default_factory=dict)
    """The roll-up record (:meth:`.rekap.RekamSatker.ke_json`), when computed."""
    waktu_utc: str = ""
    dijalankan: bool = True
    """False for a row kept from a previous run (``--only`` / ``--limit``)."""

    @property
    def label(self) -> str:
        return f"{self.satker} {self.kunci}"

    @property
    def baris_pertama(self) -> str:
        """First line of the error message."""
        teks = self.pesan.strip()
        return teks.splitlines()[0] if teks else ""


def _sekarang() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _hasil_dasar(t: Tugas, status: str, **lain: Any) -> HasilRun:
    """A result of task ``t``: its identity, ``status``, the time now unless ``lain`` gives
    ``waktu_utc``, and the other fields of ``lain``."""
    return HasilRun(
        satker=t.satker,
        tahun=t.tahun,
        periode=t.periode,
        kunci=t.kunci,
        out_dir=str(t.out_dir),
        status=status,
        folder=str(t.folder),
        **{"waktu_utc": _sekarang(), **lain},
    )


def _tulis_log(folder_log: Path, t: Tugas, teks: str) -> str:
    folder_log.mkdir(parents=True, exist_ok=True)
    path = folder_log / f"{t.satker}-{t.kunci}.txt"
    path.write_text(teks, encoding="utf-8")
    return str(path)


def hasil_gagal(
    t: Tugas, pesan: str, rinci: str = "", *, folder_log: Path | None = None
) -> HasilRun:
    """A failed result for ``t`` (its log written when ``folder_log`` is given)."""
    log = _tulis_log(folder_log, t, f"{pesan}\n\n{rinci}".strip() + "\n") if folder_log else ""
    return _hasil_dasar(t, GAGAL, pesan=pesan, log=log, bab="")


# --------------------------------------------------------------------------- progress


def _detik(x: float) -> str:
    return f"{x:.1f}".replace(".", ",") + " dtk"


def _temuan(n: dict[str, int]) -> str:
    if not n:
        return "temuan: –"
    return (
        f"temuan: {n.get('error', 0)} error, {n.get('peringatan', 0)} peringatan, "
        f"{n.get('info', 0)} info"
    )


def _jalur(path: str) -> str:
    """A path relative to the working directory when it lies inside it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    except ValueError:
        return path


def baris_hasil(h: HasilRun, nomor: int, total: int) -> str:
    """The plain progress line of one finished report."""
    kepala = f"[{nomor}/{total}] {h.status:<10} {h.label}"
    if h.status in (DIBATALKAN, BELUM):
        return kepala
    if h.status == GAGAL:
        tempat = f"{h.bab}: " if h.bab else ""
        teks = f"{kepala}  {_detik(h.detik)}  {tempat}{h.baris_pertama}"
        return teks + (f"  log: {_jalur(h.log)}" if h.log else "")
    if h.status == DILEWATI:
        return f"{kepala}  tidak berubah  {_temuan(h.temuan)}  → {_jalur(h.folder)}"
    if h.status == DIPERIKSA:
        return f"{kepala}  {_detik(h.detik)}  {_temuan(h.temuan)}  (tanpa eksekusi)"
    return f"{kepala}  {_detik(h.detik)}  {_temuan(h.temuan)}  → {_jalur(h.folder)}"


# --------------------------------------------------------------------------- records


def folder_rekap(rencana: Rencana) -> Path:
    """``<out_dir>/rekap/<nama>/``: rekap.csv, batch.json, logs and the roll-up per period."""
    return rencana.out_dir / FOLDER_REKAP / rencana.nama


def _kunci_baris(satker: str, kunci: str, folder: str) -> tuple[str, str, str]:
    return satker, kunci, str(Path(folder).resolve()) if folder else ""


def baca_rekap(path: Path) -> dict[tuple[str, str, str], dict[str, str]]:
    """Rows of a previous ``rekap.csv`` by (satker, kunci, absolute folder)."""
    if not path.is_file():
        return {}
    dasar = path.parent
    hasil = {}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                for kolom in ("folder", "log"):  # relative to the CSV's folder
                    nilai = r.get(kolom) or ""
                    if nilai and not Path(nilai).is_absolute():
                        r[kolom] = str((dasar / nilai).resolve())
                hasil[
                    _kunci_baris(r.get("satker", ""), r.get("kunci", ""), r.get("folder") or "")
                ] = r
    except (OSError, csv.Error, UnicodeDecodeError):
        return {}  # an unreadable old roll-up is replaced by this run's rows
    return hasil


def _baris_csv(h: HasilRun, dasar: Path) -> dict[str, str]:
    try:
        folder = os.path.relpath(h.folder, dasar) if h.folder else ""
    except ValueError:
        folder = h.folder
    try:
        log = os.path.relpath(h.log, dasar) if h.log else ""
    except ValueError:
        log = h.log
    baris = {
        "satker": h.satker,
        "tahun": str(h.tahun),
        "periode": h.periode,
        "kunci": h.kunci,
        "status": h.status,
        "alasan": h.alasan,
        "detik": f"{h.detik:.2f}",
        "folder": Path(folder).as_posix() if folder else "",
        "bab_gagal": h.bab,
        "pesan": h.baris_pertama,
        "log": Path(log).as_posix() if log else "",
        "sidik": h.sidik,
        "waktu_utc": h.waktu_utc,
    }
    for k in ("error", "peringatan", "info"):
        if k in h.temuan:
            baris[f"temuan_{k}"] = str(h.temuan[k])
    return {k: str(v) for k, v in {**h.ringkas, **baris}.items() if k in KOLOM_REKAP}


def _dari_baris(r: dict[str, str], t: Tugas) -> HasilRun:
    """A previous run's row as a result (not run now)."""
    temuan = {
        k: int(r[f"temuan_{k}"])
        for k in ("error", "peringatan", "info")
        if (r.get(f"temuan_{k}") or "").isdigit()
    }
    ringkas = {k: v for k, v in r.items() if k in KOLOM_REKAP and v is not None}
    return _hasil_dasar(
        t,
        r.get("status") or BELUM,
        detik=float(r.get("detik") or 0),
        temuan=temuan,
        pesan=r.get("pesan") or "",
        bab=r.get("bab_gagal") or "",
        log=r.get("log") or "",
        alasan=r.get("alasan") or "",
        sidik=r.get("sidik") or "",
        ringkas=ringkas,
        waktu_utc=r.get("waktu_utc") or "",
        dijalankan=False,
    )


def gabung_hasil(
    rencana: Rencana, baru: dict[Tugas, HasilRun], lama: dict[tuple[str, str, str], dict[str, str]]
) -> list[HasilRun]:
    """One result per task of the whole plan, in plan order: this run's result, else the
    previous run's row, else ``belum dijalankan``."""
    hasil = []
    for t in rencana.tugas:
        if t in baru:
            hasil.append(baru[t])
            continue
        r = lama.get(_kunci_baris(t.satker, t.kunci, str(t.folder)))
        if r is not None:
            hasil.append(_dari_baris(r, t))
        else:
            hasil.append(_hasil_dasar(t, BELUM, dijalankan=False, waktu_utc=""))
    return hasil


def tulis_rekap_csv(path: Path, hasil: Sequence[HasilRun]) -> Path:
    """``rekap.csv`` and, beside it, ``rekap_excel.csv``: one row per report of the plan
    (failed and not-run ones included), written by the protected CSV writer (text that a
    spreadsheet would run as a formula is neutralised)."""
    from ..keluaran.csv import tulis_csv_baris

    baris = [_baris_csv(h, path.parent) for h in hasil]
    tulis_csv_baris(
        baris,
        KOLOM_REKAP,
        path,
        path.with_name(path.stem + "_excel.csv"),
        kolom_desimal=KOLOM_ANGKA_REKAP,
    )
    return path


def baca_rekam(folder: Path, kunci: str) -> dict[str, dict[str, Any]]:
    """Records of a previous run for one period (``anggota-<periode>.json``) by satker."""
    try:
        isi = json.loads((folder / f"anggota-{kunci}.json").read_text(encoding="utf-8"))
        return {str(d["satker"]): d for d in isi.get("anggota", [])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def tulis_rekam(folder: Path, rencana: Rencana, hasil: Sequence[HasilRun]) -> dict[str, Path]:
    """Per period, the roll-up records of its good reports (``anggota-<periode>.json``, with
    each report's input fingerprint so an unchanged report's record is reused); a record not
    computed in this run is kept from the previous file. Returns period → file."""
    keluaran: dict[str, Path] = {}
    per_kunci: dict[str, list[dict[str, Any]]] = {}
    lama: dict[str, dict[str, dict[str, Any]]] = {}
    for t, h in zip(rencana.tugas, hasil, strict=True):
        daftar = per_kunci.setdefault(t.kunci, [])
        if h.status not in STATUS_BAIK:
            continue
        rekam = h.rekam
        if not rekam:
            if t.kunci not in lama:
                lama[t.kunci] = baca_rekam(folder, t.kunci)
            rekam = lama[t.kunci].get(t.satker) or {}
        if rekam:
            daftar.append({**rekam, "sidik": h.sidik})
    for kunci, daftar in per_kunci.items():
        path = folder / f"anggota-{kunci}.json"
        tulis_teks_atomik(path, json.dumps({"anggota": daftar}, ensure_ascii=False) + "\n")
        keluaran[kunci] = path
    return keluaran
