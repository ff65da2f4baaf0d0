"""Figures: the chart drawn again at print resolution, at its own size on the page; a chart
already drawn by a previous build is taken from the chart cache (:class:`TembolokGrafik`)."""

from __future__ import annotations

import base64
import hashlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from ...laporan import model as m
from .gaya import DPI_CETAK, LEBAR_TEKS_MM

if TYPE_CHECKING:
    from .penulis import PenulisDocx


def _gambar_cetak(g: m.Gambar) -> tuple[str, str]:
    """The figure's picture, a chart drawn again at :data:`DPI_CETAK` (nothing cached)."""
    from ...laporan import grafik

    with grafik.resolusi(DPI_CETAK):
        return g.buat()


@dataclass
class TembolokGrafik:
    """Charts drawn at :data:`DPI_CETAK` kept between builds as PNG files, one per chart,
    named by the key of what it is drawn from: the figure's inputs (:attr:`~lkjip_helpers.
    laporan.model.Gambar.masukan`: the chart function and its arguments), the resolution, and
    ``dasar`` (the code and environment that draw it: package files, matplotlib's version,
    fonts). A rebuild whose charts did not change draws none. Used by one build at a time
    (the report's output lock); :meth:`rapikan` drops the charts this build did not use."""

    folder: Path
    dasar: str
    dipakai: set[str] = field(default_factory=set)

    def _kunci(self, g: m.Gambar) -> str:
        isi = "\0".join((self.dasar, g.masukan or "", str(DPI_CETAK)))
        return hashlib.sha256(isi.encode("utf-8")).hexdigest()

    def gambar(self, g: m.Gambar) -> tuple[str, str]:
        """The figure's picture at :data:`DPI_CETAK`: from the cache, or drawn and kept."""
        if not g.masukan:  # a satker's image file: read, not drawn
            return _gambar_cetak(g)
        nama = self._kunci(g) + ".png"
        path = self.folder / nama
        self.dipakai.add(nama)
        try:
            return "image/png", base64.b64encode(path.read_bytes()).decode("ascii")
        except OSError:
            pass
        mime, isi = _gambar_cetak(g)
        if mime == "image/png":
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                sementara = path.with_name(f".{nama}.{os.getpid()}")
                sementara.write_bytes(base64.b64decode(isi))
                os.replace(sementara, path)
            except OSError:  # a cache that cannot be written: drawn again next time
                pass
        return mime, isi

    def rapikan(self) -> None:
        """Remove the charts (and leftovers) this build did not use."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name not in self.dipakai:
                path.unlink(missing_ok=True)


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
    mime, isi = pd.grafik.gambar(g) if pd.grafik is not None else _gambar_cetak(g)
    data = base64.b64decode(isi)
    p = pd.paragraf()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    if mime in ("image/png", "image/jpeg", "image/gif", "image/bmp"):
        p.add_run().add_picture(io.BytesIO(data), width=_lebar_gambar(data, mime, g))
    else:  # SVG: python-docx cannot place it; the caption still names it
        p.add_run(f"[{g.alt or g.judul}: gambar {mime} tidak dapat dimuat di Word]")
    pd.keterangan("Gambar", g.nomor, g.judul)
