"""Checks of the narratives: empty ones, numbers that contradict the figures, placeholders,
typed literals and statuses a sentence states."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from difflib import get_close_matches

from ... import format_id as f
from ...errors import maksudnya
from ...hitung import HasilLaporan
from ...hitung.besaran import Besaran
from ...muat.sisipan import BENTUK, cari_sisipan
from ...muat.skema import Narasi, NarasiIkk
from .. import besaran as bs
from ..literal import STATUS_TEMUAN, literal_narasi, status_narasi
from ..narasi import AngkaNarasi, periksa_narasi_bab, periksa_narasi_ikk
from ..temuan import Subjek
from .kumpulan import Kumpulan, subjek_berkas, subjek_ikk


def cek_narasi(k: Kumpulan) -> None:
    n = k.data.ini.narasi
    for nama, label in (
        ("kata_pengantar", "kata pengantar"),
        ("kesimpulan", "kesimpulan"),
        ("saran", "saran"),
    ):
        if n is None or not (getattr(n, nama) or "").strip():
            k.tambah(
                "NARASI_DIRANCANG",
                f"{k.data.ini.kunci}/narasi.yaml, {nama}",
                f"{label} tidak diisi; laporan memakai teks yang dirancang dari angka",
                kunci=nama,
                subjek=(("narasi", nama),),
            )


def _tambah_angka_narasi(
    k: Kumpulan, x: AngkaNarasi, lokasi: str, sumber: str, subjek: tuple[Subjek, ...]
) -> None:
    """A stale number of a narrative (``sumber`` names the narrative field)."""
    dihitung = f.angka(x.dihitung, 2, ringkas=True) if x.dihitung is not None else f.KOSONG
    if x.teks.endswith("%") and x.dihitung is not None:
        dihitung += "%"
    b = _besaran_narasi(k, x)
    if x.besaran:
        dihitung = bs.tulis(x.dihitung, b)
    klaim: dict[str, object] = {}
    if x.besaran and x.tahun is not None:
        klaim = {
            "besaran": x.besaran,
            "tahun": b.tahun if b is not None else x.tahun,
            "dinyatakan": str(x.nilai),
            "dihitung": str(x.dihitung),
        }
    if x.jenis == "bobot" and x.dihitung is not None:
        pesan = (
            f"{x.label} tertulis {x.teks}, menurut aturan "
            f"{f.angka(x.dihitung, bs.desimal_tertulis(x.dihitung))}%"
        )
    else:
        pesan = f"narasi menyebut {x.teks} untuk {x.label}; hasil hitung {dihitung}"
    k.tambah(
        "NARASI_ANGKA_BEDA",
        lokasi,
        pesan,
        kunci=f"{sumber}|{x.besaran or x.label}|{x.teks}",
        subjek=subjek,
        catatan=x.kalimat,
        **klaim,
    )


def _besaran_narasi(k: Kumpulan, x: AngkaNarasi) -> Besaran | None:
    """The figure a narrative number is compared with: named in the vocabulary of the year the
    sentence speaks of, or (a Renstra target of another year) of the report year."""
    if not x.besaran:
        return None
    th = k.data.tahun
    return bs.cari(k.hasil, x.besaran, x.tahun or th) or bs.cari(k.hasil, x.besaran, th)


def cek_angka_narasi(k: Kumpulan, h: HasilLaporan) -> None:
    ini = k.data.ini
    if ini.kinerja is not None:
        idx = {x.kode: i for i, x in enumerate(ini.kinerja.indikator)}
        for r in h.ikk:
            i = idx[r.kode]
            for nama in NarasiIkk.model_fields:
                teks = getattr(r.data.narasi, nama)
                if not teks:
                    continue
                lok = k.lokasi(ini, "kinerja", "indikator", i, "narasi", nama, label=r.kode)
                for x in periksa_narasi_ikk(h, r.kode, teks):
                    _tambah_angka_narasi(k, x, lok, f"kinerja.{r.kode}.{nama}", subjek_ikk(r.kode))
    n = ini.narasi
    if n is None:
        return
    for nama in Narasi.model_fields:
        teks = getattr(n, nama)
        if not isinstance(teks, str) or not teks:
            continue
        lok = k.lokasi(ini, "narasi", nama)
        for x in periksa_narasi_bab(h, nama, teks):
            subjek: tuple[Subjek, ...] = (("narasi", nama),)
            if x.besaran:
                subjek += (bs.subjek(_besaran_narasi(k, x), x.besaran),)
            elif x.jenis == "bobot":
                subjek += ((("smart",) if nama == "smart_dja" else ("ikpa",)),)
            _tambah_angka_narasi(k, x, lok, f"narasi.{nama}", subjek)


_BERKAS_NARASI = ("profil", "kinerja", "anggaran", "evaluasi", "narasi", "lampiran")
"""Files whose text the report prints (klaim and tanggapan go to the review memo only)."""


KunciRujukan = Callable[[HasilLaporan], "set[tuple[str, str]]"]
"""(computed report) → every (``tabel``/``gambar``, key) a cross-reference may name."""


def _teks_pohon(node: object, jalur: tuple[int | str, ...] = ()) -> Iterator[tuple[tuple, str]]:
    """Every string of a parsed YAML tree with its path."""
    if isinstance(node, str):
        yield jalur, node
    elif isinstance(node, dict):
        for kunci, isi in node.items():
            yield from _teks_pohon(isi, (*jalur, str(kunci)))
    elif isinstance(node, list):
        for i, isi in enumerate(node):
            yield from _teks_pohon(isi, (*jalur, i))


def cek_literal(k: Kumpulan, h: HasilLaporan, rujukan: set[tuple[str, str]] | None) -> None:
    """Numbers typed in narratives outside placeholders that contradict the data
    (:mod:`..literal`); NARASI_ANGKA_BEDA ones are reported by :func:`cek_angka_narasi`."""
    nomor = getattr(rujukan, "nomor", None)
    for x, jalur in literal_narasi(h, nomor):
        if x.status != STATUS_TEMUAN or x.kode in (None, "NARASI_ANGKA_BEDA"):
            continue
        lok = k.lokasi(k.data.ini, jalur[0], *jalur[1:])
        if x.isian:
            lok += f" (tulis {x.isian})"
        k.tambah(
            x.kode,
            lok,
            f"{x.keterangan}: “{x.kalimat}”",
            kunci=f"{x.sumber}|{x.teks}|{x.kalimat}",
            subjek=x.subjek or _subjek_literal(x.sumber),
            catatan=x.kalimat,
        )


def cek_status_narasi(k: Kumpulan, h: HasilLaporan) -> None:
    """A narrative sentence calling an IKK reached while its status is not Tercapai
    (:func:`..literal.status_narasi`): the analyst's claim, quoted, never rewritten."""
    for x in status_narasi(h):
        k.tambah(
            "NARASI_STATUS_BEDA",
            k.lokasi(k.data.ini, x.jalur[0], *x.jalur[1:]),
            f"kalimat menyatakan {x.kode} “{x.kata}”, padahal statusnya di tabel capaian "
            f"“{x.status}”: “{x.kalimat}”",
            kunci=f"{x.sumber}|{x.kode}|{x.kalimat}",
            subjek=(("ikk", x.kode),),
            catatan=x.kalimat,
        )


