"""Loading and validation: every problem is a DataError/ParameterError in Bahasa Indonesia
naming the file, line, field, the value found and what was expected."""

from __future__ import annotations

import builtins
import pathlib
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_helpers.errors import DataError, ParameterError
from lkjip_helpers.muat import skema as sk
from lkjip_helpers.muat.data import baca_yaml, muat, muat_berkas, muat_laporan

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"


def _salin(tmp_path: Path, lengkap: bool = False) -> Path:
    """Copy the sample; without ``lengkap`` the optional klaim/lampiran/narasi files are left
    out (they are slow to parse and these tests do not need them)."""
    tujuan = tmp_path / "data"
    abaikan = (
        None if lengkap else shutil.ignore_patterns("klaim.yaml", "lampiran.yaml", "narasi.yaml")
    )
    shutil.copytree(DATA, tujuan, ignore=abaikan)
    return tujuan


def _berkas(data: Path, nama: str, tahun: int | None = 2023) -> Path:
    folder = data / "satker" / SATKER
    return folder / nama if tahun is None else folder / str(tahun) / nama


def _ganti(path: Path, lama: str, baru: str) -> None:
    teks = path.read_text(encoding="utf-8")
    assert teks.count(lama) >= 1, f"{lama!r} tidak ada di {path}"
    path.write_text(teks.replace(lama, baru, 1), encoding="utf-8")


def _satu(tmp_path: Path, nama: str) -> Path:
    """A copy of one 2023 file of the sample (for tests of a single file's validation)."""
    p = tmp_path / nama
    shutil.copy(_berkas(DATA, nama), p)
    return p


def _baris(path: Path, potongan: str) -> int:
    """1-based line of the first line containing ``potongan`` (to check reported lines)."""
    for i, baris in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if potongan in baris:
            return i
    raise AssertionError(potongan)


# --------------------------------------------------------------------------- the sample loads


def test_sample_loads():
    d = muat(SATKER, 2023, DATA)  # cached: shared with the other test modules
    assert d.tahun == 2023 and d.satker.id == SATKER
    assert d.lalu is not None and d.lalu.tahun == 2022
    assert len(d.ini.kinerja.indikator) == 26
    assert d.ini.anggaran.pagu == 16466041000
    # numbers stay exact decimals (87.28 is not 87.2800000000000011…)
    assert d.ini.evaluasi.ikpa.deviasi_halaman_iii_dipa == Decimal("87.28")
    assert {p.name for p in d.semua_berkas()} >= {
        "satker.yaml",
        "kinerja.yaml",
        "upt-pemasyarakatan-2020-2024.yaml",
    }
    # line lookup of a node for locating findings: profil.penghuni
    assert d.ini.baris("profil", "penghuni") == _baris(_berkas(DATA, "profil.yaml"), "penghuni:")


def test_previous_year_is_optional(tmp_path):
    data = _salin(tmp_path)
    shutil.rmtree(_berkas(data, "", 2022))
    d = muat_laporan(SATKER, 2023, data)
    assert d.lalu is None


def test_cached_muat_rereads_after_an_edit(tmp_path):
    data = _salin(tmp_path)
    pertama = muat(SATKER, 2023, data)
    assert muat(SATKER, 2023, data) is pertama
    p = _berkas(data, "anggaran.yaml")
    _ganti(p, "realisasi: 16335496464", "realisasi: 16335496465")
    import os

    st = p.stat()
    os.utime(p, (st.st_atime, st.st_mtime + 5))
    kedua = muat(SATKER, 2023, data)
    assert kedua is not pertama and kedua.ini.anggaran.realisasi == 16335496465


# --------------------------------------------------------------------------- parameters


@pytest.mark.parametrize(
    ("satker", "tahun"),
    [
        ("../etc", 2023),
        ("Lapas", 2023),
        ("lapas-banyuasin", "20x3"),
        ("lapas-banyuasin", "../2023"),
        ("..", "2023"),
    ],
)
def test_bad_parameters_refused_before_any_file_is_opened(tmp_path, monkeypatch, satker, tahun):
    def dilarang(*args, **kwargs):
        raise AssertionError("a file or folder was touched before validation")

    with monkeypatch.context() as m:
        for nama in (
            "exists",
            "is_dir",
            "is_file",
            "glob",
            "read_text",
            "open",
            "stat",
            "resolve",
            "iterdir",
        ):
            m.setattr(pathlib.Path, nama, dilarang)
        m.setattr(builtins, "open", dilarang)
        for fungsi in (muat_laporan, muat):
            with pytest.raises(ParameterError) as e:
                fungsi(satker, tahun, tmp_path)
            assert "tidak sah" in str(e.value)


