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
from pathlib import Path


class GagalCetak(RuntimeError):
    """The child failed with something other than an OSError."""


class CetakTerpisah:
    """One PDF printed by a child process (started at construction)."""

    def __init__(self, html: str, tujuan: Path, judul_berjalan: str) -> None:
        self.tujuan = tujuan
        self.sumber = tujuan.with_name(f".{tujuan.stem}.cetak.html")
        self.sumber.write_text(html, encoding="utf-8")
        self.proses: subprocess.Popen[str] | None = subprocess.Popen(
            [sys.executable, "-m", __name__, str(self.sumber), str(tujuan), judul_berjalan],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def tunggu(self) -> None:
        """Wait for the child; raise its failure (OSError or :class:`GagalCetak`)."""
        if self.proses is None:
            return
        _, err = self.proses.communicate()
        kode, self.proses = self.proses.returncode, None
        self.sumber.unlink(missing_ok=True)
        if kode == 0:
            return
        try:
            galat = json.loads(err.strip().splitlines()[-1])
        except (ValueError, IndexError):
            galat = {"jenis": f"kode keluar {kode}", "pesan": err.strip()[-300:]}
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
        self.sumber.unlink(missing_ok=True)


def _utama(argv: list[str]) -> int:
    sumber, tujuan, judul = argv
    try:
        from .pdf import tulis_pdf

        tulis_pdf(Path(sumber).read_text(encoding="utf-8"), Path(tujuan), judul)
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


if __name__ == "__main__":
    sys.exit(_utama(sys.argv[1:]))
