"""Which findings form one problem of the review memo (the group key) and the problem's
stable id."""

from __future__ import annotations

from ...hitung import HasilLaporan
from ...muat.kunci import id_temuan
from .. import besaran as bs
from ..kode import KODE
from ..temuan import Temuan

_UKURAN_CACAT = ("realisasi", "capaian", "pembilang", "penyebut", "perubahan_capaian")


def adalah_cacat(t: Temuan) -> bool:
    """A validity failure of an IKK's data (group ``cacat``): a ratio above 100 %, or a failed
    computation when it is a zero penyebut (the key hitung's ``CacatData`` gives it)."""
    return KODE[t.kode].grup == "cacat" and (
        t.kode == "RASIO_DI_ATAS_100" or t.kunci.endswith("|penyebut_nol")
    )


def _bobot(t: Temuan, hasil: HasilLaporan) -> bool:
    """A component weight stated in a narrative or a draft (one problem per score)."""
    if t.kode == "NARASI_ANGKA_BEDA" and "|bobot " in t.kunci:
        return True
    b = bs.dari_temuan(hasil, t)
    return b is not None and b.ukuran == "bobot"


def _kunci_grup(
    t: Temuan, hasil: HasilLaporan, cacat_ikk: dict[str, str], diag: set[tuple[int, str]]
) -> tuple[object, ...]:
    """The group key of a finding, by its code's group (:data:`..kode.Grup`)."""
    if t.tingkat == "info":
        return ("info", t.kode)
    if adalah_cacat(t):
        return ("cacat", t.id)
    grup = KODE[t.kode].grup
    if grup == "anggaran" and t.subjek:
        s = t.subjek[0]
        return ("anggaran", s[1], s[2])
    if _bobot(t, hasil):
        return ("bobot", t.subjek[-1] if t.subjek else ("narasi",))
    if grup == "klaim" and (kunci := _kunci_klaim(t, hasil, cacat_ikk, diag)) is not None:
        return kunci
    if grup == "status" and t.subjek:
        return ("status", str(t.subjek[0][1]))
    return ("temuan", t.id)


def _kunci_klaim(
    t: Temuan, hasil: HasilLaporan, cacat_ikk: dict[str, str], diag: set[tuple[int, str]]
) -> tuple[object, ...] | None:
    """A stated figure: with the flawed IKK or the unbalanced budget table it is a symptom
    of, else per subject and year; None when it names no figure and no IKK."""
    b = bs.dari_temuan(hasil, t)
    if b is not None:
        th, s, ukuran = b.tahun, b.subjek, b.ukuran
        if (
            s[0] == "ikk"
            and len(s) == 2
            and th == hasil.tahun
            and s[1] in cacat_ikk
            and ukuran in _UKURAN_CACAT
        ):
            return ("cacat", cacat_ikk[str(s[1])])
        if (
            s[0] == "anggaran"
            and (th, s[2]) in diag
            and ukuran in ("pagu", "realisasi", "sisa", "penyerapan")
        ):
            return ("anggaran", th, s[2])
        return ("klaim", th, s)
    if t.kode == "NARASI_ANGKA_BEDA":
        ikk = [s for s in t.subjek if s[0] == "ikk" and len(s) > 1]
        if ikk:  # e.g. a Renstra target of another year, typed in the IKK's narrative
            return ("klaim", hasil.tahun, ikk[0])
    return None


def id_grup(kunci: tuple[object, ...], anggota: list[Temuan]) -> str:
    """The stable id of a problem (see :mod:`lkjip_helpers.periksa.masalah`)."""
    jenis = kunci[0]
    if jenis == "info":
        return id_temuan(anggota[0].kode, "masalah|ringkasan")
    if jenis == "cacat":
        return str(kunci[1])
    if jenis == "anggaran":
        return id_temuan("ANGGARAN_TIDAK_MENJUMLAH", f"masalah|anggaran|{kunci[1]}|{kunci[2]}")
    if jenis == "klaim":
        subj = "|".join(str(x) for x in kunci[2])  # type: ignore[attr-defined]
        return id_temuan("KLAIM_BEDA", f"masalah|klaim|{kunci[1]}|{subj}")
    if jenis == "bobot":
        subj = "|".join(str(x) for x in kunci[1])  # type: ignore[attr-defined]
        return id_temuan("NARASI_ANGKA_BEDA", f"masalah|bobot|{subj}")
    if jenis == "status":
        return id_temuan("NARASI_STATUS_BEDA", f"masalah|status|{kunci[1]}")
    return anggota[0].id


def kelompokkan(
    temuan: list[Temuan], hasil: HasilLaporan
) -> dict[tuple[object, ...], list[Temuan]]:
    cacat_ikk: dict[str, str] = {}
    for t in temuan:
        if adalah_cacat(t):
            for s in t.subjek:
                if s[0] == "ikk" and len(s) > 1:
                    cacat_ikk.setdefault(str(s[1]), t.id)
    diag = {
        (int(t.subjek[0][1]), str(t.subjek[0][2]))
        for t in temuan
        if t.kode == "ANGGARAN_SEL_TIDAK_COCOK" and t.subjek
    }
    grup: dict[tuple[object, ...], list[Temuan]] = {}
    for t in temuan:
        grup.setdefault(_kunci_grup(t, hasil, cacat_ikk, diag), []).append(t)
    return grup
