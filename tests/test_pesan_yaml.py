"""YAML messages (issue 10): the line where a quote opened, the tag that is unknown, values
shortened, odd encodings, deep nesting, alias bombs and absurd numbers — one clear DataError
each, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkjip_helpers.errors import DataError
from lkjip_helpers.muat import baca_yaml, muat_berkas, muat_laporan
from lkjip_helpers.muat import skema as s

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"


def _tulis(tmp_path: Path, isi: str | bytes, nama: str = "x.yaml") -> Path:
    path = tmp_path / nama
    if isinstance(isi, bytes):
        path.write_bytes(isi)
    else:
        path.write_text(isi, encoding="utf-8")
    return path


def test_kutip_tidak_ditutup_dilaporkan_di_baris_pembukanya(tmp_path: Path) -> None:
    # Before: an unclosed ' in narasi.yaml was reported 135 lines further down, where the
    # next apostrophe happened to be.
    narasi = DATA / "satker" / SATKER / "2023" / "narasi.yaml"
    baris = narasi.read_text(encoding="utf-8").splitlines()
    i = next(n for n, b in enumerate(baris) if b.startswith("tempat_tanggal:"))
    baris[i] = "tempat_tanggal: 'Pangkalan Balai, 30 Desember 2023"
    j = next(n for n, b in enumerate(baris) if n > i + 100 and b.startswith("  ") and b.strip())
    baris[j] = baris[j] + " (teks dengan apostrof ' di sini)"
    path = _tulis(tmp_path, "\n".join(baris) + "\n", "narasi.yaml")
    with pytest.raises(DataError) as info:
        baca_yaml(path)
    assert info.value.lokasi == f"baris {i + 1}, kolom 17", str(info.value)
    assert "tanda kutip ' yang dibuka di sini" in info.value.pesan


@pytest.mark.parametrize(
    "isi,tag",
    [
        ("a: 1\nb: !foo 2\n", "'!foo'"),
        ("a: !!python/object/apply:os.system [ls]\n", "'!!python/object/apply:os.system'"),
        ("a:\n  - !Ref x\n", "'!Ref'"),
    ],
)
def test_tag_tidak_dikenal_disebut_dengan_barisnya(tmp_path: Path, isi: str, tag: str) -> None:
    # Before: only "YAML tidak sah", with neither the tag nor the line.
    with pytest.raises(DataError) as info:
        baca_yaml(_tulis(tmp_path, isi))
    assert tag in info.value.pesan and "tidak dikenal" in info.value.pesan
    assert info.value.lokasi is not None and info.value.lokasi.startswith("baris ")
    nomor = int(info.value.lokasi.split()[1].rstrip(","))
    assert tag.strip("'").lstrip("!") in isi.splitlines()[nomor - 1]


def test_nilai_panjang_dipendekkan_dalam_pesan(tmp_path: Path) -> None:
    # Before: an unknown-field message printed the whole 3 KB paragraph.
    paragraf = "Kalimat panjang sekali. " * 150
    path = _tulis(tmp_path, f"kata_pengantarr: {paragraf}\n", "narasi.yaml")
    with pytest.raises(DataError) as info:
        muat_berkas(s.Narasi, path)
    pesan = str(info.value)
    assert "kata_pengantarr" in pesan and "tidak dikenal" in pesan
    assert len(pesan) < 400, len(pesan)
    assert f"({len(paragraf.strip())} karakter)" in pesan


@pytest.mark.parametrize(
    "isi,harapan",
    [
        (b"\xef\xbb\xbfid: x\n", None),
        ("id: x\n".encode("utf-16"), "UTF-16"),
        (b"id: kop\xe9\n", "bukan teks UTF-8"),
        # 3000 levels take seconds to refuse: with the slow tests
        pytest.param(
            b"a: " + b"[" * 3000 + b"]" * 3000 + b"\n", "bersarang", marks=pytest.mark.e2e
        ),
        (b"a: " + b"[" * 80 + b"]" * 80 + b"\n", "bersarang"),
        (b"", "berkas kosong"),
    ],
    ids=["bom", "utf16", "latin1", "sangat-dalam", "dalam", "kosong"],
)
def test_pengodean_dan_struktur(tmp_path: Path, isi: bytes, harapan: str | None) -> None:
    path = _tulis(tmp_path, isi)
    if harapan is None:
        assert baca_yaml(path) == {"id": "x"}
        return
    with pytest.raises(DataError, match=harapan):
        baca_yaml(path)


def test_bom_alias_bersarang_ditolak(tmp_path: Path) -> None:
    baris = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i, nama in enumerate("bcdefgh"):
        sebelum = "abcdefg"[i]
        baris.append(f"{nama}: &{nama} [{','.join([f'*{sebelum}'] * 9)}]")
    with pytest.raises(DataError, match="alias"):
        baca_yaml(_tulis(tmp_path, "\n".join(baris) + "\n"))


@pytest.mark.parametrize(
    "nilai,harapan",
    [
        (".nan", "terhingga"),
        (".inf", "terhingga"),
        ("-.inf", "terhingga"),
        ("1e400", "terlalu besar"),
        ("123456789012345678901234567890", "terlalu besar"),
        ("1.0e+30", "terlalu besar"),
        ("1.0e-30", "terlalu kecil"),
        # number policy (muat/angka.py): a quoted number is never read as a number
        ('"1e30"', "angka ditulis sebagai teks ('1e30')"),
        ('"NaN"', "harus berupa angka"),
    ],
)
def test_angka_tak_wajar_ditolak_sebelum_dihitung(tmp_path: Path, nilai: str, harapan: str) -> None:
    # Before: a 30-digit pagu, 1e30 or 1e-30 crashed `lkjip check` with decimal.InvalidOperation.
    data = tmp_path / "d"
    shutil.copytree(DATA, data)
    path = data / "satker" / SATKER / "2023" / "anggaran.yaml"
    baris = path.read_text(encoding="utf-8").splitlines()
    i = next(n for n, b in enumerate(baris) if b.strip().startswith("pagu:"))
    awal = baris[i][: baris[i].index("pagu:")]
    baris[i] = f"{awal}pagu: {nilai}"
    path.write_text("\n".join(baris) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        muat_laporan(SATKER, 2023, data)
    pesan = str(info.value)
    assert "anggaran.yaml" in pesan and harapan in pesan and f"baris {i + 1}" in pesan, pesan
