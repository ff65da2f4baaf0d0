"""Compute every figure of the report from the loaded data (one pass, no I/O).

:func:`hitung` returns a :class:`HasilLaporan`; :meth:`HasilLaporan.daftar_besaran` lists its
figures as typed records (:mod:`.besaran`), named ``ikk.SK1.1.capaian``,
``anggaran.penyerapan`` …, that claims and narrative placeholders refer to.

Figures computed from a number declared unknown are unknown
(:data:`~lkjip_helpers.tidak_diketahui.TIDAK_DIKETAHUI`); sums and means skip unknown values and
list what they skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..muat import DataLaporan, muat
from ..muat import skema as s
from ..muat.data import NilaiTidakDiketahui
from ..muat.periode import Periode
from ..tembolok import sekali_per_objek
from ..tidak_diketahui import TIDAK_DIKETAHUI, TidakDiketahui, cari
from ..tidak_diketahui import jumlah as jumlah_diketahui
from .anggaran import (
    HasilAnggaran,
    PorsiPenyerapan,
    efisiensi,
    hitung_anggaran,
    porsi_penyerapan,
)
from .aturan import AturanTidakAda
from .besaran import DaftarBesaran, daftar_besaran
from .capaian import (
    PERLU_VERIFIKASI,
    TERCAPAI,
    TIDAK_BERLAKU,
    TIDAK_TERCAPAI,
    HasilIkk,
    hitung_ikk,
)
from .kinerja_anggaran import HasilIkpa, HasilNka, HasilSmart, hitung_ikpa, hitung_nka, hitung_smart
from .nilai_ganda import NilaiGanda, pagu_program_ganda
from .rekonsiliasi import SelPerbaikan, diagnosa_tabel

SERATUS = Decimal(100)

Nilai = Decimal | TidakDiketahui


@dataclass
class RingkasanSasaran:
    """Per sasaran: its IKK, counts, mean capaian and budget efficiency.

    The counts add up to ``len(ikk)``: tercapai + tidak_tercapai + perlu_verifikasi +
    tidak_berlaku + tidak_dihitung. An IKK "Perlu verifikasi", not applicable or without a
    known capaian is left out of ``rata_capaian``.
    """

    sasaran: s.SasaranDef
    nomor: int
    ikk: list[HasilIkk]
    tercapai: int
    tidak_tercapai: int
    tidak_dihitung: int
    """IKK without a capaian for another reason than 0/0 (an error, a missing target, an
    unknown value)."""
    rata_capaian: Decimal | None
    """Mean capaian of the IKK that have one (not applicable and unknown ones left out)."""
    penyerapan: Nilai | None = None
    penyerapan_relatif: Decimal | None = None
    """In a partial period: penyerapan / expected share × 100 (what the label judges)."""
    selisih_efisiensi: Decimal | None = None
    label_efisiensi: str | None = None
    tidak_berlaku: int = 0
    """IKK not applicable (0/0 with the rule ``tidak_berlaku``): out of the counts' base and
    of the mean."""
    capaian_dilewati: tuple[str, ...] = ()
    """Codes of the IKK whose capaian is unknown, left out of ``rata_capaian``."""
    perlu_verifikasi: int = 0
    """IKK whose data fail a validity test not explained by the satker."""

    @property
    def dinilai(self) -> int:
        """IKK that count (all but the not applicable ones)."""
        return len(self.ikk) - self.tidak_berlaku


@dataclass
class HasilLaporan:
    data: DataLaporan
    ikk: list[HasilIkk]
    sasaran: list[RingkasanSasaran]
    ikk_tidak_dikenal: list[tuple[int, str]]
    """(row, kode) of PK entries whose kode is not in the catalog."""
    anggaran: HasilAnggaran | None
    anggaran_lalu: HasilAnggaran | None
    smart: HasilSmart | None = None
    ikpa: HasilIkpa | None = None
    nka: HasilNka | None = None
    galat: list[tuple[str, str]] = field(default_factory=list)
    """(where, message) of figures that could not be computed."""
    tanpa_hitung_ulang: list[tuple[str, str]] = field(default_factory=list)
    """(where, why) of scores not recomputed because an input is unknown (SMART-DJA, IKPA)."""
    porsi_penyerapan: PorsiPenyerapan | None = None
    """In a partial period: the share of the pagu expected to be absorbed by now."""
    nilai_ganda: list[NilaiGanda] = field(default_factory=list)
    """Quantities the data hold with two values; the supported one is used everywhere
    (:mod:`.nilai_ganda`)."""
    sel_koreksi: list[SelPerbaikan] = field(default_factory=list)
    """Budget cells that disagree with every other figure of their table, where one value
    reconciles them all (:mod:`lkjip_helpers.periksa.rekonsiliasi`): the figures use that
    supported reading; the review memo shows the cell as entered."""

    @property
    def tahun(self) -> int:
        return self.data.tahun

    @property
    def periode(self) -> Periode:
        """The report period: id, jenis, label, judul, rentang_bulan, bulan_terakhir, lengkap,
        frasa_perbandingan … (see :class:`~lkjip_helpers.muat.periode.Periode`)."""
        return self.data.periode

    @property
    def periode_lalu(self) -> Periode | None:
        """The previous year's period compared with (same months), or None."""
        return self.data.lalu.periode if self.data.lalu is not None else None

    @property
    def alasan_tanpa_pembanding(self) -> str | None:
        """Sentence printed instead of a comparison with unlike previous-year data."""
        return self.data.alasan_tanpa_pembanding

    @property
    def data_contoh_fiktif(self) -> bool:
        """True for fictitious example data (the cover says "data contoh fiktif")."""
        return self.data.data_contoh_fiktif

    @property
    def tidak_diketahui(self) -> list[NilaiTidakDiketahui]:
        """Every number the data declare unknown (file, field, line)."""
        return self.data.tidak_diketahui

    @property
    def profil(self) -> s.Profil:
        assert self.data.ini.profil is not None
        return self.data.ini.profil

    @property
    def okupansi(self) -> Nilai | None:
        """penghuni / kapasitas × 100 (unknown when either is unknown)."""
        p = self.profil
        if isinstance(p.kapasitas, TidakDiketahui) or isinstance(p.penghuni, TidakDiketahui):
            return TIDAK_DIKETAHUI
        return p.penghuni / p.kapasitas * SERATUS if p.kapasitas else None

    @property
    def jumlah_pegawai(self) -> Nilai:
        """Staff by gender, summed (unknown counts skipped: see :attr:`pegawai_dilewati`)."""
        a = jumlah_diketahui((b.uraian, b.jumlah) for b in self.profil.pegawai_jenis_kelamin)
        return Decimal(0) if a.nilai is None else a.nilai

    @property
    def pegawai_dilewati(self) -> tuple[str, ...]:
        """Rows of the staff-by-gender table whose count is unknown (left out of the sum)."""
        return jumlah_diketahui(
            (b.uraian, b.jumlah) for b in self.profil.pegawai_jenis_kelamin
        ).dilewati

    def ikk_kode(self, kode: str) -> HasilIkk:
        for h in self.ikk:
            if h.kode == kode:
                return h
        raise KeyError(kode)

    @property
    def tercapai(self) -> list[HasilIkk]:
        return [h for h in self.ikk if h.status == TERCAPAI]

    @property
    def tidak_tercapai(self) -> list[HasilIkk]:
        return [h for h in self.ikk if h.status == TIDAK_TERCAPAI]

    @property
    def perlu_verifikasi(self) -> list[HasilIkk]:
        """IKK whose data fail a validity test not explained by the satker."""
        return [h for h in self.ikk if h.status == PERLU_VERIFIKASI]

    @property
    def tidak_berlaku(self) -> list[HasilIkk]:
        """IKK not applicable in the period (0/0 with the rule ``tidak_berlaku``)."""
        return [h for h in self.ikk if h.status == TIDAK_BERLAKU]

    @property
    def tidak_dihitung(self) -> list[HasilIkk]:
        """IKK without a capaian for another reason (error, missing target, unknown value)."""
        return [
            h
            for h in self.ikk
            if h.status not in (TERCAPAI, TIDAK_TERCAPAI, TIDAK_BERLAKU, PERLU_VERIFIKASI)
        ]

    def daftar_besaran(self) -> DaftarBesaran:
        """Every computed figure as a record (:class:`~.besaran.Besaran`), by name; built once
        per result (the result is not changed after :func:`hitung`)."""
        return _daftar_besaran_sekali(self)

    def besaran(self) -> dict[str, Nilai | None]:
        """The value of every computed figure by name (the vocabulary of ``klaim.yaml``);
        unknown figures are :data:`~lkjip_helpers.tidak_diketahui.TIDAK_DIKETAHUI`."""
        return self.daftar_besaran().nilai()


