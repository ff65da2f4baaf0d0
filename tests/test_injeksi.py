"""Hostile content (issue 10): the sample built with a payload in every string field it can
reach — narratives, names, table cells, claims, the satker name — then opened in headless
Chromium with the network off (the DevTools harness of tests/test_browser.py).

No script runs, no dialog opens, no request leaves the file; the HTML carries no active or
remote content; the PDF has no attachments, no ``file:`` links and no file of the machine in
it; CJK and emoji are drawn with real fonts; a 28 000-character word stays on the page.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bantu_yaml import KUNCI_TETAP, polos
from bs4 import BeautifulSoup
from pypdf import PdfReader

from lkjip_helpers.bangun.susun import build
from lkjip_helpers.errors import LkjipError
from lkjip_helpers.muat import baca_yaml, validasi
from lkjip_helpers.muat.data import BERKAS_TAHUN
from lkjip_helpers.muat.skema import Katalog, Satker

pytestmark = pytest.mark.e2e

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"
RAHASIA = "RAHASIA-DARI-LUAR-FOLDER"
KATA_PANJANG = "Panjang" * 4000  # 28 000 characters without a break opportunity

PAYLOAD = [
    "<script>alert('xss-1');window.__xss=1</script>",
    "</style><script>alert('xss-2')</script><style>",
    "<img src=x onerror=\"alert('xss-3')\">",
    "<svg onload=alert('xss-4')><script>alert('xss-5')</script></svg>",
    "<a href=\"javascript:alert('xss-6')\">klik</a>",
    "[tautan](javascript:alert('xss-7'))",
    "[berkas](FILE_URL)",
    "![gambar](FILE_URL)",
    "<a rel=attachment href=FILE_URL>lampiran</a>",
    '<iframe src="http://xss.invalid/i"></iframe>',
    "<link rel=stylesheet href=http://xss.invalid/a.css>",
    "<style>@import url(http://xss.invalid/b.css); body{background:url(http://xss.invalid/c.png)}</style>",
    '<p style="background:url(http://xss.invalid/d.png)">gaya</p>',
    '<meta http-equiv=refresh content="0;url=http://xss.invalid/">',
    "<base href=http://xss.invalid/>",
    "<object data=http://xss.invalid/e></object><embed src=http://xss.invalid/f>",
    "<form action=http://xss.invalid/><input autofocus onfocus=\"alert('xss-8')\"></form>",
    "&lt;script&gt;alert('xss-9')&lt;/script&gt; &#60;script&#62; &#x3C;img src=x onerror=alert(10)&#x3E;",
    "\"><script>alert('xss-11')</script>",
    "'><img src=x onerror=alert('xss-12')>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-13')>",
    "<!--<img src=x onerror=alert('xss-14')>-->",
    "<details open ontoggle=alert('xss-15')>",
    '<noscript><p title="</noscript><img src=x onerror=alert(16)>">',
    "javascript:alert('xss-17')",
    "data:text/html,<script>alert('xss-18')</script>",
    "url(http://xss.invalid/g.png) \\3c script\\3e",
    "\u202eRTL-override\u202c dan \u200f",
    "中文字符 한국어 日本語",
    "😀🎉👍🏽",
    "<video poster=http://xss.invalid/h.png><source src=http://xss.invalid/v.mp4></video>",
    "<img srcset='http://xss.invalid/s.png 2x'>",
    '<svg><use href="http://xss.invalid/s.svg#a"/><image href="FILE_URL"/></svg>',
]
NAMA_SATKER = f"Lapas Uji </style><a rel=attachment href=FILE_URL>x</a><style> {PAYLOAD[0]} 中文 😀"


class _Penyuntik:
    """Appends the payloads, in turn, to every free-text string of a YAML tree."""

    def __init__(self, file_url: str) -> None:
        self.payload = [p.replace("FILE_URL", file_url) for p in PAYLOAD]
        self.i = 0
        self.jumlah = 0

    def berikut(self) -> str:
        p = self.payload[self.i % len(self.payload)]
        self.i += 1
        return p

    def suntik(self, pohon: Any, model: type, path: Path) -> Any:
        """Each string leaf gets a payload unless the file then fails its schema."""
        tempat: list[tuple[Any, Any]] = []
        tumpukan = [pohon]
        while tumpukan:
            node = tumpukan.pop()
            for k in list(node) if isinstance(node, dict) else range(len(node)):
                if isinstance(node[k], dict | list):
                    tumpukan.append(node[k])
                elif isinstance(node[k], str) and k not in KUNCI_TETAP:
                    tempat.append((node, k))
        # Each place gets its payload in turn; the schema checks each field on its own, so the
        # places are tried together and a group that fails is halved (a file validated a few
        # times instead of once per string: the same tree, minutes less in the suite).
        kandidat = [(node, k, node[k], f"{node[k]} {self.berikut()}") for node, k in tempat]

        def coba(kelompok: list[tuple[Any, Any, str, str]]) -> None:
            for node, k, _, baru in kelompok:
                node[k] = baru
            try:
                validasi(model, pohon, path)
            except LkjipError:
                for node, k, asli, _ in kelompok:
                    node[k] = asli
                if len(kelompok) > 1:
                    tengah = len(kelompok) // 2
                    coba(kelompok[:tengah])
                    coba(kelompok[tengah:])
            else:
                self.jumlah += len(kelompok)

        if kandidat:
            coba(kandidat)
        return pohon


def _tulis(path: Path, pohon: Any) -> None:
    path.write_text(
        yaml.safe_dump(pohon, allow_unicode=True, sort_keys=False, width=10**9), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def laporan(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int]]:
    root = tmp_path_factory.mktemp("injeksi")
    rahasia = root / "rahasia.txt"
    rahasia.write_text(RAHASIA, encoding="utf-8")
    data = root / "data"
    shutil.copytree(DATA, data)
    penyuntik = _Penyuntik(rahasia.as_uri())
    folder = data / "satker" / SATKER
    berkas: list[tuple[Path, type]] = [(folder / "satker.yaml", Satker)]
    berkas += [(p, Katalog) for p in (data / "katalog").glob("*.yaml")]
    for tahun in ("2022", "2023"):
        for nama, model in BERKAS_TAHUN.items():
            if (folder / tahun / f"{nama}.yaml").is_file():
                berkas.append((folder / tahun / f"{nama}.yaml", model))
    for path, model in berkas:
        pohon = penyuntik.suntik(polos(baca_yaml(path)), model, path)
        if model is Satker:
            pohon["nama"] = NAMA_SATKER.replace("FILE_URL", rahasia.as_uri())
        _tulis(path, pohon)
    narasi = folder / "2023" / "narasi.yaml"
    pohon = polos(baca_yaml(narasi))
    pohon["latar_belakang"] += f"\n\nKata sangat panjang: {KATA_PANJANG} selesai."
    _tulis(narasi, pohon)
    kinerja = folder / "2023" / "kinerja.yaml"
    pohon = polos(baca_yaml(kinerja))
    tabel = next(i["tabel_pendukung"][0] for i in pohon["indikator"] if i.get("tabel_pendukung"))
    tabel["baris"][0][0] = f"Sel {KATA_PANJANG}"
    _tulis(kinerja, pohon)
    hasil = build(
        SATKER, 2023, data, root / "outputs", abaikan_pemeriksaan=True, progress=False, docx=False
    )
    yield hasil.folder, penyuntik.jumlah


def test_payload_menjangkau_banyak_field(laporan: tuple[Path, int]) -> None:
    folder, jumlah = laporan
    html = (folder / "laporan.html").read_text(encoding="utf-8")
    assert jumlah > 300, jumlah
    # the payloads arrive as text: names, narratives, table cells
    assert "xss-1" in html and "中文字符" in html and "😀" in html
    assert "Lapas Uji" in html


def _html_laporan(folder: Path) -> list[Path]:
    return [p for p in (folder / "laporan.html", folder / "tinjauan.html") if p.is_file()]


def test_html_tanpa_isi_aktif_atau_jauh(laporan: tuple[Path, int]) -> None:
    folder, _ = laporan
    for path in _html_laporan(folder):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        terlarang = soup.find_all(
            ["script", "iframe", "frame", "object", "embed", "link", "base", "form", "applet"]
        )
        assert not terlarang, [str(t)[:80] for t in terlarang]
        for meta in soup.find_all("meta"):
            assert (meta.get("http-equiv") or "").lower() in ("", "content-security-policy")
        for tag in soup.find_all(True):
            for nama, nilai in tag.attrs.items():
                teks = " ".join(nilai) if isinstance(nilai, list) else str(nilai)
                assert not nama.lower().startswith("on"), f"{tag.name}[{nama}]"
                if nama.lower() in ("href", "src", "srcset", "poster", "data", "action",
                                    "xlink:href", "background", "formaction"):  # fmt: skip
                    url = teks.strip().lower()
                    assert not url.startswith(("javascript:", "vbscript:", "file:")), url[:80]
                    if nama.lower() != "href" or tag.name != "a":
                        assert url.startswith(("data:image/", "#")) or not url, (tag.name, url)
                    else:
                        # fragments, text links, and links between the two documents
                        boleh = ("#", "http://", "https://", "mailto:", "laporan.html#",
                                 "tinjauan.html#")  # fmt: skip
                        assert url.startswith(boleh), url
        for gaya in [*soup.find_all("style"), *soup.find_all(style=True)]:
            css = gaya.get_text() if gaya.name == "style" else str(gaya["style"])
            for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", css, flags=re.I):
                assert url.strip().lower().startswith("data:"), url
            assert "@import" not in css.lower()


def test_chromium_tanpa_skrip_dialog_atau_permintaan(
    laporan: tuple[Path, int], tmp_path_factory: pytest.TempPathFactory
) -> None:
    test_browser = pytest.importorskip("test_browser")
    if test_browser.CHROMIUM is None:
        pytest.skip("Chromium tidak ditemukan (Debian: apt-get install chromium)")
    folder, _ = laporan
    peramban = test_browser.Peramban(test_browser.CHROMIUM, tmp_path_factory.mktemp("profil"))
    try:
        for path in _html_laporan(folder):
            hasil = peramban.buka(path.as_uri())
            keluar = [u for u in hasil["permintaan"] if not u.startswith(("data:", path.as_uri()))]
            assert keluar == [], f"{path.name}: permintaan keluar {keluar[:5]}"
            dialog = [p for p in peramban.peristiwa if p["method"].startswith("Page.javascript")]
            assert dialog == [], dialog[:3]
            assert hasil["galat"] == [], hasil["galat"][:5]
            assert peramban.nilai("typeof window.__xss") == "undefined"
            assert peramban.nilai("document.scripts.length") == 0
            assert (
                peramban.nilai(
                    "Array.from(document.querySelectorAll('*')).filter(e => "
                    "Array.from(e.attributes).some(a => /^on/i.test(a.name) || "
                    "/^\\s*(javascript|vbscript|file):/i.test(a.value))).length"
                )
                == 0
            )
            # the hostile satker name is in the title as plain text
            assert "Lapas Uji </style><a rel=attachment" in peramban.nilai("document.title")
    finally:
        peramban.tutup()


class _TeksPdf:
    """One pass over the PDF's text: each page's text and where each chunk was drawn."""

    def __init__(self, path: Path) -> None:
        self.reader = PdfReader(str(path))
        self.lebar = [float(h.mediabox.width) for h in self.reader.pages]
        self.halaman: list[str] = []
        self.potongan: list[list[tuple[str, float, str]]] = []
        for halaman in self.reader.pages:
            potongan: list[tuple[str, float, str]] = []

            def lihat(t: str, cm: Any, tm: Any, font: Any, ukuran: Any, p=potongan) -> None:
                if t.strip():
                    p.append((t, tm[4] * cm[0] + cm[4], str((font or {}).get("/BaseFont", ""))))

            self.halaman.append(halaman.extract_text(visitor_text=lihat) or "")
            self.potongan.append(potongan)


@pytest.fixture(scope="module")
def pdf(laporan: tuple[Path, int]) -> _TeksPdf:
    return _TeksPdf(laporan[0] / "laporan.pdf")


def test_pdf_tanpa_lampiran_dan_tautan_file(laporan: tuple[Path, int], pdf: _TeksPdf) -> None:
    folder, _ = laporan
    assert not any(RAHASIA in t for t in pdf.halaman)
    for path in (folder / "laporan.pdf", folder / "tinjauan.pdf"):
        if not path.is_file():
            continue
        reader = pdf.reader if path.name == "laporan.pdf" else PdfReader(str(path))
        isi = path.read_bytes()
        assert RAHASIA.encode() not in isi, path.name
        if path.name == "laporan.pdf":
            # PDF/A-3: exactly the report's own side files travel inside it, as built
            # (the hostile paths of the data never become attachments)
            lampiran = reader.attachments
            assert set(lampiran) == {"tabel.xlsx", "capaian_ikk.csv", "build.json"}
            for nama in ("tabel.xlsx", "capaian_ikk.csv"):
                assert lampiran[nama] == [(folder / nama).read_bytes()], nama
            assert all(RAHASIA.encode() not in b for v in lampiran.values() for b in v)
        else:
            assert reader.attachments == {} and b"/EmbeddedFile" not in isi, path.name
        assert b"/JavaScript" not in isi and b"/Launch" not in isi, path.name
        for halaman in reader.pages:
            for annot in halaman.get("/Annots") or []:
                annot = annot.get_object()
                assert annot.get("/Subtype") != "/FileAttachment", path.name
                aksi = annot.get("/A")
                if aksi is not None:
                    uri = str(aksi.get_object().get("/URI", ""))
                    assert not uri.lower().startswith(("file:", "javascript:")), uri


def test_pdf_cjk_emoji_dan_kata_panjang(pdf: _TeksPdf) -> None:
    """CJK and emoji are drawn with fonts that have them (Noto, installed by .ci/paket-sistem);
    digits never with the emoji font; the 28 000-character word wraps inside the page."""
    font = {f for p in pdf.potongan for _, _, f in p}
    if not any("Noto" in f for f in font):
        pytest.skip("fonts-noto-* tidak terpasang (.ci/paket-sistem memasangnya)")
    teks_font = [(t, f) for p in pdf.potongan for t, _, f in p]
    assert any("中文字符" in t and "CJK" in f for t, f in teks_font), "CJK font"
    assert any("😀" in t and "Emoji" in f for t, f in teks_font), "emoji font"
    angka_emoji = [t for t, f in teks_font if re.search(r"\d", t) and "Emoji" in f]
    assert angka_emoji == [], angka_emoji[:5]
    baris = sum(1 for h in pdf.halaman for b in h.splitlines() if "PanjangPanjang" in b)
    assert baris >= 40, "the long word is wrapped over many lines (narrative and table cell)"
    keluar = [
        (x, t[:20])
        for p, lebar in zip(pdf.potongan, pdf.lebar, strict=True)
        for t, x, _ in p
        if "Panjang" in t and (x < 0 or x > lebar)
    ]
    assert keluar == [], keluar[:3]


def test_pdf_sel_tabel_dengan_kata_panjang_tetap_di_halaman(pdf: _TeksPdf) -> None:
    """The table with the long word is no wider than the page (its text is not cut off)."""
    for teks, potongan, lebar in zip(pdf.halaman, pdf.potongan, pdf.lebar, strict=True):
        if not re.search(r"Sel\s+Panjang", teks):
            continue
        assert max(x for _, x, _ in potongan) < lebar * 0.9
        assert sum(1 for b in teks.splitlines() if "PanjangPanjang" in b) >= 10
        return
    pytest.fail("the table cell with the long word was not found in the PDF")


def test_build_json_tercatat(laporan: tuple[Path, int]) -> None:
    folder, _ = laporan
    rec = json.loads((folder / "build.json").read_text(encoding="utf-8"))
    assert rec["parameters"]["abaikan_pemeriksaan"] is True and rec["pdf_skipped"] is None
