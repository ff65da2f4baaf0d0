"""Load and validate all data files of one satker and report period (``DataLaporan``).

Layout (data/README.md)::

    data/katalog/<katalog>.yaml
    data/satker/<satker>/satker.yaml
    data/satker/<satker>/<kunci>/*.yaml     <kunci> = 2023 (tahunan) or 2022-semester-1 …

The previous year's folder of the same period (``<tahun - 1>-semester-1``), or its annual folder
(``<tahun - 1>``), is read for comparisons when it covers the same months (like-for-like).

Loading reports every problem it can find in one run: all missing required files, all schema
problems of every file (current period, previous year, satker, catalog), the overrides of
``indikator_tambahan`` that do not make a valid indicator, a period that does not match its
folder, inputs that must be whole — raised together as one :class:`DataErrorGabungan` (or the
single :class:`~lkjip_helpers.errors.DataError` when there is only one).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import DataError
from ..tidak_diketahui import cari
from . import skema as s
from .berkas import baca_yaml, baris_untuk, muat_berkas, path_dalam, ringkas_nilai, validasi
from .jurnal import pulihkan
from .parameter import (
    PERIODE,
    kunci_periode,
    urai_kunci_periode,
    validasi_laporan,
    validasi_parameter,
    validasi_periode,
)
from .periode import Periode

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
"""Files required for the report period (every other file is optional)."""


class DataErrorGabungan(DataError):
    """Several loading problems, reported together; ``masalah`` holds each one."""

    def __init__(self, tempat: str, masalah: list[DataError]) -> None:
        self.masalah = masalah
        butir = "\n".join("  - " + str(e).replace("\n", "\n    ") for e in masalah)
        super().__init__(
            tempat,
            f"{len(masalah)} masalah ditemukan; perbaiki semuanya lalu jalankan lagi:\n{butir}",
        )


@dataclass(frozen=True)
class NilaiTidakDiketahui:
    """Where the data declare a number unknown (``tidak diketahui``)."""

    berkas: str
    """``2023/profil.yaml``, ``satker.yaml``, ``katalog/<id>.yaml``."""
    jalur: tuple[int | str, ...]
    """Path of the field inside the file (list indexes 0-based)."""
    baris: int | None
    tahun: int | None
    """The year of the file (``None`` for satker.yaml and the catalog)."""
    periode_ini: bool
    """True for the report period's own files (not the previous year's)."""

    @property
    def field(self) -> str:
        """``indikator[3].realisasi.pembilang`` (list positions 1-based)."""
        teks = ""
        for k in self.jalur:
            teks += f"[{k + 1}]" if isinstance(k, int) else ("." if teks else "") + str(k)
        return teks

    @property
    def lokasi(self) -> str:
        """``2023/profil.yaml baris 12, kapasitas``."""
        return self.berkas + (f" baris {self.baris}" if self.baris else "") + f", {self.field}"


@dataclass(frozen=True)
class AsalIndikator:
    """Where a satker's ``indikator_tambahan`` entry changed or added an indicator."""

    indeks: int
    """1-based position in ``indikator_tambahan``."""
    field: frozenset[str]
    """The fields the satker wrote (they replace the catalog's)."""
    baru: bool
    """True when the code is not in the catalog (a new indicator)."""
    baris: int | None = None


@dataclass
class DataTahun:
    """The validated files of one report period (or the previous year); ``None`` where a file
    is absent."""

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
    periode: Periode | None = None
    """The period the folder holds (declared in kinerja.yaml; annual when not declared)."""

    def baris(self, nama: str, *loc: int | str) -> int | None:
        """1-based line in ``<nama>.yaml`` of the node at ``loc`` (None if unknown)."""
        if nama not in self.mentah:
            return None
        return baris_untuk(self.mentah[nama], tuple(loc))

    @property
    def kunci(self) -> str:
        """Folder name (``2023``, ``2022-semester-1``)."""
        return self.folder.name


