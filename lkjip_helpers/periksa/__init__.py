"""Data checks: every figure recomputed, every inconsistency a finding (``Temuan``)."""

from .pemeriksaan import (
    URUTAN_TINGKAT,
    Temuan,
    hitung_tingkat,
    periksa,
    periksa_data,
    tulis_json,
)

__all__ = ["URUTAN_TINGKAT", "Temuan", "hitung_tingkat", "periksa", "periksa_data", "tulis_json"]
