"""Checks of the catalog, the Perjanjian Kinerja and its IKK (values, targets, periods,
supporting tables, narratives) and of the populations the IKK divide by."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ... import format_id as f
from ...hitung import HasilLaporan
from ...hitung.capaian import teks_kunci
from ...muat.periode import rentang_bulan_teks
from ...muat.satuan import SATUAN_DIKENAL
from .kumpulan import Kumpulan, persen, subjek_ikk


def cek_katalog(k: Kumpulan) -> None:
    d = k.data
    for kode, ind in d.indikator.items():
        if ind.satuan.strip().lower() not in SATUAN_DIKENAL:
            k.tambah(
                "SATUAN_TIDAK_DIKENAL",
                d.lokasi_indikator(kode, "satuan"),
                f"satuan {ind.satuan!r} tidak dikenal; diharapkan salah satu dari: "
                + ", ".join(sorted(SATUAN_DIKENAL)),
                kunci=f"{kode}|{ind.satuan}",
                subjek=subjek_ikk(kode),
            )
        if ind.jenis == "rasio" and ind.satuan.strip() not in ("%", "persen"):
            k.tambah(
                "SATUAN_RASIO",
                d.lokasi_indikator(kode, "satuan"),
                f"indikator rasio bersatuan {ind.satuan!r}; realisasi rasio dinyatakan dalam %",
                kunci=f"{kode}|{ind.satuan}",
                subjek=subjek_ikk(kode),
            )


def cek_pk(k: Kumpulan, h: HasilLaporan) -> None:
    kin = k.data.ini.kinerja
    assert kin is not None
    _cek_pk_daftar(k, h, kin)
    idx = {x.kode: i for i, x in enumerate(kin.indikator)}
    for r in h.ikk:
        _cek_pk_ikk(k, r, idx[r.kode])
    _cek_pk_tahun_lalu(k, h)


def _cek_pk_daftar(k: Kumpulan, h: HasilLaporan, kin) -> None:
    """The PK's list of indicators: unknown codes, duplicates, catalogue IKK left out."""
    d = k.data
    ini = d.ini
    for baris, kode in h.ikk_tidak_dikenal:
        k.tambah(
            "IKK_TIDAK_ADA_DI_KATALOG",
            k.lokasi(ini, "kinerja", "indikator", baris - 1, "kode"),
            f"kode IKK {kode!r} tidak ada di katalog {d.katalog.id!r} maupun "
            "indikator_tambahan satker; diharapkan salah satu kode katalog",
            kunci=kode,
            subjek=(("pk",),),
        )
    kodes = [x.kode for x in kin.indikator]
    for kode in sorted({x for x in kodes if kodes.count(x) > 1}):
        k.tambah(
            "IKK_GANDA",
            f"{ini.kunci}/kinerja.yaml",
            f"IKK {kode} tercantum {kodes.count(kode)} kali dalam Perjanjian Kinerja",
            kunci=kode,
            subjek=(("pk",), ("ikk", kode)),
        )
    di_pk = set(kodes)
    for kode, ind in d.indikator.items():
        if kode not in di_pk and ind.target_renstra.get(d.tahun) is not None:
            k.tambah(
                "IKK_TIDAK_DI_PK",
                f"{ini.kunci}/kinerja.yaml",
                f"IKK {kode} ada di katalog dengan target Renstra {d.tahun}, "
                "tetapi tidak tercantum dalam Perjanjian Kinerja tahun ini",
                kunci=kode,
                subjek=(("pk",),),
            )


def _cek_pk_ikk(k: Kumpulan, r, i: int) -> None:
    """Every check of one PK indicator (row ``i`` of kinerja.yaml), in report order."""
    lok = k.lokasi(k.data.ini, "kinerja", "indikator", i, label=r.kode)
    _cek_pk_isian(k, r, lok)
    _cek_pk_angka(k, r, lok)
    _cek_pk_target_renstra(k, r, i)
    _cek_pk_narasi(k, r, lok)
    _cek_pk_tabel_pendukung(k, r, i)


