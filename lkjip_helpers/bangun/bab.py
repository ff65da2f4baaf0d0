"""The chapter notebooks of a build: which ones, in which order, with which parameters."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from ..errors import BuildError


def folder_notebook_bawaan() -> Path:
    """The repository's ``notebooks/`` (editable install), else ``./notebooks``."""
    repo = Path(__file__).resolve().parents[2] / "notebooks"
    return repo if repo.is_dir() else Path.cwd() / "notebooks"


DAFTAR_BAB = "bab.yaml"
"""The list of a notebook folder's chapter notebooks, in report order (``notebooks/bab.yaml``,
key ``bab``): a build runs only these."""


def daftar_bab(notebooks_dir: Path) -> list[Path]:
    """Chapter notebooks in report order: the ones :data:`DAFTAR_BAB` declares; in a folder
    without that list, ``*.ipynb`` sorted by name, ``_*`` skipped."""
    berkas = notebooks_dir / DAFTAR_BAB
    if not berkas.is_file():
        return sorted(p for p in notebooks_dir.glob("*.ipynb") if not p.name.startswith(("_", ".")))
    import yaml

    try:
        isi = yaml.safe_load(berkas.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise BuildError(f"{berkas}: daftar notebook bab tidak dapat dibaca ({err})") from err
    nama = isi.get("bab") if isinstance(isi, dict) else None
    if not isinstance(nama, list) or not nama or not all(isinstance(n, str) for n in nama):
        raise BuildError(
            f"{berkas}: diharapkan field 'bab' berisi daftar nama berkas notebook bab "
            "(mis. - 00_pengantar.ipynb)"
        )
    hilang = [n for n in nama if not (notebooks_dir / n).is_file()]
    if hilang:
        raise BuildError(
            f"{berkas}: notebook bab yang disebut tidak ada di {notebooks_dir}: {', '.join(hilang)}"
        )
    return [notebooks_dir / n for n in nama]


def notebook_lain(notebooks_dir: Path, bab: list[Path]) -> list[str]:
    """Notebooks in the folder that are not chapters (``Untitled.ipynb`` made in Lab):
    a build skips them. ``_*`` drafts are skipped without a word."""
    dipakai = {p.name for p in bab}
    return sorted(
        p.name
        for p in notebooks_dir.glob("*.ipynb")
        if p.name not in dipakai and not p.name.startswith(("_", "."))
    )


def teks_notebook_lain(notebooks_dir: Path, bab: list[Path]) -> str | None:
    """The one warning line naming the skipped non-chapter notebooks (None when none)."""
    lain = notebook_lain(notebooks_dir, bab)
    if not lain:
        return None
    return (
        f"Peringatan: {', '.join(lain)} di {notebooks_dir.name}/ bukan notebook bab "
        f"(tidak ada di {DAFTAR_BAB}) dan tidak dibangun."
    )


def peringatkan_notebook_lain(notebooks_dir: Path, bab: list[Path]) -> None:
    """Print :func:`teks_notebook_lain` on stderr."""
    teks = teks_notebook_lain(notebooks_dir, bab)
    if teks:
        with contextlib.suppress(OSError, ValueError):
            print(teks, file=sys.stderr, flush=True)


def _nama_parameter(path: Path) -> set[str]:
    """Names assigned in the notebook's ``parameters`` cell (empty when it has none)."""
    import ast

    from ..muat.notebook import sel_notebook, sumber_sel, tag_sel

    try:
        sel = sel_notebook(path)
    except (OSError, ValueError):  # an unreadable notebook fails later, with a proper message
        return set()
    for cell in sel:
        if cell.get("cell_type") == "code" and "parameters" in tag_sel(cell):
            try:
                pohon = ast.parse(sumber_sel(cell))
            except SyntaxError:
                return set()
            nama: set[str] = set()
            for node in pohon.body:
                sasaran = (
                    node.targets
                    if isinstance(node, ast.Assign)
                    else [getattr(node, "target", None)]
                )
                nama.update(t.id for t in sasaran if isinstance(t, ast.Name))
            return nama
    return set()


def parameter_periode(bab: list[Path], periode: str) -> dict[str, str]:
    """``{"periode": …}`` for the chapters when they all declare that parameter; nothing for
    an annual report whose notebooks do not (yet) know it; a BuildError for any other period
    (the chapters would silently build the annual report)."""
    if all("periode" in _nama_parameter(p) for p in bab):
        return {"periode": periode}
    if periode == "tahunan":
        return {}
    raise BuildError(
        f"laporan periode {periode!r} belum dapat dibangun: notebook bab belum menerima "
        "parameter 'periode' (hanya laporan tahunan)"
    )
