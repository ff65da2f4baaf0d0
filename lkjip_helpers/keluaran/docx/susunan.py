"""The report's outline from the chapter notebooks: their Markdown headings and text, and the
sections their ``lap.<bagian>()`` calls show (looked up in the model, nothing executed); headings
without content left out and lettered sections re-lettered, as the HTML's."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...laporan import model as m
from ...muat.notebook import sel_notebook, sumber_sel, tag_sel

if TYPE_CHECKING:
    from ...hitung import HasilLaporan


@dataclass
class JudulBab:
    """A heading of a chapter notebook (``#`` → 1, ``##`` → 2, ``###`` → 3)."""

    tingkat: int
    teks: str


@dataclass
class TeksBab:
    """Other Markdown of a chapter notebook (shown as a narrative)."""

    teks: str


Unsur = JudulBab | TeksBab | m.Bagian


def _panggilan(sumber: str) -> list[tuple[str, list[Any]]]:
    """``lap.<nama>(<literals>)`` statements of a code cell: (method, arguments)."""
    try:
        pohon = ast.parse(sumber)
    except SyntaxError:
        return []
    hasil = []
    for node in pohon.body:
        if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
            continue
        fungsi = node.value.func
        if not (isinstance(fungsi, ast.Attribute) and isinstance(fungsi.value, ast.Name)):
            continue
        try:
            argumen = [ast.literal_eval(a) for a in node.value.args]
        except ValueError:
            continue
        hasil.append((fungsi.attr, argumen))
    return hasil


def susunan_notebook(notebooks: Iterable[Path], hasil: HasilLaporan, dok: m.Dokumen) -> list[Unsur]:
    """The report's outline: the notebooks' headings and text, and the sections their
    ``lap.…()`` calls show, looked up in ``dok`` (nothing is executed).

    The notebooks are read as JSON (:mod:`lkjip_helpers.muat.notebook`), not with nbformat:
    its import would also compile jsonschema's optional format grammars (``rfc3987_syntax``,
    ≈ 0,6 s) in this process."""
    from ...laporan import Laporan

    lap = Laporan.__new__(Laporan)  # the sections only, without a notebook's parameter checks
    lap.hasil, lap.dokumen, lap.bab = hasil, dok, 0
    out: list[Unsur] = []
    for path in notebooks:
        for cell in sel_notebook(path):
            jenis, sumber = cell.get("cell_type"), sumber_sel(cell)
            if jenis == "markdown":
                out += _unsur_markdown(sumber)
            elif jenis == "code" and "parameters" not in tag_sel(cell):
                out += _unsur_kode(lap, sumber)
    return _pangkas(out)


def _unsur_markdown(sumber: str) -> list[Unsur]:
    """A Markdown cell: its headings, and the text between them."""
    out: list[Unsur] = []
    teks = re.sub(r"<!--.*?-->", "", sumber, flags=re.S)
    sisa: list[str] = []
    for baris in teks.splitlines():
        mm = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", baris)
        if mm:
            if "".join(sisa).strip():
                out.append(TeksBab("\n".join(sisa)))
            sisa = []
            out.append(JudulBab(min(len(mm.group(1)), 6), mm.group(2)))
        else:
            sisa.append(baris)
    if "".join(sisa).strip():
        out.append(TeksBab("\n".join(sisa)))
    return out


def _unsur_kode(lap: Any, sumber: str) -> list[Unsur]:
    """A code cell: the sections its ``lap.<bagian>(…)`` calls show."""
    out: list[Unsur] = []
    for nama, argumen in _panggilan(sumber):
        metode = getattr(lap, nama, None) if not nama.startswith("_") else None
        if not callable(metode):
            continue
        try:
            bagian = metode(*argumen)
        except (KeyError, TypeError, ValueError):
            continue
        if isinstance(bagian, m.Bagian):
            out.append(bagian)
    return out


def _ada_isi(u: Unsur) -> bool:
    if isinstance(u, TeksBab):
        return bool(u.teks.strip())
    return isinstance(u, m.Bagian) and bool(u.blok)


def _pangkas(unsur: list[Unsur]) -> list[Unsur]:
    """Leave out headings (level ≥ 2) without content before the next heading of the same
    or a higher level, then re-letter ``A.``, ``B.`` … of level-2 headings per chapter."""
    simpan: list[Unsur] = []
    for i, u in enumerate(unsur):
        if isinstance(u, JudulBab) and u.tingkat >= 2:
            ada = False
            for v in unsur[i + 1 :]:
                if isinstance(v, JudulBab):
                    if v.tingkat <= u.tingkat:
                        break
                    continue
                if _ada_isi(v):
                    ada = True
                    break
            if not ada:
                continue
        if isinstance(u, m.Bagian) and not u.blok:
            continue
        simpan.append(u)
    n = 0
    for u in simpan:
        if isinstance(u, JudulBab) and u.tingkat == 1:
            n = 0
        elif isinstance(u, JudulBab) and u.tingkat == 2:
            mm = re.match(r"^([A-Z])(\.\s)", u.teks)
            if mm and n < 26:
                u.teks = chr(ord("A") + n) + u.teks[1:]
                n += 1
    return simpan
