"""Command line: ``lkjip check`` and ``lkjip build`` (help and messages in Bahasa Indonesia).

Exit codes (:data:`KODE_KELUAR`): 0 success; 1 data errors found (check) or build failed;
2 input cannot be read or invalid parameters; 3 an output cannot be written (read-only folder,
full disk, a path that is a file); 4 the report was built but without the PDF because
WeasyPrint's system libraries are missing; 130 interrupted (Ctrl-C, SIGINT); 143 stopped by
SIGTERM. A closed output pipe (``lkjip check | head``) is not an error.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from .errors import LkjipError

WARNA = {"error": "bold red", "peringatan": "yellow", "info": "cyan"}

KODE_KELUAR: dict[str, int] = {
    "berhasil": 0,
    "galat_data_atau_build": 1,
    "masukan_tidak_sah": 2,
    "keluaran_tidak_dapat_ditulis": 3,
    "tanpa_pdf": 4,
    "dibatalkan": 130,
    "sigterm": 143,
}
"""Exit codes of the ``lkjip`` command (documented in the README)."""


class _Dihentikan(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so every clean-up path runs (kernel, temporary folder)."""

    kode = KODE_KELUAR["sigterm"]


def _saat_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Dihentikan()


def _stdout_ke_devnull() -> None:
    """After a closed pipe: send further output (and the exit flush) to /dev/null."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


class _Konsol(Console):
    """rich Console whose closed pipe (``lkjip check | head``) ends the printing quietly.

    rich's default exits with status 1; here the command goes on (the findings are already
    written) and keeps its normal exit code.
    """

    def on_broken_pipe(self) -> None:
        """Stop printing; send the rest (and the exit flush) to /dev/null."""
        self.quiet = True
        _stdout_ke_devnull()


@contextlib.contextmanager
def _abaikan_pipa_putus() -> Iterator[None]:
    """``lkjip check | head``: the reader went away; stop printing, keep the exit code."""
    try:
        yield
    except BrokenPipeError:
        _stdout_ke_devnull()


class _Parser(argparse.ArgumentParser):
    """argparse with Indonesian usage prefix and error messages, and no traceback."""

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "penggunaan:", 1)

    def format_help(self) -> str:
        teks = super().format_help().replace("usage:", "penggunaan:", 1)
        return teks.replace("\noptions:\n", "\nopsi:\n").replace(
            "show this help message and exit", "tampilkan bantuan ini lalu keluar"
        )

    def error(self, message: str) -> None:  # type: ignore[override]
        terjemah = (
            ("the following arguments are required", "argumen berikut wajib diisi"),
            ("invalid choice", "pilihan tidak sah"),
            ("unrecognized arguments", "argumen tidak dikenal"),
            ("expected one argument", "memerlukan satu nilai"),
            ("argument", "argumen"),
            ("choose from", "pilih dari"),
        )
        for en, idn in terjemah:
            message = message.replace(en, idn)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="lkjip",
        description="Menyusun Laporan Kinerja Instansi Pemerintah (LKjIP) satker dari data.",
        epilog="Contoh: lkjip check --satker lapas-banyuasin --tahun 2023",
    )
    p.add_argument(
        "--versi",
        action="version",
        version=f"lkjip {__version__}",
        help="tampilkan versi lalu keluar",
    )
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", parser_class=_Parser)

    def umum(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--satker",
            required=True,
            help="id satker (huruf kecil, angka, tanda hubung), mis. lapas-banyuasin",
        )
        sp.add_argument("--tahun", required=True, help="tahun laporan, empat digit, mis. 2023")
        sp.add_argument(
            "--data-dir", type=Path, default=Path("data"), help="folder data (bawaan: data/)"
        )

    c = sub.add_parser(
        "check",
        help="periksa data satker dan tampilkan temuan",
        description="Memeriksa data satker: setiap angka dihitung ulang, setiap "
        "ketidaksesuaian dicatat. Keluar 0 bila tidak ada error, 1 bila ada "
        "error (atau, dengan --ketat, peringatan yang belum ditanggapi), 2 bila data "
        "tidak dapat dibaca.",
    )
    umum(c)
    c.add_argument(
        "--json",
        type=Path,
        default=None,
        help="tulis temuan sebagai JSON ke berkas ini "
        "(bawaan: outputs/<satker>/pemeriksaan-<tahun>.json; laporan yang sudah dibangun "
        "tidak pernah diubah)",
    )
    c.add_argument(
        "--out-dir", type=Path, default=Path("outputs"), help="folder keluaran (bawaan: outputs/)"
    )
    c.add_argument(
        "--tingkat",
        choices=["error", "peringatan", "info"],
        default="info",
        help="tampilkan temuan mulai tingkat ini (bawaan: info = semua)",
    )
    c.add_argument(
        "--ketat",
        "--strict",
        action="store_true",
        help="keluar 1 selama ada peringatan yang belum dijawab di tanggapan.yaml",
    )

    b = sub.add_parser(
        "build",
        help="susun laporan HTML dan PDF",
        description="Menjalankan notebook bab dengan papermill lalu menyusun "
        "laporan.html, laporan.pdf, capaian_ikk.csv, tabel.xlsx, pemeriksaan.json "
        "dan build.json di outputs/<satker>/<tahun>/.",
    )
    umum(b)
    b.add_argument(
        "--out-dir", type=Path, default=Path("outputs"), help="folder keluaran (bawaan: outputs/)"
    )
    b.add_argument("--tanpa-pdf", action="store_true", help="hanya HTML (lebih cepat)")
    b.add_argument(
        "--abaikan-pemeriksaan",
        action="store_true",
        help="tetap menyusun laporan walaupun pemeriksaan data menemukan error",
    )
    b.add_argument(
        "--notebooks-dir",
        type=Path,
        default=None,
        help="folder notebook bab (bawaan: notebooks/ proyek)",
    )
    b.add_argument(
        "--batas-waktu-sel",
        default=None,
        metavar="DETIK",
        help="batas waktu satu sel notebook dalam detik (bawaan: $LKJIP_BATAS_WAKTU_SEL "
        "atau 600); sel yang melewatinya dihentikan dan build gagal",
    )
    m = sub.add_parser(
        "batch",
        help="susun banyak laporan dari manifest params/*.yaml",
        description="Menjalankan laporan untuk setiap baris manifest, lalu menulis "
        "rekap lintas satker ke outputs/rekap/<manifest>/ (rekap.csv, batch.json). "
        "Keluar 1 bila ada laporan yang gagal.",
    )
    m.add_argument("--manifest", type=Path, required=True, help="berkas manifest YAML")
    m.add_argument(
        "--only",
        action="append",
        default=None,
        metavar="SATKER",
        help="hanya satker ini (boleh diulang)",
    )
    m.add_argument("--limit", type=int, default=None, help="paling banyak N laporan")
    m.add_argument(
        "--continue-on-error",
        action="store_true",
        help="lanjutkan walau ada yang gagal (tetap keluar 1 di akhir)",
    )
    m.add_argument(
        "--no-execute",
        action="store_true",
        help="hanya validasi manifest, pemeriksaan data dan rekap; tanpa notebook",
    )
    m.add_argument(
        "--abaikan-pemeriksaan",
        action="store_true",
        help="tetap menyusun laporan walaupun pemeriksaan data menemukan error",
    )
    return p


def _cmd_batch(args: argparse.Namespace, console: Console) -> int:
    from .bangun.batch import jalankan

    hasil = jalankan(
        args.manifest,
        only=args.only,
        limit=args.limit,
        continue_on_error=args.continue_on_error,
        no_execute=args.no_execute,
        abaikan_pemeriksaan=args.abaikan_pemeriksaan,
        progress=console.is_terminal,
    )
    tabel = Table(title="Hasil batch")
    for kol in ("Satker", "Tahun", "Status", "Detik", "Pesan"):
        tabel.add_column(kol, overflow="fold")
    for h in hasil:
        warna = "red" if h.status == "gagal" else "green"
        tabel.add_row(
            h.satker, str(h.tahun), f"[{warna}]{h.status}[/]", f"{h.detik:.1f}", escape(h.pesan)
        )
    with _abaikan_pipa_putus():
        console.print(tabel)
    return 1 if any(h.status == "gagal" for h in hasil) else 0


def _tampilkan_temuan(console: Console, temuan: list, tingkat_min: str) -> None:
    from .periksa import URUTAN_TINGKAT, hitung_tingkat

    tampil = [t for t in temuan if URUTAN_TINGKAT[t.tingkat] <= URUTAN_TINGKAT[tingkat_min]]
    if tampil:
        tabel = Table(title="Temuan pemeriksaan data", show_lines=False, expand=True)
        tabel.add_column("Id", no_wrap=True)
        tabel.add_column("Tingkat", no_wrap=True)
        tabel.add_column("Lokasi", overflow="fold", ratio=2)
        tabel.add_column("Pesan", overflow="fold", ratio=5)
        for t in tampil:
            tabel.add_row(
                t.id, f"[{WARNA[t.tingkat]}]{t.tingkat}[/]", escape(t.lokasi), escape(t.pesan)
            )
        console.print(tabel)
    n = hitung_tingkat(temuan)
    console.print(
        f"Ringkasan: [bold red]{n['error']} error[/], [yellow]{n['peringatan']} "
        f"peringatan[/], [cyan]{n['info']} info[/]."
    )


def path_temuan_check(out_dir: Path, satker: str, tahun: int) -> Path:
    """Where ``lkjip check`` writes its findings by default: beside the report folders,
    ``<out_dir>/<satker>/pemeriksaan-<tahun>.json``, never inside a built report (whose own
    ``pemeriksaan.json`` must keep matching its ``build.json``)."""
    return Path(out_dir) / satker / f"pemeriksaan-{tahun}.json"


def _tampilkan_belum_dijawab(console: Console, belum: list) -> None:
    """``--ketat``: the problems (errors and warnings) that no answer covers yet."""
    if not belum:
        console.print("Mode ketat: semua error dan peringatan sudah ditanggapi.")
        return
    tabel = Table(title="Belum ditanggapi (tanggapan.yaml)", expand=True)
    tabel.add_column("Id", no_wrap=True)
    tabel.add_column("Tingkat", no_wrap=True)
    tabel.add_column("Masalah", overflow="fold")
    for m in belum:
        tabel.add_row(m.id, f"[{WARNA[m.tingkat]}]{m.tingkat}[/]", escape(m.judul))
    console.print(tabel)
    console.print(
        f"Mode ketat: [yellow]{len(belum)} masalah belum ditanggapi[/]; jawab dengan id di "
        "atas dalam tanggapan.yaml (status diperbaiki atau dijelaskan)."
    )


def _cmd_check(args: argparse.Namespace, console: Console) -> int:
    from .errors import ParameterError
    from .hitung import hasil_untuk
    from .keluaran.atomik import tulis_atomik
    from .muat import muat, validasi_parameter
    from .periksa import hitung_tingkat, periksa_data, tinjauan_dari, tulis_json

    satker, tahun = validasi_parameter(args.satker, args.tahun)
    tujuan = args.json or path_temuan_check(args.out_dir, satker, tahun)
    data_dir = Path(args.data_dir).resolve()
    if Path(tujuan).resolve().is_relative_to(data_dir):
        raise ParameterError(
            f"berkas temuan {str(tujuan)!r} berada di dalam folder data {str(args.data_dir)!r}; "
            "lkjip tidak menulis ke folder data"
        )
    data = muat(satker, tahun, args.data_dir)
    temuan = periksa_data(data)
    memo = tinjauan_dari(temuan, hasil_untuk(data))
    ada_error = bool(hitung_tingkat(temuan)["error"])
    if ada_error:
        kode = 1
    elif args.ketat:
        kode = 1 if memo.belum_dijawab else 0
    else:
        kode = 0
    # The findings are written first: a closed pipe (`| head`) must not lose them.
    tulis_atomik(tujuan, lambda p: tulis_json(temuan, p, memo.masalah, satker=satker, tahun=tahun))
    with _abaikan_pipa_putus():
        _tampilkan_temuan(console, temuan, args.tingkat)
        n = memo.jumlah
        console.print(
            f"Memo tinjauan: {len(memo.masalah)} masalah berbeda ({n['error']} error, "
            f"{n['peringatan']} peringatan, {n['info']} info), "
            f"{len(memo.mengubah_kesimpulan)} mengubah kesimpulan, "
            f"{len(memo.perlu_verifikasi)} IKK perlu verifikasi."
        )
        console.print(f"Temuan ditulis ke {tujuan}")
        if not ada_error and args.ketat:
            _tampilkan_belum_dijawab(console, memo.belum_dijawab)
    return kode


def _cmd_build(args: argparse.Namespace, console: Console) -> int:
    from .bangun import build
    from .muat import validasi_parameter

    satker, tahun = validasi_parameter(args.satker, args.tahun)
    hasil = build(
        satker,
        tahun,
        args.data_dir,
        args.out_dir,
        pdf=not args.tanpa_pdf,
        abaikan_pemeriksaan=args.abaikan_pemeriksaan,
        notebooks_dir=args.notebooks_dir,
        progress=console.is_terminal,
        batas_waktu_sel=args.batas_waktu_sel,
    )
    with _abaikan_pipa_putus():
        console.print(f"Laporan selesai: {hasil.folder}")
    if hasil.pdf_dilewati:
        Console(stderr=True, soft_wrap=True).print(
            f"[bold yellow]Peringatan:[/] {escape(hasil.pdf_dilewati)}", highlight=False
        )
        return KODE_KELUAR["tanpa_pdf"]
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lkjip`` console script."""
    args = _parser().parse_args(argv)
    console: Console = _Konsol(stderr=False, soft_wrap=False)
    if not console.is_terminal:
        console = _Konsol(stderr=False, soft_wrap=False, width=160)
    err = Console(stderr=True, soft_wrap=True)
    if args.perintah is None:
        _parser().print_help()
        return 2
    sigterm_lama = _pasang_sigterm()
    try:
        if args.perintah == "check":
            return _cmd_check(args, console)
        if args.perintah == "batch":
            return _cmd_batch(args, console)
        return _cmd_build(args, console)
    except LkjipError as e:
        err.print(f"[bold red]Galat:[/] {escape(str(e))}", highlight=False, markup=True)
        return e.exit_code
    except KeyboardInterrupt as e:
        _senyapkan_asyncio()
        err.print("Dihentikan (SIGTERM)." if isinstance(e, _Dihentikan) else "Dibatalkan.")
        return getattr(e, "kode", KODE_KELUAR["dibatalkan"])
    except BrokenPipeError:
        _stdout_ke_devnull()
        return 0
    except Exception as e:  # a bug: one line, not a traceback (LKJIP_DEBUG=1 shows it)
        if os.environ.get("LKJIP_DEBUG"):
            raise
        err.print(
            f"[bold red]Galat internal:[/] {escape(type(e).__name__)}: {escape(str(e)[:300])} "
            "(ulangi dengan LKJIP_DEBUG=1 untuk traceback, lalu laporkan)",
            highlight=False,
        )
        return KODE_KELUAR["galat_data_atau_build"]
    finally:
        if sigterm_lama is not None:
            signal.signal(signal.SIGTERM, sigterm_lama)


def _pasang_sigterm() -> signal.Handlers | None:
    """Turn SIGTERM into :class:`_Dihentikan` (main thread only); return the old handler."""
    try:
        return signal.signal(signal.SIGTERM, _saat_sigterm)  # type: ignore[return-value]
    except ValueError:  # not the main thread (e.g. called from a worker): leave it
        return None


def _senyapkan_asyncio() -> None:
    """After an interrupt, jupyter_client's event loops are torn down with pending tasks;
    asyncio would print "Task exception was never retrieved" tracebacks at exit."""
    logging.getLogger("asyncio").setLevel(logging.CRITICAL + 1)
    logging.getLogger("asyncio").propagate = False


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
