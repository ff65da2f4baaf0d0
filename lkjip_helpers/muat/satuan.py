"""The units of measure an IKK may be written in: one table, from which the checks' list of
known units, the counting units (whole numbers) and the workbook's drop-down are derived.

A unit is matched without regard to case or surrounding spaces (``Orang`` = ``orang``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

JenisSatuan = Literal["persen", "cacah", "nilai", "waktu"]
"""persen: a percentage; cacah: counts things (values must be whole); nilai: a score or index;
waktu: a duration."""


@dataclass(frozen=True)
class Satuan:
    """One known unit."""

    nama: str
    """As offered in the workbook (``Orang``); compared in lower case."""
    jenis: JenisSatuan
    saran: bool = True
    """Offered in the workbook's drop-down (a spelling variant such as ``persen`` is not)."""


SATUAN: tuple[Satuan, ...] = (
    Satuan("%", "persen"),
    Satuan("Orang", "cacah"),
    Satuan("Unit", "cacah"),
    Satuan("Layanan", "cacah"),
    Satuan("Dokumen", "cacah"),
    Satuan("Laporan", "cacah"),
    Satuan("Kegiatan", "cacah"),
    Satuan("Paket", "cacah"),
    Satuan("Kali", "cacah"),
    Satuan("Gedung/Bangunan", "cacah"),
    Satuan("Rekomendasi", "cacah"),
    Satuan("Indeks", "nilai"),
    Satuan("Nilai", "nilai"),
    Satuan("persen", "persen", saran=False),
    Satuan("Bulan", "waktu", saran=False),
    Satuan("Hari", "waktu", saran=False),
)
"""Every unit the checks know (another unit is an error of the catalog)."""

SATUAN_DIKENAL = frozenset(x.nama.lower() for x in SATUAN)
"""Known units, lower case."""
SATUAN_CACAH = frozenset(x.nama.lower() for x in SATUAN if x.jenis == "cacah")
"""Units that count things: values in them must be whole."""
SATUAN_SARAN = tuple(x.nama for x in SATUAN if x.saran)
"""Units offered in the workbook's drop-downs (a warning, not a refusal: the data model takes
any unit; the checks report an unknown one)."""
