"""Bab II budget allocation and Bab III B–D (budget, SMART-DJA, IKPA, NKA, other measures)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ... import format_id as f
from ...hitung import HasilLaporan
from ...hitung.anggaran import BarisAnggaran, HasilAnggaran
from ...hitung.aturan import (
    LABEL_ASPEK_IKPA,
    LABEL_KOMPONEN_IKPA,
    LABEL_KOMPONEN_SMART,
    AturanTidakAda,
    aturan_nka,
)
from ...tidak_diketahui import TIDAK_DIKETAHUI, diketahui
from .. import grafik, kalimat
from .. import model as m
from ..konteks import Konteks

KOLOM = ["Uraian", "Pagu", "Realisasi", "Penyerapan", "Sisa"]


def _baris(b: BarisAnggaran, label: str | None = None, kelas: str | None = None) -> list[m.Sel]:
    return [
        m.teks(label or b.label, kelas=kelas),
        m.rupiah(b.pagu, kelas),
        m.rupiah(b.realisasi, kelas),
        m.persen(b.penyerapan, kelas=kelas),
        m.rupiah(b.sisa, kelas),
    ]


def _selisih(a: object, b: object) -> object:
    """a − b; ``None`` when either is missing or unknown."""
    return a - b if isinstance(a, Decimal) and isinstance(b, Decimal) else None


def _tabel_rincian(
    kunci: str,
    judul: str,
    baris: list[BarisAnggaran],
    jumlah: BarisAnggaran | None,
    total: BarisAnggaran,
    label_fn: Callable[[BarisAnggaran], str] | None = None,
    catatan_sel: str | None = None,
) -> m.Tabel:
    """Parts, their sum and the DIPA total as entered; when they disagree, the difference is
    shown as its own row (the data are never adjusted to agree)."""
    isi = [_baris(b, label_fn(b) if label_fn else None) for b in baris]
    catatan = None
    dilewati: tuple[str, ...] = ()
    if jumlah is not None:
        dilewati = tuple(dict.fromkeys((*jumlah.dilewati_pagu, *jumlah.dilewati_realisasi)))
        label = "Jumlah rincian" + (
            f" (tanpa {', '.join(dilewati)}: data tidak tersedia)" if dilewati else ""
        )
        isi.append(_baris(jumlah, label, "jumlah"))
    isi.append(_baris(total, "Total DIPA", "jumlah"))
    if dilewati:
        catatan = kalimat.CATATAN_RINCIAN_TIDAK_DIKETAHUI
    elif jumlah is not None and (jumlah.pagu != total.pagu or jumlah.realisasi != total.realisasi):
        sp = _selisih(jumlah.pagu, total.pagu)
        sr = _selisih(jumlah.realisasi, total.realisasi)
        isi.append(
            [
                m.teks("Selisih jumlah rincian − total DIPA", kelas="selisih"),
                m.rupiah(sp, "selisih"),  # type: ignore[arg-type]
                m.rupiah(sr, "selisih"),  # type: ignore[arg-type]
                m.teks("", kelas="selisih"),
                m.teks("", kelas="selisih"),
            ]
        )
        catatan = kalimat.catatan_rincian_selisih()
    catatan = " ".join(x for x in (catatan, catatan_sel) if x) or None
    return m.Tabel.buat(kunci, judul, KOLOM, isi, catatan=catatan)


def catatan_sel_koreksi(hasil: HasilLaporan, tahun: int, tabel: str) -> str | None:
    """The note under a budget table one of whose cells is printed as the figures of the table
    support (not as entered); the review memo's entry for that table shows the cell as
    entered and the evidence."""
    for sel in hasil.sel_koreksi:
        if (sel.tahun, sel.tabel) == (tahun, tabel):
            return kalimat.catatan_sel_koreksi(sel.ukuran, sel.label_bagian, tahun, sel.cocok)
    return None


def alokasi(k: Konteks) -> list[m.Blok]:
    hasil = k.hasil
    a = hasil.anggaran
    if a is None:
        return []
    out: list[m.Blok] = [m.Paragraf(kalimat.pagu_dipa(hasil.tahun, a.total.pagu))]
    if a.per_program:
        prog = hasil.data.ini.anggaran.per_program  # type: ignore[union-attr]
        # the computed rows hold the one value the evidence supports (hitung.nilai_ganda)
        isi = [
            [
                m.bulat(i),
                m.teks(p.program),
                m.teks(p.kegiatan or "–"),
                m.teks(", ".join(p.sasaran) or "–"),
                m.rupiah(b.pagu),
            ]
            for i, (p, b) in enumerate(zip(prog, a.per_program, strict=True), start=1)
        ]
        assert a.program_jumlah is not None
        isi.append(
            [
                m.teks("", kelas="jumlah"),
                m.teks("Jumlah", kelas="jumlah"),
                m.teks("", kelas="jumlah"),
                m.teks("", kelas="jumlah"),
                m.rupiah(a.program_jumlah.pagu, "jumlah"),
            ]
        )
        beda = (
            isinstance(a.program_jumlah.pagu, Decimal)
            and isinstance(a.total.pagu, Decimal)
            and a.program_jumlah.lengkap
            and a.program_jumlah.pagu != a.total.pagu
        )
        out.append(
            m.Tabel.buat(
                "anggaran-program",
                "Anggaran dalam Perjanjian Kinerja per Program/Kegiatan",
                ["No.", "Program", "Kegiatan", "Sasaran", "Anggaran"],
                isi,
                catatan=" ".join(
                    x
                    for x in (
                        kalimat.catatan_program_beda(a.program_jumlah.pagu, a.total.pagu)  # type: ignore[arg-type]
                        if beda
                        else "",
                        *catatan_nilai_ganda(hasil),
                    )
                    if x
                )
                or None,
            )
        )
    if a.per_sasaran:
        out.append(
            _tabel_rincian(
                "alokasi-sasaran",
                f"Alokasi dan Realisasi Anggaran per Sasaran Kegiatan {k.judul_periode}",
                a.per_sasaran,
                a.sasaran_jumlah,
                a.total,
                lambda b: f"{b.kunci} {b.label}",
            )
        )
    return out


def _tahun(
    a: HasilAnggaran, tahun: int, judul: str | None = None, hasil: HasilLaporan | None = None
) -> list[m.Blok]:
    """Budget tables of one year (``judul``: how captions name the period, default
    ``Tahun <tahun>``)."""

    def sel(tabel: str) -> str | None:
        return catatan_sel_koreksi(hasil, tahun, tabel) if hasil is not None else None

    judul = judul or f"Tahun {tahun}"
    out: list[m.Blok] = []
    if a.per_sasaran:
        out.append(
            _tabel_rincian(
                f"anggaran-sasaran-{tahun}",
                f"Pagu dan Realisasi Anggaran per Sasaran Kegiatan {judul}",
                a.per_sasaran,
                a.sasaran_jumlah,
                a.total,
                lambda b: f"{b.kunci} {b.label}",
                sel("per_sasaran"),
            )
        )
    if a.per_jenis:
        out.append(
            _tabel_rincian(
                f"anggaran-jenis-{tahun}",
                f"Pagu dan Realisasi Anggaran per Jenis Belanja {judul}",
                a.per_jenis,
                a.jenis_jumlah,
                a.total,
                catatan_sel=sel("per_jenis_belanja"),
            )
        )
    return out


def realisasi(k: Konteks) -> list[m.Blok]:
    hasil = k.hasil
    a, al = hasil.anggaran, hasil.anggaran_lalu
    if a is None:
        return []
    out: list[m.Blok] = []
    if (b := k.narasi_blok(k.teks_narasi("realisasi_anggaran"))) is not None:
        out.append(b)
    out.append(_paragraf_realisasi(k, a.total))
    out += _tahun(a, hasil.tahun, k.judul_periode, hasil)
    if a.per_sasaran:
        out.append(_grafik_per_sasaran(k, a))
    if (b := k.narasi_blok(k.teks_narasi("realisasi_anggaran_analisis"))) is not None:
        out.append(b)
    if al is not None:
        out += _tahun_lalu_anggaran(k, a, al)
    elif hasil.alasan_tanpa_pembanding:
        out.append(m.Paragraf(hasil.alasan_tanpa_pembanding))
    return out


def _paragraf_realisasi(k: Konteks, t: BarisAnggaran) -> m.Paragraf:
    """The budget summary sentence: the full one when pagu and realisasi are known."""
    if diketahui(t.pagu) and diketahui(t.realisasi):
        return m.Paragraf(
            kalimat.realisasi_anggaran(
                k.judul_periode,
                t.pagu,
                t.realisasi,
                t.penyerapan,
                t.sisa,
                None if k.periode.lengkap else k.periode.rentang_bulan,
            )
        )
    return m.Paragraf(
        kalimat.ikhtisar_anggaran(k.periode, t.pagu, t.realisasi, t.penyerapan, t.sisa)
    )


def _grafik_per_sasaran(k: Konteks, a: HasilAnggaran) -> m.Gambar:
    return m.Gambar.grafik(
        f"pagu-realisasi-sasaran-{k.hasil.tahun}",
        f"Pagu dan Realisasi per Sasaran Kegiatan {k.judul_periode}",
        grafik.pagu_realisasi,
        [b.kunci for b in a.per_sasaran],
        [b.pagu for b in a.per_sasaran],
        [b.realisasi for b in a.per_sasaran],
        [b.penyerapan for b in a.per_sasaran],
    )


def _tahun_lalu_anggaran(k: Konteks, a: HasilAnggaran, al: HasilAnggaran) -> list[m.Blok]:
    """Last year's budget (heading and tables) and the comparison with this year."""
    hasil = k.hasil
    pl = hasil.periode_lalu
    judul = (
        f"Realisasi Anggaran {pl.rentang_bulan}"
        if pl is not None and k.periode.sebagian_tahun
        else f"Realisasi Anggaran Tahun {hasil.tahun - 1}"
    )
    return [
        m.Judul(3, judul, f"anggaran-{hasil.tahun - 1}"),
        *_tahun(al, hasil.tahun - 1, hasil=hasil),
        _tabel_perbandingan(k, a, al),
    ]


