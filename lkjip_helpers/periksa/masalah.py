"""Findings grouped into distinct problems (:class:`Masalah`) for the review memo.

``lkjip check`` lists findings one by one; a reviewer needs one entry per distinct problem:
1435 > 1177 is *one* problem though it shows in SK1.1, SK1.2 and two dozen figures the draft
states. :func:`susun_masalah` groups and orders them:

1. **error** — a figure cannot be computed or would be wrong;
2. **kesimpulan** — warnings that change a conclusion: an IKK's status (tercapai ↔ tidak
   tercapai, or "Perlu verifikasi"), a count of IKK, the IKPA predicate, a headline score
   (SMART-DJA, NKA) or a total (DIPA, the sum of a breakdown);
3. **peringatan** — the other warnings;
4. **info** — collapsed into one entry per kind ("42 angka draf dipotong, bukan dibulatkan").

Grouping rules:

- a validity failure of an IKK's data (``RASIO_DI_ATAS_100``, a zero penyebut) takes in every
  stated-vs-computed difference of that IKK's realisasi, capaian, pembilang, penyebut and change
  in the report year (they are symptoms of the same numbers);
- a budget table whose parts do not add up is one problem (pagu and realisasi rows); when one
  cell would reconcile it (:mod:`.rekonsiliasi`), the draft figures of that table join it;
- other stated-vs-computed differences (``klaim.yaml``) and stale narrative numbers group per
  figure's subject and year (IKK SK3.3 in 2023; sasaran SK4's budget row in 2023; the NKA);
- wrong component weights typed in a narrative form one problem per score;
- narrative sentences calling an IKK reached while its table does not
  (``NARASI_STATUS_BEDA``) form one problem per IKK, a conclusion the narrative changes;
- everything else is one problem per finding (findings are already one per fact).

A problem's :attr:`Masalah.id` is its only finding's id when it has one anchor finding (so an
answer to the finding answers the problem), else a stable id of the group key. Titles and
explanations are plain Indonesian without codes or file paths; those stay in
:attr:`Rincian.lokasi_data` for the tim penyusun.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from .. import format_id as f
from ..hitung import HasilLaporan, hasil_untuk
from ..hitung.anggaran import LABEL_JENIS_BELANJA
from ..hitung.aturan import predikat
from ..hitung.besaran import Besaran
from ..hitung.capaian import (
    PERLU_VERIFIKASI,
    TERCAPAI,
    TIDAK_TERCAPAI,
    GalatHitung,
    HasilIkk,
    hitung_capaian,
    status,
)
from ..hitung.rumus import jumlah_baris
from ..muat import DataLaporan
from ..muat.kunci import id_temuan
from ..muat.skema import Tanggapan
from . import besaran as bs
from .rekonsiliasi import SelPerbaikan, diagnosa_tabel
from .tanggapan import peta_tanggapan
from .temuan import URUTAN_TINGKAT, Subjek, Temuan, Tingkat

Kelompok = Literal["error", "kesimpulan", "peringatan", "info"]
URUTAN_KELOMPOK: dict[str, int] = {"error": 0, "kesimpulan": 1, "peringatan": 2, "info": 3}
LABEL_KELOMPOK: dict[str, str] = {
    "error": "Kesalahan yang harus diperbaiki",
    "kesimpulan": "Perbedaan yang mengubah kesimpulan",
    "peringatan": "Peringatan lain",
    "info": "Catatan",
}


@dataclass(frozen=True)
class Rincian:
    """One finding under a problem: a place it shows, or one stated-vs-computed figure."""

    temuan_id: str
    kode: str
    tingkat: Tingkat
    teks: str
    """The line in plain Indonesian (no codes, no file paths)."""
    subjek: tuple[Subjek, ...] = ()
    """Things of *our* report it concerns (link targets)."""
    besaran: str | None = None
    tahun: int | None = None
    label: str | None = None
    """The figure in words: ``realisasi SK1.1 2023``."""
    draf: str | None = None
    """Where the *draft* states it, in the draft's own words (``Tabel 3.7``): show it marked
    as the draft's ("draf: Tabel 3.7"), never as one of our tables."""
    dinyatakan: str | None = None
    """The stated value, formatted with its own precision (``128%``, ``94,208``)."""
    dihitung: str | None = None
    """The computed value, formatted as the report prints it (``121,92%``)."""
    perhitungan: str | None = None
    """The hand computation (``1.435 ÷ 1.177 × 100 = 121,92%``)."""
    kutipan: str | None = None
    """For a narrative number: the sentence it stands in."""
    lokasi_data: str = ""
    """Data file, line and field, for the tim penyusun (``2023/klaim.yaml baris 16, …``)."""
    catatan: str | None = None
    """Transcription note of a claim (the draft's source line …)."""
    tanggapan: Tanggapan | None = None
    """The satker's answer to this finding's own id."""


def _belum_diperbaiki(t: Tanggapan | None) -> bool:
    """An answer "diperbaiki" to a finding that is still found."""
    return t is not None and t.status == "diperbaiki"


