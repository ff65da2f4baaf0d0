"""Print the report's PDF chapter by chapter, laying out only the parts that changed.

WeasyPrint lays out a whole document at once: one edited paragraph costs the layout of every
page. Here the print HTML (a complete document, as :func:`.pdf.tulis_pdf` prepares it) is cut
at its chapters (``h1.bab``, which start on a new page) into documents of their own, laid out
with the document's stylesheets (parsed once) and kept in a cache folder, each keyed by what
decides its pages (its HTML, the stylesheets, WeasyPrint's version), with its page count, the
page of every anchor (``id``) in it and the link targets it points to in other parts:

* each chapter, without its page-number footer. The chapters to lay out are split by size
  between two processes (one only when they are few or the machine has one core). Where
  this process can fork (:func:`.cetak_terpisah.bisa_bercabang`) its own share goes to a
  forked child too, which reports each chapter's pages and anchors (``<key>.tata.json``)
  as soon as it is laid out: the front matter and the footers are laid out here while that
  child still writes its PDF, and the layout's garbage ends with the child;
* the front matter (cover, letter, foreword, the lists of contents, tables and figures) —
  the contents pass: the lists' page numbers, which ``target-counter()`` finds inside one
  document, are written in from the chapters' anchors and the front matter's own length
  (the same numbers: the chapters start on a new page, so their pages do not depend on what
  comes before them). It is the PDF/A-3b document the others are merged into (metadata,
  structure root);
* the footers ("Halaman X dari Y") of the chapters' pages: one document of empty pages,
  stamped onto them as artifacts (page furniture, outside the structure tree).

An edited chapter whose length is unchanged thus costs its own layout and the merge; the front
matter and the footers are laid out again only when pages moved. pikepdf merges the pages:
the chapters' structure elements (tags) go under the front matter's ``Document`` element, and
their outlines and named destinations (where the contents' links point) come along; the
embedded files are added there, as WeasyPrint writes them (so that the front matter is reused
although the run record it carries changed).

A document without chapters, or whose chapters cannot be cut cleanly (printed content before
a chapter heading in its block, or beside the chapters' container), is printed whole
(:func:`cetak_per_bab` returns False).
"""

from __future__ import annotations

import contextlib
import hashlib
import html as html_mod
import io
import json
import os
import re
import time
import warnings
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..sampah import dibekukan
from .cetak_terpisah import AnakCetak, bisa_bercabang, jalankan_anak

_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip

TANPA_KAKI = "\n@page { @bottom-center { content: none; } }\n"
"""Chapters are laid out without the footer: it holds the page number, stamped later."""


@dataclass(frozen=True)
class Potongan:
    """The print HTML cut at its chapters: ``awal`` + part + ``akhir`` is a document."""

    awal: str
    depan: str
    bab: list[str]
    akhir: str


class _Pengurai(HTMLParser):
    """Start/end offsets of elements and the ancestors of every ``h1.bab``."""

    def __init__(self, teks: str) -> None:
        super().__init__(convert_charrefs=False)
        self.baris = [0]
        for m in re.finditer("\n", teks):
            self.baris.append(m.end())
        self.tumpukan: list[list[Any]] = []  # [tag, start, end_of_start_tag]
        self.bab: list[list[list[Any]]] = []  # per h1.bab: the stack of elements (shared)
        self.akhir_elemen: dict[int, int] = {}  # start offset -> offset after its end tag

    def _pos(self) -> int:
        baris, kolom = self.getpos()
        return self.baris[baris - 1] + kolom

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        mulai = self._pos()
        akhir_tag = mulai + len(self.get_starttag_text() or "")
        if tag in _VOID:
            return
        elemen = [tag, mulai, akhir_tag]
        self.tumpukan.append(elemen)
        kelas = (dict(attrs).get("class") or "").split()
        if tag == "h1" and "bab" in kelas:
            self.bab.append(list(self.tumpukan))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        return

    def handle_endtag(self, tag: str) -> None:
        pos = self._pos()
        for i in range(len(self.tumpukan) - 1, -1, -1):
            if self.tumpukan[i][0] == tag:
                for el in self.tumpukan[i:]:
                    self.akhir_elemen[el[1]] = pos  # before its end tag
                del self.tumpukan[i:]
                return


_TAG_BERISI = re.compile(r"<(img|svg|hr|table|canvas|video|object|iframe|input|embed)\b", re.I)


def _tanpa_isi(potongan: str) -> bool:
    """Whether ``potongan`` holds only tags and white space (no text, no image, rule or
    table to print)."""
    return re.sub(r"<[^>]*>", "", potongan).strip() == "" and not _TAG_BERISI.search(potongan)


