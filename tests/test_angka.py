"""The number policy (issue 10, reproductions 4 and 5): quoted numbers are never read the
ambiguous way, counts are whole, every value is bounded and finite before anything is computed,
and a bad number gives a clear Indonesian message naming file, line and field — never a
``decimal.InvalidOperation`` traceback."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_helpers import format_id as f
from lkjip_helpers.cli import main
from lkjip_helpers.errors import DataError
from lkjip_helpers.muat.angka import baca_angka
from lkjip_helpers.muat.data import muat_laporan
from lkjip_helpers.periksa import periksa
from lkjip_helpers.tidak_diketahui import TIDAK_DIKETAHUI

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    tujuan = tmp_path / "data"
    shutil.copytree(DATA / "katalog", tujuan / "katalog")
    shutil.copytree(DATA / "satker" / SATKER, tujuan / "satker" / SATKER)
    return tujuan


def _ganti(path: Path, lama: str, baru: str) -> None:
    teks = path.read_text(encoding="utf-8")
    assert lama in teks, f"{lama!r} tidak ada di {path}"
    path.write_text(teks.replace(lama, baru, 1), encoding="utf-8")


def _baris(path: Path, potongan: str) -> int:
    for i, baris in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if potongan in baris:
            return i
    raise AssertionError(potongan)


def _galat(data: Path) -> DataError:
    with pytest.raises(DataError) as e:
        muat_laporan(SATKER, 2023, data)
    return e.value


# --------------------------------------------------------------------------- reproduction 4


def test_quoted_indonesian_thousands_is_an_error_saying_to_write_1177(data: Path) -> None:
    # Before: "1.177" was read as 1,177, SK1.1 became 0,10 % "Tidak tercapai" with no finding.
    p = data / "satker" / SATKER / "2023" / "kinerja.yaml"
    n = _baris(p, "penyebut: 1177")
    _ganti(p, "penyebut: 1177", 'penyebut: "1.177"')
    pesan = str(_galat(data))
    assert str(p) in pesan
    assert f"baris {n}, field indikator[1].realisasi.penyebut" in pesan
    assert "angka ditulis sebagai teks ('1.177')" in pesan
    assert "mis. 1177" in pesan


def test_quoted_penghuni_is_an_error(data: Path) -> None:
    # Before: penghuni "1.117" gave an occupancy of 0,23 %.
    p = data / "satker" / SATKER / "2023" / "profil.yaml"
    _ganti(p, "penghuni: 1117", 'penghuni: "1.117"')
    pesan = str(_galat(data))
    assert "field penghuni" in pesan and "mis. 1117" in pesan


def test_count_of_people_must_be_whole(data: Path) -> None:
    p = data / "satker" / SATKER / "2023" / "kinerja.yaml"
    _ganti(p, "pembilang: 1435", "pembilang: 1435.5")
    pesan = str(_galat(data))
    assert "indikator[1].realisasi.pembilang" in pesan
    assert "IKK SK1.1 menghitung orang/unit/dokumen, jadi harus bilangan bulat" in pesan
    p = data / "satker" / SATKER / "2023" / "profil.yaml"
    _ganti(p, "penghuni: 1117", "penghuni: 1117.25")
    assert "field penghuni: harus bilangan bulat" in str(_galat(data))


def test_negative_target_is_refused(data: Path) -> None:
    p = data / "satker" / SATKER / "2023" / "kinerja.yaml"
    _ganti(p, "target: 80", "target: -80")
    assert "field indikator[1].target: tidak boleh negatif (ditemukan: -80)" in str(_galat(data))


# --------------------------------------------------------------------------- reproduction 5


@pytest.mark.parametrize(
    ("berkas", "lama", "baru", "field", "teks"),
    [
        (
            "anggaran.yaml",
            "pagu: 16466041000",
            "pagu: 164660410001646604100016466",
            "field pagu",
            "angka terlalu besar",
        ),
        (
            "kinerja.yaml",
            "target: 80",
            "target: 1e30",
            "indikator[1].target",
            "angka terlalu besar",
        ),
        (
            "kinerja.yaml",
            "penyebut: 1177",
            "penyebut: 1e-30",
            "indikator[1].realisasi.penyebut",
            "angka terlalu kecil",
        ),
        ("kinerja.yaml", "target: 80", "target: .nan", "indikator[1].target", "terhingga"),
        ("anggaran.yaml", "pagu: 16466041000", "pagu: .inf", "field pagu", "terhingga"),
    ],
)
def test_huge_tiny_and_non_finite_numbers_give_a_clear_message(
    data: Path, capsys, berkas: str, lama: str, baru: str, field: str, teks: str
) -> None:
    # Before: decimal.InvalidOperation traceback from `lkjip check`.
    _ganti(data / "satker" / SATKER / "2023" / berkas, lama, baru)
    assert teks in str(_galat(data)) and field in str(_galat(data))
    kode = main(["check", "--satker", SATKER, "--tahun", "2023", "--data-dir", str(data)])
    keluaran = capsys.readouterr()
    assert kode == 2
    assert "Traceback" not in keluaran.err + keluaran.out
    assert "InvalidOperation" not in keluaran.err + keluaran.out
    assert teks in keluaran.err


@pytest.mark.parametrize("sel", [".nan", ".inf", "-.inf", "1e400"])
def test_non_finite_table_cell_is_refused_with_file_and_field(data: Path, sel: str) -> None:
    # Before: NaN/inf in a supporting-table cell passed check and killed the build.
    p = data / "satker" / SATKER / "2023" / "kinerja.yaml"
    # SK1.6's table "Jumlah WBP yang terkena Penyakit HIV-Aids & TB", row 1: [1, HIV-AIDS, …]
    _ganti(
        p,
        "          -   - 1\n              - HIV-AIDS",
        f"          -   - 1\n              - {sel}",
    )
    pesan = str(_galat(data))
    assert "tabel_pendukung[1].baris[1][2]" in pesan
    assert "terhingga" in pesan


# --------------------------------------------------------------------------- the policy itself


@pytest.mark.parametrize(
    ("teks", "saran"),
    [
        ("1.177", "mis. 1177"),
        ("16.466.041.000", "mis. 16466041000"),
        ("Rp 16.466.041.000", "mis. 16466041000"),
        ("1,177,000", "mis. 1177000"),
        ("99,21", "mis. 99.21"),
        ("80%", "hapus tanda kutip, mis. 80"),
        ("1177", "hapus tanda kutip, mis. 1177"),
        ("banyak", "harus berupa angka (atau 'tidak diketahui'"),
    ],
)
def test_quoted_text_is_never_a_number(teks: str, saran: str) -> None:
    with pytest.raises(ValueError) as e:
        baca_angka(teks)
    assert saran in str(e.value)


def test_policy_bounds_and_kinds() -> None:
    assert baca_angka(87.28) == Decimal("87.28")  # the float's shortest repr, not 87.2800000…
    assert baca_angka(16466041000) == Decimal(16466041000)
    assert baca_angka(-0.0) == 0 and str(baca_angka(-0.0)) == "0.0"
    assert baca_angka(" Tidak  Diketahui ") is TIDAK_DIKETAHUI
    assert baca_angka(999_999_999_999_999) == Decimal(999_999_999_999_999)  # 15 digits
    assert baca_angka(Decimal("0.000001")) == Decimal("0.000001")  # 6 decimals
    for salah, teks in (
        (10**15, "terlalu besar"),
        (Decimal("0.0000001"), "terlalu kecil"),
        (True, "bukan true/false"),
        (None, "wajib diisi"),
        ([1], "harus berupa angka"),
    ):
        with pytest.raises(ValueError, match=teks):
            baca_angka(salah)
    with pytest.raises(ValueError, match="tidak boleh negatif"):
        baca_angka(-1, tidak_negatif=True)
    with pytest.raises(ValueError, match="harus lebih besar dari 0"):
        baca_angka(0, positif=True)
    with pytest.raises(ValueError, match="harus bilangan bulat"):
        baca_angka(2.5, bulat=True)
    with pytest.raises(ValueError, match="tidak boleh 'tidak diketahui'"):
        baca_angka("tidak diketahui", boleh_tidak_diketahui=False)


def test_zero_capacity_is_refused_before_it_can_crash_a_chart(data: Path) -> None:
    # Issue 7: kapasitas = penghuni = 0 passed the checks and crashed the occupancy chart.
    p = data / "satker" / SATKER / "2023" / "profil.yaml"
    _ganti(p, "kapasitas: 485", "kapasitas: 0")
    _ganti(p, "penghuni: 1117", "penghuni: 0")
    pesan = str(_galat(data))
    assert "field kapasitas: harus lebih besar dari 0" in pesan
    assert "'tidak diketahui'" in pesan


def test_claims_must_be_known_numbers(data: Path) -> None:
    p = data / "satker" / SATKER / "2023" / "klaim.yaml"
    teks = p.read_text(encoding="utf-8")
    i = teks.index("nilai: ")
    akhir = teks.index("\n", i)
    p.write_text(teks[:i] + "nilai: tidak diketahui" + teks[akhir:], encoding="utf-8")
    assert "nilai ini tidak boleh 'tidak diketahui'" in str(_galat(data))


def test_sample_passes_the_policy_unchanged() -> None:
    # the seed's raw inputs satisfy the policy: the sample loads and its check has no error
    temuan = periksa(SATKER, 2023, DATA)
    assert not [t for t in temuan if t.tingkat == "error"]


def test_rounding_never_raises_on_large_values() -> None:
    # 1e14 × 100 / 1e-6 = 1e22: rounding to two decimals needs 25 digits (context has 28)
    assert f.angka(Decimal("1e22")) == "10.000.000.000.000.000.000.000,00"
    assert f.angka(Decimal("9.99999999999999999999999999e40"), 2).endswith(",00")
    with pytest.raises(ValueError, match="bukan angka terhingga"):
        f.bulatkan(Decimal("NaN"))