@dataclass
class DataLaporan:
    """Everything needed to compute one satker's LKjIP for one report period."""

    data_dir: Path
    satker: s.Satker
    katalog: s.Katalog
    sasaran: dict[str, s.SasaranDef]
    indikator: dict[str, s.IndikatorDef]
    ini: DataTahun
    lalu: DataTahun | None
    berkas_satker: Path
    berkas_katalog: Path
    asal_indikator: dict[str, AsalIndikator] = field(default_factory=dict)
    """Indicators changed or added by ``indikator_tambahan`` (by kode)."""
    tidak_diketahui: list[NilaiTidakDiketahui] = field(default_factory=list)
    """Every number the data declare unknown, in file order."""
    alasan_tanpa_pembanding: str | None = None
    """Why there is no previous-year comparison although previous-year data exist (they do
    not cover the same months); printed where the comparison would be."""

    @property
    def tahun(self) -> int:
        return self.ini.tahun

    @property
    def periode(self) -> Periode:
        """The report period (id, label, months covered, completeness …)."""
        assert self.ini.periode is not None
        return self.ini.periode

    @property
    def data_contoh_fiktif(self) -> bool:
        """True when the satker's data are a fictitious example (print it on the cover)."""
        return self.satker.data_contoh_fiktif

    def semua_berkas(self) -> list[Path]:
        """All input files used (for checksums in build.json)."""
        paths = [self.berkas_satker, self.berkas_katalog, *self.ini.berkas.values()]
        if self.lalu:
            paths.extend(self.lalu.berkas.values())
        return paths

    def lokasi_indikator(self, kode: str, field: str | None = None) -> str:
        """Where the definition of ``kode`` (or its ``field``) comes from, for messages:
        ``katalog <id>, indikator SK1.1`` or ``satker.yaml baris 20, indikator_tambahan[1]
        (SK2.5)`` when the satker's override wrote that field (or added the indicator)."""
        asal = self.asal_indikator.get(kode)
        katalog = f"katalog {self.katalog.id}, indikator {kode}"
        if asal is None:
            return katalog
        tambahan = (
            "satker.yaml"
            + (f" baris {asal.baris}" if asal.baris else "")
            + f", indikator_tambahan[{asal.indeks}] ({kode})"
        )
        if asal.baru or (field is not None and field in asal.field):
            return tambahan
        if field is None:
            return f"{katalog}, ditimpa {tambahan}"
        return katalog


# --------------------------------------------------------------------------- helpers


cari_tidak_diketahui = cari
"""Paths of every unknown value inside a validated model (lists and dicts included)."""


def _muat_tahun(
    folder: Path,
    tahun: int,
    wajib: tuple[str, ...],
    masalah: list[DataError],
    akar: Path | None = None,
) -> DataTahun:
    """Load every file of a period folder (inside ``akar``, the data folder, when given);
    problems are appended to ``masalah``."""
    dt = DataTahun(tahun=tahun, folder=folder)
    for nama, model in BERKAS_TAHUN.items():
        path = folder / f"{nama}.yaml"
        if not path.exists() and not path.is_symlink():
            if nama in wajib:
                masalah.append(
                    DataError(
                        str(path),
                        f"berkas wajib untuk {_nama_periode(folder.name)} tidak ditemukan",
                    )
                )
            continue
        try:
            mentah = baca_yaml(path, akar)
            setattr(dt, nama, validasi(model, mentah, path))
        except DataError as err:
            masalah.append(err)
            continue
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
    if jenis != "image/svg+xml":
        _cek_piksel(berkas, isi)
    return calon


def _cek_piksel(berkas: str, isi: bytes) -> None:
    """A PNG/JPEG the PDF printer (Pillow) can open: a readable header, and not above Pillow's
    decompression-bomb limit — such an image would show in the HTML and vanish from the PDF.
    (Damaged pixel data is caught when the PDF is printed: :mod:`..keluaran.pdf`.)"""
    import io
    import warnings

    from PIL import Image

    batas = Image.MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(isi)) as g:  # the header only: no pixel decoded
                lebar, tinggi = g.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DataError(
            berkas,
            f"gambar terlalu besar dalam piksel (batas {batas:,} piksel".replace(",", ".")
            + "); perkecil ukurannya, mis. ke lebar 2.000 piksel",
        ) from None
    except Exception as err:  # Pillow raises many types for a damaged file
        raise DataError(
            berkas, f"berkas gambar rusak atau tidak dapat dibaca ({type(err).__name__})"
        ) from None
    if batas and lebar * tinggi > batas:
        raise DataError(
            berkas,
            f"gambar {lebar} × {tinggi} piksel melebihi batas {batas:,} piksel".replace(",", ".")
            + "; perkecil ukurannya, mis. ke lebar 2.000 piksel",
        )


