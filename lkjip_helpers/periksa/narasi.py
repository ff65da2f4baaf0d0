"""Literal numbers typed in narratives that contradict the computed figures.

A narrative that restates a figure by hand goes stale as soon as the data change (or when last
year's text is pasted): "tercapai sebesar 128%" beside a table that says 121,92 %. Narratives
should name figures by placeholder (``{{ ikk.SK1.1.realisasi }}``); text inside ``{{ … }}`` is
ignored here. Everything else is read with a deliberately narrow heuristic, so that a finding
means "this number names a figure we know, and it is not that figure":

1. The text is cut into sentences (``.``/``;``/``?``/``!`` followed by a space, and line breaks:
   every list item is a sentence).
2. In a sentence, a number is compared only when the sentence says which figure it is, by
   keywords (below). The keyword nearest before the number says which figure the finding names;
   the number is accepted if it matches *any* figure of *any* keyword of the sentence (lenient,
   to keep false alarms away: "realisasi 100% … capaian 125%" has both kinds).
3. "Matches" means: equal to the figure rounded half-up, or truncated, to the number of
   decimals typed (``117,64`` for 117,647 passes; truncation is reported by the claim checks).
4. Years in the sentence narrow IKK figures: a sentence naming only the report year compares
   with this year's figures, one naming only the previous year with last year's; otherwise both.

What is compared:

- **Per-IKK narrative** (``kinerja.yaml`` ``narasi.*``): percentages, and numbers followed by the
  IKK's unit (``4 unit``), against that IKK's own figures — ``realisasi`` / ``terealisasi`` /
  ``tercapai sebesar`` → realisasi (this and last year); ``capaian`` / ``kinerja sebesar`` →
  capaian; ``target`` → the PK target and every Renstra target; ``meningkat`` / ``turun`` /
  ``naik`` / ``menurun`` → the change in points (and realisasi/capaian, as people write "naik
  menjadi 128%").
- **Chapter narrative** (``narasi.yaml``):
  ``Rp`` amounts in a sentence about the budget (``anggaran``, ``pagu``, ``DIPA``,
  ``realisasi``, ``sisa``, ``belanja``) against every budget figure of both years;
  percentages about absorption (``penyerapan``, ``serapan``, ``realisasi``, ``direalisasikan``)
  against every penyerapan; scores (a percentage or a decimal number) next to ``SMART``,
  ``IKPA`` or ``kinerja anggaran`` / ``NKA`` against the score to print; ``bobot`` N % next to a
  SMART-DJA or IKPA component against the rule's weight for that component (a number in
  parentheses, or in a sentence about ``bobot`` / ``variabel`` / ``penggabungan``, may be any
  weight); occupancy (``hunian``, ``kapasitas``) percentages; counts: ``N (…) tercapai``,
  ``N (…) tidak tercapai``, ``N (…) Indikator Kinerja Kegiatan`` / ``IKK`` (the total or a
  sasaran's), ``N (…) Sasaran Kegiatan``, ``N orang`` beside ``kapasitas`` / ``huni``.

Plain integers outside these patterns (years, regulation numbers, "2 paket") are never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from .. import format_id as f
from ..hitung import HasilLaporan
from ..hitung.aturan import LABEL_KOMPONEN_IKPA, LABEL_KOMPONEN_SMART
from ..muat.sisipan import POLA as POLA_SISIPAN

_KALIMAT = re.compile(r"(?<!Rp\.)(?<=[.;?!])\s+(?=\S)|\n+")
_ANGKA = re.compile(
    r"(?<![\w.,/])(?P<rp>Rp\.?\s*)?(?P<bulat>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<pecahan>\d+))?"
    r"(?![\w]|[.,]\d)(?P<akhir>\s*(?:%|persen\b))?",
    re.I,
)


@dataclass(frozen=True)
class AngkaNarasi:
    """A number typed in a narrative that matches none of the figures its sentence names."""

    teks: str
    """The literal as typed (``128%``, ``Rp 16.466.041.000``, ``91,24``)."""
    nilai: Decimal
    jenis: str
    """Which kind of figure the sentence names for it (``realisasi``, ``capaian``, ``nka`` …)."""
    label: str
    """That figure in plain words (``realisasi SK1.1 2023``, ``nilai kinerja anggaran``)."""
    besaran: str | None
    """Its name in the ``besaran()`` vocabulary, when it has one."""
    tahun: int | None
    dihitung: Decimal | None
    kalimat: str


Nilai = tuple[str | None, int | None, Decimal, str]
"""A known figure: (besaran, tahun, value, label)."""

Bobot = tuple[re.Pattern[str], Decimal, str, str]
"""A component weight: the words naming the component, the weight, label, besaran."""


@dataclass
class _Jenis:
    """A kind of figure: the words that name it, the number forms that can state it, values."""

    pola: re.Pattern[str]
    bentuk: frozenset[str]
    """``persen`` (12,5%), ``rupiah`` (Rp 1.000), ``desimal`` (91,24), ``satuan`` (4 unit)."""
    nilai: list[Nilai] = field(default_factory=list)
    benda: bool = True
    """False for change words ("meningkat"): a noun keyword of the sentence names it first."""


@dataclass
class _Angka:
    teks: str
    nilai: Decimal
    desimal: int
    awal: int
    akhir: int
    bentuk: str | None


def _angka(k: str, satuan: str | None) -> Iterator[_Angka]:
    for m in _ANGKA.finditer(k):
        bulat = m.group("bulat").replace(".", "")
        pecahan = m.group("pecahan") or ""
        nilai = Decimal(f"{bulat}.{pecahan}" if pecahan else bulat)
        teks = m.group(0).strip()
        unit = (
            re.match(rf"\s*{re.escape(satuan.strip())}\b", k[m.end() :], re.I) if satuan else None
        )
        if m.group("rp"):
            bentuk: str | None = "rupiah" if not m.group("akhir") else None
        elif m.group("akhir"):
            bentuk = "persen"
        elif unit:
            bentuk = "satuan"
            teks = k[m.start() : m.end() + unit.end()].strip()
        elif pecahan:
            bentuk = "desimal"
        else:
            bentuk = None  # a plain integer: a year, a count, a regulation number …
        yield _Angka(teks, nilai, len(pecahan), m.start(), m.end(), bentuk)


def cocok(angka: Decimal, desimal: int, nilai: Decimal) -> bool:
    """Whether a number typed with ``desimal`` decimals states ``nilai`` (rounded or truncated)."""
    kuantum = Decimal(1).scaleb(-desimal)
    return angka in (f.bulatkan(nilai, desimal), nilai.quantize(kuantum, rounding=ROUND_DOWN))


def kalimat(teks: str) -> list[str]:
    """Sentences of a narrative, placeholders removed (each list item is a sentence)."""
    bersih = POLA_SISIPAN.sub(" ", teks)
    return [k.strip() for k in _KALIMAT.split(bersih) if k and k.strip()]


@dataclass
class _Aturan:
    """Everything a narrative is compared with."""

    jenis: dict[str, _Jenis]
    tahun: int
    satuan: str | None = None
    bobot: dict[str, Bobot] = field(default_factory=dict)
    """Component weights named in "…, bobot N%" list items."""
    semua_bobot: list[Decimal] = field(default_factory=list)
    hitungan: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    """Count patterns: (regex whose group 1 is the number, kind)."""


def _tahun_kalimat(k: str, tahun: int) -> int | None:
    """The one year a sentence names, when it is the report's year or the one before."""
    tahun_disebut = {int(x) for x in re.findall(r"\b(20\d\d)\b", k)}
    if tahun_disebut == {tahun}:
        return tahun
    if tahun_disebut == {tahun - 1}:
        return tahun - 1
    return None


