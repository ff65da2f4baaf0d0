"""Roll-up (rekap) figures across satkers, and each satker's row of ``rekap.csv``.

Every figure comes from the engine (:mod:`lkjip_helpers.hitung`) and the checks
(:mod:`lkjip_helpers.periksa`) applied to each satker's data — the same numbers its own report
prints. The sections of the roll-up notebook are in :mod:`.bagian`; the document is
rendered by :mod:`lkjip_helpers.bangun.rekap`.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ... import format_id as f
from ...errors import ParameterError
from ...hitung import HasilLaporan, hasil_untuk
from ...hitung.capaian import PERLU_VERIFIKASI, TERCAPAI, TIDAK_BERLAKU, TIDAK_TERCAPAI
from ...muat import DataLaporan, muat
from ...muat.parameter import validasi_periode
from ...periksa import Temuan, periksa_data

if TYPE_CHECKING:
    import pandas as pd

MAKS_IKK_SERING = 10
PERLU_TANGGAPAN = ("error", "peringatan")
"""Levels a satker is expected to answer in tanggapan.yaml (info needs no answer)."""

TIDAK_DAPAT_DINILAI = "Tidak dapat dinilai"
"""Roll-up class of an IKK without a capaian (not computable, or data not available)."""
KELAS_STATUS = (TERCAPAI, TIDAK_TERCAPAI, PERLU_VERIFIKASI, TIDAK_DAPAT_DINILAI, TIDAK_BERLAKU)
"""The five classes an IKK of the roll-up falls in; their counts add up to the IKK count."""
KOLOM_STATUS = {
    TERCAPAI: "ikk_tercapai",
    TIDAK_TERCAPAI: "ikk_tidak_tercapai",
    PERLU_VERIFIKASI: "ikk_perlu_verifikasi",
    TIDAK_DAPAT_DINILAI: "ikk_tidak_dapat_dinilai",
    TIDAK_BERLAKU: "ikk_tidak_berlaku",
}
"""``rekap.csv`` column of each class."""


def kelas_status(status: str) -> str:
    """The roll-up class of an IKK status (``Tidak dapat dihitung`` and ``Data tidak
    tersedia`` are both "tidak dapat dinilai")."""
    return status if status in KELAS_STATUS else TIDAK_DAPAT_DINILAI


# --------------------------------------------------------------------------- loading


def muat_periode(satker: str, tahun: int, periode: str, data_dir: str | Path) -> DataLaporan:
    """Load one satker's data for a report period (cached loader).

    Until the loader knows periods, only ``tahunan`` can be loaded; another period is a
    ParameterError rather than the annual figures under a semester's name.
    """
    periode = validasi_periode(periode)
    if "periode" in inspect.signature(muat).parameters:
        return muat(satker, tahun, data_dir, periode=periode)  # type: ignore[call-arg]
    if periode != "tahunan":
        raise ParameterError(
            f"rekap periode {periode!r} belum dapat dihitung: pemuat data baru mendukung "
            "laporan tahunan"
        )
    return muat(satker, tahun, data_dir)


@dataclass
class AnggotaRekap:
    """One satker in the roll-up: its computed figures and its findings."""

    satker: str
    hasil: HasilLaporan
    temuan: list[Temuan]

    @property
    def nama(self) -> str:
        """Short name (``Lapas Banyuasin``)."""
        return self.hasil.data.satker.nama_singkat

    @property
    def tanggapan(self) -> set[str]:
        """Ids answered in ``tanggapan.yaml`` (a finding's id or a grouped problem's id)."""
        t = self.hasil.data.ini.tanggapan
        return {x.id for x in t.tanggapan} if t else set()

    @property
    def induk(self) -> dict[str, str]:
        """Finding id → id of the review memo's problem (``Masalah``) that groups it."""
        from ..periksa import susun_masalah

        return {t.id: m.id for m in susun_masalah(self.temuan, self.hasil) for t in m.temuan}


def muat_anggota(satker: str, tahun: int, periode: str, data_dir: str | Path) -> AnggotaRekap:
    """Compute one satker's figures and findings for the roll-up."""
    data = muat_periode(satker, tahun, periode, data_dir)
    from .. import kunci_rujukan

    return AnggotaRekap(satker, hasil_untuk(data), periksa_data(data, kunci_rujukan))


# --------------------------------------------------------------------------- figures


