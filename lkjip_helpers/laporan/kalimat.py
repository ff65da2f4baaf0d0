"""The sentences the tool drafts into the LKjIP, in one place, so they can be read as a whole.

The LKjIP speaks as the satker to its Kanwil. Every sentence here must read as the satker's
own: nothing about data files, drafts, transcription, unfilled fields, checks or the tool
(those go to the review memo). ``tests/test_suara.py`` scans the built sample for such words
(:data:`FRASA_ALAT`).

Section builders (``laporan/bagian/*.py``) compose tables and call these functions for the
words; a function takes the figures already formatted or the plain values it formats itself.
"""

from __future__ import annotations

from decimal import Decimal

from .. import format_id as f
from ..muat.periode import Periode
from ..tidak_diketahui import diketahui

FRASA_ALAT = (
    "laporan asli",
    "dokumen asli",
    "ditranskripsi",
    "tidak diisi",
    "tidak dibandingkan",
    "sebagaimana tercatat",
    "apa adanya",
    "dijelaskan oleh satker",
    "target bersumber dari",
    "makin tinggi realisasi makin baik",
    "data contoh",
    "seed",
    "dalam draf",
    "yaml",
    "lkjip_helpers",
    "hasil hitung",
    "dihitung ulang",
    "temuan pemeriksaan",
    "memo tinjauan",
    "tidak mungkin lebih besar",
    "ditampilkan sesuai perhitungan",
)
"""Phrases that are the tool's or the reviewer's voice, never the satker's: none may appear
in a built LKjIP (outside the fictitious-data notice of the example satkers' cover)."""

# --------------------------------------------------------------------------- method note

ARAH = {
    "naik": "makin tinggi makin baik",
    "turun": "makin rendah makin baik",
    "rentang": "target berupa rentang nilai",
}
"""An indicator's polarity as the method table says it."""


def sumber_target(sumber: str | None, tahun: int, target: object, satuan: str) -> str:
    """Where a year's target comes from: ``Perjanjian Kinerja 2023`` / ``Renstra 2022
    (75%)`` / ``tidak tersedia``."""
    if sumber == "PK":
        return f"Perjanjian Kinerja {tahun}"
    if sumber == "Renstra":
        return f"Renstra {tahun} ({f.nilai_satuan(target, satuan)})"  # type: ignore[arg-type]
    return "tidak tersedia"


def metode_pengukuran(tahun: int, ada_turun: bool, ada_renstra: bool, ada_lalu: bool) -> str:
    """The method note of Bab III A: how capaian, status and year-on-year change are
    measured, said once for every IKK (the table that follows gives each IKK's target source
    and direction)."""
    kal = [
        "Capaian setiap IKK diukur dengan membandingkan realisasi terhadap target: "
        "capaian = realisasi ÷ target × 100% untuk indikator yang makin tinggi makin baik"
        + (
            ", dan capaian = (2 − realisasi ÷ target) × 100% untuk indikator yang makin "
            "rendah makin baik"
            if ada_turun
            else ""
        )
        + ". IKK dinyatakan tercapai bila capaiannya 100% atau lebih.",
        f"Target {tahun} adalah target Perjanjian Kinerja {tahun}"
        + (
            "; untuk IKK yang tidak memiliki target dalam Perjanjian Kinerja, capaian diukur "
            "terhadap target Renstra tahun yang sama"
            if ada_renstra
            else ""
        )
        + ".",
    ]
    if ada_lalu:
        kal.append(
            f"Perbandingan dengan tahun {tahun - 1} menyajikan perubahan capaian dalam poin "
            "persentase (selisih capaian kedua tahun)."
        )
    return " ".join(kal)


# --------------------------------------------------------------------------- IKK notes


def catatan_rekap(ada_verifikasi: bool) -> str:
    return (
        "IKK tercapai bila capaian ≥ 100%. Rata-rata capaian adalah rata-rata hitung "
        "capaian IKK sasaran tersebut"
        + (", tanpa IKK yang perlu verifikasi." if ada_verifikasi else ".")
    )