@dataclass
class Masalah:
    """One distinct problem of the review memo, with all its places under it."""

    id: str
    """Stable id (answerable in ``tanggapan.yaml``)."""
    kode: str
    """Code of its main finding (for tools; never shown as the title)."""
    tingkat: Tingkat
    kelompok: Kelompok
    judul: str
    uraian: str
    subjek: list[Subjek] = field(default_factory=list)
    rincian: list[Rincian] = field(default_factory=list)
    perhitungan: list[str] = field(default_factory=list)
    kesimpulan: list[str] = field(default_factory=list)
    """Which conclusions the problem changes, in words (empty when none)."""
    perbaikan: SelPerbaikan | None = None
    """The one cell that would reconcile the table, when exactly one exists."""
    tanggapan: Tanggapan | None = None
    """The satker's answer to this problem's id."""
    temuan: list[Temuan] = field(default_factory=list)

    @property
    def mengubah_kesimpulan(self) -> bool:
        return bool(self.kesimpulan)

    @property
    def lokasi_data(self) -> list[str]:
        """Data files and lines of every finding (for the tim penyusun), without repeats."""
        return list(dict.fromkeys(r.lokasi_data for r in self.rincian if r.lokasi_data))

    @property
    def draf(self) -> list[str]:
        """The draft's own locations of the stated figures (show as "draf: …")."""
        return list(dict.fromkeys(r.draf for r in self.rincian if r.draf))

    @property
    def tanggapan_temuan(self) -> dict[str, Tanggapan]:
        """Answers given to single findings of this problem, by finding id."""
        return {r.temuan_id: r.tanggapan for r in self.rincian if r.tanggapan is not None}

    @property
    def perbaikan_gagal(self) -> list[str]:
        """Ids answered ``diperbaiki`` whose finding is still there (the problem's own id or
        a finding's): the fix did not happen, so the answer does not count."""
        # a draft's claim stays recorded by design (the draft said it); its fix is that the
        # report no longer states it, which the narrative checks' own findings tell
        masih = [r for r in self.rincian if not r.kode.startswith("KLAIM_")]
        ids = [self.id] if _belum_diperbaiki(self.tanggapan) and masih else []
        ids += [
            r.temuan_id
            for r in self.rincian
            if _belum_diperbaiki(r.tanggapan) and not r.kode.startswith("KLAIM_")
        ]
        return list(dict.fromkeys(ids))

    @property
    def terjawab(self) -> bool:
        """Answered: the problem's id is, or every non-info finding under it is. An answer
        ``diperbaiki`` never counts: the problem is still here, so it was not fixed."""
        gagal = set(self.perbaikan_gagal)
        if self.tanggapan is not None and self.id not in gagal:
            return True
        wajib = [r for r in self.rincian if r.tingkat != "info"]
        return bool(wajib) and all(
            r.tanggapan is not None and r.temuan_id not in gagal for r in wajib
        )

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-able dict (``pemeriksaan.json``)."""
        return {
            "id": self.id,
            "kode": self.kode,
            "tingkat": self.tingkat,
            "kelompok": self.kelompok,
            "judul": self.judul,
            "uraian": self.uraian,
            "subjek": [list(s) for s in self.subjek],
            "mengubah_kesimpulan": self.mengubah_kesimpulan,
            "kesimpulan": self.kesimpulan,
            "perhitungan": self.perhitungan,
            "perbaikan": None
            if self.perbaikan is None
            else {
                "tahun": self.perbaikan.tahun,
                "tabel": self.perbaikan.tabel,
                "bagian": self.perbaikan.bagian,
                "ukuran": self.perbaikan.ukuran,
                "tercatat": str(self.perbaikan.tercatat),
                "cocok": str(self.perbaikan.cocok),
                "uraian": self.perbaikan.uraian,
            },
            "tanggapan": None if self.tanggapan is None else self.tanggapan.model_dump(),
            "terjawab": self.terjawab,
            "rincian": [
                {
                    k: v
                    for k, v in {
                        "temuan_id": r.temuan_id,
                        "teks": r.teks,
                        "subjek": [list(s) for s in r.subjek],
                        "draf": r.draf,
                        "dinyatakan": r.dinyatakan,
                        "dihitung": r.dihitung,
                        "perhitungan": r.perhitungan,
                        "lokasi_data": r.lokasi_data,
                        "tanggapan": None if r.tanggapan is None else r.tanggapan.model_dump(),
                    }.items()
                    if v not in (None, "", [])
                }
                for r in self.rincian
            ],
        }


@dataclass(frozen=True)
class IkkVerifikasi:
    """An IKK shown "Perlu verifikasi", for the memo header."""

    kode: str
    nama: str
    sasaran: str
    alasan: str
    status_hitung: str | None
    """What the status would be from the capaian alone (``Tercapai`` …)."""
    masalah_id: str | None


@dataclass
class Tinjauan:
    """Everything the review memo needs: problems, counts, IKK to verify."""

    masalah: list[Masalah]
    temuan: list[Temuan]
    perlu_verifikasi: list[IkkVerifikasi]

    @property
    def jumlah(self) -> dict[str, int]:
        """Problems per level (all three keys)."""
        n = Counter(m.tingkat for m in self.masalah)
        return {k: n.get(k, 0) for k in ("error", "peringatan", "info")}

    @property
    def jumlah_temuan(self) -> dict[str, int]:
        n = Counter(t.tingkat for t in self.temuan)
        return {k: n.get(k, 0) for k in ("error", "peringatan", "info")}

    @property
    def jumlah_kelompok(self) -> dict[str, int]:
        n = Counter(m.kelompok for m in self.masalah)
        return {k: n.get(k, 0) for k in URUTAN_KELOMPOK}

    @property
    def mengubah_kesimpulan(self) -> list[Masalah]:
        return [m for m in self.masalah if m.kelompok == "kesimpulan"]

    def untuk_subjek(self, subjek: Subjek) -> list[Masalah]:
        """Problems about ``subjek`` or anything under it (``("anggaran", 2023)`` matches
        ``("anggaran", 2023, "per_sasaran", "SK4")``): for links from the report."""
        n = len(subjek)
        return [m for m in self.masalah if any(tuple(s[:n]) == tuple(subjek) for s in m.subjek)]

    @property
    def belum_dijawab(self) -> list[Masalah]:
        """Errors and warnings without an answer (what ``lkjip check --ketat`` refuses)."""
        return [m for m in self.masalah if m.tingkat != "info" and not m.terjawab]


# --------------------------------------------------------------------------- words

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

JUDUL: dict[str, str] = {
    "SATUAN_TIDAK_DIKENAL": "Satuan indikator tidak dikenal",
    "SATUAN_RASIO": "Indikator rasio tidak bersatuan persen",
    "IKK_TIDAK_ADA_DI_KATALOG": "IKK dalam Perjanjian Kinerja tidak ada di katalog",
    "IKK_GANDA": "IKK tercantum dua kali dalam Perjanjian Kinerja",
    "REALISASI_KOSONG": "Realisasi belum diisi",
    "TARGET_KOSONG": "Target belum diisi",
    "HITUNG_GAGAL": "Capaian tidak dapat dihitung",
    "RASIO_TANPA_RINCIAN": "Realisasi rasio tanpa pembilang dan penyebut",
    "CAPAIAN_TIDAK_WAJAR": "Capaian di atas batas wajar",
    "PERIODE_TIDAK_LENGKAP": "Data periode belum lengkap",
    "TARGET_BEDA_RENSTRA": "Target Perjanjian Kinerja berbeda dengan target Renstra",
    "NARASI_KOSONG": "Narasi analisis belum diisi",
    "TABEL_LEBAR": "Baris tabel pendukung tidak selebar kepalanya",
    "TABEL_JUMLAH_BEDA": "Baris jumlah tabel pendukung tidak cocok",
    "POPULASI_BEDA": "Jumlah populasi berbeda antar-indikator",
    "POPULASI_BEDA_PROFIL": "Jumlah penghuni di profil berbeda dengan penyebut indikator",
    "REALISASI_MELEBIHI_PAGU": "Realisasi melebihi pagu",
    "SASARAN_TANPA_ANGGARAN": "Sasaran tanpa baris anggaran",
    "ANGGARAN_PROGRAM_SASARAN_BEDA": "Anggaran program berbeda dengan jumlah anggaran sasarannya",
    "SASARAN_TIDAK_DIKENAL": "Sasaran anggaran tidak ada di katalog",
    "ATURAN_TIDAK_ADA": "Aturan penilaian untuk tahun ini belum tersedia",
    "SMART_NILAI_EFISIENSI": "Nilai efisiensi SMART-DJA berbeda dari rumus",
    "SMART_NILAI_RESMI_BEDA": "Nilai resmi SMART-DJA berbeda dari hitung ulang komponennya",
    "IKPA_NILAI_RESMI_BEDA": "Nilai resmi IKPA berbeda dari hitung ulang komponennya",
    "PAGU_IKPA_BEDA": "Pagu pada penilaian IKPA berbeda dengan pagu DIPA",
    "NILAI_DI_LUAR_RENTANG": "Nilai di luar rentang 0–100",
    "PEGAWAI_TIDAK_MENJUMLAH": "Jumlah pegawai berbeda antar-rincian",
    "KLAIM_TIDAK_DIKENAL": "Angka draf yang tidak dapat dicocokkan dengan angka laporan",
    "NARASI_ISIAN_TIDAK_SAH": "Isian narasi yang tidak dapat dibaca",
    "NARASI_ISIAN_TIDAK_DIKENAL": "Isian narasi yang tidak dikenal",
    "NARASI_RUJUKAN_TIDAK_DIKENAL": "Rujukan narasi ke tabel atau gambar yang tidak ada",
    "NILAI_GANDA": "Satu angka tercatat dengan dua nilai",
    "NARASI_TAHUN_LAIN": "Narasi menyebut laporan dengan tahun lain",
    "NARASI_RUJUKAN_SALAH": "Narasi merujuk nomor tabel yang salah",
    "NARASI_JUMLAH_BEDA": "Jumlah orang dalam narasi tidak ada dalam data",
    "NARASI_RINCIAN_BEDA": "Rincian dalam narasi tidak sesuai angkanya",
    "NARASI_SUBJEK_BEDA": "Kalimat narasi memakai angka indikator lain",
    "NARASI_STATUS_BEDA": "Narasi menyatakan IKK tercapai, tabel capaian tidak",
    "TANGGAPAN_TIDAK_DIKENAL": "Tanggapan untuk temuan yang tidak dikenal",
    "TANGGAPAN_GANDA": "Temuan ditanggapi dua kali",
    "TANGGAL_SEBELUM_DATA": "Laporan ditandatangani sebelum datanya tertutup",
    "PK_DISEBUT_PERIODE": "Perjanjian Kinerja disebut dengan periode laporan",
    "TEKS_TIDAK_DIKETAHUI": "Teks berisi “tidak diketahui”",
    "IKK_SASARAN_PINDAH": "IKK dipindah ke sasaran lain dari katalog",
    "RUMUS_TERBALIK": "Rumusan pembilang/penyebut mungkin berlawanan dengan katalog",
}

JUDUL_INFO: dict[str, str] = {
    "KLAIM_PEMOTONGAN": "{n} angka draf dipotong, bukan dibulatkan",
    "KLAIM_PEMBULATAN": "{n} angka draf ditulis dengan lebih sedikit desimal (pembulatan benar)",
    "KLAIM_SELISIH_KECIL": "{n} angka draf berbeda satu angka di desimal terakhir",
    "KLAIM_TIDAK_DAPAT_DIHITUNG": "{n} angka draf tidak dapat diperiksa dari data",
    "IKK_TANPA_TAHUN_LALU": "{n} IKK tanpa data tahun lalu",
    "IKK_TIDAK_DI_PK": "{n} IKK katalog tidak tercantum dalam Perjanjian Kinerja",
    "PENYEBUT_NOL": "{n} IKK dengan penyebut nol, dihitung menurut aturannya",
    "NARASI_DIRANCANG": "{n} bagian narasi dirancang dari angka",
    "KELEBIHAN_HUNIAN": "Hunian melebihi kapasitas",
    "SMART_NILAI_EFISIENSI": "Nilai efisiensi SMART-DJA sedikit berbeda dari rumus",
    "IKPA_KONVERSI_BOBOT": "Sebagian komponen IKPA tidak dinilai",
    "TAHUN_LALU_KOSONG": "Data tahun lalu tidak ada",
    "EVALUASI_KOSONG": "Data penilaian anggaran tidak ada",
    "TANGGAPAN_SELESAI": "{n} tanggapan untuk temuan yang sudah tidak muncul",
    "KLAIM_PERNYATAAN": "{n} pernyataan draf tanpa angka yang dibetulkan di laporan",
}

URAIAN_INFO: dict[str, str] = {
    "KLAIM_PEMOTONGAN": "Draf memotong angka alih-alih membulatkannya (angkanya di bawah). "
    "Laporan memakai pembulatan yang benar.",
    "KLAIM_PEMBULATAN": "Angka ini sama dengan hasil hitung setelah dibulatkan ke jumlah desimal "
    "yang ditulis draf; dicatat untuk kelengkapan.",
    "KLAIM_SELISIH_KECIL": "Selisihnya hanya satu angka di desimal terakhir, biasanya karena "
    "draf menghitung dari angka antara yang sudah dibulatkan atau dipotong.",
    "KLAIM_TIDAK_DAPAT_DIHITUNG": "Data tidak memuat rincian untuk menghitung ulang angka ini; "
    "angka draf tidak dapat diperiksa.",
    "IKK_TANPA_TAHUN_LALU": "Perbandingan dengan tahun lalu tidak dibuat untuk IKK ini.",
    "IKK_TIDAK_DI_PK": "IKK ini punya target Renstra tahun ini tetapi tidak ada di Perjanjian "
    "Kinerja.",
    "PENYEBUT_NOL": "Penyebut bernilai nol; indikator menetapkan aturannya.",
    "NARASI_DIRANCANG": "Bagian ini tidak diisi tim penyusun; laporan memakai teks yang "
    "dirancang dari angka.",
    "TANGGAPAN_SELESAI": "Temuan yang dijawab 'diperbaiki' sudah tidak muncul pada data "
    "sekarang; tanggapannya boleh dihapus.",
    "KLAIM_PERNYATAAN": "Kalimat draf berikut menyatakan sesuatu yang tidak sesuai data; "
    "laporan memuat kalimat yang sudah dibetulkan.",
}


def _kalimat(teks: str) -> str:
    teks = teks.strip()
    if not teks:
        return teks
    teks = teks[0].upper() + teks[1:]
    return teks if teks.endswith((".", "!", "?")) else teks + "."


def _kecil(teks: str) -> str:
    """Lower-case a capitalised first word inside a sentence (``Tahanan, …`` → ``tahanan, …``)."""
    return teks[:1].lower() + teks[1:] if teks[1:2].islower() else teks


def _daftar(butir: Iterable[str]) -> str:
    b = list(dict.fromkeys(butir))
    if len(b) <= 1:
        return "".join(b)
    return ", ".join(b[:-1]) + " dan " + b[-1]


def _nama_subjek(s: Subjek) -> str:
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


def _urut_subjek(s: Subjek | None, hasil: HasilLaporan) -> tuple[int, int, str]:
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


# --------------------------------------------------------------------------- details


def _rincian(t: Temuan, hasil: HasilLaporan, jawab: dict[str, Tanggapan]) -> Rincian:
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
                f"{_kalimat(label)[:-1]}: narasi {_bagian_narasi(t)} menyebut {dinyatakan}; "
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
                f"{_kalimat(label)[:-1]}: tercatat (seperti draf) {dinyatakan}; angka lain "
                f"tabelnya mendukung {dihitung}"
            )
            rumus = None
        elif dihitung is None:
            teks = f"{_kalimat(label)[:-1]}: draf {dinyatakan}, tidak dapat dihitung dari data"
        else:
            teks = f"{_kalimat(label)[:-1]}: draf {dinyatakan}, hasil hitung {dihitung}"
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
        teks = _kalimat(t.pesan)[:-1] + f" (narasi {_bagian_narasi(t)})"
        return Rincian(teks=teks, kutipan=t.catatan, **umum)  # type: ignore[arg-type]
    return Rincian(teks=_kalimat(t.pesan)[:-1], draf=t.sumber, kutipan=t.kutipan, **umum)  # type: ignore[arg-type]


def _bagian_narasi(t: Temuan) -> str:
    """``Kesimpulan (Bab IV)`` / ``IKK SK1.1 (penjelasan)`` from a narrative finding's key."""
    asal = t.kunci.split("|", 1)[0]
    if asal.startswith("narasi."):
        nama = asal.removeprefix("narasi.")
        return _NARASI_BAB.get(nama, nama.replace("_", " "))
    if asal.startswith("kinerja."):
        kode, _, nama = asal.removeprefix("kinerja.").rpartition(".")
        return f"IKK {kode} ({_NARASI_IKK.get(nama, nama.replace('_', ' '))})"
    return "laporan"


