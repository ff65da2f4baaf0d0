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
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Literal

from .. import format_id as f
from ..hitung import HasilLaporan, hasil_untuk
from ..muat import DataLaporan, DataTahun, muat
from ..tidak_diketahui import TidakDiketahui

Tingkat = Literal["error", "peringatan", "info"]
URUTAN_TINGKAT: dict[str, int] = {"error": 0, "peringatan": 1, "info": 2}

SATUAN_DIKENAL = {
    "%",
    "persen",
    "layanan",
    "unit",
    "dokumen",
    "laporan",
    "orang",
    "kegiatan",
    "indeks",
    "nilai",
    "gedung/bangunan",
    "paket",
    "rekomendasi",
    "bulan",
    "hari",
    "kali",
}


@dataclass(frozen=True)
class Temuan:
    """One finding: a code, a level, where (file, row/field) and a message in Indonesian."""

    kode: str
    tingkat: Tingkat
    lokasi: str
    pesan: str
    besaran: str | None = None
    """For claim findings: the figure compared, its year, the stated and computed values
    (plain decimal strings) and where the draft states it."""
    tahun: int | None = None
    dinyatakan: str | None = None
    dihitung: str | None = None
    sumber: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if v is not None}


class _Kumpulan:
    def __init__(self, data: DataLaporan) -> None:
        self.data = data
        self.temuan: list[Temuan] = []

    def tambah(self, kode: str, tingkat: Tingkat, lokasi: str, pesan: str, **klaim: object) -> None:
        self.temuan.append(Temuan(kode, tingkat, lokasi, pesan, **klaim))  # type: ignore[arg-type]

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
            )
        if ind.jenis == "rasio" and ind.satuan.strip() not in ("%", "persen"):
            k.tambah(
                "SATUAN_RASIO",
                "peringatan",
                d.lokasi_indikator(kode, "satuan"),
                f"indikator rasio bersatuan {ind.satuan!r}; realisasi rasio dinyatakan dalam %",
            )


