"""Every computed figure of a report as one typed record (:class:`Besaran`).

A figure has a name (``ikk.SK1.1.capaian``: the vocabulary of ``klaim.yaml`` and of the
narratives' ``{{ … }}`` placeholders, listed in data/README.md) and, beside it, the parts the
checks, the narratives and the review memo need: what it is about (:attr:`Besaran.subjek`), the
quantity, its year, its value, its plain label, how it is printed, where it comes from and how
it is computed by hand. The parts are set where the figure is built (:func:`daftar_besaran`);
nothing reads them back out of the name.

A previous year's figure has two names: ``ikk.SK1.1.capaian_tahun_lalu`` in this year's
vocabulary and ``ikk.SK1.1.capaian`` in that year's own ``klaim.yaml``.
:meth:`DaftarBesaran.cari` finds the record by either (name, year of the vocabulary).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, partial
from typing import TYPE_CHECKING

from ..tidak_diketahui import TIDAK_DIKETAHUI, TidakDiketahui
from . import rumus
from .anggaran import LABEL_JENIS_BELANJA, BarisAnggaran, HasilAnggaran
from .aturan import (
    LABEL_ASPEK_IKPA,
    LABEL_KOMPONEN_IKPA,
    LABEL_KOMPONEN_SMART,
    AturanTidakAda,
    aturan_ikpa,
    aturan_nka,
    aturan_smart,
)
from .capaian import GalatHitung, HasilIkk, hitung_realisasi
from .rekonsiliasi import LABEL_TABEL_ANGGARAN

if TYPE_CHECKING:
    from .hasil import HasilLaporan

Nilai = Decimal | TidakDiketahui
Subjek = tuple[str | int, ...]

BENTUK_CETAK = ("persen", "rupiah", "poin", "bulat", "bobot", "satuan", "angka")
"""How a figure is printed by default: a percentage, rupiah, points, a whole count, a weight
(percent, one decimal), a value with its IKK's unit, or a plain number."""


@dataclass(frozen=True)
class Besaran:
    """One computed figure of the report."""

    nama: str
    """Its name in the vocabulary of its own year (``ikk.SK1.1.capaian`` for 2022 too)."""
    tahun: int
    """The year the value belongs to (a Renstra target: the report year that holds it)."""
    subjek: Subjek
    """What of the report it is about (:mod:`lkjip_helpers.periksa.temuan`):
    ``("ikk", "SK1.1")``, ``("ikk",)``, ``("sasaran", "SK1")``,
    ``("anggaran", 2022, "per_jenis_belanja", "barang")``, ``("smart",)``, ``("profil", …)``."""
    ukuran: str
    """The quantity: ``capaian``, ``realisasi``, ``target_renstra``, ``pagu``,
    ``jumlah_tercapai``, ``bobot``, ``nilai_akhir`` …"""
    nilai: Nilai | None
    """The value (unknown: :data:`~lkjip_helpers.tidak_diketahui.TIDAK_DIKETAHUI`; None: not
    computable)."""
    label: str
    """In plain Indonesian: ``capaian SK1.1 2022``, ``sisa Belanja Barang 2023``."""
    bentuk: str
    """How the report prints it by default, one of :data:`BENTUK_CETAK`."""
    asal: str
    """Where it comes from: the data file and field, or the computation."""
    nama_laporan: str | None = None
    """Its name in the report year's vocabulary (``ikk.SK1.1.capaian_tahun_lalu``); None for a
    previous year's figure the report year does not name."""
    butir: str = ""
    """The item of the subject it is taken at: a component (``nilai_efisiensi``), a period row
    (``3``, ``jumlah``), a budget row (``SK4``; ``jumlah`` for a table's total), a Renstra
    target's year (``2024``)."""
    satuan: str = ""
    """The IKK's unit, for a figure printed with it (``bentuk == "satuan"``)."""
    tulis_rumus: Callable[[], str | None] | None = field(default=None, compare=False, repr=False)
    """Writes :attr:`rumus` (formatting numbers takes time: only for the figures shown)."""

    @cached_property
    def rumus(self) -> str | None:
        """The hand computation for the review memo (``1.435 ÷ 1.177 × 100 = 121,92%``); None
        for a value taken from the data."""
        return self.tulis_rumus() if self.tulis_rumus is not None else None

    @property
    def ikk(self) -> str | None:
        """The IKK code of a figure of one IKK (``SK1.1``); None for counts and other figures."""
        return str(self.subjek[1]) if self.subjek[0] == "ikk" and len(self.subjek) == 2 else None


