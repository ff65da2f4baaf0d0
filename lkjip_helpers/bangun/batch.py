"""Batch runs for operators: many satkers and years from one YAML manifest, plus a roll-up.

The manifest (``params/*.yaml``) is validated before any kernel starts::

    data_dir: data            # optional
    out_dir: outputs          # optional
    pdf: true                 # optional
    laporan:
      - {satker: lapas-banyuasin, tahun: 2023}

Outputs per entry follow ``<out_dir>/<satker>/<tahun>/``; the roll-up and the run record go to
``<out_dir>/rekap/<manifest name>/`` (``rekap.csv``, ``batch.json``).
"""

from __future__ import annotations

import csv
import hashlib
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from .. import format_id as f
from ..errors import LkjipError
from ..hitung import hitung
from ..muat import baca_yaml, muat_laporan, validasi
from ..periksa import hitung_tingkat, periksa_data


class EntriManifest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    satker: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    tahun: int = Field(ge=1990, le=2100)


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    data_dir: str = "data"
    out_dir: str = "outputs"
    pdf: bool = True
    laporan: list[EntriManifest] = Field(min_length=1)


@dataclass
class HasilEntri:
    satker: str
    tahun: int
    status: str  # "berhasil" | "gagal" | "diperiksa"
    pesan: str = ""
    detik: float = 0.0
    ringkas: dict[str, object] = field(default_factory=dict)


def muat_manifest(path: Path) -> Manifest:
    """Read and validate a manifest; errors name the file, line and field (Indonesian)."""
    return validasi(Manifest, baca_yaml(path), path)


def _ringkas(satker: str, tahun: int, data_dir: Path) -> dict[str, object]:
    """Roll-up figures of one satker-year (computed from data, independent of the build)."""
    data = muat_laporan(satker, tahun, data_dir)
    h = hitung(data)
    n = hitung_tingkat(periksa_data(data))
    ang = h.anggaran.total if h.anggaran else None
    return {
        "satker": satker,
        "nama": data.satker.nama_singkat,
        "tahun": tahun,
        "jumlah_ikk": len(h.ikk),
        "ikk_tercapai": len(h.tercapai),
        "ikk_tidak_tercapai": len(h.tidak_tercapai),
        "pagu": f.bulatkan(ang.pagu, 0) if ang else "",
        "realisasi": f.bulatkan(ang.realisasi, 0) if ang and ang.realisasi is not None else "",
        "penyerapan_persen": f.bulatkan(ang.penyerapan, 2) if ang and ang.penyerapan else "",
        "nilai_smart": f.bulatkan(h.smart.nilai, 2) if h.smart else "",
        "nilai_ikpa": f.bulatkan(h.ikpa.nilai, 2) if h.ikpa else "",
        "nilai_kinerja_anggaran": f.bulatkan(h.nka.nilai, 2) if h.nka else "",
        "temuan_error": n["error"],
        "temuan_peringatan": n["peringatan"],
    }


def jalankan(
    manifest_path: Path,
    *,
    only: list[str] | None = None,
    limit: int | None = None,
    continue_on_error: bool = False,
    no_execute: bool = False,
    abaikan_pemeriksaan: bool = False,
    progress: bool = False,
) -> list[HasilEntri]:
    """Run every manifest entry; stop at the first failure unless ``continue_on_error``."""
    m = muat_manifest(manifest_path)
    entri = [e for e in m.laporan if not only or e.satker in only]
    if limit is not None:
        entri = entri[:limit]
    data_dir, out_dir = Path(m.data_dir), Path(m.out_dir)
    hasil: list[HasilEntri] = []
    for e in entri:
        t0 = time.perf_counter()
        try:
            ringkas = _ringkas(e.satker, e.tahun, data_dir)
            if not no_execute:
                from .susun import build

                build(
                    e.satker,
                    e.tahun,
                    data_dir,
                    out_dir,
                    pdf=m.pdf,
                    abaikan_pemeriksaan=abaikan_pemeriksaan,
                    progress=progress,
                )
            hasil.append(
                HasilEntri(
                    e.satker,
                    e.tahun,
                    "diperiksa" if no_execute else "berhasil",
                    detik=time.perf_counter() - t0,
                    ringkas=ringkas,
                )
            )
        except LkjipError as err:
            hasil.append(HasilEntri(e.satker, e.tahun, "gagal", str(err), time.perf_counter() - t0))
            if not continue_on_error:
                break
    _tulis_rekap(manifest_path, out_dir, hasil)
    return hasil


def _tulis_rekap(manifest_path: Path, out_dir: Path, hasil: list[HasilEntri]) -> Path:
    folder = out_dir / "rekap" / manifest_path.stem
    folder.mkdir(parents=True, exist_ok=True)
    baris = [h.ringkas for h in hasil if h.ringkas]
    if baris:
        tmp = folder / ".rekap.csv.tmp"
        with tmp.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(baris[0]))
            w.writeheader()
            w.writerows(baris)
        tmp.replace(folder / "rekap.csv")
    catatan = {
        "alat": f"lkjip {__version__}",
        "waktu_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "manifest": str(manifest_path),
        "sha256_manifest": hashlib.sha256(manifest_path.read_bytes()).hexdigest(),
        "jumlah": len(hasil),
        "jumlah_gagal": sum(h.status == "gagal" for h in hasil),
        "hasil": [
            {
                "satker": h.satker,
                "tahun": h.tahun,
                "status": h.status,
                "pesan": h.pesan,
                "detik": round(h.detik, 2),
            }
            for h in hasil
        ],
    }
    (folder / "batch.json").write_text(
        json.dumps(catatan, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return folder