def _tempat(t: Temuan) -> str:
    """Where a stated figure stands: the draft's location, or the narrative field."""
    return t.sumber or t.kunci.split("|", 1)[0]


def _kesimpulan(anggota: list[Temuan], hasil: HasilLaporan) -> list[str]:
    """Which conclusions the stated figures of a problem change (see the module doc).

    An IKK's status is judged per place that states it: a stated capaian is the draft's
    conclusion there; otherwise the stated realisasi and target of that place (the computed
    ones where the place states only one) give the capaian the draft implies.
    """
    hasil_k: list[str] = []
    per_tempat: dict[tuple[str, int, str], dict[str, Decimal]] = {}
    nama_tempat: dict[str, str] = {}
    for t in anggota:
        if t.kode not in ("KLAIM_BEDA", "NARASI_ANGKA_BEDA") or not t.besaran:
            continue
        if t.tahun is None or t.dinyatakan is None or t.dihitung is None:
            continue
        b = bs.dari_temuan(hasil, t)
        if b is None:
            continue
        if b.ikk and b.ukuran in _UKURAN_STATUS:
            kunci = (b.ikk, b.tahun, _tempat(t))
            per_tempat.setdefault(kunci, {})[b.ukuran] = Decimal(t.dinyatakan)
            nama_tempat[_tempat(t)] = (
                f"draf ({t.sumber})" if t.sumber else f"narasi {_bagian_narasi(t)}"
            )
            continue
        k = _kesimpulan_angka(t, b)
        if k:
            hasil_k.append(k)
    dinyatakan = _capaian_dinyatakan(hasil) if per_tempat else {}
    for (kode, th, tempat), nyata in per_tempat.items():
        try:
            h = hasil.ikk_kode(kode)
        except KeyError:
            continue
        ini = th == hasil.tahun
        target = nyata.get("target", h.target if ini else h.target_lalu)
        real = nyata.get("realisasi", h.nilai_realisasi if ini else h.realisasi_lalu)
        maks = h.data.target_maks if ini else None
        try:
            cap = (
                nyata.get("capaian")
                or dinyatakan.get((kode, th, tempat))
                or hitung_capaian(real, target, h.defn.polaritas, target_maks=maks)
            )
        except GalatHitung:
            continue
        draf = status(cap)
        kini = h.status if ini else status(h.capaian_lalu)
        if draf in (TERCAPAI, TIDAK_TERCAPAI) and draf != kini:
            hasil_k.append(
                f"status {kode} {th}: {draf.lower()} menurut {nama_tempat[tempat]}, "
                f"{kini.lower()} menurut hasil hitung"
            )
    return list(dict.fromkeys(hasil_k))


