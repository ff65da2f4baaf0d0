"""Perjanjian Kinerja table, capaian summary and the per-IKK analyses of Bab III A."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from ... import format_id as f
from ...hitung import RingkasanSasaran
from ...hitung.capaian import (
    LABEL_AGREGASI,
    PERLU_VERIFIKASI,
    TERCAPAI,
    TIDAK_TERCAPAI,
    HasilIkk,
    HasilRealisasi,
    Nilai,
)
from ...muat.periode import label_periode
from ...tidak_diketahui import TidakDiketahui
from .. import grafik, kalimat
from .. import model as m
from ..konteks import Konteks

KELAS_STATUS = {
    TERCAPAI: "status-ok",
    TIDAK_TERCAPAI: "status-gagal",
    PERLU_VERIFIKASI: "status-verifikasi",
}


def _v(x: HasilIkk, nilai: Decimal | None) -> m.Sel:
    return m.nilai_satuan(nilai, x.defn.satuan)


TANDA_RENSTRA = "*)"
"""Footnote mark after a target taken from the Renstra because the PK target is missing."""


def _target(x: HasilIkk) -> m.Sel:
    """The target cell, marked when it is the Renstra fallback (:func:`catatan_renstra`)."""
    sel = _v(x, x.target)
    if x.sumber_target == "Renstra":
        return replace(sel, teks=sel.teks + TANDA_RENSTRA)
    return sel


def catatan_renstra(k: Konteks) -> list[str]:
    """The one explanation of :data:`TANDA_RENSTRA`, when a table shows a marked target."""
    kode = [x.kode for x in k.ikk if x.sumber_target == "Renstra"]
    if not kode:
        return []
    return [kalimat.catatan_target_renstra(TANDA_RENSTRA, k.tahun, kode)]


def _status(x: HasilIkk) -> m.Sel:
    return m.teks(x.status, kelas=KELAS_STATUS.get(x.status, "status-na"))


def _baris_per_sasaran(
    k: Konteks, kolom_ikk: Callable[[HasilIkk], list[m.Sel]]
) -> list[list[m.Sel]]:
    """Rows grouped by sasaran (No. and sasaran cells span its IKK) + ``kolom_ikk(x)``."""
    baris = []
    for r in k.hasil.sasaran:
        for i, x in enumerate(r.ikk):
            awal = [
                m.teks(str(r.nomor), baris=len(r.ikk)),
                m.teks(r.sasaran.nama, baris=len(r.ikk)),
            ]
            baris.append((awal if i == 0 else []) + kolom_ikk(x))
    return baris


def tabel_pk(k: Konteks, kunci: str = "perjanjian-kinerja") -> m.Tabel:
    return m.Tabel.buat(
        kunci,
        f"Perjanjian Kinerja {k.satker.nama_singkat} Tahun {k.tahun}",  # the PK is annual
        ["No.", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Satuan", "Target"],
        _baris_per_sasaran(
            k, lambda x: [m.teks(f"{x.kode} {x.defn.nama}"), m.teks(x.defn.satuan), _target(x)]
        ),
        catatan=catatan_renstra(k),
    )


def perjanjian_kinerja(k: Konteks) -> list[m.Blok]:
    return [tabel_pk(k)] if k.ikk else []


def catatan_verifikasi(k: Konteks) -> list[str]:
    """Footnotes of the IKK whose data need verification (why, and that they are left out of
    the averages)."""
    return [
        kalimat.catatan_verifikasi_rekap(x.kode, x.uraian_verifikasi)
        for x in k.hasil.perlu_verifikasi
    ]


def tabel_capaian(k: Konteks, kunci: str, judul: str) -> m.Tabel:
    baris = _baris_per_sasaran(
        k,
        lambda x: [
            m.teks(f"{x.kode} {x.defn.nama}"),
            _target(x),
            _v(x, x.nilai_realisasi),
            m.persen(x.capaian),
            _status(x),
        ],
    )
    return m.Tabel.buat(
        kunci,
        judul,
        [
            "No.",
            "Sasaran Kegiatan",
            "Indikator Kinerja Kegiatan",
            "Target",
            "Realisasi",
            "Capaian",
            "Status",
        ],
        baris,
        catatan=catatan_renstra(k),
    )


def ringkas(k: Konteks) -> list[m.Blok]:
    hasil = k.hasil
    if not hasil.ikk:
        return []
    out: list[m.Blok] = [
        tabel_capaian(k, "capaian-ikk", f"Capaian IKK per Sasaran Kegiatan {k.judul_periode}"),
        _tabel_rekap_ketercapaian(k),
    ]
    if hasil.alasan_tanpa_pembanding:
        out.append(m.Paragraf(hasil.alasan_tanpa_pembanding))
    out.append(_grafik_capaian(k))
    out += _grafik_persen(k)
    out += metode(k)
    return out


@dataclass(frozen=True)
class _KolomStatus:
    """An optional status column of the ketercapaian summary: its header, the count of one
    sasaran and the report's total."""

    judul: str
    per_sasaran: Callable[[RingkasanSasaran], int]
    jumlah: int


