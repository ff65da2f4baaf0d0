"""The workbook reader's machinery (:class:`_Pembaca`): sheets, headers, cells, table and form
sheets, read into the fields of the YAML files with every problem recorded. The kinerja-specific
rules are in :mod:`.pembaca_kinerja`; the entry point is :func:`.baca.baca_isi`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ...tidak_diketahui import EJAAN
from . import sel as c
from . import tata_letak as t
from .buka import BukuKerja
from .hasil_baca import _GAGAL, TANPA, Identitas, KonteksData, Lokasi, Masalah

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
        peta, tak_dikenal = _judul_terbaca(ws, harapan)
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
        self._data_tanpa_judul(nama, ws, set(peta.values()) | {k for k, _ in tak_dikenal})
        return peta

    def _data_tanpa_judul(self, nama: str, ws: Worksheet, terpakai: set[int]) -> None:
        """A problem for each column without a header that holds data."""
        for kol in range(1, ws.max_column + 1):
            if kol in terpakai:
                continue
            contoh = next(
                (
                    f"{get_column_letter(kol)}{r}"
                    for r, (v,) in enumerate(
                        ws.iter_rows(
                            min_row=t.BARIS_DATA, min_col=kol, max_col=kol, values_only=True
                        ),
                        start=t.BARIS_DATA,
                    )
                    if not _kosong(v)
                ),
                None,
            )
            if contoh is None:
                continue
            self.galat(
                f"kolom {get_column_letter(kol)} tanpa judul berisi data (mis. {contoh}); hapus "
                "isinya atau pindahkan ke kolom yang benar",
                nama,
                contoh,
            )

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
            i = self._isian_baris(lb, ws_n, r, (kol_kunci, kol_nilai), isian, dilihat)
            if i is not None:
                self._nilai_isian(lb, i, (ws_n, ws_r), r, kol_nilai)
        hilang = [k for k in isian if k not in dilihat]
        if hilang:
            self.galat(
                "baris Field berikut tidak ada (dihapus?): " + ", ".join(hilang) + "; kembalikan "
                "barisnya atau buat ulang buku kerja",
                lb.nama,
            )
        if lb is t.E_KINERJA:
            for daftar in ("e_performance_triwulan", "e_monev_bulan"):
                nilai = self.hasil.get(lb.berkas, {}).get(daftar)
                while isinstance(nilai, list) and nilai and nilai[-1] is None:
                    nilai.pop()

    def _isian_baris(
        self,
        lb: t.Lembar,
        ws: Worksheet,
        r: int,
        kolom: tuple[int, int],
        isian: dict[str, t.Isian],
        dilihat: dict[str, int],
    ) -> t.Isian | None:
        """The field of row ``r`` of a form sheet (column Field); None, with a problem when
        the row is wrong, for an empty, unknown or repeated field."""
        kol_kunci, kol_nilai = kolom
        kunci_mentah = ws.cell(r, kol_kunci).value
        if _kosong(kunci_mentah):
            nilai_mentah = ws.cell(r, kol_nilai).value
            if not _kosong(nilai_mentah):
                self.galat(
                    "nilai tanpa nama Field di kolom A; isi hanya baris yang sudah ada",
                    lb.nama,
                    f"{get_column_letter(kol_nilai)}{r}",
                    nilai=nilai_mentah,
                )
            return None
        kunci = str(kunci_mentah).strip()
        i = isian.get(kunci)
        if i is None:
            self.galat(
                f"Field {kunci!r} tidak dikenal (diubah?); kembalikan seperti templat",
                lb.nama,
                f"{get_column_letter(kol_kunci)}{r}",
            )
            return None
        if kunci in dilihat:
            self.galat(
                f"Field {kunci!r} sudah ada di baris {dilihat[kunci]} (baris ganda?); hapus "
                "salah satu",
                lb.nama,
                f"{get_column_letter(kol_kunci)}{r}",
            )
            return None
        dilihat[kunci] = r
        return i

    def _nilai_isian(
        self,
        lb: t.Lembar,
        i: t.Isian,
        lembar: tuple[Worksheet, Worksheet],
        r: int,
        kol_nilai: int,
    ) -> None:
        """Read the value of field ``i`` (row ``r``) into its file."""
        ws_n, ws_r = lembar
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
            lb.nama, f"{get_column_letter(kol_nilai)}{r}", m if m is not None else TANPA, i.label
        )
        self.catat_asal(berkas, i.jalur, lok)
        if v is None or v is _GAGAL:
            return
        if lb is t.PERIODE_LAPORAN and i.kunci == "periode_laporan.periode":
            if v != self.id.periode:
                self.galat(
                    f"periode diubah menjadi {v!r}; buku kerja ini dibuat untuk periode "
                    f"{self.id.periode!r} (buat buku kerja baru untuk periode lain)",
                    lb.nama,
                    lok.sel,
                )
            return
        _pasang(self.hasil[berkas], i.jalur, _yaml(v))


def _judul_terbaca(
    ws: Worksheet, harapan: list[str]
) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """The expected headers found in the header row (header → column), and the other
    headers written there (column, text), a second copy of a header among them."""
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
    return peta, tak_dikenal


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
