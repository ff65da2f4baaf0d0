"""Reading a filled workbook into the data files' fields, with every problem located.

:func:`baca_isi` walks every sheet of :data:`~.tata_letak.LEMBAR` and returns
:class:`IsiBukuKerja`: for each YAML file the fields the workbook carries (plain Python values,
numbers already read the Indonesian way), where each field came from (sheet and cell, for the
messages of the schema validation that follows in :mod:`.simpan`), and the problems found while
reading — a missing sheet, a header changed or added, merged cells over data, a formula without
a cached value, a value of the wrong kind, a duplicated row, an unknown IKK or sasaran code,
values of an IKK marked as not in the PK. Nothing stops at the first problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import ValidationError

from ...muat import skema as s
from ...muat.berkas import _pesan_galat as pesan_galat  # the schema's wording, shared with YAML
from ...muat.parameter import PERIODE, kunci_periode
from ...tidak_diketahui import EJAAN
from . import sel as c
from . import tata_letak as t
from .buka import BukuKerja


class _Tanpa:
    def __repr__(self) -> str:
        return "TANPA"


TANPA: Any = _Tanpa()
"""No value to quote in a message."""
_GAGAL: Any = object()
"""A cell whose value could not be read (its problem is already recorded)."""


@dataclass
class Masalah:
    """One problem, located by sheet and cell when it comes from the workbook."""

    pesan: str
    lembar: str | None = None
    sel: str | None = None
    konteks: str | None = None
    """What the cell holds (``SK1.1, Target PK``)."""
    nilai: Any = TANPA
    """The value found (quoted in the message)."""
    tingkat: str = "error"

    @property
    def tempat(self) -> str:
        """``Kinerja!K14``, ``Kinerja`` or empty."""
        if self.lembar and self.sel:
            nama = f"'{self.lembar}'" if re.search(r"[^A-Za-z0-9_]", self.lembar) else self.lembar
            return f"{nama}!{self.sel}"
        return self.lembar or ""

    def __str__(self) -> str:
        kon = f" ({self.konteks})" if self.konteks else ""
        nil = f" (ditemukan: {c.teks_tampil(self.nilai)})" if self.nilai is not TANPA else ""
        awal = f"{self.tempat}{kon}: " if self.tempat else (f"{self.konteks}: " if kon else "")
        return f"{awal}{self.pesan}{nil}"


@dataclass(frozen=True)
class Identitas:
    """What the workbook was made for (the hidden sheet ``_lkjip``)."""

    satker: str
    tahun: int
    periode: str
    katalog: str
    versi: int
    jenis: str
    """``templat`` or ``ekspor``."""

    @property
    def kunci(self) -> str:
        """Folder name of the period (:func:`~lkjip_helpers.muat.parameter.kunci_periode`)."""
        return kunci_periode(self.tahun, self.periode)


@dataclass(frozen=True)
class Lokasi:
    """Where a field's value came from."""

    lembar: str
    sel: str
    nilai: Any = TANPA
    konteks: str | None = None


@dataclass
class KonteksData:
    """What the reader needs from the data folder: the catalog and the current files."""

    katalog: s.Katalog
    mentah: dict[str, Any] = field(default_factory=dict)
    """Parsed current YAML of each file the workbook fills (absent files missing)."""


@dataclass
class IsiBukuKerja:
    """The workbook's content by YAML file, with provenance and problems."""

    identitas: Identitas
    hasil: dict[str, dict[str, Any]]
    asal: dict[tuple[str, tuple[Any, ...]], Lokasi]
    bidang: dict[tuple[str, tuple[Any, ...]], frozenset[str]]
    """Fields a row's item carries (a schema problem inside any other field of that item is
    not the row's)."""
    masalah: list[Masalah]
    sel_gagal: set[tuple[str, str]]
    """(sheet, cell) whose value could not be read: schema problems there are not repeated."""
    tak_terbaca: set[tuple[str, tuple[Any, ...]]] = field(default_factory=set)
    """(file, path) filled by a sheet that could not be read (missing sheet or header)."""
    catatan: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- cells


@dataclass
class _Baris:
    nomor: int
    nilai: dict[str, Any]
    sel: dict[str, str]
    mentah: dict[str, Any]
    label: str | None = None
    """The row's key as typed (kode IKK, sasaran …), for messages."""

    def ada(self, judul: str) -> bool:
        v = self.nilai.get(judul)
        return v is not None and v is not _GAGAL


