"""environment.yml (conda) and pyproject.toml (pip) must list the same dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
# In environment.yml but not a Python dependency of the project.
HANYA_CONDA = {"python", "pip"}
_NAMA = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$")


def _normal(nama: str) -> str:
    """PEP 503 normalised name (conda's jupyter_client == PyPI's jupyter-client)."""
    return re.sub(r"[-_.]+", "-", nama).lower()


def _pecah(spesifikasi: str) -> tuple[str, str]:
    m = _NAMA.match(spesifikasi.split(";")[0])
    assert m, spesifikasi
    nama = re.sub(r"\[.*\]", "", m.group(1))
    return _normal(nama), re.sub(r"\s+", "", m.group(2))


def _pyproject() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    proyek = data["project"]
    daftar = [*proyek["dependencies"], *proyek["optional-dependencies"]["dev"]]
    return dict(_pecah(s) for s in daftar)


def _conda() -> tuple[dict[str, str], list[str], list[object]]:
    env = YAML(typ="safe").load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    paket: dict[str, str] = {}
    pip: list[str] = []
    for butir in env["dependencies"]:
        if isinstance(butir, dict):
            pip.extend(butir.get("pip", []))
            continue
        nama, versi = _pecah(
            str(butir).replace("=", "==", 1)
            if re.match(r"^[\w.-]+=[^=]", str(butir))
            else str(butir)
        )
        if nama not in HANYA_CONDA:
            paket[nama] = versi
    return paket, pip, env["channels"]


def test_nama_dependensi_sama() -> None:
    conda, _, _ = _conda()
    pip = _pyproject()
    assert set(conda) == set(pip), (
        f"hanya di environment.yml: {sorted(set(conda) - set(pip))}; "
        f"hanya di pyproject.toml: {sorted(set(pip) - set(conda))}"
    )


def test_batas_versi_sama() -> None:
    conda, _, _ = _conda()
    pip = _pyproject()
    beda = {n: (conda[n], pip[n]) for n in pip if n in conda and conda[n] != pip[n]}
    assert not beda, f"batas versi berbeda (conda, pip): {beda}"


def test_conda_forge_python_311_dan_proyek_dipasang() -> None:
    _, pip, channels = _conda()
    assert channels == ["conda-forge"]
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*-\s*python=3\.11\s*$", env, re.MULTILINE)
    assert "-e ." in pip
