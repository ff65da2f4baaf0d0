"""The sample's narratives restate computed figures only through placeholders.

For every claim of ``klaim.yaml`` whose stated value differs from the computed one (a
``KLAIM_BEDA`` finding; rounding and truncation are other codes), the stated value written the
way the draft writes it ("128%", "91,24", "35.112.000") must not appear in the corresponding
place of the final report:

- an IKK claim → that IKK's analysis section (a Bab IV or Ikhtisar claim → that chapter);
- a budget claim → Bab II C and Bab III B; SMART/IKPA/NKA → Bab III C; profile → Bab I.

A stated value can coincide with the true value of another figure shown in the same place
(the draft's "100%" for SK1.1's 2023 realisasi is SK1.1's real 2022 realisasi, printed in the
comparison table). So the check has two parts:

1. where the stated value is not the rendering of any computed figure, it must not appear in the
   place at all (tables, generated sentences and narratives as rendered);
2. in every case, the analyst's own text in that place (narratives with their ``{{ … }}``
   placeholders blanked out) must not contain it: what the narrative says about a figure comes
   from the engine.

Numbers are matched as tokens: "128%" does not match inside "1.128%" or "128,5%".
"""

from __future__ import annotations

import html as html_mod
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_helpers import format_id as f
from lkjip_helpers.hitung import HasilLaporan
from lkjip_helpers.hitung.besaran import Besaran
from lkjip_helpers.hitung.hasil import hasil_untuk
from lkjip_helpers.laporan import model as m
from lkjip_helpers.laporan import susun_dokumen
from lkjip_helpers.laporan.narasi import tulis_besaran
from lkjip_helpers.muat import muat
from lkjip_helpers.muat.sisipan import tanpa_sisipan
from lkjip_helpers.periksa import periksa_data
from lkjip_helpers.periksa.pemeriksaan import Temuan

DATA = Path(__file__).parents[1] / "data"

# What follows a stated number in the draft, per figure of the sample's KLAIM_BEDA findings, read
# by hand in the seed (e.g. "tercapai sebesar 128%", "sebanyak 2 Unit", "nilai 91,24", Tabel 2.1's
# "35.112.000"): "%", the IKK's unit word, or nothing (counts, points, scores, rupiah in tables).
_SATUAN_DRAF = {
    **dict.fromkeys(
        (
            "ikk.SK1.1.realisasi", "ikk.SK1.1.capaian", "ikk.SK1.2.realisasi",
            "ikk.SK1.2.capaian", "ikk.SK1.3.realisasi", "ikk.SK2.4.realisasi",
            "ikk.SK2.4.capaian", "ikk.SK2.5.capaian", "ikk.SK2.6.realisasi",
            "ikk.SK2.6.capaian", "ikk.SK2.7.target", "ikk.SK3.2.capaian", "ikk.SK3.3.target",
            "ikk.SK3.3.realisasi", "ikk.SK3.3.capaian", "ikk.SK3.4.capaian",
            "anggaran.sasaran.SK1.penyerapan", "anggaran.sasaran.SK3.penyerapan",
            "anggaran.sasaran.SK4.penyerapan", "profil.okupansi",
            # seed 2091-2094 "bobot 28,6%" …; seed 1478 "target di tahun 2024 adalah 72%"
            "smart.bobot.penyerapan", "smart.bobot.nilai_efisiensi", "smart.bobot.konsistensi",
            "ikk.SK2.7.target_renstra.2024",
        ),
        "%",
    ),
    **dict.fromkeys(("ikk.SK4.6.target", "ikk.SK4.6.realisasi", "ikk.SK4.7.realisasi"), "Unit"),
    # people: seed 151/2180 "2 (dua) paket … sebanyak 40 orang" (80 peserta), seed 990 "tidak ada
    # Tahanan/Narapidana/Anak" (0 orang), seed 1137 "berjumlah 43 orang"
    **dict.fromkeys(("ikk.SK2.6.pembilang", "ikk.SK1.3.penyebut", "ikk.SK1.6.pembilang"), "orang"),
    **dict.fromkeys(
        (
            "ikk.jumlah_tercapai", "ikk.SK3.1.penyebut", "ikk.SK3.2.perubahan_capaian",
            "anggaran.sasaran.SK3.realisasi", "anggaran.sasaran.SK4.realisasi",
            "anggaran.program_jumlah.pagu", "anggaran.program.2.pagu", "nka.nilai",
            "ikpa.aspek.pelaksanaan", "ikpa.nilai", "anggaran.jenis.barang.sisa",
            "anggaran.jenis_jumlah.sisa",
        ),
        "",
    ),
}  # fmt: skip

