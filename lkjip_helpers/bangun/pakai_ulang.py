"""Reuse within a build: chapters whose display did not change, PDFs whose HTML did not change.

The whole-report cache (:mod:`.sidik`) answers "nothing changed". When something did, most of a
report usually did not: an edited narrative changes one chapter, an answered finding changes
only the review memo. Two finer keys, both made from inputs and recorded in ``build.json``:

- **per chapter** (``kunci_bab``): the chapter notebook's cells and kernelspec
  (:func:`~.sidik.isi_notebook`: not its outputs), the code and environment part
  of the input fingerprint (``kode/``, ``lingkungan/``), the notebook parameters and the
  fingerprint of everything the chapter's sections show, computed from the document model in
  the build process without drawing a chart (:meth:`~lkjip_helpers.laporan.model.Dokumen.sidik_bab`).
  An unchanged chapter's executed notebook is taken from the previous report instead of being
  run again.
- **per PDF** (``kunci_pdf``): the exact HTML printed (print stylesheet and running header
  included), WeasyPrint's version and the installed fonts. An unchanged PDF is copied.
- **laporan.docx** (``kunci_docx``): every chapter notebook's cells, everything every chapter
  of the model shows, the title and running header, and the code and environment. An
  unchanged DOCX is copied (its charts, when it is written, are the chapters' own, from the
  chart cache :class:`~lkjip_helpers.laporan.grafik.TembolokGrafik`).
- **tinjauan.docx** (``kunci_docx_memo``): the memo's HTML (the same blocks rendered), its
  title, author and running header, and the code and environment. An edited narrative
  changes no finding: the memo's DOCX, like its PDF, is copied.

A chapter without a ``Laporan(..., bab=…)`` call in a code cell (a custom notebook) is always
executed; the call is found in the cells' syntax tree (:func:`bab_notebook`).
"""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from .sidik import isi_notebook


def bab_notebook(path: Path) -> int | str | None:
    """The chapter code a chapter notebook builds: the constant ``bab`` argument of its
    ``Laporan(...)`` call (``bab=3`` → 3, ``bab="E"`` → "E"), read from the code cells' syntax
    tree; None when it has none (or the notebook or a cell cannot be read)."""
    from ..muat.notebook import sel_notebook, sumber_sel

    try:
        sel = [c for c in sel_notebook(path) if c.get("cell_type") == "code"]
    except (OSError, ValueError):
        return None
    for c in sel:
        try:
            pohon = ast.parse(sumber_sel(c))
        except SyntaxError:  # IPython magics: the cell names no chapter the build could use
            continue
        for node in ast.walk(pohon):
            bab = _bab_panggilan(node)
            if bab is not None:
                return bab
    return None


def _bab_panggilan(node: ast.AST) -> int | str | None:
    """``bab`` of a ``Laporan(..., bab=<constant>)`` call node, else None."""
    if not isinstance(node, ast.Call):
        return None
    fungsi = node.func
    nama = fungsi.id if isinstance(fungsi, ast.Name) else getattr(fungsi, "attr", None)
    if nama != "Laporan":
        return None
    for kw in node.keywords:
        if kw.arg == "bab" and isinstance(kw.value, ast.Constant):
            v = kw.value.value
            if isinstance(v, int) and not isinstance(v, bool):
                return v
            if isinstance(v, str) and v.isalnum():
                return int(v) if v.isdigit() else v
    return None


