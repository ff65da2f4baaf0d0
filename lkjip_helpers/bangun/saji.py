"""``lkjip pratinjau --sajikan``: serve the outputs folder on localhost, one Indonesian log
line per request (the standard library's handler prints English access-log lines)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
from http import HTTPStatus
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..format_id import sekarang_wib

KETERANGAN = {
    200: "terkirim",
    206: "terkirim sebagian",
    301: "dialihkan",
    304: "tidak berubah (tembolok peramban)",
    400: "permintaan tidak sah",
    403: "ditolak",
    404: "tidak ditemukan",
    405: "metode tidak didukung",
    500: "galat server",
    501: "metode tidak didukung",
}
"""Indonesian meaning of the HTTP status codes the file server answers with."""


class PenanganSaji(http.server.SimpleHTTPRequestHandler):
    """Serves files like :class:`~http.server.SimpleHTTPRequestHandler`; logs each request as
    ``17.05.12 WIB  GET /lapas-banyuasin/2023/laporan.html → 200 terkirim`` on stderr."""

    error_message_format = (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>%(code)d</title>'
        "</head><body><h1>%(code)d: %(message)s</h1></body></html>\n"
    )

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The error page in Indonesian (``404: tidak ditemukan``)."""
        super().send_error(code, KETERANGAN.get(int(code), f"status {int(code)}"), None)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        kode = int(code) if isinstance(code, HTTPStatus | int) else None
        keterangan = KETERANGAN.get(kode, f"status {code}") if kode else "tanpa status"
        jalur = unquote(urlsplit(getattr(self, "path", "") or "").path) or "?"
        metode = getattr(self, "command", None) or "?"
        with contextlib.suppress(OSError, ValueError):  # a closed stderr never stops serving
            print(
                f"{sekarang_wib():%H.%M.%S} WIB  {metode} {jalur} → {kode or '-'} {keterangan}",
                file=sys.stderr,
                flush=True,
            )

    def log_error(self, format: str, *args: object) -> None:
        """Nothing: the request's line (:meth:`log_request`) already says what failed."""

    def log_message(self, format: str, *args: object) -> None:
        """Nothing in English; :meth:`log_request` writes the one line per request."""


def penangan(akar: Path) -> functools.partial[PenanganSaji]:
    """The request handler serving ``akar``."""
    return functools.partial(PenanganSaji, directory=str(akar))
