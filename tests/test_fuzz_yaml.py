"""Fuzzing (issue 10): mutated copies of the sample's YAML files over the loaders and the checks.

Every case must end in a successful load (or a list of findings) or a clear
:class:`~lkjip_helpers.errors.LkjipError` — never another exception. Mutations: values of
other types, huge / tiny / NaN / infinite numbers, Indonesian-looking number strings, deep
nesting, YAML tags, duplicate keys, alias bombs, byte-order marks, other encodings, broken
bytes, truncation, and symlinks pointing out of the data folder.

The runs are deterministic (``derandomize=True``: hypothesis derives the examples from the
test itself, no database) and print how many cases ran. About 1 150 cases take ≈ 25 s here.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from bantu_yaml import polos
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_helpers.errors import LkjipError
from lkjip_helpers.muat import baca_yaml, muat_berkas
from lkjip_helpers.muat import skema as s
from lkjip_helpers.muat.data import _muat_cache
from lkjip_helpers.periksa import periksa

pytestmark = pytest.mark.fuzz

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"
FOLDER = DATA / "satker" / SATKER
BERKAS: dict[str, tuple[Path, type]] = {
    "satker": (FOLDER / "satker.yaml", s.Satker),
    "katalog": (DATA / "katalog" / "upt-pemasyarakatan-2020-2024.yaml", s.Katalog),
    "profil": (FOLDER / "2023" / "profil.yaml", s.Profil),
    "kinerja": (FOLDER / "2023" / "kinerja.yaml", s.Kinerja),
    "anggaran": (FOLDER / "2023" / "anggaran.yaml", s.Anggaran),
    "evaluasi": (FOLDER / "2023" / "evaluasi.yaml", s.Evaluasi),
    "narasi": (FOLDER / "2023" / "narasi.yaml", s.Narasi),
    "lampiran": (FOLDER / "2023" / "lampiran.yaml", s.Lampiran),
    "klaim": (FOLDER / "2023" / "klaim.yaml", s.DaftarKlaim),
    "kinerja_lalu": (FOLDER / "2022" / "kinerja.yaml", s.Kinerja),
}
KASUS_BERKAS = 1000
KASUS_PERIKSA = 150
HITUNGAN: dict[str, int] = {"berkas": 0, "periksa": 0, "berhasil": 0, "galat_jelas": 0}


POHON = {nama: polos(baca_yaml(path)) for nama, (path, _) in BERKAS.items()}


# --------------------------------------------------------------------------- strategies

ANGKA_ANEH = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 10**30, 1e-30, 1e30, -0.0, 1e308, 5e-324, 2**63, -(2**63)]),
)
TEKS_ANEH = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "1.177",
            "1,177",
            "1.177,5",
            "Rp16.466.041.000",
            "99,21%",
            "-0",
            "1e400",
            "NaN",
            ".nan",
            "inf",
            "",
            " ",
            "~",
            "null",
            "yes",
            "No",
            "0x1F",
            "0o17",
            "1_000",
            "2023-12-31",
            "12:30",
            "SK1.1",
            "SK9.9",
            "../../etc/passwd",
            "=1+2",
            "a" * 5000,
            "\u202e",
            "中文",
            "😀",
        ]
    ),
)
NILAI_ANEH = st.recursive(
    st.one_of(st.none(), st.booleans(), ANGKA_ANEH, TEKS_ANEH),
    lambda anak: st.one_of(
        st.lists(anak, max_size=4), st.dictionaries(st.text(max_size=8), anak, max_size=4)
    ),
    max_leaves=10,
)


def _jalur(pohon: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) pair of the tree."""
    hasil: list[tuple[Any, Any]] = []
    tumpukan = [pohon]
    while tumpukan:
        node = tumpukan.pop()
        kunci = list(node) if isinstance(node, dict) else range(len(node))
        for k in kunci:
            hasil.append((node, k))
            if isinstance(node[k], dict | list) and node[k]:
                tumpukan.append(node[k])
    return hasil


def _dump(pohon: Any) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(pohon, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10**9)


def _sarang(n: int) -> str:
    return "[" * n + "1" + "]" * n


def _bom_alias() -> str:
    baris = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        baris.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]")
    return "\n".join(baris) + "\n"


TAG = ["!foo", "!!python/object:os.system", "!!binary", "!!set", "!!timestamp", "!!float",
       "!!int", "!!str", "!!omap", "!!bool", "!!null", "!!map", "!!seq"]  # fmt: skip
TAG = ["!foo", "!!python/object:os.system", "!!binary", "!!set", "!!timestamp", "!!float",
       "!!int", "!!str", "!!omap", "!!bool", "!!null", "!!map", "!!seq"]  # fmt: skip
TRANSFORMASI_TEKS: dict[str, Callable[[str, Any], bytes]] = {
    "utuh": lambda t, d: t.encode(),
    "bom_utf8": lambda t, d: b"\xef\xbb\xbf" + t.encode(),
    "utf16": lambda t, d: t.encode("utf-16"),
    "latin1": lambda t, d: (t + "\ncatatan: café\n").encode("latin-1", "replace"),
    "bait_rusak": lambda t, d: (
        lambda b, i: b[:i] + d.draw(st.binary(min_size=1, max_size=3)) + b[i:]
    )(t.encode(), d.draw(st.integers(0, len(t.encode())))),
    "potong": lambda t, d: t.encode()[: d.draw(st.integers(0, len(t.encode())))],
    "tag": lambda t, d: t.replace(": ", f": {d.draw(st.sampled_from(TAG))} ", 1).encode(),
    "kunci_ganda": lambda t, d: (t + t.splitlines()[0] + "\n").encode(),
    "sarang_dalam": lambda t, d: (
        t + f"ekstra: {_sarang(d.draw(st.integers(10, 2000)))}\n"
    ).encode(),
    "bom_alias": lambda t, d: _bom_alias().encode(),
    "tab": lambda t, d: t.replace("  ", "\t", 1).encode(),
    "kutip": lambda t, d: t.replace(": ", ": '", 1).encode(),
}


