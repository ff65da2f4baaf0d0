"""Data checks: every figure recomputed, every inconsistency listed for the reviewer.

Levels:

- ``error``: a figure of the report cannot be computed or would be wrong; the build stops.
- ``peringatan``: an anomaly a reviewer must see and the analyst may justify.
- ``info``: worth knowing (rounding differences, defaults used).

:func:`periksa` returns the findings; it raises :class:`~lkjip_helpers.errors.DataError` or
:class:`~lkjip_helpers.errors.ParameterError` only when the input cannot be read at all.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING

from .. import format_id as f
from ..errors import maksudnya
from ..hitung import HasilLaporan, hasil_untuk
from ..hitung.capaian import GalatHitung, hitung_realisasi, teks_kunci
from ..hitung.kinerja_anggaran import TOLERANSI_RESMI
from ..muat import DataLaporan, DataTahun, muat
from ..muat.periode import rentang_bulan_teks
from ..muat.satuan import SATUAN_DIKENAL
from ..muat.sisipan import BENTUK, cari_sisipan
from ..muat.skema import Narasi, NarasiIkk
from ..tidak_diketahui import TidakDiketahui
from . import besaran as bs
from .literal import STATUS_TEMUAN, literal_narasi, status_narasi
from .narasi import AngkaNarasi, periksa_narasi_bab, periksa_narasi_ikk
from .periode import cek_periode_dokumen
from .rekonsiliasi import diagnosa_anggaran
from .temuan import URUTAN_TINGKAT, Subjek, Temuan, Tingkat, hitung_tingkat

if TYPE_CHECKING:
    from .masalah import Masalah

__all__ = [
    "KODE_TEMUAN",
    "URUTAN_TINGKAT",
    "Temuan",
    "Tingkat",
    "hitung_tingkat",
    "periksa",
    "periksa_data",
    "tulis_json",
]



class _Kumpulan:
    def __init__(self, data: DataLaporan, hasil: HasilLaporan) -> None:
        self.data = data
        self.hasil = hasil
        self.temuan: list[Temuan] = []
        self._indeks: dict[str, int] = {}

    def tambah(
        self,
        kode: str,
        tingkat: Tingkat,
        lokasi: str,
        pesan: str,
        *,
        kunci: str,
        subjek: tuple[Subjek, ...] = (),
        **klaim: object,
    ) -> None:
        """Add a finding; the same problem (same id) found twice is one finding, two places."""
        t = Temuan(kode, tingkat, lokasi, pesan, kunci=kunci, subjek=subjek, **klaim)  # type: ignore[arg-type]
        if t.id in self._indeks:
            i = self._indeks[t.id]
            lama = self.temuan[i]
            lokasi_baru = lama.lokasi if lokasi in lama.lokasi else f"{lama.lokasi}; {lokasi}"
            self.temuan[i] = replace(
                lama, lokasi=lokasi_baru, subjek=tuple(dict.fromkeys(lama.subjek + subjek))
            )
            return
        self._indeks[t.id] = len(self.temuan)
        self.temuan.append(t)

    def lokasi(self, dt: DataTahun | None, nama: str, *loc: int | str, label: str = "") -> str:
        """``2023/kinerja.yaml baris 12, indikator[1] (SK1.1)``."""
        if dt is None:
            return f"{nama}.yaml"
        path = f"{dt.kunci}/{nama}.yaml"
        baris = dt.baris(nama, *loc)
        teks = path + (f" baris {baris}" if baris else "")
        jalur = ""
        for k in loc:
            jalur += f"[{k + 1}]" if isinstance(k, int) else ("." if jalur else "") + str(k)
        if jalur:
            teks += f", {jalur}"
        if label:
            teks += f" ({label})"
        return teks


def _p(x: Decimal | None) -> str:
    return f.persen(x)


def _rp(x: Decimal | None) -> str:
    return f.rupiah(x)


def _ikk(kode: str) -> tuple[Subjek, ...]:
    return (("ikk", kode),)


# --------------------------------------------------------------------------- IKK


def _cek_katalog(k: _Kumpulan) -> None:
    d = k.data
    for kode, ind in d.indikator.items():
        if ind.satuan.strip().lower() not in SATUAN_DIKENAL:
            k.tambah(
                "SATUAN_TIDAK_DIKENAL",
                "error",
                d.lokasi_indikator(kode, "satuan"),
                f"satuan {ind.satuan!r} tidak dikenal; diharapkan salah satu dari: "
                + ", ".join(sorted(SATUAN_DIKENAL)),
                kunci=f"{kode}|{ind.satuan}",
                subjek=_ikk(kode),
            )
        if ind.jenis == "rasio" and ind.satuan.strip() not in ("%", "persen"):
            k.tambah(
                "SATUAN_RASIO",
                "peringatan",
                d.lokasi_indikator(kode, "satuan"),
                f"indikator rasio bersatuan {ind.satuan!r}; realisasi rasio dinyatakan dalam %",
                kunci=f"{kode}|{ind.satuan}",
                subjek=_ikk(kode),
            )


def _cek_pk(k: _Kumpulan, h: HasilLaporan) -> None:
    kin = k.data.ini.kinerja
    assert kin is not None
    _cek_pk_daftar(k, h, kin)
    idx = {x.kode: i for i, x in enumerate(kin.indikator)}
    for r in h.ikk:
        _cek_pk_ikk(k, r, idx[r.kode])
    _cek_pk_tahun_lalu(k, h)


def _cek_pk_daftar(k: _Kumpulan, h: HasilLaporan, kin) -> None:
    """The PK's list of indicators: unknown codes, duplicates, catalogue IKK left out."""
    d = k.data
    ini = d.ini
    for baris, kode in h.ikk_tidak_dikenal:
        k.tambah(
            "IKK_TIDAK_ADA_DI_KATALOG",
            "error",
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
            "error",
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
                "info",
                f"{ini.kunci}/kinerja.yaml",
                f"IKK {kode} ada di katalog dengan target Renstra {d.tahun}, "
                "tetapi tidak tercantum dalam Perjanjian Kinerja tahun ini",
                kunci=kode,
                subjek=(("pk",),),
            )


def _cek_pk_ikk(k: _Kumpulan, r, i: int) -> None:
    """Every check of one PK indicator (row ``i`` of kinerja.yaml), in report order."""
    lok = k.lokasi(k.data.ini, "kinerja", "indikator", i, label=r.kode)
    _cek_pk_isian(k, r, lok)
    _cek_pk_angka(k, r, lok)
    _cek_pk_target_renstra(k, r, i)
    _cek_pk_narasi(k, r, lok)
    _cek_pk_tabel_pendukung(k, r, i)


