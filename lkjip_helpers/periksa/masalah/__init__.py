"""Findings grouped into distinct problems (:class:`Masalah`) for the review memo.

``lkjip check`` lists findings one by one; a reviewer needs one entry per distinct problem:
1435 > 1177 is *one* problem though it shows in SK1.1, SK1.2 and two dozen figures the draft
states. :func:`susun_masalah` groups and orders them:

1. **error** — a figure cannot be computed or would be wrong;
2. **kesimpulan** — warnings that change a conclusion: an IKK's status (tercapai ↔ tidak
   tercapai, or "Perlu verifikasi"), a count of IKK, the IKPA predicate, a headline score
   (SMART-DJA, NKA) or a total (DIPA, the sum of a breakdown);
3. **peringatan** — the other warnings;
4. **info** — collapsed into one entry per kind ("42 angka draf dipotong, bukan dibulatkan").

Grouping rules:

- a validity failure of an IKK's data (``RASIO_DI_ATAS_100``, a zero penyebut) takes in every
  stated-vs-computed difference of that IKK's realisasi, capaian, pembilang, penyebut and change
  in the report year (they are symptoms of the same numbers);
- a budget table whose parts do not add up is one problem (pagu and realisasi rows); when one
  cell would reconcile it (:mod:`..rekonsiliasi`), the draft figures of that table join it;
- other stated-vs-computed differences (``klaim.yaml``) and stale narrative numbers group per
  figure's subject and year (IKK SK3.3 in 2023; sasaran SK4's budget row in 2023; the NKA);
- wrong component weights typed in a narrative form one problem per score;
- narrative sentences calling an IKK reached while its table does not
  (``NARASI_STATUS_BEDA``) form one problem per IKK, a conclusion the narrative changes;
- everything else is one problem per finding (findings are already one per fact).

Where each part lives: :mod:`.model` (the records), :mod:`.grup` (which findings form one
problem, and its id), :mod:`.uraian` (a problem's title, explanation and computations, per
group), :mod:`.kesimpulan` (which conclusions it changes), :mod:`.kata` (plain-Indonesian
words and each finding's line). A code's level, title and group are declared in
:mod:`..kode`.

A problem's :attr:`Masalah.id` is its only finding's id when it has one anchor finding (so an
answer to the finding answers the problem), else a stable id of the group key. Titles and
explanations are plain Indonesian without codes or file paths; those stay in
:attr:`Rincian.lokasi_data` for the tim penyusun.
"""

from __future__ import annotations

from ...hitung import HasilLaporan, hasil_untuk
from ...muat import DataLaporan
from ..tanggapan import peta_tanggapan
from ..temuan import Temuan
from .grup import id_grup, kelompokkan
from .kata import urut_subjek
from .model import (
    LABEL_KELOMPOK,
    URUTAN_KELOMPOK,
    IkkVerifikasi,
    Kelompok,
    Masalah,
    Rincian,
    Tinjauan,
)
from .uraian import buat_masalah

__all__ = [
    "LABEL_KELOMPOK",
    "URUTAN_KELOMPOK",
    "IkkVerifikasi",
    "Kelompok",
    "Masalah",
    "Rincian",
    "Tinjauan",
    "id_masalah",
    "susun_masalah",
    "tinjauan",
    "tinjauan_dari",
]


def id_masalah(temuan: list[Temuan], hasil: HasilLaporan) -> set[str]:
    """Ids of the problems the findings form (cheap: no texts are built)."""
    return {id_grup(k, a) for k, a in kelompokkan(temuan, hasil).items()}


def susun_masalah(temuan: list[Temuan], hasil: HasilLaporan) -> list[Masalah]:
    """One :class:`Masalah` per distinct problem, ordered by what it changes (module doc)."""
    grup = kelompokkan(temuan, hasil)
    jawab = peta_tanggapan(hasil.data.ini)
    masalah = [buat_masalah(kunci, anggota, hasil, jawab) for kunci, anggota in grup.items()]
    return sorted(
        masalah,
        key=lambda m: (
            URUTAN_KELOMPOK[m.kelompok],
            urut_subjek(m.subjek[0] if m.subjek else None, hasil),
            m.judul,
        ),
    )


def tinjauan_dari(temuan: list[Temuan], hasil: HasilLaporan) -> Tinjauan:
    """The review memo's data from findings already computed (e.g. ``Laporan.temuan()``)."""
    masalah = susun_masalah(temuan, hasil)
    per_id = {m.id: m for m in masalah}
    verif = []
    for h in hasil.perlu_verifikasi:
        mid = next((c.id for c in h.cacat if c.id in per_id), None)
        verif.append(
            IkkVerifikasi(
                kode=h.kode,
                nama=h.defn.nama,
                sasaran=h.sasaran.kode,
                alasan=h.alasan_verifikasi or "",
                status_hitung=h.status_hitung,
                masalah_id=mid,
            )
        )
    return Tinjauan(masalah=masalah, temuan=temuan, perlu_verifikasi=verif)


def tinjauan(data: DataLaporan) -> Tinjauan:
    """Run every check on ``data`` and group the findings for the review memo."""
    from ..pemeriksaan import periksa_data

    return tinjauan_dari(periksa_data(data), hasil_untuk(data))
