"""Bab IV (conclusions drafted from the numbers) and the appendices."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import format_id as f
from .. import html as h

if TYPE_CHECKING:
    from .. import Laporan


def _rancangan_kesimpulan(lap: Laporan) -> list[str]:
    hasil = lap.hasil
    tercapai, tidak = lap.jumlah_status()
    kal = [
        f"Dari {len(hasil.ikk)} indikator kinerja kegiatan pada {len(hasil.sasaran)} sasaran "
        f"kegiatan Perjanjian Kinerja {hasil.tahun}, {tercapai} indikator mencapai atau "
        f"melampaui target dan {tidak} indikator belum mencapai target."
    ]
    for x in hasil.tidak_tercapai:
        kal.append(
            f"Indikator {x.kode} \u201c{x.defn.nama}\u201d belum tercapai: realisasi "
            f"{f.nilai_satuan(x.nilai_realisasi, x.defn.satuan)} terhadap target "
            f"{f.nilai_satuan(x.target, x.defn.satuan)} (capaian {f.persen(x.capaian)})."
        )
    for r in hasil.sasaran:
        if r.label_efisiensi:
            kal.append(
                f"Sasaran {r.sasaran.kode}: rata-rata capaian {f.persen(r.rata_capaian)}, "
                f"penyerapan anggaran {f.persen(r.penyerapan)} ({r.label_efisiensi.lower()})."
            )
    if hasil.anggaran:
        t = hasil.anggaran.total
        kal.append(
            f"Realisasi anggaran {f.rupiah(t.realisasi)} dari pagu {f.rupiah(t.pagu)} "
            f"({f.persen(t.penyerapan)})."
        )
    if hasil.nka:
        kal.append(
            f"Nilai kinerja anggaran {f.angka(hasil.nka.nilai)} (SMART-DJA "
            f"{f.angka(hasil.nka.smart)}, IKPA {f.angka(hasil.nka.ikpa)})."
        )
    return kal


def _teks_analis(teks: str | None) -> str:
    return h.judul(5, "Uraian tim penyusun") + h.markdown(teks) if teks else ""


def kesimpulan(lap: Laporan) -> str:
    n = lap.hasil.data.ini.narasi
    if n and n.ganti_rancangan and n.kesimpulan:
        return h.markdown(n.kesimpulan)
    out = [
        '<div class="rancangan">'
        + "".join(h.paragraf(k) for k in _rancangan_kesimpulan(lap))
        + "</div>"
    ]
    out.append(_teks_analis(n.kesimpulan if n else None))
    return "".join(out)


def saran(lap: Laporan) -> str:
    hasil = lap.hasil
    n = hasil.data.ini.narasi
    if n and n.ganti_rancangan and n.saran:
        return h.markdown(n.saran)
    butir = []
    for x in hasil.tidak_tercapai:
        sebab = (x.data.narasi.penyebab or "").strip().split("\n")[0]
        butir.append(
            f"Menyusun langkah perbaikan untuk {x.kode} \u201c{x.defn.nama}\u201d "
            f"(capaian {f.persen(x.capaian)})"
            + (f", dengan memperhatikan penyebab: {sebab}" if sebab else "")
            + "."
        )
    for r in hasil.sasaran:
        if r.label_efisiensi and r.label_efisiensi.lower() == "tidak efisien":
            butir.append(
                f"Meninjau efisiensi anggaran sasaran {r.sasaran.kode}: penyerapan "
                f"{f.persen(r.penyerapan)} melebihi capaian kinerja rata-rata "
                f"{f.persen(r.rata_capaian)}."
            )
    temuan = [t for t in lap.temuan() if t.tingkat in ("error", "peringatan")]
    if temuan:
        butir.append(
            f"Menindaklanjuti {len(temuan)} temuan pemeriksaan data (lampiran) sebelum "
            "laporan difinalkan, agar setiap angka konsisten antarbagian."
        )
    out = [
        '<div class="rancangan">'
        + (
            h.daftar(butir)
            if butir
            else h.paragraf(
                "Seluruh indikator tercapai; pertahankan kinerja dan tingkatkan target "
                "secara progresif."
            )
        )
        + "</div>"
    ]
    out.append(_teks_analis(n.saran if n else None))
    return "".join(out)


def lampiran_pk(lap: Laporan) -> str:
    lam = lap.hasil.data.ini.lampiran
    pk = lam.perjanjian_kinerja if lam else None
    if pk is None:
        return h.kosong("Dokumen Perjanjian Kinerja belum diisi.")
    out = []
    if pk.pernyataan:
        out.append(h.markdown(pk.pernyataan))
    for judul, isi in (
        ("Sasaran Strategis dan Indikator Kinerja Utama", pk.sasaran_strategis),
        ("Sasaran Program dan Indikator Kinerja Program", pk.sasaran_program),
    ):
        if isi:
            out.append(
                h.tabel(
                    lap.nomor_tabel(),
                    f"Perjanjian Kinerja: {judul}",
                    ["No.", "Sasaran", "Indikator", "Target"],
                    [
                        [str(i), b.sasaran, b.indikator, b.target]
                        for i, b in enumerate(isi, start=1)
                    ],
                )
            )
    from . import ikk as _ikk

    out.append(_ikk.tabel_pk(lap))
    if pk.anggaran:
        out.append(
            h.tabel(
                lap.nomor_tabel(),
                "Perjanjian Kinerja: Anggaran",
                ["Kegiatan", "Anggaran"],
                [[b.uraian, h.sel(f.rupiah(b.jumlah), b.jumlah)] for b in pk.anggaran],
            )
        )
    ttd = [
        h.ttd(f"{label},", p.jabatan or "", p.nama, p.nip)
        for label, p in (("Pihak Kedua", pk.pihak_kedua), ("Pihak Pertama", pk.pihak_pertama))
        if p
    ]
    if pk.tempat_tanggal:
        out.append(h.paragraf(pk.tempat_tanggal))
    out.append('<div class="ttd-dua">' + "".join(ttd) + "</div>")
    return "".join(out)


def lampiran_sk(lap: Laporan) -> str:
    lam = lap.hasil.data.ini.lampiran
    sk = lam.sk_tim if lam else None
    if sk is None:
        return h.kosong("SK tim penyusun belum diisi.")
    out = []
    meta = [
        x
        for x in (
            f"Nomor {sk.nomor}" if sk.nomor else None,
            f"tanggal {sk.tanggal}" if sk.tanggal else None,
        )
        if x
    ]
    if meta or sk.tentang:
        out.append(h.paragraf(", ".join(meta) + (f" tentang {sk.tentang}" if sk.tentang else "")))
    if sk.tugas:
        out.append("<p>Tugas tim:</p>" + h.daftar(sk.tugas))
    out.append(
        h.tabel(
            lap.nomor_tabel(),
            "Susunan Tim Penyusun LKjIP",
            ["No.", "Kedudukan", "Nama/Jabatan"],
            [[str(i), a.peran, a.nama] for i, a in enumerate(sk.anggota, start=1)],
        )
    )
    return "".join(out)


def lampiran_sop(lap: Laporan) -> str:
    lam = lap.hasil.data.ini.lampiran
    sop = lam.sop if lam else None
    if sop is None:
        return h.kosong("SOP belum diisi.")
    out = [
        h.paragraf(
            " · ".join(
                x
                for x in (
                    sop.judul,
                    f"Nomor {sop.nomor}" if sop.nomor else None,
                    f"efektif {sop.tanggal_efektif}" if sop.tanggal_efektif else None,
                    sop.disahkan_oleh,
                )
                if x
            )
        )
    ]
    if sop.dasar_hukum:
        out.append("<p>Dasar hukum:</p>" + h.daftar(sop.dasar_hukum))
    if sop.langkah:
        out.append(
            h.tabel(
                lap.nomor_tabel(),
                "Langkah SOP Penyusunan LKjIP",
                ["No.", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan"],
                [
                    [
                        str(x.no),
                        x.kegiatan,
                        x.pelaksana or "–",
                        x.kelengkapan or "–",
                        x.waktu or "–",
                        x.output or "–",
                        x.keterangan or "–",
                    ]
                    for x in sop.langkah
                ],
                kelas="rapat",
            )
        )
    return "".join(out)


def lampiran_dokumen(lap: Laporan) -> str:
    lam = lap.hasil.data.ini.lampiran
    if not lam or not lam.dokumen_lain:
        return h.kosong("Tidak ada dokumen lain.")
    return h.tabel(
        lap.nomor_tabel(),
        "Dokumen Pendukung Lainnya",
        ["No.", "Dokumen", "Keterangan"],
        [[str(i), d.judul, d.keterangan or "–"] for i, d in enumerate(lam.dokumen_lain, start=1)],
    )


def pemeriksaan(lap: Laporan) -> str:
    from ...periksa import hitung_tingkat

    temuan = lap.temuan()
    n = hitung_tingkat(temuan)
    out = [
        h.paragraf(
            f"Pemeriksaan otomatis menghitung ulang setiap angka dari data dan membandingkannya dengan "
            f"angka yang dinyatakan draf laporan. Hasil: {n['error']} error, {n['peringatan']} "
            f"peringatan, {n['info']} info. Error menghentikan penyusunan laporan; peringatan perlu "
            "ditinjau dan dijelaskan oleh tim penyusun; info bersifat keterangan."
        )
    ]
    if temuan:
        kelas = {
            "error": "tingkat-error",
            "peringatan": "tingkat-peringatan",
            "info": "tingkat-info",
        }
        out.append(
            h.tabel(
                lap.nomor_tabel(),
                "Temuan Pemeriksaan Data",
                ["No.", "Kode", "Tingkat", "Lokasi", "Pesan"],
                [
                    [str(i), t.kode, h.sel(t.tingkat, kelas=kelas[t.tingkat]), t.lokasi, t.pesan]
                    for i, t in enumerate(temuan, start=1)
                ],
                kelas="temuan",
            )
        )
    return "".join(out)