def _kosong(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _butir_daftar(lb: t.Lembar, b: _Baris) -> tuple[Any, set[str]]:
    """The list item of row `b` of a generic table sheet, and the fields its columns cover."""
    butir: Any = {}
    bidang: set[str] = set()
    for k in lb.kolom_baca():
        if k.field is None or k.judul not in b.nilai:
            continue
        v = b.nilai[k.judul]
        if k.field == ():
            butir = v
            continue
        bidang.add(k.field[0])
        if v is None or v is _GAGAL:
            continue
        _pasang(butir, k.field, _yaml(v))
    return butir, bidang


def _baris_kosong(
    ws_r: Worksheet, r: int, peta: dict[str, int], mentah: dict[str, Any], kecuali: Iterable[str]
) -> bool:
    """Whether row `r` is blank (no value, no formula) outside the columns `kecuali`."""
    return all(
        _kosong(v) and ws_r.cell(r, peta[j]).data_type != "f"
        for j, v in mentah.items()
        if j not in kecuali
    )


class _Pembaca:
    def __init__(
        self, bk: BukuKerja, identitas: Identitas, konteks: KonteksData, path_satker: Path
    ) -> None:
        self.bk = bk
        self.path_satker = path_satker
        self.id = identitas
        self.konteks = konteks
        self.masalah: list[Masalah] = []
        self.hasil: dict[str, dict[str, Any]] = {b: {} for b in t.BERKAS}
        self.asal: dict[tuple[str, tuple[Any, ...]], Lokasi] = {}
        self.bidang: dict[tuple[str, tuple[Any, ...]], frozenset[str]] = {}
        self.sel_gagal: set[tuple[str, str]] = set()
        self.tak_terbaca: set[tuple[str, tuple[Any, ...]]] = set()
        self.catatan: list[str] = []
        self.sasaran = {x.kode for x in konteks.katalog.sasaran}

    # ------------------------------------------------------------------ helpers

    def galat(
        self, pesan: str, lembar: str | None = None, sel: str | None = None, **kw: Any
    ) -> None:
        self.masalah.append(Masalah(pesan, lembar, sel, **kw))

    def catat_asal(self, berkas: str, jalur: tuple[Any, ...], lokasi: Lokasi) -> None:
        self.asal.setdefault((berkas, jalur), lokasi)
        for n in range(1, len(jalur)):
            self.asal.setdefault((berkas, jalur[:n]), lokasi)

    def _nilai_sel(
        self, ws_n: Worksheet, ws_r: Worksheet | None, baris: int, kolom: int
    ) -> tuple[Any, str]:
        """(value, number format) of a cell, the cached value for a formula; MasalahSel for a
        formula without a cached value or an error value."""
        sel_n = ws_n.cell(baris, kolom)
        if ws_r is not None:
            sel_r = ws_r.cell(baris, kolom)
            if sel_r.data_type == "f" and sel_n.value is None:
                rumus = sel_r.value if isinstance(sel_r.value, str) else "rumus array"
                raise c.MasalahSel(
                    f"berisi rumus {c.teks_tampil(rumus)} tanpa nilai tersimpan; buka dan "
                    "simpan berkas di Excel atau LibreOffice agar hasilnya tersimpan, atau "
                    "ketik nilainya"
                )
        if sel_n.data_type == "e":
            raise c.MasalahSel(f"berisi galat rumus {sel_n.value}; perbaiki rumusnya")
        return sel_n.value, sel_n.number_format

    def baca_sel(
        self,
        lembar: str,
        ws_n: Worksheet,
        ws_r: Worksheet | None,
        baris: int,
        kolom: int,
        jenis: str,
        konteks: str,
        *,
        pilihan: tuple[str, ...] = (),
        boleh_td: bool = True,
    ) -> tuple[Any, Any]:
        """(parsed value or _GAGAL, raw value); problems recorded with the cell."""
        koordinat = f"{get_column_letter(kolom)}{baris}"
        mentah: Any = None
        try:
            mentah, fmt = self._nilai_sel(ws_n, ws_r, baris, kolom)
            return _urai(jenis, mentah, fmt, pilihan, boleh_td), mentah
        except c.MasalahSel as err:
            self.galat(
                str(err),
                lembar,
                koordinat,
                konteks=konteks,
                nilai=mentah if mentah is not None else TANPA,
            )
            self.sel_gagal.add((lembar, koordinat))
            return _GAGAL, mentah

    # ------------------------------------------------------------------ structure

    def lembar_ada(self, nama: str) -> tuple[Worksheet, Worksheet] | None:
        if nama not in self.bk.nilai.sheetnames:
            self.galat(
                f"lembar {nama!r} tidak ada (dihapus atau diganti nama?); buat ulang buku kerja "
                "dengan lkjip templat atau lkjip ekspor, atau kembalikan lembarnya",
                nama,
            )
            self.tak_terbaca_lembar(nama)
            return None
        return self.bk.nilai[nama], self.bk.rumus[nama]

    def tak_terbaca_lembar(self, nama: str) -> None:
        """The fields a sheet fills are unknown when it cannot be read: the schema's "wajib
        diisi" for them would only repeat the sheet's own problem."""
        lb = next((x for x in t.LEMBAR if x.nama == nama), None)
        if lb is None:
            return
        if lb.isian:
            for i in lb.isian:
                self.tak_terbaca.add((i.berkas or lb.berkas, i.jalur[:1]))
        elif lb.kelompok:
            self.tak_terbaca.update(lb.kelompok.values())
        elif lb.daftar is not None:
            self.tak_terbaca.add((lb.berkas, lb.daftar))
        if lb in (t.KINERJA, t.REALISASI_PERIODE, t.NARASI_IKK):
            self.tak_terbaca.add(("kinerja", ("indikator",)))

    def cek_gabungan(self, nama: str, ws: Worksheet) -> None:
        for rng in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
            if rng.max_row >= t.BARIS_JUDUL:
                self.galat(
                    f"sel digabung (merge) {rng.coord} di area judul/data; pisahkan kembali "
                    "(Unmerge) dan isi setiap sel sendiri-sendiri",
                    nama,
                    rng.coord,
                )

    def peta_judul(
        self, nama: str, ws: Worksheet, harapan: list[str], wajib: set[str]
    ) -> dict[str, int] | None:
        """Column of each expected header; problems for missing and unknown ones."""
        if ws.max_row > 50_000 or ws.max_column > 200:
            self.galat(
                f"lembar terlalu besar ({ws.max_row} baris × {ws.max_column} kolom); hapus "
                "baris/kolom kosong berformat di bawah dan di kanan data",
                nama,
            )
            return None
        normal = {_norm(h): h for h in harapan}
        peta: dict[str, int] = {}
        tak_dikenal: list[tuple[int, str]] = []
        for kol in range(1, ws.max_column + 1):
            v = ws.cell(t.BARIS_JUDUL, kol).value
            if _kosong(v):
                continue
            teks = str(v).strip()
            h = normal.get(_norm(teks))
            if h is None or h in peta:
                tak_dikenal.append((kol, teks))
            else:
                peta[h] = kol
        hilang = [h for h in harapan if h not in peta and h in wajib]
        if len(tak_dikenal) == 1 and len(hilang) == 1:
            # one header typed over: one mistake, one message
            kol, teks = tak_dikenal[0]
            self.galat(
                f"judul kolom {teks!r} tidak dikenal; seharusnya {hilang[0]!r} (judul diubah?): "
                "kembalikan judulnya persis seperti templat",
                nama,
                f"{get_column_letter(kol)}{t.BARIS_JUDUL}",
            )
            peta[hilang[0]] = kol
            return peta
        for kol, teks in tak_dikenal:
            self.galat(
                f"kolom tambahan {teks!r} tidak dikenal; hapus kolom ini (buku kerja hanya "
                "membaca kolom templat; catatan dapat ditulis di lembar baru)",
                nama,
                f"{get_column_letter(kol)}{t.BARIS_JUDUL}",
            )
        for h in harapan:
            if h in hilang:
                self.galat(
                    f"kolom {h!r} tidak ada (judul diubah atau kolom dihapus?); kembalikan judul "
                    "kolomnya persis seperti templat",
                    nama,
                    f"{t.BARIS_JUDUL}:{t.BARIS_JUDUL}",
                )
        terpakai = set(peta.values()) | {k for k, _ in tak_dikenal}
        for kol in range(1, ws.max_column + 1):
            if kol in terpakai:
                continue
            for (v,) in ws.iter_rows(
                min_row=t.BARIS_DATA, min_col=kol, max_col=kol, values_only=True
            ):
                if not _kosong(v):
                    break
            else:
                continue
            contoh = next(
                f"{get_column_letter(kol)}{r}"
                for r in range(t.BARIS_DATA, ws.max_row + 1)
                if not _kosong(ws.cell(r, kol).value)
            )
            self.galat(
                f"kolom {get_column_letter(kol)} tanpa judul berisi data (mis. {contoh}); hapus "
                "isinya atau pindahkan ke kolom yang benar",
                nama,
                contoh,
            )
        return peta

    # ------------------------------------------------------------------ table sheets

    def baca_tabel(self, lb: t.Lembar) -> list[_Baris] | None:
        pasangan = self.lembar_ada(lb.nama)
        if pasangan is None:
            return None
        ws_n, ws_r = pasangan
        self.cek_gabungan(lb.nama, ws_n)
        wajib = {k.judul for k in lb.kolom_baca()}
        peta = self.peta_judul(lb.nama, ws_n, [k.judul for k in lb.kolom], wajib)
        if peta is None or not wajib <= set(peta):
            self.tak_terbaca_lembar(lb.nama)
            return None
        kolom = [k for k in lb.kolom_baca() if k.judul in peta]
        kunci_kolom = next((k for k in kolom if k.judul in lb.kunci), None)
        hasil: list[_Baris] = []
        dilihat: dict[tuple[Any, ...], int] = {}
        kunci_dilihat: dict[tuple[Any, ...], int] = {}
        for r in range(t.BARIS_DATA, ws_n.max_row + 1):
            mentah_baris = {k.judul: ws_n.cell(r, peta[k.judul]).value for k in kolom}
            if _baris_kosong(ws_r, r, peta, mentah_baris, ()) or (
                lb.kunci_awal and _baris_kosong(ws_r, r, peta, mentah_baris, lb.kunci_awal)
            ):
                continue
            b = self._baca_baris(lb, pasangan, r, peta, kolom, kunci_kolom, mentah_baris)
            if self._baris_ganda(lb, b, kolom, dilihat):
                continue
            if lb.kunci and self._kunci_ganda(lb, b, peta, kunci_dilihat):
                continue
            hasil.append(b)
        return hasil

    def _baca_baris(
        self,
        lb: t.Lembar,
        pasangan: tuple[Worksheet, Worksheet],
        r: int,
        peta: dict[str, int],
        kolom: list[t.Kolom],
        kunci_kolom: t.Kolom | None,
        mentah_baris: dict[str, Any],
    ) -> _Baris:
        """Read every column of data row `r` of a table sheet (its values and formulas)."""
        ws_n, ws_r = pasangan
        label_kunci = None
        if kunci_kolom is not None and not _kosong(mentah_baris.get(kunci_kolom.judul)):
            label_kunci = str(mentah_baris[kunci_kolom.judul]).strip()
        b = _Baris(r, {}, {}, {}, label_kunci)
        for k in kolom:
            kol = peta[k.judul]
            konteks = (
                f"{label_kunci}, {k.judul}" if label_kunci and k is not kunci_kolom else k.judul
            )
            v, m = self.baca_sel(
                lb.nama,
                ws_n,
                ws_r,
                r,
                kol,
                k.jenis,
                konteks,
                pilihan=k.pilihan,
                boleh_td=k.boleh_td,
            )
            b.nilai[k.judul] = v
            b.mentah[k.judul] = m
            b.sel[k.judul] = f"{get_column_letter(kol)}{r}"
        return b

    def _baris_ganda(
        self, lb: t.Lembar, b: _Baris, kolom: list[t.Kolom], dilihat: dict[tuple[Any, ...], int]
    ) -> bool:
        """Whether row `b` repeats an earlier row cell for cell (reported); else remember it."""
        tanda = tuple(_tanda(b.mentah[k.judul]) for k in kolom)
        if tanda in dilihat:
            self.galat(
                f"baris ini sama persis dengan baris {dilihat[tanda]} (baris ganda?); hapus "
                "salah satu",
                lb.nama,
                f"A{b.nomor}",
            )
            return True
        dilihat[tanda] = b.nomor
        return False

    def _kunci_ganda(
        self,
        lb: t.Lembar,
        b: _Baris,
        peta: dict[str, int],
        kunci_dilihat: dict[tuple[Any, ...], int],
    ) -> bool:
        """Whether row `b` repeats the key of an earlier row (reported); else remember it."""
        nilai_kunci = tuple(b.nilai.get(j) for j in lb.kunci if j in peta)
        if not all(v is not None and v is not _GAGAL for v in nilai_kunci):
            return False
        kk = tuple(v.lower() if isinstance(v, str) else v for v in nilai_kunci)
        if kk in kunci_dilihat:
            pertama = next(j for j in lb.kunci if j in peta)
            self.galat(
                f"{' + '.join(j for j in lb.kunci if j in peta)} "
                f"{' / '.join(str(v) for v in nilai_kunci)} sudah ada di baris "
                f"{kunci_dilihat[kk]} (baris ganda?); gabungkan atau hapus salah satu",
                lb.nama,
                b.sel[pertama],
                nilai=b.mentah[pertama],
            )
            return True
        kunci_dilihat[kk] = b.nomor
        return False

    def isi_daftar(self, lb: t.Lembar, baris: list[_Baris]) -> None:
        """A generic table sheet: each row becomes an item of its list."""
        per_daftar: dict[tuple[str, tuple[str, ...]], list[tuple[_Baris, Any]]] = {}
        if lb.kelompok:
            for tujuan in lb.kelompok.values():
                per_daftar.setdefault(tujuan, [])
        else:
            assert lb.daftar is not None
            per_daftar[(lb.berkas, lb.daftar)] = []
        judul_kelompok = lb.kolom[0].judul if lb.kelompok else None
        for b in baris:
            if judul_kelompok is not None:
                k = b.nilai.get(judul_kelompok)
                if k is _GAGAL:
                    continue
                if k is None:
                    self.galat(
                        f"kolom {judul_kelompok} kosong; pilih salah satu dari: "
                        + ", ".join(lb.kelompok),
                        lb.nama,
                        b.sel[judul_kelompok],
                    )
                    continue
                tujuan = lb.kelompok[k]
            else:
                tujuan = (lb.berkas, lb.daftar)  # type: ignore[assignment]
            butir, bidang = _butir_daftar(lb, b)
            if butir is _GAGAL:
                continue
            per_daftar[tujuan].append((b, butir))
            berkas, jalur = tujuan
            i = len(per_daftar[tujuan]) - 1
            self.catat_baris(lb, b, berkas, (*jalur, i), bidang)
        for (berkas, jalur), isi in per_daftar.items():
            if isi:
                _pasang(self.hasil[berkas], jalur, [butir for _, butir in isi])
            elif len(jalur) == 1 and berkas in ("klaim", "tanggapan"):
                self.hasil[berkas][jalur[0]] = []
            if not isi:
                self.catat_asal(berkas, jalur, Lokasi(lb.nama, f"A{t.BARIS_JUDUL}"))

    def catat_baris(
        self, lb: t.Lembar, b: _Baris, berkas: str, jalur: tuple[Any, ...], bidang: set[str]
    ) -> None:
        pertama = next(iter(b.sel.values()))
        self.catat_asal(berkas, jalur, Lokasi(lb.nama, pertama))
        self.bidang[(berkas, jalur)] = frozenset(bidang)
        for k in lb.kolom_baca():
            if k.judul not in b.sel:
                continue
            kon = f"{b.label}, {k.judul}" if b.label and k.judul not in lb.kunci else k.judul
            m = b.mentah.get(k.judul)
            lok = Lokasi(lb.nama, b.sel[k.judul], TANPA if m is None else m, kon)
            if k.field == ():
                self.asal[(berkas, jalur)] = lok
            elif k.field:
                self.catat_asal(berkas, (*jalur, *k.field), lok)

    # ------------------------------------------------------------------ form sheets

    def baca_isian(self, lb: t.Lembar) -> None:
        pasangan = self.lembar_ada(lb.nama)
        if pasangan is None:
            return
        ws_n, ws_r = pasangan
        self.cek_gabungan(lb.nama, ws_n)
        peta = self.peta_judul(lb.nama, ws_n, list(t.KOLOM_ISIAN), set(t.KOLOM_ISIAN[:3]))
        if peta is None or "Field" not in peta or "Nilai" not in peta:
            self.tak_terbaca_lembar(lb.nama)
            return
        kol_kunci, kol_nilai = peta["Field"], peta["Nilai"]
        isian = {i.kunci: i for i in lb.isian}
        dilihat: dict[str, int] = {}
        for r in range(t.BARIS_DATA, ws_n.max_row + 1):
            kunci_mentah = ws_n.cell(r, kol_kunci).value
            nilai_mentah = ws_n.cell(r, kol_nilai).value
            if _kosong(kunci_mentah):
                if not _kosong(nilai_mentah):
                    self.galat(
                        "nilai tanpa nama Field di kolom A; isi hanya baris yang sudah ada",
                        lb.nama,
                        f"{get_column_letter(kol_nilai)}{r}",
                        nilai=nilai_mentah,
                    )
                continue
            kunci = str(kunci_mentah).strip()
            i = isian.get(kunci)
            if i is None:
                self.galat(
                    f"Field {kunci!r} tidak dikenal (diubah?); kembalikan seperti templat",
                    lb.nama,
                    f"{get_column_letter(kol_kunci)}{r}",
                )
                continue
            if kunci in dilihat:
                self.galat(
                    f"Field {kunci!r} sudah ada di baris {dilihat[kunci]} (baris ganda?); hapus "
                    "salah satu",
                    lb.nama,
                    f"{get_column_letter(kol_kunci)}{r}",
                )
                continue
            dilihat[kunci] = r
            v, m = self.baca_sel(
                lb.nama,
                ws_n,
                ws_r,
                r,
                kol_nilai,
                i.jenis,
                i.label,
                pilihan=i.pilihan,
                boleh_td=i.boleh_td,
            )
            berkas = i.berkas or lb.berkas
            lok = Lokasi(
                lb.nama,
                f"{get_column_letter(kol_nilai)}{r}",
                m if m is not None else TANPA,
                i.label,
            )
            self.catat_asal(berkas, i.jalur, lok)
            if v is None or v is _GAGAL:
                continue
            if lb is t.PERIODE_LAPORAN and i.kunci == "periode_laporan.periode":
                if v != self.id.periode:
                    self.galat(
                        f"periode diubah menjadi {v!r}; buku kerja ini dibuat untuk periode "
                        f"{self.id.periode!r} (buat buku kerja baru untuk periode lain)",
                        lb.nama,
                        lok.sel,
                    )
                continue
            _pasang(self.hasil[berkas], i.jalur, _yaml(v))
        hilang = [k for k in isian if k not in dilihat]
        if hilang:
            self.galat(
                "baris Field berikut tidak ada (dihapus?): " + ", ".join(hilang) + "; kembalikan "
                "barisnya atau buat ulang buku kerja",
                lb.nama,
            )
        for daftar in ("e_performance_triwulan", "e_monev_bulan"):
            nilai = self.hasil.get(lb.berkas, {}).get(daftar)
            if lb is t.E_KINERJA and isinstance(nilai, list):
                while nilai and nilai[-1] is None:
                    nilai.pop()

    # ------------------------------------------------------------------ satker and IKK

    def baca_satker(self) -> list[s.IndikatorTambahan] | None:
        """Satker and IKK Satker sheets; returns the validated overrides (None if invalid)."""
        self.baca_isian(t.SATKER)
        sk = self.hasil["satker"]
        sk_baru = {"id": self.id.satker, "katalog": self.id.katalog}
        sk_baru.update(sk)
        self.hasil["satker"] = sk_baru
        baris = self.baca_tabel(t.IKK_SATKER)
        if baris is None:
            return None
        self.isi_daftar(t.IKK_SATKER, baris)
        tambahan: list[s.IndikatorTambahan] = []
        for butir in self.hasil["satker"].get("indikator_tambahan", []):
            try:
                tambahan.append(s.IndikatorTambahan.model_validate(butir))
            except ValidationError:
                return None  # reported with its cell by the schema validation of satker.yaml
        return tambahan

    def indikator(self, tambahan: list[s.IndikatorTambahan] | None) -> dict[str, s.IndikatorDef]:
        from ...muat.data import gabung_indikator

        katalog = {x.kode: x for x in self.konteks.katalog.indikator}
        if not tambahan:
            return katalog
        sasaran = {x.kode: x for x in self.konteks.katalog.sasaran}
        hasil, _asal, masalah = gabung_indikator(katalog, sasaran, tambahan, self.path_satker)
        for err in masalah:
            m = re.search(r"indikator_tambahan\[(\d+)\]", err.lokasi or "")
            lok = self.asal.get(("satker", ("indikator_tambahan", int(m[1]) - 1))) if m else None
            self.galat(
                err.pesan,
                lok.lembar if lok else t.IKK_SATKER.nama,
                lok.sel if lok else None,
            )
        return hasil

    # ------------------------------------------------------------------ kinerja

    def baca_kinerja(self, defs: dict[str, s.IndikatorDef], kode_tambahan: set[str]) -> None:
        self.baca_isian(t.PERIODE_LAPORAN)
        self._periode_laporan()
        baris = self.baca_tabel(t.KINERJA)
        per_periode = self.baca_tabel(t.REALISASI_PERIODE)
        narasi = self.baca_tabel(t.NARASI_IKK)
        if baris is None:
            return
        nama = t.KINERJA.nama
        butir_ikk: list[dict[str, Any]] = []
        dalam_pk: dict[str, tuple[int, _Baris, str | None]] = {}
        for b in baris:
            kode = self._kode_dalam_pk(b, defs, kode_tambahan)
            if kode is None:
                continue
            jenis_periode = b.nilai.get(t.KOLOM_DATA_PERIODE)
            jenis_periode = None if jenis_periode is _GAGAL else jenis_periode
            i = len(butir_ikk)
            butir, bidang = self._butir_kinerja(b, kode, jenis_periode)
            dalam_pk[kode] = (i, b, jenis_periode)
            self.catat_baris(t.KINERJA, b, "kinerja", ("indikator", i), bidang | {"narasi"})
            realisasi_sel = next(
                (b.sel[j] for j in ("Pembilang", "Nilai", t.KOLOM_DATA_PERIODE) if j in b.sel), None
            )
            if realisasi_sel:
                self.asal[("kinerja", ("indikator", i, "realisasi"))] = Lokasi(
                    nama, realisasi_sel, TANPA, f"{kode}, realisasi"
                )
            butir_ikk.append(butir)
        if per_periode is not None:
            self._realisasi_periode(per_periode, butir_ikk, dalam_pk, defs)
        if narasi is not None:
            self._narasi_ikk(narasi, butir_ikk, dalam_pk, defs)
        self._cek_bulat(butir_ikk, defs)
        self.hasil["kinerja"]["indikator"] = butir_ikk
        if not butir_ikk:
            self.catat_asal("kinerja", ("indikator",), Lokasi(nama, f"A{t.BARIS_DATA}"))

    def _periode_laporan(self) -> None:
        pl = self.hasil["kinerja"].get("periode_laporan", {})
        lama = self.konteks.mentah.get("kinerja")
        lama_pl = lama.get("periode_laporan") if isinstance(lama, dict) else None
        if self.id.periode != "tahunan" or (isinstance(lama_pl, dict) and "periode" in lama_pl):
            pl = {"periode": self.id.periode, **pl}
        if (
            isinstance(lama_pl, str)
            and set(pl) == {"keterangan"}
            and pl["keterangan"] == lama_pl.strip()
        ):
            self.hasil["kinerja"]["periode_laporan"] = lama_pl
        elif pl:
            self.hasil["kinerja"]["periode_laporan"] = pl
        else:
            self.hasil["kinerja"].pop("periode_laporan", None)

    def _kode_dalam_pk(
        self, b: _Baris, defs: dict[str, s.IndikatorDef], kode_tambahan: set[str]
    ) -> str | None:
        """The IKK code of Kinerja row `b` if it is a known IKK in the PK (else reported/skipped)."""
        nama = t.KINERJA.nama
        kode = b.nilai.get(t.KOLOM_KODE)
        if kode is _GAGAL:
            return None
        if kode is None:
            self.galat(
                "Kode IKK kosong pada baris yang berisi data; isi kodenya atau hapus baris",
                nama,
                b.sel[t.KOLOM_KODE],
            )
            return None
        if kode not in defs:
            if kode not in kode_tambahan:
                self.galat(
                    f"kode IKK {kode!r} tidak ada di katalog {self.konteks.katalog.id} "
                    "maupun di lembar IKK Satker; periksa kodenya (mis. SK1.1) atau "
                    "definisikan IKK baru di lembar IKK Satker",
                    nama,
                    b.sel[t.KOLOM_KODE],
                    nilai=b.mentah[t.KOLOM_KODE],
                )
            return None
        ya = b.nilai.get(t.KOLOM_DALAM_PK)
        if ya is False:
            nilai_kolom = [k.judul for k in t.KINERJA.kolom_baca() if k.field is not None]
            terisi = [j for j in nilai_kolom if b.ada(j)]
            if terisi:
                self.galat(
                    f"IKK {kode} ditandai Tidak dalam PK tetapi berisi {', '.join(terisi)}; "
                    "ubah Dalam PK menjadi Ya atau kosongkan isiannya",
                    nama,
                    b.sel[t.KOLOM_DALAM_PK],
                )
            return None
        if ya is _GAGAL:
            return None
        return kode

    def _butir_kinerja(
        self, b: _Baris, kode: str, jenis_periode: str | None
    ) -> tuple[dict[str, Any], set[str]]:
        """The kinerja.yaml item of Kinerja row `b`, and the fields its columns cover."""
        butir: dict[str, Any] = {"kode": kode}
        bidang = {"kode"}
        for k in t.KINERJA.kolom_baca():
            if k.field is None:
                continue
            bidang.add(k.field[0])
            v = b.nilai.get(k.judul)
            if v is None or v is _GAGAL:
                continue
            if self._salah_tempat_periode(b, k, kode, jenis_periode):
                continue
            _pasang(butir, k.field, _yaml(v))
        if jenis_periode:
            butir["realisasi"]["periode"].setdefault("data", [])
        return butir, bidang

    def _salah_tempat_periode(
        self, b: _Baris, k: t.Kolom, kode: str, jenis_periode: str | None
    ) -> bool:
        """Whether the filled cell of column `k` contradicts the row's Data periode (reported)."""
        nama = t.KINERJA.nama
        if k.field[0] == "realisasi" and jenis_periode and k.field[1] != "periode":
            pesan = (
                f"IKK {kode} berdata {jenis_periode}an (kolom {t.KOLOM_DATA_PERIODE}); "
                f"kosongkan {k.judul} di sini dan isi lembar Realisasi Periode"
            )
        elif k.field == ("realisasi", "periode", "mulai") and not jenis_periode:
            pesan = (
                f"Mulai ke hanya untuk IKK berdata periode; pilih {t.KOLOM_DATA_PERIODE} "
                "atau kosongkan sel ini"
            )
        else:
            return False
        self.galat(pesan, nama, b.sel[k.judul], nilai=b.mentah[k.judul])
        self.sel_gagal.add((nama, b.sel[k.judul]))
        return True

    def _realisasi_periode(
        self,
        baris: list[_Baris],
        butir_ikk: list[dict[str, Any]],
        dalam_pk: dict[str, tuple[int, _Baris, str | None]],
        defs: dict[str, s.IndikatorDef],
    ) -> None:
        nama = t.REALISASI_PERIODE.nama
        jumlah: dict[str, int] = {}
        for b in baris:
            kode, ke = b.nilai.get(t.KOLOM_KODE), b.nilai.get("Ke")
            if kode is _GAGAL or ke is _GAGAL:
                continue
            if kode is None:
                self.galat("Kode IKK kosong pada baris berisi angka", nama, b.sel[t.KOLOM_KODE])
                continue
            if kode not in dalam_pk:
                sebab = (
                    "tidak ada di katalog maupun lembar IKK Satker"
                    if kode not in defs
                    else "tidak Dalam PK di lembar Kinerja"
                )
                self.galat(
                    f"IKK {kode!r} {sebab}", nama, b.sel[t.KOLOM_KODE], nilai=b.mentah[t.KOLOM_KODE]
                )
                continue
            i, _b, jenis = dalam_pk[kode]
            if not jenis:
                self.galat(
                    f"IKK {kode} tidak berdata periode: pilih bulan/triwulan/semester di kolom "
                    f"{t.KOLOM_DATA_PERIODE} lembar Kinerja (baris {_b.nomor}), atau hapus baris ini",
                    nama,
                    b.sel[t.KOLOM_KODE],
                )
                continue
            if ke is None:
                self.galat(
                    "kolom Ke kosong; isi nomor bulan (triwulan, semester)", nama, b.sel["Ke"]
                )
                continue
            batas = s.JUMLAH_PERIODE[jenis]
            if not 1 <= ke <= batas:
                self.galat(
                    f"Ke {ke} di luar {jenis} 1–{batas} (IKK {kode} berdata {jenis}an)",
                    nama,
                    b.sel["Ke"],
                    nilai=b.mentah["Ke"],
                )
                self.sel_gagal.add((nama, b.sel["Ke"]))
                continue
            data = butir_ikk[i]["realisasi"]["periode"]["data"]
            entri: dict[str, Any] = {"ke": ke}
            for j in ("Pembilang", "Penyebut", "Nilai"):
                v = b.nilai.get(j)
                if v is not None and v is not _GAGAL:
                    entri[j.lower()] = _yaml(v)
            n = len(data)
            data.append(entri)
            jumlah[kode] = jumlah.get(kode, 0) + 1
            self.catat_baris(
                t.REALISASI_PERIODE,
                b,
                "kinerja",
                ("indikator", i, "realisasi", "periode", "data", n),
                {"ke", "pembilang", "penyebut", "nilai"},
            )

    def _narasi_ikk(
        self,
        baris: list[_Baris],
        butir_ikk: list[dict[str, Any]],
        dalam_pk: dict[str, tuple[int, _Baris, str | None]],
        defs: dict[str, s.IndikatorDef],
    ) -> None:
        nama = t.NARASI_IKK.nama
        per_ikk: dict[str, dict[str, tuple[str, _Baris]]] = {}
        for b in baris:
            kode, bagian, teks = (
                b.nilai.get(t.KOLOM_KODE),
                b.nilai.get("Bagian"),
                b.nilai.get("Teks"),
            )
            if _GAGAL in (kode, bagian, teks):
                continue
            if kode is None:
                self.galat("Kode IKK kosong pada baris berisi teks", nama, b.sel[t.KOLOM_KODE])
                continue
            if bagian is None:
                self.galat(
                    "Bagian kosong; pilih salah satu dari: " + ", ".join(t.BAGIAN_NARASI_IKK),
                    nama,
                    b.sel["Bagian"],
                )
                continue
            if teks is None:
                continue
            if kode not in dalam_pk:
                sebab = (
                    "tidak ada di katalog maupun lembar IKK Satker"
                    if kode not in defs
                    else "tidak Dalam PK di lembar Kinerja"
                )
                self.galat(
                    f"narasi untuk IKK {kode!r} yang {sebab}",
                    nama,
                    b.sel[t.KOLOM_KODE],
                    nilai=b.mentah[t.KOLOM_KODE],
                )
                continue
            per_ikk.setdefault(kode, {})[bagian] = (teks, b)
        for kode, bagian in per_ikk.items():
            i = dalam_pk[kode][0]
            butir_ikk[i]["narasi"] = {
                nama_bagian: bagian[nama_bagian][0]
                for nama_bagian in t.BAGIAN_NARASI_IKK
                if nama_bagian in bagian
            }
            for nama_bagian, (_teks, b) in bagian.items():
                self.asal[("kinerja", ("indikator", i, "narasi", nama_bagian))] = Lokasi(
                    nama, b.sel["Teks"], TANPA, f"{kode}, {nama_bagian}"
                )

    def _cek_bulat(self, butir_ikk: list[dict[str, Any]], defs: dict[str, s.IndikatorDef]) -> None:
        """Inputs of counting indicators must be whole (the loader's rule, located by cell)."""
        for i, butir in enumerate(butir_ikk):
            d = defs.get(butir["kode"])
            r = butir.get("realisasi")
            if d is None or not isinstance(r, dict) or not d.input_bulat:
                continue
            nama_cacah = ("pembilang", "penyebut") if d.jenis == "rasio" else ("nilai",)
            calon: list[tuple[tuple[Any, ...], Any]] = [
                (("indikator", i, "realisasi", n), r.get(n)) for n in nama_cacah
            ]
            for j, x in enumerate(r.get("periode", {}).get("data", [])):
                calon += [
                    (("indikator", i, "realisasi", "periode", "data", j, n), x.get(n))
                    for n in nama_cacah
                ]
            for jalur, v in calon:
                if isinstance(v, float) and not v.is_integer():
                    lok = self.asal.get(("kinerja", jalur))
                    self.galat(
                        f"IKK {butir['kode']} menghitung orang/unit/dokumen, jadi harus bilangan "
                        "bulat; bila indikator ini memang berpecahan, isi Bilangan bulat = Tidak "
                        f"untuk {butir['kode']} di lembar IKK Satker",
                        lok.lembar if lok else t.KINERJA.nama,
                        lok.sel if lok else None,
                        konteks=lok.konteks if lok else None,
                        nilai=lok.nilai if lok else v,
                    )
                    if lok:
                        self.sel_gagal.add((lok.lembar, lok.sel))

    # ------------------------------------------------------------------ codes

    def cek_sasaran(self) -> None:
        for lb, judul in ((t.ANGGARAN_SASARAN, "Sasaran"), (t.ANGGARAN_PROGRAM, "Sasaran")):
            daftar = self.hasil["anggaran"].get(lb.daftar[0], []) if lb.daftar else []
            for i, butir in enumerate(daftar):
                kode = butir.get("sasaran")
                semua = kode if isinstance(kode, list) else [kode] if kode is not None else []
                salah = [k for k in semua if k not in self.sasaran]
                if salah:
                    lok = self.asal.get(("anggaran", (lb.daftar[0], i, "sasaran")))
                    self.galat(
                        f"kode sasaran {', '.join(salah)} tidak ada di katalog; pilih dari: "
                        + ", ".join(sorted(self.sasaran)),
                        lb.nama,
                        lok.sel if lok else None,
                        konteks=judul,
                        nilai=lok.nilai if lok else TANPA,
                    )
                    if lok:
                        self.sel_gagal.add((lok.lembar, lok.sel))


def _norm(teks: str) -> str:
    return " ".join(str(teks).split()).lower()


def _tanda(v: Any) -> Any:
    if isinstance(v, str):
        return " ".join(v.split())
    return v


def _urai(jenis: str, v: Any, fmt: str, pilihan: tuple[str, ...], boleh_td: bool) -> Any:
    if jenis == "angka":
        d = c.baca_angka_sel(v, fmt)
        if d == EJAAN and not boleh_td:
            raise c.MasalahSel(f"{EJAAN!r} tidak dapat dipakai di sini; isi angkanya")
        return d
    if jenis == "bulat":
        return c.baca_bulat_sel(v, fmt)
    if jenis == "pilihan":
        return c.baca_pilihan_sel(v, pilihan)
    if jenis == "ya_tidak":
        return c.baca_ya_tidak_sel(v)
    if jenis == "tanggal":
        return c.baca_teks_sel(v, tanggal=True)
    if jenis == "nip":
        return c.baca_teks_sel(v, nip=True)
    if jenis == "kode_daftar":
        return c.baca_daftar_kode_sel(v)
    if jenis == "baris_teks":
        return c.baca_baris_teks_sel(v)
    if jenis == "target_tahunan":
        return c.baca_target_tahunan_sel(v)
    return c.baca_teks_sel(v)


def _yaml(v: Any) -> Any:
    """A parsed cell value as it is written to YAML (numbers int/float, maps of them)."""
    if isinstance(v, Decimal):
        return c.ke_yaml(v)
    if isinstance(v, dict):
        return {k: _yaml(x) for k, x in v.items()}
    return v


def _pasang(wadah: dict[str, Any], jalur: Iterable[Any], nilai: Any) -> None:
    """Set ``wadah[j0][j1]… = nilai``, creating maps (and lists for int keys)."""
    jalur = tuple(jalur)
    node: Any = wadah
    for j, berikut in pairwise(jalur):
        if isinstance(node, list):
            while len(node) <= j:
                node.append(None)
            if node[j] is None:
                node[j] = [] if isinstance(berikut, int) else {}
            node = node[j]
        else:
            if j not in node or node[j] is None:
                node[j] = [] if isinstance(berikut, int) else {}
            node = node[j]
    akhir = jalur[-1]
    if isinstance(node, list):
        while len(node) <= akhir:
            node.append(None)
        node[akhir] = nilai
    else:
        node[akhir] = nilai


def baca_isi(
    bk: BukuKerja, identitas: Identitas, konteks: KonteksData, path_satker: Path
) -> IsiBukuKerja:
    """Read every data sheet of ``bk`` (see the module docstring); ``path_satker`` names
    satker.yaml in messages about the IKK overrides."""
    p = _Pembaca(bk, identitas, konteks, path_satker)
    tambahan = p.baca_satker()
    kode_tambahan = {
        x.get("kode")
        for x in p.hasil["satker"].get("indikator_tambahan", [])
        if isinstance(x, dict)
    }
    defs = p.indikator(tambahan)
    p.baca_isian(t.PROFIL)
    for lb in (t.DAFTAR, t.WILAYAH, t.BANGUNAN, t.KEPEGAWAIAN, t.ORGANISASI, t.TUGAS_FUNGSI):
        baris = p.baca_tabel(lb)
        if baris is not None:
            p.isi_daftar(lb, baris)
    p.baca_kinerja(defs, kode_tambahan)
    p.baca_isian(t.ANGGARAN)
    for lb in (t.ANGGARAN_SASARAN, t.ANGGARAN_PROGRAM, t.ANGGARAN_JENIS):
        baris = p.baca_tabel(lb)
        if baris is not None:
            p.isi_daftar(lb, baris)
    p.cek_sasaran()
    p.baca_isian(t.SMART_IKPA)
    p.baca_isian(t.E_KINERJA)
    p.baca_isian(t.NARASI)
    for lb in (t.TANGGAPAN, t.KLAIM):
        baris = p.baca_tabel(lb)
        if baris is not None:
            p.isi_daftar(lb, baris)
    dikenal = set(t.NAMA_LEMBAR) | {t.LEMBAR_INFO}
    lain = [n for n in bk.nilai.sheetnames if n not in dikenal]
    if lain:
        p.catatan.append("lembar berikut tidak dibaca: " + ", ".join(lain))
    return IsiBukuKerja(
        identitas, p.hasil, p.asal, p.bidang, p.masalah, p.sel_gagal, p.tak_terbaca, p.catatan
    )


def baca_identitas(bk: BukuKerja) -> tuple[Identitas | None, list[Masalah]]:
    """The identity stored in the hidden sheet, checked against the Petunjuk sheet."""
    from ...errors import ParameterError
    from ...muat.parameter import validasi_periode, validasi_satker, validasi_tahun

    masalah: list[Masalah] = []
    if t.LEMBAR_INFO not in bk.nilai.sheetnames:
        masalah.append(
            Masalah(
                "bukan buku kerja isian lkjip (lembar tersembunyi _lkjip tidak ada); buat buku "
                "kerja dengan lkjip templat atau lkjip ekspor lalu salin isiannya ke sana"
            )
        )
        return None, masalah
    ws = bk.nilai[t.LEMBAR_INFO]
    info = {
        str(r[0]).strip(): r[1]
        for r in ws.iter_rows(min_row=1, max_row=20, max_col=2, values_only=True)
        if r[0] is not None
    }
    try:
        versi = int(info.get("format", 0))
    except (TypeError, ValueError):
        versi = 0
    if versi != t.VERSI_FORMAT:
        masalah.append(
            Masalah(
                f"buku kerja berformat versi {info.get('format')!r}, lkjip ini membaca versi "
                f"{t.VERSI_FORMAT}; buat ulang dengan lkjip ekspor"
            )
        )
        return None, masalah
    try:
        satker = validasi_satker(str(info.get("satker", "")))
        tahun = validasi_tahun(str(info.get("tahun", "")))
        periode = validasi_periode(str(info.get("periode", "")))
    except ParameterError as err:
        masalah.append(Masalah(f"identitas buku kerja rusak: {err}", t.LEMBAR_INFO))
        return None, masalah
    katalog = str(info.get("katalog", "")).strip()
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._\-]*", katalog):
        masalah.append(Masalah(f"identitas buku kerja rusak: katalog {katalog!r}", t.LEMBAR_INFO))
        return None, masalah
    identitas = Identitas(satker, tahun, periode, katalog, versi, str(info.get("jenis", "")))
    if t.LEMBAR_PETUNJUK in bk.nilai.sheetnames:
        wp = bk.nilai[t.LEMBAR_PETUNJUK]
        for nama, sel_, harapan in (
            ("satker", t.SEL_IDENTITAS["satker"], satker),
            ("tahun", t.SEL_IDENTITAS["tahun"], str(tahun)),
            ("periode", t.SEL_IDENTITAS["periode"], periode),
        ):
            ada = wp[sel_].value
            teks = "" if ada is None else str(ada).strip()
            if isinstance(ada, float) and ada.is_integer():
                teks = str(int(ada))
            if teks != harapan:
                masalah.append(
                    Masalah(
                        f"{nama} diubah menjadi {teks!r}, padahal buku kerja ini dibuat untuk "
                        f"{nama} {harapan!r} ({PERIODE[periode]} {tahun}, satker {satker}); "
                        "impor selalu menulis ke data yang dipakai saat buku kerja dibuat — "
                        "untuk satker atau periode lain buat buku kerja baru dengan lkjip "
                        "templat (--dari-tahun membawa isian periode sebelumnya)",
                        t.LEMBAR_PETUNJUK,
                        sel_,
                    )
                )
    else:
        masalah.append(
            Masalah(
                f"lembar {t.LEMBAR_PETUNJUK!r} tidak ada (dihapus atau diganti nama?); "
                "kembalikan lembarnya atau buat ulang buku kerja",
                t.LEMBAR_PETUNJUK,
            )
        )
    return identitas, masalah


def pesan_skema(err: dict[str, Any]) -> str:
    """The Indonesian text of one pydantic error (as the YAML loader words it)."""
    return pesan_galat(err)
