"""The review memo (``tinjauan.html``): for the reviewer (APIP, Kanwil) and the tim penyusun.

Shaped like the notes of an APIP review of an LKjIP: a summary (problems by level, the IKK that
need verification, the differences that change a conclusion), then A. completeness of the
required parts, B. format and structure, C. reliability of the figures (one entry per distinct
problem, linked to our own tables and sections in ``laporan.html``, the draft's locations
marked as the draft's, stated vs computed values, the hand computation, the reconciling cell,
the satker's answer), D. recommendations, and how to answer in ``tanggapan.yaml``.

Built from the grouped findings (:class:`~lkjip_helpers.periksa.masalah.Tinjauan`) and the
report's document model (for the numbers and anchors of our tables).
"""

from __future__ import annotations

from .. import format_id as f
from ..hitung import HasilLaporan
from ..periksa.masalah import LABEL_KELOMPOK, URUTAN_KELOMPOK, Masalah, Tinjauan
from . import model as m
from .model import Dokumen, esc, slug

BERKAS_LAPORAN = "laporan.html"

TINGKAT = {"error": "Error", "peringatan": "Peringatan", "info": "Info"}
STATUS_TANGGAPAN = {"diperbaiki": "Diperbaiki", "dijelaskan": "Dijelaskan"}

_TABEL_SUBJEK = {
    "smart": ("smart-dja",),
    "ikpa": ("ikpa",),
    "nka": ("nilai-kinerja-anggaran",),
    "e_performance": ("e-performance",),
    "e_monev": ("e-monev",),
    "pk": ("perjanjian-kinerja",),
}
_TABEL_ANGGARAN = {
    "per_sasaran": "anggaran-sasaran-{tahun}",
    "per_jenis_belanja": "anggaran-jenis-{tahun}",
    "per_program": "anggaran-program",
}
_PROFIL = {"penghuni": "hunian", "kapasitas": "hunian", "pegawai": "pegawai-jenis-kelamin"}
_BAGIAN_WAJIB: list[tuple[str, str]] = [
    ("ikhtisar", "Ikhtisar Eksekutif"),
    ("narasi:latar_belakang", "Bab I — Latar belakang"),
    ("gambaran_umum", "Bab I — Gambaran umum (kapasitas, penghuni, sarana)"),
    ("kepegawaian", "Bab I — Data kepegawaian"),
    ("tugas_fungsi", "Bab I — Tugas, fungsi dan struktur organisasi"),
    ("aspek_isu_strategis", "Bab I — Aspek dan isu strategis"),
    ("renstra", "Bab II — Rencana Strategis"),
    ("perjanjian_kinerja", "Bab II — Perjanjian Kinerja"),
    ("alokasi_anggaran", "Bab II — Alokasi anggaran"),
    ("capaian_ringkas", "Bab III A — Capaian IKK"),
    ("realisasi_anggaran", "Bab III B — Realisasi anggaran"),
    ("efisiensi", "Bab III B — Efisiensi sumber daya"),
    ("smart_dja", "Bab III C — SMART-DJA"),
    ("ikpa", "Bab III C — IKPA"),
    ("kinerja_lainnya", "Bab III D — Capaian kinerja lainnya"),
    ("kesimpulan", "Bab IV — Kesimpulan"),
    ("saran", "Bab IV — Saran"),
    ("lampiran_pk", "Lampiran — Dokumen Perjanjian Kinerja"),
]


def tautan_subjek(subjek: tuple[str | int, ...], dok: Dokumen) -> list[tuple[str, str]]:
    """(label, href into laporan.html) of the places of our report a subject concerns."""
    if not subjek:
        return []
    jenis, *sisa = subjek
    kunci: tuple[str, ...] = ()
    hasil: list[tuple[str, str]] = []
    if jenis == "ikk" and sisa:
        kode = str(sisa[0])
        hasil.append((f"analisis IKK {kode} (Bab III A)", f"#ikk-{slug(kode)}"))
        kunci = (f"{kode}-target-realisasi",)
    elif jenis == "ikk":
        kunci = ("capaian-ikk", "rekap-ketercapaian")
    elif jenis == "sasaran" and sisa:
        hasil.append((f"sasaran {sisa[0]} (Bab III A)", f"#sasaran-{slug(str(sisa[0]))}"))
        kunci = ("efisiensi-sasaran",)
    elif jenis == "anggaran" and len(sisa) >= 2 and sisa[1] in _TABEL_ANGGARAN:
        kunci = (_TABEL_ANGGARAN[str(sisa[1])].format(tahun=sisa[0]),)
    elif jenis == "anggaran" and sisa:
        kunci = (f"anggaran-sasaran-{sisa[0]}", "anggaran-perbandingan")
    elif jenis == "profil" and sisa:
        kunci = (_PROFIL.get(str(sisa[0]), ""),)
    else:
        kunci = _TABEL_SUBJEK.get(str(jenis), ())
    for k in kunci:
        t = dok.cari("tabel", k)
        if t is not None:
            hasil.append((t.label, f"#{t.id}"))
    return hasil