def _tabel_perbandingan(k: Konteks, a: HasilAnggaran, al: HasilAnggaran) -> m.Tabel:
    hasil = k.hasil
    baris = [
        [m.teks(label), m.rupiah(y), m.rupiah(x), m.rupiah(_selisih(x, y))]  # type: ignore[arg-type]
        for label, x, y in (
            ("Pagu", a.total.pagu, al.total.pagu),
            ("Realisasi", a.total.realisasi, al.total.realisasi),
        )
    ]
    baris.append(
        [
            m.teks("Penyerapan"),
            m.persen(al.total.penyerapan),
            m.persen(a.total.penyerapan),
            m.poin(_selisih(a.total.penyerapan, al.total.penyerapan)),  # type: ignore[arg-type]
        ]
    )
    pl = hasil.periode_lalu
    sebagian = k.periode.sebagian_tahun
    return m.Tabel.buat(
        "anggaran-perbandingan",
        f"Perbandingan Anggaran {hasil.tahun - 1}–{hasil.tahun}",
        [
            "Uraian",
            str(hasil.tahun - 1) if not sebagian or pl is None else pl.rentang_bulan,
            str(hasil.tahun) if not sebagian else k.periode.rentang_bulan,
            "Perubahan",
        ],
        baris,
        catatan=(
            kalimat.catatan_sebagian_tahun(k.periode.rentang_bulan, pl.rentang_bulan)
            if sebagian and pl is not None
            else None
        ),
    )


