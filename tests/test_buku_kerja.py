"""The data-entry workbook: templat → fill → impor → build, export/import round trips, and a
workbook full of mistakes that must each be named by sheet and cell with nothing written."""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import hashlib
import io
import os
import random
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml

from lkjip_helpers.cli import main
from lkjip_helpers.errors import DataError, OutputError
from lkjip_helpers.isian.buku_kerja import GalatImpor, impor, tulis_ekspor, tulis_templat
from lkjip_helpers.isian.buku_kerja import tata_letak as t
from lkjip_helpers.isian.buku_kerja.sel import MasalahSel, baca_angka_sel
from lkjip_helpers.isian.kerangka import buat_kerangka
from lkjip_helpers.muat import muat_laporan
from lkjip_helpers.muat.angka import baca_angka
from lkjip_helpers.tidak_diketahui import EJAAN, TIDAK_DIKETAHUI
from tests.bantu_buku_kerja import (
    baris_isian,
    cari_baris,
    isi_isian,
    kolom,
    salin_data,
    tambah_baris,
)

SATKER = "lapas-banyuasin"
DIISI = ("profil", "kinerja", "anggaran", "evaluasi", "narasi", "tanggapan", "klaim")


def _sidik(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` (to prove nothing was written)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("ketikan", "format_sel", "harapan"),
    [
        # the seed's DIPA pagu as printed in Bab III B (seed line 2058): 16.466.041.000
        ("Rp 16.466.041.000", "General", Decimal("16466041000")),
        ("Rp16.466.041.000", "General", Decimal("16466041000")),
        ("1.234,5", "General", Decimal("1234.5")),
        ("1,234.5", "General", Decimal("1234.5")),
        ("99,21%", "General", Decimal("99.21")),
        ("99,21", "General", Decimal("99.21")),
        ("99.21", "General", Decimal("99.21")),
        ("0,500", "General", Decimal("0.500")),
        ("1.234.567", "General", Decimal("1234567")),
        ("2030.5", "General", Decimal("2030.5")),
        ("−5", "General", Decimal("-5")),
        ("  1177 ", "General", Decimal("1177")),
        # Excel stores 99,21 % typed in a General cell as 0.9921 with a percent format
        (0.9921, "0.00%", Decimal("99.21")),
        (0.9921, '0.00"%"', Decimal("0.9921")),
        # a cached formula result with binary noise reads as Excel shows it (15 digits)
        (0.1 + 0.2, "General", Decimal("0.3")),
        (87.28, "General", Decimal("87.28")),
        (1435, "General", Decimal(1435)),
        ("Tidak Diketahui", "General", EJAAN),
        ("", "General", None),
        (None, "General", None),
    ],
)
def test_angka_gaya_indonesia(ketikan: object, format_sel: str, harapan: object) -> None:
    assert baca_angka_sel(ketikan, format_sel) == harapan


@pytest.mark.parametrize("ketikan", ["1.234", "1,234", "12.500", "Rp 1.177"])
def test_angka_ambigu_dilaporkan_tidak_ditebak(ketikan: str) -> None:
    with pytest.raises(MasalahSel) as e:
        baca_angka_sel(ketikan)
    digit = ketikan.replace("Rp ", "")
    ribuan = digit.replace(".", "").replace(",", "")
    pesan = str(e.value)
    assert "bisa berarti" in pesan and ribuan in pesan and ribuan[:-3] + "," + ribuan[-3:] in pesan


def test_angka_ambigu_sejalan_dengan_kebijakan_angka_model() -> None:
    """The data model refuses a quoted "1.177" naming both readings; the workbook does too."""
    with pytest.raises(ValueError) as yaml_err:
        baca_angka("1.177")
    with pytest.raises(MasalahSel) as sel_err:
        baca_angka_sel("1.177")
    for pesan in (str(yaml_err.value), str(sel_err.value)):
        assert "1177" in pesan and ("1.177" in pesan or "1,177" in pesan)


@pytest.mark.parametrize(
    ("nilai", "kata"),
    [
        (dt.datetime(2023, 1, 5), "tanggal"),
        (dt.date(2023, 1, 5), "tanggal"),
        (True, "logika"),
        ("banyak", "bukan angka"),
        ("1.23.4", "tidak dapat dibaca"),
        ("12 500", "bukan angka"),
        (float("nan"), "tak terhingga"),
    ],
)
def test_bukan_angka(nilai: object, kata: str) -> None:
    with pytest.raises(MasalahSel, match=kata):
        baca_angka_sel(nilai)


# --------------------------------------------------------------------------- export ↔ import


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("satker", "tahun", "periode"),
    [
        (SATKER, 2023, "tahunan"),
        ("lapas-sungai-meranti", 2024, "semester-1"),
        ("rutan-tanjung-kemuning", 2023, "tahunan"),
        ("lapas-muara-tiga", 2024, "semester-2"),  # kumulatif written out
        ("lapas-muara-tiga", 2024, "triwulan-3"),  # target_penyerapan, not in the workbook
    ],
)
def test_ekspor_lalu_impor_byte_identik(
    tmp_path: Path, satker: str, tahun: int, periode: str
) -> None:
    """An unchanged export imports back to byte-identical files: every value equals the one
    written, so no node is replaced and nothing is rewritten."""
    data = salin_data(tmp_path)
    sebelum = _sidik(data)
    xlsx = tulis_ekspor(data, satker, tahun, periode, keluaran=tmp_path / "e.xlsx").path
    hasil = impor(xlsx, data)
    assert {r.nama: r.status for r in hasil.berkas} == dict.fromkeys(
        [r.nama for r in hasil.berkas], "tetap"
    )
    assert "kinerja" in {r.nama for r in hasil.berkas}
    assert _sidik(data) == sebelum


def _tanpa_kosong(x: object) -> object:
    """A YAML tree without ``null`` values and empty maps (the schema reads both as absent)."""
    if isinstance(x, dict):
        return {k: _tanpa_kosong(v) for k, v in x.items() if v is not None and v != {}}
    if isinstance(x, list):
        return [_tanpa_kosong(v) for v in x]
    return x


def _tanpa_tabel_pendukung(kinerja: dict) -> dict:
    for x in kinerja["indikator"]:
        x.pop("tabel_pendukung", None)
    return kinerja


@pytest.mark.e2e
def test_impor_ke_folder_kosong_semantik_sama(tmp_path: Path) -> None:
    """Written from nothing (the period's files deleted), the files hold the same data as the
    originals: the validated models are equal (kinerja without its supporting tables, which the
    workbook does not carry), and so are the YAML trees; the text differs only in comments, key
    order, flow style and ``null`` written out."""
    data = salin_data(tmp_path)
    xlsx = tulis_ekspor(data, SATKER, 2023, keluaran=tmp_path / "e.xlsx").path
    folder = data / "satker" / SATKER / "2023"
    for nama in DIISI:
        (folder / f"{nama}.yaml").unlink()
    hasil = impor(xlsx, data)
    assert {r.nama: r.status for r in hasil.berkas} == {"satker": "tetap"} | dict.fromkeys(
        DIISI, "baru"
    )
    asli = muat_laporan(SATKER, 2023, t_data := Path(__file__).resolve().parent.parent / "data")
    baru = muat_laporan(SATKER, 2023, data)
    for nama in ("profil", "anggaran", "evaluasi", "narasi", "tanggapan", "klaim"):
        assert getattr(baru.ini, nama) == getattr(asli.ini, nama), nama
    assert baru.ini.kinerja.periode_laporan == asli.ini.kinerja.periode_laporan
    assert [x.model_copy(update={"tabel_pendukung": []}) for x in asli.ini.kinerja.indikator] == (
        baru.ini.kinerja.indikator
    )
    for nama in DIISI:
        lama = yaml.safe_load((t_data / "satker" / SATKER / "2023" / f"{nama}.yaml").read_text())
        kini = yaml.safe_load((folder / f"{nama}.yaml").read_text())
        if nama == "kinerja":
            lama = _tanpa_tabel_pendukung(lama)
            # the older text form of the period, which the schema reads as its keterangan;
            # a new file is written in the current form
            lama["periode_laporan"] = {"keterangan": lama["periode_laporan"]}
        assert _tanpa_kosong(kini) == _tanpa_kosong(lama), nama


@pytest.mark.e2e
def test_satu_sel_berubah_satu_baris_diff(tmp_path: Path) -> None:
    """Changing cells changes exactly their lines; comments on those lines stay."""
    data = salin_data(tmp_path)
    xlsx = tulis_ekspor(data, SATKER, 2023, keluaran=tmp_path / "e.xlsx").path
    folder = data / "satker" / SATKER / "2023"
    lama = {n: (folder / f"{n}.yaml").read_text().splitlines() for n in ("kinerja", "profil")}
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Kinerja"]
    ws.cell(cari_baris(ws, {"Kode IKK": "SK1.1"}), kolom(ws, "Target PK")).value = 85
    isi_isian(wb, "Profil", {"kapasitas": "tidak diketahui"})
    wb.save(xlsx)
    hasil = impor(xlsx, data)
    assert {r.nama for r in hasil.berkas if r.status == "berubah"} == {"kinerja", "profil"}
    beda = {
        n: [
            b
            for b in difflib.unified_diff(
                lama[n], (folder / f"{n}.yaml").read_text().splitlines(), n=0, lineterm=""
            )
            if b[:1] in "+-" and not b.startswith(("+++", "---"))
        ]
        for n in lama
    }
    assert beda["kinerja"] == ["-    target: 80", "+    target: 85"]
    assert beda["profil"] == [
        "-kapasitas: 485          # seed baris 209",
        "+kapasitas: tidak diketahui # seed baris 209",
    ]
    assert muat_laporan(SATKER, 2023, data).ini.profil.kapasitas is TIDAK_DIKETAHUI


@pytest.mark.e2e
def test_periksa_tidak_menulis(tmp_path: Path) -> None:
    data = salin_data(tmp_path)
    xlsx = tulis_ekspor(data, SATKER, 2023, keluaran=tmp_path / "e.xlsx").path
    wb = openpyxl.load_workbook(xlsx)
    isi_isian(wb, "Anggaran", {"pagu": 17000000000})
    wb.save(xlsx)
    sebelum = _sidik(data)
    hasil = impor(xlsx, data, periksa_saja=True)
    assert [r.nama for r in hasil.berkas if r.status == "berubah"] == ["anggaran"]
    assert not hasil.ditulis
    assert _sidik(data) == sebelum


@pytest.mark.e2e
def test_isian_yang_akan_dihapus_diperingatkan(tmp_path: Path) -> None:
    """Rows emptied in the workbook are removed from the file; the import says which first."""
    data = salin_data(tmp_path)
    xlsx = tulis_ekspor(data, SATKER, 2023, keluaran=tmp_path / "e.xlsx").path
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Tanggapan"]
    for r in (3, 4):
        for k in range(1, 6):
            ws.cell(r, k).value = None
    wb.save(xlsx)
    hasil = impor(xlsx, data, periksa_saja=True)
    assert [str(m) for m in hasil.peringatan] == [
        "tanggapan.yaml: 2 isian yang tertulis di berkas tidak ada di buku kerja dan akan "
        "dihapus: tanggapan[1], tanggapan[2]"
    ]
    impor(xlsx, data)
    teks = (data / "satker" / SATKER / "2023" / "tanggapan.yaml").read_text()
    assert "tanggapan: []" in teks and "# Tanggapan satker atas temuan memo" in teks


@pytest.mark.e2e
def test_disk_penuh_saat_menulis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failed write names the file and the cause (exit 3 in the CLI); the file keeps its
    old content and no temporary file is left behind."""
    data = salin_data(tmp_path)
    xlsx = tulis_ekspor(data, SATKER, 2023, keluaran=tmp_path / "e.xlsx").path
    wb = openpyxl.load_workbook(xlsx)
    isi_isian(wb, "Anggaran", {"pagu": 17000000000})
    wb.save(xlsx)
    sebelum = _sidik(data)

    def penuh(*_a: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", penuh)
    with pytest.raises(OutputError) as e:
        impor(xlsx, data)
    assert "disk penuh" in str(e.value) and "anggaran.yaml" in str(e.value)
    assert e.value.exit_code == 3
    assert _sidik(data) == sebelum


@pytest.mark.e2e
def test_rumus_dibaca_dari_nilai_tersimpan(tmp_path: Path) -> None:
    """A formula is read as the value Excel cached for it (never evaluated by us). openpyxl
    writes formulas without a cached value, so the test adds one to the sheet's XML the way
    Excel would (``<v>`` after ``<f>``)."""
    data = salin_data(tmp_path)
    xlsx = tulis_ekspor(data, SATKER, 2023, keluaran=tmp_path / "e.xlsx").path
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Anggaran"]
    r = baris_isian(ws, "pagu")
    ws.cell(r, 3).value = "=4882029000+11584012000+1"
    wb.save(xlsx)
    indeks = wb.sheetnames.index("Anggaran") + 1
    isi = io.BytesIO()
    with zipfile.ZipFile(xlsx) as zin, zipfile.ZipFile(isi, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            teks = zin.read(item.filename)
            if item.filename == f"xl/worksheets/sheet{indeks}.xml":
                # openpyxl writes the empty cached value as <v /> (ElementTree) or <v></v> (lxml)
                lama = re.compile(rb"<f>4882029000\+11584012000\+1</f><v(?: />|></v>)")
                assert lama.search(teks)
                teks = lama.sub(b"<f>4882029000+11584012000+1</f><v>16466041001</v>", teks)
            zout.writestr(item, teks)
    xlsx.write_bytes(isi.getvalue())
    impor(xlsx, data)
    # 4.882.029.000 + 11.584.012.000 (pegawai + barang, seed line 2058) + 1
    assert muat_laporan(SATKER, 2023, data).ini.anggaran.pagu == Decimal("16466041001")


# --------------------------------------------------------------------------- template


def test_templat_isi_tata_letak(tmp_path: Path) -> None:
    data = salin_data(tmp_path)
    xlsx = tulis_templat(data, SATKER, 2024, keluaran=tmp_path / "t.xlsx").path
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == [*t.NAMA_LEMBAR, t.LEMBAR_INFO]
    assert wb[t.LEMBAR_INFO].sheet_state == "veryHidden"
    ws = wb["Kinerja"]
    r = cari_baris(ws, {"Kode IKK": "SK1.1"})
    # the catalog's formula wording and the Renstra target of 2024 (catalog: 85)
    assert ws.cell(r, kolom(ws, "Rumus")).value == (
        "Tahanan, narapidana, anak yang mendapat layanan makanan sesuai standar / "
        "tahanan, narapidana, anak × 100%"
    )
    assert ws.cell(r, kolom(ws, "Target Renstra")).value == 85
    assert ws.cell(r, kolom(ws, "Dalam PK")).value == "Ya"
    assert ws.cell(r, kolom(ws, "Target PK")).value is None
    # 26 catalog IKK, all in the PK by default
    kode = [ws.cell(x, 1).value for x in range(t.BARIS_DATA, ws.max_row + 1)]
    assert len([k for k in kode if k]) == 26
    # header comments, locked header, editable data cells, protected sheet
    judul = ws.cell(t.BARIS_JUDUL, kolom(ws, "Target PK"))
    assert judul.comment is not None and EJAAN in judul.comment.text
    assert judul.protection.locked
    assert not ws.cell(r, kolom(ws, "Target PK")).protection.locked
    assert ws.cell(r, kolom(ws, "Rumus")).protection.locked
    assert ws.protection.sheet
    validasi = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    huruf = openpyxl.utils.get_column_letter(kolom(ws, "Target PK"))
    dv = next(v for k, v in validasi.items() if k.startswith(huruf))
    assert dv.type == "custom" and EJAAN in dv.formula1
    huruf = openpyxl.utils.get_column_letter(kolom(ws, "Aturan 0/0 periode ini"))
    dv = next(v for k, v in validasi.items() if k.startswith(huruf))
    assert dv.type == "list" and "tidak_berlaku" in dv.formula1
    ws = wb["Anggaran Jenis"]
    dv = ws.data_validations.dataValidation[0]
    assert dv.formula1 == '"pegawai,barang,modal,bantuan_sosial,lainnya"'
    assert wb["IKK Satker"].cell(t.BARIS_JUDUL, kolom(wb["IKK Satker"], "Polaritas")).comment
    # the sasaran rows of the budget come from the catalog, empty
    ws = wb["Anggaran Sasaran"]
    assert [ws.cell(x, 1).value for x in range(3, 7)] == ["SK1", "SK2", "SK3", "SK4"]
    assert ws.cell(3, kolom(ws, "Pagu")).value is None


def test_templat_dari_tahun_membawa_isian(tmp_path: Path) -> None:
    """Descriptions and narratives of 2023 are carried into the 2024 template; the figures of
    2023 are not."""
    data = salin_data(tmp_path)
    xlsx = tulis_templat(data, SATKER, 2024, dari_tahun=2023, keluaran=tmp_path / "t.xlsx").path
    wb = openpyxl.load_workbook(xlsx)
    asli = muat_laporan(SATKER, 2023, Path(__file__).resolve().parent.parent / "data")
    profil = wb["Profil"]
    assert profil.cell(baris_isian(profil, "kapasitas"), 3).value == 485
    assert profil.cell(baris_isian(profil, "penghuni"), 3).value is None
    ws = wb["Narasi IKK"]
    r = cari_baris(ws, {"Kode IKK": "SK1.1", "Bagian": "penyebab"})
    assert ws.cell(r, kolom(ws, "Teks")).value == asli.ini.kinerja.indikator[0].narasi.penyebab
    ws = wb["Kinerja"]
    r = cari_baris(ws, {"Kode IKK": "SK1.1"})
    assert ws.cell(r, kolom(ws, "Target PK")).value is None
    assert ws.cell(r, kolom(ws, "Pembilang")).value is None
    ws = wb["Anggaran Program"]
    assert ws.cell(3, kolom(ws, "Program")).value == "Program Penegakan dan Pelayanan Hukum"
    assert ws.cell(3, kolom(ws, "Pagu")).value is None
    assert wb["Anggaran"].cell(baris_isian(wb["Anggaran"], "pagu"), 3).value is None


def _isi_satker_baru(xlsx: Path, katalog: dict) -> None:
    """Fill a fresh template as an analyst would: identity, profile, every IKK, budget."""
    wb = openpyxl.load_workbook(xlsx)
    isi_isian(
        wb,
        "Satker",
        {
            "nama": "Lembaga Pemasyarakatan Kelas III Contoh",
            "nama_singkat": "Lapas Kelas III Contoh",
            "kementerian": "Kementerian Hukum dan Hak Asasi Manusia Republik Indonesia",
            "kota": "Kota Contoh",
        },
    )
    isi_isian(
        wb,
        "Profil",
        {
            "kepala.nama": "Budi Contoh",
            "kepala.nip": "198001012005011001",
            "kapasitas": 300,
            "penghuni": "412",
            "penghuni_per": "Desember 2024",
            "renstra.visi": "Visi contoh.",
        },
    )
    tambah_baris(
        wb,
        "Daftar",
        [
            {"Daftar": "renstra.misi", "Teks": "Misi contoh pertama."},
            {"Daftar": "renstra.tujuan", "Teks": "Tujuan contoh."},
        ],
    )
    ws = wb["Kinerja"]
    for r in range(t.BARIS_DATA, ws.max_row + 1):
        kode = ws.cell(r, 1).value
        if not kode:
            continue
        d = katalog[kode]
        ws.cell(r, kolom(ws, "Target PK")).value = 80 if d["jenis"] == "rasio" else 1
        if d["jenis"] == "rasio":
            ws.cell(r, kolom(ws, "Pembilang")).value = 95
            ws.cell(r, kolom(ws, "Penyebut")).value = "100"
        else:
            ws.cell(r, kolom(ws, "Nilai")).value = 1
    isi_isian(wb, "Anggaran", {"pagu": "Rp 8.215.430.000", "realisasi": 8036992715})
    ws = wb["Anggaran Jenis"]
    r = cari_baris(ws, {"Jenis belanja": "pegawai"})
    ws.cell(r, kolom(ws, "Pagu")).value = 8215430000
    ws.cell(r, kolom(ws, "Realisasi")).value = "8.036.992.715"
    wb.save(xlsx)


@pytest.mark.e2e
def test_templat_satker_yang_belum_ada_impor_menulis_satker_yaml(tmp_path: Path) -> None:
    """Without satker-baru: the template names the catalog, the import writes satker.yaml
    (id and catalog from the workbook, identity from the Satker sheet) and the period."""
    data = salin_data(tmp_path)
    xlsx = tulis_templat(
        data,
        "lapas-baru",
        2024,
        katalog="upt-pemasyarakatan-2020-2024",
        keluaran=tmp_path / "t.xlsx",
    ).path
    katalog = {
        x["kode"]: x
        for x in yaml.safe_load(
            (data / "katalog" / "upt-pemasyarakatan-2020-2024.yaml").read_text()
        )["indikator"]
    }
    _isi_satker_baru(xlsx, katalog)
    hasil = impor(xlsx, data)
    assert {r.nama: r.status for r in hasil.berkas} == {
        "satker": "baru",
        "profil": "baru",
        "kinerja": "baru",
        "anggaran": "baru",
    }
    sk = yaml.safe_load((data / "satker" / "lapas-baru" / "satker.yaml").read_text())
    assert list(sk)[:3] == ["id", "nama", "nama_singkat"]
    assert sk["id"] == "lapas-baru" and sk["katalog"] == "upt-pemasyarakatan-2020-2024"
    dl = muat_laporan("lapas-baru", 2024, data)
    assert len(dl.ini.kinerja.indikator) == 26
    # "Rp 8.215.430.000" and "8.036.992.715" typed as text, the Indonesian way
    assert dl.ini.anggaran.per_jenis_belanja[0].realisasi == Decimal("8036992715")
    assert dl.ini.profil.penghuni == 412


@pytest.mark.e2e
def test_satker_baru_templat_isi_impor_check_build(tmp_path: Path) -> None:
    """The Excel route of the README: satker-baru → templat → fill → impor → check → build."""
    from lkjip_helpers.bangun import build
    from lkjip_helpers.periksa import hitung_tingkat, periksa_data

    data = salin_data(tmp_path)
    buat_kerangka(data, "lapas-contoh", 2024)
    xlsx = tulis_templat(data, "lapas-contoh", 2024, keluaran=tmp_path / "isian.xlsx").path
    katalog = {
        x["kode"]: x
        for x in yaml.safe_load(
            (data / "katalog" / "upt-pemasyarakatan-2020-2024.yaml").read_text()
        )["indikator"]
    }
    _isi_satker_baru(xlsx, katalog)
    hasil = impor(xlsx, data)
    assert {r.nama: r.status for r in hasil.berkas}["kinerja"] == "berubah"
    dl = muat_laporan("lapas-contoh", 2024, data)
    assert dl.satker.nama_singkat == "Lapas Kelas III Contoh"
    assert dl.ini.anggaran.pagu == Decimal("8215430000")
    assert dl.ini.profil.kepala.nip == "198001012005011001"
    assert hitung_tingkat(periksa_data(dl))["error"] == 0
    keluar = build(
        "lapas-contoh", 2024, data, tmp_path / "outputs", pdf=False, docx=False, progress=False
    )
    html = (keluar.folder / "laporan.html").read_text(encoding="utf-8")
    assert "Lapas Kelas III Contoh" in html
    # 95 / 100 × 100 = 95,00 % realisasi; capaian 95 / 80 × 100 = 118,75 %
    assert "95,00%" in html and "118,75%" in html
    # 8.036.992.715 / 8.215.430.000 = 97,83 % absorbed
    assert "97,83%" in html


# --------------------------------------------------------------------------- mistakes


def _mistakes(xlsx: Path) -> dict[str, tuple[str, str | None]]:
    """Put a dozen deliberate mistakes into an export; returns mistake → (sheet, cell)."""
    wb = openpyxl.load_workbook(xlsx)
    tempat: dict[str, tuple[str, str | None]] = {}

    def sel(lembar: str, baris: int, judul: str) -> str:
        return f"{openpyxl.utils.get_column_letter(kolom(wb[lembar], judul))}{baris}"

    ws = wb["Kinerja"]
    r = cari_baris(ws, {"Kode IKK": "SK1.2"})
    ws.cell(r, kolom(ws, "Pembilang")).value = "banyak"
    tempat["teks di sel angka"] = ("Kinerja", sel("Kinerja", r, "Pembilang"))
    (r,) = tambah_baris(wb, "Kinerja", [{"Kode IKK": "SK9.9", "Target PK": 80}])
    tempat["kode IKK tidak dikenal"] = ("Kinerja", f"A{r}")
    del wb["e-Performance e-Monev"]
    tempat["lembar hilang"] = ("e-Performance e-Monev", None)
    wb["Wilayah"].merge_cells("A3:B3")
    tempat["sel digabung"] = ("Wilayah", "A3:B3")
    ws = wb["Anggaran Sasaran"]
    r = cari_baris(ws, {"Sasaran": "SK2"})
    ws.cell(r, kolom(ws, "Realisasi")).value = "=C4*1"
    tempat["rumus tanpa nilai tersimpan"] = (
        "Anggaran Sasaran",
        sel("Anggaran Sasaran", r, "Realisasi"),
    )
    ws = wb["Anggaran Jenis"]
    r = cari_baris(ws, {"Jenis belanja": "pegawai"})
    ws.cell(r, kolom(ws, "Pagu")).value = -4882029000
    tempat["pagu negatif"] = ("Anggaran Jenis", sel("Anggaran Jenis", r, "Pagu"))
    ws = wb["Klaim"]
    salinan = {j: ws.cell(3, kolom(ws, j)).value for j in ("Lokasi", "Besaran", "Nilai", "Catatan")}
    (r,) = tambah_baris(wb, "Klaim", [salinan])
    tempat["baris ganda"] = ("Klaim", f"A{r}")
    ws = wb["Profil"]
    r = baris_isian(ws, "luas_tanah_m2")
    ws.cell(r, 3).value = dt.datetime(2023, 1, 5)
    tempat["tanggal di kolom angka"] = ("Profil", f"C{r}")
    ws = wb["Tanggapan"]
    ws.cell(3, kolom(ws, "Teks")).value = None
    tempat["narasi wajib kosong"] = ("Tanggapan", sel("Tanggapan", 3, "Teks"))
    ws = wb["Organisasi"]
    ws.cell(t.BARIS_JUDUL, 4).value = "Catatan"
    ws.cell(5, 4).value = "unit baru 2023"
    tempat["kolom tambahan"] = ("Organisasi", f"D{t.BARIS_JUDUL}")
    wb[t.LEMBAR_PETUNJUK][t.SEL_IDENTITAS["tahun"]] = "2022"
    tempat["tahun salah"] = (t.LEMBAR_PETUNJUK, t.SEL_IDENTITAS["tahun"])
    ws = wb["Anggaran"]
    r = baris_isian(ws, "pagu")
    ws.cell(r, 3).value = "16.466"
    tempat["angka ambigu"] = ("Anggaran", f"C{r}")
    wb.save(xlsx)
    return tempat


@pytest.mark.e2e
def test_selusin_kesalahan_satu_pesan_masing_masing(tmp_path: Path) -> None:
    data = salin_data(tmp_path)
    xlsx = tulis_ekspor(data, SATKER, 2023, keluaran=tmp_path / "salah.xlsx").path
    tempat = _mistakes(xlsx)
    sebelum = _sidik(data)
    with pytest.raises(GalatImpor) as e:
        impor(xlsx, data)
    galat = [m for m in e.value.masalah if m.tingkat == "error"]
    ditemukan = [(m.lembar, m.sel) for m in galat]
    for nama, lokasi in tempat.items():
        assert ditemukan.count(lokasi) == 1, (nama, lokasi, [str(m) for m in galat])
    assert len(galat) == len(tempat), [str(m) for m in galat]
    assert _sidik(data) == sebelum
    teks = {(m.lembar, m.sel): str(m) for m in galat}
    assert "ditemukan: 'banyak'" in teks[tempat["teks di sel angka"]]
    assert "SK9.9" in teks[tempat["kode IKK tidak dikenal"]]
    assert "tidak boleh negatif" in teks[tempat["pagu negatif"]]
    assert "tanggal" in teks[tempat["tanggal di kolom angka"]]
    assert "tanpa nilai tersimpan" in teks[tempat["rumus tanpa nilai tersimpan"]]
    assert "wajib diisi" in teks[tempat["narasi wajib kosong"]]
    assert "'Catatan'" in teks[tempat["kolom tambahan"]]
    assert "2023" in teks[tempat["tahun salah"]] and "2022" in teks[tempat["tahun salah"]]
    assert "16466" in teks[tempat["angka ambigu"]] and "16,466" in teks[tempat["angka ambigu"]]
    assert "'Anggaran Sasaran'!" in teks[tempat["rumus tanpa nilai tersimpan"]]


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("ubah", "lokasi", "kata"),
    [
        (lambda wb: wb.remove(wb["Kinerja"]), ("Kinerja", None), "tidak ada"),
        (lambda wb: wb.remove(wb["Profil"]), ("Profil", None), "tidak ada"),
        (
            lambda wb: wb["Kinerja"].cell(t.BARIS_JUDUL, 1, "Kode"),
            ("Kinerja", f"A{t.BARIS_JUDUL}"),
            "seharusnya 'Kode IKK'",
        ),
    ],
)
def test_lembar_atau_judul_hilang_satu_pesan(
    tmp_path: Path, ubah: object, lokasi: tuple[str, str | None], kata: str
) -> None:
    """A sheet that cannot be read is one problem, not one per field it would have filled."""
    data = salin_data(tmp_path)
    xlsx = tulis_ekspor(data, SATKER, 2023, keluaran=tmp_path / "e.xlsx").path
    wb = openpyxl.load_workbook(xlsx)
    ubah(wb)  # type: ignore[operator]
    wb.save(xlsx)
    with pytest.raises(GalatImpor) as e:
        impor(xlsx, data)
    galat = [m for m in e.value.masalah if m.tingkat == "error"]
    assert [(m.lembar, m.sel) for m in galat] == [lokasi], [str(m) for m in galat]
    assert kata in galat[0].pesan


def test_berkas_sampah_10_mb(tmp_path: Path) -> None:
    junk = tmp_path / "laporan.xlsx"
    junk.write_bytes(random.Random(8).randbytes(10 * 1024 * 1024))
    with pytest.raises(DataError) as e:
        impor(junk, salin_data(tmp_path))
    assert "bukan buku kerja .xlsx" in str(e.value)
    assert "\n" not in str(e.value)


def test_buku_kerja_berkata_sandi(tmp_path: Path) -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    data = salin_data(tmp_path)
    xlsx = tulis_ekspor(data, SATKER, 2023, keluaran=tmp_path / "e.xlsx").path
    terkunci = tmp_path / "terkunci.xlsx"
    with xlsx.open("rb") as f, terkunci.open("wb") as keluar:
        ooxml.OOXMLFile(f).encrypt("rahasia", keluar)
    with pytest.raises(DataError, match="dilindungi kata sandi"):
        impor(terkunci, data)


def test_zip_bukan_xlsx_dan_ods(tmp_path: Path) -> None:
    data = salin_data(tmp_path)
    z = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(z, "w") as arsip:
        arsip.writestr("catatan.txt", "bukan buku kerja")
    with pytest.raises(DataError, match=r"bukan buku kerja Excel \.xlsx"):
        impor(z, data)
    ods = tmp_path / "lembar.xlsx"
    with zipfile.ZipFile(ods, "w") as arsip:
        arsip.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(DataError, match="OpenDocument"):
        impor(ods, data)


def _soffice(tmp_path: Path, berkas: Path, filter_: str) -> Path:
    keluar = tmp_path / f"lo-{filter_.split(':')[0]}"
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--calc",
            "--convert-to",
            filter_,
            "--outdir",
            str(keluar),
            str(berkas),
        ],
        check=True,
        capture_output=True,
        timeout=240,
        env={**os.environ, "HOME": str(tmp_path / "lo-home")},
    )
    (hasil,) = keluar.iterdir()
    return hasil


@pytest.mark.e2e
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak terpasang")
def test_disimpan_ulang_libreoffice(tmp_path: Path) -> None:
    """A workbook opened and saved by LibreOffice imports back to byte-identical files (the
    layout, hidden identity, validation and protection survive); a formula typed before saving
    is read from the value LibreOffice cached; saved as an old .xls it is refused clearly."""
    data = salin_data(tmp_path)
    sebelum = _sidik(data)
    xlsx = tulis_ekspor(data, SATKER, 2023, keluaran=tmp_path / "e.xlsx").path
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Anggaran"]
    # pegawai + barang of the seed's Tabel rincian (seed line 2058) = the DIPA pagu 16.466.041.000
    ws.cell(baris_isian(ws, "pagu"), 3).value = "=4882029000+11584012000"
    wb.save(xlsx)
    lo = _soffice(tmp_path, xlsx, "xlsx")
    hasil = impor(lo, data)
    assert {r.status for r in hasil.berkas} == {"tetap"}
    assert _sidik(data) == sebelum
    ws = openpyxl.load_workbook(lo)["Kinerja"]
    assert ws.protection.sheet and ws.data_validations.dataValidation
    xls = _soffice(tmp_path, xlsx, "xls")
    palsu = tmp_path / "lama.xlsx"
    palsu.write_bytes(xls.read_bytes())
    with pytest.raises(DataError, match=r"berkas Excel lama \(\.xls"):
        impor(palsu, data)


# --------------------------------------------------------------------------- CLI


@pytest.mark.e2e
def test_cli_ekspor_impor_dan_galat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = salin_data(tmp_path)
    xlsx = tmp_path / "b.xlsx"
    ekspor = ["ekspor", "--satker", SATKER, "--tahun", "2023", "--data-dir", str(data)]
    ekspor += ["--keluaran", str(xlsx)]
    assert main(ekspor) == 0
    assert main(ekspor) == 2  # the workbook exists: refused without --timpa
    assert "--timpa" in capsys.readouterr().err
    assert main(["impor", str(xlsx), "--data-dir", str(data), "--periksa"]) == 0
    assert "Tidak ada masalah" in capsys.readouterr().out
    _mistakes(xlsx)
    assert main(["impor", str(xlsx), "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert "Kinerja!" in err and "tidak ada berkas yang ditulis" in err and "Traceback" not in err
    junk = tmp_path / "sampah.xlsx"
    junk.write_bytes(b"\x00" * 4096)
    assert main(["impor", str(junk), "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert "bukan buku kerja .xlsx" in err and "Traceback" not in err
    assert (
        main(
            [
                "templat",
                "--satker",
                "lapas-baru",
                "--tahun",
                "2024",
                "--data-dir",
                str(data),
                "--keluaran",
                str(tmp_path / "t.xlsx"),
            ]
        )
        == 0
    )