def _cek_gambar(folder_satker: Path, dt: DataTahun) -> None:  # raises DataError
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


def _nama_periode(kunci: str) -> str:
    """``tahun 2023`` / ``Semester I 2022`` from a folder name."""
    tahun, periode = urai_kunci_periode(kunci) or (kunci, "tahunan")
    return f"tahun {tahun}" if periode == "tahunan" else f"{PERIODE[periode]} {tahun}"


def _cek_katalog(katalog: s.Katalog, path: Path) -> list[DataError]:
    masalah = []
    kode_sasaran = [x.kode for x in katalog.sasaran]
    ganda = {k for k in kode_sasaran if kode_sasaran.count(k) > 1}
    if ganda:
        masalah.append(DataError(str(path), f"kode sasaran ganda: {', '.join(sorted(ganda))}"))
    kode_ikk = [x.kode for x in katalog.indikator]
    ganda = {k for k in kode_ikk if kode_ikk.count(k) > 1}
    if ganda:
        masalah.append(DataError(str(path), f"kode indikator ganda: {', '.join(sorted(ganda))}"))
    for i, ind in enumerate(katalog.indikator, start=1):
        if ind.sasaran not in kode_sasaran:
            masalah.append(
                DataError(
                    str(path),
                    f"sasaran {ind.sasaran!r} tidak ada di daftar sasaran katalog",
                    f"indikator[{i}] ({ind.kode})",
                )
            )
    return masalah


def gabung_indikator(
    katalog: dict[str, s.IndikatorDef],
    sasaran: dict[str, s.SasaranDef],
    tambahan: list[s.IndikatorTambahan],
    path_satker: Path,
    mentah_satker: Any = None,
) -> tuple[dict[str, s.IndikatorDef], dict[str, AsalIndikator], list[DataError]]:
    """Merge ``indikator_tambahan`` over the catalog, field by field.

    An entry whose kode is in the catalog replaces only the fields it writes
    (``target_renstra`` year by year); a new kode must be a complete definition. Returns the
    indicators, where each override came from, and the problems (naming the override).
    """
    indikator = dict(katalog)
    asal: dict[str, AsalIndikator] = {}
    masalah: list[DataError] = []
    dilihat: dict[str, int] = {}
    for i, t in enumerate(tambahan, start=1):
        baris = baris_untuk(mentah_satker, ("indikator_tambahan", i - 1)) if mentah_satker else None
        lokasi = (f"baris {baris}, " if baris else "") + f"indikator_tambahan[{i}] ({t.kode})"
        if t.kode in dilihat:
            masalah.append(
                DataError(
                    str(path_satker),
                    f"kode {t.kode} sudah ditulis di indikator_tambahan[{dilihat[t.kode]}]; "
                    "gabungkan keduanya",
                    lokasi,
                )
            )
            continue
        dilihat[t.kode] = i
        diisi = t.model_fields_set - {"kode"}
        dasar = katalog.get(t.kode)
        if dasar is not None:
            isi = dasar.model_dump()
            for nama in diisi:
                nilai = getattr(t, nama)
                if nama == "target_renstra" and nilai is not None:
                    isi["target_renstra"] = {**isi["target_renstra"], **nilai}
                else:
                    isi[nama] = nilai
            awal = (
                f"penimpaan indikator katalog {t.kode} (field {', '.join(sorted(diisi)) or '-'}) "
                "menghasilkan definisi yang tidak sah"
            )
        else:
            isi = {"kode": t.kode, **{nama: getattr(t, nama) for nama in diisi}}
            awal = (
                f"indikator baru {t.kode} (kode tidak ada di katalog) harus lengkap seperti "
                "entri katalog"
            )
        try:
            defn = validasi(s.IndikatorDef, isi, path_satker)
        except DataError as err:
            masalah.append(DataError(str(path_satker), f"{awal}; {err.pesan}", lokasi))
            continue
        if defn.sasaran not in sasaran:
            masalah.append(
                DataError(
                    str(path_satker),
                    f"sasaran {defn.sasaran!r} tidak ada di katalog; diharapkan salah satu dari "
                    + ", ".join(sasaran),
                    lokasi,
                )
            )
            continue
        indikator[t.kode] = defn
        asal[t.kode] = AsalIndikator(i, frozenset(diisi), dasar is None, baris)
    return indikator, asal, masalah


