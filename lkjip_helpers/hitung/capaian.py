"""Realisasi and capaian of performance indicators (IKK).

Rules (DESIGN.md, PermenPANRB 53/2014 and 6/2022):

- realisasi of a ratio indicator = pembilang / penyebut × 100; a value indicator takes the value;
- capaian, higher is better: R / T × 100; lower is better: (2 − R / T) × 100 floored at 0;
  a range target clamps to the nearer bound (inside the range: 100);
- no cap unless :attr:`~lkjip_helpers.muat.skema.Pengaturan.batas_capaian` is set;
- year-on-year change is a difference in percentage points;
- an IKK whose data fail a validity test (:func:`uji_validitas`: a share of a population above
  100 %, a zero penyebut without a rule) is "Perlu verifikasi", not "Tercapai", unless the
  satker's ``tanggapan.yaml`` explains that finding (status ``dijelaskan``).

Period data (months, triwulan, semesters) are aggregated as the indicator's ``agregasi`` says
(:data:`~lkjip_helpers.muat.skema.Agregasi`); 0/0 follows the indicator's ``penyebut_nol``
(or the kinerja entry's). A number declared unknown stays unknown
(:data:`~lkjip_helpers.tidak_diketahui.TIDAK_DIKETAHUI`): a figure computed from it is unknown,
and sums and means over periods skip it and list it in ``dilewati``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from .. import format_id as f
from ..muat import skema as s
from ..muat.kunci import id_temuan
from ..muat.periode import Periode, label_periode
from ..tidak_diketahui import TIDAK_DIKETAHUI, TidakDiketahui, diketahui

SERATUS = Decimal(100)
NOL = Decimal(0)

TERCAPAI = "Tercapai"
TIDAK_TERCAPAI = "Tidak tercapai"
TIDAK_DAPAT_DIHITUNG = "Tidak dapat dihitung"
TIDAK_BERLAKU = "Tidak berlaku"
DATA_TIDAK_TERSEDIA = "Data tidak tersedia"
PERLU_VERIFIKASI = "Perlu verifikasi"
"""Status of an IKK whose data fail a validity test (see :func:`uji_validitas`)."""

Nilai = Decimal | TidakDiketahui
"""A computed figure: a number, or unknown because an input was declared unknown."""

TEKS_PENYEBUT_NOL: dict[str, str] = {
    "seratus": "tidak ada kasus (0/0); sesuai definisi indikator dihitung 100%",
    "nol": "tidak ada kasus (0/0); sesuai definisi indikator dihitung 0%",
    "tidak_berlaku": "tidak ada kasus (0/0); sesuai definisi indikator tidak berlaku "
    "(tidak ikut dihitung dalam jumlah dan rata-rata capaian)",
}
"""How the report says which 0/0 rule applied (by ``penyebut_nol``)."""

LABEL_AGREGASI: dict[str, str] = {
    "jumlah": "jumlah seluruh periode",
    "terakhir": "nilai periode terakhir (posisi akhir periode)",
    "rata_rata": "rata-rata nilai per periode",
    "rata_rata_pembilang_penyebut": "rata-rata pembilang dibagi rata-rata penyebut",
}
"""How the report names each aggregation."""


class GalatHitung(ValueError):
    """A figure cannot be computed from the data (the message says why, in Indonesian)."""


class PenyebutNolTanpaAturan(GalatHitung):
    """A zero penyebut and the indicator sets no rule for it (``penyebut_nol: galat``)."""


@dataclass(frozen=True)
class CacatData:
    """A validity failure of an IKK's data: a property of the data, found while computing.

    ``kode`` and ``kunci`` are those of the finding the checks report for it, so :attr:`id` is
    that finding's stable id (the one a ``tanggapan.yaml`` answer names).
    """

    kode: str
    kunci: str
    alasan: str
    """Plain-Indonesian reason, as the checks state it (the review memo)."""
    uraian: str = ""
    """The same fact in the satker's own voice, for the LKjIP (no "tidak mungkin", no
    instruction to fix data): "jumlah … (1.435) lebih besar dari jumlah … (1.177)"."""

    @property
    def id(self) -> str:
        return id_temuan(self.kode, self.kunci)


def teks_kunci(x: Decimal) -> str:
    """A number as written in a finding key: ``1435``, ``121.5`` (no exponent, no trailing 0)."""
    t = format(x.normalize(), "f")
    return t if "." not in t else t.rstrip("0").rstrip(".")


# --------------------------------------------------------------------------- period table


@dataclass(frozen=True)
class BarisPeriode:
    """One row of an IKK's period table (a month, triwulan or semester)."""

    ke: int
    label: str
    """``Januari``, ``Triwulan II``, ``Semester I``."""
    pembilang: Nilai | None
    penyebut: Nilai | None
    nilai: Nilai | None
    """The period's value (a percent for a ratio); ``None``: no value (not filled, not yet
    running, or 0/0 not applicable)."""
    keadaan: str
    """``terisi``, ``penyebut_nol`` (0/0, value by rule), ``tidak_berlaku`` (0/0 excluded),
    ``tidak_diketahui``, ``tidak_diisi``, ``belum_berjalan`` (before ``mulai``)."""
    keterangan: str | None = None
    """Indonesian note for the table (``belum berjalan``, ``0/0: dihitung 100%`` …)."""
    dihitung: bool = False
    """Whether the row counts in the aggregate (known data, from ``mulai`` on)."""