def _rata(nilai: list[Decimal]) -> Decimal | None:
    return sum(nilai, Decimal(0)) / Decimal(len(nilai)) if nilai else None


def _tidak_diketahui_di(model: object) -> list[str]:
    """Field names of ``model`` whose value is unknown."""
    return [".".join(str(k) for k in jalur) for jalur in cari(model)]


def hitung(data: DataLaporan) -> HasilLaporan:
    """Compute all figures of the report year (and the previous year where data exist)."""
    ikk, tidak_dikenal = _hitung_semua_ikk(data)
    nama = {k: v.nama for k, v in data.sasaran.items()}
    ganda = pagu_program_ganda(data)
    anggaran_ini = _anggaran_dengan_pagu_didukung(data, ganda)
    ang = hitung_anggaran(anggaran_ini, data.tahun, nama) if anggaran_ini else None
    ang_lalu = (
        hitung_anggaran(data.lalu.anggaran, data.tahun - 1, nama)
        if data.lalu and data.lalu.anggaran
        else None
    )
    ang, koreksi = _pakai_pembacaan_didukung(data, ang, nama)
    ang_lalu, koreksi_lalu = _pakai_pembacaan_didukung(data, ang_lalu, nama)
    koreksi += koreksi_lalu
    p = data.periode
    porsi = (
        porsi_penyerapan(data.ini.anggaran, p.bulan_awal, p.bulan_terakhir)
        if data.ini.anggaran and p.sebagian_tahun
        else None
    )
    urutan = [k for k in data.sasaran if any(h.defn.sasaran == k for h in ikk)]
    ringkas = [
        _ringkasan_sasaran(data, kode, i, ikk, ang, porsi) for i, kode in enumerate(urutan, start=1)
    ]
    hasil = HasilLaporan(
        data=data,
        ikk=ikk,
        sasaran=ringkas,
        ikk_tidak_dikenal=tidak_dikenal,
        anggaran=ang,
        anggaran_lalu=ang_lalu,
        porsi_penyerapan=porsi,
        nilai_ganda=ganda,
        sel_koreksi=koreksi,
    )
    _hitung_evaluasi(data, hasil)
    for h in ikk:
        if h.galat:
            hasil.galat.append((f"kinerja.yaml, indikator {h.kode}", h.galat))
    return hasil