_UKURAN_STATUS = ("capaian", "realisasi", "target")
"""The figures of an IKK that decide its status."""


def _capaian_dinyatakan(hasil: HasilLaporan) -> dict[tuple[str, int, str], Decimal]:
    """Every capaian a draft states, by (IKK, year, place), also those equal to the computed
    one (no finding): the draft's own conclusion at a place that also states a realisasi."""
    out: dict[tuple[str, int, str], Decimal] = {}
    for dt in (hasil.data.ini, hasil.data.lalu):
        if dt is None or dt.klaim is None:
            continue
        for kl in dt.klaim.klaim:
            if kl.nilai is None:
                continue
            b = bs.cari(hasil, kl.besaran, dt.tahun)
            if b is not None and b.ikk and b.ukuran == "capaian":
                out.setdefault((b.ikk, b.tahun, kl.lokasi), kl.nilai)
    return out


def _kesimpulan_angka(t: Temuan, b: Besaran) -> str | None:
    """A count, a predicate, a headline score or a total that a stated figure changes."""
    assert t.dinyatakan is not None and t.dihitung is not None
    nyata, hitung_ = Decimal(t.dinyatakan), Decimal(t.dihitung)
    label = b.label
    tulis = bs.tulis
    if b.ukuran.startswith("jumlah"):  # IKK and sasaran counts
        return f"{label}: draf {tulis(nyata, b)}, hasil hitung {tulis(hitung_, b)}"
    if b.ukuran == "nilai" and b.subjek == ("ikpa",):
        p1, p2 = predikat(nyata), predikat(hitung_)
        return f"predikat IKPA: draf {p1}, hasil hitung {p2}" if p1 != p2 else None
    if b.ukuran == "nilai" and b.subjek in (("smart",), ("nka",)):
        return (
            f"{label}: draf {f.angka(nyata, bs.desimal_tertulis(nyata))}, hasil {f.angka(hitung_)}"
        )
    if b.subjek[0] == "anggaran" and (b.subjek[2] == "total" or b.butir == "jumlah"):
        return f"{label}: draf {tulis(nyata, b, desimal=bs.desimal_tertulis(nyata))}, hasil hitung {tulis(hitung_, b)}"
    return None