@dataclass(frozen=True)
class BarisRingkasan:
    """A summary row of a period table: Jumlah, Rata-rata or Akhir periode."""

    label: str
    pembilang: Nilai | None
    penyebut: Nilai | None
    nilai: Nilai | None
    jumlah_periode: int
    """How many periods were used."""
    dilewati: tuple[str, ...] = ()
    """Labels of the periods skipped because a value is unknown."""
    keterangan: str | None = None


@dataclass(frozen=True)
class TabelPeriode:
    """An IKK's period data as a table: the rows and the summary rows its aggregation
    defines (``tampil``, in order); ``realisasi_dari`` names the row that is the realisasi."""

    jenis: str
    agregasi: str
    mulai: int | None
    baris: tuple[BarisPeriode, ...]
    jumlah: BarisRingkasan | None
    rata_rata: BarisRingkasan | None
    akhir: BarisRingkasan | None
    tampil: tuple[str, ...]
    """Summary rows to show: among ``jumlah``, ``rata_rata``, ``akhir``."""
    realisasi_dari: str
    kurang: tuple[int, ...] = ()
    """Periods the report period expects (closed, from ``mulai`` on) that have no data."""

    def ringkasan(self) -> list[BarisRingkasan]:
        """The summary rows to show, in order."""
        return [r for r in (getattr(self, k) for k in self.tampil) if r is not None]


@dataclass(frozen=True)
class HasilRealisasi:
    """Realisasi of one indicator for the report period."""

    nilai: Nilai | None
    pembilang: Nilai | None = None
    penyebut: Nilai | None = None
    keterangan: str | None = None
    tidak_berlaku: bool = False
    per_periode: tuple[tuple[int, Nilai | None], ...] = ()
    jenis_periode: str | None = None
    aturan_penyebut_nol: str | None = None
    """The 0/0 rule that was applied (``seratus``, ``nol``, ``tidak_berlaku``), if any."""
    dilewati: tuple[str, ...] = ()
    """Periods skipped in the aggregate because a value is unknown."""
    tabel: TabelPeriode | None = None


def uji_validitas(defn: s.IndikatorDef, real: HasilRealisasi | None) -> tuple[CacatData, ...]:
    """Validity tests of an IKK's realisasi (a zero penyebut is found by :func:`hitung_ikk`).

    A ratio whose pembilang is part of its penyebut (``bagian_dari_penyebut``) cannot exceed
    100 %: 1435 meals served to 1177 inmates is a data anomaly, whatever the capaian. The key
    names the fact (population and both numbers), so two IKK dividing the same 1435 by the
    same 1177 WBP share one finding. Unknown values are not tested.
    """
    if real is None or defn.jenis != "rasio" or not defn.bagian_dari_penyebut:
        return ()
    pb, pn = real.pembilang, real.penyebut
    if pb is not None and pn is not None:
        if not (isinstance(pb, Decimal) and isinstance(pn, Decimal)) or pb <= pn:
            return ()
        alasan = (
            f"{f.bulat(pb)} ({_kecil(defn.pembilang or 'pembilang')}) melebihi {f.bulat(pn)} "
            f"({_kecil(defn.penyebut or 'penyebut')}): bagian tidak mungkin lebih besar dari "
            "keseluruhannya"
        )
        uraian = (
            f"jumlah {_kecil(defn.pembilang or 'pembilang')} ({f.bulat(pb)}) lebih besar dari "
            f"jumlah {_kecil(defn.penyebut or 'penyebut')} ({f.bulat(pn)})"
        )
        kunci = f"{defn.populasi or defn.kode}|{teks_kunci(pb)}|{teks_kunci(pn)}"
        return (CacatData("RASIO_DI_ATAS_100", kunci, alasan, uraian),)
    if isinstance(real.nilai, Decimal) and real.nilai > SERATUS:
        alasan = (
            f"realisasi {f.persen(real.nilai)} di atas 100%, padahal "
            f"{_kecil(defn.pembilang or 'pembilang')} adalah bagian dari "
            f"{_kecil(defn.penyebut or 'penyebut')}"
        )
        uraian = (
            f"realisasi yang tercatat ({f.persen(real.nilai)}) melebihi 100%, sedangkan "
            f"{_kecil(defn.pembilang or 'pembilang')} merupakan bagian dari "
            f"{_kecil(defn.penyebut or 'penyebut')}"
        )
        kunci = f"{defn.kode}|{teks_kunci(real.nilai)}"
        return (CacatData("RASIO_DI_ATAS_100", kunci, alasan, uraian),)
    return ()


def _kecil(teks: str) -> str:
    """Lower-case a capitalised first word inside a sentence (``Tahanan, …`` → ``tahanan, …``)."""
    return teks[:1].lower() + teks[1:] if teks[1:2].islower() else teks