def catatan_verifikasi_rekap(kode: str, uraian: str | None) -> str:
    """Footnote of the summary table for an IKK whose data are being verified (``uraian``:
    :attr:`~lkjip_helpers.hitung.capaian.HasilIkk.uraian_verifikasi`, the satker's words)."""
    return (
        f"Data {kode} sedang diverifikasi"
        + (f": {uraian}" if uraian else "")
        + ". Capaiannya belum dinyatakan tercapai sampai verifikasi selesai dan tidak "
        "dimasukkan dalam rata-rata capaian sasaran."
    )


def catatan_verifikasi_ikk(uraian: str) -> str:
    """Footnote under an IKK's own table when its data are being verified."""
    return (
        f"Data indikator ini sedang diverifikasi: {uraian}. Capaiannya belum dinyatakan "
        "tercapai sampai verifikasi selesai."
    )


def catatan_penjelasan(penjelasan: str) -> str:
    """Footnote of an IKK whose data the satker has explained."""
    return f"Penjelasan data: {penjelasan}"


def catatan_sebagian_tahun(rentang_bulan: str, rentang_lalu: str) -> str:
    """Note of a partial period's comparison with the same months of the previous year."""
    return (
        f"Realisasi {rentang_bulan} dibandingkan dengan realisasi {rentang_lalu}, periode yang "
        "sama tahun lalu."
    )


def catatan_target_renstra(tanda: str, tahun: int, kode: list[str] | None = None) -> str:
    """The one explanation of a target marked as the Renstra's (no PK target for it)."""
    return (
        f"{tanda} Target Renstra {tahun}: target "
        + (f"{', '.join(kode)} " if kode else "indikator ini ")
        + "tidak tercantum pada dokumen Perjanjian Kinerja."
    )


def porsi_periode(penyerapan_relatif: Decimal | None, bulan_terakhir: int) -> str:
    """`` atau 83,33% dari porsi yang semestinya terserap sampai Mei`` (a partial period's
    absorption against its expected share), or nothing for a whole year."""
    if penyerapan_relatif is None:
        return ""
    return (
        f" atau {f.persen(penyerapan_relatif)} dari porsi yang semestinya terserap sampai "
        f"{f.nama_bulan(bulan_terakhir)}"
    )


def ringkasan_sasaran(
    jumlah: int,
    jumlah_status: tuple[int, int, int, int, int],
    rata_capaian: Decimal | None,
    penyerapan: object,
    selisih: Decimal | None,
    label_efisiensi: str | None,
    porsi: str = "",
) -> str:
    """The sentence that opens a sasaran's analysis. ``jumlah_status``: tercapai, tidak
    tercapai, perlu verifikasi, belum dapat dinilai, tidak berlaku (they add up to
    ``jumlah``); ``porsi``: :func:`porsi_periode`."""
    tercapai, tidak_tercapai, perlu_verifikasi, tidak_dihitung, tidak_berlaku = jumlah_status
    kal = (
        f"Sasaran ini diukur dengan {jumlah} IKK: {tercapai} tercapai"
        + (f", {tidak_tercapai} belum tercapai" if tidak_tercapai else "")
        + (f", {perlu_verifikasi} perlu verifikasi data" if perlu_verifikasi else "")
        + (f", {tidak_dihitung} belum dapat dinilai" if tidak_dihitung else "")
        + (f", {tidak_berlaku} tidak berlaku" if tidak_berlaku else "")
        + (
            f"; rata-rata capaian {f.persen(rata_capaian)}"
            + (" (tanpa IKK yang perlu verifikasi)" if perlu_verifikasi else "")
            if rata_capaian is not None
            else ""
        )
    )
    if penyerapan is not None and not diketahui(penyerapan):
        kal += (
            ". Realisasi anggaran sasaran ini belum tersedia, sehingga efisiensinya belum "
            "dapat dinilai"
        )
    elif penyerapan is not None:
        kal += (
            f". Penyerapan anggaran sasaran {f.persen(penyerapan)}{porsi}; selisih capaian "  # type: ignore[arg-type]
            f"terhadap penyerapan {f.poin(selisih)} "
            f"({label_efisiensi.lower() if label_efisiensi else '–'})"
        )
    return kal + "."


