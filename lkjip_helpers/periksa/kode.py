"""The registry of finding codes: every code a check can report, declared once.

Each :class:`KodeTemuan` says a code's level (``error`` / ``peringatan`` / ``info``; a few codes
may also be raised at a second level, :attr:`KodeTemuan.tingkat_lain`), the title the review
memo gives a problem of that code, and how the memo groups its findings into problems
(:attr:`KodeTemuan.grup`, see :mod:`.masalah`). Every finding is made by :func:`buat_temuan`,
which refuses a code that is not declared here or a level the code does not have; a test scans
the sources for codes written anywhere else (``tests/test_kode_temuan.py``) and checks the
README's table of codes against this one.

A new finding code goes here: add a :class:`KodeTemuan` to :data:`DAFTAR`, raise it from its
check with ``k.tambah("KODE", lokasi, pesan, kunci=…)`` and add it to the README's table.

Whether a problem changes a conclusion is not a property of its code: the memo decides it per
problem from the figures (:mod:`.kesimpulan`); only problems of the groups ``cacat``,
``anggaran``, ``klaim`` and ``status`` can.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .temuan import Temuan, Tingkat

Grup = Literal["satu", "cacat", "anggaran", "klaim", "status"]
"""How the review memo groups a code's findings into problems (info findings are always one
problem per code, whatever their group):

- ``satu``: one problem per finding (findings are already one per fact);
- ``cacat``: a validity failure of an IKK's data; it takes in the stated-vs-computed
  differences of that IKK's realisasi, capaian, pembilang, penyebut and change in the year;
- ``anggaran``: a budget table whose parts do not add up, one problem per table and year;
- ``klaim``: a stated figure that differs from the computed one, one problem per subject and
  year (a stated component weight: one per score);
