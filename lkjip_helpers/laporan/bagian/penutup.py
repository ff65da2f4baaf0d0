"""Bab IV (conclusions drafted from the numbers) and the appendices."""

from __future__ import annotations

import re

from ... import format_id as f
from ...hitung.anggaran import DI_BAWAH_PORSI, MELEBIHI_PAGU
from ...tidak_diketahui import diketahui
from .. import kalimat
from .. import model as m
from ..konteks import Konteks
from . import anggaran as _anggaran
from . import ikk as _ikk
from .pembuka import ttd


def _rancangan_kesimpulan(k: Konteks) -> list[str]:
    hasil = k.hasil
    tercapai, tidak = k.jumlah_status
    kal = [
        kalimat.kesimpulan_jumlah(
            len(hasil.ikk),
            len(hasil.sasaran),
            k.tahun,
            None if k.periode.tahunan else k.judul_periode,
            tercapai,
            tidak,
            k.status_lain("indikator"),
        )
    ]
    for x in hasil.tidak_tercapai:
        kal.append(
            kalimat.kesimpulan_tidak_tercapai(
                x.kode,
                x.defn.nama,
                f.nilai_satuan(x.nilai_realisasi, x.defn.satuan),
                f.nilai_satuan(x.target, x.defn.satuan),
                x.capaian,
            )
        )
    for r in hasil.sasaran:
        if r.label_efisiensi:
            kal.append(
                kalimat.kesimpulan_sasaran(
                    r.sasaran.kode,
                    r.rata_capaian,
                    r.penyerapan,
                    r.label_efisiensi,
                    kalimat.porsi_periode(r.penyerapan_relatif, k.periode.bulan_terakhir),
                )
            )
    if hasil.anggaran:
        t = hasil.anggaran.total
        kal.append(
            kalimat.kesimpulan_anggaran(t.realisasi, t.pagu, t.penyerapan)
            if diketahui(t.pagu) and diketahui(t.realisasi)
            else kalimat.ikhtisar_anggaran(k.periode, t.pagu, t.realisasi, t.penyerapan, t.sisa)
        )
    if hasil.nka:
        kal.append(kalimat.kesimpulan_nka(hasil.nka.nilai, hasil.nka.smart, hasil.nka.ikpa))
    return kal


def kalimat_pertama(teks: str | None) -> str:
    """The first sentence of a Markdown text as plain text, without its final stop
    (``Terjadi *Refusing* pengalihan.`` → ``Terjadi Refusing pengalihan``)."""
    polos = re.sub(r"[*_`#>]+", "", (teks or "").strip().split("\n")[0])
    pertama = re.split(r"(?<=[.!?])\s+", polos, maxsplit=1)[0]
    return pertama.strip().rstrip(".!?;:").strip()


def kesimpulan(k: Konteks) -> list[m.Blok]:
    """Conclusions drafted from the numbers, then the analyst's text (or only the analyst's
    text when ``narasi.ganti_rancangan`` is set)."""
    n = k.narasi
    analis = k.narasi_blok(k.teks_narasi("kesimpulan"))
    if n and n.ganti_rancangan and analis:
        return [analis]
    if not k.ikk:
        return [analis] if analis else []
    return [*(m.Paragraf(x) for x in _rancangan_kesimpulan(k)), *([analis] if analis else [])]


def saran(k: Konteks) -> list[m.Blok]:
    hasil = k.hasil
    n = k.narasi
    analis = k.narasi_blok(k.teks_narasi("saran"))
    if n and n.ganti_rancangan and analis:
        return [analis]
    if not k.ikk:
        return [analis] if analis else []
    butir = []
    for x in hasil.tidak_tercapai:
        sebab = kalimat_pertama(x.data.narasi.penyebab)
        butir.append(kalimat.saran_perbaikan(x.kode, x.defn.nama, x.capaian, sebab or None))
    for x in hasil.perlu_verifikasi:
        butir.append(kalimat.saran_verifikasi(x.kode, x.defn.nama, x.uraian_verifikasi))
    for x in hasil.tidak_dihitung:
        butir.append(kalimat.saran_lengkapi(x.kode, x.defn.nama))
    for r in hasil.sasaran:
        if r.label_efisiensi == DI_BAWAH_PORSI:
            butir.append(
                kalimat.saran_percepat(
                    r.sasaran.kode, r.penyerapan, r.penyerapan_relatif, k.periode.bulan_terakhir
                )
            )
        if r.label_efisiensi == MELEBIHI_PAGU:
            butir.append(kalimat.saran_melebihi_pagu(r.sasaran.kode, r.penyerapan))
        if r.label_efisiensi and r.label_efisiensi.lower() == "tidak efisien":
            butir.append(
                kalimat.saran_tidak_efisien(
                    r.sasaran.kode, r.penyerapan, r.rata_capaian, r.penyerapan_relatif
                )
            )
    out: list[m.Blok] = [
        m.Daftar(butir)
        if butir
        else m.Paragraf(kalimat.saran_semua_tercapai(bool(hasil.tidak_berlaku)))
    ]
    return out + ([analis] if analis else [])


