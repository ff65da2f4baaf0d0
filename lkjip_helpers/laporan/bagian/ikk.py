"""Perjanjian Kinerja table, capaian summary and the per-IKK analyses of Bab III A."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ... import format_id as f
from ...hitung.capaian import TERCAPAI, TIDAK_TERCAPAI, HasilIkk
from .. import grafik
from .. import html as h

if TYPE_CHECKING:
    from .. import Laporan

KELAS_STATUS = {TERCAPAI: "status-ok", TIDAK_TERCAPAI: "status-gagal"}
SUMBER_TARGET = {"PK": "Perjanjian Kinerja", "Renstra": "target Renstra (PK tidak diisi)"}
POLARITAS = {
    "naik": "makin tinggi makin baik",
    "turun": "makin rendah makin baik",
    "rentang": "target berupa rentang",
}


def _v(x: HasilIkk, nilai: Decimal | None) -> h.Sel:
    return h.sel(f.nilai_satuan(nilai, x.defn.satuan), nilai)


def _cap(nilai: Decimal | None) -> h.Sel:
    return h.sel(f.persen(nilai), nilai)


def _status(x: HasilIkk) -> h.Sel:
    return h.sel(x.status, kelas=KELAS_STATUS.get(x.status, "status-na"))


def _baris_per_sasaran(lap: Laporan, kolom_ikk) -> list[list[h.Sel]]:
    """Rows grouped by sasaran (No. and sasaran cells span its IKK) + ``kolom_ikk(x)``."""
    baris = []
    for r in lap.hasil.sasaran:
        for i, x in enumerate(r.ikk):
            awal = [h.sel(str(r.nomor), baris=len(r.ikk)), h.sel(r.sasaran.nama, baris=len(r.ikk))]
            baris.append((awal if i == 0 else []) + kolom_ikk(x))
    return baris


def tabel_pk(lap: Laporan) -> str:
    hasil = lap.hasil
    return h.tabel(
        lap.nomor_tabel(),
        f"Perjanjian Kinerja {hasil.data.satker.nama_singkat} Tahun {hasil.tahun}",
        ["No.", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Satuan", "Target"],
        _baris_per_sasaran(
            lap, lambda x: [h.sel(f"{x.kode} {x.defn.nama}"), h.sel(x.defn.satuan), _v(x, x.target)]
        ),
    )


def tabel_capaian(lap: Laporan, judul: str) -> str:
    baris = _baris_per_sasaran(
        lap,
        lambda x: [
            h.sel(f"{x.kode} {x.defn.nama}"),
            _v(x, x.target),
            _v(x, x.nilai_realisasi),
            _cap(x.capaian),
            _status(x),
        ],
    )
    return h.tabel(
        lap.nomor_tabel(),
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
    )


def ringkas(lap: Laporan) -> str:
    hasil = lap.hasil
    out = [tabel_capaian(lap, f"Capaian IKK per Sasaran Kegiatan Tahun {hasil.tahun}")]
    ringkasan = []
    for r in hasil.sasaran:
        ringkasan.append(
            [
                h.sel(f"{r.sasaran.kode} {r.sasaran.nama}"),
                h.sel(str(len(r.ikk)), len(r.ikk)),
                h.sel(str(r.tercapai), r.tercapai),
                h.sel(str(r.tidak_tercapai), r.tidak_tercapai),
                _cap(r.rata_capaian),
            ]
        )
    tercapai, tidak = lap.jumlah_status()
    ringkasan.append(
        [
            h.sel("Jumlah", kelas="jumlah"),
            h.sel(str(len(hasil.ikk)), len(hasil.ikk), "jumlah"),
            h.sel(str(tercapai), tercapai, "jumlah"),
            h.sel(str(tidak), tidak, "jumlah"),
            h.sel("", kelas="jumlah"),
        ]
    )
    out.append(
        h.tabel(
            lap.nomor_tabel(),
            "Rekapitulasi Ketercapaian IKK per Sasaran Kegiatan",
            ["Sasaran Kegiatan", "Jumlah IKK", "Tercapai", "Tidak tercapai", "Rata-rata capaian"],
            ringkasan,
            catatan="IKK tercapai bila capaian ≥ 100%. Rata-rata capaian adalah "
            "rata-rata hitung capaian IKK sasaran tersebut.",
        )
    )
    label = [x.kode for x in hasil.ikk]
    grup_idx = {r.sasaran.kode: i for i, r in enumerate(hasil.sasaran)}
    out.append(
        h.gambar(
            lap.nomor_gambar(),
            f"Capaian IKK Tahun {hasil.tahun} terhadap Garis 100%",
            grafik.capaian_ikk(
                label,
                [x.capaian for x in hasil.ikk],
                [grup_idx[x.defn.sasaran] for x in hasil.ikk],
                [r.sasaran.kode for r in hasil.sasaran],
            ),
        )
    )
    persen = [x for x in hasil.ikk if x.defn.satuan.strip() == "%"]
    if persen:
        out.append(
            h.gambar(
                lap.nomor_gambar(),
                f"Target dan Realisasi IKK Bersatuan Persen, {hasil.tahun} dan {hasil.tahun - 1}",
                grafik.target_realisasi(
                    [x.kode for x in persen],
                    [x.target for x in persen],
                    [x.nilai_realisasi for x in persen],
                    [x.realisasi_lalu for x in persen],
                    hasil.tahun,
                ),
            )
        )
    return "".join(out)


# --------------------------------------------------------------------------- per IKK


def _rumus(x: HasilIkk) -> str:
    """The realisasi and capaian formulas with the actual numbers."""
    d = x.defn
    r = x.realisasi
    out = []
    if r is not None and r.pembilang is not None and r.penyebut is not None:
        out.append(
            h.rumus(
                "Realisasi =",
                h.pecahan(d.pembilang or "pembilang", d.penyebut or "penyebut"),
                "× 100%",
            )
        )
        out.append(
            h.rumus(
                "=",
                h.pecahan(
                    f.angka(r.pembilang, 2, ringkas=True), f.angka(r.penyebut, 2, ringkas=True)
                ),
                f"× 100% = <strong>{h.esc(f.persen(r.nilai))}</strong>",
            )
        )
    elif r is not None and r.per_periode:
        bagian = ", ".join(
            f"{r.jenis_periode} {k}: {f.angka(v) if v is not None else '–'}"
            for k, v in r.per_periode
        )
        out.append(
            h.rumus(
                h.esc(
                    f"Realisasi ({d.agregasi.replace('_', '-')} per {r.jenis_periode}; {bagian}) = "
                ),
                f"<strong>{h.esc(f.nilai_satuan(r.nilai, d.satuan))}</strong>",
            )
        )
    elif r is not None:
        out.append(
            h.rumus("Realisasi =", f"<strong>{h.esc(f.nilai_satuan(r.nilai, d.satuan))}</strong>")
        )
    if r is not None and r.keterangan:
        out.append(f'<p class="catatan-rumus">{h.esc(r.keterangan)}.</p>')
    if x.capaian is not None and r is not None and x.target is not None:
        rv, tv = f.nilai_satuan(r.nilai, d.satuan), f.nilai_satuan(x.target, d.satuan)
        if d.polaritas == "turun":
            out.append(h.rumus("Capaian = (2 −", h.pecahan("Realisasi", "Target"), ") × 100%"))
            out.append(
                h.rumus(
                    "= (2 −",
                    h.pecahan(rv, tv),
                    f") × 100% = <strong>{h.esc(f.persen(x.capaian))}</strong>",
                )
            )
        else:
            out.append(h.rumus("Capaian =", h.pecahan("Realisasi", "Target"), "× 100%"))
            out.append(
                h.rumus(
                    "=",
                    h.pecahan(rv, tv),
                    f"× 100% = <strong>{h.esc(f.persen(x.capaian))}</strong>",
                )
            )
    elif x.galat:
        out.append(f'<p class="galat">Capaian tidak dapat dihitung: {h.esc(x.galat)}.</p>')
    return '<div class="blok-rumus">' + "".join(out) + "</div>"


_LABEL_BESARAN = {
    "target": "Target",
    "realisasi": "Realisasi",
    "capaian": "Capaian",
    "pembilang": "Pembilang",
    "penyebut": "Penyebut",
    "perubahan_capaian": "Perubahan capaian (poin)",
}


def _temuan_ikk(lap: Laporan, x: HasilIkk) -> str:
    """Callout of the findings about one IKK: anomalies one by one, and the figures the draft
    states differently grouped per figure with where each value is stated."""
    kode = x.kode
    semua = lap.temuan()
    lain = [
        t
        for t in semua
        if t.tingkat != "info"
        and t.besaran is None
        and (f"({kode})" in t.lokasi or f": {kode}" in t.lokasi)
    ]
    klaim = [
        t
        for t in semua
        if t.kode == "KLAIM_BEDA"
        and t.tahun == lap.hasil.tahun
        and t.besaran
        and t.besaran.startswith(f"ikk.{kode}.")
    ]
    if not lain and not klaim:
        return ""
    isi = ""
    if lain:
        isi += (
            "<ul>"
            + "".join(f"<li><strong>{h.esc(t.kode)}</strong>: {h.esc(t.pesan)}</li>" for t in lain)
            + "</ul>"
        )
    if klaim:
        grup: dict[str, list] = {}
        for t in klaim:
            grup.setdefault(t.besaran, []).append(t)  # type: ignore[arg-type]
        baris = []
        for besaran, daftar in grup.items():
            nilai: dict[str, list[str]] = {}
            for t in daftar:
                nilai.setdefault(t.dinyatakan or "", []).append(t.sumber or "")
            dinyatakan = "; ".join(
                f"{f.angka(Decimal(v), 2, ringkas=True)} ({', '.join(s)})" for v, s in nilai.items()
            )
            nama = _LABEL_BESARAN.get(besaran.rsplit(".", 1)[-1], besaran)
            baris.append(
                [
                    nama,
                    h.sel(
                        f.angka(Decimal(daftar[0].dihitung or "0"), 2),
                        Decimal(daftar[0].dihitung or "0"),
                    ),
                    dinyatakan,
                ]
            )
        isi += (
            "<p>Angka yang dinyatakan draf laporan berbeda dari hasil hitung ulang:</p>"
            + h.tabel(
                f"{kode}-klaim",
                f"Angka dinyatakan vs dihitung ulang, {kode}",
                ["Besaran", "Dihitung ulang", "Dinyatakan (lokasi)"],
                baris,
                bernomor=False,
            )
        )
    return h.kotak("catatan-pemeriksaan", "Catatan pemeriksaan data", isi)


def _analisis_ikk(lap: Laporan, x: HasilIkk, nomor_sasaran: int) -> str:
    hasil = lap.hasil
    d = x.defn
    n = x.data.narasi
    th = hasil.tahun
    out = [h.judul(4, f"IKK {x.kode}: {d.nama}", f"ikk-{h.slug(x.kode)}", "ikk")]
    out.append(_temuan_ikk(lap, x))
    # 1. target vs realisasi
    out.append(h.judul(5, f"1. Perbandingan Target dan Realisasi Kinerja Tahun {th}"))
    out.append(
        h.tabel(
            lap.nomor_tabel(),
            f"Target dan Realisasi {x.kode} Tahun {th}",
            ["Indikator Kinerja Kegiatan", "Satuan", "Target", "Realisasi", "Capaian", "Status"],
            [
                [
                    h.sel(d.nama),
                    h.sel(d.satuan),
                    _v(x, x.target),
                    _v(x, x.nilai_realisasi),
                    _cap(x.capaian),
                    _status(x),
                ]
            ],
            catatan=(
                f"Target bersumber dari {SUMBER_TARGET.get(x.sumber_target, '–')}; "
                f"polaritas: {POLARITAS[d.polaritas]}."
            ),
            kelas="ikk",
        )
    )
    out.append(_rumus(x))
    out.append(h.markdown(n.penjelasan))
    # 2. vs last year
    out.append(h.judul(5, f"2. Perbandingan dengan Tahun {th - 1}"))
    if x.realisasi_lalu is not None or x.capaian_lalu is not None:
        sumber = (
            ""
            if x.sumber_target_lalu == "PK"
            else f" Capaian {th - 1} dihitung terhadap target Renstra {th - 1} "
            f"({f.nilai_satuan(x.target_lalu, d.satuan)}) karena target PK {th - 1} tidak "
            "tercantum di data."
        )
        out.append(
            h.tabel(
                f"{x.kode}-tahun-lalu",
                f"Perbandingan Realisasi dan Capaian {x.kode}, {th - 1}–{th}",
                [
                    [
                        h.sel("Indikator", baris=2),
                        h.sel(str(th - 1), rentang=2),
                        h.sel(str(th), rentang=2),
                        h.sel("Perubahan capaian", baris=2),
                    ],
                    [h.sel("Realisasi"), h.sel("Capaian"), h.sel("Realisasi"), h.sel("Capaian")],
                ],
                [
                    [
                        h.sel(d.nama),
                        _v(x, x.realisasi_lalu),
                        _cap(x.capaian_lalu),
                        _v(x, x.nilai_realisasi),
                        _cap(x.capaian),
                        h.sel(
                            f"{x.label_perubahan} {f.poin(x.perubahan) if x.perubahan else ''}".strip(),
                            x.perubahan,
                        ),
                    ]
                ],
                catatan="Perubahan capaian dinyatakan dalam poin persentase (selisih capaian)."
                + sumber,
                bernomor=False,
            )
        )
    else:
        out.append(
            h.paragraf(
                f"Data realisasi {th - 1} untuk indikator ini tidak tersedia, "
                "sehingga perbandingan tidak dapat dibuat."
            )
        )
    out.append(h.markdown(n.perbandingan_tahun_lalu))
    # 3. vs Renstra
    out.append(h.judul(5, "3. Perbandingan dengan Target Jangka Menengah (Renstra)"))
    if x.target_renstra:
        tahun = list(x.target_renstra)
        akhir = tahun[-1]
        out.append(
            h.tabel(
                f"{x.kode}-renstra",
                f"Target Renstra {tahun[0]}–{akhir} dan Realisasi {th} {x.kode}",
                ["Indikator", *[str(t) for t in tahun], f"Realisasi {th}"],
                [
                    [
                        h.sel(d.nama),
                        *[_v(x, x.target_renstra[t]) for t in tahun],
                        _v(x, x.nilai_realisasi),
                    ]
                ],
                bernomor=False,
            )
        )
        t_ini = x.target_renstra.get(th)
        t_akhir = x.target_renstra[akhir]
        r = x.nilai_realisasi
        if r is not None:

            def banding(t: Decimal) -> str:
                lebih = r <= t if d.polaritas == "turun" else r >= t
                return "telah mencapai" if lebih else "belum mencapai"

            kal = []
            if t_ini is not None:
                kal.append(
                    f"Realisasi {th} ({f.nilai_satuan(r, d.satuan)}) {banding(t_ini)} target "
                    f"Renstra {th} ({f.nilai_satuan(t_ini, d.satuan)})"
                )
            kal.append(
                f"dan {banding(t_akhir)} target akhir Renstra {akhir} "
                f"({f.nilai_satuan(t_akhir, d.satuan)})."
            )
            out.append(
                h.paragraf(
                    " ".join(kal)
                    if t_ini is not None
                    else f"Realisasi {th} ({f.nilai_satuan(r, d.satuan)}) " + kal[-1]
                )
            )
    else:
        out.append(h.paragraf("Target Renstra untuk indikator ini tidak tercantum di katalog."))
    out.append(h.markdown(n.perbandingan_renstra))
    # 4. national standard
    out.append(h.judul(5, "4. Perbandingan dengan Standar Nasional"))
    std = x.data.standar_nasional if x.data.standar_nasional is not None else d.standar_nasional
    if std is not None and x.nilai_realisasi is not None:
        out.append(
            h.paragraf(
                f"Standar nasional {f.nilai_satuan(std, d.satuan)}; realisasi "
                f"{f.nilai_satuan(x.nilai_realisasi, d.satuan)} "
                + ("memenuhi" if x.nilai_realisasi >= std else "belum memenuhi")
                + " standar tersebut."
            )
        )
    out.append(
        h.markdown(n.standar_nasional or d.keterangan_standar_nasional)
        or h.paragraf("Standar nasional untuk indikator ini tidak tersedia.")
    )
    # 5–6. causes and programme analysis
    judul5 = (
        "Penyebab Keberhasilan"
        if x.status == TERCAPAI
        else (
            "Penyebab Kegagalan"
            if x.status == TIDAK_TERCAPAI
            else "Penyebab Keberhasilan/Kegagalan"
        )
    )
    out.append(h.judul(5, f"5. {judul5}"))
    out.append(h.markdown(n.penyebab) or h.kosong("Belum diisi."))
    out.append(h.judul(5, "6. Analisis Program/Kegiatan yang Menunjang"))
    out.append(h.markdown(n.analisis_program) or h.kosong("Belum diisi."))
    if n.efisiensi_sumber_daya or n.upaya:
        out.append(h.judul(5, "7. Efisiensi Sumber Daya dan Upaya"))
        out.append(h.markdown(n.efisiensi_sumber_daya) + h.markdown(n.upaya))
    for tp in x.data.tabel_pendukung:
        out.append(
            h.tabel(
                lap.nomor_tabel(),
                tp.judul,
                tp.kolom,
                [[_sel_bebas(c) for c in row] for row in tp.baris],
                catatan=tp.catatan,
            )
        )
    return '<section class="analisis-ikk">' + "".join(out) + "</section>"


def _sel_bebas(c: object) -> h.Sel:
    if isinstance(c, bool) or c is None:
        return h.sel("–" if c is None else str(c))
    if isinstance(c, int | float | Decimal):
        return h.sel(f.angka(c, 2, ringkas=True), c)
    return h.sel(str(c))


def analisis_sasaran(lap: Laporan, kode: str) -> str:
    hasil = lap.hasil
    r = next((x for x in hasil.sasaran if x.sasaran.kode == kode), None)
    if r is None:
        raise KeyError(f"sasaran {kode!r} tidak ada dalam Perjanjian Kinerja {hasil.tahun}")
    out = [
        h.judul(
            3, f"Sasaran Kegiatan {r.nomor}: {r.sasaran.nama}", f"sasaran-{h.slug(kode)}", "sasaran"
        )
    ]
    kal = (
        f"Sasaran ini diukur dengan {len(r.ikk)} IKK: {r.tercapai} tercapai"
        + (f", {r.tidak_tercapai} belum tercapai" if r.tidak_tercapai else "")
        + (f"; rata-rata capaian {f.persen(r.rata_capaian)}" if r.rata_capaian is not None else "")
    )
    if r.penyerapan is not None:
        kal += (
            f". Penyerapan anggaran sasaran {f.persen(r.penyerapan)}; selisih capaian "
            f"terhadap penyerapan {f.poin(r.selisih_efisiensi)} ({r.label_efisiensi.lower() if r.label_efisiensi else '–'})"
        )
    out.append(h.paragraf(kal + "."))
    for x in r.ikk:
        out.append(_analisis_ikk(lap, x, r.nomor))
    return "".join(out)