def _sha(*bagian: str | bytes) -> str:
    h = hashlib.sha256()
    for b in bagian:
        h.update(b if isinstance(b, bytes) else b.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def kunci_bab(
    notebooks: list[Path], dokumen: Any, sidik: Any, parameter: dict[str, Any]
) -> dict[str, str]:
    """Key per chapter notebook name (only chapters that build a known chapter)."""
    dasar = _kode_lingkungan(sidik)
    param = json.dumps(parameter, sort_keys=True, default=str)
    hasil: dict[str, str] = {}
    for path in notebooks:
        bab = bab_notebook(path)
        isi = dokumen.sidik_bab(bab) if bab is not None else None
        if isi is None:
            continue
        hasil[path.name] = _sha(isi_notebook(path), dasar, param, isi)
    return hasil


def rekam_lama(final: Path) -> dict[str, Any]:
    """The previous report's build.json (empty when there is none or it cannot be read)."""
    try:
        isi = json.loads((final / "build.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return isi if isinstance(isi, dict) else {}


def salin_bab(
    final: Path, lama: dict[str, Any], nama: str, kunci: str | None, tujuan: Path
) -> bool:
    """Copy the previous report's executed notebook ``nama`` into ``tujuan`` when its key is
    ``kunci``; return whether it did."""
    sumber = final / "notebooks" / nama
    if (
        kunci is None
        or (lama.get("notebook_keys") or {}).get(nama) != kunci
        or not sumber.is_file()
    ):
        return False
    shutil.copy2(sumber, tujuan)
    return True


def _kode_lingkungan(sidik: Any) -> str:
    """The code and environment part of the input fingerprint (package files, Python,
    installed distributions with WeasyPrint among them, fonts)."""
    if sidik is None:
        return ""
    return json.dumps(
        {k: v for k, v in sidik.berkas.items() if k.startswith(("kode/", "lingkungan/"))},
        sort_keys=True,
    )


def kunci_pdf(html: str, judul_berjalan: str, sidik: Any, arsip: Any = None) -> str:
    """Key of a PDF: the HTML and running header printed, and the code and environment that
    print them (print stylesheet, WeasyPrint's version, fonts); for an archival PDF
    (:class:`~lkjip_helpers.keluaran.pdf.ArsipPdf`) also the files it carries."""
    if arsip is None:
        return _sha(html, judul_berjalan, _kode_lingkungan(sidik))
    return _sha(html, judul_berjalan, _kode_lingkungan(sidik), arsip.kunci)


def salin_pdf(
    final: Path, lama: dict[str, Any], nama: str, kunci: str, tujuan: Path, arsip: Any = None
) -> bool:
    """Copy the previous report's PDF ``nama`` to ``tujuan`` when its key is ``kunci``.

    An archival PDF carries tabel.xlsx, whose bytes change at every write (its timestamps)
    although the key (the tables it holds) did not: the previous tabel.xlsx, the one that
    PDF carries, is copied with it, so the side file and the embedded one stay identical."""
    ikut = []
    if arsip is not None:
        from ..keluaran.pdf import TERTANAM_TABEL

        ikut.append((final / TERTANAM_TABEL, tujuan.parent / TERTANAM_TABEL))
    kunci_lama = (lama.get("pdf_keys") or {}).get(nama)
    return _salin(final / nama, kunci_lama, kunci, tujuan, *ikut)


def _salin(
    sumber: Path, kunci_lama: object, kunci: str, tujuan: Path, *ikut: tuple[Path, Path]
) -> bool:
    """Copy the previous report's ``sumber`` to ``tujuan`` when the key recorded for it,
    ``kunci_lama``, is ``kunci``, with the files ``ikut`` (source, target) that go with it;
    nothing is copied when any of them is missing."""
    if kunci_lama != kunci or not all(a.is_file() for a in (sumber, *(a for a, _ in ikut))):
        return False
    for a, b in (*ikut, (sumber, tujuan)):
        shutil.copy2(a, b)
    return True


def kunci_docx(notebooks: list[Path], dokumen: Any, sidik: Any, *teks: str) -> str:
    """Key of laporan.docx: the notebooks' cells (their headings and text, the sections they
    call), the fingerprint of every chapter of the model (what those sections show), ``teks``
    (title, author, running header, parameters) and the code and environment that write it
    (python-docx's and matplotlib's versions, fonts)."""
    bab = "|".join(f"{b}={dokumen.sidik_bab(b)}" for b in dokumen.bab)
    return _sha(
        "laporan.docx", _kode_lingkungan(sidik), bab, *(isi_notebook(p) for p in notebooks), *teks
    )


def kunci_docx_memo(isi: tuple[str, ...], sidik: Any) -> str:
    """Key of tinjauan.docx: ``isi`` (the memo's HTML, title, author and running header,
    :func:`~lkjip_helpers.keluaran.tinjauan.tulis_tinjauan`) and the code and environment
    that write it."""
    return _sha("tinjauan.docx", _kode_lingkungan(sidik), *isi)


def kunci_xlsx(tabel: list[Any], judul: str, sidik: Any) -> str:
    """Key of tabel.xlsx: the tables it holds (as the PDF's embedded copy is keyed), the
    report's title and the code and environment that write it (openpyxl's version)."""
    import json

    isi = json.dumps([t.ke_json() for t in tabel], sort_keys=True, ensure_ascii=False)
    return _sha("tabel.xlsx", _kode_lingkungan(sidik), judul, isi)


def salin_xlsx(final: Path, lama: dict[str, Any], kunci: str, tujuan: Path) -> bool:
    """Copy the previous report's tabel.xlsx to ``tujuan`` when its key is ``kunci``."""
    return _salin(final / "tabel.xlsx", lama.get("xlsx_key"), kunci, tujuan)


def salin_docx(final: Path, lama: dict[str, Any], nama: str, kunci: str, tujuan: Path) -> bool:
    """Copy the previous report's DOCX ``nama`` to ``tujuan`` when its key is ``kunci``."""
    return _salin(final / nama, (lama.get("docx_keys") or {}).get(nama), kunci, tujuan)
