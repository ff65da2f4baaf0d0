"""Cover, kata pengantar, ikhtisar eksekutif and chapter narratives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import format_id as f
from ...hitung import HasilLaporan
from .. import html as h

if TYPE_CHECKING:
    from .. import Laporan


def _nama(hasil: HasilLaporan) -> str:
    return hasil.data.satker.nama


def sampul(hasil: HasilLaporan) -> str:
    sk = hasil.data.satker
    baris = [x for x in (sk.kementerian, sk.kanwil) if x]
    kontak = " · ".join(x for x in (sk.alamat, sk.laman, sk.surel) if x)
    return (
        '<section class="sampul">'
        + "".join(f'<p class="sampul-instansi">{h.esc(x)}</p>' for x in baris)
        + '<p class="sampul-judul">LAPORAN KINERJA<br>INSTANSI PEMERINTAH</p>'
        + '<p class="sampul-singkatan">(LKjIP)</p>'
        + f'<p class="sampul-tahun">TAHUN {hasil.tahun}</p>'
        + f'<p class="sampul-satker">{h.esc(sk.nama.upper())}</p>'
        + (f'<p class="sampul-kontak">{h.esc(kontak)}</p>' if kontak else "")
        + "</section>"
    )


def kata_pengantar(hasil: HasilLaporan) -> str:
    n = hasil.data.ini.narasi
    sk = hasil.data.satker
    kepala = hasil.profil.kepala
    if n and n.kata_pengantar:
        isi = h.markdown(n.kata_pengantar)
    else:
        tercapai = len(hasil.tercapai)
        isi = "".join(
            h.paragraf(p)
            for p in (
                "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya Laporan "
                f"Kinerja Instansi Pemerintah (LKjIP) {sk.nama} Tahun {hasil.tahun}.",
                "Laporan ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan "
                "fungsi sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas "
                "Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014. "
                f"Dari {len(hasil.ikk)} indikator kinerja kegiatan dalam Perjanjian Kinerja, "
                f"{tercapai} indikator mencapai target.",
                "Seluruh angka dalam laporan ini dihitung dari data kinerja dan anggaran satker; "
                "hasil pemeriksaan konsistensi data disajikan pada lampiran. Kami berharap laporan "
                "ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja pada tahun berikutnya.",
            )
        )
    tempat = n.tempat_tanggal if n and n.tempat_tanggal else f"{sk.kota or ''}, {hasil.tahun}"
    ttd = h.ttd(tempat, kepala.jabatan or "Kepala", kepala.nama, kepala.nip)
    return f'<section class="kata-pengantar"><h1 class="pengantar" id="kata-pengantar">KATA PENGANTAR</h1>{isi}{ttd}</section>'


def narasi(hasil: HasilLaporan, nama: str) -> str:
    n = hasil.data.ini.narasi
    if n is None or nama not in type(n).model_fields:
        raise KeyError(f"narasi {nama!r} tidak dikenal")
    teks = getattr(n, nama)
    if not teks:
        return h.kosong("Bagian ini belum diisi di narasi.yaml.")
    return h.markdown(teks)


def ikhtisar(lap: Laporan) -> str:
    hasil = lap.hasil
    n = hasil.data.ini.narasi
    bagian: list[str] = []
    if n and n.ikhtisar_eksekutif:
        bagian.append(h.markdown(n.ikhtisar_eksekutif))
    tercapai, tidak = lap.jumlah_status()
    jml = len(hasil.ikk)
    kalimat = (
        f"Pada tahun {hasil.tahun}, {hasil.data.satker.nama_singkat} memiliki "
        f"{len(hasil.sasaran)} sasaran kegiatan dengan {jml} indikator kinerja kegiatan "
        f"(IKK). Sebanyak {tercapai} IKK ({f.terbilang_kecil(tercapai)}) mencapai atau "
        f"melampaui target"
    )
    if tidak:
        daftar_tidak = "; ".join(
            f"{x.kode} {x.defn.nama} (capaian {f.persen(x.capaian)})" for x in hasil.tidak_tercapai
        )
        kalimat += f", sedangkan {tidak} IKK belum mencapai target: {daftar_tidak}."
    else:
        kalimat += "."
    bagian.append(h.paragraf(kalimat))
    if hasil.anggaran:
        t = hasil.anggaran.total
        bagian.append(
            h.paragraf(
                f"Pagu anggaran tahun {hasil.tahun} sebesar {f.rupiah(t.pagu)} terealisasi "
                f"{f.rupiah(t.realisasi)} atau {f.persen(t.penyerapan)}, dengan sisa "
                f"{f.rupiah(t.sisa)}."
            )
        )
    if hasil.nka:
        bagian.append(
            h.paragraf(
                f"Nilai kinerja anggaran {f.angka(hasil.nka.nilai)}, gabungan "
                f"{f.persen(hasil.nka.aturan.bobot_smart, 0)} nilai SMART-DJA "
                f"{f.angka(hasil.nka.smart)} dan {f.persen(hasil.nka.aturan.bobot_ikpa, 0)} "
                f"nilai IKPA {f.angka(hasil.nka.ikpa)}"
                + (f" (predikat IKPA {hasil.ikpa.predikat})." if hasil.ikpa else ".")
            )
        )
    from . import ikk as _ikk

    bagian.append(
        _ikk.tabel_capaian(lap, f"Capaian Indikator Kinerja Kegiatan Tahun {hasil.tahun}")
    )
    return "".join(bagian)