def _tautan_html(tautan: list[tuple[str, str]]) -> str:
    bagian = [
        f'<a href="{esc(BERKAS_LAPORAN + href)}">{esc(label)}</a>'
        for label, href in dict.fromkeys(tautan)
    ]
    return ", ".join(bagian)


def _entri(msl: Masalah, dok: Dokumen) -> m.Blok:
    blok: list[m.Blok] = [
        m.Html(
            f'<h3 id="{esc(msl.id)}" class="masalah tingkat-{esc(msl.tingkat)}">'
            f'<span class="lencana">{esc(TINGKAT[msl.tingkat])}</span> {esc(msl.judul)}</h3>'
            f'<p class="id-masalah">Id: <code>{esc(msl.id)}</code></p>'
        ),
        m.Paragraf(msl.uraian),
    ]
    tautan = [t for s in msl.subjek for t in tautan_subjek(s, dok)]
    if tautan:
        blok.append(
            m.Html(f'<p class="letak"><strong>Di laporan ini:</strong> {_tautan_html(tautan)}</p>')
        )
    if msl.draf:
        blok.append(
            m.Html(
                '<p class="letak-draf"><strong>Letak di draf</strong> (penomoran draf, bukan '
                f"laporan ini): {esc('; '.join('draf: ' + d for d in msl.draf))}</p>"
            )
        )
    if msl.kesimpulan:
        blok += [
            m.Paragraf("Kesimpulan yang berubah:", "subjudul"),
            m.Daftar(msl.kesimpulan, False),
        ]
    angka = [r for r in msl.rincian if r.dinyatakan or r.dihitung]
    if angka:
        blok.append(
            m.Tabel.buat(
                f"angka-{msl.id}",
                "Angka dinyatakan draf dan hasil hitung",
                ["Angka", "Dinyatakan draf", "Hasil hitung", "Letak di draf"],
                [
                    [
                        r.label or r.teks,
                        r.dinyatakan or "–",
                        r.dihitung or "–",
                        ("draf: " + r.draf) if r.draf else (r.kutipan or "–"),
                    ]
                    for r in angka
                ],
                bernomor=False,
            )
        )
    lain = [r.teks for r in msl.rincian if not (r.dinyatakan or r.dihitung)]
    if len(lain) > 1 or (lain and lain[0] != msl.uraian.rstrip(".")):
        blok += [m.Paragraf("Rincian:", "subjudul"), m.Daftar(lain, False)]
    if msl.perhitungan:
        blok += [m.Paragraf("Perhitungan:", "subjudul"), m.Daftar(msl.perhitungan, False)]
    if msl.perbaikan is not None:
        blok.append(
            m.Html(
                '<aside class="kotak perbaikan"><p class="kotak-judul">Sel yang mencocokkan tabel</p>'
                f"<p>{esc(msl.perbaikan.uraian)}</p></aside>"
            )
        )
    if msl.lokasi_data:
        blok.append(
            m.Paragraf(
                "Lokasi data (untuk tim penyusun): " + "; ".join(msl.lokasi_data) + ".",
                "lokasi-data",
            )
        )
    if msl.tanggapan is not None:
        t = msl.tanggapan
        oleh = ", ".join(x for x in (t.oleh, t.tanggal) if x)
        blok.append(
            m.Html(
                f'<p class="tanggapan tanggapan-{esc(t.status)}"><strong>Tanggapan satker '
                f"({esc(STATUS_TANGGAPAN[t.status])}{', ' + esc(oleh) if oleh else ''}):</strong> "
                f"{esc(t.teks)}</p>"
            )
        )
    elif msl.tingkat != "info":
        blok.append(
            m.Html(
                '<p class="tanggapan tanggapan-belum"><strong>Tanggapan satker:</strong> belum ada.</p>'
            )
        )
    return m.Kelompok(f"masalah kelompok-{msl.kelompok}", blok, msl.id)


