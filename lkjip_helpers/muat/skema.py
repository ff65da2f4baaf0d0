"""Pydantic models of the data files under ``data/``.

One satker, one year. Files a person edits and reviews in git:

- ``data/katalog/<id>.yaml``            -> :class:`Katalog` (shared indicator catalog)
- ``data/satker/<satker>/satker.yaml``   -> :class:`Satker`
- ``data/satker/<satker>/<tahun>/profil.yaml``   -> :class:`Profil`
- ``data/satker/<satker>/<tahun>/kinerja.yaml``  -> :class:`Kinerja`
- ``data/satker/<satker>/<tahun>/anggaran.yaml`` -> :class:`Anggaran`
- ``data/satker/<satker>/<tahun>/evaluasi.yaml`` -> :class:`Evaluasi`
- ``data/satker/<satker>/<tahun>/narasi.yaml``   -> :class:`Narasi`
- ``data/satker/<satker>/<tahun>/lampiran.yaml`` -> :class:`Lampiran`
- ``data/satker/<satker>/<tahun>/klaim.yaml``    -> :class:`DaftarKlaim`
- ``data/satker/<satker>/<tahun>/tanggapan.yaml`` -> :class:`DaftarTanggapan`

A report period other than the year lives in its own folder (``<satker>/2022-semester-1/``)
and declares itself in ``kinerja.yaml`` (:class:`PeriodeLaporan`).

Only ``kinerja.yaml`` is required for a previous year (for comparisons); ``anggaran.yaml``
is used when present. Numbers follow the number policy of :mod:`lkjip_helpers.muat.angka`:
YAML numbers (never quoted text), bounded, non-negative and whole where they must be, or the
literal ``tidak diketahui``; they are held as :class:`~decimal.Decimal` (or
:data:`~lkjip_helpers.tidak_diketahui.TIDAK_DIKETAHUI`) so that every figure is computed exactly
and rounded only for display.

Narrative fields (type :data:`Teks`) may use Markdown; raw HTML is stripped when rendered.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, field_validator, model_validator

from .angka import Angka, AngkaPasti, Cacah, NonNeg, NonNegPasti, Positif, Sel
from .parameter import PERIODE
from .periode import rentang_periode
from .satuan import SATUAN_CACAH

Teks = str
"""Narrative text; Markdown allowed (lists, emphasis, paragraphs). Raw HTML is removed."""

Bulat = Annotated[int, Strict()]
"""A whole number written as a YAML integer (never quoted, never 3.0)."""
Tahun = Annotated[int, Strict(), Field(ge=1900, le=2100)]

Polaritas = Literal["naik", "turun", "rentang"]
"""naik: higher is better; turun: lower is better; rentang: a target range."""

JenisIndikator = Literal["rasio", "nilai"]
"""rasio: realisasi = pembilang / penyebut x 100; nilai: realisasi is the value itself."""

Agregasi = Literal["jumlah", "terakhir", "rata_rata", "rata_rata_pembilang_penyebut"]
"""How the period's realisasi is formed from its months (triwulan, semesters):

- ``jumlah``: a flow: values summed; a ratio is Σ pembilang / Σ penyebut × 100;
- ``terakhir``: a stock at the period's end: the last month's value or ratio;
- ``rata_rata``: the mean of the months' values (a ratio: the mean of the monthly percents);
- ``rata_rata_pembilang_penyebut``: a ratio of stocks: mean pembilang / mean penyebut × 100.

The two means count only the months an activity ran when ``periode.mulai`` is set."""

PenyebutNol = Literal["galat", "seratus", "nol", "tidak_berlaku"]
"""Rule for 0/0 (no case at all): an error, counts as 100 %, counts as 0 %, or not applicable
(the IKK is left out of the counts and averages)."""


JenisPeriode = Literal["bulan", "triwulan", "semester"]

JUMLAH_PERIODE: dict[str, int] = {"bulan": 12, "triwulan": 4, "semester": 2}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _kosong_belum_diisi(cls, data: Any) -> Any:
        """A required field written with an empty value (``nama:``) is reported as "wajib
        diisi", like a field not written at all."""
        if isinstance(data, dict):
            wajib = {n for n, f in cls.model_fields.items() if f.is_required()}
            if any(k in wajib and v is None for k, v in data.items()):
                return {k: v for k, v in data.items() if not (k in wajib and v is None)}
        return data


# --------------------------------------------------------------------------- catalog


class SasaranDef(_Model):
    """A sasaran kegiatan of the catalog."""

    kode: str = Field(pattern=r"^[A-Za-z0-9.\-]+$")
    nama: str
    nama_singkat: str | None = None


class IndikatorDef(_Model):
    """Definition of one IKK (Indikator Kinerja Kegiatan), shared by many satkers."""

    kode: str = Field(pattern=r"^[A-Za-z0-9.\-]+$")
    sasaran: str
    nama: str
    satuan: str
    jenis: JenisIndikator
    polaritas: Polaritas = "naik"
    pembilang: str | None = None
    penyebut: str | None = None
    rumus: str | None = None
    """Optional human formula text; default is built from pembilang/penyebut."""
    populasi: str | None = None
    """Name of the population the penyebut counts (e.g. ``wbp``); used by consistency checks."""
    bagian_dari_penyebut: bool = True
    """True when the pembilang is a subset of the penyebut (so > 100 % is an anomaly)."""
    agregasi: Agregasi = "jumlah"
    penyebut_nol: PenyebutNol = "galat"
    bilangan_bulat: bool | None = None
    """Whether the inputs (pembilang and penyebut of a ratio, the value of a value indicator)
    count people, units or documents and must be whole. Default: yes for a ratio, and for a
    value in a counting unit (:data:`SATUAN_CACAH`)."""
    target_renstra: dict[int, NonNeg] = Field(default_factory=dict)
    standar_nasional: NonNeg | None = None
    keterangan_standar_nasional: Teks | None = None

    @model_validator(mode="after")
    def _agregasi_rasio(self) -> IndikatorDef:
        if self.agregasi == "rata_rata_pembilang_penyebut" and self.jenis != "rasio":
            raise ValueError(
                "agregasi 'rata_rata_pembilang_penyebut' hanya untuk indikator jenis 'rasio'"
            )
        return self

    @property
    def input_bulat(self) -> bool:
        """Whether pembilang/penyebut (ratio) or the value must be whole numbers."""
        if self.bilangan_bulat is not None:
            return self.bilangan_bulat
        return self.jenis == "rasio" or self.satuan.strip().lower() in SATUAN_CACAH


