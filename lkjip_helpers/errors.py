"""Typed errors. Messages are user-facing (Bahasa Indonesia); the CLI prints them as is."""

from __future__ import annotations

import errno
from collections.abc import Iterable


class LkjipError(Exception):
    """Base class: something the user can fix. ``str(err)`` is the message to show."""

    exit_code = 2

    def _render_traceback_(self) -> list[str]:
        """What IPython (JupyterLab, an executed notebook) shows for this error: its one
        Indonesian message, as the CLI prints it, instead of the frames of lkjip's code."""
        return [f"\x1b[1;31mGalat lkjip:\x1b[0m {self}"]


def maksudnya(nama: str, pilihan: Iterable[object], cutoff: float = 0.75) -> str:
    """`` (maksudnya a, b?)`` naming up to three of ``pilihan`` close to a misspelt ``nama``;
    empty when none is close. The CLI's checks and the errors seen in JupyterLab use it, so
    both suggest the same names."""
    from difflib import get_close_matches

    mirip = get_close_matches(nama, [str(p) for p in pilihan], n=3, cutoff=cutoff)
    return f" (maksudnya {', '.join(mirip)}?)" if mirip else ""


class ParameterError(LkjipError):
    """A parameter (satker id, tahun, path) is invalid; nothing was opened."""


class DataError(LkjipError):
    """An input file is missing, unreadable or does not match its schema."""

    def __init__(self, berkas: str, pesan: str, lokasi: str | None = None) -> None:
        self.berkas = berkas
        self.lokasi = lokasi
        self.pesan = pesan
        where = f"{berkas}" + (f", {lokasi}" if lokasi else "")
        super().__init__(f"{where}: {pesan}")


class BuildError(LkjipError):
    """The report build failed (a chapter notebook raised, or an export step failed)."""

    exit_code = 1


class OutputError(LkjipError):
    """An output file or folder cannot be written: read-only folder, full disk, a path that is
    a file. ``str(err)`` is one line naming the path and the cause."""

    exit_code = 3

    def __init__(self, path: object, sebab: str, tambahan: str = "") -> None:
        self.path = str(path)
        self.sebab = sebab
        super().__init__(
            f"tidak dapat menulis {self.path}: {sebab}" + (f". {tambahan}" if tambahan else "")
        )


SEBAB_OS: dict[int, str] = {
    errno.ENOSPC: "disk penuh (tidak ada ruang tersisa)",
    errno.EDQUOT: "kuota disk habis",
    errno.EROFS: "sistem berkas hanya-baca",
    errno.EACCES: "izin ditolak (folder hanya-baca atau milik pengguna lain)",
    errno.EPERM: "izin ditolak (folder hanya-baca atau milik pengguna lain)",
    errno.ENOTDIR: "salah satu bagian jalur adalah berkas, bukan folder",
    errno.EEXIST: "sudah ada berkas dengan nama itu (diharapkan folder)",
    errno.EISDIR: "jalur itu sebuah folder, bukan berkas",
    errno.ENAMETOOLONG: "nama berkas terlalu panjang",
    errno.EIO: "galat masukan/keluaran pada disk",
    errno.EFBIG: "berkas terlalu besar untuk sistem berkas ini",
    errno.EMFILE: "terlalu banyak berkas terbuka",
    errno.EBUSY: "sedang dipakai proses lain",
}
"""Indonesian causes of the OSErrors a write can meet (errno → text)."""


def sebab_os(err: OSError) -> str:
    """The Indonesian cause of ``err`` (its errno), never the English strerror alone."""
    if err.errno in SEBAB_OS:
        return SEBAB_OS[err.errno]
    nama = errno.errorcode.get(err.errno or 0, type(err).__name__)
    return f"galat sistem berkas {nama}"


def galat_tulis(err: BaseException) -> OSError | None:
    """The OSError of a failed write in ``err`` or its causes (None when there is none)."""
    lihat: BaseException | None = err
    dilihat: set[int] = set()
    while lihat is not None and id(lihat) not in dilihat:
        dilihat.add(id(lihat))
        if isinstance(lihat, OSError) and lihat.errno in SEBAB_OS:
            return lihat
        lihat = lihat.__cause__ or lihat.__context__
    return None


def output_error(err: OSError, path: object | None = None, tambahan: str = "") -> OutputError:
    """An :class:`OutputError` for ``err``, naming the file it failed on (or ``path``)."""
    return OutputError(err.filename or path or "(keluaran)", sebab_os(err), tambahan)
