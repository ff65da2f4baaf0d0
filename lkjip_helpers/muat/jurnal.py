"""All-or-nothing writes of several data files (``lkjip impor``), with recovery after a kill.

Each file is first written complete to a temporary file beside it (``.<nama>.tmp-<hex>``,
flushed to disk); then a journal ``.lkjip-impor.json`` naming every pair is written atomically
in the satker's folder — the commit point; then the temporary files are renamed over their
targets and the journal is removed.

:func:`pulihkan` — run by the next ``impor`` and by every load of that satker's data —
finishes an import whose journal is there (every temporary file was complete before it was
written) and removes the temporary files of one that was killed before its journal (the
targets were not touched yet). Either way the satker's files are all old or all new, and no
temporary file is left behind. The temporary names and the flushes are the package's atomic
write primitives (:mod:`lkjip_helpers.atomik`).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from pathlib import Path

from ..atomik import nama_sementara
from ..atomik import sinkron_folder as _fsync_folder
from ..atomik import tulis_sinkron as _tulis_sinkron
from ..errors import DataError, OutputError, sebab_os

JURNAL = ".lkjip-impor.json"
"""The journal of an import being applied, in the satker's folder."""


def _sementara_tersisa(folder: Path) -> list[Path]:
    """Temporary files of an import under ``folder`` (the satker folder and its periods)."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for pola in (".*.yaml.tmp-*", "*/.*.yaml.tmp-*", f"{JURNAL}.tmp-*")
        for p in folder.glob(pola)
        if p.is_file() and not p.is_symlink()
    )


def pulihkan(folder: Path) -> list[str]:
    """Finish or roll back an interrupted import in the satker ``folder``; return what was
    done (file names, for a message), empty when there was nothing to do."""
    folder = Path(folder)
    jurnal = folder / JURNAL
    selesai: list[str] = []
    if jurnal.is_file() and not jurnal.is_symlink():
        try:
            pasangan = json.loads(jurnal.read_text(encoding="utf-8"))["berkas"]
        except (OSError, ValueError, KeyError, TypeError):
            pasangan = []  # never complete (it is written atomically): nothing was committed
        akar = folder.resolve()
        for sementara, tujuan in pasangan:
            a, b = folder / str(sementara), folder / str(tujuan)
            if not (a.resolve().is_relative_to(akar) and b.resolve().is_relative_to(akar)):
                raise DataError(str(jurnal), "jurnal impor menunjuk ke luar folder satker")
            if a.is_file():
                try:
                    os.replace(a, b)
                except OSError as err:
                    raise OutputError(b, sebab_os(err)) from None
                selesai.append(str(tujuan))
        for p in {(folder / str(t)).parent for _, t in pasangan} | {folder}:
            _fsync_folder(p)
        try:
            jurnal.unlink()
        except OSError as err:
            raise OutputError(jurnal, sebab_os(err)) from None
    for p in _sementara_tersisa(folder):
        with contextlib.suppress(OSError):
            p.unlink()
    return selesai


def tulis_semua(folder: Path, berkas: list[tuple[Path, str]]) -> None:
    """Write every ``(path, teks)`` under the satker ``folder``: all of them, or — when a
    write fails or the process is killed before the commit point — none."""
    folder = Path(folder)
    pulihkan(folder)
    pasangan: list[tuple[Path, Path]] = []
    jurnal = folder / JURNAL
    try:
        for path, teks in berkas:
            sementara = nama_sementara(path)
            pasangan.append((sementara, path))
            try:
                _tulis_sinkron(sementara, teks)
            except OSError as err:
                raise OutputError(path, sebab_os(err)) from None
        isi = json.dumps(
            {
                "berkas": [
                    [str(a.relative_to(folder)), str(b.relative_to(folder))] for a, b in pasangan
                ]
            },
            ensure_ascii=False,
        )
        jurnal_sementara = folder / f"{JURNAL}.tmp-{secrets.token_hex(4)}"
        try:
            _tulis_sinkron(jurnal_sementara, isi)
            os.replace(jurnal_sementara, jurnal)  # the commit point
        except OSError as err:
            with contextlib.suppress(OSError):
                jurnal_sementara.unlink()
            raise OutputError(berkas[0][0] if len(berkas) == 1 else folder, sebab_os(err)) from None
        _fsync_folder(folder)
    except BaseException:
        for sementara, _ in pasangan:
            with contextlib.suppress(OSError):
                sementara.unlink()
        raise
    pulihkan(folder)  # the renames, then the journal removed