class IndikatorTambahan(_Model):
    """An entry of ``indikator_tambahan`` in ``satker.yaml``.

    With the ``kode`` of a catalog indicator it is an *override*: only the fields written here
    replace the catalog's (``target_renstra`` is merged year by year); everything else keeps
    the catalog's value. With a new ``kode`` it is a new indicator and needs every required
    field of :class:`IndikatorDef`.
    """

    kode: str = Field(
        pattern=r"^[A-Za-z0-9.\-]+$", description="Kode IKK katalog yang ditimpa, atau kode baru."
    )
    sasaran: str | None = Field(default=None, description="Kode sasaran katalog (SK1, SK2 …).")
    nama: str | None = Field(default=None, description="Nama IKK seperti tercantum dalam PK.")
    satuan: str | None = Field(default=None, description="Satuan realisasi (%, Orang, Unit …).")
    jenis: JenisIndikator | None = Field(
        default=None, description="rasio: pembilang/penyebut × 100; nilai: angka langsung."
    )
    polaritas: Polaritas | None = Field(
        default=None,
        description="naik: makin tinggi makin baik; turun: makin rendah makin baik; rentang: "
        "target berupa rentang.",
    )
    pembilang: str | None = Field(
        default=None, description="Uraian pembilang seperti dicetak satker."
    )
    penyebut: str | None = Field(
        default=None, description="Uraian penyebut seperti dicetak satker."
    )
    rumus: str | None = Field(
        default=None, description="Teks rumus bila berbeda dari pembilang/penyebut × 100%."
    )
    populasi: str | None = Field(
        default=None, description="Nama populasi penyebut (mis. wbp) untuk pemeriksaan konsistensi."
    )
    bagian_dari_penyebut: bool | None = Field(
        default=None,
        description="Ya bila pembilang bagian dari penyebut (di atas 100% berarti janggal).",
    )
    agregasi: Agregasi | None = Field(
        default=None,
        description="Cara data bulanan digabung: jumlah, terakhir, rata_rata, "
        "rata_rata_pembilang_penyebut (lihat data/README.md).",
    )
    penyebut_nol: PenyebutNol | None = Field(
        default=None, description="Arti 0/0: galat, seratus (100%), nol (0%), tidak_berlaku."
    )
    bilangan_bulat: bool | None = Field(
        default=None,
        description="Ya bila pembilang/penyebut (atau nilai) menghitung orang/unit sehingga "
        "harus bulat.",
    )
    target_renstra: dict[int, NonNeg] | None = Field(
        default=None,
        description="Target Renstra per tahun; tahun yang tidak ditulis tetap dari katalog.",
    )
    standar_nasional: NonNeg | None = None
    keterangan_standar_nasional: Teks | None = Field(
        default=None, description="Penjelasan standar nasional."
    )


class Katalog(_Model):
    """A reusable indicator catalog (e.g. the 26 IKK of a UPT Pemasyarakatan)."""

    id: str
    nama: str
    sumber: str | None = None
    periode_renstra: tuple[Tahun, Tahun] | None = None
    sasaran: list[SasaranDef]
    indikator: list[IndikatorDef]


# --------------------------------------------------------------------------- satker


TEKS_TIDAK_DIKETAHUI = frozenset(
    {"tidak diketahui", "belum diketahui", "tidak ada data", "data tidak tersedia"}
)
"""Texts meaning "unknown" (lower case): never a name to print (a person's name is required
where it is signed; other text fields with it are a finding)."""
_BUKAN_NAMA = TEKS_TIDAK_DIKETAHUI | {"-", "?", "n/a", "nihil"}


class Pejabat(_Model):
    nama: str = Field(description="Nama pejabat yang menandatangani.")
    """The official's name as signed; ``tidak diketahui`` (or ``-``) is refused: the report
    would print it as the signatory."""
    nip: str | None = Field(default=None, description="NIP 18 digit.")
    jabatan: str | None = Field(
        default=None, description="Jabatan, mis. Kepala Lembaga Pemasyarakatan Kelas IIA Banyuasin."
    )
    pangkat: str | None = Field(default=None, description="Pangkat/golongan, mis. Pembina (IV/a).")

    @field_validator("nama")
    @classmethod
    def _nama_sebenarnya(cls, v: str) -> str:
        if v.strip().lower() in _BUKAN_NAMA:
            raise ValueError(
                f"nama {v!r} bukan nama pejabat; tulis nama yang menandatangani (tidak dapat "
                "dicetak sebagai penanda tangan)"
            )
        return v


class AturanEfisiensi(_Model):
    """Efficiency rule: capaian - penyerapan > ambang -> efisien; within +/- ambang -> cukup."""

    ambang: NonNegPasti = Decimal(5)


