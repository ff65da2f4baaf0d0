"""The hand computation of a figure, written out for the review memo.

Each function takes the computed objects a figure comes from (never its name); the builder of
the figures (:mod:`.besaran`) attaches the text to the figure as :attr:`Besaran.rumus`.

``1.435 ÷ 1.177 × 100 = 121,92%``; ``60% × 91,24 + 40% × 98,66 = 94,208 → 94,21``. Inputs are
shown exactly when they have at most four decimals, else rounded to two; a result with three
or four decimals is shown exactly and then as the report prints it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from .. import format_id as f
from .anggaran import BarisAnggaran
from .capaian import PERLU_VERIFIKASI, GalatHitung, HasilIkk, hitung_realisasi

if TYPE_CHECKING:
    from .hasil import HasilLaporan, RingkasanSasaran
    from .kinerja_anggaran import HasilIkpa, HasilNka, HasilSmart

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


def realisasi_ikk(hasil: HasilLaporan, h: HasilIkk, lalu: bool = False) -> str | None:
    """The realisation of an IKK: this year's as computed, last year's recomputed from its data."""
    if not lalu:
        real = h.realisasi
    else:
        data_lalu = _data_lalu(hasil, h.kode)
        if data_lalu is None or data_lalu.realisasi is None:
            return None
        try:
            real = hitung_realisasi(h.defn, data_lalu.realisasi)
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


def capaian_ikk(h: HasilIkk, tahun: int, lalu: bool = False) -> str | None:
    """An IKK's capaian of the report year, or of the previous year ``tahun``."""
    if not lalu:
        return _capaian(h, h.nilai_realisasi, h.target, h.capaian)
    teks = _capaian(h, h.realisasi_lalu, h.target_lalu, h.capaian_lalu)
    if teks and h.sumber_target_lalu == "Renstra":
        teks += f" (target Renstra {tahun})"
    return teks


def perubahan_capaian(h: HasilIkk) -> str | None:
    if not _tahu(h.perubahan, h.capaian, h.capaian_lalu):
        return None
    assert h.capaian is not None and h.capaian_lalu is not None
    return f"{_n(h.capaian)} − {_n(h.capaian_lalu)} = {f.poin(h.perubahan)}"


def target_ikk(h: HasilIkk, tahun: int) -> str | None:
    """The report year's target and where it comes from."""
    if not _tahu(h.target):
        return None
    sumber = "Perjanjian Kinerja" if h.sumber_target == "PK" else f"Renstra {tahun}"
    return f"target {sumber}: {_n(h.target)}"


def target_renstra(h: HasilIkk, tahun: int) -> str | None:
    """The catalogue's Renstra target of ``tahun``."""
    v = h.target_renstra.get(tahun)
    return None if not _tahu(v) else f"target Renstra {tahun} (katalog): {_n(v)}"


def _data_lalu(hasil: HasilLaporan, kode: str):
    lalu = hasil.data.lalu
    if lalu is None or lalu.kinerja is None:
        return None
    return next((x for x in lalu.kinerja.indikator if x.kode == kode), None)


def jumlah_baris(baris: list[BarisAnggaran], ukuran: str) -> str | None:
    """A budget table's total pagu or realisasi: the sum of its rows."""
    nilai = [getattr(b, ukuran) for b in baris]
    if not nilai or not _tahu(*nilai):
        return None
    total = sum(nilai, Decimal(0))
    return " + ".join(_rp(v) for v in nilai) + f" = {_rp(total)}"


def baris_anggaran(baris: BarisAnggaran, ukuran: str) -> str | None:
    """A budget line's penyerapan or sisa."""
    if not _tahu(baris.pagu, baris.realisasi):
        return None
    if ukuran == "penyerapan" and _tahu(baris.penyerapan):
        return f"{_rp(baris.realisasi)} ÷ {_rp(baris.pagu)} × 100 = {_h(baris.penyerapan, '%')}"
    if ukuran == "sisa" and _tahu(baris.sisa):
        return f"{_rp(baris.pagu)} − {_rp(baris.realisasi)} = {_rp(baris.sisa)}"
    return None


def rata_capaian(r: RingkasanSasaran) -> str | None:
    """A sasaran's mean achievement."""
    if r.rata_capaian is None:
        return None
    caps = [
        x.capaian for x in r.ikk if isinstance(x.capaian, Decimal) and x.status != PERLU_VERIFIKASI
    ]
    return f"({' + '.join(_n(c) for c in caps)}) ÷ {len(caps)} = {_h(r.rata_capaian, '%')}"