def _aturan_galat(sumber: str | None) -> GalatHitung:
    asal = f" ({sumber})" if sumber else ""
    return PenyebutNolTanpaAturan(
        "penyebut bernilai nol dan indikator tidak menetapkan aturan penyebut nol"
        f"{asal}; setel penyebut_nol: seratus, nol atau tidak_berlaku"
    )


def _rasio(
    pembilang: Decimal, penyebut: Decimal, aturan_nol: str, sumber: str | None = None
) -> tuple[Decimal | None, str | None, bool, str | None]:
    """(percent, note, not applicable, rule applied) of pembilang / penyebut."""
    if penyebut == 0:
        if pembilang != 0:
            raise GalatHitung(
                f"pembilang {pembilang} dengan penyebut 0: pembilang tidak mungkin ada bila "
                "penyebutnya nol; periksa datanya"
            )
        if aturan_nol == "seratus":
            return SERATUS, TEKS_PENYEBUT_NOL["seratus"], False, "seratus"
        if aturan_nol == "nol":
            return NOL, TEKS_PENYEBUT_NOL["nol"], False, "nol"
        if aturan_nol == "tidak_berlaku":
            return None, TEKS_PENYEBUT_NOL["tidak_berlaku"], True, "tidak_berlaku"
        raise _aturan_galat(sumber)
    return pembilang / penyebut * SERATUS, None, False, None


def hitung_realisasi(
    defn: s.IndikatorDef,
    r: s.Realisasi,
    *,
    penyebut_nol: s.PenyebutNol | None = None,
    periode: Periode | None = None,
    sumber_aturan: str | None = None,
) -> HasilRealisasi:
    """Realisasi from pembilang/penyebut, a value, or periods aggregated per the definition.

    ``penyebut_nol`` overrides the definition's 0/0 rule (a kinerja entry's own rule);
    ``periode`` is the report period (rows are laid out over its months and data outside it
    are refused); ``sumber_aturan`` names where the 0/0 rule is set, for messages.
    """
    aturan = penyebut_nol or defn.penyebut_nol
    if r.periode is not None:
        return _realisasi_periode(defn, r.periode, aturan, periode, sumber_aturan)
    if r.nilai is not None:
        return HasilRealisasi(nilai=r.nilai)
    assert r.pembilang is not None and r.penyebut is not None
    if defn.jenis != "rasio":
        raise GalatHitung("indikator jenis 'nilai' diisi pembilang/penyebut; isi 'nilai'")
    if not (diketahui(r.pembilang) and diketahui(r.penyebut)):
        return HasilRealisasi(
            nilai=TIDAK_DIKETAHUI,
            pembilang=r.pembilang,
            penyebut=r.penyebut,
            keterangan="pembilang atau penyebut tidak diketahui; realisasi tidak dapat dihitung",
        )
    nilai, ket, tb, dipakai = _rasio(r.pembilang, r.penyebut, aturan, sumber_aturan)
    return HasilRealisasi(
        nilai=nilai,
        pembilang=r.pembilang,
        penyebut=r.penyebut,
        keterangan=ket,
        tidak_berlaku=tb,
        aturan_penyebut_nol=dipakai,
    )


def _cek_periode(p: s.Periode, periode: Periode | None) -> list[s.NilaiPeriode]:
    urut = sorted(p.data, key=lambda x: x.ke)
    batas = s.JUMLAH_PERIODE[p.jenis]
    for x in urut:
        if x.ke > batas:
            raise GalatHitung(f"{p.jenis} ke-{x.ke} di luar 1–{batas}")
    kes = [x.ke for x in urut]
    if len(set(kes)) != len(kes):
        raise GalatHitung(f"{p.jenis} yang sama diisi lebih dari sekali")
    for x in urut:
        label = label_periode(p.jenis, x.ke)
        if p.mulai is not None and x.ke < p.mulai:
            raise GalatHitung(
                f"{label} diisi, padahal kegiatan baru dimulai {label_periode(p.jenis, p.mulai)} "
                "(periode.mulai); hapus datanya atau ubah 'mulai'"
            )
        if periode is not None:
            if not periode.dalam_rentang(p.jenis, x.ke):
                raise GalatHitung(
                    f"{label} di luar periode laporan {periode.label} ({periode.rentang_penuh})"
                )
            panjang = 12 // s.JUMLAH_PERIODE[p.jenis]
            if x.ke * panjang > periode.bulan_terakhir:
                raise GalatHitung(
                    f"{label} diisi, padahal data laporan hanya sampai "
                    f"{periode.rentang_bulan} (periode_laporan.bulan_terakhir)"
                )
    return urut