# --------------------------------------------------------------------------- groups


_UKURAN_CACAT = ("realisasi", "capaian", "pembilang", "penyebut", "perubahan_capaian")


def _cacat(t: Temuan) -> bool:
    return t.kode == "RASIO_DI_ATAS_100" or (
        t.kode == "HITUNG_GAGAL" and t.kunci.endswith("|penyebut_nol")
    )


def _kunci_grup(
    t: Temuan, hasil: HasilLaporan, cacat_ikk: dict[str, str], diag: set[tuple[int, str]]
) -> tuple[object, ...]:
    if t.tingkat == "info":
        return ("info", t.kode)
    if _cacat(t):
        return ("cacat", t.id)
    if t.kode in ("ANGGARAN_TIDAK_MENJUMLAH", "ANGGARAN_SEL_TIDAK_COCOK") and t.subjek:
        s = t.subjek[0]
        return ("anggaran", s[1], s[2])
    b = bs.dari_temuan(hasil, t)
    if (t.kode == "NARASI_ANGKA_BEDA" and "|bobot " in t.kunci) or (b and b.ukuran == "bobot"):
        return ("bobot", t.subjek[-1] if t.subjek else ("narasi",))
    if t.kode in ("KLAIM_BEDA", "NARASI_ANGKA_BEDA") and b is not None:
        th, s, ukuran = b.tahun, b.subjek, b.ukuran
        if (
            s[0] == "ikk"
            and len(s) == 2
            and th == hasil.tahun
            and s[1] in cacat_ikk
            and ukuran in _UKURAN_CACAT
        ):
            return ("cacat", cacat_ikk[str(s[1])])
        if (
            s[0] == "anggaran"
            and (th, s[2]) in diag
            and ukuran in ("pagu", "realisasi", "sisa", "penyerapan")
        ):
            return ("anggaran", th, s[2])
        return ("klaim", th, s)
    if t.kode == "NARASI_ANGKA_BEDA":
        ikk = [s for s in t.subjek if s[0] == "ikk" and len(s) > 1]
        if ikk:  # e.g. a Renstra target of another year, typed in the IKK's narrative
            return ("klaim", hasil.tahun, ikk[0])
    if t.kode == "NARASI_STATUS_BEDA" and t.subjek:
        return ("status", str(t.subjek[0][1]))
    return ("temuan", t.id)


def _id_grup(kunci: tuple[object, ...], anggota: list[Temuan]) -> str:
    """The stable id of a problem (see the module doc)."""
    jenis = kunci[0]
    if jenis == "info":
        return id_temuan(anggota[0].kode, "masalah|ringkasan")
    if jenis == "cacat":
        return str(kunci[1])
    if jenis == "anggaran":
        return id_temuan("ANGGARAN_TIDAK_MENJUMLAH", f"masalah|anggaran|{kunci[1]}|{kunci[2]}")
    if jenis == "klaim":
        subj = "|".join(str(x) for x in kunci[2])  # type: ignore[attr-defined]
        return id_temuan("KLAIM_BEDA", f"masalah|klaim|{kunci[1]}|{subj}")
    if jenis == "bobot":
        subj = "|".join(str(x) for x in kunci[1])  # type: ignore[attr-defined]
        return id_temuan("NARASI_ANGKA_BEDA", f"masalah|bobot|{subj}")
    if jenis == "status":
        return id_temuan("NARASI_STATUS_BEDA", f"masalah|status|{kunci[1]}")
    return anggota[0].id


def _kelompokkan(
    temuan: list[Temuan], hasil: HasilLaporan
) -> dict[tuple[object, ...], list[Temuan]]:
    cacat_ikk: dict[str, str] = {}
    for t in temuan:
        if _cacat(t):
            for s in t.subjek:
                if s[0] == "ikk" and len(s) > 1:
                    cacat_ikk.setdefault(str(s[1]), t.id)
    diag = {
        (int(t.subjek[0][1]), str(t.subjek[0][2]))
        for t in temuan
        if t.kode == "ANGGARAN_SEL_TIDAK_COCOK" and t.subjek
    }
    grup: dict[tuple[object, ...], list[Temuan]] = {}
    for t in temuan:
        grup.setdefault(_kunci_grup(t, hasil, cacat_ikk, diag), []).append(t)
    return grup


def id_masalah(temuan: list[Temuan], hasil: HasilLaporan) -> set[str]:
    """Ids of the problems the findings form (cheap: no texts are built)."""
    return {_id_grup(k, a) for k, a in _kelompokkan(temuan, hasil).items()}


def susun_masalah(temuan: list[Temuan], hasil: HasilLaporan) -> list[Masalah]:
    """One :class:`Masalah` per distinct problem, ordered by what it changes (module doc)."""
    grup = _kelompokkan(temuan, hasil)
    jawab = peta_tanggapan(hasil.data.ini)
    masalah = [_buat(kunci, anggota, hasil, jawab) for kunci, anggota in grup.items()]
    return sorted(
        masalah,
        key=lambda m: (
            URUTAN_KELOMPOK[m.kelompok],
            _urut_subjek(m.subjek[0] if m.subjek else None, hasil),
            m.judul,
        ),
    )


