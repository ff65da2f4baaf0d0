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

from dataclasses import dataclass, field, replace
from typing import get_args

from pydantic import BaseModel

from ...muat import skema as s
from ...muat.bantuan import bantuan, model_di
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
    """The header comment: the field's help from the schema (:func:`~lkjip_helpers.muat.bantuan.
    bantuan`) followed by what the layout adds (how to type it in a cell)."""
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
    bantuan_dari: tuple[str, ...] | None = None
    """For a column the sheet reads itself (``field`` is ``None``): the schema field whose help
    it shows."""


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
    butir: type[BaseModel] | None = None
    """Model of a row when neither ``daftar`` nor ``kelompok`` names its list."""

    def __post_init__(self) -> None:
        """Each field's comment = its help in the schema + what the layout wrote (the format)."""
        isian = tuple(
            replace(i, catatan=bantuan(MODEL_BERKAS[i.berkas or self.berkas], i.jalur, i.catatan))
            for i in self.isian
        )
        butir = self.model_butir()
        kolom = tuple(
            replace(k, catatan=bantuan(butir, k.field or k.bantuan_dari or (), k.catatan))
            if (k.field or k.bantuan_dari) and butir is not None and not k.rujukan
            else k
            for k in self.kolom
        )
        object.__setattr__(self, "isian", isian)
        object.__setattr__(self, "kolom", kolom)

    def model_butir(self) -> type[BaseModel] | None:
        """The model of one row of a table sheet."""
        if self.butir is not None:
            return self.butir
        if self.daftar:
            return model_di(MODEL_BERKAS[self.berkas], self.daftar)
        if self.kelompok:
            berkas, jalur = next(iter(self.kelompok.values()))
            return model_di(MODEL_BERKAS[berkas], jalur)
        return None

    @property
    def jenis(self) -> str:
        return "isian" if self.isian else "tabel"

    def kolom_baca(self) -> tuple[Kolom, ...]:
        return tuple(k for k in self.kolom if not k.rujukan)


