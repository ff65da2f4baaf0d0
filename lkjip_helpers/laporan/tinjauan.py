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

import re

from .. import format_id as f
from ..hitung import HasilLaporan
from ..periksa.masalah import LABEL_KELOMPOK, URUTAN_KELOMPOK, Masalah, Tinjauan
from . import model as m
from .model import Dokumen, esc, esc_atribut, slug

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
        f'<a href="{esc_atribut(BERKAS_LAPORAN + href)}">{esc(label)}</a>'
        for label, href in dict.fromkeys(tautan)
    ]
    return ", ".join(bagian)


def _entri(msl: Masalah, dok: Dokumen) -> m.Blok:
    blok = _entri_letak(msl, dok)
    if msl.kesimpulan:
        blok += [
            m.Paragraf("Kesimpulan yang berubah:", "subjudul"),
            m.Daftar(msl.kesimpulan, False),
        ]
    blok += _entri_angka(msl)
    if msl.perbaikan is not None:
        blok.append(
            m.Html(
                '<aside class="kotak perbaikan"><p class="kotak-judul">Sel yang mencocokkan tabel</p>'
                f"<p>{esc(msl.perbaikan.uraian)}</p></aside>"
            )
        )
    if msl.lokasi_data:
        blok.append(
            m.Html(
                f'<p class="lokasi-data"><a href="#letak-{esc_atribut(msl.id)}">Letak data untuk tim '
                "penyusun</a></p>"
            )
        )
    blok += _entri_tanggapan(msl)
    return m.Kelompok(f"masalah kelompok-{msl.kelompok}", blok, msl.id)


