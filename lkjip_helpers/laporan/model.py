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

from __future__ import annotations

import hashlib
import html as _html
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import format_id as f
from ..tidak_diketahui import TidakDiketahui

if TYPE_CHECKING:
    import pandas as pd
    from openpyxl.worksheet.worksheet import Worksheet

JenisSel = Literal["teks", "angka", "persen", "rupiah", "poin"]

STATIC = Path(__file__).resolve().parent.parent / "static"


def esc(teks: object) -> str:
    """HTML-escape a value for element text (``&``, ``<``, ``>``): the one path from text to
    HTML. For an attribute value use :func:`esc_atribut`."""
    return _html.escape("" if teks is None else str(teks), quote=False)


def esc_atribut(teks: object) -> str:
    """HTML-escape a value for a double-quoted attribute (``&``, ``<``, ``>``, ``"``)."""
    return esc(teks).replace('"', "&quot;")


def atribut(**nilai: object) -> str:
    """Attributes in name order (`` class="a" id="b"``), escaped; ``None``/empty values are
    left out; ``kelas`` is written ``class`` and ``data_kunci`` ``data-kunci``. Name order is
    the documents' one canonical form, so equal content always renders to equal bytes."""
    pasangan = sorted(
        ("class" if nama == "kelas" else nama.replace("_", "-"), v)
        for nama, v in nilai.items()
        if v is not None and v != ""
    )
    return "".join(f' {nama}="{esc_atribut(v)}"' for nama, v in pasangan)


def slug(teks: str) -> str:
    """``Tabel 3.1 SK1.1`` → ``tabel-3-1-sk1-1`` (ids and keys)."""
    s = re.sub(r"[^a-z0-9]+", "-", str(teks).lower()).strip("-")
    return s or "bagian"


# --------------------------------------------------------------------------- cells


@dataclass(frozen=True)
class Sel:
    """A table cell: the text the report shows and, for a figure, its full-precision value.

    ``jenis`` says what the value is (``persen`` values are percent numbers, 121.92 for
    121,92 %); ``satuan`` is the unit printed after an ``angka`` (``Layanan``, ``orang``).
    """

    teks: str
    nilai: Decimal | int | None = None
    jenis: JenisSel = "teks"
    desimal: int = 2
    ringkas: bool = False
    satuan: str | None = None
    kelas: str | None = None
    rentang: int = 1
    baris: int = 1

    @property
    def angka(self) -> bool:
        """Whether the cell holds a number (rendered right-aligned, a number in Excel)."""
        return self.nilai is not None and self.jenis != "teks"

    def ke_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"teks": self.teks}
        if self.nilai is not None:
            d["nilai"] = str(self.nilai)
        for nama, bawaan in (
            ("jenis", "teks"),
            ("desimal", 2),
            ("ringkas", False),
            ("satuan", None),
            ("kelas", None),
            ("rentang", 1),
            ("baris", 1),
        ):
            v = getattr(self, nama)
            if v != bawaan:
                d[nama] = v
        return d

    @classmethod
    def dari_json(cls, d: dict[str, Any]) -> Sel:
        d = dict(d)
        if "nilai" in d:
            d["nilai"] = Decimal(d["nilai"])
        return cls(**d)

    def format_excel(self) -> str:
        """The Excel number format that shows the value as the report does."""
        if not self.angka:
            return "General"
        bulat = self.ringkas and self.nilai is not None and self.nilai == int(self.nilai)
        des = 0 if bulat else self.desimal
        pola = "#,##0" + ("." + "0" * des if des else "")
        if self.jenis == "persen":  # a percent number with a literal % (no ×100 by Excel)
            return ("#,##0" + ("." + "0" * des if des else "")) + '"%"'
        if self.jenis == "rupiah":
            return f'"Rp"{pola};-"Rp"{pola}'
        if self.jenis == "poin":
            return f'+{pola}" poin";-{pola}" poin";{pola}" poin"'
        if self.satuan:
            return f'{pola}" {self.satuan.replace(chr(34), "")}"'
        return pola

    def nilai_excel(self) -> float | int | str:
        """The value written to Excel: the number as the report prints it, a percent as a
        percent number (121,92 % → 121.92, shown ``121,92%`` by :meth:`format_excel`), the
        unit of ``capaian_ikk.csv`` and of the analyst DataFrames."""
        if not self.angka:
            return self.teks
        assert self.nilai is not None
        v = Decimal(self.nilai)
        if v == v.to_integral_value() and abs(v) < 2**53:
            return int(v)
        return float(v)