def test_unknown_satker_lists_the_available_ones():
    with pytest.raises(DataError) as e:
        muat_laporan("lapas-tidak-ada", 2023, DATA)
    pesan = str(e.value)
    assert "satker.yaml" in pesan
    assert "satker 'lapas-tidak-ada' tidak ditemukan" in pesan
    assert "satker yang tersedia: lapas-banyuasin" in pesan


def test_missing_year_lists_the_available_ones():
    with pytest.raises(DataError) as e:
        muat_laporan(SATKER, 2030, DATA)
    assert "data tahun 2030 belum ada; periode yang tersedia: 2022, 2023" in str(e.value)


def test_missing_data_folder():
    with pytest.raises(ParameterError, match=r"folder data .* tidak ditemukan"):
        muat_laporan(SATKER, 2023, "/tidak/ada/folder")


# --------------------------------------------------------------------------- files


def test_missing_required_file(tmp_path):
    data = _salin(tmp_path)
    _berkas(data, "profil.yaml").unlink()
    with pytest.raises(DataError) as e:
        muat_laporan(SATKER, 2023, data)
    assert e.value.berkas.endswith("2023/profil.yaml")
    assert "berkas wajib untuk tahun 2023 tidak ditemukan" in str(e.value)


def test_missing_optional_file_is_fine(tmp_path):
    data = _salin(tmp_path)
    _berkas(data, "evaluasi.yaml").unlink()
    d = muat_laporan(SATKER, 2023, data)
    assert d.ini.evaluasi is None and "evaluasi" not in d.ini.berkas


def test_baca_yaml_missing_file(tmp_path):
    with pytest.raises(DataError, match="berkas tidak ditemukan"):
        baca_yaml(tmp_path / "tidak-ada.yaml")


def test_invalid_yaml_reports_file_and_line(tmp_path):
    data = _salin(tmp_path)
    p = _berkas(data, "anggaran.yaml")
    n = _baris(p, "realisasi: 16335496464")
    _ganti(p, "realisasi: 16335496464", "realisasi: Rp: 16335496464")
    with pytest.raises(DataError) as e:
        muat_laporan(SATKER, 2023, data)
    pesan = str(e.value)
    assert e.value.berkas == str(p)
    assert pesan.startswith(f"{p}, baris {n}, kolom ")
    assert "YAML tidak sah: tanda ':' tidak boleh di sini" in pesan


@pytest.mark.parametrize(
    ("isi", "baris", "teks"),
    [
        ("pagu: 1\n\trealisasi: 2\n", 2, "karakter tab tidak boleh dipakai"),
        ("pagu: 1\nrealisasi: 2\npagu: 3\n", 3, "kunci 'pagu' muncul dua kali"),
        ("a: [1, 2\nb: 3\n", 2, "daftar '[ … ]' tidak ditutup"),
        ("a: {x: 1\nb: 3\n", 2, "pemetaan '{ … }' tidak ditutup"),
        # an unclosed quote is reported where it opens, not at the end of the file
        ('x: 1\na: "abc\nb: 2\n\n\n', 2, "tanda kutip tidak ditutup"),
        ("a:\n  b: 1\n c: 2\n", 3, "indentasi tidak konsisten"),
    ],
)
def test_yaml_syntax_errors_in_indonesian(tmp_path, isi, baris, teks):
    p = tmp_path / "x.yaml"
    p.write_text(isi, encoding="utf-8")
    with pytest.raises(DataError) as e:
        baca_yaml(p)
    assert e.value.lokasi.startswith(f"baris {baris}, kolom ")
    assert f"YAML tidak sah: {teks}" in str(e.value)


def test_empty_and_non_utf8_files(tmp_path):
    kosong = tmp_path / "kosong.yaml"
    kosong.write_text("# hanya komentar\n", encoding="utf-8")
    with pytest.raises(DataError, match="berkas kosong"):
        baca_yaml(kosong)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("nama: Lapas Kelas IIA Banyuasin \xe9\n".encode("latin-1"))
    with pytest.raises(DataError, match="bukan teks UTF-8"):
        baca_yaml(latin)