def potong(html: str) -> Potongan | None:
    """Cut ``html`` at its chapters, or None when it cannot be cut cleanly (see module)."""
    p = _Pengurai(html)
    p.feed(html)
    p.close()
    if not p.bab:
        return None
    # the deepest element holding every chapter heading
    umum = 0
    while all(len(s) > umum + 1 for s in p.bab) and len({id(s[umum]) for s in p.bab}) == 1:
        umum += 1
    if umum == 0:
        return None
    wadah = p.bab[0][umum - 1]
    anak = [s[umum] for s in p.bab]
    if len({id(a) for a in anak}) != len(anak):
        return None  # two chapter headings in one child
    mulai_bab = [a[1] for a in anak]
    for a, s in zip(anak, p.bab, strict=True):
        h1 = s[-1]
        if not _tanpa_isi(html[a[2] : h1[1]]):
            return None  # something printed before the chapter heading
    akhir_wadah = p.akhir_elemen.get(wadah[1])
    if akhir_wadah is None:
        return None
    awal, akhir = html[: wadah[2]], html[akhir_wadah:]
    tubuh = awal.lower().find("<body")
    if tubuh < 0 or not _tanpa_isi(awal[tubuh:]) or not _tanpa_isi(akhir.split("</body", 1)[0]):
        return None  # printed content beside the chapters' container (in every part)
    # the container and its ancestors are marked (TEPI_*): at a cut, their top or bottom
    # margin, border and padding go, as at a page break inside them
    for tag, mulai, _ in reversed(p.bab[0][:umum]):
        posisi = mulai + 1 + len(tag)
        awal = awal[:posisi] + f" {PENANDA}" + awal[posisi:]
    batas = [*mulai_bab, akhir_wadah]
    bab = [html[batas[i] : batas[i + 1]] for i in range(len(mulai_bab))]
    return Potongan(awal, html[wadah[2] : mulai_bab[0]], bab, akhir)


PENANDA = "data-lkjip-potong"
"""Attribute marking the chapters' container and its ancestors in the parts."""
TEPI_ATAS = (
    f"\n[{PENANDA}] {{ margin-top: 0 !important; padding-top: 0 !important; "
    "border-top-width: 0 !important; }\n"
)
"""A part that starts at a cut (a chapter) starts as after the page break before it in the
whole document: the enclosing elements' top edges are not repeated (only the chapter's own
margin, preserved after a forced break)."""
TEPI_BAWAH = (
    f"\n[{PENANDA}] {{ margin-bottom: 0 !important; padding-bottom: 0 !important; "
    "border-bottom-width: 0 !important; }\n"
)
"""A part that ends at a cut (all but the last) ends without the enclosing elements'
bottom edges (in the whole document they come after the last chapter only)."""


_GAYA = re.compile(r"<style\b([^>]*)>(.*?)</style\s*>\s*", re.I | re.S)
_MEDIA = re.compile(r"""\bmedia\s*=\s*["']?([^"'>]*)""", re.I)


class _Pencetak:
    """Lays out the parts with the document's stylesheets parsed once: the ``<style>``
    blocks of the head (in their order; a block for another medium than print skipped)
    become WeasyPrint ``CSS`` objects shared by every part, with one font configuration.
    (They then rank as user style sheets: below the document's inline ``style``
    attributes, as rules of a style sheet do anyway.)"""

    def __init__(self, weasyprint: Any, awal: str, pengambil: Any) -> None:
        from weasyprint.text.fonts import FontConfiguration

        self.weasyprint = weasyprint
        self.pengambil = pengambil
        self.kabar = False
        """Whether each part's pages and anchors are put in the cache as soon as it is laid
        out, before its PDF is written (a child whose parent waits for them)."""
        self.huruf = FontConfiguration()
        self.teks_gaya: list[str] = []
        for m in _GAYA.finditer(awal):
            media = _MEDIA.search(m.group(1))
            jenis = {x.strip().lower() for x in media.group(1).split(",")} if media else set()
            if not jenis or jenis & {"print", "all"}:
                self.teks_gaya.append(m.group(2))
        self.awal = _GAYA.sub("", awal)
        self.gaya = [self._css(t) for t in self.teks_gaya]
        self.sidik_gaya = hashlib.sha256("\0".join(self.teks_gaya).encode()).hexdigest()

    def _css(self, teks: str) -> Any:
        return self.weasyprint.CSS(
            string=teks, url_fetcher=self.pengambil, font_config=self.huruf, media_type="print"
        )

    def tata(self, tubuh: str, akhir: str, tambahan: str = "") -> Any:
        """Lay out ``self.awal + tubuh + akhir`` with the shared sheets and ``tambahan`` CSS
        after them (overriding them)."""
        gaya = [*self.gaya, self._css(tambahan)] if tambahan else self.gaya
        return self.weasyprint.HTML(
            string=self.awal + tubuh + akhir, base_url=None, url_fetcher=self.pengambil
        ).render(stylesheets=gaya, font_config=self.huruf)


