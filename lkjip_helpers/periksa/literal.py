"""Every number typed in a narrative that no placeholder binds, found and examined.

A narrative names computed figures by placeholder (``{{ ikk.SK1.1.realisasi }}``), so those
cannot contradict a table. Whatever else the analyst typed — a year, a "Tabel 3.9", "1240
orang", "2 unit Mini Bus, 1 unit …" — is a *literal*. :func:`literal_narasi` lists every literal
of a satker's narratives (``narasi.yaml``, the IKK narratives of ``kinerja.yaml``, the texts of
attached documents in ``lampiran.yaml``) with what it is and what the checks made of it, so the
analyst can bind it (``lkjip periksa --literal``). These literals are findings (each quotes its
sentence):

- ``NARASI_TAHUN_LAIN``: the report named with another year ("LKjIP Tahun 2021" in the 2023
  report; "Perjanjian Kinerja Tahun …", "Tahun Anggaran …"). The previous year is accepted in a
  sentence that compares.
- ``NARASI_RUJUKAN_SALAH``: a typed "Tabel x.y"/"Gambar x.y" whose caption shares no word of
  substance with the sentence while another caption does (the sentence's subject decides:
  "Nilai SMART-DJA tercantum pada Tabel 3.9" where Tabel 3.9 is the HIV/TB table), or that no
  table of the report carries.
- ``NARASI_JUMLAH_BEDA``: a count of people in an IKK narrative about the IKK's own population
  (WBP, narapidana …) that is none of the population figures of the data ("1240 orang" beside
  1.435 / 1.177).
- ``NARASI_RINCIAN_BEDA``: an enumeration ("terdiri dari 2 unit …, 1 unit … dan 1 unit …", or
  "N (…) variabel, yaitu:" followed by a list) whose sum or length disagrees with the figure it
  explains.
- ``NARASI_SUBJEK_BEDA``: a sentence of one IKK's narrative that names another IKK and prints this
  IKK's figure for it ("Jumlah perangkat pengolah data … sebanyak {{ ikk.SK4.8.realisasi }}":
  14 Unit of office equipment printed as the count of data devices, which is 168).

:func:`status_narasi` reads the words of the narratives rather than their numbers:

- ``NARASI_STATUS_BEDA``: a sentence of an IKK's narrative (or naming an IKK) that calls it
  reached — "tercapai", "terlampaui", "melampaui target", "berhasil mencapai" — while the
  report's table gives it "Perlu verifikasi", "Tidak tercapai" or no capaian ("tahun 2023
  tercapai sebesar 121,92%" beside SK1.1, whose 1.435 served of 1.177 inmates await
  verification). The sentence is the analyst's claim: it is reported, never rewritten.

Percentages, amounts and scores next to a figure's keywords are compared by
:mod:`.narasi` (``NARASI_ANGKA_BEDA``); the listing reports them as examined there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from .. import format_id as f
from ..hitung import HasilLaporan
from ..hitung.capaian import (
    DATA_TIDAK_TERSEDIA,
    PERLU_VERIFIKASI,
    TIDAK_DAPAT_DIHITUNG,
    TIDAK_TERCAPAI,
)
from ..muat.sisipan import POLA as POLA_SISIPAN
from ..muat.sisipan import cari_sisipan
from ..muat.skema import Narasi, NarasiIkk
from .besaran import tulis
from .narasi import _ANGKA, _KALIMAT, periksa_narasi_bab, periksa_narasi_ikk

STATUS_TERIKAT = "dapat diikat"
STATUS_TEMUAN = "temuan"
STATUS_DIPERIKSA = "diperiksa"
STATUS_TIDAK = "tidak diperiksa"


@dataclass
class Literal:
    """One number typed in a narrative, outside any placeholder."""

    sumber: str
    """The narrative: ``narasi.latar_belakang``, ``kinerja.SK1.2.perbandingan_tahun_lalu``,
    ``lampiran.dokumen_lain[3].keterangan``."""
    teks: str
    """As typed (``Tabel 3.9``, ``1240 orang``, ``2021``)."""
    jenis: str
    """``tahun``, ``rujukan``, ``jumlah``, ``persen``, ``rupiah``, ``desimal``, ``angka``,
    ``peraturan`` (a regulation's number or year), ``rincian`` (an enumeration's sum)."""
    kalimat: str
    status: str = STATUS_TIDAK
    """:data:`STATUS_TEMUAN`, :data:`STATUS_TERIKAT` (equals a computed figure: write its
    placeholder), :data:`STATUS_DIPERIKSA` (examined, nothing wrong) or :data:`STATUS_TIDAK`."""
    keterangan: str = ""
    """What the check made of it (Indonesian, for the listing and the memo)."""
    kode: str | None = None
    """Finding code when :attr:`status` is :data:`STATUS_TEMUAN`."""
    isian: str | None = None
    """The placeholder to write instead (``{{ tabel:smart-dja }}``), when one is known: for
    the analyst (listing, the memo's part for the tim penyusun), not for the reviewer."""
    subjek: tuple[tuple[str | int, ...], ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- the texts


def teks_narasi(hasil: HasilLaporan) -> Iterator[tuple[str, str, str | None, tuple]]:
    """(sumber, text, IKK code or None, (file, *path) for line numbers) of every narrative."""
    dt = hasil.data.ini
    if dt.narasi is not None:
        for nama in Narasi.model_fields:
            teks = getattr(dt.narasi, nama)
            if isinstance(teks, str) and teks and nama != "tempat_tanggal":
                yield f"narasi.{nama}", teks, None, ("narasi", nama)
    if dt.kinerja is not None:
        idx = {x.kode: i for i, x in enumerate(dt.kinerja.indikator)}
        for r in hasil.ikk:
            for nama in NarasiIkk.model_fields:
                teks = getattr(r.data.narasi, nama)
                if teks:
                    jalur = ("kinerja", "indikator", idx[r.kode], "narasi", nama)
                    yield f"kinerja.{r.kode}.{nama}", teks, r.kode, jalur
    if dt.lampiran is not None:
        for i, d in enumerate(dt.lampiran.dokumen_lain):
            if d.keterangan:
                jalur = ("lampiran", "dokumen_lain", i, "keterangan")
                yield f"lampiran.dokumen_lain[{i + 1}].keterangan", d.keterangan, None, jalur


def _kalimat_mentah(teks: str) -> list[str]:
    """Sentences with their placeholders kept (each list item is a sentence)."""
    return [k.strip() for k in _KALIMAT.split(teks) if k and k.strip()]


# --------------------------------------------------------------------------- patterns

_PENANDA_BUTIR = re.compile(r"^\s*(?:[-*]\s*)?(?:\(?\d{1,2}[.)]|[a-z][.)])\s")
_RUJUKAN = re.compile(r"\b(Tabel|Gambar)\s+(\d+|[A-Z])\.(\d+)\b")
_PERATURAN = re.compile(
    r"\b(?:peraturan|keputusan|undang|inpres|perpres|permen\w*|instruksi|surat edaran|"
    r"pmk|per-|nomor|no\.)",
    re.I,
)
_TAHUN_LAPORAN = re.compile(
    r"(?:\blkjip\b|laporan kinerja(?: instansi pemerintah)?|perjanjian kinerja|"
    r"tahun anggaran)[^.;:\d{}]{0,80}?\btahun\s*$|\btahun anggaran\s*$|\bta\.?\s*$",
    re.I,
)
_BANDING = re.compile(r"banding|tahun lalu|sebelumnya|tahun \d{4} dan", re.I)
_SATUAN_HITUNG = re.compile(
    r"\s*(?:\([a-z ]+\)\s*)?(orang|unit|paket|kegiatan|dokumen|laporan|kali|bulan|hari|"
    r"gedung|variabel|sasaran kegiatan|indikator|ikk)\b",
    re.I,
)
_WBP = re.compile(r"\bwbp\b|warga binaan|narapidana|tahanan|penghuni|anak didik", re.I)
_BUKAN_WBP = re.compile(r"\s*(perawat|petugas|pegawai|dokter|tenaga|pejabat|staf|anggota)", re.I)
_RINCI = re.compile(r"terdiri (?:dari|atas)|meliputi|\brincian\b", re.I)
_PENGANTAR_DAFTAR = re.compile(
    r"(?<![\d.,])(\d+)\s*(?:\([a-z ]+\)\s*)?([a-z][a-z -]{2,30}?)\s*,?\s*(?:yaitu|yakni|antara lain|"
    r"sebagai berikut)\s*:?\s*$",
    re.I,
)
_KATA_UMUM = frozenset(
    re.findall(
        r"\w+",
        "dan yang di ke dari pada untuk dengan dalam atas per tahun tabel gambar nilai jumlah "
        "data laporan lapas kelas iia banyuasin ini itu adalah sebagai berikut tercantum "
        "terlampir persentase capaian realisasi target indikator kinerja kegiatan sasaran",
    )
)


def _kata(teks: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z\-]{2,}", teks.lower()) if w not in _KATA_UMUM}


# --------------------------------------------------------------------------- the check


@dataclass
class _Konteks:
    hasil: HasilLaporan
    rujukan: dict[tuple[str, str], tuple[str, str]] | None
    """(``tabel``/``gambar``, number) → (key, caption) of the report's numbered items."""
    populasi: dict[Decimal, str]
    """Every people count of the data → its label (pembilang/penyebut of every IKK, profil)."""
    nama_ikk: dict[str, str]
    """IKK code → its distinctive name words (without "Jumlah"/"Persentase")."""


def _konteks(hasil: HasilLaporan, rujukan: dict | None) -> _Konteks:
    pop: dict[Decimal, str] = {}
    for r in hasil.ikk:
        real = r.realisasi
        if real is None:
            continue
        for nama in ("pembilang", "penyebut"):
            v = getattr(real, nama, None)
            if isinstance(v, Decimal | int):
                pop.setdefault(Decimal(v), f"{nama} {r.kode} ({f.bulat(v)})")
    if hasil.data.ini.profil is not None:
        for nama, v in (
            ("penghuni", hasil.profil.penghuni),
            ("kapasitas", hasil.profil.kapasitas),
        ):
            if isinstance(v, Decimal | int):
                pop.setdefault(Decimal(v), f"{nama} ({f.bulat(v)})")
    nama_ikk = {}
    for r in hasil.ikk:
        n = re.sub(r"^(jumlah|persentase|indeks|nilai)\s+", "", r.defn.nama.strip().lower())
        nama_ikk[r.kode] = n
    return _Konteks(hasil, rujukan, pop, nama_ikk)


def literal_narasi(
    hasil: HasilLaporan, rujukan: dict[tuple[str, str], tuple[str, str]] | None = None
) -> list[tuple[Literal, tuple]]:
    """Every unbound literal of the narratives, examined (see the module doc), with the data
    path of its narrative (for line numbers)."""
    k = _konteks(hasil, rujukan)
    out: list[tuple[Literal, tuple]] = []
    for sumber, teks, kode, jalur in teks_narasi(hasil):
        stale = _angka_basi(hasil, sumber, teks, kode)
        for x in _literal_teks(k, sumber, teks, kode, stale):
            out.append((x, jalur))
    return out


def _angka_basi(hasil: HasilLaporan, sumber: str, teks: str, kode: str | None) -> set[str]:
    """Literals :mod:`.narasi` reports as stale (so the listing marks them as findings)."""
    try:
        if kode is not None:
            temuan = periksa_narasi_ikk(hasil, kode, teks)
        elif sumber.startswith("narasi."):
            temuan = periksa_narasi_bab(hasil, sumber.split(".", 1)[1], teks)
        else:
            return set()
    except Exception:  # pragma: no cover - the narrative check reports its own problems
        return set()
    return {f"{x.kalimat}|{x.teks}" for x in temuan}


def _literal_teks(
    k: _Konteks, sumber: str, teks: str, kode: str | None, basi: set[str]
) -> Iterator[Literal]:
    yield from _butir_daftar_teks(sumber, teks)
    for mentah in _kalimat_mentah(teks):
        yield from _literal_kalimat(k, sumber, mentah, kode, basi)


def _butir_daftar_teks(sumber: str, teks: str) -> Iterator[Literal]:
    """The items of every list a line of ``teks`` introduces."""
    baris_daftar = teks.split("\n")
    for i_baris, baris in enumerate(baris_daftar):
        m = _PENGANTAR_DAFTAR.search(POLA_SISIPAN.sub("", baris).rstrip())
        if m:
            yield from _daftar_butir(sumber, baris, m, baris_daftar[i_baris + 1 :])


def _literal_kalimat(
    k: _Konteks, sumber: str, mentah: str, kode: str | None, basi: set[str]
) -> Iterator[Literal]:
    """The literals of one sentence (``mentah``: with its placeholders)."""
    if kode is not None:
        yield from _subjek_lain(k, sumber, kode, mentah)
    k_bersih = POLA_SISIPAN.sub(" ", mentah)
    if not k_bersih.strip():
        return
    kalimat = re.sub(r"\s+", " ", POLA_SISIPAN.sub("…", mentah)).strip()
    terbaca: set[int] = set()
    for m in _RUJUKAN.finditer(k_bersih):
        terbaca.update(range(m.start(), m.end()))
        yield _rujukan(k, sumber, m, k_bersih, kalimat)
    rincian = _RINCI.search(k_bersih)
    satuan_rinci: list[tuple[Decimal, str]] = []
    for m in _ANGKA.finditer(k_bersih):
        if m.start() in terbaca:
            continue
        teks_angka = m.group(0).strip()
        sebelum = k_bersih[: m.start()]
        sesudah = k_bersih[m.end() :]
        if _bukan_besaran(sebelum, sesudah):
            continue
        x = Literal(
            sumber,
            teks_angka,
            "angka",
            kalimat,
            keterangan="angka tanpa satuan; tidak dibandingkan",
        )
        hitung = _golongkan(k, x, m, sebelum, sesudah, kode)
        if hitung is not None and rincian and m.start() > rincian.start():
            satuan_rinci.append(hitung)
        _tandai_basi(x, basi, teks_angka)
        yield x
    if kode is not None and len(satuan_rinci) >= 2:
        r = _rincian(k, sumber, kode, satuan_rinci, kalimat)
        if r is not None:
            yield r


def _bukan_besaran(sebelum: str, sesudah: str) -> bool:
    """Whether the number between ``sebelum`` and ``sesudah`` is a list item's number ("1.",
    "14)") or part of a code or a number ("PAS-PR.01.01-10", "2020-2024" tail)."""
    if re.fullmatch(r"[\s*\-(]*", sebelum) and re.match(r"[.)]", sesudah):
        return True
    return bool(re.match(r"[\-/]\s*\d|\.\w", sesudah) or re.search(r"[\w/\-]$", sebelum))


def _golongkan(
    k: _Konteks, x: Literal, m: re.Match[str], sebelum: str, sesudah: str, kode: str | None
) -> tuple[Decimal, str] | None:
    """Set the kind (and for years, counts and regulation numbers the status) of the number
    literal ``x``; returns a count's (value, unit), else None."""
    teks_angka = x.teks
    if re.fullmatch(r"(19|20)\d\d", teks_angka):
        x.jenis = "tahun"
        _tahun(x, int(teks_angka), sebelum, sesudah, k.hasil.tahun)
    elif _PERATURAN.search(sebelum[-60:]) and re.search(r"(nomor|no\.?)\s*:?\s*$", sebelum, re.I):
        x.jenis, x.status, x.keterangan = "peraturan", STATUS_DIPERIKSA, "nomor peraturan"
    elif m.group("rp"):
        x.jenis = "rupiah"
    elif m.group("akhir"):
        x.jenis = "persen"
    elif m.group("pecahan"):
        x.jenis = "desimal"
    else:
        s = _SATUAN_HITUNG.match(sesudah)
        if s:
            nilai, satuan = _nilai(m), s.group(1).lower()
            x.jenis = "jumlah"
            x.teks = (teks_angka + sesudah[: s.end()]).strip()
            _jumlah(k, x, nilai, satuan, kode, sebelum, sesudah[s.end() :])
            return nilai, satuan
    return None


def _tandai_basi(x: Literal, basi: set[str], teks_angka: str) -> None:
    """Mark a literal the narrative check reports as stale; a percentage, amount or decimal
    otherwise unchecked is compared by that check."""
    if f"{x.kalimat.replace('…', ' ')}|{x.teks}" in basi or _basi(basi, teks_angka):
        x.status, x.kode = STATUS_TEMUAN, "NARASI_ANGKA_BEDA"
        x.keterangan = "berbeda dari angka yang disebut kalimatnya (NARASI_ANGKA_BEDA)"
    elif x.status == STATUS_TIDAK and x.jenis in ("persen", "rupiah", "desimal"):
        x.keterangan = "dibandingkan dengan angka yang disebut kalimatnya; cocok atau tidak bernama"
        x.status = STATUS_DIPERIKSA


def _basi(basi: set[str], teks: str) -> bool:
    return any(b.rsplit("|", 1)[1].startswith(teks) for b in basi)


def _nilai(m: re.Match[str]) -> Decimal:
    bulat = m.group("bulat").replace(".", "")
    pecahan = m.group("pecahan") or ""
    return Decimal(f"{bulat}.{pecahan}" if pecahan else bulat)


def _tahun(x: Literal, tahun: int, sebelum: str, sesudah: str, th: int) -> None:
    if (
        _PERATURAN.search(sebelum[-80:])
        and re.search(r"tahun\s*$", sebelum, re.I)
        and not _TAHUN_LAPORAN.search(sebelum)
    ):
        x.jenis, x.status, x.keterangan = "peraturan", STATUS_DIPERIKSA, "tahun peraturan"
        return
    if re.match(r"\s*[-–]\s*(19|20)\d\d", sesudah):
        x.status, x.keterangan = STATUS_DIPERIKSA, "awal suatu periode"
        return
    if _TAHUN_LAPORAN.search(sebelum):
        boleh = {th} | ({th - 1} if _BANDING.search(x.kalimat) else set())
        if tahun in boleh:
            x.status, x.keterangan = STATUS_DIPERIKSA, "tahun laporan"
        else:
            x.status, x.kode = STATUS_TEMUAN, "NARASI_TAHUN_LAIN"
            x.keterangan = f"laporan tahun {th} disebut dengan tahun {tahun}"
        return
    if tahun in (th, th - 1):
        x.status, x.keterangan = STATUS_DIPERIKSA, "tahun laporan atau tahun sebelumnya"
    else:
        x.status, x.keterangan = STATUS_DIPERIKSA, "tahun lain (riwayat atau rujukan)"


def _rujukan(
    k: _Konteks, sumber: str, m: re.Match[str], kalimat_bersih: str, kalimat: str
) -> Literal:
    jenis = m.group(1).lower()
    nomor = f"{m.group(2)}.{m.group(3)}"
    x = Literal(sumber, m.group(0), "rujukan", kalimat)
    if k.rujukan is None:
        x.keterangan = "rujukan tabel/gambar tidak dapat diperiksa tanpa susunan laporan"
        return x
    ada = k.rujukan.get((jenis, nomor))
    kata = _kata(kalimat_bersih[: m.start()] + " " + kalimat_bersih[m.end() :])
    skor = [
        (len(kata & _kata(judul)), no, kunci, judul)
        for (j, no), (kunci, judul) in k.rujukan.items()
        if j == jenis
    ]
    terbaik = max(skor, default=None)
    if ada is None:
        x.status, x.kode = STATUS_TEMUAN, "NARASI_RUJUKAN_SALAH"
        x.keterangan = f"laporan tidak memuat {m.group(1)} {nomor}"
        if terbaik and terbaik[0]:
            x.keterangan += f"; yang dimaksud tampaknya {m.group(1)} {terbaik[1]} ({terbaik[3]})"
        return x
    kunci, judul = ada
    cocok = len(kata & _kata(judul))
    if terbaik and terbaik[0] > cocok and cocok == 0:
        x.status, x.kode = STATUS_TEMUAN, "NARASI_RUJUKAN_SALAH"
        x.keterangan = (
            f"{m.group(1)} {nomor} laporan ini adalah “{judul}”; kalimatnya membicarakan "
            f"“{terbaik[3]}” ({m.group(1)} {terbaik[1]})"
        )
        x.isian = f"{{{{ {jenis}:{terbaik[2]} }}}}"
    else:
        x.status = STATUS_TERIKAT
        x.keterangan = f"{m.group(1)} {nomor} adalah “{judul}”"
        x.isian = f"{{{{ {jenis}:{kunci} }}}}"
    return x


def _jumlah(
    k: _Konteks,
    x: Literal,
    nilai: Decimal,
    satuan: str,
    kode: str | None,
    sebelum: str,
    sesudah: str,
) -> None:
    th = k.hasil.tahun
    tahun_kalimat = {int(y) for y in re.findall(r"\b(20\d\d)\b", x.kalimat)}
    tahun_lain = bool(tahun_kalimat) and th not in tahun_kalimat
    if kode is not None and not tahun_lain:
        h = k.hasil.ikk_kode(kode)
        calon = {
            "realisasi": h.nilai_realisasi,
            "target": h.target,
            "realisasi tahun lalu": h.realisasi_lalu,
        }
        real = h.realisasi
        if real is not None:
            calon["pembilang"] = getattr(real, "pembilang", None)
            calon["penyebut"] = getattr(real, "penyebut", None)
        for label, v in calon.items():
            if isinstance(v, Decimal | int) and Decimal(v) == nilai:
                x.status = STATUS_TERIKAT
                x.keterangan = f"sama dengan {label} {kode}"
                x.isian = f"{{{{ ikk.{kode}.{_nama(label)} }}}}"
                return
    if satuan == "orang":
        awal = max(sebelum.rfind(","), sebelum.rfind("("), 0)
        klausa = sebelum[awal:] if sebelum[awal:].strip(" ,(") else sebelum
        if _WBP.search(sebelum) and not _BUKAN_WBP.match(sesudah) and kode is not None:
            if nilai in k.populasi:
                x.status, x.keterangan = STATUS_DIPERIKSA, f"sama dengan {k.populasi[nilai]}"
                return
            if tahun_lain:
                daftar = ", ".join(map(str, sorted(tahun_kalimat)))
                x.keterangan = f"jumlah orang tahun {daftar}: data tahun itu tidak memuat jumlahnya"
                return
            h = k.hasil.ikk_kode(kode)
            real = h.realisasi
            rinci = [
                f"{nama} {f.bulat(v)}"
                for nama in ("pembilang", "penyebut")
                if real is not None and isinstance(v := getattr(real, nama, None), Decimal | int)
            ]
            x.status, x.kode = STATUS_TEMUAN, "NARASI_JUMLAH_BEDA"
            x.keterangan = (
                f"{x.teks} bukan angka populasi mana pun dalam data ({kode}: "
                + ", ".join(rinci)
                + (
                    f"; penghuni {f.bulat(k.hasil.profil.penghuni)}"
                    if k.hasil.data.ini.profil
                    else ""
                )
                + ")"
            )
            x.subjek = (("ikk", kode),)
            return
        del klausa
    x.keterangan = "jumlah tanpa angka data untuk subjeknya"


def _nama(label: str) -> str:
    return {"realisasi tahun lalu": "realisasi_tahun_lalu"}.get(label, label)


def _rincian(
    k: _Konteks, sumber: str, kode: str, butir: list[tuple[Decimal, str]], kalimat: str
) -> Literal | None:
    h = k.hasil.ikk_kode(kode)
    satuan = h.defn.satuan.strip().lower()
    sama = [n for n, s in butir if s == satuan or satuan.startswith(s)]
    if len(sama) < 2 or not isinstance(h.nilai_realisasi, Decimal):
        return None
    jumlah = sum(sama, Decimal(0))
    teks = " + ".join(f.bulat(n) for n in sama) + f" = {f.bulat(jumlah)} {h.defn.satuan}"
    x = Literal(sumber, teks, "rincian", kalimat, subjek=(("ikk", kode),))
    if jumlah in (h.nilai_realisasi, h.target):
        x.status, x.keterangan = STATUS_DIPERIKSA, f"rincian menjumlah ke realisasi {kode}"
    else:
        x.status, x.kode = STATUS_TEMUAN, "NARASI_RINCIAN_BEDA"
        x.keterangan = (
            f"rincian menjumlah {f.bulat(jumlah)} {h.defn.satuan}, sedangkan realisasi {kode} "
            f"{f.bulat(h.nilai_realisasi)} {h.defn.satuan}"
        )
    return x


def _daftar_butir(sumber: str, baris: str, m: re.Match[str], sisa: list[str]) -> Iterator[Literal]:
    butir = 0
    for b in sisa:
        if not b.strip():
            if butir:
                break
            continue
        if _PENANDA_BUTIR.match(b) or b.lstrip().startswith(("- ", "* ")):
            butir += 1
        else:
            break
    if not butir:
        return
    n = int(m.group(1))
    kalimat = re.sub(r"\s+", " ", POLA_SISIPAN.sub("…", baris)).strip()
    x = Literal(sumber, f"{n} {m.group(2).strip()}", "rincian", kalimat)
    if n == butir:
        x.status, x.keterangan = STATUS_DIPERIKSA, f"daftar sesudahnya memuat {butir} butir"
    else:
        x.status, x.kode = STATUS_TEMUAN, "NARASI_RINCIAN_BEDA"
        x.keterangan = f"kalimat menyebut {n}, daftar sesudahnya memuat {butir} butir"
    yield x


def _subjek_lain(k: _Konteks, sumber: str, kode: str, mentah: str) -> Iterator[Literal]:
    milik = [
        s
        for s in re.findall(
            r"\{\{\s*ikk\.([A-Za-z0-9.]+?)\.(realisasi|target|capaian)\s*(?:\|[^}]*)?\}\}", mentah
        )
        if s[0] == kode
    ]
    if not milik:
        return
    kecil = mentah.lower()
    sendiri = _kata(k.nama_ikk[kode])
    if k.nama_ikk[kode] in kecil or len(sendiri & _kata(kecil)) * 2 >= len(sendiri):
        return  # the sentence names this IKK (its name, or most of its words)
    for lain, nama in k.nama_ikk.items():
        if lain == kode or len(nama) < 12 or nama not in kecil:
            continue
        h, hl = k.hasil.ikk_kode(kode), k.hasil.ikk_kode(lain)
        ukuran = milik[0][1]
        v, vl = (
            getattr(h, "nilai_realisasi" if ukuran == "realisasi" else ukuran),
            getattr(hl, "nilai_realisasi" if ukuran == "realisasi" else ukuran),
        )
        kalimat = re.sub(r"\s+", " ", POLA_SISIPAN.sub("…", mentah)).strip()
        x = Literal(
            sumber,
            f"{{{{ ikk.{kode}.{ukuran} }}}}",
            "subjek",
            kalimat,
            STATUS_TEMUAN,
            (
                f"kalimat menyebut “{hl.defn.nama}” ({lain}), tetapi angkanya {ukuran} {kode} "
                f"“{h.defn.nama}” ({f.nilai_satuan(v, h.defn.satuan)}; {ukuran} {lain}: "
                f"{f.nilai_satuan(vl, hl.defn.satuan)})"
            ),
            "NARASI_SUBJEK_BEDA",
            (("ikk", kode),),
        )
        yield x
        return


# --------------------------------------------------------------------------- stated status

_KATA_TERCAPAI = re.compile(
    r"(?<![\w-])(tercapai|terlampaui|terlampau|melampaui target|berhasil mencapai)(?![\w-])",
    re.I,
)
_NEGASI = re.compile(r"\b(tidak|belum|kurang|tak|gagal|bukan)\s+(?:[\w-]+\s+)?$", re.I)
_HARAPAN = re.compile(r"\b(agar|supaya|diharapkan|harapan|upaya|apabila|jika|bila)\b", re.I)
_KODE_IKK = re.compile(r"(?<![\w.])(SK\d+\.\d+)(?![\w]|\.\d)")
STATUS_BELUM = (PERLU_VERIFIKASI, TIDAK_TERCAPAI, TIDAK_DAPAT_DIHITUNG, DATA_TIDAK_TERSEDIA)
"""Statuses under which a narrative may not call the IKK reached."""


@dataclass(frozen=True)
class StatusNarasi:
    """A narrative sentence that calls an IKK reached ("tahun 2023 tercapai sebesar …", "target
    … sudah terlampaui") while the IKK's status in the report is not Tercapai."""

    sumber: str
    """The narrative (``kinerja.SK1.1.penjelasan``, ``narasi.kesimpulan``)."""
    kode: str
    """The IKK the sentence is about."""
    kata: str
    """The word that states it, as typed (``tercapai``, ``terlampaui``)."""
    status: str
    """The IKK's status in the report (``Perlu verifikasi``, ``Tidak tercapai`` …)."""
    kalimat: str
    """The sentence, placeholders shown as "…"."""
    jalur: tuple


def _ikk_kalimat(hasil: HasilLaporan, mentah: str, kode: str | None) -> list[str]:
    """The IKK a sentence is about: those it names (code, placeholder or full name), else the
    IKK whose narrative it is."""
    dikenal = [h.kode for h in hasil.ikk]
    kecil = mentah.lower()
    daftar = hasil.daftar_besaran()
    isian = {b.ikk for s in cari_sisipan(mentah) if (b := daftar.get(s.besaran or "")) is not None}
    disebut = [
        x
        for x in dikenal
        if x in _KODE_IKK.findall(mentah)
        or x in isian
        or (len(n := hasil.ikk_kode(x).defn.nama.strip().lower()) >= 20 and n in kecil)
    ]
    if disebut:
        return disebut
    return [kode] if kode is not None else []


def _kutip(hasil: HasilLaporan, mentah: str) -> str:
    """The sentence with its figure placeholders filled in ("tercapai sebesar 121,92%");
    a cross-reference, a placeholder with a ``bentuk`` or an unknown one is shown as "…"."""
    daftar = hasil.daftar_besaran()
    keluar, pos = [], 0
    for x in cari_sisipan(mentah):
        keluar.append(mentah[pos : x.awal])
        pos = x.akhir
        b = daftar.get(x.besaran or "")
        v = b.nilai if b is not None else None
        if x.sah and not x.bentuk and isinstance(v, Decimal | int):
            keluar.append(tulis(Decimal(v), b))
        else:  # an unknown or invalid placeholder is reported by its own check
            keluar.append("…")
    keluar.append(mentah[pos:])
    return re.sub(r"\s+", " ", "".join(keluar)).strip()


def status_narasi(hasil: HasilLaporan) -> list[StatusNarasi]:
    """Every narrative sentence that calls an IKK tercapai / terlampaui / "melampaui target" /
    "berhasil mencapai" while the report gives it one of :data:`STATUS_BELUM`."""
    return [
        x
        for sumber, teks, kode, jalur in teks_narasi(hasil)
        for x in status_teks(hasil, sumber, teks, kode, jalur)
    ]


def status_teks(
    hasil: HasilLaporan, sumber: str, teks: str, kode: str | None, jalur: tuple = ()
) -> Iterator[StatusNarasi]:
    """The sentences of one narrative (of IKK ``kode``, or a chapter's when None) that call an
    IKK reached against its status. Not a claim: a negated word ("belum terlampaui", "tidak
    tercapai"), a wish or condition ("agar … tercapai", "jika … tercapai") or a sentence
    naming years but not the report's ("pada tahun 2022 tercapai")."""
    th = str(hasil.tahun)
    for mentah in _kalimat_mentah(teks):
        tanpa_isian = POLA_SISIPAN.sub(" ", mentah)
        tahun = set(re.findall(r"\b(?:19|20)\d\d\b", tanpa_isian))
        if tahun and th not in tahun:
            continue
        klaim = [
            m
            for m in _KATA_TERCAPAI.finditer(tanpa_isian)
            if not _NEGASI.search(tanpa_isian[: m.start()])
            and not _HARAPAN.search(tanpa_isian[max(0, m.start() - 60) : m.start()])
        ]
        if not klaim:
            continue
        kalimat = _kutip(hasil, mentah)
        for x in _ikk_kalimat(hasil, mentah, kode):
            h = hasil.ikk_kode(x)
            if h.status in STATUS_BELUM:
                yield StatusNarasi(sumber, x, klaim[0].group(1), h.status, kalimat, jalur)
