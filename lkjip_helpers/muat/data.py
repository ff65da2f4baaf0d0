"""Load and validate all data files of one satker and year (``DataLaporan``)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import DataError, ParameterError
from . import skema as s
from .berkas import baca_yaml, baris_untuk, muat_berkas, validasi
from .parameter import validasi_parameter

BERKAS_TAHUN: dict[str, type[BaseModel]] = {
    "profil": s.Profil,
    "kinerja": s.Kinerja,
    "anggaran": s.Anggaran,
    "evaluasi": s.Evaluasi,
    "narasi": s.Narasi,
    "lampiran": s.Lampiran,
    "klaim": s.DaftarKlaim,
    "tanggapan": s.DaftarTanggapan,
}
WAJIB_TAHUN_INI = ("profil", "kinerja", "anggaran")


@dataclass
class DataTahun:
    """The validated files of one year; ``None`` where a file is absent."""

    tahun: int
    folder: Path
    profil: s.Profil | None = None
    kinerja: s.Kinerja | None = None
    anggaran: s.Anggaran | None = None
    evaluasi: s.Evaluasi | None = None
    narasi: s.Narasi | None = None
    lampiran: s.Lampiran | None = None
    klaim: s.DaftarKlaim | None = None
    tanggapan: s.DaftarTanggapan | None = None
    berkas: dict[str, Path] = field(default_factory=dict)
    mentah: dict[str, Any] = field(default_factory=dict)
    """Parsed YAML trees (with line information) by file name, for locating findings."""

    def baris(self, nama: str, *loc: int | str) -> int | None:
        """1-based line in ``<nama>.yaml`` of the node at ``loc`` (None if unknown)."""
        if nama not in self.mentah:
            return None
        return baris_untuk(self.mentah[nama], tuple(loc))


@dataclass
class DataLaporan:
    """Everything needed to compute one satker's LKjIP for one year."""

    data_dir: Path
    satker: s.Satker
    katalog: s.Katalog
    sasaran: dict[str, s.SasaranDef]
    indikator: dict[str, s.IndikatorDef]
    ini: DataTahun
    lalu: DataTahun | None
    berkas_satker: Path
    berkas_katalog: Path

    @property
    def tahun(self) -> int:
        return self.ini.tahun

    def semua_berkas(self) -> list[Path]:
        """All input files used (for checksums in build.json)."""
        paths = [self.berkas_satker, self.berkas_katalog, *self.ini.berkas.values()]
        if self.lalu:
            paths.extend(self.lalu.berkas.values())
        return paths


def _muat_tahun(folder: Path, tahun: int, wajib: tuple[str, ...]) -> DataTahun:
    dt = DataTahun(tahun=tahun, folder=folder)
    for nama, model in BERKAS_TAHUN.items():
        path = folder / f"{nama}.yaml"
        if not path.exists():
            if nama in wajib:
                raise DataError(str(path), f"berkas wajib untuk tahun {tahun} tidak ditemukan")
            continue
        mentah = baca_yaml(path)
        setattr(dt, nama, validasi(model, mentah, path))
        dt.berkas[nama] = path
        dt.mentah[nama] = mentah
    return dt


MAKS_GAMBAR = 8 * 1024 * 1024
"""Largest image file embedded in a report (bytes)."""


