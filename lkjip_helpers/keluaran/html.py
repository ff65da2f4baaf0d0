"""The report as one self-contained HTML document, rendered from the model.

- :func:`siapkan_bab` reads one executed chapter notebook into the pieces of the report
  (:mod:`lkjip_helpers.laporan.naskah`): a section's display output carries the section's
  blocks as JSON (:data:`~lkjip_helpers.laporan.bundel.MIME_BAGIAN`); a markdown cell becomes
  its headings and sanitised markup; any other output of the analyst's is sanitised by the
  one nh3 policy (:func:`lkjip_helpers.laporan.html.bersihkan`) and read into blocks
  (:mod:`lkjip_helpers.laporan.markup`). Inputs, prompts, errors and stderr never appear.
  The tool's own sections are never parsed out of HTML.
- :func:`rakit` joins the chapters into one :class:`~lkjip_helpers.laporan.naskah.Naskah`,
  finishes it once (empty headings left out, sections lettered, ids, short tables, Daftar
  Isi / Tabel / Gambar) and returns a :class:`DokumenHtml`, whose ``str()`` is the page
  (Jinja template ``templates/dokumen/laporan.html.j2``, the report stylesheet inlined).
- :func:`dokumen_mandiri` renders blocks built in the build process (the review memo) into
  a page of the same kind (``templates/dokumen/mandiri.html.j2``).
"""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import __version__
from ..laporan.bundel import MIME_BAGIAN, bagian_dari_json
from ..laporan.html import bersihkan, sel_markdown
from ..laporan.markup import blok_markup
from ..laporan.model import Blok, Html, Kelompok, Tabel, esc, esc_atribut
from ..laporan.naskah import Keluaran, Naskah, Polos, Potongan, SelTeks, Tampilan

PAKET = Path(__file__).resolve().parent.parent
FOLDER_TEMPLATE = PAKET / "templates"
CSS_LAPORAN = PAKET / "static" / "laporan.css"
CSS_CETAK = PAKET / "static" / "cetak.css"

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
"""Content-Security-Policy of every document the tool writes: nothing may load or run but
its own inline styles and embedded images (a second line of defence after sanitising)."""