def _cek_pk_isian(k: _Kumpulan, r, lok: str) -> None:
    """Missing realisasi/target, failed computation, zero denominator, bare ratio."""
    d = k.data
    if r.data.realisasi is None:
        k.tambah(
            "REALISASI_KOSONG",
            "error",
            lok,
            "realisasi belum diisi; diharapkan pembilang+penyebut, nilai, atau periode",
            kunci=r.kode,
            subjek=_ikk(r.kode),
        )
    if r.target is None:
        k.tambah(
            "TARGET_KOSONG",
            "error",
            lok,
            f"target belum diisi dan katalog tidak punya target Renstra {d.tahun}",
            kunci=r.kode,
            subjek=_ikk(r.kode),
        )
    elif r.sumber_target == "Renstra":
        k.tambah(
            "TARGET_PK_KOSONG",
            "peringatan",
            lok,
            f"target PK belum diisi; capaian dihitung terhadap target Renstra {d.tahun} "
            f"({f.nilai_satuan(r.target, r.defn.satuan)}) dan laporan menyebutkannya; isi "
            "target sesuai Perjanjian Kinerja yang ditandatangani",
            kunci=f"{d.tahun}|{r.kode}",
            subjek=_ikk(r.kode),
        )
    nol = [c for c in r.cacat if c.kode == "HITUNG_GAGAL"]
    if r.galat:
        k.tambah(
            "HITUNG_GAGAL",
            "error",
            lok,
            f"capaian tidak dapat dihitung: {r.galat}",
            kunci=nol[0].kunci if nol else f"{r.kode}|{r.galat}",
            subjek=_ikk(r.kode),
        )
    real = r.realisasi
    if real and real.aturan_penyebut_nol and real.keterangan and not r.galat:
        k.tambah("PENYEBUT_NOL", "info", lok, real.keterangan, kunci=r.kode, subjek=_ikk(r.kode))
    if r.data.realisasi and r.data.realisasi.nilai is not None and r.defn.jenis == "rasio":
        k.tambah(
            "RASIO_TANPA_RINCIAN",
            "peringatan",
            lok,
            f"realisasi rasio diisi langsung ({_p(r.data.realisasi.nilai)}) tanpa "
            "pembilang dan penyebut; angka tidak dapat ditelusuri",
            kunci=r.kode,
            subjek=_ikk(r.kode),
        )


def _cek_pk_angka(k: _Kumpulan, r, lok: str) -> None:
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
                f"{f.bulat(real.penyebut)} ({_p(real.nilai)}): "
                f"{r.defn.pembilang or 'pembilang'} tidak mungkin melebihi "
                f"{r.defn.penyebut or 'penyebut'}"
            )
        else:
            pesan = c.alasan
        k.tambah("RASIO_DI_ATAS_100", "peringatan", lok, pesan, kunci=c.kunci, subjek=_ikk(r.kode))
    if isinstance(r.capaian, Decimal) and r.capaian > batas_wajar:
        k.tambah(
            "CAPAIAN_TIDAK_WAJAR",
            "peringatan",
            lok,
            f"capaian {_p(r.capaian)} di atas {f.persen(batas_wajar, ringkas=True)}; "
            "periksa target dan realisasi",
            kunci=r.kode,
            subjek=_ikk(r.kode),
        )
    if real and real.tabel and real.tabel.kurang:
        # completeness follows the report period: the closed months up to
        # periode_laporan.bulan_terakhir (from periode.mulai on) must have data
        tabel = real.tabel
        k.tambah(
            "PERIODE_TIDAK_LENGKAP",
            "peringatan",
            lok,
            f"{len(tabel.kurang)} {tabel.jenis} dalam periode laporan "
            f"({d.periode.rentang_bulan}) belum diisi: "
            + ", ".join(b.label for b in tabel.baris if b.ke in tabel.kurang),
            kunci=f"{r.kode}|{tabel.jenis}|" + ",".join(map(str, tabel.kurang)),
            subjek=_ikk(r.kode),
        )


def _cek_pk_target_renstra(k: _Kumpulan, r, i: int) -> None:
    d = k.data
    renstra = r.defn.target_renstra.get(d.tahun)
    if (
        isinstance(r.data.target, Decimal)
        and isinstance(renstra, Decimal)
        and r.data.target != renstra
    ):
        k.tambah(
            "TARGET_BEDA_RENSTRA",
            "peringatan",
            k.lokasi(d.ini, "kinerja", "indikator", i, "target", label=r.kode),
            f"target PK {f.nilai_satuan(r.data.target, r.defn.satuan)} berbeda dengan "
            f"target Renstra {d.tahun} {f.nilai_satuan(renstra, r.defn.satuan)}",
            kunci=f"{r.kode}|{teks_kunci(r.data.target)}|{teks_kunci(renstra)}",
            subjek=_ikk(r.kode),
        )


def _cek_pk_narasi(k: _Kumpulan, r, lok: str) -> None:
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
            "peringatan",
            lok,
            "narasi belum diisi: " + ", ".join(kosong),
            kunci=r.kode,
            subjek=_ikk(r.kode),
        )


def _cek_pk_tabel_pendukung(k: _Kumpulan, r, i: int) -> None:
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


def _cek_pk_tahun_lalu(k: _Kumpulan, h: HasilLaporan) -> None:
    """Comparison with last year: no data at all, or an IKK without last year's row."""
    d = k.data
    if d.lalu is None or d.lalu.kinerja is None:
        k.tambah(
            "TAHUN_LALU_KOSONG",
            "info",
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
                    "info",
                    f"{d.tahun - 1}/kinerja.yaml",
                    f"IKK {r.kode} tidak punya realisasi {d.tahun - 1}; "
                    "perbandingan tahun lalu tidak dapat dibuat",
                    kunci=f"{d.tahun - 1}|{r.kode}",
                    subjek=_ikk(r.kode),
                )


def _cek_tabel(k: _Kumpulan, tab, lokasi: str, kode: str) -> None:
    lebar = len(tab.kolom)
    for i, baris in enumerate(tab.baris, start=1):
        if len(baris) != lebar:
            k.tambah(
                "TABEL_LEBAR",
                "peringatan",
                lokasi,
                f"baris {i} berisi {len(baris)} sel, header {lebar} kolom",
                kunci=f"{kode}|{tab.judul}|{i}",
                subjek=_ikk(kode),
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
                "peringatan",
                lokasi,
                f"kolom {tab.kolom[c]!r}: jumlah baris {f.angka(jumlah, 2, ringkas=True)} "
                f"≠ baris jumlah {f.angka(Decimal(str(total[c])), 2, ringkas=True)}",
                kunci=f"{kode}|{tab.judul}|{tab.kolom[c]}",
                subjek=_ikk(kode),
            )


def _cek_populasi(k: _Kumpulan, h: HasilLaporan) -> None:
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
                "peringatan",
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
                "peringatan",
                k.lokasi(k.data.ini, "profil", "penghuni"),
                f"jumlah penghuni di profil {f.bulat(profil.penghuni)} berbeda dengan "
                f"penyebut indikator berpopulasi WBP ({rinci})",
                kunci=f"{teks_kunci(profil.penghuni)}|"
                + "|".join(sorted({teks_kunci(v) for _, v in beda})),
                subjek=(("profil", "penghuni"), *(("ikk", kode) for kode, _ in beda)),
            )


# --------------------------------------------------------------------------- anggaran

_TABEL = (
    ("per_sasaran", "per sasaran"),
    ("per_program", "per program"),
    ("per_jenis_belanja", "per jenis belanja"),
)


def _cek_anggaran(k: _Kumpulan, h: HasilLaporan) -> None:
    d = k.data
    for dt, ang in ((d.ini, h.anggaran), (d.lalu, h.anggaran_lalu)):
        if ang is None or dt is None:
            continue
        _cek_anggaran_tahun(k, dt, ang)
    # cells the figures already read as the supported value (hitung), then any other (a
    # draft's stated sisa that disagrees with the data)
    for sel in diagnosa_anggaran(d, h):
        _cek_anggaran_sel(k, sel, dipakai=sel in h.sel_koreksi)
    _cek_anggaran_sasaran(k, h)


