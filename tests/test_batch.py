"""Batch manifest: validated before any kernel starts; roll-up across satkers."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from lkjip_helpers.bangun.batch import jalankan, muat_manifest
from lkjip_helpers.cli import main
from lkjip_helpers.errors import DataError

DATA = Path(__file__).parents[1] / "data"


def _manifest(tmp_path: Path, isi: str) -> Path:
    p = tmp_path / "uji.yaml"
    p.write_text(isi, encoding="utf-8")
    return p


def _dua_satker(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    kedua = data / "satker" / "lapas-kedua"
    shutil.copytree(data / "satker" / "lapas-banyuasin", kedua)
    p = kedua / "satker.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("id: lapas-banyuasin", "id: lapas-kedua"),
        encoding="utf-8",
    )
    return data


def test_manifest_rejects_bad_slug_with_line(tmp_path: Path) -> None:
    p = _manifest(tmp_path, "laporan:\n  - {satker: ../etc, tahun: 2023}\n")
    with pytest.raises(DataError) as e:
        muat_manifest(p)
    assert "baris 2" in str(e.value) and "satker" in str(e.value)


def test_rollup_over_two_satkers_without_execution(tmp_path: Path) -> None:
    data = _dua_satker(tmp_path)
    out = tmp_path / "out"
    p = _manifest(
        tmp_path,
        f"data_dir: {data}\nout_dir: {out}\nlaporan:\n"
        "  - {satker: lapas-banyuasin, tahun: 2023}\n  - {satker: lapas-kedua, tahun: 2023}\n",
    )
    hasil = jalankan(p, no_execute=True)
    assert [h.status for h in hasil] == ["diperiksa", "diperiksa"]
    with (out / "rekap" / "uji" / "rekap.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["satker"] for r in rows] == ["lapas-banyuasin", "lapas-kedua"]
    # 26 IKK in the PK; only SK2.6 (vokasi, 13,21%) misses its target
    assert rows[0]["jumlah_ikk"] == "26" and rows[0]["ikk_tidak_tercapai"] == "1"
    assert rows[0]["penyerapan_persen"] == "99.21"
    rekam = json.loads((out / "rekap" / "uji" / "batch.json").read_text(encoding="utf-8"))
    assert (
        rekam["jumlah"] == 2 and rekam["jumlah_gagal"] == 0 and len(rekam["sha256_manifest"]) == 64
    )


def test_only_limit_and_continue_on_error_exit_code(tmp_path: Path) -> None:
    data = _dua_satker(tmp_path)
    out = tmp_path / "out"
    p = _manifest(
        tmp_path,
        f"data_dir: {data}\nout_dir: {out}\nlaporan:\n"
        "  - {satker: tidak-ada, tahun: 2023}\n  - {satker: lapas-kedua, tahun: 2023}\n",
    )
    assert [h.satker for h in jalankan(p, no_execute=True, only=["lapas-kedua"])] == ["lapas-kedua"]
    assert len(jalankan(p, no_execute=True, limit=1)) == 1
    hasil = jalankan(p, no_execute=True, continue_on_error=True)
    assert [h.status for h in hasil] == ["gagal", "diperiksa"]
    assert "tidak ditemukan" in hasil[0].pesan
    assert main(["batch", "--manifest", str(p), "--no-execute", "--continue-on-error"]) == 1
