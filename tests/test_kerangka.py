"""`lkjip satker-baru`: a commented scaffold pointing at the shared catalog; `lkjip check` on it
lists everything still to fill in one run; filled in, it checks and computes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lkjip_helpers import format_id as f
from lkjip_helpers.cli import main
from lkjip_helpers.errors import ParameterError
from lkjip_helpers.hitung.hasil import hasil_laporan
from lkjip_helpers.isian.kerangka import buat_kerangka
from lkjip_helpers.muat.data import DataErrorGabungan, muat_laporan
from lkjip_helpers.periksa import periksa

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    tujuan = tmp_path / "data"
    shutil.copytree(DATA / "katalog", tujuan / "katalog")
    (tujuan / "satker").mkdir()
    return tujuan


def test_cli_scaffold_then_check_lists_everything_at_once(data: Path, capsys) -> None:
    kode = main(
        [
            "satker-baru",
            "lapas-contoh",
            "--tahun",
            "2024",
            "--periode",
            "semester-1",
            "--data-dir",
            str(data),
        ]
    )
    keluar = capsys.readouterr().out
    assert kode == 0
    folder = data / "satker" / "lapas-contoh"
    for nama in ("satker.yaml", "2024-semester-1/kinerja.yaml", "2024-semester-1/profil.yaml"):
        assert (folder / nama).is_file() and nama.split("/")[-1] in keluar
    assert "lkjip check --satker lapas-contoh --tahun 2024 --periode semester-1" in keluar
    kinerja = (folder / "2024-semester-1" / "kinerja.yaml").read_text(encoding="utf-8")
    # points at the shared catalog; one entry per catalog IKK with its Renstra target as a hint
    assert "data/katalog/upt-pemasyarakatan-2020-2024.yaml" in kinerja
    assert kinerja.count("  - kode: SK") == 26
    assert "#   satuan %, jenis rasio, target Renstra 2024: 85" in kinerja
    # every field line carries an Indonesian comment
    for baris in (
        (folder / "2024-semester-1" / "profil.yaml").read_text(encoding="utf-8").splitlines()
    ):
        if re.match(r"^\s*[a-z_]+:\s*$", baris):
            raise AssertionError(f"baris tanpa komentar: {baris!r}")

    kode = main(
        [
            "check",
            "--satker",
            "lapas-contoh",
            "--tahun",
            "2024",
            "--periode",
            "semester-1",
            "--data-dir",
            str(data),
        ]
    )
    err = capsys.readouterr().err
    assert kode == 2
    for harus in (
        "satker.yaml",
        "field nama: wajib diisi",
        "field kementerian: wajib diisi",
        "field kepala.nama: wajib diisi",
        "field kapasitas: wajib diisi",
        "field renstra.visi: wajib diisi",
        "field pagu: wajib diisi",
        "target belum diisi untuk 26 IKK",
        "realisasi belum diisi untuk 26 IKK",
    ):
        assert harus in " ".join(err.split()), harus
    assert "Traceback" not in err


def _isi(folder: Path) -> None:
    """Fill the scaffold minimally: two IKK, the required profile and budget fields."""
    p = folder.parent / "satker.yaml"
    teks = p.read_text(encoding="utf-8")
    for lama, baru in (
        ("nama:            ", "nama: Lapas Contoh"),
        ("nama_singkat:    ", "nama_singkat: Lapas Contoh"),
        ("kementerian:     ", "kementerian: Kementerian Contoh"),
    ):
        teks = teks.replace(lama, baru, 1)
    p.write_text(teks, encoding="utf-8")
    p = folder / "profil.yaml"
    teks = p.read_text(encoding="utf-8")
    for lama, baru in (
        ("  nama:    ", "  nama: Kepala Contoh"),
        ("kapasitas:    ", "kapasitas: 300"),
        ("penghuni:    ", "penghuni: tidak diketahui"),
        ("  visi:    ", "  visi: Visi contoh"),
        ("  misi:    ", "  misi: [Misi contoh]"),
        ("  tujuan:    ", "  tujuan: [Tujuan contoh]"),
    ):
        teks = teks.replace(lama, baru, 1)
    p.write_text(teks, encoding="utf-8")
    p = folder / "anggaran.yaml"
    teks = p.read_text(encoding="utf-8").replace("pagu:    ", "pagu: 1000000", 1)
    p.write_text(teks.replace("realisasi:    ", "realisasi: 250000", 1), encoding="utf-8")
    p = folder / "kinerja.yaml"
    teks = p.read_text(encoding="utf-8")
    awal = teks.index("  # SK1.1")
    akhir = teks.index("  # SK1.3")
    dua = teks[awal:akhir]
    dua = dua.replace("    target:  ", "    target: 85", 1).replace(
        "    target:  ", "    target: 95", 1
    )
    dua = dua.replace("    realisasi:  ", "    realisasi: {pembilang: 300, penyebut: 300}", 2)
    p.write_text(teks[:awal] + dua, encoding="utf-8")


def test_filled_scaffold_checks_and_computes(data: Path) -> None:
    h = buat_kerangka(data, "lapas-contoh", 2024, "triwulan-1")
    assert h.satker_baru and h.folder.name == "2024-triwulan-1"
    _isi(h.folder)
    temuan = periksa("lapas-contoh", 2024, data, "triwulan-1")
    assert not [t for t in temuan if t.tingkat == "error"], [
        t for t in temuan if t.tingkat == "error"
    ]
    hasil = hasil_laporan("lapas-contoh", 2024, data, "triwulan-1")
    # SK1.1: 300 / 300 × 100 = 100 → 100 / 85 × 100 = 117.647…
    assert [x.kode for x in hasil.ikk] == ["SK1.1", "SK1.2"]
    assert f.persen(hasil.ikk_kode("SK1.1").capaian) == "117,65%"
    assert hasil.periode.judul == "Triwulan I Tahun 2024"
    assert "NILAI_TIDAK_DIKETAHUI" in {t.kode for t in temuan}  # penghuni: tidak diketahui


def test_new_period_for_an_existing_satker_and_no_overwrite(data: Path) -> None:
    h = buat_kerangka(data, "lapas-contoh", 2024, "triwulan-1")
    _isi(h.folder)
    sebelum = (h.folder.parent / "satker.yaml").read_text(encoding="utf-8")
    kedua = buat_kerangka(data, "lapas-contoh", 2024, "triwulan-2")
    assert not kedua.satker_baru and (h.folder.parent / "satker.yaml").read_text() == sebelum
    assert [p.name for p in kedua.berkas] == ["kinerja.yaml", "profil.yaml", "anggaran.yaml"]
    with pytest.raises(ParameterError, match="sudah ada"):
        buat_kerangka(data, "lapas-contoh", 2024, "triwulan-1")
    with pytest.raises(ParameterError, match="sudah memakai katalog"):
        buat_kerangka(data, "lapas-contoh", 2025, katalog="lain")


def test_scaffold_parameters_are_validated(data: Path) -> None:
    with pytest.raises(ParameterError, match="id satker"):
        buat_kerangka(data, "../x", 2024)
    with pytest.raises(ParameterError, match="periode"):
        buat_kerangka(data, "lapas-contoh", 2024, "bulan-1")
    (data / "katalog" / "lain.yaml").write_text("id: lain\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="pilih katalog dengan --katalog"):
        buat_kerangka(data, "lapas-contoh", 2024)


def test_fresh_scaffold_is_one_combined_error(data: Path) -> None:
    buat_kerangka(data, "lapas-contoh", 2024)
    with pytest.raises(DataErrorGabungan) as e:
        muat_laporan("lapas-contoh", 2024, data)
    assert len(e.value.masalah) == 5  # satker, profil, anggaran, targets, realisasi