def _hitung_semua_ikk(data: DataLaporan) -> tuple[list[HasilIkk], list[tuple[int, str]]]:
    """Every PK indicator's figures, and the (row, code) of those not in the catalogue."""
    kin = data.ini.kinerja
    assert kin is not None
    batas = data.satker.pengaturan.batas_capaian
    lalu_map = {
        x.kode: x for x in (data.lalu.kinerja.indikator if data.lalu and data.lalu.kinerja else [])
    }
    ikk: list[HasilIkk] = []
    tidak_dikenal: list[tuple[int, str]] = []
    nomor_sasaran: dict[str, int] = {}
    tanggapan = data.ini.tanggapan.tanggapan if data.ini.tanggapan else []
    # an explanation lifts a validity failure only once a reviewer accepted it
    dijelaskan = {t.id: t.teks for t in tanggapan if t.diterima}
    for baris, item in enumerate(kin.indikator, start=1):
        defn = data.indikator.get(item.kode)
        if defn is None:
            tidak_dikenal.append((baris, item.kode))
            continue
        nomor_sasaran[defn.sasaran] = nomor_sasaran.get(defn.sasaran, 0) + 1
        ikk.append(
            hitung_ikk(
                defn,
                data.sasaran[defn.sasaran],
                item,
                nomor_sasaran[defn.sasaran],
                data.tahun,
                lalu_map.get(item.kode),
                batas,
                dijelaskan,
                periode=data.periode,
                sumber_aturan=data.lokasi_indikator(item.kode, "penyebut_nol"),
            )
        )
    return ikk, tidak_dikenal


