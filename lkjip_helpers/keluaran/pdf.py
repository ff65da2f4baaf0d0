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
import logging
import re
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import OutputError
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
    """Import WeasyPrint (a function so that tests can simulate missing libraries)."""
    import weasyprint

    return weasyprint


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


def tulis_pdf(html: str, tujuan: Path, judul_berjalan: str, base_url: Path | None = None) -> None:
    """Print ``html`` to ``tujuan`` (A4) with WeasyPrint; nothing outside the HTML is fetched.

    ``base_url`` is accepted for compatibility and ignored: relative URLs are not resolved
    against any folder, so they cannot reach a file.
    """
    weasyprint = _impor_weasyprint()
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
    posisi = html.lower().find("</head>")
    html_cetak = html[:posisi] + gaya + html[posisi:] if posisi >= 0 else gaya + html
    # WeasyPrint logs unsupported CSS properties and refused URLs at WARNING/ERROR; they are
    # not build failures (the refused URL is exactly what must not be fetched). An embedded
    # image (``data:image/…``) it cannot load, though, would leave a silent gap in the PDF
    # (its caption and list entry kept): that stops the PDF with a message.
    pencatat = logging.getLogger("weasyprint")
    pencatat.setLevel(logging.ERROR)
    pencatat.propagate = False
    gagal = _GambarGagal()
    pencatat.addHandler(gagal)
    try:
        weasyprint.HTML(string=html_cetak, base_url=None, url_fetcher=_pengambil()).write_pdf(
            str(tujuan)
        )
    finally:
        pencatat.removeHandler(gagal)
    if gagal.sebab:
        with contextlib.suppress(OSError):
            tujuan.unlink()
        raise OutputError(
            tujuan,
            f"{len(gagal.sebab)} gambar tidak dapat dimuat ke PDF ({'; '.join(gagal.sebab[:3])}); "
            "periksa berkas gambar di lampiran.yaml (ukuran piksel, berkas rusak)",
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
