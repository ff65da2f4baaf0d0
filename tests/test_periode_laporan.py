"""Semester and triwulan reports that read like the real ones.

The third fictitious satker (Lapas Kelas III Muara Tiga: s.d. Semester II 2024, cumulative,
and s.d. Triwulan III 2024; figures computed by hand in data/README.md), the findings on the
period's documents, and generated variants over period kind × cumulative × unknown patterns
(the report model is built without notebooks or charts, so each variant takes a fraction of a
second).
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_helpers import format_id as f
from lkjip_helpers.errors import DataError
from lkjip_helpers.hitung.anggaran import DI_BAWAH_PORSI, porsi_penyerapan
from lkjip_helpers.hitung.capaian import TERCAPAI, TIDAK_BERLAKU, TIDAK_TERCAPAI
from lkjip_helpers.hitung.hasil import HasilLaporan, hasil_laporan
from lkjip_helpers.isian.buku_kerja.sel import angka_teks
from lkjip_helpers.keluaran.tinjauan import html_tinjauan
from lkjip_helpers.laporan import model as m
from lkjip_helpers.laporan import susun_dokumen
from lkjip_helpers.muat import skema as s
from lkjip_helpers.muat.data import muat_laporan
from lkjip_helpers.periksa import periksa, periksa_data
from lkjip_helpers.periksa.periode import _PK_PERIODE, arah_terbalik, tanggal_teks

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-muara-tiga"


def teks_laporan(h: HasilLaporan) -> str:
    """Plain text of every section (figures left out: they are drawn, not read)."""
    dok = susun_dokumen(h)
    return "\n".join(
        x.teks_polos(dok)
        for bab in dok.bab.values()
        for b in bab.values()
        for x in m.ratakan(b.blok)
        if not isinstance(x, m.Gambar)
    )


@pytest.fixture(scope="module")
def semester2() -> HasilLaporan:
    return hasil_laporan(SATKER, 2024, DATA, "semester-2")


@pytest.fixture(scope="module")
def triwulan3() -> HasilLaporan:
    return hasil_laporan(SATKER, 2024, DATA, "triwulan-3")


# --------------------------------------------------------------------------- s.d. Semester II


def test_cumulative_semester_two_is_the_whole_year(semester2: HasilLaporan) -> None:
    p = semester2.periode
    assert p.kumulatif and p.judul == "s.d. Semester II Tahun 2024"
    assert p.rentang_bulan == "Januari–Desember 2024" and not p.sebagian_tahun
    # like-for-like: the annual 2023 folder covers the same months
    assert semester2.periode_lalu is not None and semester2.data.lalu.kunci == "2023"
    assert semester2.porsi_penyerapan is None  # the whole year: no partial-period share
    assert semester2.data_contoh_fiktif
    assert not [t for t in periksa_data(semester2.data) if t.tingkat == "error"]


def test_semester_two_figures(semester2: HasilLaporan) -> None:
    cap = {x.kode: f.persen(x.capaian) for x in semester2.ikk}
    # SK1.1 310 / 310 = 100 %, / 85 → 117,65 %; SK1.2 295 / 310 = 95,161 %, / 95 → 100,17 %
    assert (cap["SK1.1"], cap["SK1.2"]) == ("117,65%", "100,17%")
    # SK2.6 without a PK target: 60 / 200 = 30 % against Renstra 2024 34 % → 88,24 %
    sk26 = semester2.ikk_kode("SK2.6")
    assert sk26.sumber_target == "Renstra" and cap["SK2.6"] == "88,24%"
    # previous year SK1.1: 290 / 295 = 98,305 %, / 80 → 122,88 %; change −5,23 poin
    sk11 = semester2.ikk_kode("SK1.1")
    assert f.persen(sk11.capaian_lalu) == "122,88%" and f.poin(sk11.perubahan) == "-5,23 poin"
    status = [x.status for x in semester2.ikk]
    # 9 IKK = 5 tercapai + 2 tidak + 1 not assessable (SK3.2) + 1 not applicable (SK1.5)
    assert (status.count(TERCAPAI), status.count(TIDAK_TERCAPAI)) == (5, 2)
    assert [x.kode for x in semester2.tidak_dihitung] == ["SK3.2"]
    assert [x.kode for x in semester2.tidak_berlaku] == ["SK1.5"]
    t = semester2.anggaran.total
    assert f.persen(t.penyerapan) == "97,00%"  # 9.312.000.000 / 9.600.000.000


def test_semester_two_report_text(semester2: HasilLaporan) -> None:
    teks = teks_laporan(semester2)
    assert "S.D. SEMESTER II TAHUN 2024 Data Januari–Desember 2024 (kumulatif)" in teks
    assert "data kumulatif 1 Januari s.d. 31 Desember 2024" in teks  # the keterangan
    assert "Sampai dengan Semester II Tahun 2024 (data Januari–Desember 2024)" in teks
    # a whole year compared with a whole year: no "belum final", no partial note
    assert "belum final" not in teks and "sebagian dari tahun" not in teks
    assert "Perbandingan Anggaran 2023–2024" in teks
    # the PK is annual, the Renstra fallback is marked once explained
    assert "Perjanjian Kinerja Lapas Kelas III Muara Tiga Tahun 2024" in teks
    assert "34%*)" in teks and "*) Target Renstra 2024" in teks
    assert "Seluruh indikator tercapai" not in teks


# --------------------------------------------------------------------------- s.d. Triwulan III


def test_triwulan_three_compares_like_for_like(triwulan3: HasilLaporan) -> None:
    p = triwulan3.periode
    assert p.judul == "s.d. Triwulan III Tahun 2024" and p.rentang_bulan == "Januari–September 2024"
    assert triwulan3.data.lalu.kunci == "2023-triwulan-3"
    assert triwulan3.periode_lalu.rentang_bulan == "Januari–September 2023"
    # SK1.2: 280 / 310 = 90,32 %, / 95 → 95,08 %; 2023: 260 / 300 = 86,67 %, / 94 → 92,20 %
    sk12 = triwulan3.ikk_kode("SK1.2")
    assert (f.persen(sk12.capaian), f.persen(sk12.capaian_lalu)) == ("95,08%", "92,20%")
    assert f.poin(sk12.perubahan) == "+2,88 poin"
    teks = teks_laporan(triwulan3)
    assert (
        "Realisasi Januari–September 2024 dibandingkan dengan realisasi Januari–September 2023, "
        "periode yang sama tahun lalu." in teks
    )
    assert "Realisasi ini baru mencakup Januari–September 2024" in teks  # Renstra: partial
    assert "setahun penuh" not in teks


def test_triwulan_three_absorption_against_the_plan(triwulan3: HasilLaporan) -> None:
    # the satker's plan: 70 % of the pagu by the end of triwulan III
    porsi = triwulan3.porsi_penyerapan
    assert porsi is not None and porsi.persen == 70 and "rencana penarikan dana" in porsi.sumber
    r = {x.sasaran.kode: x for x in triwulan3.sasaran}
    # SK1: 2.100.000.000 / 3.000.000.000 = 70 % = 100 % of the plan; capaian
    # (117,647 + 95,076) / 2 = 106,36 % → +6,36 poin: efisien
    assert f.persen(r["SK1"].penyerapan_relatif) == "100,00%"
    assert r["SK1"].label_efisiensi == "Efisien"
    # SK2: 600.000.000 / 1.200.000.000 = 50 %; 50 / 70 = 71,43 % of the plan, more than 5
    # poin below it: late spending, not efficiency (before: "efisien" at 50 % unexplained)
    assert f.persen(r["SK2"].penyerapan_relatif) == "71,43%"
    assert f.poin(r["SK2"].selisih_efisiensi) == "+10,85 poin"  # 82,28 − 71,43
    assert r["SK2"].label_efisiensi == DI_BAWAH_PORSI
    # SK4: 61,8 / 70 = 88,29 %: below the plan too
    assert r["SK4"].label_efisiensi == DI_BAWAH_PORSI
    teks = teks_laporan(triwulan3)
    assert "yaitu 70,00% menurut rencana penarikan dana" in teks
    assert "atau 71,43% dari porsi yang semestinya terserap sampai September" in teks
    assert "Mempercepat penyerapan anggaran sasaran SK2: 50,00% dari pagu" in teks


def test_triwulan_three_keeps_known_penyebut(triwulan3: HasilLaporan) -> None:
    # SK3.2: every month's pembilang unknown; the penyebut 1+0+2+1+0+1+2+0+1 = 8 is kept
    tabel = triwulan3.ikk_kode("SK3.2").tabel_periode
    assert tabel.jumlah.penyebut == 8
    b = triwulan3.besaran()
    assert b["ikk.SK3.2.periode.jumlah.penyebut"] == 8
    assert "ikk.SK3.2.periode.jumlah.pembilang" in b  # a known name, not "tidak dikenal"


def test_tabel_3_2_adds_up(triwulan3: HasilLaporan) -> None:
    dok = susun_dokumen(triwulan3)
    tabel = dok.cari("tabel", "rekap-ketercapaian")
    kepala = [c.teks for c in tabel.kepala[0]]
    assert kepala[1:6] == ["Jumlah IKK", "Tercapai", "Tidak tercapai", "Tidak dapat dinilai",
                           "Tidak berlaku"]  # fmt: skip
    for baris in tabel.isi:
        n = [int(c.teks) for c in baris[1:6]]
        assert n[0] == sum(n[1:]), baris[0].teks
    assert [c.teks for c in tabel.isi[-1][1:6]] == ["9", "4", "3", "1", "1"]


# --------------------------------------------------------------------------- expected share


def test_expected_share_time_and_plan() -> None:
    a = s.Anggaran(pagu=100, realisasi=10)
    assert porsi_penyerapan(a, 1, 5).persen.quantize(Decimal("0.01")) == Decimal("41.67")
    rencana = s.Anggaran(
        pagu=100,
        realisasi=10,
        target_penyerapan=[
            {"triwulan": 1, "persen": 20},
            {"triwulan": 2, "persen": 45},
            {"triwulan": 3, "persen": 70},
        ],
    )
    # May: 20 + (45 − 20) × 2/3 = 36,67; Juli–September alone: 70 − 45 = 25
    assert porsi_penyerapan(rencana, 1, 5).persen.quantize(Decimal("0.01")) == Decimal("36.67")
    assert porsi_penyerapan(rencana, 7, 9).persen == 25
    # December is beyond the plan: time share (12 / 12)
    assert "porsi waktu" in porsi_penyerapan(rencana, 1, 12).sumber


# --------------------------------------------------------------------------- findings


@pytest.fixture
def salinan(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA / "katalog", data / "katalog")
    shutil.copytree(DATA / "satker" / SATKER, data / "satker" / SATKER)
    return data


def _ganti(p: Path, lama: str, baru: str) -> None:
    teks = p.read_text(encoding="utf-8")
    assert lama in teks, lama
    p.write_text(teks.replace(lama, baru, 1), encoding="utf-8")


def test_document_findings(salinan: Path) -> None:
    folder = salinan / "satker" / SATKER
    # signed 25 September, before the data to 30 September closed
    _ganti(folder / "2024-triwulan-3" / "narasi.yaml", "8 Oktober 2024", "25 September 2024")
    (folder / "2024-triwulan-3" / "narasi.yaml").write_text(
        (folder / "2024-triwulan-3" / "narasi.yaml").read_text(encoding="utf-8")
        + "kata_pengantar: Laporan ini menyajikan capaian PK Triwulan III 2024.\n"
        + "latar_belakang: tidak diketahui\n",
        encoding="utf-8",
    )
    _ganti(
        folder / "satker.yaml",
        "    penyebut_nol: tidak_berlaku",
        "    penyebut_nol: tidak_berlaku\n"
        "  - kode: SK3.1\n    sasaran: SK4\n"
        "  - kode: SK1.2\n    pembilang: Tahanan, narapidana, anak yang tidak mendapatkan "
        "layanan kesehatan (preventif)",
    )
    temuan = {t.kode: t for t in periksa(SATKER, 2024, salinan, "triwulan-3")}
    t = temuan["TANGGAL_SEBELUM_DATA"]
    assert "narasi.yaml" in t.lokasi and "tempat_tanggal" in t.lokasi
    assert "25 September 2024" in t.pesan and "30 September 2024" in t.pesan
    t = temuan["PK_DISEBUT_PERIODE"]
    assert "kata_pengantar" in t.lokasi and "PK Triwulan III" in t.pesan
    assert "Perjanjian Kinerja Tahun 2024" in t.pesan
    t = temuan["TEKS_TIDAK_DIKETAHUI"]
    assert "latar_belakang" in t.lokasi
    t = temuan["IKK_SASARAN_PINDAH"]
    assert "satker.yaml" in t.lokasi and "field sasaran" in t.lokasi
    assert "dari sasaran SK3 (katalog) ke SK4" in t.pesan
    t = temuan["RUMUS_TERBALIK"]
    assert "(SK1.2)" in t.lokasi and "kata ingkar" in t.pesan


def test_reversal_heuristic() -> None:
    kp, kq = "WBP yang mengikuti pembinaan", "Jumlah WBP"
    assert arah_terbalik(kp, kq, "WBP yang tidak mengikuti pembinaan", kq)
    assert arah_terbalik(kp, kq, "Jumlah WBP", "WBP yang mengikuti pembinaan")  # swapped
    # a reworded but same-meaning formula is accepted
    assert arah_terbalik(kp, kq, "WBP yang mengikuti program pembinaan kepribadian", kq) is None
    assert tanggal_teks("Sungai Meranti, 14 Juni 2024").isoformat() == "2024-06-14"
    # the PK named by a period, not a sentence that mentions both
    assert _PK_PERIODE.search("Perjanjian Kinerja (PK) Semester I Tahun 2022")
    assert not _PK_PERIODE.search("Perjanjian Kinerja Tahun 2024 dievaluasi pada Semester I")


def test_cumulative_is_not_compared_with_the_period_alone(salinan: Path) -> None:
    # 2023's Triwulan III folder holding Juli–September only: not the same months as
    # Januari–September 2024, so nothing is compared (not even with the annual 2023)
    _ganti(
        salinan / "satker" / SATKER / "2023-triwulan-3" / "kinerja.yaml",
        "  bulan_terakhir: 9\n",
        "  bulan_terakhir: 9\n  kumulatif: false\n",
    )
    d = muat_laporan(SATKER, 2024, salinan, "triwulan-3")
    assert d.lalu is None
    assert "Juli–September 2023 dan Januari–Desember 2023" in d.alasan_tanpa_pembanding


def test_unknown_signatory_is_refused(salinan: Path) -> None:
    p = salinan / "satker" / SATKER / "2024-semester-2" / "profil.yaml"
    _ganti(p, "nama: Rahmat Hidayat", "nama: tidak diketahui")
    with pytest.raises(DataError) as e:
        muat_laporan(SATKER, 2024, salinan, "semester-2")
    assert "profil.yaml" in str(e.value) and "kepala.nama" in str(e.value)
    assert "bukan nama pejabat" in str(e.value)


def test_empty_signatory_does_not_list_fallback_targets_as_errors(salinan: Path) -> None:
    p = salinan / "satker" / SATKER / "2024-semester-2" / "profil.yaml"
    _ganti(p, "nama: Rahmat Hidayat", "nama:")
    with pytest.raises(DataError) as e:
        muat_laporan(SATKER, 2024, salinan, "semester-2")
    pesan = str(e.value)
    assert "kepala.nama: wajib diisi" in pesan
    # SK2.6 has no PK target but a Renstra 2024 target: a warning later, not an error now
    assert "target belum diisi" not in pesan


def test_memo_names_the_period_folder(semester2: HasilLaporan) -> None:
    html = html_tinjauan(semester2.data, periksa_data(semester2.data))
    assert "(2024-semester-2/tanggapan.yaml)" in html
    assert "Laporan Kinerja Instansi Pemerintah s.d. Semester II Tahun 2024" in html


def test_workbook_reads_money_as_sources_print_it() -> None:
    assert angka_teks("Rp. 65.038.490,-") == 65038490
    assert angka_teks("65.038.490") == 65038490
    with pytest.raises(ValueError, match="bisa berarti 1130"):
        angka_teks("1.130")


# --------------------------------------------------------------------------- generated variants

_KINERJA = """periode_laporan:
  periode: {periode}
  bulan_terakhir: {akhir}
  kumulatif: {kumulatif}