def standar_nasional(standar: str, realisasi: str, memenuhi: bool) -> str:
    return (
        f"Standar nasional {standar}; realisasi {realisasi} "
        + ("memenuhi" if memenuhi else "belum memenuhi")
        + " standar tersebut."
    )


def banding_renstra(realisasi: Decimal, target: object, polaritas: str) -> str:
    """How a realisasi stands against a Renstra target (``telah mencapai`` …)."""
    if not isinstance(target, Decimal):  # an unknown Renstra target
        return "tidak dapat dibandingkan dengan"
    lebih = realisasi <= target if polaritas == "turun" else realisasi >= target
    return "telah mencapai" if lebih else "belum mencapai"


def perbandingan_renstra(
    tahun: int,
    realisasi: Decimal,
    satuan: str,
    polaritas: str,
    target_tahun: object | None,
    akhir: tuple[int, object] | None,
    nama_realisasi: str,
    rentang_sebagian: str | None = None,
) -> str | None:
    """The sentence under an IKK's Renstra table: this year's realisasi (``nama_realisasi``:
    ``2023`` or the period's name) against this year's Renstra target and (``akhir``: year,
    target) the plan's final target; a partial period (``rentang_sebagian``: its months)
    says the comparison is provisional."""
    bagian = []
    if target_tahun is not None:
        bagian.append(
            f"{banding_renstra(realisasi, target_tahun, polaritas)} target Renstra {tahun} "
            f"({f.nilai_satuan(target_tahun, satuan)})"  # type: ignore[arg-type]
        )
    if akhir is not None:
        th_akhir, t_akhir = akhir
        bagian.append(
            f"{banding_renstra(realisasi, t_akhir, polaritas)} target akhir Renstra {th_akhir} "
            f"({f.nilai_satuan(t_akhir, satuan)})"  # type: ignore[arg-type]
        )
    if not bagian:
        return None
    parsial = (
        f" Realisasi ini baru mencakup {rentang_sebagian}, sebagian dari tahun target Renstra; "
        "perbandingannya bersifat sementara."
        if rentang_sebagian
        else ""
    )
    return (
        f"Realisasi {nama_realisasi} ({f.nilai_satuan(realisasi, satuan)}) "
        f"{' dan '.join(bagian)}.{parsial}"
    )


def renstra_menunggu_verifikasi(nama_realisasi: str, realisasi: Decimal, satuan: str) -> str:
    """Instead of :func:`perbandingan_renstra` for a realisasi whose data need verification:
    the table shows it, the sentence does not call the plan's target reached."""
    return (
        f"Realisasi {nama_realisasi} ({f.nilai_satuan(realisasi, satuan)}) baru dapat "
        "dibandingkan dengan target Renstra setelah datanya diverifikasi."
    )


def catatan_agregasi(judul_periode: str, cara: str, mulai: str | None) -> str:
    """Note of an IKK's period table: how the period's realisasi is formed."""
    return (
        f"Realisasi {judul_periode} dibentuk dari {cara}"
        + (f", mulai {mulai}" if mulai else "")
        + "."
    )


def catatan_belum_ada_data(label: list[str]) -> str:
    return "Belum ada data untuk: " + ", ".join(label) + "."


def capaian_tidak_dihitung(alasan: str) -> str:
    return f"Capaian tidak dapat dihitung: {alasan}."


def hunian(kapasitas: object, penghuni: object, per: str | None, okupansi: object) -> str:
    """Bab I: capacity and occupants (``per``: the date of the count). An unknown figure is
    said in words, never "data tidak tersedia" where a number belongs."""
    per = f" (per {per})" if per else ""
    tahu_kap, tahu_huni = diketahui(kapasitas), diketahui(penghuni)
    if tahu_kap and tahu_huni:
        return (
            f"Kapasitas hunian {f.nilai_satuan(kapasitas, 'orang')}, dihuni "  # type: ignore[arg-type]
            f"{f.nilai_satuan(penghuni, 'orang')}{per}; tingkat hunian "  # type: ignore[arg-type]
            f"{f.persen(okupansi)} dari kapasitas."  # type: ignore[arg-type]
        )
    if tahu_huni:
        return (
            "Data kapasitas hunian belum tersedia; jumlah penghuni "
            f"{f.nilai_satuan(penghuni, 'orang')}{per}, sehingga tingkat hunian belum dapat "  # type: ignore[arg-type]
            "dihitung."
        )
    if tahu_kap:
        return (
            f"Kapasitas hunian {f.nilai_satuan(kapasitas, 'orang')}; data jumlah penghuni"  # type: ignore[arg-type]
            f"{per} belum tersedia, sehingga tingkat hunian belum dapat dihitung."
        )
    return f"Data kapasitas hunian dan jumlah penghuni{per} belum tersedia."


