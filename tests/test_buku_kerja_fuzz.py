"""Fuzzing the workbook import.

The cell reader itself, directly and many times: a random value of every type Excel can store,
read as every column type, ends in a value of that type or in a clear message — never in another
exception; a number it accepts then meets the data model's number policy the same way. Then a
few whole workbooks: random values typed into number cells of an export of the sample end in a
clean import (and then the data load) or in clear messages located by sheet and cell — never in
an exception, never in a half-written data folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lkjip_helpers.isian.buku_kerja import GalatImpor, impor, tulis_ekspor
from lkjip_helpers.isian.buku_kerja import sel as c
from lkjip_helpers.isian.buku_kerja.baca import _urai
from lkjip_helpers.muat import muat_laporan
from lkjip_helpers.muat.angka import baca_angka
from lkjip_helpers.tidak_diketahui import EJAAN
from tests.bantu_buku_kerja import baris_isian, cari_baris, kolom, salin_data

pytestmark = pytest.mark.fuzz

SATKER = "lapas-banyuasin"

# (sheet, row locator, column): a form sheet's field, or a table row found by its key
SEL: list[tuple[str, dict[str, str] | str, str | None]] = [
    ("Kinerja", {"Kode IKK": "SK1.1"}, "Target PK"),
    ("Kinerja", {"Kode IKK": "SK1.2"}, "Pembilang"),
    ("Kinerja", {"Kode IKK": "SK1.2"}, "Penyebut"),
    ("Kinerja", {"Kode IKK": "SK4.6"}, "Nilai"),
    ("Kinerja", {"Kode IKK": "SK2.1"}, "Mulai ke"),
    ("Kinerja", {"Kode IKK": "SK3.1"}, "Standar nasional"),
    ("Anggaran", "pagu", None),
    ("Anggaran", "realisasi", None),
    ("Profil", "kapasitas", None),
    ("Profil", "penghuni", None),
    ("Profil", "tahun_berdiri", None),
    ("Periode", "periode_laporan.bulan_terakhir", None),
    ("Anggaran Jenis", {"Jenis belanja": "pegawai"}, "Pagu"),
    ("Anggaran Sasaran", {"Sasaran": "SK4"}, "Realisasi"),
    ("Bangunan", {"Uraian": "Bangunan Dapur"}, "Luas (m²)"),
    ("Kepegawaian", {"Uraian": "S1"}, "Jumlah"),
    ("SMART IKPA", "smart.nilai", None),
    ("SMART IKPA", "ikpa.deviasi_halaman_iii_dipa", None),
    ("e-Performance e-Monev", "e_monev_bulan.3", None),
    ("Klaim", {"Besaran": "ikk.SK1.1.capaian"}, "Nilai"),
]

_TEKS = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=24)
NILAI = st.one_of(
    st.none(),
    st.integers(min_value=-(10**17), max_value=10**17),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(
        allow_nan=False, allow_infinity=False, places=8, min_value=-(10**9), max_value=10**9
    ),
    _TEKS,
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.times(),
    st.booleans(),
    st.sampled_from(
        [
            "1.234",
            "1.234,5",
            "Rp 16.466.041.000",
            "99,21%",
            "tidak diketahui",
            "TIDAK DIKETAHUI",
            "=1+1",
            "-0",
            "1e30",
            "1e-30",
            "12.500",
            "−5",
            "#DIV/0!",
            " ",
            "0,0000001",
            "100000000000000000000",
        ]
    ),
)


# every column type of the reader, with the Python type(s) of what it returns
JENIS = {
    "angka": (Decimal, str),
    "bulat": (int,),
    "pilihan": (str,),
    "ya_tidak": (bool,),
    "tanggal": (str,),
    "nip": (str,),
    "kode_daftar": (list,),
    "baris_teks": (list,),
    "target_tahunan": (dict,),
    "teks": (str,),
}
FORMAT = st.sampled_from(["General", "0", "0.00", "0.00%", '0.00" %"', "#,##0", "@", "0%"])


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.sampled_from(sorted(JENIS)), NILAI, FORMAT, st.booleans())
def test_pembaca_sel_langsung(jenis: str, nilai: object, fmt: str, boleh_td: bool) -> None:
    pilihan = ("Ya", "Tidak diketahui", "Semester I")
    try:
        hasil = _urai(jenis, nilai, fmt, pilihan, boleh_td)
    except c.MasalahSel as e:
        event(f"{jenis}: masalah")
        assert str(e).strip() and "Traceback" not in str(e)
        return
    event(f"{jenis}: terbaca")
    if hasil is None:
        return
    assert isinstance(hasil, JENIS[jenis]), (jenis, nilai, hasil)
    if jenis == "pilihan":
        assert hasil in pilihan
    if jenis == "angka":
        if isinstance(hasil, str):
            assert hasil == EJAAN and boleh_td
            return
        assert hasil.is_finite()
        # what the import writes to YAML meets the loader's number policy: a number or a
        # clear ValueError (too large, too many decimals), nothing else
        try:
            baca_angka(c.ke_yaml(hasil))
        except ValueError as e:
            assert str(e).strip()


@pytest.fixture(scope="module")
def sumber(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    akar = tmp_path_factory.mktemp("fuzz")
    data = salin_data(akar)
    xlsx = tulis_ekspor(data, SATKER, 2023, keluaran=akar / "e.xlsx").path
    return data, xlsx.read_bytes()


def _sidik(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _isi(wb: openpyxl.Workbook, i: int, nilai: object) -> str:
    lembar, baris, judul = SEL[i]
    ws = wb[lembar]
    if isinstance(baris, str):
        r, k = baris_isian(ws, baris), 3
    else:
        r, k = cari_baris(ws, baris), kolom(ws, judul or "")
    if isinstance(nilai, Decimal):
        nilai = float(nilai)
    ws.cell(r, k).value = nilai
    return f"{lembar}!{ws.cell(r, k).coordinate}"


@settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.tuples(st.integers(0, len(SEL) - 1), NILAI), min_size=1, max_size=4))
def test_nilai_acak_di_sel_angka(
    sumber: tuple[Path, bytes], tmp_path_factory: pytest.TempPathFactory, perubahan: list
) -> None:
    data_asli, isi = sumber
    kerja = tmp_path_factory.mktemp("contoh")
    data = kerja / "data"
    shutil.copytree(data_asli, data)
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    for i, nilai in perubahan:
        _isi(wb, i, nilai)
    xlsx = kerja / "acak.xlsx"
    wb.save(xlsx)
    sebelum = _sidik(data)
    try:
        hasil = impor(xlsx, data)
    except GalatImpor as e:
        assert _sidik(data) == sebelum
        galat = [m for m in e.masalah if m.tingkat == "error"]
        assert galat
        event("masalah dilaporkan")
        for m in galat:
            teks = str(m)
            assert m.pesan and "Traceback" not in teks
            # every problem of a typed cell is located by sheet and cell
            assert m.lembar and m.sel, teks
        return
    assert hasil.ditulis
    event("impor bersih")
    muat_laporan(SATKER, 2023, data)  # a clean import always loads