class Pengaturan(_Model):
    batas_capaian: NonNegPasti | None = None
    """Optional cap on capaian (e.g. 120); ``None`` means no cap (the Kemenkumham practice)."""
    efisiensi: AturanEfisiensi = Field(default_factory=AturanEfisiensi)
    capaian_tidak_wajar: NonNegPasti = Decimal(200)
    """Capaian above this is reported as implausible."""
    toleransi_klaim: NonNegPasti = Decimal("0.005")


class Satker(_Model):
    """Identity of a satker; stable across years."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    nama: str = Field(description="Nama lengkap, mis. Lembaga Pemasyarakatan Kelas IIA Banyuasin.")
    nama_singkat: str = Field(description="Nama singkat, mis. Lapas Kelas IIA Banyuasin.")
    jenis: str | None = Field(
        default=None, description="Mis. Lembaga Pemasyarakatan, Rumah Tahanan Negara."
    )
    kelas: str | None = Field(default=None, description="Mis. IIA, IIB.")
    kementerian: str = Field(
        description="Nama kementerian, mis. Kementerian Hukum dan Hak Asasi Manusia Republik "
        "Indonesia."
    )
    unit_eselon_i: str | None = Field(
        default=None, description="Mis. Direktorat Jenderal Pemasyarakatan."
    )
    kanwil: str | None = Field(
        default=None,
        description="Kantor wilayah induk, mis. Kantor Wilayah Kementerian Hukum dan HAM "
        "Sumatera Selatan.",
    )
    """Kantor Wilayah the satker reports to (e.g. ``Kantor Wilayah Kementerian Hukum dan HAM
    Sumatera Selatan``); the batch roll-up groups satkers by it and ``lkjip batch --kanwil``
    builds one Kanwil's roll-up. Write it the same way for every satker of a Kanwil."""
    alamat: str | None = Field(default=None, description="Alamat kantor.")
    kota: str | None = Field(
        default=None, description="Kota tempat penandatanganan laporan, mis. Palembang."
    )
    telepon: str | None = Field(default=None, description="Nomor telepon kantor.")
    laman: str | None = Field(default=None, description="Situs web.")
    surel: str | None = Field(default=None, description="Alamat surel.")
    katalog: str
    """Id of the catalog under ``data/katalog/``."""
    indikator_tambahan: list[IndikatorTambahan] = Field(default_factory=list)
    """Satker-specific indicators; one with the same kode as a catalog entry overrides the
    fields it names (see :class:`IndikatorTambahan`)."""
    pengaturan: Pengaturan = Field(default_factory=Pengaturan)
    data_contoh_fiktif: bool = False
    """True for fictitious example data: every report built from it says "data contoh fiktif"."""


# --------------------------------------------------------------------------- profil


class Baris(_Model):
    """A labelled count, area or amount (one table row)."""

    uraian: str = Field(description="Mis. Sebelah utara.")
    jumlah: NonNeg | None = None
    satuan: str | None = Field(default=None, description="Satuan jumlah (boleh kosong).")
    keterangan: str | None = Field(default=None, description="Mis. Jalan Lintas Palembang-Betung.")


class BarisCacah(Baris):
    """A labelled count of people (staff tables): whole numbers."""

    uraian: str = Field(description="Mis. Laki-laki, S1, Golongan III.")
    jumlah: Cacah | None = Field(default=None, description="Jumlah orang (bilangan bulat).")
    satuan: str | None = Field(default=None, description="Biasanya orang.")
    keterangan: str | None = Field(default=None, description='Catatan (mis. tertulis "-").')


class Bangunan(_Model):
    uraian: str = Field(description="Nama bangunan.")
    luas_m2: NonNeg
    unit: Cacah | None = Field(default=None, description="Jumlah unit (bilangan bulat).")


class TugasFungsi(_Model):
    unit: str = Field(description="Nama unit.")
    fungsi: list[str] = Field(default_factory=list)
    wewenang: str | None = Field(default=None, description="Wewenang unit.")


class UnitOrganisasi(_Model):
    """One unit of the organisation chart: its name, its head and the unit it reports to."""

    nama: str = Field(description="Nama unit, unik.")
    kepala: str | None = Field(default=None, description="Jabatan (dan nama) kepala unit.")
    """Title (and name) of the head, e.g. ``Kepala Seksi Binadik``."""
    induk: str | None = Field(
        default=None, description="Nama unit di atasnya; kosong untuk puncak bagan."
    )
    """``nama`` of the unit above; empty for the top of the chart."""


class Renstra(_Model):
    pengantar: Teks | None = Field(default=None, description="Teks pengantar Renstra.")
    visi: Teks = Field(description="Visi (sama dengan Renstra unit eselon I).")
    misi: list[str] = Field(description="Daftar misi.")
    misi_pengantar: Teks | None = None
    tata_nilai: Teks | None = None
    tujuan: list[str] = Field(description="Daftar tujuan.")
    sasaran_pengantar: Teks | None = None


