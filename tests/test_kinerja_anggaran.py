"""SMART-DJA, IKPA (rules versioned by fiscal year), predicates and the combined score (NKA).

Also covers the rule table of ``lkjip_helpers.hitung.aturan``. Figures: seed Tabel 3.9 and 3.10
(baris 2100-2127); weights PMK 22/2021 and PER-5/PB/2022, PER-5/PB/2024 (DESIGN.md).
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_helpers import format_id as f
from lkjip_helpers.hitung import aturan
from lkjip_helpers.hitung.kinerja_anggaran import (
    hitung_ikpa,
    hitung_nka,
    hitung_smart,
    nilai_efisiensi,
)
from lkjip_helpers.muat import skema as s

D = Decimal

# Tabel 3.10 "Nilai" row (evaluasi.yaml 2023)
IKPA_2023 = dict(
    revisi_dipa=D(100),
    deviasi_halaman_iii_dipa=D("87.28"),
    penyerapan_anggaran=D(100),
    belanja_kontraktual=D(100),
    penyelesaian_tagihan=D(100),
    pengelolaan_up_tup=D("99.31"),
    dispensasi_spm=D(100),
    capaian_output=D(100),
)
# Tabel 3.9 (evaluasi.yaml 2023)
SMART_2023 = dict(
    penyerapan=D("88.6"),
    konsistensi=D("98.1"),
    capaian_ro=D("99.53"),
    efisiensi=D("10.06"),
    nilai_efisiensi=D("75.14"),
)


# --------------------------------------------------------------------------- SMART-DJA


def test_smart_2023_from_components():
    # CRO         99.53 × 43.5 % = 43.29555
    # efisiensi   75.14 × 28.6 % = 21.49004
    # konsistensi 98.1  × 18.2 % = 17.85420
    # penyerapan  88.6  ×  9.7 % =  8.59420
    # sum = 91.23399 → "91,23" (the seed prints 91,24)
    h = hitung_smart(s.Smart(**SMART_2023), 2023)
    assert h.kontribusi == {
        "capaian_ro": D("43.29555"),
        "nilai_efisiensi": D("21.49004"),
        "konsistensi": D("17.8542"),
        "penyerapan": D("8.5942"),
    }
    assert h.nilai == D("91.23399")
    assert f.angka(h.nilai) == "91,23"
    assert h.komponen["nilai_efisiensi"] == D("75.14")  # the stated value is used
    assert h.nilai_efisiensi_rumus == D("75.15")
    assert h.aturan.dasar == "PMK 22/2021"


def test_smart_weights_are_the_ones_that_reproduce_the_seed():
    # The seed's prose lists penyerapan 28,6 / efisiensi 18,2 / konsistensi 9,7, but only
    # CRO 43,5 / efisiensi 28,6 / konsistensi 18,2 / penyerapan 9,7 reproduce its figures.
    assert aturan.aturan_smart(2023).bobot == {
        "capaian_ro": D("43.5"),
        "nilai_efisiensi": D("28.6"),
        "konsistensi": D("18.2"),
        "penyerapan": D("9.7"),
    }
    assert sum(aturan.aturan_smart(2023).bobot.values()) == 100


def test_smart_with_efisiensi_only_uses_the_formula():
    # nilai efisiensi from the formula 75.15 instead of 75.14: +0.01 × 28.6 % = +0.00286
    # → 91.23399 + 0.00286 = 91.23685 → "91,24" — the seed's printed figure.
    komponen = {k: v for k, v in SMART_2023.items() if k != "nilai_efisiensi"}
    h = hitung_smart(s.Smart(**komponen), 2023)
    assert h.komponen["nilai_efisiensi"] == D("75.15")
    assert h.nilai == D("91.23685")
    assert f.angka(h.nilai) == "91,24"


@pytest.mark.parametrize(
    ("e", "ne"),
    [
        (D("10.06"), D("75.15")),  # 50 + 10.06 / 20 × 50 = 50 + 25.15 = 75.15
        (D(0), D(50)),
        (D(20), D(100)),
        (D(25), D(100)),  # clamped to +20
        (D(-8), D(30)),  # 50 + (−8 / 20) × 50 = 50 − 20 = 30
        (D(-30), D(0)),  # clamped to −20
    ],
)
def test_nilai_efisiensi(e, ne):
    assert nilai_efisiensi(e) == ne


def test_smart_schema_needs_an_efficiency_figure():
    with pytest.raises(ValueError, match="isi efisiensi atau nilai_efisiensi"):
        s.Smart(penyerapan=1, konsistensi=1, capaian_ro=1)


# --------------------------------------------------------------------------- IKPA 2022-2023


def test_ikpa_2023_from_components():
    # Nilai × Bobot / 100:
    #   revisi 100 × 10 = 10         deviasi 87.28 × 10 = 8.728     penyerapan 100 × 20 = 20
    #   kontraktual 100 × 10 = 10    tagihan 100 × 10 = 10          UP/TUP 99.31 × 10 = 9.931
    #   dispensasi 100 × 5 = 5       capaian output 100 × 25 = 25
    # total = 10 + 8.728 + 20 + 10 + 10 + 9.931 + 5 + 25 = 98.659 → "98,66" (seed 98,66)
    h = hitung_ikpa(s.Ikpa(**IKPA_2023), 2023)
    assert h.nilai_akhir["deviasi_halaman_iii_dipa"] == D("8.728")
    assert h.nilai_akhir["pengelolaan_up_tup"] == D("9.931")
    assert h.nilai_total == D("98.659") and h.nilai == D("98.659")
    assert f.angka(h.nilai) == "98,66"
    assert h.konversi_bobot == 100 and h.pengurang == 0
    assert h.predikat == "Sangat Baik"
    assert h.aturan.dasar == "PER-5/PB/2022"


def test_ikpa_2023_aspects():
    h = hitung_ikpa(s.Ikpa(**IKPA_2023), 2023)
    # perencanaan (revisi, deviasi): (10 + 8.728) / 20 × 100 = 93.64
    assert h.aspek["perencanaan"] == D("93.64")
    # pelaksanaan: (20 + 10 + 10 + 9.931 + 5) / 55 × 100 = 54.931 / 55 × 100 = 99.8745…
    # → "99,87" (the seed prints 99,64)
    assert f.angka(h.aspek["pelaksanaan"]) == "99,87"
    assert D("99.8745") < h.aspek["pelaksanaan"] < D("99.8746")
    # hasil (capaian output): 25 / 25 × 100 = 100
    assert h.aspek["hasil"] == 100


def test_ikpa_2023_weights_and_aspects():
    a = aturan.aturan_ikpa(2023)
    assert a.bobot == {
        "revisi_dipa": 10,
        "deviasi_halaman_iii_dipa": 10,
        "penyerapan_anggaran": 20,
        "belanja_kontraktual": 10,
        "penyelesaian_tagihan": 10,
        "pengelolaan_up_tup": 10,
        "dispensasi_spm": 5,
        "capaian_output": 25,
    }
    # aspect weights 20 / 55 / 25
    per_aspek = {n: sum(a.bobot[k] for k in anggota) for n, anggota in a.aspek.items()}
    assert per_aspek == {"perencanaan": 20, "pelaksanaan": 55, "hasil": 25}
    assert not a.dispensasi_pengurang
    assert aturan.aturan_ikpa(2022) is a


def test_ikpa_renormalises_when_a_component_is_not_assessed():
    # A satker without contracts: belanja_kontraktual None.  Assessed weight 100 − 10 = 90.
    # Sum of weighted scores without it: 98.659 − 10 = 88.659; × 100 / 90 = 98.51.
    komponen = {**IKPA_2023, "belanja_kontraktual": None}
    h = hitung_ikpa(s.Ikpa(**komponen), 2023)
    assert h.konversi_bobot == 90
    assert h.nilai == D("98.51")
    assert "belanja_kontraktual" not in h.nilai_akhir
    # effective weights: 10 × 100 / 90 = 11.111…, 25 × 100 / 90 = 27.777…
    assert f.angka(h.bobot_efektif["revisi_dipa"], 3) == "11,111"
    assert f.angka(h.bobot_efektif["capaian_output"], 3) == "27,778"
    assert f.angka(sum(h.bobot_efektif.values()), 6) == "100,000000"
    # pelaksanaan over the assessed members: (20 + 10 + 9.931 + 5) / 45 × 100 = 99.8466…
    assert f.angka(h.aspek["pelaksanaan"]) == "99,85"


def test_ikpa_renormalised_tie_rounds_half_up():
    # Every assessed component 90 except deviasi 90.045, kontraktual not assessed (weight 90):
    # weighted sum = 90 × 0.80 + 90.045 × 0.10 = 72 + 9.0045 = 81.0045;
    # × 100 / 90 = 90.005 exactly → half-up "90,01".  (Multiplying by a rounded factor
    # 1.1111…1 would give 90.004999… → "90,00".)
    komponen = {k: D(90) for k in IKPA_2023}
    komponen.update(belanja_kontraktual=None, deviasi_halaman_iii_dipa=D("90.045"))
    h = hitung_ikpa(s.Ikpa(**komponen), 2023)
    assert h.nilai == D("90.005")
    assert f.angka(h.nilai) == "90,01"


def test_ikpa_aspect_with_nothing_assessed_is_none():
    komponen = {**IKPA_2023, "capaian_output": None}
    h = hitung_ikpa(s.Ikpa(**komponen), 2023)
    assert h.aspek["hasil"] is None
    # 98.659 − 25 = 73.659 over 75 % of the weight → 73.659 / 75 × 100 = 98.212
    assert h.nilai == D("98.212")


def test_ikpa_nothing_assessed():
    with pytest.raises(ValueError, match="tidak ada komponen IKPA"):
        hitung_ikpa(s.Ikpa(), 2023)


def test_ikpa_deduction_ignored_before_2024():
    h = hitung_ikpa(s.Ikpa(**IKPA_2023, pengurang_dispensasi_spm=D(2)), 2023)
    assert h.pengurang == 0 and h.nilai == D("98.659")


# --------------------------------------------------------------------------- IKPA 2024+

IKPA_2024 = dict(
    revisi_dipa=D(90),
    deviasi_halaman_iii_dipa=D(80),
    penyerapan_anggaran=D(95),
    belanja_kontraktual=D(100),
    penyelesaian_tagihan=D(100),
    pengelolaan_up_tup=D(70),
    capaian_output=D(98),
)


def test_ikpa_2024_rule():
    # PER-5/PB/2024: Deviasi weighs 15, Dispensasi SPM is no longer weighted but deducted.
    # weighted: revisi 90 × 10 = 9; deviasi 80 × 15 = 12; penyerapan 95 × 20 = 19;
    #   kontraktual 100 × 10 = 10; tagihan 100 × 10 = 10; UP/TUP 70 × 10 = 7;
    #   capaian output 98 × 25 = 24.5  → total 91.5; minus 0.5 deduction = 91.0 → "Baik"
    h = hitung_ikpa(
        s.Ikpa(**IKPA_2024, dispensasi_spm=D(0), pengurang_dispensasi_spm=D("0.5")), 2024
    )
    assert h.aturan.dasar == "PER-5/PB/2024"
    assert "dispensasi_spm" not in h.nilai_akhir  # a stated score is not weighted any more
    assert h.nilai_akhir["deviasi_halaman_iii_dipa"] == 12
    assert h.nilai_total == D("91.5")
    assert h.pengurang == D("0.5")
    assert h.nilai == D("91.0")
    assert h.konversi_bobot == 100
    assert h.predikat == "Baik"
    # aspects: perencanaan (9 + 12) / 25 × 100 = 84;
    #          pelaksanaan (19 + 10 + 10 + 7) / 50 × 100 = 92; hasil 24.5 / 25 × 100 = 98
    assert h.aspek == {"perencanaan": D(84), "pelaksanaan": D(92), "hasil": D(98)}


def test_ikpa_2024_weights():
    a = aturan.aturan_ikpa(2024)
    assert a.bobot["deviasi_halaman_iii_dipa"] == 15
    assert "dispensasi_spm" not in a.bobot
    assert sum(a.bobot.values()) == 100
    assert a.dispensasi_pengurang
    assert aturan.aturan_ikpa(2030) is a  # open-ended


def test_ikpa_deduction_never_below_zero():
    nol = {k: D(0) for k in IKPA_2024}
    h = hitung_ikpa(s.Ikpa(**nol, pengurang_dispensasi_spm=D(3)), 2024)
    assert h.nilai == 0 and h.predikat == "Kurang"


# --------------------------------------------------------------------------- predicates and NKA


@pytest.mark.parametrize(
    ("nilai", "label"),
    [
        (D(100), "Sangat Baik"),
        (D(95), "Sangat Baik"),
        (D("94.99"), "Baik"),
        (D(89), "Baik"),
        (D("88.99"), "Cukup"),
        (D(70), "Cukup"),
        (D("69.99"), "Kurang"),
        (D(0), "Kurang"),
        (None, None),
    ],
)
def test_predikat(nilai, label):
    assert aturan.predikat(nilai) == label


def test_nka_2023():
    # 60 % × 91.23399 + 40 % × 98.659 = 54.740394 + 39.4636 = 94.203994 → "94,20"
    # (the seed prints 94,208)
    h = hitung_nka(D("91.23399"), D("98.659"), 2023)
    assert h.nilai == D("94.203994")
    assert f.angka(h.nilai) == "94,20"
    assert (h.aturan.bobot_smart, h.aturan.bobot_ikpa) == (60, 40)


def test_nka_from_the_components():
    smart = hitung_smart(s.Smart(**SMART_2023), 2023)
    ikpa = hitung_ikpa(s.Ikpa(**IKPA_2023), 2023)
    assert f.angka(hitung_nka(smart.nilai, ikpa.nilai, 2023).nilai) == "94,20"


# --------------------------------------------------------------------------- official values


def test_smart_official_value_stands():
    # The application printed 91,24 (Tabel 3.9); the components give 91,23399 → "91,23".
    h = hitung_smart(s.Smart(**SMART_2023, nilai=D("91.24")), 2023)
    assert h.resmi is True
    assert h.nilai == D("91.24")  # printed
    assert h.nilai_hitung == D("91.23399")  # the check
    assert h.selisih_resmi == D("0.00601")
    # without a published value the recomputation is printed
    tanpa = hitung_smart(s.Smart(**SMART_2023), 2023)
    assert (tanpa.resmi, tanpa.nilai, tanpa.selisih_resmi) == (False, D("91.23399"), None)


def test_ikpa_official_value_stands_and_sets_the_predicate():
    # Tabel 3.10 "Nilai Akhir" 98,66; the components give 98,659.
    h = hitung_ikpa(s.Ikpa(**IKPA_2023, nilai=D("98.66")), 2023)
    assert (h.resmi, h.nilai, h.nilai_hitung) == (True, D("98.66"), D("98.659"))
    assert h.predikat == "Sangat Baik"
    # a published 94,99 (made up) would be "Baik" whatever the components say
    assert hitung_ikpa(s.Ikpa(**IKPA_2023, nilai=D("94.99")), 2023).predikat == "Baik"


def test_nka_uses_the_official_values():
    # DESIGN.md: 0,6 × 91,24 + 0,4 × 98,66 = 54,744 + 39,464 = 94,208 → "94,21"
    smart = hitung_smart(s.Smart(**SMART_2023, nilai=D("91.24")), 2023)
    ikpa = hitung_ikpa(s.Ikpa(**IKPA_2023, nilai=D("98.66")), 2023)
    h = hitung_nka(smart.nilai, ikpa.nilai, 2023)
    assert h.nilai == D("94.208")
    assert f.angka(h.nilai) == "94,21"


def test_sample_prints_the_published_scores():
    from lkjip_helpers.hitung import hasil_laporan

    h = hasil_laporan("lapas-banyuasin", 2023, Path(__file__).parents[1] / "data")
    assert (f.angka(h.smart.nilai), f.angka(h.ikpa.nilai), f.angka(h.nka.nilai)) == (
        "91,24",
        "98,66",
        "94,21",
    )
    b = h.besaran()
    assert b["smart.nilai"] == D("91.24") and b["smart.nilai_hitung"] == D("91.23399")
    assert b["ikpa.nilai"] == D("98.66") and b["ikpa.nilai_hitung"] == D("98.659")
    assert b["nka.nilai"] == D("94.208")


# --------------------------------------------------------------------------- rule table


@pytest.mark.parametrize(
    "tabel", [aturan.SMART, aturan.IKPA, aturan.NKA], ids=["SMART", "IKPA", "NKA"]
)
def test_rule_versions_do_not_overlap(tabel):
    urut = sorted(tabel, key=lambda v: v.mulai)
    for v in urut:
        assert v.sampai is None or v.sampai >= v.mulai
        assert v.dasar
    for a, b in itertools.pairwise(urut):
        assert a.sampai is not None, "an open-ended version must be the last one"
        assert a.sampai < b.mulai
    # every year from the first version onward is covered by exactly one version
    for tahun in range(urut[0].mulai, 2036):
        assert sum(v.berlaku(tahun) for v in tabel) == 1, tahun


def test_ikpa_weights_sum_to_100_in_every_version():
    for v in aturan.IKPA:
        assert sum(v.bobot.values()) == 100
        anggota = [k for ks in v.aspek.values() for k in ks]
        assert sorted(anggota) == sorted(v.bobot), "every weighted component in one aspect"


def test_no_rule_for_the_year():
    with pytest.raises(aturan.AturanTidakAda, match="IKPA untuk TA 2021 belum tersedia"):
        aturan.aturan_ikpa(2021)
    with pytest.raises(aturan.AturanTidakAda):
        hitung_smart(s.Smart(**SMART_2023), 2019)
