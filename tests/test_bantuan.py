"""One source per fact (issue 17): a field's help and "wajib" are written once, in the schema;
the scaffold and the workbook show the same text. One unit table, one period key."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lkjip_helpers.isian.buku_kerja import tata_letak as t
from lkjip_helpers.isian.kerangka import buat_kerangka
from lkjip_helpers.muat import skema as s
from lkjip_helpers.muat.bantuan import bantuan, wajib
from lkjip_helpers.muat.parameter import kunci_periode, urai_kunci_periode
from lkjip_helpers.muat.satuan import SATUAN_CACAH, SATUAN_DIKENAL, SATUAN_SARAN

DATA = Path(__file__).parents[1] / "data"


def _komentar(teks: str) -> dict[str, str]:
    """``{"nama": "WAJIB. Nama lengkap, …"}`` from the scaffold's ``field:   # comment`` lines."""
    return {
        m[1]: m[2] for m in re.finditer(r"^\s*([a-z_]+):[^#\n]*# (.+)$", teks, flags=re.MULTILINE)
    }


def _catatan_isian(lb: t.Lembar) -> dict[str, str]:
    return {i.kunci: i.catatan for i in lb.isian}


@pytest.fixture
def kerangka(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA / "katalog", data / "katalog")
    (data / "satker").mkdir()
    return buat_kerangka(data, "lapas-contoh", 2024).folder


def test_scaffold_and_workbook_show_the_same_help(kerangka: Path) -> None:
    satker = _komentar((kerangka.parent / "satker.yaml").read_text(encoding="utf-8"))
    lembar = _catatan_isian(t.SATKER)
    for nama in ("nama", "nama_singkat", "kementerian", "kanwil", "kota"):
        assert satker[nama] == lembar[nama], nama
    assert satker["nama"] == "WAJIB. Nama lengkap, mis. Lembaga Pemasyarakatan Kelas IIA Banyuasin."
    assert satker["kanwil"].startswith("Kantor wilayah induk")  # optional: no WAJIB
    profil = _komentar((kerangka / "profil.yaml").read_text(encoding="utf-8"))
    assert profil["visi"] == _catatan_isian(t.PROFIL)["renstra.visi"]
    # the workbook adds how a number is typed in a cell; the scaffold how it is written in YAML
    assert _catatan_isian(t.PROFIL)["penghuni"].startswith(profil["penghuni"])


def test_wajib_follows_the_schema() -> None:
    assert wajib(s.Profil, ("kepala", "nama")) == "WAJIB"  # required inside a required part
    assert wajib(s.Satker, ("kanwil",)) == ""
    # required inside an optional part with a title: required only when that part is written
    assert wajib(s.Evaluasi, ("smart", "penyerapan")) == "WAJIB bila SMART diisi"
    # optional in the model but required by the checks (a missing PK target is a finding)
    assert wajib(s.Kinerja, ("indikator", "target")) == "WAJIB"
    assert wajib(s.Kinerja, ("indikator", "realisasi", "pembilang")) == ""
    assert bantuan(s.DaftarKlaim, ("klaim", "nilai")).startswith(
        "WAJIB kecuali pernyataan tanpa angka (Kutipan diisi). Angka seperti dinyatakan"
    )
    # a choice without a description shows its choices
    assert bantuan(s.Anggaran, ("per_jenis_belanja", "jenis")) == (
        "WAJIB. pegawai, barang, modal, bantuan_sosial, lainnya."
    )


def test_workbook_header_comments_come_from_the_schema() -> None:
    kolom = {k.judul: k.catatan for k in t.ORGANISASI.kolom}
    assert kolom["Nama unit"] == "WAJIB. Nama unit, unik."
    smart = _catatan_isian(t.SMART_IKPA)["smart.penyerapan"]
    assert smart.startswith("WAJIB bila SMART diisi. Nilai 0–100")


def test_one_unit_table() -> None:
    assert SATUAN_SARAN == (
        "%",
        "Orang",
        "Unit",
        "Layanan",
        "Dokumen",
        "Laporan",
        "Kegiatan",
        "Paket",
        "Kali",
        "Gedung/Bangunan",
        "Rekomendasi",
        "Indeks",
        "Nilai",
    )
    assert {"orang", "gedung/bangunan", "rekomendasi"} <= SATUAN_CACAH
    assert not {"%", "persen", "indeks", "nilai", "hari", "bulan"} & SATUAN_CACAH
    assert {x.lower() for x in SATUAN_SARAN} | {"persen", "bulan", "hari"} == SATUAN_DIKENAL
    # the catalog's counting indicator in "Orang" must be whole
    ind = s.IndikatorDef(kode="X.1", sasaran="X", nama="n", satuan=" Orang ", jenis="nilai")
    assert ind.input_bulat


@pytest.mark.parametrize(
    ("nama", "harapan"),
    [
        ("2023", (2023, "tahunan")),
        ("2022-semester-1", (2022, "semester-1")),
        ("2024-triwulan-4", (2024, "triwulan-4")),
        ("2022-semester-3", None),
        ("2022-tahunan", None),
        ("catatan", None),
    ],
)
def test_period_key_read_back(nama: str, harapan: tuple[int, str] | None) -> None:
    assert urai_kunci_periode(nama) == harapan
    if harapan is not None:
        assert kunci_periode(*harapan) == nama
