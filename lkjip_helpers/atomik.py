"""Atomic writes: every writer of the package puts a file or folder in place through here.

One policy for all of them: the new content is written complete beside its target, flushed to
disk (``fsync``), then renamed over the target (``os.replace``), and the folder holding it is
flushed too. A reader — or the next run after a crash or a power cut — sees the old content or
the new one, never a truncated file under the final name; the build cache, which trusts a
report folder whose inputs did not change, never reuses half a file.

- :func:`tulis_atomik`: one file, written by a callback (text, workbook, CSV);
- :func:`pindahkan_atomik`: a whole folder (a report) swapped in, the old one kept as a
  backup until the new one is in place;
- :func:`tulis_sinkron`, :func:`sinkron_folder`: the two flushes, for protocols of their own
  (the import journal, :mod:`lkjip_helpers.muat.jurnal`).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

from .errors import OutputError, sebab_os


def sinkron_berkas(path: Path) -> None:
    """Flush a written file's content to disk."""
    fd = os.open(path, os.O_RDWR if os.name == "nt" else os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sinkron_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename in it) to disk; a no-op where folders cannot be
    opened (Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def tulis_sinkron(path: Path, teks: str) -> None:
    """Write ``teks`` (UTF-8, ``\\n`` line ends) to ``path`` and flush it to disk."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(teks)
        f.flush()
        os.fsync(f.fileno())


def nama_sementara(tujuan: Path, akhiran: str = "") -> Path:
    """A temporary name beside ``tujuan`` (``.<name>.tmp-<hex><akhiran>``)."""
    return tujuan.with_name(f".{tujuan.name}.tmp-{secrets.token_hex(4)}{akhiran}")


def tulis_atomik(tujuan: Path, tulis: Callable[[Path], None], akhiran: str = "") -> Path:
    """Call ``tulis(sementara)`` on a temporary file beside ``tujuan``, then put it in place.

    Readers see the old file or the new one, never half of it. Any OSError (read-only
    folder, full disk, a path that is a file) becomes an :class:`OutputError` naming the
    path and the cause, and the temporary file is removed (no 0-byte leftovers). ``akhiran``
    ends the temporary name (``.xlsx`` for a writer that picks the format from it).
    """
    tujuan = Path(tujuan)
    sementara = nama_sementara(tujuan, akhiran)
    try:
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        if tujuan.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(tujuan))
        tulis(sementara)
        sinkron_berkas(sementara)
        os.replace(sementara, tujuan)
        sinkron_folder(tujuan.parent)
    except OSError as err:
        _buang(sementara)
        path = err.filename if err.filename and err.filename != str(sementara) else tujuan
        raise OutputError(path, sebab_os(err)) from None
    except BaseException:
        _buang(sementara)
        raise
    return tujuan


def tulis_teks_atomik(tujuan: Path, teks: str) -> Path:
    """:func:`tulis_atomik` of a UTF-8 text (line ends written as given)."""
    return tulis_atomik(tujuan, lambda p: p.write_text(teks, encoding="utf-8", newline=""))


def pindahkan_atomik(tmp: Path, final: Path) -> None:
    """Put the folder ``tmp`` at ``final``; the old ``final`` survives until the new one is in
    place.

    The files under ``tmp`` are flushed first; then two renames: ``final`` →
    ``.<name>.lama-<x>`` (the backup), then ``tmp`` → ``final``. If the process dies between
    them, the build's recovery step (:func:`lkjip_helpers.bangun.penjaga.bereskan_sisa`, run
    first under the output lock) puts the backup back before anything else happens.
    """
    for path in tmp.rglob("*"):
        if path.is_file() and not path.is_symlink():
            sinkron_berkas(path)
    cadangan: Path | None = None
    if final.exists() or final.is_symlink():
        cadangan = final.parent / f".{final.name}.lama-{secrets.token_hex(4)}"
        os.replace(final, cadangan)
    try:
        os.replace(tmp, final)
    except BaseException:
        if cadangan is not None:
            os.replace(cadangan, final)
        raise
    sinkron_folder(final.parent)
    if cadangan is not None:
        hapus(cadangan)


def hapus(folder: Path) -> None:
    """Remove a folder of ours (a symlink is unlinked, never followed)."""
    if folder.is_symlink():
        folder.unlink(missing_ok=True)
    else:
        shutil.rmtree(folder, ignore_errors=True)


def _buang(path: Path) -> None:
    # An unwritable folder has no temporary file in it either.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
