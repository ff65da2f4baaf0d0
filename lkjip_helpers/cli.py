"""Command line: ``lkjip check``, ``lkjip build``, ``lkjip batch``, ``lkjip satker-baru`` and the
workbook commands ``lkjip templat``, ``lkjip ekspor``, ``lkjip impor`` (help and messages in
Bahasa Indonesia; English flag spellings accepted as aliases).

Exit codes (:data:`KODE_KELUAR`): 0 success; 1 data errors found (check) or build failed;
2 input cannot be read or invalid parameters; 3 an output cannot be written (read-only folder,
full disk, a path that is a file); 4 the report was built but without the PDF because
WeasyPrint's system libraries are missing; 130 interrupted (Ctrl-C, SIGINT); 143 stopped by
SIGTERM. A closed output pipe (``lkjip check | head``) is not an error.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import logging
import os
import signal
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from .errors import LkjipError, ParameterError
from .muat.parameter import (
    kunci_periode,
    validasi_parameter,
    validasi_periode,
    validasi_tahun,
)

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

ALIAS_PERINTAH: dict[str, str] = {
    "check": "periksa",
    "build": "bangun",
    "new-satker": "satker-baru",
    "template": "templat",
    "export": "ekspor",
    "import": "impor",
    "preview": "pratinjau",
}
"""English spellings of the commands (accepted as aliases)."""


class _Dihentikan(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so every clean-up path runs (kernel, temporary folder)."""

    kode = KODE_KELUAR["sigterm"]


def _saat_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Dihentikan()


def _kirim_ulang_interupsi(args: object) -> None:
    """``sys.unraisablehook``: a Ctrl-C (or SIGTERM) that landed in a weakref callback or a
    ``__del__`` — where Python prints "Exception ignored" and drops it — is sent again, so the
    command still stops (and prints no traceback); anything else goes to the default hook."""
    jenis = getattr(args, "exc_type", None)
    if isinstance(jenis, type) and issubclass(jenis, KeyboardInterrupt):
        sinyal = signal.SIGTERM if issubclass(jenis, _Dihentikan) else signal.SIGINT
        with contextlib.suppress(OSError, ValueError):
            signal.raise_signal(sinyal)
        return
    sys.__unraisablehook__(args)  # type: ignore[arg-type]


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
        teks = teks.replace("\npositional arguments:\n", "\nargumen:\n")
        return teks.replace("\noptions:\n", "\nopsi:\n").replace(
            "show this help message and exit", "tampilkan bantuan ini lalu keluar"
        )

    def error(self, message: str) -> None:  # type: ignore[override]
        terjemah = (
            ("the following arguments are required", "argumen berikut wajib diisi"),
            ("invalid choice", "pilihan tidak sah"),
            ("unrecognized arguments", "argumen tidak dikenal"),
            ("expected one argument", "memerlukan satu nilai"),
            ("invalid int value", "bukan bilangan bulat"),
            ("argument", "argumen"),
            ("choose from", "pilih dari"),
        )
        for en, idn in terjemah:
            message = message.replace(en, idn)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: {message}\n")


def _opsi_satker_tahun(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--satker",
        required=True,
        help="id satker (huruf kecil, angka, tanda hubung), mis. lapas-banyuasin",
    )
    p.add_argument(
        "--tahun",
        "--year",
        dest="tahun",
        required=True,
        help="tahun laporan, empat digit, mis. 2023",
    )


def _opsi_folder_data(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--folder-data",
        "--data-dir",
        dest="data_dir",
        type=Path,
        default=Path("data"),
        help="folder data (bawaan: data/)",
    )


def _opsi_folder_keluaran(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--folder-keluaran",
        "--out-dir",
        dest="out_dir",
        type=Path,
        default=Path("outputs"),
        help="folder keluaran (bawaan: outputs/)",
    )


def _opsi_periode(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--periode",
        "--period",
        dest="periode",
        default="tahunan",
        help="periode laporan: tahunan (bawaan), semester-1, semester-2, triwulan-1 … triwulan-4",
    )