def _periode_folder(dt: DataTahun, kunci: str, periode_folder: str) -> list[DataError]:
    """Set ``dt.periode`` from kinerja.yaml and check it against the folder name."""
    path = dt.folder / "kinerja.yaml"
    deklarasi = dt.kinerja.periode_laporan if dt.kinerja else None
    dinyatakan = deklarasi is not None and "periode" in deklarasi.model_fields_set
    bulan = deklarasi.bulan_terakhir if deklarasi else None
    kumulatif = deklarasi.kumulatif if deklarasi else None
    if periode_folder != "tahunan" and not dinyatakan:
        dt.periode = Periode.buat(dt.tahun, periode_folder, None)
        return [
            DataError(
                str(path),
                f"folder {kunci} berisi data {PERIODE[periode_folder]}, tetapi kinerja.yaml belum "
                "menyatakan periodenya; tambahkan di awal berkas:\n"
                f"periode_laporan:\n  periode: {periode_folder}\n"
                "  bulan_terakhir: <bulan terakhir yang datanya sudah tertutup, 1–12>",
                "field periode_laporan",
            )
        ]
    p = deklarasi.periode if deklarasi and dinyatakan else "tahunan"
    if p != periode_folder:
        dt.periode = Periode.buat(dt.tahun, periode_folder, None)
        baris = dt.baris("kinerja", "periode_laporan", "periode")
        return [
            DataError(
                str(path),
                f"periode_laporan.periode {p!r} tidak sesuai dengan folder {kunci!r} "
                f"(periode {periode_folder}); folder untuk periode {p!r} bernama "
                f"{kunci_periode(dt.tahun, p)!r}",
                (f"baris {baris}, " if baris else "") + "field periode_laporan.periode",
            )
        ]
    dt.periode = Periode.buat(dt.tahun, p, bulan, kumulatif)
    return []


def _pilih_lalu(
    folder_satker: Path,
    ini: DataTahun,
    periode: str,
    masalah: list[DataError],
    data_dir: Path,
) -> tuple[DataTahun | None, str | None]:
    """The previous year's data that cover the same months as ``ini`` (like-for-like), and
    otherwise ``None`` with the sentence the report prints instead of a comparison.

    Candidates: the same period's folder of ``tahun - 1`` (``2023-semester-1``), then the
    annual folder ``tahun - 1`` (like-for-like with an annual report and with a cumulative
    Semester II / Triwulan IV with data to December)."""
    tahun = ini.tahun
    p = ini.periode
    kandidat = [periode] if periode == "tahunan" else [periode, "tahunan"]
    dicoba: list[str] = []
    for per in kandidat:
        kunci = kunci_periode(tahun - 1, per)
        folder = folder_satker / kunci
        if not folder.is_dir():
            continue
        n = len(masalah)
        dt = _muat_tahun(folder, tahun - 1, (), masalah, data_dir)
        masalah += _periode_folder(dt, kunci, per)
        if len(masalah) > n or p is None or dt.periode is None:
            return dt, None  # its problems are reported; nothing is compared
        if p.sebanding(dt.periode):
            return dt, None
        dicoba.append(dt.periode.rentang_bulan)
    if p is None or not dicoba:
        return None, None
    return None, (
        f"Perbandingan dengan tahun {tahun - 1} tidak disajikan: laporan ini mencakup "
        f"{p.rentang_bulan}, sedangkan data {tahun - 1} yang tersedia mencakup "
        + " dan ".join(dicoba)
        + f"; data {p.rentang_bulan.rsplit(' ', 1)[0]} {tahun - 1} (periode yang sama tahun "
        "lalu) belum tersedia, dan perubahan antara periode yang tidak sebanding tidak "
        "dapat dibaca sebagai kenaikan atau penurunan."
    )