def _cek_pk(k: _Kumpulan, h: HasilLaporan) -> None:
    d = k.data
    ini = d.ini
    kin = ini.kinerja
    assert kin is not None
    for baris, kode in h.ikk_tidak_dikenal:
        k.tambah(
            "IKK_TIDAK_ADA_DI_KATALOG",
            "error",
            k.lokasi(ini, "kinerja", "indikator", baris - 1, "kode"),
            f"kode IKK {kode!r} tidak ada di katalog {d.katalog.id!r} maupun "
            "indikator_tambahan satker; diharapkan salah satu kode katalog",
        )
    kodes = [x.kode for x in kin.indikator]
    for kode in sorted({x for x in kodes if kodes.count(x) > 1}):
        k.tambah(
            "IKK_GANDA",
            "error",
            f"{ini.kunci}/kinerja.yaml",
            f"IKK {kode} tercantum {kodes.count(kode)} kali dalam Perjanjian Kinerja",
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
            )

    idx = {x.kode: i for i, x in enumerate(kin.indikator)}
    batas_wajar = d.satker.pengaturan.capaian_tidak_wajar
    for r in h.ikk:
        i = idx[r.kode]
        lok = k.lokasi(ini, "kinerja", "indikator", i, label=r.kode)
        if r.data.realisasi is None:
            k.tambah(
                "REALISASI_KOSONG",
                "error",
                lok,
                "realisasi belum diisi; diharapkan pembilang+penyebut, nilai, atau periode",
            )
        if r.target is None:
            k.tambah(
                "TARGET_KOSONG",
                "error",
                k.lokasi(ini, "kinerja", "indikator", i, label=r.kode),
                f"target belum diisi dan katalog tidak punya target Renstra {d.tahun}",
            )
        elif r.sumber_target == "Renstra":
            k.tambah(
                "TARGET_PK_KOSONG",
                "peringatan",
                k.lokasi(ini, "kinerja", "indikator", i, label=r.kode),
                f"target PK belum diisi; capaian dihitung terhadap target Renstra {d.tahun} "
                f"({f.nilai_satuan(r.target, r.defn.satuan)}) dan laporan menyebutkannya; isi "
                "target sesuai Perjanjian Kinerja yang ditandatangani",
            )
        if r.galat:
            k.tambah("HITUNG_GAGAL", "error", lok, f"capaian tidak dapat dihitung: {r.galat}")
        real = r.realisasi
        if real and real.aturan_penyebut_nol and real.keterangan and not r.galat:
            k.tambah("PENYEBUT_NOL", "info", lok, real.keterangan)
        if r.data.realisasi and r.data.realisasi.nilai is not None and r.defn.jenis == "rasio":
            k.tambah(
                "RASIO_TANPA_RINCIAN",
                "peringatan",
                lok,
                f"realisasi rasio diisi langsung ({_p(r.data.realisasi.nilai)}) tanpa "
                "pembilang dan penyebut; angka tidak dapat ditelusuri",
            )
        if (
            real
            and r.defn.jenis == "rasio"
            and r.defn.bagian_dari_penyebut
            and isinstance(real.pembilang, Decimal)
            and isinstance(real.penyebut, Decimal)
            and real.pembilang > real.penyebut
        ):
            k.tambah(
                "RASIO_DI_ATAS_100",
                "peringatan",
                lok,
                f"pembilang {f.bulat(real.pembilang)} lebih besar dari penyebut "
                f"{f.bulat(real.penyebut)} ({_p(real.nilai)}): "
                f"{r.defn.pembilang or 'pembilang'} tidak mungkin melebihi "
                f"{r.defn.penyebut or 'penyebut'}",
            )
        if isinstance(r.capaian, Decimal) and r.capaian > batas_wajar:
            k.tambah(
                "CAPAIAN_TIDAK_WAJAR",
                "peringatan",
                lok,
                f"capaian {_p(r.capaian)} di atas {f.persen(batas_wajar, ringkas=True)}; "
                "periksa target dan realisasi",
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
            )
        renstra = r.defn.target_renstra.get(d.tahun)
        if (
            isinstance(r.data.target, Decimal)
            and isinstance(renstra, Decimal)
            and r.data.target != renstra
        ):
            k.tambah(
                "TARGET_BEDA_RENSTRA",
                "peringatan",
                k.lokasi(ini, "kinerja", "indikator", i, "target", label=r.kode),
                f"target PK {f.nilai_satuan(r.data.target, r.defn.satuan)} berbeda dengan "
                f"target Renstra {d.tahun} {f.nilai_satuan(renstra, r.defn.satuan)}",
            )
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
                k.lokasi(ini, "kinerja", "indikator", i, label=r.kode),
                "narasi belum diisi: " + ", ".join(kosong),
            )
        for j, tab in enumerate(r.data.tabel_pendukung):
            _cek_tabel(
                k,
                tab,
                k.lokasi(
                    ini,
                    "kinerja",
                    "indikator",
                    i,
                    "tabel_pendukung",
                    j,
                    label=f"{r.kode}: {tab.judul}",
                ),
            )
    if d.lalu is None or d.lalu.kinerja is None:
        k.tambah(
            "TAHUN_LALU_KOSONG",
            "info",
            f"satker/{d.satker.id}/{d.tahun - 1}/",
            f"data kinerja {d.tahun - 1} tidak ada; perbandingan dengan tahun lalu dilewati",
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
                )


def _cek_tabel(k: _Kumpulan, tab, lokasi: str) -> None:
    lebar = len(tab.kolom)
    for i, baris in enumerate(tab.baris, start=1):
        if len(baris) != lebar:
            k.tambah(
                "TABEL_LEBAR",
                "peringatan",
                lokasi,
                f"baris {i} berisi {len(baris)} sel, header {lebar} kolom",
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
            )


# --------------------------------------------------------------------------- anggaran


def _cek_anggaran(k: _Kumpulan, h: HasilLaporan) -> None:
    d = k.data
    for dt, ang in ((d.ini, h.anggaran), (d.lalu, h.anggaran_lalu)):
        if ang is None or dt is None:
            continue
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
            )
        for nama, baris, jumlah in (
            ("per_sasaran", ang.per_sasaran, ang.sasaran_jumlah),
            ("per_program", ang.per_program, ang.program_jumlah),
            ("per_jenis_belanja", ang.per_jenis, ang.jenis_jumlah),
        ):
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
                    )
            if jumlah is None or not jumlah.lengkap:
                continue  # unknown lines: the sum is partial (the unknown values are findings)
            if isinstance(ang.total.pagu, Decimal) and jumlah.pagu != ang.total.pagu:
                k.tambah(
                    "ANGGARAN_TIDAK_MENJUMLAH",
                    "peringatan",
                    k.lokasi(dt, "anggaran", nama),
                    f"jumlah pagu {nama.replace('_', ' ')} {_rp(jumlah.pagu)} ≠ pagu total "
                    f"{_rp(ang.total.pagu)} (selisih {_rp(jumlah.pagu - ang.total.pagu)})",
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
                    f"jumlah realisasi {nama.replace('_', ' ')} {_rp(jumlah.realisasi)} ≠ "
                    f"realisasi total {_rp(ang.total.realisasi)} "
                    f"(selisih {_rp(jumlah.realisasi - ang.total.realisasi)})",
                )
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
                )
        for i, b in enumerate(h.anggaran.per_sasaran):
            if b.kunci not in d.sasaran:
                k.tambah(
                    "SASARAN_TIDAK_DIKENAL",
                    "error",
                    k.lokasi(ini, "anggaran", "per_sasaran", i, "sasaran"),
                    f"sasaran {b.kunci!r} tidak ada di katalog; diharapkan salah satu dari "
                    + ", ".join(d.sasaran),
                )