def _opsi_timpa(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--timpa",
        "--overwrite",
        dest="timpa",
        action="store_true",
        help="timpa berkas keluaran yang sudah ada",
    )


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="lkjip",
        description="Menyusun Laporan Kinerja Instansi Pemerintah (LKjIP) satker dari data.",
        epilog="Contoh: lkjip periksa --satker lapas-banyuasin --tahun 2023; "
        "lkjip bangun --satker lapas-banyuasin --tahun 2023. Perintah dan opsi juga menerima "
        "ejaan Inggris (check, build, --data-dir, --out-dir …).",
    )
    p.add_argument(
        "--versi",
        "--version",
        action="version",
        version=f"lkjip {__version__}",
        help="tampilkan versi lalu keluar",
    )
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", parser_class=_Parser)

    def umum(sp: argparse.ArgumentParser) -> None:
        _opsi_satker_tahun(sp)
        _opsi_folder_data(sp)

    c = sub.add_parser(
        "periksa",
        aliases=["check"],
        help="periksa data satker dan tampilkan temuan",
        description="Memeriksa data satker: setiap angka dihitung ulang, setiap "
        "ketidaksesuaian dicatat. Keluar 0 bila tidak ada error, 1 bila ada "
        "error (atau, dengan --ketat, peringatan yang belum ditanggapi), 2 bila data "
        "tidak dapat dibaca.",
    )
    umum(c)
    _opsi_periode(c)
    c.add_argument(
        "--json",
        type=Path,
        default=None,
        help="tulis temuan sebagai JSON ke berkas ini "
        "(bawaan: outputs/<satker>/pemeriksaan-<tahun>.json; laporan yang sudah dibangun "
        "tidak pernah diubah)",
    )
    _opsi_folder_keluaran(c)
    c.add_argument(
        "--tingkat",
        "--level",
        dest="tingkat",
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
    c.add_argument(
        "--literal",
        action="store_true",
        help="daftar setiap angka yang diketik langsung di narasi (di luar isian {{ … }}) "
        "beserta hasil pemeriksaannya, agar dapat diikat ke isian",
    )

    b = sub.add_parser(
        "bangun",
        aliases=["build"],
        help="susun laporan (LKjIP) dan memo tinjauan, HTML dan PDF",
        description="Menjalankan notebook bab dengan papermill lalu menyusun "
        "laporan.html, laporan.pdf, laporan.docx, capaian_ikk.csv, tabel.xlsx, pemeriksaan.json "
        "dan build.json di outputs/<satker>/<tahun>/.",
    )
    umum(b)
    _opsi_folder_keluaran(b)
    b.add_argument(
        "--tanpa-pdf",
        "--no-pdf",
        dest="tanpa_pdf",
        action="store_true",
        help="hanya HTML (lebih cepat); PDF build sebelumnya tidak dihapus",
    )
    b.add_argument(
        "--tanpa-docx",
        "--no-docx",
        dest="tanpa_docx",
        action="store_true",
        help="tanpa laporan.docx dan tinjauan.docx (berkas Word untuk disunting tim penyusun)",
    )
    b.add_argument(
        "--abaikan-pemeriksaan",
        "--ignore-checks",
        dest="abaikan_pemeriksaan",
        action="store_true",
        help="tetap menyusun laporan walaupun pemeriksaan data menemukan error",
    )
    b.add_argument(
        "--folder-notebook",
        "--notebooks-dir",
        dest="notebooks_dir",
        type=Path,
        default=None,
        help="folder notebook bab (bawaan: notebooks/ proyek)",
    )
    b.add_argument(
        "--batas-waktu-sel",
        "--cell-timeout",
        dest="batas_waktu_sel",
        default=None,
        metavar="DETIK",
        help="batas waktu satu sel notebook dalam detik (bawaan: $LKJIP_BATAS_WAKTU_SEL "
        "atau 600); sel yang melewatinya dihentikan dan build gagal",
    )
    _opsi_periode(b)
    b.add_argument(
        "--paksa",
        "--force",
        action="store_true",
        help="bangun ulang walaupun tidak ada masukan yang berubah sejak build terakhir",
    )
    v = sub.add_parser(
        "pratinjau",
        aliases=["preview"],
        help="susun laporan HTML saja (cepat) lalu tampilkan tempatnya atau sajikan di localhost",
        description="Pratinjau seluruh laporan dari terminal (juga terminal JupyterLab): "
        "menyusun laporan.html tanpa PDF (memakai ulang hasil build bila data tidak "
        "berubah; PDF build sebelumnya tetap ada, ditandai usang di indeks bila laporannya "
        "sudah berubah) lalu mencetak jalurnya. Dengan --sajikan, folder keluaran disajikan di "
        "http://127.0.0.1:<port>/ sampai dihentikan dengan Ctrl-C.",
    )
    umum(v)
    _opsi_periode(v)
    _opsi_folder_keluaran(v)
    v.add_argument(
        "--sajikan",
        "--serve",
        dest="sajikan",
        action="store_true",
        help="sajikan folder keluaran di http://127.0.0.1 (hanya dari komputer ini)",
    )
    v.add_argument("--port", type=_port, default=8765, help="port untuk --sajikan (bawaan: 8765)")
    n = sub.add_parser(
        "satker-baru",
        aliases=["new-satker"],
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
    _opsi_periode(n)
    n.add_argument(
        "--katalog",
        "--catalog",
        dest="katalog",
        default=None,
        help="id katalog IKK di data/katalog/ (bawaan: satu-satunya)",
    )
    _opsi_folder_data(n)
    _parser_buku_kerja(sub)
    _parser_batch(sub)
    return p


def _parser_buku_kerja(sub: argparse._SubParsersAction) -> None:
    """``lkjip templat``, ``lkjip ekspor``, ``lkjip impor``: the data-entry workbook."""
    t = sub.add_parser(
        "templat",
        aliases=["template"],
        help="buat buku kerja Excel kosong untuk diisi (satu lembar per tabel data)",
        description="Menulis buku kerja .xlsx untuk satker dan periode: lembar Petunjuk, satu "
        "lembar per tabel data (profil, kepegawaian, kinerja per IKK, realisasi per bulan, "
        "anggaran, SMART/IKPA, e-Performance/e-Monev, narasi, tanggapan, klaim), baris IKK "
        "terisi dari katalog. Setelah diisi: lkjip impor <berkas.xlsx>.",
        epilog="Contoh: lkjip templat --satker lapas-contoh --tahun 2024 --periode semester-1 "
        "--dari-tahun 2023",
    )
    _opsi_satker_tahun(t)
    _opsi_periode(t)
    t.add_argument(
        "--dari-tahun",
        "--from-year",
        dest="dari_tahun",
        default=None,
        help="bawa isian periode sebelumnya (profil, daftar IKK, narasi, program) dari data "
        "tahun ini; target, realisasi dan angka anggaran dikosongkan",
    )
    t.add_argument(
        "--dari-periode",
        "--from-period",
        dest="dari_periode",
        default="tahunan",
        help="periode sumber untuk --dari-tahun (bawaan: tahunan)",
    )
    t.add_argument(
        "--katalog",
        "--catalog",
        dest="katalog",
        default=None,
        help="id katalog IKK bila satker belum ada (bawaan: satu-satunya)",
    )
    t.add_argument(
        "--keluaran",
        "--output",
        dest="keluaran",
        type=Path,
        default=None,
        help="berkas .xlsx yang ditulis (bawaan: isian-<satker>-<periode>.xlsx)",
    )
    _opsi_timpa(t)
    _opsi_folder_data(t)
    e = sub.add_parser(
        "ekspor",
        aliases=["export"],
        help="tulis data satker yang ada ke buku kerja Excel (tata letak templat)",
        description="Menulis data periode ini ke buku kerja .xlsx dengan tata letak yang sama "
        "dengan lkjip templat, untuk disunting lalu diimpor kembali.",
    )
    _opsi_satker_tahun(e)
    _opsi_periode(e)
    e.add_argument(
        "--keluaran",
        "--output",
        dest="keluaran",
        type=Path,
        default=None,
        help="berkas .xlsx yang ditulis (bawaan: data-<satker>-<periode>.xlsx)",
    )
    _opsi_timpa(e)
    _opsi_folder_data(e)
    i = sub.add_parser(
        "impor",
        aliases=["import"],
        help="periksa buku kerja Excel lalu tulis isinya ke berkas data YAML",
        description="Memeriksa seluruh isian buku kerja lebih dulu (setiap masalah disebut "
        "dengan lembar dan selnya); bila tidak ada error, menulis berkas YAML satker dan "
        "periode buku kerja itu (hanya field yang berubah; komentar tetap). Keluar 0 bila "
        "berhasil, 1 bila ada masalah isian (tidak ada berkas ditulis), 2 bila berkas tidak "
        "dapat dibaca.",
        epilog="Contoh: lkjip impor isian-lapas-contoh-2024.xlsx --periksa",
    )
    i.add_argument("berkas", type=Path, help="buku kerja .xlsx yang sudah diisi")
    i.add_argument(
        "--periksa", action="store_true", help="hanya periksa; tidak menulis berkas apa pun"
    )
    _opsi_folder_data(i)


def _cmd_templat(args: argparse.Namespace, console: Console) -> int:
    from .isian.buku_kerja import tulis_templat

    h = tulis_templat(
        args.data_dir,
        args.satker,
        args.tahun,
        args.periode,
        dari_tahun=args.dari_tahun,
        dari_periode=args.dari_periode,
        katalog=args.katalog,
        keluaran=args.keluaran,
        timpa=args.timpa,
    )
    for c in h.catatan:
        console.print(f"Catatan: {escape(c)}", highlight=False)
    console.print(f"Buku kerja ditulis: {escape(str(h.path))}", highlight=False)
    console.print(
        f"Isi lalu jalankan: lkjip impor {escape(str(h.path))} --periksa", highlight=False
    )
    return 0


def _cmd_ekspor(args: argparse.Namespace, console: Console) -> int:
    from .isian.buku_kerja import tulis_ekspor

    h = tulis_ekspor(
        args.data_dir,
        args.satker,
        args.tahun,
        args.periode,
        keluaran=args.keluaran,
        timpa=args.timpa,
    )
    for c in h.catatan:
        console.print(f"Catatan: {escape(c)}", highlight=False)
    console.print(f"Buku kerja ditulis: {escape(str(h.path))}", highlight=False)
    return 0


def _cmd_impor(args: argparse.Namespace, console: Console, err: Console) -> int:
    from .isian.buku_kerja import GalatImpor, impor

    try:
        h = impor(args.berkas, args.data_dir, periksa_saja=args.periksa)
    except GalatImpor as g:
        galat = [m for m in g.masalah if m.tingkat == "error"]
        for m in g.masalah:
            warna = "red" if m.tingkat == "error" else "yellow"
            err.print(f"[{warna}]{m.tingkat}[/] {escape(str(m))}", highlight=False)
        err.print(
            f"[bold red]{len(galat)} masalah[/] di {escape(str(args.berkas))}; tidak ada berkas "
            "yang ditulis. Perbaiki semuanya lalu impor lagi.",
            highlight=False,
        )
        return g.exit_code
    for m in h.peringatan:
        console.print(f"[yellow]peringatan[/] {escape(str(m))}", highlight=False)
    for c in h.catatan:
        console.print(f"Catatan: {escape(c)}", highlight=False)
    ident = h.identitas
    kata = {"baru": "dibuat", "berubah": "diubah", "tetap": "tidak berubah"}
    if h.ditulis:
        for r in h.berkas:
            console.print(f"  {kata[r.status]:<14} {escape(str(r.path))}", highlight=False)
        console.print("Impor selesai.", highlight=False)
    else:
        berubah = [r for r in h.berkas if r.status != "tetap"]
        console.print(
            f"Tidak ada masalah. --periksa: tidak ada berkas yang ditulis ({len(berubah)} "
            "berkas akan berubah: " + (", ".join(r.path.name for r in berubah) or "-") + ").",
            highlight=False,
        )
    opsi = f" --periode {ident.periode}" if ident.periode != "tahunan" else ""
    console.print(
        f"Berikutnya: lkjip check --satker {ident.satker} --tahun {ident.tahun}{opsi} "
        f"--data-dir {escape(str(args.data_dir))}",
        highlight=False,
    )
    return 0


def _parser_batch(sub: argparse._SubParsersAction) -> None:
    """``lkjip batch``: Indonesian flags first, English spellings accepted as aliases."""
    m = sub.add_parser(
        "batch",
        help="susun banyak laporan (paralel, inkremental) dari manifest atau daftar satker",
        description="Menyusun laporan untuk setiap satker × periode dari manifest "
        "(params/*.yaml) atau dari --satker/--tahun, paralel di semua inti prosesor, "
        "melewati laporan yang masukannya tidak berubah sejak build terakhir. Laporan yang "
        "gagal tidak menghentikan yang lain; ringkasan kegagalan dicetak di akhir. Rekap "
        "lintas satker (rekap.csv, batch.json, rekap.html/.pdf per periode) ditulis ke "
        "<out_dir>/rekap/<nama>/ dan indeks semua laporan ke <out_dir>/index.html. "
        "Keluar 0 bila semua berhasil, 1 bila ada yang gagal, 2 bila manifest atau "
        "parameter tidak sah, 130 bila dibatalkan (Ctrl-C).",
        epilog="Contoh: lkjip batch --manifest params/contoh.yaml --pekerja 2; "
        "lkjip batch --satker semua --tahun 2022,2023 --tanpa-pdf; "
        "lkjip batch --manifest params/contoh.yaml --pelaksana dask "
        "--penjadwal tcp://10.0.0.5:8786",
    )
    sumber = m.add_argument_group("sumber daftar laporan (pilih salah satu)")
    sumber.add_argument("--manifest", type=Path, default=None, help="berkas manifest YAML")
    sumber.add_argument(
        "--satker",
        action="append",
        default=None,
        help="tanpa manifest: id satker dipisah koma, atau 'semua' (semua satker di data_dir)",
    )
    sumber.add_argument(
        "--tahun", action="append", default=None, help="tanpa manifest: tahun, dipisah koma"
    )
    sumber.add_argument(
        "--periode",
        action="append",
        default=None,
        help="tanpa manifest: periode dipisah koma (bawaan: tahunan)",
    )
    sumber.add_argument(
        "--folder-data",
        "--data-dir",
        dest="data_dir",
        type=Path,
        default=None,
        help="tanpa manifest: folder data (bawaan: data/)",
    )
    sumber.add_argument(
        "--folder-keluaran",
        "--out-dir",
        dest="out_dir",
        type=Path,
        default=None,
        help="tanpa manifest: folder keluaran (bawaan: outputs/ di samping folder data)",
    )
    sumber.add_argument(
        "--folder-notebook",
        "--notebooks-dir",
        dest="notebooks_dir",
        type=Path,
        default=None,
        help="tanpa manifest: folder notebook bab (bawaan: notebooks/ proyek)",
    )
    sumber.add_argument(
        "--nama",
        default="batch",
        help="tanpa manifest: nama rekap, folder <out_dir>/rekap/<nama>/ (bawaan: batch)",
    )
    pilih = m.add_argument_group("pilihan")
    pilih.add_argument(
        "--hanya",
        "--only",
        dest="only",
        action="append",
        default=None,
        metavar="SATKER",
        help="hanya satker ini (dipisah koma atau diulang); harus ada di manifest",
    )
    pilih.add_argument(
        "--batas",
        "--limit",
        dest="limit",
        type=int,
        default=None,
        metavar="N",
        help="paling banyak N laporan (N ≥ 1)",
    )
    pilih.add_argument(
        "--paksa",
        "--force",
        dest="paksa",
        action="store_true",
        help="bangun ulang walaupun masukan tidak berubah",
    )
    pilih.add_argument(
        "--rencana",
        "--dry-run",
        dest="rencana",
        action="store_true",
        help="hanya tampilkan apa yang akan dibangun dan alasannya (baru, berubah, "
        "tidak berubah); tidak menjalankan apa pun",
    )
    pilih.add_argument(
        "--tanpa-eksekusi",
        "--no-execute",
        dest="no_execute",
        action="store_true",
        help="hanya validasi, pemeriksaan data dan rekap.csv; tanpa notebook",
    )
    pilih.add_argument(
        "--tanpa-pdf", "--no-pdf", dest="tanpa_pdf", action="store_true", help="hanya HTML"
    )
    pilih.add_argument(
        "--tanpa-rekap",
        "--no-rollup",
        dest="tanpa_rekap",
        action="store_true",
        help="jangan susun dokumen rekap (rekap.csv tetap ditulis)",
    )
    pilih.add_argument(
        "--abaikan-pemeriksaan",
        "--ignore-checks",
        dest="abaikan_pemeriksaan",
        action="store_true",
        help="tetap menyusun laporan walaupun pemeriksaan data menemukan error",
    )
    pilih.add_argument(
        "--kanwil",
        dest="kanwil",
        action="append",
        default=None,
        metavar="NAMA",
        help="tambahkan rekap satu Kanwil (nama atau sebagian nama, mis. 'Sumatera Selatan'; "
        "boleh diulang) dari batch yang sama, di <out_dir>/rekap/<nama>-kanwil-…/<periode>/; "
        "'semua': satu rekap per Kanwil",
    )
    pilih.add_argument(
        "--lanjut-saat-gagal",
        "--continue-on-error",
        dest="continue_on_error",
        action="store_true",
        help="(bawaan, tetap diterima) laporan lain tetap dibangun bila satu gagal; keluar 1",
    )
    jalan = m.add_argument_group("pelaksana")
    jalan.add_argument(
        "--pekerja",
        "--jobs",
        "-j",
        dest="jobs",
        type=int,
        default=None,
        metavar="N",
        help="jumlah laporan yang dibangun bersamaan, masing-masing dengan kernelnya "
        "(bawaan: jumlah inti prosesor)",
    )
    jalan.add_argument(
        "--pelaksana",
        "--executor",
        dest="executor",
        choices=["lokal", "dask"],
        default="lokal",
        help="lokal (proses di mesin ini, bawaan) atau dask (Dask distributed)",
    )
    jalan.add_argument(
        "--penjadwal",
        "--scheduler",
        dest="scheduler",
        default=None,
        metavar="ALAMAT",
        help="alamat penjadwal Dask, mis. tcp://10.0.0.5:8786 (tanpa ini: LocalCluster)",
    )


def _cmd_batch(args: argparse.Namespace, console: Console) -> int:
    from .bangun.batch import jalankan, rencanakan
    from .bangun.manifest import pecah_daftar, rencana_cli, rencana_manifest

    tanpa_manifest = {
        "--satker": args.satker,
        "--tahun": args.tahun,
        "--periode": args.periode,
        "--data-dir": args.data_dir,
        "--out-dir": args.out_dir,
        "--notebooks-dir": args.notebooks_dir,
    }
    if args.manifest is not None:
        bentrok = [k for k, v in tanpa_manifest.items() if v is not None]
        if bentrok:
            raise ParameterError(
                f"{', '.join(bentrok)} tidak dapat dipakai bersama --manifest "
                "(atur di manifest; pilih satker dengan --hanya)"
            )
        rencana = rencana_manifest(args.manifest)
    elif args.satker is None and args.tahun is None:
        raise ParameterError("berikan --manifest, atau --satker dan --tahun")
    else:
        rencana = rencana_cli(
            pecah_daftar(args.satker),
            pecah_daftar(args.tahun),
            pecah_daftar(args.periode) or None,
            data_dir=args.data_dir or Path("data"),
            out_dir=args.out_dir,
            notebooks_dir=args.notebooks_dir,
            pdf=not args.tanpa_pdf,
            abaikan_pemeriksaan=args.abaikan_pemeriksaan,
            nama=args.nama,
        )
    only = pecah_daftar(args.only) or None
    rencana.timpa(
        pdf=False if args.tanpa_pdf else None,
        abaikan_pemeriksaan=True if args.abaikan_pemeriksaan else None,
    )
    if args.rencana:
        from .bangun.batch import periksa_satker_ada

        periksa_satker_ada(rencana.pilih(only, args.limit))
        status = rencanakan(rencana, only=only, limit=args.limit, paksa=args.paksa)
        for st in status:
            console.print(
                f"{st.alasan:<14} {st.tugas.label:<40} → {st.tugas.folder}"
                + (f"  ({escape(st.rinci)})" if st.rinci else ""),
                highlight=False,
            )
        n = sum(st.perlu for st in status)
        console.print(
            f"Rencana: {len(status)} laporan, {n} akan dibangun, {len(status) - n} tidak berubah."
        )
        return 0
    hasil = jalankan(
        rencana,
        only=only,
        limit=args.limit,
        paksa=args.paksa,
        tanpa_eksekusi=args.no_execute,
        tanpa_rekap=args.tanpa_rekap,
        jobs=args.jobs,
        executor=args.executor,
        scheduler=args.scheduler,
        terminal=console.is_terminal,
        kanwil=args.kanwil or (),
    )
    _ringkasan_batch(console, hasil)
    return hasil.kode_keluar


def _ringkasan_batch(console: Console, hb: object) -> None:
    """Totals, the failures (satker, period, chapter, first line of the error, log), paths."""
    from .bangun.batch import HasilBatch

    assert isinstance(hb, HasilBatch)
    jumlah = hb.jumlah()
    bagian = [f"{n} {status}" for status, n in sorted(jumlah.items())]
    detik = f"{hb.detik:.1f}".replace(".", ",")
    console.print(
        f"Selesai dalam {detik} dtk: {', '.join(bagian) or 'tidak ada laporan'}"
        + ("; DIBATALKAN (Ctrl-C)" if hb.dibatalkan else "")
        + ".",
        highlight=False,
    )
    if hb.gagal:
        tabel = Table(title=f"Gagal ({len(hb.gagal)})", show_lines=False)
        for kol in ("Satker", "Periode", "Bab", "Galat", "Log"):
            tabel.add_column(kol, overflow="fold")
        for h in hb.gagal:
            tabel.add_row(
                h.satker, h.kunci, escape(h.bab or "–"), escape(h.baris_pertama), escape(h.log)
            )
        console.print(tabel)
    for r in hb.rekap:
        if r.status == "gagal":
            console.print(f"[red]Rekap {r.kunci} gagal:[/] {escape(r.pesan)}")
    if hb.folder_rekap is not None:
        console.print(f"Rekap: {hb.folder_rekap}", highlight=False)
    for p in hb.indeks:
        console.print(f"Indeks: {p}", highlight=False)


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
    from .isian.kerangka import buat_kerangka, langkah_berikut

    tahun = validasi_tahun(args.tahun or datetime.date.today().year)
    periode = validasi_periode(args.periode)
    hasil = buat_kerangka(args.data_dir, args.id, tahun, periode, args.katalog)
    console.print("Berkas dibuat:", highlight=False)
    for p in hasil.berkas:
        console.print(f"  {escape(str(p))}", highlight=False)
    console.print(escape(langkah_berikut(hasil, args.id, tahun, periode)), highlight=False)
    return 0


def path_temuan_check(out_dir: Path, satker: str, tahun: int, periode: str = "tahunan") -> Path:
    """Where ``lkjip check`` writes its findings by default: beside the report folders,
    ``<out_dir>/<satker>/pemeriksaan-<kunci periode>.json`` (``pemeriksaan-2023.json``,
    ``pemeriksaan-2024-semester-1.json``), never inside a built report (whose own
    ``pemeriksaan.json`` must keep matching its ``build.json``)."""
    return Path(out_dir) / satker / f"pemeriksaan-{kunci_periode(tahun, periode)}.json"


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
        judul = m.judul
        if m.perbaikan_gagal:
            judul += " — dijawab diperbaiki, tetapi masih muncul pada data sekarang"
        tabel.add_row(m.id, f"[{WARNA[m.tingkat]}]{m.tingkat}[/]", escape(judul))
    console.print(tabel)
    console.print(
        f"Mode ketat: [yellow]{len(belum)} masalah belum ditanggapi[/]; jawab dengan id di "
        "atas dalam tanggapan.yaml (status diperbaiki atau dijelaskan)."
    )


def _tampilkan_literal(console: Console, data: object, kunci_rujukan: object) -> None:
    """``periksa --literal``: every number typed in a narrative outside a placeholder."""
    from .hitung import hasil_untuk
    from .periksa.literal import STATUS_DIPERIKSA, literal_narasi

    hasil = hasil_untuk(data)  # type: ignore[arg-type]
    rujukan = kunci_rujukan(hasil)  # type: ignore[operator]
    daftar = literal_narasi(hasil, getattr(rujukan, "nomor", None))
    tabel = Table(title="Angka yang diketik di narasi (di luar isian)", expand=True)
    tabel.add_column("Narasi", overflow="fold")
    tabel.add_column("Angka", no_wrap=True)
    tabel.add_column("Jenis", no_wrap=True)
    tabel.add_column("Hasil", overflow="fold")
    for x, _ in daftar:
        if x.status == STATUS_DIPERIKSA and x.jenis in ("tahun", "peraturan"):
            continue  # years and regulation numbers that were examined: counted below
        warna = {"temuan": "yellow", "dapat diikat": "cyan"}.get(x.status, "default")
        tabel.add_row(
            escape(x.sumber),
            escape(x.teks),
            x.jenis,
            f"[{warna}]{escape(x.status)}[/]: {escape(x.keterangan)}"
            + (f"; tulis {escape(x.isian)}" if x.isian else ""),
        )
    console.print(tabel)
    n = Counter(x.status for x, _ in daftar)
    console.print(
        f"{len(daftar)} angka di luar isian: "
        + ", ".join(f"{v} {k}" for k, v in sorted(n.items()))
        + " (tahun dan nomor peraturan yang sudah diperiksa tidak ditampilkan)."
    )


def _cmd_check(args: argparse.Namespace, console: Console) -> int:
    from .atomik import tulis_atomik
    from .hitung import hasil_untuk
    from .laporan import kunci_rujukan
    from .muat import muat
    from .periksa import hitung_tingkat, periksa_data, tinjauan_dari, tulis_json

    satker, tahun = validasi_parameter(args.satker, args.tahun)
    periode = validasi_periode(args.periode)
    tujuan = args.json or path_temuan_check(args.out_dir, satker, tahun, periode)
    data_dir = Path(args.data_dir).resolve()
    if not (data_dir / "satker").is_dir():  # e.g. --folder-data /: say that first
        raise ParameterError(
            f"--folder-data {str(args.data_dir)!r}: tidak ada folder satker/ di dalamnya; "
            "bukan folder data lkjip (mis. data/, berisi satker/<id>/satker.yaml)"
        )
    if Path(tujuan).resolve().is_relative_to(data_dir):
        raise ParameterError(
            f"berkas temuan {str(tujuan)!r} berada di dalam folder data {str(args.data_dir)!r}; "
            "lkjip tidak menulis ke folder data"
        )
    data = muat(satker, tahun, args.data_dir, periode)
    temuan = periksa_data(data, kunci_rujukan)
    memo = tinjauan_dari(temuan, hasil_untuk(data))
    ada_error = bool(hitung_tingkat(temuan)["error"])
    if ada_error:
        kode = 1
    elif args.ketat:
        kode = 1 if memo.belum_dijawab else 0
    else:
        kode = 0
    # The findings are written first: a closed pipe (`| head`) must not lose them.
    tulis_atomik(
        tujuan,
        lambda p: tulis_json(temuan, p, memo.masalah, satker=satker, tahun=tahun, periode=periode),
    )
    with _abaikan_pipa_putus():
        if getattr(args, "literal", False):
            _tampilkan_literal(console, data, kunci_rujukan)
        else:
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


def _ringkasan_build(console: Console, hasil: object) -> None:
    """The end of ``lkjip bangun``: findings and the top problems, files, time per step."""
    n = hasil.temuan  # type: ignore[attr-defined]
    console.print(
        f"Temuan pemeriksaan: {n.get('error', 0)} error, {n.get('peringatan', 0)} peringatan, "
        f"{n.get('info', 0)} info (rincian: tinjauan.html).",
        highlight=False,
    )
    for i, judul in enumerate(getattr(hasil, "masalah_teratas", []), start=1):
        console.print(f"  {i}. {escape(judul)}", highlight=False)
    folder: Path = hasil.folder  # type: ignore[attr-defined]
    berkas = sorted(p.name for p in folder.iterdir() if p.is_file())
    nb = folder / "notebooks"
    if nb.is_dir():
        berkas.append(f"notebooks/ ({len(list(nb.glob('*.ipynb')))} notebook)")
    console.print("Berkas: " + ", ".join(berkas), highlight=False)
    _cetak_pdf_usang(console, hasil)
    durasi = {k: v for k, v in hasil.durasi.items() if ":" not in k}  # type: ignore[attr-defined]
    if durasi:
        console.print(
            "Waktu: " + " · ".join(f"{k} {v:.1f} s".replace(".", ",") for k, v in durasi.items()),
            highlight=False,
        )


def _port(teks: str) -> int:
    """``--port``: a TCP port number 1–65535 (0: any free port)."""
    try:
        nilai = int(teks)
    except ValueError:
        nilai = -1
    if not 0 <= nilai <= 65535:
        raise argparse.ArgumentTypeError(f"port harus bilangan bulat 1–65535 (ditemukan: {teks!r})")
    return nilai


def _cetak_pdf_usang(console: Console, hasil: object) -> None:
    """Name the PDFs an HTML-only build kept from the previous build though out of date."""
    usang = getattr(hasil, "pdf_usang", [])
    if usang:
        console.print(
            f"PDF dari build sebelumnya dipertahankan tetapi belum sesuai HTML ini: "
            f"{', '.join(usang)} (bangun tanpa --tanpa-pdf untuk mencetak ulang)",
            highlight=False,
        )


def _cmd_pratinjau(args: argparse.Namespace, console: Console) -> int:
    from .bangun import build
    from .muat.berkas import pastikan_terpisah

    satker, tahun = validasi_parameter(args.satker, args.tahun)
    pastikan_terpisah(args.data_dir, args.out_dir)
    akar = Path(args.out_dir).resolve()
    server = None
    if args.sajikan:  # bound before the build: a busy port is said first
        from .bangun.saji import buat_server

        server = buat_server(akar, args.port)
    try:
        hasil = build(
            satker,
            tahun,
            args.data_dir,
            args.out_dir,
            pdf=False,
            progress=True,
            periode=args.periode,
            docx=False,
        )
        with _abaikan_pipa_putus():
            console.print(f"Pratinjau laporan: {hasil.html}", highlight=False)
            _cetak_pdf_usang(console, hasil)
            console.print(f"Buka di peramban: {hasil.html.resolve().as_uri()}", highlight=False)
            console.print(
                "Di JupyterLab: klik kanan berkas itu di penjelajah berkas → Open in New Browser "
                "Tab.",
                highlight=False,
            )
        if server is None:
            return 0
        jalur = hasil.html.resolve().relative_to(akar).as_posix()
        console.print(
            f"Disajikan di http://127.0.0.1:{server.server_port}/{jalur} (Ctrl-C untuk berhenti)",
            highlight=False,
        )
        server.serve_forever()
    finally:
        if server is not None:
            server.server_close()
    return 0


def _cmd_build(args: argparse.Namespace, console: Console) -> int:
    from .bangun import build

    satker, tahun = validasi_parameter(args.satker, args.tahun)
    from .muat.berkas import pastikan_terpisah

    # refused before anything is written: not even the index page may land in the data folder
    pastikan_terpisah(args.data_dir, args.out_dir)
    try:
        hasil = build(
            satker,
            tahun,
            args.data_dir,
            args.out_dir,
            pdf=not args.tanpa_pdf,
            abaikan_pemeriksaan=args.abaikan_pemeriksaan,
            notebooks_dir=args.notebooks_dir,
            progress=True,
            batas_waktu_sel=args.batas_waktu_sel,
            periode=args.periode,
            paksa=args.paksa,
            docx=not args.tanpa_docx,
        )
    except LkjipError:
        if args.out_dir.is_dir():  # the index shows the failure next to the previous report
            from .bangun.indeks import tulis_indeks

            with contextlib.suppress(LkjipError, OSError):  # the build's message comes first
                tulis_indeks(args.out_dir)
        raise
    with _abaikan_pipa_putus():
        if hasil.dipakai_ulang:
            console.print(
                "Tidak ada masukan yang berubah sejak build terakhir; laporan dipakai ulang: "
                f"{hasil.folder} (--paksa untuk membangun ulang)",
                highlight=False,
            )
        else:
            console.print(f"Laporan selesai: {hasil.folder}", highlight=False)
            _ringkasan_build(console, hasil)
    if hasil.pdf_dilewati:
        Console(stderr=True, soft_wrap=True).print(
            f"[bold yellow]Peringatan:[/] {escape(hasil.pdf_dilewati)}", highlight=False
        )
        return KODE_KELUAR["tanpa_pdf"]
    return 0


def jalankan() -> None:
    """The ``lkjip`` console script: :func:`main`, then leave without the interpreter's
    teardown.

    Finalising the modules a build loaded (pandas, matplotlib, nbconvert, WeasyPrint …) takes
    ≈ 0.3 s after the report is already written: a third of a no-change re-build. Every file
    is closed by then (the build writes through ``with`` blocks and swaps its folder in before
    returning), so the streams are flushed and the process ends with ``os._exit``. ``batch``
    keeps the ordinary exit: its executors (Dask among them) register exit handlers.
    """
    argv = sys.argv[1:]
    kode = main(argv)
    perintah = next((a for a in argv if not a.startswith("-")), None)
    if perintah is None or ALIAS_PERINTAH.get(perintah, perintah) == "batch":
        sys.exit(kode)
    logging.shutdown()
    for aliran in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            aliran.flush()
    os._exit(kode)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lkjip`` console script (and of the tests)."""
    args = _parser().parse_args(argv)
    console: Console = _Konsol(stderr=False, soft_wrap=False)
    if not console.is_terminal:
        console = _Konsol(stderr=False, soft_wrap=False, width=160)
    err = Console(stderr=True, soft_wrap=True)
    if args.perintah is None:
        _parser().print_help()
        return 2
    args.perintah = ALIAS_PERINTAH.get(args.perintah, args.perintah)
    sigterm_lama = _pasang_sigterm()
    hook_lama, sys.unraisablehook = sys.unraisablehook, _kirim_ulang_interupsi
    try:
        if args.perintah == "periksa":
            return _cmd_check(args, console)
        if args.perintah == "batch":
            return _cmd_batch(args, console)
        if args.perintah == "satker-baru":
            return _cmd_satker_baru(args, console)
        if args.perintah == "templat":
            return _cmd_templat(args, console)
        if args.perintah == "ekspor":
            return _cmd_ekspor(args, console)
        if args.perintah == "impor":
            return _cmd_impor(args, console, err)
        if args.perintah == "pratinjau":
            return _cmd_pratinjau(args, console)
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
        sys.unraisablehook = hook_lama
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