def lampiran_pk(k: Konteks) -> list[m.Blok]:
    lam = k.hasil.data.ini.lampiran
    pk = lam.perjanjian_kinerja if lam else None
    if pk is None:
        return []
    out: list[m.Blok] = []
    if (b := k.narasi_blok(pk.pernyataan)) is not None:
        out.append(b)
    for kunci, judul, isi in (
        (
            "pk-sasaran-strategis",
            "Sasaran Strategis dan Indikator Kinerja Utama",
            pk.sasaran_strategis,
        ),
        ("pk-sasaran-program", "Sasaran Program dan Indikator Kinerja Program", pk.sasaran_program),
    ):
        if isi:
            out.append(
                m.Tabel.buat(
                    kunci,
                    f"Perjanjian Kinerja: {judul}",
                    ["No.", "Sasaran", "Indikator", "Target"],
                    [
                        [m.bulat(i), b.sasaran, b.indikator, b.target]
                        for i, b in enumerate(isi, start=1)
                    ],
                )
            )
    if k.ikk:
        out.append(_ikk.tabel_pk(k, "pk-lampiran-ikk"))
    if pk.anggaran:
        # one value per quantity: the rows of a program the data hold twice (hitung.nilai_ganda)
        pk_jumlah = {
            i: g.dipakai for g in k.hasil.nilai_ganda if g.dipakai is not None for i in g.baris_pk
        }
        out.append(
            m.Tabel.buat(
                "pk-anggaran",
                "Perjanjian Kinerja: Anggaran",
                ["Kegiatan", "Anggaran"],
                [
                    [b.uraian, m.rupiah(pk_jumlah.get(i, b.jumlah))]
                    for i, b in enumerate(pk.anggaran)
                ],
                catatan=" ".join(_anggaran.catatan_nilai_ganda(k.hasil)) or None,
            )
        )
    ttd_ = [
        ttd(f"{label},", p.jabatan or "", p.nama, p.nip)
        for label, p in (("Pihak Kedua", pk.pihak_kedua), ("Pihak Pertama", pk.pihak_pertama))
        if p
    ]
    # place, date and both signatures in one block, kept on one page
    tempat = (
        f'<p class="tempat-tanggal">{m.esc(pk.tempat_tanggal)}</p>' if pk.tempat_tanggal else ""
    )
    out.append(
        m.Html(f'<div class="blok-ttd">{tempat}<div class="ttd-dua">{"".join(ttd_)}</div></div>')
    )
    return out


def lampiran_sk(k: Konteks) -> list[m.Blok]:
    lam = k.hasil.data.ini.lampiran
    sk = lam.sk_tim if lam else None
    if sk is None:
        return []
    out: list[m.Blok] = []
    meta = [
        x
        for x in (
            f"Nomor {sk.nomor}" if sk.nomor else None,
            f"tanggal {sk.tanggal}" if sk.tanggal else None,
        )
        if x
    ]
    if meta or sk.tentang:
        out.append(m.Paragraf(", ".join(meta) + (f" tentang {sk.tentang}" if sk.tentang else "")))
    if sk.tugas:
        out += [m.Paragraf("Tugas tim:"), m.Daftar(sk.tugas)]
    out.append(
        m.Tabel.buat(
            "sk-tim",
            "Susunan Tim Penyusun LKjIP",
            ["No.", "Kedudukan", "Nama/Jabatan"],
            [[m.bulat(i), a.peran, a.nama] for i, a in enumerate(sk.anggota, start=1)],
        )
    )
    return out


def lampiran_sop(k: Konteks) -> list[m.Blok]:
    lam = k.hasil.data.ini.lampiran
    sop = lam.sop if lam else None
    if sop is None:
        return []
    out: list[m.Blok] = [
        m.Paragraf(
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
        out += [m.Paragraf("Dasar hukum:"), m.Daftar(sop.dasar_hukum)]
    if sop.langkah:
        out.append(
            m.Tabel.buat(
                "sop-langkah",
                "Langkah SOP Penyusunan LKjIP",
                ["No.", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan"],
                [
                    [
                        m.bulat(x.no),
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
    return out


def lampiran_dokumen(k: Konteks) -> list[m.Blok]:
    lam = k.hasil.data.ini.lampiran
    if not lam or not lam.dokumen_lain:
        return []
    return [
        m.Tabel.buat(
            "dokumen-lain",
            "Dokumen Pendukung Lainnya",
            ["No.", "Dokumen", "Keterangan"],
            [
                [m.bulat(i), d.judul, d.keterangan or "–"]
                for i, d in enumerate(lam.dokumen_lain, start=1)
            ],
        )
    ]
