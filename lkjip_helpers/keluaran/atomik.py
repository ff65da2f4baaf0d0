"""Write one output file atomically, with an Indonesian message when the write fails."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from ..errors import OutputError, sebab_os


def tulis_atomik(tujuan: Path, tulis: Callable[[Path], None]) -> Path:
    """Call ``tulis(sementara)`` on a temporary file beside ``tujuan``, then rename it.

    Readers see the old file or the new one, never half of it. Any OSError (read-only
    folder, full disk, a path that is a file) becomes an :class:`OutputError` naming the
    path and the cause, and the temporary file is removed (no 0-byte leftovers).
    """
    tujuan = Path(tujuan)
    sementara = tujuan.with_name(f".{tujuan.name}.tmp-{secrets.token_hex(4)}")
    try:
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        if tujuan.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(tujuan))
        tulis(sementara)
        os.replace(sementara, tujuan)
    except OSError as err:
        _hapus(sementara)
        path = err.filename if err.filename and err.filename != str(sementara) else tujuan
        raise OutputError(path, sebab_os(err)) from None
    except BaseException:
        _hapus(sementara)
        raise
    return tujuan


def _hapus(path: Path) -> None:
    # An unwritable folder has no temporary file in it either.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


__all__ = ["OutputError", "tulis_atomik"]
