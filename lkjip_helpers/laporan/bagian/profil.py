"""Bab I (profile) and Bab II Renstra sections."""

from __future__ import annotations

from decimal import Decimal

from ... import format_id as f
from ...tidak_diketahui import diketahui
from ...tidak_diketahui import jumlah as jumlah_diketahui
from .. import grafik, kalimat
from .. import model as m
from ..konteks import Konteks


def gambaran_umum(k: Konteks) -> list[m.Blok]:
    hasil = k.hasil
    p = hasil.profil
    out: list[m.Blok] = []
    teks = k.narasi_blok(k.teks_narasi("gambaran_umum"))
    if teks:
        out.append(teks)
    per = f" (per {p.penghuni_per})" if p.penghuni_per else ""
    out.append(m.Paragraf(kalimat.hunian(p.kapasitas, p.penghuni, p.penghuni_per, hasil.okupansi)))
    out.append(
        m.Tabel.buat(
            "hunian",
            "Kapasitas dan Jumlah Penghuni",
            ["Uraian", "Jumlah"],
            [
                ["Kapasitas hunian", m.bulat(p.kapasitas, "orang")],
                ["Jumlah penghuni" + per, m.bulat(p.penghuni, "orang")],
                ["Tingkat hunian (penghuni ÷ kapasitas × 100%)", m.persen(hasil.okupansi)],
            ],
            kelas="sempit",
        )
    )
    if diketahui(p.kapasitas) and diketahui(p.penghuni):  # no chart of an unknown figure
        out.append(
            m.Gambar.grafik(
                "hunian",
                "Kapasitas dan Jumlah Penghuni",
                grafik.hunian,
                p.kapasitas,
                p.penghuni,
                hasil.okupansi,
            )
        )
    if p.batas_wilayah:
        out.append(m.Paragraf("Batas wilayah:"))
        out.append(
            m.Daftar(
                [f"{b.uraian}: {b.keterangan or ''}".rstrip(": ") for b in p.batas_wilayah],
                berurut=False,
            )
        )
    if p.luas_tanah_m2 is not None or p.bangunan or p.perumahan:
        baris: list[list[m.Sel]] = []
        for b in [*p.bangunan, *p.perumahan]:
            baris.append(
                [
                    m.teks(b.uraian),
                    m.bulat(b.unit) if b.unit else m.teks("–"),
                    m.angka(b.luas_m2, ringkas=True, satuan="m²"),
                ]
            )
        jumlah = jumlah_diketahui((b.uraian, b.luas_m2) for b in p.bangunan)
        total = jumlah.nilai
        if p.bangunan:
            label = "Jumlah luas bangunan" + (
                f" (tanpa {', '.join(jumlah.dilewati)}: data tidak tersedia)"
                if jumlah.dilewati
                else ""
            )
            baris.append(
                [
                    m.teks(label, kelas="jumlah"),
                    m.teks("", kelas="jumlah"),
                    m.angka(total, ringkas=True, satuan="m²", kelas="jumlah"),
                ]
            )
        judul = "Luas Tanah dan Bangunan"
        if p.luas_tanah_m2 is not None:
            judul += f" (luas tanah {f.angka(p.luas_tanah_m2, 2, ringkas=True)} m²)"
        out.append(m.Tabel.buat("tanah-bangunan", judul, ["Bangunan", "Unit", "Luas"], baris))
    return out


def _tabel_hitung(kunci: str, judul: str, baris_data, kolom: str) -> m.Tabel:
    baris = []
    for i, b in enumerate(baris_data, start=1):
        baris.append([m.bulat(i), m.teks(b.uraian), m.bulat(b.jumlah or Decimal(0), "orang")])
    jumlah = jumlah_diketahui((b.uraian, b.jumlah) for b in baris_data)
    total = jumlah.nilai if jumlah.nilai is not None else Decimal(0)
    baris.append(
        [
            m.teks("", kelas="jumlah"),
            m.teks(
                "Jumlah"
                + (
                    f" (tanpa {', '.join(jumlah.dilewati)}: data tidak tersedia)"
                    if jumlah.dilewati
                    else ""
                ),
                kelas="jumlah",
            ),
            m.bulat(total, "orang", kelas="jumlah"),
        ]
    )
    return m.Tabel.buat(kunci, judul, ["No.", kolom, "Jumlah"], baris, kelas="sempit")