class DaftarBesaran(Mapping[str, Besaran]):
    """The figures of a report, by their name in the report year's vocabulary."""

    def __init__(self, tahun: int, isi: list[Besaran]) -> None:
        self.tahun = tahun
        self._semua = isi
        self._laporan = {b.nama_laporan: b for b in isi if b.nama_laporan is not None}
        self._indeks: dict[tuple[int, str], Besaran] = {(b.tahun, b.nama): b for b in isi}
        for nama, b in self._laporan.items():
            self._indeks.setdefault((tahun, nama), b)

    def __getitem__(self, nama: str) -> Besaran:
        return self._laporan[nama]

    def __iter__(self) -> Iterator[str]:
        return iter(self._laporan)

    def __len__(self) -> int:
        return len(self._laporan)

    def cari(self, nama: str, tahun: int) -> Besaran | None:
        """The figure named ``nama`` in year ``tahun``'s vocabulary (its klaim.yaml), or None."""
        return self._indeks.get((tahun, nama))

    def nilai(self) -> dict[str, Nilai | None]:
        """Values by name in the report year's vocabulary."""
        return {nama: b.nilai for nama, b in self._laporan.items()}

    def kosakata(self, tahun: int) -> dict[str, Besaran]:
        """The figures of year ``tahun`` by the names its own klaim.yaml gives them."""
        if tahun == self.tahun:
            return dict(self._laporan)
        return {b.nama: b for b in self._semua if b.tahun == tahun}


# --------------------------------------------------------------------------- building


class _Pembangun:
    """Collects the records of one report."""

    def __init__(self, hasil: HasilLaporan) -> None:
        self.hasil = hasil
        self.th = hasil.tahun
        self.isi: list[Besaran] = []

    def tambah(
        self,
        nama: str,
        subjek: Subjek,
        ukuran: str,
        nilai: Nilai | None,
        label: str,
        bentuk: str,
        asal: str,
        **lain: object,
    ) -> None:
        """A record; ``tahun`` defaults to the report year, ``nama_laporan`` to ``nama`` (None:
        not named in the report year's vocabulary)."""
        tahun = lain.pop("tahun", self.th)
        self.isi.append(
            Besaran(
                nama=nama,
                tahun=tahun,  # type: ignore[arg-type]
                subjek=subjek,
                ukuran=ukuran,
                nilai=nilai,
                label=label,
                bentuk=bentuk,
                asal=asal,
                nama_laporan=lain.pop("nama_laporan", nama),  # type: ignore[arg-type]
                **lain,  # type: ignore[arg-type]
            )
        )


def daftar_besaran(hasil: HasilLaporan) -> DaftarBesaran:
    """Every computed figure of ``hasil`` (the vocabulary of ``klaim.yaml`` and placeholders)."""
    p = _Pembangun(hasil)
    for h in hasil.ikk:
        _ikk(p, h)
    _ringkasan_ikk(p)
    for ang, lalu in ((hasil.anggaran, False), (hasil.anggaran_lalu, True)):
        if ang is not None:
            _anggaran(p, ang, lalu)
    _smart(p)
    _ikpa(p)
    if hasil.nka:
        _nka(p, hasil.nka.nilai, hasil.nka.aturan.bobot_smart, hasil.nka.aturan.bobot_ikpa)
    _skor_tidak_diketahui(p)
    _profil(p)
    _ikk_tahun_lalu(p)
    return DaftarBesaran(hasil.tahun, p.isi)


