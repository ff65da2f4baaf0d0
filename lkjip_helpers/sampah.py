"""Python's cyclic garbage collector during a build.

A build process holds a large heap that lives as long as the build does: the imported
modules (ours, pydantic, nbformat, jupyter_client …) and the report model. Python's full
collections scan all of it again each time: three of them cost a cold HTML build ≈ 0,2 s of
CPU. :func:`dibekukan` freezes what is alive when a build starts (``gc.freeze``: the collector
no longer scans it) and :func:`bekukan` adds what is alive before a child is forked (the
child's pages stay shared with the build, the build's later collections stay cheap); the
outermost block unfreezes everything again (``gc.unfreeze``), so a long-lived process calling
:func:`~lkjip_helpers.bangun.susun.build` (a Dask worker, JupyterLab) keeps no garbage frozen.

Only cyclic garbage that dies during the build waits for the unfreeze: reference counting
frees everything else at once.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_kunci = threading.Lock()
_kedalaman = 0
"""How many :func:`dibekukan` blocks are open (in any thread)."""


@contextmanager
def dibekukan(tanpa_kumpul: bool = False) -> Iterator[None]:
    """Leave the objects alive now out of the collector's scans until the outermost such
    block ends. ``tanpa_kumpul``: the collector is paused inside the block too (what is
    allocated there lives until it ends: WeasyPrint's layout) and resumed after, if it was
    running."""
    global _kedalaman
    with _kunci:
        _kedalaman += 1
        gc.freeze()
    aktif = gc.isenabled()
    if tanpa_kumpul:
        gc.disable()
    try:
        yield
    finally:
        if tanpa_kumpul and aktif:
            gc.enable()
        with _kunci:
            _kedalaman -= 1
            if not _kedalaman:
                gc.unfreeze()


def bekukan() -> None:
    """Inside a :func:`dibekukan` block: freeze what is alive now too (before a fork);
    outside one, nothing (nothing would unfreeze it)."""
    with _kunci:
        if _kedalaman:
            gc.freeze()
