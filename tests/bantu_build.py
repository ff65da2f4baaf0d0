"""Shared set-up of the build tests that run the tiny fixture notebooks on stand-in data.

The fixture data are not a real satker, so the parts of a build that need one — the data
checks, the IKK CSV and the review memo — are stand-ins passed to the build as its
:class:`~lkjip_helpers.bangun.susun.Komponen` (:func:`komponen_uji`), or made its default
for one test (:func:`pasang_stub`, for builds started through the CLI or a fixture).
"""

from __future__ import annotations

import types
from collections.abc import Callable
from pathlib import Path

import pytest

from lkjip_helpers.bangun import susun
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


def capaian_palsu(*args: object, **kwargs: object) -> list[dict[str, object]]:
    """Stand-in for the IKK summary (its rows)."""
    return [{"kode": "IKK-1"}]


def komponen_uji(
    periksa: Callable[..., list] | None = None,
    capaian: Callable[..., list[dict[str, object]]] = capaian_palsu,
    tulis_csv: Callable[..., object] = keluaran_csv.tulis_csv_ikk,
) -> susun.Komponen:
    """The build's parts with stand-ins: the checks (``periksa`` returns the findings; none by
    default), the IKK table and the review memo; the real notebook engine."""
    return susun.Komponen(
        periksa=periksa or (lambda *a, **k: []),
        capaian_ikk=capaian,
        tulis_csv_ikk=tulis_csv,
        tulis_tinjauan=tinjauan_palsu,
    )


def pasang_stub(
    mp: pytest.MonkeyPatch,
    periksa: Callable[..., list] | None = None,
    capaian: Callable[..., list[dict[str, object]]] = capaian_palsu,
    tulis_csv: Callable[..., object] = keluaran_csv.tulis_csv_ikk,
) -> None:
    """Make :func:`komponen_uji` the parts of every build of one test or fixture."""
    mp.setattr(susun, "KOMPONEN_BAWAAN", komponen_uji(periksa, capaian, tulis_csv))


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
