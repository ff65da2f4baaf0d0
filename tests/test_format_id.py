"""Indonesian display formatting: half-up rounding, separators, Rp, percent, month names.

Every expected string below is written by hand from the rule "thousands '.', decimals ',',
half-up at display only" (DESIGN.md, Rounding) or from the seed report.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip_helpers import format_id as f

D = Decimal


# --------------------------------------------------------------------------- rounding


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [
        # 100 / 85 × 100 = 117.647058… → half-up 117.65 (the seed truncates to 117,64).
        (D(100) / D(85) * 100, "117,65"),
        # Ties round away from zero, not to even: 2.675 → 2.68, 0.125 → 0.13.
        (2.675, "2,68"),  # the float 2.675 is 2.67499999… in binary; must still give 2,68
        (0.125, "0,13"),
        (D("2.665"), "2,67"),  # banker's rounding would give 2,66
        (D("-2.675"), "-2,68"),  # half-up = away from zero for negatives too
        (D("99.995"), "100,00"),
    ],
)
def test_angka_half_up(nilai, harapan):
    assert f.angka(nilai) == harapan


def test_bulatkan_returns_decimal_half_up():
    assert f.bulatkan(D("13.206986"), 2) == D("13.21")
    assert f.bulatkan(0.5, 0) == D(1)
    assert f.bulatkan(1.5, 0) == D(2)
    assert f.bulatkan(2.5, 0) == D(3)  # round-half-even would give 2


def test_negative_zero_is_shown_without_sign():
    # −0.004 rounds to 0.00; a report must not print "-0,00".
    assert f.angka(D("-0.004")) == "0,00"
    assert f.persen(D("-0.001")) == "0,00%"
    assert f.poin(D("-0.004")) == "0,00 poin"


# --------------------------------------------------------------------------- numbers


def test_thousands_and_decimal_separators():
    # 1234567.891 → 1.234.567,89 (DESIGN.md example)
    assert f.angka(1234567.891) == "1.234.567,89"
    assert f.angka(D("1234567.885")) == "1.234.567,89"  # tie → up
    assert f.angka(-1234.5) == "-1.234,50"
    assert f.angka(0) == "0,00"
    assert f.angka(D(1000)) == "1.000,00"


def test_angka_precision_and_ringkas():
    assert f.angka(D("98.659"), 3) == "98,659"
    assert f.angka(1234567.891, 0) == "1.234.568"
    assert f.angka(38, ringkas=True) == "38"  # ",00" tail dropped
    assert f.angka(D("38.50"), ringkas=True) == "38,50"  # only an all-zero tail goes


def test_large_decimal_keeps_all_digits():
    # Decimal arithmetic, no float: every digit of an 18-digit amount survives.
    assert f.angka(D("123456789012345678.125")) == "123.456.789.012.345.678,13"


def test_bulat_whole_number():
    assert f.bulat(16466041000) == "16.466.041.000"
    assert f.bulat(D("1176.5")) == "1.177"  # half-up


def test_none_is_dash():
    assert f.angka(None) == f.KOSONG
    assert f.persen(None) == f.KOSONG
    assert f.rupiah(None) == f.KOSONG
    assert f.poin(None) == f.KOSONG
    assert f.nilai_satuan(None, "%") == f.KOSONG


def test_numpy_float_is_accepted():
    np = pytest.importorskip("numpy")
    assert f.angka(np.float64(2.675)) == "2,68"


def test_boolean_is_not_a_number():
    with pytest.raises(TypeError):
        f.ke_decimal(True)


# --------------------------------------------------------------------------- percent, money, points


def test_persen():
    # Penyerapan 2023: 16.335.496.464 / 16.466.041.000 × 100 = 99.2071… → "99,21%"
    assert f.persen(D(16335496464) / D(16466041000) * 100) == "99,21%"
    # Vokasi 40 / 977 × 100 = 4.09416… → "4,09%"
    assert f.persen(D(40) / D(977) * 100) == "4,09%"
    assert f.persen(80, ringkas=True) == "80%"


def test_rupiah():
    assert f.rupiah(16466041000) == "Rp16.466.041.000"
    # 16.389.441.000 − 16.466.041.000 = −76.600.000
    assert f.rupiah(D(16389441000) - D(16466041000)) == "-Rp76.600.000"
    assert f.rupiah(D("1500.5"), 2) == "Rp1.500,50"


def test_poin_signed_percentage_points():
    # 125 − 100/70×100 = 125 − 142.857142… = −17.857142… → "-17,86 poin" (seed: "17,85", truncated)
    assert f.poin(D(125) - D(100) / D(70) * 100) == "-17,86 poin"
    assert f.poin(D("19.0668")) == "+19,07 poin"
    assert f.poin(0) == "0,00 poin"


def test_nilai_satuan():
    assert f.nilai_satuan(80, "%") == "80%"
    assert f.nilai_satuan(D("4.0942"), "%") == "4,09%"
    assert f.nilai_satuan(4, "Unit") == "4 Unit"
    assert f.nilai_satuan(168, "Unit") == "168 Unit"
    assert f.nilai_satuan(D("1.5"), "Layanan") == "1,50 Layanan"


# --------------------------------------------------------------------------- dates and words


@pytest.mark.parametrize(
    ("bulan", "nama"),
    [
        (1, "Januari"),
        (2, "Februari"),
        (3, "Maret"),
        (4, "April"),
        (5, "Mei"),
        (6, "Juni"),
        (7, "Juli"),
        (8, "Agustus"),
        (9, "September"),
        (10, "Oktober"),
        (11, "November"),
        (12, "Desember"),
    ],
)
def test_nama_bulan(bulan, nama):
    assert f.nama_bulan(bulan) == nama


def test_nama_bulan_abbreviated_and_out_of_range():
    assert f.nama_bulan(8, "abbreviated") == "Agu"
    for salah in (0, 13):
        with pytest.raises(ValueError, match="di luar 1–12"):
            f.nama_bulan(salah)


@pytest.mark.parametrize(
    ("n", "kata"),
    [
        (0, "nol"),
        (4, "empat"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (26, "dua puluh enam"),
        (99, "sembilan puluh sembilan"),
        (100, "100"),
        (-1, "-1"),
    ],
)
def test_terbilang_kecil(n, kata):
    assert f.terbilang_kecil(n) == kata
