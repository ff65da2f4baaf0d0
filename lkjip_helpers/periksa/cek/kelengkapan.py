"""Completeness: numbers declared unknown, a report period whose data stop before its end,
previous-year capaian measured against Renstra targets."""

from __future__ import annotations

from ... import format_id as f
from ...hitung import HasilLaporan
from .kumpulan import Kumpulan, subjek_berkas


def cek_tidak_diketahui(k: Kumpulan, h: HasilLaporan) -> None:
    """Every number declared unknown is a finding (the report shows "data tidak tersedia")."""
    for x in k.data.tidak_diketahui:
        k.tambah(
            "NILAI_TIDAK_DIKETAHUI",
            x.lokasi,
            f'{x.field} dinyatakan tidak diketahui; laporan menulis "data tidak tersedia" dan '
            "angka ini tidak ikut dijumlah atau dirata-rata",
            kunci=f"{x.berkas}|{x.field}",
            subjek=(subjek_berkas(x.berkas, x.jalur, k),),
            tingkat="peringatan" if x.periode_ini else "info",
        )
    for tempat, alasan in h.tanpa_hitung_ulang:
        k.tambah(
            "NILAI_TIDAK_DIHITUNG_ULANG",
            f"{k.data.ini.kunci}/{tempat}",
            alasan,
            kunci=tempat,
            subjek=((tempat.rsplit(" ", 1)[-1],),),
        )


def cek_periode_laporan(k: Kumpulan, h: HasilLaporan) -> None:
    """The period's own completeness and the previous year's target fallbacks."""
    p = k.data.periode
    if not p.lengkap:
        k.tambah(
            "PERIODE_BELUM_LENGKAP",
            k.lokasi(k.data.ini, "kinerja", "periode_laporan", "bulan_terakhir"),
            f"data {p.judul} mencakup {p.rentang_bulan} (belum sampai "
            f"{f.nama_bulan(p.bulan_akhir)}); laporan menyebutkannya dan hanya "
            f"membandingkannya dengan bulan yang sama tahun {p.tahun - 1}",
            kunci=f"{p.kunci}|{p.bulan_terakhir}",
            subjek=(("ikk",),),
        )
    renstra_lalu = [r.kode for r in h.ikk if r.sumber_target_lalu == "Renstra"]
    if renstra_lalu and k.data.lalu is not None:
        k.tambah(
            "TARGET_PK_TAHUN_LALU_KOSONG",
            f"{k.data.lalu.kunci}/kinerja.yaml",
            f"target PK {p.tahun - 1} tidak tercantum untuk {len(renstra_lalu)} IKK; capaian "
            f"{p.tahun - 1} dihitung terhadap target Renstra {p.tahun - 1}: "
            + ", ".join(renstra_lalu),
            kunci=f"{p.tahun - 1}|" + ",".join(renstra_lalu),
            subjek=(("ikk",),),
        )