def _cek_bilangan_bulat(
    dt: DataTahun, indikator: dict[str, s.IndikatorDef], asal: dict[str, AsalIndikator]
) -> list[DataError]:
    """Inputs of counting indicators (people, units, documents) must be whole numbers."""
    if dt.kinerja is None:
        return []
    masalah = []
    path = dt.folder / "kinerja.yaml"
    for i, item in enumerate(dt.kinerja.indikator):
        defn = indikator.get(item.kode)
        r = item.realisasi
        if defn is None or r is None or not defn.input_bulat:
            continue
        # a ratio counts in its pembilang and penyebut (a ratio written directly as ``nilai``
        # is a percent); a value indicator counts in its value
        nama_cacah = ("pembilang", "penyebut") if defn.jenis == "rasio" else ("nilai",)
        nilai: list[tuple[tuple[int | str, ...], Any]] = [
            (("realisasi", nama), getattr(r, nama)) for nama in nama_cacah
        ]
        if r.periode is not None:
            for j, x in enumerate(r.periode.data):
                nilai += [
                    (("realisasi", "periode", "data", j, nama), getattr(x, nama))
                    for nama in nama_cacah
                ]
        for jalur, v in nilai:
            if isinstance(v, Decimal) and v != v.to_integral_value():
                loc = ("indikator", i, *jalur)
                baris = dt.baris("kinerja", *loc)
                teks = ".".join(
                    f"[{k + 1}]" if isinstance(k, int) else str(k) for k in loc
                ).replace(".[", "[")
                sumber = "indikator_tambahan satker.yaml" if item.kode in asal else "katalog"
                masalah.append(
                    DataError(
                        str(path),
                        f"IKK {item.kode} menghitung orang/unit/dokumen, jadi harus bilangan "
                        f"bulat (ditemukan: {v}); bila indikator ini memang berpecahan, setel "
                        f"bilangan_bulat: false di {sumber}",
                        (f"baris {baris}, " if baris else "") + f"field {teks}",
                    )
                )
    return masalah


def _belum_diisi(dt: DataTahun, indikator: dict[str, s.IndikatorDef]) -> list[DataError]:
    """Entries of the period's kinerja.yaml without target or realisasi, in one line each
    (only listed together with other loading problems, so nothing is learned one run at a
    time; on their own they are findings of the checks). A missing target with a Renstra
    target of the year is not listed: it is the warning TARGET_PK_KOSONG (fallback), not an
    error to fix."""
    if dt.kinerja is None:
        return []
    path = str(dt.folder / "kinerja.yaml")
    out = []

    def ada_renstra(kode: str) -> bool:
        d = indikator.get(kode)
        return d is not None and dt.tahun in d.target_renstra

    for nama, kosong in (
        (
            "target",
            [x.kode for x in dt.kinerja.indikator if x.target is None and not ada_renstra(x.kode)],
        ),
        ("realisasi", [x.kode for x in dt.kinerja.indikator if x.realisasi is None]),
    ):
        if kosong:
            out.append(
                DataError(
                    path,
                    f"{nama} belum diisi untuk {len(kosong)} IKK: {', '.join(kosong)}",
                )
            )
    return out


def _lempar(tempat: Path, masalah: list[DataError]) -> None:
    if len(masalah) == 1:
        raise masalah[0]
    if masalah:
        raise DataErrorGabungan(str(tempat), masalah)


def _tersedia(folder_satker: Path) -> list[str]:
    return sorted(
        p.name for p in folder_satker.glob("[0-9]*") if p.is_dir() and urai_kunci_periode(p.name)
    )


# --------------------------------------------------------------------------- entry points