def _periksa_hitungan(k: str, a: _Aturan, hasil: list[AngkaNarasi]) -> set[int]:
    """Compare the counts a sentence states (``a.hitungan``) with the data, appending the
    differences to ``hasil``; returns where the counted numbers start (read, not rechecked)."""
    terbaca: set[int] = set()
    for pola, nama in a.hitungan:
        for m in pola.finditer(k):
            terbaca.add(m.start(1))
            n = Decimal(m.group(1))
            nilai = a.jenis[nama].nilai
            if nilai and not any(n == v for _, _, v, _ in nilai):
                b, th, v, label = nilai[0]
                hasil.append(AngkaNarasi(m.group(0).strip(), n, nama, label, b, th, v, k))
    return terbaca


def _periksa(teks: str, a: _Aturan) -> list[AngkaNarasi]:
    hasil: list[AngkaNarasi] = []
    for k in kalimat(teks):
        _periksa_kalimat(k, a, hasil)
    return hasil


@dataclass
class _Kalimat:
    """A sentence being checked: its text, lower-cased, its one year, where each kind is named."""

    teks: str
    kecil: str
    hanya: int | None
    sebut: dict[str, list[int]]


def _periksa_kalimat(k: str, a: _Aturan, hasil: list[AngkaNarasi]) -> None:
    """Compare each number of sentence ``k`` with the figures it may state, appending the
    differences to ``hasil``."""
    kecil = k.lower()
    hanya = _tahun_kalimat(k, a.tahun)
    terbaca = _periksa_hitungan(k, a, hasil)
    sebut = {nama: [m.start() for m in j.pola.finditer(kecil)] for nama, j in a.jenis.items()}
    kal = _Kalimat(k, kecil, hanya, {nama: v for nama, v in sebut.items() if v})
    akhir_lalu = 0
    for x in _angka(k, a.satuan):
        if x.bentuk is None or x.awal in terbaca or re.fullmatch(r"20\d\d", x.teks):
            continue
        # a single year between the previous number and this one says which year it is
        tahun_dekat = {int(y) for y in re.findall(r"\b(20\d\d)\b", k[akhir_lalu : x.awal])}
        # "kenaikan … sebesar 25%": a noun naming the change says the number is a
        # difference, never a level (a capaian or a realisasi)
        selisih = "selisih" in a.jenis and bool(_KATA_SELISIH.search(kecil[akhir_lalu : x.awal]))
        akhir_lalu = x.akhir
        tahun_ini = next(iter(tahun_dekat)) if len(tahun_dekat) == 1 else hanya
        _periksa_angka(x, kal, a, tahun_ini, selisih, hasil)