def _cek_anggaran_tahun(k: _Kumpulan, dt, ang) -> None:
    """One year's budget: realisasi over pagu (total and per line), tables that do not sum."""
    th = dt.tahun
    lok = k.lokasi(dt, "anggaran")
    if (
        isinstance(ang.total.realisasi, Decimal)
        and isinstance(ang.total.pagu, Decimal)
        and ang.total.realisasi > ang.total.pagu
    ):
        k.tambah(
            "REALISASI_MELEBIHI_PAGU",
            "peringatan",
            lok,
            f"realisasi total {_rp(ang.total.realisasi)} melebihi pagu {_rp(ang.total.pagu)}",
            kunci=f"{th}|total",
            subjek=(("anggaran", th, "total"),),
        )
    for (nama, teks), baris, jumlah in zip(
        _TABEL,
        (ang.per_sasaran, ang.per_program, ang.per_jenis),
        (ang.sasaran_jumlah, ang.program_jumlah, ang.jenis_jumlah),
        strict=True,
    ):
        _cek_anggaran_baris(k, dt, nama, baris)
        if jumlah is None or not jumlah.lengkap:
            continue  # unknown lines: the sum is partial (the unknown values are findings)
        _cek_anggaran_jumlah(k, dt, ang, nama, teks, jumlah)


def _cek_anggaran_baris(k: _Kumpulan, dt, nama: str, baris) -> None:
    th = dt.tahun
    for i, b in enumerate(baris):
        if (
            isinstance(b.realisasi, Decimal)
            and isinstance(b.pagu, Decimal)
            and b.realisasi > b.pagu
        ):
            k.tambah(
                "REALISASI_MELEBIHI_PAGU",
                "peringatan",
                k.lokasi(dt, "anggaran", nama, i, label=b.kunci),
                f"realisasi {_rp(b.realisasi)} melebihi pagu {_rp(b.pagu)} "
                f"(penyerapan {_p(b.penyerapan)})",
                kunci=f"{th}|{nama}|{b.kunci}",
                subjek=(("anggaran", th, nama, b.kunci),),
            )


def _cek_anggaran_jumlah(k: _Kumpulan, dt, ang, nama: str, teks: str, jumlah) -> None:
    """A complete table's sums against the total pagu and realisasi."""
    th = dt.tahun
    if isinstance(ang.total.pagu, Decimal) and jumlah.pagu != ang.total.pagu:
        k.tambah(
            "ANGGARAN_TIDAK_MENJUMLAH",
            "peringatan",
            k.lokasi(dt, "anggaran", nama),
            f"jumlah pagu {teks} {_rp(jumlah.pagu)} ≠ pagu total "
            f"{_rp(ang.total.pagu)} (selisih {_rp(jumlah.pagu - ang.total.pagu)})",
            kunci=f"{th}|{nama}|pagu",
            subjek=(("anggaran", th, nama),),
        )
    if (
        isinstance(jumlah.realisasi, Decimal)
        and isinstance(ang.total.realisasi, Decimal)
        and jumlah.realisasi != ang.total.realisasi
    ):
        k.tambah(
            "ANGGARAN_TIDAK_MENJUMLAH",
            "peringatan",
            k.lokasi(dt, "anggaran", nama),
            f"jumlah realisasi {teks} {_rp(jumlah.realisasi)} ≠ "
            f"realisasi total {_rp(ang.total.realisasi)} "
            f"(selisih {_rp(jumlah.realisasi - ang.total.realisasi)})",
            kunci=f"{th}|{nama}|realisasi",
            subjek=(("anggaran", th, nama),),
        )


def _cek_anggaran_sel(k: _Kumpulan, sel, *, dipakai: bool) -> None:
    """A budget cell that disagrees with its table's sums; ``dipakai``: hitung reads the fit."""
    nama_tabel = {"per_sasaran": "sasaran", "per_program": "program"}.get(sel.tabel, "jenis")
    besaran = (
        {"per_sasaran": "anggaran", "per_program": "anggaran", "per_jenis_belanja": "anggaran"}[
            sel.tabel
        ]
        + (f".{nama_tabel}_jumlah" if sel.bagian == "jumlah" else f".{nama_tabel}.{sel.bagian}")
        + f".{sel.ukuran}"
    )
    k.tambah(
        "ANGGARAN_SEL_TIDAK_COCOK",
        "peringatan",
        sel.lokasi_data,
        f"{sel.ukuran} {sel.label_bagian} {sel.tahun} tercatat {_rp(sel.tercatat)}; dengan "
        f"{_rp(sel.cocok)} semua jumlah tabel {sel.judul_tabel} cocok ("
        + "; ".join(sel.persamaan)
        + ")"
        + (f"; laporan memakai {_rp(sel.cocok)}" if dipakai else ""),
        kunci=f"{sel.tahun}|{sel.tabel}|{sel.bagian}|{sel.ukuran}|{teks_kunci(sel.tercatat)}",
        subjek=(sel.subjek, sel.subjek[:3]),
        **(
            {
                "besaran": besaran,
                "tahun": sel.tahun,
                "dinyatakan": str(sel.tercatat),
                "dihitung": str(sel.cocok),
            }
            if dipakai and sel.bagian != "jumlah"
            else {}
        ),
    )


def _cek_anggaran_sasaran(k: _Kumpulan, h: HasilLaporan) -> None:
    """Sasaran codes of the budget tables against the catalogue and the PK's sasaran."""
    d = k.data
    ini = d.ini
    if h.anggaran and ini.kinerja:
        ada = {b.kunci for b in h.anggaran.per_sasaran}
        for r in h.sasaran:
            if h.anggaran.per_sasaran and r.sasaran.kode not in ada:
                k.tambah(
                    "SASARAN_TANPA_ANGGARAN",
                    "peringatan",
                    k.lokasi(ini, "anggaran", "per_sasaran"),
                    f"sasaran {r.sasaran.kode} tidak punya baris anggaran; efisiensi tidak dapat dinilai",
                    kunci=r.sasaran.kode,
                    subjek=(("sasaran", r.sasaran.kode), ("anggaran", d.tahun, "per_sasaran")),
                )
        for i, b in enumerate(h.anggaran.per_sasaran):
            if b.kunci not in d.sasaran:
                k.tambah(
                    "SASARAN_TIDAK_DIKENAL",
                    "error",
                    k.lokasi(ini, "anggaran", "per_sasaran", i, "sasaran"),
                    f"sasaran {b.kunci!r} tidak ada di katalog; diharapkan salah satu dari "
                    + ", ".join(d.sasaran),
                    kunci=b.kunci,
                    subjek=(("anggaran", d.tahun, "per_sasaran"),),
                )
    if ini.anggaran is not None and ini.kinerja:
        for i, prog in enumerate(ini.anggaran.per_program):
            for j, kode in enumerate(prog.sasaran):
                if kode not in d.sasaran:
                    k.tambah(
                        "SASARAN_TIDAK_DIKENAL",
                        "error",
                        k.lokasi(ini, "anggaran", "per_program", i, "sasaran", j),
                        f"sasaran {kode!r} (program {prog.program!r}) tidak ada di katalog; "
                        "diharapkan salah satu dari " + ", ".join(d.sasaran),
                        kunci=f"per_program|{kode}",
                        subjek=(("anggaran", d.tahun, "per_program"),),
                    )


