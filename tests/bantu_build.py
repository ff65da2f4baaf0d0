"""Shared set-up of the build tests that run the tiny fixture notebooks on stand-in data.

The fixture data are not a real satker, so the steps that need one — the data checks, the IKK
CSV and the review memo — are replaced by stand-ins in ``sys.modules`` (the build imports
them lazily). The real ``lkjip_helpers.periksa`` package is imported first, so the build's
own ``from ..periksa import tulis_json`` still finds the real function.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import lkjip_helpers.periksa  # noqa: F401  (real package before its checks module is stubbed)
from lkjip_helpers.keluaran import csv as keluaran_csv

FIXTURE_NB = Path(__file__).parent / "fixtures" / "notebooks"
SATKER = "contoh-satker"
TAHUN = 2023


def tinjauan_palsu(
    data: object, temuan: list, folder: Path, pdf: bool = True, docx: bool = False
) -> types.SimpleNamespace:
    """Stand-in for the review memo writer (it needs a real satker)."""
    tujuan = folder / "tinjauan.html"
    tujuan.write_text("<!DOCTYPE html><title>memo</title><p>memo uji</p>", encoding="utf-8")
    return types.SimpleNamespace(
        berkas=[tujuan],
        tinjauan=types.SimpleNamespace(masalah=[]),
        masalah_teratas=["Masalah uji"],
    )


def capaian_palsu(*args: object, **kwargs: object) -> pd.DataFrame:
    """Stand-in for the IKK summary."""
    return pd.DataFrame({"kode": ["IKK-1"]})


def pasang_stub(
    mp: pytest.MonkeyPatch,
    periksa: Callable[..., list] | None = None,
    capaian: Callable[..., pd.DataFrame] = capaian_palsu,
    tulis_csv: Callable[..., object] = keluaran_csv.tulis_csv_ikk,
) -> None:
    """Replace the checks (``periksa`` returns the findings; none by default), the IKK CSV and
    the review memo for one test or fixture."""
    mp.setitem(
        sys.modules,
        "lkjip_helpers.periksa.pemeriksaan",
        types.SimpleNamespace(periksa=periksa or (lambda *a, **k: [])),
    )
    mp.setitem(
        sys.modules,
        "lkjip_helpers.keluaran.csv",
        types.SimpleNamespace(capaian_ikk_dataframe=capaian, tulis_csv_ikk=tulis_csv),
    )
    mp.setitem(
        sys.modules,
        "lkjip_helpers.keluaran.tinjauan",
        types.SimpleNamespace(tulis_tinjauan=tinjauan_palsu),
    )


def data_contoh(root: Path, kinerja: bool = False) -> Path:
    """A data folder with one stand-in satker (and an extra catalog) under ``root``."""
    data = root / "data"
    (data / "satker" / SATKER / str(TAHUN)).mkdir(parents=True)
    (data / "katalog").mkdir()
    (data / "satker" / SATKER / "satker.yaml").write_text(
        f"id: {SATKER}\nnama: Satker Contoh\nkatalog: uji\n", encoding="utf-8"
    )
    if kinerja:
        (data / "satker" / SATKER / str(TAHUN) / "kinerja.yaml").write_text("a: 1\n", "utf-8")
        (data / "katalog" / "lain.yaml").write_text("indikator: []\n", encoding="utf-8")
    (data / "katalog" / "uji.yaml").write_text("indikator: []\n", encoding="utf-8")
    return data