def _periksa_angka(
    x: _Angka,
    kal: _Kalimat,
    a: _Aturan,
    tahun_ini: int | None,
    selisih: bool,
    hasil: list[AngkaNarasi],
) -> None:
    """Compare number ``x`` of a sentence with the figures of the kinds the sentence names."""
    sebelum = kal.kecil[: x.awal]
    if _periksa_bobot(x, sebelum, kal.teks, a, hasil) or _bobot_lain(x, sebelum, kal.kecil, a):
        return
    berlaku, sebut_x = _berlaku(x, kal.sebut, a, selisih)
    if not berlaku:
        return
    if selisih:  # a change between two years: any year named is one of the two
        tahun_ini = None
    pilihan = [
        v
        for n in berlaku
        for v in a.jenis[n].nilai
        if tahun_ini is None or v[1] is None or v[1] == tahun_ini
    ]
    if not pilihan or any(cocok(x.nilai, x.desimal, v[2]) for v in pilihan):
        return
    utama = _utama(berlaku, sebut_x, a.jenis, x.awal)
    nilai = [v for v in a.jenis[utama].nilai if tahun_ini is None or v[1] in (None, tahun_ini)]
    b, th, v, label = (nilai or a.jenis[utama].nilai)[0]
    hasil.append(AngkaNarasi(x.teks, x.nilai, utama, label, b, th, v, kal.teks))


def _berlaku(
    x: _Angka, sebut: dict[str, list[int]], a: _Aturan, selisih: bool
) -> tuple[list[str], dict[str, list[int]]]:
    """The kinds number ``x`` may state, and where each is named (a difference: "selisih")."""
    if selisih:
        berlaku = ["selisih"] if x.bentuk in a.jenis["selisih"].bentuk else []
        return berlaku, {**sebut, "selisih": [0]}
    return [n for n in sebut if x.bentuk in a.jenis[n].bentuk and a.jenis[n].nilai], sebut


def _periksa_bobot(x: _Angka, sebelum: str, k: str, a: _Aturan, hasil: list[AngkaNarasi]) -> bool:
    """A weight named "…, bobot N%" after a component's name: compare N with the rule's
    weight (appending a difference to ``hasil``); whether the number was such a weight."""
    if not (a.bobot and x.bentuk == "persen" and re.search(r"bobot\s*$", sebelum)):
        return False
    awal = [(m.start(), n) for n, (p, _, _, _) in a.bobot.items() if (m := p.search(sebelum))]
    if not awal:
        return False
    _, benar, label, nama = a.bobot[min(awal)[1]]
    if not cocok(x.nilai, x.desimal, benar):
        hasil.append(AngkaNarasi(x.teks, x.nilai, "bobot", label, nama, a.tahun, benar, k))
    return True


def _bobot_lain(x: _Angka, sebelum: str, kecil: str, a: _Aturan) -> bool:
    """Whether a percentage is one of the weights, in brackets or in a sentence on weights."""
    return bool(
        a.semua_bobot
        and x.bentuk == "persen"
        and (
            sebelum.rstrip().endswith("(")
            or re.search(r"bobot|variabel|penggabungan|gabungan", kecil)
        )
        and any(cocok(x.nilai, x.desimal, b) for b in a.semua_bobot)
    )


