"""Bab I (profile) and Bab II Renstra sections."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ... import format_id as f
from ...hitung import HasilLaporan
from .. import grafik
from .. import html as h

if TYPE_CHECKING:
    from .. import Laporan


def gambaran_umum(lap: Laporan) -> str:
    hasil = lap.hasil
    p = hasil.profil
    n = hasil.data.ini.narasi
    out: list[str] = []
    if n and n.gambaran_umum:
        out.append(h.markdown(n.gambaran_umum))
    per = f" (per {p.penghuni_per})" if p.penghuni_per else ""
    out.append(
        h.paragraf(
            f"Kapasitas hunian {f.bulat(p.kapasitas)} orang, dihuni {f.bulat(p.penghuni)} orang{per}; "
            f"tingkat hunian {f.persen(hasil.okupansi)} dari kapasitas."
        )
    )
    out.append(
        h.tabel(
            lap.nomor_tabel(),
            "Kapasitas dan Jumlah Penghuni",
            ["Uraian", "Jumlah"],
            [
                ["Kapasitas hunian", h.sel(f"{f.bulat(p.kapasitas)} orang", p.kapasitas)],
                ["Jumlah penghuni" + per, h.sel(f"{f.bulat(p.penghuni)} orang", p.penghuni)],
                [
                    "Tingkat hunian (penghuni ÷ kapasitas × 100%)",
                    h.sel(f.persen(hasil.okupansi), hasil.okupansi),
                ],
            ],
            kelas="sempit",
        )
    )
    out.append(
        h.gambar(
            lap.nomor_gambar(),
            "Kapasitas dan Jumlah Penghuni",
            grafik.hunian(p.kapasitas, p.penghuni, hasil.okupansi),
        )
    )
    if p.batas_wilayah:
        out.append(
            "<p>Batas wilayah:</p>"
            + h.daftar(
                (f"{b.uraian}: {b.keterangan or ''}".rstrip(": ") for b in p.batas_wilayah),
                berurut=False,
            )
        )
    if p.luas_tanah_m2 is not None or p.bangunan or p.perumahan:
        baris = []
        for b in p.bangunan:
            baris.append(
                [
                    h.sel(b.uraian),
                    h.sel(str(b.unit) if b.unit else "–"),
                    h.sel(f"{f.angka(b.luas_m2, 2, ringkas=True)} m²", b.luas_m2),
                ]
            )
        for b in p.perumahan:
            baris.append(
                [
                    h.sel(b.uraian),
                    h.sel(str(b.unit) if b.unit else "–"),
                    h.sel(f"{f.angka(b.luas_m2, 2, ringkas=True)} m²", b.luas_m2),
                ]
            )
        total = sum((b.luas_m2 for b in p.bangunan), Decimal(0))
        if p.bangunan:
            baris.append(
                [
                    h.sel("Jumlah luas bangunan", kelas="jumlah"),
                    h.sel(""),
                    h.sel(f"{f.angka(total, 2, ringkas=True)} m²", total, "jumlah"),
                ]
            )
        judul = "Luas Tanah dan Bangunan"
        if p.luas_tanah_m2 is not None:
            judul += f" (luas tanah {f.angka(p.luas_tanah_m2, 2, ringkas=True)} m²)"
        out.append(h.tabel(lap.nomor_tabel(), judul, ["Bangunan", "Unit", "Luas"], baris))
    return "".join(out)


def _tabel_hitung(lap: Laporan, judul: str, baris_data, kolom: str) -> str:
    baris = []
    total = Decimal(0)
    for i, b in enumerate(baris_data, start=1):
        j = b.jumlah or Decimal(0)
        total += j
        baris.append([str(i), b.uraian, h.sel(f"{f.bulat(j)} orang", j)])
    baris.append(
        [
            h.sel("", kelas="jumlah"),
            h.sel("Jumlah", kelas="jumlah"),
            h.sel(f"{f.bulat(total)} orang", total, "jumlah"),
        ]
    )
    return h.tabel(lap.nomor_tabel(), judul, ["No.", kolom, "Jumlah"], baris, kelas="sempit")


def kepegawaian(lap: Laporan) -> str:
    p = lap.hasil.profil
    out = []
    if p.pegawai_jenis_kelamin:
        out.append(
            _tabel_hitung(
                lap,
                "Data Kepegawaian Berdasarkan Jenis Kelamin",
                p.pegawai_jenis_kelamin,
                "Jenis kelamin",
            )
        )
    if p.pegawai_pendidikan:
        out.append(
            _tabel_hitung(
                lap, "Data Kepegawaian Berdasarkan Pendidikan", p.pegawai_pendidikan, "Pendidikan"
            )
        )
    if p.pegawai_golongan:
        out.append(
            _tabel_hitung(
                lap, "Data Kepegawaian Berdasarkan Golongan", p.pegawai_golongan, "Golongan"
            )
        )
    return "".join(out) or h.kosong("Data kepegawaian belum diisi.")


def tugas_fungsi(lap: Laporan) -> str:
    p = lap.hasil.profil
    out = []
    if p.tugas_pokok:
        out.append(h.markdown(p.tugas_pokok))
    if p.fungsi:
        out.append("<p>Fungsi:</p>" + h.daftar(p.fungsi))
    for judul, isi in (
        ("Tugas, Fungsi dan Wewenang", p.tugas_fungsi_wewenang),
        ("Tugas, Fungsi dan Wewenang per Seksi dan Bagian", p.struktur),
    ):
        if not isi:
            continue
        baris = [[h.sel(t.unit), h.sel("; ".join(t.fungsi)), h.sel(t.wewenang or "–")] for t in isi]
        out.append(h.tabel(lap.nomor_tabel(), judul, ["Unit", "Fungsi", "Wewenang"], baris))
    if p.uraian_tugas_seksi:
        out.append('<div class="uraian-panjang">' + h.markdown(p.uraian_tugas_seksi) + "</div>")
    return "".join(out)


def aspek_isu(hasil: HasilLaporan) -> str:
    p = hasil.profil
    out = []
    if p.aspek_strategis:
        out.append('<h3 id="aspek-strategis">Aspek Strategis</h3>' + h.markdown(p.aspek_strategis))
    if p.isu_strategis:
        out.append('<h3 id="isu-strategis">Isu Strategis</h3>' + h.markdown(p.isu_strategis))
    return "".join(out)


def renstra(hasil: HasilLaporan) -> str:
    r = hasil.profil.renstra
    out = []
    if r.pengantar:
        out.append(h.markdown(r.pengantar))
    out.append(
        '<h3 id="visi">Visi</h3>' + f'<blockquote class="visi">{h.markdown(r.visi)}</blockquote>'
    )
    out.append(
        '<h3 id="misi">Misi</h3>'
        + (h.markdown(r.misi_pengantar) if r.misi_pengantar else "")
        + h.daftar(r.misi)
    )
    if r.tata_nilai:
        out.append('<h3 id="tata-nilai">Tata Nilai</h3>' + h.markdown(r.tata_nilai))
    out.append('<h3 id="tujuan">Tujuan</h3>' + h.daftar(r.tujuan))
    out.append(
        '<h3 id="sasaran-kegiatan">Sasaran Kegiatan</h3>'
        + (h.markdown(r.sasaran_pengantar) if r.sasaran_pengantar else "")
        + h.daftar(f"{x.sasaran.nama} ({len(x.ikk)} IKK)" for x in hasil.sasaran)
    )
    return "".join(out)
