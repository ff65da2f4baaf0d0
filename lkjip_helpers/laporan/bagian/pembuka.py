"""Cover, kata pengantar, ikhtisar eksekutif and chapter-level narratives."""

from __future__ import annotations

from ...muat import skema as s
from .. import kalimat
from .. import model as m
from ..konteks import Konteks
from ..model import esc
from . import ikk as _ikk


def sampul(k: Konteks) -> list[m.Blok]:
    sk = k.satker
    baris = [x for x in (sk.kementerian, sk.kanwil) if x]
    kontak = " · ".join(x for x in (sk.alamat, sk.laman, sk.surel) if x)
    return [
        m.Html(
            '<section class="sampul">'
            + "".join(f'<p class="sampul-instansi">{esc(x)}</p>' for x in baris)
            + '<p class="sampul-judul">LAPORAN KINERJA<br/>INSTANSI PEMERINTAH</p>'
            + '<p class="sampul-singkatan">(LKjIP)</p>'
            + f'<p class="sampul-tahun">{esc(k.judul_periode.upper())}</p>'
            + (
                f'<p class="sampul-rentang">Data {esc(k.periode.rentang_bulan)}'
                + (" (kumulatif)" if k.periode.sampai_dengan else "")
                + "</p>"
                if not k.periode.lengkap or not k.periode.tahunan
                else ""
            )
            + (f'<p class="sampul-rentang">{esc(ket)}</p>' if (ket := k.keterangan_periode) else "")
            + f'<p class="sampul-satker">{esc(sk.nama.upper())}</p>'
            + (
                '<p class="sampul-fiktif">DATA CONTOH FIKTIF — bukan laporan satker yang '
                "sebenarnya</p>"
                if k.hasil.data_contoh_fiktif
                else ""
            )
            + (f'<p class="sampul-kontak">{esc(kontak)}</p>' if kontak else "")
            + "</section>"
        )
    ]


def ttd(atas: str, jabatan: str, nama: str, nip: str | None) -> str:
    """A signature block: place/date or role line, position, name, NIP (escaped markup)."""
    return (
        f'<div class="ttd"><p>{esc(atas)}</p><p>{esc(jabatan)}</p>'
        f'<p class="ttd-nama">{esc(nama)}</p>'
        + (f'<p class="ttd-nip">NIP {esc(nip)}</p>' if nip else "")
        + "</div>"
    )


def surat_pengantar(k: Konteks) -> list[m.Blok]:
    """The cover letter to the Kanwil (narasi.yaml ``surat_pengantar``), in the form of the
    draft's "Surat Pengantar": letterhead, date, addressee, number, the table of what is sent,
    and the signatory (the head of the satker unless the letter names another)."""
    n = k.narasi
    sp = n.surat_pengantar if n else None
    if sp is None or not sp.tampilkan:
        return []
    return [
        m.Html(
            '<section class="surat-pengantar">'
            + _kop_surat(k.satker)
            + f'<p class="surat-tanggal">{esc(sp.tanggal)}</p>'
            + _tujuan_surat(sp)
            + '<p class="surat-judul">SURAT PENGANTAR</p>'
            + f'<table class="surat-meta utuh"><tbody>{_meta_surat(sp)}</tbody></table>'
            + _tabel_isi_surat(k, sp)
            + _tanda_tangan_surat(sp, sp.penandatangan or k.hasil.profil.kepala)
            + "</section>"
        )
    ]


def _kop_surat(sk: s.Satker) -> str:
    """The letterhead: ministry, Kanwil and satker, then the contact line."""
    kop = [x for x in (sk.kementerian, sk.kanwil, sk.nama) if x]
    kontak = " · ".join(
        x
        for x in (
            sk.alamat,
            f"Laman: {sk.laman}" if sk.laman else None,
            f"Surel: {sk.surel}" if sk.surel else None,
        )
        if x
    )
    return (
        '<div class="kop-surat">'
        + "".join(f'<p class="kop-baris">{esc(x.upper())}</p>' for x in kop)
        + (f'<p class="kop-kontak">{esc(kontak)}</p>' if kontak else "")
        + "</div>"
    )


def _tujuan_surat(sp: s.SuratPengantar) -> str:
    return (
        f'<p class="surat-tujuan">Yth. {esc(sp.kepada)}'
        + (f"<br/>di -<br/>{esc(sp.alamat_tujuan)}" if sp.alamat_tujuan else "")
        + "</p>"
    )


def _meta_surat(sp: s.SuratPengantar) -> str:
    """Rows of the number, enclosures and subject lines that are written."""
    return "".join(
        f"<tr><td>{esc(label)}</td><td>:</td><td>{esc(isi)}</td></tr>"
        for label, isi in (("Nomor", sp.nomor), ("Lampiran", sp.lampiran), ("Perihal", sp.perihal))
        if isi
    )


