"""Report periods: the period object, folders of several periods side by side, the declaration
in kinerja.yaml, comparisons with the previous full year, completeness following the period."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkjip_helpers.errors import DataError, ParameterError
from lkjip_helpers.hitung.hasil import hasil_laporan
from lkjip_helpers.muat.data import muat_laporan
from lkjip_helpers.muat.periode import Periode, label_periode, rentang_periode
from lkjip_helpers.periksa import periksa

DATA = Path(__file__).parents[1] / "data"
SEMESTER = "lapas-sungai-meranti"


# --------------------------------------------------------------------------- the period object


def test_semester_one_written_in_june() -> None:
    p = Periode.buat(2022, "semester-1", 5)
    assert (p.id, p.jenis, p.ke, p.label) == ("semester-1", "semester", 1, "Semester I")
    assert p.judul == "Semester I Tahun 2022"
    assert p.rentang_bulan == "Januari–Mei 2022"
    assert p.rentang_penuh == "Januari–Juni 2022"
    assert (p.bulan_awal, p.bulan_akhir, p.bulan_terakhir, p.jumlah_bulan) == (1, 6, 5, 5)
    assert not p.lengkap and p.sebagian_tahun
    # like-for-like: the same months of the previous year
    assert p.frasa_perbandingan == "Januari–Mei 2022 dibandingkan Januari–Mei 2021"
    assert p.kunci == "2022-semester-1"


def test_annual_period() -> None:
    p = Periode.buat(2023)
    assert (p.id, p.jenis, p.ke, p.label) == ("tahunan", "tahunan", None, "Tahunan")
    assert p.judul == "Tahun 2023" and p.rentang_bulan == "Januari–Desember 2023"
    assert p.lengkap and not p.sebagian_tahun
    assert p.frasa_perbandingan == "tahun 2023 dibandingkan tahun 2022"
    assert p.kunci == "2023"


@pytest.mark.parametrize(
    ("periode", "rentang"),
    [
        ("tahunan", (1, 12)),
        ("semester-1", (1, 6)),
        ("semester-2", (7, 12)),
        ("triwulan-1", (1, 3)),
        ("triwulan-3", (7, 9)),
        ("triwulan-4", (10, 12)),
    ],
)
def test_spans(periode: str, rentang: tuple[int, int]) -> None:
    assert rentang_periode(periode) == rentang


def test_semester_two_and_quarter_texts() -> None:
    # cumulative by default: "s.d. Semester II" is January–December, the whole year
    s2 = Periode.buat(2023, "semester-2")
    assert s2.kumulatif and s2.sampai_dengan and s2.rentang_bulan == "Januari–Desember 2023"
    assert s2.judul == "s.d. Semester II Tahun 2023" and not s2.sebagian_tahun
    assert s2.frasa_perbandingan == "tahun 2023 dibandingkan tahun 2022"
    # the period alone
    sendiri = Periode.buat(2023, "semester-2", kumulatif=False)
    assert sendiri.rentang_bulan == "Juli–Desember 2023" and sendiri.sebagian_tahun
    assert sendiri.judul == "Semester II Tahun 2023"
    t = Periode.buat(2023, "triwulan-3", 7, kumulatif=False)
    assert t.judul == "Triwulan III Tahun 2023" and t.rentang_bulan == "Juli 2023"
    assert t.frasa_perbandingan == "Juli 2023 dibandingkan Juli 2022"
    tk = Periode.buat(2023, "triwulan-3", 9)
    assert (
        tk.judul == "s.d. Triwulan III Tahun 2023" and tk.rentang_bulan == "Januari–September 2023"
    )
    assert tk.jumlah_bulan == 9 and tk.porsi_waktu == 75
    # like-for-like: the same covered months
    assert tk.sebanding(Periode.buat(2022, "triwulan-3", 9))
    assert not tk.sebanding(Periode.buat(2022, "triwulan-3", 9, kumulatif=False))
    assert not tk.sebanding(Periode.buat(2022))
    assert s2.sebanding(Periode.buat(2022))
    with pytest.raises(ValueError, match="bulan_terakhir 3 di luar rentang Semester II"):
        Periode.buat(2023, "semester-2", 3)
    with pytest.raises(ParameterError):
        Periode.buat(2023, "kuartal-1")


def test_expected_periods_follow_the_last_closed_month() -> None:
    p = Periode.buat(2024, "semester-1", 5)
    assert p.bulan_diharapkan("bulan") == [1, 2, 3, 4, 5]
    # triwulan II (April–Juni) is not closed in May; semester I neither
    assert p.bulan_diharapkan("triwulan") == [1]
    assert p.bulan_diharapkan("semester") == []
    # an activity that started in March
    assert p.bulan_diharapkan("bulan", mulai=3) == [3, 4, 5]
    assert Periode.buat(2023, "semester-2", kumulatif=False).bulan_diharapkan("triwulan") == [3, 4]
    assert Periode.buat(2023, "semester-2").bulan_diharapkan("triwulan") == [1, 2, 3, 4]
    assert label_periode("triwulan", 2) == "Triwulan II" and label_periode("bulan", 5) == "Mei"


# --------------------------------------------------------------------------- folders and loading


def test_semester_folder_loads_with_its_declared_period() -> None:
    d = muat_laporan(SEMESTER, 2024, DATA, "semester-1")
    assert d.ini.folder.name == "2024-semester-1" and d.ini.kunci == "2024-semester-1"
    assert d.periode.judul == "Semester I Tahun 2024"
    assert d.periode.bulan_terakhir == 5 and not d.periode.lengkap
    # the previous year has only its annual folder (Januari–Desember 2023): not like-for-like
    # with Januari–Mei 2024, so nothing is compared and the report says why
    assert d.lalu is None
    assert d.alasan_tanpa_pembanding is not None
    assert "Januari–Mei 2024" in d.alasan_tanpa_pembanding
    assert "Januari–Desember 2023" in d.alasan_tanpa_pembanding


def test_hasil_exposes_the_period() -> None:
    h = hasil_laporan(SEMESTER, 2024, DATA, "semester-1")
    assert h.periode.frasa_perbandingan == "Januari–Mei 2024 dibandingkan Januari–Mei 2023"
    assert h.data_contoh_fiktif


@pytest.fixture
def dua_periode(tmp_path: Path) -> Path:
    """The semester satker with an annual 2024 folder beside its Semester I folder."""
    data = tmp_path / "data"
    shutil.copytree(DATA / "katalog", data / "katalog")
    shutil.copytree(DATA / "satker" / SEMESTER, data / "satker" / SEMESTER)
    folder = data / "satker" / SEMESTER
    shutil.copytree(folder / "2024-semester-1", folder / "2024")
    p = folder / "2024" / "kinerja.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            "  periode: semester-1\n  bulan_terakhir: 5\n",
            "  periode: tahunan\n  bulan_terakhir: 5\n",
        ),
        encoding="utf-8",
    )
    return data


def test_two_periods_of_one_year_coexist(dua_periode: Path) -> None:
    semester = muat_laporan(SEMESTER, 2024, dua_periode, "semester-1")
    tahunan = muat_laporan(SEMESTER, 2024, dua_periode)
    assert semester.periode.id == "semester-1" and tahunan.periode.id == "tahunan"
    assert semester.ini.folder != tahunan.ini.folder


def test_declared_period_must_match_the_folder(dua_periode: Path) -> None:
    p = dua_periode / "satker" / SEMESTER / "2024-semester-1" / "kinerja.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("periode: semester-1", "periode: semester-2"),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as e:
        muat_laporan(SEMESTER, 2024, dua_periode, "semester-1")
    pesan = str(e.value)
    assert "kinerja.yaml" in pesan and "field periode_laporan" in pesan
    # semester-2 spans July–December: bulan_terakhir 5 is reported too, in the same run
    assert "bulan_terakhir 5 di luar rentang Semester II" in pesan


def test_undeclared_period_in_a_semester_folder(dua_periode: Path) -> None:
    p = dua_periode / "satker" / SEMESTER / "2024-semester-1" / "kinerja.yaml"
    teks = p.read_text(encoding="utf-8")
    awal = teks.index("periode_laporan:")
    p.write_text(teks[:awal] + teks[teks.index("indikator:") :], encoding="utf-8")
    with pytest.raises(DataError) as e:
        muat_laporan(SEMESTER, 2024, dua_periode, "semester-1")
    pesan = str(e.value)
    assert "folder 2024-semester-1 berisi data Semester I" in pesan
    assert "periode: semester-1" in pesan  # it says what to write


def test_semester_declared_in_an_annual_folder(dua_periode: Path) -> None:
    p = dua_periode / "satker" / SEMESTER / "2024" / "kinerja.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("periode: tahunan", "periode: semester-1"),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as e:
        muat_laporan(SEMESTER, 2024, dua_periode)
    assert "tidak sesuai dengan folder '2024'" in str(e.value)
    assert "bernama '2024-semester-1'" in str(e.value)


def test_missing_period_lists_the_available_ones() -> None:
    with pytest.raises(DataError) as e:
        muat_laporan(SEMESTER, 2024, DATA, "triwulan-2")
    assert "data Triwulan II 2024 belum ada" in str(e.value)
    assert "periode yang tersedia: 2023, 2024-semester-1" in str(e.value)


# --------------------------------------------------------------------------- completeness


def test_completeness_follows_the_period() -> None:
    temuan = periksa(SEMESTER, 2024, DATA, "semester-1")
    # January–May are complete for every monthly IKK, e-Monev (5 months) and e-Performance
    # (triwulan I): no PERIODE_TIDAK_LENGKAP on a semester report whose months are all there
    assert not [t for t in temuan if t.kode == "PERIODE_TIDAK_LENGKAP"]
    belum = [t for t in temuan if t.kode == "PERIODE_BELUM_LENGKAP"]
    assert len(belum) == 1 and "Januari–Mei 2024" in belum[0].pesan
    assert not [t for t in temuan if t.tingkat == "error"]


def test_a_missing_month_inside_the_period_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA / "katalog", data / "katalog")
    shutil.copytree(DATA / "satker" / SEMESTER, data / "satker" / SEMESTER)
    p = data / "satker" / SEMESTER / "2024-semester-1" / "kinerja.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            "          - {ke: 4, pembilang: 9, penyebut: 631}\n", ""
        ),
        encoding="utf-8",
    )
    temuan = periksa(SEMESTER, 2024, data, "semester-1")
    kurang = [t for t in temuan if t.kode == "PERIODE_TIDAK_LENGKAP"]
    assert len(kurang) == 1 and "(SK3.5)" in kurang[0].lokasi
    assert "1 bulan dalam periode laporan (Januari–Mei 2024) belum diisi: April" in kurang[0].pesan


def test_data_after_the_last_closed_month_is_an_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA / "katalog", data / "katalog")
    shutil.copytree(DATA / "satker" / SEMESTER, data / "satker" / SEMESTER)
    p = data / "satker" / SEMESTER / "2024-semester-1" / "kinerja.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            "          - {ke: 5, pembilang: 12, penyebut: 640}\n",
            "          - {ke: 5, pembilang: 12, penyebut: 640}\n"
            "          - {ke: 6, pembilang: 10, penyebut: 644}\n",
        ),
        encoding="utf-8",
    )
    temuan = periksa(SEMESTER, 2024, data, "semester-1")
    galat = [t for t in temuan if t.tingkat == "error"]
    assert len(galat) == 1 and galat[0].kode == "HITUNG_GAGAL"
    assert "Juni diisi, padahal data laporan hanya sampai Januari–Mei 2024" in galat[0].pesan
