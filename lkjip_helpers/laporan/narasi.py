"""Narrative placeholders filled in with computed figures (``{{ ikk.SK1.1.capaian }}``).

A figure is written exactly as the report's tables write it (its unit, ``%``, ``Rp``,
``poin``), so prose and tables cannot disagree. Syntax: :mod:`lkjip_helpers.muat.sisipan`.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from .. import format_id as f
from ..errors import LkjipError, maksudnya
from ..hitung import HasilLaporan
from ..muat.sisipan import POLA, cari_sisipan
from ..tidak_diketahui import TidakDiketahui

if TYPE_CHECKING:
    from .model import Dokumen

Pengisi = Callable[[str, str], str]
"""(figure name, bentuk) → text."""

TIDAK_TERSEDIA = "data tidak tersedia"

_PERSEN = ("capaian", "capaian_tahun_lalu", "rata_capaian", "penyerapan", "okupansi")
_RUPIAH = ("pagu", "sisa")
_BULAT = ("pembilang", "penyebut", "penghuni", "kapasitas", "pegawai_jumlah")


class SisipanError(LkjipError):
    """A placeholder that cannot be filled in (unknown figure or table key)."""


def _bentuk_bawaan(nama: str) -> str:
    """How a figure is written by default, from its name."""
    bagian = nama.split(".")
    akhir = bagian[-1]
    if "bobot" in bagian:
        return "bobot"
    if (
        bagian[0] == "ikk"
        and len(bagian) >= 3
        and (
            akhir in ("target", "realisasi", "realisasi_tahun_lalu", "target_tahun_lalu")
            or "target_renstra" in bagian
        )
    ):
        return "satuan"
    if akhir in _PERSEN or akhir == "konversi_bobot":
        return "persen"
    if akhir == "perubahan_capaian":
        return "poin"
    if bagian[0].startswith("anggaran") and akhir in ("pagu", "realisasi", "sisa"):
        return "rupiah"
    if akhir in _RUPIAH:
        return "rupiah"
    if akhir in _BULAT or akhir.startswith("jumlah"):
        return "bulat"
    return "angka"


def _kode_ikk(nama: str) -> str:
    """``ikk.SK1.1.target_renstra.2024`` → ``SK1.1``."""
    bagian = nama.split(".")
    ujung = bagian.index("target_renstra") if "target_renstra" in bagian else len(bagian) - 1
    return ".".join(bagian[1:ujung])


def tulis_besaran(hasil: HasilLaporan, nama: str, nilai: Decimal | None, bentuk: str = "") -> str:
    """The text of figure ``nama`` as the report prints it (or in ``bentuk``)."""
    if nilai is None or isinstance(nilai, TidakDiketahui):
        return TIDAK_TERSEDIA
    bentuk = bentuk or _bentuk_bawaan(nama)
    if bentuk == "bobot":
        return f.persen(nilai, 1, ringkas=True)
    if bentuk == "satuan":
        try:
            satuan = hasil.ikk_kode(_kode_ikk(nama)).defn.satuan
        except KeyError:
            satuan = ""
        return f.nilai_satuan(nilai, satuan) if satuan else f.angka(nilai, ringkas=True)
    if bentuk == "persen":
        return f.persen(nilai)
    if bentuk == "rupiah":
        return f.rupiah(nilai)
    if bentuk == "poin":
        return f.poin(nilai)
    if bentuk == "bulat":
        return f.bulat(nilai)
    if bentuk == "kata":
        b = f.bulatkan(nilai, 2)
        if b == 0:
            return "tetap"
        return ("naik " if b > 0 else "turun ") + f.poin(abs(b)).removeprefix("+")
    if bentuk == "terbilang":
        return f.terbilang(nilai)
    return f.angka(nilai)


def pengisi(hasil: HasilLaporan) -> Pengisi:
    """Resolver of figure placeholders for the report of ``hasil``."""
    besaran = hasil.besaran()

    def isi(nama: str, bentuk: str) -> str:
        if nama not in besaran:
            raise SisipanError(
                f"isian {{{{ {nama} }}}} tidak dikenal: bukan nama angka yang dihitung"
                + maksudnya(nama, besaran)
                + "; lihat daftar besaran di data/README.md"
            )
        return tulis_besaran(hasil, nama, besaran[nama], bentuk)

    return isi


def isi_sisipan(teks: str, isi: Pengisi | None, dok: Dokumen | None) -> str:
    """Replace every placeholder of Markdown ``teks``: figures by ``isi``, cross-references by
    a link to the table/figure of ``dok`` (``[Tabel 3.1](#tabel-capaian-ikk)``)."""
    if "{{" not in teks:
        return teks
    keluar, pos = [], 0
    for s in cari_sisipan(teks):
        keluar.append(teks[pos : s.awal])
        pos = s.akhir
        if not s.sah:
            raise SisipanError(
                f"isian {s.teks} tidak sah: tulis {{{{ nama }}}} atau {{{{ nama | bentuk }}}}"
            )
        if s.rujukan is not None:
            jenis, kunci = s.rujukan
            x = dok.cari(jenis, kunci) if dok is not None else None
            if x is None:
                ada = dok.kunci_rujukan() if dok is not None else set()
                raise SisipanError(
                    f"rujukan {s.teks}: {jenis} dengan kunci {kunci!r} tidak ada"
                    + maksudnya(kunci, [x for j, x in ada if j == jenis], 0.6)
                )
            keluar.append(f"[{x.label}](#{x.id})")
        else:
            if isi is None:
                raise SisipanError(f"isian {s.teks} tidak dapat diisi di sini")
            keluar.append(isi(s.besaran or "", s.bentuk))
    keluar.append(teks[pos:])
    return "".join(keluar)


def ada_sisipan(teks: str | None) -> bool:
    """Whether ``teks`` contains a placeholder."""
    return bool(teks and POLA.search(teks))
