"""Realisasi and capaian of performance indicators (IKK).

Rules (DESIGN.md, PermenPANRB 53/2014 and 6/2022):

- realisasi of a ratio indicator = pembilang / penyebut × 100; a value indicator takes the value;
- capaian, higher is better: R / T × 100; lower is better: (2 − R / T) × 100 floored at 0;
  a range target clamps to the nearer bound (inside the range: 100);
- no cap unless :attr:`~lkjip_helpers.schema.Pengaturan.batas_capaian` is set;
- year-on-year change is a difference in percentage points;
- an IKK whose data fail a validity test (:func:`uji_validitas`: a share of a population above
  100 %, a zero penyebut without a rule) is "Perlu verifikasi", not "Tercapai", unless the
  satker's ``tanggapan.yaml`` explains that finding (status ``dijelaskan``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .. import format_id as f
from ..muat import skema as s
from ..muat.kunci import id_temuan

SERATUS = Decimal(100)
NOL = Decimal(0)

TERCAPAI = "Tercapai"
TIDAK_TERCAPAI = "Tidak tercapai"
TIDAK_DAPAT_DIHITUNG = "Tidak dapat dihitung"
TIDAK_BERLAKU = "Tidak berlaku"
PERLU_VERIFIKASI = "Perlu verifikasi"
"""Status of an IKK whose data fail a validity test (see :func:`uji_validitas`)."""


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
    """Plain-Indonesian reason, fit for a footnote of the report."""

    @property
    def id(self) -> str:
        return id_temuan(self.kode, self.kunci)


def teks_kunci(x: Decimal) -> str:
    """A number as written in a finding key: ``1435``, ``121.5`` (no exponent, no trailing 0)."""
    t = format(x.normalize(), "f")
    return t if "." not in t else t.rstrip("0").rstrip(".")


def uji_validitas(defn: s.IndikatorDef, real: HasilRealisasi | None) -> tuple[CacatData, ...]:
    """Validity tests of an IKK's realisasi (a zero penyebut is found by :func:`hitung_ikk`).

    A ratio whose pembilang is part of its penyebut (``bagian_dari_penyebut``) cannot exceed
    100 %: 1435 meals served to 1177 inmates is a data anomaly, whatever the capaian. The key
    names the fact (population and both numbers), so two IKK dividing the same 1435 by the
    same 1177 WBP share one finding.
    """
    if real is None or defn.jenis != "rasio" or not defn.bagian_dari_penyebut:
        return ()
    pb, pn = real.pembilang, real.penyebut
    if pb is not None and pn is not None:
        if pb <= pn:
            return ()
        alasan = (
            f"{f.bulat(pb)} ({_kecil(defn.pembilang or 'pembilang')}) melebihi {f.bulat(pn)} "
            f"({_kecil(defn.penyebut or 'penyebut')}): bagian tidak mungkin lebih besar dari "
            "keseluruhannya"
        )
        kunci = f"{defn.populasi or defn.kode}|{teks_kunci(pb)}|{teks_kunci(pn)}"
        return (CacatData("RASIO_DI_ATAS_100", kunci, alasan),)
    if real.nilai is not None and real.nilai > SERATUS:
        alasan = (
            f"realisasi {f.persen(real.nilai)} di atas 100%, padahal "
            f"{_kecil(defn.pembilang or 'pembilang')} adalah bagian dari "
            f"{_kecil(defn.penyebut or 'penyebut')}"
        )
        return (CacatData("RASIO_DI_ATAS_100", f"{defn.kode}|{teks_kunci(real.nilai)}", alasan),)
    return ()


def _kecil(teks: str) -> str:
    """Lower-case a capitalised first word inside a sentence (``Tahanan, …`` → ``tahanan, …``)."""
    return teks[:1].lower() + teks[1:] if teks[1:2].islower() else teks


@dataclass(frozen=True)
class HasilRealisasi:
    """Realisasi of one indicator for the year."""

    nilai: Decimal | None
    pembilang: Decimal | None = None
    penyebut: Decimal | None = None
    keterangan: str | None = None
    tidak_berlaku: bool = False
    per_periode: tuple[tuple[int, Decimal | None], ...] = ()
    jenis_periode: str | None = None


def _rasio(
    pembilang: Decimal, penyebut: Decimal, aturan_nol: str
) -> tuple[Decimal | None, str | None, bool]:
    if penyebut == 0:
        if aturan_nol == "seratus":
            return SERATUS, "penyebut nol; sesuai definisi indikator dihitung 100%", False
        if aturan_nol == "tidak_berlaku":
            return None, "penyebut nol; sesuai definisi indikator tidak berlaku", True
        raise PenyebutNolTanpaAturan(
            "penyebut bernilai nol dan indikator tidak menetapkan aturan penyebut nol"
        )
    return pembilang / penyebut * SERATUS, None, False


def hitung_realisasi(defn: s.IndikatorDef, r: s.Realisasi) -> HasilRealisasi:
    """Realisasi from pembilang/penyebut, a value, or periods aggregated per the definition."""
    if r.periode is not None:
        return _realisasi_periode(defn, r.periode)
    if r.nilai is not None:
        return HasilRealisasi(nilai=r.nilai)
    assert r.pembilang is not None and r.penyebut is not None
    if defn.jenis != "rasio":
        raise GalatHitung("indikator jenis 'nilai' diisi pembilang/penyebut; isi 'nilai'")
    nilai, ket, tb = _rasio(r.pembilang, r.penyebut, defn.penyebut_nol)
    return HasilRealisasi(
        nilai=nilai, pembilang=r.pembilang, penyebut=r.penyebut, keterangan=ket, tidak_berlaku=tb
    )


def _realisasi_periode(defn: s.IndikatorDef, p: s.Periode) -> HasilRealisasi:
    if not p.data:
        raise GalatHitung("data periode kosong")
    urut = sorted(p.data, key=lambda x: x.ke)
    batas = s.JUMLAH_PERIODE[p.jenis]
    for x in urut:
        if x.ke > batas:
            raise GalatHitung(f"{p.jenis} ke-{x.ke} di luar 1–{batas}")
    kes = [x.ke for x in urut]
    if len(set(kes)) != len(kes):
        raise GalatHitung(f"{p.jenis} yang sama diisi lebih dari sekali")
    rasio = defn.jenis == "rasio"
    for x in urut:
        punya_rasio = x.pembilang is not None and x.penyebut is not None
        if rasio and not punya_rasio and x.nilai is None:
            raise GalatHitung(f"{p.jenis} ke-{x.ke}: isi pembilang dan penyebut")
        if not rasio and x.nilai is None:
            raise GalatHitung(f"{p.jenis} ke-{x.ke}: isi nilai")
    agg = defn.agregasi
    per: list[tuple[int, Decimal | None]] = []
    for x in urut:
        if rasio and x.pembilang is not None and x.penyebut is not None:
            try:
                v, _, _ = _rasio(x.pembilang, x.penyebut, defn.penyebut_nol)
            except GalatHitung:
                # A period without cases (0/0) only matters when the year needs its ratio:
                # the average, or the last period; a sum uses the year's totals.
                if agg == "rata_rata" or (agg == "terakhir" and x is urut[-1]):
                    raise
                v = None
        else:
            v = x.nilai
        per.append((x.ke, v))
    if rasio and all(x.pembilang is not None and x.penyebut is not None for x in urut):
        if agg == "jumlah":
            pb = sum((x.pembilang for x in urut), NOL)  # type: ignore[misc]
            pn = sum((x.penyebut for x in urut), NOL)  # type: ignore[misc]
            nilai, ket, tb = _rasio(pb, pn, defn.penyebut_nol)
            return HasilRealisasi(nilai, pb, pn, ket, tb, tuple(per), p.jenis)
        if agg == "terakhir":
            x = urut[-1]
            nilai, ket, tb = _rasio(x.pembilang, x.penyebut, defn.penyebut_nol)  # type: ignore[arg-type]
            return HasilRealisasi(nilai, x.pembilang, x.penyebut, ket, tb, tuple(per), p.jenis)
    nilai_ada = [v for _, v in per if v is not None]
    if not nilai_ada:
        return HasilRealisasi(
            None,
            keterangan="semua periode tidak berlaku",
            tidak_berlaku=True,
            per_periode=tuple(per),
            jenis_periode=p.jenis,
        )
    if agg == "jumlah":
        if rasio:
            raise GalatHitung("agregasi 'jumlah' untuk rasio memerlukan pembilang dan penyebut")
        nilai = sum(nilai_ada, NOL)
    elif agg == "rata_rata":
        nilai = sum(nilai_ada, NOL) / Decimal(len(nilai_ada))
    else:
        nilai = nilai_ada[-1]
    return HasilRealisasi(nilai, per_periode=tuple(per), jenis_periode=p.jenis)


def hitung_capaian(
    realisasi: Decimal | None,
    target: Decimal | None,
    polaritas: s.Polaritas = "naik",
    *,
    target_maks: Decimal | None = None,
    batas: Decimal | None = None,
) -> Decimal | None:
    """Capaian (percent) of realisasi against target; ``None`` when it cannot be computed."""
    if realisasi is None or target is None:
        return None
    if polaritas == "rentang":
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


def status(capaian: Decimal | None, tidak_berlaku: bool = False) -> str:
    """``Tercapai`` at 100 % or more, else ``Tidak tercapai``."""
    if tidak_berlaku:
        return TIDAK_BERLAKU
    if capaian is None:
        return TIDAK_DAPAT_DIHITUNG
    return TERCAPAI if capaian >= SERATUS else TIDAK_TERCAPAI


def perubahan(ini: Decimal | None, lalu: Decimal | None) -> tuple[Decimal | None, str]:
    """Change in percentage points and its label (Meningkat / Turun / Tetap)."""
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
    """All computed figures of one IKK in the report year."""

    defn: s.IndikatorDef
    sasaran: s.SasaranDef
    data: s.CapaianIkk
    nomor: int
    """Position within its sasaran (1-based), as the report numbers IKK."""
    target: Decimal | None
    sumber_target: str
    realisasi: HasilRealisasi | None
    capaian: Decimal | None
    status: str
    galat: str | None = None
    realisasi_lalu: Decimal | None = None
    target_lalu: Decimal | None = None
    sumber_target_lalu: str | None = None
    capaian_lalu: Decimal | None = None
    perubahan: Decimal | None = None
    label_perubahan: str = "Tidak dapat dibandingkan"
    target_renstra: dict[int, Decimal] = field(default_factory=dict)
    cacat: tuple[CacatData, ...] = ()
    """Validity failures of the data (answered or not); see :func:`uji_validitas`."""
    status_hitung: str | None = None
    """The status the capaian alone gives (``Tercapai`` …), before the validity tests."""
    alasan_verifikasi: str | None = None
    """Why the status is ``Perlu verifikasi`` (footnote text); None otherwise."""
    penjelasan_verifikasi: str | None = None
    """The satker's explanation (``tanggapan.yaml``, ``dijelaskan``) that lifted a validity
    failure, so the report can footnote it; None when nothing was explained."""

    @property
    def kode(self) -> str:
        return self.defn.kode

    @property
    def nilai_realisasi(self) -> Decimal | None:
        return self.realisasi.nilai if self.realisasi else None


def _target_tahun(
    data: s.CapaianIkk | None, defn: s.IndikatorDef, tahun: int
) -> tuple[Decimal | None, str]:
    if data is not None and data.target is not None:
        return data.target, "PK"
    if tahun in defn.target_renstra:
        return defn.target_renstra[tahun], "Renstra"
    return None, "-"


def hitung_ikk(
    defn: s.IndikatorDef,
    sasaran: s.SasaranDef,
    data: s.CapaianIkk,
    nomor: int,
    tahun: int,
    lalu: s.CapaianIkk | None = None,
    batas: Decimal | None = None,
    dijelaskan: Mapping[str, str] | None = None,
) -> HasilIkk:
    """Compute realisasi, capaian, status and the comparison with the previous year.

    ``dijelaskan`` maps finding ids the satker explained (``tanggapan.yaml``, status
    ``dijelaskan``) to the explanation; a validity failure with such an id does not make the
    IKK "Perlu verifikasi".
    """
    target, sumber = _target_tahun(data, defn, tahun)
    galat: str | None = None
    real: HasilRealisasi | None = None
    cap: Decimal | None = None
    cacat: list[CacatData] = []
    try:
        if data.realisasi is not None:
            real = hitung_realisasi(defn, data.realisasi)
            cap = hitung_capaian(
                real.nilai, target, defn.polaritas, target_maks=data.target_maks, batas=batas
            )
    except PenyebutNolTanpaAturan as err:
        galat = str(err)
        cacat.append(CacatData("HITUNG_GAGAL", f"{defn.kode}|penyebut_nol", str(err)))
    except GalatHitung as err:
        galat = str(err)
    cacat.extend(uji_validitas(defn, real))
    st = status(cap, tidak_berlaku=bool(real and real.tidak_berlaku))
    st_hitung = st
    dijelaskan = dijelaskan or {}
    terbuka = [c for c in cacat if c.id not in dijelaskan]
    alasan = None
    if terbuka:
        st = PERLU_VERIFIKASI
        alasan = "; ".join(dict.fromkeys(c.alasan for c in terbuka))
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
        cacat=tuple(cacat),
        status_hitung=st_hitung,
        alasan_verifikasi=alasan,
        penjelasan_verifikasi=penjelasan,
    )
    if lalu is not None and lalu.realisasi is not None:
        try:
            rl = hitung_realisasi(defn, lalu.realisasi)
            tl, sl = _target_tahun(lalu, defn, tahun - 1)
            hasil.realisasi_lalu = rl.nilai
            hasil.target_lalu, hasil.sumber_target_lalu = tl, sl
            hasil.capaian_lalu = hitung_capaian(
                rl.nilai, tl, defn.polaritas, target_maks=lalu.target_maks, batas=batas
            )
        except GalatHitung:
            hasil.capaian_lalu = None
    hasil.perubahan, hasil.label_perubahan = perubahan(cap, hasil.capaian_lalu)
    return hasil
