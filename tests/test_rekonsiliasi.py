"""The single cell that reconciles a table (hand-made tables and the sample's 2022 budget)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from lkjip_helpers.hitung import hasil_laporan
from lkjip_helpers.periksa.rekonsiliasi import diagnosa_anggaran, diagnosa_tabel, sel_tunggal

DATA = Path(__file__).parents[1] / "data"


def _tabel(a, b, total, sisa_a=None, sisa_b=None, sisa_total=None):
    """Two parts (pagu, realisasi[, sisa]) and a total, with the usual sums."""
    sel = {
        ("a", "pagu"): D(a[0]),
        ("a", "real"): D(a[1]),
        ("b", "pagu"): D(b[0]),
        ("b", "real"): D(b[1]),
        ("t", "pagu"): D(total[0]),
        ("t", "real"): D(total[1]),
    }
    persamaan = [
        {("a", "pagu"): 1, ("b", "pagu"): 1, ("t", "pagu"): -1},
        {("a", "real"): 1, ("b", "real"): 1, ("t", "real"): -1},
    ]
    if sisa_a is not None:
        sel |= {("a", "sisa"): D(sisa_a), ("b", "sisa"): D(sisa_b), ("t", "sisa"): D(sisa_total)}
        persamaan.append({("a", "sisa"): 1, ("b", "sisa"): 1, ("t", "sisa"): -1})
        for k in "abt":
            persamaan.append({(k, "pagu"): 1, (k, "real"): -1, (k, "sisa"): -1})
    return sel, persamaan


def test_consistent_table_needs_nothing():
    # 10 + 20 = 30; 8 + 15 = 23; sisa 2 + 5 = 7 = 30 − 23
    assert sel_tunggal(*_tabel((10, 8), (20, 15), (30, 23), 2, 5, 7)) == []


def test_one_wrong_part_with_sisa_is_found():
    # b's realisasi typed 51 instead of 15: 8 + 51 ≠ 23 and 20 − 51 ≠ 5; only b.real is in
    # both failing equations, and 15 satisfies both (23 − 8 = 15, 20 − 5 = 15)
    assert sel_tunggal(*_tabel((10, 8), (20, 51), (30, 23), 2, 5, 7)) == [(("b", "real"), D(15))]


def test_a_lone_failing_sum_has_many_candidates():
    # without sisa, 8 + 51 ≠ 23 can be mended by a.real (−28, rejected: negative),
    # b.real (15) or the total (59): more than one cell, so no diagnosis is given
    calon = sel_tunggal(*_tabel((10, 8), (20, 51), (30, 23)))
    assert sorted(k for k, _ in calon) == [("b", "real"), ("t", "real")]


def test_two_independent_errors_have_no_single_cell():
    # pagu 10 + 20 ≠ 31 and realisasi 8 + 15 ≠ 24: no cell is in both sums
    assert sel_tunggal(*_tabel((10, 8), (20, 15), (31, 24))) == []


def test_wrong_total_sisa_alone():
    # printed total sisa 9 instead of 7: the sisa row and the total column fail; the total
    # sisa cell is in both, and 7 satisfies both
    assert sel_tunggal(*_tabel((10, 8), (20, 15), (30, 23), 2, 5, 9)) == [(("t", "sisa"), D(7))]


def test_sample_2022_budget_by_jenis_belanja():
    # see tests/test_masalah.py for the hand computation (seed baris 2077-2081)
    h = hasil_laporan("lapas-banyuasin", 2023, DATA)
    (d,) = diagnosa_anggaran(h.data, h)
    assert (d.tahun, d.tabel, d.bagian, d.ukuran) == (
        2022,
        "per_jenis_belanja",
        "barang",
        "realisasi",
    )
    assert (d.tercatat, d.cocok) == (D(14990943790), D(14990934790))
    assert d.persamaan_tercatat == (
        "4.794.000.011 + 14.990.943.790 = 19.784.943.801, bukan 19.784.934.801",
        "15.001.021.000 − 14.990.943.790 = 10.077.210, bukan 10.086.210",
    )
    assert "realisasi Belanja Barang tercatat Rp14.990.943.790" in d.uraian
    # 2023 by jenis belanja is consistent (4.882.029.000 + 11.584.012.000 = 16.466.041.000;
    # sisa 48.741.946 + 81.802.590 = 130.544.536 = 16.466.041.000 − 16.335.496.464)
    assert diagnosa_tabel(h.data, h.anggaran, "per_jenis_belanja") is None