# --------------------------------------------------------------------------- IKK


def _ikk(p: _Pembangun, h: HasilIkk) -> None:
    """One IKK's figures: target, realisasi, capaian, both years, Renstra targets, periods."""
    th, kode, hasil = p.th, h.kode, p.hasil
    n = f"ikk.{kode}"
    s: Subjek = ("ikk", kode)
    asal = f"kinerja.yaml, indikator {kode}"
    sat = h.defn.satuan
    real = h.realisasi
    lalu = th - 1
    p.tambah(
        f"{n}.target",
        s,
        "target",
        h.target,
        f"target {kode} {th}",
        "satuan",
        asal if h.sumber_target == "PK" else f"katalog, target Renstra {th}",
        satuan=sat,
        tulis_rumus=partial(rumus.target_ikk, h, th),
    )
    p.tambah(
        f"{n}.realisasi",
        s,
        "realisasi",
        h.nilai_realisasi,
        f"realisasi {kode} {th}",
        "satuan",
        asal,
        satuan=sat,
        tulis_rumus=partial(rumus.realisasi_ikk, hasil, h),
    )
    p.tambah(
        f"{n}.capaian",
        s,
        "capaian",
        h.capaian,
        f"capaian {kode} {th}",
        "persen",
        "hitung: realisasi terhadap target",
        tulis_rumus=partial(rumus.capaian_ikk, h, th),
    )
    for ukuran, v in (
        ("pembilang", real.pembilang if real else None),
        ("penyebut", real.penyebut if real else None),
    ):
        p.tambah(f"{n}.{ukuran}", s, ukuran, v, f"{ukuran} {kode} {th}", "bulat", asal)
    asal_lalu = f"{lalu}/kinerja.yaml, indikator {kode}"
    p.tambah(
        f"{n}.realisasi",
        s,
        "realisasi",
        h.realisasi_lalu,
        f"realisasi {kode} {lalu}",
        "satuan",
        asal_lalu,
        tahun=lalu,
        nama_laporan=f"{n}.realisasi_tahun_lalu",
        satuan=sat,
        tulis_rumus=partial(rumus.realisasi_ikk, hasil, h, lalu=True),
    )
    p.tambah(
        f"{n}.capaian",
        s,
        "capaian",
        h.capaian_lalu,
        f"capaian {kode} {lalu}",
        "persen",
        "hitung: realisasi terhadap target tahun lalu",
        tahun=lalu,
        nama_laporan=f"{n}.capaian_tahun_lalu",
        tulis_rumus=partial(rumus.capaian_ikk, h, lalu, lalu=True),
    )
    p.tambah(
        f"{n}.perubahan_capaian",
        s,
        "perubahan_capaian",
        h.perubahan,
        f"perubahan capaian {kode} {th}",
        "poin",
        "hitung: capaian dikurangi capaian tahun lalu",
        tulis_rumus=partial(rumus.perubahan_capaian, h),
    )
    p.tambah(
        f"{n}.target",
        s,
        "target",
        h.target_lalu,
        f"target {kode} {lalu}",
        "satuan",
        asal_lalu,
        tahun=lalu,
        nama_laporan=f"{n}.target_tahun_lalu",
        satuan=sat,
    )
    for t, v in h.target_renstra.items():
        p.tambah(
            f"{n}.target_renstra.{t}",
            s,
            "target_renstra",
            v,
            f"target Renstra {kode} {t}",
            "satuan",
            f"katalog, target Renstra {t}",
            butir=str(t),
            satuan=sat,
            tulis_rumus=partial(rumus.target_renstra, h, t),
        )
    _periode_ikk(p, h)