def nilai_smart(s: HasilSmart, resmi: bool) -> str | None:
    """The SMART-DJA score: weighted components (``resmi``: beside the official value)."""
    if s.nilai_hitung is None:
        return None
    isi = " + ".join(f"{_n(s.aturan.bobot[k])}% × {_n(s.komponen[k])}" for k in s.aturan.bobot)
    teks = f"{isi} = {_h(s.nilai_hitung)}"
    if s.resmi and resmi:
        teks = f"nilai resmi aplikasi SMART-DJA {_n(s.nilai)} (hitung ulang: {teks})"
    return teks


def efisiensi_smart(hasil: HasilLaporan) -> str | None:
    """SMART-DJA's efficiency score from the efficiency in percent."""
    s = hasil.smart
    if s is None or s.nilai_efisiensi_rumus is None:
        return None
    ev = hasil.data.ini.evaluasi
    e = ev.smart.efisiensi if ev and ev.smart else None
    if e is None:
        return None
    return f"50 + {_n(e)} ÷ {_n(s.aturan.batas_efisiensi)} × 50 = {_h(s.nilai_efisiensi_rumus)}"


def aspek_ikpa(k: HasilIkpa, aspek: str) -> str | None:
    """An IKPA aspect: its components' final values over their weights."""
    anggota = [x for x in k.aturan.aspek.get(aspek, ()) if x in k.nilai_akhir]
    if not anggota or k.aspek.get(aspek) is None:
        return None
    bobot = sum((k.aturan.bobot[x] for x in anggota), Decimal(0))
    isi = " + ".join(_n(k.nilai_akhir[x]) for x in anggota)
    return f"({isi}) ÷ {_n(bobot)} × 100 = {_h(k.aspek[aspek])}"  # type: ignore[arg-type]


def nilai_akhir_ikpa(k: HasilIkpa, x: str) -> str | None:
    """An IKPA component's final value: its value times its weight."""
    v = k.nilai_komponen.get(x)
    if x not in k.nilai_akhir or v is None:
        return None
    return f"{_n(v)} × {_n(k.aturan.bobot[x])}% = {_h(k.nilai_akhir[x])}"


def nilai_ikpa(k: HasilIkpa, resmi: bool) -> str:
    """The IKPA total: weighted components, weight conversion, deduction, official value."""
    isi = " + ".join(f"{_n(k.nilai_akhir[x])}" for x in k.nilai_akhir)
    teks = f"{isi} = {_h(k.nilai_total)}"
    if k.konversi_bobot != SERATUS:
        teks += f" (dikonversi atas {f.persen(k.konversi_bobot, ringkas=True)} bobot)"
    if k.pengurang:
        teks += f" − {_n(k.pengurang)} = {_h(k.nilai_hitung or k.nilai)}"
    if resmi and k.resmi:
        teks = f"nilai resmi IKPA {_n(k.nilai)} (hitung ulang: {teks})"
    return teks


def nilai_nka(n: HasilNka) -> str:
    a = n.aturan
    return (
        f"{_n(a.bobot_smart)}% × {_n(n.smart)} + {_n(a.bobot_ikpa)}% × {_n(n.ikpa)} = {_h(n.nilai)}"
    )


def okupansi(hasil: HasilLaporan) -> str | None:
    p = hasil.profil
    if not _tahu(hasil.okupansi, p.penghuni, p.kapasitas):
        return None
    return f"{_n(p.penghuni)} ÷ {_n(p.kapasitas)} × 100 = {_h(hasil.okupansi, '%')}"


def jumlah_pegawai(hasil: HasilLaporan) -> str | None:
    p = hasil.profil
    if not p.pegawai_jenis_kelamin:
        return None
    isi = [b.jumlah or Decimal(0) for b in p.pegawai_jenis_kelamin]
    if not _tahu(*isi):
        return None
    return " + ".join(_n(x) for x in isi) + f" = {_n(sum(isi, Decimal(0)))}"


def jumlah_ikk(hasil: HasilLaporan) -> str:
    """The IKK count by status."""
    n = len(hasil.ikk)
    bagian = [f"{len(hasil.tercapai)} tercapai", f"{len(hasil.tidak_tercapai)} tidak tercapai"]
    if hasil.perlu_verifikasi:
        bagian.append(f"{len(hasil.perlu_verifikasi)} perlu verifikasi")
    lain = n - len(hasil.tercapai) - len(hasil.tidak_tercapai) - len(hasil.perlu_verifikasi)
    if lain:
        bagian.append(f"{lain} tidak dapat dihitung")
    return f"{n} IKK: " + ", ".join(bagian)
