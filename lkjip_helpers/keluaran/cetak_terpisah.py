"""Print a PDF in a child interpreter while the caller goes on with other work.

The build prints the review memo's PDF this way while its kernel runs the chapters: WeasyPrint
is CPU-bound and holds the GIL, so a thread would not overlap, but a process uses the second
core (≈ 2 s of every full build on two cores). The child runs ``python -m
lkjip_helpers.keluaran.cetak_terpisah SUMBER.html TUJUAN.pdf JUDUL`` with :func:`.pdf.tulis_pdf`
(the same URL fetcher, nothing outside the HTML fetched) and reports a failure on stderr as
one JSON line, which :meth:`CetakTerpisah.tunggu` raises again as the same kind of error
(an :class:`OSError` stays an OSError, so a full disk is still reported as a write error).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn


class GagalCetak(RuntimeError):
    """The child failed with something other than an OSError."""


class AnakCetak:
    """A child interpreter (``python -m <modul> <argumen>``) printing PDFs, started at
    construction; ``sementara`` is its input file, removed when it ends. Its failure comes
    back on stderr as one JSON line (:func:`jalankan_anak`)."""

    def __init__(self, modul: str, argumen: list[str], sementara: Path) -> None:
        self.sementara = sementara
        self.proses: subprocess.Popen[str] | None = subprocess.Popen(
            [sys.executable, "-m", modul, *argumen],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def galat(self) -> dict[str, Any] | None:
        """Wait for the child; None when it succeeded, else its failure as reported."""
        if self.proses is None:
            return None
        _, err = self.proses.communicate()
        kode, self.proses = self.proses.returncode, None
        self.sementara.unlink(missing_ok=True)
        if kode == 0:
            return None
        try:
            return dict(json.loads(err.strip().splitlines()[-1]))
        except (ValueError, IndexError, TypeError):
            return {"jenis": f"kode keluar {kode}", "pesan": err.strip()[-300:]}

    @staticmethod
    def angkat(galat: dict[str, Any]) -> NoReturn:
        """Raise a child's failure as the same kind of error (an OSError stays one)."""
        if "errno" in galat:
            raise OSError(galat["errno"], galat["pesan"], galat.get("berkas"))
        raise GagalCetak(f"{galat.get('jenis')}: {galat.get('pesan')}")

    def hentikan(self) -> None:
        """Stop the child if it still runs (a failed or interrupted build); idempotent."""
        if self.proses is not None:
            if self.proses.poll() is None:
                self.proses.kill()
            self.proses.communicate()
            self.proses = None
        self.sementara.unlink(missing_ok=True)


def jalankan_anak(cetak: Callable[[], dict[str, Any] | None]) -> int:
    """The child's side of :class:`AnakCetak`: run ``cetak`` and return the exit code; a
    failure (or what ``cetak`` returns to report) is written to stderr as one JSON line."""
    try:
        laporan = cetak()
        if laporan:
            print(json.dumps(laporan, default=str), file=sys.stderr)
            return 3
    except OSError as err:
        laporan = {"errno": err.errno, "pesan": err.strerror or str(err), "berkas": err.filename}
        print(json.dumps(laporan, default=str), file=sys.stderr)
        return 4
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # reported to the build, which names it
        print(json.dumps({"jenis": type(err).__name__, "pesan": str(err)}), file=sys.stderr)
        return 1
    return 0


class CetakTerpisah(AnakCetak):
    """One PDF printed by a child process (started at construction)."""

    def __init__(self, html: str, tujuan: Path, judul_berjalan: str) -> None:
        self.tujuan = tujuan
        self.sumber = tujuan.with_name(f".{tujuan.stem}.cetak.html")
        self.sumber.write_text(html, encoding="utf-8")
        super().__init__(__name__, [str(self.sumber), str(tujuan), judul_berjalan], self.sumber)

    def tunggu(self) -> None:
        """Wait for the child; raise its failure (OSError or :class:`GagalCetak`)."""
        galat = self.galat()
        if galat is not None:
            self.angkat(galat)


def _utama(argv: list[str]) -> int:
    sumber, tujuan, judul = argv

    def cetak() -> None:
        from .pdf import tulis_pdf

        tulis_pdf(Path(sumber).read_text(encoding="utf-8"), Path(tujuan), judul)

    return jalankan_anak(cetak)


if __name__ == "__main__":
    sys.exit(_utama(sys.argv[1:]))
