"""laporan.docx written by a child interpreter while the build's kernel runs the chapters.

Writing the DOCX takes about a second of Python: in a thread of the build it held the GIL that
the build's notebook client needs between the kernel's messages, so the chapters ran slower
and the DOCX ended after them. A child uses the second core instead: forked from the build
(on Linux: it has the build's modules and report model), else a fresh interpreter
(``python -m lkjip_helpers.keluaran.docx.anak SPEK.json``) that builds the model from the data
as the build does. It takes the charts from the build's chart cache
(:class:`~lkjip_helpers.laporan.grafik.TembolokGrafik`). On a cold build it first draws
the charts there itself, ahead of the kernel, which takes them as its chapters show them: each
chart is drawn once, by whichever process claims it first. A build without DOCX starts the
same child to draw the charts only (``SpekDocx.tujuan`` None). A failure comes back on stderr
as one JSON line (:class:`..cetak_terpisah.AnakCetak`).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..cetak_terpisah import AnakCetak, jalankan_anak


@dataclass(frozen=True)
class SpekDocx:
    """What the child needs: the report (satker, year, period, data), the chapter notebooks
    (the document's outline), where to write, the document's texts and the chart cache."""

    satker: str
    tahun: int
    periode: str
    data_dir: str
    bab: list[str]
    tujuan: str | None
    """Where laporan.docx goes; None: the child only draws the charts (a build without
    DOCX)."""
    judul: str
    penulis: str
    berjalan: str
    tembolok: str | None = None
    """The chart cache folder (None: every chart is drawn in the child)."""
    dasar: str = ""


class TulisDocxTerpisah(AnakCetak):
    """laporan.docx written by a child process (started at construction)."""

    def __init__(self, spek: SpekDocx, berkas_spek: Path) -> None:
        berkas_spek.write_text(json.dumps(asdict(spek)), encoding="utf-8")
        # forked where possible: the child has the build's modules and report model
        super().__init__(__name__, [str(berkas_spek)], berkas_spek, cabang=lambda: tulis(spek))

    def tunggu(self) -> None:
        """Wait for the child; raise its failure (an OSError stays one)."""
        galat = self.galat()
        if galat is not None:
            self.angkat(galat)


def tulis(spek: SpekDocx) -> None:
    """Write laporan.docx as :class:`SpekDocx` says, drawing the charts not kept yet first
    (the child's work; also callable in the calling process)."""
    from ...hitung import hasil_laporan
    from ...laporan import dokumen_laporan
    from ...laporan.grafik import TembolokGrafik

    hasil = hasil_laporan(spek.satker, spek.tahun, Path(spek.data_dir), periode=spek.periode)
    dok = dokumen_laporan(hasil)
    grafik = None
    if spek.tembolok is not None:
        grafik = TembolokGrafik(Path(spek.tembolok), spek.dasar)
        # This process, on the other core, draws the charts ahead of the kernel's chapters
        # (each chart once: the cache's claims; the kernel waits for a claimed one).
        grafik.gambar_dulu(
            [
                (g.masukan, g.lukis)
                for bab in dok.bab.values()
                for b in bab.values()
                for g in b.gambar
                if g.lukis is not None and g.masukan
            ]
        )
    if spek.tujuan is None:
        return
    from .laporan import tulis_docx_laporan

    tulis_docx_laporan(
        [Path(p) for p in spek.bab],
        hasil,
        dok,
        Path(spek.tujuan),
        judul=spek.judul,
        penulis=spek.penulis,
        berjalan=spek.berjalan,
        grafik=grafik,
    )


def _utama(argv: list[str]) -> int:
    def kerja() -> dict[str, Any] | None:
        isi = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
        tulis(SpekDocx(**isi))
        return None

    return jalankan_anak(kerja)


if __name__ == "__main__":
    sys.exit(_utama(sys.argv[1:]))
