"""The registry of finding codes (``periksa/kode.py``) is the one list: every code written in
the package is declared there, every finding is made through it, and the README's table of
codes says the same codes at the same levels."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

from lkjip_helpers.periksa import KODE_TEMUAN
from lkjip_helpers.periksa.kode import DAFTAR, KODE, buat_temuan

AKAR = Path(__file__).resolve().parent.parent
PAKET = AKAR / "lkjip_helpers"
_NAMA_KONSTAN = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")

BUKAN_KODE = {
    # UPPER_SNAKE strings of the package that name no finding
    "PERLU_VERIFIKASI",  # laporan/rekap/angka.py: a status column of the roll-up
    "TIDAK_DAPAT_DINILAI",  # same
    "KELAS_STATUS",  # same
    "TIDAK_DIKETAHUI",  # tidak_diketahui.py: the unknown value's repr
    "LKJIP_BATAS_WAKTU_SEL",  # environment variables
    "LKJIP_DEBUG",
    "LKJIP_TEMBOLOK_GRAFIK",  # the chart cache a build gives its kernel
    "LKJIP_DASAR_GRAFIK",
    "LKJIP_TANPA_CABANG",  # children started as fresh interpreters, never forked
    "O_EXCL",  # README: the open flag of a claim file (lkjip_helpers/garap.py)
    "PYTEST_N",  # README: the test runner's variable
    "FRASA_ALAT",  # data/README.md: a constant of laporan/kalimat.py
}


@cache
def _pohon() -> dict[Path, ast.Module]:
    """Every module of the package, parsed once for the tests below."""
    return {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PAKET.rglob("*.py"))}


def _string_konstan(pohon: ast.Module) -> set[str]:
    """UPPER_SNAKE string constants of a module, but the names its ``__all__`` exports."""
    konstan, ekspor = set(), set()
    for n in ast.walk(pohon):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            konstan.add(n.value)
        elif isinstance(n, ast.Assign) and any(
            getattr(t, "id", "") == "__all__" for t in n.targets
        ):
            ekspor |= {e.value for e in getattr(n.value, "elts", []) if isinstance(e, ast.Constant)}
    return {x for x in konstan - ekspor if _NAMA_KONSTAN.match(x)}


def test_every_code_written_in_the_package_is_declared() -> None:
    tidak_terdaftar = {
        f"{path.relative_to(AKAR)}: {nama}"
        for path, pohon in _pohon().items()
        for nama in _string_konstan(pohon)
        if nama not in KODE and nama not in BUKAN_KODE
    }
    assert not tidak_terdaftar, sorted(tidak_terdaftar)


def test_findings_are_made_only_through_the_registry() -> None:
    """``Temuan(...)`` is called in ``kode.py`` alone (``buat_temuan``), so a finding cannot
    carry an undeclared code or level."""
    tempat = []
    for path, pohon in _pohon().items():
        for n in ast.walk(pohon):
            if isinstance(n, ast.Call):
                nama = getattr(n.func, "id", None) or getattr(n.func, "attr", None)
                if nama == "Temuan":
                    tempat.append(f"{path.relative_to(AKAR)}:{n.lineno}")
    assert [t.split(":")[0] for t in tempat] == ["lkjip_helpers/periksa/kode.py"], tempat


def test_each_code_declared_once_and_the_old_name_kept() -> None:
    kode = [k.kode for k in DAFTAR]
    assert len(kode) == len(set(kode)) == 69
    assert frozenset(kode) == KODE_TEMUAN


def test_buat_temuan_refuses_an_undeclared_code_or_level() -> None:
    t = buat_temuan("NILAI_TIDAK_DIKETAHUI", "2023/profil.yaml", "p", kunci="k")
    assert t.tingkat == "peringatan"
    assert buat_temuan("NILAI_TIDAK_DIKETAHUI", "x", "p", tingkat="info", kunci="k").tingkat == (
        "info"
    )
    with pytest.raises(ValueError, match="not declared at level 'error'"):
        buat_temuan("NILAI_TIDAK_DIKETAHUI", "x", "p", tingkat="error", kunci="k")
    with pytest.raises(ValueError, match="BUKAN_KODE"):
        buat_temuan("BUKAN_KODE", "x", "p", kunci="k")


def _tabel_readme() -> dict[str, str]:
    """Code → level of the README's table of codes (section "Data checks")."""
    teks = (AKAR / "README.md").read_text(encoding="utf-8")
    awal = teks.index("| Code | Level | What |")
    baris = teks[awal:].split("\n\n", 1)[0].splitlines()[2:]
    tabel: dict[str, str] = {}
    for b in baris:
        sel = [x.strip() for x in b.strip("|").split("|")]
        for kode in re.findall(r"`([A-Z0-9_]+)`", sel[0]):
            assert kode not in tabel, f"{kode} twice in the README's table"
            tabel[kode] = sel[1]
    return tabel


def test_readme_table_lists_every_code_at_its_level() -> None:
    tabel = _tabel_readme()
    assert set(tabel) == set(KODE), (sorted(set(KODE) - set(tabel)), sorted(set(tabel) - set(KODE)))
    salah = {k: v for k, v in tabel.items() if v not in KODE[k].tingkat_boleh}
    assert not salah, salah
    # spot checks by hand against the README's rows
    assert tabel["RASIO_DI_ATAS_100"] == "peringatan"
    assert tabel["TANGGAPAN_GANDA"] == "error"
    assert tabel["KLAIM_PEMOTONGAN"] == "info"


def test_codes_named_in_the_docs_exist() -> None:
    for doc in ("README.md", "data/README.md"):
        teks = (AKAR / doc).read_text(encoding="utf-8")
        nama = set(re.findall(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b", teks))
        asing = nama - set(KODE) - BUKAN_KODE
        assert not asing, f"{doc}: {sorted(asing)}"


def test_info_titles_and_groups_fit_the_levels() -> None:
    """An info line's title belongs to a code raised as info; a grouped code is a warning or
    an error (info findings are one line per code, whatever their group)."""
    for k in DAFTAR:
        if k.judul_info is not None or k.uraian_info is not None:
            assert "info" in k.tingkat_boleh, k.kode
        if k.grup != "satu":
            assert k.tingkat in ("error", "peringatan"), k.kode
    assert KODE["KLAIM_PEMOTONGAN"].judul_info.format(n=42) == (
        "42 angka draf dipotong, bukan dibulatkan"
    )