def teks(isi: object, kelas: str | None = None, rentang: int = 1, baris: int = 1) -> Sel:
    """A text cell."""
    return Sel("" if isi is None else str(isi), kelas=kelas, rentang=rentang, baris=baris)


def angka(
    nilai: Decimal | int | None,
    desimal: int = 2,
    *,
    ringkas: bool = False,
    satuan: str | None = None,
    kelas: str | None = None,
    rentang: int = 1,
    baris: int = 1,
) -> Sel:
    """A number: ``1.234,57`` (``ringkas`` drops ``,00``), optionally followed by a unit."""
    if nilai is None:
        return teks(f.KOSONG, kelas, rentang, baris)
    if isinstance(nilai, TidakDiketahui):
        return teks(f.TIDAK_TERSEDIA, kelas, rentang, baris)
    t = f.angka(nilai, desimal, ringkas=ringkas) + (f" {satuan}" if satuan else "")
    return Sel(t, nilai, "angka", desimal, ringkas, satuan, kelas, rentang, baris)


def persen(
    nilai: Decimal | int | None,
    desimal: int = 2,
    *,
    ringkas: bool = False,
    kelas: str | None = None,
    rentang: int = 1,
    baris: int = 1,
) -> Sel:
    """A percentage (the value in percent): ``121,92%``."""
    if nilai is None:
        return teks(f.KOSONG, kelas, rentang, baris)
    if isinstance(nilai, TidakDiketahui):
        return teks(f.TIDAK_TERSEDIA, kelas, rentang, baris)
    t = f.persen(nilai, desimal, ringkas=ringkas)
    return Sel(t, nilai, "persen", desimal, ringkas, None, kelas, rentang, baris)


def rupiah(nilai: Decimal | int | None, kelas: str | None = None) -> Sel:
    """An amount of money: ``Rp16.466.041.000``."""
    if nilai is None:
        return teks(f.KOSONG, kelas)
    if isinstance(nilai, TidakDiketahui):
        return teks(f.TIDAK_TERSEDIA, kelas)
    return Sel(f.rupiah(nilai), nilai, "rupiah", 0, False, None, kelas)


def poin(nilai: Decimal | int | None, kelas: str | None = None) -> Sel:
    """A difference in percentage points: ``+3,50 poin``."""
    if nilai is None:
        return teks(f.KOSONG, kelas)
    if isinstance(nilai, TidakDiketahui):
        return teks(f.TIDAK_TERSEDIA, kelas)
    return Sel(f.poin(nilai), nilai, "poin", 2, False, None, kelas)


def nilai_satuan(nilai: Decimal | int | None, satuan: str, kelas: str | None = None) -> Sel:
    """A target/realisasi in its unit: ``80%`` (percent) or ``38 Gedung/Bangunan``."""
    if satuan.strip() == "%":
        return persen(nilai, ringkas=True, kelas=kelas)
    return angka(nilai, ringkas=True, satuan=satuan, kelas=kelas)


def bulat(nilai: Decimal | int | None, satuan: str | None = None, kelas: str | None = None) -> Sel:
    """A whole number with thousands separators: ``1.117 orang``."""
    return angka(nilai, 0, satuan=satuan, kelas=kelas)


KOLOM_BANYAK = 8
KOLOM_SANGAT_BANYAK = 12
BARIS_UTUH = 10
"""A table of at most this many body rows is never split across pages (class ``utuh``)."""


def kelas_lebar(kolom: int) -> str | None:
    """Class of a table of ``kolom`` columns: ``kolom-banyak`` (>= 8) or
    ``kolom-sangat-banyak`` (>= 12), set in smaller type; None for a narrower one."""
    if kolom >= KOLOM_SANGAT_BANYAK:
        return "kolom-sangat-banyak"
    return "kolom-banyak" if kolom >= KOLOM_BANYAK else None


def _sel(x: Sel | str | object) -> Sel:
    return x if isinstance(x, Sel) else teks(x)