# --------------------------------------------------------------------------- budget notes


def pagu_dipa(tahun: int, pagu: object) -> str:
    if not diketahui(pagu):
        return f"Pagu anggaran (DIPA) tahun {tahun} belum tersedia."
    return f"Pagu anggaran (DIPA) tahun {tahun} sebesar {f.rupiah(pagu)}."  # type: ignore[arg-type]


def realisasi_anggaran(
    judul_periode: str,
    pagu: object,
    realisasi: object,
    penyerapan: object,
    sisa: object,
    rentang_data: str | None,
) -> str:
    """Bab III B: the period's pagu, realisasi, penyerapan and sisa in one sentence."""
    return (
        f"{judul_periode}: pagu {f.rupiah(pagu)}, realisasi "  # type: ignore[arg-type]
        + (f"{rentang_data} " if rentang_data else "")
        + f"{f.rupiah(realisasi)} ({f.persen(penyerapan)}), sisa {f.rupiah(sisa)}."  # type: ignore[arg-type]
    )


CATATAN_RINCIAN_TIDAK_DIKETAHUI = (
    "Jumlah rincian tidak memuat angka yang tidak tersedia, sehingga belum dapat disandingkan "
    "dengan total DIPA."
)


def catatan_rincian_selisih() -> str:
    """Note of a budget table whose parts do not add up to the DIPA total."""
    return (
        "Jumlah rincian berbeda dari total DIPA; besar selisihnya tercantum pada bagian "
        "bawah tabel."
    )


def catatan_sel_koreksi(ukuran: str, bagian: str, tahun: int, nilai: object) -> str:
    """Note under a budget table one of whose cells is printed as the table's other figures
    support (the review memo shows the cell as recorded, with the evidence)."""
    return (
        f"{ukuran[:1].upper()}{ukuran[1:]} {bagian} {tahun} sebesar {f.rupiah(nilai)} sesuai "  # type: ignore[arg-type]
        "jumlah dan sisa tabel ini."
    )


def catatan_nilai_ganda(label: str, nilai: object, sumber: str) -> str:
    """Note of a quantity recorded with two values, printed with the one its other figures
    support (the review memo shows both, with the evidence)."""
    return f"{label[:1].upper()}{label[1:]} sebesar {f.rupiah(nilai)} sesuai {sumber}."  # type: ignore[arg-type]


def catatan_program_beda(jumlah: Decimal, pagu: Decimal) -> str:
    """Note of the PK budget table when its sum differs from the DIPA pagu."""
    return (
        f"Jumlah anggaran dalam Perjanjian Kinerja {f.rupiah(jumlah)} berbeda dari pagu DIPA "
        f"{f.rupiah(pagu)} (selisih {f.rupiah(jumlah - pagu)})."
    )


def pengantar_efisiensi(
    ambang: Decimal, periode: tuple[str, str, Decimal, str] | None = None
) -> str:
    """How efficiency is judged; ``periode`` (judul periode, its months, expected share in
    percent, where the share comes from) for a partial period, whose absorption is judged
    against the share of the pagu it should have used."""
    a = f.angka(ambang, 0)
    kal = (
        "Efisiensi penggunaan sumber daya dinilai dengan membandingkan rata-rata capaian "
        f"kinerja sasaran dengan penyerapan anggarannya: selisih di atas {a} poin = efisien, "
        f"dalam ±{a} poin = cukup efisien, di bawahnya = tidak efisien. Penyerapan di atas 100% "
        "(realisasi melebihi pagu) tidak dinilai efisien."
    )
    if periode is None:
        return kal
    judul, rentang, persen, sumber = periode
    return kal + (
        f" Karena laporan {judul} baru mencakup {rentang}, penyerapan dibandingkan dengan "
        "porsi pagu yang semestinya terserap pada bulan-bulan itu, yaitu "
        f"{f.persen(persen)} menurut {sumber}: yang dinilai adalah penyerapan terhadap porsi "
        f"tersebut. Penyerapan yang lebih dari {a} poin di bawah porsinya tidak dinilai "
        "efisien, karena belanja yang tertunda bukan penghematan."
    )