def _jangkar_tamu(dok: Any) -> set[str]:
    """Internal link targets of ``dok`` that are not in it (in another part): WeasyPrint
    drops such a link, so an anchor is put on the last page for each; the merge points the
    name at the part holding it."""
    ada = {n for h in dok.pages for n in h.anchors}
    tamu = {link[1] for h in dok.pages for link in h.links if link[0] == "internal"} - ada
    for nama in tamu:
        dok.pages[-1].anchors[nama] = (0, 0, 0, 0)
    return tamu


def _kaki(total: int) -> str:
    from .pdf import string_css

    return (
        '\n@page { @bottom-center { content: "Halaman " counter(page) " dari " '
        f"{string_css(str(total))}; }} }}\n"
    )


_TAUTAN_DAFTAR = re.compile(r'<a\b([^>]*?)\bhref="#([^"]+)"')


def _isi_nomor(depan: str, nomor: dict[str, int]) -> str:
    """The front matter with ``data-hal`` (the page number) on every link to a chapter."""

    def ganti(m: re.Match[str]) -> str:
        nama = html_mod.unescape(m.group(2))
        if nama not in nomor:
            return m.group(0)
        return f'<a{m.group(1)}data-hal="{nomor[nama]}" href="#{m.group(2)}"'

    return _TAUTAN_DAFTAR.sub(ganti, depan)


GAYA_DAFTAR = '\nsection.daftar a[data-hal]::after { content: leader(".") attr(data-hal); }\n'
"""The contents' page numbers of chapter entries, written in (cetak.css: target-counter)."""


@dataclass
class _Bagian:
    """A part laid out and written: its PDF, page count, the page (0-based) of each of its
    anchors and the link targets it points to in other parts."""

    pdf: bytes
    halaman: int
    jangkar: dict[str, int]
    tamu: set[str]


def _kunci(pencetak: _Pencetak, tubuh: str, akhir: str, tambahan: str, opsi: dict[str, Any]) -> str:
    """The cache key of a part: everything that decides its pages."""
    return hashlib.sha256(
        "\0".join(
            [
                pencetak.weasyprint.__version__,
                repr(sorted(opsi.items())),
                pencetak.sidik_gaya,
                tambahan,
                pencetak.awal,
                tubuh,
                akhir,
            ]
        ).encode()
    ).hexdigest()


def _cetak_bagian(
    pencetak: _Pencetak,
    tubuh: str,
    akhir: str,
    tambahan: str,
    opsi: dict[str, Any],
    tembolok: Path,
    dipakai: set[str],
    harap_halaman: int | None = None,
) -> _Bagian:
    """One part's PDF (laid out as :meth:`_Pencetak.tata`): from the cache, else laid out
    and kept there; its key goes into ``dipakai``. With ``harap_halaman``, a layout of
    another length is not written (returned without PDF: the caller lays out again). With
    ``pencetak.kabar``, its pages and anchors are put in the cache (``<key>.tata.json``) as
    soon as it is laid out, before its PDF is written (:meth:`_CetakBagian.tata`)."""
    kunci = _kunci(pencetak, tubuh, akhir, tambahan, opsi)
    dipakai.add(kunci)
    berkas, meta = tembolok / f"{kunci}.pdf", tembolok / f"{kunci}.json"
    bagian = _baca_bagian(meta, berkas)
    if bagian is not None:
        return bagian
    import logging

    from .pdf import _GambarGagal, padatkan

    pencatat, gagal = logging.getLogger("weasyprint"), _GambarGagal()
    pencatat.addHandler(gagal)  # a part with an image that failed is not kept
    try:
        dok = pencetak.tata(tubuh, akhir, tambahan)
        if harap_halaman is not None and len(dok.pages) != harap_halaman:
            return _Bagian(b"", len(dok.pages), {}, set())
        jangkar: dict[str, int] = {}
        for i, hal in enumerate(dok.pages):
            for nama in hal.anchors:
                jangkar.setdefault(nama, i)
        tamu = _jangkar_tamu(dok)
        info = {"halaman": len(dok.pages), "jangkar": jangkar, "tamu": sorted(tamu)}
        if pencetak.kabar and not gagal.sebab:
            _tulis_atomik(tembolok / f"{kunci}{_TATA}", json.dumps(info).encode("utf-8"))
        pdf = io.BytesIO()
        padatkan(dok.write_pdf(**opsi, uncompressed_pdf=True), pdf)
        bagian = _Bagian(pdf.getvalue(), len(dok.pages), jangkar, tamu)
    finally:
        pencatat.removeHandler(gagal)
    if gagal.sebab:
        return bagian
    tembolok.mkdir(parents=True, exist_ok=True)
    _tulis_atomik(berkas, bagian.pdf)
    _tulis_atomik(meta, json.dumps(info).encode("utf-8"))
    (tembolok / f"{kunci}{_TATA}").unlink(missing_ok=True)  # superseded by ``meta``
    return bagian


_TATA = ".tata.json"
"""The suffix of a part's pages and anchors written before its PDF (``kabar``); removed once
the part is in the cache (a print stopped meanwhile leaves it to :func:`_buang_usang`)."""