def _baris(
    defn: s.IndikatorDef, jenis: str, x: s.NilaiPeriode, aturan: str, sumber: str | None
) -> BarisPeriode:
    label = label_periode(jenis, x.ke)
    rasio = defn.jenis == "rasio"
    punya_rasio = x.pembilang is not None and x.penyebut is not None
    if rasio and not punya_rasio and x.nilai is None:
        raise GalatHitung(f"{jenis} ke-{x.ke}: isi pembilang dan penyebut")
    if not rasio and x.nilai is None:
        raise GalatHitung(f"{jenis} ke-{x.ke}: isi nilai")
    if rasio and punya_rasio:
        assert x.pembilang is not None and x.penyebut is not None
        if not (diketahui(x.pembilang) and diketahui(x.penyebut)):
            return BarisPeriode(
                x.ke,
                label,
                x.pembilang,
                x.penyebut,
                TIDAK_DIKETAHUI,
                "tidak_diketahui",
                "data tidak tersedia",
            )
        try:
            v, _, _tb, dipakai = _rasio(x.pembilang, x.penyebut, aturan, sumber)
        except GalatHitung:
            if x.pembilang != 0:
                raise
            # 0/0 without a rule only matters when the aggregate needs this period's ratio
            return BarisPeriode(
                x.ke,
                label,
                x.pembilang,
                x.penyebut,
                None,
                "penyebut_nol",
                "tidak ada kasus (0/0)",
                True,
            )
        if dipakai == "tidak_berlaku":
            return BarisPeriode(
                x.ke,
                label,
                x.pembilang,
                x.penyebut,
                None,
                "tidak_berlaku",
                "0/0: tidak berlaku",
                True,
            )
        if dipakai is not None:
            teks = {"seratus": "0/0: dihitung 100%", "nol": "0/0: dihitung 0%"}[dipakai]
            return BarisPeriode(x.ke, label, x.pembilang, x.penyebut, v, "penyebut_nol", teks, True)
        return BarisPeriode(x.ke, label, x.pembilang, x.penyebut, v, "terisi", None, True)
    assert x.nilai is not None
    if not diketahui(x.nilai):
        return BarisPeriode(
            x.ke, label, None, None, x.nilai, "tidak_diketahui", "data tidak tersedia"
        )
    return BarisPeriode(x.ke, label, None, None, x.nilai, "terisi", None, True)


def _rata(nilai: list[Decimal]) -> Decimal | None:
    return sum(nilai, NOL) / Decimal(len(nilai)) if nilai else None


@dataclass(frozen=True)
class _Ringkas:
    """A summary row with the 0/0 rule it applied and whether it is not applicable."""

    baris: BarisRingkasan | None
    aturan: str | None = None
    tidak_berlaku: bool = False


def _ringkas_jumlah(
    pakai: list[BarisPeriode],
    rasio: bool,
    aturan: str,
    sumber: str | None,
    wajib: bool,
    lewat: tuple[str, ...],
) -> _Ringkas:
    """Jumlah: Σ values; a ratio is Σ pembilang / Σ penyebut × 100."""
    if not pakai:
        return _Ringkas(
            BarisRingkasan("Jumlah", None, None, TIDAK_DIKETAHUI, 0, lewat) if lewat else None
        )
    if not rasio:
        total = sum((b.nilai for b in pakai), NOL)  # type: ignore[misc]
        return _Ringkas(BarisRingkasan("Jumlah", None, None, total, len(pakai), lewat))
    if not all(b.pembilang is not None and b.penyebut is not None for b in pakai):
        # some periods give the percent directly: there is no Σ pembilang / Σ penyebut
        if wajib:
            raise GalatHitung(
                "agregasi 'jumlah' untuk rasio memerlukan pembilang dan penyebut pada setiap periode"
            )
        return _Ringkas(BarisRingkasan("Jumlah", None, None, None, len(pakai), lewat))
    pb = sum((b.pembilang for b in pakai), NOL)  # type: ignore[misc]
    pn = sum((b.penyebut for b in pakai), NOL)  # type: ignore[misc]
    try:
        nilai, _, tb, dipakai = _rasio(pb, pn, aturan, sumber)
    except GalatHitung:
        if wajib:
            raise
        return _Ringkas(BarisRingkasan("Jumlah", pb, pn, None, len(pakai), lewat))
    return _Ringkas(BarisRingkasan("Jumlah", pb, pn, nilai, len(pakai), lewat), dipakai, tb)


