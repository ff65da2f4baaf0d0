"""The collection the checks add their findings to, and the small helpers they share."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ... import format_id as f
from ...hitung import HasilLaporan
from ...muat import DataLaporan, DataTahun
from ..kode import buat_temuan
from ..temuan import Subjek, Temuan, Tingkat


class Kumpulan:
    """The findings of one run of the checks, with the data and figures they are made from."""

    def __init__(self, data: DataLaporan, hasil: HasilLaporan) -> None:
        self.data = data
        self.hasil = hasil
        self.temuan: list[Temuan] = []
        self._indeks: dict[str, int] = {}

    def tambah(
        self,
        kode: str,
        lokasi: str,
        pesan: str,
        *,
        kunci: str,
        subjek: tuple[Subjek, ...] = (),
        tingkat: Tingkat | None = None,
        **klaim: object,
    ) -> None:
        """Add a finding of a declared code (:mod:`..kode`), at its declared level unless
        ``tingkat`` names its other one; the same problem (same id) found twice is one
        finding, two places."""
        t = buat_temuan(kode, lokasi, pesan, tingkat=tingkat, kunci=kunci, subjek=subjek, **klaim)
        if t.id in self._indeks:
            i = self._indeks[t.id]
            lama = self.temuan[i]
            lokasi_baru = lama.lokasi if lokasi in lama.lokasi else f"{lama.lokasi}; {lokasi}"
            self.temuan[i] = replace(
                lama, lokasi=lokasi_baru, subjek=tuple(dict.fromkeys(lama.subjek + subjek))
            )
            return
        self._indeks[t.id] = len(self.temuan)
        self.temuan.append(t)

    def lokasi(self, dt: DataTahun | None, nama: str, *loc: int | str, label: str = "") -> str:
        """``2023/kinerja.yaml baris 12, indikator[1] (SK1.1)``."""
        if dt is None:
            return f"{nama}.yaml"
        path = f"{dt.kunci}/{nama}.yaml"
        baris = dt.baris(nama, *loc)
        teks = path + (f" baris {baris}" if baris else "")
        jalur = ""
        for k in loc:
            jalur += f"[{k + 1}]" if isinstance(k, int) else ("." if jalur else "") + str(k)
        if jalur:
            teks += f", {jalur}"
        if label:
            teks += f" ({label})"
        return teks


def persen(x: Decimal | None) -> str:
    return f.persen(x)


def rupiah(x: Decimal | None) -> str:
    return f.rupiah(x)


def subjek_ikk(kode: str) -> tuple[Subjek, ...]:
    return (("ikk", kode),)


def subjek_berkas(berkas: str, jalur: tuple[int | str, ...], k: Kumpulan) -> Subjek:
    """The thing of the report a value of a data file belongs to (for unknown values)."""
    nama = berkas.rsplit("/", 1)[-1].removesuffix(".yaml")
    dt = k.data.ini if berkas.startswith(f"{k.data.ini.kunci}/") else k.data.lalu
    if nama == "kinerja" and dt and dt.kinerja and jalur[:1] == ("indikator",):
        i = jalur[1]
        if isinstance(i, int) and i < len(dt.kinerja.indikator):
            return ("ikk", dt.kinerja.indikator[i].kode)
    if nama == "anggaran" and dt:
        if len(jalur) >= 2 and isinstance(jalur[0], str) and jalur[0].startswith("per_"):
            return ("anggaran", dt.tahun, str(jalur[0]))
        return ("anggaran", dt.tahun, "total")
    if nama == "evaluasi" and jalur:
        akar = str(jalur[0])
        return (
            ("e_performance",)
            if akar.startswith("e_perf")
            else (("e_monev",) if akar.startswith("e_monev") else (akar,))
        )
    if nama == "profil" and jalur:
        akar = str(jalur[0])
        return ("profil", "pegawai" if akar.startswith("pegawai") else akar)
    return ("pk",)