def _periode_ikk(p: _Pembangun, h: HasilIkk) -> None:
    """The rows of an IKK's period table (months or quarters) and its summary rows."""
    tabel = h.tabel_periode
    if tabel is None:
        return
    rasio = h.defn.jenis == "rasio"
    baris = [
        (str(b.ke), b) for b in tabel.baris if b.keadaan not in ("tidak_diisi", "belum_berjalan")
    ]
    for kunci in ("jumlah", "rata_rata", "akhir"):
        ringkas = getattr(tabel, kunci)
        if ringkas is not None:
            baris.append((kunci, ringkas))
    for ke, x in baris:
        # a ratio's pembilang and penyebut are named even when unknown or not computable (a
        # claim on them is then "tidak dapat dihitung", not "tidak dikenal")
        ukuran = ["nilai"]
        if rasio or x.pembilang is not None or x.penyebut is not None:
            ukuran += ["pembilang", "penyebut"]
        for u in ukuran:
            p.tambah(
                f"ikk.{h.kode}.periode.{ke}.{u}",
                ("ikk", h.kode),
                u,
                getattr(x, u),
                f"{u} {h.kode} periode {ke.replace('_', '-')} {p.th}",
                "angka" if u == "nilai" else "bulat",
                f"kinerja.yaml, indikator {h.kode}, tabel periode",
                butir=ke,
            )


def _ikk_tahun_lalu(p: _Pembangun) -> None:
    """Last year's pembilang and penyebut, recomputed from that year's data: named only in that
    year's own klaim.yaml."""
    hasil, lalu = p.hasil, p.th - 1
    data_lalu = hasil.data.lalu
    indikator = data_lalu.kinerja.indikator if data_lalu and data_lalu.kinerja else []
    per_kode = {x.kode: x for x in indikator}
    for h in hasil.ikk:
        pb = pn = None
        x = per_kode.get(h.kode)
        if x is not None and x.realisasi is not None:
            try:
                real = hitung_realisasi(h.defn, x.realisasi)
                pb, pn = real.pembilang, real.penyebut
            except GalatHitung:
                pass  # the comparison already shows it cannot be computed
        for ukuran, v in (("pembilang", pb), ("penyebut", pn)):
            p.tambah(
                f"ikk.{h.kode}.{ukuran}",
                ("ikk", h.kode),
                ukuran,
                v,
                f"{ukuran} {h.kode} {lalu}",
                "bulat",
                f"{lalu}/kinerja.yaml, indikator {h.kode}",
                tahun=lalu,
                nama_laporan=None,
            )


_LABEL_JUMLAH = {
    "jumlah": "jumlah IKK",
    "jumlah_tercapai": "jumlah IKK tercapai",
    "jumlah_tidak_tercapai": "jumlah IKK tidak tercapai",
    "jumlah_perlu_verifikasi": "jumlah IKK perlu verifikasi",
    "jumlah_tidak_berlaku": "jumlah tidak berlaku",
    "jumlah_tidak_dihitung": "jumlah tidak dihitung",
    "jumlah_dinilai": "jumlah dinilai",
}


