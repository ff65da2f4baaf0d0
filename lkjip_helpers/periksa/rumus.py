"""The hand computation of a figure, written out for the review memo.

``1.435 ÷ 1.177 × 100 = 121,92%``; ``60% × 91,24 + 40% × 98,66 = 94,208 → 94,21``. Inputs are
shown exactly when they have at most four decimals, else rounded to two; a result with three
or four decimals is shown exactly and then as the report prints it.
"""

from __future__ import annotations

from decimal import Decimal

from .. import format_id as f
from ..hitung import HasilLaporan
from ..hitung.anggaran import BarisAnggaran, HasilAnggaran
from ..hitung.capaian import PERLU_VERIFIKASI, GalatHitung, HasilIkk, hitung_realisasi
from .besaran import kode_ikk, normal

SERATUS = Decimal(100)


def _tahu(*x: object) -> bool:
    """Whether every value is a known number (no hand computation with "tidak diketahui")."""
    return all(isinstance(v, Decimal) for v in x)


def _desimal(x: Decimal) -> int:
    if not isinstance(x, Decimal):
        return 0
    exp = x.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def _n(x: Decimal) -> str:
    """An input: exact up to four decimals, else rounded to two."""
    return f.angka(x, _desimal(x) if _desimal(x) <= 4 else 2, ringkas=_desimal(x) == 0)


def _h(x: Decimal, akhiran: str = "") -> str:
    """A result: ``94,208 → 94,21`` when the exact value has 3–4 decimals."""
    d = _desimal(x)
    dua = f.angka(x, 2, ringkas=d == 0)
    if 2 < d <= 4:
        return f"{f.angka(x, d)}{akhiran} → {dua}{akhiran}"
    return f"{dua}{akhiran}"


def _rp(x: Decimal) -> str:
    return f.angka(x, 0)


def _realisasi(pb: Decimal | None, pn: Decimal | None, nilai: Decimal | None) -> str | None:
    if _tahu(pb, pn, nilai) and pn != 0:
        return f"{_n(pb)} ÷ {_n(pn)} × 100 = {_h(nilai, '%')}"
    return None


def _capaian(h: HasilIkk, r: Decimal | None, t: Decimal | None, c: Decimal | None) -> str | None:
    if not _tahu(r, t, c):
        return None
    pol = h.defn.polaritas
    if pol == "turun":
        return f"(2 − {_n(r)} ÷ {_n(t)}) × 100 = {_h(c, '%')}"
    if pol == "rentang":
        atas = h.data.target_maks if h.data.target_maks is not None else t
        return f"realisasi {_n(r)} terhadap rentang target {_n(t)}–{_n(atas)} = {_h(c, '%')}"
    return f"{_n(r)} ÷ {_n(t)} × 100 = {_h(c, '%')}"


def _ikk(hasil: HasilLaporan, kode: str, ukuran: str, tahun: int) -> str | None:
    try:
        h = hasil.ikk_kode(kode)
    except KeyError:
        return None
    ini = tahun == hasil.tahun
    if ukuran == "realisasi":
        return _ikk_realisasi(hasil, h, kode, ini)
    if ukuran == "capaian":
        return _ikk_capaian(h, tahun, ini)
    if ukuran == "perubahan_capaian" and _tahu(h.perubahan, h.capaian, h.capaian_lalu):
        assert h.capaian is not None and h.capaian_lalu is not None
        return f"{_n(h.capaian)} − {_n(h.capaian_lalu)} = {f.poin(h.perubahan)}"
    if ukuran.startswith("target_renstra."):
        th = int(ukuran.rsplit(".", 1)[-1])
        v = h.target_renstra.get(th)
        return None if not _tahu(v) else f"target Renstra {th} (katalog): {_n(v)}"
    if ukuran == "target" and ini and _tahu(h.target):
        sumber = "Perjanjian Kinerja" if h.sumber_target == "PK" else f"Renstra {tahun}"
        return f"target {sumber}: {_n(h.target)}"
    return None


def _ikk_realisasi(hasil: HasilLaporan, h: HasilIkk, kode: str, ini: bool) -> str | None:
    """The realisation of an IKK: this year's as computed, last year's recomputed from its data."""
    if ini:
        real = h.realisasi
    else:
        lalu = _data_lalu(hasil, kode)
        if lalu is None or lalu.realisasi is None:
            return None
        try:
            real = hitung_realisasi(h.defn, lalu.realisasi)
        except GalatHitung:
            return None
    if real is None:
        return None
    teks = _realisasi(real.pembilang, real.penyebut, real.nilai)
    known = [v for _, v in real.per_periode if v is not None]
    if teks is None and real.per_periode and _tahu(real.nilai, *known):
        teks = _realisasi_per_periode(h, real.per_periode, real.nilai)
    return teks