def kepegawaian(k: Konteks) -> list[m.Blok]:
    p = k.hasil.profil
    out: list[m.Blok] = []
    for kunci, judul, isi, kolom in (
        ("pegawai-jenis-kelamin", "Jenis Kelamin", p.pegawai_jenis_kelamin, "Jenis kelamin"),
        ("pegawai-pendidikan", "Pendidikan", p.pegawai_pendidikan, "Pendidikan"),
        ("pegawai-golongan", "Golongan", p.pegawai_golongan, "Golongan"),
    ):
        if isi:
            out.append(_tabel_hitung(kunci, f"Data Kepegawaian Berdasarkan {judul}", isi, kolom))
    return out


def _gabung(butir: list[str]) -> str:
    """Items of a table cell joined by "; " (without doubling a trailing ";")."""
    return "; ".join(b.strip().rstrip(";").strip() for b in butir if b.strip())


def tugas_fungsi(k: Konteks) -> list[m.Blok]:
    p = k.hasil.profil
    out: list[m.Blok] = []
    if p.tugas_pokok:
        out.append(k.narasi_blok(p.tugas_pokok))  # type: ignore[arg-type]
    if p.fungsi:
        out += [m.Paragraf("Fungsi:"), m.Daftar(p.fungsi)]
    for kunci, judul, isi in (
        ("tugas-fungsi-wewenang", "Tugas, Fungsi dan Wewenang", p.tugas_fungsi_wewenang),
        ("tugas-fungsi-seksi", "Tugas, Fungsi dan Wewenang per Seksi dan Bagian", p.struktur),
    ):
        if not isi:
            continue
        baris = [
            [m.teks(t.unit), m.teks(_gabung(t.fungsi)), m.teks(t.wewenang or "–")] for t in isi
        ]
        out.append(m.Tabel.buat(kunci, judul, ["Unit", "Fungsi", "Wewenang"], baris))
    if p.organisasi:
        unit = [(u.nama, u.kepala, u.induk) for u in p.organisasi]
        out.append(
            m.Gambar.grafik(
                "struktur-organisasi",
                f"Struktur Organisasi {k.satker.nama_singkat}",
                grafik.struktur_organisasi,
                unit,
            )
        )
    if p.uraian_tugas_seksi:
        out.append(k.narasi_blok(p.uraian_tugas_seksi, "uraian-panjang"))  # type: ignore[arg-type]
    return out


def aspek_isu(k: Konteks) -> list[m.Blok]:
    p = k.hasil.profil
    out: list[m.Blok] = []
    for id_, judul, teks in (
        ("aspek-strategis", "Aspek Strategis", p.aspek_strategis),
        ("isu-strategis", "Isu Strategis", p.isu_strategis),
    ):
        blok = k.narasi_blok(teks)
        if blok:
            out += [m.Judul(3, judul, id_), blok]
    return out


def renstra(k: Konteks) -> list[m.Blok]:
    r = k.hasil.profil.renstra
    out: list[m.Blok] = []
    if (b := k.narasi_blok(r.pengantar)) is not None:
        out.append(b)
    if (b := k.narasi_blok(r.visi, "visi")) is not None:
        out += [m.Judul(3, "Visi", "visi"), b]
    if r.misi:
        out.append(m.Judul(3, "Misi", "misi"))
        if (b := k.narasi_blok(r.misi_pengantar)) is not None:
            out.append(b)
        out.append(m.Daftar(r.misi))
    if (b := k.narasi_blok(r.tata_nilai)) is not None:
        out += [m.Judul(3, "Tata Nilai", "tata-nilai"), b]
    if r.tujuan:
        out += [m.Judul(3, "Tujuan", "tujuan"), m.Daftar(r.tujuan)]
    if k.hasil.sasaran:
        out.append(m.Judul(3, "Sasaran Kegiatan", "sasaran-kegiatan"))
        if (b := k.narasi_blok(r.sasaran_pengantar)) is not None:
            out.append(b)
        out.append(m.Daftar([f"{x.sasaran.nama} ({len(x.ikk)} IKK)" for x in k.hasil.sasaran]))
    return out