def catatan_smart(
    dasar: str,
    efisiensi: Decimal | None,
    nilai_rumus: Decimal | None,
    nilai_aplikasi: Decimal | None,
) -> str:
    """Note of the SMART-DJA table: the rule, and how efisiensi becomes its score (the
    application's value, when recorded, is the one used)."""
    cat = f"Bobot menurut {dasar}. Nilai = Σ nilai komponen × bobot."
    if efisiensi is not None:
        cat += (
            f" Efisiensi {f.angka(efisiensi)}% dikonversi menjadi nilai efisiensi "
            f"50 + (efisiensi ÷ 20) × 50 = {f.angka(nilai_rumus)}"  # type: ignore[arg-type]
            + (
                f"; yang dipakai adalah nilai pada aplikasi, {f.angka(nilai_aplikasi)}."
                if nilai_aplikasi is not None
                else "."
            )
        )
    return cat


def catatan_ikpa(
    dasar: str, predikat: str, konversi_bobot: Decimal, pengurang: Decimal | None
) -> str:
    cat = f"Bobot menurut {dasar}; predikat {predikat}."
    if konversi_bobot < 100:
        cat += f" Sebagian komponen tidak dinilai; bobot dikonversi ({f.persen(konversi_bobot)})."
    if pengurang:
        cat += f" Pengurang dispensasi SPM {f.angka(pengurang)} poin."
    return cat


def catatan_nka(dasar: str, dihitung: bool = True) -> str:
    """Note of the combined score's table (``dihitung``: False when a component is unknown)."""
    if dihitung:
        return f"Bobot menurut {dasar}."
    return f"Bobot menurut {dasar}. Nilai gabungan tidak dihitung: ada komponen SMART-DJA atau IKPA yang tidak diketahui."


# --------------------------------------------------------------------------- front matter


def kata_pengantar(
    nama_satker: str, judul_periode: str, jumlah_ikk: int, tercapai: int
) -> list[str]:
    """The drafted kata pengantar (when narasi.yaml has none)."""
    return [
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya "
        f"Laporan Kinerja Instansi Pemerintah (LKjIP) {nama_satker} {judul_periode}.",
        "Laporan ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan "
        "fungsi sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas "
        "Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014. "
        f"Dari {jumlah_ikk} indikator kinerja kegiatan dalam Perjanjian Kinerja, "
        f"{tercapai} indikator mencapai target.",
        "Kami berharap laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan "
        "kinerja pada tahun berikutnya.",
    ]


def isi_surat_pengantar(nama_satker: str, judul_periode: str) -> str:
    """The drafted body of the cover letter (when narasi.yaml gives none)."""
    return (
        f"Dengan hormat disampaikan Laporan Kinerja Instansi Pemerintah (LKjIP) {judul_periode} "
        f"{nama_satker}. Demikian disampaikan, atas perhatian Bapak/Ibu diucapkan terima kasih."
    )


def naskah_surat_pengantar(nama_satker: str, judul_periode: str) -> str:
    """The document the cover letter sends (its table's "Naskah Dinas yang Dikirim")."""
    return f"Laporan Kinerja Instansi Pemerintah (LKjIP) {judul_periode} {nama_satker}"


BANYAKNYA_SURAT_PENGANTAR = "1 (satu) Laporan"


