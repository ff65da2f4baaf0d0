"""The draft's statements stay claims: every narrative sentence of the sample that was changed
from the draft (a YAML comment says so) has the draft's version quoted in ``klaim.yaml``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from lkjip_helpers.muat import muat_laporan
from lkjip_helpers.periksa import periksa_data, tinjauan

DATA = Path(__file__).parents[1] / "data"
SAMPEL = DATA / "satker" / "lapas-banyuasin"
SEED = Path("/work/shared/seeds/000_51c6dc2f4d85a7c3.txt")

UBAH = re.compile(
    r"(?<!tidak )(?:\bDiubah\b|\bdiubah\b|diikat ke|\bdiganti\b|disesuaikan|\bdihapus\b)"
)
"""Words by which a comment says the sentence under it was changed from the draft."""


def _normal(teks: str) -> str:
    return re.sub(r"\s+", " ", teks).strip().lower()


def komentar_ubah(path: Path, berkas: str) -> list[tuple[int, str, str]]:
    """(line, narrative, comment) of every comment block that says its sentence was changed:
    ``narasi.<bagian>`` in narasi.yaml, ``kinerja.<kode>`` in kinerja.yaml (the file's opening
    comment is about the file, not a sentence)."""
    kode = None
    blok: list[tuple[int, str]] = []
    out = []
    for i, baris in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if m := re.match(r"^\s*- kode: (\S+)", baris):
            kode, blok = m.group(1), []
            continue
        if c := re.match(r"^\s*#\s?(.*)$", baris):
            blok.append((i, c.group(1)))
            continue
        k = re.match(r"^(\s*)([a-z_]+):", baris)
        if k and blok and blok[0][0] > 1:
            teks = " ".join(t for _, t in blok)
            if UBAH.search(teks):
                nama = f"narasi.{k.group(2)}" if berkas == "narasi" else f"kinerja.{kode}"
                out.append((blok[0][0], nama, teks))
        if baris.strip():
            blok = []
    return out


def _kutipan_komentar(teks: str) -> list[str]:
    """Quoted fragments of a comment that hold a number (the draft's words, ``...`` = gap)."""
    bagian = [a or b for a, b in re.findall(r'"([^"]+)"|\'([^\']+)\'', teks)]
    return [x for x in bagian if re.search(r"\d", x) and "{{" not in x]


def _klaim(tahun: int) -> list[dict]:
    path = SAMPEL / str(tahun) / "klaim.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["klaim"]


@pytest.mark.skipif(not SEED.exists(), reason="the draft (seed) is not on this machine")
@pytest.mark.parametrize("tahun", [2023, 2022])
def test_every_changed_sentence_has_the_drafts_statement_as_a_claim(tahun):
    seed = _normal(SEED.read_text(encoding="utf-8"))
    klaim = _klaim(tahun)
    for k in klaim:
        if k.get("kutipan"):
            assert _normal(k["kutipan"]) in seed, ("kutipan bukan dari draf", k)
    kurang = []
    for berkas in ("narasi", "kinerja"):
        path = SAMPEL / str(tahun) / f"{berkas}.yaml"
        if not path.exists():
            continue
        for baris, nama, teks in komentar_ubah(path, berkas):
            milik = [
                _normal(k["kutipan"])
                for k in klaim
                if k.get("kutipan") and (k.get("narasi") or "").startswith(nama)
            ]
            if not milik:
                kurang.append(f"{path.name} baris {baris} ({nama}): tidak ada klaim berkutipan")
                continue
            for frasa in _kutipan_komentar(teks):
                for potong in re.split(r"\s*\.\.\.\s*|\s*…\s*", frasa):
                    p = _normal(potong)
                    assert p in seed, (path.name, baris, "komentar salah kutip", potong)
                    if not any(p in x for x in milik):
                        kurang.append(f"{path.name} baris {baris} ({nama}): “{potong}”")
    assert not kurang, "kalimat diubah tanpa klaim yang mengutip draf:\n" + "\n".join(kurang)


def test_the_parser_finds_the_samples_changes():
    # the test above would pass vacuously if no comment were found
    nama = [n for _, n, _ in komentar_ubah(SAMPEL / "2023" / "narasi.yaml", "narasi")]
    assert nama == [
        "narasi.ikhtisar_eksekutif",
        "narasi.latar_belakang",
        "narasi.realisasi_anggaran_analisis",
        "narasi.smart_dja",
        "narasi.kesimpulan",
    ]
    kin = [n for _, n, _ in komentar_ubah(SAMPEL / "2023" / "kinerja.yaml", "kinerja")]
    assert {"kinerja.SK1.3", "kinerja.SK1.6", "kinerja.SK4.7", "kinerja.SK4.8"} <= set(kin)


def test_the_memo_shows_the_drafts_quoted_statement():
    d = muat_laporan("lapas-banyuasin", 2023, DATA)
    temuan = periksa_data(d)
    # "masing-masing paket sebanyak 40 orang" (2 packages): 80 stated, 40 computed
    (t,) = [
        t
        for t in temuan
        if t.kode == "KLAIM_BEDA" and t.besaran == "ikk.SK2.6.pembilang" and "Ikhtisar" in t.lokasi
    ]
    assert "masing-masing paket sebanyak 40 orang" in t.kutipan
    rincian = [r for m in tinjauan(d).masalah for r in m.rincian if r.temuan_id == t.id]
    assert rincian and rincian[0].kutipan == t.kutipan
    # a statement without a figure is kept as the draft's words
    (p,) = [t for t in temuan if t.kode == "KLAIM_PERNYATAAN" and "menurun" in (t.kutipan or "")]
    assert p.tingkat == "info"
