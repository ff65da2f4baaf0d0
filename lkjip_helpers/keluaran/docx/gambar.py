"""Figures: the chart at its own size on the page. The picture comes from the build's chart
cache (:class:`lkjip_helpers.laporan.grafik.TembolokGrafik`: kept by a previous build, else
the one the chapter drew), else it is drawn here."""

from __future__ import annotations

import base64
import io
from typing import TYPE_CHECKING, Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from ...laporan import model as m
from .gaya import DPI_CETAK, LEBAR_TEKS_MM

if TYPE_CHECKING:
    from .penulis import PenulisDocx


def _lebar_gambar(data: bytes, mime: str, g: m.Gambar) -> Any:
    """Width on the page: the chart's own size at the dpi it was drawn, at most the text
    width (a satker's photo: the text width)."""
    if mime == "image/png" and len(data) > 24 and g.masukan and data[12:16] == b"IHDR":
        lebar_px = int.from_bytes(data[16:20], "big")
        mm_ = lebar_px / DPI_CETAK * 25.4
        return Mm(min(LEBAR_TEKS_MM, mm_))
    return Mm(LEBAR_TEKS_MM)


def tulis_gambar(pd: PenulisDocx, g: m.Gambar) -> None:
    """The picture, centred and kept with its caption (a ``SEQ Gambar_<bab>`` number)."""
    mime, isi = pd.grafik.gambar(g) if pd.grafik is not None else g.gambar()
    data = base64.b64decode(isi)
    p = pd.paragraf()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    if mime in ("image/png", "image/jpeg", "image/gif", "image/bmp"):
        p.add_run().add_picture(io.BytesIO(data), width=_lebar_gambar(data, mime, g))
    else:  # SVG: python-docx cannot place it; the caption still names it
        p.add_run(f"[{g.alt or g.judul}: gambar {mime} tidak dapat dimuat di Word]")
    pd.keterangan("Gambar", g.nomor, g.judul)