def _anggaran_dengan_pagu_didukung(data: DataLaporan, ganda: list[NilaiGanda]) -> s.Anggaran | None:
    """This year's budget, a program's doubly stated PK pagu replaced by the supported one."""
    anggaran_ini = data.ini.anggaran
    if anggaran_ini is not None and any(g.dipakai is not None for g in ganda):
        # one value per quantity: the program's PK budget the evidence supports
        pilih = {g.program: g.dipakai for g in ganda if g.dipakai is not None}
        anggaran_ini = anggaran_ini.model_copy(
            update={
                "per_program": [
                    p.model_copy(update={"pagu": pilih.get(i, p.pagu)})
                    for i, p in enumerate(anggaran_ini.per_program, start=1)
                ]
            }
        )
    return anggaran_ini


def _ringkasan_sasaran(
    data: DataLaporan,
    kode: str,
    i: int,
    ikk: list[HasilIkk],
    ang: HasilAnggaran | None,
    porsi: PorsiPenyerapan | None,
) -> RingkasanSasaran:
    """Sasaran ``kode`` (number ``i``): its IKK tallies, mean capaian and efficiency."""
    ambang = data.satker.pengaturan.efisiensi.ambang
    anggota = [h for h in ikk if h.defn.sasaran == kode]
    caps = [
        h.capaian
        for h in anggota
        if isinstance(h.capaian, Decimal) and h.status != PERLU_VERIFIKASI
    ]
    tercapai = sum(h.status == TERCAPAI for h in anggota)
    tidak = sum(h.status == TIDAK_TERCAPAI for h in anggota)
    tb = sum(h.status == TIDAK_BERLAKU for h in anggota)
    pv = sum(h.status == PERLU_VERIFIKASI for h in anggota)
    r = RingkasanSasaran(
        sasaran=data.sasaran[kode],
        nomor=i,
        ikk=anggota,
        tercapai=tercapai,
        tidak_tercapai=tidak,
        tidak_dihitung=len(anggota) - tercapai - tidak - tb - pv,
        rata_capaian=_rata(caps),
        tidak_berlaku=tb,
        capaian_dilewati=tuple(h.kode for h in anggota if isinstance(h.capaian, TidakDiketahui)),
        perlu_verifikasi=pv,
    )
    if ang and (bs := ang.sasaran(kode)):
        r.penyerapan = bs.penyerapan
        persen = porsi.persen if porsi else None
        r.selisih_efisiensi, r.label_efisiensi = efisiensi(
            r.rata_capaian, r.penyerapan, ambang, persen
        )
        if persen and isinstance(r.penyerapan, Decimal):
            r.penyerapan_relatif = r.penyerapan / persen * SERATUS
    return r


