"""Data checks: every figure recomputed, every inconsistency listed for the reviewer.

Levels:

- ``error``: a figure of the report cannot be computed or would be wrong; the build stops.
- ``peringatan``: an anomaly a reviewer must see and the analyst may justify.
- ``info``: worth knowing (rounding differences, defaults used).

The checks themselves live in :mod:`.cek` (one module per subject: the PK and its IKK, the
budget, the scores, the narratives, a draft's stated figures, completeness) and
:mod:`.periode`; every code they report, with its level and memo title, is declared in
:mod:`.kode`.

:func:`periksa` returns the findings; it raises :class:`~lkjip_helpers.errors.DataError` or
:class:`~lkjip_helpers.errors.ParameterError` only when the input cannot be read at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomik import tulis_teks_atomik
from ..hitung import hasil_untuk
from ..muat import DataLaporan, muat
from .cek.anggaran import cek_anggaran, cek_nilai_ganda, cek_program_sasaran
from .cek.evaluasi import cek_evaluasi, cek_profil
from .cek.ikk import cek_katalog, cek_pk, cek_populasi
from .cek.kelengkapan import cek_periode_laporan, cek_tidak_diketahui
from .cek.klaim import cek_klaim
from .cek.kumpulan import Kumpulan
from .cek.narasi import (
    KunciRujukan,
    cek_angka_narasi,
    cek_literal,
    cek_narasi,
    cek_sisipan,
    cek_status_narasi,
)
from .kode import KODE_TEMUAN
from .periode import cek_periode_dokumen
from .temuan import URUTAN_TINGKAT, Temuan, Tingkat, hitung_tingkat

if TYPE_CHECKING:
    from .masalah import Masalah

__all__ = [
    "KODE_TEMUAN",
    "URUTAN_TINGKAT",
    "Temuan",
    "Tingkat",
    "hitung_tingkat",
    "periksa",
    "periksa_data",
    "tulis_json",
]


def periksa_data(data: DataLaporan, kunci_rujukan: KunciRujukan | None = None) -> list[Temuan]:
    """Run every check on loaded data; findings sorted by level (stable within a level).

    ``kunci_rujukan`` lists the tables and figures the report holds, so that a narrative's
    ``{{ tabel:<kunci> }}`` naming none of them is reported (the report layer passes it; without
    it cross-references are not checked)."""
    from .masalah import id_masalah
    from .tanggapan import cek_tanggapan

    h = hasil_untuk(data)
    k = Kumpulan(data, h)
    cek_katalog(k)
    cek_pk(k, h)
    cek_populasi(k, h)
    cek_anggaran(k, h)
    cek_program_sasaran(k, h)
    cek_evaluasi(k, h)
    cek_profil(k, h)
    cek_narasi(k)
    cek_angka_narasi(k, h)
    cek_nilai_ganda(k, h)
    rujukan = cek_sisipan(k, h, kunci_rujukan)
    cek_literal(k, h, rujukan)
    cek_status_narasi(k, h)
    cek_tidak_diketahui(k, h)
    cek_periode_laporan(k, h)
    cek_periode_dokumen(k)
    cek_klaim(k, data.ini, h.daftar_besaran())
    cek_klaim(k, data.lalu, h.daftar_besaran())
    dikenal = {t.id for t in k.temuan} | id_masalah(k.temuan, h)
    for t in cek_tanggapan(data.ini, dikenal, KODE_TEMUAN):
        k.tambah(t.kode, t.lokasi, t.pesan, kunci=t.kunci, subjek=t.subjek, tingkat=t.tingkat)
    return sorted(k.temuan, key=lambda t: URUTAN_TINGKAT[t.tingkat])


def periksa(
    satker: str,
    tahun: int | str,
    data_dir: str | Path = "data",
    periode: str = "tahunan",
    kunci_rujukan: KunciRujukan | None = None,
) -> list[Temuan]:
    """Load ``satker``/``tahun`` (report ``periode``) from ``data_dir`` and run every check."""
    return periksa_data(muat(satker, tahun, data_dir, periode), kunci_rujukan)


def tulis_json(
    temuan: list[Temuan], path: Path, masalah: list[Masalah] | None = None, **meta: object
) -> None:
    """Write findings as JSON (``{"ringkasan": …, "temuan": […], "masalah": […]}``)."""
    isi: dict[str, object] = {
        **meta,
        "ringkasan": hitung_tingkat(temuan),
        "temuan": [t.to_dict() for t in temuan],
    }
    if masalah is not None:
        isi["masalah"] = [m.to_dict() for m in masalah]
    tulis_teks_atomik(path, json.dumps(isi, ensure_ascii=False, indent=2, default=str) + "\n")