def _td(c: Sel, tag: str = "td") -> str:
    kelas = [k for k in (c.kelas, "angka" if c.angka and tag == "td" else None) if k]
    attr = atribut(
        kelas=" ".join(kelas) or None,
        colspan=c.rentang if c.rentang > 1 else None,
        rowspan=c.baris if c.baris > 1 else None,
    )
    return f"<{tag}{attr}>{esc(c.teks)}</{tag}>"


# --------------------------------------------------------------------------- blocks


class Blok:
    """A block of the document. Subclasses render themselves to HTML."""

    def html(self, dok: Dokumen | None = None) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def teks_polos(self, dok: Dokumen | None = None) -> str:
        """Plain text (for notebooks' text/plain output and searches); ``dok`` resolves
        cross-references ``{{ tabel:… }}`` in narratives."""
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", self.html(dok))).strip()

    def sidik(self, dok: Dokumen | None = None) -> str:
        """Fingerprint of what the block shows (sha256); equal fingerprints render the same.
        A figure's is computed from its inputs, without drawing it."""
        return hashlib.sha256(self.html(dok).encode("utf-8")).hexdigest()


@dataclass
class Judul(Blok):
    """A heading inside a section (h3–h5; chapter and section headings are the notebooks')."""

    tingkat: int
    isi: str
    id: str | None = None
    kelas: str | None = None

    def html(self, dok: Dokumen | None = None) -> str:
        attr = atribut(kelas=self.kelas, id=self.id)
        return f"<h{self.tingkat}{attr}>{esc(self.isi)}</h{self.tingkat}>"


@dataclass
class Paragraf(Blok):
    """A paragraph of text drafted by the tool (escaped, no Markdown)."""

    isi: str
    kelas: str | None = None

    def html(self, dok: Dokumen | None = None) -> str:
        return f"<p{atribut(kelas=self.kelas)}>{esc(self.isi)}</p>"


@dataclass
class Daftar(Blok):
    """A list of plain-text items."""

    butir: list[str]
    berurut: bool = True

    def html(self, dok: Dokumen | None = None) -> str:
        tag = "ol" if self.berurut else "ul"
        return f"<{tag}>" + "".join(f"<li>{esc(b)}</li>" for b in self.butir) + f"</{tag}>"


@dataclass
class Narasi(Blok):
    """Analyst text (Markdown, sanitised) whose ``{{ … }}`` placeholders are filled in.

    ``isi`` resolves a placeholder name to its text (figures, formatted as the tables format
    them); cross-references ``{{ tabel:<kunci> }}`` are resolved against the document.
    """

    teks: str
    isi: Callable[[str, str], str] | None = None
    kelas: str | None = None

    def asal_angka(self) -> list[tuple[str, str]]:
        """Where every number this text prints comes from: ``(text, asal)`` with ``asal``
        ``isian`` (a computed figure by placeholder), ``resmi`` (an official score by
        placeholder, printed as published), ``rujukan`` (a table or figure number) or
        ``literal`` (typed by the analyst; examined by :mod:`lkjip_helpers.periksa.literal`)."""
        from ..muat.sisipan import POLA, cari_sisipan
        from ..periksa.narasi import _ANGKA

        out: list[tuple[str, str]] = []
        for x in cari_sisipan(self.teks):
            if x.rujukan is not None:
                out.append((x.teks, "rujukan"))
            elif x.besaran in NILAI_RESMI:
                out.append((x.teks, "resmi"))
            else:
                out.append((x.teks, "isian"))
        polos = POLA.sub(" ", self.teks)
        out += [(m.group(0).strip(), "literal") for m in _ANGKA.finditer(polos)]
        return out

    def html(self, dok: Dokumen | None = None) -> str:
        from .html import markdown
        from .narasi import isi_sisipan

        teks = isi_sisipan(self.teks, self.isi, dok)
        keluar = markdown(teks)
        if self.kelas and keluar:
            return f"<div{atribut(kelas=self.kelas)}>{keluar}</div>"
        return keluar


NILAI_RESMI = frozenset({"smart.nilai", "ikpa.nilai"})
"""Placeholders of scores printed as their application published them (a recomputation is
only a check): the official values a narrative may name."""


