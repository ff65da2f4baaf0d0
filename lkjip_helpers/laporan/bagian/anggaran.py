"""Bab II budget allocation and Bab III B–D (budget, SMART-DJA, IKPA, NKA, other measures)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import format_id as f
from ...hitung.anggaran import BarisAnggaran, HasilAnggaran
from ...hitung.aturan import LABEL_ASPEK_IKPA, LABEL_KOMPONEN_IKPA, LABEL_KOMPONEN_SMART
from .. import grafik
from .. import html as h

if TYPE_CHECKING:
    from .. import Laporan


def _rp(x) -> h.Sel:
    return h.sel(f.rupiah(x), x)


def _p(x) -> h.Sel:
    return h.sel(f.persen(x), x)


def _baris(b: BarisAnggaran, label: str | None = None, kelas: str | None = None) -> list[h.Sel]:
    return [
        h.sel(label or b.label, kelas=kelas),
        h.sel(f.rupiah(b.pagu), b.pagu, kelas),
        h.sel(f.rupiah(b.realisasi), b.realisasi, kelas),
        h.sel(f.persen(b.penyerapan), b.penyerapan, kelas),
        h.sel(f.rupiah(b.sisa), b.sisa, kelas),
    ]


KOLOM = ["Uraian", "Pagu", "Realisasi", "Penyerapan", "Sisa"]


def _tabel_rincian(
    lap: Laporan,
    judul: str,
    baris: list[BarisAnggaran],
    jumlah: BarisAnggaran | None,
    total: BarisAnggaran,
    label_fn=None,
) -> str:
    isi = [_baris(b, label_fn(b) if label_fn else None) for b in baris]
    if jumlah is not None:
        isi.append(_baris(jumlah, "Jumlah rincian", "jumlah"))
    isi.append(_baris(total, "Total DIPA", "jumlah"))
    catatan = None
    if jumlah is not None and (jumlah.pagu != total.pagu or jumlah.realisasi != total.realisasi):
        catatan = (
            "Jumlah rincian tidak sama dengan total DIPA; lihat lampiran hasil pemeriksaan data."
        )
    return h.tabel(lap.nomor_tabel(), judul, KOLOM, isi, catatan=catatan)


def alokasi(lap: Laporan) -> str:
    hasil = lap.hasil
    a = hasil.anggaran
    if a is None:
        return h.kosong("Data anggaran belum diisi.")
    out = [
        h.paragraf(f"Pagu anggaran (DIPA) tahun {hasil.tahun} sebesar {f.rupiah(a.total.pagu)}.")
    ]
    if a.per_program:
        prog = hasil.data.ini.anggaran.per_program  # type: ignore[union-attr]
        isi = [
            [
                h.sel(str(i)),
                h.sel(p.program),
                h.sel(p.kegiatan or "–"),
                h.sel(", ".join(p.sasaran) or "–"),
                _rp(p.pagu),
            ]
            for i, p in enumerate(prog, start=1)
        ]
        assert a.program_jumlah is not None
        isi.append(
            [
                h.sel("", kelas="jumlah"),
                h.sel("Jumlah", kelas="jumlah"),
                h.sel("", kelas="jumlah"),
                h.sel("", kelas="jumlah"),
                h.sel(f.rupiah(a.program_jumlah.pagu), a.program_jumlah.pagu, "jumlah"),
            ]
        )
        out.append(
            h.tabel(
                lap.nomor_tabel(),
                "Anggaran dalam Perjanjian Kinerja per Program/Kegiatan",
                ["No.", "Program", "Kegiatan", "Sasaran", "Anggaran"],
                isi,
                catatan=None
                if a.program_jumlah.pagu == a.total.pagu
                else f"Jumlah anggaran program {f.rupiah(a.program_jumlah.pagu)} berbeda dengan "
                f"pagu DIPA {f.rupiah(a.total.pagu)}.",
            )
        )
    if a.per_sasaran:
        out.append(
            _tabel_rincian(
                lap,
                f"Alokasi dan Realisasi Anggaran per Sasaran Kegiatan {hasil.tahun}",
                a.per_sasaran,
                a.sasaran_jumlah,
                a.total,
                lambda b: f"{b.kunci} {b.label}",
            )
        )
    return "".join(out)


def _tahun(lap: Laporan, a: HasilAnggaran, tahun: int) -> list[str]:
    out = []
    if a.per_sasaran:
        out.append(
            _tabel_rincian(
                lap,
                f"Pagu dan Realisasi Anggaran per Sasaran Kegiatan Tahun {tahun}",
                a.per_sasaran,
                a.sasaran_jumlah,
                a.total,
                lambda b: f"{b.kunci} {b.label}",
            )
        )
    if a.per_jenis:
        out.append(
            _tabel_rincian(
                lap,
                f"Pagu dan Realisasi Anggaran per Jenis Belanja Tahun {tahun}",
                a.per_jenis,
                a.jenis_jumlah,
                a.total,
            )
        )
    return out


def realisasi(lap: Laporan) -> str:
    hasil = lap.hasil
    out = []
    n = hasil.data.ini.narasi
    if n and n.realisasi_anggaran:
        out.append(h.markdown(n.realisasi_anggaran))
    a, al = hasil.anggaran, hasil.anggaran_lalu
    if a is None:
        return h.kosong("Data anggaran belum diisi.")
    out.append(
        h.paragraf(
            f"Tahun {hasil.tahun}: pagu {f.rupiah(a.total.pagu)}, realisasi "
            f"{f.rupiah(a.total.realisasi)} ({f.persen(a.total.penyerapan)}), sisa "
            f"{f.rupiah(a.total.sisa)}."
        )
    )
    out += _tahun(lap, a, hasil.tahun)
    if a.per_sasaran:
        out.append(
            h.gambar(
                lap.nomor_gambar(),
                f"Pagu dan Realisasi per Sasaran Kegiatan {hasil.tahun}",
                grafik.pagu_realisasi(
                    [b.kunci for b in a.per_sasaran],
                    [b.pagu for b in a.per_sasaran],
                    [b.realisasi for b in a.per_sasaran],
                    [b.penyerapan for b in a.per_sasaran],
                ),
            )
        )
    if al is not None:
        out.append(
            h.judul(3, f"Realisasi Anggaran Tahun {hasil.tahun - 1}", f"anggaran-{hasil.tahun - 1}")
        )
        out += _tahun(lap, al, hasil.tahun - 1)
        baris = []
        for label, x, y in (
            ("Pagu", a.total.pagu, al.total.pagu),
            ("Realisasi", a.total.realisasi, al.total.realisasi),
        ):
            selisih = (x - y) if x is not None and y is not None else None
            baris.append([h.sel(label), _rp(y), _rp(x), _rp(selisih)])
        baris.append(
            [
                h.sel("Penyerapan"),
                _p(al.total.penyerapan),
                _p(a.total.penyerapan),
                h.sel(
                    f.poin(a.total.penyerapan - al.total.penyerapan)
                    if a.total.penyerapan is not None and al.total.penyerapan is not None
                    else "–"
                ),
            ]
        )
        out.append(
            h.tabel(
                lap.nomor_tabel(),
                f"Perbandingan Anggaran {hasil.tahun - 1}–{hasil.tahun}",
                ["Uraian", str(hasil.tahun - 1), str(hasil.tahun), "Perubahan"],
                baris,
            )
        )
    return "".join(out)


def efisiensi(lap: Laporan) -> str:
    hasil = lap.hasil
    ambang = hasil.data.satker.pengaturan.efisiensi.ambang
    baris = []
    for r in hasil.sasaran:
        baris.append(
            [
                h.sel(f"{r.sasaran.kode} {r.sasaran.nama}"),
                _p(r.rata_capaian),
                _p(r.penyerapan),
                h.sel(f.poin(r.selisih_efisiensi), r.selisih_efisiensi),
                h.sel(r.label_efisiensi or "tidak dapat dinilai"),
            ]
        )
    return h.paragraf(
        "Efisiensi penggunaan sumber daya dinilai dengan membandingkan rata-rata capaian kinerja "
        f"sasaran dengan penyerapan anggarannya: selisih di atas {f.angka(ambang, 0)} poin = "
        f"efisien, dalam ±{f.angka(ambang, 0)} poin = cukup efisien, di bawahnya = tidak efisien."
    ) + h.tabel(
        lap.nomor_tabel(),
        "Capaian Kinerja dan Penyerapan Anggaran per Sasaran",
        ["Sasaran Kegiatan", "Rata-rata capaian", "Penyerapan", "Selisih", "Penilaian"],
        baris,
    )


def smart(lap: Laporan) -> str:
    hasil = lap.hasil
    s = hasil.smart
    n = hasil.data.ini.narasi
    out = [h.markdown(n.smart_dja)] if n and n.smart_dja else []
    if s is None:
        return "".join(out) + h.kosong("Nilai SMART-DJA belum diisi.")
    baris = [
        [
            h.sel(LABEL_KOMPONEN_SMART[k]),
            h.sel(f.angka(s.komponen[k]), s.komponen[k]),
            h.sel(f.persen(s.aturan.bobot[k], 1), s.aturan.bobot[k]),
            h.sel(f.angka(s.kontribusi[k], 4), s.kontribusi[k]),
        ]
        for k in s.aturan.bobot
    ]
    baris.append(
        [
            h.sel("Nilai SMART-DJA", kelas="jumlah"),
            h.sel("", kelas="jumlah"),
            h.sel("100%", kelas="jumlah"),
            h.sel(f.angka(s.nilai), s.nilai, "jumlah"),
        ]
    )
    ev = hasil.data.ini.evaluasi
    cat = f"Bobot menurut {s.aturan.dasar}. Nilai = Σ nilai komponen × bobot."
    if ev and ev.smart and ev.smart.efisiensi is not None:
        cat += (
            f" Efisiensi {f.angka(ev.smart.efisiensi)}% dikonversi menjadi nilai efisiensi "
            f"50 + (efisiensi ÷ 20) × 50 = {f.angka(s.nilai_efisiensi_rumus)}"
            + (
                f"; yang dipakai adalah nilai pada aplikasi, {f.angka(s.komponen['nilai_efisiensi'])}."
                if ev.smart.nilai_efisiensi is not None
                else "."
            )
        )
    out.append(
        h.tabel(
            lap.nomor_tabel(),
            f"Nilai Kinerja Anggaran SMART-DJA Tahun {hasil.tahun}",
            ["Komponen", "Nilai", "Bobot", "Nilai × bobot"],
            baris,
            catatan=cat,
        )
    )
    return "".join(out)


def ikpa(lap: Laporan) -> str:
    hasil = lap.hasil
    k = hasil.ikpa
    n = hasil.data.ini.narasi
    out = [h.markdown(n.ikpa)] if n and n.ikpa else []
    if k is None:
        return "".join(out) + h.kosong("Nilai IKPA belum diisi.")
    baris = []
    for aspek, anggota in k.aturan.aspek.items():
        for i, kom in enumerate(anggota):
            v = k.nilai_komponen.get(kom)
            baris.append(
                (
                    [
                        h.sel(LABEL_ASPEK_IKPA[aspek], baris=len(anggota)),
                        h.sel(
                            f.angka(k.aspek[aspek]) if k.aspek[aspek] is not None else "–",
                            k.aspek[aspek],
                            baris=len(anggota),
                        ),
                    ]
                    if i == 0
                    else []
                )
                + [
                    h.sel(LABEL_KOMPONEN_IKPA[kom]),
                    h.sel(f.angka(v) if v is not None else "tidak dinilai", v),
                    h.sel(f.angka(k.aturan.bobot[kom], 0), k.aturan.bobot[kom]),
                    h.sel(
                        f.angka(k.nilai_akhir.get(kom)) if kom in k.nilai_akhir else "–",
                        k.nilai_akhir.get(kom),
                    ),
                ]
            )
    total = [
        h.sel("Nilai IKPA", kelas="jumlah", rentang=5),
        h.sel(f.angka(k.nilai), k.nilai, "jumlah"),
    ]
    baris.append(total)
    cat = f"Bobot menurut {k.aturan.dasar}; predikat {k.predikat}."
    if k.konversi_bobot < 100:
        cat += f" Sebagian komponen tidak dinilai; bobot dikonversi ({f.persen(k.konversi_bobot)})."
    if k.pengurang:
        cat += f" Pengurang dispensasi SPM {f.angka(k.pengurang)} poin."
    out.append(
        h.tabel(
            lap.nomor_tabel(),
            f"Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA) {hasil.tahun}",
            ["Aspek", "Nilai aspek", "Komponen", "Nilai", "Bobot", "Nilai akhir"],
            baris,
            catatan=cat,
        )
    )
    label = [LABEL_KOMPONEN_IKPA[x] for x in k.aturan.bobot]
    out.append(
        h.gambar(
            lap.nomor_gambar(),
            f"Nilai Komponen IKPA {hasil.tahun}",
            grafik.komponen(
                label,
                [k.nilai_komponen[x] for x in k.aturan.bobot],
                f"IKPA {f.angka(k.nilai)} ({k.predikat})",
            ),
        )
    )
    return "".join(out)


def nka(lap: Laporan) -> str:
    hasil = lap.hasil
    x = hasil.nka
    if x is None:
        return h.kosong("Nilai kinerja anggaran memerlukan nilai SMART-DJA dan IKPA.")
    a = x.aturan
    baris = [
        [
            h.sel("Nilai SMART-DJA"),
            h.sel(f.angka(x.smart), x.smart),
            h.sel(f.persen(a.bobot_smart, 0)),
            h.sel(f.angka(x.smart * a.bobot_smart / 100, 4)),
        ],
        [
            h.sel("Nilai IKPA"),
            h.sel(f.angka(x.ikpa), x.ikpa),
            h.sel(f.persen(a.bobot_ikpa, 0)),
            h.sel(f.angka(x.ikpa * a.bobot_ikpa / 100, 4)),
        ],
        [
            h.sel("Nilai Kinerja Anggaran", kelas="jumlah"),
            h.sel("", kelas="jumlah"),
            h.sel("100%", kelas="jumlah"),
            h.sel(f.angka(x.nilai), x.nilai, "jumlah"),
        ],
    ]
    out = [
        h.tabel(
            lap.nomor_tabel(),
            f"Nilai Kinerja Anggaran Gabungan {hasil.tahun}",
            ["Komponen", "Nilai", "Bobot", "Nilai × bobot"],
            baris,
            catatan=f"{a.dasar}.",
        )
    ]
    if hasil.smart:
        s = hasil.smart
        out.append(
            h.gambar(
                lap.nomor_gambar(),
                f"Komponen SMART-DJA {hasil.tahun}",
                grafik.komponen(
                    [LABEL_KOMPONEN_SMART[k] for k in s.aturan.bobot],
                    [s.komponen[k] for k in s.aturan.bobot],
                    f"SMART-DJA {f.angka(s.nilai)}",
                ),
            )
        )
    return "".join(out)


def lainnya(lap: Laporan) -> str:
    hasil = lap.hasil
    ev = hasil.data.ini.evaluasi
    n = hasil.data.ini.narasi
    if ev is None:
        return h.kosong("Data capaian kinerja lainnya belum diisi.")
    out = []
    if ev.e_performance_triwulan:
        out.append(h.judul(3, "e-Performance", "e-performance"))
        if n and n.e_performance:
            out.append(h.markdown(n.e_performance))
        label = [f"Triwulan {r}" for r in ("I", "II", "III", "IV")][
            : len(ev.e_performance_triwulan)
        ]
        out.append(
            h.tabel(
                lap.nomor_tabel(),
                f"Capaian Kinerja pada Aplikasi e-Performance {hasil.tahun}",
                ["Satker", *label],
                [
                    [
                        h.sel(hasil.data.satker.nama_singkat),
                        *[_p(v) for v in ev.e_performance_triwulan],
                    ]
                ],
            )
        )
        out.append(
            h.gambar(
                lap.nomor_gambar(),
                f"Capaian e-Performance per Triwulan {hasil.tahun}",
                grafik.garis_periode(label, ev.e_performance_triwulan, "e-Performance"),
            )
        )
    if ev.target_kinerja:
        out.append(h.judul(3, "Target Kinerja", "target-kinerja") + h.markdown(ev.target_kinerja))
    if ev.e_monev_bulan:
        out.append(h.judul(3, "e-Monev Bappenas", "e-monev"))
        if n and n.e_monev:
            out.append(h.markdown(n.e_monev))
        bulan = [f.nama_bulan(i, "abbreviated") for i in range(1, len(ev.e_monev_bulan) + 1)]
        out.append(
            h.tabel(
                lap.nomor_tabel(),
                f"Capaian Pelaporan e-Monev Bappenas per Bulan {hasil.tahun}",
                ["Satker", *bulan],
                [
                    [
                        h.sel(hasil.data.satker.nama_singkat),
                        *[h.sel(f.persen(v, ringkas=True), v) for v in ev.e_monev_bulan],
                    ]
                ],
                kelas="rapat",
            )
        )
    if ev.prioritas_nasional:
        out.append(h.judul(3, "Kegiatan Prioritas Nasional", "prioritas-nasional"))
        out.append(h.markdown(ev.prioritas_nasional.uraian))
        if ev.prioritas_nasional.kegiatan:
            out.append(h.daftar(ev.prioritas_nasional.kegiatan, berurut=False))
    return "".join(out)
