"""``python -m lkjip_helpers …`` — the same as the ``lkjip`` command (e.g. on Windows)."""

from .cli import jalankan

jalankan()
