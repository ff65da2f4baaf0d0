"""Checks of the budget scores (SMART-DJA, IKPA, their official values), the e-Performance and
e-Monev periods, and the profile (occupancy, staff counts)."""

from __future__ import annotations

from decimal import Decimal

from ... import format_id as f
from ...hitung import HasilLaporan
from ...hitung.capaian import teks_kunci
from ...hitung.kinerja_anggaran import TOLERANSI_RESMI
from ...tidak_diketahui import TidakDiketahui
from ..temuan import Subjek, Tingkat
from .kumpulan import Kumpulan, persen, rupiah


def cek_evaluasi(k: Kumpulan, h: HasilLaporan) -> None:
    d = k.data
    ev = d.ini.evaluasi
    for tempat, pesan in h.galat:
        if tempat == "evaluasi.yaml":
            k.tambah(
                "ATURAN_TIDAK_ADA",
                f"{d.ini.kunci}/evaluasi.yaml",
                pesan,
                kunci=f"{d.tahun}|{pesan}",
                subjek=(("smart",), ("ikpa",), ("nka",)),
            )
    if ev is None:
        k.tambah(
            "EVALUASI_KOSONG",
            f"{d.ini.kunci}/evaluasi.yaml",
            "berkas tidak ada; bagian SMART-DJA, IKPA, e-Performance dan e-Monev dilewati",
            kunci=str(d.tahun),
            subjek=(("smart",), ("ikpa",), ("nka",)),
        )
        return
    _cek_evaluasi_smart(k, h, ev)
    _cek_evaluasi_resmi(k, h)
    _cek_evaluasi_ikpa(k, h, ev)
    _cek_evaluasi_periode(k, ev)


def _cek_evaluasi_smart(k: Kumpulan, h: HasilLaporan, ev) -> None:
    """The entered SMART efficiency score against the PMK 22/2021 formula."""
    d = k.data
    if (
        h.smart
        and h.smart.nilai_efisiensi_rumus is not None
        and ev.smart
        and ev.smart.nilai_efisiensi is not None
    ):
        selisih = abs(h.smart.nilai_efisiensi_rumus - ev.smart.nilai_efisiensi)
        if selisih > 0:
            tingkat: Tingkat = "info" if selisih <= Decimal("0.01") else "peringatan"
            k.tambah(
                "SMART_NILAI_EFISIENSI",
                k.lokasi(d.ini, "evaluasi", "smart", "nilai_efisiensi"),
                f"nilai efisiensi {f.angka(ev.smart.nilai_efisiensi)} berbeda dari rumus "
                f"PMK 22/2021 atas efisiensi {f.angka(ev.smart.efisiensi)} → "
                f"{f.angka(h.smart.nilai_efisiensi_rumus)} (selisih {f.angka(selisih, 4)}); "
                "perhitungan memakai nilai yang diisi",
                kunci=f"{teks_kunci(ev.smart.nilai_efisiensi)}|{teks_kunci(ev.smart.efisiensi or Decimal(0))}",
                subjek=(("smart",),),
                tingkat=tingkat,
            )


def _cek_evaluasi_resmi(k: Kumpulan, h: HasilLaporan) -> None:
    """Official SMART-DJA and IKPA scores against the recomputation of their components."""
    d = k.data
    for nama, skor, label, kode in (
        ("smart", h.smart, "SMART-DJA", "SMART_NILAI_RESMI_BEDA"),
        ("ikpa", h.ikpa, "IKPA", "IKPA_NILAI_RESMI_BEDA"),
    ):
        selisih = skor.selisih_resmi if skor else None
        if skor is None or selisih is None or abs(selisih) <= TOLERANSI_RESMI:
            continue
        assert skor.nilai_hitung is not None
        k.tambah(
            kode,
            k.lokasi(d.ini, "evaluasi", nama, "nilai"),
            f"nilai {label} resmi {f.angka(skor.nilai)} berbeda dari hitung ulang komponennya "
            f"{f.angka(skor.nilai_hitung, 4, ringkas=True)} (selisih "
            f"{f.angka(selisih, 4, ringkas=True)}); laporan memakai nilai resmi",
            kunci=f"{teks_kunci(skor.nilai)}|{teks_kunci(f.bulatkan(skor.nilai_hitung, 4))}",
            subjek=((nama,),),
        )


