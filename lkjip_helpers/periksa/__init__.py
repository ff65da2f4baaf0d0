"""Data checks: every figure recomputed, every inconsistency a finding (``Temuan``), and the
findings grouped into distinct problems for the review memo (``Masalah``, ``Tinjauan``)."""

from .masalah import (
    IkkVerifikasi,
    Masalah,
    Rincian,
    Tinjauan,
    susun_masalah,
    tinjauan,
    tinjauan_dari,
)
from .pemeriksaan import KODE_TEMUAN, periksa, periksa_data, tulis_json
from .rekonsiliasi import SelPerbaikan
from .temuan import URUTAN_TINGKAT, Subjek, Temuan, Tingkat, hitung_tingkat

__all__ = [
    "KODE_TEMUAN",
    "URUTAN_TINGKAT",
    "IkkVerifikasi",
    "Masalah",
    "Rincian",
    "SelPerbaikan",
    "Subjek",
    "Temuan",
    "Tingkat",
    "Tinjauan",
    "hitung_tingkat",
    "periksa",
    "periksa_data",
    "susun_masalah",
    "tinjauan",
    "tinjauan_dari",
    "tulis_json",
]
