"""Batch plans: manifest defaults and overrides, relative paths, bad lines, --only/--limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from bantu_batch import salin_data

from lkjip_helpers.bangun.manifest import pecah_daftar, rencana_cli, rencana_manifest
from lkjip_helpers.cli import main
from lkjip_helpers.errors import DataError, ParameterError


@pytest.fixture(scope="module")
def proyek(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project folder: data/ with three satkers, params/ for manifests."""
    root = tmp_path_factory.mktemp("proyek")
    salin_data(root, ["lapas-banyuasin", "lapas-kedua", "rutan-ketiga"])
    (root / "params").mkdir()
    return root


def _tulis(proyek: Path, isi: str, nama: str = "uji.yaml") -> Path:
    p = proyek / "params" / nama
    p.write_text(isi, encoding="utf-8")
    return p


def test_bawaan_dan_timpaan_per_entri(proyek: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = _tulis(
        proyek,
        "bawaan:\n"
        "  data_dir: ../data\n"
        "  pdf: false\n"
        "  periode: tahunan\n"
        "laporan:\n"
        "  - {satker: lapas-banyuasin, tahun: 2023}\n"
        "  - satker: lapas-kedua\n"
        "    tahun: [2022, 2023]\n"
        "    pdf: true\n"
        "    out_dir: /tmp/lkjip-lain\n"
        "  - {satker: rutan-ketiga, tahun: 2023, periode: [tahunan, semester-1]}\n",
    )
    monkeypatch.chdir(proyek / "data")  # the working directory plays no part
    r = rencana_manifest(p)
    assert [(t.satker, t.kunci) for t in r.tugas] == [
        ("lapas-banyuasin", "2023"),
        ("lapas-kedua", "2022"),
        ("lapas-kedua", "2023"),
        ("rutan-ketiga", "2023"),
        ("rutan-ketiga", "2023-semester-1"),
    ]
    t0, t1, *_, t4 = r.tugas
    assert t0.data_dir == (proyek / "data").resolve()
    # out_dir omitted: "outputs" beside data_dir, never beside the manifest or the cwd
    assert t0.out_dir == (proyek / "outputs").resolve() and r.out_dir == t0.out_dir
    assert t0.pdf is False and t1.pdf is True and t1.out_dir == Path("/tmp/lkjip-lain")
    assert t4.periode == "semester-1" and t4.folder == t0.out_dir / "rutan-ketiga" / (
        "2023-semester-1"
    )
    assert t1.sumber == "uji.yaml baris 7"
    assert r.nama == "uji"


def test_satker_semua_diperluas(proyek: Path) -> None:
    p = _tulis(proyek, "bawaan: {data_dir: ../data}\nlaporan:\n  - {satker: semua, tahun: 2023}\n")
    assert [t.satker for t in rencana_manifest(p).tugas] == [
        "lapas-banyuasin",
        "lapas-kedua",
        "rutan-ketiga",
    ]
    p = _tulis(proyek, "bawaan: {data_dir: ../data}\nlaporan:\n  - {satker: semua, tahun: 2019}\n")
    with pytest.raises(DataError, match=r"uji.yaml, baris 3: 'semua': tidak ada satker"):
        rencana_manifest(p)


@pytest.mark.parametrize(
    ("isi", "pola"),
    [
        (
            "bawaan: {data_dir: ../data}\nlaporan:\n  - {satker: lapas-banyuasin, tahun: 2023}\n"
            "  - {satker: lapas-kedua, tahun: 2023, pfd: false}\n",
            r"baris 4, field laporan\[2\]\.pfd: nama field tidak dikenal",
        ),
        (
            "bawaan: {data_dir: ../data, periode: semester-3}\n"
            "laporan:\n  - {satker: lapas-banyuasin, tahun: 2023}\n",
            r"baris 1, field bawaan\.periode: periode 'semester-3' tidak sah",
        ),
        (
            "bawaan: {data_dir: ../data}\nlaporan:\n\n  - {satker: ../etc, tahun: 2023}\n",
            r"baris 4, field laporan\[1\]\.satker: id satker '\.\./etc' tidak sah",
        ),
        (
            "bawaan: {data_dir: ../data}\nlaporan:\n  - {satker: lapas-banyuasin, tahun: 23}\n",
            r"baris 3, field laporan\[1\]\.tahun: tahun 23 tidak sah",
        ),
        ("laporan:\n  - {satker: lapas-banyuasin, tahun: 2023}\n", r"baris 2: data_dir wajib"),
        (
            "bawaan: {data_dir: ../tidak-ada}\nlaporan:\n  - {satker: lapas-banyuasin, tahun: 2023}\n",
            r"baris 3: folder data .*tidak-ada tidak ditemukan",
        ),
        ("bawaan: {data_dir: ../data}\nlaporan: []\n", r"field laporan: terlalu sedikit butir"),
        (
            "bawaan: {data_dir: ../data}\nlaporan:\n  - {satker: lapas-kedua, tahun: 2023}\n"
            "  - {satker: lapas-kedua, tahun: [2022, 2023]}\n",
            r"laporan lapas-kedua 2023 muncul dua kali \(uji.yaml baris 3 dan uji.yaml baris 4\)",
        ),
        ("bawaan: {data_dir: ../data\n", r"YAML tidak sah"),
    ],
    ids=[
        "field-salah-ketik",
        "periode",
        "satker",
        "tahun",
        "tanpa-data-dir",
        "data-dir-hilang",
        "kosong",
        "ganda",
        "sintaks",
    ],
)
def test_manifest_salah_menyebut_berkas_dan_baris(proyek: Path, isi: str, pola: str) -> None:
    p = _tulis(proyek, isi)
    with pytest.raises(DataError, match=pola) as e:
        rencana_manifest(p)
    assert str(p) in str(e.value)


def test_only_dan_limit(proyek: Path) -> None:
    p = _tulis(
        proyek,
        "bawaan: {data_dir: ../data}\nlaporan:\n  - {satker: lapas-banyuasin, tahun: 2023}\n"
        "  - {satker: lapas-kedua, tahun: [2022, 2023]}\n",
    )
    r = rencana_manifest(p)
    assert [t.label for t in r.pilih(["lapas-kedua"])] == ["lapas-kedua 2022", "lapas-kedua 2023"]
    assert [t.label for t in r.pilih(None, 1)] == ["lapas-banyuasin 2023"]
    with pytest.raises(ParameterError, match="satker lapas-kedu tidak ada dalam manifest"):
        r.pilih(["lapas-kedu"])
    for n in (0, -1):
        with pytest.raises(ParameterError, match=r"--batas/--limit harus bilangan bulat ≥ 1"):
            r.pilih(None, n)


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        (["--hanya", "lapas-kedu"], "tidak ada dalam manifest"),
        (["--only", "lapas-banyuasin,lapas-kedu"], "tidak ada dalam manifest"),
        (["--batas", "0"], "--limit harus"),
        (["--limit", "-1"], "--limit harus"),
        (["--pekerja", "0"], "--pekerja/--jobs harus"),
        (["--penjadwal", "tcp://127.0.0.1:1"], "hanya berlaku dengan --pelaksana dask"),
        (["--satker", "lapas-banyuasin"], "tidak dapat dipakai bersama --manifest"),
    ],
)
def test_cli_menolak_pilihan_salah_tanpa_menulis_apa_pun(
    proyek: Path, argumen: list[str], pesan: str, capsys: pytest.CaptureFixture[str]
) -> None:
    p = _tulis(
        proyek,
        "bawaan: {data_dir: ../data, out_dir: ../keluaran-cli}\n"
        "laporan:\n  - {satker: lapas-banyuasin, tahun: 2023}\n",
    )
    assert main(["batch", "--manifest", str(p), *argumen]) == 2
    assert pesan in capsys.readouterr().err
    assert not (proyek / "keluaran-cli").exists(), "nothing is written for a refused batch"