def _hitung_evaluasi(data: DataLaporan, hasil: HasilLaporan) -> None:
    """SMART-DJA, IKPA and NKA from evaluasi.yaml, into ``hasil``."""
    ev = data.ini.evaluasi
    if ev is None:
        return
    smart_td = _tidak_diketahui_di(ev.smart) if ev.smart else []
    ikpa_td = _tidak_diketahui_di(ev.ikpa) if ev.ikpa else []
    if smart_td:
        hasil.tanpa_hitung_ulang.append(
            (
                "evaluasi.yaml, smart",
                f"komponen SMART-DJA tidak diketahui ({', '.join(smart_td)}); nilai SMART-DJA "
                "tidak dihitung ulang",
            )
        )
    if ikpa_td:
        hasil.tanpa_hitung_ulang.append(
            (
                "evaluasi.yaml, ikpa",
                f"komponen IKPA tidak diketahui ({', '.join(ikpa_td)}); nilai IKPA tidak "
                "dihitung ulang",
            )
        )
    try:
        if ev.smart and not smart_td:
            hasil.smart = hitung_smart(ev.smart, data.tahun)
        if ev.ikpa and not ikpa_td:
            hasil.ikpa = hitung_ikpa(ev.ikpa, data.tahun)
        if hasil.smart and hasil.ikpa:
            hasil.nka = hitung_nka(hasil.smart.nilai, hasil.ikpa.nilai, data.tahun)
    except (AturanTidakAda, ValueError) as err:
        hasil.galat.append(("evaluasi.yaml", str(err)))


def hasil_laporan(
    satker: str, tahun: int | str, data_dir: str | Path = "data", periode: str = "tahunan"
) -> HasilLaporan:
    """Load (cached) and compute: the entry point of every report helper."""
    return hasil_untuk(muat(satker, tahun, data_dir, periode))


_daftar_besaran_sekali = sekali_per_objek(daftar_besaran)


@sekali_per_objek
def hasil_untuk(data: DataLaporan) -> HasilLaporan:
    """:func:`hitung` once per loaded data set (the loader's cache decides when to reload)."""
    return hitung(data)


def _pakai_pembacaan_didukung(
    data: DataLaporan, ang: HasilAnggaran | None, nama: dict[str, str]
) -> tuple[HasilAnggaran | None, list[SelPerbaikan]]:
    """A budget table whose one data cell disagrees with all its other figures (sums, sisa)
    while one value reconciles them: the figures use that value (the evidence), so that the
    report prints one consistent table (its sisa included) and the memo names the cell."""
    dt = data.ini if ang is not None and ang.tahun == data.tahun else data.lalu
    if ang is None or dt is None or dt.anggaran is None:
        return ang, []
    mentah = dt.anggaran
    if ang.tahun == data.tahun and data.ini.anggaran is not None:
        # this year's figures may already hold a supported PK budget (nilai_ganda)
        mentah = mentah.model_copy(
            update={
                "per_program": [
                    p.model_copy(update={"pagu": b.pagu})
                    for p, b in zip(mentah.per_program, ang.per_program, strict=True)
                ]
            }
        )
    koreksi: list[SelPerbaikan] = []
    for tabel, baris_hasil in (
        ("per_sasaran", "per_sasaran"),
        ("per_program", "per_program"),
        ("per_jenis_belanja", "per_jenis"),
    ):
        sel = diagnosa_tabel(data, ang, tabel)
        if sel is None or sel.asal != "data":
            continue
        if sel.bagian == "jumlah":
            mentah = mentah.model_copy(update={sel.ukuran: sel.cocok})
        else:
            i = [b.kunci for b in getattr(ang, baris_hasil)].index(sel.bagian)
            baris = list(getattr(mentah, tabel))
            baris[i] = baris[i].model_copy(update={sel.ukuran: sel.cocok})
            mentah = mentah.model_copy(update={tabel: baris})
        ang = hitung_anggaran(mentah, ang.tahun, nama)
        koreksi.append(sel)
    return ang, koreksi
