"""A notebook file read as plain JSON: its cells, a cell's source and tags.

The build looks into the chapter notebooks before it runs them (their parameters, their
imports, the chapter each builds, the DOCX outline). nbformat would import jsonschema and
validate the whole file at each look (≈ 0,15 s before the first chapter of a build), which
these lookups do not need: a notebook that is not valid fails when papermill runs it, with a
proper message.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def sel_notebook(path: Path) -> list[dict[str, Any]]:
    """The cells of the notebook at ``path`` (as in the file); OSError or ValueError when it
    cannot be read as a notebook."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    sel = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(sel, list):
        raise ValueError(f"{path.name}: bukan notebook (tidak ada daftar 'cells')")
    return [c for c in sel if isinstance(c, dict)]


def sumber_sel(sel: Mapping[str, Any]) -> str:
    """A cell's source as one string (the format allows a list of lines)."""
    sumber = sel.get("source", "")
    return "".join(sumber) if isinstance(sumber, list) else str(sumber)


def tag_sel(sel: Mapping[str, Any]) -> list[str]:
    """A cell's tags (``metadata.tags``; none when absent or malformed)."""
    meta = sel.get("metadata")
    tag = meta.get("tags") if isinstance(meta, Mapping) else None
    return [str(t) for t in tag] if isinstance(tag, list) else []
