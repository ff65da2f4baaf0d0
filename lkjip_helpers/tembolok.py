"""One way to compute something once per object: :func:`sekali_per_objek`.

A result derived from an object (the figures of a loaded data set, the document model of the
figures) is kept on the object itself, so it lives exactly as long as its source, needs no
eviction rule and can never be served for another object that happens to reuse a freed
``id()``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

H = TypeVar("H")


def sekali_per_objek(fungsi: Callable[[Any], H]) -> Callable[[Any], H]:
    """Decorate a one-argument function: its result for an object is computed on the first
    call and kept in that object's ``__dict__`` (not a dataclass field: equality, ``replace``
    and ``asdict`` do not see it)."""
    nama = f"_sekali_{fungsi.__module__}.{fungsi.__qualname__}"

    @functools.wraps(fungsi)
    def pembungkus(obj: Any) -> H:
        simpan = vars(obj)
        if nama not in simpan:
            simpan[nama] = fungsi(obj)
        return simpan[nama]

    return pembungkus