def _cek_evaluasi(k: _Kumpulan, h: HasilLaporan) -> None:
    d = k.data
    ev = d.ini.evaluasi
    for tempat, pesan in h.galat:
        if tempat == "evaluasi.yaml":
            k.tambah(
                "ATURAN_TIDAK_ADA",
                "error",
                f"{d.ini.kunci}/evaluasi.yaml",
                pesan,
                kunci=f"{d.tahun}|{pesan}",
                subjek=(("smart",), ("ikpa",), ("nka",)),
            )
    if ev is None:
        k.tambah(
            "EVALUASI_KOSONG",
            "info",
            f"{d.ini.kunci}/evaluasi.yaml",
            "berkas tidak ada; bagian SMART-DJA, IKPA, e-Performance dan e-Monev dilewati",
            kunci=str(d.tahun),
            subjek=(("smart",), ("ikpa",), ("nka",)),
        )
        return
    _cek_evaluasi_smart(k, h, ev)
    _cek_evaluasi_resmi(k, h)
    _cek_evaluasi_ikpa(k, h, ev)
    _cek_evaluasi_periode(k, ev)


def _cek_evaluasi_smart(k: _Kumpulan, h: HasilLaporan, ev) -> None:
    """The entered SMART efficiency score against the PMK 22/2021 formula."""
    d = k.data
    if (
        h.smart
        and h.smart.nilai_efisiensi_rumus is not None
        and ev.smart
        and ev.smart.nilai_efisiensi is not None
    ):
        selisih = abs(h.smart.nilai_efisiensi_rumus - ev.smart.nilai_efisiensi)
        if selisih > 0:
            tingkat: Tingkat = "info" if selisih <= Decimal("0.01") else "peringatan"
            k.tambah(
                "SMART_NILAI_EFISIENSI",
                tingkat,
                k.lokasi(d.ini, "evaluasi", "smart", "nilai_efisiensi"),
                f"nilai efisiensi {f.angka(ev.smart.nilai_efisiensi)} berbeda dari rumus "
                f"PMK 22/2021 atas efisiensi {f.angka(ev.smart.efisiensi)} → "
                f"{f.angka(h.smart.nilai_efisiensi_rumus)} (selisih {f.angka(selisih, 4)}); "
                "perhitungan memakai nilai yang diisi",
                kunci=f"{teks_kunci(ev.smart.nilai_efisiensi)}|{teks_kunci(ev.smart.efisiensi or Decimal(0))}",
                subjek=(("smart",),),
            )


def _cek_evaluasi_resmi(k: _Kumpulan, h: HasilLaporan) -> None:
    """Official SMART-DJA and IKPA scores against the recomputation of their components."""
    d = k.data
    for nama, skor, label in (("smart", h.smart, "SMART-DJA"), ("ikpa", h.ikpa, "IKPA")):
        selisih = skor.selisih_resmi if skor else None
        if skor is None or selisih is None or abs(selisih) <= TOLERANSI_RESMI:
            continue
        assert skor.nilai_hitung is not None
        k.tambah(
            f"{nama.upper()}_NILAI_RESMI_BEDA",
            "peringatan",
            k.lokasi(d.ini, "evaluasi", nama, "nilai"),
            f"nilai {label} resmi {f.angka(skor.nilai)} berbeda dari hitung ulang komponennya "
            f"{f.angka(skor.nilai_hitung, 4, ringkas=True)} (selisih "
            f"{f.angka(selisih, 4, ringkas=True)}); laporan memakai nilai resmi",
            kunci=f"{teks_kunci(skor.nilai)}|{teks_kunci(f.bulatkan(skor.nilai_hitung, 4))}",
            subjek=((nama,),),
        )


def _cek_evaluasi_ikpa(k: _Kumpulan, h: HasilLaporan, ev) -> None:
    d = k.data
    if (
        ev.ikpa
        and isinstance(ev.ikpa.pagu, Decimal)
        and h.anggaran
        and isinstance(h.anggaran.total.pagu, Decimal)
        and ev.ikpa.pagu != h.anggaran.total.pagu
    ):
        k.tambah(
            "PAGU_IKPA_BEDA",
            "peringatan",
            k.lokasi(d.ini, "evaluasi", "ikpa", "pagu"),
            f"pagu pada penilaian IKPA {_rp(ev.ikpa.pagu)} berbeda dengan pagu DIPA "
            f"{_rp(h.anggaran.total.pagu)} (selisih {_rp(ev.ikpa.pagu - h.anggaran.total.pagu)})",
            kunci=f"{teks_kunci(ev.ikpa.pagu)}|{teks_kunci(h.anggaran.total.pagu)}",
            subjek=(("ikpa",), ("anggaran", d.tahun, "total")),
        )
    if h.ikpa and h.ikpa.konversi_bobot < 100:
        k.tambah(
            "IKPA_KONVERSI_BOBOT",
            "info",
            k.lokasi(d.ini, "evaluasi", "ikpa"),
            f"sebagian komponen IKPA tidak dinilai; bobot dikonversi ({_p(h.ikpa.konversi_bobot)})",
            kunci=teks_kunci(h.ikpa.konversi_bobot),
            subjek=(("ikpa",),),
        )


def _cek_evaluasi_periode(k: _Kumpulan, ev) -> None:
    """e-Performance and e-Monev series: complete for the report period, values in 0–100."""
    d = k.data
    for nama, isi, jenis in (
        ("e_performance_triwulan", ev.e_performance_triwulan, "triwulan"),
        ("e_monev_bulan", ev.e_monev_bulan, "bulan"),
    ):
        subjek: Subjek = ("e_performance",) if nama.startswith("e_perf") else ("e_monev",)
        # completeness follows the report period: the closed periods up to bulan_terakhir
        harus = max(d.periode.bulan_diharapkan(jenis), default=0)
        if isi and len(isi) < harus:
            k.tambah(
                "PERIODE_TIDAK_LENGKAP",
                "peringatan",
                k.lokasi(d.ini, "evaluasi", nama),
                f"hanya {len(isi)} dari {harus} {jenis} sampai {d.periode.rentang_bulan} terisi",
                kunci=nama,
                subjek=(subjek,),
            )
        for i, v in enumerate(isi):
            if isinstance(v, Decimal) and not (0 <= v <= 100):
                k.tambah(
                    "NILAI_DI_LUAR_RENTANG",
                    "peringatan",
                    k.lokasi(d.ini, "evaluasi", nama, i),
                    f"nilai {f.angka(v)} di luar 0–100",
                    kunci=f"{nama}|{i + 1}|{teks_kunci(v)}",
                    subjek=(subjek,),
                )


def _cek_profil(k: _Kumpulan, h: HasilLaporan) -> None:
    p = k.data.ini.profil
    if p is None:
        return
    if (
        isinstance(p.penghuni, Decimal)
        and isinstance(p.kapasitas, Decimal)
        and p.penghuni > p.kapasitas
    ):
        k.tambah(
            "KELEBIHAN_HUNIAN",
            "info",
            k.lokasi(k.data.ini, "profil", "penghuni"),
            f"penghuni {f.bulat(p.penghuni)} melebihi kapasitas {f.bulat(p.kapasitas)} "
            f"(tingkat hunian {_p(h.okupansi)})",
            kunci=f"{teks_kunci(p.penghuni)}|{teks_kunci(p.kapasitas)}",
            subjek=(("profil", "penghuni"),),
        )
    jumlah = {
        nama: sum((b.jumlah or Decimal(0) for b in baris), Decimal(0))
        for nama, baris in (
            ("jenis kelamin", p.pegawai_jenis_kelamin),
            ("pendidikan", p.pegawai_pendidikan),
            ("golongan", p.pegawai_golongan),
        )
        if baris and not any(isinstance(b.jumlah, TidakDiketahui) for b in baris)
    }
    if len(set(jumlah.values())) > 1:
        rinci = ", ".join(f"menurut {n}: {f.bulat(v)}" for n, v in jumlah.items())
        k.tambah(
            "PEGAWAI_TIDAK_MENJUMLAH",
            "peringatan",
            k.lokasi(k.data.ini, "profil"),
            f"jumlah pegawai berbeda antar-rincian ({rinci})",
            kunci="|".join(f"{n}={teks_kunci(v)}" for n, v in jumlah.items()),
            subjek=(("profil", "pegawai"),),
        )