def _kolom_status_opsional(k: Konteks) -> list[_KolomStatus]:
    """The status columns present in the report: the columns add up to Jumlah IKK, one
    column per status that occurs."""
    hasil = k.hasil
    kolom = [
        _KolomStatus("Perlu verifikasi", lambda r: r.perlu_verifikasi, len(hasil.perlu_verifikasi)),
        _KolomStatus("Tidak dapat dinilai", lambda r: r.tidak_dihitung, len(hasil.tidak_dihitung)),
        _KolomStatus("Tidak berlaku", lambda r: r.tidak_berlaku, len(hasil.tidak_berlaku)),
    ]
    return [c for c in kolom if c.jumlah]


def _tabel_rekap_ketercapaian(k: Konteks) -> m.Tabel:
    hasil = k.hasil
    opsional = _kolom_status_opsional(k)
    ringkasan = [
        [
            m.teks(f"{r.sasaran.kode} {r.sasaran.nama}"),
            m.bulat(len(r.ikk)),
            m.bulat(r.tercapai),
            m.bulat(r.tidak_tercapai),
            *(m.bulat(c.per_sasaran(r)) for c in opsional),
            m.persen(r.rata_capaian),
        ]
        for r in hasil.sasaran
    ]
    tercapai, tidak = k.jumlah_status
    ringkasan.append(
        [
            m.teks("Jumlah", kelas="jumlah"),
            m.bulat(len(hasil.ikk), kelas="jumlah"),
            m.bulat(tercapai, kelas="jumlah"),
            m.bulat(tidak, kelas="jumlah"),
            *(m.bulat(c.jumlah, kelas="jumlah") for c in opsional),
            m.teks("", kelas="jumlah"),
        ]
    )
    return m.Tabel.buat(
        "rekap-ketercapaian",
        "Rekapitulasi Ketercapaian IKK per Sasaran Kegiatan",
        [
            "Sasaran Kegiatan",
            "Jumlah IKK",
            "Tercapai",
            "Tidak tercapai",
            *(c.judul for c in opsional),
            "Rata-rata capaian",
        ],
        ringkasan,
        catatan=[kalimat.catatan_rekap(bool(hasil.perlu_verifikasi)), *catatan_verifikasi(k)],
    )


def _grafik_capaian(k: Konteks) -> m.Gambar:
    hasil = k.hasil
    grup_idx = {r.sasaran.kode: i for i, r in enumerate(hasil.sasaran)}
    return m.Gambar.grafik(
        "capaian-ikk",
        f"Capaian IKK {k.judul_periode} terhadap Garis 100%",
        grafik.capaian_ikk,
        [x.kode for x in hasil.ikk],
        [x.capaian for x in hasil.ikk],
        [grup_idx[x.defn.sasaran] for x in hasil.ikk],
        [r.sasaran.kode for r in hasil.sasaran],
        [x.status == PERLU_VERIFIKASI for x in hasil.ikk],
    )


