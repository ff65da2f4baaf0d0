"""laporan.pdf printed chapter by chapter (keluaran/cetak_bab.py): the cut of the print HTML,
and a small report printed whole and per chapter giving the same pages, the same contents
page numbers, the same archive (PDF/A-3b, tagged, embedded file, links); an edited chapter is
the only one laid out again."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from lkjip_helpers.keluaran.cetak_bab import potong

KEPALA = '<!DOCTYPE html><html lang="id"><head><title>uji</title><style>p{margin:0}</style></head>'


def _html(depan: str, bab: list[str]) -> str:
    isi = "".join(
        f'<div class="sel-teks">\n<h1 class="bab" id="bab{i}">{b}' for i, b in enumerate(bab)
    )
    return f'{KEPALA}<body><main class="laporan"><div class="lkjip">{depan}</div>{isi}</main>\n</body></html>'


def test_potong_dua_judul_bab_dalam_satu_blok() -> None:
    html = f'{KEPALA}<body><main><div><h1 class="bab">I</h1><p>a</p><h1 class="bab">II</h1></div></main></body></html>'
    p = potong(html)
    assert p is not None and p.depan == ""
    assert p.bab == ['<h1 class="bab">I</h1><p>a</p>', '<h1 class="bab">II</h1>']
    assert p.akhir == "</div></main></body></html>"


def test_potong_di_setiap_bab() -> None:
    # each chapter: its div.sel-teks up to the next one; the front matter: everything of
    # main before the first chapter; the rest (main's end) closes every part
    html = _html("<p>sampul</p>", ["BAB I</h1><p>a</p></div>", "BAB II</h1></div><p>b</p>"])
    p = potong(html)
    assert p is not None
    # the container and its ancestors are marked (their edges go at a cut)
    assert p.awal == KEPALA.replace("<html", "<html data-lkjip-potong") + (
        '<body data-lkjip-potong><main data-lkjip-potong class="laporan">'
    )
    assert p.depan == '<div class="lkjip"><p>sampul</p></div>'
    assert p.bab == [
        '<div class="sel-teks">\n<h1 class="bab" id="bab0">BAB I</h1><p>a</p></div>',
        '<div class="sel-teks">\n<h1 class="bab" id="bab1">BAB II</h1></div><p>b</p>',
    ]
    assert p.akhir == "</main>\n</body></html>"
    utuh = p.awal + p.depan + "".join(p.bab) + p.akhir
    assert utuh.replace(" data-lkjip-potong", "") == html


_DUA_BAB = '<div><h1 class="bab">II</h1></div></main></body></html>'


@pytest.mark.parametrize(
    "html",
    [
        _html("<p>x</p>", []),  # no chapter
        # text or an image before a chapter's heading in its block: cut there, it would move
        # from the end of the previous chapter's last page to the top of the chapter's first
        f'{KEPALA}<body><main><div><p>lead</p><h1 class="bab">I</h1></div>{_DUA_BAB}',
        f'{KEPALA}<body><main><div><img src="data:image/png;base64,"><h1 class="bab">I</h1>'
        f"</div>{_DUA_BAB}",
        # text after the chapters' container would be printed with every part
        f'{KEPALA}<body><main><div><h1 class="bab">I</h1></div><div><h1 class="bab">II</h1></div>'
        "</main><p>kaki</p></body></html>",
    ],
)
def test_tidak_dipotong_bila_tidak_bersih(html: str) -> None:
    assert potong(html) is None


def _laporan(judul_bab1: str = "Pendahuluan", isi_bab1: str = "<p>Isi satu.</p>") -> str:
    """A small report: a cover (no footer), a contents list with page numbers
    (target-counter), three chapters, the second two pages long, with a link to the third."""
    panjang = "".join(f"<p>Paragraf {i} " + "kata " * 60 + "</p>" for i in range(14))
    depan = (
        '<section class="sampul"><p>SAMPUL</p></section>'
        '<section class="daftar daftar-isi"><h1 class="daftar-judul" id="daftar-isi-judul">'
        "DAFTAR ISI</h1><ol>"
        '<li><a href="#bab-1">BAB I</a></li><li><a href="#bab-2">BAB II</a></li>'
        '<li><a href="#sub-2b">B. Lanjutan</a></li><li><a href="#bab-3">BAB III</a></li>'
        "</ol></section>"
    )
    bab = [
        f'<div class="sel-teks"><h1 class="bab" id="bab-1">BAB I {judul_bab1}</h1>{isi_bab1}</div>',
        f'<div class="sel-teks"><h1 class="bab" id="bab-2">BAB II Dua</h1>{panjang}'
        '<h2 id="sub-2b">B. Lanjutan</h2><p>Lihat <a href="#bab-3">Bab III</a>.</p></div>',
        '<div class="sel-teks"><h1 class="bab" id="bab-3">BAB III Tiga</h1><p>Akhir.</p></div>',
    ]
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>x</title></head>'
        f'<body><main class="laporan"><div class="lkjip">{depan}</div>{"".join(bab)}</main>'
        "</body></html>"
    )


def _cetak(html: str, tujuan: Path, tembolok: Path | None) -> None:
    from lkjip_helpers.keluaran.pdf import BerkasTertanam, MetadataPdf, tulis_pdf

    tulis_pdf(
        html,
        tujuan,
        "LKjIP 2023 — Uji",
        arsip=True,
        tertanam=[BerkasTertanam("capaian_ikk.csv", b"kode;capaian\nSK1.1;152,40\n", "Capaian")],
        metadata=MetadataPdf("LKjIP 2023", "Lapas Uji", "Laporan Kinerja"),
        tembolok=tembolok,
    )


def _catat_tata(monkeypatch: pytest.MonkeyPatch, catatan: Path) -> None:
    """Record every layout (``_Pencetak.tata``) as (process id, start of the part) in
    ``catatan``, also those of forked children (read back by :func:`_baca_tata`)."""
    import os

    from lkjip_helpers.keluaran import cetak_bab

    asli = cetak_bab._Pencetak.tata

    def tata(self: object, tubuh: str, akhir: str, tambahan: str = "") -> object:
        with catatan.open("a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\t{tubuh[:80]}\n")
        return asli(self, tubuh, akhir, tambahan)  # type: ignore[arg-type]

    monkeypatch.setattr(cetak_bab._Pencetak, "tata", tata)


def _baca_tata(catatan: Path) -> list[tuple[int, str]]:
    """The layouts recorded by :func:`_catat_tata` since the last read (the file emptied)."""
    if not catatan.is_file():
        return []
    baris = catatan.read_text(encoding="utf-8").splitlines()
    catatan.unlink()
    return [(int(b.split("\t", 1)[0]), b.split("\t", 1)[1]) for b in baris]


def _halaman(path: Path) -> list[list[str]]:
    from pypdf import PdfReader

    return [
        [" ".join(b.split()) for b in p.extract_text().splitlines() if b.strip()]
        for p in PdfReader(path).pages
    ]


@pytest.mark.e2e
def test_cetak_per_bab_sama_dengan_cetak_utuh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("weasyprint")

    utuh, per_bab, tembolok = tmp_path / "utuh.pdf", tmp_path / "bab.pdf", tmp_path / "tembolok"
    _cetak(_laporan(), utuh, None)
    _cetak(_laporan(), per_bab, tembolok)
    hal = _halaman(per_bab)
    assert hal == _halaman(utuh)
    # cover, contents, BAB I, BAB II (2 pages), BAB III: the contents' numbers, by hand
    assert len(hal) == 6
    assert not any("Halaman" in b for b in hal[0])  # the cover has no footer
    for entri, nomor in (("BAB I", 3), ("BAB II", 4), ("B. Lanjutan", 5), ("BAB III", 6)):
        assert any(b.startswith(entri) and b.endswith(f" {nomor}") for b in hal[1]), (entri, hal[1])
    assert hal[4][-1] == "Halaman 5 dari 6" and hal[5][-1] == "Halaman 6 dari 6"

    r = pypdf.PdfReader(per_bab)
    assert (r.xmp_metadata.pdfaid_part, r.xmp_metadata.pdfaid_conformance) == ("3", "B")
    assert r.metadata.title == "LKjIP 2023" and r.trailer["/Root"]["/Lang"] == "id"
    assert r.trailer["/Root"]["/MarkInfo"]["/Marked"]
    assert {k: v[0] for k, v in r.attachments.items()} == {
        "capaian_ikk.csv": b"kode;capaian\nSK1.1;152,40\n"
    }
    # the chapters' tags hang under the front matter's Document element; every page's
    # marked content is in the parent tree
    dok = r.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()
    assert [k.get_object()["/S"] for k in dok["/K"]] == [
        k.get_object()["/S"]
        for k in pypdf.PdfReader(utuh).trailer["/Root"]["/StructTreeRoot"]["/K"][0]["/K"]
    ]
    nums = r.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    kunci = {int(nums[i]) for i in range(0, len(nums), 2)}
    assert {int(p["/StructParents"]) for p in r.pages} <= kunci
    # the contents' links and the link between chapters land on their pages
    tujuan = {n: r.get_destination_page_number(d) for n, d in r.named_destinations.items()}
    assert {n: tujuan[n] for n in ("bab-1", "bab-2", "sub-2b", "bab-3")} == {
        "bab-1": 2, "bab-2": 3, "sub-2b": 4, "bab-3": 5
    }  # fmt: skip
    tautan = [a.get_object().get("/Dest") for a in r.pages[4].get("/Annots", [])]
    assert "bab-3" in tautan
    assert [o.title for o in r.outline if not isinstance(o, list)] == [
        o.title for o in pypdf.PdfReader(utuh).outline if not isinstance(o, list)
    ]

    # Bab I edited: only its part is laid out again (in a forked child where this process
    # forks: it lays out its own share there); the result is the whole print's
    from lkjip_helpers.keluaran.cetak_terpisah import bisa_bercabang

    catatan = tmp_path / "tata.log"
    _catat_tata(monkeypatch, catatan)
    _cetak(_laporan("Latar Baru"), per_bab, tembolok)
    # the page numbers did not move: the front matter and the footers come from the cache
    dicetak = _baca_tata(catatan)
    assert len(dicetak) == 1 and "BAB I Latar Baru" in dicetak[0][1]
    assert (dicetak[0][0] != os.getpid()) == bisa_bercabang()
    # ... they do when Bab I grows by a page: the chapter, the front matter, the footers
    # (these two laid out here once the chapter's pages are known)
    panjang = ("Panjang", "<p>" + "kata " * 800 + "</p>")
    _cetak(_laporan(*panjang), per_bab, tembolok)
    dicetak = _baca_tata(catatan)
    assert [t[:49] for _, t in dicetak] == [
        '<div class="sel-teks"><h1 class="bab" id="bab-1">',
        '<div class="lkjip"><section class="sampul"><p>SAM',
        '<div class="hal-kaki" data-hal="3"></div><div cla',
    ]
    assert [pid == os.getpid() for pid, _ in dicetak] == [not bisa_bercabang(), True, True]
    # the chapter's pages were told before its PDF was written; nothing of that is left
    assert not list(tembolok.glob("*.tata.json")) and not list(tembolok.glob(".tugas-*"))
    monkeypatch.undo()
    _cetak(_laporan(*panjang), utuh, None)
    hal = _halaman(per_bab)
    assert hal == _halaman(utuh) and len(hal) == 7
    assert any(b.startswith("BAB III") and b.endswith(" 7") for b in hal[1])
    # the cache holds what the last print used: 3 chapters, the front matter, the footers
    assert len(list(tembolok.glob("*.pdf"))) == 5


@pytest.mark.e2e
@pytest.mark.parametrize("cabang", [True, False], ids=["fork", "interpreter-baru"])
def test_bab_dibagi_dengan_proses_kedua(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cabang: bool
) -> None:
    # a cold print shares the chapters with a child process (here from the first character
    # on), forked or a fresh interpreter: the child's chapters land in the cache, the pages
    # are the whole print's
    pytest.importorskip("weasyprint")
    from lkjip_helpers.keluaran import cetak_bab, cetak_terpisah

    if not cabang:
        monkeypatch.setenv("LKJIP_TANPA_CABANG", "1")
    elif not cetak_terpisah.bisa_bercabang():
        pytest.skip("children are forked on Linux only")

    monkeypatch.setattr(cetak_bab, "BAGI_MULAI", 0)
    monkeypatch.setattr(cetak_bab.os, "cpu_count", lambda: 2)
    sendiri, lain = cetak_bab._bagi([("a" * 5, ""), ("b" * 3, ""), ("c" * 3, "")])
    assert (sendiri, lain) == ([("a" * 5, "")], [("b" * 3, ""), ("c" * 3, "")])

    catatan = tmp_path / "tata.log"
    _catat_tata(monkeypatch, catatan)
    utuh, per_bab, tembolok = tmp_path / "utuh.pdf", tmp_path / "bab.pdf", tmp_path / "tembolok"
    _cetak(_laporan(), per_bab, tembolok)
    dicetak = _baca_tata(catatan)
    bab = {m.group(1): pid for pid, t in dicetak if (m := re.search(r'id="(bab-\d)"', t))}
    if cabang:
        # forked: BAB II (the largest) in one child, BAB I and BAB III in another (a fresh
        # interpreter's layouts are not recorded: this process laid out BAB II itself)
        assert set(bab) == {"bab-1", "bab-2", "bab-3"} and os.getpid() not in bab.values()
        assert bab["bab-1"] == bab["bab-3"] != bab["bab-2"]
    else:
        assert bab == {"bab-2": os.getpid()}
    # the footers, once every chapter's pages are known: here
    assert [pid for pid, t in dicetak if "hal-kaki" in t] == [os.getpid()]
    assert len(list(tembolok.glob("*.pdf"))) == 5 and not list(tembolok.glob(".tugas-*"))
    monkeypatch.undo()
    _cetak(_laporan(), utuh, None)
    assert _halaman(per_bab) == _halaman(utuh)


@pytest.mark.e2e
def test_gambar_gagal_di_bab_menghentikan_pdf(tmp_path: Path) -> None:
    # an embedded picture WeasyPrint cannot load, in a chapter laid out by a child (forked
    # on Linux: this process's share goes there too), stops the PDF with the message of the
    # whole print; nothing of that chapter is kept, neither its pages nor a PDF
    import base64
    import struct
    import zlib

    pytest.importorskip("weasyprint")
    from lkjip_helpers.errors import OutputError

    def potong(jenis: bytes, isi: bytes) -> bytes:
        return (
            struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))
        )

    bom = b"\x89PNG\r\n\x1a\n" + potong(
        b"IHDR", struct.pack(">IIBBBBB", 20000, 20000, 8, 0, 0, 0, 0)
    )
    bom += potong(b"IEND", b"")
    gambar = f'<p><img alt="bom" src="data:image/png;base64,{base64.b64encode(bom).decode()}"></p>'
    tujuan, tembolok = tmp_path / "bab.pdf", tmp_path / "tembolok"
    with pytest.raises(OutputError, match="1 gambar tidak dapat dimuat ke PDF"):
        _cetak(_laporan("Gambar", gambar), tujuan, tembolok)
    assert not tujuan.exists()
    assert not list(tembolok.glob("*.tata.json")) and not list(tembolok.glob(".tugas-*"))
    # the other chapters were kept; Bab I (with the picture) was not
    kept = [json.loads(p.read_text(encoding="utf-8")) for p in tembolok.glob("*.json")]
    assert len(kept) == 2