def _utama(
    berlaku: list[str], sebut: dict[str, list[int]], jenis: dict[str, _Jenis], awal: int
) -> str:
    """The kind the nearest keyword before the number names (nouns before change words)."""
    for hanya_benda in (True, False):
        calon = [
            (max(p for p in sebut[n] if p < awal), n)
            for n in berlaku
            if (jenis[n].benda or not hanya_benda) and any(p < awal for p in sebut[n])
        ]
        if calon:
            return max(calon)[1]
    return min((sebut[n][0], n) for n in berlaku)[1]


_KATA_SELISIH = re.compile(
    r"\b(?:kenaikan|penurunan|selisih|perubahan)\b"
    r"|\b(?:naik|turun|meningkat|menurun)\s+(?:sebesar|sebanyak)\s*$"
)
"""A noun naming a change, or "naik sebesar": the number after it is a difference, not a
level ("meningkat pada tahun 2023 sebesar 128%" names the level)."""

# --------------------------------------------------------------------------- figures

_PERSEN = frozenset({"persen"})


def periksa_narasi_ikk(hasil: HasilLaporan, kode: str, teks: str) -> list[AngkaNarasi]:
    """Stale numbers in the narrative ``teks`` of IKK ``kode`` (against its own figures)."""
    h = hasil.ikk_kode(kode)
    th = hasil.tahun
    persen = h.defn.satuan.strip() in ("%", "persen")
    bentuk_nilai = _PERSEN if persen else frozenset({"satuan"})
    j = {
        "realisasi": _Jenis(re.compile(r"realisasi|terealisasi|tercapai sebesar"), bentuk_nilai),
        "capaian": _Jenis(re.compile(r"capaian|kinerja sebesar|persentase kinerja"), _PERSEN),
        "target": _Jenis(re.compile(r"target"), bentuk_nilai),
        "perubahan": _Jenis(
            re.compile(r"meningkat|menurun|turun|naik|kenaikan|penurunan"), _PERSEN, benda=False
        ),
    }
    if h.nilai_realisasi is not None:
        j["realisasi"].nilai.append(
            (f"ikk.{kode}.realisasi", th, h.nilai_realisasi, f"realisasi {kode} {th}")
        )
    if h.realisasi_lalu is not None:
        j["realisasi"].nilai.append(
            (f"ikk.{kode}.realisasi", th - 1, h.realisasi_lalu, f"realisasi {kode} {th - 1}")
        )
    if h.target is not None:
        j["target"].nilai.append((f"ikk.{kode}.target", th, h.target, f"target {kode} {th}"))
    for t, v in h.target_renstra.items():
        j["target"].nilai.append(
            (f"ikk.{kode}.target_renstra.{t}", t, v, f"target Renstra {kode} {t}")
        )
    if h.capaian is not None:
        j["capaian"].nilai.append((f"ikk.{kode}.capaian", th, h.capaian, f"capaian {kode} {th}"))
    if h.capaian_lalu is not None:
        j["capaian"].nilai.append(
            (f"ikk.{kode}.capaian", th - 1, h.capaian_lalu, f"capaian {kode} {th - 1}")
        )
    if h.perubahan is not None:
        j["perubahan"].nilai.append(
            (f"ikk.{kode}.perubahan_capaian", th, abs(h.perubahan), f"perubahan capaian {kode}")
        )
    # "kenaikan capaian sebesar 25%": only the change itself (see _KATA_SELISIH)
    j["selisih"] = _Jenis(re.compile(r"(?!)"), _PERSEN, list(j["perubahan"].nilai), benda=False)
    # "meningkat menjadi 128%": a change word may introduce a level, not a difference
    j["perubahan"].nilai += j["capaian"].nilai + (j["realisasi"].nilai if persen else [])
    return _periksa(teks, _Aturan(j, th, satuan=None if persen else h.defn.satuan))