def _ringkas_rata(
    pakai: list[BarisPeriode],
    rasio: bool,
    agg: str,
    aturan: str,
    sumber: str | None,
    lewat: tuple[str, ...],
    catatan: str | None,
) -> _Ringkas:
    """Rata-rata: the mean of the periods' values, or mean pembilang / mean penyebut."""
    if not pakai:
        return _Ringkas(
            BarisRingkasan("Rata-rata", None, None, TIDAK_DIKETAHUI, 0, lewat) if lewat else None
        )
    pq = rasio and all(b.pembilang is not None and b.penyebut is not None for b in pakai)
    rp = _rata([b.pembilang for b in pakai]) if pq else None  # type: ignore[misc]
    rq = _rata([b.penyebut for b in pakai]) if pq else None  # type: ignore[misc]
    if agg == "rata_rata_pembilang_penyebut":
        if not pq:
            raise GalatHitung(
                "agregasi 'rata_rata_pembilang_penyebut' memerlukan pembilang dan penyebut pada "
                "setiap periode"
            )
        assert rp is not None and rq is not None
        nilai, _, tb, dipakai = _rasio(rp, rq, aturan, sumber)
        return _Ringkas(
            BarisRingkasan("Rata-rata", rp, rq, nilai, len(pakai), lewat, catatan), dipakai, tb
        )
    tanpa_aturan = [b for b in pakai if b.keadaan == "penyebut_nol" and b.nilai is None]
    if tanpa_aturan and agg == "rata_rata":
        raise _aturan_galat(sumber)
    nilai_ada = [b.nilai for b in pakai if b.nilai is not None]
    nol_nol = [b for b in pakai if b.keadaan in ("penyebut_nol", "tidak_berlaku")]
    dipakai = aturan if nol_nol and aturan != "galat" else None
    rata = _rata(nilai_ada)  # type: ignore[arg-type]
    n = len(nilai_ada)
    return _Ringkas(
        BarisRingkasan("Rata-rata", rp, rq, rata, n, lewat, catatan), dipakai, rata is None
    )


def _bagian_diketahui(baris: list[BarisPeriode], r: _Ringkas) -> _Ringkas:
    """When no period is complete (every month has an unknown part), keep the parts that are
    known in every month: a table whose pembilang are all unknown still sums (or averages)
    its penyebut; the other side stays unknown and so does the realisasi."""
    b = r.baris
    if b is None:
        return r
    tak = [x for x in baris if x.keadaan == "tidak_diketahui"]

    def sisi(nama: str) -> Decimal | TidakDiketahui:
        v = [getattr(x, nama) for x in tak]
        if not v or not all(diketahui(y) for y in v):
            return TIDAK_DIKETAHUI
        total = sum(v, NOL)
        return total if b.label == "Jumlah" else total / Decimal(len(v))

    return replace(r, baris=replace(b, pembilang=sisi("pembilang"), penyebut=sisi("penyebut")))


def _ringkas_akhir(baris: list[BarisPeriode], wajib: bool, sumber: str | None) -> _Ringkas:
    """Akhir periode: the last period with data (a stock at the period's end)."""
    terisi = [b for b in baris if b.keadaan not in ("tidak_diisi", "belum_berjalan")]
    if not terisi:
        return _Ringkas(None)
    b = terisi[-1]
    if b.keadaan == "penyebut_nol" and b.nilai is None and wajib:
        raise _aturan_galat(sumber)
    lewat = (b.label,) if b.keadaan == "tidak_diketahui" else ()
    dipakai = None
    if b.keadaan == "tidak_berlaku":
        dipakai = "tidak_berlaku"
    elif b.keadaan == "penyebut_nol" and b.nilai is not None:
        dipakai = "seratus" if b.nilai == SERATUS else "nol"
    return _Ringkas(
        BarisRingkasan(f"Akhir periode ({b.label})", b.pembilang, b.penyebut, b.nilai, 1, lewat),
        dipakai,
        b.keadaan == "tidak_berlaku",
    )


def _realisasi_periode(
    defn: s.IndikatorDef,
    p: s.Periode,
    aturan: str,
    periode: Periode | None,
    sumber: str | None,
) -> HasilRealisasi:
    if not p.data:
        raise GalatHitung("data periode kosong")
    urut = _cek_periode(p, periode)
    agg = defn.agregasi
    rasio = defn.jenis == "rasio"
    isi = {x.ke: _baris(defn, p.jenis, x, aturan, sumber) for x in urut}

    diharapkan = periode.bulan_diharapkan(p.jenis) if periode is not None else []
    baris = _baris_periode(p, periode, isi, diharapkan)
    kurang = tuple(k for k in diharapkan if k not in isi and (p.mulai is None or k >= p.mulai))
    pakai = [b for b in baris if b.dihitung]
    lewat = tuple(b.label for b in baris if b.keadaan == "tidak_diketahui")
    catatan_mulai = (
        f"rata-rata {len(pakai)} {p.jenis} sejak kegiatan dimulai {label_periode(p.jenis, p.mulai)}"
        if p.mulai is not None
        else None
    )
    jumlah = _ringkas_jumlah(pakai, rasio, aturan, sumber, agg == "jumlah", lewat)
    rata = _ringkas_rata(pakai, rasio, agg, aturan, sumber, lewat, catatan_mulai)
    if rasio and not pakai and lewat:
        jumlah, rata = _bagian_diketahui(baris, jumlah), _bagian_diketahui(baris, rata)
    akhir = _ringkas_akhir(baris, agg == "terakhir", sumber)
    tampil = {
        "jumlah": ("jumlah", "rata_rata"),
        "terakhir": ("akhir",),
        "rata_rata": ("rata_rata",),
        "rata_rata_pembilang_penyebut": ("rata_rata",),
    }[agg]
    dari = {"jumlah": "jumlah", "terakhir": "akhir"}.get(agg, "rata_rata")
    tabel = TabelPeriode(
        jenis=p.jenis,
        agregasi=agg,
        mulai=p.mulai,
        baris=tuple(baris),
        jumlah=jumlah.baris,
        rata_rata=rata.baris,
        akhir=akhir.baris,
        tampil=tampil,
        realisasi_dari=dari,
        kurang=kurang,
    )
    hasil = {"jumlah": jumlah, "rata_rata": rata, "akhir": akhir}[dari]
    if hasil.baris is None:
        raise GalatHitung("tidak ada data periode yang dapat dihitung")
    return _hasil_periode(p, hasil, dari, agg, rasio=rasio, tabel=tabel)