def _grafik_persen(k: Konteks) -> list[m.Blok]:
    """Target against realisasi of the IKK measured in percent (and last year's, if known)."""
    hasil = k.hasil
    persen = [x for x in hasil.ikk if x.defn.satuan.strip() == "%"]
    if not persen:
        return []
    ada_lalu = any(x.realisasi_lalu is not None for x in persen)
    tahun = f"{hasil.tahun} dan {hasil.tahun - 1}" if ada_lalu else str(hasil.tahun)
    return [
        m.Gambar.grafik(
            "target-realisasi-persen",
            f"Target dan Realisasi IKK Bersatuan Persen, {tahun}",
            grafik.target_realisasi,
            [x.kode for x in persen],
            [x.target for x in persen],
            [x.nilai_realisasi for x in persen],
            [x.realisasi_lalu for x in persen] if ada_lalu else None,
            hasil.tahun,
        )
    ]


def metode(k: Konteks) -> list[m.Blok]:
    """The method note of Bab III A: how capaian is measured, said once, and each IKK's
    target source and direction in one table (instead of a note under every IKK table)."""
    hasil = k.hasil
    th = hasil.tahun
    ada_lalu = any(x.realisasi_lalu is not None or x.capaian_lalu is not None for x in hasil.ikk)
    lalu = [x for x in hasil.ikk if x.sumber_target_lalu]
    kolom = [
        "IKK",
        f"Sumber target {th}",
        *([f"Sumber target {th - 1}"] if lalu else []),
        "Arah indikator",
    ]
    baris = [
        [
            m.teks(f"{x.kode} {x.defn.nama}"),
            m.teks(kalimat.sumber_target(x.sumber_target, th, x.target, x.defn.satuan)),
            *(
                [
                    m.teks(
                        kalimat.sumber_target(
                            x.sumber_target_lalu, th - 1, x.target_lalu, x.defn.satuan
                        )
                        if x.sumber_target_lalu
                        else "–"
                    )
                ]
                if lalu
                else []
            ),
            m.teks(kalimat.ARAH.get(x.defn.polaritas, x.defn.polaritas)),
        ]
        for x in hasil.ikk
    ]
    return [
        m.Judul(4, "Metode Pengukuran Capaian", "metode-pengukuran"),
        m.Paragraf(
            kalimat.metode_pengukuran(
                th,
                any(x.defn.polaritas == "turun" for x in hasil.ikk),
                any(x.sumber_target == "Renstra" for x in hasil.ikk),
                ada_lalu,
            )
        ),
        m.Tabel.buat(
            "metode-ikk",
            "Sumber Target dan Arah Indikator Kinerja Kegiatan",
            kolom,
            baris,
            kelas="metode",
        ),
    ]


# --------------------------------------------------------------------------- per IKK


BarisRumus = tuple[m.BagianRumus, ...]


def rumus(x: HasilIkk) -> m.Rumus | None:
    """The realisasi and capaian formulas with the actual numbers."""
    r = x.realisasi
    baris = _rumus_realisasi(x, r) if r is not None else []
    catatan: list[str] = []
    if r is not None and r.keterangan:
        catatan.append(r.keterangan[:1].upper() + r.keterangan[1:] + ".")
    baris_capaian, catatan_capaian = _rumus_capaian(x)
    baris += baris_capaian
    catatan += catatan_capaian
    return m.Rumus(baris, catatan) if baris or catatan else None


def _rumus_realisasi(x: HasilIkk, r: HasilRealisasi) -> list[BarisRumus]:
    """The realisasi lines: a fraction with its numbers, a period aggregate with each
    period's value, or the bare value (nothing when it is unknown)."""
    if isinstance(r.pembilang, Decimal | int) and isinstance(r.penyebut, Decimal | int):
        return _realisasi_pecahan(x, r.pembilang, r.penyebut, r.nilai)
    if r.per_periode and isinstance(r.nilai, Decimal | int):
        return [_realisasi_per_periode(x, r)]
    if not isinstance(r.nilai, TidakDiketahui):
        return [("Realisasi =", m.Tebal(f.nilai_satuan(r.nilai, x.defn.satuan)))]
    return []


def _realisasi_pecahan(
    x: HasilIkk, pembilang: Decimal | int, penyebut: Decimal | int, nilai: Nilai | None
) -> list[BarisRumus]:
    d = x.defn
    return [
        (
            "Realisasi =",
            m.Pecahan(d.pembilang or "pembilang", d.penyebut or "penyebut"),
            "× 100%",
        ),
        (
            "=",
            m.Pecahan(f.angka(pembilang, 2, ringkas=True), f.angka(penyebut, 2, ringkas=True)),
            "× 100% =",
            m.Tebal(f.persen(nilai)),
        ),
    ]