def _ringkasan_ikk(p: _Pembangun) -> None:
    """IKK counts by status, the number of sasaran, and each sasaran's counts and mean."""
    hasil, th = p.hasil, p.th
    hitung_ikk = partial(rumus.jumlah_ikk, hasil)
    asal = "hitung: status capaian IKK"
    for ukuran, n in (
        ("jumlah", len(hasil.ikk)),
        ("jumlah_tercapai", len(hasil.tercapai)),
        ("jumlah_tidak_tercapai", len(hasil.tidak_tercapai)),
        ("jumlah_perlu_verifikasi", len(hasil.perlu_verifikasi)),
        ("jumlah_tidak_berlaku", len(hasil.tidak_berlaku)),
        ("jumlah_tidak_dihitung", len(hasil.tidak_dihitung)),
        ("jumlah_dinilai", len(hasil.ikk) - len(hasil.tidak_berlaku)),
    ):
        p.tambah(
            f"ikk.{ukuran}",
            ("ikk",),
            ukuran,
            Decimal(n),
            f"{_LABEL_JUMLAH[ukuran]} {th}",
            "bulat",
            asal,
            tulis_rumus=hitung_ikk,
        )
    p.tambah(
        "sasaran.jumlah",
        ("ikk",),
        "jumlah_sasaran",
        Decimal(len(hasil.sasaran)),
        f"jumlah sasaran kegiatan {th}",
        "bulat",
        "katalog, sasaran kegiatan",
    )
    for r in hasil.sasaran:
        kode = r.sasaran.kode
        s: Subjek = ("sasaran", kode)
        for ukuran, n in (
            ("jumlah", len(r.ikk)),
            ("jumlah_tercapai", r.tercapai),
            ("jumlah_tidak_tercapai", r.tidak_tercapai),
            ("jumlah_perlu_verifikasi", r.perlu_verifikasi),
            ("jumlah_tidak_berlaku", r.tidak_berlaku),
        ):
            p.tambah(
                f"ikk.sasaran.{kode}.{ukuran}",
                s,
                ukuran,
                Decimal(n),
                f"{_LABEL_JUMLAH[ukuran]} sasaran {kode} {th}",
                "bulat",
                asal,
            )
        p.tambah(
            f"ikk.sasaran.{kode}.rata_capaian",
            s,
            "rata_capaian",
            r.rata_capaian,
            f"rata-rata capaian sasaran {kode} {th}",
            "persen",
            "hitung: rata-rata capaian IKK sasaran",
            tulis_rumus=partial(rumus.rata_capaian, r),
        )


# --------------------------------------------------------------------------- budget

_TABEL = (
    ("sasaran", "per_sasaran", "per_sasaran", "sasaran_jumlah"),
    ("program", "per_program", "per_program", "program_jumlah"),
    ("jenis", "per_jenis_belanja", "per_jenis", "jenis_jumlah"),
)
"""(name part, table of the subject, attribute of rows, attribute of the stated total)."""


def _anggaran(p: _Pembangun, ang: HasilAnggaran, lalu: bool) -> None:
    """A year's budget: the DIPA total, every row of the three tables and their totals."""
    th = ang.tahun
    _baris(p, ang.total, ("anggaran", th, "total"), "", "anggaran (DIPA)", lalu)
    for nama, tabel, atribut, _ in _TABEL:
        baris: list[BarisAnggaran] = getattr(ang, atribut)
        for b in baris:
            kata = {
                "sasaran": f"anggaran sasaran {b.kunci}",
                "program": f"anggaran program ke-{b.kunci}",
                "jenis": LABEL_JENIS_BELANJA.get(b.kunci, b.kunci),
            }[nama]
            _baris(
                p,
                b,
                ("anggaran", th, tabel, b.kunci),
                f".{nama}.{b.kunci}",
                kata,
                lalu,
                butir=b.kunci,
            )
    for _, tabel, atribut, jumlah in _TABEL:
        total: BarisAnggaran | None = getattr(ang, jumlah)
        if total is not None:
            _baris(
                p,
                total,
                ("anggaran", th, tabel),
                f".{jumlah}",
                LABEL_TABEL_ANGGARAN[tabel],
                lalu,
                butir="jumlah",
                rows=getattr(ang, atribut),
            )


