"""Narrative placeholders filled in with computed figures (``{{ ikk.SK1.1.capaian }}``).

A figure is written exactly as the report's tables write it (its unit, ``%``, ``Rp``,
``poin``), so prose and tables cannot disagree. Syntax: :mod:`lkjip_helpers.muat.sisipan`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .. import format_id as f
from ..errors import LkjipError, maksudnya
from ..hitung import HasilLaporan
from ..hitung.besaran import Besaran
from ..muat.sisipan import POLA, cari_sisipan
from ..tidak_diketahui import TidakDiketahui

if TYPE_CHECKING:
    from .model import Dokumen

Pengisi = Callable[[str, str], str]
"""(figure name, bentuk) → text."""

TIDAK_TERSEDIA = "data tidak tersedia"


class SisipanError(LkjipError):
    """A placeholder that cannot be filled in (unknown figure or table key)."""


def tulis_besaran(b: Besaran, bentuk: str = "") -> str:
    """The text of figure ``b`` as the report prints it (or in ``bentuk``)."""
    nilai = b.nilai
    if nilai is None or isinstance(nilai, TidakDiketahui):
        return TIDAK_TERSEDIA
    bentuk = bentuk or b.bentuk
    if bentuk == "bobot":
        return f.persen(nilai, 1, ringkas=True)
    if bentuk == "satuan":
        return f.nilai_satuan(nilai, b.satuan) if b.satuan else f.angka(nilai, ringkas=True)
    if bentuk == "persen":
        return f.persen(nilai)
    if bentuk == "rupiah":
        return f.rupiah(nilai)
    if bentuk == "poin":
        return f.poin(nilai)
    if bentuk == "bulat":
        return f.bulat(nilai)
    if bentuk == "kata":
        bulat = f.bulatkan(nilai, 2)
        if bulat == 0:
            return "tetap"
        return ("naik " if bulat > 0 else "turun ") + f.poin(abs(bulat)).removeprefix("+")
    if bentuk == "terbilang":
        return f.terbilang(nilai)
    return f.angka(nilai)


def pengisi(hasil: HasilLaporan) -> Pengisi:
    """Resolver of figure placeholders for the report of ``hasil``: the name finds the figure's
    record (:class:`~lkjip_helpers.hitung.besaran.Besaran`), which says how it is printed."""
    besaran = hasil.daftar_besaran()

    def isi(nama: str, bentuk: str) -> str:
        if nama not in besaran:
            raise SisipanError(
                f"isian {{{{ {nama} }}}} tidak dikenal: bukan nama angka yang dihitung"
                + maksudnya(nama, besaran)
                + "; lihat daftar besaran di data/README.md"
            )
        return tulis_besaran(besaran[nama], bentuk)

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