def _nilai_periode(v: Nilai | None, satuan: str) -> str:
    if isinstance(v, TidakDiketahui):
        return "belum tersedia"
    return f.nilai_satuan(v, satuan) if v is not None else "–"


def _realisasi_per_periode(x: HasilIkk, r: HasilRealisasi) -> BarisRumus:
    d = x.defn
    bagian = "; ".join(
        f"{label_periode(r.jenis_periode, ke)} {_nilai_periode(v, d.satuan)}"
        for ke, v in r.per_periode
    )
    return (
        f"Realisasi ({LABEL_AGREGASI.get(d.agregasi, d.agregasi)}; {bagian}) =",
        m.Tebal(f.nilai_satuan(r.nilai, d.satuan)),
    )


def _rumus_capaian(x: HasilIkk) -> tuple[list[BarisRumus], list[str]]:
    """The capaian lines, or the note saying why there is no capaian."""
    if isinstance(x.capaian, TidakDiketahui):
        kurang = "targetnya" if isinstance(x.target, TidakDiketahui) else "realisasinya"
        return [], [f"Capaian belum dapat dihitung karena {kurang} belum tersedia."]
    r = x.realisasi
    if x.capaian is not None and r is not None and x.target is not None:
        d = x.defn
        rv, tv = f.nilai_satuan(r.nilai, d.satuan), f.nilai_satuan(x.target, d.satuan)
        hasil = m.Tebal(f.persen(x.capaian))
        if d.polaritas == "turun":
            return [
                ("Capaian = (2 −", m.Pecahan("Realisasi", "Target"), ") × 100%"),
                ("= (2 −", m.Pecahan(rv, tv), ") × 100% =", hasil),
            ], []
        return [
            ("Capaian =", m.Pecahan("Realisasi", "Target"), "× 100%"),
            ("=", m.Pecahan(rv, tv), "× 100% =", hasil),
        ], []
    if x.galat:
        return [], [kalimat.capaian_tidak_dihitung(x.galat)]
    return [], []


NAMA_PERIODE = {"bulan": "Bulan", "triwulan": "Triwulan", "semester": "Semester"}


def tabel_periode(k: Konteks, x: HasilIkk) -> m.Tabel | None:
    """The IKK's realisations per month/triwulan/semester with the summary rows its
    aggregation defines (Jumlah, Rata-rata, Akhir periode); the row that is the realisasi
    of the period is said in the note."""
    tp = x.realisasi.tabel if x.realisasi is not None else None
    if tp is None or not tp.baris:
        return None
    d = x.defn
    rasio = d.jenis == "rasio"
    kolom = ["Periode", *(["Pembilang", "Penyebut"] if rasio else []), "Realisasi", "Keterangan"]

    def nilai(v: object) -> m.Sel:
        return m.nilai_satuan(v, d.satuan)  # type: ignore[arg-type]

    def angka(v: object) -> m.Sel:
        return m.angka(v, ringkas=True)  # type: ignore[arg-type]

    baris = [
        [
            m.teks(b.label),
            *([angka(b.pembilang), angka(b.penyebut)] if rasio else []),
            nilai(b.nilai),
            m.teks(b.keterangan or ""),
        ]
        for b in tp.baris
    ]
    for r in tp.ringkasan():
        baris.append(
            [
                m.teks(r.label, kelas="jumlah"),
                *(
                    [
                        m.angka(r.pembilang, ringkas=True, kelas="jumlah"),
                        m.angka(r.penyebut, ringkas=True, kelas="jumlah"),
                    ]  # type: ignore[arg-type]
                    if rasio
                    else []
                ),
                m.nilai_satuan(r.nilai, d.satuan, kelas="jumlah"),  # type: ignore[arg-type]
                m.teks(r.keterangan or "", kelas="jumlah"),
            ]
        )
    mulai = (tp.baris[0].label if tp.mulai is None else _label_mulai(tp)) if tp.mulai else None
    catatan = [
        kalimat.catatan_agregasi(
            k.judul_periode, LABEL_AGREGASI.get(tp.agregasi, tp.agregasi), mulai
        )
    ]
    if tp.kurang:
        catatan.append(
            kalimat.catatan_belum_ada_data([b.label for b in tp.baris if b.ke in tp.kurang])
        )
    jenis = NAMA_PERIODE.get(tp.jenis, tp.jenis.capitalize())
    return m.Tabel.buat(
        f"{x.kode}-periode",
        f"Realisasi {x.kode} per {jenis}, {k.judul_periode}",
        kolom,
        baris,
        catatan=catatan,
        kelas="periode",
    )


