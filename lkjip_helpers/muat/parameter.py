"""Validation of run parameters before any file is opened."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import ParameterError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TAHUN = re.compile(r"^\d{4}$")
TAHUN_PALING_AWAL, TAHUN_PALING_AKHIR = 1990, 2100
"""Range of report years accepted (also by batch manifests)."""

PERIODE: dict[str, str] = {
    "tahunan": "Tahunan",
    "semester-1": "Semester I",
    "semester-2": "Semester II",
    "triwulan-1": "Triwulan I",
    "triwulan-2": "Triwulan II",
    "triwulan-3": "Triwulan III",
    "triwulan-4": "Triwulan IV",
}
"""Report periods: id (used in folder names and the ``periode`` parameter) → label."""


def validasi_satker(satker: str) -> str:
    """Return ``satker`` if it is a slug (lowercase letters, digits, single hyphens)."""
    if not isinstance(satker, str) or not SLUG.fullmatch(satker) or len(satker) > 64:
        raise ParameterError(
            f"id satker {satker!r} tidak sah: gunakan huruf kecil, angka dan tanda hubung "
            "(contoh: lapas-banyuasin)"
        )
    return satker


def validasi_tahun(tahun: int | str) -> int:
    """Return ``tahun`` as int if it is a four-digit year in the accepted range."""
    teks = str(tahun).strip()
    if not TAHUN.fullmatch(teks):
        tampil = repr(tahun) if len(repr(tahun)) <= 24 else repr(str(tahun)[:20]) + "…"
        raise ParameterError(f"tahun {tampil} tidak sah: harus empat digit, contoh 2023")
    if not TAHUN_PALING_AWAL <= int(teks) <= TAHUN_PALING_AKHIR:
        raise ParameterError(
            f"tahun {teks} di luar rentang: harus antara {TAHUN_PALING_AWAL} dan "
            f"{TAHUN_PALING_AKHIR}, contoh 2023"
        )
    return int(teks)


def validasi_periode(periode: str) -> str:
    """Return ``periode`` if it is one of :data:`PERIODE` (``tahunan``, ``semester-1`` …)."""
    if not isinstance(periode, str) or periode.strip().lower() not in PERIODE:
        raise ParameterError(
            f"periode {periode!r} tidak sah: pilih salah satu dari {', '.join(PERIODE)}"
        )
    return periode.strip().lower()


def kunci_periode(tahun: int | str, periode: str = "tahunan") -> str:
    """Folder name of a report period: ``2023`` (tahunan) or ``2022-semester-1``.

    The same name is used under ``data/satker/<satker>/`` and ``outputs/<satker>/``.
    """
    t, p = validasi_tahun(tahun), validasi_periode(periode)
    return str(t) if p == "tahunan" else f"{t}-{p}"


_KUNCI_PERIODE = re.compile(
    r"^(?P<tahun>\d{4})(?:-(?P<periode>"
    + "|".join(re.escape(p) for p in PERIODE if p != "tahunan")
    + r"))?$"
)


def urai_kunci_periode(kunci: str) -> tuple[int, str] | None:
    """The inverse of :func:`kunci_periode`: ``2022-semester-1`` → ``(2022, "semester-1")``;
    ``None`` for a name that is not a period key (another folder)."""
    m = _KUNCI_PERIODE.fullmatch(kunci)
    if m is None:
        return None
    return int(m["tahun"]), m["periode"] or "tahunan"


def validasi_parameter(satker: str, tahun: int | str) -> tuple[str, int]:
    """Validate both run parameters; raises :class:`ParameterError` in Bahasa Indonesia."""
    return validasi_satker(satker), validasi_tahun(tahun)


def folder_tahun(data_dir: str | Path, satker: str, tahun: int | str) -> Path:
    """``<data_dir>/satker/<satker>/<tahun>`` after validating the parameters."""
    s, t = validasi_parameter(satker, tahun)
    return Path(data_dir) / "satker" / s / str(t)


def validasi_folder_data(data_dir: str | Path) -> Path:
    """``data_dir`` as a :class:`~pathlib.Path` if it is an existing folder."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise ParameterError(f"folder data {str(data_dir)!r} tidak ditemukan")
    return data_dir


def validasi_laporan(
    data_dir: str | Path, satker: str, tahun: int | str, periode: str
) -> tuple[str, int, str, Path]:
    """The parameters of one report, validated in this order: satker, tahun, periode, and the
    data folder (which must exist). Returns ``(satker, tahun, periode, data_dir)``."""
    satker, th = validasi_parameter(satker, tahun)
    periode = validasi_periode(periode)
    return satker, th, periode, validasi_folder_data(data_dir)


BATAS_WAKTU_SEL = 600
"""Default seconds a single notebook cell may run before the build fails."""
ENV_BATAS_WAKTU_SEL = "LKJIP_BATAS_WAKTU_SEL"
"""Environment variable overriding :data:`BATAS_WAKTU_SEL` (whole seconds)."""


def batas_waktu_sel(nilai: int | str | None = None) -> int:
    """Seconds a cell may run: ``nilai`` if given, else ``$LKJIP_BATAS_WAKTU_SEL``, else 600."""
    asal = "batas waktu sel"
    if nilai is None:
        nilai = os.environ.get(ENV_BATAS_WAKTU_SEL) or None
        asal = ENV_BATAS_WAKTU_SEL
    if nilai is None:
        return BATAS_WAKTU_SEL
    try:
        detik = int(str(nilai).strip())
    except ValueError:
        detik = 0
    if not 1 <= detik <= 86_400:
        raise ParameterError(
            f"{asal} {str(nilai)[:20]!r} tidak sah: harus bilangan bulat detik antara 1 dan 86400"
        )
    return detik
