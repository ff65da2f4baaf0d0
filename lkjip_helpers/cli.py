"""Command line: ``lkjip check`` and ``lkjip build`` (help and messages in Bahasa Indonesia).

Exit codes: 0 success; 1 data errors found (check) or build failed; 2 input cannot be read or
invalid parameters.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from .errors import LkjipError

WARNA = {"error": "bold red", "peringatan": "yellow", "info": "cyan"}


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
        "--periode",
        default="tahunan",
        help="periode laporan: tahunan (bawaan), semester-1, semester-2, triwulan-1 … triwulan-4",
    )
    c.add_argument(
        "--json",
        type=Path,
        default=None,
        help="tulis temuan sebagai JSON ke berkas ini "
        "(bawaan: outputs/<satker>/<tahun>/pemeriksaan.json)",
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
    n = sub.add_parser(
        "satker-baru",
        help="buat kerangka data satker baru (berkas YAML berkomentar untuk diisi)",
        description="Membuat data/satker/<id>/satker.yaml dan folder periode berisi "
        "kinerja.yaml, profil.yaml, anggaran.yaml dengan komentar di setiap field. Definisi "
        "IKK diambil dari katalog bersama. Setelah itu `lkjip check` menampilkan sekaligus "
        "semua yang masih harus diisi.",
    )
    n.add_argument(
        "id", help="id satker baru (huruf kecil, angka, tanda hubung), mis. lapas-contoh"
    )
    n.add_argument("--tahun", default=None, help="tahun laporan (bawaan: tahun berjalan)")
    n.add_argument(
        "--periode",
        default="tahunan",
        help="periode laporan: tahunan (bawaan), semester-1, semester-2, triwulan-1 … triwulan-4",
    )
    n.add_argument(
        "--katalog", default=None, help="id katalog IKK di data/katalog/ (bawaan: satu-satunya)"
    )
    n.add_argument(
        "--data-dir", type=Path, default=Path("data"), help="folder data (bawaan: data/)"
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


def _cmd_satker_baru(args: argparse.Namespace, console: Console) -> int:
    import datetime

    from .muat.kerangka import buat_kerangka, langkah_berikut
    from .muat.parameter import validasi_periode, validasi_tahun

    tahun = validasi_tahun(args.tahun or datetime.date.today().year)
    periode = validasi_periode(args.periode)
    hasil = buat_kerangka(args.data_dir, args.id, tahun, periode, args.katalog)
    console.print("Berkas dibuat:", highlight=False)
    for p in hasil.berkas:
        console.print(f"  {escape(str(p))}", highlight=False)
    console.print(escape(langkah_berikut(hasil, args.id, tahun, periode)), highlight=False)
    return 0


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
    from .hitung import hasil_untuk
    from .muat import muat, validasi_parameter
    from .muat.parameter import kunci_periode, validasi_periode
    from .periksa import hitung_tingkat, periksa_data, tinjauan_dari, tulis_json

    satker, tahun = validasi_parameter(args.satker, args.tahun)
    periode = validasi_periode(args.periode)
    data = muat(satker, tahun, args.data_dir, periode)
    temuan = periksa_data(data)
    memo = tinjauan_dari(temuan, hasil_untuk(data))
    _tampilkan_temuan(console, temuan, args.tingkat)
    tujuan = args.json or args.out_dir / satker / kunci_periode(tahun, periode) / "pemeriksaan.json"
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    sementara = tujuan.with_name(f".{tujuan.name}.tmp")
    tulis_json(temuan, sementara, memo.masalah, satker=satker, tahun=tahun, periode=periode)
    sementara.replace(tujuan)
    n = memo.jumlah
    console.print(
        f"Memo tinjauan: {len(memo.masalah)} masalah berbeda ({n['error']} error, "
        f"{n['peringatan']} peringatan, {n['info']} info), "
        f"{len(memo.mengubah_kesimpulan)} mengubah kesimpulan, "
        f"{len(memo.perlu_verifikasi)} IKK perlu verifikasi."
    )
    console.print(f"Temuan ditulis ke {tujuan}")
    if hitung_tingkat(temuan)["error"]:
        return 1
    if args.ketat:
        _tampilkan_belum_dijawab(console, memo.belum_dijawab)
        return 1 if memo.belum_dijawab else 0
    return 0


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
    )
    console.print(f"Laporan selesai: {hasil.folder}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lkjip`` console script."""
    args = _parser().parse_args(argv)
    console = Console(stderr=False, soft_wrap=False)
    if not console.is_terminal:
        console = Console(stderr=False, soft_wrap=False, width=160)
    err = Console(stderr=True, soft_wrap=True)
    if args.perintah is None:
        _parser().print_help()
        return 2
    try:
        if args.perintah == "check":
            return _cmd_check(args, console)
        if args.perintah == "batch":
            return _cmd_batch(args, console)
        if args.perintah == "satker-baru":
            return _cmd_satker_baru(args, console)
        return _cmd_build(args, console)
    except LkjipError as e:
        err.print(f"[bold red]Galat:[/] {escape(str(e))}", highlight=False, markup=True)
        return e.exit_code
    except KeyboardInterrupt:
        err.print("Dibatalkan.")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