def test_cli_batas_bukan_angka(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["batch", "--manifest", "x.yaml", "--batas", "dua"])
    assert e.value.code == 2
    assert "bukan bilangan bulat" in capsys.readouterr().err


def test_tanpa_manifest_dari_folder_lain(proyek: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (proyek / "notebooks").mkdir(exist_ok=True)
    monkeypatch.chdir(proyek / "notebooks")
    r = rencana_cli(["lapas-banyuasin", "semua"], ["2022", "2023"], data_dir=Path("../data"))
    assert r.out_dir == (proyek / "outputs").resolve(), "not notebooks/outputs"
    # 2022 folders hold only last year's values (no profil.yaml): 'semua' adds no 2022
    # report; the satker named explicitly stays asked for
    assert [t.label for t in r.tugas] == [
        "lapas-banyuasin 2022",
        "lapas-banyuasin 2023",
        "lapas-kedua 2023",
        "rutan-ketiga 2023",
    ]
    with pytest.raises(ParameterError, match="periode 'bulanan' tidak sah"):
        rencana_cli(["lapas-banyuasin"], ["2023"], ["bulanan"], data_dir=Path("../data"))
    with pytest.raises(ParameterError, match=r"folder data .* tidak ditemukan"):
        rencana_cli(["lapas-banyuasin"], ["2023"], data_dir=Path("data"))
    assert pecah_daftar(["a,b", " c "]) == ["a", "b", "c"]


def test_rencana_cetak_alasan_tanpa_menjalankan(
    proyek: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(proyek)
    kode = main(
        [
            "batch",
            "--satker",
            "lapas-banyuasin,lapas-kedua",
            "--tahun",
            "2023",
            "--out-dir",
            "kosong",
            "--dry-run",
        ]
    )
    keluar = capsys.readouterr().out
    assert kode == 0
    assert keluar.count("baru") >= 2 and "belum pernah dibangun" in keluar
    assert "Rencana: 2 laporan, 2 akan dibangun, 0 tidak berubah." in keluar
    assert not (proyek / "kosong").exists()