def _baris(
    p: _Pembangun,
    x: BarisAnggaran,
    subjek: Subjek,
    akhiran: str,
    kata: str,
    lalu: bool,
    butir: str = "",
    rows: list[BarisAnggaran] | None = None,
) -> None:
    """pagu, realisasi, penyerapan and sisa of one budget line (``rows``: a table's total)."""
    th = p.th - 1 if lalu else p.th
    asal = f"{th}/anggaran.yaml"
    for ukuran in ("pagu", "realisasi", "penyerapan", "sisa"):
        nama = f"anggaran{akhiran}.{ukuran}"
        label = f"{'jumlah ' if rows is not None else ''}{ukuran} {kata} {th}"
        if ukuran in ("pagu", "realisasi"):
            bentuk, hitung = "rupiah", partial(rumus.jumlah_baris, rows, ukuran) if rows else None
        else:
            bentuk = "persen" if ukuran == "penyerapan" else "rupiah"
            hitung = partial(rumus.baris_anggaran, x, ukuran)
        p.tambah(
            nama,
            subjek,
            ukuran,
            getattr(x, ukuran),
            label,
            bentuk,
            asal if ukuran in ("pagu", "realisasi") else "hitung",
            tahun=th,
            nama_laporan=f"anggaran_tahun_lalu{akhiran}.{ukuran}" if lalu else nama,
            butir=butir,
            tulis_rumus=hitung,
        )


# --------------------------------------------------------------------------- scores


def _bobot(p: _Pembangun, skor: str, nama_skor: str, bobot: Mapping[str, Decimal]) -> None:
    label = LABEL_KOMPONEN_SMART if skor == "smart" else LABEL_KOMPONEN_IKPA
    for k, v in bobot.items():
        p.tambah(
            f"{skor}.bobot.{k}",
            (skor,),
            "bobot",
            v,
            f"bobot {label.get(k, k)} ({nama_skor})",
            "bobot",
            f"aturan {nama_skor} {p.th}",
            butir=k,
        )


def _bentuk_komponen(k: str) -> str:
    """A component printed as a percentage when it is one (SMART's penyerapan)."""
    return "persen" if k in ("capaian", "penyerapan") else "angka"


def _smart(p: _Pembangun) -> None:
    s = p.hasil.smart
    if not s:
        return
    asal = "evaluasi.yaml, smart"
    efisiensi = partial(rumus.efisiensi_smart, p.hasil)
    p.tambah(
        "smart.nilai",
        ("smart",),
        "nilai",
        s.nilai,
        "nilai SMART-DJA",
        "angka",
        asal if s.resmi else "hitung: komponen × bobot",
        tulis_rumus=partial(rumus.nilai_smart, s, resmi=True),
    )
    p.tambah(
        "smart.nilai_hitung",
        ("smart",),
        "nilai_hitung",
        s.nilai_hitung,
        "nilai SMART-DJA hitung ulang",
        "angka",
        "hitung: komponen × bobot",
        tulis_rumus=partial(rumus.nilai_smart, s, resmi=False),
    )
    p.tambah(
        "smart.nilai_efisiensi",
        ("smart",),
        "nilai_efisiensi",
        s.komponen["nilai_efisiensi"],
        "nilai efisiensi SMART-DJA",
        "angka",
        asal,
        tulis_rumus=efisiensi,
    )
    for k, v in s.komponen.items():
        p.tambah(
            f"smart.komponen.{k}",
            ("smart",),
            "komponen",
            v,
            f"komponen SMART-DJA {LABEL_KOMPONEN_SMART.get(k, k.replace('_', ' '))}",
            _bentuk_komponen(k),
            asal,
            butir=k,
            tulis_rumus=efisiensi if k == "nilai_efisiensi" else None,
        )
    _bobot(p, "smart", "SMART-DJA", s.aturan.bobot)


_LABEL_SKOR_IKPA = {
    "nilai": "nilai IKPA",
    "nilai_hitung": "nilai IKPA hitung ulang",
    "nilai_total": "nilai total IKPA",
}