def _entri_letak(msl: Masalah, dok: Dokumen) -> list[m.Blok]:
    """An entry's heading, description and where it lies in our report and in the draft."""
    blok: list[m.Blok] = [
        m.Html(
            f"<h3{m.atribut(kelas=f'masalah tingkat-{msl.tingkat}', id=msl.id)}>"
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
    return blok


def _entri_angka(msl: Masalah) -> list[m.Blok]:
    """An entry's figures (stated by the draft and recomputed), other details and computations."""
    blok: list[m.Blok] = []
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
                        (
                            ("draf: " + r.draf + (f" — “{r.kutipan}”" if r.kutipan else ""))
                            if r.draf
                            else (r.kutipan or "–")
                        ),
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
    return blok


def _entri_tanggapan(msl: Masalah) -> list[m.Blok]:
    """The satker's response to an entry, or that a claimed fix did not hold, or that none came."""
    blok: list[m.Blok] = []
    if msl.tanggapan is not None:
        t = msl.tanggapan
        oleh = ", ".join(x for x in (t.oleh, t.tanggal) if x)
        blok.append(
            m.Html(
                f'<p class="tanggapan tanggapan-{esc_atribut(t.status)}"><strong>Tanggapan satker '
                f"({esc(STATUS_TANGGAPAN[t.status])}{', ' + esc(oleh) if oleh else ''}):</strong> "
                f"{esc(t.teks)}</p>"
            )
        )
        if t.status == "dijelaskan":
            terima = (
                f"penjelasan diterima oleh {t.diterima_oleh}, {t.tanggal_diterima}."
                if t.diterima
                else "penjelasan belum diterima peninjau; angka dan status di laporan tidak "
                "berubah karenanya."
            )
            blok.append(m.Html(f'<p class="tanggapan-penerimaan">{esc(_kapital(terima))}</p>'))
    if msl.perbaikan_gagal:
        blok.append(
            m.Html(
                '<p class="tanggapan tanggapan-gagal"><strong>Perbaikan belum terbukti:</strong> '
                f"{esc(', '.join(msl.perbaikan_gagal))} dijawab “diperbaiki”, tetapi masalah ini "
                "masih muncul pada data sekarang; jawaban itu tidak dihitung sebagai tanggapan.</p>"
            )
        )
    elif msl.tanggapan is None and msl.tingkat != "info":
        blok.append(
            m.Html(
                '<p class="tanggapan tanggapan-belum"><strong>Tanggapan satker:</strong> belum ada.</p>'
            )
        )
    return blok


def _kapital(teks: str) -> str:
    return teks[:1].upper() + teks[1:]


def _info(daftar: list[Masalah]) -> list[m.Blok]:
    out: list[m.Blok] = []
    for msl in daftar:
        rincian = [r.teks for r in msl.rincian]
        # a single note is its own title: its text is not repeated
        uraian = "" if msl.uraian.rstrip(".") == msl.judul else msl.uraian
        out.append(
            m.Html(
                f'<div class="info-ringkas" id="{esc_atribut(msl.id)}"><p><strong>{esc(msl.judul)}.</strong> '
                f"{esc(uraian)}</p></div>"
            )
        )
        sama = len(rincian) == 1 and rincian[0].rstrip(".") in (msl.uraian + " " + msl.judul)
        if rincian and not sama:
            out.append(m.Daftar(rincian, False))
    return out


def _bagian_lampiran(hasil: HasilLaporan) -> list[tuple[str, bool]]:
    """Parts a signed LKjIP carries besides its chapters (the draft had them): the signed PK
    as an image, and an image for every attached document the data list."""
    lamp = hasil.data.ini.lampiran
    gambar = list(lamp.gambar) if lamp else []
    judul_gambar = {g.judul.strip().lower() for g in gambar}
    pk = any(
        g.tempat == "perjanjian_kinerja" or "perjanjian kinerja" in g.judul.lower() for g in gambar
    )
    out = [("Lampiran — Perjanjian Kinerja bertanda tangan (pindaian)", pk)]
    for d in lamp.dokumen_lain if lamp else []:
        if "perjanjian kinerja" in d.judul.lower():
            continue
        out.append((f"Lampiran — gambar “{d.judul}”", d.judul.strip().lower() in judul_gambar))
    return out


def _kelengkapan(dok: Dokumen, hasil: HasilLaporan) -> list[m.Blok]:
    ada = {nama: bool(b) for bagian in dok.bab.values() for nama, b in bagian.items()}
    # the cover letter to the Kakanwil is an optional section (its fields in profil.yaml /
    # narasi.yaml); without them the section is empty or absent, so it is missing here
    surat = any(isi for nama, isi in ada.items() if "surat" in nama)
    daftar = [("Surat pengantar kepada Kepala Kantor Wilayah", surat)]
    daftar += [(label, ada.get(nama, False)) for nama, label in _BAGIAN_WAJIB]
    daftar += _bagian_lampiran(hasil)
    baris = [
        [label, m.teks("Ada" if isi else "Tidak ada", kelas="ada" if isi else "tidak-ada")]
        for label, isi in daftar
    ]
    kurang = [label for label, isi in daftar if not isi]
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
    return [
        m.Paragraf(
            f"Laporan memuat {len(tabel)} tabel bernomor dan {len(gambar)} gambar bernomor, "
            "dinomori per bab dan didaftar di Daftar Tabel dan Daftar Gambar. Setiap angka "
            "tabel dihitung dari data; angka hitung yang disebut narasi diambil langsung dari "
            "hasil hitung, sehingga tidak dapat berbeda dari tabel. " + _literal(dok, hasil)
        ),
    ]


def _literal(dok: Dokumen, hasil: HasilLaporan) -> str:
    """What became of the numbers typed in the narratives outside placeholders."""
    from collections import Counter

    from ..periksa.literal import STATUS_TEMUAN, STATUS_TERIKAT, literal_narasi

    daftar = [x for x, _ in literal_narasi(hasil, dok.kunci_rujukan().nomor)]
    if not daftar:
        return "Narasi tidak memuat angka yang diketik langsung."
    n = Counter(x.status for x in daftar)
    jenis = Counter(x.jenis for x in daftar)
    teks = (
        f"Narasi juga memuat {len(daftar)} angka yang diketik langsung oleh tim penyusun, "
        f"termasuk {jenis['tahun']} tahun dan {jenis['peraturan']} nomor atau tahun "
        f"peraturan; semuanya diperiksa: {n[STATUS_TEMUAN]} bertentangan dengan data (masing-"
        "masing menjadi temuan di bagian C, kalimatnya dikutip)"
    )
    if n[STATUS_TERIKAT]:
        teks += f", {n[STATUS_TERIKAT]} sama dengan angka hitung"
    lain = len(daftar) - n[STATUS_TEMUAN] - n[STATUS_TERIKAT]
    return (
        teks + f", {lain} lainnya sesuai atau tidak punya padanan dalam data (tanggal, frekuensi)."
    )


def _tim_penyusun(tj: Tinjauan, hasil: HasilLaporan) -> list[m.Blok]:
    """The part for the tim penyusun: where in the data files each problem is, and the
    transcription notes of the supporting tables (the reviewer's text names no file or line)."""
    out: list[m.Blok] = [
        m.Paragraf(
            "Letak setiap masalah di berkas data (berkas, baris, kolom), untuk membetulkan data "
            "atau teks. Bagian ini tidak diperlukan untuk reviu."
        )
    ]
    for msl in tj.masalah:
        if not msl.lokasi_data:
            continue
        out.append(
            m.Html(
                f'<div class="letak-data" id="letak-{esc_atribut(msl.id)}"><p><a href="#{esc_atribut(msl.id)}">'
                f"{esc(msl.judul)}</a> (<code>{esc(msl.id)}</code>)</p></div>"
            )
        )
        out.append(m.Daftar(msl.lokasi_data, False))
    transkripsi = [
        f"{x.kode}, {tp.judul}: {tp.catatan_transkripsi}"
        for x in hasil.ikk
        for tp in x.data.tabel_pendukung
        if tp.catatan_transkripsi
    ]
    if transkripsi:
        out += [
            m.Paragraf(
                "Catatan transkripsi tabel pendukung (letak dan bentuk aslinya di draf; tidak "
                "dicetak di laporan):",
                "subjudul",
            ),
            m.Daftar([_tanpa_kata_alat(x) for x in transkripsi], False),
        ]
    return out


def _tanpa_kata_alat(teks: str) -> str:
    """``seed baris 12`` → ``draf baris 12``: the draft is the draft, not a test "seed"."""
    return re.sub(r"\bseed\b", "draf", teks)


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
            f"Tanggapi {len(tj.belum_dijawab)} masalah yang belum ditanggapi (lihat Cara "
            "Menanggapi di akhir memo ini); jawaban “diperbaiki” atas masalah yang masih muncul "
            "tidak dihitung."
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
                    f'<li><a href="#{esc_atribut(x.id)}">{esc(x.judul)}</a></li>'
                    for x in tj.mengubah_kesimpulan
                )
                + "</ol>"
            )
        )
    out += [m.Judul(2, "A. Kelengkapan Bagian Laporan", "kelengkapan"), *_kelengkapan(dok, hasil)]
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
    out += [m.Judul(2, "E. Untuk Tim Penyusun: Letak Data", "tim-penyusun")]
    out += _tim_penyusun(tj, hasil)
    out += [
        m.Judul(2, "Cara Menanggapi", "cara-menanggapi"),
        m.Paragraf(
            f"Tim penyusun menjawab setiap masalah dengan idnya dalam berkas tanggapan.yaml di "
            f"folder data periode ini ({periode}/tanggapan.yaml): status “diperbaiki” (data atau "
            "teks sudah dibetulkan) atau “dijelaskan” (temuan tetap, dengan penjelasan). "
            "“Diperbaiki” diperiksa pada pembangunan berikutnya: bila masalahnya masih muncul, "
            "jawaban itu tidak dihitung. Penjelasan baru mengubah status IKK di laporan setelah "
            "peninjau menerimanya (diterima_oleh dan tanggal_diterima diisi). `lkjip periksa "
            "--ketat` menolak data selama masih ada masalah yang belum ditanggapi. Contoh:"
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
