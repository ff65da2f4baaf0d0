"""indikator_tambahan merges field by field over the catalog; loading reports every problem of
every file at once; a missing PK target is a finding and its fallback is exposed."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_helpers.errors import DataError
from lkjip_helpers.hitung.hasil import hasil_laporan
from lkjip_helpers.muat.data import DataErrorGabungan, muat_laporan
from lkjip_helpers.periksa import periksa

D = Decimal
DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    tujuan = tmp_path / "data"
    shutil.copytree(DATA / "katalog", tujuan / "katalog")
    shutil.copytree(DATA / "satker" / SATKER, tujuan / "satker" / SATKER)
    return tujuan


def _tambah(data: Path, teks: str) -> Path:
    p = data / "satker" / SATKER / "satker.yaml"
    p.write_text(p.read_text(encoding="utf-8") + teks, encoding="utf-8")
    return p


# --------------------------------------------------------------------------- field-by-field merge


def test_override_changes_only_the_fields_it_names(data: Path) -> None:
    _tambah(
        data,
        "indikator_tambahan:\n"
        "  - kode: SK3.1\n"
        "    penyebut_nol: tidak_berlaku\n"
        "  - kode: SK1.1\n"
        "    agregasi: rata_rata_pembilang_penyebut\n"
        "    penyebut: seluruh WBP (rata-rata bulanan)\n"
        "  - kode: SK4.6\n"
        "    target_renstra: {2024: 5}\n",
    )
    d = muat_laporan(SATKER, 2023, data)
    katalog = {x.kode: x for x in d.katalog.indikator}
    sk31 = d.indikator["SK3.1"]
    assert sk31.penyebut_nol == "tidak_berlaku"
    # everything else is the catalog's
    assert sk31.model_dump(exclude={"penyebut_nol"}) == katalog["SK3.1"].model_dump(
        exclude={"penyebut_nol"}
    )
    sk11 = d.indikator["SK1.1"]
    assert sk11.agregasi == "rata_rata_pembilang_penyebut"
    assert sk11.penyebut == "seluruh WBP (rata-rata bulanan)"
    assert sk11.pembilang == katalog["SK1.1"].pembilang and sk11.nama == katalog["SK1.1"].nama
    # target_renstra merges year by year: the catalog's 2023 stays, 2024 is added
    assert d.indikator["SK4.6"].target_renstra == {2023: D(4), 2024: D(5)}
    assert katalog["SK4.6"].target_renstra == {2023: D(4)}  # the catalog is not modified
    assert d.lokasi_indikator("SK3.1", "penyebut_nol").startswith("satker.yaml baris ")
    assert d.lokasi_indikator("SK3.1", "penyebut_nol").endswith("indikator_tambahan[1] (SK3.1)")
    assert (
        d.lokasi_indikator("SK3.1", "satuan")
        == "katalog upt-pemasyarakatan-2020-2024, indikator SK3.1"
    )


def test_new_indicator_needs_every_required_field(data: Path) -> None:
    p = _tambah(
        data,
        "indikator_tambahan:\n  - kode: SK3.9\n    sasaran: SK3\n    nama: Persentase baru\n",
    )
    with pytest.raises(DataError) as e:
        muat_laporan(SATKER, 2023, data)
    pesan = str(e.value)
    assert str(p) in pesan and "indikator_tambahan[1] (SK3.9)" in pesan
    assert "indikator baru SK3.9 (kode tidak ada di katalog) harus lengkap" in pesan
    assert "field satuan: wajib diisi" in pesan and "field jenis: wajib diisi" in pesan


def test_override_that_breaks_the_definition_names_the_override(data: Path) -> None:
    # SK4.6 is a value indicator: asking for a ratio-of-means aggregation is invalid, and the
    # message blames satker.yaml's override, not the catalog
    _tambah(
        data, "indikator_tambahan:\n  - kode: SK4.6\n    agregasi: rata_rata_pembilang_penyebut\n"
    )
    with pytest.raises(DataError) as e:
        muat_laporan(SATKER, 2023, data)
    pesan = str(e.value)
    assert "satker.yaml" in pesan and "indikator_tambahan[1] (SK4.6)" in pesan
    assert "penimpaan indikator katalog SK4.6 (field agregasi)" in pesan
    assert "hanya untuk indikator jenis 'rasio'" in pesan


def test_check_names_the_override_when_it_is_the_cause(data: Path) -> None:
    _tambah(data, "indikator_tambahan:\n  - kode: SK4.6\n    satuan: Buah\n")
    temuan = periksa(SATKER, 2023, data)
    t = next(t for t in temuan if t.kode == "SATUAN_TIDAK_DIKENAL")
    assert "indikator_tambahan[1] (SK4.6)" in t.lokasi and "katalog" not in t.lokasi


def test_same_code_twice_in_the_overrides(data: Path) -> None:
    _tambah(
        data,
        "indikator_tambahan:\n  - kode: SK3.1\n    penyebut_nol: nol\n"
        "  - kode: SK3.1\n    agregasi: terakhir\n",
    )
    with pytest.raises(DataError, match=r"kode SK3\.1 sudah ditulis di indikator_tambahan\[1\]"):
        muat_laporan(SATKER, 2023, data)


# --------------------------------------------------------------------------- everything at once


def test_all_missing_required_files_and_schema_problems_in_one_error(data: Path) -> None:
    folder = data / "satker" / SATKER / "2023"
    (folder / "profil.yaml").unlink()
    (folder / "anggaran.yaml").unlink()
    p = folder / "evaluasi.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("konsistensi: 98.1", "konsistensi: tinggi"))
    lalu = data / "satker" / SATKER / "2022" / "anggaran.yaml"
    lalu.write_text(lalu.read_text(encoding="utf-8").replace("pagu: 19800351000", "pagu: -1"))
    with pytest.raises(DataErrorGabungan) as e:
        muat_laporan(SATKER, 2023, data)
    masalah = e.value.masalah
    berkas = sorted(
        Path(m.berkas).relative_to(data / "satker" / SATKER).as_posix() for m in masalah
    )
    assert berkas == [
        "2022/anggaran.yaml",
        "2023/anggaran.yaml",
        "2023/evaluasi.yaml",
        "2023/profil.yaml",
    ]
    pesan = str(e.value)
    assert pesan.count("berkas wajib untuk tahun 2023 tidak ditemukan") == 2
    assert "field smart.konsistensi" in pesan and "(ditemukan: 'tinggi')" in pesan
    assert "field pagu: tidak boleh negatif (ditemukan: -1)" in pesan
    assert "4 masalah ditemukan" in pesan


def test_missing_narasi_is_fine_for_loading_and_computing(data: Path) -> None:
    (data / "satker" / SATKER / "2023" / "narasi.yaml").unlink()
    h = hasil_laporan(SATKER, 2023, data)
    assert h.data.ini.narasi is None and len(h.ikk) == 26


# --------------------------------------------------------------------------- targets


def test_missing_pk_target_is_a_finding_and_the_fallback_is_exposed(data: Path) -> None:
    p = data / "satker" / SATKER / "2023" / "kinerja.yaml"
    teks = p.read_text(encoding="utf-8")
    p.write_text(teks.replace("  - kode: SK1.1\n    target: 80\n", "  - kode: SK1.1\n", 1))
    h = hasil_laporan(SATKER, 2023, data)
    sk11 = h.ikk_kode("SK1.1")
    # Renstra 2023 of SK1.1 in the catalog is 80: 121.920135 / 80 × 100 = 152.40017 as before
    assert (sk11.target, sk11.sumber_target) == (80, "Renstra")
    assert sk11.keterangan_target == "target PK 2023 tidak diisi; dipakai target Renstra 2023 (80%)"
    # previous year: 2022 has no PK targets in the sample; Renstra 2022 (75) is used
    assert sk11.sumber_target_lalu == "Renstra"
    assert sk11.keterangan_target_lalu == (
        "target PK 2022 tidak diisi; dipakai target Renstra 2022 (75%)"
    )
    temuan = periksa(SATKER, 2023, data)
    t = [t for t in temuan if t.kode == "TARGET_PK_KOSONG"]
    assert len(t) == 1 and t[0].tingkat == "peringatan" and "(SK1.1)" in t[0].lokasi
    lalu = [t for t in temuan if t.kode == "TARGET_PK_TAHUN_LALU_KOSONG"]
    assert len(lalu) == 1 and "SK1.1" in lalu[0].pesan