def jenis_gambar(isi: bytes) -> str | None:
    """The mimetype of PNG, JPEG or SVG content (by its first bytes), else None."""
    if isi.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if isi.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    awal = isi[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if awal.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in isi[:4096].lower():
        return "image/svg+xml"
    return None


_SVG_AKTIF = re.compile(
    rb"<\s*(?:script|foreignobject|iframe|object|embed)\b|\son[a-z]+\s*=|"
    rb"(?:href|src)\s*=\s*[\"']\s*(?!#|data:image/)",
    re.IGNORECASE,
)


def path_gambar(folder_satker: Path, berkas: str) -> Path:
    """The image file ``berkas`` (relative to the satker's folder), after checking that it
    stays inside that folder (symlinks resolved), exists, is a PNG, JPEG or SVG without
    active content, and is not too large. Raises DataError (without the file's path in a
    form that leaks anything outside the data folder)."""
    dasar = folder_satker.resolve()
    calon = (folder_satker / berkas).resolve()
    if not calon.is_relative_to(dasar):
        raise DataError(berkas, "berkas gambar harus berada di dalam folder satker")
    if not calon.is_file():
        raise DataError(berkas, "berkas gambar tidak ditemukan di folder satker")
    if calon.stat().st_size > MAKS_GAMBAR:
        raise DataError(berkas, f"berkas gambar lebih besar dari {MAKS_GAMBAR // (1024 * 1024)} MB")
    isi = calon.read_bytes()
    jenis = jenis_gambar(isi)
    if jenis is None:
        raise DataError(berkas, "bukan gambar PNG, JPEG atau SVG")
    if jenis == "image/svg+xml" and _SVG_AKTIF.search(isi):
        raise DataError(
            berkas, "SVG memuat skrip, penanganan peristiwa atau rujukan ke berkas/alamat lain"
        )
    return calon


def _cek_gambar(folder_satker: Path, dt: DataTahun) -> None:
    """Every image listed in lampiran.yaml exists, is allowed and stays in the satker folder."""
    if dt.lampiran is None:
        return
    masalah = []
    kunci: set[str] = set()
    for i, g in enumerate(dt.lampiran.gambar):
        baris = dt.baris("lampiran", "gambar", i, "berkas")
        tempat = (f"baris {baris}, " if baris else "") + f"gambar[{i + 1}].berkas"
        if g.kunci in kunci:
            masalah.append(f"{tempat}: kunci {g.kunci!r} dipakai lebih dari sekali")
        kunci.add(g.kunci)
        try:
            path_gambar(folder_satker, g.berkas)
        except DataError as err:
            masalah.append(f"{tempat}: {err.pesan} ({g.berkas!r})")
    if masalah:
        raise DataError(
            str(dt.berkas["lampiran"]), "gambar tidak dapat dipakai:\n  - " + "\n  - ".join(masalah)
        )


def _cek_katalog(katalog: s.Katalog, path: Path) -> None:
    kode_sasaran = [x.kode for x in katalog.sasaran]
    ganda = {k for k in kode_sasaran if kode_sasaran.count(k) > 1}
    if ganda:
        raise DataError(str(path), f"kode sasaran ganda: {', '.join(sorted(ganda))}")
    kode_ikk = [x.kode for x in katalog.indikator]
    ganda = {k for k in kode_ikk if kode_ikk.count(k) > 1}
    if ganda:
        raise DataError(str(path), f"kode indikator ganda: {', '.join(sorted(ganda))}")
    for i, ind in enumerate(katalog.indikator, start=1):
        if ind.sasaran not in kode_sasaran:
            raise DataError(
                str(path),
                f"sasaran {ind.sasaran!r} tidak ada di daftar sasaran katalog",
                f"indikator[{i}] ({ind.kode})",
            )


def muat_laporan(satker: str, tahun: int | str, data_dir: str | Path = "data") -> DataLaporan:
    """Load and validate all data of ``satker`` for ``tahun`` (and ``tahun - 1`` if present)."""
    satker, tahun = validasi_parameter(satker, tahun)
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise ParameterError(f"folder data {str(data_dir)!r} tidak ditemukan")
    folder_satker = data_dir / "satker" / satker
    path_satker = folder_satker / "satker.yaml"
    if not path_satker.exists():
        tersedia = sorted(p.name for p in (data_dir / "satker").glob("*") if p.is_dir())
        saran = f"; satker yang tersedia: {', '.join(tersedia)}" if tersedia else ""
        raise DataError(str(path_satker), f"satker {satker!r} tidak ditemukan{saran}")
    sk = muat_berkas(s.Satker, path_satker)
    if sk.id != satker:
        raise DataError(
            str(path_satker), f"id {sk.id!r} tidak sama dengan nama folder {satker!r}", "field id"
        )
    path_katalog = data_dir / "katalog" / f"{sk.katalog}.yaml"
    if not path_katalog.exists():
        raise DataError(
            str(path_satker),
            f"katalog {sk.katalog!r} tidak ditemukan di {data_dir / 'katalog'}",
            "field katalog",
        )
    katalog = muat_berkas(s.Katalog, path_katalog)
    _cek_katalog(katalog, path_katalog)
    sasaran = {x.kode: x for x in katalog.sasaran}
    indikator = {x.kode: x for x in katalog.indikator}
    for i, ind in enumerate(sk.indikator_tambahan, start=1):
        if ind.sasaran not in sasaran:
            raise DataError(
                str(path_satker),
                f"sasaran {ind.sasaran!r} tidak ada di katalog",
                f"indikator_tambahan[{i}]",
            )
        indikator[ind.kode] = ind
    folder_ini = folder_satker / str(tahun)
    if not folder_ini.is_dir():
        tersedia = sorted(p.name for p in folder_satker.glob("[0-9]" * 4) if p.is_dir())
        raise DataError(
            str(folder_ini),
            f"data tahun {tahun} belum ada"
            + (f"; tahun yang tersedia: {', '.join(tersedia)}" if tersedia else ""),
        )
    ini = _muat_tahun(folder_ini, tahun, WAJIB_TAHUN_INI)
    _cek_gambar(folder_satker, ini)
    folder_lalu = folder_satker / str(tahun - 1)
    lalu = _muat_tahun(folder_lalu, tahun - 1, ()) if folder_lalu.is_dir() else None
    return DataLaporan(
        data_dir=data_dir,
        satker=sk,
        katalog=katalog,
        sasaran=sasaran,
        indikator=indikator,
        ini=ini,
        lalu=lalu,
        berkas_satker=path_satker,
        berkas_katalog=path_katalog,
    )


def _sidik(satker: str, tahun: int, data_dir: Path) -> tuple[tuple[str, float], ...]:
    """mtimes of the files that could be loaded, so the cache notices edits."""
    folder = data_dir / "satker" / satker
    paths = [
        *folder.glob("satker.yaml"),
        *folder.glob(f"{tahun}/*.yaml"),
        *folder.glob(f"{tahun - 1}/*.yaml"),
        *(data_dir / "katalog").glob("*.yaml"),
    ]
    return tuple(sorted((str(p), p.stat().st_mtime) for p in paths))


@functools.lru_cache(maxsize=8)
def _muat_cache(satker: str, tahun: int, data_dir: str, sidik: tuple) -> DataLaporan:
    return muat_laporan(satker, tahun, data_dir)


def muat(satker: str, tahun: int | str, data_dir: str | Path = "data") -> DataLaporan:
    """Cached :func:`muat_laporan` (re-reads when a data file changes)."""
    satker, tahun = validasi_parameter(satker, tahun)
    d = Path(data_dir).resolve()
    return _muat_cache(satker, tahun, str(d), _sidik(satker, tahun, d))