# the narrative field of an IKK where the draft's sentence stood ("Bab III SK1.2 narasi" is the
# text under the target table); claims from tables and formulas name no field
_BIDANG = (
    ("perbandingan renstra narasi", "perbandingan_renstra"),
    ("perbandingan 2022 narasi", "perbandingan_tahun_lalu"),
    ("analisis program", "analisis_program"),
    ("narasi", "penjelasan"),
)


# --------------------------------------------------------------------------- tokens


def _besaran(t: Temuan, hasil: HasilLaporan) -> Besaran:
    b = hasil.daftar_besaran().cari(t.besaran or "", t.tahun or hasil.tahun)
    assert b is not None, f"{t.besaran} {t.tahun}: bukan angka yang dihitung"
    return b


def _tanda(t: Temuan) -> tuple[str, str]:
    """(number as the draft writes it, what must follow it: "%", a unit word, or "")."""
    nama = t.besaran or ""
    assert nama in _SATUAN_DRAF, f"{nama}: tulis satuannya di _SATUAN_DRAF (baca di seed)"
    nilai = Decimal(t.dinyatakan or "0")
    if nilai == 0 and _SATUAN_DRAF[nama] == "":
        return ("tidak ada", "")  # the seed's "tidak ada" for SK3.1's zero penyebut
    desimal = max(0, -int(nilai.as_tuple().exponent))
    return (f.angka(abs(nilai), desimal), _SATUAN_DRAF[nama])


def _pola(tanda: tuple[str, str]) -> re.Pattern[str]:
    angka, satuan = tanda
    if not angka[0].isdigit():
        return re.compile(rf"(?i)\b{re.escape(angka)}\b")
    ekor = rf"\s*{re.escape(satuan)}" if satuan else ""
    # not part of a longer number: no digit (or "digit." / "digit,") before, no digit after
    return re.compile(rf"(?i)(?<!\d)(?<!\d[.,]){re.escape(angka)}(?![.,]?\d){ekor}")


def _muncul(teks: str, tanda: tuple[str, str]) -> list[str]:
    """Each occurrence of the token in ``teks``, with some context."""
    return [teks[max(0, x.start() - 60) : x.end() + 20] for x in _pola(tanda).finditer(teks)]


def _sah(hasil: HasilLaporan) -> list[str]:
    """How the report writes every computed figure (tables, generated text, placeholders)."""
    keluar = []
    for b in hasil.daftar_besaran().values():
        v = b.nilai
        if v is None:
            continue
        keluar += [
            tulis_besaran(b),
            f.angka(abs(v), 2),
            f.angka(abs(v), 2, ringkas=True),
            f.persen(v),
            f.persen(v, ringkas=True),
        ]
    return keluar


def _teks_html(x: str) -> str:
    return html_mod.unescape(re.sub(r"<[^>]+>", " ", x))


# --------------------------------------------------------------------------- places


def _ikk(dok: m.Dokumen, kode: str) -> list[m.Blok]:
    """The blocks of one IKK's analysis section."""
    judul = f"ikk-{m.slug(kode)}"
    for nama, bagian in dok.bab[3].items():
        if not nama.startswith("analisis_sasaran:"):
            continue
        for b in bagian.blok:
            if isinstance(b, m.Kelompok) and any(
                isinstance(x, m.Judul) and x.id == judul for x in b.blok
            ):
                return list(m.ratakan(b.blok))
    raise AssertionError(f"bagian analisis IKK {kode} tidak ada")