def _tabel_isi_surat(k: Konteks, sp: s.SuratPengantar) -> str:
    """The table of what is sent: the document, how many, and the letter's text."""
    sk = k.satker
    naskah = sp.naskah or kalimat.naskah_surat_pengantar(sk.nama, k.judul_periode)
    isi = sp.isi or kalimat.isi_surat_pengantar(sk.nama, k.judul_periode)
    isi_html = k.narasi_blok(isi)
    return (
        '<table class="surat-isi utuh"><thead><tr><th>No.</th><th>Naskah Dinas yang Dikirim</th>'
        "<th>Banyaknya</th><th>Keterangan</th></tr></thead><tbody><tr><td>1.</td>"
        f"<td>{esc(naskah)}</td><td>{esc(sp.banyaknya or kalimat.BANYAKNYA_SURAT_PENGANTAR)}</td>"
        f"<td>{isi_html.html() if isi_html else ''}</td></tr></tbody></table>"
    )


def _tanda_tangan_surat(sp: s.SuratPengantar, ttd_oleh: s.Pejabat) -> str:
    jabatan = ttd_oleh.jabatan or "Kepala"
    return (
        '<div class="ttd ttd-surat"><p>Pengirim</p>'
        f"<p>{esc(jabatan)},</p>"
        + (f"<p>{esc(sp.keterangan_tanda_tangan)}</p>" if sp.keterangan_tanda_tangan else "")
        + f'<p class="ttd-nama">{esc(ttd_oleh.nama)}</p>'
        + (f'<p class="ttd-nip">NIP {esc(ttd_oleh.nip)}</p>' if ttd_oleh.nip else "")
        + "</div>"
    )


def kata_pengantar(k: Konteks) -> list[m.Blok]:
    hasil = k.hasil
    sk = k.satker
    kepala = hasil.profil.kepala
    teks = k.teks_narasi("kata_pengantar")
    isi: list[m.Blok]
    if teks:
        isi = [k.narasi_blok(teks)]  # type: ignore[list-item]
    else:
        tercapai, _ = k.jumlah_status
        isi = [
            m.Paragraf(p)
            for p in kalimat.kata_pengantar(sk.nama, k.judul_periode, len(hasil.ikk), tercapai)
        ]
    n = k.narasi
    tempat = n.tempat_tanggal if n and n.tempat_tanggal else f"{sk.kota or ''}, {hasil.tahun}"
    return [
        m.Kelompok(
            "kata-pengantar",
            [
                m.Judul(1, "KATA PENGANTAR", "kata-pengantar", "pengantar"),
                *isi,
                m.Html(ttd(tempat, kepala.jabatan or "Kepala", kepala.nama, kepala.nip)),
            ],
        )
    ]


def narasi(k: Konteks, nama: str) -> list[m.Blok]:
    """A chapter-level narrative of ``narasi.yaml``; nothing when it is not filled in."""
    blok = k.narasi_blok(k.teks_narasi(nama))
    return [blok] if blok else []


def ikhtisar(k: Konteks) -> list[m.Blok]:
    hasil = k.hasil
    out: list[m.Blok] = []
    teks = k.narasi_blok(k.teks_narasi("ikhtisar_eksekutif"))
    if teks:
        out.append(teks)
    tercapai, _ = k.jumlah_status
    out.append(
        m.Paragraf(
            kalimat.ikhtisar_capaian(
                k.periode,
                k.judul_periode,
                k.satker.nama_singkat,
                len(hasil.sasaran),
                len(hasil.ikk),
                tercapai,
                [(x.kode, x.defn.nama, x.capaian) for x in hasil.tidak_tercapai],
                k.status_lain(),
            )
        )
    )
    if hasil.anggaran:
        t = hasil.anggaran.total
        out.append(
            m.Paragraf(
                kalimat.ikhtisar_anggaran(k.periode, t.pagu, t.realisasi, t.penyerapan, t.sisa)
            )
        )
    if hasil.nka:
        x = hasil.nka
        out.append(
            m.Paragraf(
                kalimat.ikhtisar_nka(
                    x.nilai,
                    x.aturan.bobot_smart,
                    x.smart,
                    x.aturan.bobot_ikpa,
                    x.ikpa,
                    hasil.ikpa.predikat if hasil.ikpa else None,
                )
            )
        )
    out.append(
        _ikk.tabel_capaian(
            k, "ikhtisar-capaian-ikk", f"Capaian Indikator Kinerja Kegiatan {k.judul_periode}"
        )
    )
    return out