def _label_mulai(tp: object) -> str:
    mulai = getattr(tp, "mulai", None)
    baris = getattr(tp, "baris", ())
    return next((b.label for b in baris if b.ke == mulai), str(mulai))


def _teks_perubahan(x: HasilIkk) -> m.Sel:
    """``Meningkat 3,50 poin`` / ``Turun 17,86 poin`` / ``Tetap`` (never "Turun -17,86")."""
    if x.perubahan is None:
        return m.teks(x.label_perubahan)
    besar = f.poin(abs(x.perubahan)).removeprefix("+")
    teks = x.label_perubahan if f.bulatkan(x.perubahan, 2) == 0 else f"{x.label_perubahan} {besar}"
    return m.Sel(teks, x.perubahan, "poin")


def _sub(judul: list[str], teks: str) -> m.Judul:
    """A numbered sub-heading of an IKK analysis: numbers follow the sub-sections present."""
    judul.append(teks)
    return m.Judul(5, f"{len(judul)}. {teks}")


def _renstra(k: Konteks, x: HasilIkk, judul: list[str]) -> list[m.Blok]:
    d, th = x.defn, k.tahun
    n = x.data.narasi
    out: list[m.Blok] = []
    if x.target_renstra:
        tahun = list(x.target_renstra)
        periode = k.hasil.data.katalog.periode_renstra
        akhir = periode[1] if periode and periode[1] in x.target_renstra else tahun[-1]
        rentang = f"{tahun[0]}–{tahun[-1]}" if len(tahun) > 1 else str(tahun[0])
        # a partial period's realisasi is named by its months and said to be partial
        sebagian = k.periode.sebagian_tahun
        nama_real = k.periode.rentang_bulan if sebagian else str(th)
        out.append(
            m.Tabel.buat(
                f"{x.kode}-renstra",
                f"Target Renstra {rentang} dan Realisasi {nama_real} {x.kode}",
                ["Indikator", *[str(t) for t in tahun], f"Realisasi {nama_real}"],
                [
                    [
                        m.teks(d.nama),
                        *[_v(x, x.target_renstra[t]) for t in tahun],
                        _v(x, x.nilai_realisasi),
                    ]
                ],
            )
        )
        r = x.nilai_realisasi
        if isinstance(r, Decimal) and x.status == PERLU_VERIFIKASI:
            out.append(m.Paragraf(kalimat.renstra_menunggu_verifikasi(nama_real, r, d.satuan)))
        elif isinstance(r, Decimal):
            kal = kalimat.perbandingan_renstra(
                th,
                r,
                d.satuan,
                d.polaritas,
                x.target_renstra.get(th),
                (akhir, x.target_renstra[akhir])
                if akhir != th and (periode or len(tahun) > 1)
                else None,
                nama_real,
                k.periode.rentang_bulan if sebagian else None,
            )
            if kal:
                out.append(m.Paragraf(kal))
    if (b := k.narasi_blok(n.perbandingan_renstra)) is not None:
        out.append(b)
    if out:
        out.insert(0, _sub(judul, "Perbandingan dengan Target Jangka Menengah (Renstra)"))
    return out


