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
from dataclasses import dataclass, field
from decimal import Decimal

from .. import format_id as f
from ..muat import skema as s
from ..muat.kunci import id_temuan
from ..muat.periode import Periode
from ..tidak_diketahui import TIDAK_DIKETAHUI, TidakDiketahui, diketahui
from .realisasi import (
    NOL,
    SERATUS,
    TEKS_PENYEBUT_NOL,
    GalatHitung,
    HasilRealisasi,
    Nilai,
    PenyebutNolTanpaAturan,
    hitung_rasio,
)
from .tabel_periode import (
    LABEL_AGREGASI,
    BarisPeriode,
    BarisRingkasan,
    TabelPeriode,
    realisasi_periode,
)

__all__ = [
    "DATA_TIDAK_TERSEDIA",
    "LABEL_AGREGASI",
    "NOL",
    "PERLU_VERIFIKASI",
    "SERATUS",
    "TEKS_PENYEBUT_NOL",
    "TERCAPAI",
    "TIDAK_BERLAKU",
    "TIDAK_DAPAT_DIHITUNG",
    "TIDAK_TERCAPAI",
    "BarisPeriode",
    "BarisRingkasan",
    "CacatData",
    "GalatHitung",
    "HasilIkk",
    "HasilRealisasi",
    "Nilai",
    "PenyebutNolTanpaAturan",
    "TabelPeriode",
    "hitung_capaian",
    "hitung_ikk",
    "hitung_realisasi",
    "perubahan",
    "status",
    "teks_kunci",
    "uji_validitas",
]

TERCAPAI = "Tercapai"


TIDAK_TERCAPAI = "Tidak tercapai"


TIDAK_DAPAT_DIHITUNG = "Tidak dapat dihitung"


TIDAK_BERLAKU = "Tidak berlaku"


DATA_TIDAK_TERSEDIA = "Data tidak tersedia"


PERLU_VERIFIKASI = "Perlu verifikasi"
"""Status of an IKK whose data fail a validity test (see :func:`uji_validitas`)."""


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
        return realisasi_periode(defn, r.periode, aturan, periode, sumber_aturan)
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
    nilai, ket, tb, dipakai = hitung_rasio(r.pembilang, r.penyebut, aturan, sumber_aturan)
    return HasilRealisasi(
        nilai=nilai,
        pembilang=r.pembilang,
        penyebut=r.penyebut,
        keterangan=ket,
        tidak_berlaku=tb,
        aturan_penyebut_nol=dipakai,
    )


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