class Profil(_Model):
    """Profile of the satker in a year (Bab I and Bab II background)."""

    kepala: Pejabat = Field(description="Kepala satker yang menandatangani laporan.")
    tahun_berdiri: Tahun | None = Field(default=None, description="Empat digit.")
    tahun_beroperasi: Tahun | None = Field(default=None, description="Empat digit.")
    kapasitas: Positif = Field(description="Kapasitas hunian (orang), lebih dari 0.")
    """Capacity in people (above 0; ``tidak diketahui`` when not known)."""
    penghuni: Cacah = Field(
        description="Jumlah penghuni (orang, bilangan bulat) pada akhir periode."
    )
    penghuni_per: str | None = Field(
        default=None, description="Keadaan per tanggal/bulan, mis. Desember 2023."
    )
    batas_wilayah: list[Baris] = Field(default_factory=list)
    luas_tanah_m2: NonNeg | None = None
    bangunan: list[Bangunan] = Field(default_factory=list)
    perumahan: list[Bangunan] = Field(default_factory=list)
    pegawai_jenis_kelamin: list[BarisCacah] = Field(
        default_factory=list,
        description="Jumlah pegawai menurut jenis kelamin (orang, bilangan bulat).",
    )
    pegawai_pendidikan: list[BarisCacah] = Field(default_factory=list)
    pegawai_golongan: list[BarisCacah] = Field(default_factory=list)
    tugas_pokok: Teks | None = None
    fungsi: list[str] = Field(default_factory=list)
    tugas_fungsi_wewenang: list[TugasFungsi] = Field(default_factory=list)
    """Tabel 1.3-style: the unit's tugas, fungsi, wewenang."""
    struktur: list[TugasFungsi] = Field(default_factory=list)
    """Tabel 1.4-style: per seksi/bagian."""
    uraian_tugas_seksi: Teks | None = None
    """Long per-section duty lists (Markdown)."""
    organisasi: list[UnitOrganisasi] = Field(default_factory=list)
    """The organisation chart (Gambar Struktur Organisasi), drawn from these units."""
    aspek_strategis: Teks | None = None
    isu_strategis: Teks | None = None
    renstra: Renstra = Field(description="Rencana Strategis yang diacu (Renstra unit eselon I).")

    @model_validator(mode="after")
    def _pohon_organisasi(self) -> Profil:
        unit = self.organisasi
        if not unit:
            return self
        nama = [u.nama for u in unit]
        ganda = sorted({n for n in nama if nama.count(n) > 1})
        if ganda:
            raise ValueError(f"organisasi: nama unit ganda: {', '.join(ganda)}")
        puncak = [u.nama for u in unit if not u.induk]
        if len(puncak) != 1:
            raise ValueError(
                "organisasi: harus tepat satu unit tanpa induk (puncak bagan), ditemukan "
                f"{len(puncak)}" + (f": {', '.join(puncak)}" if puncak else "")
            )
        induk = {u.nama: u.induk for u in unit}
        for u in unit:
            if u.induk and u.induk not in induk:
                raise ValueError(f"organisasi: induk {u.induk!r} dari unit {u.nama!r} tidak ada")
            dilihat, n = set(), u.nama
            while n:
                if n in dilihat:
                    raise ValueError(f"organisasi: unit {u.nama!r} berada dalam lingkaran induk")
                dilihat.add(n)
                n = induk.get(n) or ""
        return self


# --------------------------------------------------------------------------- kinerja


class NilaiPeriode(_Model):
    """One month (triwulan, semester) of a realisasi; ``ke`` is the calendar month (1–12),
    triwulan (1–4) or semester (1–2)."""

    ke: Bulat = Field(ge=1, le=12, description="Bulan 1–12 (atau triwulan 1–4, semester 1–2).")
    pembilang: NonNeg | None = Field(default=None, description="IKK rasio.")
    penyebut: NonNeg | None = Field(default=None, description="IKK rasio.")
    nilai: NonNeg | None = Field(default=None, description="IKK nilai.")


class Periode(_Model):
    jenis: JenisPeriode = Field(description="Isi bila realisasi per bulan/triwulan/semester.")
    mulai: Bulat | None = Field(
        default=None,
        ge=1,
        le=12,
        description="Bulan (triwulan) kegiatan mulai berjalan, bila di tengah periode; kosong "
        "bila sejak awal.",
    )
    """The month (triwulan, semester) an activity started: earlier periods are "belum
    berjalan", not missing, and the means count only the periods from ``mulai`` on."""
    data: list[NilaiPeriode]

    @model_validator(mode="after")
    def _batas(self) -> Periode:
        batas = JUMLAH_PERIODE[self.jenis]
        if self.mulai is not None and self.mulai > batas:
            raise ValueError(f"mulai {self.mulai} di luar {self.jenis} 1–{batas}")
        return self


class Realisasi(_Model):
    """Exactly one of: pembilang+penyebut, nilai, periode."""

    pembilang: NonNeg | None = Field(
        default=None,
        description="IKK rasio: pembilang (bilangan bulat bila menghitung orang/unit).",
    )
    penyebut: NonNeg | None = Field(default=None, description="IKK rasio: penyebut.")
    nilai: NonNeg | None = Field(
        default=None, description="IKK nilai: realisasinya (atau persen langsung)."
    )
    periode: Periode | None = None

    @model_validator(mode="after")
    def _satu_bentuk(self) -> Realisasi:
        bentuk = [
            self.pembilang is not None or self.penyebut is not None,
            self.nilai is not None,
            self.periode is not None,
        ]
        if sum(bentuk) != 1:
            raise ValueError(
                "isi tepat satu bentuk realisasi: pembilang+penyebut, nilai, atau periode"
            )
        if bentuk[0] and (self.pembilang is None or self.penyebut is None):
            raise ValueError("pembilang dan penyebut harus diisi keduanya")
        return self


class TabelPendukung(_Model):
    """A supporting table attached to an IKK (remisi, integrasi, kamtib ...)."""

    judul: str
    kolom: list[str]
    baris: list[list[Sel]]
    """Cells: text, a number (number policy applies), ``tidak diketahui``, or empty."""
    catatan: Teks | None = None
    """Note printed under the table in the report."""
    catatan_transkripsi: Teks | None = None
    """Where and how the table was taken from a draft (source lines, cells as printed): for the
    review memo only, never printed in the LKjIP."""
    baris_jumlah: bool = False
    """True when the last row is a total that the checks should verify."""