def _cek_pk_isian(k: Kumpulan, r, lok: str) -> None:
    """Missing realisasi/target, failed computation, zero denominator, bare ratio."""
    d = k.data
    if r.data.realisasi is None:
        k.tambah(
            "REALISASI_KOSONG",
            lok,
            "realisasi belum diisi; diharapkan pembilang+penyebut, nilai, atau periode",
            kunci=r.kode,
            subjek=subjek_ikk(r.kode),
        )
    if r.target is None:
        k.tambah(
            "TARGET_KOSONG",
            lok,
            f"target belum diisi dan katalog tidak punya target Renstra {d.tahun}",
            kunci=r.kode,
            subjek=subjek_ikk(r.kode),
        )
    elif r.sumber_target == "Renstra":
        k.tambah(
            "TARGET_PK_KOSONG",
            lok,
            f"target PK belum diisi; capaian dihitung terhadap target Renstra {d.tahun} "
            f"({f.nilai_satuan(r.target, r.defn.satuan)}) dan laporan menyebutkannya; isi "
            "target sesuai Perjanjian Kinerja yang ditandatangani",
            kunci=f"{d.tahun}|{r.kode}",
            subjek=subjek_ikk(r.kode),
        )
    nol = [c for c in r.cacat if c.kode == "HITUNG_GAGAL"]
    if r.galat:
        k.tambah(
            "HITUNG_GAGAL",
            lok,
            f"capaian tidak dapat dihitung: {r.galat}",
            kunci=nol[0].kunci if nol else f"{r.kode}|{r.galat}",
            subjek=subjek_ikk(r.kode),
        )
    real = r.realisasi
    if real and real.aturan_penyebut_nol and real.keterangan and not r.galat:
        k.tambah("PENYEBUT_NOL", lok, real.keterangan, kunci=r.kode, subjek=subjek_ikk(r.kode))
    if r.data.realisasi and r.data.realisasi.nilai is not None and r.defn.jenis == "rasio":
        k.tambah(
            "RASIO_TANPA_RINCIAN",
            lok,
            f"realisasi rasio diisi langsung ({persen(r.data.realisasi.nilai)}) tanpa "
            "pembilang dan penyebut; angka tidak dapat ditelusuri",
            kunci=r.kode,
            subjek=subjek_ikk(r.kode),
        )


def _cek_pk_angka(k: Kumpulan, r, lok: str) -> None:
    """Implausible numbers: ratio over 100 %, capaian over the limit, incomplete period."""
    d = k.data
    real = r.realisasi
    batas_wajar = d.satker.pengaturan.capaian_tidak_wajar
    for c in r.cacat:
        if c.kode != "RASIO_DI_ATAS_100":
            continue
        assert real is not None
        if isinstance(real.pembilang, Decimal) and isinstance(real.penyebut, Decimal):
            pesan = (
                f"pembilang {f.bulat(real.pembilang)} lebih besar dari penyebut "
                f"{f.bulat(real.penyebut)} ({persen(real.nilai)}): "
                f"{r.defn.pembilang or 'pembilang'} tidak mungkin melebihi "
                f"{r.defn.penyebut or 'penyebut'}"
            )
        else:
            pesan = c.alasan
        k.tambah("RASIO_DI_ATAS_100", lok, pesan, kunci=c.kunci, subjek=subjek_ikk(r.kode))
    if isinstance(r.capaian, Decimal) and r.capaian > batas_wajar:
        k.tambah(
            "CAPAIAN_TIDAK_WAJAR",
            lok,
            f"capaian {persen(r.capaian)} di atas {f.persen(batas_wajar, ringkas=True)}; "
            "periksa target dan realisasi",
            kunci=r.kode,
            subjek=subjek_ikk(r.kode),
        )
    if real and real.tabel and real.tabel.kurang:
        # completeness follows the report period: the closed months up to
        # periode_laporan.bulan_terakhir (from periode.mulai on) must have data
        tabel = real.tabel
        k.tambah(
            "PERIODE_TIDAK_LENGKAP",
            lok,
            f"{len(tabel.kurang)} {tabel.jenis} dalam periode laporan "
            f"({d.periode.rentang_bulan}) belum diisi: "
            + ", ".join(b.label for b in tabel.baris if b.ke in tabel.kurang),
            kunci=f"{r.kode}|{tabel.jenis}|" + ",".join(map(str, tabel.kurang)),
            subjek=subjek_ikk(r.kode),
        )


def _cek_pk_target_renstra(k: Kumpulan, r, i: int) -> None:
    d = k.data
    renstra = r.defn.target_renstra.get(d.tahun)
    if (
        isinstance(r.data.target, Decimal)
        and isinstance(renstra, Decimal)
        and r.data.target != renstra
    ):
        k.tambah(
            "TARGET_BEDA_RENSTRA",
            k.lokasi(d.ini, "kinerja", "indikator", i, "target", label=r.kode),
            f"target PK {f.nilai_satuan(r.data.target, r.defn.satuan)} berbeda dengan "
            f"target Renstra {d.tahun} {f.nilai_satuan(renstra, r.defn.satuan)}",
            kunci=f"{r.kode}|{teks_kunci(r.data.target)}|{teks_kunci(renstra)}",
            subjek=subjek_ikk(r.kode),
        )


def _cek_pk_narasi(k: Kumpulan, r, lok: str) -> None:
    n = r.data.narasi
    kosong = [
        nama
        for nama, nilai in (
            ("penyebab keberhasilan/kegagalan", n.penyebab),
            ("analisis program/kegiatan", n.analisis_program),
        )
        if not (nilai or "").strip()
    ]
    if kosong:
        k.tambah(
            "NARASI_KOSONG",
            lok,
            "narasi belum diisi: " + ", ".join(kosong),
            kunci=r.kode,
            subjek=subjek_ikk(r.kode),
        )


def _cek_pk_tabel_pendukung(k: Kumpulan, r, i: int) -> None:
    for j, tab in enumerate(r.data.tabel_pendukung):
        _cek_tabel(
            k,
            tab,
            k.lokasi(
                k.data.ini,
                "kinerja",
                "indikator",
                i,
                "tabel_pendukung",
                j,
                label=f"{r.kode}: {tab.judul}",
            ),
            r.kode,
        )