def efisiensi(k: Konteks) -> list[m.Blok]:
    hasil = k.hasil
    if not hasil.sasaran or hasil.anggaran is None:
        return []
    ambang = k.satker.pengaturan.efisiensi.ambang
    porsi = hasil.porsi_penyerapan
    baris = [
        [
            m.teks(f"{r.sasaran.kode} {r.sasaran.nama}"),
            m.persen(r.rata_capaian),
            m.persen(r.penyerapan),
            *([m.persen(r.penyerapan_relatif)] if porsi else []),
            m.poin(r.selisih_efisiensi),
            m.teks(r.label_efisiensi or "tidak dapat dinilai"),
        ]
        for r in hasil.sasaran
    ]
    return [
        m.Paragraf(
            kalimat.pengantar_efisiensi(
                ambang,
                (k.judul_periode, k.periode.rentang_bulan, porsi.persen, porsi.sumber)
                if porsi
                else None,
            )
        ),
        m.Tabel.buat(
            "efisiensi-sasaran",
            "Capaian Kinerja dan Penyerapan Anggaran per Sasaran",
            [
                "Sasaran Kegiatan",
                "Rata-rata capaian",
                "Penyerapan",
                *([f"Penyerapan terhadap porsi {f.persen(porsi.persen)}"] if porsi else []),
                "Selisih",
                "Penilaian",
            ],
            baris,
        ),
    ]