def _hasil_periode(
    p: s.Periode, hasil: _Ringkas, dari: str, agg: str, *, rasio: bool, tabel: TabelPeriode
) -> HasilRealisasi:
    """The realisasi read from the period table's chosen summary row ``hasil``."""
    assert hasil.baris is not None
    baris = tabel.baris
    ket = _keterangan_periode(p, hasil, dari, agg)
    terbaca = dari != "rata_rata" or agg == "rata_rata_pembilang_penyebut" or not rasio
    per = tuple(
        (b.ke, b.nilai) for b in baris if b.keadaan not in ("tidak_diisi", "belum_berjalan")
    )
    return HasilRealisasi(
        nilai=hasil.baris.nilai,
        pembilang=hasil.baris.pembilang if terbaca else None,
        penyebut=hasil.baris.penyebut if terbaca else None,
        keterangan="; ".join(ket) or None,
        tidak_berlaku=hasil.tidak_berlaku,
        per_periode=per,
        jenis_periode=p.jenis,
        aturan_penyebut_nol=hasil.aturan,
        dilewati=hasil.baris.dilewati,
        tabel=tabel,
    )


def _baris_periode(
    p: s.Periode,
    periode: Periode | None,
    isi: dict[int, BarisPeriode],
    diharapkan: list[int],
) -> list[BarisPeriode]:
    """The table's rows: every period of the report's span up to the last covered (or just
    the data), an unfilled one marked not yet started (before ``p.mulai``) or not filled."""
    if periode is not None:
        ujung = max([*diharapkan, *isi])
        kes = [
            k
            for k in range(1, s.JUMLAH_PERIODE[p.jenis] + 1)
            if periode.dalam_rentang(p.jenis, k) and k <= ujung
        ]
    else:
        kes = sorted(isi)
    baris: list[BarisPeriode] = []
    for k in kes:
        if k in isi:
            baris.append(isi[k])
        elif p.mulai is not None and k < p.mulai:
            baris.append(
                BarisPeriode(
                    k,
                    label_periode(p.jenis, k),
                    None,
                    None,
                    None,
                    "belum_berjalan",
                    "belum berjalan",
                )
            )
        else:
            baris.append(
                BarisPeriode(
                    k, label_periode(p.jenis, k), None, None, None, "tidak_diisi", "belum diisi"
                )
            )
    return baris


def _keterangan_periode(p: s.Periode, hasil: _Ringkas, dari: str, agg: str) -> list[str]:
    """The notes on the realisasi read from the period table (0/0 rule, unknown periods,
    late start)."""
    ket: list[str] = []
    if hasil.tidak_berlaku:
        ket.append(
            "seluruh periode tanpa kasus (0/0); sesuai definisi indikator tidak berlaku"
            if dari != "akhir"
            else f"{hasil.baris.label}: {TEKS_PENYEBUT_NOL['tidak_berlaku']}"
        )
    elif hasil.aturan is not None:
        if dari == "rata_rata" and agg == "rata_rata":
            ket.append(
                "periode tanpa kasus (0/0) "
                + {
                    "seratus": "dihitung 100%",
                    "nol": "dihitung 0%",
                    "tidak_berlaku": "tidak ikut dirata-rata (tidak berlaku)",
                }[hasil.aturan]
            )
        else:
            ket.append(TEKS_PENYEBUT_NOL[hasil.aturan])
    if hasil.baris.dilewati:
        if dari == "akhir":
            ket.append(f"{hasil.baris.dilewati[0]} tidak diketahui")
        else:
            ket.append(f"{', '.join(hasil.baris.dilewati)} tidak diketahui; tidak ikut dihitung")
    if p.mulai is not None and dari == "rata_rata":
        ket.append(
            f"kegiatan dimulai {label_periode(p.jenis, p.mulai)}; rata-rata atas "
            f"{hasil.baris.jumlah_periode} {p.jenis} berjalan"
        )
    return ket


# --------------------------------------------------------------------------- capaian


def hitung_capaian(
    realisasi: Nilai | None,
    target: Nilai | None,
    polaritas: s.Polaritas = "naik",
    *,
    target_maks: Nilai | None = None,
    batas: Decimal | None = None,
) -> Nilai | None:
    """Capaian (percent) of realisasi against target; ``None`` when it cannot be computed,
    unknown when an input is unknown."""
    if realisasi is None or target is None:
        return None
    if isinstance(realisasi, TidakDiketahui) or isinstance(target, TidakDiketahui):
        return TIDAK_DIKETAHUI
    if polaritas == "rentang":
        if isinstance(target_maks, TidakDiketahui):
            return TIDAK_DIKETAHUI
        bawah, atas = target, target_maks if target_maks is not None else target
        if bawah > atas:
            raise GalatHitung("batas bawah target lebih besar dari batas atas")
        if bawah <= realisasi <= atas:
            nilai = SERATUS
        elif realisasi < bawah:
            nilai = _naik(realisasi, bawah)
        else:
            nilai = _turun(realisasi, atas)
    elif polaritas == "turun":
        nilai = _turun(realisasi, target)
    else:
        nilai = _naik(realisasi, target)
    if batas is not None and nilai > batas:
        nilai = batas
    return nilai