MODEL_BERKAS: dict[str, type[BaseModel]] = {
    "satker": s.Satker,
    "profil": s.Profil,
    "kinerja": s.Kinerja,
    "anggaran": s.Anggaran,
    "evaluasi": s.Evaluasi,
    "narasi": s.Narasi,
    "tanggapan": s.DaftarTanggapan,
    "klaim": s.DaftarKlaim,
}
"""The model of each YAML file the workbook fills."""

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
            "",
        ),
        _i("nama_singkat", "Nama singkat", "teks", ""),
        _i("jenis", "Jenis satker", "teks", ""),
        _i("kelas", "Kelas", "teks", ""),
        _i("kementerian", "Kementerian", "teks", ""),
        _i("unit_eselon_i", "Unit eselon I", "teks", ""),
        _i("kanwil", "Kantor wilayah", "teks", ""),
        _i("alamat", "Alamat", "teks", ""),
        _i("kota", "Kota", "teks", ""),
        _i("telepon", "Telepon", "teks", "Ketik sebagai teks."),
        _i("laman", "Laman", "teks", ""),
        _i("surel", "Surel", "teks", ""),
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
            "",
            lebar=10,
        ),
        _k("Sasaran", "sasaran", "teks", "", lebar=9),
        _k("Nama indikator", "nama", "panjang", "", lebar=40),
        _k(
            "Satuan",
            "satuan",
            "teks",
            "",
            saran=SATUAN_SARAN,
            lebar=10,
        ),
        _k(
            "Jenis",
            "jenis",
            "pilihan",
            "",
            pilihan=JENIS_INDIKATOR,
            lebar=8,
        ),
        _k(
            "Polaritas",
            "polaritas",
            "pilihan",
            "",
            pilihan=POLARITAS,
            lebar=10,
        ),
        _k(
            "Pembilang",
            "pembilang",
            "panjang",
            "",
            lebar=30,
        ),
        _k("Penyebut", "penyebut", "panjang", "", lebar=30),
        _k(
            "Rumus",
            "rumus",
            "panjang",
            "",
            lebar=20,
        ),
        _k(
            "Populasi",
            "populasi",
            "teks",
            "",
            lebar=10,
        ),
        _k(
            "Bagian dari penyebut",
            "bagian_dari_penyebut",
            "ya_tidak",
            "",
            pilihan=YA_TIDAK,
            lebar=10,
        ),
        _k(
            "Agregasi",
            "agregasi",
            "pilihan",
            "",
            pilihan=AGREGASI,
            lebar=16,
        ),
        _k(
            "Aturan 0/0",
            "penyebut_nol",
            "pilihan",
            "",
            pilihan=PENYEBUT_NOL,
            lebar=12,
        ),
        _k(
            "Bilangan bulat",
            "bilangan_bulat",
            "ya_tidak",
            "",
            pilihan=YA_TIDAK,
            lebar=9,
        ),
        _k(
            "Target Renstra",
            "target_renstra",
            "target_tahunan",
            "Tulis tahun: angka, dipisah titik koma, mis. 2023: 80; 2024: 85.",
            lebar=18,
        ),
        _k("Standar nasional", "standar_nasional", "angka", _ANGKA, lebar=10),
        _k(
            "Keterangan standar nasional",
            "keterangan_standar_nasional",
            "panjang",
            "",
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
            "",
        ),
        _i(
            "kepala.nip",
            "NIP kepala",
            "nip",
            "Ketik sebagai teks (sel sudah berformat Teks).",
        ),
        _i(
            "kepala.jabatan",
            "Jabatan kepala",
            "teks",
            "",
        ),
        _i("kepala.pangkat", "Pangkat/golongan kepala", "teks", ""),
        _i("tahun_berdiri", "Tahun berdiri", "bulat", "", batas=(1900, 2100)),
        _i("tahun_beroperasi", "Tahun beroperasi", "bulat", "", batas=(1900, 2100)),
        _i("kapasitas", "Kapasitas hunian (orang)", "angka", _TD),
        _i(
            "penghuni",
            "Jumlah penghuni (orang)",
            "angka",
            _TD,
        ),
        _i("penghuni_per", "Penghuni per", "teks", ""),
        _i("luas_tanah_m2", "Luas tanah (m²)", "angka", _ANGKA),
        _i("tugas_pokok", "Tugas pokok", "panjang", "Teks (Markdown)."),
        _i("uraian_tugas_seksi", "Uraian tugas seksi", "panjang", "Teks panjang (Markdown)."),
        _i("aspek_strategis", "Aspek strategis", "panjang", "Teks (Markdown)."),
        _i("isu_strategis", "Isu strategis", "panjang", "Teks (Markdown)."),
        _i(
            "renstra.visi",
            "Renstra: visi",
            "panjang",
            "",
        ),
        _i("renstra.pengantar", "Renstra: pengantar", "panjang", ""),
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
        _k("Uraian", "uraian", "teks", "", lebar=24),
        _k("Jumlah", "jumlah", "angka", _ANGKA, lebar=10),
        _k("Satuan", "satuan", "teks", "", lebar=10),
        _k("Keterangan", "keterangan", "teks", "", lebar=50),
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
        _k("Uraian", "uraian", "teks", "", lebar=36),
        _k("Luas (m²)", "luas_m2", "angka", _ANGKA, lebar=12),
        _k("Unit", "unit", "angka", _TD, lebar=8),
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
        _k("Uraian", "uraian", "teks", "", lebar=24),
        _k("Jumlah", "jumlah", "angka", _TD, lebar=10),
        _k("Satuan", "satuan", "teks", "", saran=("orang",), lebar=10),
        _k("Keterangan", "keterangan", "teks", "", lebar=30),
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
        _k("Nama unit", "nama", "teks", "", lebar=36),
        _k("Kepala", "kepala", "teks", "", lebar=36),
        _k("Induk", "induk", "teks", "", lebar=36),
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
        _k("Unit", "unit", "teks", "", lebar=30),
        _k(
            "Fungsi",
            "fungsi",
            "baris_teks",
            "Satu fungsi per baris dalam sel (Alt+Enter untuk baris baru).",
            lebar=60,
        ),
        _k("Wewenang", "wewenang", "panjang", "", lebar=40),
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
            "",
            batas=(1, 12),
        ),
        _i(
            "periode_laporan.kumulatif",
            "Kumulatif sejak Januari",
            "ya_tidak",
            "",
            pilihan=YA_TIDAK,
        ),
        _i(
            "periode_laporan.keterangan",
            "Keterangan periode",
            "teks",
            "",
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
        _k(KOLOM_KODE, None, "teks", "", bantuan_dari=("kode",), lebar=9),
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
            _TD,
            lebar=9,
        ),
        _k(
            "Target maks",
            ("target_maks",),
            "angka",
            _TD,
            lebar=9,
        ),
        _k(
            "Pembilang",
            ("realisasi", "pembilang"),
            "angka",
            _TD,
            lebar=11,
        ),
        _k("Penyebut", ("realisasi", "penyebut"), "angka", _TD, lebar=11),
        _k(
            "Nilai",
            ("realisasi", "nilai"),
            "angka",
            _TD,
            lebar=10,
        ),
        _k(
            KOLOM_DATA_PERIODE,
            ("realisasi", "periode", "jenis"),
            "pilihan",
            "Diisi di lembar Realisasi Periode; Pembilang/Penyebut/Nilai di sini dikosongkan.",
            pilihan=JENIS_PERIODE,
            lebar=10,
        ),
        _k(
            "Mulai ke",
            ("realisasi", "periode", "mulai"),
            "bulat",
            "",
            batas=(1, 12),
            lebar=7,
        ),
        _k(
            "Aturan 0/0 periode ini",
            ("penyebut_nol",),
            "pilihan",
            "",
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
    butir=s.NilaiPeriode,
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
            "",
            batas=(1, 12),
            lebar=6,
        ),
        _k("Bulan", None, "teks", "Nama bulan/triwulan (rujukan).", rujukan=True, lebar=12),
        _k("Pembilang", ("pembilang",), "angka", _TD, lebar=11),
        _k("Penyebut", ("penyebut",), "angka", _TD, lebar=11),
        _k("Nilai", ("nilai",), "angka", _TD, lebar=10),
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
        _i("pagu", "Pagu DIPA (Rp)", "angka", _RUPIAH, format=FORMAT_RUPIAH),
        _i(
            "realisasi",
            "Realisasi (Rp)",
            "angka",
            _RUPIAH,
            format=FORMAT_RUPIAH,
        ),
        _i("catatan", "Catatan", "panjang", ""),
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
        _k("Sasaran", ("sasaran",), "teks", "", lebar=9),
        _k("Nama sasaran", None, "teks", "Dari katalog (rujukan).", rujukan=True, lebar=50),
        _k("Pagu", ("pagu",), "angka", _RUPIAH, format=FORMAT_RUPIAH, lebar=18),
        _k("Realisasi", ("realisasi",), "angka", _RUPIAH, format=FORMAT_RUPIAH, lebar=18),
    ),
)