def _cek_narasi(k: _Kumpulan) -> None:
    n = k.data.ini.narasi
    for nama, label in (
        ("kata_pengantar", "kata pengantar"),
        ("kesimpulan", "kesimpulan"),
        ("saran", "saran"),
    ):
        if n is None or not (getattr(n, nama) or "").strip():
            k.tambah(
                "NARASI_DIRANCANG",
                "info",
                f"{k.data.ini.kunci}/narasi.yaml, {nama}",
                f"{label} tidak diisi; laporan memakai teks yang dirancang dari angka",
                kunci=nama,
                subjek=(("narasi", nama),),
            )


# --------------------------------------------------------------------------- narrative numbers


def _tambah_angka_narasi(
    k: _Kumpulan, x: AngkaNarasi, lokasi: str, sumber: str, subjek: tuple[Subjek, ...]
) -> None:
    """A stale number of a narrative (``sumber`` names the narrative field)."""
    dihitung = f.angka(x.dihitung, 2, ringkas=True) if x.dihitung is not None else f.KOSONG
    if x.teks.endswith("%") and x.dihitung is not None:
        dihitung += "%"
    if x.besaran:
        dihitung = bs.tulis(x.dihitung, x.besaran, k.hasil)
    klaim: dict[str, object] = {}
    if x.besaran and x.tahun is not None:
        klaim = {
            "besaran": x.besaran,
            # a Renstra target's name holds its year; the name belongs to this year's vocabulary
            "tahun": k.data.tahun if ".target_renstra." in x.besaran else x.tahun,
            "dinyatakan": str(x.nilai),
            "dihitung": str(x.dihitung),
        }
    if x.jenis == "bobot" and x.dihitung is not None:
        pesan = (
            f"{x.label} tertulis {x.teks}, menurut aturan "
            f"{f.angka(x.dihitung, bs.desimal_tertulis(x.dihitung))}%"
        )
    else:
        pesan = f"narasi menyebut {x.teks} untuk {x.label}; hasil hitung {dihitung}"
    k.tambah(
        "NARASI_ANGKA_BEDA",
        "peringatan",
        lokasi,
        pesan,
        kunci=f"{sumber}|{x.besaran or x.label}|{x.teks}",
        subjek=subjek,
        catatan=x.kalimat,
        **klaim,
    )


def _cek_angka_narasi(k: _Kumpulan, h: HasilLaporan) -> None:
    ini = k.data.ini
    if ini.kinerja is not None:
        idx = {x.kode: i for i, x in enumerate(ini.kinerja.indikator)}
        for r in h.ikk:
            i = idx[r.kode]
            for nama in NarasiIkk.model_fields:
                teks = getattr(r.data.narasi, nama)
                if not teks:
                    continue
                lok = k.lokasi(ini, "kinerja", "indikator", i, "narasi", nama, label=r.kode)
                for x in periksa_narasi_ikk(h, r.kode, teks):
                    _tambah_angka_narasi(k, x, lok, f"kinerja.{r.kode}.{nama}", _ikk(r.kode))
    n = ini.narasi
    if n is None:
        return
    for nama in Narasi.model_fields:
        teks = getattr(n, nama)
        if not isinstance(teks, str) or not teks:
            continue
        lok = k.lokasi(ini, "narasi", nama)
        for x in periksa_narasi_bab(h, nama, teks):
            subjek: tuple[Subjek, ...] = (("narasi", nama),)
            if x.besaran:
                subjek += (bs.subjek(x.besaran, x.tahun or k.data.tahun),)
            elif x.jenis == "bobot":
                subjek += ((("smart",) if nama == "smart_dja" else ("ikpa",)),)
            _tambah_angka_narasi(k, x, lok, f"narasi.{nama}", subjek)


# --------------------------------------------------------------------------- placeholders

_BERKAS_NARASI = ("profil", "kinerja", "anggaran", "evaluasi", "narasi", "lampiran")
"""Files whose text the report prints (klaim and tanggapan go to the review memo only)."""

KunciRujukan = Callable[[HasilLaporan], "set[tuple[str, str]]"]
"""(computed report) → every (``tabel``/``gambar``, key) a cross-reference may name."""


def _teks_pohon(node: object, jalur: tuple[int | str, ...] = ()) -> Iterator[tuple[tuple, str]]:
    """Every string of a parsed YAML tree with its path."""
    if isinstance(node, str):
        yield jalur, node
    elif isinstance(node, dict):
        for kunci, isi in node.items():
            yield from _teks_pohon(isi, (*jalur, str(kunci)))
    elif isinstance(node, list):
        for i, isi in enumerate(node):
            yield from _teks_pohon(isi, (*jalur, i))


def _cek_literal(k: _Kumpulan, h: HasilLaporan, rujukan: set[tuple[str, str]] | None) -> None:
    """Numbers typed in narratives outside placeholders that contradict the data
    (:mod:`.literal`); NARASI_ANGKA_BEDA ones are reported by :func:`_cek_angka_narasi`."""
    nomor = getattr(rujukan, "nomor", None)
    for x, jalur in literal_narasi(h, nomor):
        if x.status != STATUS_TEMUAN or x.kode in (None, "NARASI_ANGKA_BEDA"):
            continue
        lok = k.lokasi(k.data.ini, jalur[0], *jalur[1:])
        if x.isian:
            lok += f" (tulis {x.isian})"
        k.tambah(
            x.kode,
            "peringatan",
            lok,
            f"{x.keterangan}: “{x.kalimat}”",
            kunci=f"{x.sumber}|{x.teks}|{x.kalimat}",
            subjek=x.subjek or _subjek_literal(x.sumber),
            catatan=x.kalimat,
        )