def _bab(dok: m.Dokumen, bab: int | str, *nama: str) -> list[m.Blok]:
    bagian = dok.bab[bab]
    pilih = nama or tuple(bagian)
    return [b for n in pilih if n in bagian for b in m.ratakan(bagian[n].blok)]


def _tempat(t: Temuan, b: Besaran, dok: m.Dokumen) -> tuple[str, list[m.Blok]]:
    """(name, blocks) of the report's place corresponding to where the draft stated ``t``."""
    sumber, akar = t.sumber or "", b.subjek[0]
    if sumber.startswith("Ikhtisar"):
        return ("Ikhtisar", _bab(dok, "E"))
    if sumber.startswith("Bab IV"):
        return ("Bab IV", _bab(dok, 4))
    if kode := b.ikk:
        return (f"IKK {kode}", _ikk(dok, kode))
    for awal, bab in (("Bab III", 3), ("Bab II", 2)):  # counts stated in a chapter's prose
        if sumber.startswith(awal) and akar in ("ikk", "sasaran"):
            return (awal, _bab(dok, bab))
    if sumber.startswith("Bab I ") or akar == "profil":
        return ("Bab I", _bab(dok, 1))
    if akar == "anggaran":
        return (
            "Bab II C dan Bab III B",
            _bab(dok, 2, "alokasi_anggaran") + _bab(dok, 3, "realisasi_anggaran", "efisiensi"),
        )
    if akar in ("smart", "ikpa", "nka"):
        return ("Bab III C", _bab(dok, 3, "smart_dja", "ikpa", "nilai_kinerja_anggaran"))
    raise AssertionError(f"tempat klaim {t.besaran} ({sumber}) tidak dikenal")


def _bidang(t: Temuan, b: Besaran, hasil: HasilLaporan) -> str | None:
    """The IKK narrative text the draft's sentence stood in, when the claim names one."""
    kode, sumber = b.ikk, (t.sumber or "").lower()
    if kode is None or sumber.startswith(("ikhtisar", "bab iv")):
        return None
    for kata, bidang in _BIDANG:
        if sumber.endswith(kata):
            return getattr(hasil.ikk_kode(kode).data.narasi, bidang) or ""
    return None


# --------------------------------------------------------------------------- the check


def pelanggaran(data_dir: Path) -> list[str]:
    """Every place where a KLAIM_BEDA's stated value is still printed (empty: none)."""
    data = muat("lapas-banyuasin", 2023, data_dir)
    hasil = hasil_untuk(data)
    dok = susun_dokumen(hasil)
    sah = _sah(hasil)
    temuan = [t for t in periksa_data(data) if t.kode == "KLAIM_BEDA"]
    assert temuan, "sampel tanpa KLAIM_BEDA: uji ini tidak menguji apa pun"
    keluar = []
    for t in temuan:
        tanda = _tanda(t)
        b = _besaran(t, hasil)
        tempat, blok = _tempat(t, b, dok)
        ditulis = tanda[0] + ("" if tanda[1] in ("", "%") else " ") + tanda[1]
        label = f"{t.tahun} {t.besaran} dinyatakan {ditulis} ({t.sumber}) di {tempat}"
        # the analyst's texts in that place; when the draft's sentence stood in one narrative
        # of an IKK, that one (the others may cite other, uncomputed numbers: "2 unit Mini Bus")
        narasi = [b for b in blok if isinstance(b, m.Narasi)]
        bidang = _bidang(t, b, hasil)
        if bidang is not None:
            narasi = [b for b in narasi if b.teks == bidang]
            assert narasi, f"{label}: teks narasi tidak tercetak di tempatnya"
        dicetak = [b for b in blok if not isinstance(b, m.Narasi)] + narasi
        # 1. not the rendering of any computed figure → not printed there at all
        if not any(_pola(tanda).search(s) for s in sah):
            semua = _teks_html("".join(b.html(dok) for b in dicetak))
            keluar += [f"{label}: …{x}…" for x in _muncul(semua, tanda)]
        # 2. never typed by the analyst (placeholders blanked out)
        for b in narasi:
            keluar += [
                f"{label}, teks analis: …{x}…" for x in _muncul(tanpa_sisipan(b.teks), tanda)
            ]
    return keluar