class NarasiIkk(_Model):
    penjelasan: Teks | None = None
    """Explanation under the target-vs-realisasi table."""
    perbandingan_tahun_lalu: Teks | None = None
    perbandingan_renstra: Teks | None = None
    standar_nasional: Teks | None = None
    penyebab: Teks | None = None
    """Penyebab keberhasilan / kegagalan."""
    analisis_program: Teks | None = None
    """Analisis program/kegiatan yang menunjang keberhasilan atau kegagalan."""
    efisiensi_sumber_daya: Teks | None = None
    upaya: Teks | None = None


class CapaianIkk(_Model):
    """Target and realisasi of one IKK in one year."""

    kode: str = Field(description="Kode IKK katalog (atau IKK Satker).")
    target: NonNeg | None = Field(
        default=None,
        description="Target dalam Perjanjian Kinerja. Kosong = dipakai target Renstra (menjadi "
        "temuan).",
        json_schema_extra={"wajib": True},
    )
    """PK target. When missing, the Renstra target of the year is used (a finding, and the
    report says so)."""
    target_maks: NonNeg | None = Field(
        default=None, description="Batas atas target untuk polaritas rentang saja."
    )
    """Upper bound for polaritas ``rentang`` (``target`` is the lower bound)."""
    realisasi: Realisasi | None = Field(
        default=None,
        description="Pembilang dan penyebut (IKK rasio), nilai (IKK nilai), atau data per "
        "bulan/triwulan/semester (periode).",
        json_schema_extra={"wajib": True},
    )
    standar_nasional: NonNeg | None = None
    penyebut_nol: PenyebutNol | None = Field(
        default=None,
        description="Kosong = aturan indikator. Isi untuk periode ini saja: galat, seratus, nol, "
        "tidak_berlaku.",
    )
    """0/0 rule for this IKK in this period only (overrides the indicator definition)."""
    narasi: NarasiIkk = Field(default_factory=NarasiIkk)
    tabel_pendukung: list[TabelPendukung] = Field(default_factory=list)


class PeriodeLaporan(_Model):
    """The report period a data folder holds (top of ``kinerja.yaml``).

    ``periode``: ``tahunan``, ``semester-1``, ``semester-2``, ``triwulan-1`` … ``triwulan-4``;
    it must match the folder (``2023`` for tahunan, ``2022-semester-1`` …).
    ``bulan_terakhir``: the last month (1–12) the data cover, inside the period's span
    (Semester I: 1–6); default: the span's last month (complete data).
    ``kumulatif``: whether the figures run from January ("s.d. Semester II" = Januari–Desember)
    or cover the period's own months only (Semester II = Juli–Desember); default
    :data:`~lkjip_helpers.muat.periode.KUMULATIF_BAWAAN` of the kind (true for semester and
    triwulan).
    """

    periode: str = Field(
        default="tahunan",
        description="Periode laporan: tahunan, semester-1, semester-2, triwulan-1 … triwulan-4 "
        "(sesuai nama folder).",
    )
    bulan_terakhir: Bulat | None = Field(
        default=None,
        ge=1,
        le=12,
        description="Bulan terakhir yang datanya sudah tertutup (1–12, di dalam rentang "
        "periode). Kosong = akhir periode (data lengkap).",
    )
    kumulatif: bool | None = Field(
        default=None,
        description="Ya (true) = angka sejak Januari (s.d. Semester II = Januari–Desember); "
        "Tidak (false) = bulan periode itu saja (Semester II = Juli–Desember). Kosong = Ya untuk "
        "semester dan triwulan.",
    )
    keterangan: str | None = Field(default=None, description="Mis. data s.d. 31 Mei 2024.")
    """Free text, e.g. "data s.d. 31 Mei 2022"; printed under the report's period."""

    @field_validator("periode")
    @classmethod
    def _periode_dikenal(cls, v: str) -> str:
        p = v.strip().lower()
        if p not in PERIODE:
            raise ValueError(
                f"periode {v!r} tidak dikenal; pilih salah satu dari {', '.join(PERIODE)}"
            )
        return p

    @model_validator(mode="after")
    def _bulan_dalam_rentang(self) -> PeriodeLaporan:
        awal, akhir = rentang_periode(self.periode)
        if self.bulan_terakhir is not None and not awal <= self.bulan_terakhir <= akhir:
            raise ValueError(
                f"bulan_terakhir {self.bulan_terakhir} di luar rentang {PERIODE[self.periode]} "
                f"(bulan {awal}–{akhir})"
            )
        return self


class Kinerja(_Model):
    """Perjanjian Kinerja targets and realisations of a report period."""

    periode_laporan: PeriodeLaporan | None = None
    """The period the folder holds; absent = the whole year. (A plain text, as older data
    wrote it, is kept as ``keterangan`` of an annual period.)"""
    indikator: list[CapaianIkk]

    @field_validator("periode_laporan", mode="before")
    @classmethod
    def _teks_lama(cls, v: Any) -> Any:
        return {"keterangan": v} if isinstance(v, str) else v


# --------------------------------------------------------------------------- anggaran

JenisBelanja = Literal["pegawai", "barang", "modal", "bantuan_sosial", "lainnya"]


class PaguRealisasi(_Model):
    pagu: NonNeg
    realisasi: NonNeg | None = None


class AnggaranSasaran(PaguRealisasi):
    sasaran: str = Field(description="Kode sasaran katalog.")


class AnggaranProgram(PaguRealisasi):
    program: str = Field(description="Nama program.")
    kegiatan: str | None = Field(default=None, description="Nama kegiatan.")
    kode: str | None = Field(default=None, description="Kode kegiatan (teks).")
    sasaran: list[str] = Field(
        default_factory=list, description="Kode sasaran yang didukung, dipisah koma, mis. SK1, SK2."
    )