# --------------------------------------------------------------------------- schema errors


def test_schema_error_names_field_line_value_in_indonesian(tmp_path):
    data = _salin(tmp_path)
    p = _berkas(data, "anggaran.yaml")
    n = _baris(p, "pagu: 16466041000")
    _ganti(p, "pagu: 16466041000", "pagu: banyak")
    with pytest.raises(DataError) as e:
        muat_laporan(SATKER, 2023, data)
    pesan = str(e.value)
    assert e.value.berkas == str(p)
    assert "isi tidak sesuai skema" in pesan
    assert f"baris {n}, field pagu: harus berupa angka" in pesan
    assert "(ditemukan: 'banyak')" in pesan


def test_schema_errors_in_nested_lists(tmp_path):
    p = _satu(tmp_path, "kinerja.yaml")
    # IKK 1 (SK1.1): negative penyebut; IKK 2 (SK1.2): misspelt field
    n1 = _baris(p, "penyebut: 1177")
    _ganti(p, "penyebut: 1177", "penyebut: -5")
    n2 = _baris(p, "target: 94")
    _ganti(p, "target: 94", "targett: 94")
    with pytest.raises(DataError) as e:
        muat_berkas(sk.Kinerja, p)
    pesan = str(e.value)
    assert (
        f"baris {n1}, field indikator[1].realisasi.penyebut: tidak boleh negatif (ditemukan: -5)"
        in pesan
    )
    assert (
        f"baris {n2}, field indikator[2].targett: nama field tidak dikenal (salah ketik?)" in pesan
    )


def test_schema_error_literal_and_missing(tmp_path):
    p = _satu(tmp_path, "anggaran.yaml")
    _ganti(p, "jenis: pegawai", "jenis: honor")
    with pytest.raises(DataError) as e:
        muat_berkas(sk.Anggaran, p)
    pesan = str(e.value)
    assert "field per_jenis_belanja[1].jenis: harus salah satu dari:" in pesan
    assert "'pegawai'" in pesan and "(ditemukan: 'honor')" in pesan

    p = _satu(tmp_path, "anggaran.yaml")
    _ganti(p, "realisasi: 16335496464\n", "")
    with pytest.raises(DataError, match="field realisasi: wajib diisi"):
        muat_berkas(sk.Anggaran, p)


def test_realisasi_needs_exactly_one_form(tmp_path):
    p = _satu(tmp_path, "kinerja.yaml")
    _ganti(
        p,
        "      pembilang: 1435\n      penyebut: 1177\n",
        "      pembilang: 1435\n      penyebut: 1177\n      nilai: 100\n",
    )
    with pytest.raises(DataError) as e:
        muat_berkas(sk.Kinerja, p)
    assert "indikator[1].realisasi: isi tepat satu bentuk realisasi" in str(e.value)


def test_root_must_be_a_mapping(tmp_path):
    p = tmp_path / "anggaran.yaml"
    p.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"baris 1, field \(akar berkas\): harus berupa pemetaan"):
        muat_berkas(sk.Anggaran, p)


def test_many_errors_are_capped(tmp_path):
    p = _satu(tmp_path, "kinerja.yaml")
    teks = p.read_text(encoding="utf-8").replace("target: ", "target: x")
    p.write_text(teks, encoding="utf-8")  # 26 bad targets
    with pytest.raises(DataError) as e:
        muat_berkas(sk.Kinerja, p)
    # 12 shown, then "... dan 14 masalah lain" (26 − 12 = 14)
    assert str(e.value).count("harus berupa angka") == 12
    assert "... dan 14 masalah lain" in str(e.value)


# --------------------------------------------------------------------------- satker and catalog


def test_satker_id_must_match_folder(tmp_path):
    data = _salin(tmp_path)
    _ganti(_berkas(data, "satker.yaml", None), "id: lapas-banyuasin", "id: lapas-lain")
    with pytest.raises(DataError, match="id 'lapas-lain' tidak sama dengan nama folder"):
        muat_laporan(SATKER, 2023, data)


