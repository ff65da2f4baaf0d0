"""Helpers of the batch tests: sample data copied under other satker ids, fixture notebooks."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FIXTURE_NB = Path(__file__).parent / "fixtures" / "notebooks"
SAMPEL = "lapas-banyuasin"


def salin_data(root: Path, satker: list[str]) -> Path:
    """``root/data``: the catalog and the sample satker, plus a copy of the sample satker under
    each id (only these: data/ holds other example satkers too)."""
    data = root / "data"
    shutil.copytree(DATA / "katalog", data / "katalog")
    shutil.copytree(DATA / "satker" / SAMPEL, data / "satker" / SAMPEL)
    for s in satker:
        if s == SAMPEL:
            continue
        folder = data / "satker" / s
        shutil.copytree(data / "satker" / SAMPEL, folder)
        p = folder / "satker.yaml"
        p.write_text(
            p.read_text(encoding="utf-8").replace(f"id: {SAMPEL}", f"id: {s}"), encoding="utf-8"
        )
    return data


def folder_notebook(root: Path, tambahan: dict[str, str] | None = None) -> Path:
    """The tiny fixture chapters, plus extra chapters ``{name: code}`` (after the parameters
    cell ``satker``/``tahun``/``data_dir``)."""
    folder = root / "nb"
    shutil.copytree(FIXTURE_NB, folder)
    for nama, kode in (tambahan or {}).items():
        nb = new_notebook(
            cells=[
                new_code_cell(
                    'satker: str = "x"\ntahun: int = 2023\ndata_dir: str = "data"',
                    metadata={"tags": ["parameters"]},
                ),
                new_code_cell(kode),
            ]
        )
        nbformat.write(nb, folder / nama)
    return folder


def sisa_sementara(out: Path) -> list[Path]:
    """Temporary or backup folders a build left behind (none may remain)."""
    return [p for p in out.rglob(".*") if ".tmp-" in p.name or ".lama-" in p.name]


def kerja_uji(nilai: int) -> tuple[str, int]:
    """A task function for executor tests: ``0`` kills its worker process outright."""
    import os

    if nilai == 0:
        os._exit(3)
    return ("selesai", nilai)