class AnggaranJenis(PaguRealisasi):
    jenis: JenisBelanja


class TargetPenyerapan(_Model):
    """One point of the satker's rencana penarikan dana: the share of the pagu planned to be
    absorbed by the end of a triwulan, cumulative from January (``{triwulan: 2, persen: 45}``)."""

    triwulan: Bulat = Field(ge=1, le=4)
    persen: NonNeg = Field(le=100)


class Anggaran(_Model):
    """Budget of a year: DIPA total and its breakdowns."""

    pagu: NonNeg = Field(description="Pagu DIPA.")
    realisasi: NonNeg = Field(description="Realisasi sampai akhir periode.")
    per_sasaran: list[AnggaranSasaran] = Field(default_factory=list)
    per_program: list[AnggaranProgram] = Field(default_factory=list)
    per_jenis_belanja: list[AnggaranJenis] = Field(default_factory=list)
    target_penyerapan: list[TargetPenyerapan] = Field(
        default_factory=list,
        description="Rencana penarikan dana / target penyerapan kumulatif per triwulan (% pagu). "
        "Bila diisi, penyerapan periode semester/triwulan dinilai terhadap target ini; bila "
        "tidak, terhadap porsi waktu (bulan yang dicakup / 12).",
    )
    catatan: Teks | None = Field(default=None, description="Catatan anggaran (Markdown).")

    @model_validator(mode="after")
    def _triwulan_unik(self) -> Anggaran:
        tw = [t.triwulan for t in self.target_penyerapan]
        if len(tw) != len(set(tw)):
            raise ValueError("target_penyerapan: triwulan yang sama ditulis dua kali")
        return self


# --------------------------------------------------------------------------- evaluasi


class Smart(_Model):
    """SMART-DJA components (PMK 22/2021), each 0-100 except ``efisiensi`` (percent saved)."""

    penyerapan: NonNeg
    konsistensi: NonNeg
    capaian_ro: NonNeg
    efisiensi: Angka | None = Field(
        default=None,
        description="Persen penghematan (boleh negatif). Isi ini atau nilai efisiensi.",
    )
    nilai_efisiensi: NonNeg | None = None
    nilai: NonNeg | None = Field(
        default=None, description="Nilai SMART-DJA yang diterbitkan aplikasi."
    )
    """The SMART-DJA score as the application published it (official; printed as is). The
    score recomputed from the components is then only a check."""

    @model_validator(mode="after")
    def _efisiensi(self) -> Smart:
        if self.efisiensi is None and self.nilai_efisiensi is None:
            raise ValueError("isi efisiensi atau nilai_efisiensi")
        return self


class Ikpa(_Model):
    """IKPA component scores (0-100); ``None`` = not assessed (weights renormalised)."""

    pagu: NonNeg | None = None
    revisi_dipa: NonNeg | None = None
    deviasi_halaman_iii_dipa: NonNeg | None = None
    penyerapan_anggaran: NonNeg | None = None
    belanja_kontraktual: NonNeg | None = None
    penyelesaian_tagihan: NonNeg | None = None
    pengelolaan_up_tup: NonNeg | None = None
    dispensasi_spm: NonNeg | None = None
    """A weighted component up to TA 2023; from TA 2024 use ``pengurang_dispensasi_spm``."""
    capaian_output: NonNeg | None = None
    pengurang_dispensasi_spm: NonNeg = Field(default=Decimal(0), description="Poin pengurang.")
    """Points deducted for SPM dispensations (PER-5/PB/2024, TA 2024 onward)."""
    nilai: NonNeg | None = Field(
        default=None, description="Nilai akhir IKPA yang diterbitkan aplikasi."
    )
    """The IKPA score (nilai akhir) as the application published it (official; printed as is).
    The score recomputed from the components is then only a check."""


class PrioritasNasional(_Model):
    uraian: Teks
    kegiatan: list[str] = Field(default_factory=list)


class Evaluasi(_Model):
    """Capaian kinerja anggaran and other performance measures (Bab III C and D)."""

    smart: Smart | None = Field(default=None, title="SMART")
    ikpa: Ikpa | None = None
    e_performance_triwulan: list[NonNeg | None] = Field(default_factory=list, max_length=4)
    e_monev_bulan: list[NonNeg | None] = Field(default_factory=list, max_length=12)
    prioritas_nasional: PrioritasNasional | None = None
    target_kinerja: Teks | None = None


# --------------------------------------------------------------------------- narasi


