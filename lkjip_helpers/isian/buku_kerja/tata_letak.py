"""The layout of the data-entry workbook: its sheets, their columns or fields, and the Indonesian
texts shown to the analyst (sheet descriptions, header comments, validation messages).

Two kinds of data sheet:

- an *isian* (form) sheet: one field per row — columns Field (the data model's name, the key
  read back), Isian (label), Nilai (the value), Keterangan;
- a *tabel* sheet: one item of a list per row, one field per column; columns are found by
  their header text, so a column moved elsewhere still reads, and a header the layout does not
  know is reported.

Row 1 of every data sheet describes it, row 2 holds the headers (locked, with a comment on each
header cell), data start on row 3. Which YAML file and field each sheet fills is declared here;
:mod:`.baca` and :mod:`.tulis` only follow it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from ...muat import skema as s
from ...muat.parameter import PERIODE, kunci_periode
from ...muat.satuan import SATUAN_SARAN
from ...tidak_diketahui import EJAAN

VERSI_FORMAT = 1
"""Version of this layout, stored in the workbook; a workbook of another version is refused."""

BARIS_JUDUL = 2
"""Row of the column headers."""
BARIS_DATA = 3
"""First data row."""
CADANGAN = 200
"""Empty, editable rows offered below the filled ones."""
BARIS_MINIMUM = 60
"""Data rows prepared at least (validation and unlocked cells) on a table sheet."""

LEMBAR_PETUNJUK = "Petunjuk"
LEMBAR_INFO = "_lkjip"
"""Very hidden sheet: layout version and the identity the workbook was made for."""
SEL_IDENTITAS = {"satker": "B3", "tahun": "B4", "periode": "B5", "katalog": "B6"}
"""Cells of the Petunjuk sheet showing the identity (checked against ``_lkjip`` on import)."""

POLARITAS = get_args(s.Polaritas)
JENIS_INDIKATOR = get_args(s.JenisIndikator)
AGREGASI = get_args(s.Agregasi)
PENYEBUT_NOL = get_args(s.PenyebutNol)
JENIS_BELANJA = get_args(s.JenisBelanja)
JENIS_PERIODE = get_args(s.JenisPeriode)
STATUS_TANGGAPAN = get_args(s.StatusTanggapan)
YA_TIDAK = ("Ya", "Tidak")

BAGIAN_NARASI_IKK = tuple(s.NarasiIkk.model_fields)
"""Fields of an IKK's narrative (``narasi`` of a kinerja.yaml entry)."""

LABEL_NARASI_IKK = {
    "penjelasan": "Penjelasan di bawah tabel target–realisasi",
    "perbandingan_tahun_lalu": "Perbandingan dengan tahun lalu",
    "perbandingan_renstra": "Perbandingan dengan target Renstra",
    "standar_nasional": "Perbandingan dengan standar nasional",
    "penyebab": "Penyebab keberhasilan/kegagalan",
    "analisis_program": "Analisis program/kegiatan penunjang",
    "efisiensi_sumber_daya": "Efisiensi penggunaan sumber daya",
    "upaya": "Upaya yang dilakukan",
}

JENIS_KOLOM = (
    "teks",
    "panjang",
    "angka",
    "bulat",
    "pilihan",
    "ya_tidak",
    "tanggal",
    "nip",
    "kode_daftar",
    "baris_teks",
    "target_tahunan",
)
"""teks: one line; panjang: narrative (Markdown, may span lines); angka: a number or
``tidak diketahui``; bulat: a whole number (year, month); pilihan: one of a list; ya_tidak;
tanggal: a date kept as text ``YYYY-MM-DD``; nip: an identity number kept as text;
kode_daftar: codes separated by commas; baris_teks: one item per line; target_tahunan:
``2023: 80; 2024: 85``."""

FORMAT_RUPIAH = "#,##0"


@dataclass(frozen=True)
class Kolom:
    """One column of a table sheet."""

    judul: str
    field: tuple[str, ...] | None
    """Path of the field inside the row's item; ``None`` for a reference column or one the
    sheet reads itself (kode, kelompok)."""
    jenis: str
    catatan: str
    pilihan: tuple[str, ...] = ()
    """For ``pilihan``: the allowed values (a drop-down that refuses anything else)."""
    saran: tuple[str, ...] = ()
    """For text: values offered in a drop-down that only warns (other text is allowed)."""
    lebar: float = 14
    rujukan: bool = False
    """Reference only: grey, locked, never read back."""
    boleh_td: bool = True
    """For numbers: whether ``tidak diketahui`` is allowed."""
    format: str = "General"
    batas: tuple[int, int] | None = None
    """For ``bulat``: the range the drop-down/validation allows."""


@dataclass(frozen=True)
class Isian:
    """One field (row) of a form sheet."""

    kunci: str
    """The field's path in its file, dots between names, list positions 1-based
    (``kepala.nama``, ``e_monev_bulan.3``): column A, read back to find the field."""
    label: str
    jenis: str
    catatan: str
    berkas: str | None = None
    """YAML file (stem) when not the sheet's own."""
    pilihan: tuple[str, ...] = ()
    boleh_td: bool = True
    format: str = "General"
    batas: tuple[int, int] | None = None

    @property
    def jalur(self) -> tuple[str | int, ...]:
        """``("e_monev_bulan", 2)`` for ``e_monev_bulan.3``."""
        return tuple(int(k) - 1 if k.isdigit() else k for k in self.kunci.split("."))


@dataclass(frozen=True)
class Lembar:
    """One data sheet."""

    nama: str
    keterangan: str
    berkas: str
    """YAML file (stem) the sheet fills: profil, kinerja, anggaran, evaluasi, narasi, klaim,
    tanggapan or satker."""
    kolom: tuple[Kolom, ...] = ()
    isian: tuple[Isian, ...] = ()
    daftar: tuple[str, ...] | None = None
    """Table sheet: path of the list its rows form."""
    kelompok: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    """Table sheet whose first column chooses the list: value → (YAML file, path of the list
    the row joins)."""
    kunci: tuple[str, ...] = ()
    """Columns whose values identify a row: a second row with the same values is an error."""
    kunci_awal: tuple[str, ...] = ()
    """Columns the template fills in advance: a row with nothing else filled is skipped."""

    @property
    def jenis(self) -> str:
        return "isian" if self.isian else "tabel"

    def kolom_baca(self) -> tuple[Kolom, ...]:
        return tuple(k for k in self.kolom if not k.rujukan)