def _info(daftar: list[Masalah]) -> list[m.Blok]:
    out: list[m.Blok] = []
    for msl in daftar:
        rincian = [r.teks for r in msl.rincian]
        out.append(
            m.Html(
                f'<div class="info-ringkas" id="{esc(msl.id)}"><p><strong>{esc(msl.judul)}.</strong> '
                f"{esc(msl.uraian)}</p></div>"
            )
        )
        if len(rincian) > 1:
            out.append(m.Daftar(rincian, False))
    return out


def _kelengkapan(dok: Dokumen) -> list[m.Blok]:
    ada = {nama: bool(b) for bagian in dok.bab.values() for nama, b in bagian.items()}
    baris = []
    for nama, label in _BAGIAN_WAJIB:
        isi = ada.get(nama, False)
        baris.append(
            [label, m.teks("Ada" if isi else "Tidak ada", kelas="ada" if isi else "tidak-ada")]
        )
    kurang = [label for nama, label in _BAGIAN_WAJIB if not ada.get(nama, False)]
    return [
        m.Paragraf(
            "Bagian laporan menurut PermenPANRB 53/2014 dan struktur LKjIP Kemenkumham. Bagian "
            "tanpa data tidak dicetak di laporan."
            + (f" Belum ada: {'; '.join(kurang)}." if kurang else " Semua bagian tersedia.")
        ),
        m.Tabel.buat(
            "kelengkapan", "Kelengkapan Bagian Laporan", ["Bagian", "Status"], baris, bernomor=False
        ),
    ]


def _format(dok: Dokumen, hasil: HasilLaporan) -> list[m.Blok]:
    tabel = dok.semua_tabel()
    gambar = [g for bagian in dok.bab.values() for b in bagian.values() for g in b.gambar]
    transkripsi = [
        f"{x.kode}, {tp.judul}: {tp.catatan_transkripsi}"
        for x in hasil.ikk
        for tp in x.data.tabel_pendukung
        if tp.catatan_transkripsi
    ]
    catatan: list[m.Blok] = (
        [
            m.Paragraf(
                "Catatan transkripsi tabel pendukung (letak dan bentuk aslinya di draf; tidak "
                "dicetak di laporan):",
                "subjudul",
            ),
            m.Daftar(transkripsi, False),
        ]
        if transkripsi
        else []
    )
    return [
        m.Paragraf(
            f"Laporan memuat {len(tabel)} tabel bernomor dan {len(gambar)} gambar bernomor, "
            "dinomori per bab dan didaftar di Daftar Tabel dan Daftar Gambar. Setiap angka "
            "dihitung dari data; angka dalam narasi ditulis melalui isian yang terikat pada "
            "data, sehingga narasi dan tabel tidak dapat berbeda."
        ),
        *catatan,
    ]


def _rekomendasi(tj: Tinjauan) -> list[str]:
    butir = []
    n = tj.jumlah_kelompok
    if n["error"]:
        butir.append(f"Perbaiki {n['error']} kesalahan data sebelum laporan disusun ulang.")
    if tj.perlu_verifikasi:
        butir.append(
            "Verifikasi data "
            + ", ".join(v.kode for v in tj.perlu_verifikasi)
            + " dengan dokumen sumbernya; perbaiki datanya atau jelaskan dalam tanggapan."
        )
    if n["kesimpulan"]:
        butir.append(
            f"Tindak lanjuti {n['kesimpulan']} perbedaan yang mengubah kesimpulan sebelum "
            "laporan ditandatangani; angka draf yang berbeda jangan dipakai lagi."
        )
    if tj.belum_dijawab:
        butir.append(
            f"Tanggapi {len(tj.belum_dijawab)} masalah yang belum ditanggapi dalam "
            "tanggapan.yaml (lihat bagian terakhir memo ini); `lkjip check --ketat` menolak "
            "data selama masih ada yang belum ditanggapi."
        )
    return butir or ["Tidak ada masalah yang perlu ditindaklanjuti."]


