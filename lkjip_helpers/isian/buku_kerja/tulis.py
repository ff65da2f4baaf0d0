"""Writing the data-entry workbook (``lkjip templat`` and ``lkjip ekspor``) with openpyxl.

The workbook follows :mod:`.tata_letak`: an instructions sheet, one sheet per data table, and a
very hidden sheet ``_lkjip`` with the layout version and the satker/period it was made for.
Every data sheet has a locked header row with a comment on each header cell, drop-downs and
number validation on the data columns (``tidak diketahui`` is accepted wherever a number may be
unknown), reference columns filled from the catalog in grey, and sheet protection without a
password that leaves the data cells editable (rows may be inserted and deleted on table sheets).

The source is the data folder as written, read leniently (raw YAML, not validated): an export
of a half-filled scaffold works, and whatever is wrong in it shows up, located by cell, when the
workbook is imported.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ... import __version__
from ...errors import DataError, ParameterError
from ...muat import skema as s
from ...muat.periode import rentang_periode
from ...tidak_diketahui import EJAAN
from . import tata_letak as t
from .sel import tulis_angka_teks
from .sumber import SumberBukuKerja, ambil
from .sumber import bawa_maju as bawa_maju  # re-exported: the public names stay importable
from .sumber import siapkan as siapkan

MAKS_TEKS = 32_767
"""Characters an Excel cell holds."""

_JUDUL = PatternFill("solid", fgColor="1F4E78")
_RUJUKAN = PatternFill("solid", fgColor="E7E6E6")
_FONT_JUDUL = Font(bold=True, color="FFFFFF")
_TERBUKA = Protection(locked=False)
"""An editable cell; a _DILINDUNGI (protected) cell is read-only while the sheet is protected
(the word kunci stays a key, see the glossary)."""
_DILINDUNGI = Protection(locked=True)
_TEKS = ("teks", "panjang", "tanggal", "nip", "kode_daftar", "baris_teks", "target_tahunan")


# --------------------------------------------------------------------------- cell values


def _angka_sel(v: Any) -> Any:
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, int):
        return v if abs(v) < 10**15 else str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            return repr(v)
        d = Decimal(repr(v))
        digit = len(d.normalize().as_tuple().digits)
        return v if digit <= 15 else format(d, "f")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, dict | list):
        return str(v)
    return v


def _teks_sel(v: Any) -> Any:
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, int | float):
        return str(v)
    if isinstance(v, dict | list):
        return str(v)
    return v


def nilai_sel(jenis: str, v: Any) -> Any:
    """A raw YAML value as the cell of a column of ``jenis`` shows it."""
    if v is None:
        return None
    if jenis in ("angka", "bulat"):
        return _angka_sel(v)
    if jenis == "ya_tidak":
        return "Ya" if v is True else "Tidak" if v is False else _teks_sel(v)
    if jenis == "kode_daftar" and isinstance(v, list):
        return ", ".join(str(x) for x in v)
    if jenis == "baris_teks" and isinstance(v, list):
        return "\n".join(str(x) for x in v)
    if jenis == "target_tahunan" and isinstance(v, dict):
        return "; ".join(
            f"{k}: {tulis_angka_teks(x) if isinstance(x, int | float) and not isinstance(x, bool) else x}"
            for k, x in v.items()
        )
    return _teks_sel(v)


# --------------------------------------------------------------------------- sheets


class _Penulis:
    def __init__(self, sumber: SumberBukuKerja) -> None:
        self.sumber = sumber
        self.wb = Workbook()

    def isi(self, ws: Worksheet, baris: int, kolom: int, nilai: Any) -> Any:
        """Put a value in a cell; text stays text (never a formula), Excel's limits checked."""
        sel = ws.cell(baris, kolom)
        if isinstance(nilai, str):
            if len(nilai) > MAKS_TEKS:
                raise DataError(
                    f"{ws.title}!{sel.coordinate}",
                    f"teks {len(nilai)} karakter lebih panjang dari batas sel Excel "
                    f"({MAKS_TEKS}); pendekkan di berkas YAML-nya",
                )
            if ILLEGAL_CHARACTERS_RE.search(nilai):
                raise DataError(
                    f"{ws.title}!{sel.coordinate}",
                    "teks berisi karakter kendali yang tidak dapat disimpan Excel; hapus di berkas YAML-nya",
                )
        sel.value = nilai
        if isinstance(nilai, str) and nilai.startswith("="):
            sel.data_type = "s"
        return sel

    def judul(self, ws: Worksheet, keterangan: str, kolom: list[tuple[str, str, float]]) -> None:
        ws.cell(1, 1, keterangan).font = Font(italic=True)
        for j, (teks, catatan, lebar) in enumerate(kolom, start=1):
            sel = ws.cell(t.BARIS_JUDUL, j, teks)
            sel.font = _FONT_JUDUL
            sel.fill = _JUDUL
            sel.alignment = Alignment(wrap_text=True, vertical="top")
            sel.protection = _DILINDUNGI
            kom = Comment(catatan, "lkjip")
            kom.width, kom.height = 320, 140
            sel.comment = kom
            ws.column_dimensions[get_column_letter(j)].width = lebar
        ws.row_dimensions[t.BARIS_JUDUL].height = 32

    def lindungi(self, ws: Worksheet, tabel: bool) -> None:
        p = ws.protection
        p.sheet = True
        p.formatColumns = False
        p.formatRows = False
        p.formatCells = False
        p.autoFilter = False
        p.sort = False
        if tabel:
            p.insertRows = False
            p.deleteRows = False

    def validasi(
        self,
        ws: Worksheet,
        kolom: int,
        r1: int,
        r2: int,
        jenis: str,
        judul: str,
        pilihan: tuple[str, ...] = (),
        saran: tuple[str, ...] = (),
        boleh_td: bool = True,
        batas: tuple[int, int] | None = None,
    ) -> None:
        huruf = get_column_letter(kolom)
        rentang = f"{huruf}{r1}:{huruf}{r2}"
        dv: DataValidation | None = None
        daftar = pilihan or saran
        if daftar:
            formula = '"' + ",".join(daftar) + '"'
            if len(formula) <= 255:
                dv = DataValidation(type="list", formula1=formula, allow_blank=True)
                dv.errorStyle = "stop" if pilihan else "warning"
                dv.error = f"Pilih salah satu: {', '.join(daftar)}" + (
                    "" if pilihan else " (nilai lain tetap boleh)"
                )
        elif jenis == "angka":
            sel = f"{huruf}{r1}"
            syarat = f"ISNUMBER({sel})"
            if boleh_td:
                syarat = f'OR({syarat},LOWER(TRIM({sel}))="{EJAAN}")'
            dv = DataValidation(type="custom", formula1=syarat, allow_blank=True)
            # a warning, never a stop: text such as "Rp. 65.038.490,-" or "16.466.041.000"
            # (not a number to a non-Indonesian Excel) is read by `lkjip impor`
            dv.errorStyle = "warning"
            # (Excel allows at most 225 characters in an error message)
            dv.error = (
                "Bukan angka bagi Excel. Gaya Indonesia (16.466.041.000, Rp. 65.038.490,-) "
                + (
                    f"tetap dibaca lkjip impor: pilih Yes/Ya. Tidak diketahui: ketik {EJAAN}."
                    if boleh_td
                    else "tetap dibaca lkjip impor: pilih Yes/Ya."
                )
            )
        elif jenis == "bulat" and batas:
            dv = DataValidation(
                type="whole",
                operator="between",
                formula1=str(batas[0]),
                formula2=str(batas[1]),
                allow_blank=True,
            )
            dv.errorStyle = "warning"  # impor reads a whole number typed as text too
            dv.error = f"Isi bilangan bulat {batas[0]}–{batas[1]}."
        if dv is None:
            return
        dv.errorTitle = judul[:32]
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
        dv.add(rentang)

    def format_sel(self, sel: Any, jenis: str, fmt: str, rujukan: bool) -> None:
        if rujukan:
            sel.fill = _RUJUKAN
            sel.protection = _DILINDUNGI
        else:
            sel.protection = _TERBUKA
        if jenis in _TEKS:
            sel.number_format = "@"
        elif fmt != "General":
            sel.number_format = fmt
        if jenis in ("panjang", "baris_teks"):
            sel.alignment = Alignment(wrap_text=True, vertical="top")

    # ------------------------------------------------------------------ kinds of sheet

    def tabel(
        self, lb: t.Lembar, baris: list[list[Any]], dilindungi: set[tuple[int, int]] = frozenset()
    ) -> None:  # type: ignore[assignment]
        ws = self.wb.create_sheet(lb.nama)
        self.judul(ws, lb.keterangan, [(k.judul, _catatan(k), k.lebar) for k in lb.kolom])
        akhir = t.BARIS_DATA + max(len(baris) + t.CADANGAN, t.BARIS_MINIMUM) - 1
        for j, k in enumerate(lb.kolom, start=1):
            for r in range(t.BARIS_DATA, akhir + 1):
                i = r - t.BARIS_DATA
                nilai = nilai_sel(k.jenis, baris[i][j - 1]) if i < len(baris) else None
                sel = self.isi(ws, r, j, nilai) if nilai is not None else ws.cell(r, j)
                self.format_sel(sel, k.jenis, k.format, k.rujukan or (i, j - 1) in dilindungi)
            if not k.rujukan:
                self.validasi(
                    ws,
                    j,
                    t.BARIS_DATA,
                    akhir,
                    k.jenis,
                    k.judul,
                    k.pilihan,
                    k.saran,
                    k.boleh_td,
                    k.batas,
                )
        ws.freeze_panes = "B3" if lb is t.KINERJA else "A3"
        ws.auto_filter.ref = f"A{t.BARIS_JUDUL}:{get_column_letter(len(lb.kolom))}{akhir}"
        self.lindungi(ws, tabel=True)

    def isian(self, lb: t.Lembar, nilai: dict[str, Any]) -> None:
        ws = self.wb.create_sheet(lb.nama)
        lebar = (28, 40, 60, 60)
        catatan = (
            "Nama field di berkas YAML (dibaca kembali saat impor; jangan diubah).",
            "Arti isian.",
            "Isi nilainya di kolom ini.",
            "Penjelasan dan aturan isian.",
        )
        self.judul(ws, lb.keterangan, list(zip(t.KOLOM_ISIAN, catatan, lebar, strict=True)))
        for r, i in enumerate(lb.isian, start=t.BARIS_DATA):
            for j, teks in ((1, i.kunci), (2, i.label), (4, i.catatan)):
                sel = self.isi(ws, r, j, teks)
                sel.fill = _RUJUKAN
                sel.protection = _DILINDUNGI
                sel.alignment = Alignment(wrap_text=True, vertical="top")
            v = nilai_sel(i.jenis, nilai.get(i.kunci))
            sel = self.isi(ws, r, 3, v) if v is not None else ws.cell(r, 3)
            self.format_sel(
                sel,
                i.jenis,
                i.format,
                rujukan=lb is t.PERIODE_LAPORAN and i.kunci == "periode_laporan.periode",
            )
            if not (lb is t.PERIODE_LAPORAN and i.kunci == "periode_laporan.periode"):
                self.validasi(ws, 3, r, r, i.jenis, i.label, i.pilihan, (), i.boleh_td, i.batas)
        ws.freeze_panes = "C3"
        self.lindungi(ws, tabel=False)

    def petunjuk(self) -> None:
        sb = self.sumber
        ws = self.wb.active
        ws.title = t.LEMBAR_PETUNJUK
        teks = t.petunjuk(sb.satker, sb.tahun, sb.periode, sb.katalog.id)
        ws["A1"] = teks[0]
        ws["A1"].font = Font(bold=True, size=14)
        for label, kunci, nilai in (
            ("Satker", "satker", sb.satker),
            ("Tahun", "tahun", str(sb.tahun)),
            ("Periode", "periode", sb.periode),
            ("Katalog IKK", "katalog", sb.katalog.id),
        ):
            sel = ws[t.SEL_IDENTITAS[kunci]]
            ws.cell(sel.row, 1, label).font = Font(bold=True)
            sel.value = nilai
            sel.number_format = "@"
        for r, baris in enumerate(teks[1:], start=8):
            sel = ws.cell(r, 1, baris)
            sel.alignment = Alignment(wrap_text=True, vertical="top")
            if baris and not baris[0].isdigit() and not baris.startswith("-") and len(baris) < 60:
                sel.font = Font(bold=True)
        ws.column_dimensions["A"].width = 130
        ws.column_dimensions["B"].width = 30
        self.lindungi(ws, tabel=False)

    def info(self) -> None:
        sb = self.sumber
        ws = self.wb.create_sheet(t.LEMBAR_INFO)
        for r, (k, v) in enumerate(
            (
                ("format", t.VERSI_FORMAT),
                ("satker", sb.satker),
                ("tahun", sb.tahun),
                ("periode", sb.periode),
                ("katalog", sb.katalog.id),
                ("jenis", sb.jenis),
                ("lkjip", __version__),
                ("dibuat", dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")),
            ),
            start=1,
        ):
            ws.cell(r, 1, k)
            ws.cell(r, 2, v)
        ws.sheet_state = "veryHidden"
        ws.protection.sheet = True


def _catatan(k: t.Kolom) -> str:
    if k.rujukan:
        return k.catatan + " (Kolom rujukan: tidak dibaca saat impor.)"
    return k.catatan


# --------------------------------------------------------------------------- rows


def _nilai_isian(lb: t.Lembar, mentah: dict[str, Any], sumber: SumberBukuKerja) -> dict[str, Any]:
    hasil = {}
    for i in lb.isian:
        berkas = i.berkas or lb.berkas
        v = ambil(mentah.get(berkas), i.jalur)
        if lb is t.PERIODE_LAPORAN:
            pl = ambil(mentah.get("kinerja"), ("periode_laporan",))
            if i.kunci == "periode_laporan.periode":
                v = sumber.periode
            elif isinstance(pl, str):
                v = pl if i.kunci == "periode_laporan.keterangan" else None
        hasil[i.kunci] = v
    return hasil


def _baris_daftar(lb: t.Lembar, mentah: dict[str, Any]) -> list[list[Any]]:
    tujuan: list[tuple[str | None, tuple[str, tuple[str, ...]]]]
    if lb.kelompok:
        tujuan = [(k, v) for k, v in lb.kelompok.items()]
    else:
        assert lb.daftar is not None
        tujuan = [(None, (lb.berkas, lb.daftar))]
    baris = []
    for kelompok, (berkas, jalur) in tujuan:
        daftar = ambil(mentah.get(berkas), jalur)
        if not isinstance(daftar, list):
            continue
        for butir in daftar:
            r = []
            for k in lb.kolom:
                if k.field is None:
                    r.append(kelompok)
                elif k.field == ():
                    r.append(butir)
                else:
                    r.append(ambil(butir, k.field) if isinstance(butir, dict) else None)
            baris.append(r)
    return baris


def _rumus(d: s.IndikatorDef) -> str:
    if d.rumus:
        return " ".join(d.rumus.split())
    if d.jenis == "rasio":
        return f"{' '.join((d.pembilang or 'pembilang').split())} / {' '.join((d.penyebut or 'penyebut').split())} × 100%"
    return "nilai realisasi langsung"


def _rujukan_ikk(d: s.IndikatorDef | None, tahun: int) -> list[Any]:
    if d is None:
        return [None] * 8
    target = d.target_renstra.get(tahun)
    return [
        d.sasaran,
        " ".join(d.nama.split()),
        d.satuan,
        d.jenis,
        d.polaritas,
        _rumus(d),
        f"{d.agregasi}; 0/0: {d.penyebut_nol}",
        float(target) if isinstance(target, Decimal) else None,
    ]


def _baris_kinerja(
    sb: SumberBukuKerja,
) -> tuple[list[list[Any]], set[tuple[int, int]], list[tuple[str, str | None, list[Any]]]]:
    """Kinerja rows, locked kode cells, and (kode, period kind, period data) of the IKK in PK."""
    mentah = sb.mentah.get("kinerja")
    daftar = ambil(mentah, ("indikator",)) if isinstance(mentah, dict) else None
    baris: list[list[Any]] = []
    dilindungi: set[tuple[int, int]] = set()
    dalam: list[tuple[str, str | None, list[Any]]] = []
    ada: set[Any] = set()

    def tambah(kode: Any, ya: bool, x: dict[str, Any]) -> None:
        d = sb.indikator.get(kode) if isinstance(kode, str) else None
        r = ambil(x, ("realisasi",))
        per = ambil(r, ("periode",))
        baris.append(
            [
                kode,
                "Ya" if ya else "Tidak",
                *_rujukan_ikk(d, sb.tahun),
                x.get("target"),
                x.get("target_maks"),
                ambil(r, ("pembilang",)),
                ambil(r, ("penyebut",)),
                ambil(r, ("nilai",)),
                ambil(per, ("jenis",)),
                ambil(per, ("mulai",)),
                x.get("penyebut_nol"),
                x.get("standar_nasional"),
            ]
        )
        if d is not None:
            dilindungi.add((len(baris) - 1, 0))
        if ya and isinstance(kode, str):
            data = ambil(per, ("data",))
            dalam.append((kode, ambil(per, ("jenis",)), data if isinstance(data, list) else []))

    if isinstance(daftar, list):
        for x in daftar:
            if isinstance(x, dict):
                tambah(x.get("kode"), True, x)
                ada.add(x.get("kode"))
    semua_ya = daftar is None
    for kode in sb.indikator:
        if kode not in ada:
            tambah(kode, semua_ya, {})
    return baris, dilindungi, dalam


def _ke_periode(sb: SumberBukuKerja, jenis: str) -> list[int]:
    awal, akhir = rentang_periode(sb.periode)
    panjang = {"bulan": 1, "triwulan": 3, "semester": 6}[jenis]
    return list(range((awal - 1) // panjang + 1, (akhir - 1) // panjang + 2))


def _baris_realisasi(
    sb: SumberBukuKerja, dalam: list[tuple[str, str | None, list[Any]]]
) -> list[list[Any]]:
    baris = []
    for kode, jenis, data in dalam:
        if not jenis:
            continue
        if data:
            for x in data:
                ke = ambil(x, ("ke",))
                baris.append(
                    [
                        kode,
                        ke,
                        t.nama_bulan(str(jenis), ke) if isinstance(ke, int) else None,
                        ambil(x, ("pembilang",)),
                        ambil(x, ("penyebut",)),
                        ambil(x, ("nilai",)),
                    ]
                )
        elif jenis in t.JENIS_PERIODE:
            for ke in _ke_periode(sb, str(jenis)):
                baris.append([kode, ke, t.nama_bulan(str(jenis), ke), None, None, None])
    return baris


def _baris_narasi_ikk(
    sb: SumberBukuKerja, dalam: list[tuple[str, str | None, list[Any]]]
) -> list[list[Any]]:
    mentah = sb.mentah.get("kinerja")
    narasi: dict[str, dict[str, Any]] = {}
    for x in ambil(mentah, ("indikator",)) or []:
        if isinstance(x, dict) and isinstance(x.get("narasi"), dict):
            narasi.setdefault(x.get("kode"), x["narasi"])
    baris = []
    for kode, _jenis, _data in dalam:
        n = narasi.get(kode, {})
        for bagian in t.BAGIAN_NARASI_IKK:
            baris.append([kode, bagian, t.LABEL_NARASI_IKK[bagian], n.get(bagian)])
        for lain in n:
            if lain not in t.BAGIAN_NARASI_IKK:
                baris.append([kode, lain, None, n[lain]])
    return baris


def _baris_prefill(
    baris: list[list[Any]], kunci: list[str], semua: list[tuple[Any, ...]], kolom: int = 0
) -> list[list[Any]]:
    """Append empty rows for the keys not yet present (catalog sasaran, jenis belanja)."""
    ada = {r[kolom] for r in baris}
    for nilai in semua:
        if nilai[0] not in ada:
            baris.append(list(nilai) + [None] * (len(kunci) - len(nilai)))
    return baris


def buat_buku_kerja(sb: SumberBukuKerja) -> Workbook:
    """The workbook for ``sb`` (nothing written to disk)."""
    p = _Penulis(sb)
    p.petunjuk()
    m = sb.mentah
    for lb in t.LEMBAR:
        if lb.jenis == "isian":
            p.isian(lb, _nilai_isian(lb, m, sb))
        elif lb is t.KINERJA:
            baris, dilindungi, dalam = _baris_kinerja(sb)
            p.tabel(lb, baris, dilindungi)
        elif lb is t.REALISASI_PERIODE:
            p.tabel(lb, _baris_realisasi(sb, dalam))
        elif lb is t.NARASI_IKK:
            p.tabel(lb, _baris_narasi_ikk(sb, dalam))
        elif lb is t.ANGGARAN_SASARAN:
            baris = _baris_daftar(lb, m)
            nama = {x.kode: " ".join(x.nama.split()) for x in sb.katalog.sasaran}
            for r in baris:
                r[1] = nama.get(r[0])
            p.tabel(lb, _baris_prefill(baris, ["", "", "", ""], [(k, n) for k, n in nama.items()]))
        elif lb is t.ANGGARAN_JENIS:
            p.tabel(
                lb,
                _baris_prefill(_baris_daftar(lb, m), ["", "", ""], [(j,) for j in t.JENIS_BELANJA]),
            )
        else:
            p.tabel(lb, _baris_daftar(lb, m))
    p.info()
    return p.wb


def simpan_buku_kerja(wb: Workbook, tujuan: Path, timpa: bool = False) -> Path:
    """Save ``wb`` to ``tujuan`` through a temporary file and an atomic rename."""
    from ...atomik import tulis_atomik

    tujuan = Path(tujuan)
    if tujuan.suffix.lower() != ".xlsx":
        raise ParameterError(f"nama berkas keluaran {str(tujuan)!r} harus berakhiran .xlsx")
    if tujuan.exists() and not timpa:
        raise ParameterError(
            f"{tujuan} sudah ada; pakai --timpa untuk menimpanya (isian di dalamnya akan hilang) "
            "atau pilih nama lain dengan --keluaran"
        )
    if tujuan.is_dir():
        raise ParameterError(f"{tujuan} adalah folder")
    return tulis_atomik(tujuan, wb.save, akhiran=".xlsx")