@st.composite
def berkas_termutasi(draw: st.DrawFn, nama: str | None = None) -> tuple[str, bytes]:
    """(file name, bytes) of a mutated sample file."""
    nama = nama or draw(st.sampled_from(sorted(BERKAS)))
    pohon = polos(POHON[nama])
    for _ in range(draw(st.integers(0, 3))):
        tempat = _jalur(pohon)
        if not tempat:
            break
        node, k = draw(st.sampled_from(tempat))
        aksi = draw(st.sampled_from(["ganti", "ganti", "ganti", "hapus", "sarang"]))
        if aksi == "ganti":
            node[k] = draw(NILAI_ANEH)
        elif aksi == "hapus":
            del node[k]
        else:
            nilai: Any = node[k]
            for _ in range(draw(st.integers(1, 200))):
                nilai = [nilai]
            node[k] = nilai
    try:
        teks = _dump(pohon)
    except RecursionError:
        teks = _dump(POHON[nama])
    # Half the cases keep the text as dumped, so that many files still load and the checks
    # see odd values; the other half break the text itself.
    ubah = draw(
        st.sampled_from(["utuh"] * (len(TRANSFORMASI_TEKS) - 1) + sorted(TRANSFORMASI_TEKS))
    )
    return nama, TRANSFORMASI_TEKS[ubah](teks, _Penarik(draw))


class _Penarik:
    """Lets the text transforms draw more values."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw


def _catat(hasil: str, jenis: str) -> None:
    HITUNGAN[jenis] += 1
    HITUNGAN[hasil] += 1


# --------------------------------------------------------------------------- properties


@pytest.fixture(scope="module")
def folder_kerja(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-berkas")


@settings(
    max_examples=KASUS_BERKAS,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(kasus=berkas_termutasi())
def test_setiap_berkas_termutasi_dimuat_atau_ditolak_jelas(
    folder_kerja: Path, kasus: tuple[str, bytes]
) -> None:
    nama, isi = kasus
    path, model = BERKAS[nama]
    tujuan = folder_kerja / path.name
    tujuan.write_bytes(isi)
    try:
        muat_berkas(model, tujuan, akar=folder_kerja)
    except LkjipError as err:
        assert str(err).strip(), "a clear message"
        assert len(str(err)) < 5000, "messages shorten long values"
        _catat("galat_jelas", "berkas")
    else:
        _catat("berhasil", "berkas")


@pytest.fixture(scope="module")
def data_kerja(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz-periksa")
    shutil.copytree(DATA, root / "data")
    (root / "rahasia.yaml").write_text("rahasia: 1\n", encoding="utf-8")
    return root / "data"


@settings(
    max_examples=KASUS_PERIKSA,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(kasus=berkas_termutasi(), tautan=st.integers(0, 19))
def test_pemeriksaan_atas_data_termutasi(
    data_kerja: Path, kasus: tuple[str, bytes], tautan: int
) -> None:
    nama, isi = kasus
    asli_path, _ = BERKAS[nama]
    path = data_kerja / asli_path.relative_to(DATA)
    asli = asli_path.read_bytes()
    try:
        path.unlink()
        if tautan == 0:  # one case in twenty: a symlink out of the data folder
            path.symlink_to(data_kerja.parent / "rahasia.yaml")
        else:
            path.write_bytes(isi)
        # muat() caches by file mtime, whose granularity (a kernel tick) is coarser than
        # these back-to-back writes: start every case from the files on disk.
        _muat_cache.cache_clear()
        try:
            temuan = periksa(SATKER, 2023, data_kerja)
        except LkjipError as err:
            assert str(err).strip()
            assert tautan != 0 or "tautan simbolik ke luar folder" in str(err)
            _catat("galat_jelas", "periksa")
        else:
            assert tautan != 0, "a symlink out of the data folder is never read"
            assert all(t.kode and t.pesan for t in temuan)
            _catat("berhasil", "periksa")
    finally:
        path.unlink(missing_ok=True)
        path.write_bytes(asli)


def test_jumlah_kasus_dicetak(capsys: pytest.CaptureFixture) -> None:
    """Runs after the two properties (file order): prints and checks the number of cases."""
    total = HITUNGAN["berkas"] + HITUNGAN["periksa"]
    with capsys.disabled():
        print(
            f"\nfuzz YAML: {total} kasus ({HITUNGAN['berkas']} berkas tunggal, "
            f"{HITUNGAN['periksa']} pemeriksaan lengkap); {HITUNGAN['berhasil']} dimuat, "
            f"{HITUNGAN['galat_jelas']} ditolak dengan pesan jelas, 0 galat tak tertangani"
        )
    if HITUNGAN["berkas"] == 0:
        pytest.skip("the fuzz properties did not run in this session (-k / -m filter)")
    assert total >= 1000