def _naik(r: Decimal, t: Decimal) -> Decimal:
    if t == 0:
        raise GalatHitung("target bernilai nol; capaian tidak dapat dihitung")
    return r / t * SERATUS


def _turun(r: Decimal, t: Decimal) -> Decimal:
    if t == 0:
        return SERATUS if r == 0 else NOL
    return max(NOL, (2 - r / t) * SERATUS)


def status(capaian: Nilai | None, tidak_berlaku: bool = False) -> str:
    """``Tercapai`` at 100 % or more, else ``Tidak tercapai`` (``Tidak berlaku``, ``Data tidak
    tersedia``, ``Tidak dapat dihitung`` when there is no capaian)."""
    if tidak_berlaku:
        return TIDAK_BERLAKU
    if capaian is None:
        return TIDAK_DAPAT_DIHITUNG
    if isinstance(capaian, TidakDiketahui):
        return DATA_TIDAK_TERSEDIA
    return TERCAPAI if capaian >= SERATUS else TIDAK_TERCAPAI


def perubahan(ini: Nilai | None, lalu: Nilai | None) -> tuple[Decimal | None, str]:
    """Change in percentage points and its label (Meningkat / Turun / Tetap); ``None`` and
    a label saying why when it cannot be compared."""
    if isinstance(ini, TidakDiketahui) or isinstance(lalu, TidakDiketahui):
        return None, "Tidak dapat dibandingkan (data tidak tersedia)"
    if ini is None or lalu is None:
        return None, "Tidak dapat dibandingkan"
    selisih = ini - lalu
    if selisih > 0:
        return selisih, "Meningkat"
    if selisih < 0:
        return selisih, "Turun"
    return selisih, "Tetap"


# --------------------------------------------------------------------------- per IKK


@dataclass
class HasilIkk:
    """All computed figures of one IKK in the report period."""

    defn: s.IndikatorDef
    sasaran: s.SasaranDef
    data: s.CapaianIkk
    nomor: int
    """Position within its sasaran (1-based), as the report numbers IKK."""
    target: Nilai | None
    sumber_target: str
    """``PK`` (the Perjanjian Kinerja), ``Renstra`` (fallback: PK target missing) or ``-``."""
    realisasi: HasilRealisasi | None
    capaian: Nilai | None
    status: str
    galat: str | None = None
    realisasi_lalu: Nilai | None = None
    target_lalu: Nilai | None = None
    sumber_target_lalu: str | None = None
    capaian_lalu: Nilai | None = None
    perubahan: Decimal | None = None
    label_perubahan: str = "Tidak dapat dibandingkan"
    target_renstra: dict[int, Nilai] = field(default_factory=dict)
    keterangan_target: str | None = None
    """Said where the target appears when it is a fallback: "target PK 2023 tidak diisi;
    dipakai target Renstra 2023"."""
    keterangan_target_lalu: str | None = None
    """The same for the previous year's target."""
    galat_lalu: str | None = None
    """Why the previous year's capaian could not be computed (if it could not)."""
    cacat: tuple[CacatData, ...] = ()
    """Validity failures of the data (answered or not); see :func:`uji_validitas`."""
    status_hitung: str | None = None
    """The status the capaian alone gives (``Tercapai`` …), before the validity tests."""
    alasan_verifikasi: str | None = None
    """Why the status is ``Perlu verifikasi``, as the checks state it (review memo); None
    otherwise."""
    uraian_verifikasi: str | None = None
    """The same in the satker's own voice (the LKjIP's footnotes and Saran); None otherwise."""
    penjelasan_verifikasi: str | None = None
    """The satker's explanation (``tanggapan.yaml``, ``dijelaskan``) that lifted a validity
    failure, so the report can footnote it; None when nothing was explained."""

    @property
    def kode(self) -> str:
        return self.defn.kode

    @property
    def nilai_realisasi(self) -> Nilai | None:
        return self.realisasi.nilai if self.realisasi else None

    @property
    def tabel_periode(self) -> TabelPeriode | None:
        """The period table (monthly/quarterly rows, Jumlah / Rata-rata rows), if any."""
        return self.realisasi.tabel if self.realisasi else None

    @property
    def aturan_penyebut_nol(self) -> str | None:
        """The 0/0 rule applied to this IKK's realisasi (``seratus``, ``nol``,
        ``tidak_berlaku``) or ``None``."""
        return self.realisasi.aturan_penyebut_nol if self.realisasi else None

    @property
    def tidak_berlaku(self) -> bool:
        return self.status == TIDAK_BERLAKU