def smart(k: Konteks) -> list[m.Blok]:
    hasil = k.hasil
    s = hasil.smart
    if s is None:
        return []
    out: list[m.Blok] = []
    if (b := k.narasi_blok(k.teks_narasi("smart_dja"))) is not None:
        out.append(b)
    baris = [
        [
            m.teks(LABEL_KOMPONEN_SMART[kom]),
            m.angka(s.komponen[kom]),
            m.persen(s.aturan.bobot[kom], 1),
            m.angka(s.kontribusi[kom], 4),
        ]
        for kom in s.aturan.bobot
    ]
    baris.append(
        [
            m.teks("Nilai SMART-DJA", kelas="jumlah"),
            m.teks("", kelas="jumlah"),
            m.persen(100, 0, kelas="jumlah"),
            m.angka(s.nilai, kelas="jumlah"),
        ]
    )
    ev = hasil.data.ini.evaluasi
    ada_efisiensi = bool(ev and ev.smart and ev.smart.efisiensi is not None)
    cat = kalimat.catatan_smart(
        s.aturan.dasar,
        ev.smart.efisiensi if ada_efisiensi else None,  # type: ignore[union-attr]
        s.nilai_efisiensi_rumus if ada_efisiensi else None,
        s.komponen["nilai_efisiensi"]
        if ada_efisiensi and ev.smart.nilai_efisiensi is not None  # type: ignore[union-attr]
        else None,
    )
    out.append(
        m.Tabel.buat(
            "smart-dja",
            f"Nilai Kinerja Anggaran SMART-DJA Tahun {hasil.tahun}",
            ["Komponen", "Nilai", "Bobot", "Nilai × bobot"],
            baris,
            catatan=cat,
        )
    )
    return out