indikator:
  - {{kode: SK1.1, target: 85, realisasi: {{pembilang: 300, penyebut: 310}}}}
  - {{kode: SK1.5, target: 90, realisasi: {{pembilang: 0, penyebut: 0}}}}
  - {{kode: SK2.6, realisasi: {{pembilang: 60, penyebut: 200}}}}
  - kode: SK3.2
    target: 85
    realisasi:
      periode:
        jenis: bulan
        data:
{bulan}
  - {{kode: SK4.6, target: 4, realisasi: {{nilai: 4}}}}
"""


def _varian(tmp: Path, periode: str, akhir: int, kumulatif: bool, tak_tahu: str) -> HasilLaporan:
    data = tmp / f"{periode}-{kumulatif}-{tak_tahu}"
    shutil.copytree(DATA / "katalog", data / "katalog")
    asal = DATA / "satker" / SATKER
    folder = data / "satker" / SATKER
    folder.mkdir(parents=True)
    shutil.copy(asal / "satker.yaml", folder / "satker.yaml")
    shutil.copytree(asal / "2023", folder / "2023")
    kunci = f"2024-{periode}"
    (folder / kunci).mkdir()
    profil = (asal / "2024-semester-2" / "profil.yaml").read_text(encoding="utf-8")
    if tak_tahu == "kapasitas":
        profil = profil.replace("kapasitas: 250", "kapasitas: tidak diketahui")
    (folder / kunci / "profil.yaml").write_text(profil, encoding="utf-8")
    awal_sendiri = {"semester-1": 1, "semester-2": 7, "triwulan-1": 1, "triwulan-3": 7}[periode]
    awal = 1 if kumulatif else awal_sendiri
    pembilang = "tidak diketahui" if tak_tahu == "pembilang" else "1"
    bulan = "\n".join(
        f"          - {{ke: {b}, pembilang: {pembilang}, penyebut: 2}}"
        for b in range(awal, akhir + 1)
    )
    (folder / kunci / "kinerja.yaml").write_text(
        _KINERJA.format(
            periode=periode, akhir=akhir, kumulatif=str(kumulatif).lower(), bulan=bulan
        ),
        encoding="utf-8",
    )
    realisasi = "tidak diketahui" if tak_tahu == "anggaran" else "4000000000"
    pagu = "tidak diketahui" if tak_tahu == "pagu" else "9600000000"
    (folder / kunci / "anggaran.yaml").write_text(
        f"pagu: {pagu}\nrealisasi: {realisasi}\nper_sasaran:\n"
        f"  - {{sasaran: SK1, pagu: 5000000000, realisasi: {realisasi}}}\n",
        encoding="utf-8",
    )
    return hasil_laporan(SATKER, 2024, data, periode)


@pytest.mark.parametrize("tak_tahu", ["tidak ada", "pembilang", "anggaran", "pagu", "kapasitas"])
@pytest.mark.parametrize("kumulatif", [True, False])
@pytest.mark.parametrize(
    ("periode", "akhir"), [("semester-1", 5), ("semester-2", 12), ("triwulan-3", 9)]
)
def test_generated_variants(
    tmp_path: Path, periode: str, akhir: int, kumulatif: bool, tak_tahu: str
) -> None:
    h = _varian(tmp_path, periode, akhir, kumulatif, tak_tahu)
    p = h.periode
    teks = teks_laporan(h)
    # the cover says the months; a cumulative later period says "s.d."
    assert f"Data {p.rentang_bulan}" in teks
    assert ("S.D. " in teks.split("Data ")[0]) == (kumulatif and periode != "semester-1")
    # comparisons only between the same months: the 2023 folder is annual (Jan–Dec)
    if p.sebagian_tahun:
        assert h.data.lalu is None and "tidak disajikan" in teks
        assert "Perubahan capaian" not in teks and "Perbandingan Anggaran" not in teks
    else:
        assert h.data.lalu is not None and "Perbandingan Anggaran 2023–2024" in teks
    assert "setahun penuh" not in teks and "belum final" not in teks
    # unknowns read as Indonesian, never a placeholder where a number belongs
    assert not re.search(
        r"(sebesar|terealisasi|sisa|penyerapan anggaran|dihuni|tingkat hunian) data tidak "
        "tersedia",
        teks,
    )
    assert "rata-rata-pembilang" not in teks and "rata_rata" not in teks
    if tak_tahu == "anggaran":
        assert f"realisasi anggaran {p.nama_periode} belum tersedia" in teks
    if tak_tahu == "kapasitas":
        assert "Data kapasitas hunian belum tersedia; jumlah penghuni 310 orang" in teks
    if tak_tahu == "pagu":
        assert "Pagu anggaran (DIPA) tahun 2024 belum tersedia." in teks
        assert "pagu anggaran tahun 2024 belum tersedia, sehingga penyerapannya" in teks
    # every count adds up
    status = [x.status for x in h.ikk]
    assert status.count(TIDAK_BERLAKU) == 1
    assert (
        len(h.tercapai) + len(h.tidak_tercapai) + len(h.perlu_verifikasi)
        + len(h.tidak_dihitung) + len(h.tidak_berlaku)
    ) == len(h.ikk) == 5  # fmt: skip
    if h.tidak_dihitung:
        assert "Seluruh indikator tercapai" not in teks
    # a partial period's absorption is judged against its share, and says so
    if p.sebagian_tahun and tak_tahu not in ("anggaran", "pagu"):
        assert h.porsi_penyerapan is not None
        assert f"porsi waktu ({p.jumlah_bulan} dari 12 bulan)" in teks
    if tak_tahu == "pembilang":
        sk32 = h.ikk_kode("SK3.2").tabel_periode
        assert sk32.jumlah.penyebut == 2 * p.jumlah_bulan  # the known side is kept
