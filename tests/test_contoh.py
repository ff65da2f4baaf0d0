"""The two fictitious example satkers: they pass the checks without errors and their figures are
the ones computed by hand below (data/README.md lists them too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_helpers import format_id as f
from lkjip_helpers.hitung.capaian import TERCAPAI, TIDAK_BERLAKU, TIDAK_TERCAPAI
from lkjip_helpers.hitung.hasil import HasilLaporan, hasil_laporan
from lkjip_helpers.periksa import periksa_data
from lkjip_helpers.tidak_diketahui import TIDAK_DIKETAHUI

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def semester() -> HasilLaporan:
    return hasil_laporan("lapas-sungai-meranti", 2024, DATA, "semester-1")


@pytest.fixture(scope="module")
def tahunan() -> HasilLaporan:
    return hasil_laporan("rutan-tanjung-kemuning", 2023, DATA)


@pytest.mark.parametrize("nama", ["semester", "tahunan"])
def test_examples_are_labelled_fictitious_and_have_no_error(nama: str, request) -> None:
    h: HasilLaporan = request.getfixturevalue(nama)
    assert h.data_contoh_fiktif
    assert not [t for t in periksa_data(h.data) if t.tingkat == "error"]


# --------------------------------------------------------------------------- Semester I 2024


def test_semester_period(semester: HasilLaporan) -> None:
    p = semester.periode
    assert (p.judul, p.rentang_bulan, p.lengkap) == (
        "Semester I Tahun 2024",
        "Januari–Mei 2024",
        False,
    )


def test_semester_figures(semester: HasilLaporan) -> None:
    cap = {x.kode: f.persen(x.capaian) for x in semester.ikk}
    # SK1.1 (ratio of monthly means, all WBP fed): 625.2 / 625.2 = 100 %; 100 / 85 → 117,65 %
    assert f.persen(semester.ikk_kode("SK1.1").nilai_realisasi) == "100,00%"
    assert cap["SK1.1"] == "117,65%"
    # SK1.2: 598 / 640 = 93,4375 %; / 95 → 98,355… → 98,36 %
    assert cap["SK1.2"] == "98,36%"
    # SK2.6: 96 / 468 = 20,5128… %; / 34 → 60,33 %
    assert cap["SK2.6"] == "60,33%"
    # SK3.1 (monthly sum): 6 / 7 = 85,714… %; / 90 → 95,24 %
    assert cap["SK3.1"] == "95,24%"
    # SK3.5 (lower is better): 12,6 / 625,2 = 2,0154 %; (2 − 2,0154 / 3) × 100 = 132,82 %
    sk35 = semester.ikk_kode("SK3.5")
    assert sk35.defn.polaritas == "turun" and cap["SK3.5"] == "132,82%"
    assert f.persen(sk35.nilai_realisasi) == "2,02%"
    # 27 IKK: 19 tercapai, 8 tidak (SK1.2, SK1.6, SK2.1, SK2.2, SK2.4, SK2.6, SK3.1, SK3.3)
    assert len(semester.ikk) == 27
    assert sorted(x.kode for x in semester.tidak_tercapai) == [
        "SK1.2", "SK1.6", "SK2.1", "SK2.2", "SK2.4", "SK2.6", "SK3.1", "SK3.3",
    ]  # fmt: skip
    assert len(semester.tercapai) == 19


def test_semester_budget_and_comparison(semester: HasilLaporan) -> None:
    t = semester.anggaran.total
    # 4.892.117.350 / 12.480.356.000 × 100 = 39,1985… → 39,20 %
    assert f.persen(t.penyerapan) == "39,20%"
    assert f.rupiah(t.sisa) == "Rp7.588.238.650"  # 12.480.356.000 − 4.892.117.350
    # no like-for-like comparison: only the annual 2023 exists (Januari–Desember), not
    # Januari–Mei 2023; nothing is compared (the annual report of 2023 still compares it)
    sk26 = semester.ikk_kode("SK2.6")
    assert sk26.capaian_lalu is None and semester.anggaran_lalu is None
    assert "Januari–Mei 2023" in (semester.alasan_tanpa_pembanding or "")
    # absorption judged against the time share of Januari–Mei: 5 / 12 = 41,67 %
    assert semester.porsi_penyerapan is not None
    assert f.persen(semester.porsi_penyerapan.persen) == "41,67%"


# --------------------------------------------------------------------------- Annual 2023


def test_annual_statuses(tahunan: HasilLaporan) -> None:
    status = {x.kode: x.status for x in tahunan.ikk}
    tidak = sorted(k for k, v in status.items() if v == TIDAK_TERCAPAI)
    assert tidak == ["SK1.6", "SK2.1", "SK2.4", "SK2.6", "SK2.7", "SK3.3"]
    assert [k for k, v in status.items() if v == TIDAK_BERLAKU] == ["SK1.5"]
    assert sum(v == TERCAPAI for v in status.values()) == 19


def test_annual_figures(tahunan: HasilLaporan) -> None:
    cap = {x.kode: f.persen(x.capaian) for x in tahunan.ikk}
    # SK1.3: 0/0, catalog rule "seratus" → 100 %; / 80 → 125 %
    assert cap["SK1.3"] == "125,00%" and tahunan.ikk_kode("SK1.3").aturan_penyebut_nol == "seratus"
    # SK1.6: 5 / 8 = 62,5 %; / 80 → 78,13 %;  SK2.1: 132 / 220 = 60 %; / 70 → 85,71 %
    assert (cap["SK1.6"], cap["SK2.1"]) == ("78,13%", "85,71%")
    # SK2.4 (July–December, October unknown): 15,4 / 41,4 = 37,198 %; / 85 → 43,76 %
    assert cap["SK2.4"] == "43,76%"
    assert tahunan.ikk_kode("SK2.4").realisasi.dilewati == ("Oktober",)
    # SK2.6: 36 / 200 = 18 %; / 31 → 58,06 %;  SK2.7: 22 / 40 = 55 %; / 72 → 76,39 %
    assert (cap["SK2.6"], cap["SK2.7"]) == ("58,06%", "76,39%")
    # SK4.2 has no PK target: the Renstra 2023 target (1 Layanan) is used and said
    sk42 = tahunan.ikk_kode("SK4.2")
    assert sk42.sumber_target == "Renstra" and "tidak diisi" in sk42.keterangan_target


def test_annual_budget_and_scores(tahunan: HasilLaporan) -> None:
    a = tahunan.anggaran
    # 8.036.992.715 / 8.215.430.000 × 100 = 97,828… → 97,83 %
    assert f.persen(a.total.penyerapan) == "97,83%"
    # per jenis belanja: modal's realisasi is unknown → sum 2.987.455.120 + 4.829.537.595 =
    # 7.816.992.715, modal skipped, no penyerapan for the incomplete sum
    j = a.jenis_jumlah
    assert j.realisasi == 7816992715 and j.dilewati_realisasi == ("Belanja Modal",)
    assert j.penyerapan is TIDAK_DIKETAHUI
    # SMART-DJA: NE = 50 + 4,1 / 20 × 50 = 60,25; 0,435 × 98,75 + 0,286 × 60,25 + 0,182 × 92,4
    # + 0,097 × 97,83 = 42,95625 + 17,2315 + 16,8168 + 9,48951 = 86,49406 → 86,49
    assert f.angka(tahunan.smart.nilai) == "86,49"
    # IKPA has an unknown component: not recomputed, so no combined score either
    assert tahunan.ikpa is None and tahunan.nka is None
    # occupancy 347 / 220 × 100 = 157,727… → 157,73 %
    assert f.persen(tahunan.okupansi) == "157,73%"


def test_annual_unknowns_are_findings(tahunan: HasilLaporan) -> None:
    td = [t for t in periksa_data(tahunan.data) if t.kode == "NILAI_TIDAK_DIKETAHUI"]
    assert sorted(t.lokasi.split(" baris")[0] for t in td) == [
        "2023/anggaran.yaml",
        "2023/evaluasi.yaml",
        "2023/kinerja.yaml",
        "2023/profil.yaml",
    ]


def test_annual_drafted_summary_accounts_for_every_ikk(tahunan: HasilLaporan) -> None:
    # 26 IKK = 19 tercapai + 6 tidak tercapai + 1 tidak berlaku (SK1.5, 0/0): the drafted
    # ikhtisar and kesimpulan name all three, so their counts add up
    from lkjip_helpers.laporan import susun_dokumen

    dok = susun_dokumen(tahunan)
    ikhtisar = dok.bab["E"]["ikhtisar"].html()
    assert "dengan 26 indikator kinerja kegiatan" in ikhtisar
    assert "Sebanyak 19 (sembilan belas) IKK mencapai" in ikhtisar
    assert "sedangkan 6 IKK belum mencapai target" in ikhtisar
    assert "; 1 IKK (SK1.5) tidak berlaku pada periode ini" in ikhtisar
    kesimpulan = dok.bab[4]["kesimpulan"].html()
    assert "19 indikator mencapai atau melampaui target dan 6 indikator" in kesimpulan
    assert "; 1 indikator (SK1.5) tidak berlaku" in kesimpulan