def _baca_bagian(meta: Path, berkas: Path | None) -> _Bagian | None:
    """A part from the cache (``meta``: its JSON; ``berkas``: its PDF, or None for its pages
    and anchors alone), or None when it is not there (yet)."""
    try:
        info = json.loads(meta.read_text(encoding="utf-8"))
        pdf = berkas.read_bytes() if berkas is not None else b""
        return _Bagian(pdf, info["halaman"], info["jangkar"], set(info["tamu"]))
    except (OSError, ValueError, KeyError):
        return None


def _tulis_atomik(path: Path, isi: bytes) -> None:
    sementara = path.with_name(f".{path.name}.{os.getpid()}")
    sementara.write_bytes(isi)
    os.replace(sementara, path)


@dataclass
class _Cetakan:
    """One print of the document: its printer, its cut, the parts' PDF options, the cache
    folder and the keys of the parts this print uses (:func:`_buang_usang` keeps those)."""

    pencetak: _Pencetak
    potongan: Potongan
    opsi: dict[str, Any]
    tembolok: Path
    dipakai: set[str] = field(default_factory=set)

    def kunci(self, tubuh: str, tambahan: str) -> str:
        return _kunci(self.pencetak, tubuh, self.potongan.akhir, tambahan, self.opsi)

    def bagian(
        self, tubuh: str, tambahan: str, opsi: dict[str, Any] | None = None, **kw: Any
    ) -> _Bagian:
        """The part ``tubuh`` (:func:`_cetak_bagian`), its key counted as used."""
        return _cetak_bagian(
            self.pencetak, tubuh, self.potongan.akhir, tambahan,
            self.opsi if opsi is None else opsi, self.tembolok, self.dipakai, **kw,
        )  # fmt: skip


def cetak_per_bab(
    weasyprint: Any,
    html_cetak: str,
    tujuan: Path,
    pengambil: Any,
    opsi_arsip: dict[str, Any],
    tembolok: Path,
    tertanam: list[Any] | None = None,
) -> bool:
    """Print ``html_cetak`` to ``tujuan`` chapter by chapter (see module); False when the
    document cannot be cut (nothing written then). ``opsi_arsip``: WeasyPrint's PDF options
    of the whole document (variant, tags, identifier); ``tertanam``: the files to embed
    (:class:`.pdf.BerkasTertanam`), added at the merge: every part is laid out without
    them, so that an unchanged front matter is reused although the run record it carries
    changed."""
    potongan = potong(html_cetak)
    if potongan is None:
        return False
    c = _Cetakan(
        _Pencetak(weasyprint, potongan.awal, pengambil),
        potongan,
        {k: v for k, v in opsi_arsip.items() if k in ("pdf_variant", "pdf_tags")},
        tembolok,
    )
    terakhir = len(potongan.bab) - 1
    tugas = [
        (isi, TANPA_KAKI + TEPI_ATAS + (TEPI_BAWAH if i < terakhir else ""))
        for i, isi in enumerate(potongan.bab)
    ]
    depan, kaki = _tata_semua(c, tugas, tujuan)
    if depan is None or kaki is None:  # pragma: no cover - the front matter's length does
        return False  # not settle
    bab = [c.bagian(isi, tambahan) for isi, tambahan in tugas]
    _buang_usang(tembolok, c.dipakai)
    gabung([depan, *bab], kaki.pdf, tujuan, opsi_arsip.get("pdf_identifier"), tertanam or [])
    return True


def _tata_semua(
    c: _Cetakan, tugas: list[tuple[str, str]], tujuan: Path
) -> tuple[_Bagian | None, _Bagian | None]:
    """Lay out the chapters not in the cache (shared with child processes), then the front
    matter and the footers (:func:`_cetak_depan_kaki`)."""
    baru = [t for t in tugas if not (c.tembolok / f"{c.kunci(*t)}.json").is_file()]
    sendiri, ke_anak = _bagi(baru)
    # Cold (no length of the front matter kept): the child, which has less to lay out, also
    # measures the front matter (numbers stand in), so the contents pass lays it out once.
    uji = None if (c.tembolok / _DEPAN).is_file() else _uji_depan(c.potongan)
    anak = _CetakBagian(c, ke_anak, uji) if ke_anak else None
    # Forked, this process's share goes to a child too: the garbage of its layout ends with
    # that child (no cyclic collection of it here), and the child tells each part's pages
    # before writing its PDF, so that the contents pass and the footers run meanwhile.
    lain = None
    try:
        if sendiri and bisa_bercabang():
            lain = _CetakBagian(c, sendiri, kabar=True)
        else:
            for isi, tambahan in sendiri:
                c.bagian(isi, tambahan)
        if anak is not None:
            anak.tunggu(tujuan)
        bab = [_tata_bagian(c, lain, isi, tambahan, tujuan) for isi, tambahan in tugas]
        hasil = _cetak_depan_kaki(c, bab)
        if lain is not None:
            lain.tunggu(tujuan)
        return hasil
    finally:
        for a in (anak, lain):
            if a is not None:
                a.hentikan()