def _jenis_bab(hasil: HasilLaporan) -> dict[str, _Jenis]:
    th = hasil.tahun
    skor = frozenset({"persen", "desimal"})
    tidak_pernah = re.compile(r"(?!)")  # counts are read by their own patterns
    j = {
        "nka": _Jenis(re.compile(r"kinerja anggaran|\bnka\b"), skor),
        "smart": _Jenis(re.compile(r"smart"), skor),
        "ikpa": _Jenis(re.compile(r"\bikpa\b"), skor),
        "penyerapan": _Jenis(
            re.compile(r"penyerapan|serapan|realisasi|direalisasikan|terealisasi|terserap"),
            _PERSEN,
        ),
        "rupiah": _Jenis(
            re.compile(r"anggaran|pagu|dipa|realisasi|direalisasikan|sisa|belanja"),
            frozenset({"rupiah"}),
        ),
        "okupansi": _Jenis(re.compile(r"hunian|kapasitas|okupansi"), _PERSEN),
        "jumlah_tercapai": _Jenis(tidak_pernah, frozenset()),
        "jumlah_tidak_tercapai": _Jenis(tidak_pernah, frozenset()),
        "jumlah_ikk": _Jenis(tidak_pernah, frozenset()),
        "jumlah_sasaran": _Jenis(tidak_pernah, frozenset()),
    }
    if hasil.nka:
        j["nka"].nilai.append(("nka.nilai", th, hasil.nka.nilai, "nilai kinerja anggaran"))
    if hasil.smart:
        j["smart"].nilai.append(("smart.nilai", th, hasil.smart.nilai, "nilai SMART-DJA"))
    if hasil.ikpa:
        j["ikpa"].nilai.append(("ikpa.nilai", th, hasil.ikpa.nilai, "nilai IKPA"))
    _nilai_anggaran(j, hasil)
    if hasil.data.ini.profil and hasil.okupansi is not None:
        j["okupansi"].nilai.append(("profil.okupansi", th, hasil.okupansi, "tingkat hunian"))
    j["jumlah_tercapai"].nilai.append(
        ("ikk.jumlah_tercapai", th, Decimal(len(hasil.tercapai)), "jumlah IKK tercapai")
    )
    j["jumlah_tidak_tercapai"].nilai.append(
        (
            "ikk.jumlah_tidak_tercapai",
            th,
            Decimal(len(hasil.tidak_tercapai)),
            "jumlah IKK tidak tercapai",
        )
    )
    j["jumlah_ikk"].nilai.append(("ikk.jumlah", th, Decimal(len(hasil.ikk)), "jumlah IKK"))
    j["jumlah_ikk"].nilai += [
        (
            f"ikk.sasaran.{r.sasaran.kode}.jumlah",
            th,
            Decimal(len(r.ikk)),
            f"jumlah IKK sasaran {r.sasaran.kode}",
        )
        for r in hasil.sasaran
    ]
    j["jumlah_sasaran"].nilai.append(
        ("sasaran.jumlah", th, Decimal(len(hasil.sasaran)), "jumlah sasaran kegiatan")
    )
    # "1 (satu) Sasaran Kegiatan yang tidak mencapai target"; "3 sasaran tercapai"
    belum = sum(1 for r in hasil.sasaran if r.tidak_tercapai)
    j["jumlah_sasaran"].nilai += [
        (None, th, Decimal(belum), "sasaran dengan IKK tidak tercapai"),
        (None, th, Decimal(len(hasil.sasaran) - belum), "sasaran yang seluruh IKK-nya tercapai"),
    ]
    return j


_KURUNG = r"\s*(?:\([^)]*\)\s*)?"
_HITUNGAN = [
    (
        re.compile(rf"(?<![\d.,])(\d+){_KURUNG}(?:telah\s+|sudah\s+)?tidak\s+tercapai", re.I),
        "jumlah_tidak_tercapai",
    ),
    (
        re.compile(
            rf"(?<![\d.,])(\d+){_KURUNG}(?:(?:indikator kinerja kegiatan|ikk)\s+)?(?:yang\s+)?"
            r"(?:telah\s+|sudah\s+)?tercapai",
            re.I,
        ),
        "jumlah_tercapai",
    ),
    (
        re.compile(rf"(?<![\d.,])(\d+){_KURUNG}(?:indikator kinerja kegiatan|ikk)\b", re.I),
        "jumlah_ikk",
    ),
    (re.compile(rf"(?<![\d.,])(\d+){_KURUNG}sasaran kegiatan", re.I), "jumlah_sasaran"),
]