def _cek_pk_tahun_lalu(k: Kumpulan, h: HasilLaporan) -> None:
    """Comparison with last year: no data at all, or an IKK without last year's row."""
    d = k.data
    if d.lalu is None or d.lalu.kinerja is None:
        k.tambah(
            "TAHUN_LALU_KOSONG",
            f"satker/{d.satker.id}/{d.tahun - 1}/",
            (
                f"data {d.tahun - 1} tidak mencakup bulan yang sama dengan periode ini; "
                "perbandingan dengan tahun lalu dilewati (untuk membandingkan, isi data "
                + rentang_bulan_teks(d.periode.bulan_awal, d.periode.bulan_terakhir, d.tahun - 1)
                + f" di folder {d.tahun - 1}{d.ini.kunci.removeprefix(str(d.tahun))}/)"
                if d.alasan_tanpa_pembanding
                else f"data kinerja {d.tahun - 1} tidak ada; perbandingan dengan tahun lalu "
                "dilewati"
            ),
            kunci=str(d.tahun - 1),
            subjek=(("ikk",),),
        )
    else:
        ada_lalu = {x.kode for x in d.lalu.kinerja.indikator}
        for r in h.ikk:
            if r.kode not in ada_lalu:
                k.tambah(
                    "IKK_TANPA_TAHUN_LALU",
                    f"{d.tahun - 1}/kinerja.yaml",
                    f"IKK {r.kode} tidak punya realisasi {d.tahun - 1}; "
                    "perbandingan tahun lalu tidak dapat dibuat",
                    kunci=f"{d.tahun - 1}|{r.kode}",
                    subjek=subjek_ikk(r.kode),
                )


def _cek_tabel(k: Kumpulan, tab, lokasi: str, kode: str) -> None:
    lebar = len(tab.kolom)
    for i, baris in enumerate(tab.baris, start=1):
        if len(baris) != lebar:
            k.tambah(
                "TABEL_LEBAR",
                lokasi,
                f"baris {i} berisi {len(baris)} sel, header {lebar} kolom",
                kunci=f"{kode}|{tab.judul}|{i}",
                subjek=subjek_ikk(kode),
            )
    if not tab.baris_jumlah or len(tab.baris) < 2:
        return
    *isi, total = tab.baris
    for c in range(1, lebar):
        angka_kolom = [b[c] for b in isi if c < len(b)]
        if c >= len(total) or not isinstance(total[c], int | float | Decimal):
            continue
        if not all(
            isinstance(x, int | float | Decimal) or x in (None, "-", "") for x in angka_kolom
        ):
            continue
        jumlah = sum(Decimal(str(x)) for x in angka_kolom if isinstance(x, int | float | Decimal))
        if jumlah != Decimal(str(total[c])):
            k.tambah(
                "TABEL_JUMLAH_BEDA",
                lokasi,
                f"kolom {tab.kolom[c]!r}: jumlah baris {f.angka(jumlah, 2, ringkas=True)} "
                f"≠ baris jumlah {f.angka(Decimal(str(total[c])), 2, ringkas=True)}",
                kunci=f"{kode}|{tab.judul}|{tab.kolom[c]}",
                subjek=subjek_ikk(kode),
            )


def cek_populasi(k: Kumpulan, h: HasilLaporan) -> None:
    kelompok: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
    for r in h.ikk:
        if r.defn.populasi and r.realisasi and isinstance(r.realisasi.penyebut, Decimal):
            kelompok[r.defn.populasi].append((r.kode, r.realisasi.penyebut))
    for pop, isi in kelompok.items():
        nilai = {v for _, v in isi}
        if len(nilai) > 1:
            rinci = "; ".join(f"{kode}: {f.bulat(v)}" for kode, v in isi)
            k.tambah(
                "POPULASI_BEDA",
                f"{k.data.ini.kunci}/kinerja.yaml",
                f"populasi {pop!r} bernilai berbeda antar-indikator ({rinci})",
                kunci=f"{pop}|" + "|".join(sorted(teks_kunci(v) for v in nilai)),
                subjek=tuple(("ikk", kode) for kode, _ in isi),
            )
    profil = k.data.ini.profil
    if profil and "wbp" in kelompok and isinstance(profil.penghuni, Decimal):
        beda = [(kode, v) for kode, v in kelompok["wbp"] if v != profil.penghuni]
        if beda:
            rinci = "; ".join(f"{kode}: {f.bulat(v)}" for kode, v in beda)
            k.tambah(
                "POPULASI_BEDA_PROFIL",
                k.lokasi(k.data.ini, "profil", "penghuni"),
                f"jumlah penghuni di profil {f.bulat(profil.penghuni)} berbeda dengan "
                f"penyebut indikator berpopulasi WBP ({rinci})",
                kunci=f"{teks_kunci(profil.penghuni)}|"
                + "|".join(sorted({teks_kunci(v) for _, v in beda})),
                subjek=(("profil", "penghuni"), *(("ikk", kode) for kode, _ in beda)),
            )
