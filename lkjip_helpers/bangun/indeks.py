"""``<out_dir>/index.html``: one self-contained page listing every report built.

For every ``<out_dir>/<satker>/<kunci periode>/`` with a run record (``build.json``) the page
shows the satker, the period, the status, a capaian summary (from ``capaian_ikk.csv``), the
findings per level and links to ``laporan.html``, ``laporan.pdf``, ``tinjauan.html`` (when
present) and the executed notebooks. A failed later build (a ``gagal-<kunci>/`` folder, or a
failed entry in a batch record ``rekap/*/batch.json``) is shown as failed, with its log, next
to the previous good report it left in place; a satker-period that never built shows only its
failure. The roll-ups under ``<out_dir>/rekap/`` are listed at the top.

The page has no scripts and fetches nothing: inline CSS, relative links. It is rewritten
(atomically) after every ``lkjip build`` and every ``lkjip batch``.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..atomik import tulis_atomik
from ..format_id import waktu_wib
from ..hitung.capaian import PERLU_VERIFIKASI, TERCAPAI, TIDAK_TERCAPAI
from ..muat.parameter import PERIODE
from .sidik import KUNCI_PERIODE

NAMA_BERKAS = "index.html"
FOLDER_REKAP = "rekap"


@dataclass
class BarisIndeks:
    """One satker × period of the index."""

    satker: str
    kunci: str
    """Folder name of the period (``2023``, ``2023-semester-1``)."""
    nama: str = ""
    status: str = "berhasil"
    """``berhasil``, ``gagal`` (no report), or ``gagal; laporan sebelumnya tetap``."""
    waktu: str = ""
    """UTC time of the report shown (ISO)."""
    temuan: dict[str, int] = field(default_factory=dict)
    ikk: int | None = None
    tercapai: int | None = None
    tidak_tercapai: int | None = None
    perlu_verifikasi: int | None = None
    tautan: list[tuple[str, str]] = field(default_factory=list)
    """(label, path relative to out_dir)."""
    notebook: list[str] = field(default_factory=list)
    pesan: str = ""
    log: str = ""

    @property
    def tahun(self) -> int:
        m = KUNCI_PERIODE.match(self.kunci)
        return int(m["tahun"]) if m else 0

    @property
    def ringkas_capaian(self) -> str:
        """``23 dari 26 IKK tercapai; 3 tidak tercapai`` (empty without capaian_ikk.csv)."""
        if self.ikk is None:
            return ""
        teks = f"{self.tercapai} dari {self.ikk} IKK tercapai"
        if self.tidak_tercapai:
            teks += f"; {self.tidak_tercapai} tidak tercapai"
        if self.perlu_verifikasi:
            teks += f"; {self.perlu_verifikasi} perlu verifikasi"
        return teks

    @property
    def ringkas_temuan(self) -> str:
        """``0 error, 96 peringatan, 77 info`` (empty without findings)."""
        if not self.temuan:
            return ""
        t = self.temuan
        return f"{t.get('error', 0)} error, {t.get('peringatan', 0)} peringatan, {t.get('info', 0)} info"

    @property
    def waktu_wib(self) -> str:
        return waktu_wib(self.waktu) if self.waktu else ""

    @property
    def label_periode(self) -> str:
        m = KUNCI_PERIODE.match(self.kunci)
        periode = (m["periode"] if m else None) or "tahunan"
        return f"{PERIODE.get(periode, periode)} {self.tahun}"


def _json(path: Path) -> dict[str, Any] | None:
    try:
        isi = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return isi if isinstance(isi, dict) else None


def _ringkas_capaian(path: Path) -> tuple[int, int, int, int] | None:
    """(IKK, tercapai, tidak tercapai, perlu verifikasi) from ``capaian_ikk.csv``; None when
    unreadable."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            status = [r.get("status", "") for r in csv.DictReader(fh)]
    except (OSError, csv.Error, UnicodeDecodeError):
        return None
    return (
        len(status),
        status.count(TERCAPAI),
        status.count(TIDAK_TERCAPAI),
        status.count(PERLU_VERIFIKASI),
    )


