"""A table block: caption, key, header rows, typed cells; its HTML, DataFrame and Excel sheet."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from .blok import Blok
from .sel import Sel, _sel, _td
from .tanda import atribut, esc, kelas_lebar, slug

if TYPE_CHECKING:
    import pandas as pd
    from openpyxl.worksheet.worksheet import Worksheet

    from .dokumen import Dokumen

_GAYA_BUKU: WeakKeyDictionary[Any, dict[Any, Any]] = WeakKeyDictionary()
"""Per openpyxl workbook, the style (``cell._style``) of each kind of cell :meth:`Tabel.
ke_sheet` writes, set once and copied."""


def _gaya_sel(gaya: dict[Any, Any], cell: Any, jenis: Any, atur: Callable[[Any], None]) -> None:
    """Give ``cell`` the style of its ``jenis``: copied when a cell of that kind was styled
    before in this workbook (``gaya``, :data:`_GAYA_BUKU`), else set by ``atur`` and kept."""
    if (sama := gaya.get(jenis)) is not None:
        cell._style = copy(sama)
    else:
        atur(cell)
        gaya[jenis] = copy(cell._style)


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
        rata_atas = Alignment(wrap_text=True, vertical="top")
        lebar = [len(k) for k in kolom]
        # A cell's style is set once per kind (header; text or number format, bold or not)
        # in a workbook and copied to the cells of the same kind, as openpyxl's own worksheet
        # copy does: setting it attribute by attribute looks each one up in the workbook's
        # style lists again (most of the cost of writing tabel.xlsx's 111 sheets).
        gaya = _GAYA_BUKU.setdefault(ws.parent, {})

        def atur_kepala(c: Any) -> None:
            c.font, c.fill = tebal, PatternFill("solid", fgColor="DFE6EE")
            c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")

        def atur_isi(c: Any, jenis: tuple[bool, str, bool]) -> None:
            if jenis[0]:
                c.alignment = rata_atas
            else:
                c.number_format = jenis[1]
            if jenis[2]:
                c.font = tebal

        for j, nama in enumerate(kolom, start=1):
            c = ws.cell(row=1, column=j, value=teks_aman(nama) if teks_aman else nama)
            _gaya_sel(gaya, c, "kepala", atur_kepala)
        for i, row in enumerate(self.baris_datar(), start=2):
            for j, s in enumerate(row, start=1):
                if s is None:
                    continue
                v = s.nilai_excel()
                teks = isinstance(v, str)
                if teks:
                    v = teks_aman(v) if teks_aman else v
                cell = ws.cell(row=i, column=j, value=v)
                if teks:
                    cell.data_type = "s"
                jenis = (teks, "" if teks else s.format_excel(), s.kelas == "jumlah")
                _gaya_sel(gaya, cell, jenis, partial(atur_isi, jenis=jenis))
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