def _realisasi_per_periode(h: HasilIkk, per_periode, nilai: Decimal) -> str | None:
    """A realisation aggregated over periods: their mean or their sum."""
    isi = " + ".join(_n(v) for _, v in per_periode if v is not None)
    if h.defn.agregasi == "rata_rata":
        n = sum(1 for _, v in per_periode if v is not None)
        return f"({isi}) ÷ {n} = {_h(nilai)}"
    if h.defn.agregasi == "jumlah":
        return f"{isi} = {_h(nilai)}"
    return None


def _ikk_capaian(h: HasilIkk, tahun: int, ini: bool) -> str | None:
    if ini:
        return _capaian(h, h.nilai_realisasi, h.target, h.capaian)
    teks = _capaian(h, h.realisasi_lalu, h.target_lalu, h.capaian_lalu)
    if teks and h.sumber_target_lalu == "Renstra":
        teks += f" (target Renstra {tahun})"
    return teks


def _data_lalu(hasil: HasilLaporan, kode: str):
    lalu = hasil.data.lalu
    if lalu is None or lalu.kinerja is None:
        return None
    return next((x for x in lalu.kinerja.indikator if x.kode == kode), None)


def _anggaran(ang: HasilAnggaran, bagian: list[str]) -> str | None:
    ukuran = bagian[-1]
    if len(bagian) == 2:
        baris: BarisAnggaran | None = ang.total
    else:
        jenis, butir = bagian[1], ".".join(bagian[2:-1])
        if jenis.endswith("_jumlah"):
            isi = {
                "sasaran_jumlah": ang.per_sasaran,
                "program_jumlah": ang.per_program,
                "jenis_jumlah": ang.per_jenis,
            }.get(jenis, [])
            if ukuran in ("pagu", "realisasi") and isi:
                nilai = [getattr(b, ukuran) for b in isi]
                if not _tahu(*nilai):
                    return None
                total = sum(nilai, Decimal(0))
                return " + ".join(_rp(v) for v in nilai) + f" = {_rp(total)}"
            baris = {
                "sasaran_jumlah": ang.sasaran_jumlah,
                "program_jumlah": ang.program_jumlah,
                "jenis_jumlah": ang.jenis_jumlah,
            }.get(jenis)
        else:
            daftar = {
                "sasaran": ang.per_sasaran,
                "program": ang.per_program,
                "jenis": ang.per_jenis,
            }
            baris = next((b for b in daftar.get(jenis, []) if b.kunci == butir), None)
    if baris is None or not _tahu(baris.pagu, baris.realisasi):
        return None
    if ukuran == "penyerapan" and _tahu(baris.penyerapan):
        return f"{_rp(baris.realisasi)} ÷ {_rp(baris.pagu)} × 100 = {_h(baris.penyerapan, '%')}"
    if ukuran == "sisa" and _tahu(baris.sisa):
        return f"{_rp(baris.pagu)} − {_rp(baris.realisasi)} = {_rp(baris.sisa)}"
    return None


def perhitungan(hasil: HasilLaporan, besaran: str, tahun: int) -> str | None:
    """The computation of ``besaran`` (named in year ``tahun``), or None if it is a data value."""
    tahun, besaran = normal(besaran, tahun)
    bagian = besaran.split(".")
    ikk = kode_ikk(besaran)
    if ikk:
        return _ikk(hasil, ikk[0], ikk[1], tahun)
    if bagian[0] == "ikk" and tahun == hasil.tahun:
        return _ikk_ringkasan(hasil, bagian)
    if bagian[0] == "anggaran":
        ang = hasil.anggaran if tahun == hasil.tahun else hasil.anggaran_lalu
        return _anggaran(ang, bagian) if ang else None
    if tahun != hasil.tahun:
        return None
    rumus = _RUMUS_TAHUN_INI.get(bagian[0])
    return rumus(hasil, bagian) if rumus else None


def _ikk_ringkasan(hasil: HasilLaporan, bagian: list[str]) -> str | None:
    """The IKK count by status, or a sasaran's mean achievement."""
    if len(bagian) == 2 and bagian[1].startswith("jumlah"):
        return _jumlah_ikk(hasil)
    if len(bagian) >= 4 and bagian[1] == "sasaran" and bagian[-1] == "rata_capaian":
        r = next((x for x in hasil.sasaran if x.sasaran.kode == ".".join(bagian[2:-1])), None)
        if r is None or r.rata_capaian is None:
            return None
        caps = [
            x.capaian
            for x in r.ikk
            if isinstance(x.capaian, Decimal) and x.status != PERLU_VERIFIKASI
        ]
        return f"({' + '.join(_n(c) for c in caps)}) ÷ {len(caps)} = {_h(r.rata_capaian, '%')}"
    return None