def ikpa(k: Konteks) -> list[m.Blok]:
    hasil = k.hasil
    x = hasil.ikpa
    if x is None:
        return []
    out: list[m.Blok] = []
    if (b := k.narasi_blok(k.teks_narasi("ikpa"))) is not None:
        out.append(b)
    baris = []
    for aspek, anggota in x.aturan.aspek.items():
        for i, kom in enumerate(anggota):
            v = x.nilai_komponen.get(kom)
            awal = (
                [
                    m.teks(LABEL_ASPEK_IKPA[aspek], baris=len(anggota)),
                    m.Sel(
                        f.angka(x.aspek[aspek]) if x.aspek[aspek] is not None else "–",
                        x.aspek[aspek],
                        "angka",
                        baris=len(anggota),
                    ),
                ]
                if i == 0
                else []
            )
            baris.append(
                [
                    *awal,
                    m.teks(LABEL_KOMPONEN_IKPA[kom]),
                    m.angka(v) if v is not None else m.teks("tidak dinilai"),
                    m.angka(x.aturan.bobot[kom], 0),
                    m.angka(x.nilai_akhir.get(kom)) if kom in x.nilai_akhir else m.teks("–"),
                ]
            )
    baris.append(
        [m.teks("Nilai IKPA", kelas="jumlah", rentang=5), m.angka(x.nilai, kelas="jumlah")]
    )
    cat = kalimat.catatan_ikpa(x.aturan.dasar, x.predikat, x.konversi_bobot, x.pengurang)
    out.append(
        m.Tabel.buat(
            "ikpa",
            f"Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA) {hasil.tahun}",
            ["Aspek", "Nilai aspek", "Komponen", "Nilai", "Bobot", "Nilai akhir"],
            baris,
            catatan=cat,
        )
    )
    label = [LABEL_KOMPONEN_IKPA[kom] for kom in x.aturan.bobot]
    out.append(
        m.Gambar.grafik(
            "ikpa-komponen",
            f"Nilai Komponen IKPA {hasil.tahun}",
            grafik.komponen,
            label,
            [x.nilai_komponen[kom] for kom in x.aturan.bobot],
            f"IKPA {f.angka(x.nilai)} ({x.predikat})",
        )
    )
    return out


def _nka_tanpa_hitung(k: Konteks) -> list[m.Blok]:
    """The combined score's table when SMART-DJA or IKPA has a component written "tidak
    diketahui": what is known, and the score "data tidak tersedia" (the table stays, so a
    narrative citing it still finds it)."""
    hasil = k.hasil
    ev = hasil.data.ini.evaluasi
    if ev is None or ev.smart is None or ev.ikpa is None:
        return []
    try:
        a = aturan_nka(hasil.tahun)
    except AturanTidakAda:
        return []
    smart = hasil.smart.nilai if hasil.smart else TIDAK_DIKETAHUI
    ikpa = hasil.ikpa.nilai if hasil.ikpa else TIDAK_DIKETAHUI

    def kali(v: object, bobot: Decimal) -> object:
        return v * bobot / 100 if isinstance(v, Decimal) else TIDAK_DIKETAHUI

    baris = [
        [
            m.teks("Nilai SMART-DJA"),
            m.angka(smart),
            m.persen(a.bobot_smart, 0),
            m.angka(kali(smart, a.bobot_smart), 4),
        ],  # type: ignore[arg-type]
        [
            m.teks("Nilai IKPA"),
            m.angka(ikpa),
            m.persen(a.bobot_ikpa, 0),
            m.angka(kali(ikpa, a.bobot_ikpa), 4),
        ],  # type: ignore[arg-type]
        [
            m.teks("Nilai Kinerja Anggaran", kelas="jumlah"),
            m.teks("", kelas="jumlah"),
            m.persen(100, 0, kelas="jumlah"),
            m.teks(f.TIDAK_TERSEDIA, kelas="jumlah"),
        ],
    ]
    return [
        m.Tabel.buat(
            "nilai-kinerja-anggaran",
            f"Nilai Kinerja Anggaran Gabungan {hasil.tahun}",
            ["Komponen", "Nilai", "Bobot", "Nilai × bobot"],
            baris,
            catatan=kalimat.catatan_nka(a.dasar, dihitung=False),
        )
    ]