@dataclass
class Html(Blok):
    """Markup built by the tool itself from escaped parts (cover, signature blocks)."""

    isi: str

    def html(self, dok: Dokumen | None = None) -> str:
        return self.isi


@dataclass
class Kelompok(Blok):
    """Blocks grouped in a ``<section class="…">`` (one IKK's analysis)."""

    kelas: str
    blok: list[Blok]
    kunci: str | None = None
    """What the group is about (an IKK code), so other blocks can be added to it."""

    def html(self, dok: Dokumen | None = None) -> str:
        isi = "".join(b.html(dok) for b in self.blok)
        return f"<section{atribut(kelas=self.kelas)}>{isi}</section>"

    def teks_polos(self, dok: Dokumen | None = None) -> str:
        return "\n".join(b.teks_polos(dok) for b in self.blok)

    def sidik(self, dok: Dokumen | None = None) -> str:
        isi = "|".join([self.kelas, *(b.sidik(dok) for b in self.blok)])
        return hashlib.sha256(isi.encode("utf-8")).hexdigest()


def ratakan(blok: Iterable[Blok]) -> Iterator[Blok]:
    """Every block, groups opened (document order)."""
    for b in blok:
        if isinstance(b, Kelompok):
            yield from ratakan(b.blok)
        else:
            yield b


@dataclass(frozen=True)
class Pecahan:
    """A stacked fraction in a formula line."""

    atas: str
    bawah: str


@dataclass(frozen=True)
class Tebal:
    """The result of a formula line, in bold."""

    isi: str


BagianRumus = str | Pecahan | Tebal


@dataclass
class Rumus(Blok):
    """Formula lines (``Realisasi = pembilang/penyebut × 100% = 121,92%``) as HTML/CSS
    fractions; each fraction also carries a hidden ``/`` so it reads right without the CSS."""

    baris: list[tuple[BagianRumus, ...]]
    catatan: list[str] = field(default_factory=list)

    def html(self, dok: Dokumen | None = None) -> str:
        out = []
        for baris in self.baris:
            bagian = []
            for b in baris:
                if isinstance(b, Pecahan):
                    bagian.append(
                        f'<span class="pecahan"><span class="pembilang">{esc(b.atas)}</span>'
                        '<span class="garis-miring"> / </span>'
                        f'<span class="penyebut">{esc(b.bawah)}</span></span>'
                    )
                elif isinstance(b, Tebal):
                    bagian.append(f"<strong>{esc(b.isi)}</strong>")
                else:
                    bagian.append(esc(b))
            out.append(f'<div class="rumus">{" ".join(bagian)}</div>')
        out += [f'<p class="catatan-rumus">{esc(c)}</p>' for c in self.catatan]
        return '<div class="blok-rumus">' + "".join(out) + "</div>"

    def teks_polos(self, dok: Dokumen | None = None) -> str:
        def satu(b: BagianRumus) -> str:
            if isinstance(b, Pecahan):
                return f"({b.atas}) / ({b.bawah})"
            return b.isi if isinstance(b, Tebal) else b

        return "\n".join(" ".join(satu(b) for b in baris) for baris in self.baris)


