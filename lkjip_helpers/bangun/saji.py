"""``lkjip pratinjau --sajikan``: serve the outputs folder on localhost, one Indonesian log
line per request (the standard library's handler prints English access-log lines).

Only requests addressed to ``127.0.0.1``/``localhost`` are answered (DNS rebinding: a page
whose host name now points at 127.0.0.1 gets 403), a path that is no file name (a NUL byte)
gets 400, and no request ever prints a traceback; the server is bound before the build (a
busy port is reported first) and stops at once on Ctrl-C/SIGTERM, open connections or not."""

from __future__ import annotations

import contextlib
import errno
import functools
import http.server
import socket
import sys
from http import HTTPStatus
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import ParameterError
from ..format_id import sekarang_wib

HOST_PRATINJAU = ("127.0.0.1", "localhost")
"""Host names the preview server answers to (the ``Host:`` header, port aside)."""

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

    def _host_sah(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        nama, _, port = host.rpartition(":") if ":" in host else (host, "", "")
        return nama in HOST_PRATINJAU and (not port or port.isdigit())

    def send_head(self):  # type: ignore[no-untyped-def]
        if not self._host_sah():
            self.send_error(HTTPStatus.FORBIDDEN)
            return None
        try:
            return super().send_head()
        except ValueError:  # a NUL byte or similar in the path: not a file name
            self.send_error(HTTPStatus.BAD_REQUEST)
            return None

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


class ServerSaji(http.server.ThreadingHTTPServer):
    """The preview server: request threads never hold up Ctrl-C/SIGTERM, and a request that
    fails prints one line, never a traceback."""

    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        jenis, galat = sys.exc_info()[:2]
        with contextlib.suppress(OSError, ValueError):
            print(
                f"{sekarang_wib():%H.%M.%S} WIB  permintaan gagal: "
                f"{getattr(jenis, '__name__', jenis)}: {str(galat)[:200]}",
                file=sys.stderr,
                flush=True,
            )


def buat_server(akar: Path, port: int) -> ServerSaji:
    """The server of ``akar`` bound to 127.0.0.1:``port`` (0: any free port); a port that is
    busy or cannot be used is a :class:`~lkjip_helpers.errors.ParameterError` naming
    ``--port``."""
    try:
        return ServerSaji(("127.0.0.1", port), penangan(akar))
    except OverflowError:
        sebab = "di luar rentang 0–65535"
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            sebab = "sudah dipakai program lain; pilih port lain dengan --port"
        elif isinstance(e, socket.gaierror) or e.errno == errno.EACCES:
            sebab = "tidak dapat dipakai (akses ditolak); pilih port lain dengan --port"
        else:
            sebab = f"tidak dapat dibuka ({e.strerror or type(e).__name__})"
    raise ParameterError(f"--port {port}: port {sebab}")