def _cek_program_sasaran(k: _Kumpulan, h: HasilLaporan) -> None:
    """A program whose sasaran are exactly covered by the per-sasaran breakdown (each of them
    there, none shared with another program) must have the budget of their sum: Bab II's
    PK budget per program and the per-sasaran tables print the same money twice. Both
    figures are printed as entered; the difference is reported."""
    d = k.data
    for dt, ang in ((d.ini, h.anggaran), (d.lalu, h.anggaran_lalu)):
        if ang is None or dt is None or dt.anggaran is None:
            continue
        program = dt.anggaran.per_program
        if len(program) != len(ang.per_program):
            continue
        for i, (p, b) in enumerate(zip(program, ang.per_program, strict=True)):
            milik = set(p.sasaran)
            lain = {x for j, q in enumerate(program) if j != i for x in q.sasaran}
            baris = [x for x in ang.per_sasaran if x.kunci in milik]
            if not milik or milik & lain or sorted(x.kunci for x in baris) != sorted(milik):
                continue  # not exactly covered: the sum would not be the program's
            for ukuran in ("pagu", "realisasi"):
                vp = getattr(b, ukuran)
                vs = [getattr(x, ukuran) for x in baris]
                if not isinstance(vp, Decimal) or not all(isinstance(v, Decimal) for v in vs):
                    continue
                jumlah = sum(vs, Decimal(0))
                if jumlah == vp:
                    continue
                kode = [x.kunci for x in baris]
                rinci = " + ".join(_rp(v) for v in vs)
                k.tambah(
                    "ANGGARAN_PROGRAM_SASARAN_BEDA",
                    "peringatan",
                    k.lokasi(dt, "anggaran", "per_program", i, ukuran)
                    + "; "
                    + k.lokasi(dt, "anggaran", "per_sasaran"),
                    f"{ukuran} {p.program} {dt.tahun} pada tabel anggaran Perjanjian Kinerja per "
                    f"program/kegiatan {_rp(vp)}, sedangkan {ukuran} sasarannya "
                    f"({', '.join(kode)}) pada tabel anggaran per sasaran kegiatan berjumlah "
                    + (f"{rinci} = " if len(vs) > 1 else "")
                    + f"{_rp(jumlah)}; selisih {_rp(abs(vp - jumlah))} (anggaran program lebih "
                    + ("besar)" if vp > jumlah else "kecil)"),
                    kunci=f"{dt.tahun}|{i + 1}|{ukuran}|{vp}|{jumlah}",
                    subjek=(
                        ("anggaran", dt.tahun, "per_program", str(i + 1)),
                        *(("anggaran", dt.tahun, "per_sasaran", x) for x in kode),
                    ),
                )


def _cek_status_narasi(k: _Kumpulan, h: HasilLaporan) -> None:
    """A narrative sentence calling an IKK reached while its status is not Tercapai
    (:func:`.literal.status_narasi`): the analyst's claim, quoted, never rewritten."""
    for x in status_narasi(h):
        k.tambah(
            "NARASI_STATUS_BEDA",
            "peringatan",
            k.lokasi(k.data.ini, x.jalur[0], *x.jalur[1:]),
            f"kalimat menyatakan {x.kode} “{x.kata}”, padahal statusnya di tabel capaian "
            f"“{x.status}”: “{x.kalimat}”",
            kunci=f"{x.sumber}|{x.kode}|{x.kalimat}",
            subjek=(("ikk", x.kode),),
            catatan=x.kalimat,
        )


def _cek_nilai_ganda(k: _Kumpulan, h: HasilLaporan) -> None:
    """A quantity the data hold with two values (:mod:`..hitung.nilai_ganda`)."""
    dt = k.data.ini
    for g in h.nilai_ganda:
        no = int(g.besaran.split(".")[2])
        lok = k.lokasi(dt, "anggaran", "per_program", no - 1, "pagu")
        lok += "; " + k.lokasi(dt, "lampiran", "perjanjian_kinerja", "anggaran")
        k.tambah(
            "NILAI_GANDA",
            "peringatan",
            lok,
            g.uraian,
            kunci=g.kunci,
            subjek=(("anggaran", h.tahun, "per_program", str(no)),),
        )


def _subjek_literal(sumber: str) -> tuple[Subjek, ...]:
    """``narasi.latar_belakang`` → ``(("narasi", "latar_belakang"),)``; a lampiran text →
    ``(("lampiran",),)``."""
    berkas, _, nama = sumber.partition(".")
    if berkas == "narasi":
        return (("narasi", nama),)
    if berkas == "kinerja":
        return (("ikk", nama.rsplit(".", 1)[0]),)
    return ((berkas,),)


def _cek_sisipan(
    k: _Kumpulan, h: HasilLaporan, kunci_rujukan: KunciRujukan | None
) -> set[tuple[str, str]] | None:
    """Every ``{{ … }}`` the report would fill in must be understood: the build stops on
    the same placeholders (so a clean check means the narratives will render). Returns the
    report's cross-reference keys when they were needed and known."""
    dt = k.data.ini
    dikenal = h.besaran()
    rujukan: set[tuple[str, str]] | None = None
    if kunci_rujukan is not None:
        rujukan = kunci_rujukan(h)
    for nama in _BERKAS_NARASI:
        for jalur, teks in _teks_pohon(dt.mentah.get(nama)):
            if "{{" not in teks:
                continue
            for s in cari_sisipan(teks):
                lok = k.lokasi(dt, nama, *jalur)
                kunci = f"{nama}|{'.'.join(map(str, jalur))}|{s.teks}"
                subjek = (_subjek_berkas(f"{dt.kunci}/{nama}.yaml", jalur, k),)
                if not s.sah:
                    k.tambah(
                        "NARASI_ISIAN_TIDAK_SAH",
                        "error",
                        lok,
                        f"isian {s.teks} tidak dapat dibaca: tulis {{{{ nama }}}} atau "
                        f"{{{{ nama | bentuk }}}} dengan bentuk salah satu dari "
                        + ", ".join(b for b in BENTUK if b),
                        kunci=kunci,
                        subjek=subjek,
                    )
                elif s.besaran is not None and s.besaran not in dikenal:
                    k.tambah(
                        "NARASI_ISIAN_TIDAK_DIKENAL",
                        "error",
                        lok,
                        f"isian {s.teks} tidak dikenal: bukan nama angka yang dihitung"
                        + maksudnya(s.besaran, dikenal)
                        + "; lihat daftar besaran di data/README.md",
                        kunci=kunci,
                        subjek=subjek,
                    )
                elif s.rujukan is not None and rujukan is not None and s.rujukan not in rujukan:
                    jenis, kunci_tabel = s.rujukan
                    mirip = get_close_matches(
                        kunci_tabel, [x for j, x in rujukan if j == jenis], n=3, cutoff=0.6
                    )
                    k.tambah(
                        "NARASI_RUJUKAN_TIDAK_DIKENAL",
                        "error",
                        lok,
                        f"rujukan {s.teks}: laporan tidak memuat {jenis} dengan kunci "
                        f"{kunci_tabel!r}" + (f" (maksudnya {', '.join(mirip)}?)" if mirip else ""),
                        kunci=kunci,
                        subjek=subjek,
                    )
    return rujukan


# --------------------------------------------------------------------------- klaim


def _presisi(nilai: Decimal) -> Decimal:
    exp = nilai.as_tuple().exponent
    return Decimal(1).scaleb(exp) if isinstance(exp, int) and exp < 0 else Decimal(1)