def _analisis_ikk(k: Konteks, x: HasilIkk) -> list[m.Blok]:
    d = x.defn
    judul: list[str] = []
    out: list[m.Blok] = [m.Judul(4, f"IKK {x.kode}: {d.nama}", f"ikk-{m.slug(x.kode)}", "ikk")]
    # 1. target vs realisasi
    out += _target_realisasi(k, x, judul)
    # 2. vs last year
    out += _tahun_lalu(k, x, judul)
    # 3. vs Renstra
    out += _renstra(k, x, judul)
    # 4. national standard
    out += _standar_nasional(k, x, judul)
    # causes, programme analysis, efficiency
    out += _sebab_dan_efisiensi(k, x, judul)
    out += _tabel_pendukung(x)
    return [m.Kelompok("analisis-ikk", out, x.kode)]


def _target_realisasi(k: Konteks, x: HasilIkk, judul: list[str]) -> list[m.Blok]:
    """Sub-section 1: the target against the realisation, with formula and period data."""
    d = x.defn
    n = x.data.narasi
    th = k.tahun
    out: list[m.Blok] = [
        _sub(judul, f"Perbandingan Target dan Realisasi Kinerja {k.judul_periode}")
    ]
    out.append(
        m.Tabel.buat(
            f"{x.kode}-target-realisasi",
            f"Target dan Realisasi {x.kode} {k.judul_periode}",
            ["Indikator Kinerja Kegiatan", "Satuan", "Target", "Realisasi", "Capaian", "Status"],
            [
                [
                    m.teks(d.nama),
                    m.teks(d.satuan),
                    _target(x),
                    _v(x, x.nilai_realisasi),
                    m.persen(x.capaian),
                    _status(x),
                ]
            ],
            catatan=[
                *(
                    [kalimat.catatan_target_renstra(TANDA_RENSTRA, th)]
                    if x.sumber_target == "Renstra"
                    else []
                ),
                *(
                    [kalimat.catatan_verifikasi_ikk(x.uraian_verifikasi)]
                    if x.status == PERLU_VERIFIKASI and x.uraian_verifikasi
                    else []
                ),
                *(
                    [kalimat.catatan_penjelasan(x.penjelasan_verifikasi)]
                    if x.penjelasan_verifikasi
                    else []
                ),
            ],
            kelas="ikk",
        )
    )
    if (r := rumus(x)) is not None:
        out.append(r)
    if (tp := tabel_periode(k, x)) is not None:
        out.append(tp)
    if (b := k.narasi_blok(n.penjelasan)) is not None:
        out.append(b)
    return out


def _tahun_lalu(k: Konteks, x: HasilIkk, judul: list[str]) -> list[m.Blok]:
    """Sub-section 2: the comparison with last year (or the same months of it)."""
    d = x.defn
    n = x.data.narasi
    th = k.tahun
    lalu: list[m.Blok] = []
    if x.realisasi_lalu is not None or x.capaian_lalu is not None:
        pl = k.hasil.periode_lalu
        catatan_lalu = (
            kalimat.catatan_sebagian_tahun(k.periode.rentang_bulan, pl.rentang_bulan)
            if k.periode.sebagian_tahun and pl is not None
            else None
        )
        lalu.append(
            m.Tabel.buat(
                f"{x.kode}-tahun-lalu",
                f"Perbandingan Realisasi dan Capaian {x.kode}, {th - 1}–{th}",
                [
                    [
                        m.teks("Indikator", baris=2),
                        m.teks(str(th - 1), rentang=2),
                        m.teks(str(th), rentang=2),
                        m.teks("Perubahan capaian", baris=2),
                    ],
                    [
                        m.teks("Realisasi"),
                        m.teks("Capaian"),
                        m.teks("Realisasi"),
                        m.teks("Capaian"),
                    ],
                ],
                [
                    [
                        m.teks(d.nama),
                        _v(x, x.realisasi_lalu),
                        m.persen(x.capaian_lalu),
                        _v(x, x.nilai_realisasi),
                        m.persen(x.capaian),
                        _teks_perubahan(x),
                    ]
                ],
                catatan=catatan_lalu,
            )
        )
    if (b := k.narasi_blok(n.perbandingan_tahun_lalu)) is not None:
        lalu.append(b)
    if lalu and (alasan := k.hasil.alasan_tanpa_pembanding):
        lalu.insert(0, m.Paragraf(alasan))
    if not lalu:
        return []
    pl = k.hasil.periode_lalu
    judul_lalu = (
        f"Perbandingan {k.periode.rentang_bulan} dengan {pl.rentang_bulan}"
        if k.periode.sebagian_tahun and pl is not None
        else f"Perbandingan dengan Tahun {th - 1}"
    )
    return [_sub(judul, judul_lalu), *lalu]