def _folder_periode(data_dir: Path, satker: str, kunci: str) -> tuple[Path, Path]:
    """The satker's folder and its period folder; DataError naming what exists when either
    is missing."""
    folder_satker = data_dir / "satker" / satker
    if not folder_satker.is_dir():
        tersedia = sorted(p.name for p in (data_dir / "satker").glob("*") if p.is_dir())
        saran = f"; satker yang tersedia: {', '.join(tersedia)}" if tersedia else ""
        raise DataError(
            str(folder_satker / "satker.yaml"), f"satker {satker!r} tidak ditemukan{saran}"
        )
    folder_ini = folder_satker / kunci
    if not folder_ini.is_dir():
        tersedia = _tersedia(folder_satker)
        raise DataError(
            str(folder_ini),
            f"data {_nama_periode(kunci)} belum ada"
            + (f"; periode yang tersedia: {', '.join(tersedia)}" if tersedia else ""),
        )
    return folder_satker, folder_ini


def _muat_satker(
    path_satker: Path, satker: str, data_dir: Path, masalah: list[DataError]
) -> tuple[s.Satker | None, Any]:
    """satker.yaml validated, and its raw tree (for line numbers); problems go to ``masalah``."""
    if not path_satker.exists():
        masalah.append(
            DataError(str(path_satker), f"berkas identitas satker {satker!r} tidak ditemukan")
        )
        return None, None
    mentah_satker: Any = None
    try:
        mentah_satker = baca_yaml(path_satker, data_dir)
        return validasi(s.Satker, mentah_satker, path_satker), mentah_satker
    except DataError as err:
        masalah.append(err)
        return None, mentah_satker


def _muat_katalog(
    sk: s.Satker, satker: str, path_satker: Path, data_dir: Path, masalah: list[DataError]
) -> tuple[s.Katalog | None, Path]:
    """The catalog satker.yaml names (and the satker's id checked against its folder)."""
    path_katalog = data_dir / "katalog"
    # The catalog id names a file: it must stay inside data/katalog/ (no "/abs", no "../").
    try:
        path_katalog = path_dalam(
            data_dir / "katalog", f"{sk.katalog}.yaml", asal=f"{path_satker}, field katalog"
        )
    except DataError as err:
        masalah.append(err)
        sk_katalog_sah = False
    else:
        sk_katalog_sah = True
    if sk.id != satker:
        masalah.append(
            DataError(
                str(path_satker),
                f"id {sk.id!r} tidak sama dengan nama folder {satker!r}",
                "field id",
            )
        )
    if not sk_katalog_sah:
        return None, path_katalog
    if not path_katalog.exists():
        masalah.append(
            DataError(
                str(path_satker),
                f"katalog {ringkas_nilai(sk.katalog)} tidak ditemukan di {data_dir / 'katalog'}",
                "field katalog",
            )
        )
        return None, path_katalog
    try:
        katalog = muat_berkas(s.Katalog, path_katalog, akar=data_dir)
    except DataError as err:
        masalah.append(err)
        return None, path_katalog
    masalah += _cek_katalog(katalog, path_katalog)
    return katalog, path_katalog


