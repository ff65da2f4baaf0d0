"""The period table of an indicator (months, triwulan, semesters): its rows, its summary rows
(jumlah, rata-rata, akhir periode) and the realisasi read from the one the indicator's
``agregasi`` names (:func:`realisasi_periode`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ..muat import skema as s
from ..muat.periode import Periode, label_periode
from ..tidak_diketahui import TIDAK_DIKETAHUI, TidakDiketahui, diketahui
from .realisasi import (
    NOL,
    SERATUS,
    TEKS_PENYEBUT_NOL,
    GalatHitung,
    HasilRealisasi,
    Nilai,
    galat_tanpa_aturan,
    hitung_rasio,
)

LABEL_AGREGASI: dict[str, str] = {
    "jumlah": "jumlah seluruh periode",
    "terakhir": "nilai periode terakhir (posisi akhir periode)",
    "rata_rata": "rata-rata nilai per periode",
    "rata_rata_pembilang_penyebut": "rata-rata pembilang dibagi rata-rata penyebut",
}
"""How the report names each aggregation."""


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
            v, _, _tb, dipakai = hitung_rasio(x.pembilang, x.penyebut, aturan, sumber)
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
        nilai, _, tb, dipakai = hitung_rasio(pb, pn, aturan, sumber)
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
        if rp is None or rq is None:
            raise GalatHitung(
                "agregasi 'rata_rata_pembilang_penyebut' memerlukan pembilang dan penyebut pada "
                "setiap periode"
            )
        nilai, _, tb, dipakai = hitung_rasio(rp, rq, aturan, sumber)
        return _Ringkas(
            BarisRingkasan("Rata-rata", rp, rq, nilai, len(pakai), lewat, catatan), dipakai, tb
        )
    return _ringkas_rata_nilai(
        pakai, agg, aturan, sumber, BarisRingkasan("Rata-rata", rp, rq, None, 0, lewat, catatan)
    )


def _ringkas_rata_nilai(
    pakai: list[BarisPeriode], agg: str, aturan: str, sumber: str | None, baris: BarisRingkasan
) -> _Ringkas:
    """The mean of the periods' values (``baris`` holds the mean pembilang and penyebut, and
    gets the mean and the number of periods averaged)."""
    tanpa_aturan = [b for b in pakai if b.keadaan == "penyebut_nol" and b.nilai is None]
    if tanpa_aturan and agg == "rata_rata":
        raise galat_tanpa_aturan(sumber)
    nilai_ada = [b.nilai for b in pakai if b.nilai is not None]
    nol_nol = [b for b in pakai if b.keadaan in ("penyebut_nol", "tidak_berlaku")]
    dipakai = aturan if nol_nol and aturan != "galat" else None
    rata = _rata(nilai_ada)  # type: ignore[arg-type]
    return _Ringkas(
        replace(baris, nilai=rata, jumlah_periode=len(nilai_ada)), dipakai, rata is None
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
        raise galat_tanpa_aturan(sumber)
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


def realisasi_periode(
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
