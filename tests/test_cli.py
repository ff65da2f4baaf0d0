"""``lkjip check``: exit codes 0 / 1 / 2, Indonesian messages, no traceback, JSON written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lkjip_helpers.cli import main

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"


def _salin(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(
        DATA, data, ignore=shutil.ignore_patterns("klaim.yaml", "lampiran.yaml", "narasi.yaml")
    )
    return data


def _rata(teks: str) -> str:
    """Join the lines rich wraps at 80 columns on a non-terminal stderr."""
    return " ".join(teks.split())


def _check(*extra: str, data: Path = DATA) -> list[str]:
    return ["check", "--satker", SATKER, "--tahun", "2023", "--data-dir", str(data), *extra]


def test_check_sample_exit_0_and_json(tmp_path, capsys):
    tujuan = tmp_path / "temuan.json"
    assert main(_check("--json", str(tujuan))) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "RASIO_DI_ATAS_100" in out
    assert "Ringkasan: 0 error," in out
    assert f"Temuan ditulis ke {tujuan}" in out
    isi = json.loads(tujuan.read_text(encoding="utf-8"))
    assert isi["satker"] == SATKER and isi["tahun"] == 2023
    assert isi["ringkasan"]["error"] == 0
    assert isi["ringkasan"]["peringatan"] == sum(
        t["tingkat"] == "peringatan" for t in isi["temuan"]
    )
    assert {
        "RASIO_DI_ATAS_100",
        "ANGGARAN_TIDAK_MENJUMLAH",
        "POPULASI_BEDA_PROFIL",
        "REALISASI_MELEBIHI_PAGU",
        "KLAIM_BEDA",
    } <= {t["kode"] for t in isi["temuan"]}
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed


def test_check_default_json_location_and_level_filter(tmp_path, capsys):
    assert main(_check("--out-dir", str(tmp_path / "keluaran"), "--tingkat", "peringatan")) == 0
    out, _ = capsys.readouterr()
    # beside the report folders, never inside a built report (issue 10)
    tujuan = tmp_path / "keluaran" / SATKER / "pemeriksaan-2023.json"
    assert tujuan.is_file()
    assert not (tmp_path / "keluaran" / SATKER / "2023").exists()
    # the table hides info findings; the JSON keeps them all
    assert "KELEBIHAN_HUNIAN" not in out and "RASIO_DI_ATAS_100" in out
    isi = json.loads(tujuan.read_text(encoding="utf-8"))
    assert "KELEBIHAN_HUNIAN" in {t["kode"] for t in isi["temuan"]}


def test_check_with_errors_exit_1(tmp_path, capsys):
    data = _salin(tmp_path)
    kin = data / "satker" / SATKER / "2023" / "kinerja.yaml"
    teks = kin.read_text(encoding="utf-8")
    kin.write_text(teks.replace("  - kode: SK4.9\n", "  - kode: SK9.9\n", 1), encoding="utf-8")
    tujuan = tmp_path / "temuan.json"
    assert main(_check("--json", str(tujuan), data=data)) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "IKK_TIDAK_ADA_DI_KATALOG" in out
    # 1 unknown IKK + 5 placeholders its narratives still write as {{ ikk.SK4.9.… }}
    # (penjelasan: target, realisasi, capaian; perbandingan_tahun_lalu: realisasi, capaian)
    assert "Ringkasan: 6 error," in out
    assert "NARASI_ISIAN_TIDAK_DIKENAL" in out
    isi = json.loads(tujuan.read_text(encoding="utf-8"))  # findings are still written
    assert isi["ringkasan"]["error"] == 6


@pytest.mark.parametrize(
    ("satker", "tahun"), [("../etc", "2023"), ("Lapas", "2023"), ("lapas-banyuasin", "20x3")]
)
def test_bad_parameters_exit_2(tmp_path, capsys, satker, tahun):
    tujuan = tmp_path / "temuan.json"
    kode = main(
        [
            "check",
            "--satker",
            satker,
            "--tahun",
            tahun,
            "--data-dir",
            str(DATA),
            "--json",
            str(tujuan),
        ]
    )
    assert kode == 2
    out, err = capsys.readouterr()
    err = _rata(err)
    assert "Traceback" not in out + err
    assert "Galat:" in err and "tidak sah" in err
    assert not tujuan.exists()


def test_unreadable_yaml_exit_2(tmp_path, capsys):
    data = _salin(tmp_path)
    p = data / "satker" / SATKER / "2023" / "anggaran.yaml"
    p.write_text("pagu: [16466041000\nrealisasi: 1\n", encoding="utf-8")
    tujuan = tmp_path / "temuan.json"
    assert main(_check("--json", str(tujuan), data=data)) == 2
    out, err = capsys.readouterr()
    err = _rata(err)
    assert "Traceback" not in out + err
    assert "anggaran.yaml" in err and "YAML tidak sah" in err and "baris 2" in err
    assert not tujuan.exists()  # nothing half-written


def test_schema_error_exit_2(tmp_path, capsys):
    data = _salin(tmp_path)
    p = data / "satker" / SATKER / "2023" / "anggaran.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("pagu: 16466041000", "pagu: banyak", 1),
        encoding="utf-8",
    )
    assert main(_check("--json", str(tmp_path / "t.json"), data=data)) == 2
    err = _rata(capsys.readouterr().err)
    assert "Traceback" not in err
    assert "field pagu: harus berupa angka" in err


def test_unknown_satker_exit_2(tmp_path, capsys):
    kode = main(
        [
            "check",
            "--satker",
            "lapas-lain",
            "--tahun",
            "2023",
            "--data-dir",
            str(DATA),
            "--json",
            str(tmp_path / "t.json"),
        ]
    )
    assert kode == 2
    err = _rata(capsys.readouterr().err)
    assert "satker 'lapas-lain' tidak ditemukan" in err and "Traceback" not in err


def test_missing_argument_is_reported_in_indonesian(capsys):
    with pytest.raises(SystemExit) as e:
        main(["check", "--satker", SATKER])
    assert e.value.code == 2
    err = _rata(capsys.readouterr().err)
    assert "argumen berikut wajib diisi: --tahun" in err
    assert "penggunaan:" in err and "Traceback" not in err


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    out, _ = capsys.readouterr()
    assert "penggunaan:" in out and "check" in out


def test_perintah_indonesia_dan_alias_inggris(tmp_path, capsys) -> None:
    from lkjip_helpers.cli import main

    data = Path(__file__).parents[1] / "data"
    argumen = ["--satker", "lapas-banyuasin", "--tahun", "2023", "--folder-keluaran", str(tmp_path)]
    assert main(["periksa", *argumen, "--folder-data", str(data)]) == 0
    indonesia = capsys.readouterr().out
    assert main(["check", *argumen, "--data-dir", str(data)]) == 0
    inggris = capsys.readouterr().out
    assert (
        "Memo tinjauan:" in indonesia and indonesia.splitlines()[-2:] == inggris.splitlines()[-2:]
    )
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and "lkjip " in capsys.readouterr().out


def test_ringkasan_build_temuan_berkas_dan_waktu(tmp_path, capsys) -> None:
    import types

    from rich.console import Console

    from lkjip_helpers.cli import _ringkasan_build

    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "01.ipynb").write_text("{}", encoding="utf-8")
    for nama in ("laporan.html", "tinjauan.html", "build.json"):
        (tmp_path / nama).write_text("x", encoding="utf-8")
    hasil = types.SimpleNamespace(
        temuan={"error": 0, "peringatan": 2, "info": 1},
        masalah_teratas=["Jumlah IKK tercapai: draf 25, hasil hitung 23"],
        folder=tmp_path,
        durasi={"pemeriksaan": 0.51, "notebook:01.ipynb": 0.2, "html": 0.44, "total": 3.0},
    )
    _ringkasan_build(Console(width=200), hasil)
    keluar = capsys.readouterr().out
    assert "0 error, 2 peringatan, 1 info" in keluar
    assert "1. Jumlah IKK tercapai: draf 25, hasil hitung 23" in keluar
    assert "Berkas: build.json, laporan.html, tinjauan.html, notebooks/ (1 notebook)" in keluar
    assert "pemeriksaan 0,5 s · html 0,4 s · total 3,0 s" in keluar and "notebook:" not in keluar


@pytest.mark.e2e
def test_pratinjau_menyusun_html_dan_mencetak_jalurnya(tmp_path, capsys) -> None:
    from lkjip_helpers.cli import main

    data = Path(__file__).parents[1] / "data"
    kode = main(
        [
            "preview",
            "--satker",
            "lapas-banyuasin",
            "--tahun",
            "2023",
            "--data-dir",
            str(data),
            "--out-dir",
            str(tmp_path),
        ]
    )
    keluar = capsys.readouterr().out
    html = tmp_path / "lapas-banyuasin" / "2023" / "laporan.html"
    assert kode == 0 and html.is_file() and not html.with_suffix(".pdf").exists()
    assert f"Pratinjau laporan: {html}" in keluar and html.resolve().as_uri() in keluar


@pytest.mark.e2e
def test_skrip_konsol_keluar_tanpa_teardown_tetap_lengkap(tmp_path: Path) -> None:
    # `lkjip` ends with os._exit (no interpreter teardown): everything printed must still
    # reach a pipe, and the exit status must be main()'s.
    import subprocess
    import sys

    perintah = [sys.executable, "-m", "lkjip_helpers", "periksa", "--satker", SATKER]
    perintah += ["--tahun", "2023", "--data-dir", str(DATA), "--json", str(tmp_path / "t.json")]
    p = subprocess.run(perintah, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert "Ringkasan: 0 error," in p.stdout
    assert p.stdout.rstrip().endswith("t.json")  # the last line, flushed before the exit
    p = subprocess.run(
        [*perintah[:5], "tidak-ada", *perintah[6:]], capture_output=True, text=True, timeout=120
    )
    assert p.returncode == 2 and "tidak ditemukan" in p.stderr and "Traceback" not in p.stderr
