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

Only ``kinerja.yaml`` is required for a previous year (for comparisons); ``anggaran.yaml``
is used when present. Numbers are held as :class:`~decimal.Decimal` so that every figure is
computed exactly and rounded only for display.

Narrative fields (type :data:`Teks`) may use Markdown; raw HTML is stripped when rendered.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Teks = str
"""Narrative text; Markdown allowed (lists, emphasis, paragraphs). Raw HTML is removed."""

Angka = Decimal
NonNeg = Annotated[Decimal, Field(ge=0)]

Polaritas = Literal["naik", "turun", "rentang"]
"""naik: higher is better; turun: lower is better; rentang: a target range."""

JenisIndikator = Literal["rasio", "nilai"]
"""rasio: realisasi = pembilang / penyebut x 100; nilai: realisasi is the value itself."""

Agregasi = Literal["jumlah", "rata_rata", "terakhir"]
"""How the year's realisasi is formed from periods (months, triwulan, semester)."""

PenyebutNol = Literal["galat", "seratus", "tidak_berlaku"]
"""Rule for a zero denominator: an error, counts as 100 %, or not applicable."""

JenisPeriode = Literal["bulan", "triwulan", "semester"]

JUMLAH_PERIODE: dict[str, int] = {"bulan": 12, "triwulan": 4, "semester": 2}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


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
    target_renstra: dict[int, Angka] = Field(default_factory=dict)
    standar_nasional: Angka | None = None
    keterangan_standar_nasional: Teks | None = None


class Katalog(_Model):
    """A reusable indicator catalog (e.g. the 26 IKK of a UPT Pemasyarakatan)."""

    id: str
    nama: str
    sumber: str | None = None
    periode_renstra: tuple[int, int] | None = None
    sasaran: list[SasaranDef]
    indikator: list[IndikatorDef]


# --------------------------------------------------------------------------- satker


class Pejabat(_Model):
    nama: str
    nip: str | None = None
    jabatan: str | None = None
    pangkat: str | None = None


class AturanEfisiensi(_Model):
    """Efficiency rule: capaian - penyerapan > ambang -> efisien; within +/- ambang -> cukup."""

    ambang: NonNeg = Decimal(5)


class Pengaturan(_Model):
    batas_capaian: NonNeg | None = None
    """Optional cap on capaian (e.g. 120); ``None`` means no cap (the Kemenkumham practice)."""
    efisiensi: AturanEfisiensi = Field(default_factory=AturanEfisiensi)
    capaian_tidak_wajar: NonNeg = Decimal(200)
    """Capaian above this is reported as implausible."""
    toleransi_klaim: NonNeg = Decimal("0.005")


