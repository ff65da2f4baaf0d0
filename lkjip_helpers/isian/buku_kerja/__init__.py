"""The data-entry workbook: Excel in, canonical YAML out, and back.

Analysts fill a workbook; the tool keeps YAML as the reviewed source of record. Three entry
points (the ``lkjip templat``, ``lkjip ekspor`` and ``lkjip impor`` commands):

- :func:`tulis_templat` — an empty workbook for a satker and report period, IKK rows prefilled
  from the catalog (with their formula wording), optionally carrying a previous period's
  descriptions and narratives forward;
- :func:`tulis_ekspor` — the same layout holding the period's current data;
- :func:`impor` — read a workbook, check **everything** (cell types, Indonesian numbers,
  codes, duplicated rows, the schema of every file, the rules across files) and, only when no
  error remains, write the changed YAML files (comments and key order kept; an unchanged field
  is not touched). Every problem names its sheet and cell.

Layout: :mod:`.tata_letak`; cells: :mod:`.sel`; reading: :mod:`.baca`; YAML merging and
writing: :mod:`.simpan`; opening a file safely: :mod:`.buka`. The workbook does not carry
``lampiran.yaml``, the supporting tables of an IKK, ``pengaturan`` of satker.yaml nor the
catalog; an import leaves them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import DataError, ParameterError
from ...muat import skema as s
from ...muat.berkas import baca_yaml, muat_berkas, path_dalam
from ...muat.jurnal import pulihkan
from ...muat.parameter import kunci_periode, validasi_folder_data
from . import tata_letak
from .baca import Identitas, KonteksData, Masalah, baca_identitas, baca_isi
from .buka import buka
from .simpan import (
    RencanaBerkas,
    path_berkas,
    periksa,
    peringatan_dihapus,
    rencanakan,
    terapkan,
)
from .tulis import buat_buku_kerja, siapkan, simpan_buku_kerja

__all__ = [
    "GalatImpor",
    "HasilBukuKerja",
    "HasilImpor",
    "Identitas",
    "Masalah",
    "impor",
    "tata_letak",
    "tulis_ekspor",
    "tulis_templat",
]


class GalatImpor(DataError):
    """The workbook has problems; nothing was written. ``masalah`` lists every one."""

    exit_code = 1

    def __init__(self, berkas: str, masalah: list[Masalah]) -> None:
        self.masalah = masalah
        galat = [m for m in masalah if m.tingkat == "error"]
        butir = "\n".join(f"  - {m}" for m in galat)
        super().__init__(
            berkas,
            f"{len(galat)} masalah ditemukan; tidak ada berkas yang ditulis. Perbaiki semuanya "
            f"lalu impor lagi:\n{butir}",
        )


@dataclass
class HasilBukuKerja:
    """A workbook written by :func:`tulis_templat` or :func:`tulis_ekspor`."""

    path: Path
    catatan: list[str] = field(default_factory=list)


@dataclass
class HasilImpor:
    """What :func:`impor` checked (and wrote, unless ``periksa``)."""

    identitas: Identitas
    berkas: list[RencanaBerkas]
    peringatan: list[Masalah]
    catatan: list[str]
    ditulis: bool


def _keluaran(
    satker: str,
    tahun: int | str,
    periode: str,
    keluaran: str | Path | None,
    awalan: str,
    data_dir: str | Path,
) -> Path:
    """The workbook's path: ``keluaran``, or ``<awalan>-<satker>-<kunci>.xlsx`` in the working
    folder; never inside the data folder (lkjip writes nothing there but ``impor``)."""
    path = (
        Path(keluaran)
        if keluaran is not None
        else Path(f"{awalan}-{satker}-{kunci_periode(tahun, periode)}.xlsx")
    )
    try:
        di_dalam = path.resolve().is_relative_to(Path(data_dir).resolve())
    except (OSError, ValueError, RuntimeError):
        di_dalam = False
    if di_dalam:
        raise ParameterError(
            f"buku kerja {str(path)!r} akan berada di dalam folder data {str(data_dir)!r}; "
            "simpan di luar folder data (--keluaran)"
        )
    return path


def tulis_templat(
    data_dir: str | Path,
    satker: str,
    tahun: int | str,
    periode: str = "tahunan",
    *,
    dari_tahun: int | str | None = None,
    dari_periode: str = "tahunan",
    katalog: str | None = None,
    keluaran: str | Path | None = None,
    timpa: bool = False,
) -> HasilBukuKerja:
    """Write the empty workbook of a report period (default ``isian-<satker>-<kunci>.xlsx``)."""
    dari = (dari_tahun, dari_periode) if dari_tahun is not None else None
    sb = siapkan(data_dir, satker, tahun, periode, jenis="templat", dari=dari, katalog=katalog)
    path = simpan_buku_kerja(
        buat_buku_kerja(sb),
        _keluaran(sb.satker, sb.tahun, sb.periode, keluaran, "isian", data_dir),
        timpa,
    )
    return HasilBukuKerja(path, sb.catatan)


def tulis_ekspor(
    data_dir: str | Path,
    satker: str,
    tahun: int | str,
    periode: str = "tahunan",
    *,
    keluaran: str | Path | None = None,
    timpa: bool = False,
) -> HasilBukuKerja:
    """Write the period's current data in the workbook layout (default
    ``data-<satker>-<kunci>.xlsx``)."""
    sb = siapkan(data_dir, satker, tahun, periode, jenis="ekspor")
    path = simpan_buku_kerja(
        buat_buku_kerja(sb),
        _keluaran(sb.satker, sb.tahun, sb.periode, keluaran, "data", data_dir),
        timpa,
    )
    catatan = [
        "tidak ada di buku kerja (impor membiarkannya apa adanya): "
        + "; ".join(tata_letak.TIDAK_DIBAWA)
    ]
    return HasilBukuKerja(path, sb.catatan + catatan)


def _asal_katalog() -> str:
    return f"buku kerja, lembar {tata_letak.LEMBAR_INFO}, katalog"


def _konteks(data_dir: Path, ident: Identitas) -> tuple[KonteksData, Path]:
    path_katalog = path_dalam(data_dir / "katalog", f"{ident.katalog}.yaml", asal=_asal_katalog())
    if not path_katalog.is_file():
        raise DataError(
            str(path_katalog),
            f"katalog {ident.katalog!r} (dipakai saat buku kerja dibuat) tidak ditemukan di "
            f"{data_dir / 'katalog'}",
        )
    kat = muat_berkas(s.Katalog, path_katalog, akar=data_dir)
    mentah: dict[str, Any] = {}
    for nama in tata_letak.BERKAS:
        path = path_berkas(data_dir, ident.satker, ident.kunci, nama)
        if path.is_file() or path.is_symlink():
            mentah[nama] = baca_yaml(path, data_dir)
    sk = mentah.get("satker")
    if isinstance(sk, dict) and sk.get("katalog") not in (None, ident.katalog):
        raise DataError(
            str(path_berkas(data_dir, ident.satker, ident.kunci, "satker")),
            f"satker memakai katalog {sk.get('katalog')!r}, buku kerja dibuat dengan katalog "
            f"{ident.katalog!r}; buat ulang buku kerja dengan lkjip ekspor",
        )
    return KonteksData(kat, mentah), path_katalog


def _urut(m: Masalah) -> tuple[int, int, int, str]:
    import re

    urutan = {n: i for i, n in enumerate(tata_letak.NAMA_LEMBAR)}
    baris = kolom = 0
    if m.sel:
        cocok = re.match(r"([A-Z]+)(\d+)", m.sel)
        if cocok:
            from openpyxl.utils import column_index_from_string

            kolom, baris = column_index_from_string(cocok[1]), int(cocok[2])
    return (urutan.get(m.lembar or "", 999 if m.lembar else -1), baris, kolom, m.pesan)


def impor(
    berkas: str | Path, data_dir: str | Path = "data", *, periksa_saja: bool = False
) -> HasilImpor:
    """Check ``berkas`` and (unless ``periksa_saja``) write its data under ``data_dir``.

    Raises :class:`GalatImpor` listing every problem (nothing written), or
    :class:`~lkjip_helpers.errors.DataError` when the file is not a readable workbook.
    """
    data_dir = validasi_folder_data(data_dir)
    bk = buka(berkas)
    ident, masalah = baca_identitas(bk)
    if ident is None:
        raise GalatImpor(str(berkas), masalah)
    pulihkan(data_dir / "satker" / ident.satker)  # an import killed half-way: finished first
    konteks, path_katalog = _konteks(data_dir, ident)
    path_satker = path_berkas(data_dir, ident.satker, ident.kunci, "satker")
    isi = baca_isi(bk, ident, konteks, path_satker)
    isi.masalah[:0] = masalah
    rencana, m2 = rencanakan(isi, data_dir)
    isi.masalah += m2
    isi.masalah += peringatan_dihapus(isi, konteks.mentah)
    bersih = not any(m.tingkat == "error" for m in isi.masalah)
    isi.masalah += periksa(isi, rencana, data_dir, path_katalog, lintas_berkas=bersih)
    isi.masalah.sort(key=_urut)
    if any(m.tingkat == "error" for m in isi.masalah):
        raise GalatImpor(str(berkas), isi.masalah)
    if not periksa_saja:
        terapkan(rencana, data_dir, ident.satker)
    peringatan = [m for m in isi.masalah if m.tingkat != "error"]
    return HasilImpor(ident, rencana, peringatan, isi.catatan, not periksa_saja)