def ikhtisar_capaian(
    periode: Periode,
    judul_periode: str,
    nama_satker: str,
    jumlah_sasaran: int,
    jumlah_ikk: int,
    tercapai: int,
    tidak_tercapai: list[tuple[str, str, Decimal | None]],
    status_lain: str,
) -> str:
    """The ikhtisar's sentence on the IKK: counts, the unmet IKK (kode, nama, capaian) and the
    clauses of :meth:`Konteks.status_lain`; a partial or cumulative period names its months."""
    p = periode
    kal = (
        (
            f"Sampai dengan {p.label} Tahun {p.tahun}"
            if p.sampai_dengan
            else f"Pada {judul_periode[0].lower() + judul_periode[1:]}"
        )
        + ("" if p.lengkap and not p.sampai_dengan else f" (data {p.rentang_bulan})")
        + f", {nama_satker} memiliki {jumlah_sasaran} sasaran kegiatan dengan {jumlah_ikk} "
        f"indikator kinerja kegiatan (IKK). Sebanyak {tercapai} ({f.terbilang_kecil(tercapai)}) "
        "IKK mencapai atau melampaui target"
    )
    if tidak_tercapai:
        daftar = "; ".join(
            f"{kode} {nama} (capaian {f.persen(capaian)})" for kode, nama, capaian in tidak_tercapai
        )
        kal += f", sedangkan {len(tidak_tercapai)} IKK belum mencapai target: {daftar}"
    return kal + status_lain + "."


def ikhtisar_anggaran(
    periode: Periode,
    pagu: object,
    realisasi: object,
    penyerapan: object,
    sisa: object,
) -> str:
    """The DIPA sentence of the ikhtisar and the conclusions, in words a reviewer accepts
    when a figure is unknown ("realisasi anggaran semester ini belum tersedia") instead of a
    placeholder where a number belongs."""
    p = periode
    sampai = "" if p.lengkap else f"sampai {p.rentang_bulan.split('–')[-1]} "
    kal_pagu = f"Pagu anggaran tahun {p.tahun} sebesar {f.rupiah(pagu)}"  # type: ignore[arg-type]
    tahu_pagu, tahu_real = diketahui(pagu), diketahui(realisasi)
    if tahu_pagu and tahu_real:
        return (
            f"{kal_pagu} terealisasi {sampai}{f.rupiah(realisasi)} atau "  # type: ignore[arg-type]
            f"{f.persen(penyerapan)}, dengan sisa {f.rupiah(sisa)}."  # type: ignore[arg-type]
        )
    if tahu_pagu:
        return f"{kal_pagu}; realisasi anggaran {p.nama_periode} belum tersedia."
    if tahu_real:
        return (
            f"Realisasi anggaran {sampai}sebesar {f.rupiah(realisasi)}; pagu anggaran "  # type: ignore[arg-type]
            f"tahun {p.tahun} belum tersedia, sehingga penyerapannya belum dapat dihitung."
        )
    return f"Pagu dan realisasi anggaran {p.nama_periode} belum tersedia."


def ikhtisar_nka(
    nilai: Decimal,
    bobot_smart: Decimal,
    smart: Decimal,
    bobot_ikpa: Decimal,
    ikpa: Decimal,
    predikat_ikpa: str | None,
) -> str:
    return (
        f"Nilai kinerja anggaran {f.angka(nilai)}, gabungan {f.persen(bobot_smart, 0)} nilai "
        f"SMART-DJA {f.angka(smart)} dan {f.persen(bobot_ikpa, 0)} nilai IKPA {f.angka(ikpa)}"
        + (f" (predikat IKPA {predikat_ikpa})." if predikat_ikpa else ".")
    )


# --------------------------------------------------------------------------- Bab IV


def kesimpulan_jumlah(
    jumlah_ikk: int,
    jumlah_sasaran: int,
    tahun: int,
    judul_periode: str | None,
    tercapai: int,
    tidak_tercapai: int,
    status_lain: str,
) -> str:
    """Bab IV's count sentence; the PK is annual (``Tahun 2024``), a period report names its
    period after it (``judul_periode``, None for an annual report)."""
    return (
        f"Dari {jumlah_ikk} indikator kinerja kegiatan pada {jumlah_sasaran} sasaran kegiatan "
        f"Perjanjian Kinerja Tahun {tahun}"
        + (f" ({judul_periode})" if judul_periode else "")
        + f", {tercapai} indikator mencapai atau melampaui target dan {tidak_tercapai} "
        "indikator belum mencapai target" + status_lain + "."
    )