class SuratPengantar(_Model):
    """The cover letter (surat pengantar) that sends the LKjIP to the Kanwil, printed after the
    cover and before the kata pengantar whenever it is written (``tampilkan: false`` leaves it
    out). The signatory is the head of the satker (``profil.yaml``: ``kepala``) unless
    ``penandatangan`` names another."""

    nomor: str = Field(
        description="Mis. W.6.PAS.PAS.10-UM.01.01-1435. Isi nomor, tanggal dan tujuan agar "
        "laporan memuat surat pengantar kepada Kanwil."
    )
    """Nomor surat, as numbered by the satker (``W.6.PAS.PAS.10-UM.01.01-1435``)."""
    tanggal: str = Field(description="Mis. 30 Desember 2023.")
    """Date as printed at the top of the letter (``30 Desember 2023``; a place may precede
    it: ``Pangkalan Balai, 30 Desember 2023``)."""
    kepada: str = Field(
        description="Mis. Kepala Kantor Wilayah Kementerian Hukum dan HAM Sumatera Selatan."
    )
    """Addressee after "Yth." (``Kepala Kantor Wilayah Kementerian Hukum dan HAM Sumatera
    Selatan``)."""
    alamat_tujuan: str | None = Field(default=None, description="Mis. Palembang.")
    """Place of the addressee, printed under "di -" (``Palembang``)."""
    perihal: str | None = Field(default=None, description="Boleh kosong.")
    """Subject line (``Penyampaian LKjIP Tahun 2023``); none on a surat pengantar in table
    form."""
    lampiran: str | None = Field(default=None, description="Boleh kosong.")
    """Enclosures line (``1 (satu) berkas``); none when not written."""
    naskah: str | None = Field(default=None, description="Kosong = LKjIP periode ini.")
    """The document sent (column "Naskah Dinas yang Dikirim"); default: the LKjIP of the
    period and satker."""
    banyaknya: str | None = Field(default=None, description="Kosong = 1 (satu) Laporan.")
    """How many (column "Banyaknya"); default ``1 (satu) Laporan``."""
    isi: Teks | None = Field(default=None, description="Kosong = kalimat pengantar baku.")
    """Body of the letter (column "Keterangan"); default: a sentence sending the LKjIP."""
    keterangan_tanda_tangan: str | None = Field(
        default=None,
        description="Mis. Ditandatangani secara elektronik oleh. Penanda tangan: kepala satker "
        "(lembar Profil).",
    )
    """Line above the signatory's name (``Ditandatangani secara elektronik oleh``)."""
    penandatangan: Pejabat | None = None
    """Signatory when not the head of the satker of ``profil.yaml``."""
    tampilkan: bool = True
    """False: the report leaves the letter out although it is written."""


class Narasi(_Model):
    """Chapter-level narrative. Empty fields fall back to text drafted from the numbers."""

    tempat_tanggal: str | None = Field(
        default=None, description="Mis. Pangkalan Balai, 30 Desember 2023."
    )
    kata_pengantar: Teks | None = None
    ikhtisar_eksekutif: Teks | None = None
    latar_belakang: Teks | None = None
    gambaran_umum: Teks | None = None
    maksud_tujuan: Teks | None = None
    sistematika: Teks | None = None
    perjanjian_kinerja: Teks | None = None
    akuntabilitas_pengantar: Teks | None = None
    realisasi_anggaran: Teks | None = None
    """Bab III B, before the budget tables."""
    realisasi_anggaran_analisis: Teks | None = None
    """Bab III B, after this year's budget tables (comments on them; may cite them with
    ``{{ tabel:anggaran-sasaran-<tahun> }}``)."""
    smart_dja: Teks | None = None
    ikpa: Teks | None = None
    e_performance: Teks | None = None
    e_monev: Teks | None = None
    kesimpulan: Teks | None = None
    saran: Teks | None = None
    ganti_rancangan: bool = Field(
        default=False,
        description="Ya: kesimpulan dan saran di atas menggantikan teks rancangan Bab IV; "
        "Tidak/kosong: teks rancangan lebih dulu, lalu teks ini.",
    )
    """True: ``kesimpulan``/``saran`` replace the text drafted from the numbers (Bab IV);
    False (default): the drafted text comes first and the analyst's text follows."""
    surat_pengantar: SuratPengantar | None = Field(default=None, title="surat pengantar")
    """The cover letter to the Kanwil (:class:`SuratPengantar`); none when not written."""


# --------------------------------------------------------------------------- lampiran


class BarisTarget(_Model):
    sasaran: str
    indikator: str
    target: str


class DokumenPk(_Model):
    tempat_tanggal: str | None = None
    pihak_pertama: Pejabat
    pihak_kedua: Pejabat | None = None
    pernyataan: Teks | None = None
    sasaran_strategis: list[BarisTarget] = Field(default_factory=list)
    sasaran_program: list[BarisTarget] = Field(default_factory=list)
    anggaran: list[Baris] = Field(default_factory=list)


class AnggotaTim(_Model):
    peran: str
    nama: str


class SkTim(_Model):
    nomor: str | None = None
    tanggal: str | None = None
    tentang: str | None = None
    ditetapkan_oleh: Pejabat | None = None
    tugas: list[str] = Field(default_factory=list)
    anggota: list[AnggotaTim]


class LangkahSop(_Model):
    no: Bulat
    kegiatan: str
    pelaksana: str | None = None
    kelengkapan: str | None = None
    waktu: str | None = None
    output: str | None = None
    keterangan: str | None = None


class Sop(_Model):
    nomor: str | None = None
    judul: str
    tanggal_pembuatan: str | None = None
    tanggal_efektif: str | None = None
    disahkan_oleh: str | None = None
    dasar_hukum: list[str] = Field(default_factory=list)
    keterkaitan: list[str] = Field(default_factory=list)
    peringatan: Teks | None = None
    langkah: list[LangkahSop] = Field(default_factory=list)


class DokumenLain(_Model):
    judul: str
    keterangan: Teks | None = None


TEMPAT_GAMBAR = (
    "gambaran_umum",
    "tugas_fungsi",
    "renstra",
    "perjanjian_kinerja",
    "alokasi_anggaran",
    "capaian_ringkas",
    "realisasi_anggaran",
    "efisiensi",
    "smart_dja",
    "ikpa",
    "nilai_kinerja_anggaran",
    "kinerja_lainnya",
    "lampiran_pk",
    "lampiran_sk_tim",
    "lampiran_sop",
    "lampiran_dokumen",
)
"""Report sections an image of the satker can be placed in (or ``ikk:<kode>``)."""


