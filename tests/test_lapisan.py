"""The package's folders follow the flow, and imports only run downward.

``muat`` (loading) → ``isian`` (data entry: workbook, scaffold) → ``hitung`` (figures) →
``periksa`` (checks) → ``laporan`` (document model and sections) → ``keluaran`` (renderers) →
``bangun`` (build, batch) → ``cli``; ``errors``, ``atomik`` (the atomic writes), ``garap``
(claim files) and ``format_id`` sit at the bottom. Every import — also the ones inside
functions — is checked.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

PAKET = Path(__file__).resolve().parent.parent / "lkjip_helpers"

LAPISAN = {
    "errors": 0,
    "atomik": 0,
    "format_id": 0,
    "tidak_diketahui": 0,
    "tembolok": 0,
    "garap": 0,
    "sampah": 0,
    "muat": 1,
    "isian": 2,
    "hitung": 3,
    "periksa": 4,
    "laporan": 5,
    "keluaran": 6,
    "bangun": 7,
    "cli": 8,
    "__main__": 9,
    "__init__": 0,
}


def _lapisan_modul(path: Path) -> tuple[str, int]:
    bagian = path.relative_to(PAKET).with_suffix("").parts
    return bagian[0], LAPISAN[bagian[0]]


def _impor_internal(path: Path) -> list[tuple[str, int]]:
    """(top-level folder or module of lkjip_helpers, line) of every import in ``path``."""
    pohon = ast.parse(path.read_text(encoding="utf-8"))
    paket_modul = path.relative_to(PAKET).with_suffix("").parts
    hasil = []
    for node in ast.walk(pohon):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                dasar = list(paket_modul[: len(paket_modul) - node.level])
                if path.name == "__init__.py":
                    dasar = list(paket_modul[: len(paket_modul) - node.level + 1])[:-1]
                nama = [*dasar, *(node.module.split(".") if node.module else [])]
                if not nama:  # "from .. import format_id"
                    nama = [node.names[0].name]
                hasil.append((nama[0], node.lineno))
            elif node.module and node.module.startswith("lkjip_helpers."):
                hasil.append((node.module.split(".")[1], node.lineno))
            elif node.module == "lkjip_helpers":
                hasil.extend((a.name, node.lineno) for a in node.names)
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("lkjip_helpers."):
                    hasil.append((a.name.split(".")[1], node.lineno))
    return hasil


def test_setiap_modul_punya_lapisan() -> None:
    for path in PAKET.rglob("*.py"):
        assert path.relative_to(PAKET).parts[0].removesuffix(".py") in LAPISAN, path


def test_impor_hanya_ke_lapisan_bawah() -> None:
    salah = []
    for path in sorted(PAKET.rglob("*.py")):
        folder, tingkat = _lapisan_modul(path)
        for target, baris in _impor_internal(path):
            if target == "__version__":
                continue
            t = LAPISAN.get(target)
            assert t is not None, f"{path}:{baris} mengimpor {target!r} yang tidak dikenal"
            if t > tingkat:
                salah.append(f"{path.relative_to(PAKET)}:{baris} ({folder}) → {target}")
    assert not salah, "impor ke lapisan di atasnya:\n" + "\n".join(salah)


_IMPOR_BUILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import lkjip_helpers.bangun
    import lkjip_helpers.bangun.indeks
    import lkjip_helpers.cli

    BERAT = ("papermill", "nbconvert", "nbformat", "weasyprint", "pandas", "matplotlib")
    awal = [m for m in BERAT if m in sys.modules]
    from lkjip_helpers.hitung import hasil_laporan
    from lkjip_helpers.laporan import dokumen_laporan, kunci_rujukan
    from lkjip_helpers.periksa.pemeriksaan import periksa

    data = Path(sys.argv[1])
    list(periksa("lapas-banyuasin", 2023, data, kunci_rujukan=kunci_rujukan))
    dokumen_laporan(hasil_laporan("lapas-banyuasin", 2023, data)).sidik_bab(3)
    print(awal, [m for m in BERAT if m in sys.modules])
    """
)


def test_build_tidak_mengimpor_yang_tidak_dipakai() -> None:
    """What a build imports before it knows it must run a chapter (the command, the input
    fingerprint, the index of a reused report) holds no notebook, PDF or DataFrame library;
    the data checks and the report model (the chapter keys) import neither pandas nor
    matplotlib: the kernel and the renderers import them when they draw (issue 17)."""
    keluar = subprocess.run(
        [sys.executable, "-c", _IMPOR_BUILD, str(PAKET.parent / "data")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert keluar.strip() == "[] []"