def nka(k: Konteks) -> list[m.Blok]:
    hasil = k.hasil
    x = hasil.nka
    if x is None:
        return _nka_tanpa_hitung(k)
    a = x.aturan
    baris = [
        [
            m.teks("Nilai SMART-DJA"),
            m.angka(x.smart),
            m.persen(a.bobot_smart, 0),
            m.angka(x.smart * a.bobot_smart / 100, 4),
        ],
        [
            m.teks("Nilai IKPA"),
            m.angka(x.ikpa),
            m.persen(a.bobot_ikpa, 0),
            m.angka(x.ikpa * a.bobot_ikpa / 100, 4),
        ],
        [
            m.teks("Nilai Kinerja Anggaran", kelas="jumlah"),
            m.teks("", kelas="jumlah"),
            m.persen(100, 0, kelas="jumlah"),
            m.angka(x.nilai, kelas="jumlah"),
        ],
    ]
    out: list[m.Blok] = [
        m.Tabel.buat(
            "nilai-kinerja-anggaran",
            f"Nilai Kinerja Anggaran Gabungan {hasil.tahun}",
            ["Komponen", "Nilai", "Bobot", "Nilai × bobot"],
            baris,
            catatan=kalimat.catatan_nka(a.dasar),
        )
    ]
    if hasil.smart:
        s = hasil.smart
        out.append(
            m.Gambar.grafik(
                "smart-komponen",
                f"Komponen SMART-DJA {hasil.tahun}",
                grafik.komponen,
                [LABEL_KOMPONEN_SMART[kom] for kom in s.aturan.bobot],
                [s.komponen[kom] for kom in s.aturan.bobot],
                f"SMART-DJA {f.angka(s.nilai)}",
            )
        )
    return out


def lainnya(k: Konteks) -> list[m.Blok]:
    hasil = k.hasil
    ev = hasil.data.ini.evaluasi
    if ev is None:
        return []
    out: list[m.Blok] = []
    if ev.e_performance_triwulan:
        out.append(m.Judul(3, "e-Performance", "e-performance"))
        if (b := k.narasi_blok(k.teks_narasi("e_performance"))) is not None:
            out.append(b)
        label = [f"Triwulan {r}" for r in ("I", "II", "III", "IV")][
            : len(ev.e_performance_triwulan)
        ]
        out.append(
            m.Tabel.buat(
                "e-performance",
                f"Capaian Kinerja pada Aplikasi e-Performance {hasil.tahun}",
                ["Satker", *label],
                [
                    [
                        m.teks(k.satker.nama_singkat),
                        *[m.persen(v) for v in ev.e_performance_triwulan],
                    ]
                ],
            )
        )
        out.append(
            m.Gambar.grafik(
                "e-performance",
                f"Capaian e-Performance per Triwulan {hasil.tahun}",
                grafik.garis_periode,
                label,
                ev.e_performance_triwulan,
                "e-Performance",
            )
        )
    if (b := k.narasi_blok(ev.target_kinerja)) is not None:
        out += [m.Judul(3, "Target Kinerja", "target-kinerja"), b]
    if ev.e_monev_bulan:
        out.append(m.Judul(3, "e-Monev Bappenas", "e-monev"))
        if (b := k.narasi_blok(k.teks_narasi("e_monev"))) is not None:
            out.append(b)
        bulan = [f.nama_bulan(i, "abbreviated") for i in range(1, len(ev.e_monev_bulan) + 1)]
        out.append(
            m.Tabel.buat(
                "e-monev",
                f"Capaian Pelaporan e-Monev Bappenas per Bulan {hasil.tahun}",
                ["Satker", *bulan],
                [
                    [
                        m.teks(k.satker.nama_singkat),
                        *[m.persen(v, ringkas=True) for v in ev.e_monev_bulan],
                    ]
                ],
                kelas="rapat",
            )
        )
    if ev.prioritas_nasional:
        out.append(m.Judul(3, "Kegiatan Prioritas Nasional", "prioritas-nasional"))
        if (b := k.narasi_blok(ev.prioritas_nasional.uraian)) is not None:
            out.append(b)
        if ev.prioritas_nasional.kegiatan:
            out.append(m.Daftar(ev.prioritas_nasional.kegiatan, berurut=False))
    return out


def catatan_nilai_ganda(hasil: HasilLaporan) -> list[str]:
    """One note per quantity printed with the value the evidence supports (every table that
    prints it carries it), pointing at the review memo's entry."""
    out = []
    for g in hasil.nilai_ganda:
        if g.dipakai is None:
            continue
        sumber = next(c.sumber for c in g.calon if c.nilai == g.dipakai)
        out.append(kalimat.catatan_nilai_ganda(g.label, g.dipakai, sumber.split(",")[0]))
    return out