class GambarLampiran(_Model):
    """An image file of the satker (screenshot, certificate, photo) shown in the report."""

    kunci: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
    """Stable key: ``{{ gambar:<kunci> }}`` in a narrative refers to it."""
    berkas: str
    """Path relative to the satker's folder (``data/satker/<satker>/``): PNG, JPEG or SVG."""
    judul: str
    tempat: str = Field(
        default="lampiran_dokumen",
        pattern=r"^(?:ikk:[A-Za-z0-9.\-]+|" + "|".join(TEMPAT_GAMBAR) + r")$",
    )
    """Section that shows it: one of :data:`TEMPAT_GAMBAR`, or ``ikk:<kode>`` (that IKK's
    analysis)."""
    keterangan: Teks | None = None


class Lampiran(_Model):
    perjanjian_kinerja: DokumenPk | None = None
    sk_tim: SkTim | None = None
    sop: Sop | None = None
    dokumen_lain: list[DokumenLain] = Field(default_factory=list)
    gambar: list[GambarLampiran] = Field(default_factory=list)


# --------------------------------------------------------------------------- klaim


class Klaim(_Model):
    """A figure as a draft report states it, to be recomputed and compared.

    ``besaran`` names a computed figure, e.g. ``ikk.SK1.1.capaian``,
    ``anggaran.sasaran.SK4.realisasi``, ``anggaran.program_jumlah.pagu``,
    ``smart.nilai``, ``ikpa.nilai``, ``nka.nilai``, ``profil.okupansi``
    (see :func:`lkjip_helpers.hitung.hasil.HasilLaporan.besaran`).
    """

    lokasi: str = Field(description="Tempat angka dinyatakan, mis. Ikhtisar Eksekutif.")
    besaran: str = Field(
        description="Nama besaran, mis. ikk.SK1.1.capaian (daftar di data/README.md)."
    )
    nilai: AngkaPasti | None = Field(
        default=None,
        description="Angka seperti dinyatakan (boleh negatif; tidak boleh tidak diketahui).",
        json_schema_extra={"wajib": "kecuali pernyataan tanpa angka (Kutipan diisi)"},
    )
    """The figure as the draft states it; may be left out only for a statement without a figure
    (``kutipan`` then says what the draft stated: "hampir mencapai 100%", "menurun")."""
    catatan: str | None = Field(default=None, description="Mis. nomor baris draf.")
    kutipan: Teks | None = Field(
        default=None, description="Kalimat draf yang menyatakannya, dikutip apa adanya."
    )
    """The draft's sentence, quoted as it stands in the draft (the memo shows it next to the
    computed figure)."""
    narasi: str | None = Field(
        default=None,
        description="Narasi laporan yang membetulkannya, mis. narasi.kesimpulan atau "
        "kinerja.SK1.3.penjelasan.",
    )
    """The narrative of this report that restates (and corrects) it: ``narasi.<bagian>`` or
    ``kinerja.<kode>.<bagian>``."""

    @model_validator(mode="after")
    def _nilai_atau_kutipan(self) -> Klaim:
        if self.nilai is None and not self.kutipan:
            raise ValueError("nilai wajib diisi (boleh kosong hanya bila kutipan diisi)")
        return self


class DaftarKlaim(_Model):
    klaim: list[Klaim] = Field(default_factory=list)


# --------------------------------------------------------------------------- tanggapan

StatusTanggapan = Literal["diperbaiki", "dijelaskan"]
"""diperbaiki: the data or text was corrected; dijelaskan: the finding stands, explained."""


class Tanggapan(_Model):
    """The satker's answer to one finding, by the finding's stable id."""

    id: str = Field(
        pattern=r"^[A-Z][A-Z0-9_]*-[0-9a-f]{6}$",
        description="Id dari memo tinjauan, mis. KLAIM_BEDA-1af7ba.",
    )
    status: StatusTanggapan = Field(
        description="diperbaiki (data/teks sudah dibetulkan) atau dijelaskan (temuan tetap, "
        "dengan penjelasan)."
    )
    teks: Teks = Field(description="Penjelasan atau perbaikan yang dilakukan.")
    oleh: str | None = Field(default=None, description="Mis. Tim penyusun LKjIP.")
    tanggal: str | None = Field(
        default=None, description="Tanggal tanggapan (disimpan sebagai teks TTTT-BB-HH)."
    )
    diterima_oleh: str | None = Field(
        default=None,
        description="Peninjau yang menerima penjelasan (hanya untuk dijelaskan); sebelum diisi, "
        "status IKK di laporan tidak berubah.",
    )
    """The reviewer (APIP, Kanwil) who accepted a 'dijelaskan' answer; until then the finding
    keeps its effect on the report (an IKK stays 'Perlu verifikasi')."""
    tanggal_diterima: str | None = Field(
        default=None,
        description="Tanggal penerimaan oleh peninjau (diisi bersama Diterima oleh).",
    )
    """Date of the reviewer's acceptance (text, e.g. ``2024-01-20``)."""

    @model_validator(mode="after")
    def _penerimaan(self) -> Tanggapan:
        if (self.diterima_oleh is None) != (self.tanggal_diterima is None):
            raise ValueError(
                "diterima_oleh dan tanggal_diterima diisi bersama (penerimaan penjelasan oleh "
                "peninjau: siapa dan kapan)"
            )
        if self.diterima_oleh is not None and self.status != "dijelaskan":
            raise ValueError(
                "diterima_oleh hanya untuk status dijelaskan (perbaikan diperiksa dari data)"
            )
        return self

    @property
    def diterima(self) -> bool:
        """A ``dijelaskan`` answer a reviewer accepted (who and when are recorded)."""
        return self.status == "dijelaskan" and bool(self.diterima_oleh and self.tanggal_diterima)


class DaftarTanggapan(_Model):
    """``<tahun>/tanggapan.yaml``: the satker's answers to the review memo's findings."""

    tanggapan: list[Tanggapan] = Field(default_factory=list)
