"""Aggregations of period data, the 0/0 rules and the period table (issue 7, items 6 and 7).

Every expected value is computed by hand in the comment above it; data/README.md has the same
worked examples.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_helpers import format_id as f
from lkjip_helpers.hitung.capaian import (
    TERCAPAI,
    TIDAK_BERLAKU,
    GalatHitung,
    hitung_capaian,
    hitung_ikk,
    hitung_realisasi,
    status,
)
from lkjip_helpers.hitung.hasil import hasil_laporan
from lkjip_helpers.muat import skema as s
from lkjip_helpers.muat.periode import Periode
from lkjip_helpers.tidak_diketahui import TIDAK_DIKETAHUI

D = Decimal
DATA = Path(__file__).parents[1] / "data"
SASARAN = s.SasaranDef(kode="SK3", nama="Kamtib")


def _defn(**ubah) -> s.IndikatorDef:
    dasar = dict(
        kode="SK3.1",
        sasaran="SK3",
        nama="Pengaduan",
        satuan="%",
        jenis="rasio",
        pembilang="pengaduan selesai",
        penyebut="pengaduan masuk",
    )
    dasar.update(ubah)
    return s.IndikatorDef(**dasar)


def _bulan(data: list[tuple], mulai: int | None = None, jenis: str = "bulan") -> s.Realisasi:
    baris = []
    for x in data:
        if len(x) == 3:
            baris.append({"ke": x[0], "pembilang": x[1], "penyebut": x[2]})
        else:
            baris.append({"ke": x[0], "nilai": x[1]})
    return s.Realisasi(periode={"jenis": jenis, "mulai": mulai, "data": baris})


# SK3.1 of the Semester I example: complaints settled / received, January–May 2024
PENGADUAN = [(1, 2, 2), (2, 0, 0), (3, 3, 3), (4, 1, 2), (5, 0, 0)]
# SK3.5 of the Semester I example: WBP breaking the rules / WBP, end of each month
PELANGGARAN = [(1, 14, 612), (2, 11, 618), (3, 17, 625), (4, 9, 631), (5, 12, 640)]


# --------------------------------------------------------------------------- 1. sum (flow)


def test_sum_of_months_flow_of_values() -> None:
    # people trained per month (a flow): 5 + 0 + 8 + 12 = 25
    defn = _defn(jenis="nilai", satuan="orang", agregasi="jumlah")
    r = hitung_realisasi(defn, _bulan([(1, 5), (2, 0), (3, 8), (4, 12)]))
    assert r.nilai == 25
    assert r.tabel is not None and r.tabel.realisasi_dari == "jumlah"
    assert r.tabel.tampil == ("jumlah", "rata_rata")
    # the Rata-rata row of a flow is the mean per month: 25 / 4 = 6.25
    assert r.tabel.rata_rata is not None and r.tabel.rata_rata.nilai == D("6.25")


# --------------------------------------------------------------------------- 2. last (stock)


def test_last_month_is_the_stock_at_period_end() -> None:
    # vehicles owned at the end of each month: 3, 3, 4 → 4 (not 10, not 3.33)
    defn = _defn(jenis="nilai", satuan="Unit", agregasi="terakhir")
    r = hitung_realisasi(defn, _bulan([(1, 3), (2, 3), (3, 4)]))
    assert r.nilai == 4
    assert r.tabel.tampil == ("akhir",) and r.tabel.akhir.label == "Akhir periode (Maret)"


# --------------------------------------------------------------------------- 3. mean of values


def test_mean_of_monthly_values() -> None:
    # an index scored monthly: (80 + 90 + 85) / 3 = 85
    defn = _defn(jenis="nilai", satuan="indeks", agregasi="rata_rata")
    r = hitung_realisasi(defn, _bulan([(1, 80), (2, 90), (3, 85)]))
    assert r.nilai == 85 and r.tabel.tampil == ("rata_rata",)


def test_mean_of_monthly_percents_differs_from_ratio_of_means() -> None:
    # rata_rata of SK3.5's monthly percents: 14/612 = 2.28758…, 11/618 = 1.77993…, 17/625 =
    # 2.72, 9/631 = 1.42631…, 12/640 = 1.875 → sum 10.08882… / 5 = 2.01776…%
    r = hitung_realisasi(_defn(agregasi="rata_rata"), _bulan(PELANGGARAN))
    assert abs(r.nilai - D("2.017765")) < D("0.000001")
    assert r.pembilang is None and r.penyebut is None  # a mean of percents has no fraction


# --------------------------------------------------------------------------- 4. Σ/Σ ratio


def test_ratio_of_summed_pembilang_over_summed_penyebut() -> None:
    # SK3.1: (2 + 0 + 3 + 1 + 0) / (2 + 0 + 3 + 2 + 0) × 100 = 6 / 7 × 100 = 85.714285…%
    r = hitung_realisasi(_defn(agregasi="jumlah", penyebut_nol="seratus"), _bulan(PENGADUAN))
    assert (r.pembilang, r.penyebut) == (6, 7)
    assert f.persen(r.nilai) == "85,71%"
    # the empty months (0/0) are shown as 100 % by the catalog's rule, but the sum does not
    # need them, so the year's figure names no rule
    t = r.tabel
    assert [b.keadaan for b in t.baris] == [
        "terisi",
        "penyebut_nol",
        "terisi",
        "terisi",
        "penyebut_nol",
    ]
    assert [b.nilai for b in t.baris] == [100, 100, 100, 50, 100]
    assert t.baris[1].keterangan == "0/0: dihitung 100%"
    assert r.aturan_penyebut_nol is None
    # Rata-rata row (informative): pembilang 6 / 5 = 1.2, penyebut 7 / 5 = 1.4, percent column
    # mean (100 + 100 + 100 + 50 + 100) / 5 = 90
    assert (t.rata_rata.pembilang, t.rata_rata.penyebut, t.rata_rata.nilai) == (
        D("1.2"),
        D("1.4"),
        90,
    )


# --------------------------------------------------------------------------- 5. mean/mean ratio


def test_ratio_of_mean_pembilang_over_mean_penyebut() -> None:
    # SK3.5: mean pembilang (14 + 11 + 17 + 9 + 12) / 5 = 63 / 5 = 12.6; mean penyebut
    # (612 + 618 + 625 + 631 + 640) / 5 = 3126 / 5 = 625.2; 12.6 / 625.2 × 100 = 2.015355…%
    defn = _defn(agregasi="rata_rata_pembilang_penyebut", polaritas="turun")
    r = hitung_realisasi(defn, _bulan(PELANGGARAN))
    assert (r.pembilang, r.penyebut) == (D("12.6"), D("625.2"))
    assert abs(r.nilai - D("2.015355")) < D("0.000001")
    # lower is better, target 3 %: (2 − 2.015355 / 3) × 100 = 132.8215…%
    assert f.persen(hitung_capaian(r.nilai, D(3), "turun")) == "132,82%"
    # a stock must not be summed: the Jumlah row exists for claims, but is not shown
    assert r.tabel.tampil == ("rata_rata",) and r.tabel.jumlah.penyebut == 3126


def test_mean_ratio_only_for_ratio_indicators() -> None:
    with pytest.raises(ValueError, match="hanya untuk indikator jenis 'rasio'"):
        _defn(jenis="nilai", satuan="Unit", agregasi="rata_rata_pembilang_penyebut")


# --------------------------------------------------------------------------- 6. months it ran


def test_average_over_the_months_an_activity_ran() -> None:
    # started in July: (10 + 12 + 14 + 16 + 18 + 20) / 6 = 15 — not 90 / 12 = 7.5
    defn = _defn(jenis="nilai", satuan="orang", agregasi="rata_rata")
    data = [(7, 10), (8, 12), (9, 14), (10, 16), (11, 18), (12, 20)]
    r = hitung_realisasi(defn, _bulan(data, mulai=7), periode=Periode.buat(2023))
    assert r.nilai == 15
    t = r.tabel
    assert len(t.baris) == 12 and t.kurang == ()
    assert [b.keadaan for b in t.baris[:6]] == ["belum_berjalan"] * 6
    assert t.baris[0].keterangan == "belum berjalan"
    assert "kegiatan dimulai Juli; rata-rata atas 6 bulan berjalan" in r.keterangan


def test_mid_year_activity_with_an_unknown_month() -> None:
    # Kejar paket of the annual example (SK2.4), July–December, October's count unknown:
    # mean pembilang (8 + 12 + 15 + 20 + 22) / 5 = 15.4; mean penyebut
    # (40 + 41 + 41 + 42 + 43) / 5 = 41.4 (October left out whole); 15.4 / 41.4 × 100 =
    # 37.198067…%; target 85: 37.198067 / 85 × 100 = 43.762432…%
    defn = _defn(kode="SK2.4", agregasi="rata_rata_pembilang_penyebut")
    data = [
        (7, 8, 40),
        (8, 12, 41),
        (9, 15, 41),
        (10, "tidak diketahui", 42),
        (11, 20, 42),
        (12, 22, 43),
    ]
    r = hitung_realisasi(defn, _bulan(data, mulai=7), periode=Periode.buat(2023))
    assert f.persen(r.nilai) == "37,20%" and f.persen(hitung_capaian(r.nilai, D(85))) == "43,76%"
    assert r.dilewati == ("Oktober",)
    assert "Oktober tidak diketahui; tidak ikut dihitung" in r.keterangan
    oktober = r.tabel.baris[9]
    assert oktober.keadaan == "tidak_diketahui" and oktober.nilai is TIDAK_DIKETAHUI


def test_data_before_the_start_month_is_refused() -> None:
    defn = _defn(jenis="nilai", satuan="orang", agregasi="rata_rata")
    with pytest.raises(GalatHitung, match="Maret diisi, padahal kegiatan baru dimulai Juli"):
        hitung_realisasi(defn, _bulan([(3, 1), (7, 2)], mulai=7))


# --------------------------------------------------------------------------- 0/0 rules


@pytest.mark.parametrize(
    ("aturan", "nilai", "status_"),
    [
        ("seratus", D(100), TERCAPAI),
        ("nol", D(0), "Tidak tercapai"),
        ("tidak_berlaku", None, TIDAK_BERLAKU),
    ],
)
def test_zero_over_zero_rules(aturan: str, nilai: Decimal | None, status_: str) -> None:
    data = s.CapaianIkk(kode="SK3.1", target=D(80), realisasi={"pembilang": 0, "penyebut": 0})
    h = hitung_ikk(_defn(penyebut_nol=aturan), SASARAN, data, 1, 2023)
    assert h.nilai_realisasi == nilai and h.status == status_
    assert h.aturan_penyebut_nol == aturan  # which rule applied, for the report to say
    assert "tidak ada kasus (0/0)" in h.realisasi.keterangan


def test_zero_over_zero_rule_set_on_the_kinerja_entry() -> None:
    # the catalog says "galat"; the entry of this period says 100 %
    data = s.CapaianIkk(
        kode="SK3.1",
        target=D(80),
        penyebut_nol="seratus",
        realisasi={"pembilang": 0, "penyebut": 0},
    )
    h = hitung_ikk(_defn(penyebut_nol="galat"), SASARAN, data, 1, 2023)
    assert h.nilai_realisasi == 100 and h.aturan_penyebut_nol == "seratus"
    tanpa = hitung_ikk(
        _defn(penyebut_nol="galat"),
        SASARAN,
        data.model_copy(update={"penyebut_nol": None}),
        1,
        2023,
        sumber_aturan="katalog x, indikator SK3.1",
    )
    assert "(katalog x, indikator SK3.1)" in tanpa.galat and "penyebut_nol" in tanpa.galat


def test_pembilang_without_penyebut_is_an_error() -> None:
    with pytest.raises(GalatHitung, match="pembilang 3 dengan penyebut 0"):
        hitung_realisasi(_defn(penyebut_nol="seratus"), s.Realisasi(pembilang=3, penyebut=0))


def test_not_applicable_ikk_is_out_of_counts_and_means_and_counts_add_up() -> None:
    # Annual example (Rutan Tanjung Kemuning 2023): SK1.5 has no disabled detainee (0/0) and
    # the satker's override says "tidak_berlaku"
    h = hasil_laporan("rutan-tanjung-kemuning", 2023, DATA)
    sk15 = h.ikk_kode("SK1.5")
    assert sk15.status == TIDAK_BERLAKU and sk15.aturan_penyebut_nol == "tidak_berlaku"
    r = next(x for x in h.sasaran if x.sasaran.kode == "SK1")
    # SK1: SK1.1 125, SK1.2 101.48, SK1.3 125 (0/0 = 100 % by the catalog), SK1.4 117.65
    # tercapai; SK1.5 tidak berlaku; SK1.6 62.5 / 80 = 78.125 tidak tercapai
    assert (r.tercapai, r.tidak_tercapai, r.tidak_berlaku, r.tidak_dihitung) == (4, 1, 1, 0)
    assert r.tercapai + r.tidak_tercapai + r.tidak_berlaku + r.tidak_dihitung == len(r.ikk)
    assert r.dinilai == 5
    # mean over the five that count: (125 + 331/347/94×10⁴ + 125 + 100/85×100 + 78.125) / 5 =
    # (125 + 101.477712 + 125 + 117.647059 + 78.125) / 5 = 547.249770 / 5 = 109.449954
    assert f.persen(r.rata_capaian) == "109,45%"
    b = h.besaran()
    assert b["ikk.jumlah"] == 26
    assert (b["ikk.jumlah_tercapai"], b["ikk.jumlah_tidak_tercapai"]) == (19, 6)
    assert (b["ikk.jumlah_tidak_berlaku"], b["ikk.jumlah_tidak_dihitung"]) == (1, 0)
    assert b["ikk.jumlah_dinilai"] == 25
    assert b["ikk.sasaran.SK1.jumlah_tidak_berlaku"] == 1


def test_status_of_unknown_capaian() -> None:
    assert status(TIDAK_DIKETAHUI) == "Data tidak tersedia"


# --------------------------------------------------------------------------- period table and claims


def test_semester_example_period_table_and_claims() -> None:
    h = hasil_laporan("lapas-sungai-meranti", 2024, DATA, "semester-1")
    sk31 = h.ikk_kode("SK3.1")
    t = sk31.tabel_periode
    assert [b.label for b in t.baris] == ["Januari", "Februari", "Maret", "April", "Mei"]
    assert [r.label for r in t.ringkasan()] == ["Jumlah", "Rata-rata"]
    b = h.besaran()
    # Jumlah row: 6 / 7 × 100 = 85.714285…
    assert (b["ikk.SK3.1.periode.jumlah.pembilang"], b["ikk.SK3.1.periode.jumlah.penyebut"]) == (
        6,
        7,
    )
    assert f.angka(b["ikk.SK3.1.periode.jumlah.nilai"]) == "85,71"
    assert b["ikk.SK3.1.periode.4.nilai"] == 50  # April: 1 / 2 × 100
    assert b["ikk.SK3.5.periode.rata_rata.pembilang"] == D("12.6")
    # the draft's klaim.yaml: SK1.1's penyebut stated as 3126 (five months of the same people
    # summed) against the computed mean 625.2 → KLAIM_BEDA; the other claims round to the same
    from lkjip_helpers.periksa import periksa_data

    temuan = periksa_data(h.data)
    beda = [t for t in temuan if t.kode == "KLAIM_BEDA"]
    assert [t.besaran for t in beda] == ["ikk.SK1.1.penyebut"]
    assert beda[0].dinyatakan == "3126" and beda[0].dihitung == "625.2"
