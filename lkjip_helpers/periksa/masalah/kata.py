"""Plain-Indonesian words of the memo: sentences, lists, names of the report's things and of
narrative fields, and each finding's line (:func:`buat_rincian`)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ...hitung import HasilLaporan
from ...hitung.anggaran import LABEL_JENIS_BELANJA
from ...muat.skema import Tanggapan
from .. import besaran as bs
from ..temuan import Subjek, Temuan
from .model import Rincian

_NARASI_BAB = {
    "kata_pengantar": "Kata Pengantar",
    "ikhtisar_eksekutif": "Ikhtisar Eksekutif",
    "latar_belakang": "Latar Belakang (Bab I)",
    "gambaran_umum": "Gambaran Umum (Bab I)",
    "maksud_tujuan": "Maksud dan Tujuan (Bab I)",
    "sistematika": "Sistematika (Bab I)",
    "perjanjian_kinerja": "Perjanjian Kinerja (Bab II)",
    "akuntabilitas_pengantar": "pengantar Akuntabilitas Kinerja (Bab III)",
    "realisasi_anggaran": "Realisasi Anggaran (Bab III)",
    "smart_dja": "SMART-DJA (Bab III)",
    "ikpa": "IKPA (Bab III)",
    "e_performance": "e-Performance (Bab III)",
    "e_monev": "e-Monev (Bab III)",
    "kesimpulan": "Kesimpulan (Bab IV)",
    "saran": "Saran (Bab IV)",
}


_NARASI_IKK = {
    "penjelasan": "penjelasan",
    "perbandingan_tahun_lalu": "perbandingan dengan tahun lalu",
    "perbandingan_renstra": "perbandingan dengan target Renstra",
    "standar_nasional": "perbandingan dengan standar nasional",
    "penyebab": "penyebab keberhasilan/kegagalan",
    "analisis_program": "analisis program/kegiatan",
    "efisiensi_sumber_daya": "efisiensi sumber daya",
    "upaya": "upaya",
}


def sebagai_kalimat(teks: str) -> str:
    teks = teks.strip()
    if not teks:
        return teks
    teks = teks[0].upper() + teks[1:]
    return teks if teks.endswith((".", "!", "?")) else teks + "."


def huruf_kecil(teks: str) -> str:
    """Lower-case a capitalised first word inside a sentence (``Tahanan, …`` → ``tahanan, …``)."""
    return teks[:1].lower() + teks[1:] if teks[1:2].islower() else teks


def daftar(butir: Iterable[str]) -> str:
    b = list(dict.fromkeys(butir))
    if len(b) <= 1:
        return "".join(b)
    return ", ".join(b[:-1]) + " dan " + b[-1]


def nama_subjek(s: Subjek) -> str:
    if s[0] == "ikk":
        return f"IKK {s[1]}" if len(s) > 1 else "Jumlah IKK"
    if s[0] == "sasaran":
        return f"sasaran {s[1]}"
    if s[0] == "anggaran":
        tabel = bs.LABEL_TABEL_ANGGARAN.get(str(s[2]), str(s[2]))
        if len(s) > 3:
            if s[2] == "per_jenis_belanja":
                return f"anggaran {LABEL_JENIS_BELANJA.get(str(s[3]), s[3])}"
            if s[2] == "per_program":
                return f"anggaran program ke-{s[3]}"
            return f"anggaran sasaran {s[3]}"
        return tabel
    return {
        "smart": "nilai SMART-DJA",
        "ikpa": "nilai IKPA",
        "nka": "nilai kinerja anggaran",
        "e_performance": "e-Performance",
        "e_monev": "e-Monev",
        "pk": "Perjanjian Kinerja",
        "tanggapan": "berkas tanggapan",
    }.get(str(s[0]), " ".join(str(x) for x in s[1:]) or str(s[0]))


def urut_subjek(s: Subjek | None, hasil: HasilLaporan) -> tuple[int, int, str]:
    if not s:
        return (99, 0, "")
    urutan = {
        "profil": 0,
        "pk": 1,
        "ikk": 2,
        "sasaran": 3,
        "anggaran": 5,
        "smart": 6,
        "ikpa": 7,
        "nka": 8,
        "e_performance": 9,
        "e_monev": 10,
        "narasi": 11,
        "klaim": 12,
        "tanggapan": 13,
    }
    kelas = urutan.get(str(s[0]), 50)
    if s[0] == "ikk" and len(s) > 1:
        kode = [h.kode for h in hasil.ikk]
        return (4, kode.index(str(s[1])) if s[1] in kode else 999, str(s[1]))
    if s[0] == "anggaran":
        return (kelas, -int(s[1]), " ".join(str(x) for x in s[2:]))
    return (kelas, 0, " ".join(str(x) for x in s[1:]))


def buat_rincian(t: Temuan, hasil: HasilLaporan, jawab: dict[str, Tanggapan]) -> Rincian:
    umum = {
        "temuan_id": t.id,
        "kode": t.kode,
        "tingkat": t.tingkat,
        "subjek": t.subjek,
        "lokasi_data": t.lokasi,
        "catatan": t.catatan if t.kode != "NARASI_ANGKA_BEDA" else None,
        "tanggapan": jawab.get(t.id),
    }
    b = bs.dari_temuan(hasil, t)
    if b is not None and (b.ukuran != "bobot" or t.sumber):
        th, nama, label = b.tahun, b.nama, b.label
        dinyatakan = None
        if t.dinyatakan is not None:
            v = Decimal(t.dinyatakan)
            dinyatakan = bs.tulis(v, b, bs.desimal_tertulis(v))
        dihitung = bs.tulis(Decimal(t.dihitung), b) if t.dihitung else None
        rumus = b.rumus
        if t.kode == "NARASI_ANGKA_BEDA":
            teks = (
                f"{sebagai_kalimat(label)[:-1]}: narasi {bagian_narasi(t)} menyebut {dinyatakan}; "
                f"hasil hitung {dihitung}"
            )
            return Rincian(
                teks=teks,
                besaran=nama,
                tahun=th,
                label=label,
                dinyatakan=dinyatakan,
                dihitung=dihitung,
                perhitungan=rumus,
                kutipan=t.catatan,
                **umum,  # type: ignore[arg-type]
            )
        if t.kode == "ANGGARAN_SEL_TIDAK_COCOK":
            teks = (
                f"{sebagai_kalimat(label)[:-1]}: tercatat (seperti draf) {dinyatakan}; angka lain "
                f"tabelnya mendukung {dihitung}"
            )
            rumus = None
        elif dihitung is None:
            teks = (
                f"{sebagai_kalimat(label)[:-1]}: draf {dinyatakan}, tidak dapat dihitung dari data"
            )
        else:
            teks = f"{sebagai_kalimat(label)[:-1]}: draf {dinyatakan}, hasil hitung {dihitung}"
        return Rincian(
            teks=teks,
            besaran=nama,
            tahun=th,
            label=label,
            draf=t.sumber,
            dinyatakan=dinyatakan,
            dihitung=dihitung,
            perhitungan=rumus,
            kutipan=t.kutipan,
            **umum,  # type: ignore[arg-type]
        )
    if t.kode == "NARASI_ANGKA_BEDA":
        teks = sebagai_kalimat(t.pesan)[:-1] + f" (narasi {bagian_narasi(t)})"
        return Rincian(teks=teks, kutipan=t.catatan, **umum)  # type: ignore[arg-type]
    return Rincian(teks=sebagai_kalimat(t.pesan)[:-1], draf=t.sumber, kutipan=t.kutipan, **umum)  # type: ignore[arg-type]


def bagian_narasi(t: Temuan) -> str:
    """``Kesimpulan (Bab IV)`` / ``IKK SK1.1 (penjelasan)`` from a narrative finding's key."""
    asal = t.kunci.split("|", 1)[0]
    if asal.startswith("narasi."):
        nama = asal.removeprefix("narasi.")
        return _NARASI_BAB.get(nama, nama.replace("_", " "))
    if asal.startswith("kinerja."):
        kode, _, nama = asal.removeprefix("kinerja.").rpartition(".")
        return f"IKK {kode} ({_NARASI_IKK.get(nama, nama.replace('_', ' '))})"
    return "laporan"


def tempat_klaim(t: Temuan) -> str:
    """Where a stated figure stands: the draft's location, or the narrative field."""
    return t.sumber or t.kunci.split("|", 1)[0]
