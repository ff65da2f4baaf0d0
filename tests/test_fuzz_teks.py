"""Text is text (issue 19): random text — angle brackets, ``&``, quotes, tag-like strings
(``<nomor surat>``, an unclosed ``<style>``/``<script>``/``<textarea>``/``<title>``, comments,
entities, autolinks), unicode — appended to every narrative and profile field of the sample (narasi.yaml,
profil.yaml, the IKK narratives of kinerja.yaml),
one report built (HTML only), and every string found verbatim in the report's text: nothing
dropped, nothing swallowed, nothing decoded. Deterministic (seeded), built once for speed.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from bantu_yaml import KUNCI_TETAP, polos
from bs4 import BeautifulSoup

from lkjip_helpers.bangun.susun import build
from lkjip_helpers.errors import LkjipError
from lkjip_helpers.muat import baca_yaml, validasi
from lkjip_helpers.muat.data import BERKAS_TAHUN

pytestmark = [pytest.mark.e2e, pytest.mark.fuzz]

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"
POTONGAN = [
    "<nomor surat>",
    "<tanggal>",
    "<style>",
    "<script>",
    "<textarea>",
    "<title>",
    "</p>",
    "<b>tebal</b>",
    "<!--",
    "-->",
    "<a href='x'>",
    "<ab:c>",
    "<https://contoh.invalid>",
    "&amp;",
    "&lt;",
    "&#60;",
    "&",
    "a<b",
    "c>d",
    "x=1",
    '"kutip"',
    "'satu'",
    "“miring”",
    "Ñandú",
    "ä",
    "中文",
    "😀",
    "kata",
    "Lihat",
    "1/2",
    "§",
]


def _dicetak(node: Any, k: Any) -> bool:
    """Whether the report prints this string as text: the organisation chart (``organisasi``)
    is drawn, a figure; a table leaves out its rows of zero (and their ``keterangan``)."""
    return not (k == "organisasi" or (k == "keterangan" and node.get("jumlah") == 0))


def _daun(pohon: Any) -> list[tuple[Any, Any]]:
    """Every free-text string of a YAML tree the report prints, as (its node, its key)."""
    tempat: list[tuple[Any, Any]] = []
    tumpukan = [pohon]
    while tumpukan:
        node = tumpukan.pop()
        for k in list(node) if isinstance(node, dict) else range(len(node)):
            if isinstance(node, dict) and not _dicetak(node, k):
                continue
            if isinstance(node[k], dict | list):
                tumpukan.append(node[k])
            elif isinstance(node[k], str) and k not in KUNCI_TETAP:
                tempat.append((node, k))
    return tempat


@pytest.fixture(scope="module")
def laporan(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    """(the report's text, {field: random string appended to it})."""
    acak = random.Random(19)
    root = tmp_path_factory.mktemp("teks")
    data = root / "data"
    shutil.copytree(DATA, data)
    folder = data / "satker" / SATKER / "2023"
    disisipkan: dict[str, str] = {}
    for nama in ("narasi", "profil", "kinerja"):
        path, model = folder / f"{nama}.yaml", BERKAS_TAHUN[nama]
        pohon = polos(baca_yaml(path))
        if nama == "kinerja":  # the narratives of each IKK (its numbers are no text)
            daun = [d for x in pohon["indikator"] if x.get("narasi") for d in _daun(x["narasi"])]
        else:
            daun = _daun(pohon)
        for i, (node, k) in enumerate(daun):
            asli = node[k]
            # between two plain words: list punctuation the report adds or trims at an item's
            # end (``;``, ``.``) never touches the random part
            acakan = " ".join(acak.choices(POTONGAN, k=acak.randint(2, 6)))
            teks = f"Q{nama[:2]}{i:03d} {acakan} akhir"
            node[k] = f"{asli} {teks}"
            try:
                validasi(model, pohon, path)
            except LkjipError:
                node[k] = asli
            else:
                disisipkan[f"{nama}.yaml {k} ({asli[:30]!r})"] = teks
        path.write_text(
            yaml.safe_dump(pohon, allow_unicode=True, sort_keys=False, width=10**9),
            encoding="utf-8",
        )
    hasil = build(
        SATKER,
        2023,
        data,
        root / "outputs",
        pdf=False,
        docx=False,
        abaikan_pemeriksaan=True,
        progress=False,
    )
    html = (hasil.folder / "laporan.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").get_text(), disisipkan


def test_teks_acak_tampil_persis_di_laporan(laporan: tuple[str, dict[str, str]]) -> None:
    teks, disisipkan = laporan
    print(f"\nfuzz teks: {len(disisipkan)} field narasi, profil dan narasi IKK berisi teks acak")
    assert len(disisipkan) >= 100
    hilang = {field: s for field, s in disisipkan.items() if s not in teks}
    assert not hilang, hilang