def _cek_klaim(k: _Kumpulan, dt: DataTahun | None, hb: dict[str, Decimal | None]) -> None:
    if dt is None or dt.klaim is None:
        return
    tol = k.data.satker.pengaturan.toleransi_klaim
    for i, kl in enumerate(dt.klaim.klaim):
        lok = k.lokasi(dt, "klaim", "klaim", i, label=f"draf: {kl.lokasi}")
        nilai = teks_kunci(kl.nilai) if kl.nilai is not None else "pernyataan"
        kunci = f"{dt.tahun}|{kl.besaran}|{kl.lokasi}|{nilai}"
        subjek = (bs.subjek(kl.besaran, dt.tahun),)
        umum = {"catatan": kl.catatan, "sumber": kl.lokasi, "kutipan": kl.kutipan}
        if kl.nilai is None:  # a statement without a figure: the draft said it, quoted
            k.tambah(
                "KLAIM_PERNYATAAN",
                "info",
                lok,
                f"draf menyatakan “{kl.kutipan}”"
                + (f" ({bs.label(kl.besaran, dt.tahun)})" if kl.besaran in hb else "")
                + "; laporan memuat kalimat yang dibetulkan",
                kunci=kunci,
                subjek=subjek if kl.besaran in hb else (("klaim", kl.besaran),),
                **umum,
            )
            continue
        if kl.besaran not in hb:
            k.tambah(
                "KLAIM_TIDAK_DIKENAL",
                "peringatan",
                lok,
                f"besaran {kl.besaran!r} tidak dikenal; lihat daftar besaran di README data",
                kunci=kunci,
                subjek=(("klaim", kl.besaran),),
                **umum,
            )
            continue
        hitung_ = hb[kl.besaran]
        if hitung_ is None or isinstance(hitung_, TidakDiketahui):
            k.tambah(
                "KLAIM_TIDAK_DAPAT_DIHITUNG",
                "info",
                lok,
                f"{kl.besaran} dinyatakan {f.angka(kl.nilai, 4, ringkas=True)} tetapi tidak "
                "dapat dihitung dari data"
                + (" (data masukannya tidak diketahui)" if hitung_ is not None else ""),
                kunci=kunci,
                subjek=subjek,
                besaran=kl.besaran,
                tahun=dt.tahun,
                dinyatakan=str(kl.nilai),
                **umum,
            )
            continue
        selisih = kl.nilai - hitung_
        if abs(selisih) <= tol:
            continue
        desimal = max(0, -int(_presisi(kl.nilai).as_tuple().exponent))
        dinyatakan = f.angka(kl.nilai, desimal)
        dihitung = f.angka(hitung_, 4, ringkas=True)
        kuantum = Decimal(1).scaleb(-desimal)
        rinci = {
            "besaran": kl.besaran,
            "tahun": dt.tahun,
            "dinyatakan": str(kl.nilai),
            "dihitung": str(hitung_),
            **umum,
        }
        if f.bulatkan(hitung_, desimal) == kl.nilai:
            k.tambah(
                "KLAIM_PEMBULATAN",
                "info",
                lok,
                f"{kl.besaran}: dinyatakan {dinyatakan}, dihitung {dihitung} — sama setelah "
                f"pembulatan ke {desimal} desimal",
                kunci=kunci,
                subjek=subjek,
                **rinci,
            )
        elif hitung_.quantize(kuantum, rounding=ROUND_DOWN) == kl.nilai:
            k.tambah(
                "KLAIM_PEMOTONGAN",
                "info",
                lok,
                f"{kl.besaran}: dinyatakan {dinyatakan}, dihitung {dihitung} — angka dipotong, "
                f"bukan dibulatkan (pembulatan yang benar: {f.angka(hitung_, desimal)})",
                kunci=kunci,
                subjek=subjek,
                **rinci,
            )
        elif desimal >= 1 and abs(selisih) <= kuantum:
            # -7,36 for -7,3529…: one unit in the last place, from rounded or truncated inputs
            k.tambah(
                "KLAIM_SELISIH_KECIL",
                "info",
                lok,
                f"{kl.besaran}: dinyatakan {dinyatakan}, dihitung {dihitung} — berbeda satu "
                f"angka di desimal terakhir (pembulatan yang benar: {f.angka(hitung_, desimal)})",
                kunci=kunci,
                subjek=subjek,
                **rinci,
            )
        else:
            k.tambah(
                "KLAIM_BEDA",
                "peringatan",
                lok,
                f"{kl.besaran}: dinyatakan {dinyatakan}, dihitung {dihitung} "
                f"(selisih {f.angka(selisih, 4, ringkas=True)})",
                kunci=kunci,
                subjek=subjek,
                **rinci,
            )


def _besaran_tahun_lalu(
    h: HasilLaporan, full: dict[str, Decimal | None]
) -> dict[str, Decimal | None]:
    """Figures of the previous year, named as that year's own klaim.yaml names them."""
    b: dict[str, Decimal | None] = {}
    lalu = h.data.lalu
    data_lalu = {x.kode: x for x in (lalu.kinerja.indikator if lalu and lalu.kinerja else [])}
    for r in h.ikk:
        b[f"ikk.{r.kode}.realisasi"] = r.realisasi_lalu
        b[f"ikk.{r.kode}.capaian"] = r.capaian_lalu
        b[f"ikk.{r.kode}.target"] = r.target_lalu
        pb = pn = None
        x = data_lalu.get(r.kode)
        if x is not None and x.realisasi is not None:
            try:
                real = hitung_realisasi(r.defn, x.realisasi)
                pb, pn = real.pembilang, real.penyebut
            except GalatHitung:
                pass  # the comparison already shows it cannot be computed
        b[f"ikk.{r.kode}.pembilang"] = pb
        b[f"ikk.{r.kode}.penyebut"] = pn
    for key, v in full.items():
        if key.startswith("anggaran_tahun_lalu."):
            b["anggaran." + key.removeprefix("anggaran_tahun_lalu.")] = v
    return b


# --------------------------------------------------------------------------- data model


def _subjek_berkas(berkas: str, jalur: tuple[int | str, ...], k: _Kumpulan) -> Subjek:
    """The thing of the report a value of a data file belongs to (for unknown values)."""
    nama = berkas.rsplit("/", 1)[-1].removesuffix(".yaml")
    dt = k.data.ini if berkas.startswith(f"{k.data.ini.kunci}/") else k.data.lalu
    if nama == "kinerja" and dt and dt.kinerja and jalur[:1] == ("indikator",):
        i = jalur[1]
        if isinstance(i, int) and i < len(dt.kinerja.indikator):
            return ("ikk", dt.kinerja.indikator[i].kode)
    if nama == "anggaran" and dt:
        if len(jalur) >= 2 and isinstance(jalur[0], str) and jalur[0].startswith("per_"):
            return ("anggaran", dt.tahun, str(jalur[0]))
        return ("anggaran", dt.tahun, "total")
    if nama == "evaluasi" and jalur:
        akar = str(jalur[0])
        return (
            ("e_performance",)
            if akar.startswith("e_perf")
            else (("e_monev",) if akar.startswith("e_monev") else (akar,))
        )
    if nama == "profil" and jalur:
        akar = str(jalur[0])
        return ("profil", "pegawai" if akar.startswith("pegawai") else akar)
    return ("pk",)


def _cek_tidak_diketahui(k: _Kumpulan, h: HasilLaporan) -> None:
    """Every number declared unknown is a finding (the report shows "data tidak tersedia")."""
    for x in k.data.tidak_diketahui:
        k.tambah(
            "NILAI_TIDAK_DIKETAHUI",
            "peringatan" if x.periode_ini else "info",
            x.lokasi,
            f'{x.field} dinyatakan tidak diketahui; laporan menulis "data tidak tersedia" dan '
            "angka ini tidak ikut dijumlah atau dirata-rata",
            kunci=f"{x.berkas}|{x.field}",
            subjek=(_subjek_berkas(x.berkas, x.jalur, k),),
        )
    for tempat, alasan in h.tanpa_hitung_ulang:
        k.tambah(
            "NILAI_TIDAK_DIHITUNG_ULANG",
            "info",
            f"{k.data.ini.kunci}/{tempat}",
            alasan,
            kunci=tempat,
            subjek=((tempat.rsplit(" ", 1)[-1],),),
        )