@cache
def lingkungan_template() -> Environment:
    """The Jinja environment of the page shells (``templates/``): values are escaped
    explicitly with the model's escaper (``| esc``, ``| esc_atribut``); ``isi`` is markup
    rendered from the model."""
    env = Environment(
        loader=FileSystemLoader(str(FOLDER_TEMPLATE)),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters["esc"] = esc
    env.filters["esc_atribut"] = esc_atribut
    return env


def halaman(template: str, isi: str, judul: str, kelas: str, gaya: str = "") -> str:
    """A complete page: ``template`` around ``isi`` with the report stylesheet inlined."""
    return (
        lingkungan_template()
        .get_template(template)
        .render(
            csp=CSP,
            versi=__version__,
            judul=judul,
            css=CSS_LAPORAN.read_text(encoding="utf-8"),
            kelas=kelas,
            isi=isi,
            gaya=gaya,
        )
    )


# --------------------------------------------------------------------------- notebook → pieces


def _teks(data: Any) -> str:
    return "".join(data) if isinstance(data, list) else str(data)


def _pre(teks: str) -> Keluaran:
    return Keluaran([Html(f'<pre class="keluaran-teks">{esc(teks)}</pre>')])


def _gambar(mime: str, isi: Any) -> Keluaran:
    b64 = _teks(isi).replace("\n", "")
    if mime == "image/svg+xml":  # an SVG as an image: it can run nothing there
        b64 = base64.b64encode(_teks(isi).encode("utf-8")).decode("ascii")
    return Keluaran(
        [Html(f'<div class="keluaran-gambar"><img alt="" src="data:{mime};base64,{b64}"/></div>')]
    )


_TAMPILAN = {
    "text/html": lambda x: Keluaran.dari(blok_markup(bersihkan(_teks(x)))),
    "text/markdown": lambda x: Keluaran.dari(sel_markdown(_teks(x))),
    "image/svg+xml": lambda x: _gambar("image/svg+xml", x),
    "image/png": lambda x: _gambar("image/png", x),
    "image/jpeg": lambda x: _gambar("image/jpeg", x),
    "text/latex": lambda x: _pre(_teks(x)),
    "text/plain": lambda x: _pre(_teks(x)),
}
"""How an output of the analyst's shows, by mimetype in order of preference (no MathJax:
LaTeX is shown as text)."""


def _potongan_keluaran(keluaran: dict[str, Any]) -> Potongan | None:
    """One output of a code cell: a section's display, or an output of the analyst's.
    stderr and errors fail the build before; they never show."""
    jenis = keluaran.get("output_type")
    if jenis == "stream":
        return _pre(_teks(keluaran.get("text", ""))) if keluaran.get("name") == "stdout" else None
    data = keluaran.get("data") or {}
    if jenis not in ("display_data", "execute_result"):
        return None
    if MIME_BAGIAN in data:
        bagian = bagian_dari_json(data[MIME_BAGIAN])
        ids: set[str] = set()
        bagian.blok = _bersihkan_blok(bagian.blok, ids)
        return Tampilan(bagian, ids)
    mime = next((m for m in _TAMPILAN if m in data), None)
    return _TAMPILAN[mime](data[mime]) if mime else None


def _bersihkan_blok(blok: list[Blok], ids: set[str]) -> list[Blok]:
    """A section's markup blocks (a rendered narrative, the cover) through the same policy as
    anything else read from a notebook: its JSON is a file like any other. The tool's own
    markup comes out unchanged; its headings, tables and figures become blocks."""
    out: list[Blok] = []
    for b in blok:
        if isinstance(b, Html):
            m = blok_markup(bersihkan(b.isi))
            out += m.blok
            ids |= m.ids
        else:
            if isinstance(b, Kelompok):
                b.blok = _bersihkan_blok(b.blok, ids)
            out.append(b)
    return out


def baca_bab(nb: dict[str, Any]) -> list[Potongan]:
    """The pieces of one executed chapter notebook (its JSON), in order."""
    out: list[Potongan] = []
    for sel in nb.get("cells") or []:
        if sel.get("cell_type") == "markdown":
            out.append(SelTeks.dari(sel_markdown(_teks(sel.get("source", "")))))
        elif sel.get("cell_type") == "code":
            out += [p for k in sel.get("outputs") or [] if (p := _potongan_keluaran(k))]
    return out


def siapkan_bab(path: Path) -> list[Potongan]:
    """Read one executed chapter notebook into the report's pieces (see the module)."""
    return baca_bab(json.loads(path.read_text(encoding="utf-8")))


# --------------------------------------------------------------------------- document


@dataclass
class DokumenHtml:
    """The finished report: its pieces, and as ``str()`` the complete HTML page."""

    naskah: Naskah
    judul: str = ""
    kelas: str = "laporan"
    gaya: str = ""
    """Extra ``<style>`` elements after ``<main>`` (the roll-up's print rules)."""

    @property
    def tabel(self) -> list[Tabel]:
        """Every table of the report in document order (for the workbook)."""
        return self.naskah.tabel

    def __str__(self) -> str:
        return halaman(
            "dokumen/laporan.html.j2", self.naskah.html(), self.judul, self.kelas, self.gaya
        )


def rakit(
    bab: Iterable[list[Potongan]], judul: str = "", *, daftar: bool = True, bab_h1: bool = True
) -> DokumenHtml:
    """Join the chapters (in order) into one document and finish it (see the module)."""
    naskah = Naskah([p for potongan in bab for p in potongan])
    if not naskah.potongan:
        raise ValueError("tidak ada bab untuk dirakit")
    return DokumenHtml(naskah.selesaikan(daftar=daftar, bab=bab_h1), judul)


def dokumen_mandiri(
    blok: Iterable[Blok], judul: str, kelas: str = "laporan", dok: Any = None
) -> str:
    """A complete, self-contained HTML page of ``blok`` (rendered in the build process, e.g.
    the review memo): the report stylesheet inlined, headings h1–h3 with unique ids."""
    naskah = Naskah([Polos(copy.deepcopy(list(blok)), dok)])  # ids set on a copy
    naskah.beri_id()
    return halaman("dokumen/mandiri.html.j2", naskah.html(), judul, kelas)