def _cek_evaluasi(k: _Kumpulan, h: HasilLaporan) -> None:
    d = k.data
    ev = d.ini.evaluasi
    for tempat, pesan in h.galat:
        if tempat == "evaluasi.yaml":
            k.tambah("ATURAN_TIDAK_ADA", "error", f"{d.ini.kunci}/evaluasi.yaml", pesan)
    if ev is None:
        k.tambah(
            "EVALUASI_KOSONG",
            "info",
            f"{d.ini.kunci}/evaluasi.yaml",
            "berkas tidak ada; bagian SMART-DJA, IKPA, e-Performance dan e-Monev dilewati",
        )
        return
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
            )
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
        )
    if h.ikpa and h.ikpa.konversi_bobot < 100:
        k.tambah(
            "IKPA_KONVERSI_BOBOT",
            "info",
            k.lokasi(d.ini, "evaluasi", "ikpa"),
            f"sebagian komponen IKPA tidak dinilai; bobot dikonversi ({_p(h.ikpa.konversi_bobot)})",
        )
    for nama, isi, jenis in (
        ("e_performance_triwulan", ev.e_performance_triwulan, "triwulan"),
        ("e_monev_bulan", ev.e_monev_bulan, "bulan"),
    ):
        # completeness follows the report period: the closed periods up to bulan_terakhir
        harus = max(d.periode.bulan_diharapkan(jenis), default=0)
        if isi and len(isi) < harus:
            k.tambah(
                "PERIODE_TIDAK_LENGKAP",
                "peringatan",
                k.lokasi(d.ini, "evaluasi", nama),
                f"hanya {len(isi)} dari {harus} {jenis} sampai {d.periode.rentang_bulan} terisi",
            )
        for i, v in enumerate(isi):
            if isinstance(v, Decimal) and not (0 <= v <= 100):
                k.tambah(
                    "NILAI_DI_LUAR_RENTANG",
                    "peringatan",
                    k.lokasi(d.ini, "evaluasi", nama, i),
                    f"nilai {f.angka(v)} di luar 0–100",
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
            )


# --------------------------------------------------------------------------- klaim


def _presisi(nilai: Decimal) -> Decimal:
    exp = nilai.as_tuple().exponent
    return Decimal(1).scaleb(exp) if isinstance(exp, int) and exp < 0 else Decimal(1)


def _cek_klaim(k: _Kumpulan, dt: DataTahun | None, hb: dict[str, Decimal | None]) -> None:
    if dt is None or dt.klaim is None:
        return
    tol = k.data.satker.pengaturan.toleransi_klaim
    for i, kl in enumerate(dt.klaim.klaim):
        lok = k.lokasi(dt, "klaim", "klaim", i, label=kl.lokasi)
        if kl.besaran not in hb:
            k.tambah(
                "KLAIM_TIDAK_DIKENAL",
                "peringatan",
                lok,
                f"besaran {kl.besaran!r} tidak dikenal; lihat daftar besaran di README data",
            )
            continue
        hitung_ = hb[kl.besaran]
        if hitung_ is None or isinstance(hitung_, TidakDiketahui):
            k.tambah(
                "KLAIM_TIDAK_DAPAT_DIHITUNG",
                "peringatan",
                lok,
                f"{kl.besaran} dinyatakan {f.angka(kl.nilai, 4, ringkas=True)} tetapi tidak "
                "dapat dihitung dari data"
                + (" (data masukannya tidak diketahui)" if hitung_ is not None else ""),
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
            "sumber": kl.lokasi,
        }
        if f.bulatkan(hitung_, desimal) == kl.nilai:
            k.tambah(
                "KLAIM_PEMBULATAN",
                "info",
                lok,
                f"{kl.besaran}: dinyatakan {dinyatakan}, dihitung {dihitung} — sama setelah "
                f"pembulatan ke {desimal} desimal",
                **rinci,
            )
        elif hitung_.quantize(kuantum, rounding=ROUND_DOWN) == kl.nilai:
            k.tambah(
                "KLAIM_PEMOTONGAN",
                "info",
                lok,
                f"{kl.besaran}: dinyatakan {dinyatakan}, dihitung {dihitung} — angka dipotong, "
                f"bukan dibulatkan (pembulatan yang benar: {f.angka(hitung_, desimal)})",
                **rinci,
            )
        else:
            k.tambah(
                "KLAIM_BEDA",
                "peringatan",
                lok,
                f"{kl.besaran}: dinyatakan {dinyatakan}, dihitung {dihitung} "
                f"(selisih {f.angka(selisih, 4, ringkas=True)})",
                **rinci,
            )


