"""The output lock of one satker and period, with the recovery step after a killed build.

A build holds an exclusive lock (:mod:`filelock`) on ``<out_dir>/<satker>/.<kunci>.kunci``
from the moment that folder exists until it ends (the operating system releases it when the
process dies, even by SIGKILL), so the first thing a build does — before the data checks — is
to put back a previous report a killed build left half-swapped and to remove every temporary
folder of killed builds. A second build of the same satker and period meanwhile stops with a
clear message. The lock file is removed when the build ends. The report folder itself is
swapped in by :func:`lkjip_helpers.atomik.pindahkan_atomik`.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from filelock import FileLock, Timeout

from ..atomik import hapus
from ..errors import BuildError, output_error


def bereskan_sisa(folder_satker: Path, kunci: int | str, umur_detik: float = 3600) -> None:
    """Clean up after a build that was killed (SIGKILL, power loss) mid-way.

    A backup ``.<kunci>.lama-*`` left without a ``<kunci>`` folder is the previous good
    output: it is put back (the newest one). Temporary folders and other backups older than
    ``umur_detik`` are removed; a build holding the output lock passes 0 (no other build of
    this satker and period can be running then).
    """
    final = folder_satker / str(kunci)
    sekarang = time.time()
    cadangan = sorted(
        folder_satker.glob(f".{kunci}.lama-*"), key=lambda p: p.lstat().st_mtime, reverse=True
    )
    for c in cadangan:
        if not (final.exists() or final.is_symlink()):
            os.replace(c, final)
        elif sekarang - c.lstat().st_mtime >= umur_detik:
            hapus(c)
    for tmp in folder_satker.glob(f".{kunci}.tmp-*"):
        if sekarang - tmp.lstat().st_mtime >= umur_detik:
            hapus(tmp)


class PenjagaKeluaran:
    """The output lock of one satker and period (a context manager), taken at once when the
    satker's output folder exists, else by :meth:`kunci` once the build is about to write."""

    def __init__(self, folder_satker: Path, kunci: int | str, data_dir: Path) -> None:
        self.folder = folder_satker
        self.kunci_periode = str(kunci)
        self.data_dir = data_dir
        self.path_gembok = folder_satker / f".{kunci}.kunci"
        self._gembok: FileLock | None = None

    def __enter__(self) -> PenjagaKeluaran:
        if self.folder.is_dir():
            self.kunci()
        return self

    def kunci(self) -> None:
        """Create the satker output folder if needed, take the lock, recover, clean up."""
        if self._gembok is not None:
            return
        from ..muat.berkas import pastikan_terpisah

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise output_error(err, self.folder) from None
        # A symlinked <out_dir>/<satker> must not lead into the data folder either.
        pastikan_terpisah(self.data_dir, self.folder)
        gembok = FileLock(self.path_gembok, timeout=0)
        try:
            gembok.acquire()
        except Timeout:
            raise BuildError(
                f"build lain untuk {self.folder.name} tahun {self.kunci_periode} sedang "
                f"berjalan (kunci {self.path_gembok}); tunggu sampai selesai lalu coba lagi"
            ) from None
        except OSError as err:
            raise output_error(err, self.path_gembok) from None
        self._gembok = gembok
        bereskan_sisa(self.folder, self.kunci_periode, umur_detik=0)

    def __exit__(self, *exc: object) -> None:
        if self._gembok is not None:
            # The lock file goes while still locked: a build that opened it meanwhile finds
            # it unlinked once it gets the lock, and filelock makes it try again on a new one.
            with contextlib.suppress(OSError):
                self.path_gembok.unlink()
            self._gembok.release()
            self._gembok = None