def _cek_evaluasi_ikpa(k: Kumpulan, h: HasilLaporan, ev) -> None:
    d = k.data
    if (
        ev.ikpa
        and isinstance(ev.ikpa.pagu, Decimal)
        and h.anggaran
        and isinstance(h.anggaran.total.pagu, Decimal)
        and ev.ikpa.pagu != h.anggaran.total.pagu
    ):
        k.tambah(
            "PAGU_IKPA_BEDA",
            k.lokasi(d.ini, "evaluasi", "ikpa", "pagu"),
            f"pagu pada penilaian IKPA {rupiah(ev.ikpa.pagu)} berbeda dengan pagu DIPA "
            f"{rupiah(h.anggaran.total.pagu)} (selisih {rupiah(ev.ikpa.pagu - h.anggaran.total.pagu)})",
            kunci=f"{teks_kunci(ev.ikpa.pagu)}|{teks_kunci(h.anggaran.total.pagu)}",
            subjek=(("ikpa",), ("anggaran", d.tahun, "total")),
        )
    if h.ikpa and h.ikpa.konversi_bobot < 100:
        k.tambah(
            "IKPA_KONVERSI_BOBOT",
            k.lokasi(d.ini, "evaluasi", "ikpa"),
            f"sebagian komponen IKPA tidak dinilai; bobot dikonversi ({persen(h.ikpa.konversi_bobot)})",
            kunci=teks_kunci(h.ikpa.konversi_bobot),
            subjek=(("ikpa",),),
        )


def _cek_evaluasi_periode(k: Kumpulan, ev) -> None:
    """e-Performance and e-Monev series: complete for the report period, values in 0–100."""
    d = k.data
    for nama, isi, jenis in (
        ("e_performance_triwulan", ev.e_performance_triwulan, "triwulan"),
        ("e_monev_bulan", ev.e_monev_bulan, "bulan"),
    ):
        subjek: Subjek = ("e_performance",) if nama.startswith("e_perf") else ("e_monev",)
        # completeness follows the report period: the closed periods up to bulan_terakhir
        harus = max(d.periode.bulan_diharapkan(jenis), default=0)
        if isi and len(isi) < harus:
            k.tambah(
                "PERIODE_TIDAK_LENGKAP",
                k.lokasi(d.ini, "evaluasi", nama),
                f"hanya {len(isi)} dari {harus} {jenis} sampai {d.periode.rentang_bulan} terisi",
                kunci=nama,
                subjek=(subjek,),
            )
        for i, v in enumerate(isi):
            if isinstance(v, Decimal) and not (0 <= v <= 100):
                k.tambah(
                    "NILAI_DI_LUAR_RENTANG",
                    k.lokasi(d.ini, "evaluasi", nama, i),
                    f"nilai {f.angka(v)} di luar 0–100",
                    kunci=f"{nama}|{i + 1}|{teks_kunci(v)}",
                    subjek=(subjek,),
                )


def cek_profil(k: Kumpulan, h: HasilLaporan) -> None:
    p = k.data.ini.profil
    if p is None:
        return
    if (
        isinstance(p.penghuni, Decimal)
        and isinstance(p.kapasitas, Decimal)
        and p.penghuni > p.kapasitas
    ):
        k.tambah(
            "KELEBIHAN_HUNIAN",
            k.lokasi(k.data.ini, "profil", "penghuni"),
            f"penghuni {f.bulat(p.penghuni)} melebihi kapasitas {f.bulat(p.kapasitas)} "
            f"(tingkat hunian {persen(h.okupansi)})",
            kunci=f"{teks_kunci(p.penghuni)}|{teks_kunci(p.kapasitas)}",
            subjek=(("profil", "penghuni"),),
        )
    jumlah = {
        nama: sum((b.jumlah or Decimal(0) for b in baris), Decimal(0))
        for nama, baris in (
            ("jenis kelamin", p.pegawai_jenis_kelamin),
            ("pendidikan", p.pegawai_pendidikan),
            ("golongan", p.pegawai_golongan),
        )
        if baris and not any(isinstance(b.jumlah, TidakDiketahui) for b in baris)
    }
    if len(set(jumlah.values())) > 1:
        rinci = ", ".join(f"menurut {n}: {f.bulat(v)}" for n, v in jumlah.items())
        k.tambah(
            "PEGAWAI_TIDAK_MENJUMLAH",
            k.lokasi(k.data.ini, "profil"),
            f"jumlah pegawai berbeda antar-rincian ({rinci})",
            kunci="|".join(f"{n}={teks_kunci(v)}" for n, v in jumlah.items()),
            subjek=(("profil", "pegawai"),),
        )