def hitung_temuan(
    temuan: Sequence[Any], dijawab: set[str], induk: dict[str, str] | None = None
) -> dict[str, int]:
    """Findings per level, and of those needing an answer (error, peringatan) how many have
    one in ``tanggapan.yaml`` (``dijawab``: the finding's own id is answered, or the id of
    the problem ``induk`` groups it under) and how many are ``terbuka``."""
    induk = induk or {}
    n = {"error": 0, "peringatan": 0, "info": 0, "dijawab": 0, "terbuka": 0}
    for t in temuan:
        n[str(t.tingkat)] = n.get(str(t.tingkat), 0) + 1
        if t.tingkat in PERLU_TANGGAPAN:
            tid = getattr(t, "id", None)
            if tid in dijawab or induk.get(str(tid)) in dijawab:
                n["dijawab"] += 1
            else:
                n["terbuka"] += 1
    return n


def _desimal(x: Decimal | None, desimal: int = 2) -> str:
    """Machine form for CSV: half-up rounded, decimal point, empty when unknown."""
    return "" if x is None else str(f.bulatkan(x, desimal))


def rata_capaian(h: HasilLaporan) -> Decimal | None:
    """Mean capaian of the IKK whose capaian could be computed and whose data passed the
    validity checks ("Perlu verifikasi" ones are left out); None when there is none."""
    nilai = [
        x.capaian for x in h.ikk if isinstance(x.capaian, Decimal) and x.status != PERLU_VERIFIKASI
    ]
    return sum(nilai, Decimal(0)) / len(nilai) if nilai else None


def hitung_masalah(a: AnggotaRekap) -> dict[str, int]:
    """Problems (the review memo's unit: one entry per distinct problem) per level, and of the
    errors and warnings how many the satker answered (``ditanggapi``) and how many it has not
    (``belum_ditanggapi``, the memo's "Belum ditanggapi")."""
    from ...periksa import tinjauan_dari

    tj = tinjauan_dari(a.temuan, a.hasil)
    n = dict(tj.jumlah)
    n["belum_ditanggapi"] = len(tj.belum_dijawab)
    n["ditanggapi"] = n["error"] + n["peringatan"] - n["belum_ditanggapi"]
    return n


def ringkasan(a: AnggotaRekap) -> dict[str, str]:
    """The figures of one satker's row in ``rekap.csv`` (numbers with a decimal point)."""
    h = a.hasil
    ang = h.anggaran.total if h.anggaran else None
    profil = h.data.ini.profil
    n = hitung_temuan(a.temuan, set())  # per level (answers: counted per problem below)
    m = hitung_masalah(a)
    kelas = {k: 0 for k in KELAS_STATUS}
    for x in h.ikk:
        kelas[kelas_status(x.status)] += 1
    return {
        "nama": a.nama,
        "kanwil": a.hasil.data.satker.kanwil or "",
        "jumlah_ikk": str(len(h.ikk)),
        **{KOLOM_STATUS[k]: str(v) for k, v in kelas.items()},
        "rata_capaian_persen": _desimal(rata_capaian(h)),
        "pagu": _desimal(ang.pagu, 0) if ang else "",
        "realisasi": _desimal(ang.realisasi, 0) if ang else "",
        "penyerapan_persen": _desimal(ang.penyerapan) if ang else "",
        "nilai_smart": _desimal(h.smart.nilai) if h.smart else "",
        "nilai_ikpa": _desimal(h.ikpa.nilai) if h.ikpa else "",
        "nilai_kinerja_anggaran": _desimal(h.nka.nilai) if h.nka else "",
        "kapasitas": _desimal(profil.kapasitas, 0) if profil else "",
        "penghuni": _desimal(profil.penghuni, 0) if profil else "",
        "okupansi_persen": _desimal(h.okupansi) if profil else "",
        "temuan_error": str(n["error"]),
        "temuan_peringatan": str(n["peringatan"]),
        "temuan_info": str(n["info"]),
        "masalah_error": str(m["error"]),
        "masalah_peringatan": str(m["peringatan"]),
        "masalah_info": str(m["info"]),
        "masalah_ditanggapi": str(m["ditanggapi"]),
        "masalah_belum_ditanggapi": str(m["belum_ditanggapi"]),
    }


def ringkasan_satker(satker: str, tahun: int, periode: str, data_dir: str | Path) -> dict[str, str]:
    """:func:`ringkasan` straight from the data folder."""
    return ringkasan(muat_anggota(satker, tahun, periode, data_dir))


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class IkkRekam:
    """One IKK of a satker as the roll-up shows it."""

    kode: str
    indikator: str
    capaian: Decimal | None
    """Full precision; None when there is none (not computable, not available, not
    applicable)."""
    kelas: str
    """One of :data:`KELAS_STATUS`."""