@dataclass
class Tabel(Blok):
    """A table with a stable key, a caption, header rows and typed body cells.

    ``bernomor=False`` makes a small unnumbered table (kept out of the list of tables).
    ``nomor`` is assigned by :class:`Dokumen` (``"3.1"``).
    """

    kunci: str
    judul: str
    kepala: list[list[Sel]]
    isi: list[list[Sel]]
    catatan: list[str] = field(default_factory=list)
    sumber: str | None = None
    bernomor: bool = True
    kelas: str = ""
    nomor: str | None = None
    utuh: bool = False
    """Kept on one page in print (class ``utuh``): set by the assembled report
    (:meth:`lkjip_helpers.laporan.naskah.Naskah.selesaikan`) for a short table."""

    @classmethod
    def buat(
        cls,
        kunci: str,
        judul: str,
        kolom: Sequence[Sel | str] | Sequence[Sequence[Sel | str]],
        baris: Iterable[Sequence[Sel | str | object]],
        *,
        catatan: str | Sequence[str] | None = None,
        sumber: str | None = None,
        bernomor: bool = True,
        kelas: str = "",
    ) -> Tabel:
        """Build from one header row (or a list of header rows) and rows of cells/strings."""
        kepala_ = kolom if kolom and isinstance(kolom[0], list | tuple) else [kolom]
        cat = [catatan] if isinstance(catatan, str) else list(catatan or [])
        return cls(
            kunci=kunci,
            judul=judul,
            kepala=[[_sel(c) for c in row] for row in kepala_],  # type: ignore[union-attr]
            isi=[[_sel(c) for c in row] for row in baris],
            catatan=[c for c in cat if c],
            sumber=sumber,
            bernomor=bernomor,
            kelas=kelas,
        )

    @property
    def id(self) -> str:
        return ("tabel-" if self.bernomor else "tk-") + slug(self.kunci)

    @property
    def label(self) -> str:
        """``Tabel 3.1`` (or the caption of an unnumbered table)."""
        return f"Tabel {self.nomor}" if self.bernomor and self.nomor else self.judul

    def html(self, dok: Dokumen | None = None) -> str:
        thead = "".join("<tr>" + "".join(_td(c, "th") for c in r) + "</tr>" for r in self.kepala)
        tbody = "".join(
            "<tr"
            + (' class="jumlah"' if r and r[0].kelas == "jumlah" else "")
            + ">"
            + "".join(_td(c) for c in r)
            + "</tr>"
            for r in self.isi
        )
        kaki = "".join(f'<p class="catatan-tabel">{esc(c)}</p>' for c in self.catatan)
        if self.sumber:
            kaki += f'<p class="sumber-tabel">Sumber: {esc(self.sumber)}</p>'
        jenis = "tabel" if self.bernomor else "tabel-kecil"
        if self.bernomor:
            nomor = esc(self.nomor) if self.nomor else "?"
            caption = f"Tabel {nomor} {esc(self.judul)}"
        else:
            caption = esc(self.judul)
        kelas = " ".join(k for k in (jenis, self.kelas, "utuh" if self.utuh else "") if k)
        return (
            f"<figure{atribut(kelas=kelas, data_kunci=self.kunci, id=self.id)}>"
            + (f"<figcaption>{caption}</figcaption>" if caption else "")
            + f"<table{atribut(kelas=kelas_lebar(self.jumlah_kolom))}><thead>{thead}</thead>"
            f"<tbody>{tbody}</tbody></table>{kaki}</figure>"
        )

    @property
    def jumlah_kolom(self) -> int:
        """Columns of the widest row (a cell spanning columns counts for each)."""
        return max((sum(c.rentang for c in r) for r in [*self.kepala, *self.isi]), default=0)

    # flat views (Excel, DataFrame) ------------------------------------------------------
    def kolom_datar(self) -> list[str]:
        """One name per column: grouped header rows joined (``2022 Realisasi``)."""
        lebar = max((sum(c.rentang for c in r) for r in [*self.kepala, *self.isi]), default=0)
        nama: list[list[str]] = [[] for _ in range(lebar)]
        terisi: set[tuple[int, int]] = set()
        for i, row in enumerate(self.kepala):
            k = 0
            for c in row:
                while (i, k) in terisi:
                    k += 1
                for dr in range(c.baris):
                    for dk in range(c.rentang):
                        terisi.add((i + dr, k + dk))
                        if k + dk < lebar and c.teks and c.teks not in nama[k + dk]:
                            nama[k + dk].append(c.teks)
                k += c.rentang
        hasil, dipakai = [], set()
        for i, n in enumerate(nama):
            teks_ = " ".join(n) or f"Kolom {i + 1}"
            dasar, j = teks_, 2
            while teks_ in dipakai:
                teks_, j = f"{dasar} ({j})", j + 1
            dipakai.add(teks_)
            hasil.append(teks_)
        return hasil

    def baris_datar(self) -> list[list[Sel | None]]:
        """Body rows on a grid: a cell spanning rows is repeated in each (good for filters);
        the second and later columns of a cell spanning columns are ``None``."""
        lebar = len(self.kolom_datar())
        grid: dict[tuple[int, int], Sel | None] = {}
        for i, row in enumerate(self.isi):
            k = 0
            for c in row:
                while (i, k) in grid:
                    k += 1
                for dr in range(c.baris):
                    for dk in range(c.rentang):
                        grid[(i + dr, k + dk)] = c if dk == 0 else None
                k += c.rentang
        return [[grid.get((i, k)) for k in range(lebar)] for i in range(len(self.isi))]

    @property
    def df(self) -> pd.DataFrame:
        """The table as a DataFrame: numbers as floats at full precision (percentages in
        percent), text as text. A column whose cells carry different units gets a companion
        ``<kolom> (satuan)`` column."""
        import pandas as pd

        kolom = self.kolom_datar()
        baris = self.baris_datar()
        data: dict[str, list[object]] = {}
        for j, nama in enumerate(kolom):
            sel = [r[j] for r in baris]
            nilai = [
                (float(c.nilai) if c is not None and c.angka else (c.teks if c else None))
                for c in sel
            ]
            data[nama] = nilai
            satuan = {
                (c.satuan or ("%" if c.jenis == "persen" else None)) for c in sel if c and c.angka
            }
            if len(satuan) > 1:
                data[f"{nama} (satuan)"] = [
                    (c.satuan or ("%" if c.jenis == "persen" else "")) if c and c.angka else None
                    for c in sel
                ]
        return pd.DataFrame(data)

    def ke_sheet(self, ws: Worksheet, teks_aman: Callable[[str], str] | None = None) -> None:
        """Write the table to an empty worksheet: header in row 1 (grouped headers joined),
        one row per body row, numbers as numbers with the report's display format, frozen
        header, filters, widths that fit. ``teks_aman`` neutralises text cells that a
        spreadsheet would read as formulas."""
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        kolom = self.kolom_datar()
        tebal = Font(bold=True)
        isian = PatternFill("solid", fgColor="DFE6EE")
        lebar = [len(k) for k in kolom]
        for j, nama in enumerate(kolom, start=1):
            c = ws.cell(row=1, column=j, value=teks_aman(nama) if teks_aman else nama)
            c.font, c.fill = tebal, isian
            c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        for i, row in enumerate(self.baris_datar(), start=2):
            for j, s in enumerate(row, start=1):
                if s is None:
                    continue
                v = s.nilai_excel()
                if isinstance(v, str):
                    v = teks_aman(v) if teks_aman else v
                cell = ws.cell(row=i, column=j, value=v)
                if isinstance(v, str):
                    cell.data_type = "s"
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                else:
                    cell.number_format = s.format_excel()
                if s.kelas == "jumlah":
                    cell.font = tebal
                lebar[j - 1] = max(
                    lebar[j - 1], max((len(x) for x in s.teks.split("\n")), default=0)
                )
        for j, n in enumerate(lebar, start=1):
            ws.column_dimensions[get_column_letter(j)].width = min(max(8, n + 2), 60)
        ws.freeze_panes = "A2"
        if self.isi:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(kolom))}{len(self.isi) + 1}"
        atur_cetak(ws)

    # serialisation (notebook outputs → build) -------------------------------------------
    def ke_json(self) -> dict[str, Any]:
        return {
            "kunci": self.kunci,
            "judul": self.judul,
            "nomor": self.nomor,
            "bernomor": self.bernomor,
            "catatan": self.catatan,
            "sumber": self.sumber,
            "kepala": [[c.ke_json() for c in r] for r in self.kepala],
            "isi": [[c.ke_json() for c in r] for r in self.isi],
        }

    @classmethod
    def dari_json(cls, d: dict[str, Any]) -> Tabel:
        return cls(
            kunci=d["kunci"],
            judul=d["judul"],
            nomor=d.get("nomor"),
            bernomor=d.get("bernomor", True),
            catatan=list(d.get("catatan") or []),
            sumber=d.get("sumber"),
            kepala=[[Sel.dari_json(c) for c in r] for r in d["kepala"]],
            isi=[[Sel.dari_json(c) for c in r] for r in d["isi"]],
        )


