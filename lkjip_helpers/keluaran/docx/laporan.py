"""The two documents: ``laporan.docx`` (cover, front matter with the contents and lists as
fields, then the chapters as the notebooks order them) and the review memo's DOCX."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx

from ...laporan import model as m
from ...laporan import teks_kaya as tk
from ...laporan.grafik import TembolokGrafik
from .bidang import _daftar
from .gaya import dokumen_baru
from .narasi import tulis_simpul
from .penulis import PenulisDocx
from .susunan import JudulBab, TeksBab, Unsur, susunan_notebook

if TYPE_CHECKING:
    from ...hitung import HasilLaporan


@dataclass
class DocxDitulis:
    path: Path
    judul: list[str]
    tabel: int
    gambar: int


def _judul_dokumen(d: Any) -> list[str]:
    """The texts of the document's heading paragraphs. Looked up by the style id each
    paragraph names: python-docx's ``Paragraph.style`` searches the styles again for every
    paragraph without one (a third of a second for the report)."""
    nama = {s.style_id: s.name for s in d.styles}
    return [
        p.text for p in d.paragraphs if (nama.get(p._p.style or "") or "").startswith("Heading")
    ]


def tulis_docx_laporan(
    notebooks: list[Path],
    hasil: HasilLaporan,
    dok: m.Dokumen,
    tujuan: Path,
    *,
    judul: str,
    penulis: str,
    berjalan: str,
    grafik: TembolokGrafik | None = None,
) -> DocxDitulis:
    """Write ``laporan.docx``: cover and kata pengantar, the contents and the lists of tables
    and figures (fields), then the chapters as the notebooks order them. ``grafik``: the
    charts drawn by previous builds (else every chart is drawn)."""
    susunan = susunan_notebook(notebooks, hasil, dok)
    d = dokumen_baru(judul, penulis, "Laporan Kinerja Instansi Pemerintah (LKjIP)", berjalan)
    pd = PenulisDocx(d, dok, grafik)
    # front matter after the cover and kata pengantar (as the HTML: keluaran.html.sisipkan_daftar)
    awal = 0
    for i, u in enumerate(susunan):
        if isinstance(u, JudulBab) and u.tingkat == 1:
            break
        awal = i + 1
    for u in susunan[:awal]:
        _tulis(pd, u)
    semua = [x for u in susunan if isinstance(u, m.Bagian) for x in m.ratakan(u.blok)]
    tabel = [x for x in semua if isinstance(x, m.Tabel) and x.bernomor]
    gambar = [x for x in semua if isinstance(x, m.Gambar)]
    _daftar_depan(pd, susunan, tabel, gambar)
    for u in susunan[awal:]:
        _tulis(pd, u)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(tujuan))
    return DocxDitulis(
        tujuan,
        _judul_dokumen(d),
        len(tabel),
        len(gambar),
    )


def _daftar_depan(
    pd: PenulisDocx, susunan: list[Unsur], tabel: list[m.Tabel], gambar: list[m.Gambar]
) -> None:
    """Daftar Isi, Daftar Tabel and Daftar Gambar (the last two when there are any)."""
    judul_bab = [u for u in susunan if isinstance(u, JudulBab) and u.tingkat <= 3]
    _daftar(
        pd,
        "DAFTAR ISI",
        'TOC \\o "1-3" \\h \\z \\u',
        ["KATA PENGANTAR"] + [("    " * (u.tingkat - 1)) + u.teks for u in judul_bab],
    )
    for jenis, isi in (("Tabel", tabel), ("Gambar", gambar)):
        if isi:
            _daftar(
                pd,
                f"DAFTAR {jenis.upper()}",
                f'TOC \\h \\z \\t "Keterangan {jenis},1"',
                [f"{x.label} {x.judul}" for x in isi],
            )


def _tulis(pd: PenulisDocx, u: Unsur) -> None:
    if isinstance(u, JudulBab):
        pd.judul(u.tingkat, u.teks)
    elif isinstance(u, TeksBab):
        tulis_simpul(pd, tk.dari_markdown(u.teks))
    else:
        for b in u.blok:
            pd.blok(b)


def tulis_docx_blok(
    blok: Iterable[m.Blok],
    dok: m.Dokumen | None,
    tujuan: Path,
    *,
    judul: str,
    penulis: str,
    berjalan: str,
    subjek: str,
) -> Path:
    """Write blocks (the review memo) as one DOCX."""
    d = dokumen_baru(judul, penulis, subjek, berjalan)
    pd = PenulisDocx(d, dok)
    for b in blok:
        pd.blok(b)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(tujuan))
    return tujuan


def ringkasan(path: Path) -> dict[str, Any]:
    """Headings, captions and table count of a DOCX (for tests and reviewers)."""
    d = docx.Document(str(path))
    return {
        "judul": _judul_dokumen(d),
        "keterangan": [p.text for p in d.paragraphs if p.style.name == "Caption"],
        "tabel": len(d.tables),
    }
