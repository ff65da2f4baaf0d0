"""Loading: parameters, the schema of the data files, YAML reading and validation.

The bottom of the flow: nothing here imports from the other subpackages. The names below are
imported from their modules on first use (PEP 562): ``lkjip`` commands that need only the
parameters or the file helpers (a build whose inputs did not change) do not build the
data schema.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .berkas import (
        baca_yaml,
        muat_berkas,
        pastikan_dalam,
        pastikan_terpisah,
        path_dalam,
        ringkas_nilai,
        validasi,
    )
    from .data import DataLaporan, DataTahun, muat, muat_laporan
    from .parameter import validasi_parameter

_MODUL = {
    "baca_yaml": "berkas",
    "muat_berkas": "berkas",
    "pastikan_dalam": "berkas",
    "pastikan_terpisah": "berkas",
    "path_dalam": "berkas",
    "ringkas_nilai": "berkas",
    "validasi": "berkas",
    "DataLaporan": "data",
    "DataTahun": "data",
    "muat": "data",
    "muat_laporan": "data",
    "validasi_parameter": "parameter",
}
"""Public name → the module of this package that defines it."""

__all__ = [
    "DataLaporan",
    "DataTahun",
    "baca_yaml",
    "muat",
    "muat_berkas",
    "muat_laporan",
    "pastikan_dalam",
    "pastikan_terpisah",
    "path_dalam",
    "ringkas_nilai",
    "validasi",
    "validasi_parameter",
]


def __getattr__(nama: str) -> Any:
    """A public name of :data:`_MODUL`, imported from its module on first use."""
    modul = _MODUL.get(nama)
    if modul is None:
        raise AttributeError(f"module {__name__!r} has no attribute {nama!r}")
    nilai = getattr(importlib.import_module(f".{modul}", __name__), nama)
    globals()[nama] = nilai
    return nilai
