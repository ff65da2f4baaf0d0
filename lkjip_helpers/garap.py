"""Work claims (*garap*): which of several processes makes a cached file.

A build's processes fill the same cache: the kernel and the DOCX child draw a cold build's
charts (:class:`~lkjip_helpers.laporan.grafik.TembolokGrafik`). Before making a cached
file, a process creates its claim file (``<file>.garap``, ``O_EXCL``, holding its pid);
another process that finds the claim waits for the file instead of making it too, as long as
the claim's process lives. A claim older than its time limit counts as abandoned: the cached
files are made deterministically, so a late duplicate costs time, never a wrong file. (Not
*klaim*: a figure a draft report states, ``klaim.yaml``.)
"""

from __future__ import annotations

import os
import time
from pathlib import Path


def garap(path: Path, basi: float) -> bool:
    """Claim the making of what ``path`` (the claim file) stands for: True when this
    process makes it (claimed now, the claim abandoned — older than ``basi`` seconds or its
    process gone — or a folder that cannot be written), False while another process holds
    the claim."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return not masih_digarap(path, basi)
    except OSError:
        return True
    with os.fdopen(fd, "w", encoding="ascii") as berkas:
        berkas.write(str(os.getpid()))
    return True


def masih_digarap(path: Path, basi: float) -> bool:
    """Whether the process holding the claim ``path`` may still be making its file: the
    claim is younger than ``basi`` seconds and (where processes can be asked) its process
    lives (a zombie does not). A claim released meanwhile counts as live: the caller looks
    for the file again."""
    try:
        umur = time.time() - path.stat().st_mtime
        pid = path.read_text(encoding="ascii").strip()
    except OSError:
        return True
    if umur > basi:
        return False
    if os.name == "posix" and pid.isdigit():
        try:
            os.kill(int(pid), 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            return False
        except OSError:  # another user's process: it exists
            return True
        return not _zombi(int(pid))
    return True


def _zombi(pid: int) -> bool:
    """Whether ``pid`` has ended but is not reaped yet (Linux ``/proc``: state ``Z``): a
    build's child that died stays so until the build waits for it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


def lepas(path: Path) -> None:
    """Release the claim ``path`` (once the file is made, or making it failed)."""
    path.unlink(missing_ok=True)