def _ikpa(p: _Pembangun) -> None:
    k = p.hasil.ikpa
    if not k:
        return
    asal = "evaluasi.yaml, ikpa"
    for ukuran in ("nilai", "nilai_hitung", "nilai_total"):
        p.tambah(
            f"ikpa.{ukuran}",
            ("ikpa",),
            ukuran,
            getattr(k, ukuran),
            _LABEL_SKOR_IKPA[ukuran],
            "angka",
            asal if ukuran == "nilai" and k.resmi else "hitung: nilai akhir komponen",
            tulis_rumus=partial(rumus.nilai_ikpa, k, resmi=ukuran == "nilai"),
        )
    for x, v in k.aspek.items():
        p.tambah(
            f"ikpa.aspek.{x}",
            ("ikpa",),
            "aspek",
            v,
            f"nilai aspek IKPA {_label_ikpa(LABEL_ASPEK_IKPA, x)}",
            _bentuk_komponen(x),
            "hitung: nilai akhir komponen aspek",
            butir=x,
            tulis_rumus=partial(rumus.aspek_ikpa, k, x),
        )
    for x, v in k.nilai_akhir.items():
        p.tambah(
            f"ikpa.nilai_akhir.{x}",
            ("ikpa",),
            "nilai_akhir",
            v,
            f"nilai akhir IKPA {_label_ikpa(LABEL_KOMPONEN_IKPA, x)}",
            _bentuk_komponen(x),
            "hitung: nilai komponen × bobot",
            butir=x,
            tulis_rumus=partial(rumus.nilai_akhir_ikpa, k, x),
        )
    for x, v in k.nilai_komponen.items():
        _komponen_ikpa(p, x, v)
    _bobot(p, "ikpa", "IKPA", k.aturan.bobot)


def _label_ikpa(label: Mapping[str, str], x: str) -> str:
    return label.get(x, x.replace("_", " "))


def _komponen_ikpa(p: _Pembangun, x: str, v: Nilai | None) -> None:
    # labelled like its final value, as the memo has always named it
    p.tambah(
        f"ikpa.komponen.{x}",
        ("ikpa",),
        "komponen",
        v,
        f"nilai akhir IKPA {_label_ikpa(LABEL_KOMPONEN_IKPA, x)}",
        _bentuk_komponen(x),
        "evaluasi.yaml, ikpa",
        butir=x,
    )


def _nka(p: _Pembangun, nilai: Nilai | None, bobot_smart: Decimal, bobot_ikpa: Decimal) -> None:
    n = p.hasil.nka
    p.tambah(
        "nka.nilai",
        ("nka",),
        "nilai",
        nilai,
        "nilai kinerja anggaran (gabungan SMART-DJA dan IKPA)",
        "angka",
        "hitung: SMART-DJA dan IKPA × bobot",
        tulis_rumus=partial(rumus.nilai_nka, n) if n is not None else None,
    )
    for k, v, label in (("smart", bobot_smart, "SMART-DJA"), ("ikpa", bobot_ikpa, "IKPA")):
        p.tambah(
            f"nka.bobot.{k}",
            ("nka",),
            "bobot",
            v,
            f"bobot {label} (nilai kinerja anggaran)",
            "bobot",
            f"aturan nilai kinerja anggaran {p.th}",
            butir=k,
        )


def _skor_tidak_diketahui(p: _Pembangun) -> None:
    """Scores not recomputed because a component is unknown: their scores are unknown, the known
    components and the rules' weights keep their values."""
    hasil, th = p.hasil, p.th
    ev = hasil.data.ini.evaluasi
    if ev is None:
        return
    try:
        if hasil.smart is None and ev.smart is not None:
            _smart_tidak_diketahui(p, ev.smart, aturan_smart(th).bobot)
        if hasil.ikpa is None and ev.ikpa is not None:
            _ikpa_tidak_diketahui(p, ev.ikpa)
        if hasil.nka is None and ev.smart is not None and ev.ikpa is not None:
            n = aturan_nka(th)
            _nka(p, TIDAK_DIKETAHUI, n.bobot_smart, n.bobot_ikpa)
    except AturanTidakAda:
        return  # no rules for the year: reported by the checks (ATURAN_TIDAK_ADA)