KOLOM_ISIAN = ("Field", "Isian", "Nilai", "Keterangan")
"""Headers of a form sheet (the value is in column C)."""

_TD = f"Angka yang tidak diketahui: tulis {EJAAN} (jangan 0)."
_ANGKA = "Angka biasa (boleh 1.234,5 atau 1234,5). " + _TD
_RUPIAH = "Rupiah, tanpa desimal (mis. 16466041000, 16.466.041.000 atau Rp. 65.038.490,-). " + _TD
_PERSEN = "Nilai persen sebagai angka: 80 untuk 80% (ketikan 80% juga dibaca 80). " + _TD


def _k(
    judul: str,
    field: str | tuple[str, ...] | None,
    jenis: str,
    catatan: str,
    **kw: object,
) -> Kolom:
    jalur = tuple(field.split(".")) if isinstance(field, str) else field
    return Kolom(judul, jalur, jenis, catatan, **kw)  # type: ignore[arg-type]


def _i(kunci: str, label: str, jenis: str, catatan: str, **kw: object) -> Isian:
    return Isian(kunci, label, jenis, catatan, **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- satker.yaml

SATKER = Lembar(
    "Satker",
    "Identitas satker (satker.yaml), tetap dari tahun ke tahun. Isi kolom Nilai.",
    "satker",
    isian=(
        _i(
            "nama",
            "Nama lengkap satker",
            "teks",
            "WAJIB. Mis. Lembaga Pemasyarakatan Kelas IIA Banyuasin.",
        ),
        _i("nama_singkat", "Nama singkat", "teks", "WAJIB. Mis. Lapas Kelas IIA Banyuasin."),
        _i("jenis", "Jenis satker", "teks", "Mis. Lembaga Pemasyarakatan, Rumah Tahanan Negara."),
        _i("kelas", "Kelas", "teks", "Mis. IIA, IIB."),
        _i("kementerian", "Kementerian", "teks", "WAJIB. Nama kementerian."),
        _i("unit_eselon_i", "Unit eselon I", "teks", "Mis. Direktorat Jenderal Pemasyarakatan."),
        _i("kanwil", "Kantor wilayah", "teks", "Kantor wilayah induk."),
        _i("alamat", "Alamat", "teks", "Alamat kantor."),
        _i("kota", "Kota", "teks", "Kota tempat penandatanganan laporan."),
        _i("telepon", "Telepon", "teks", "Nomor telepon kantor (ketik sebagai teks)."),
        _i("laman", "Laman", "teks", "Situs web."),
        _i("surel", "Surel", "teks", "Alamat surel."),
    ),
)

IKK_SATKER = Lembar(
    "IKK Satker",
    "Penimpaan atau tambahan definisi IKK katalog khusus satker ini (indikator_tambahan di "
    "satker.yaml). Kode IKK katalog: isi HANYA kolom yang berbeda dari katalog (sel kosong = "
    "tetap dari katalog). Kode baru: isi Sasaran, Nama, Satuan dan Jenis.",
    "satker",
    daftar=("indikator_tambahan",),
    kunci=("Kode IKK",),
    kolom=(
        _k(
            "Kode IKK",
            "kode",
            "teks",
            "WAJIB. Kode IKK katalog yang ditimpa, atau kode baru.",
            lebar=10,
        ),
        _k("Sasaran", "sasaran", "teks", "Kode sasaran katalog (SK1, SK2 …).", lebar=9),
        _k("Nama indikator", "nama", "panjang", "Nama IKK seperti tercantum dalam PK.", lebar=40),
        _k(
            "Satuan",
            "satuan",
            "teks",
            "Satuan realisasi (%, Orang, Unit …).",
            saran=SATUAN_SARAN,
            lebar=10,
        ),
        _k(
            "Jenis",
            "jenis",
            "pilihan",
            "rasio: pembilang/penyebut × 100; nilai: angka langsung.",
            pilihan=JENIS_INDIKATOR,
            lebar=8,
        ),
        _k(
            "Polaritas",
            "polaritas",
            "pilihan",
            "naik: makin tinggi makin baik; turun: makin rendah makin baik; rentang: target berupa rentang.",
            pilihan=POLARITAS,
            lebar=10,
        ),
        _k(
            "Pembilang",
            "pembilang",
            "panjang",
            "Uraian pembilang seperti dicetak satker.",
            lebar=30,
        ),
        _k("Penyebut", "penyebut", "panjang", "Uraian penyebut seperti dicetak satker.", lebar=30),
        _k(
            "Rumus",
            "rumus",
            "panjang",
            "Teks rumus bila berbeda dari pembilang/penyebut × 100%.",
            lebar=20,
        ),
        _k(
            "Populasi",
            "populasi",
            "teks",
            "Nama populasi penyebut (mis. wbp) untuk pemeriksaan konsistensi.",
            lebar=10,
        ),
        _k(
            "Bagian dari penyebut",
            "bagian_dari_penyebut",
            "ya_tidak",
            "Ya bila pembilang bagian dari penyebut (di atas 100% berarti janggal).",
            pilihan=YA_TIDAK,
            lebar=10,
        ),
        _k(
            "Agregasi",
            "agregasi",
            "pilihan",
            "Cara data bulanan digabung: jumlah, terakhir, rata_rata, rata_rata_pembilang_penyebut (lihat data/README.md).",
            pilihan=AGREGASI,
            lebar=16,
        ),
        _k(
            "Aturan 0/0",
            "penyebut_nol",
            "pilihan",
            "Arti 0/0: galat, seratus (100%), nol (0%), tidak_berlaku.",
            pilihan=PENYEBUT_NOL,
            lebar=12,
        ),
        _k(
            "Bilangan bulat",
            "bilangan_bulat",
            "ya_tidak",
            "Ya bila pembilang/penyebut (atau nilai) menghitung orang/unit sehingga harus bulat.",
            pilihan=YA_TIDAK,
            lebar=9,
        ),
        _k(
            "Target Renstra",
            "target_renstra",
            "target_tahunan",
            "Target Renstra per tahun: tahun: angka, dipisah titik koma, mis. 2023: 80; 2024: 85. Tahun lain tetap dari katalog.",
            lebar=18,
        ),
        _k("Standar nasional", "standar_nasional", "angka", _ANGKA, lebar=10),
        _k(
            "Keterangan standar nasional",
            "keterangan_standar_nasional",
            "panjang",
            "Penjelasan standar nasional.",
            lebar=30,
        ),
    ),
)

# --------------------------------------------------------------------------- profil.yaml

PROFIL = Lembar(
    "Profil",
    "Profil satker pada periode ini (profil.yaml): kepala, kapasitas, penghuni, Renstra. "
    "Daftar (fungsi, misi, tujuan) ada di lembar Daftar.",
    "profil",
    isian=(
        _i(
            "kepala.nama",
            "Nama kepala satker",
            "teks",
            "WAJIB. Kepala satker yang menandatangani laporan.",
        ),
        _i(
            "kepala.nip",
            "NIP kepala",
            "nip",
            "NIP 18 digit, ketik sebagai teks (sel sudah berformat Teks).",
        ),
        _i(
            "kepala.jabatan",
            "Jabatan kepala",
            "teks",
            "Mis. Kepala Lembaga Pemasyarakatan Kelas IIA Banyuasin.",
        ),
        _i("kepala.pangkat", "Pangkat/golongan kepala", "teks", "Mis. Pembina (IV/a)."),
        _i("tahun_berdiri", "Tahun berdiri", "bulat", "Empat digit.", batas=(1900, 2100)),
        _i("tahun_beroperasi", "Tahun beroperasi", "bulat", "Empat digit.", batas=(1900, 2100)),
        _i("kapasitas", "Kapasitas hunian (orang)", "angka", "WAJIB, lebih dari 0. " + _TD),
        _i(
            "penghuni",
            "Jumlah penghuni (orang)",
            "angka",
            "WAJIB, bilangan bulat, pada akhir periode. " + _TD,
        ),
        _i(
            "penghuni_per", "Penghuni per", "teks", "Keadaan per tanggal/bulan, mis. Desember 2023."
        ),
        _i("luas_tanah_m2", "Luas tanah (m²)", "angka", _ANGKA),
        _i("tugas_pokok", "Tugas pokok", "panjang", "Teks (Markdown)."),
        _i("uraian_tugas_seksi", "Uraian tugas seksi", "panjang", "Teks panjang (Markdown)."),
        _i("aspek_strategis", "Aspek strategis", "panjang", "Teks (Markdown)."),
        _i("isu_strategis", "Isu strategis", "panjang", "Teks (Markdown)."),
        _i(
            "renstra.visi",
            "Renstra: visi",
            "panjang",
            "WAJIB. Visi (sama dengan Renstra unit eselon I).",
        ),
        _i("renstra.pengantar", "Renstra: pengantar", "panjang", "Teks pengantar Renstra."),
        _i(
            "renstra.misi_pengantar",
            "Renstra: pengantar misi",
            "panjang",
            "Misi sendiri diisi di lembar Daftar (renstra.misi).",
        ),
        _i("renstra.tata_nilai", "Renstra: tata nilai", "panjang", "Teks."),
        _i("renstra.sasaran_pengantar", "Renstra: pengantar sasaran", "panjang", "Teks."),
    ),
)

DAFTAR = Lembar(
    "Daftar",
    "Daftar teks, satu butir per baris: fungsi satker, misi dan tujuan Renstra (profil.yaml), "
    "kegiatan prioritas nasional (evaluasi.yaml). Urutan baris = urutan butir.",
    "profil",
    kelompok={
        "fungsi": ("profil", ("fungsi",)),
        "renstra.misi": ("profil", ("renstra", "misi")),
        "renstra.tujuan": ("profil", ("renstra", "tujuan")),
        "prioritas_nasional.kegiatan": ("evaluasi", ("prioritas_nasional", "kegiatan")),
    },
    kolom=(
        _k(
            "Daftar",
            None,
            "pilihan",
            "Daftar tempat butir ini: fungsi, renstra.misi, renstra.tujuan atau prioritas_nasional.kegiatan.",
            pilihan=("fungsi", "renstra.misi", "renstra.tujuan", "prioritas_nasional.kegiatan"),
            lebar=26,
        ),
        _k("Teks", (), "panjang", "Isi butir.", lebar=90),
    ),
)

WILAYAH = Lembar(
    "Wilayah",
    "Batas wilayah satker (profil.yaml: batas_wilayah).",
    "profil",
    daftar=("batas_wilayah",),
    kolom=(
        _k("Uraian", "uraian", "teks", "WAJIB. Mis. Sebelah utara.", lebar=24),
        _k("Jumlah", "jumlah", "angka", _ANGKA, lebar=10),
        _k("Satuan", "satuan", "teks", "Satuan jumlah (boleh kosong).", lebar=10),
        _k("Keterangan", "keterangan", "teks", "Mis. Jalan Lintas Palembang-Betung.", lebar=50),
    ),
)

BANGUNAN = Lembar(
    "Bangunan",
    "Bangunan dan rumah dinas (profil.yaml: bangunan, perumahan).",
    "profil",
    kelompok={"bangunan": ("profil", ("bangunan",)), "perumahan": ("profil", ("perumahan",))},
    kolom=(
        _k(
            "Kelompok",
            None,
            "pilihan",
            "bangunan (gedung kantor, hunian …) atau perumahan (rumah dinas).",
            pilihan=("bangunan", "perumahan"),
            lebar=12,
        ),
        _k("Uraian", "uraian", "teks", "WAJIB. Nama bangunan.", lebar=36),
        _k("Luas (m²)", "luas_m2", "angka", "WAJIB. " + _ANGKA, lebar=12),
        _k("Unit", "unit", "angka", "Jumlah unit (bilangan bulat). " + _TD, lebar=8),
    ),
)

KEPEGAWAIAN = Lembar(
    "Kepegawaian",
    "Jumlah pegawai menurut jenis kelamin, pendidikan dan golongan (profil.yaml).",
    "profil",
    kelompok={
        "jenis_kelamin": ("profil", ("pegawai_jenis_kelamin",)),
        "pendidikan": ("profil", ("pegawai_pendidikan",)),
        "golongan": ("profil", ("pegawai_golongan",)),
    },
    kolom=(
        _k(
            "Kelompok",
            None,
            "pilihan",
            "jenis_kelamin, pendidikan atau golongan.",
            pilihan=("jenis_kelamin", "pendidikan", "golongan"),
            lebar=14,
        ),
        _k("Uraian", "uraian", "teks", "WAJIB. Mis. Laki-laki, S1, Golongan III.", lebar=24),
        _k("Jumlah", "jumlah", "angka", "Jumlah orang (bilangan bulat). " + _TD, lebar=10),
        _k("Satuan", "satuan", "teks", "Biasanya orang.", saran=("orang",), lebar=10),
        _k("Keterangan", "keterangan", "teks", 'Catatan (mis. tertulis "-").', lebar=30),
    ),
)

ORGANISASI = Lembar(
    "Organisasi",
    "Unit dalam bagan struktur organisasi (profil.yaml: organisasi). Tepat satu unit tanpa "
    "induk (puncak bagan); Induk berisi nama unit di atasnya.",
    "profil",
    daftar=("organisasi",),
    kunci=("Nama unit",),
    kolom=(
        _k("Nama unit", "nama", "teks", "WAJIB. Nama unit, unik.", lebar=36),
        _k("Kepala", "kepala", "teks", "Jabatan (dan nama) kepala unit.", lebar=36),
        _k("Induk", "induk", "teks", "Nama unit di atasnya; kosong untuk puncak bagan.", lebar=36),
    ),
)

TUGAS_FUNGSI = Lembar(
    "Tugas Fungsi",
    "Tugas, fungsi dan wewenang (profil.yaml): satker (tugas_fungsi_wewenang) dan per "
    "seksi/bagian (struktur). Kolom Fungsi: satu fungsi per baris dalam sel (Alt+Enter).",
    "profil",
    kelompok={
        "tugas_fungsi_wewenang": ("profil", ("tugas_fungsi_wewenang",)),
        "struktur": ("profil", ("struktur",)),
    },
    kolom=(
        _k(
            "Kelompok",
            None,
            "pilihan",
            "tugas_fungsi_wewenang (satker) atau struktur (per seksi/bagian).",
            pilihan=("tugas_fungsi_wewenang", "struktur"),
            lebar=20,
        ),
        _k("Unit", "unit", "teks", "WAJIB. Nama unit.", lebar=30),
        _k(
            "Fungsi",
            "fungsi",
            "baris_teks",
            "Satu fungsi per baris dalam sel (Alt+Enter untuk baris baru).",
            lebar=60,
        ),
        _k("Wewenang", "wewenang", "panjang", "Wewenang unit.", lebar=40),
    ),
)

# --------------------------------------------------------------------------- kinerja.yaml

PERIODE_LAPORAN = Lembar(
    "Periode",
    "Periode laporan (kinerja.yaml: periode_laporan). Periode ditentukan saat buku kerja dibuat.",
    "kinerja",
    isian=(
        _i(
            "periode_laporan.periode",
            "Periode",
            "teks",
            "Ditetapkan oleh lkjip templat; tidak diubah di sini.",
        ),
        _i(
            "periode_laporan.bulan_terakhir",
            "Bulan terakhir yang datanya tertutup",
            "bulat",
            "1–12, di dalam rentang periode. Kosong = akhir periode (data lengkap).",
            batas=(1, 12),
        ),
        _i(
            "periode_laporan.kumulatif",
            "Kumulatif sejak Januari",
            "ya_tidak",
            "Ya = angka sejak Januari (s.d. Semester II = Januari–Desember); Tidak = bulan "
            "periode itu saja (Semester II = Juli–Desember). Kosong = Ya untuk semester dan "
            "triwulan.",
            pilihan=YA_TIDAK,
        ),
        _i(
            "periode_laporan.keterangan",
            "Keterangan periode",
            "teks",
            "Mis. data s.d. 31 Mei 2024.",
        ),
    ),
)

KOLOM_KODE = "Kode IKK"
KOLOM_DALAM_PK = "Dalam PK"
KOLOM_DATA_PERIODE = "Data periode"

KINERJA = Lembar(
    "Kinerja",
    "Target dan realisasi per IKK (kinerja.yaml). Kolom abu-abu dari katalog (hanya rujukan). "
    "Isi Pembilang + Penyebut (IKK rasio) ATAU Nilai; untuk data per bulan/triwulan pilih "
    "Data periode lalu isi lembar Realisasi Periode.",
    "kinerja",
    daftar=("indikator",),
    kunci=(KOLOM_KODE,),
    kolom=(
        _k(KOLOM_KODE, None, "teks", "WAJIB. Kode IKK katalog (atau IKK Satker).", lebar=9),
        _k(
            KOLOM_DALAM_PK,
            None,
            "ya_tidak",
            "Ya bila IKK tercantum dalam Perjanjian Kinerja periode ini; Tidak = tidak ditulis ke kinerja.yaml.",
            pilihan=YA_TIDAK,
            lebar=8,
        ),
        _k("Sasaran", None, "teks", "Dari katalog.", rujukan=True, lebar=8),
        _k("Indikator", None, "teks", "Nama IKK dari katalog.", rujukan=True, lebar=40),
        _k("Satuan", None, "teks", "Dari katalog.", rujukan=True, lebar=8),
        _k("Jenis", None, "teks", "rasio atau nilai (katalog).", rujukan=True, lebar=7),
        _k("Polaritas", None, "teks", "naik/turun/rentang (katalog).", rujukan=True, lebar=8),
        _k(
            "Rumus",
            None,
            "teks",
            "Rumusan pembilang dan penyebut dari katalog.",
            rujukan=True,
            lebar=40,
        ),
        _k(
            "Agregasi; aturan 0/0",
            None,
            "teks",
            "Cara data bulanan digabung dan arti 0/0 menurut katalog (atau IKK Satker).",
            rujukan=True,
            lebar=18,
        ),
        _k(
            "Target Renstra",
            None,
            "angka",
            "Target Renstra tahun laporan (katalog).",
            rujukan=True,
            lebar=9,
        ),
        _k(
            "Target PK",
            ("target",),
            "angka",
            "Target dalam Perjanjian Kinerja. Kosong = dipakai target Renstra (menjadi temuan). "
            + _TD,
            lebar=9,
        ),
        _k(
            "Target maks",
            ("target_maks",),
            "angka",
            "Batas atas target untuk polaritas rentang saja. " + _TD,
            lebar=9,
        ),
        _k(
            "Pembilang",
            ("realisasi", "pembilang"),
            "angka",
            "IKK rasio: pembilang (bilangan bulat bila menghitung orang/unit). " + _TD,
            lebar=11,
        ),
        _k("Penyebut", ("realisasi", "penyebut"), "angka", "IKK rasio: penyebut. " + _TD, lebar=11),
        _k(
            "Nilai",
            ("realisasi", "nilai"),
            "angka",
            "IKK nilai: realisasinya (atau persen langsung). " + _TD,
            lebar=10,
        ),
        _k(
            KOLOM_DATA_PERIODE,
            ("realisasi", "periode", "jenis"),
            "pilihan",
            "Isi bila realisasi per bulan/triwulan/semester (diisi di lembar Realisasi Periode); "
            "Pembilang/Penyebut/Nilai di sini dikosongkan.",
            pilihan=JENIS_PERIODE,
            lebar=10,
        ),
        _k(
            "Mulai ke",
            ("realisasi", "periode", "mulai"),
            "bulat",
            "Bulan (triwulan) kegiatan mulai berjalan, bila di tengah periode; kosong bila sejak awal.",
            batas=(1, 12),
            lebar=7,
        ),
        _k(
            "Aturan 0/0 periode ini",
            ("penyebut_nol",),
            "pilihan",
            "Kosong = aturan indikator. Isi untuk periode ini saja: galat, seratus, nol, tidak_berlaku.",
            pilihan=PENYEBUT_NOL,
            lebar=12,
        ),
        _k("Standar nasional", ("standar_nasional",), "angka", _ANGKA, lebar=9),
    ),
)

REALISASI_PERIODE = Lembar(
    "Realisasi Periode",
    "Realisasi per bulan (triwulan, semester) untuk IKK yang kolom Data periode-nya diisi di "
    "lembar Kinerja. Ke = nomor bulan 1–12 (triwulan 1–4, semester 1–2). Baris tanpa angka "
    "tidak ditulis (bulan belum diisi).",
    "kinerja",
    kunci=(KOLOM_KODE, "Ke"),
    kunci_awal=(KOLOM_KODE, "Ke", "Bulan"),
    kolom=(
        _k(
            KOLOM_KODE,
            None,
            "teks",
            "WAJIB. Kode IKK (harus Dalam PK dan berdata periode di lembar Kinerja).",
            lebar=9,
        ),
        _k(
            "Ke",
            ("ke",),
            "bulat",
            "WAJIB. Bulan 1–12 (atau triwulan 1–4, semester 1–2).",
            batas=(1, 12),
            lebar=6,
        ),
        _k("Bulan", None, "teks", "Nama bulan/triwulan (rujukan).", rujukan=True, lebar=12),
        _k("Pembilang", ("pembilang",), "angka", "IKK rasio. " + _TD, lebar=11),
        _k("Penyebut", ("penyebut",), "angka", "IKK rasio. " + _TD, lebar=11),
        _k("Nilai", ("nilai",), "angka", "IKK nilai. " + _TD, lebar=10),
    ),
)

NARASI_IKK = Lembar(
    "Narasi IKK",
    "Narasi analisis per IKK (kinerja.yaml: narasi). Satu baris per IKK dan bagian; Teks "
    "kosong = bagian itu tidak diisi. Angka hasil hitung sebaiknya ditulis sebagai "
    "{{ ikk.SK1.1.realisasi }} (lihat data/README.md).",
    "kinerja",
    kunci=(KOLOM_KODE, "Bagian"),
    kunci_awal=(KOLOM_KODE, "Bagian", "Judul bagian"),
    kolom=(
        _k(
            KOLOM_KODE, None, "teks", "WAJIB. Kode IKK (harus Dalam PK di lembar Kinerja).", lebar=9
        ),
        _k(
            "Bagian",
            None,
            "pilihan",
            "Bagian narasi: " + ", ".join(BAGIAN_NARASI_IKK) + ".",
            pilihan=BAGIAN_NARASI_IKK,
            lebar=22,
        ),
        _k("Judul bagian", None, "teks", "Arti bagian (rujukan).", rujukan=True, lebar=24),
        _k(
            "Teks",
            None,
            "panjang",
            "Teks narasi (Markdown; paragraf dipisah baris kosong).",
            lebar=100,
        ),
    ),
)

# --------------------------------------------------------------------------- anggaran.yaml

ANGGARAN = Lembar(
    "Anggaran",
    "Pagu DIPA dan realisasinya (anggaran.yaml). Rincian di lembar Anggaran Sasaran, "
    "Anggaran Program dan Anggaran Jenis.",
    "anggaran",
    isian=(
        _i("pagu", "Pagu DIPA (Rp)", "angka", "WAJIB. " + _RUPIAH, format=FORMAT_RUPIAH),
        _i(
            "realisasi",
            "Realisasi (Rp)",
            "angka",
            "WAJIB. Realisasi sampai akhir periode. " + _RUPIAH,
            format=FORMAT_RUPIAH,
        ),
        _i("catatan", "Catatan", "panjang", "Catatan anggaran (Markdown)."),
    ),
)

ANGGARAN_SASARAN = Lembar(
    "Anggaran Sasaran",
    "Pagu dan realisasi per sasaran kegiatan (anggaran.yaml: per_sasaran). Baris tanpa pagu "
    "dan realisasi tidak ditulis.",
    "anggaran",
    daftar=("per_sasaran",),
    kunci=("Sasaran",),
    kunci_awal=("Sasaran", "Nama sasaran"),
    kolom=(
        _k("Sasaran", ("sasaran",), "teks", "WAJIB. Kode sasaran katalog.", lebar=9),
        _k("Nama sasaran", None, "teks", "Dari katalog (rujukan).", rujukan=True, lebar=50),
        _k("Pagu", ("pagu",), "angka", "WAJIB. " + _RUPIAH, format=FORMAT_RUPIAH, lebar=18),
        _k("Realisasi", ("realisasi",), "angka", _RUPIAH, format=FORMAT_RUPIAH, lebar=18),
    ),
)

ANGGARAN_PROGRAM = Lembar(
    "Anggaran Program",
    "Anggaran per program/kegiatan dalam PK (anggaran.yaml: per_program).",
    "anggaran",
    daftar=("per_program",),
    kolom=(
        _k("Program", ("program",), "teks", "WAJIB. Nama program.", lebar=36),
        _k("Kegiatan", ("kegiatan",), "teks", "Nama kegiatan.", lebar=40),
        _k("Kode", ("kode",), "teks", "Kode kegiatan (teks).", lebar=10),
        _k(
            "Sasaran",
            ("sasaran",),
            "kode_daftar",
            "Kode sasaran yang didukung, dipisah koma, mis. SK1, SK2.",
            lebar=14,
        ),
        _k("Pagu", ("pagu",), "angka", "WAJIB. " + _RUPIAH, format=FORMAT_RUPIAH, lebar=18),
        _k("Realisasi", ("realisasi",), "angka", _RUPIAH, format=FORMAT_RUPIAH, lebar=18),
    ),
)

ANGGARAN_JENIS = Lembar(
    "Anggaran Jenis",
    "Pagu dan realisasi per jenis belanja (anggaran.yaml: per_jenis_belanja). Baris tanpa "
    "pagu dan realisasi tidak ditulis.",
    "anggaran",
    daftar=("per_jenis_belanja",),
    kunci=("Jenis belanja",),
    kunci_awal=("Jenis belanja",),
    kolom=(
        _k(
            "Jenis belanja",
            ("jenis",),
            "pilihan",
            "WAJIB. " + ", ".join(JENIS_BELANJA) + ".",
            pilihan=JENIS_BELANJA,
            lebar=16,
        ),
        _k("Pagu", ("pagu",), "angka", "WAJIB. " + _RUPIAH, format=FORMAT_RUPIAH, lebar=18),
        _k("Realisasi", ("realisasi",), "angka", _RUPIAH, format=FORMAT_RUPIAH, lebar=18),
    ),
)

# --------------------------------------------------------------------------- evaluasi.yaml

_NILAI = "Nilai 0–100 seperti tercetak di aplikasi. " + _TD
_IKPA = "Nilai komponen IKPA 0–100; kosong = tidak dinilai. " + _TD

SMART_IKPA = Lembar(
    "SMART IKPA",
    "Komponen dan nilai resmi SMART-DJA dan IKPA (evaluasi.yaml). Nilai resmi = nilai yang "
    "diterbitkan aplikasi (dicetak apa adanya); hitung ulang dari komponen hanya pemeriksaan. "
    "Kosongkan seluruh komponen SMART (atau IKPA) bila tidak ada.",
    "evaluasi",
    isian=(
        _i("smart.penyerapan", "SMART: penyerapan", "angka", "WAJIB bila SMART diisi. " + _NILAI),
        _i("smart.konsistensi", "SMART: konsistensi", "angka", "WAJIB bila SMART diisi. " + _NILAI),
        _i("smart.capaian_ro", "SMART: capaian RO", "angka", "WAJIB bila SMART diisi. " + _NILAI),
        _i(
            "smart.efisiensi",
            "SMART: efisiensi (%)",
            "angka",
            "Persen penghematan (boleh negatif). Isi ini atau nilai efisiensi. " + _TD,
        ),
        _i("smart.nilai_efisiensi", "SMART: nilai efisiensi", "angka", _NILAI),
        _i(
            "smart.nilai",
            "SMART: nilai resmi",
            "angka",
            "Nilai SMART-DJA yang diterbitkan aplikasi. " + _TD,
        ),
        _i("ikpa.pagu", "IKPA: pagu (Rp)", "angka", _RUPIAH, format=FORMAT_RUPIAH),
        _i("ikpa.revisi_dipa", "IKPA: revisi DIPA", "angka", _IKPA),
        _i("ikpa.deviasi_halaman_iii_dipa", "IKPA: deviasi halaman III DIPA", "angka", _IKPA),
        _i("ikpa.penyerapan_anggaran", "IKPA: penyerapan anggaran", "angka", _IKPA),
        _i("ikpa.belanja_kontraktual", "IKPA: belanja kontraktual", "angka", _IKPA),
        _i("ikpa.penyelesaian_tagihan", "IKPA: penyelesaian tagihan", "angka", _IKPA),
        _i("ikpa.pengelolaan_up_tup", "IKPA: pengelolaan UP/TUP", "angka", _IKPA),
        _i("ikpa.dispensasi_spm", "IKPA: dispensasi SPM (s.d. TA 2023)", "angka", _IKPA),
        _i("ikpa.capaian_output", "IKPA: capaian output", "angka", _IKPA),
        _i(
            "ikpa.pengurang_dispensasi_spm",
            "IKPA: pengurang dispensasi SPM (TA 2024+)",
            "angka",
            "Poin pengurang. " + _TD,
        ),
        _i(
            "ikpa.nilai",
            "IKPA: nilai akhir resmi",
            "angka",
            "Nilai akhir IKPA yang diterbitkan aplikasi. " + _TD,
        ),
    ),
)

_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_ROMAWI = ("I", "II", "III", "IV")

E_KINERJA = Lembar(
    "e-Performance e-Monev",
    "Nilai e-Performance per triwulan dan e-Monev per bulan (evaluasi.yaml), seperti "
    "diterbitkan aplikasi. Kosong = belum ada nilai.",
    "evaluasi",
    isian=tuple(
        _i(
            f"e_performance_triwulan.{n}",
            f"e-Performance Triwulan {_ROMAWI[n - 1]}",
            "angka",
            _NILAI,
        )
        for n in range(1, 5)
    )
    + tuple(
        _i(f"e_monev_bulan.{n}", f"e-Monev {_BULAN[n - 1]}", "angka", _NILAI) for n in range(1, 13)
    ),
)

# --------------------------------------------------------------------------- narasi.yaml

_LABEL_NARASI = {
    "tempat_tanggal": "Tempat dan tanggal penandatanganan",
    "kata_pengantar": "Kata pengantar",
    "ikhtisar_eksekutif": "Ikhtisar eksekutif",
    "latar_belakang": "Bab I: latar belakang",
    "gambaran_umum": "Bab I: gambaran umum",
    "maksud_tujuan": "Bab I: maksud dan tujuan",
    "sistematika": "Bab I: sistematika",
    "perjanjian_kinerja": "Bab II: perjanjian kinerja",
    "akuntabilitas_pengantar": "Bab III: pengantar akuntabilitas",
    "realisasi_anggaran": "Bab III B: sebelum tabel anggaran",
    "realisasi_anggaran_analisis": "Bab III B: analisis setelah tabel anggaran",
    "smart_dja": "Bab III C: SMART-DJA",
    "ikpa": "Bab III C: IKPA",
    "e_performance": "Bab III D: e-Performance",
    "e_monev": "Bab III D: e-Monev",
    "kesimpulan": "Bab IV: kesimpulan",
    "saran": "Bab IV: saran",
    "ganti_rancangan": "Kesimpulan/saran menggantikan rancangan otomatis",
}


def _isian_narasi(nama: str) -> Isian:
    if nama == "ganti_rancangan":
        return _i(
            nama,
            _LABEL_NARASI[nama],
            "ya_tidak",
            "Ya: kesimpulan dan saran di atas menggantikan teks rancangan Bab IV; Tidak/kosong: "
            "teks rancangan lebih dulu, lalu teks ini.",
            pilihan=YA_TIDAK,
        )
    if nama == "tempat_tanggal":
        return _i(nama, _LABEL_NARASI[nama], "teks", "Mis. Pangkalan Balai, 30 Desember 2023.")
    return _i(nama, _LABEL_NARASI[nama], "panjang", "Teks (Markdown).")


_ISIAN_SURAT_PENGANTAR = (
    _i(
        "surat_pengantar.nomor",
        "Surat pengantar: nomor",
        "teks",
        "Mis. W.6.PAS.PAS.10-UM.01.01-1435. Isi nomor, tanggal dan tujuan agar laporan memuat "
        "surat pengantar kepada Kanwil.",
    ),
    _i("surat_pengantar.tanggal", "Surat pengantar: tanggal", "teks", "Mis. 30 Desember 2023."),
    _i(
        "surat_pengantar.kepada",
        "Surat pengantar: kepada (Yth.)",
        "teks",
        "Mis. Kepala Kantor Wilayah Kementerian Hukum dan HAM Sumatera Selatan.",
    ),
    _i("surat_pengantar.alamat_tujuan", "Surat pengantar: di", "teks", "Mis. Palembang."),
    _i("surat_pengantar.perihal", "Surat pengantar: perihal", "teks", "Boleh kosong."),
    _i("surat_pengantar.lampiran", "Surat pengantar: lampiran", "teks", "Boleh kosong."),
    _i(
        "surat_pengantar.naskah",
        "Surat pengantar: naskah yang dikirim",
        "teks",
        "Kosong = LKjIP periode ini.",
    ),
    _i(
        "surat_pengantar.banyaknya",
        "Surat pengantar: banyaknya",
        "teks",
        "Kosong = 1 (satu) Laporan.",
    ),
    _i(
        "surat_pengantar.isi", "Surat pengantar: isi", "panjang", "Kosong = kalimat pengantar baku."
    ),
    _i(
        "surat_pengantar.keterangan_tanda_tangan",
        "Surat pengantar: keterangan tanda tangan",
        "teks",
        "Mis. Ditandatangani secara elektronik oleh. Penanda tangan: kepala satker (lembar Profil).",
    ),
)
"""The cover letter's fields in the Narasi sheet (its signatory is the head in Profil)."""


NARASI = Lembar(
    "Narasi",
    "Teks bab (narasi.yaml) dan teks evaluasi (evaluasi.yaml). Kosong = laporan memakai teks "
    "yang disusun dari angka. Angka hasil hitung sebaiknya ditulis sebagai {{ nama }} (lihat "
    "data/README.md).",
    "narasi",
    isian=(
        *(_isian_narasi(nama) for nama in s.Narasi.model_fields if nama != "surat_pengantar"),
        *_ISIAN_SURAT_PENGANTAR,
        _i(
            "prioritas_nasional.uraian",
            "Prioritas nasional: uraian",
            "panjang",
            "evaluasi.yaml. Kegiatannya di lembar Daftar.",
            berkas="evaluasi",
        ),
        _i(
            "target_kinerja",
            "Target kinerja (Bab III D)",
            "panjang",
            "evaluasi.yaml.",
            berkas="evaluasi",
        ),
    ),
)

# --------------------------------------------------------------------------- tanggapan, klaim

TANGGAPAN = Lembar(
    "Tanggapan",
    "Tanggapan satker atas temuan memo tinjauan (tanggapan.yaml), satu baris per id temuan "
    "dari memo atau lkjip check.",
    "tanggapan",
    daftar=("tanggapan",),
    kunci=("Id temuan",),
    kolom=(
        _k(
            "Id temuan",
            ("id",),
            "teks",
            "WAJIB. Id dari memo tinjauan, mis. KLAIM_BEDA-1af7ba.",
            lebar=26,
        ),
        _k(
            "Status",
            ("status",),
            "pilihan",
            "WAJIB. diperbaiki (data/teks sudah dibetulkan) atau dijelaskan (temuan tetap, dengan penjelasan).",
            pilihan=STATUS_TANGGAPAN,
            lebar=12,
        ),
        _k(
            "Teks",
            ("teks",),
            "panjang",
            "WAJIB. Penjelasan atau perbaikan yang dilakukan.",
            lebar=80,
        ),
        _k("Oleh", ("oleh",), "teks", "Mis. Tim penyusun LKjIP.", lebar=20),
        _k(
            "Tanggal",
            ("tanggal",),
            "tanggal",
            "Tanggal tanggapan (disimpan sebagai teks TTTT-BB-HH).",
            lebar=12,
        ),
        _k(
            "Diterima oleh",
            ("diterima_oleh",),
            "teks",
            "Peninjau yang menerima penjelasan (hanya untuk dijelaskan); sebelum diisi, status "
            "IKK di laporan tidak berubah.",
            lebar=20,
        ),
        _k(
            "Tanggal diterima",
            ("tanggal_diterima",),
            "tanggal",
            "Tanggal penerimaan oleh peninjau (diisi bersama Diterima oleh).",
            lebar=12,
        ),
    ),
)

KLAIM = Lembar(
    "Klaim",
    "Angka yang DINYATAKAN draf laporan (klaim.yaml); pemeriksaan menghitung ulang dan "
    "mencatat setiap selisih. Jangan ubah angka agar cocok.",
    "klaim",
    daftar=("klaim",),
    kunci=("Lokasi", "Besaran", "Nilai", "Catatan"),
    kolom=(
        _k(
            "Lokasi",
            ("lokasi",),
            "teks",
            "WAJIB. Tempat angka dinyatakan, mis. Ikhtisar Eksekutif.",
            lebar=34,
        ),
        _k(
            "Besaran",
            ("besaran",),
            "teks",
            "WAJIB. Nama besaran, mis. ikk.SK1.1.capaian (daftar di data/README.md).",
            lebar=30,
        ),
        _k(
            "Nilai",
            ("nilai",),
            "angka",
            "WAJIB kecuali pernyataan tanpa angka (Kutipan diisi). Angka seperti dinyatakan "
            "(boleh negatif; tidak boleh tidak diketahui).",
            boleh_td=False,
            lebar=14,
        ),
        _k("Catatan", ("catatan",), "teks", "Mis. nomor baris draf.", lebar=40),
        _k(
            "Kutipan",
            ("kutipan",),
            "panjang",
            "Kalimat draf yang menyatakannya, dikutip apa adanya.",
            lebar=60,
        ),
        _k(
            "Narasi",
            ("narasi",),
            "teks",
            "Narasi laporan yang membetulkannya, mis. narasi.kesimpulan atau "
            "kinerja.SK1.3.penjelasan.",
            lebar=30,
        ),
    ),
)

LEMBAR: tuple[Lembar, ...] = (
    SATKER,
    IKK_SATKER,
    PROFIL,
    DAFTAR,
    WILAYAH,
    BANGUNAN,
    KEPEGAWAIAN,
    ORGANISASI,
    TUGAS_FUNGSI,
    PERIODE_LAPORAN,
    KINERJA,
    REALISASI_PERIODE,
    NARASI_IKK,
    ANGGARAN,
    ANGGARAN_SASARAN,
    ANGGARAN_PROGRAM,
    ANGGARAN_JENIS,
    SMART_IKPA,
    E_KINERJA,
    NARASI,
    TANGGAPAN,
    KLAIM,
)
"""The data sheets, in workbook order (after Petunjuk)."""

NAMA_LEMBAR = (LEMBAR_PETUNJUK, *(lb.nama for lb in LEMBAR))

BERKAS: tuple[str, ...] = (
    "satker",
    "profil",
    "kinerja",
    "anggaran",
    "evaluasi",
    "narasi",
    "tanggapan",
    "klaim",
)
"""The YAML files the workbook fills (lampiran.yaml is not in the workbook)."""

BERKAS_WAJIB = ("satker", "profil", "kinerja", "anggaran")
"""Files written on every import; the others only when they exist or get content."""

MODEL_BERKAS = {
    "satker": s.Satker,
    "profil": s.Profil,
    "kinerja": s.Kinerja,
    "anggaran": s.Anggaran,
    "evaluasi": s.Evaluasi,
    "narasi": s.Narasi,
    "tanggapan": s.DaftarTanggapan,
    "klaim": s.DaftarKlaim,
}

TIDAK_DIBAWA = (
    "lampiran.yaml (dokumen PK, SK tim, SOP, gambar)",
    "tabel pendukung IKK (kinerja.yaml: tabel_pendukung)",
    "pengaturan dan data_contoh_fiktif di satker.yaml",
    "rencana penarikan dana (anggaran.yaml: target_penyerapan)",
    "katalog IKK bersama (data/katalog/)",
)
"""What the workbook does not carry; an import leaves these untouched."""


def nama_bulan(jenis: str, ke: int) -> str:
    """``Maret`` (bulan 3), ``Triwulan II``, ``Semester I``; empty when out of range."""
    if jenis == "bulan" and 1 <= ke <= 12:
        return _BULAN[ke - 1]
    if jenis == "triwulan" and 1 <= ke <= 4:
        return f"Triwulan {_ROMAWI[ke - 1]}"
    if jenis == "semester" and 1 <= ke <= 2:
        return f"Semester {_ROMAWI[ke - 1]}"
    return ""


def petunjuk(satker: str, tahun: int, periode: str, katalog: str) -> list[str]:
    """The instruction text (one paragraph or item per line)."""
    kunci = kunci_periode(tahun, periode)
    return [
        f"Buku kerja isian LKjIP — satker {satker}, {PERIODE[periode]} {tahun}",
        "",
        "Cara memakai",
        "1. Isi setiap lembar data; sel putih boleh diisi, sel abu-abu dan baris judul terkunci "
        "(hanya rujukan). Arahkan tetikus ke judul kolom untuk penjelasannya.",
        f"2. Simpan sebagai .xlsx, lalu: lkjip impor <berkas.xlsx> --periksa (hanya memeriksa), "
        f"kemudian lkjip impor <berkas.xlsx> (menulis data/satker/{satker}/{kunci}/).",
        "3. Impor memeriksa SEMUA isian lebih dulu; bila ada satu saja kesalahan, tidak ada "
        "berkas yang ditulis dan setiap kesalahan disebut dengan lembar dan selnya (mis. "
        "Kinerja!K14), nilai yang ditemukan dan yang diharapkan.",
        f"4. Setelah impor: lkjip check --satker {satker} --tahun {tahun}"
        + (f" --periode {periode}" if periode != "tahunan" else "")
        + ", lalu lkjip build.",
        "5. Lembar Kinerja: setiap IKK katalog punya satu baris; isi Dalam PK = Tidak untuk IKK "
        "yang tidak tercantum dalam Perjanjian Kinerja. IKK dengan data per bulan (triwulan, "
        "semester): pilih Data periode, lalu isi angkanya di lembar Realisasi Periode.",
        "",
        "Lembar dan berkas data",
        "- Satker, IKK Satker → satker.yaml",
        "- Profil, Daftar, Wilayah, Bangunan, Kepegawaian, Organisasi, Tugas Fungsi → profil.yaml",
        "- Periode, Kinerja, Realisasi Periode, Narasi IKK → kinerja.yaml",
        "- Anggaran, Anggaran Sasaran, Anggaran Program, Anggaran Jenis → anggaran.yaml",
        "- SMART IKPA, e-Performance e-Monev → evaluasi.yaml; Narasi → narasi.yaml",
        "- Tanggapan → tanggapan.yaml; Klaim → klaim.yaml",
        "",
        "Menulis angka",
        "- Ketik angka sebagai angka. Ketikan gaya Indonesia juga dibaca: 1.234,5 · 99,21% · "
        "Rp 16.466.041.000 · Rp. 65.038.490,-. Bila Excel memperingatkan bahwa isian bukan "
        "angka, pilih Yes/Ya: lkjip impor tetap membacanya.",
        "- Angka seperti 1.234 atau 12.500 (satu titik diikuti tepat tiga digit) tidak ditebak: "
        "bisa ribuan atau desimal. Ketik 1234 atau 1,234 sesuai maksudnya.",
        "- Persen ditulis sebagai angka persen: 80 untuk 80% (ketikan 80% juga dibaca 80).",
        f"- Angka yang TIDAK DIKETAHUI: ketik {EJAAN} (jangan 0, jangan dikosongkan bila "
        "datanya memang ada tetapi tidak diketahui). Sel kosong berarti tidak diisi.",
        "- Rumus Excel boleh dipakai; yang dibaca adalah hasil terakhir yang tersimpan. Simpan "
        "berkas di Excel/LibreOffice sebelum impor agar hasil rumus tersimpan.",
        "- Jangan menggabung sel (merge) di area data dan jangan menambah kolom; catatan boleh "
        "di lembar baru (lembar lain tidak dibaca).",
        "",
        "Yang tidak ada di buku kerja (tidak diubah oleh impor; sunting berkas YAML-nya):",
        *(f"- {t}" for t in TIDAK_DIBAWA),
        "",
        f"Katalog IKK: {katalog}. Buku kerja ini hanya untuk satker dan periode di atas; untuk "
        "periode lain buat buku kerja baru dengan lkjip templat (--dari-tahun untuk membawa "
        "isian periode sebelumnya) atau lkjip ekspor.",
    ]