def test_unknown_catalog(tmp_path):
    data = _salin(tmp_path)
    _ganti(
        _berkas(data, "satker.yaml", None),
        "katalog: upt-pemasyarakatan-2020-2024",
        "katalog: katalog-lain",
    )
    with pytest.raises(DataError, match="katalog 'katalog-lain' tidak ditemukan"):
        muat_laporan(SATKER, 2023, data)


def test_catalog_duplicate_code(tmp_path):
    data = _salin(tmp_path)
    _ganti(data / "katalog" / "upt-pemasyarakatan-2020-2024.yaml", "kode: SK1.2", "kode: SK1.1")
    with pytest.raises(DataError, match=r"kode indikator ganda: SK1\.1"):
        muat_laporan(SATKER, 2023, data)


TAMBAHAN = """
indikator_tambahan:
  - kode: SK2.5
    sasaran: SK2
    nama: Persentase narapidana risiko tinggi yang berubah perilaku (definisi satker)
    satuan: '%'
    jenis: nilai
    target_renstra: {2023: 17}
  - kode: SK2.8
    sasaran: SK2
    nama: Jumlah kegiatan pembinaan khusus
    satuan: Kegiatan
    jenis: nilai
"""


def test_indikator_tambahan_overrides_and_adds(tmp_path):
    data = _salin(tmp_path)
    p = _berkas(data, "satker.yaml", None)
    p.write_text(p.read_text(encoding="utf-8") + TAMBAHAN, encoding="utf-8")
    d = muat_laporan(SATKER, 2023, data)
    # the catalog's SK2.5 is a ratio without Renstra targets; the satker's overrides it
    assert d.indikator["SK2.5"].jenis == "nilai"
    assert d.indikator["SK2.5"].target_renstra == {2023: 17}
    assert "definisi satker" in d.indikator["SK2.5"].nama
    assert d.indikator["SK2.8"].satuan == "Kegiatan"
    # other catalog entries untouched, the catalog itself not modified
    assert d.indikator["SK2.6"].jenis == "rasio"
    assert next(x for x in d.katalog.indikator if x.kode == "SK2.5").jenis == "rasio"


def test_indikator_tambahan_unknown_sasaran(tmp_path):
    data = _salin(tmp_path)
    p = _berkas(data, "satker.yaml", None)
    salah = TAMBAHAN.replace("sasaran: SK2\n    nama: Jumlah", "sasaran: SK9\n    nama: Jumlah")
    p.write_text(p.read_text(encoding="utf-8") + salah, encoding="utf-8")
    with pytest.raises(DataError) as e:
        muat_laporan(SATKER, 2023, data)
    assert "sasaran 'SK9' tidak ada di katalog" in str(e.value)
    assert "indikator_tambahan[2]" in str(e.value)


def test_notebook_dibaca_sebagai_json(tmp_path: Path) -> None:
    """The build's lookups into a chapter notebook: its cells, a source given as lines or as
    one string, the tags; a file that is no notebook is a ValueError (the chapter then fails
    when papermill runs it, with its own message)."""
    import json

    from lkjip_helpers.bangun.bab import parameter_periode
    from lkjip_helpers.muat.notebook import sel_notebook, sumber_sel, tag_sel

    nb = tmp_path / "01_bab.ipynb"
    sel = [
        {"cell_type": "code", "metadata": {"tags": ["parameters"]},
         "source": ["satker = 'x'\n", "periode: str = 'tahunan'\n"]},
        {"cell_type": "markdown", "metadata": {}, "source": "# BAB I"},
        {"cell_type": "code", "metadata": {"tags": "bukan daftar"}, "source": "x = 1"},
    ]  # fmt: skip
    nb.write_text(json.dumps({"cells": sel, "nbformat": 4, "nbformat_minor": 5}), "utf-8")
    baca = sel_notebook(nb)
    assert [sumber_sel(c) for c in baca] == [
        "satker = 'x'\nperiode: str = 'tahunan'\n",
        "# BAB I",
        "x = 1",
    ]
    assert [tag_sel(c) for c in baca] == [["parameters"], [], []]
    assert parameter_periode([nb], "semester-1") == {"periode": "semester-1"}
    rusak = tmp_path / "rusak.ipynb"
    rusak.write_text('{"metadata": {}}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"rusak\.ipynb"):
        sel_notebook(rusak)
