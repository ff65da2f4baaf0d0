"""Which conclusions a problem's stated figures change: an IKK's status, a count, the IKPA
predicate, a headline score, a total."""

from __future__ import annotations

from decimal import Decimal

from ... import format_id as f
from ...hitung import HasilLaporan
from ...hitung.aturan import predikat
from ...hitung.besaran import Besaran
from ...hitung.capaian import (
    TERCAPAI,
    TIDAK_TERCAPAI,
    GalatHitung,
    hitung_capaian,
    status,
)
from .. import besaran as bs
from ..kode import KODE
from ..temuan import Temuan
from .kata import bagian_narasi, tempat_klaim


def kesimpulan_berubah(anggota: list[Temuan], hasil: HasilLaporan) -> list[str]:
    """Which conclusions the stated figures of a problem change (:mod:`lkjip_helpers.periksa.masalah`).

    An IKK's status is judged per place that states it: a stated capaian is the draft's
    conclusion there; otherwise the stated realisasi and target of that place (the computed
    ones where the place states only one) give the capaian the draft implies.
    """
    hasil_k: list[str] = []
    per_tempat: dict[tuple[str, int, str], dict[str, Decimal]] = {}
    nama_tempat: dict[str, str] = {}
    for t in anggota:
        if KODE[t.kode].grup != "klaim" or not t.besaran:
            continue
        if t.tahun is None or t.dinyatakan is None or t.dihitung is None:
            continue
        b = bs.dari_temuan(hasil, t)
        if b is None:
            continue
        if b.ikk and b.ukuran in _UKURAN_STATUS:
            kunci = (b.ikk, b.tahun, tempat_klaim(t))
            per_tempat.setdefault(kunci, {})[b.ukuran] = Decimal(t.dinyatakan)
            nama_tempat[tempat_klaim(t)] = (
                f"draf ({t.sumber})" if t.sumber else f"narasi {bagian_narasi(t)}"
            )
            continue
        k = _kesimpulan_angka(t, b)
        if k:
            hasil_k.append(k)
    dinyatakan = _capaian_dinyatakan(hasil) if per_tempat else {}
    for (kode, th, tempat), nyata in per_tempat.items():
        k = _status_tempat(
            hasil, kode, th, nyata, dinyatakan.get((kode, th, tempat)), nama_tempat[tempat]
        )
        if k is not None:
            hasil_k.append(k)
    return list(dict.fromkeys(hasil_k))


_UKURAN_STATUS = ("capaian", "realisasi", "target")
"""The figures of an IKK that decide its status."""


def _status_tempat(
    hasil: HasilLaporan,
    kode: str,
    th: int,
    nyata: dict[str, Decimal],
    capaian_draf: Decimal | None,
    tempat: str,
) -> str | None:
    """The IKK status one place implies (its stated capaian, else the capaian of its stated
    realisasi and target), when it differs from the computed one; ``tempat`` names the place."""
    try:
        h = hasil.ikk_kode(kode)
    except KeyError:
        return None
    ini = th == hasil.tahun
    target = nyata.get("target", h.target if ini else h.target_lalu)
    real = nyata.get("realisasi", h.nilai_realisasi if ini else h.realisasi_lalu)
    maks = h.data.target_maks if ini else None
    try:
        cap = (
            nyata.get("capaian")
            or capaian_draf
            or hitung_capaian(real, target, h.defn.polaritas, target_maks=maks)
        )
    except GalatHitung:
        return None
    draf = status(cap)
    kini = h.status if ini else status(h.capaian_lalu)
    if draf in (TERCAPAI, TIDAK_TERCAPAI) and draf != kini:
        return (
            f"status {kode} {th}: {draf.lower()} menurut {tempat}, "
            f"{kini.lower()} menurut hasil hitung"
        )
    return None


def _capaian_dinyatakan(hasil: HasilLaporan) -> dict[tuple[str, int, str], Decimal]:
    """Every capaian a draft states, by (IKK, year, place), also those equal to the computed
    one (no finding): the draft's own conclusion at a place that also states a realisasi."""
    out: dict[tuple[str, int, str], Decimal] = {}
    for dt in (hasil.data.ini, hasil.data.lalu):
        if dt is None or dt.klaim is None:
            continue
        for kl in dt.klaim.klaim:
            if kl.nilai is None:
                continue
            b = bs.cari(hasil, kl.besaran, dt.tahun)
            if b is not None and b.ikk and b.ukuran == "capaian":
                out.setdefault((b.ikk, b.tahun, kl.lokasi), kl.nilai)
    return out


def _kesimpulan_angka(t: Temuan, b: Besaran) -> str | None:
    """A count, a predicate, a headline score or a total that a stated figure changes."""
    assert t.dinyatakan is not None and t.dihitung is not None
    nyata, hitung_ = Decimal(t.dinyatakan), Decimal(t.dihitung)
    label = b.label
    tulis = bs.tulis
    if b.ukuran.startswith("jumlah"):  # IKK and sasaran counts
        return f"{label}: draf {tulis(nyata, b)}, hasil hitung {tulis(hitung_, b)}"
    if b.ukuran == "nilai" and b.subjek == ("ikpa",):
        p1, p2 = predikat(nyata), predikat(hitung_)
        return f"predikat IKPA: draf {p1}, hasil hitung {p2}" if p1 != p2 else None
    if b.ukuran == "nilai" and b.subjek in (("smart",), ("nka",)):
        return (
            f"{label}: draf {f.angka(nyata, bs.desimal_tertulis(nyata))}, hasil {f.angka(hitung_)}"
        )
    if b.subjek[0] == "anggaran" and (b.subjek[2] == "total" or b.butir == "jumlah"):
        return f"{label}: draf {tulis(nyata, b, desimal=bs.desimal_tertulis(nyata))}, hasil hitung {tulis(hitung_, b)}"
    return None