def _cek_periode_laporan(k: _Kumpulan, h: HasilLaporan) -> None:
    """The period's own completeness and the previous year's target fallbacks."""
    p = k.data.periode
    if not p.lengkap:
        k.tambah(
            "PERIODE_BELUM_LENGKAP",
            "info",
            k.lokasi(k.data.ini, "kinerja", "periode_laporan", "bulan_terakhir"),
            f"data {p.judul} mencakup {p.rentang_bulan} (belum sampai "
            f"{f.nama_bulan(p.bulan_akhir)}); laporan menyebutkannya dan hanya "
            f"membandingkannya dengan bulan yang sama tahun {p.tahun - 1}",
            kunci=f"{p.kunci}|{p.bulan_terakhir}",
            subjek=(("ikk",),),
        )
    renstra_lalu = [r.kode for r in h.ikk if r.sumber_target_lalu == "Renstra"]
    if renstra_lalu and k.data.lalu is not None:
        k.tambah(
            "TARGET_PK_TAHUN_LALU_KOSONG",
            "info",
            f"{k.data.lalu.kunci}/kinerja.yaml",
            f"target PK {p.tahun - 1} tidak tercantum untuk {len(renstra_lalu)} IKK; capaian "
            f"{p.tahun - 1} dihitung terhadap target Renstra {p.tahun - 1}: "
            + ", ".join(renstra_lalu),
            kunci=f"{p.tahun - 1}|" + ",".join(renstra_lalu),
            subjek=(("ikk",),),
        )


# --------------------------------------------------------------------------- entry points

KODE_TEMUAN: frozenset[str] = frozenset(
    {
        "SATUAN_TIDAK_DIKENAL",
        "SATUAN_RASIO",
        "IKK_TIDAK_ADA_DI_KATALOG",
        "IKK_GANDA",
        "IKK_TIDAK_DI_PK",
        "REALISASI_KOSONG",
        "TARGET_KOSONG",
        "HITUNG_GAGAL",
        "PENYEBUT_NOL",
        "RASIO_TANPA_RINCIAN",
        "RASIO_DI_ATAS_100",
        "CAPAIAN_TIDAK_WAJAR",
        "PERIODE_TIDAK_LENGKAP",
        "TARGET_BEDA_RENSTRA",
        "NARASI_KOSONG",
        "TABEL_LEBAR",
        "TABEL_JUMLAH_BEDA",
        "TAHUN_LALU_KOSONG",
        "IKK_TANPA_TAHUN_LALU",
        "POPULASI_BEDA",
        "POPULASI_BEDA_PROFIL",
        "REALISASI_MELEBIHI_PAGU",
        "ANGGARAN_TIDAK_MENJUMLAH",
        "ANGGARAN_SEL_TIDAK_COCOK",
        "ANGGARAN_PROGRAM_SASARAN_BEDA",
        "SASARAN_TANPA_ANGGARAN",
        "SASARAN_TIDAK_DIKENAL",
        "ATURAN_TIDAK_ADA",
        "EVALUASI_KOSONG",
        "SMART_NILAI_EFISIENSI",
        "SMART_NILAI_RESMI_BEDA",
        "IKPA_NILAI_RESMI_BEDA",
        "PAGU_IKPA_BEDA",
        "IKPA_KONVERSI_BOBOT",
        "NILAI_DI_LUAR_RENTANG",
        "KELEBIHAN_HUNIAN",
        "PEGAWAI_TIDAK_MENJUMLAH",
        "NARASI_DIRANCANG",
        "NARASI_ANGKA_BEDA",
        "NARASI_ISIAN_TIDAK_SAH",
        "NARASI_ISIAN_TIDAK_DIKENAL",
        "NARASI_RUJUKAN_TIDAK_DIKENAL",
        "NILAI_GANDA",
        "NARASI_TAHUN_LAIN",
        "NARASI_RUJUKAN_SALAH",
        "NARASI_JUMLAH_BEDA",
        "NARASI_RINCIAN_BEDA",
        "NARASI_SUBJEK_BEDA",
        "NARASI_STATUS_BEDA",
        "KLAIM_TIDAK_DIKENAL",
        "KLAIM_TIDAK_DAPAT_DIHITUNG",
        "KLAIM_PEMBULATAN",
        "KLAIM_PEMOTONGAN",
        "KLAIM_SELISIH_KECIL",
        "KLAIM_BEDA",
        "KLAIM_PERNYATAAN",
        "TANGGAPAN_TIDAK_DIKENAL",
        "TANGGAPAN_GANDA",
        "TANGGAPAN_SELESAI",
        "TARGET_PK_KOSONG",
        "TARGET_PK_TAHUN_LALU_KOSONG",
        "NILAI_TIDAK_DIKETAHUI",
        "NILAI_TIDAK_DIHITUNG_ULANG",
        "PERIODE_BELUM_LENGKAP",
        "TANGGAL_SEBELUM_DATA",
        "PK_DISEBUT_PERIODE",
        "TEKS_TIDAK_DIKETAHUI",
        "IKK_SASARAN_PINDAH",
        "RUMUS_TERBALIK",
    }
)
"""Every code a check can report (an answer naming another code is certainly mistyped)."""


def periksa_data(data: DataLaporan, kunci_rujukan: KunciRujukan | None = None) -> list[Temuan]:
    """Run every check on loaded data; findings sorted by level (stable within a level).

    ``kunci_rujukan`` lists the tables and figures the report holds, so that a narrative's
    ``{{ tabel:<kunci> }}`` naming none of them is reported (the report layer passes it; without
    it cross-references are not checked)."""
    from .masalah import id_masalah
    from .tanggapan import cek_tanggapan

    h = hasil_untuk(data)
    k = _Kumpulan(data, h)
    _cek_katalog(k)
    _cek_pk(k, h)
    _cek_populasi(k, h)
    _cek_anggaran(k, h)
    _cek_program_sasaran(k, h)
    _cek_evaluasi(k, h)
    _cek_profil(k, h)
    _cek_narasi(k)
    _cek_angka_narasi(k, h)
    _cek_nilai_ganda(k, h)
    rujukan = _cek_sisipan(k, h, kunci_rujukan)
    _cek_literal(k, h, rujukan)
    _cek_status_narasi(k, h)
    _cek_tidak_diketahui(k, h)
    _cek_periode_laporan(k, h)
    cek_periode_dokumen(k)
    besaran = h.besaran()
    _cek_klaim(k, data.ini, besaran)
    _cek_klaim(k, data.lalu, _besaran_tahun_lalu(h, besaran))
    dikenal = {t.id for t in k.temuan} | id_masalah(k.temuan, h)
    for t in cek_tanggapan(data.ini, dikenal, KODE_TEMUAN):
        k.tambah(t.kode, t.tingkat, t.lokasi, t.pesan, kunci=t.kunci, subjek=t.subjek)
    return sorted(k.temuan, key=lambda t: URUTAN_TINGKAT[t.tingkat])


def periksa(
    satker: str,
    tahun: int | str,
    data_dir: str | Path = "data",
    periode: str = "tahunan",
    kunci_rujukan: KunciRujukan | None = None,
) -> list[Temuan]:
    """Load ``satker``/``tahun`` (report ``periode``) from ``data_dir`` and run every check."""
    return periksa_data(muat(satker, tahun, data_dir, periode), kunci_rujukan)


def tulis_json(
    temuan: list[Temuan], path: Path, masalah: list[Masalah] | None = None, **meta: object
) -> None:
    """Write findings as JSON (``{"ringkasan": …, "temuan": […], "masalah": […]}``)."""
    isi: dict[str, object] = {
        **meta,
        "ringkasan": hitung_tingkat(temuan),
        "temuan": [t.to_dict() for t in temuan],
    }
    if masalah is not None:
        isi["masalah"] = [m.to_dict() for m in masalah]
    path.write_text(
        json.dumps(isi, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
    )