def _buat(
    kunci: tuple[object, ...],
    anggota: list[Temuan],
    hasil: HasilLaporan,
    jawab: dict[str, Tanggapan],
) -> Masalah:
    jenis = kunci[0]
    tingkat: Tingkat = min((t.tingkat for t in anggota), key=lambda x: URUTAN_TINGKAT[x])
    rincian = [_rincian(t, hasil, jawab) for t in anggota]
    subjek = list(dict.fromkeys(s for t in anggota for s in t.subjek))
    kesimpulan = _kesimpulan(anggota, hasil)
    rumus = list(dict.fromkeys(r.perhitungan for r in rincian if r.perhitungan))
    m = Masalah(
        id=_id_grup(kunci, anggota),
        kode=anggota[0].kode,
        tingkat=tingkat,
        kelompok="info",
        judul="",
        uraian="",
        subjek=subjek,
        rincian=rincian,
        perhitungan=rumus,
        kesimpulan=kesimpulan,
        temuan=list(anggota),
    )
    if jenis == "info":
        _info(m, anggota)
        m.perhitungan = []
    elif jenis == "cacat":
        ids = (m.id, *(t.id for t in anggota))
        _masalah_cacat(m, anggota, hasil, [jawab[x] for x in ids if x in jawab])
    elif jenis == "anggaran":
        _masalah_anggaran(m, kunci, anggota, hasil)
    elif jenis == "klaim":
        _masalah_klaim(m, kunci, anggota, rincian)
    elif jenis == "bobot":
        _masalah_bobot(m, kunci, rincian)
    elif jenis == "status":
        _masalah_status(m, str(kunci[1]), anggota, hasil)
    else:
        t = anggota[0]
        nama = ""
        if t.subjek and t.subjek[0][0] in ("ikk", "sasaran", "anggaran") and len(t.subjek[0]) > 1:
            s0 = t.subjek[0]
            nama = _nama_subjek(s0) + (f" {s0[1]}" if s0[0] == "anggaran" else "")
        m.judul = JUDUL.get(t.kode, _kalimat(t.pesan)[:-1]) + (f" ({nama})" if nama else "")
        m.uraian = _kalimat(t.pesan)
    m.tanggapan = jawab.get(m.id)
    if m.tingkat == "error":
        m.kelompok = "error"
    elif m.tingkat == "peringatan":
        m.kelompok = "kesimpulan" if m.kesimpulan else "peringatan"
    else:
        m.kelompok = "info"
        m.kesimpulan = []
    return m


def _masalah_status(m: Masalah, kode: str, anggota: list[Temuan], hasil: HasilLaporan) -> None:
    """The narrative sentences that call one IKK reached while its table does not: one problem
    per IKK; it changes the conclusion the reader draws (the narrative's status against the
    table's)."""
    h = hasil.ikk_kode(kode)
    bagian = _daftar(_bagian_narasi(t) for t in anggota)
    m.judul = f"{JUDUL['NARASI_STATUS_BEDA']} (IKK {kode})"
    m.uraian = _kalimat(
        f"{len(anggota)} kalimat narasi menyatakan IKK {kode} tercapai atau melampaui target, "
        f"sedangkan tabel capaian laporan memberinya status “{h.status}”"
        + (f". Alasan status itu: {h.alasan_verifikasi}" if h.alasan_verifikasi else "")
        + ". Kalimat itu pernyataan tim penyusun dan dicetak seperti ditulis; sesuaikan "
        "kalimatnya dengan status IKK, atau selesaikan dulu penyebab statusnya"
    )
    m.kesimpulan = [
        f"status {kode} {hasil.tahun}: tercapai menurut narasi {bagian}, "
        f"{h.status.lower()} menurut tabel capaian"
    ]


def _info(m: Masalah, anggota: list[Temuan]) -> None:
    kode = anggota[0].kode
    n = len(anggota)
    pola = JUDUL_INFO.get(kode)
    if pola is None:
        m.judul = _kalimat(anggota[0].pesan)[:-1] if n == 1 else f"{n} catatan"
    else:
        m.judul = pola.format(n=n)
    m.uraian = URAIAN_INFO.get(kode, _kalimat(anggota[0].pesan) if n == 1 else "")


def _masalah_cacat(
    m: Masalah,
    anggota: list[Temuan],
    hasil: HasilLaporan,
    jawab_cacat: list[Tanggapan] | None = None,
) -> None:
    inti = next(t for t in anggota if _cacat(t))
    m.kode = inti.kode
    kodes = [str(s[1]) for s in inti.subjek if s[0] == "ikk" and len(s) > 1]
    ikk = [hasil.ikk_kode(k) for k in kodes]
    nama = _daftar(kodes)
    lain = len(anggota) - 1
    _judul_cacat(m, inti, ikk, nama)
    _status_cacat(m, ikk, hasil, jawab_cacat)
    if lain:
        m.uraian += (
            f" Draf laporan juga menyatakan {lain} angka realisasi/capaian {nama} yang berbeda "
            "dari hasil hitung; rinciannya di bawah."
        )
    rumus = _rumus_cacat(ikk)
    lain_rumus = [r for r in m.perhitungan if not any(x.endswith(r) for x in rumus)]
    m.perhitungan = list(dict.fromkeys(rumus + lain_rumus))


def _judul_cacat(m: Masalah, inti: Temuan, ikk: list[HasilIkk], nama: str) -> None:
    """Title and first sentences of a flawed IKK: a ratio above 100%, or a zero denominator."""
    if inti.kode != "RASIO_DI_ATAS_100":
        m.judul = f"Penyebut nol tanpa aturan: capaian {nama} tidak dapat dihitung"
        m.uraian = _kalimat(inti.pesan)
        return
    real = ikk[0].realisasi
    d = ikk[0].defn
    if real and real.pembilang is not None and real.penyebut is not None:
        pb, pn = f.bulat(real.pembilang), f.bulat(real.penyebut)
        m.judul = f"{pb} melebihi {pn}: rasio {nama} di atas 100%"
        m.uraian = (
            f"{nama} membagi {pb} ({_kecil(d.pembilang or 'pembilang')}) dengan {pn} "
            f"({_kecil(d.penyebut or 'penyebut')}). Yang dibagi adalah bagian dari pembaginya, jadi "
            f"hasilnya tidak mungkin lebih dari 100%: {pb} ÷ {pn} × 100 = "
            f"{f.persen(real.nilai)} berarti salah satu angka keliru atau yang dihitung "
            "bukan bagian dari penyebut."
        )
    else:
        m.judul = f"Realisasi {nama} di atas 100%"
        m.uraian = _kalimat(inti.pesan)