ANGGARAN_PROGRAM = Lembar(
    "Anggaran Program",
    "Anggaran per program/kegiatan dalam PK (anggaran.yaml: per_program).",
    "anggaran",
    daftar=("per_program",),
    kolom=(
        _k("Program", ("program",), "teks", "", lebar=36),
        _k("Kegiatan", ("kegiatan",), "teks", "", lebar=40),
        _k("Kode", ("kode",), "teks", "", lebar=10),
        _k(
            "Sasaran",
            ("sasaran",),
            "kode_daftar",
            "",
            lebar=14,
        ),
        _k("Pagu", ("pagu",), "angka", _RUPIAH, format=FORMAT_RUPIAH, lebar=18),
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
            "",
            pilihan=JENIS_BELANJA,
            lebar=16,
        ),
        _k("Pagu", ("pagu",), "angka", _RUPIAH, format=FORMAT_RUPIAH, lebar=18),
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
        _i("smart.penyerapan", "SMART: penyerapan", "angka", _NILAI),
        _i("smart.konsistensi", "SMART: konsistensi", "angka", _NILAI),
        _i("smart.capaian_ro", "SMART: capaian RO", "angka", _NILAI),
        _i(
            "smart.efisiensi",
            "SMART: efisiensi (%)",
            "angka",
            _TD,
        ),
        _i("smart.nilai_efisiensi", "SMART: nilai efisiensi", "angka", _NILAI),
        _i(
            "smart.nilai",
            "SMART: nilai resmi",
            "angka",
            _TD,
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
            _TD,
        ),
        _i(
            "ikpa.nilai",
            "IKPA: nilai akhir resmi",
            "angka",
            _TD,
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
            "",
            pilihan=YA_TIDAK,
        )
    if nama == "tempat_tanggal":
        return _i(nama, _LABEL_NARASI[nama], "teks", "")
    return _i(nama, _LABEL_NARASI[nama], "panjang", "Teks (Markdown).")


_ISIAN_SURAT_PENGANTAR = (
    _i(
        "surat_pengantar.nomor",
        "Surat pengantar: nomor",
        "teks",
        "",
    ),
    _i("surat_pengantar.tanggal", "Surat pengantar: tanggal", "teks", ""),
    _i(
        "surat_pengantar.kepada",
        "Surat pengantar: kepada (Yth.)",
        "teks",
        "",
    ),
    _i("surat_pengantar.alamat_tujuan", "Surat pengantar: di", "teks", ""),
    _i("surat_pengantar.perihal", "Surat pengantar: perihal", "teks", ""),
    _i("surat_pengantar.lampiran", "Surat pengantar: lampiran", "teks", ""),
    _i(
        "surat_pengantar.naskah",
        "Surat pengantar: naskah yang dikirim",
        "teks",
        "",
    ),
    _i(
        "surat_pengantar.banyaknya",
        "Surat pengantar: banyaknya",
        "teks",
        "",
    ),
    _i("surat_pengantar.isi", "Surat pengantar: isi", "panjang", ""),
    _i(
        "surat_pengantar.keterangan_tanda_tangan",
        "Surat pengantar: keterangan tanda tangan",
        "teks",
        "",
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
            "",
            lebar=26,
        ),
        _k(
            "Status",
            ("status",),
            "pilihan",
            "",
            pilihan=STATUS_TANGGAPAN,
            lebar=12,
        ),
        _k(
            "Teks",
            ("teks",),
            "panjang",
            "",
            lebar=80,
        ),
        _k("Oleh", ("oleh",), "teks", "", lebar=20),
        _k(
            "Tanggal",
            ("tanggal",),
            "tanggal",
            "",
            lebar=12,
        ),
        _k(
            "Diterima oleh",
            ("diterima_oleh",),
            "teks",
            "",
            lebar=20,
        ),
        _k(
            "Tanggal diterima",
            ("tanggal_diterima",),
            "tanggal",
            "",
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
            "",
            lebar=34,
        ),
        _k(
            "Besaran",
            ("besaran",),
            "teks",
            "",
            lebar=30,
        ),
        _k(
            "Nilai",
            ("nilai",),
            "angka",
            "",
            boleh_td=False,
            lebar=14,
        ),
        _k("Catatan", ("catatan",), "teks", "", lebar=40),
        _k(
            "Kutipan",
            ("kutipan",),
            "panjang",
            "",
            lebar=60,
        ),
        _k(
            "Narasi",
            ("narasi",),
            "teks",
            "",
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
