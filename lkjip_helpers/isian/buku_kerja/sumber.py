"""What the data-entry workbook is made from (:func:`siapkan`): the catalog, satker.yaml and
a period's files as written, read leniently (raw YAML, not validated) so that an export of a
half-filled scaffold works; and what a new period's template carries forward from an earlier
one (:func:`bawa_maju`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ...errors import DataError, ParameterError
from ...muat import skema as s
from ...muat.berkas import baca_yaml, muat_berkas, path_dalam
from ...muat.parameter import PERIODE, kunci_periode, validasi_laporan
from . import tata_letak as t


@dataclass
class SumberBukuKerja:
    """What a workbook is made from."""

    satker: str
    tahun: int
    periode: str
    katalog: s.Katalog
    indikator: dict[str, s.IndikatorDef]
    mentah: dict[str, Any]
    """Raw YAML per file (``satker``, ``profil``, ``kinerja`` …) the sheets are filled from."""
    jenis: str
    """``templat`` or ``ekspor``."""
    catatan: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- sources


def ambil(d: Any, jalur: tuple[Any, ...]) -> Any:
    for k in jalur:
        if isinstance(d, dict):
            d = d.get(k)
        elif isinstance(d, list) and isinstance(k, int) and 0 <= k < len(d):
            d = d[k]
        else:
            return None
    return d


def _pilih_katalog(data_dir: Path, sk: Any, katalog: str | None) -> str:
    dari_satker = sk.get("katalog") if isinstance(sk, dict) else None
    if isinstance(dari_satker, str) and dari_satker.strip():
        if katalog is not None and katalog != dari_satker.strip():
            raise ParameterError(
                f"satker sudah memakai katalog {dari_satker.strip()!r} (satker.yaml), bukan {katalog!r}"
            )
        return dari_satker.strip()
    if katalog is not None:
        return katalog
    tersedia = sorted(p.stem for p in (data_dir / "katalog").glob("*.yaml"))
    if len(tersedia) != 1:
        raise ParameterError(
            "pilih katalog dengan --katalog"
            + (f"; katalog yang tersedia: {', '.join(tersedia)}" if tersedia else "")
        )
    return tersedia[0]


def _baca_folder(folder: Path, akar: Path | None = None) -> dict[str, Any]:
    mentah: dict[str, Any] = {}
    for nama in t.BERKAS:
        if nama == "satker":
            continue
        path = folder / f"{nama}.yaml"
        if path.is_file() or path.is_symlink():
            mentah[nama] = baca_yaml(path, akar)
    return mentah


def siapkan(
    data_dir: str | Path,
    satker: str,
    tahun: int | str,
    periode: str = "tahunan",
    *,
    jenis: str,
    dari: tuple[int | str, str] | None = None,
    katalog: str | None = None,
) -> SumberBukuKerja:
    """Read what the workbook needs: the catalog, satker.yaml and the source period's files
    (the report period itself for ``ekspor``; ``dari`` = (year, period) to carry forward for
    ``templat``)."""
    satker, th, periode, data_dir = validasi_laporan(data_dir, satker, tahun, periode)
    folder_satker = data_dir / "satker" / satker
    path_satker = folder_satker / "satker.yaml"
    sk = baca_yaml(path_satker, data_dir) if path_satker.is_file() else None
    if jenis == "ekspor" and sk is None:
        raise DataError(
            str(path_satker),
            f"satker {satker!r} belum ada; buat dengan lkjip satker-baru atau lkjip templat",
        )
    id_katalog = _pilih_katalog(data_dir, sk, katalog)
    path_katalog = path_dalam(data_dir / "katalog", f"{id_katalog}.yaml", asal=str(path_satker))
    if not path_katalog.is_file():
        raise ParameterError(f"katalog {id_katalog!r} tidak ditemukan di {data_dir / 'katalog'}")
    kat = muat_berkas(s.Katalog, path_katalog, akar=data_dir)
    indikator = _indikator(kat, sk, path_satker)
    catatan: list[str] = []
    kunci = kunci_periode(th, periode)
    if jenis == "ekspor":
        folder = folder_satker / kunci
        if not folder.is_dir():
            raise DataError(
                str(folder),
                f"data {PERIODE[periode]} {th} belum ada; buat buku kerja kosong dengan lkjip templat",
            )
        mentah = _baca_folder(folder, data_dir)
    else:
        mentah = {}
        if dari is not None:
            kunci_dari = kunci_periode(dari[0], dari[1])
            folder = folder_satker / kunci_dari
            if not folder.is_dir():
                raise DataError(str(folder), f"data periode sumber {kunci_dari} tidak ada")
            mentah = bawa_maju(_baca_folder(folder, data_dir))
            catatan.append(
                f"isian dibawa dari {kunci_dari}: profil, daftar, bangunan, kepegawaian, "
                "organisasi, tugas-fungsi, daftar IKK dan narasinya, program anggaran, teks bab; "
                "target, realisasi, angka anggaran, nilai evaluasi, tanggapan dan klaim dikosongkan"
            )
        if (folder_satker / kunci).is_dir() and _ada_isian(
            _baca_folder(folder_satker / kunci, data_dir)
        ):
            catatan.append(
                f"folder {folder_satker / kunci} sudah berisi data: impor akan menimpa field yang "
                "ada di buku kerja ini; untuk menyunting data yang ada pakai lkjip ekspor"
            )
    mentah["satker"] = sk if isinstance(sk, dict) else {"id": satker, "katalog": id_katalog}
    return SumberBukuKerja(satker, th, periode, kat, indikator, mentah, jenis, catatan)


def _ada_isian(x: Any, kunci: Any = None) -> bool:
    """Whether raw YAML holds any value a person entered (a fresh scaffold holds none: only
    IKK codes and the period)."""
    if isinstance(x, dict):
        return any(_ada_isian(v, k) for k, v in x.items())
    if isinstance(x, list):
        return any(_ada_isian(v, kunci) for v in x)
    return x is not None and kunci not in ("kode", "periode", "bulan_terakhir")


def _indikator(kat: s.Katalog, sk: Any, path_satker: Path) -> dict[str, s.IndikatorDef]:
    from ...muat.data import gabung_indikator

    katalog = {x.kode: x for x in kat.indikator}
    tambahan_mentah = sk.get("indikator_tambahan") if isinstance(sk, dict) else None
    if not isinstance(tambahan_mentah, list) or not tambahan_mentah:
        return katalog
    try:
        tambahan = [s.IndikatorTambahan.model_validate(x) for x in tambahan_mentah]
    except ValidationError:
        return katalog  # shown as written in the IKK Satker sheet; the import reports it
    defs, _asal, _masalah = gabung_indikator(
        katalog, {x.kode: x for x in kat.sasaran}, tambahan, path_satker
    )
    return defs


def _bawa_profil(profil: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in profil.items() if k not in ("penghuni", "penghuni_per")}


def _bawa_ikk(x: dict[str, Any]) -> dict[str, Any]:
    """An IKK entry without its figures: kode, the kind of its period data, its narrative."""
    butir: dict[str, Any] = {"kode": x.get("kode")}
    jenis = ambil(x, ("realisasi", "periode", "jenis"))
    if jenis:
        butir["realisasi"] = {"periode": {"jenis": jenis, "data": []}}
    if isinstance(x.get("narasi"), dict):
        butir["narasi"] = x["narasi"]
    return butir


def _bawa_kinerja(kinerja: dict[str, Any]) -> dict[str, Any] | None:
    if not isinstance(kinerja.get("indikator"), list):
        return None
    return {"indikator": [_bawa_ikk(x) for x in kinerja["indikator"] if isinstance(x, dict)]}


def _bawa_anggaran(anggaran: dict[str, Any]) -> dict[str, Any] | None:
    if not isinstance(anggaran.get("per_program"), list):
        return None
    return {
        "per_program": [
            {k: v for k, v in p.items() if k not in ("pagu", "realisasi")}
            for p in anggaran["per_program"]
            if isinstance(p, dict)
        ]
    }


def _bawa_evaluasi(evaluasi: dict[str, Any]) -> dict[str, Any]:
    return {k: evaluasi[k] for k in ("prioritas_nasional", "target_kinerja") if k in evaluasi}


def _bawa_narasi(narasi: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in narasi.items() if k != "tempat_tanggal"}


_BAWA: dict[str, Callable[[dict[str, Any]], dict[str, Any] | None]] = {
    "profil": _bawa_profil,
    "kinerja": _bawa_kinerja,
    "anggaran": _bawa_anggaran,
    "evaluasi": _bawa_evaluasi,
    "narasi": _bawa_narasi,
}
"""Per file: what of it a new period's template takes."""


def bawa_maju(mentah: dict[str, Any]) -> dict[str, Any]:
    """What a new period's template takes from a previous one: descriptions and texts, not
    the figures of that period."""
    hasil: dict[str, Any] = {}
    for nama, bawa in _BAWA.items():
        isi = mentah.get(nama)
        dibawa = bawa(isi) if isinstance(isi, dict) else None
        if dibawa is not None:
            hasil[nama] = dibawa
    return hasil
