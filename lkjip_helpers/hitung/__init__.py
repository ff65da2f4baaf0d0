"""Computation: realisasi and capaian, budget, SMART-DJA/IKPA/NKA, every figure of a report.

Imports only :mod:`lkjip_helpers.muat` (and the bottom modules ``errors``, ``format_id``).
"""

from .hasil import HasilLaporan, RingkasanSasaran, hasil_laporan, hasil_untuk, hitung

__all__ = ["HasilLaporan", "RingkasanSasaran", "hasil_laporan", "hasil_untuk", "hitung"]