def susun_tinjauan(tj: Tinjauan, hasil: HasilLaporan, dok: Dokumen) -> list[m.Blok]:
    """The memo's blocks, from the grouped findings ``tj`` and the report's model ``dok``."""
    sk = hasil.data.satker
    periode = hasil.data.ini.kunci  # the folder actually read (2022-semester-1)
    n, nt = tj.jumlah, tj.jumlah_temuan
    out: list[m.Blok] = [
        m.Html(
            '<section class="sampul-tinjauan">'
            '<p class="jenis-dokumen">MEMO TINJAUAN</p>'
            f'<p class="judul-tinjauan">Laporan Kinerja Instansi Pemerintah '
            f"{esc(hasil.periode.judul)}</p>"
            f'<p class="satker">{esc(sk.nama)}</p>'
            f'<p class="keterangan">Disusun otomatis oleh lkjip dari data satker pada '
            f"{esc(f.tanggal(f.sekarang_wib().date()))}. "
            "Untuk reviu (APIP, Kantor Wilayah) dan tim penyusun; bukan bagian dari LKjIP yang "
            "ditandatangani. Suntingan yang dibuat di Word pada laporan.docx berada di luar "
            "pemeriksaan ini (sidik sha256 DOCX hasil build tercatat di build.json).</p></section>"
        ),
        m.Judul(2, "Ringkasan", "ringkasan"),
        m.Tabel.buat(
            "ringkasan-tingkat",
            "Masalah dan temuan per tingkat",
            ["Tingkat", "Masalah berbeda", "Temuan", "Belum ditanggapi"],
            [
                [
                    TINGKAT[t],
                    m.bulat(n[t]),
                    m.bulat(nt[t]),
                    m.bulat(sum(1 for x in tj.belum_dijawab if x.tingkat == t))
                    if t != "info"
                    else "–",
                ]
                for t in ("error", "peringatan", "info")
            ],
            bernomor=False,
        ),
    ]
    if tj.perlu_verifikasi:
        out += [
            m.Judul(3, "IKK yang perlu verifikasi", "perlu-verifikasi"),
            m.Tabel.buat(
                "ringkasan-verifikasi",
                "IKK berstatus Perlu verifikasi",
                ["IKK", "Alasan", "Status menurut angka saja"],
                [
                    [f"{v.kode} {v.nama}", v.alasan, v.status_hitung or "–"]
                    for v in tj.perlu_verifikasi
                ],
                bernomor=False,
            ),
        ]
    if tj.mengubah_kesimpulan:
        out.append(m.Judul(3, "Perbedaan yang mengubah kesimpulan", "mengubah-kesimpulan"))
        out.append(
            m.Html(
                "<ol>"
                + "".join(
                    f'<li><a href="#{esc(x.id)}">{esc(x.judul)}</a></li>'
                    for x in tj.mengubah_kesimpulan
                )
                + "</ol>"
            )
        )
    out += [m.Judul(2, "A. Kelengkapan Bagian Laporan", "kelengkapan"), *_kelengkapan(dok)]
    out += [m.Judul(2, "B. Format dan Struktur", "format"), *_format(dok, hasil)]
    out.append(m.Judul(2, "C. Keandalan Angka", "keandalan"))
    out.append(
        m.Paragraf(
            "Setiap angka laporan dihitung ulang dari data dan dibandingkan dengan angka yang "
            "dinyatakan draf. Satu entri per masalah berbeda, diurutkan menurut pengaruhnya; "
            "letak di draf memakai penomoran draf sendiri, tautan “Di laporan ini” menuju tabel "
            "dan bagian laporan hasil susunan ini."
        )
    )
    for kelompok in sorted({x.kelompok for x in tj.masalah}, key=URUTAN_KELOMPOK.get):
        anggota = [x for x in tj.masalah if x.kelompok == kelompok]
        out.append(
            m.Judul(3, f"{LABEL_KELOMPOK[kelompok]} ({len(anggota)})", f"kelompok-{kelompok}")
        )
        if kelompok == "info":
            out += _info(anggota)
        else:
            out += [_entri(x, dok) for x in anggota]
    out += [m.Judul(2, "D. Rekomendasi", "rekomendasi"), m.Daftar(_rekomendasi(tj))]
    out += [
        m.Judul(2, "Cara Menanggapi", "cara-menanggapi"),
        m.Paragraf(
            f"Tim penyusun menjawab setiap masalah dengan idnya dalam berkas tanggapan.yaml di "
            f"folder data periode ini ({periode}/tanggapan.yaml): status “diperbaiki” (data atau "
            "teks sudah dibetulkan) atau “dijelaskan” (temuan tetap, dengan penjelasan). Contoh:"
        ),
        m.Html(
            '<pre class="contoh">tanggapan:\n'
            + "".join(
                f"  - id: {esc(x.id)}\n    status: dijelaskan\n    teks: …\n"
                for x in (tj.belum_dijawab[:2] or tj.masalah[:1])
            )
            + "</pre>"
        ),
    ]
    return out
