"""Print the report HTML to PDF with WeasyPrint (A4, page numbers, nothing fetched).

Two guarantees: WeasyPrint fetches nothing but the report's own embedded images (``data:image/…``
URIs; no ``file:``, no network, so no file of the machine can end up in the PDF as an image or an
attachment), and the running header, the only user text added here, is escaped for CSS.

Without the system libraries WeasyPrint needs (Pango, HarfBuzz …) :func:`pustaka_pdf_hilang`
says which are missing and how to get them; the build then writes everything but the PDF.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import hashlib
import io
import logging
import re
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import OutputError
from ..sampah import dibekukan
from .html import CSS_CETAK

SKEMA_DIIZINKAN = ("data:image/",)
"""The only URLs WeasyPrint may open: images embedded in the report itself."""

PAKET_DEBIAN_PDF = (
    "libpango-1.0-0",
    "libpangoft2-1.0-0",
    "libpangocairo-1.0-0",
    "libharfbuzz0b",
)
"""Debian/Ubuntu packages of WeasyPrint's libraries (the README's apt line)."""

_PUSTAKA: dict[str, str] = {
    "gobject-2.0": "libglib2.0-0",
    "pango-1.0": "libpango-1.0-0",
    "pangoft2-1.0": "libpangoft2-1.0-0",
    "harfbuzz": "libharfbuzz0b",
    "fontconfig": "libfontconfig1",
}
"""Shared library (as ctypes.util.find_library names it) → Debian package."""

HURUF_JUDUL = '"Liberation Sans", Arial, "DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", sans-serif'
"""Font stack of the running header (as laporan.css; emoji come through font fallback)."""


class UrlDitolak(ValueError):
    """WeasyPrint asked for a URL other than an embedded image (logged by WeasyPrint, skipped)."""


def url_diizinkan(url: str) -> bool:
    """Whether WeasyPrint may fetch ``url``: only ``data:image/…`` URIs of the report."""
    return url.strip().lower().startswith(SKEMA_DIIZINKAN)


def _impor_weasyprint() -> ModuleType:
    """Import WeasyPrint (a function so that tests can simulate missing libraries).

    WeasyPrint opens each system library (Pango, HarfBuzz …) through cffi under several
    names, the Windows and macOS ones first; for each name that is no file, cffi asks
    ``ctypes.util.find_library``, which on Linux runs ldconfig, gcc and ld: about 20 misses,
    0,15–0,2 s of an import of 0,45 s. On Linux the first import therefore runs with
    find_library answering None to the importing thread, so that each library is opened by
    its soname (``libpango-1.0.so.0``, in WeasyPrint's list), as the dynamic loader finds it;
    only when that fails is the import tried again with the real find_library."""
    if "weasyprint" not in sys.modules and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError), _tanpa_find_library():
            import weasyprint
    import weasyprint

    return weasyprint


@contextlib.contextmanager
def _tanpa_find_library() -> Any:
    """``ctypes.util.find_library`` answering None to this thread (other threads get the
    real one) while the block runs (also through a reference taken meanwhile)."""
    asli, importir = ctypes.util.find_library, threading.get_ident()
    aktif = [True]

    def cari(nama: str) -> str | None:
        return None if aktif[0] and threading.get_ident() == importir else asli(nama)

    ctypes.util.find_library = cari
    try:
        yield
    finally:
        aktif[0] = False
        ctypes.util.find_library = asli


def pustaka_pdf_hilang() -> str | None:
    """None when WeasyPrint can be used; else one Indonesian line saying what is missing.

    WeasyPrint raises ``OSError: cannot load library 'libgobject-2.0-0' …`` at import time on a
    machine without Pango; that becomes the names of the missing Debian packages and the two
    ways to get them.
    """
    try:
        _impor_weasyprint()
    except (OSError, ImportError) as err:
        return pesan_pustaka_hilang(err)
    return None


def pesan_pustaka_hilang(err: BaseException) -> str:
    """The Indonesian line for a failed WeasyPrint import ``err``."""
    paket: list[str] = []
    m = re.search(r"cannot load library '(?:lib)?([^']+)'", str(err))
    for nama, deb in _PUSTAKA.items():
        if m and m.group(1).startswith(nama):
            paket.append(deb)
    for nama, deb in _PUSTAKA.items():
        if deb not in paket and ctypes.util.find_library(nama) is None:
            paket.append(deb)
    if isinstance(err, ImportError) and not isinstance(err, ModuleNotFoundError):
        paket = paket or ["weasyprint"]
    elif isinstance(err, ModuleNotFoundError):
        return (
            "PDF tidak dibuat: paket Python weasyprint belum terpasang; jalankan "
            "`make venv` (atau pip install -e .) lalu bangun lagi."
        )
    hilang = ", ".join(paket) if paket else ", ".join(PAKET_DEBIAN_PDF)
    pasang = " ".join(dict.fromkeys([*PAKET_DEBIAN_PDF, *paket]))
    return (
        f"PDF tidak dibuat: pustaka sistem untuk WeasyPrint tidak ditemukan ({hilang}). "
        f"Pasang di Debian/Ubuntu: sudo apt-get install -y {pasang} "
        "(atau jalankan `make sample`, yang memasangnya bila bisa), atau pakai lingkungan conda "
        "(conda env create -f environment.yml). Laporan HTML dan berkas lain sudah dibuat."
    )


def string_css(teks: str) -> str:
    """``teks`` as a double-quoted CSS string that cannot end the string or the ``<style>``.

    Everything but letters, digits, spaces and harmless punctuation becomes a CSS hex escape
    (``<`` → ``\\3c ``), so neither ``"`` nor ``</style>`` nor a newline survive literally.
    """
    bagian = []
    for ch in teks:
        if ch.isalnum() or ch in " .,:;()-_'—–/+%":
            bagian.append(ch)
        else:
            bagian.append(f"\\{ord(ch):x} ")
    return '"' + "".join(bagian) + '"'


_KATA_PANJANG = re.compile(r"[^\s<>&\u200b]{48,}")
_BLOK_MENTAH = re.compile(r"(<style\b.*?</style\s*>|<script\b.*?</script\s*>)", re.I | re.S)
_TEKS = re.compile(r">[^<]+<")


def pecah_kata_panjang(html: str, setiap: int = 24) -> str:
    """Put a zero-width space every ``setiap`` characters into words of 48+ characters.

    A 28 000-character word (a pasted string) would otherwise run off the page: in a table
    cell, ``overflow-wrap`` does not narrow the column, and ``overflow-wrap: anywhere`` on
    every cell makes WeasyPrint's table layout about twice as slow. Only text between tags
    is touched (never attributes, ``<style>`` or data URIs).
    """

    def kata(m: re.Match[str]) -> str:
        w = m.group(0)
        return "\u200b".join(w[i : i + setiap] for i in range(0, len(w), setiap))

    def teks(m: re.Match[str]) -> str:
        return _KATA_PANJANG.sub(kata, m.group(0))

    bagian = _BLOK_MENTAH.split(html)
    for i in range(0, len(bagian), 2):  # odd items are the <style>/<script> blocks
        bagian[i] = _TEKS.sub(teks, bagian[i])
    return "".join(bagian)


def _pengambil() -> Any:
    """A WeasyPrint URL fetcher that refuses every URL except embedded images."""
    weasyprint = _impor_weasyprint()
    if hasattr(weasyprint, "URLFetcher"):  # WeasyPrint >= 68

        class _Pengambil(weasyprint.URLFetcher):  # type: ignore[misc,name-defined]
            def fetch(self, url: str, headers: Any = None) -> Any:
                if not url_diizinkan(url):
                    raise UrlDitolak(f"sumber di luar laporan ditolak: {url[:80]}")
                return super().fetch(url, headers)

        return _Pengambil(allowed_protocols={"data"}, timeout=1)

    from weasyprint import default_url_fetcher  # pragma: no cover - older WeasyPrint

    def pengambil(url: str, *args: object, **kwargs: object) -> dict:  # pragma: no cover
        if not url_diizinkan(url):
            raise UrlDitolak(f"sumber di luar laporan ditolak: {url[:80]}")
        return default_url_fetcher(url, *args, **kwargs)

    return pengambil


VARIAN_ARSIP = "pdf/a-3b"
"""The report's PDF variant: PDF/A-3b, archival and allowed to carry files (ISO 19005-3)."""

WAKTU_LAMPIRAN = datetime(2000, 1, 1, tzinfo=UTC)
"""Creation/modification date written for every embedded file: fixed, so the same files give
the same PDF (an attachment's dates otherwise default to the time of printing)."""


@dataclass(frozen=True)
class BerkasTertanam:
    """A file embedded in the PDF as an associated file (PDF/A-3 ``/AF``).

    ``isi`` is what is embedded; ``kunci`` what the PDF-reuse key records for it (its sha256,
    or for a file whose bytes change at every write, like an xlsx's timestamps, the sha256 of
    what it holds); ``dalam_kunci=False`` leaves it out of that key (the run record: a PDF
    reused by a later build keeps the record of the build that printed it)."""

    nama: str
    isi: bytes
    keterangan: str
    hubungan: str = "Data"
    kunci: str | None = None
    dalam_kunci: bool = True

    @classmethod
    def berkas(
        cls, path: Path, keterangan: str, hubungan: str = "Data", kunci: str | None = None
    ) -> BerkasTertanam:
        return cls(path.name, path.read_bytes(), keterangan, hubungan, kunci)

    @property
    def sidik(self) -> str:
        return self.kunci or hashlib.sha256(self.isi).hexdigest()


@dataclass(frozen=True)
class MetadataPdf:
    """Document information of the PDF (title, author, subject, keywords; language from the
    HTML's ``lang``)."""

    judul: str
    penulis: str
    subjek: str
    kata_kunci: str = ""


@dataclass(frozen=True)
class ArsipPdf:
    """What makes the report's PDF an archive: the embedded files and the metadata."""

    tertanam: list[BerkasTertanam]
    metadata: MetadataPdf

    @property
    def kunci(self) -> str:
        """What the PDF-reuse key records of it (a reused PDF must carry the same files)."""
        isi = [
            VARIAN_ARSIP,
            repr(self.metadata),
            *(f"{x.nama}={x.sidik}" for x in self.tertanam if x.dalam_kunci),
        ]
        return hashlib.sha256("\0".join(isi).encode("utf-8")).hexdigest()


TERTANAM_TABEL = "tabel.xlsx"
TERTANAM_CSV = "capaian_ikk.csv"
TERTANAM_CATATAN = "build.json"


def arsip_laporan(
    folder: Path, tabel: list[Any], catatan: dict[str, Any], satker: str, judul: str
) -> ArsipPdf:
    """The report's embedded files, read from ``folder``: ``tabel.xlsx`` (keyed by the
    tables it holds: its bytes carry the time of writing), ``capaian_ikk.csv`` and the run
    record ``catatan`` as ``build.json`` (without the PDF's own sha256, which the PDF cannot
    contain; the build.json beside the PDF records it). The record is that of the build that
    printed the PDF: a later build that reuses the unchanged PDF (same HTML, same tables and
    CSV) leaves it as it was and says so in its own build.json (``reused``)."""
    import json

    isi_tabel = json.dumps([t.ke_json() for t in tabel], sort_keys=True, ensure_ascii=False)
    tertanam = [
        BerkasTertanam.berkas(
            folder / TERTANAM_TABEL,
            "Tabel bernomor laporan ini (Excel), satu sheet per tabel",
            "Data",
            hashlib.sha256(isi_tabel.encode("utf-8")).hexdigest(),
        ),
        BerkasTertanam.berkas(folder / TERTANAM_CSV, "Capaian setiap IKK (CSV)", "Data"),
        BerkasTertanam(
            TERTANAM_CATATAN,
            (json.dumps(catatan, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
            "Catatan build yang mencetak PDF ini (versi, parameter, sidik masukan), tanpa "
            "sidik PDF ini sendiri",
            "Supplement",
            dalam_kunci=False,
        ),
    ]
    meta = MetadataPdf(
        judul=judul,
        penulis=satker,
        subjek="Laporan Kinerja Instansi Pemerintah (LKjIP)",
        kata_kunci="LKjIP, SAKIP, laporan kinerja",
    )
    return ArsipPdf(tertanam, meta)


def _sisip_meta(html: str, meta: MetadataPdf) -> str:
    """``<title>`` and ``<meta name=author/description/keywords>`` that WeasyPrint turns into
    the PDF's Title, Author, Subject and Keywords (replacing the HTML's own title)."""
    from ..laporan.model import esc, esc_atribut

    kepala = (
        f"<title>{esc(meta.judul)}</title>\n"
        f'<meta name="author" content="{esc_atribut(meta.penulis)}">\n'
        f'<meta name="description" content="{esc_atribut(meta.subjek)}">\n'
        + (
            f'<meta name="keywords" content="{esc_atribut(meta.kata_kunci)}">\n'
            if meta.kata_kunci
            else ""
        )
    )
    html = re.sub(r"<title>.*?</title>\s*", "", html, count=1, flags=re.S)
    posisi = html.lower().find("</head>")
    return html[:posisi] + kepala + html[posisi:] if posisi >= 0 else kepala + html


def html_untuk_cetak(html: str, judul_berjalan: str, metadata: MetadataPdf | None = None) -> str:
    """The document WeasyPrint lays out: ``html`` with the print rules (the running header
    ``judul_berjalan``), long words breakable, and ``metadata`` in its head."""
    cetak = CSS_CETAK.read_text(encoding="utf-8") + (
        "\n@page { @top-center { content: " + string_css(judul_berjalan) + "; "
        f"font-family: {HURUF_JUDUL}; "
        "font-size: 8.5pt; color: #444; } }\n"
        "@page sampul { @top-center { content: none; } }\n"
    )
    # The print rules go into the document itself (author origin, after laporan.css), so they
    # override it; stylesheets passed to write_pdf() would rank below the document's own CSS.
    gaya = f'<style media="print">\n{cetak}\n</style>\n'
    html = pecah_kata_panjang(html)
    if metadata is not None:
        html = _sisip_meta(html, metadata)
    posisi = html.lower().find("</head>")
    return html[:posisi] + gaya + html[posisi:] if posisi >= 0 else gaya + html


def tulis_pdf(
    html: str,
    tujuan: Path,
    judul_berjalan: str,
    base_url: Path | None = None,
    *,
    arsip: bool = False,
    tertanam: list[BerkasTertanam] | None = None,
    metadata: MetadataPdf | None = None,
    tembolok: Path | None = None,
) -> None:
    """Print ``html`` to ``tujuan`` (A4) with WeasyPrint; nothing outside the HTML is fetched.

    ``arsip``: PDF/A-3b (:data:`VARIAN_ARSIP`), tagged for accessibility, with ``tertanam``
    embedded as associated files and ``metadata`` as the document information.
    ``tembolok``: a folder where the chapters' PDFs are kept: the document is printed chapter
    by chapter and only the chapters not found there are laid out (:mod:`.cetak_bab`).
    ``base_url`` is accepted for compatibility and ignored: relative URLs are not resolved
    against any folder, so they cannot reach a file.
    """
    weasyprint = _impor_weasyprint()
    html_cetak = html_untuk_cetak(html, judul_berjalan, metadata)
    # WeasyPrint logs unsupported CSS properties and refused URLs at WARNING/ERROR; they are
    # not build failures (the refused URL is exactly what must not be fetched). An embedded
    # image (``data:image/…``) it cannot load, though, would leave a silent gap in the PDF
    # (its caption and list entry kept): that stops the PDF with a message.
    pencatat = logging.getLogger("weasyprint")
    pencatat.setLevel(logging.ERROR)
    pencatat.propagate = False
    opsi: dict[str, Any] = {}
    if arsip:
        opsi["pdf_variant"] = VARIAN_ARSIP
        opsi["pdf_tags"] = True
        # the file identifier from what is printed: the same report gives the same PDF
        opsi["pdf_identifier"] = (
            hashlib.sha256(html_cetak.encode("utf-8")).hexdigest()[:32].encode()
        )
        opsi["attachments"] = [
            weasyprint.Attachment(
                string=lp.isi,
                name=lp.nama,
                description=lp.keterangan,
                relationship=lp.hubungan,
                created=WAKTU_LAMPIRAN,
                modified=WAKTU_LAMPIRAN,
            )
            for lp in tertanam or []
        ]
    gagal = _GambarGagal()
    pencatat.addHandler(gagal)
    try:
        # the collector paused while WeasyPrint prints: layout allocates millions of small
        # objects that live until the document is written, and the collector scanned them
        # again and again (11–12 % of a profiled print); what lived before is frozen
        with dibekukan(tanpa_kumpul=True):
            selesai = False
            if tembolok is not None:
                from .cetak_bab import cetak_per_bab

                selesai = cetak_per_bab(
                    weasyprint, html_cetak, tujuan, _pengambil(), opsi, tembolok, tertanam
                )
            if not selesai:
                mentah = weasyprint.HTML(
                    string=html_cetak, base_url=None, url_fetcher=_pengambil()
                ).write_pdf(**opsi, uncompressed_pdf=True)
                padatkan(mentah, tujuan, opsi.get("pdf_identifier"))
    finally:
        pencatat.removeHandler(gagal)
    if gagal.sebab:
        with contextlib.suppress(OSError):
            tujuan.unlink()
        raise OutputError(tujuan, pesan_gambar_gagal(gagal.sebab))


def padatkan(mentah: bytes, tujuan: Path | io.BytesIO, identitas: bytes | None = None) -> None:
    """Write the uncompressed PDF ``mentah`` (WeasyPrint's ``uncompressed_pdf``) to
    ``tujuan`` compressed by qpdf (pikepdf): its streams deflated and its objects in object
    streams. WeasyPrint's own compression (zlib at level 9 and object streams, in Python) was
    a third of the time it took to write a PDF. ``identitas``: the file identifier kept
    (else one derived from the content)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(mentah)) as pdf:
        pdf.save(
            tujuan,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            static_id=identitas is not None,
            deterministic_id=identitas is None,
        )


def pesan_gambar_gagal(sebab: list[str]) -> str:
    """The message for embedded images WeasyPrint could not load (``sebab``: one per image)."""
    return (
        f"{len(sebab)} gambar tidak dapat dimuat ke PDF ({'; '.join(sebab[:3])}); "
        "periksa berkas gambar di lampiran.yaml (ukuran piksel, berkas rusak)"
    )


class _GambarGagal(logging.Handler):
    """Collects WeasyPrint's "Failed to load image" errors for embedded (``data:``) images."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.sebab: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, tuple) else ()
        if (
            str(record.msg).startswith("Failed to load image")
            and args
            and str(args[0]).startswith("data:image/")
        ):
            sebab = args[1] if len(args) > 1 else None
            akar = getattr(sebab, "__cause__", None) or sebab
            self.sebab.append(f"{type(akar).__name__}: {str(akar)[:120]}")