- ``status``: a narrative calling an IKK reached while its table does not, one per IKK.
"""


@dataclass(frozen=True)
class KodeTemuan:
    """One finding code: its level, its memo title and its memo group."""

    kode: str
    tingkat: Tingkat
    judul: str | None = None
    """The memo's title of a problem of this code (without it: the finding's message)."""
    grup: Grup = "satu"
    tingkat_lain: Tingkat | None = None
    """A second level a check may give (e.g. ``info`` for a difference within tolerance)."""
    judul_info: str | None = None
    """The memo's one line for this code's info findings (``{n}``: how many)."""
    uraian_info: str | None = None
    """The explanation under that line."""

    @property
    def tingkat_boleh(self) -> tuple[Tingkat, ...]:
        return (self.tingkat,) if self.tingkat_lain is None else (self.tingkat, self.tingkat_lain)


def _k(kode: str, tingkat: Tingkat, judul: str | None = None, **lain: object) -> KodeTemuan:
    return KodeTemuan(kode, tingkat, judul, **lain)  # type: ignore[arg-type]


DAFTAR: tuple[KodeTemuan, ...] = (
    # --- the PK and its IKK (periksa/cek/ikk.py)
    _k("SATUAN_TIDAK_DIKENAL", "error", "Satuan indikator tidak dikenal"),
    _k("SATUAN_RASIO", "peringatan", "Indikator rasio tidak bersatuan persen"),
    _k("IKK_TIDAK_ADA_DI_KATALOG", "error", "IKK dalam Perjanjian Kinerja tidak ada di katalog"),
    _k("IKK_GANDA", "error", "IKK tercantum dua kali dalam Perjanjian Kinerja"),
    _k(
        "IKK_TIDAK_DI_PK",
        "info",
        judul_info="{n} IKK katalog tidak tercantum dalam Perjanjian Kinerja",
        uraian_info="IKK ini punya target Renstra tahun ini tetapi tidak ada di Perjanjian "
        "Kinerja.",
    ),
    _k("REALISASI_KOSONG", "error", "Realisasi belum diisi"),
    _k("TARGET_KOSONG", "error", "Target belum diisi"),
    _k("TARGET_PK_KOSONG", "peringatan"),
    _k("HITUNG_GAGAL", "error", "Capaian tidak dapat dihitung", grup="cacat"),
    _k(
        "PENYEBUT_NOL",
        "info",
        judul_info="{n} IKK dengan penyebut nol, dihitung menurut aturannya",
        uraian_info="Penyebut bernilai nol; indikator menetapkan aturannya.",
    ),
    _k("RASIO_TANPA_RINCIAN", "peringatan", "Realisasi rasio tanpa pembilang dan penyebut"),
    _k("RASIO_DI_ATAS_100", "peringatan", grup="cacat"),
    _k("CAPAIAN_TIDAK_WAJAR", "peringatan", "Capaian di atas batas wajar"),
    _k("PERIODE_TIDAK_LENGKAP", "peringatan", "Data periode belum lengkap"),
    _k(
        "TARGET_BEDA_RENSTRA",
        "peringatan",
        "Target Perjanjian Kinerja berbeda dengan target Renstra",
    ),
    _k("NARASI_KOSONG", "peringatan", "Narasi analisis belum diisi"),
    _k("TABEL_LEBAR", "peringatan", "Baris tabel pendukung tidak selebar kepalanya"),
    _k("TABEL_JUMLAH_BEDA", "peringatan", "Baris jumlah tabel pendukung tidak cocok"),
    _k("TAHUN_LALU_KOSONG", "info", judul_info="Data tahun lalu tidak ada"),
    _k(
        "IKK_TANPA_TAHUN_LALU",
        "info",
        judul_info="{n} IKK tanpa data tahun lalu",
        uraian_info="Perbandingan dengan tahun lalu tidak dibuat untuk IKK ini.",
    ),
    _k("POPULASI_BEDA", "peringatan", "Jumlah populasi berbeda antar-indikator"),
    _k(
        "POPULASI_BEDA_PROFIL",
        "peringatan",
        "Jumlah penghuni di profil berbeda dengan penyebut indikator",
    ),
    # --- budget, scores and profile (periksa/cek/anggaran.py, periksa/cek/evaluasi.py)
    _k("REALISASI_MELEBIHI_PAGU", "peringatan", "Realisasi melebihi pagu"),
    _k("ANGGARAN_TIDAK_MENJUMLAH", "peringatan", grup="anggaran"),
    _k("ANGGARAN_SEL_TIDAK_COCOK", "peringatan", grup="anggaran"),
    _k(
        "ANGGARAN_PROGRAM_SASARAN_BEDA",
        "peringatan",
        "Anggaran program berbeda dengan jumlah anggaran sasarannya",
    ),
    _k("SASARAN_TANPA_ANGGARAN", "peringatan", "Sasaran tanpa baris anggaran"),
    _k("SASARAN_TIDAK_DIKENAL", "error", "Sasaran anggaran tidak ada di katalog"),
    _k("ATURAN_TIDAK_ADA", "error", "Aturan penilaian untuk tahun ini belum tersedia"),
    _k("EVALUASI_KOSONG", "info", judul_info="Data penilaian anggaran tidak ada"),
    _k(
        "SMART_NILAI_EFISIENSI",
        "peringatan",
        "Nilai efisiensi SMART-DJA berbeda dari rumus",
        tingkat_lain="info",
        judul_info="Nilai efisiensi SMART-DJA sedikit berbeda dari rumus",
    ),
    _k(
        "SMART_NILAI_RESMI_BEDA",
        "peringatan",
        "Nilai resmi SMART-DJA berbeda dari hitung ulang komponennya",
    ),
    _k(
        "IKPA_NILAI_RESMI_BEDA",
        "peringatan",
        "Nilai resmi IKPA berbeda dari hitung ulang komponennya",
    ),
    _k("PAGU_IKPA_BEDA", "peringatan", "Pagu pada penilaian IKPA berbeda dengan pagu DIPA"),
    _k("IKPA_KONVERSI_BOBOT", "info", judul_info="Sebagian komponen IKPA tidak dinilai"),
    _k("NILAI_DI_LUAR_RENTANG", "peringatan", "Nilai di luar rentang 0–100"),
    _k("KELEBIHAN_HUNIAN", "info", judul_info="Hunian melebihi kapasitas"),
    _k("PEGAWAI_TIDAK_MENJUMLAH", "peringatan", "Jumlah pegawai berbeda antar-rincian"),
    # --- narratives (periksa/cek/narasi.py, periksa/narasi.py, periksa/literal.py)
    _k(
        "NARASI_DIRANCANG",
        "info",
        judul_info="{n} bagian narasi dirancang dari angka",
        uraian_info="Bagian ini tidak diisi tim penyusun; laporan memakai teks yang "
        "dirancang dari angka.",
    ),
    _k("NARASI_ANGKA_BEDA", "peringatan", grup="klaim"),
    _k("NARASI_ISIAN_TIDAK_SAH", "error", "Isian narasi yang tidak dapat dibaca"),
    _k("NARASI_ISIAN_TIDAK_DIKENAL", "error", "Isian narasi yang tidak dikenal"),
    _k(
        "NARASI_RUJUKAN_TIDAK_DIKENAL",
        "error",
        "Rujukan narasi ke tabel atau gambar yang tidak ada",
    ),
    _k("NILAI_GANDA", "peringatan", "Satu angka tercatat dengan dua nilai"),
    _k("NARASI_TAHUN_LAIN", "peringatan", "Narasi menyebut laporan dengan tahun lain"),
    _k("NARASI_RUJUKAN_SALAH", "peringatan", "Narasi merujuk nomor tabel yang salah"),
    _k("NARASI_JUMLAH_BEDA", "peringatan", "Jumlah orang dalam narasi tidak ada dalam data"),
    _k("NARASI_RINCIAN_BEDA", "peringatan", "Rincian dalam narasi tidak sesuai angkanya"),
    _k("NARASI_SUBJEK_BEDA", "peringatan", "Kalimat narasi memakai angka indikator lain"),
    _k(
        "NARASI_STATUS_BEDA",
        "peringatan",
        "Narasi menyatakan IKK tercapai, tabel capaian tidak",
        grup="status",
    ),
    # --- a draft's stated figures (periksa/cek/klaim.py)
    _k(
        "KLAIM_TIDAK_DIKENAL",
        "peringatan",
        "Angka draf yang tidak dapat dicocokkan dengan angka laporan",
    ),
    _k(
        "KLAIM_TIDAK_DAPAT_DIHITUNG",
        "info",
        judul_info="{n} angka draf tidak dapat diperiksa dari data",
        uraian_info="Data tidak memuat rincian untuk menghitung ulang angka ini; "
        "angka draf tidak dapat diperiksa.",
    ),
    _k(
        "KLAIM_PEMBULATAN",
        "info",
        judul_info="{n} angka draf ditulis dengan lebih sedikit desimal (pembulatan benar)",
        uraian_info="Angka ini sama dengan hasil hitung setelah dibulatkan ke jumlah desimal "
        "yang ditulis draf; dicatat untuk kelengkapan.",
    ),
    _k(
        "KLAIM_PEMOTONGAN",
        "info",
        judul_info="{n} angka draf dipotong, bukan dibulatkan",
        uraian_info="Draf memotong angka alih-alih membulatkannya (angkanya di bawah). "
        "Laporan memakai pembulatan yang benar.",
    ),
    _k(
        "KLAIM_SELISIH_KECIL",
        "info",
        judul_info="{n} angka draf berbeda satu angka di desimal terakhir",
        uraian_info="Selisihnya hanya satu angka di desimal terakhir, biasanya karena "
        "draf menghitung dari angka antara yang sudah dibulatkan atau dipotong.",
    ),
    _k("KLAIM_BEDA", "peringatan", grup="klaim"),
    _k(
        "KLAIM_PERNYATAAN",
        "info",
        judul_info="{n} pernyataan draf tanpa angka yang dibetulkan di laporan",
        uraian_info="Kalimat draf berikut menyatakan sesuatu yang tidak sesuai data; "
        "laporan memuat kalimat yang sudah dibetulkan.",
    ),
    # --- the satker's answers (periksa/tanggapan.py)
    _k("TANGGAPAN_TIDAK_DIKENAL", "error", "Tanggapan untuk temuan yang tidak dikenal"),
    _k("TANGGAPAN_GANDA", "error", "Temuan ditanggapi dua kali"),
    _k(
        "TANGGAPAN_SELESAI",
        "info",
        judul_info="{n} tanggapan untuk temuan yang sudah tidak muncul",
        uraian_info="Temuan yang dijawab 'diperbaiki' sudah tidak muncul pada data "
        "sekarang; tanggapannya boleh dihapus.",
    ),
    # --- unknown values and the report period (periksa/cek/isian.py, periksa/periode.py)
    _k("NILAI_TIDAK_DIKETAHUI", "peringatan", tingkat_lain="info"),
    _k("NILAI_TIDAK_DIHITUNG_ULANG", "info"),
    _k("PERIODE_BELUM_LENGKAP", "info"),
    _k("TARGET_PK_TAHUN_LALU_KOSONG", "info"),
    _k("TANGGAL_SEBELUM_DATA", "peringatan", "Laporan ditandatangani sebelum datanya tertutup"),
    _k("PK_DISEBUT_PERIODE", "peringatan", "Perjanjian Kinerja disebut dengan periode laporan"),
    _k("TEKS_TIDAK_DIKETAHUI", "peringatan", "Teks berisi “tidak diketahui”"),
    _k("IKK_SASARAN_PINDAH", "peringatan", "IKK dipindah ke sasaran lain dari katalog"),
    _k(
        "RUMUS_TERBALIK",
        "peringatan",
        "Rumusan pembilang/penyebut mungkin berlawanan dengan katalog",
    ),
)

KODE: dict[str, KodeTemuan] = {k.kode: k for k in DAFTAR}
"""The registry by code."""

KODE_TEMUAN: frozenset[str] = frozenset(KODE)
"""Every code a check can report (an answer naming another code is certainly mistyped)."""


def buat_temuan(
    kode: str,
    lokasi: str,
    pesan: str,
    *,
    tingkat: Tingkat | None = None,
    **isi: object,
) -> Temuan:
    """A :class:`~.temuan.Temuan` of a declared code, at its declared level (or ``tingkat``,
    which must be one the code declares)."""
    d = KODE.get(kode)
    if d is None:
        raise ValueError(f"finding code {kode!r} is not declared in lkjip_helpers/periksa/kode.py")
    if tingkat is None:
        tingkat = d.tingkat
    elif tingkat not in d.tingkat_boleh:
        raise ValueError(f"finding code {kode!r} is not declared at level {tingkat!r}")
    return Temuan(kode, tingkat, lokasi, pesan, **isi)  # type: ignore[arg-type]