def _standar_nasional(k: Konteks, x: HasilIkk, judul: list[str]) -> list[m.Blok]:
    """Sub-section 4: the comparison with the national standard."""
    d = x.defn
    n = x.data.narasi
    std = x.data.standar_nasional if x.data.standar_nasional is not None else d.standar_nasional
    nasional: list[m.Blok] = []
    if std is not None and x.nilai_realisasi is not None:
        nasional.append(
            m.Paragraf(
                kalimat.standar_nasional(
                    f.nilai_satuan(std, d.satuan),
                    f.nilai_satuan(x.nilai_realisasi, d.satuan),
                    x.nilai_realisasi >= std,
                )
            )
        )
    if (b := k.narasi_blok(n.standar_nasional or d.keterangan_standar_nasional)) is not None:
        nasional.append(b)
    if not nasional:
        return []
    return [_sub(judul, "Perbandingan dengan Standar Nasional"), *nasional]


def _sebab_dan_efisiensi(k: Konteks, x: HasilIkk, judul: list[str]) -> list[m.Blok]:
    """Causes, supporting programmes, efficiency of resources and efforts."""
    n = x.data.narasi
    out: list[m.Blok] = []
    judul_sebab = {
        TERCAPAI: "Penyebab Keberhasilan",
        TIDAK_TERCAPAI: "Penyebab Kegagalan",
    }.get(x.status, "Penyebab Keberhasilan/Kegagalan")
    for teks_judul, teks in (
        (judul_sebab, n.penyebab),
        ("Analisis Program/Kegiatan yang Menunjang", n.analisis_program),
    ):
        if (b := k.narasi_blok(teks)) is not None:
            out += [_sub(judul, teks_judul), b]
    efisien = [b for b in (k.narasi_blok(n.efisiensi_sumber_daya), k.narasi_blok(n.upaya)) if b]
    if efisien:
        out += [_sub(judul, "Efisiensi Sumber Daya dan Upaya"), *efisien]
    return out


def _tabel_pendukung(x: HasilIkk) -> list[m.Blok]:
    """The supporting tables the data attach to an IKK."""
    return [
        m.Tabel.buat(
            f"{x.kode}-pendukung-{i}",
            tp.judul,
            tp.kolom,
            [[_sel_bebas(c) for c in row] for row in tp.baris],
            catatan=tp.catatan,
        )
        for i, tp in enumerate(x.data.tabel_pendukung, start=1)
    ]


def _sel_bebas(c: object) -> m.Sel:
    if isinstance(c, bool) or c is None:
        return m.teks("–" if c is None else str(c))
    if isinstance(c, int | Decimal):
        return m.angka(c, ringkas=True)
    if isinstance(c, float):
        return m.angka(f.ke_decimal(c), ringkas=True)
    return m.teks(str(c))


def analisis_sasaran(k: Konteks, kode: str) -> list[m.Blok]:
    hasil = k.hasil
    r = next((x for x in hasil.sasaran if x.sasaran.kode == kode), None)
    if r is None:
        raise KeyError(f"sasaran {kode!r} tidak ada dalam Perjanjian Kinerja {hasil.tahun}")
    out: list[m.Blok] = [
        m.Judul(
            3, f"Sasaran Kegiatan {r.nomor}: {r.sasaran.nama}", f"sasaran-{m.slug(kode)}", "sasaran"
        )
    ]
    out.append(
        m.Paragraf(
            kalimat.ringkasan_sasaran(
                len(r.ikk),
                (
                    r.tercapai,
                    r.tidak_tercapai,
                    r.perlu_verifikasi,
                    r.tidak_dihitung,
                    r.tidak_berlaku,
                ),
                r.rata_capaian,
                r.penyerapan,
                r.selisih_efisiensi,
                r.label_efisiensi,
                kalimat.porsi_periode(r.penyerapan_relatif, k.periode.bulan_terakhir),
            )
        )
    )
    for x in r.ikk:
        out += _analisis_ikk(k, x)
    return out
