"""Budget: penyerapan, sisa, breakdown sums, efficiency labels.

Figures from the seed's Bab III B (baris 2049-2079); every quotient is worked out in a comment.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_helpers import format_id as f
from lkjip_helpers.hitung.anggaran import (
    CUKUP_EFISIEN,
    EFISIEN,
    MELEBIHI_PAGU,
    TIDAK_EFISIEN,
    efisiensi,
    hitung_anggaran,
    penyerapan,
    sisa,
)
from lkjip_helpers.hitung.hasil import hasil_laporan
from lkjip_helpers.muat import skema as s

D = Decimal
DATA = Path(__file__).parents[1] / "data"


def test_penyerapan_2023_total():
    # sisa 16.466.041.000 − 16.335.496.464 = 130.544.536 (seed prints Rp.130.544.536)
    # 130.544.536 / 16.466.041.000 = 0.0079281…; 1 − 0.0079281 = 0.9920719 → 99,2072 % → "99,21"
    p = penyerapan(D(16466041000), D(16335496464))
    assert f.angka(p) == "99,21"
    assert D("99.2071") < p < D("99.2072")
    assert sisa(D(16466041000), D(16335496464)) == 130544536
    assert f.rupiah(sisa(D(16466041000), D(16335496464))) == "Rp130.544.536"


@pytest.mark.parametrize(
    ("pagu", "realisasi", "tampil", "sisa_harapan"),
    [
        # Belanja pegawai: sisa 48.741.946; 48.741.946 / 4.882.029.000 = 0.0099839… → 99,0016 %
        (4882029000, 4833287054, "99,00", 48741946),
        # Belanja barang: sisa 81.802.590; 81.802.590 / 11.584.012.000 = 0.0070617… → 99,2938 %
        (11584012000, 11502209410, "99,29", 81802590),
        # Sasaran 3: 35.190.000 / 35.200.000 = 1 − 10.000/35.200.000 = 0.999716 → 99,97 %
        (35200000, 35190000, "99,97", 10000),
        # Sasaran 4: realisasi above pagu by 8.783.109; 8.783.109 / 6.109.858.000 = 0.0014375
        # → 100,14 % (seed prints 100,14 %), sisa negative
        (6109858000, 6118641109, "100,14", -8783109),
        # Sasaran 1: 64.193.145 / 9.970.983.000 = 0.006438 → 99,3562 % (the seed prints 100 %)
        (9970983000, 9906789855, "99,36", 64193145),
    ],
)
def test_penyerapan_and_sisa_per_line(pagu, realisasi, tampil, sisa_harapan):
    assert f.angka(penyerapan(D(pagu), D(realisasi))) == tampil
    assert sisa(D(pagu), D(realisasi)) == sisa_harapan


def test_penyerapan_undefined():
    assert penyerapan(D(0), D(10)) is None  # zero pagu
    assert penyerapan(None, D(10)) is None
    assert penyerapan(D(10), None) is None
    assert sisa(D(10), None) is None


@pytest.mark.parametrize(
    ("capaian", "serapan", "selisih", "label"),
    [
        (D(110), D(99), D(11), EFISIEN),  # 110 − 99 = 11 > 5
        (D("104.01"), D(99), D("5.01"), EFISIEN),  # just above the threshold
        (D(104), D(99), D(5), CUKUP_EFISIEN),  # exactly +5 is "within ±5"
        (D(100), D(99), D(1), CUKUP_EFISIEN),
        (D(94), D(99), D(-5), CUKUP_EFISIEN),  # exactly −5 is "within ±5"
        (D("93.99"), D(99), D("-5.01"), TIDAK_EFISIEN),
        (D("13.21"), D(100), D("-86.79"), TIDAK_EFISIEN),
    ],
)
def test_efficiency_labels_with_threshold_5(capaian, serapan, selisih, label):
    assert efisiensi(capaian, serapan, D(5)) == (selisih, label)


def test_efficiency_threshold_is_configurable_and_none_passes_through():
    # 108 − 100 = 8: efisien with ambang 5, cukup efisien with ambang 10
    assert efisiensi(D(108), D(100), D(10)) == (D(8), CUKUP_EFISIEN)
    assert efisiensi(None, D(100)) == (None, None)
    assert efisiensi(D(100), None) == (None, None)


def _anggaran_2023() -> s.Anggaran:
    return s.Anggaran(
        pagu=16466041000,
        realisasi=16335496464,
        per_sasaran=[
            {"sasaran": "SK1", "pagu": 9970983000, "realisasi": 9906789855},
            {"sasaran": "SK2", "pagu": 273400000, "realisasi": 273397500},
            {"sasaran": "SK3", "pagu": 35200000, "realisasi": 35190000},
            {"sasaran": "SK4", "pagu": 6109858000, "realisasi": 6118641109},
        ],
        per_program=[
            {
                "program": "Program Penegakan dan Pelayanan Hukum",
                "kegiatan": "Penyelenggaraan Pemasyarakatan di Wilayah",
                "pagu": 10715235000,
            },
            {"program": "Program Dukungan Manajemen", "pagu": 5722235000},
        ],
        per_jenis_belanja=[
            {"jenis": "pegawai", "pagu": 4882029000, "realisasi": 4833287054},
            {"jenis": "barang", "pagu": 11584012000, "realisasi": 11502209410},
        ],
    )


def test_hitung_anggaran_sums_of_breakdowns():
    h = hitung_anggaran(_anggaran_2023(), 2023, {"SK1": "Perawatan"})
    assert h.total.pagu == 16466041000 and h.total.realisasi == 16335496464
    # per sasaran pagu: 9.970.983.000 + 273.400.000 + 35.200.000 + 6.109.858.000 = 16.389.441.000
    # (76.600.000 short of the DIPA total 16.466.041.000)
    assert h.sasaran_jumlah.pagu == 16389441000
    # realisasi: 9.906.789.855 + 273.397.500 + 35.190.000 + 6.118.641.109 = 16.334.018.464
    assert h.sasaran_jumlah.realisasi == 16334018464
    # per program: 10.715.235.000 + 5.722.235.000 = 16.437.470.000 (seed states 16.437.740.000);
    # programs have no realisasi → the sum has none either
    assert h.program_jumlah.pagu == 16437470000
    assert h.program_jumlah.realisasi is None
    # per jenis: 4.882.029.000 + 11.584.012.000 = 16.466.041.000 = DIPA total
    #            4.833.287.054 + 11.502.209.410 = 16.335.496.464 = DIPA realisasi
    assert (h.jenis_jumlah.pagu, h.jenis_jumlah.realisasi) == (16466041000, 16335496464)


def test_hitung_anggaran_labels_and_lookup():
    h = hitung_anggaran(_anggaran_2023(), 2023, {"SK1": "Perawatan"})
    assert h.sasaran("SK1").label == "Perawatan"
    assert h.sasaran("SK2").label == "SK2"  # no name given → code
    assert h.sasaran("SK9") is None
    assert h.per_program[0].label == (
        "Program Penegakan dan Pelayanan Hukum — Penyelenggaraan Pemasyarakatan di Wilayah"
    )
    assert h.per_program[1].label == "Program Dukungan Manajemen"
    assert [b.kunci for b in h.per_program] == ["1", "2"]
    assert [b.label for b in h.per_jenis] == ["Belanja Pegawai", "Belanja Barang"]
    assert f.angka(h.sasaran("SK4").penyerapan) == "100,14"
    assert h.sasaran("SK4").sisa == -8783109


def test_empty_breakdown_has_no_sum():
    h = hitung_anggaran(s.Anggaran(pagu=10, realisasi=5), 2023)
    assert h.sasaran_jumlah is None and h.program_jumlah is None and h.jenis_jumlah is None
    assert f.angka(h.total.penyerapan) == "50,00"


def test_2022_jenis_realisasi_read_as_its_table_supports():
    # 2022 realisasi pegawai + barang as entered = 4.794.000.011 + 14.990.943.790 =
    # 19.784.943.801, the seed's Total column prints 19.784.934.801 (9.000 less) and its sisa
    # 10.086.210 = 15.001.021.000 − 14.990.934.790: every other figure supports 14.990.934.790
    # (two digits swapped), so the figures use it and the table adds up
    hasil = hasil_laporan("lapas-banyuasin", 2023, DATA)
    h = hasil.anggaran_lalu
    assert h.tahun == 2022
    assert h.per_jenis[1].realisasi == 14990934790 and h.per_jenis[1].sisa == 10086210
    assert h.jenis_jumlah.realisasi == h.total.realisasi == 19784934801
    (sel,) = hasil.sel_koreksi
    assert (sel.tercatat, sel.cocok) == (14990943790, 14990934790)
    # the data keep the cell as entered
    assert hasil.data.lalu.anggaran.per_jenis_belanja[1].realisasi == 14990943790


def test_sample_efficiency_per_sasaran():
    h = hasil_laporan("lapas-banyuasin", 2023, DATA)
    sk3 = next(r for r in h.sasaran if r.sasaran.kode == "SK3")
    # capaian SK3.1..SK3.4: 100/85, 100/80, 100/85, 100/80 × 100
    #   = 117.647…, 125, 117.647…, 125 → mean 485.294… / 4 = 121.3235…
    # penyerapan SK3 99.9716… → selisih 21.35 > 5 → Efisien
    assert f.angka(sk3.rata_capaian) == "121,32"
    assert f.angka(sk3.selisih_efisiensi) == "21,35"
    assert sk3.label_efisiensi == EFISIEN
    sk4 = next(r for r in h.sasaran if r.sasaran.kode == "SK4")
    # all nine SK4 IKK at 100 %; penyerapan 6.118.641.109 / 6.109.858.000 × 100 = 100,14375:
    # spent above its pagu, so not called efficient (the seed's rule would say "cukup efisien")
    assert sk4.rata_capaian == 100
    assert f.angka(sk4.selisih_efisiensi) == "-0,14"
    assert sk4.label_efisiensi == MELEBIHI_PAGU


def test_efficiency_not_judged_above_the_pagu():
    # 120 − 100,5 = 19,5 would be "efisien", but the realisasi exceeds the pagu
    assert efisiensi(D(120), D("100.5")) == (D("19.5"), MELEBIHI_PAGU)
    assert efisiensi(D(120), D(100))[1] == EFISIEN  # exactly the pagu is fine
