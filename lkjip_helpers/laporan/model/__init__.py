"""The document model of the report: typed blocks that render themselves.

A report section (``Laporan.capaian_ringkas()`` …) returns a :class:`Bagian`, a list of blocks:
a :class:`Tabel` (caption, stable key, header rows, typed cells with full-precision values and
the report's display rules, notes), a :class:`Gambar` (key, caption, the chart), a
:class:`Rumus`, a :class:`Narasi` (analyst Markdown with placeholders), headings and
paragraphs. Every output renders from the same blocks:

- the report's HTML (:meth:`Blok.html`), stitched by the build;
- the notebook display in JupyterLab, nbviewer and the executed notebooks
  (:meth:`Bagian._repr_mimebundle_`: the HTML wrapped with the report's display CSS, plus the
  blocks as JSON (:mod:`lkjip_helpers.laporan.bundel`), from which the build assembles the
  report, its Excel workbook and CSV);
- Excel sheets (:meth:`Tabel.ke_sheet`) and DataFrames (:attr:`Tabel.df`).

Numbers are assigned by :class:`Dokumen` once, from the document order, and looked up by key,
so re-running a cell never renumbers a table and narrative can refer to a table by key.
"""

from .blok import (
    NILAI_RESMI,
    BagianRumus,
    Blok,
    Daftar,
    Html,
    Judul,
    Kelompok,
    Narasi,
    Paragraf,
    Pecahan,
    Rumus,
    Tebal,
    ratakan,
)
from .dokumen import STATIC, Bagian, Dokumen, Rujukan, gaya_tampilan
from .gambar import Gambar
from .sel import JenisSel, Sel, angka, bulat, nilai_satuan, persen, poin, rupiah, teks
from .tabel import Tabel, atur_cetak, dengan_nomor
from .tanda import (
    BARIS_UTUH,
    KOLOM_BANYAK,
    KOLOM_SANGAT_BANYAK,
    atribut,
    esc,
    esc_atribut,
    kelas_lebar,
    slug,
)

__all__ = [
    "BARIS_UTUH",
    "KOLOM_BANYAK",
    "KOLOM_SANGAT_BANYAK",
    "NILAI_RESMI",
    "STATIC",
    "Bagian",
    "BagianRumus",
    "Blok",
    "Daftar",
    "Dokumen",
    "Gambar",
    "Html",
    "JenisSel",
    "Judul",
    "Kelompok",
    "Narasi",
    "Paragraf",
    "Pecahan",
    "Rujukan",
    "Rumus",
    "Sel",
    "Tabel",
    "Tebal",
    "angka",
    "atribut",
    "atur_cetak",
    "bulat",
    "dengan_nomor",
    "esc",
    "esc_atribut",
    "gaya_tampilan",
    "kelas_lebar",
    "nilai_satuan",
    "persen",
    "poin",
    "ratakan",
    "rupiah",
    "slug",
    "teks",
]
