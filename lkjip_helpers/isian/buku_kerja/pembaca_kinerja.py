"""The reader's rules for the satker's IKK and the kinerja sheets (:class:`PembacaKinerja`):
indicator definitions (catalog and IKK Satker), the Kinerja, Realisasi Periode and Narasi IKK
sheets, whole numbers, and the sasaran codes."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from ...muat import skema as s
from . import tata_letak as t
from .hasil_baca import _GAGAL, TANPA, Lokasi
from .pembaca import _Baris, _pasang, _yaml
from .pembaca_tabel import PembacaTabel


class PembacaKinerja(PembacaTabel):
    """:class:`~.pembaca_tabel.PembacaTabel` with the satker's IKK and the kinerja sheets."""

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