def _smart(hasil: HasilLaporan, bagian: list[str]) -> str | None:
    s = hasil.smart
    if not s:
        return None
    if bagian[-1] in ("nilai", "nilai_hitung") and s.nilai_hitung is not None:
        isi = " + ".join(f"{_n(s.aturan.bobot[k])}% × {_n(s.komponen[k])}" for k in s.aturan.bobot)
        teks = f"{isi} = {_h(s.nilai_hitung)}"
        if s.resmi and bagian[-1] == "nilai":
            teks = f"nilai resmi aplikasi SMART-DJA {_n(s.nilai)} (hitung ulang: {teks})"
        return teks
    if bagian[-1] == "nilai_efisiensi" and s.nilai_efisiensi_rumus is not None:
        ev = hasil.data.ini.evaluasi
        e = ev.smart.efisiensi if ev and ev.smart else None
        if e is not None:
            batas = s.aturan.batas_efisiensi
            return f"50 + {_n(e)} ÷ {_n(batas)} × 50 = {_h(s.nilai_efisiensi_rumus)}"
    return None


def _ikpa(hasil: HasilLaporan, bagian: list[str]) -> str | None:
    k = hasil.ikpa
    if not k:
        return None
    if bagian[-1] in ("nilai", "nilai_hitung", "nilai_total"):
        return _ikpa_nilai(k, resmi=k.resmi and bagian[-1] == "nilai")
    if len(bagian) == 3 and bagian[1] == "aspek":
        anggota = [x for x in k.aturan.aspek.get(bagian[2], ()) if x in k.nilai_akhir]
        if not anggota or k.aspek.get(bagian[2]) is None:
            return None
        bobot = sum((k.aturan.bobot[x] for x in anggota), Decimal(0))
        isi = " + ".join(_n(k.nilai_akhir[x]) for x in anggota)
        return f"({isi}) ÷ {_n(bobot)} × 100 = {_h(k.aspek[bagian[2]])}"  # type: ignore[arg-type]
    if len(bagian) == 3 and bagian[1] == "nilai_akhir" and bagian[2] in k.nilai_akhir:
        x = bagian[2]
        v = k.nilai_komponen[x]
        assert v is not None
        return f"{_n(v)} × {_n(k.aturan.bobot[x])}% = {_h(k.nilai_akhir[x])}"
    return None


def _ikpa_nilai(k, resmi: bool) -> str:
    """The IKPA total: weighted components, weight conversion, deduction, official value."""
    isi = " + ".join(f"{_n(k.nilai_akhir[x])}" for x in k.nilai_akhir)
    teks = f"{isi} = {_h(k.nilai_total)}"
    if k.konversi_bobot != SERATUS:
        teks += f" (dikonversi atas {f.persen(k.konversi_bobot, ringkas=True)} bobot)"
    if k.pengurang:
        teks += f" − {_n(k.pengurang)} = {_h(k.nilai_hitung or k.nilai)}"
    if resmi:
        teks = f"nilai resmi IKPA {_n(k.nilai)} (hitung ulang: {teks})"
    return teks


def _nka(hasil: HasilLaporan, bagian: list[str]) -> str | None:
    n = hasil.nka
    if not n:
        return None
    a = n.aturan
    return (
        f"{_n(a.bobot_smart)}% × {_n(n.smart)} + {_n(a.bobot_ikpa)}% × {_n(n.ikpa)} = {_h(n.nilai)}"
    )


def _profil(hasil: HasilLaporan, bagian: list[str]) -> str | None:
    if not hasil.data.ini.profil:
        return None
    p = hasil.profil
    if bagian[-1] == "okupansi" and _tahu(hasil.okupansi, p.penghuni, p.kapasitas):
        return f"{_n(p.penghuni)} ÷ {_n(p.kapasitas)} × 100 = {_h(hasil.okupansi, '%')}"
    if bagian[-1] == "pegawai_jumlah" and p.pegawai_jenis_kelamin:
        isi = [b.jumlah or Decimal(0) for b in p.pegawai_jenis_kelamin]
        if not _tahu(*isi):
            return None
        return " + ".join(_n(x) for x in isi) + f" = {_n(sum(isi, Decimal(0)))}"
    return None


# This year's computed figures outside IKK and budget, by the first part of their name.
_RUMUS_TAHUN_INI = {"smart": _smart, "ikpa": _ikpa, "nka": _nka, "profil": _profil}


def _jumlah_ikk(hasil: HasilLaporan) -> str:
    n = len(hasil.ikk)
    bagian = [f"{len(hasil.tercapai)} tercapai", f"{len(hasil.tidak_tercapai)} tidak tercapai"]
    if hasil.perlu_verifikasi:
        bagian.append(f"{len(hasil.perlu_verifikasi)} perlu verifikasi")
    lain = n - len(hasil.tercapai) - len(hasil.tidak_tercapai) - len(hasil.perlu_verifikasi)
    if lain:
        bagian.append(f"{lain} tidak dapat dihitung")
    return f"{n} IKK: " + ", ".join(bagian)