def _iso_mtime(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")


def _baris_laporan(out_dir: Path, folder: Path, rekam: dict[str, Any]) -> BarisIndeks:
    rel = folder.relative_to(out_dir).as_posix()
    b = BarisIndeks(
        satker=folder.parent.name,
        kunci=folder.name,
        nama=str(rekam.get("satker_name") or ""),
        waktu=str(rekam.get("utc_time") or ""),
        temuan={str(k): int(v) for k, v in (rekam.get("findings") or {}).items()},
    )
    for label, nama in (
        ("Laporan (HTML)", "laporan.html"),
        ("PDF", "laporan.pdf"),
        ("Tinjauan", "tinjauan.html"),
        ("Tinjauan (PDF)", "tinjauan.pdf"),
        ("Excel", "tabel.xlsx"),
        ("build.json", "build.json"),
    ):
        if (folder / nama).is_file():
            if nama in (rekam.get("pdf_stale") or []):  # kept by an HTML-only build
                label += " (usang: dari build sebelumnya, belum dicetak ulang)"
            b.tautan.append((label, f"{rel}/{nama}"))
    b.notebook = sorted(f"{rel}/notebooks/{p.name}" for p in (folder / "notebooks").glob("*.ipynb"))
    ringkas = _ringkas_capaian(folder / "capaian_ikk.csv")
    if ringkas:
        b.ikk, b.tercapai, b.tidak_tercapai, b.perlu_verifikasi = ringkas
    return b


def _gagal_batch(out_dir: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """The latest failed entry of every satker-period in the batch records under rekap/."""
    hasil: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted((out_dir / FOLDER_REKAP).glob("*/batch.json")):
        rekam = _json(path)
        if not rekam:
            continue
        for e in rekam.get("hasil") or []:
            if not isinstance(e, dict) or e.get("status") != "gagal":
                continue
            if Path(str(e.get("out_dir") or out_dir)).resolve() != out_dir.resolve():
                continue
            kunci = (str(e.get("satker")), str(e.get("kunci")))
            if kunci not in hasil or str(e.get("waktu_utc")) > str(hasil[kunci].get("waktu_utc")):
                hasil[kunci] = e
    return hasil


def _relatif(out_dir: Path, path: str) -> str:
    """``path`` relative to ``out_dir`` when it lies inside it (for a link), else as is."""
    try:
        return Path(path).resolve().relative_to(out_dir.resolve()).as_posix()
    except ValueError:
        return ""


def _laporan_satker(
    out_dir: Path, folder_satker: Path, baris: dict[tuple[str, str], BarisIndeks]
) -> None:
    """The reports of one satker (folders with a build.json) into ``baris``."""
    for folder in sorted(folder_satker.iterdir()):
        if folder.is_dir() and KUNCI_PERIODE.match(folder.name):
            rekam = _json(folder / "build.json")
            if rekam is not None:
                baris[(folder_satker.name, folder.name)] = _baris_laporan(out_dir, folder, rekam)


def _gagal_satker(
    out_dir: Path, folder_satker: Path, baris: dict[tuple[str, str], BarisIndeks]
) -> None:
    """Failed builds of one satker (``gagal-<kunci>/`` folders) into ``baris``, unless a later
    successful build replaced the failure."""
    for gagal in sorted(folder_satker.glob("gagal-*")):
        kunci = gagal.name.removeprefix("gagal-")
        if not KUNCI_PERIODE.match(kunci):
            continue
        b = baris.get((folder_satker.name, kunci))
        if b is None:
            b = baris[(folder_satker.name, kunci)] = BarisIndeks(folder_satker.name, kunci)
        elif b.waktu > _iso_mtime(gagal):
            continue
        b.status = "gagal" if not b.tautan else "gagal; laporan sebelumnya tetap"
        tb = gagal / "traceback.txt"
        if tb.is_file():
            b.log = tb.relative_to(out_dir).as_posix()


def _gagal_dari_batch(out_dir: Path, baris: dict[tuple[str, str], BarisIndeks]) -> None:
    """Failed entries of the batch records into ``baris``, unless a later build replaced them."""
    for (satker, kunci), e in _gagal_batch(out_dir).items():
        b = baris.get((satker, kunci))
        if b is not None and b.waktu >= str(e.get("waktu_utc")):
            continue
        if b is None:
            b = baris[(satker, kunci)] = BarisIndeks(satker, kunci)
        b.status = "gagal" if not b.tautan else "gagal; laporan sebelumnya tetap"
        b.pesan = str(e.get("pesan") or "")
        b.log = _relatif(out_dir, str(e.get("log") or "")) or b.log


def kumpulkan(out_dir: Path) -> list[BarisIndeks]:
    """Every satker × period under ``out_dir``, sorted by satker then period."""
    out_dir = Path(out_dir)
    baris: dict[tuple[str, str], BarisIndeks] = {}
    if not out_dir.is_dir():
        return []
    for folder_satker in sorted(out_dir.iterdir()):
        if (
            folder_satker.is_dir()
            and not folder_satker.name.startswith((".", "_"))
            and folder_satker.name != FOLDER_REKAP
        ):
            _laporan_satker(out_dir, folder_satker, baris)
            _gagal_satker(out_dir, folder_satker, baris)
    _gagal_dari_batch(out_dir, baris)
    return [baris[k] for k in sorted(baris)]


def _rekap(out_dir: Path) -> list[dict[str, Any]]:
    """Roll-ups under ``rekap/``: name, time, counts and links."""
    from .rekap import rekap_pdf_usang

    hasil = []
    for folder in sorted((out_dir / FOLDER_REKAP).glob("*")):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        rekam = _json(folder / "batch.json") or {}
        tautan: list[tuple[str, str]] = []
        for dok in sorted(folder.glob("*/rekap.html")):
            rel = dok.parent.relative_to(out_dir).as_posix()
            label = BarisIndeks("", dok.parent.name).label_periode
            tautan.append((f"Rekap {label}", f"{rel}/rekap.html"))
            if (dok.parent / "rekap.pdf").is_file():
                label_pdf = "PDF"
                if rekap_pdf_usang(dok.parent):  # kept by batch --tanpa-pdf
                    label_pdf += " (usang: dari build sebelumnya, belum dicetak ulang)"
                tautan.append((label_pdf, f"{rel}/rekap.pdf"))
            if (dok.parent / "rekap.xlsx").is_file():
                tautan.append(("Excel", f"{rel}/rekap.xlsx"))
            nb = sorted((dok.parent / "notebooks").glob("*.ipynb"))
            tautan.extend(("notebook", p.relative_to(out_dir).as_posix()) for p in nb)
        for nama in ("rekap.csv", "rekap_excel.csv", "batch.json"):
            if (folder / nama).is_file():
                tautan.append((nama, f"{FOLDER_REKAP}/{folder.name}/{nama}"))
        hasil.append(
            {
                "nama": folder.name,
                "waktu": str(rekam.get("waktu_utc") or ""),
                "jumlah": rekam.get("jumlah"),
                "gagal": rekam.get("jumlah_gagal"),
                "tautan": tautan,
            }
        )
    return hasil


_CSS = """
body { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; margin: 2rem;
       color: #1a1a1a; font-size: 14px; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
p.ket { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #1f4e79; color: #fff; font-weight: 600; }
tr:nth-child(even) td { background: #f6f8fb; }
td.angka { text-align: right; white-space: nowrap; }
.status-berhasil { color: #2e7d32; font-weight: 600; }
.status-gagal { color: #c62828; font-weight: 600; }
.pesan { color: #c62828; font-size: .85rem; }
a { color: #1f4e79; } .tautan a { margin-right: .6rem; white-space: nowrap; }
details summary { cursor: pointer; color: #1f4e79; }
.kosong { color: #777; font-style: italic; }
"""


def render_indeks(out_dir: Path) -> str:
    """The HTML of the index page (see the module docstring; ``templates/dokumen/indeks.html.j2``)."""
    # here, not at the top: a build that reuses its report (and writes only this page)
    # imports no renderer until now
    from ..keluaran.html import CSP, lingkungan_template

    rekap = _rekap(Path(out_dir))
    for r in rekap:
        r["waktu"] = waktu_wib(r["waktu"]) if r["waktu"] else ""
    return (
        lingkungan_template()
        .get_template("dokumen/indeks.html.j2")
        .render(
            csp=CSP,
            css=_CSS,
            waktu=waktu_wib(datetime.now(UTC)),
            baris=kumpulkan(out_dir),
            rekap=rekap,
        )
    )


def tulis_indeks(out_dir: Path) -> Path:
    """Write ``out_dir/index.html`` atomically; return its path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return tulis_atomik(
        out_dir / NAMA_BERKAS, lambda p: p.write_text(render_indeks(out_dir), encoding="utf-8")
    )
