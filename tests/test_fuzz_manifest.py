"""Fuzzing the batch manifest (issue 19): random manifests — values of every type in every
field, unknown keys, paths into, onto, around and through a symlink to the data folder, NUL
bytes, broken YAML — planned as ``lkjip batch --rencana`` plans them.

Every case ends in a plan or a clear :class:`~lkjip_helpers.errors.LkjipError`, never another
exception; a plan never puts an output folder (reports, roll-up, index) inside a data folder
or around it; planning writes nothing. The count is printed, as test_fuzz_yaml does.
"""

from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_helpers.bangun.batch import rencanakan
from lkjip_helpers.bangun.manifest import rencana_manifest
from lkjip_helpers.errors import LkjipError

pytestmark = pytest.mark.fuzz

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"
HITUNGAN: Counter[str] = Counter()

JALUR = st.sampled_from(
    [
        "../data",
        "../data/",
        "../data/keluaran",
        "../data/satker",
        "../data/../outputs",
        "../outputs",
        "..",
        "/",
        ".",
        "",
        "~",
        "../tautan",
        "../tautan/hasil",
        "../tidak-ada",
        "../data\x00x",
        "../" + "a" * 300,
        "C:\\data",
    ]
)
APA_SAJA = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.lists(st.integers(1990, 2100), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)
SATKER_ACAK = st.one_of(
    st.sampled_from([SATKER, "semua", "lapas-tidak-ada", "../etc", "Lapas Besar", "", "a/b"]),
    APA_SAJA,
)
TAHUN = st.one_of(
    st.sampled_from([2023, "2023", [2023, 2024], [], "dua ribu", 1899, 2023.5, "2023,2024"]),
    APA_SAJA,
)
PERIODE = st.one_of(
    st.sampled_from(["tahunan", "semester-1", ["tahunan", "triwulan-3"], [], "bulanan"]),
    APA_SAJA,
)


_NILAI = {
    "data_dir": st.one_of(JALUR, APA_SAJA),
    "out_dir": st.one_of(JALUR, JALUR, APA_SAJA),
    "notebooks_dir": st.one_of(JALUR, APA_SAJA),
    "periode": PERIODE,
    "pdf": st.one_of(st.booleans(), APA_SAJA),
    "abaikan_pemeriksaan": st.one_of(st.booleans(), APA_SAJA),
    "satker": SATKER_ACAK,
    "tahun": TAHUN,
}


@st.composite
def manifest(draw: st.DrawFn) -> str:
    """A valid manifest with 0–3 of its fields replaced, removed or added (so that many cases
    get past the schema to the path checks), now and then replaced whole or broken as YAML."""
    isi: dict = {
        "bawaan": {"data_dir": "../data", "pdf": False},
        "laporan": [{"satker": SATKER, "tahun": 2023}],
    }
    if draw(st.booleans()):
        isi["bawaan"]["out_dir"] = draw(JALUR)
    for _ in range(draw(st.integers(0, 3))):
        tempat = draw(st.sampled_from(["bawaan", "entri", "entri baru"]))
        if tempat == "entri baru":
            isi["laporan"].append({"satker": draw(SATKER_ACAK), "tahun": draw(TAHUN)})
            continue
        peta = isi["bawaan"] if tempat == "bawaan" else isi["laporan"][-1]
        kunci = draw(st.sampled_from([*_NILAI, "x", "out-dir"]))
        if kunci in ("satker", "tahun") and tempat == "bawaan":
            kunci = "data_dir"
        aksi = draw(st.sampled_from(["ganti", "ganti", "hapus"]))
        if aksi == "hapus":
            peta.pop(kunci, None)
        else:
            peta[kunci] = draw(_NILAI.get(kunci, APA_SAJA))
    ubah = draw(st.integers(0, 19))
    teks = yaml.safe_dump(draw(APA_SAJA) if ubah == 0 else isi, allow_unicode=True)
    if ubah == 1:
        teks = teks[: draw(st.integers(0, len(teks)))]
    elif ubah == 2:
        teks = teks.replace(":", draw(st.sampled_from(["", "::", ": [", ": &a", ": *b"])), 1)
    return teks


@pytest.fixture(scope="module")
def akar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("manifest")
    shutil.copytree(DATA / "katalog", root / "data" / "katalog")
    shutil.copytree(DATA / "satker" / SATKER, root / "data" / "satker" / SATKER)
    (root / "tautan").symlink_to(root / "data")
    (root / "params").mkdir()
    return root


def _sidik(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        h.update(str(p.relative_to(folder)).encode())
        if p.is_file() and not p.is_symlink():
            h.update(p.read_bytes())
    return h.hexdigest()


def _terpisah(data: Path, keluar: Path) -> bool:
    d, k = data.resolve(), keluar.resolve()
    return not (k == d or k.is_relative_to(d) or d.is_relative_to(k))


@settings(
    max_examples=600,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(teks=manifest())
def test_manifest_acak_direncanakan_atau_ditolak_jelas(akar: Path, teks: str) -> None:
    HITUNGAN["kasus"] += 1
    path = akar / "params" / "kanwil.yaml"
    path.write_text(teks, encoding="utf-8")
    sebelum = _sidik(akar / "data")
    try:
        rencana = rencana_manifest(path)
        status = rencanakan(rencana, only=None, limit=None, paksa=False)
    except LkjipError as err:
        assert str(err).strip() and "Traceback" not in str(err)
        HITUNGAN["ditolak"] += 1
    else:
        HITUNGAN["direncanakan"] += 1
        assert len(status) == len(rencana.tugas) >= 1
        for t in rencana.tugas:
            assert _terpisah(t.data_dir, t.out_dir), (t.data_dir, t.out_dir)
            assert _terpisah(t.data_dir, rencana.out_dir), (t.data_dir, rencana.out_dir)
            assert t.folder.resolve().is_relative_to(t.out_dir.resolve())
    assert _sidik(akar / "data") == sebelum, "planning writes nothing"


def test_jumlah_kasus_dicetak(capsys: pytest.CaptureFixture) -> None:
    """Runs after the property (file order): prints and checks the number of cases."""
    with capsys.disabled():
        print(
            f"\nfuzz manifest: {HITUNGAN['kasus']} kasus; {HITUNGAN['direncanakan']} "
            f"direncanakan, {HITUNGAN['ditolak']} ditolak dengan pesan jelas, "
            "0 galat tak tertangani"
        )
    if HITUNGAN["kasus"] == 0:
        pytest.skip("the fuzz property did not run in this session (-k / -m filter)")
    assert HITUNGAN["kasus"] >= 500
    assert HITUNGAN["direncanakan"] >= 10, "the fuzzer also reaches valid plans"