@dataclass
class RekamSatker:
    """What the roll-up reads of one satker's report: its ``rekap.csv`` figures
    (:func:`ringkasan`) and, per IKK, capaian and class. JSON-able, so the batch hands the
    roll-up the records it already computed instead of the roll-up loading every satker's data
    again (what makes a national roll-up of hundreds of satkers fast)."""

    satker: str
    ringkas: dict[str, str]
    ikk: list[IkkRekam]

    @property
    def nama(self) -> str:
        return self.ringkas.get("nama") or self.satker

    @property
    def kanwil(self) -> str:
        return self.ringkas.get("kanwil") or ""

    def angka(self, kolom: str) -> Decimal | None:
        """The figure of a ``rekap.csv`` column as a Decimal (None when empty)."""
        teks = (self.ringkas.get(kolom) or "").strip()
        try:
            return Decimal(teks) if teks else None
        except ArithmeticError:
            return None

    def jumlah(self, kelas: str) -> int:
        """How many IKK fall in ``kelas``."""
        return sum(x.kelas == kelas for x in self.ikk)

    def ke_json(self) -> dict[str, Any]:
        return {
            "satker": self.satker,
            "ringkas": dict(self.ringkas),
            "ikk": [
                [x.kode, x.indikator, None if x.capaian is None else str(x.capaian), x.kelas]
                for x in self.ikk
            ],
        }

    @classmethod
    def dari_json(cls, d: dict[str, Any]) -> RekamSatker:
        return cls(
            satker=str(d["satker"]),
            ringkas={str(k): str(v) for k, v in dict(d.get("ringkas") or {}).items()},
            ikk=[
                IkkRekam(str(k), str(n), None if c is None else Decimal(str(c)), str(st))
                for k, n, c, st in d.get("ikk") or []
            ],
        )


def rekam_anggota(a: AnggotaRekap) -> RekamSatker:
    """The roll-up record of a computed satker."""
    return RekamSatker(
        satker=a.satker,
        ringkas=ringkasan(a),
        ikk=[
            IkkRekam(
                x.kode,
                x.defn.nama,
                x.capaian if isinstance(x.capaian, Decimal) else None,
                kelas_status(x.status),
            )
            for x in a.hasil.ikk
        ],
    )


def rekam_satker(satker: str, tahun: int, periode: str, data_dir: str | Path) -> RekamSatker:
    """:func:`rekam_anggota` straight from the data folder (used by the batch per report)."""
    return rekam_anggota(muat_anggota(satker, tahun, periode, data_dir))


def matriks_capaian(anggota: Sequence[RekamSatker]) -> pd.DataFrame:
    """Capaian (Decimal, or None when not computable / not in that satker's PK) per IKK (rows:
    kode, in order of first appearance) and satker (columns: satker id)."""
    import pandas as pd

    kode: dict[str, str] = {}
    nilai: dict[str, dict[str, Decimal | None]] = {}
    for a in anggota:
        kolom: dict[str, Decimal | None] = {}
        for x in a.ikk:
            kode.setdefault(x.kode, x.indikator)
            kolom[x.kode] = x.capaian
        nilai[a.satker] = kolom
    df = pd.DataFrame(
        {s: [kolom.get(k) for k in kode] for s, kolom in nilai.items()},
        index=pd.Index(list(kode), name="kode"),
        dtype=object,
    )
    df.attrs["indikator"] = kode
    return df


@dataclass
class IkkSering:
    """An IKK missed by one or more satkers."""

    kode: str
    indikator: str
    tidak_tercapai: list[str] = field(default_factory=list)
    """Short names of the satkers that missed it."""
    dinilai: int = 0
    """Satkers whose capaian for it could be computed."""
    terendah: Decimal | None = None


def ikk_sering_tidak_tercapai(
    anggota: Sequence[RekamSatker], maks: int = MAKS_IKK_SERING
) -> list[IkkSering]:
    """The IKK most often not met, most misses first (ties: catalog order); at most ``maks``."""
    hasil: dict[str, IkkSering] = {}
    for a in anggota:
        for x in a.ikk:
            b = hasil.setdefault(x.kode, IkkSering(x.kode, x.indikator))
            if x.capaian is not None:
                b.dinilai += 1
                b.terendah = x.capaian if b.terendah is None else min(b.terendah, x.capaian)
            if x.kelas == TIDAK_TERCAPAI:
                b.tidak_tercapai.append(a.nama)
    urut = sorted(
        (b for b in hasil.values() if b.tidak_tercapai),
        key=lambda b: -len(b.tidak_tercapai),
    )
    return urut[:maks]


__all__ = [
    "KELAS_STATUS",
    "PERLU_VERIFIKASI",
    "TERCAPAI",
    "TIDAK_DAPAT_DINILAI",
    "AnggotaRekap",
    "IkkRekam",
    "IkkSering",
    "RekamSatker",
    "hitung_masalah",
    "hitung_temuan",
    "ikk_sering_tidak_tercapai",
    "matriks_capaian",
    "muat_anggota",
    "rata_capaian",
    "rekam_anggota",
    "rekam_satker",
    "ringkasan",
    "ringkasan_satker",
]
