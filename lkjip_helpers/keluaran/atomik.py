"""Write one output file atomically (the package's one implementation:
:mod:`lkjip_helpers.atomik`)."""

from __future__ import annotations

from ..atomik import tulis_atomik
from ..errors import OutputError

__all__ = ["OutputError", "tulis_atomik"]