def _tata_bagian(
    c: _Cetakan, lain: _CetakBagian | None, tubuh: str, tambahan: str, tujuan: Path
) -> _Bagian:
    """A chapter's pages and anchors (its PDF too, when written already): from the cache,
    as soon as ``lain`` has laid it out when that child has it to do, else laid out here."""
    if lain is not None:
        bagian = lain.tata(c.kunci(tubuh, tambahan), tujuan)
        if bagian is not None:
            return bagian
    return c.bagian(tubuh, tambahan)


def _cetak_depan_kaki(c: _Cetakan, bab: list[_Bagian]) -> tuple[_Bagian | None, _Bagian | None]:
    """The front matter (the contents pass, :func:`_cetak_depan`) and the footers of the
    chapters' pages, from the chapters' page counts and anchors; (None, None) when the front
    matter's length does not settle."""
    depan = _cetak_depan(c, bab)
    if depan is None:  # pragma: no cover - the front matter's length does not settle
        return None, None
    total = depan.halaman + sum(b.halaman for b in bab)
    kaki = c.bagian(
        "".join(
            f'<div class="hal-kaki" data-hal="{n}"></div>'
            for n in range(depan.halaman + 1, total + 1)
        ),
        _gaya_kaki(total),
        {},
    )
    if kaki.halaman != total - depan.halaman:  # pragma: no cover - a WeasyPrint change
        raise RuntimeError(f"halaman kaki: {kaki.halaman} bukan {total - depan.halaman}")
    return depan, kaki


BAGI_MULAI = 150_000
"""Characters of HTML to lay out from which the chapters are shared with a second process
(on a machine with more than one core): below it, starting the process (≈ 0,6 s as a fresh
interpreter) costs more than it saves."""