class Satker(_Model):
    """Identity of a satker; stable across years."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    nama: str
    nama_singkat: str
    jenis: str | None = None
    kelas: str | None = None
    kementerian: str
    unit_eselon_i: str | None = None
    kanwil: str | None = None
    alamat: str | None = None
    kota: str | None = None
    telepon: str | None = None
    laman: str | None = None
    surel: str | None = None
    katalog: str
    """Id of the catalog under ``data/katalog/``."""
    indikator_tambahan: list[IndikatorDef] = Field(default_factory=list)
    """Satker-specific indicators; one with the same kode as a catalog entry overrides it."""
    pengaturan: Pengaturan = Field(default_factory=Pengaturan)


# --------------------------------------------------------------------------- profil


class Baris(_Model):
    """A labelled count or area (one table row)."""

    uraian: str
    jumlah: NonNeg | None = None
    satuan: str | None = None
    keterangan: str | None = None


class Bangunan(_Model):
    uraian: str
    luas_m2: NonNeg
    unit: int | None = None


class TugasFungsi(_Model):
    unit: str
    fungsi: list[str] = Field(default_factory=list)
    wewenang: str | None = None


class UnitOrganisasi(_Model):
    """One unit of the organisation chart: its name, its head and the unit it reports to."""

    nama: str
    kepala: str | None = None
    """Title (and name) of the head, e.g. ``Kepala Seksi Binadik``."""
    induk: str | None = None
    """``nama`` of the unit above; empty for the top of the chart."""


class Renstra(_Model):
    pengantar: Teks | None = None
    visi: Teks
    misi: list[str]
    misi_pengantar: Teks | None = None
    tata_nilai: Teks | None = None
    tujuan: list[str]
    sasaran_pengantar: Teks | None = None


class Profil(_Model):
    """Profile of the satker in a year (Bab I and Bab II background)."""

    kepala: Pejabat
    tahun_berdiri: int | None = None
    tahun_beroperasi: int | None = None
    kapasitas: NonNeg
    penghuni: NonNeg
    penghuni_per: str | None = None
    batas_wilayah: list[Baris] = Field(default_factory=list)
    luas_tanah_m2: NonNeg | None = None
    bangunan: list[Bangunan] = Field(default_factory=list)
    perumahan: list[Bangunan] = Field(default_factory=list)
    pegawai_jenis_kelamin: list[Baris] = Field(default_factory=list)
    pegawai_pendidikan: list[Baris] = Field(default_factory=list)
    pegawai_golongan: list[Baris] = Field(default_factory=list)
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
    renstra: Renstra

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
    ke: int = Field(ge=1, le=12)
    pembilang: NonNeg | None = None
    penyebut: NonNeg | None = None
    nilai: Angka | None = None


class Periode(_Model):
    jenis: JenisPeriode
    data: list[NilaiPeriode]


class Realisasi(_Model):
    """Exactly one of: pembilang+penyebut, nilai, periode."""

    pembilang: NonNeg | None = None
    penyebut: NonNeg | None = None
    nilai: Angka | None = None
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
    baris: list[list[str | int | float | Decimal | None]]
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

    kode: str
    target: Angka | None = None
    """PK target; for a previous year it may be omitted (the Renstra target is then used)."""
    target_maks: Angka | None = None
    """Upper bound for polaritas ``rentang`` (``target`` is the lower bound)."""
    realisasi: Realisasi | None = None
    standar_nasional: Angka | None = None
    narasi: NarasiIkk = Field(default_factory=NarasiIkk)
    tabel_pendukung: list[TabelPendukung] = Field(default_factory=list)


class Kinerja(_Model):
    """Perjanjian Kinerja targets and realisations of a year."""

    periode_laporan: str | None = None
    indikator: list[CapaianIkk]


# --------------------------------------------------------------------------- anggaran

JenisBelanja = Literal["pegawai", "barang", "modal", "bantuan_sosial", "lainnya"]


class PaguRealisasi(_Model):
    pagu: NonNeg
    realisasi: NonNeg | None = None


class AnggaranSasaran(PaguRealisasi):
    sasaran: str


class AnggaranProgram(PaguRealisasi):
    program: str
    kegiatan: str | None = None
    kode: str | None = None
    sasaran: list[str] = Field(default_factory=list)


class AnggaranJenis(PaguRealisasi):
    jenis: JenisBelanja


class Anggaran(_Model):
    """Budget of a year: DIPA total and its breakdowns."""

    pagu: NonNeg
    realisasi: NonNeg
    per_sasaran: list[AnggaranSasaran] = Field(default_factory=list)
    per_program: list[AnggaranProgram] = Field(default_factory=list)
    per_jenis_belanja: list[AnggaranJenis] = Field(default_factory=list)
    catatan: Teks | None = None


# --------------------------------------------------------------------------- evaluasi


class Smart(_Model):
    """SMART-DJA components (PMK 22/2021), each 0-100 except ``efisiensi`` (percent saved)."""

    penyerapan: Angka
    konsistensi: Angka
    capaian_ro: Angka
    efisiensi: Angka | None = None
    nilai_efisiensi: Angka | None = None
    nilai: Angka | None = None
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
    revisi_dipa: Angka | None = None
    deviasi_halaman_iii_dipa: Angka | None = None
    penyerapan_anggaran: Angka | None = None
    belanja_kontraktual: Angka | None = None
    penyelesaian_tagihan: Angka | None = None
    pengelolaan_up_tup: Angka | None = None
    dispensasi_spm: Angka | None = None
    """A weighted component up to TA 2023; from TA 2024 use ``pengurang_dispensasi_spm``."""
    capaian_output: Angka | None = None
    pengurang_dispensasi_spm: NonNeg = Decimal(0)
    """Points deducted for SPM dispensations (PER-5/PB/2024, TA 2024 onward)."""
    nilai: Angka | None = None
    """The IKPA score (nilai akhir) as the application published it (official; printed as is).
    The score recomputed from the components is then only a check."""


class PrioritasNasional(_Model):
    uraian: Teks
    kegiatan: list[str] = Field(default_factory=list)


class Evaluasi(_Model):
    """Capaian kinerja anggaran and other performance measures (Bab III C and D)."""

    smart: Smart | None = None
    ikpa: Ikpa | None = None
    e_performance_triwulan: list[Angka | None] = Field(default_factory=list, max_length=4)
    e_monev_bulan: list[Angka | None] = Field(default_factory=list, max_length=12)
    prioritas_nasional: PrioritasNasional | None = None
    target_kinerja: Teks | None = None


# --------------------------------------------------------------------------- narasi


class Narasi(_Model):
    """Chapter-level narrative. Empty fields fall back to text drafted from the numbers."""

    tempat_tanggal: str | None = None
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
    ganti_rancangan: bool = False
    """True: ``kesimpulan``/``saran`` replace the text drafted from the numbers (Bab IV);
    False (default): the drafted text comes first and the analyst's text follows."""


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
    no: int
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

    lokasi: str
    besaran: str
    nilai: Angka
    catatan: str | None = None


class DaftarKlaim(_Model):
    klaim: list[Klaim] = Field(default_factory=list)


# --------------------------------------------------------------------------- tanggapan

StatusTanggapan = Literal["diperbaiki", "dijelaskan"]
"""diperbaiki: the data or text was corrected; dijelaskan: the finding stands, explained."""


class Tanggapan(_Model):
    """The satker's answer to one finding, by the finding's stable id."""

    id: str = Field(pattern=r"^[A-Z][A-Z0-9_]*-[0-9a-f]{6}$")
    status: StatusTanggapan
    teks: Teks
    oleh: str | None = None
    tanggal: str | None = None


class DaftarTanggapan(_Model):
    """``<tahun>/tanggapan.yaml``: the satker's answers to the review memo's findings."""

    tanggapan: list[Tanggapan] = Field(default_factory=list)