def _nilai_anggaran(j: dict[str, _Jenis], hasil: HasilLaporan) -> None:
    """The budget figures of both years (penyerapan, pagu, realisasi, sisa of the DIPA total,
    every breakdown row and every breakdown's sum) a narrative may state."""
    th = hasil.tahun
    for ang, t in ((hasil.anggaran, th), (hasil.anggaran_lalu, th - 1)):
        if ang is None:
            continue
        baris = [("", ang.total)]
        baris += [(f".sasaran.{b.kunci}", b) for b in ang.per_sasaran]
        baris += [(f".program.{b.kunci}", b) for b in ang.per_program]
        baris += [(f".jenis.{b.kunci}", b) for b in ang.per_jenis]
        for nama, jumlah in (
            (".sasaran_jumlah", ang.sasaran_jumlah),
            (".program_jumlah", ang.program_jumlah),
            (".jenis_jumlah", ang.jenis_jumlah),
        ):
            if jumlah is not None:
                baris.append((nama, jumlah))
        for nama, b in baris:  # the DIPA total first, so that a finding names it
            label = f"{b.label} {t}" if nama else f"anggaran {t}"
            if b.penyerapan is not None:
                j["penyerapan"].nilai.append(
                    (f"anggaran{nama}.penyerapan", t, b.penyerapan, f"penyerapan {label}")
                )
            for x in ("pagu", "realisasi", "sisa"):
                v = getattr(b, x)
                if v is not None:
                    j["rupiah"].nilai.append((f"anggaran{nama}.{x}", t, v, f"{x} {label}"))


def _bobot(hasil: HasilLaporan, nama: str) -> dict[str, Bobot]:
    if nama == "smart_dja" and hasil.smart:
        pola = {
            "capaian_ro": r"capaian keluaran|capaian ro|\bcro\b|rincian output",
            "nilai_efisiensi": r"efisiensi",
            "konsistensi": r"konsistensi",
            "penyerapan": r"penyerapan",
        }
        bobot = hasil.smart.aturan.bobot
        return {
            k: (re.compile(p), bobot[k], f"bobot {LABEL_KOMPONEN_SMART[k]}", f"smart.bobot.{k}")
            for k, p in pola.items()
        }
    if nama == "ikpa" and hasil.ikpa:
        pola = {
            "revisi_dipa": r"revisi dipa",
            "deviasi_halaman_iii_dipa": r"deviasi",
            "penyerapan_anggaran": r"penyerapan",
            "belanja_kontraktual": r"kontrak",
            "penyelesaian_tagihan": r"tagihan",
            "pengelolaan_up_tup": r"\bup\b",
            "dispensasi_spm": r"dispensasi",
            "capaian_output": r"capaian output|capaian keluaran",
        }
        bobot = hasil.ikpa.aturan.bobot
        return {
            k: (re.compile(p), bobot[k], f"bobot {LABEL_KOMPONEN_IKPA[k]}", f"ikpa.bobot.{k}")
            for k, p in pola.items()
            if k in bobot
        }
    return {}


_ORANG = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)\s+orang\b", re.I)


def periksa_narasi_bab(hasil: HasilLaporan, nama: str, teks: str) -> list[AngkaNarasi]:
    """Stale numbers in the chapter narrative ``nama`` of ``narasi.yaml``."""
    semua_bobot: list[Decimal] = []
    if hasil.nka:
        semua_bobot += [hasil.nka.aturan.bobot_smart, hasil.nka.aturan.bobot_ikpa]
    if hasil.smart:
        semua_bobot += list(hasil.smart.aturan.bobot.values())
    if hasil.ikpa:
        semua_bobot += list(hasil.ikpa.aturan.bobot.values())
    aturan = _Aturan(
        _jenis_bab(hasil),
        hasil.tahun,
        bobot=_bobot(hasil, nama),
        semua_bobot=semua_bobot,
        hitungan=_HITUNGAN,
    )
    temuan = _periksa(teks, aturan)
    if hasil.data.ini.profil is None:
        return temuan
    orang: list[Nilai] = [
        ("profil.penghuni", hasil.tahun, hasil.profil.penghuni, "jumlah penghuni"),
        ("profil.kapasitas", hasil.tahun, hasil.profil.kapasitas, "kapasitas hunian"),
    ]
    for k in kalimat(teks):
        kecil = k.lower()
        if not re.search(r"kapasitas|huni", kecil):
            continue
        for m in _ORANG.finditer(k):
            n = Decimal(m.group(1).replace(".", ""))
            if any(n == v for _, _, v, _ in orang):
                continue
            kap = kecil.rfind("kapasitas", 0, m.start()) > kecil.rfind("huni", 0, m.start())
            b, th, v, label = orang[1 if kap else 0]
            temuan.append(AngkaNarasi(m.group(0), n, "orang", label, b, th, v, k))
    return temuan
