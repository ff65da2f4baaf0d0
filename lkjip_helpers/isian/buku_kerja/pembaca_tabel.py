"""The reader's table sheets (:class:`PembacaTabel`): one list item per row, columns found by
their header, rows keyed and checked for duplicates."""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from . import tata_letak as t
from .hasil_baca import _GAGAL, TANPA, Lokasi
from .pembaca import _Baris, _baris_kosong, _butir_daftar, _kosong, _pasang, _Pembaca, _tanda


class PembacaTabel(_Pembaca):
    """:class:`~.pembaca._Pembaca` with the table sheets."""

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