def muat_laporan(
    satker: str, tahun: int | str, data_dir: str | Path = "data", periode: str = "tahunan"
) -> DataLaporan:
    """Load and validate all data of ``satker`` for a report period of ``tahun`` (and the
    annual data of ``tahun - 1`` if present). Raises one DataError listing every problem."""
    satker, tahun, periode, data_dir = validasi_laporan(data_dir, satker, tahun, periode)
    kunci = kunci_periode(tahun, periode)
    folder_satker, folder_ini = _folder_periode(data_dir, satker, kunci)
    path_satker = folder_satker / "satker.yaml"
    masalah: list[DataError] = []

    sk, mentah_satker = _muat_satker(path_satker, satker, data_dir, masalah)
    katalog: s.Katalog | None = None
    path_katalog = data_dir / "katalog"
    if sk is not None:
        katalog, path_katalog = _muat_katalog(sk, satker, path_satker, data_dir, masalah)
    sasaran: dict[str, s.SasaranDef] = {}
    indikator: dict[str, s.IndikatorDef] = {}
    asal: dict[str, AsalIndikator] = {}
    if sk is not None and katalog is not None:
        sasaran = {x.kode: x for x in katalog.sasaran}
        indikator, asal, m = gabung_indikator(
            {x.kode: x for x in katalog.indikator},
            sasaran,
            sk.indikator_tambahan,
            path_satker,
            mentah_satker,
        )
        masalah += m

    ini = _muat_tahun(folder_ini, tahun, WAJIB_TAHUN_INI, masalah, data_dir)
    try:
        _cek_gambar(folder_satker, ini)
    except DataError as err:
        masalah.append(err)
    masalah += _periode_folder(ini, kunci, periode)
    lalu, tanpa_pembanding = _pilih_lalu(folder_satker, ini, periode, masalah, data_dir)
    if indikator:
        masalah += _cek_bilangan_bulat(ini, indikator, asal)
        if lalu is not None:
            masalah += _cek_bilangan_bulat(lalu, indikator, asal)
    if masalah:
        _lempar(folder_ini, masalah + _belum_diisi(ini, indikator))
    assert sk is not None and katalog is not None

    data = DataLaporan(
        data_dir=data_dir,
        satker=sk,
        katalog=katalog,
        sasaran=sasaran,
        indikator=indikator,
        ini=ini,
        lalu=lalu,
        alasan_tanpa_pembanding=tanpa_pembanding,
        berkas_satker=path_satker,
        berkas_katalog=path_katalog,
        asal_indikator=asal,
    )
    data.tidak_diketahui = _daftar_tidak_diketahui(data, mentah_satker)
    return data


def _daftar_tidak_diketahui(data: DataLaporan, mentah_satker: Any) -> list[NilaiTidakDiketahui]:
    out: list[NilaiTidakDiketahui] = []
    for jalur in cari_tidak_diketahui(data.satker):
        out.append(
            NilaiTidakDiketahui("satker.yaml", jalur, baris_untuk(mentah_satker, jalur), None, True)
        )
    for jalur in cari_tidak_diketahui(data.katalog):
        out.append(NilaiTidakDiketahui(f"katalog/{data.katalog.id}.yaml", jalur, None, None, True))
    for dt, ini in ((data.ini, True), (data.lalu, False)):
        if dt is None:
            continue
        for nama in BERKAS_TAHUN:
            model = getattr(dt, nama)
            if model is None:
                continue
            for jalur in cari_tidak_diketahui(model):
                out.append(
                    NilaiTidakDiketahui(
                        f"{dt.kunci}/{nama}.yaml", jalur, dt.baris(nama, *jalur), dt.tahun, ini
                    )
                )
    return out


def _stempel_berkas(
    satker: str, tahun: int, data_dir: Path, periode: str = "tahunan"
) -> tuple[tuple[str, float], ...]:
    """mtimes of the files that could be loaded, so the cache notices edits."""
    folder = data_dir / "satker" / satker
    paths = [
        *folder.glob("satker.yaml"),
        *folder.glob(f"{kunci_periode(tahun, periode)}/*.yaml"),
        *folder.glob(f"{tahun - 1}/*.yaml"),
        *folder.glob(f"{kunci_periode(tahun - 1, periode)}/*.yaml"),
        *(data_dir / "katalog").glob("*.yaml"),
    ]
    return tuple(sorted((str(p), p.stat().st_mtime) for p in paths))


@functools.lru_cache(maxsize=8)
def _muat_cache(
    satker: str, tahun: int, data_dir: str, periode: str, stempel: tuple
) -> DataLaporan:
    return muat_laporan(satker, tahun, data_dir, periode)


def muat(
    satker: str, tahun: int | str, data_dir: str | Path = "data", periode: str = "tahunan"
) -> DataLaporan:
    """Cached :func:`muat_laporan` (re-reads when a data file changes)."""
    satker, tahun = validasi_parameter(satker, tahun)
    periode = validasi_periode(periode)
    d = Path(data_dir).resolve()
    pulihkan(d / "satker" / satker)  # an import killed half-way: finished (or undone) first
    return _muat_cache(satker, tahun, str(d), periode, _stempel_berkas(satker, tahun, d, periode))