@dataclass
class Gambar(Blok):
    """A numbered figure; the picture is drawn only when the figure is first rendered.

    ``buat`` returns ``(mimetype, base64)`` — a chart (PNG) or an image file of the satker
    (PNG, JPEG, SVG) — embedded as a ``data:`` URI.
    """

    kunci: str
    judul: str
    buat: Callable[[], tuple[str, str]]
    alt: str | None = None
    nomor: str | None = None
    masukan: str | None = None
    """Fingerprint of what the picture is drawn from (set by :meth:`grafik`, or the image
    file's sha256); without it the picture itself is drawn to fingerprint the figure."""
    _gambar: tuple[str, str] | None = field(default=None, repr=False)

    @classmethod
    def grafik(
        cls,
        kunci: str,
        judul: str,
        fungsi: Callable[..., str],
        *argumen: object,
        alt: str | None = None,
    ) -> Gambar:
        """A chart drawn by ``fungsi(*argumen)`` (base64 PNG) when first rendered; its
        fingerprint comes from the function's name and the arguments' ``repr``."""
        masukan = hashlib.sha256(
            repr((fungsi.__module__, fungsi.__qualname__, argumen)).encode("utf-8")
        ).hexdigest()
        return cls(kunci, judul, lambda: ("image/png", fungsi(*argumen)), alt, masukan=masukan)

    def sidik(self, dok: Dokumen | None = None) -> str:
        bagian = [self.kunci, self.judul, self.nomor or "", self.alt or ""]
        bagian.append(self.masukan or hashlib.sha256(self.gambar()[1].encode()).hexdigest())
        return hashlib.sha256("|".join(bagian).encode("utf-8")).hexdigest()

    @property
    def id(self) -> str:
        return "gambar-" + slug(self.kunci)

    @property
    def label(self) -> str:
        return f"Gambar {self.nomor}" if self.nomor else self.judul

    def gambar(self) -> tuple[str, str]:
        if self._gambar is None:
            self._gambar = self.buat()
        return self._gambar

    def html(self, dok: Dokumen | None = None) -> str:
        mime, b64 = self.gambar()
        return (
            f"<figure{atribut(kelas='gambar', data_kunci=self.kunci, id=self.id)}>"
            f"<img{atribut(alt=self.alt or self.judul, src=f'data:{mime};base64,{b64}')}/>"
            f"<figcaption>Gambar {esc(self.nomor or '?')} {esc(self.judul)}</figcaption>"
            "</figure>"
        )


