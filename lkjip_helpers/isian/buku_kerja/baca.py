"""Reading a filled workbook into the data files' fields, with every problem located.

:func:`baca_isi` walks every sheet of :data:`~.tata_letak.LEMBAR` and returns
:class:`IsiBukuKerja`: for each YAML file the fields the workbook carries (plain Python values,
numbers already read the Indonesian way), where each field came from (sheet and cell, for the
messages of the schema validation that follows in :mod:`.simpan`), and the problems found while
reading — a missing sheet, a header changed or added, merged cells over data, a formula without
a cached value, a value of the wrong kind, a duplicated row, an unknown IKK or sasaran code,
values of an IKK marked as not in the PK. Nothing stops at the first problem.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ...muat.berkas import _pesan_galat as pesan_galat  # the schema's wording, shared with YAML
from ...muat.parameter import PERIODE
from . import tata_letak as t
from .buka import BukuKerja
from .hasil_baca import TANPA, Identitas, IsiBukuKerja, KonteksData, Lokasi, Masalah
from .pembaca import _urai as _urai
from .pembaca import _yaml as _yaml
from .pembaca_kinerja import PembacaKinerja

__all__ = [
    "TANPA",
    "Identitas",
    "IsiBukuKerja",
    "KonteksData",
    "Lokasi",
    "Masalah",
    "baca_identitas",
    "baca_isi",
    "pesan_skema",
]


def baca_isi(
    bk: BukuKerja, identitas: Identitas, konteks: KonteksData, path_satker: Path
) -> IsiBukuKerja:
    """Read every data sheet of ``bk`` (see the module docstring); ``path_satker`` names
    satker.yaml in messages about the IKK overrides."""
    p = PembacaKinerja(bk, identitas, konteks, path_satker)
    tambahan = p.baca_satker()
    kode_tambahan = {
        x.get("kode")
        for x in p.hasil["satker"].get("indikator_tambahan", [])
        if isinstance(x, dict)
    }
    defs = p.indikator(tambahan)
    p.baca_isian(t.PROFIL)
    for lb in (t.DAFTAR, t.WILAYAH, t.BANGUNAN, t.KEPEGAWAIAN, t.ORGANISASI, t.TUGAS_FUNGSI):
        baris = p.baca_tabel(lb)
        if baris is not None:
            p.isi_daftar(lb, baris)
    p.baca_kinerja(defs, kode_tambahan)
    p.baca_isian(t.ANGGARAN)
    for lb in (t.ANGGARAN_SASARAN, t.ANGGARAN_PROGRAM, t.ANGGARAN_JENIS):
        baris = p.baca_tabel(lb)
        if baris is not None:
            p.isi_daftar(lb, baris)
    p.cek_sasaran()
    p.baca_isian(t.SMART_IKPA)
    p.baca_isian(t.E_KINERJA)
    p.baca_isian(t.NARASI)
    for lb in (t.TANGGAPAN, t.KLAIM):
        baris = p.baca_tabel(lb)
        if baris is not None:
            p.isi_daftar(lb, baris)
    dikenal = set(t.NAMA_LEMBAR) | {t.LEMBAR_INFO}
    lain = [n for n in bk.nilai.sheetnames if n not in dikenal]
    if lain:
        p.catatan.append("lembar berikut tidak dibaca: " + ", ".join(lain))
    return IsiBukuKerja(
        identitas, p.hasil, p.asal, p.bidang, p.masalah, p.sel_gagal, p.tak_terbaca, p.catatan
    )


def baca_identitas(bk: BukuKerja) -> tuple[Identitas | None, list[Masalah]]:
    """The identity stored in the hidden sheet, checked against the Petunjuk sheet."""
    from ...errors import ParameterError
    from ...muat.parameter import validasi_periode, validasi_satker, validasi_tahun

    masalah: list[Masalah] = []
    if t.LEMBAR_INFO not in bk.nilai.sheetnames:
        masalah.append(
            Masalah(
                "bukan buku kerja isian lkjip (lembar tersembunyi _lkjip tidak ada); buat buku "
                "kerja dengan lkjip templat atau lkjip ekspor lalu salin isiannya ke sana"
            )
        )
        return None, masalah
    ws = bk.nilai[t.LEMBAR_INFO]
    info = {
        str(r[0]).strip(): r[1]
        for r in ws.iter_rows(min_row=1, max_row=20, max_col=2, values_only=True)
        if r[0] is not None
    }
    try:
        versi = int(info.get("format", 0))
    except (TypeError, ValueError):
        versi = 0
    if versi != t.VERSI_FORMAT:
        masalah.append(
            Masalah(
                f"buku kerja berformat versi {info.get('format')!r}, lkjip ini membaca versi "
                f"{t.VERSI_FORMAT}; buat ulang dengan lkjip ekspor"
            )
        )
        return None, masalah
    try:
        satker = validasi_satker(str(info.get("satker", "")))
        tahun = validasi_tahun(str(info.get("tahun", "")))
        periode = validasi_periode(str(info.get("periode", "")))
    except ParameterError as err:
        masalah.append(Masalah(f"identitas buku kerja rusak: {err}", t.LEMBAR_INFO))
        return None, masalah
    katalog = str(info.get("katalog", "")).strip()
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._\-]*", katalog):
        masalah.append(Masalah(f"identitas buku kerja rusak: katalog {katalog!r}", t.LEMBAR_INFO))
        return None, masalah
    identitas = Identitas(satker, tahun, periode, katalog, versi, str(info.get("jenis", "")))
    if t.LEMBAR_PETUNJUK in bk.nilai.sheetnames:
        wp = bk.nilai[t.LEMBAR_PETUNJUK]
        for nama, sel_, harapan in (
            ("satker", t.SEL_IDENTITAS["satker"], satker),
            ("tahun", t.SEL_IDENTITAS["tahun"], str(tahun)),
            ("periode", t.SEL_IDENTITAS["periode"], periode),
        ):
            ada = wp[sel_].value
            teks = "" if ada is None else str(ada).strip()
            if isinstance(ada, float) and ada.is_integer():
                teks = str(int(ada))
            if teks != harapan:
                masalah.append(
                    Masalah(
                        f"{nama} diubah menjadi {teks!r}, padahal buku kerja ini dibuat untuk "
                        f"{nama} {harapan!r} ({PERIODE[periode]} {tahun}, satker {satker}); "
                        "impor selalu menulis ke data yang dipakai saat buku kerja dibuat — "
                        "untuk satker atau periode lain buat buku kerja baru dengan lkjip "
                        "templat (--dari-tahun membawa isian periode sebelumnya)",
                        t.LEMBAR_PETUNJUK,
                        sel_,
                    )
                )
    else:
        masalah.append(
            Masalah(
                f"lembar {t.LEMBAR_PETUNJUK!r} tidak ada (dihapus atau diganti nama?); "
                "kembalikan lembarnya atau buat ulang buku kerja",
                t.LEMBAR_PETUNJUK,
            )
        )
    return identitas, masalah


def pesan_skema(err: dict[str, Any]) -> str:
    """The Indonesian text of one pydantic error (as the YAML loader words it)."""
    return pesan_galat(err)