def test_no_stated_value_that_differs_from_the_computed_one_at_its_place() -> None:
    assert pelanggaran(DATA) == []


# --------------------------------------------------------------------------- the check checks


def test_figures_map_to_their_ikk() -> None:
    hasil = hasil_untuk(muat("lapas-banyuasin", 2023, DATA))
    b = hasil.daftar_besaran()
    assert b["ikk.SK1.1.capaian"].ikk == "SK1.1"
    assert b["ikk.SK2.7.target_renstra.2024"].ikk == "SK2.7"
    assert b["ikk.jumlah_tercapai"].ikk is None
    assert b["ikk.sasaran.SK1.jumlah"].ikk is None


def test_tokens_match_whole_numbers_only() -> None:
    pola = _pola(("128", "%"))
    assert pola.search("tercapai sebesar 128%.") and pola.search("sebesar 128 %")
    assert not pola.search("1.128%") and not pola.search("128,5%") and not pola.search("4,128%")
    assert not pola.search("128 orang")
    assert _pola(("91,24", "")).search("yakni 91,24.") and not _pola(("91,24", "")).search("91,245")
    assert _pola(("2", "Unit")).search("sebesar 2 unit") and not _pola(("2", "Unit")).search(
        "12 unit"
    )


def _salin(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


@pytest.mark.e2e
def test_check_finds_a_figure_typed_back_into_a_narrative(tmp_path: Path) -> None:
    # the seed's own sentence for SK1.2 (seed line 931): 128% where the engine computes
    # 1435 / 1177 × 100 = 121,92%
    data = _salin(tmp_path)
    p = data / "satker/lapas-banyuasin/2023/kinerja.yaml"
    teks = p.read_text(encoding="utf-8")
    baru = teks.replace(
        "pada tahun 2023 tercapai sebesar {{ ikk.SK1.2.realisasi }}.",
        "pada tahun 2023 tercapai sebesar 128%.",
    )
    assert baru != teks
    p.write_text(baru, encoding="utf-8")
    hasil = pelanggaran(data)
    assert hasil and all("ikk.SK1.2.realisasi dinyatakan 128%" in x for x in hasil)
    assert any("Bab III SK1.2 narasi" in x and "teks analis" in x for x in hasil)


@pytest.mark.e2e
def test_check_finds_a_figure_in_a_chapter_narrative(tmp_path: Path) -> None:
    # the seed's Bab IV calls 91,24 (the SMART-DJA score) the combined score; the engine's
    # combined score is 0,6 × 91,23 + 0,4 × 98,66 = 94,20
    data = _salin(tmp_path)
    p = data / "satker/lapas-banyuasin/2023/narasi.yaml"
    teks = p.read_text(encoding="utf-8")
    baru = teks.replace("Lapas Kelas IIA Banyuasin yakni {{ nka.nilai }}.", "yakni 91,24.")
    assert baru != teks
    p.write_text(baru, encoding="utf-8")
    assert any("nka.nilai dinyatakan 91,24" in x and "Bab IV" in x for x in pelanggaran(data))


def test_cross_references_resolve_in_the_notebook_text_output() -> None:
    # a notebook shows a section as HTML and as plain text: both must resolve {{ tabel:… }}
    from lkjip_helpers.laporan import Laporan

    bagian = Laporan("lapas-banyuasin", 2023, DATA, bab=1).gambaran_umum()
    assert "{{" not in bagian._repr_mimebundle_()["text/plain"]  # raised SisipanError before
    teks = " ".join(b.teks_polos(bagian.dok) for b in bagian.blok)
    # 73 + 9 pegawai; Tabel 1.3 is the staff table by gender (a link, hence the spaces)
    assert re.search(r"SDM sebanyak 82 orang \(\s*Tabel 1\.3\s*\)", teks)