# --------------------------------------------------------------------------- sections


@cache
def gaya_tampilan() -> str:
    """The CSS a section's notebook display carries (scoped to ``div.lkjip``)."""
    return (STATIC / "tampilan.css").read_text(encoding="utf-8")


class Bagian:
    """What a section helper returns: its blocks, rendered in a notebook like in the report."""

    def __init__(self, blok: Iterable[Blok] = (), dok: Dokumen | None = None) -> None:
        self.blok: list[Blok] = [b for b in blok if b is not None]
        self.dok = dok
        self.nama: str | None = None
        """The section's name in the report's plan (``sampul``, ``capaian_ringkas`` …)."""

    def __iter__(self) -> Iterator[Blok]:
        return iter(self.blok)

    def __bool__(self) -> bool:
        return bool(self.blok)

    def __add__(self, lain: Bagian) -> Bagian:
        return Bagian([*self.blok, *lain.blok], self.dok or lain.dok)

    def html(self) -> str:
        return "".join(b.html(self.dok) for b in self.blok)

    def sidik(self) -> str:
        """Fingerprint of the section's display (see :meth:`Blok.sidik`)."""
        isi = "|".join(b.sidik(self.dok) for b in self.blok)
        return hashlib.sha256(isi.encode("utf-8")).hexdigest()

    def __str__(self) -> str:
        return self.html()

    def __contains__(self, teks: str) -> bool:
        return teks in self.html()

    @property
    def tabel(self) -> list[Tabel]:
        """The tables of this section, in order."""
        return [b for b in ratakan(self.blok) if isinstance(b, Tabel)]

    @property
    def gambar(self) -> list[Gambar]:
        return [b for b in ratakan(self.blok) if isinstance(b, Gambar)]

    @property
    def df(self) -> pd.DataFrame:
        """The first table as a DataFrame (``.tabel[i].df`` for the others)."""
        if not self.tabel:
            raise ValueError("bagian ini tidak memuat tabel")
        return self.tabel[0].df

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        from .bundel import MIME_BAGIAN, bagian_ke_json

        isi = self.html()
        return {
            "text/html": f'<style class="lkjip-gaya">{gaya_tampilan()}</style>'
            f'<div class="lkjip lkjip-tampilan">{isi}</div>',
            "text/plain": "\n".join(b.teks_polos(self.dok) for b in self.blok)[:2000] or "(kosong)",
            MIME_BAGIAN: bagian_ke_json(self),
        }