def _smart_tidak_diketahui(p: _Pembangun, ev: object, bobot: Mapping[str, Decimal]) -> None:
    for ukuran, label in (
        ("nilai", "nilai SMART-DJA"),
        ("nilai_hitung", "nilai SMART-DJA hitung ulang"),
        ("nilai_efisiensi", "nilai efisiensi SMART-DJA"),
    ):
        p.tambah(
            f"smart.{ukuran}",
            ("smart",),
            ukuran,
            TIDAK_DIKETAHUI,
            label,
            "angka",
            "evaluasi.yaml, smart",
        )
    for k in ("capaian_ro", "konsistensi", "penyerapan", "nilai_efisiensi"):
        p.tambah(
            f"smart.komponen.{k}",
            ("smart",),
            "komponen",
            getattr(ev, k, None) or TIDAK_DIKETAHUI,
            f"komponen SMART-DJA {LABEL_KOMPONEN_SMART.get(k, k.replace('_', ' '))}",
            _bentuk_komponen(k),
            "evaluasi.yaml, smart",
            butir=k,
        )
    _bobot(p, "smart", "SMART-DJA", bobot)


def _ikpa_tidak_diketahui(p: _Pembangun, ev: object) -> None:
    a = aturan_ikpa(p.th)
    for ukuran in ("nilai", "nilai_hitung", "nilai_total"):
        p.tambah(
            f"ikpa.{ukuran}",
            ("ikpa",),
            ukuran,
            TIDAK_DIKETAHUI,
            _LABEL_SKOR_IKPA[ukuran],
            "angka",
            "evaluasi.yaml, ikpa",
        )
    for x in a.aspek:
        p.tambah(
            f"ikpa.aspek.{x}",
            ("ikpa",),
            "aspek",
            TIDAK_DIKETAHUI,
            f"nilai aspek IKPA {_label_ikpa(LABEL_ASPEK_IKPA, x)}",
            _bentuk_komponen(x),
            "evaluasi.yaml, ikpa",
            butir=x,
        )
    for x, bobot in a.bobot.items():
        _komponen_ikpa(p, x, getattr(ev, x, None))
        p.tambah(
            f"ikpa.nilai_akhir.{x}",
            ("ikpa",),
            "nilai_akhir",
            TIDAK_DIKETAHUI,
            f"nilai akhir IKPA {_label_ikpa(LABEL_KOMPONEN_IKPA, x)}",
            _bentuk_komponen(x),
            "evaluasi.yaml, ikpa",
            butir=x,
        )
        _bobot(p, "ikpa", "IKPA", {x: bobot})


# --------------------------------------------------------------------------- profile


def _profil(p: _Pembangun) -> None:
    hasil = p.hasil
    if not hasil.data.ini.profil:
        return
    pr = hasil.profil
    asal = "profil.yaml"
    p.tambah(
        "profil.okupansi",
        ("profil", "penghuni"),
        "okupansi",
        hasil.okupansi,
        "tingkat hunian",
        "persen",
        "hitung: penghuni ÷ kapasitas × 100",
        tulis_rumus=partial(rumus.okupansi, hasil),
    )
    p.tambah(
        "profil.penghuni",
        ("profil", "penghuni"),
        "penghuni",
        pr.penghuni,
        "jumlah penghuni",
        "bulat",
        asal,
    )
    p.tambah(
        "profil.kapasitas",
        ("profil", "kapasitas"),
        "kapasitas",
        pr.kapasitas,
        "kapasitas hunian",
        "bulat",
        asal,
    )
    p.tambah(
        "profil.pegawai_jumlah",
        ("profil", "pegawai"),
        "pegawai_jumlah",
        hasil.jumlah_pegawai,
        "jumlah pegawai",
        "bulat",
        "hitung: pegawai per jenis kelamin",
        tulis_rumus=partial(rumus.jumlah_pegawai, hasil),
    )