def _status_cacat(
    m: Masalah,
    ikk: list[HasilIkk],
    hasil: HasilLaporan,
    jawab_cacat: list[Tanggapan] | None,
) -> None:
    """The flawed IKKs' status: awaiting verification, or computed as usual once explained."""
    verif = [h for h in ikk if h.status == PERLU_VERIFIKASI]
    dijelaskan = [h for h in ikk if h.penjelasan_verifikasi]
    m.kesimpulan = [
        k for k in m.kesimpulan if not any(k.startswith(f"status {h.kode} ") for h in verif)
    ]
    if verif:
        _cacat_perlu_verifikasi(m, verif, hasil, jawab_cacat)
    elif dijelaskan:
        m.uraian += (
            f" Satker menjelaskan: “{dijelaskan[0].penjelasan_verifikasi}”; "
            f"{_daftar(h.kode for h in dijelaskan)} dihitung seperti biasa."
        )


def _cacat_perlu_verifikasi(
    m: Masalah,
    verif: list[HasilIkk],
    hasil: HasilLaporan,
    jawab_cacat: list[Tanggapan] | None,
) -> None:
    """What the “Perlu verifikasi” status means for the flawed IKKs and their sasaran's mean."""
    m.uraian += (
        " Sampai datanya diperbaiki, atau penjelasan satker diterima peninjau, "
        f"{_daftar(h.kode for h in verif)} berstatus “Perlu verifikasi” (bukan “Tercapai”) "
        "dan tidak ikut dihitung dalam rata-rata capaian sasaran."
    )
    menunggu = [t for t in (jawab_cacat or []) if t.status == "dijelaskan" and not t.diterima]
    if menunggu:
        m.uraian += (
            f" Satker sudah menjelaskan (“{menunggu[0].teks}”); penjelasan itu belum "
            "diterima peninjau, sehingga status tidak berubah."
        )
    m.kesimpulan[:0] = [
        f"status {h.kode}: perlu verifikasi (menurut angka saja: "
        f"{(h.status_hitung or '').lower()}"
        + (f", capaian {f.persen(h.capaian)})" if h.capaian is not None else ")")
        for h in verif
    ]
    for kode_s in dict.fromkeys(h.defn.sasaran for h in verif):
        r = next((x for x in hasil.sasaran if x.sasaran.kode == kode_s), None)
        if r is None:
            continue
        semua = [x.capaian for x in r.ikk if isinstance(x.capaian, Decimal)]
        rata_semua = sum(semua, Decimal(0)) / len(semua) if semua else None
        m.kesimpulan.append(
            f"rata-rata capaian sasaran {kode_s}: {f.persen(r.rata_capaian)} tanpa IKK yang "
            f"perlu verifikasi (dengan IKK tersebut: {f.persen(rata_semua)})"
        )


def _rumus_cacat(ikk: list[HasilIkk]) -> list[str]:
    """The flawed IKK's ratio, then each IKK's achievement, written out."""
    rumus = []
    if ikk and ikk[0].realisasi:
        r0 = ikk[0].realisasi
        if r0.pembilang is not None and r0.penyebut is not None and r0.nilai is not None:
            rumus.append(
                f"{f.bulat(r0.pembilang)} ÷ {f.bulat(r0.penyebut)} × 100 = {f.persen(r0.nilai)}"
            )
    for h in ikk:
        if h.capaian is not None and h.nilai_realisasi is not None and h.target is not None:
            rumus.append(
                f"capaian {h.kode}: {f.angka(h.nilai_realisasi, 2, ringkas=True)} ÷ "
                f"{f.angka(h.target, 2, ringkas=True)} × 100 = {f.persen(h.capaian)}"
            )
    return rumus


def _masalah_anggaran(
    m: Masalah, kunci: tuple[object, ...], anggota: list[Temuan], hasil: HasilLaporan
) -> None:
    _, th, tabel = kunci
    th, tabel = int(th), str(tabel)  # type: ignore[call-overload]
    ang = hasil.anggaran if th == hasil.tahun else hasil.anggaran_lalu
    nama_tabel = f"{bs.LABEL_TABEL_ANGGARAN.get(tabel, tabel)} {th}"
    inti = [
        t for t in anggota if t.kode in ("ANGGARAN_TIDAK_MENJUMLAH", "ANGGARAN_SEL_TIDAK_COCOK")
    ]
    m.kode = inti[0].kode if inti else anggota[0].kode
    m.subjek = [("anggaran", th, tabel), *[s for s in m.subjek if s != ("anggaran", th, tabel)]]
    dipakai = next((x for x in hasil.sel_koreksi if (x.tahun, x.tabel) == (th, tabel)), None)
    diag = dipakai or (diagnosa_tabel(hasil.data, ang, tabel) if ang else None)
    baris = {"per_sasaran": "per_sasaran", "per_program": "per_program"}.get(tabel, "per_jenis")
    isi = getattr(ang, baris, [])  # no rows without the year's budget (ang None)
    rumus = [r for u in ("pagu", "realisasi") if (r := jumlah_baris(isi, u)) is not None]
    if diag is not None:
        m.perbaikan = diag
        m.judul = f"Tabel {nama_tabel}: satu angka tidak cocok ({diag.ukuran} {diag.label_bagian})"
        m.uraian = (
            diag.uraian
            + " Angka lain tabel itu saling cocok: "
            + _daftar(diag.sel_sepakat)
            + "."
            + (
                f" Laporan memakai {f.rupiah(diag.cocok)} (angka yang didukung angka lain itu), "
                f"sehingga jumlah dan sisanya cocok; {f.rupiah(diag.tercatat)} hanya tercatat di "
                "data."
                if dipakai is not None
                else " Data tetap seperti tercatat; laporan menampilkan angka tercatat dan "
                "selisihnya."
            )
        )
        m.kesimpulan = []
        m.perhitungan = [
            *(f"tercatat: {x}" for x in diag.persamaan_tercatat),
            *(f"dengan {f.bulat(diag.cocok)}: {x}" for x in diag.persamaan),
        ]
        return
    m.judul = _kalimat(f"{nama_tabel} tidak menjumlah ke total DIPA")[:-1]
    kalimat = []
    assert ang is not None
    jumlah = {
        "per_sasaran": ang.sasaran_jumlah,
        "per_program": ang.program_jumlah,
        "per_jenis_belanja": ang.jenis_jumlah,
    }[tabel]
    for t in inti:
        u = t.kunci.split("|")[-1]
        if jumlah is None or u not in ("pagu", "realisasi"):
            continue
        a, b = getattr(jumlah, u), getattr(ang.total, u)
        if a is None or b is None:
            continue
        kalimat.append(
            f"Jumlah {u} {nama_tabel} {f.rupiah(a)}, sedangkan {u} DIPA {f.rupiah(b)} "
            f"(selisih {f.rupiah(a - b)})."
        )
        m.kesimpulan.append(f"jumlah {u} {nama_tabel}: {f.rupiah(a)}, bukan {f.rupiah(b)}")
    m.uraian = " ".join(kalimat) + (
        " Tidak ada satu angka yang bila diubah membuat semua jumlah cocok; laporan menampilkan "
        "angka seperti tercatat beserta selisihnya."
    )
    m.perhitungan = list(dict.fromkeys(rumus + m.perhitungan))


