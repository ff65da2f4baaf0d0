"""Helpers shared by the tests that rewrite the sample's YAML trees (fuzzers, injection)."""

from __future__ import annotations

from typing import Any

KUNCI_TETAP = {
    "kode", "id", "sasaran", "satuan", "jenis", "polaritas", "katalog", "agregasi",
    "penyebut_nol", "populasi", "besaran", "status", "periode", "nip",
}  # fmt: skip
"""Keys whose strings are identifiers the data refer to each other by, not text."""


def polos(x: Any) -> Any:
    """The loader's line-aware containers as plain dicts/lists (for yaml.safe_dump)."""
    if isinstance(x, dict):
        return {k: polos(v) for k, v in x.items()}
    if isinstance(x, list):
        return [polos(v) for v in x]
    return x
