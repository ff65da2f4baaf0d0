"""Loading: parameters, the schema of the data files, YAML reading and validation.

The bottom of the flow: nothing here imports from the other subpackages.
"""

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
