"""The figure records (:class:`lkjip_helpers.hitung.besaran.Besaran`) of the sample, checked by
hand against the data of data/satker/lapas-banyuasin and the seed report."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from lkjip_helpers import format_id as f
from lkjip_helpers.hitung import hasil_untuk
from lkjip_helpers.hitung.besaran import BENTUK_CETAK, DaftarBesaran
from lkjip_helpers.laporan.narasi import tulis_besaran
from lkjip_helpers.muat import muat
from lkjip_helpers.periksa import besaran as bs

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def daftar() -> DaftarBesaran:
    return hasil_untuk(muat("lapas-banyuasin", 2023, DATA)).daftar_besaran()


def test_capaian_sk1_1(daftar: DaftarBesaran) -> None:
    # kinerja.yaml: SK1.1 target 80, realisasi 1435 / 1177 (seed line 872 prints the same
    # fraction as 128%): 1435 / 1177 × 100 = 121,92…; 121,92… / 80 × 100 = 152,40
    b = daftar["ikk.SK1.1.capaian"]
    assert (b.subjek, b.ukuran, b.tahun, b.butir) == (("ikk", "SK1.1"), "capaian", 2023, "")
    assert f.bulatkan(b.nilai, 2) == D("152.40")
    assert b.label == "capaian SK1.1 2023"
    assert b.bentuk == "persen" and tulis_besaran(b) == "152,40%"
    assert b.rumus == "121,92 ÷ 80 × 100 = 152,40%"
    r = daftar["ikk.SK1.1.realisasi"]
    assert r.rumus == "1.435 ÷ 1.177 × 100 = 121,92%"
    assert (r.bentuk, r.satuan, tulis_besaran(r)) == ("satuan", "%", "121,92%")
    assert r.asal == "kinerja.yaml, indikator SK1.1"


def test_a_previous_year_figure_has_two_names(daftar: DaftarBesaran) -> None:
    # 2022: realisasi 100% against the Renstra target 75 → 133,33%
    b = daftar["ikk.SK1.1.capaian_tahun_lalu"]
    assert (b.nama, b.tahun, b.label) == ("ikk.SK1.1.capaian", 2022, "capaian SK1.1 2022")
    assert f.bulatkan(b.nilai, 2) == D("133.33")
    assert daftar.cari("ikk.SK1.1.capaian", 2022) is b  # as 2022's klaim.yaml names it
    assert daftar.cari("ikk.SK1.1.capaian_tahun_lalu", 2023) is b  # as 2023's names it
    assert daftar.cari("ikk.SK1.1.capaian", 2023) is daftar["ikk.SK1.1.capaian"]
    assert daftar.cari("ikk.SK1.1.capaian_tahun_lalu", 2022) is None
    # 2022's pembilang is named only by 2022's own klaim.yaml
    assert "ikk.SK1.1.pembilang" in daftar.kosakata(2022)
    assert daftar.kosakata(2022)["ikk.SK1.1.pembilang"].nama_laporan is None


def test_budget_figures(daftar: DaftarBesaran) -> None:
    # seed line 153: Rp 16.466.041.000, realised Rp 16.335.496.464 = 99,21%
    b = daftar["anggaran.penyerapan"]
    assert (b.subjek, b.label) == (("anggaran", 2023, "total"), "penyerapan anggaran (DIPA) 2023")
    assert tulis_besaran(b) == "99,21%"
    assert b.rumus == "16.335.496.464 ÷ 16.466.041.000 × 100 = 99,21%"
    # seed line 2081: sisa Belanja Barang 2022 Rp.10.086.210
    s = daftar["anggaran_tahun_lalu.jenis.barang.sisa"]
    assert (s.nama, s.tahun) == ("anggaran.jenis.barang.sisa", 2022)
    assert s.subjek == ("anggaran", 2022, "per_jenis_belanja", "barang")
    assert (s.label, tulis_besaran(s)) == ("sisa Belanja Barang 2022", "Rp10.086.210")
    assert bs.tulis(s.nilai, s) == "Rp10.086.210"
    j = daftar["anggaran.jenis_jumlah.sisa"]
    assert (j.subjek, j.butir) == (("anggaran", 2023, "per_jenis_belanja"), "jumlah")
    assert j.label == "jumlah sisa anggaran per jenis belanja 2023"


def test_scores_weights_and_counts(daftar: DaftarBesaran) -> None:
    # seed Bab III C: 60% × 91,24 (SMART-DJA) + 40% × 98,66 (IKPA) = 94,208
    n = daftar["nka.nilai"]
    assert n.nilai == D("94.208") and n.rumus == "60% × 91,24 + 40% × 98,66 = 94,208 → 94,21"
    # a weight is printed with one decimal and has no hand computation of its own
    w = daftar["smart.bobot.nilai_efisiensi"]
    assert (w.ukuran, w.butir, w.bentuk, w.rumus) == ("bobot", "nilai_efisiensi", "bobot", None)
    assert tulis_besaran(w) == "28,6%" and bs.tulis(w.nilai, w) == "28,60%"
    assert daftar["nka.bobot.smart"].rumus is None
    # 26 IKK of which 23 tercapai
    c = daftar["ikk.jumlah_tercapai"]
    assert (c.subjek, c.nilai, tulis_besaran(c)) == (("ikk",), D(23), "23")
    # seed line 209: 1117 penghuni, kapasitas 485 → 230,31%
    o = daftar["profil.okupansi"]
    assert (o.subjek, tulis_besaran(o)) == (("profil", "penghuni"), "230,31%")


def test_ikk_units_and_renstra_targets(daftar: DaftarBesaran) -> None:
    t = daftar["ikk.SK4.6.target"]
    assert (t.satuan, tulis_besaran(t), bs.tulis(t.nilai, t)) == ("Unit", "4 Unit", "4 Unit")
    r = daftar["ikk.SK2.7.target_renstra.2024"]
    assert (r.subjek, r.ukuran, r.butir, r.label) == (
        ("ikk", "SK2.7"),
        "target_renstra",
        "2024",
        "target Renstra SK2.7 2024",
    )


def test_every_record_is_consistent(daftar: DaftarBesaran) -> None:
    for nama, b in daftar.items():
        assert b.nama_laporan == nama
        assert b.bentuk in BENTUK_CETAK, nama
        assert daftar.cari(nama, 2023) is b
        assert (b.bentuk == "satuan") == bool(b.satuan), nama
    assert daftar.nilai()["ikk.SK1.1.target"] == D(80)


def test_a_period_row_belongs_to_its_ikk() -> None:
    # lapas-sungai-meranti 2024-semester-1, SK3.1 by month (summed): (2+0+3+1+0) / (2+0+3+2+0)
    # = 6 / 7 × 100 = 85,71 (its klaim.yaml states the Jumlah row so)
    d = hasil_untuk(muat("lapas-sungai-meranti", 2024, DATA, "semester-1")).daftar_besaran()
    b = d["ikk.SK3.1.periode.jumlah.nilai"]
    assert f.bulatkan(b.nilai, 2) == D("85.71")
    assert (b.subjek, b.ikk, b.ukuran, b.butir) == (("ikk", "SK3.1"), "SK3.1", "nilai", "jumlah")
    assert b.label == "nilai SK3.1 periode jumlah 2024"
