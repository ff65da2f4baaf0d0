"""Roll-up (rekap) figures across satkers, and each satker's row of ``rekap.csv``.

Every figure comes from the engine (:mod:`lkjip_helpers.hitung`) and the checks
(:mod:`lkjip_helpers.periksa`) applied to each satker's data — the same numbers its own report
prints. The sections of the roll-up notebook are in :mod:`.rekap_bagian`; the document is
rendered by :mod:`.rekap_dokumen`.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import format_id as f
from ..errors import ParameterError
from ..hitung import HasilLaporan, hasil_untuk
from ..hitung.capaian import PERLU_VERIFIKASI, TERCAPAI, TIDAK_TERCAPAI
from ..muat import DataLaporan, muat
from ..muat.parameter import validasi_periode
from ..periksa import Temuan, periksa_data

if TYPE_CHECKING:
    import pandas as pd

MAKS_IKK_SERING = 10
PERLU_TANGGAPAN = ("error", "peringatan")
"""Levels a satker is expected to answer in tanggapan.yaml (info needs no answer)."""


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
    from ..laporan import kunci_rujukan

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
    nilai = [x.capaian for x in h.ikk if x.capaian is not None and x.status != PERLU_VERIFIKASI]
    return sum(nilai, Decimal(0)) / len(nilai) if nilai else None


def ringkasan(a: AnggotaRekap) -> dict[str, str]:
    """The figures of one satker's row in ``rekap.csv`` (numbers with a decimal point)."""
    h = a.hasil
    ang = h.anggaran.total if h.anggaran else None
    profil = h.data.ini.profil
    n = hitung_temuan(a.temuan, a.tanggapan, a.induk)
    return {
        "nama": a.nama,
        "jumlah_ikk": str(len(h.ikk)),
        "ikk_tercapai": str(len(h.tercapai)),
        "ikk_tidak_tercapai": str(len(h.tidak_tercapai)),
        "ikk_perlu_verifikasi": str(sum(x.status == PERLU_VERIFIKASI for x in h.ikk)),
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
        "temuan_dijawab": str(n["dijawab"]),
        "temuan_terbuka": str(n["terbuka"]),
    }


def ringkasan_satker(satker: str, tahun: int, periode: str, data_dir: str | Path) -> dict[str, str]:
    """:func:`ringkasan` straight from the data folder (used by the batch per report)."""
    return ringkasan(muat_anggota(satker, tahun, periode, data_dir))


def matriks_capaian(anggota: Sequence[AnggotaRekap]) -> pd.DataFrame:
    """Capaian (Decimal, or None when not computable / not in that satker's PK) per IKK (rows:
    kode, in order of first appearance) and satker (columns: satker id)."""
    import pandas as pd

    kode: dict[str, str] = {}
    nilai: dict[str, dict[str, Decimal | None]] = {}
    for a in anggota:
        kolom: dict[str, Decimal | None] = {}
        for x in a.hasil.ikk:
            kode.setdefault(x.kode, x.defn.nama)
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
    anggota: Sequence[AnggotaRekap], maks: int = MAKS_IKK_SERING
) -> list[IkkSering]:
    """The IKK most often not met, most misses first (ties: catalog order); at most ``maks``."""
    hasil: dict[str, IkkSering] = {}
    for a in anggota:
        for x in a.hasil.ikk:
            b = hasil.setdefault(x.kode, IkkSering(x.kode, x.defn.nama))
            if x.capaian is not None:
                b.dinilai += 1
                b.terendah = x.capaian if b.terendah is None else min(b.terendah, x.capaian)
            if x.status == TIDAK_TERCAPAI:
                b.tidak_tercapai.append(a.nama)
    urut = sorted(
        (b for b in hasil.values() if b.tidak_tercapai),
        key=lambda b: -len(b.tidak_tercapai),
    )
    return urut[:maks]


__all__ = [
    "PERLU_VERIFIKASI",
    "TERCAPAI",
    "AnggotaRekap",
    "IkkSering",
    "hitung_temuan",
    "ikk_sering_tidak_tercapai",
    "matriks_capaian",
    "muat_anggota",
    "rata_capaian",
    "ringkasan",
    "ringkasan_satker",
]