def _besaran_tahun_lalu(
    h: HasilLaporan, full: dict[str, Decimal | None]
) -> dict[str, Decimal | None]:
    """Figures of the previous year, named as that year's own klaim.yaml names them."""
    b: dict[str, Decimal | None] = {}
    for r in h.ikk:
        b[f"ikk.{r.kode}.realisasi"] = r.realisasi_lalu
        b[f"ikk.{r.kode}.capaian"] = r.capaian_lalu
        b[f"ikk.{r.kode}.target"] = r.target_lalu
    for key, v in full.items():
        if key.startswith("anggaran_tahun_lalu."):
            b["anggaran." + key.removeprefix("anggaran_tahun_lalu.")] = v
    return b


# --------------------------------------------------------------------------- data model


def _cek_tidak_diketahui(k: _Kumpulan, h: HasilLaporan) -> None:
    """Every number declared unknown is a finding (the report shows "data tidak tersedia")."""
    for x in k.data.tidak_diketahui:
        k.tambah(
            "NILAI_TIDAK_DIKETAHUI",
            "peringatan" if x.periode_ini else "info",
            x.lokasi,
            f'{x.field} dinyatakan tidak diketahui; laporan menulis "data tidak tersedia" dan '
            "angka ini tidak ikut dijumlah atau dirata-rata",
        )
    for tempat, alasan in h.tanpa_hitung_ulang:
        k.tambah("NILAI_TIDAK_DIHITUNG_ULANG", "info", f"{k.data.ini.kunci}/{tempat}", alasan)


def _cek_periode_laporan(k: _Kumpulan, h: HasilLaporan) -> None:
    """The period's own completeness and the previous year's target fallbacks."""
    p = k.data.periode
    if not p.lengkap:
        k.tambah(
            "PERIODE_BELUM_LENGKAP",
            "info",
            k.lokasi(k.data.ini, "kinerja", "periode_laporan", "bulan_terakhir"),
            f"data {p.judul} mencakup {p.rentang_bulan} (belum sampai "
            f"{f.nama_bulan(p.bulan_akhir)}); laporan menyebutkannya dan membandingkannya "
            f"dengan tahun {p.tahun - 1} penuh",
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
        )


# --------------------------------------------------------------------------- entry points


def periksa_data(data: DataLaporan) -> list[Temuan]:
    """Run every check on loaded data; findings sorted by level then location."""
    k = _Kumpulan(data)
    h = hasil_untuk(data)
    _cek_katalog(k)
    _cek_pk(k, h)
    _cek_populasi(k, h)
    _cek_anggaran(k, h)
    _cek_evaluasi(k, h)
    _cek_profil(k, h)
    _cek_narasi(k)
    _cek_tidak_diketahui(k, h)
    _cek_periode_laporan(k, h)
    besaran = h.besaran()
    _cek_klaim(k, data.ini, besaran)
    _cek_klaim(k, data.lalu, _besaran_tahun_lalu(h, besaran))
    return sorted(k.temuan, key=lambda t: URUTAN_TINGKAT[t.tingkat])


def periksa(
    satker: str, tahun: int | str, data_dir: str | Path = "data", periode: str = "tahunan"
) -> list[Temuan]:
    """Load ``satker``/``tahun`` (report ``periode``) from ``data_dir`` and run every check."""
    return periksa_data(muat(satker, tahun, data_dir, periode))


def hitung_tingkat(temuan: Iterable[Temuan]) -> dict[str, int]:
    """Count of findings per level (all three keys present)."""
    n = {"error": 0, "peringatan": 0, "info": 0}
    for t in temuan:
        n[t.tingkat] += 1
    return n


def tulis_json(temuan: list[Temuan], path: Path, **meta: object) -> None:
    """Write findings as JSON (``{"ringkasan": …, "temuan": […]}``)."""
    isi = {**meta, "ringkasan": hitung_tingkat(temuan), "temuan": [t.to_dict() for t in temuan]}
    path.write_text(json.dumps(isi, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