def _bagi(tugas: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The chapters to lay out split in two by size: this process's and a second one's
    (none when there is little to lay out or one core)."""
    if len(tugas) < 2 or sum(len(t[0]) for t in tugas) < BAGI_MULAI or (os.cpu_count() or 1) < 2:
        return tugas, []
    sendiri: list[tuple[str, str]] = []
    lain: list[tuple[str, str]] = []
    for t in sorted(tugas, key=lambda t: len(t[0]), reverse=True):
        if sum(len(x[0]) for x in sendiri) <= sum(len(x[0]) for x in lain):
            sendiri.append(t)
        else:
            lain.append(t)
    return sendiri, lain


class _CetakBagian(AnakCetak):
    """Chapters laid out into the cache by a child process while this one lays out the
    others: forked from this process where possible (it shares the parsed stylesheets and
    fonts of ``pencetak`` and starts at once), else ``python -m
    lkjip_helpers.keluaran.cetak_bab TUGAS.json``; failures come back on stderr as one JSON
    line (:class:`.cetak_terpisah.AnakCetak`)."""

    def __init__(
        self,
        c: _Cetakan,
        tugas: list[tuple[str, str]],
        uji_depan: tuple[str, str] | None = None,
        kabar: bool = False,
    ) -> None:
        c.tembolok.mkdir(parents=True, exist_ok=True)
        self.tembolok = c.tembolok
        spek = c.tembolok / f".tugas-{os.getpid()}-{id(self)}.json"
        isi = {
            "awal": c.potongan.awal,
            "akhir": c.potongan.akhir,
            "bagian": tugas,
            "opsi": c.opsi,
            "tembolok": str(c.tembolok),
            "uji_depan": uji_depan,
            "kabar": kabar,
        }
        spek.write_text(json.dumps(isi), encoding="utf-8")
        super().__init__(__name__, [str(spek)], spek, cabang=lambda: _cetak_tugas(c.pencetak, isi))

    def tata(self, kunci: str, tujuan: Path) -> _Bagian | None:
        """The part ``kunci`` from the cache as soon as it is there, or its pages and anchors
        as soon as the child has laid it out (``kabar``: the PDF is written after); None
        when the child ended without it (a part it did not have to do). A failure of the
        child is raised (:meth:`tunggu`)."""
        meta, tata = self.tembolok / f"{kunci}.json", self.tembolok / f"{kunci}{_TATA}"
        while True:
            bagian = _baca_bagian(meta, self.tembolok / f"{kunci}.pdf") or _baca_bagian(tata, None)
            if bagian is not None or not self.berjalan():
                break
            time.sleep(0.005)
        if bagian is None:
            self.tunggu(tujuan)
        return bagian

    def tunggu(self, tujuan: Path) -> None:
        """Wait for the child; raise its failure as the same kind of error (a picture that
        did not load names ``tujuan``)."""
        from ..errors import OutputError
        from .pdf import pesan_gambar_gagal

        galat = self.galat()
        if galat is None:
            return
        if "gambar" in galat:
            raise OutputError(tujuan, pesan_gambar_gagal(galat["gambar"]))
        self.angkat(galat)


def _cetak_tugas(pencetak: _Pencetak | None, spek: dict[str, Any]) -> dict[str, Any] | None:
    """The child's work (:class:`_CetakBagian`): lay out its chapters into the cache and
    measure the front matter if asked; ``pencetak`` None: a fresh interpreter, which parses
    the stylesheets itself."""
    import logging

    from .pdf import _GambarGagal, _impor_weasyprint, _pengambil

    weasyprint = _impor_weasyprint()
    pencatat = logging.getLogger("weasyprint")
    pencatat.setLevel(logging.ERROR)
    pencatat.propagate = False
    gagal = _GambarGagal()
    pencatat.addHandler(gagal)
    with dibekukan(tanpa_kumpul=True):  # the collector paused while laying out (pdf.py)
        if pencetak is None:
            pencetak = _Pencetak(weasyprint, spek["awal"], _pengambil())
        pencetak.kabar = bool(spek.get("kabar"))
        for tubuh, tambahan in spek["bagian"]:
            _cetak_bagian(
                pencetak, tubuh, spek["akhir"], tambahan, spek["opsi"], Path(spek["tembolok"]),
                set(),
            )  # fmt: skip
        if spek.get("uji_depan"):
            tubuh, tambahan = spek["uji_depan"]
            halaman = len(pencetak.tata(tubuh, spek["akhir"], tambahan).pages)
            _simpan_depan(Path(spek["tembolok"]), halaman)
    return {"gambar": gagal.sebab} if gagal.sebab else None


def _utama(argv: list[str]) -> int:
    """The child of :class:`_CetakBagian` in a fresh interpreter."""
    return jalankan_anak(
        lambda: _cetak_tugas(None, json.loads(Path(argv[0]).read_text(encoding="utf-8")))
    )


def _cetak_depan(c: _Cetakan, bab: list[_Bagian]) -> _Bagian | None:
    """The contents pass: the front matter laid out with the chapters' page numbers in its
    lists and the page total in its footers; its own length decides where the chapters
    start (guessed from the previous print, laid out again when the guess was wrong)."""
    jumlah_bab = sum(b.halaman for b in bab)
    depan_hal = _tebak_depan(c.tembolok)
    for _ in range(4):
        nomor: dict[str, int] = {}
        mulai = depan_hal
        for b in bab:
            for nama, i in b.jangkar.items():
                nomor.setdefault(nama, mulai + i + 1)
            mulai += b.halaman
        tubuh = _isi_nomor(c.potongan.depan, nomor)
        depan = c.bagian(tubuh, _gaya_depan(depan_hal + jumlah_bab), harap_halaman=depan_hal)
        if depan.halaman == depan_hal:
            _simpan_depan(c.tembolok, depan_hal)
            return depan
        depan_hal = depan.halaman
    return None


class _NomorContoh(dict):  # type: ignore[type-arg]
    """Every anchor on page 888: the numbers of a front matter laid out to be measured."""

    def __contains__(self, nama: object) -> bool:
        return True

    def __missing__(self, nama: str) -> int:
        return 888


def _uji_depan(potongan: Potongan) -> tuple[str, str]:
    """The front matter to measure (its length decides where the chapters start): as the
    contents pass lays it out, with three-digit stand-ins for the page numbers."""
    return _isi_nomor(potongan.depan, _NomorContoh()), _gaya_depan(888)


def _gaya_depan(total: int) -> str:
    """The front matter's extra print style: the contents' page numbers written in, no
    bottom edge at its cut, footers "Halaman X dari ``total``"."""
    return GAYA_DAFTAR + TEPI_BAWAH + _kaki(total)


def _gaya_kaki(total: int) -> str:
    """The footer document: only the footers, page by page (``div.hal-kaki`` each)."""
    from .pdf import string_css

    return (
        "\n@page { @top-center { content: none; } "
        f'@bottom-center {{ content: "Halaman " string(hal) " dari " {string_css(str(total))}; }} }}\n'
        "div.hal-kaki { break-before: page; string-set: hal attr(data-hal); height: 0; }\n"
    )


_DEPAN = "depan.txt"
"""The front matter's length in pages, as last laid out (the contents pass's first guess)."""


def _tebak_depan(tembolok: Path) -> int:
    try:
        return int((tembolok / _DEPAN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 1


def _simpan_depan(tembolok: Path, halaman: int) -> None:
    tembolok.mkdir(parents=True, exist_ok=True)
    _tulis_atomik(tembolok / _DEPAN, str(halaman).encode())


def _buang_usang(tembolok: Path, dipakai: set[str]) -> None:
    """Remove the cached chapters this print did not use (one report per cache folder)."""
    if not tembolok.is_dir():
        return
    for p in tembolok.iterdir():
        if p.suffix in (".pdf", ".json") and p.stem not in dipakai:
            p.unlink(missing_ok=True)


# --------------------------------------------------------------------------- merge


def gabung(
    bagian: list[_Bagian],
    kaki: bytes,
    tujuan: Path,
    identitas: bytes | None = None,
    tertanam: list[Any] | None = None,
) -> None:
    """Merge the front matter ``bagian[0]`` (the archive: PDF/A metadata, structure root)
    with the chapters' pages, embed ``tertanam`` and write ``tujuan``. ``kaki``: the
    chapters' footers, one page per chapter page; ``identitas``: the file identifier. The
    stand-in anchors of each part (:func:`_jangkar_tamu`) give way to the part holding the
    target."""
    import pikepdf
    from pikepdf import Array

    with (
        pikepdf.open(io.BytesIO(bagian[0].pdf)) as pdf,
        pikepdf.open(io.BytesIO(kaki)) as kaki_pdf,
        contextlib.ExitStack() as tumpuk,
    ):
        dests = _pohon_nama(pdf)
        for nama in bagian[0].tamu:
            if nama in dests:
                del dests[nama]
        pohon = pdf.Root.StructTreeRoot
        nums = pohon.ParentTree.Nums
        kunci = int(pohon.get("/ParentTreeNextKey", 0))
        for i in range(0, len(nums), 2):
            kunci = max(kunci, int(nums[i]) + 1)
        with pdf.open_outline() as garis:
            for b in bagian[1:]:
                src = tumpuk.enter_context(pikepdf.open(io.BytesIO(b.pdf)))
                kunci = _gabung_bab(pdf, src, kunci, dests, garis, b.tamu)
        depan_hal = len(pdf.pages) - len(kaki_pdf.pages)
        for hal, hal_kaki in zip(pdf.pages[depan_hal:], kaki_pdf.pages, strict=True):
            _cap_kaki(pdf, hal, hal_kaki)
        pohon.ParentTreeNextKey = kunci
        for berkas in tertanam or []:
            _lampirkan(pdf, berkas)
        if identitas is not None:
            pdf.trailer.ID = Array([pikepdf.String(identitas), pikepdf.String(identitas)])
        pdf.save(
            tujuan,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            static_id=identitas is not None,
            deterministic_id=identitas is None,
        )


def _gabung_bab(pdf: Any, src: Any, kunci: int, dests: Any, garis: Any, tamu: set[str]) -> int:
    """Append the chapter ``src`` to ``pdf``: its pages; its structure elements under the
    front matter's ``Document`` element, their marked-content keys shifted from ``kunci`` on
    (returns the next free key); its anchors into the named destinations ``dests`` (where
    the contents' links point); its outline after the outline ``garis`` so far."""
    from pikepdf import Array

    n0 = len(pdf.pages)
    with warnings.catch_warnings():  # the destinations are carried over below
        warnings.simplefilter("ignore")
        pdf.pages.extend(src.pages)
    halaman_src = {p.obj.objgen: i for i, p in enumerate(src.pages)}
    tertinggi = -1
    for hal in pdf.pages[n0:]:
        if "/StructParents" in hal.obj:
            tertinggi = max(tertinggi, int(hal.obj.StructParents))
            hal.obj.StructParents = int(hal.obj.StructParents) + kunci
        for a in hal.obj.get("/Annots", []):
            if "/StructParent" in a:
                tertinggi = max(tertinggi, int(a.StructParent))
                a.StructParent = int(a.StructParent) + kunci
    pohon = pdf.Root.StructTreeRoot
    dokumen = pohon.K[0] if isinstance(pohon.K, Array) else pohon.K
    st = src.Root.StructTreeRoot
    dok_src = st.K[0] if isinstance(st.K, Array) else st.K
    for el in dok_src.K:
        salin = pdf.copy_foreign(el)
        salin.P = dokumen
        dokumen.K.append(salin)
    nums, nums_src = pohon.ParentTree.Nums, st.ParentTree.Nums
    for i in range(0, len(nums_src), 2):
        tertinggi = max(tertinggi, int(nums_src[i]))
        nilai = nums_src[i + 1]
        if isinstance(nilai, Array) and not nilai.is_indirect:
            nilai = Array([pdf.copy_foreign(x) for x in nilai])
        else:
            nilai = pdf.copy_foreign(nilai)
        nums.append(int(nums_src[i]) + kunci)
        nums.append(nilai)
    for nama, tujuan_src in _pohon_nama(src).items():
        if nama not in tamu and nama not in dests:  # an id twice: the first, as WeasyPrint
            dests[nama] = _tujuan_baru(pdf, tujuan_src, halaman_src, n0)
    for item in _garis_src(src):
        garis.root.append(_salin_garis(item, halaman_src, n0))
    return kunci + tertinggi + 1


def _lampirkan(pdf: Any, berkas: Any) -> None:
    """Embed ``berkas`` (:class:`.pdf.BerkasTertanam`) as a PDF/A-3 associated file, as
    WeasyPrint does: the file stream with its type, size, MD5 and (fixed) dates, the file
    specification with its relationship, named in ``/EmbeddedFiles`` and listed in the
    catalog's ``/AF``."""
    import mimetypes
    from hashlib import md5

    from pikepdf import Array, Dictionary, Name, NameTree, String

    from .pdf import WAKTU_LAMPIRAN

    jenis = mimetypes.guess_type(berkas.nama, strict=False)[0] or "application/octet-stream"
    waktu = String(WAKTU_LAMPIRAN.strftime("D:%Y%m%d%H%M%SZ"))
    aliran = pdf.make_stream(berkas.isi)
    aliran.Type = Name.EmbeddedFile
    aliran.Subtype = Name("/" + jenis)
    aliran.Params = Dictionary(
        CheckSum=String(md5(berkas.isi, usedforsecurity=False).digest()),
        Size=len(berkas.isi),
        CreationDate=waktu,
        ModDate=waktu,
    )
    spek = pdf.make_indirect(
        Dictionary(
            Type=Name.Filespec,
            F=String(berkas.nama.encode("latin-1", errors="ignore")),
            UF=String(berkas.nama),
            EF=Dictionary(F=aliran),
            Desc=String(berkas.keterangan),
            AFRelationship=Name("/" + berkas.hubungan),
        )
    )
    if "/Names" not in pdf.Root:
        pdf.Root.Names = Dictionary()
    if "/EmbeddedFiles" not in pdf.Root.Names:
        pdf.Root.Names.EmbeddedFiles = pdf.make_indirect(Dictionary(Names=Array()))
    NameTree(pdf.Root.Names.EmbeddedFiles)[berkas.nama] = spek
    if "/AF" not in pdf.Root:
        pdf.Root.AF = Array()
    pdf.Root.AF.append(spek)


def _pohon_nama(pdf: Any) -> Any:
    """The named destinations (``/Names /Dests``) of ``pdf`` as a pikepdf NameTree (created
    when missing)."""
    import pikepdf

    if "/Names" not in pdf.Root:
        pdf.Root.Names = pikepdf.Dictionary()
    if "/Dests" not in pdf.Root.Names:
        pdf.Root.Names.Dests = pdf.make_indirect(pikepdf.Dictionary(Names=pikepdf.Array()))
    return pikepdf.NameTree(pdf.Root.Names.Dests)


def _tujuan_baru(pdf: Any, tujuan: Any, halaman_src: dict[Any, int], n0: int) -> Any:
    """A destination array of a chapter, pointing at its page in the merged ``pdf``."""
    import pikepdf

    d = tujuan.get("/D") if isinstance(tujuan, pikepdf.Dictionary) else tujuan
    idx = halaman_src[d[0].objgen]
    return pikepdf.Array([pdf.pages[n0 + idx].obj, *list(d)[1:]])


def _garis_src(src: Any) -> list[Any]:
    with src.open_outline() as garis:
        return list(garis.root)


def _salin_garis(item: Any, halaman_src: dict[Any, int], n0: int) -> Any:
    """An outline item of a chapter (with its children) for the merged document."""
    from pikepdf import OutlineItem

    d = item.destination
    if d is not None and not isinstance(d, int):
        d = list(d)
        baru = OutlineItem(
            item.title,
            n0 + halaman_src[d[0].objgen],
            "XYZ",
            left=float(d[2]) if len(d) > 2 else None,
            top=float(d[3]) if len(d) > 3 else None,
        )
    else:
        baru = OutlineItem(item.title, d)
    baru.is_closed = item.is_closed
    baru.children.extend(_salin_garis(c, halaman_src, n0) for c in item.children)
    return baru


def _cap_kaki(pdf: Any, halaman: Any, kaki: Any) -> None:
    """Stamp the footer page ``kaki`` onto ``halaman`` as a form XObject, marked as an
    artifact (page furniture, outside the structure tree). The page gets resources of its
    own (WeasyPrint's pages share one dictionary) naming only its own footer."""
    from pikepdf import Dictionary, Name

    bentuk = pdf.copy_foreign(kaki.as_form_xobject())
    sumber = halaman.obj.get("/Resources")
    sumber = Dictionary(dict(sumber.items())) if sumber is not None else Dictionary()
    xo = sumber.get("/XObject")
    xo = Dictionary(dict(xo.items())) if xo is not None else Dictionary()
    xo[Name.KakiLkjip] = bentuk
    sumber[Name.XObject] = xo
    halaman.obj.Resources = sumber
    halaman.contents_add(pdf.make_stream(b"q\n"), prepend=True)
    halaman.contents_add(pdf.make_stream(b"\nQ /Artifact BMC q /KakiLkjip Do Q EMC\n"))


if __name__ == "__main__":
    import sys

    sys.exit(_utama(sys.argv[1:]))