def _masalah_klaim(
    m: Masalah, kunci: tuple[object, ...], anggota: list[Temuan], rincian: list[Rincian]
) -> None:
    _, th, s = kunci
    subj: Subjek = s  # type: ignore[assignment]
    m.kode = "KLAIM_BEDA" if any(t.kode == "KLAIM_BEDA" for t in anggota) else anggota[0].kode
    m.subjek = [subj, *[x for x in m.subjek if x != subj]]
    per_besaran: dict[str, list[Rincian]] = {}
    lain = [r for r in rincian if not r.besaran]
    for r in rincian:
        if r.besaran:
            per_besaran.setdefault(r.besaran, []).append(r)
    asal = "draf" if any(t.kode == "KLAIM_BEDA" for t in anggota) else "narasi"
    m.judul = _judul_klaim(th, subj, per_besaran, lain, rincian, asal)
    kalimat = [_kalimat_klaim(rs) for rs in per_besaran.values()]
    kalimat += [_kalimat(r.teks) for r in lain]
    m.uraian = " ".join(kalimat)


def _judul_klaim(
    th: object,
    subj: Subjek,
    per_besaran: dict[str, list[Rincian]],
    lain: list[Rincian],
    rincian: list[Rincian],
    asal: str,
) -> str:
    """One differing figure by its values; else the measures, or the count, that differ."""
    if len(per_besaran) == 1 and not lain:
        rs = next(iter(per_besaran.values()))
        nilai = " / ".join(dict.fromkeys(r.dinyatakan or "" for r in rs))
        return _kalimat(f"{rs[0].label}: {asal} {nilai}, hasil hitung {rs[0].dihitung}")[:-1]
    if subj[0] in ("ikk", "anggaran") and len(subj) > 1:
        ukuran = _daftar(dict.fromkeys((r.label or "").split(" ")[0] for r in rincian if r.label))
        return _kalimat(
            f"{_nama_subjek(subj)} {th}: {ukuran} dalam {asal} berbeda dari hasil hitung"
        )[:-1]
    return _kalimat(
        f"{_nama_subjek(subj)} {th}: {len(per_besaran) + len(lain)} angka dalam {asal} "
        "berbeda dari hasil hitung"
    )[:-1]


def _kalimat_klaim(rs: list[Rincian]) -> str:
    """One figure: its computed value, then each value stated and where (draft, narrative)."""
    draf = [r for r in rs if r.kode == "KLAIM_BEDA"]
    narasi = [r for r in rs if r.kode != "KLAIM_BEDA"]
    bagian = []
    nilai: dict[str, list[str]] = {}
    for r in draf:
        nilai.setdefault(r.dinyatakan or "", []).append(f"draf: {r.draf}" if r.draf else "draf")
    bagian += [f"{v} ({'; '.join(dict.fromkeys(lok))})" for v, lok in nilai.items()]
    bagian += [
        f"{r.dinyatakan} (narasi {r.teks.split('narasi ', 1)[-1].split(' menyebut')[0]})"
        for r in narasi
    ]
    return (
        f"{_kalimat(rs[0].label or '')[:-1]} dihitung {rs[0].dihitung}; dinyatakan "
        + ", ".join(bagian)
        + "."
    )


def _masalah_bobot(m: Masalah, kunci: tuple[object, ...], rincian: list[Rincian]) -> None:
    subj: Subjek = kunci[1]  # type: ignore[assignment]
    skor = "SMART-DJA (PMK 22/2021)" if subj == ("smart",) else "IKPA"
    m.judul = f"Bobot komponen {skor.split(' ')[0]} dalam narasi tidak sesuai aturan"
    if not any(not t.sumber for t in m.temuan):
        m.judul = f"Bobot komponen {skor.split(' ')[0]} dalam draf tidak sesuai aturan"
    narasi = [t for t in m.temuan if not t.sumber]
    draf = [r for r in rincian if r.draf]
    kalimat = []
    if narasi:
        bagian = _daftar(_bagian_narasi(t) for t in narasi)
        kalimat.append(
            f"Narasi {bagian} menyebut bobot komponen yang berbeda dari aturan {skor} yang "
            "dipakai perhitungan: " + "; ".join(_kecil(t.pesan) for t in narasi) + "."
        )
    if draf:
        kalimat.append(
            f"Draf menyatakan bobot yang berbeda dari aturan {skor}: "
            + "; ".join(f"{r.label} {r.dinyatakan}, menurut aturan {r.dihitung}" for r in draf)
            + "."
        )
    m.uraian = " ".join(kalimat)


# --------------------------------------------------------------------------- the memo


def tinjauan_dari(temuan: list[Temuan], hasil: HasilLaporan) -> Tinjauan:
    """The review memo's data from findings already computed (e.g. ``Laporan.temuan()``)."""
    masalah = susun_masalah(temuan, hasil)
    per_id = {m.id: m for m in masalah}
    verif = []
    for h in hasil.perlu_verifikasi:
        mid = next((c.id for c in h.cacat if c.id in per_id), None)
        verif.append(
            IkkVerifikasi(
                kode=h.kode,
                nama=h.defn.nama,
                sasaran=h.sasaran.kode,
                alasan=h.alasan_verifikasi or "",
                status_hitung=h.status_hitung,
                masalah_id=mid,
            )
        )
    return Tinjauan(masalah=masalah, temuan=temuan, perlu_verifikasi=verif)


def tinjauan(data: DataLaporan) -> Tinjauan:
    """Run every check on ``data`` and group the findings for the review memo."""
    from .pemeriksaan import periksa_data

    return tinjauan_dari(periksa_data(data), hasil_untuk(data))
