"""Opening a workbook file safely: one clear Indonesian message for anything that is not a
readable ``.xlsx``, never a traceback.

The file format itself is left to the libraries: :mod:`zipfile` tells whether the file is a
ZIP package at all (and how large its members claim to be, so a "zip bomb" is refused before
anything is unpacked), :mod:`olefile` tells an encrypted (password-protected) Office file from
an old binary ``.xls`` — both are OLE2 compound files, not ZIP — and :mod:`openpyxl` reads the
workbook. The workbook is opened twice: once with the values Excel cached for formulas
(``data_only=True``), once with the formulas themselves, so that a formula without a cached
value can be named instead of being read as an empty cell.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import olefile
import openpyxl
from openpyxl.workbook.workbook import Workbook

from ...errors import DataError

MAKS_UKURAN = 50 * 1024 * 1024
"""Bytes: a data-entry workbook is far smaller (the sample's export is about 0,2 MB)."""
MAKS_ISI = 300 * 1024 * 1024
"""Bytes all members of the package may unpack to."""
MAKS_RASIO = 200
"""Largest compression ratio of a member above 1 MB (an XML sheet compresses ~10×)."""


@dataclass
class BukuKerja:
    """A workbook opened twice: ``nilai`` (cached values) and ``rumus`` (formulas)."""

    path: Path
    nilai: Workbook
    rumus: Workbook


def _jelaskan_ole(path: Path) -> str:
    """Why an OLE2 compound file is not a readable workbook."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                return (
                    "buku kerja dilindungi kata sandi (terenkripsi); buka di Excel, hapus kata "
                    "sandi pembukaan (File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata "
                    "Sandi, kosongkan), simpan sebagai .xlsx, lalu impor lagi"
                )
            if ole.exists("Workbook") or ole.exists("Book"):
                return (
                    "berkas Excel lama (.xls, Excel 97–2003); buka di Excel atau LibreOffice lalu "
                    "simpan sebagai Buku Kerja Excel (.xlsx)"
                )
    except OSError:
        pass
    return "berkas dokumen Office lama (format OLE2), bukan buku kerja .xlsx"


def _periksa_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            anggota = z.infolist()
            nama = {a.filename for a in anggota}
            if "mimetype" in nama and b"opendocument" in z.read("mimetype")[:100]:
                raise DataError(
                    str(path),
                    "berkas OpenDocument (.ods); simpan sebagai Buku Kerja Excel (.xlsx) lalu "
                    "impor lagi",
                )
            if "[Content_Types].xml" not in nama or not any(
                n.startswith("xl/") and n.endswith(".xml") for n in nama
            ):
                raise DataError(
                    str(path),
                    "bukan buku kerja Excel .xlsx (arsip ZIP tanpa isi lembar kerja Excel)",
                )
            total = sum(a.file_size for a in anggota)
            mampat = [
                a
                for a in anggota
                if a.file_size > 2**20 and a.file_size > MAKS_RASIO * max(a.compress_size, 1)
            ]
            if total > MAKS_ISI or mampat:
                raise DataError(
                    str(path),
                    f"isi buku kerja terlalu besar setelah dibuka ({total // 2**20} MB); buku "
                    "kerja isian LKjIP jauh lebih kecil — berkas ini ditolak",
                )
    except zipfile.BadZipFile:
        raise DataError(
            str(path), "berkas rusak atau bukan buku kerja .xlsx (arsip ZIP tidak sah)"
        ) from None


def buka(path: str | Path) -> BukuKerja:
    """Open ``path`` as an ``.xlsx`` workbook or raise one DataError saying why it cannot be."""
    path = Path(path)
    if not path.exists():
        raise DataError(str(path), "berkas tidak ditemukan")
    if not path.is_file():
        raise DataError(str(path), "bukan berkas (sebuah folder?)")
    try:
        ukuran = path.stat().st_size
        with path.open("rb") as f:
            awal = f.read(8)
    except OSError as err:
        raise DataError(
            str(path), f"tidak dapat dibaca ({err.strerror or type(err).__name__})"
        ) from None
    if ukuran == 0:
        raise DataError(str(path), "berkas kosong (0 bait), bukan buku kerja .xlsx")
    if ukuran > MAKS_UKURAN:
        raise DataError(
            str(path),
            f"berkas {ukuran // 2**20} MB terlalu besar untuk buku kerja isian (paling besar "
            f"{MAKS_UKURAN // 2**20} MB)",
        )
    if olefile.isOleFile(str(path)):
        raise DataError(str(path), _jelaskan_ole(path))
    if not awal.startswith(b"PK"):
        raise DataError(
            str(path),
            "bukan buku kerja .xlsx (isi berkas bukan format Excel; nama berkas berakhiran "
            ".xlsx saja tidak cukup)",
        )
    _periksa_zip(path)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation extensions, slicers);
            # they do not matter for reading cell values.
            warnings.simplefilter("ignore")
            nilai = openpyxl.load_workbook(path, data_only=True)
            rumus = openpyxl.load_workbook(path, data_only=False)
    except Exception as err:  # openpyxl raises many kinds of exception on a damaged package
        raise DataError(
            str(path),
            f"buku kerja rusak atau tidak dapat dibaca ({type(err).__name__}); buka di Excel "
            "atau LibreOffice lalu simpan ulang sebagai .xlsx",
        ) from None
    return BukuKerja(path, nilai, rumus)