class Rujukan(set):  # type: ignore[type-arg]
    """The (``tabel``/``gambar``, key) pairs of a report; :attr:`nomor` maps (``tabel``/
    ``gambar``, number) to (key, caption)."""

    nomor: dict[tuple[str, str], tuple[str, str]]

    def __init__(self, isi: object = ()) -> None:
        super().__init__(isi)  # type: ignore[arg-type]
        self.nomor = {}


class Dokumen:
    """The sections of a report in document order, with tables and figures numbered.

    ``bab`` maps a chapter code (``0``, ``"E"``, ``1`` … ``"L"``) to its sections in order.
    Numbers are ``<bab>.<n>``, counted per chapter over numbered tables and figures.
    """

    def __init__(self) -> None:
        self.bab: dict[int | str, dict[str, Bagian]] = {}
        self._kunci: dict[tuple[str, str], Tabel | Gambar] = {}

    def tambah(self, bab: int | str, nama: str, blok: Iterable[Blok]) -> Bagian:
        b = Bagian(blok, self)
        b.nama = nama
        self.bab.setdefault(bab, {})[nama] = b
        return b

    def nomori(self) -> None:
        """Assign numbers in document order; keys must be unique."""
        self._kunci.clear()
        for kode, bagian in self.bab.items():
            n_tabel = n_gambar = 0
            for b in bagian.values():
                for x in ratakan(b.blok):
                    if isinstance(x, Tabel):
                        if x.bernomor:
                            n_tabel += 1
                            x.nomor = f"{kode}.{n_tabel}"
                    elif isinstance(x, Gambar):
                        n_gambar += 1
                        x.nomor = f"{kode}.{n_gambar}"
                    else:
                        continue
                    jenis = "tabel" if isinstance(x, Tabel) else "gambar"
                    if (jenis, x.kunci) in self._kunci:
                        raise ValueError(f"kunci {jenis} ganda: {x.kunci!r}")
                    self._kunci[(jenis, x.kunci)] = x

    def bagian(self, bab: int | str, nama: str) -> Bagian:
        return self.bab[bab][nama]

    def sidik_bab(self, bab: int | str) -> str | None:
        """Fingerprint of everything one chapter's sections show (None: no such chapter)."""
        if bab not in self.bab:
            return None
        isi = "|".join(f"{nama}={b.sidik()}" for nama, b in self.bab[bab].items())
        return hashlib.sha256(isi.encode("utf-8")).hexdigest()

    def kunci_rujukan(self) -> Rujukan:
        """Every (``tabel``/``gambar``, key) a narrative may cross-reference (with the
        numbering, for typed "Tabel 3.9" references: :attr:`Rujukan.nomor`)."""
        r = Rujukan(self._kunci)
        r.nomor = {
            (jenis, x.nomor): (kunci, x.judul)
            for (jenis, kunci), x in self._kunci.items()
            if x.nomor
        }
        return r

    def cari(self, jenis: str, kunci: str) -> Tabel | Gambar | None:
        """The table (``jenis="tabel"``) or figure (``"gambar"``) with this key."""
        return self._kunci.get((jenis, kunci))

    def semua_tabel(self, bernomor: bool = True) -> list[Tabel]:
        """Every (numbered) table in document order."""
        return [
            x
            for bagian in self.bab.values()
            for b in bagian.values()
            for x in b.tabel
            if x.bernomor or not bernomor
        ]


def dengan_nomor(tabel: Tabel, nomor: str | None) -> Tabel:
    """A copy of ``tabel`` numbered ``nomor``."""
    return replace(tabel, nomor=nomor)


def atur_cetak(ws: Worksheet) -> None:
    """Print set-up of a table sheet: A4 landscape, all columns on one page width (as many
    pages down as needed), the header row repeated on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
