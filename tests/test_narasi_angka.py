"""Numbers typed in narratives against the computed figures (seed sentences, placeholders)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from lkjip_helpers.hitung import hasil_laporan
from lkjip_helpers.periksa.narasi import cocok, kalimat, periksa_narasi_bab, periksa_narasi_ikk

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def hasil():
    return hasil_laporan("lapas-banyuasin", 2023, DATA)


def test_cocok_rounds_or_truncates_to_the_typed_precision():
    # 100 / 85 × 100 = 117,647…: "117,65" (rounded) and "117,64" (truncated) state it
    x = D(100) / D(85) * 100
    assert cocok(D("117.65"), 2, x) and cocok(D("117.64"), 2, x)
    assert cocok(D(118), 0, x) and cocok(D(117), 0, x)
    assert not cocok(D("117.6"), 2, x) and not cocok(D(128), 0, x)


def test_placeholders_and_sentences():
    assert kalimat("Realisasi {{ ikk.SK1.1.realisasi }} tercapai. Pagu Rp. 1.000 habis.\n- a") == [
        "Realisasi   tercapai.",
        "Pagu Rp. 1.000 habis.",
        "- a",
    ]


# Seed sentences (shared/seeds/000_…txt): each states a figure that differs from the data.
SK11_PENJELASAN = (
    "Realisasi persentase pemenuhan layanan makanan bagi warga binaan pemasyarakatan (WBP) "
    "tahun 2023 tercapai sebesar 100%."
)  # seed baris 880; 1435 / 1177 × 100 = 121,92 %
SK11_PERBANDINGAN = (
    "Berdasarkan hasil perbandingan tahun 2022 dan 2023, realisasi pemenuhan layanan makanan "
    "bagi warga binaan pemasyarakatan (WBP) sebesar 100% meningkat pada tahun 2023 sebesar 128%."
)  # seed baris 888; 2022 realisasi 100 (kept), 2023 121,92 (128 is stale)
SK12 = (
    "Dari jumlah anak didik tersebut maka diperoleh realisasi sebesar 128% serta capaian "
    "kinerja sebesar 136%."
)  # SK1.2: realisasi 121,92; capaian 121,92 / 94 × 100 = 129,70
SK27_RENSTRA = (
    "Target Kinerja untuk indikator ini memenuhi target tahun 2023 adalah 67% sementara target "
    "di tahun 2024 adalah 72%."
)  # seed baris 1478; catalog Renstra 2022 = 67, 2023 = 72 (= PK), 2024 = 80


def test_per_ikk_seed_sentences_fire(hasil):
    (x,) = periksa_narasi_ikk(hasil, "SK1.1", SK11_PENJELASAN)
    assert (x.teks, x.jenis, x.besaran, x.tahun) == (
        "100%",
        "realisasi",
        "ikk.SK1.1.realisasi",
        2023,
    )
    assert x.dihitung == D(1435) / D(1177) * 100
    (x,) = periksa_narasi_ikk(hasil, "SK1.1", SK11_PERBANDINGAN)
    assert (x.teks, x.jenis, x.label) == ("128%", "realisasi", "realisasi SK1.1 2023")
    a, b = periksa_narasi_ikk(hasil, "SK1.2", SK12)
    assert (a.teks, a.jenis) == ("128%", "realisasi")
    assert (b.teks, b.jenis, b.besaran) == ("136%", "capaian", "ikk.SK1.2.capaian")
    # SK2.7: "target tahun 2023 adalah 67%" (PK 2023: 72; 67 is the Renstra 2022 target) and
    # "target di tahun 2024 adalah 72%" (Renstra 2024: 80): the year next to each number counts
    a, b = periksa_narasi_ikk(hasil, "SK2.7", SK27_RENSTRA)
    assert (a.teks, a.jenis, a.besaran, a.dihitung) == ("67%", "target", "ikk.SK2.7.target", 72)
    assert (b.teks, b.label, b.besaran, b.dihitung) == (
        "72%",
        "target Renstra SK2.7 2024",
        "ikk.SK2.7.target_renstra.2024",
        80,
    )


def test_value_ikk_numbers_with_their_unit(hasil):
    # SK4.6 (Unit): PK target 4, realisasi 4 (seed baris 1947-1949 says 2 and 2)
    teks = (
        "Target yang telah ditetapkan adalah sebesar 2 unit. Telah tercapai realisasinya "
        "sebesar 2 unit sehingga capaian kinerja diperoleh 100%."
    )
    found = periksa_narasi_ikk(hasil, "SK4.6", teks)
    assert [(x.teks, x.jenis) for x in found] == [("2 unit", "target"), ("2 unit", "realisasi")]
    # the capaian 100 % (4 / 4) is right
    assert all(x.jenis != "capaian" for x in found)


def test_correct_and_placeholder_sentences_pass(hasil):
    benar = (
        "Realisasi pemenuhan layanan makanan tahun 2023 sebesar 121,92% dengan capaian "
        "kinerja 152,40%; target tahun 2024 adalah 85%."
    )
    assert periksa_narasi_ikk(hasil, "SK1.1", benar) == []
    bertanda = (
        "Realisasi tahun 2023 tercapai sebesar {{ ikk.SK1.1.realisasi }} dengan capaian "
        "{{ ikk.SK1.1.capaian }} dari target 80%."
    )
    assert periksa_narasi_ikk(hasil, "SK1.1", bertanda) == []
    # numbers without a figure word, years and regulation numbers are never read
    assert (
        periksa_narasi_ikk(hasil, "SK1.1", "Sesuai Permenkumham 22 Tahun 2022, 40 orang dilatih.")
        == []
    )


# Chapter narratives (narasi.yaml)
KESIMPULAN_NKA = (
    "Sedangkan nilai capaian kinerja anggaran Lapas Kelas IIA Banyuasin yakni 91,24. Angka "
    "tersebut didapat dari penggabungan dari 2 (dua) variabel yaitu nilai SMART (60%) dan nilai "
    "IKPA (40%)."
)  # seed baris 2182; NKA = 0,6 × 91,24 + 0,4 × 98,66 = 94,208
SMART_PROSA = """- a) Capaian Keluaran, bobot 43,5%
- b) Penyerapan Anggaran, bobot 28,6%
- c) Efisiensi, bobot 18,2%
- d) Konsistensi Penyerapan Anggaran terhadap Perencanaan (Deviasi RPD awal dan akhir), bobot 9,7%"""
# seed baris 2093-2096; PMK 22/2021: CRO 43,5, efisiensi 28,6, konsistensi 18,2, penyerapan 9,7
IKHTISAR = (
    "Pada tahun 2023, Dari 4 (empat) Sasaran Kegiatan, seluruh Indikator Kinerja Kegiatan "
    "sebanyak 25 (dua puluh lima) tercapai dengan hasil lebih dari 100%, dan ada (1) satu "
    "Sasaran Kegiatan yang tidak mencapai target."
)  # seed baris 151; 23 tercapai (SK1.1 and SK1.2 need verification)
ANGGARAN = (
    "Lembaga Pemasyarakatan Kelas IIA Banyuasin mendapatkan anggaran sejumlah Rp 16.466.041.000 "
    "dan telah berhasil direalisasikan sebesar Rp 16.335.496.464 atau sebesar 99,21%."
)  # seed baris 153: all right (16.335.496.464 / 16.466.041.000 × 100 = 99,207…)


def test_chapter_seed_sentences(hasil):
    (x,) = periksa_narasi_bab(hasil, "kesimpulan", KESIMPULAN_NKA)
    assert (x.teks, x.jenis, x.besaran, x.dihitung) == ("91,24", "nka", "nka.nilai", D("94.208"))
    bobot = periksa_narasi_bab(hasil, "smart_dja", SMART_PROSA)
    assert [(x.teks, x.label, x.dihitung) for x in bobot] == [
        ("28,6%", "bobot Penyerapan anggaran", D("9.7")),
        ("18,2%", "bobot Efisiensi", D("28.6")),
        ("9,7%", "bobot Konsistensi penyerapan terhadap perencanaan", D("18.2")),
    ]
    (x,) = periksa_narasi_bab(hasil, "ikhtisar_eksekutif", IKHTISAR)
    assert (x.nilai, x.jenis, x.dihitung) == (D(25), "jumlah_tercapai", D(23))
    assert periksa_narasi_bab(hasil, "ikhtisar_eksekutif", ANGGARAN) == []
    # a wrong amount next to "anggaran" fires; 94,208 % for the NKA passes (seed baris 2103)
    (x,) = periksa_narasi_bab(
        hasil, "ikhtisar_eksekutif", "Pagu anggaran sejumlah Rp 16.466.014.000."
    )
    assert x.jenis == "rupiah" and x.besaran == "anggaran.pagu"
    nka = "Nilai Kinerja Anggaran sebesar 94,208 % dari nilai SMART (60%) dan nilai IKPA (40%)."
    assert periksa_narasi_bab(hasil, "smart_dja", nka) == []


def test_sample_narratives_rewritten_with_placeholders_are_clean(hasil):
    teks = (
        "Nilai kinerja anggaran {{ nka.nilai }} merupakan gabungan nilai SMART-DJA "
        "{{ smart.nilai }} (60%) dan nilai IKPA {{ ikpa.nilai }} (40%). Dari {{ sasaran.jumlah }} "
        "Sasaran Kegiatan, {{ ikk.jumlah_tercapai }} IKK tercapai. Anggaran Rp16.466.041.000 "
        "terserap {{ anggaran.penyerapan }}."
    )
    assert periksa_narasi_bab(hasil, "kesimpulan", teks) == []


def test_sample_findings_match_the_seed_sentences(hasil):
    # every narrative finding of the sample stands for a figure the draft states (klaim.yaml)
    # or a weight: nothing else is flagged in the sample's narratives
    from lkjip_helpers.periksa import periksa_data

    temuan = [t for t in periksa_data(hasil.data) if t.kode == "NARASI_ANGKA_BEDA"]
    klaim = {
        (t.besaran, t.dinyatakan)
        for t in periksa_data(hasil.data)
        if t.kode == "KLAIM_BEDA" and t.tahun == 2023
    }
    for t in temuan:
        if ".bobot." in t.besaran:  # a SMART-DJA or IKPA weight
            assert "bobot" in t.pesan
        elif ".target_renstra." in t.besaran:  # SK2.7's Renstra 2024 target stated as 72
            assert t.besaran == "ikk.SK2.7.target_renstra.2024" and t.dinyatakan == "72"
        else:
            assert any(b == t.besaran and D(v) == D(t.dinyatakan) for b, v in klaim), t


def test_a_change_from_last_year_is_not_read_as_a_capaian(hasil):
    # SK1.3: capaian 2023 125 %, 2022 142,857 % → a change of 17,86 points. "kenaikan … sebesar
    # 25%" states the change (wrongly), not the capaian: the finding names the change, so it
    # cannot turn into a "status tidak tercapai" conclusion
    for teks in (
        "Dibandingkan tahun 2022, terjadi kenaikan capaian kinerja sebesar 25%.",
        "Dibandingkan tahun 2022, capaian kinerja naik sebesar 25%.",
    ):
        (x,) = periksa_narasi_ikk(hasil, "SK1.3", teks)
        assert (x.jenis, x.besaran) == ("selisih", "ikk.SK1.3.perubahan_capaian")
        assert round(x.dihitung, 2) == D("17.86")
    assert periksa_narasi_ikk(hasil, "SK1.3", "Capaian kinerja turun sebesar 17,86%.") == []
    # the seed's "meningkat pada tahun 2023 sebesar 128%" still names the level
    (x,) = periksa_narasi_ikk(hasil, "SK1.1", SK11_PERBANDINGAN)
    assert x.jenis == "realisasi"