def _subjek_literal(sumber: str) -> tuple[Subjek, ...]:
    """``narasi.latar_belakang`` → ``(("narasi", "latar_belakang"),)``; a lampiran text →
    ``(("lampiran",),)``."""
    berkas, _, nama = sumber.partition(".")
    if berkas == "narasi":
        return (("narasi", nama),)
    if berkas == "kinerja":
        return (("ikk", nama.rsplit(".", 1)[0]),)
    return ((berkas,),)


def cek_sisipan(
    k: Kumpulan, h: HasilLaporan, kunci_rujukan: KunciRujukan | None
) -> set[tuple[str, str]] | None:
    """Every ``{{ … }}`` the report would fill in must be understood: the build stops on
    the same placeholders (so a clean check means the narratives will render). Returns the
    report's cross-reference keys when they were needed and known."""
    dt = k.data.ini
    dikenal = h.besaran()
    rujukan: set[tuple[str, str]] | None = None
    if kunci_rujukan is not None:
        rujukan = kunci_rujukan(h)
    for nama in _BERKAS_NARASI:
        for jalur, teks in _teks_pohon(dt.mentah.get(nama)):
            if "{{" not in teks:
                continue
            for s in cari_sisipan(teks):
                lok = k.lokasi(dt, nama, *jalur)
                kunci = f"{nama}|{'.'.join(map(str, jalur))}|{s.teks}"
                subjek = (subjek_berkas(f"{dt.kunci}/{nama}.yaml", jalur, k),)
                if not s.sah:
                    k.tambah(
                        "NARASI_ISIAN_TIDAK_SAH",
                        lok,
                        f"isian {s.teks} tidak dapat dibaca: tulis {{{{ nama }}}} atau "
                        f"{{{{ nama | bentuk }}}} dengan bentuk salah satu dari "
                        + ", ".join(b for b in BENTUK if b),
                        kunci=kunci,
                        subjek=subjek,
                    )
                elif s.besaran is not None and s.besaran not in dikenal:
                    k.tambah(
                        "NARASI_ISIAN_TIDAK_DIKENAL",
                        lok,
                        f"isian {s.teks} tidak dikenal: bukan nama angka yang dihitung"
                        + maksudnya(s.besaran, dikenal)
                        + "; lihat daftar besaran di data/README.md",
                        kunci=kunci,
                        subjek=subjek,
                    )
                elif s.rujukan is not None and rujukan is not None and s.rujukan not in rujukan:
                    jenis, kunci_tabel = s.rujukan
                    mirip = get_close_matches(
                        kunci_tabel, [x for j, x in rujukan if j == jenis], n=3, cutoff=0.6
                    )
                    k.tambah(
                        "NARASI_RUJUKAN_TIDAK_DIKENAL",
                        lok,
                        f"rujukan {s.teks}: laporan tidak memuat {jenis} dengan kunci "
                        f"{kunci_tabel!r}" + (f" (maksudnya {', '.join(mirip)}?)" if mirip else ""),
                        kunci=kunci,
                        subjek=subjek,
                    )
    return rujukan