def kesimpulan_tidak_tercapai(
    kode: str, nama: str, realisasi: str, target: str, capaian: Decimal | None
) -> str:
    return (
        f"Indikator {kode} \u201c{nama}\u201d belum tercapai: realisasi {realisasi} terhadap "
        f"target {target} (capaian {f.persen(capaian)})."
    )


def kesimpulan_sasaran(
    kode: str, rata_capaian: object, penyerapan: object, label: str, porsi: str = ""
) -> str:
    """``porsi``: :func:`porsi_periode` of a partial period."""
    return (
        f"Sasaran {kode}: rata-rata capaian {f.persen(rata_capaian)}, "  # type: ignore[arg-type]
        f"penyerapan anggaran {f.persen(penyerapan)}{porsi} ({label.lower()})."  # type: ignore[arg-type]
    )


def kesimpulan_anggaran(realisasi: object, pagu: object, penyerapan: object) -> str:
    return (
        f"Realisasi anggaran {f.rupiah(realisasi)} dari pagu {f.rupiah(pagu)} "  # type: ignore[arg-type]
        f"({f.persen(penyerapan)})."  # type: ignore[arg-type]
    )


def kesimpulan_nka(nilai: Decimal, smart: Decimal, ikpa: Decimal) -> str:
    return (
        f"Nilai kinerja anggaran {f.angka(nilai)} (SMART-DJA {f.angka(smart)}, "
        f"IKPA {f.angka(ikpa)})."
    )


def saran_perbaikan(kode: str, nama: str, capaian: Decimal | None, sebab: str | None) -> str:
    return (
        f"Menyusun langkah perbaikan untuk {kode} \u201c{nama}\u201d (capaian {f.persen(capaian)})"
        + (f", dengan memperhatikan penyebab: {sebab}" if sebab else "")
        + "."
    )


def saran_verifikasi(kode: str, nama: str, uraian: str | None) -> str:
    return (
        f"Menyelesaikan verifikasi data {kode} \u201c{nama}\u201d sebelum capaiannya dinyatakan"
        + (f", karena {uraian}" if uraian else "")
        + "."
    )


def saran_melebihi_pagu(kode: str, penyerapan: object) -> str:
    return (
        f"Menelusuri realisasi anggaran sasaran {kode} yang melebihi pagunya (penyerapan "
        f"{f.persen(penyerapan)}) dan memastikan pencatatannya."  # type: ignore[arg-type]
    )


def saran_lengkapi(kode: str, nama: str) -> str:
    return f"Melengkapi data {kode} \u201c{nama}\u201d agar capaiannya dapat dinilai."


def saran_percepat(
    kode: str, penyerapan: object, penyerapan_relatif: object, bulan_terakhir: int
) -> str:
    return (
        f"Mempercepat penyerapan anggaran sasaran {kode}: {f.persen(penyerapan)} dari pagu, "  # type: ignore[arg-type]
        f"atau {f.persen(penyerapan_relatif)} dari porsi yang semestinya terserap sampai "  # type: ignore[arg-type]
        f"{f.nama_bulan(bulan_terakhir)}."
    )


def saran_tidak_efisien(
    kode: str, penyerapan: object, rata_capaian: object, penyerapan_relatif: object = None
) -> str:
    relatif = (
        f" ({f.persen(penyerapan_relatif)} dari porsi yang semestinya terserap)"  # type: ignore[arg-type]
        if penyerapan_relatif is not None
        else ""
    )
    return (
        f"Meninjau efisiensi anggaran sasaran {kode}: penyerapan {f.persen(penyerapan)}"  # type: ignore[arg-type]
        f"{relatif} melebihi capaian kinerja rata-rata {f.persen(rata_capaian)}."  # type: ignore[arg-type]
    )


def saran_semua_tercapai(ada_tidak_berlaku: bool) -> str:
    """Only reached when every IKK is tercapai or not applicable (0/0)."""
    return (
        "Seluruh indikator yang berlaku pada periode ini tercapai"
        if ada_tidak_berlaku
        else "Seluruh indikator tercapai"
    ) + "; pertahankan kinerja dan tingkatkan target secara progresif."