def _target_tahun(
    data: s.CapaianIkk | None, defn: s.IndikatorDef, tahun: int
) -> tuple[Nilai | None, str]:
    if data is not None and data.target is not None:
        return data.target, "PK"
    if tahun in defn.target_renstra:
        return defn.target_renstra[tahun], "Renstra"
    return None, "-"


def _keterangan_target(sumber: str, tahun: int, target: Nilai | None, satuan: str) -> str | None:
    if sumber == "Renstra":
        return (
            f"target PK {tahun} tidak diisi; dipakai target Renstra {tahun} "
            f"({f.nilai_satuan(target, satuan)})"
        )
    if sumber == "-":
        return f"target PK {tahun} tidak diisi dan katalog tidak punya target Renstra {tahun}"
    return None


def hitung_ikk(
    defn: s.IndikatorDef,
    sasaran: s.SasaranDef,
    data: s.CapaianIkk,
    nomor: int,
    tahun: int,
    lalu: s.CapaianIkk | None = None,
    batas: Decimal | None = None,
    dijelaskan: Mapping[str, str] | None = None,
    *,
    periode: Periode | None = None,
    sumber_aturan: str | None = None,
) -> HasilIkk:
    """Compute realisasi, capaian, status and the comparison with the previous year.

    ``dijelaskan`` maps finding ids the satker explained (``tanggapan.yaml``, status
    ``dijelaskan``) to the explanation; a validity failure with such an id does not make the
    IKK "Perlu verifikasi". ``periode`` is the report period (for period data);
    ``sumber_aturan`` names where the 0/0 rule is defined (for messages). The previous year is
    always its annual data.
    """
    target, sumber = _target_tahun(data, defn, tahun)
    galat: str | None = None
    real: HasilRealisasi | None = None
    cap: Nilai | None = None
    cacat: list[CacatData] = []
    aturan_sumber = "kinerja.yaml (IKK ini)" if data.penyebut_nol else sumber_aturan
    try:
        if data.realisasi is not None:
            real = hitung_realisasi(
                defn,
                data.realisasi,
                penyebut_nol=data.penyebut_nol,
                periode=periode,
                sumber_aturan=aturan_sumber,
            )
            cap = hitung_capaian(
                real.nilai, target, defn.polaritas, target_maks=data.target_maks, batas=batas
            )
    except PenyebutNolTanpaAturan as err:
        galat = str(err)
        uraian = (
            f"jumlah {_kecil(defn.penyebut or 'penyebut')} bernilai nol, sedangkan cara "
            "menghitung indikator ini untuk keadaan tersebut belum ditetapkan"
        )
        cacat.append(CacatData("HITUNG_GAGAL", f"{defn.kode}|penyebut_nol", str(err), uraian))
    except GalatHitung as err:
        galat = str(err)
    cacat.extend(uji_validitas(defn, real))
    st = status(cap, tidak_berlaku=bool(real and real.tidak_berlaku))
    st_hitung = st
    dijelaskan = dijelaskan or {}
    terbuka = [c for c in cacat if c.id not in dijelaskan]
    alasan = uraian = None
    if terbuka:
        st = PERLU_VERIFIKASI
        alasan = "; ".join(dict.fromkeys(c.alasan for c in terbuka))
        uraian = "; ".join(dict.fromkeys(c.uraian or c.alasan for c in terbuka))
    penjelasan = "; ".join(dijelaskan[c.id] for c in cacat if c.id in dijelaskan) or None
    hasil = HasilIkk(
        defn=defn,
        sasaran=sasaran,
        data=data,
        nomor=nomor,
        target=target,
        sumber_target=sumber,
        realisasi=real,
        capaian=cap,
        status=st,
        galat=galat,
        target_renstra=dict(sorted(defn.target_renstra.items())),
        keterangan_target=_keterangan_target(sumber, tahun, target, defn.satuan),
        cacat=tuple(cacat),
        status_hitung=st_hitung,
        alasan_verifikasi=alasan,
        uraian_verifikasi=uraian,
        penjelasan_verifikasi=penjelasan,
    )
    if lalu is not None and lalu.realisasi is not None:
        try:
            rl = hitung_realisasi(
                defn, lalu.realisasi, penyebut_nol=lalu.penyebut_nol, sumber_aturan=sumber_aturan
            )
            tl, sl = _target_tahun(lalu, defn, tahun - 1)
            hasil.realisasi_lalu = rl.nilai
            hasil.target_lalu, hasil.sumber_target_lalu = tl, sl
            hasil.keterangan_target_lalu = _keterangan_target(sl, tahun - 1, tl, defn.satuan)
            hasil.capaian_lalu = hitung_capaian(
                rl.nilai, tl, defn.polaritas, target_maks=lalu.target_maks, batas=batas
            )
        except GalatHitung as err:
            hasil.capaian_lalu = None
            hasil.galat_lalu = str(err)
    hasil.perubahan, hasil.label_perubahan = perubahan(cap, hasil.capaian_lalu)
    return hasil
