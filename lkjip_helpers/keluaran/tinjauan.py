"""Write the review memo (``tinjauan.html``, and ``tinjauan.pdf``) of one built report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..hitung import hasil_untuk
from ..laporan import dokumen_laporan
from ..laporan.model import Bagian
from ..laporan.tinjauan import susun_tinjauan
from ..muat import DataLaporan, muat
from ..periksa import Temuan
from ..periksa.masalah import Tinjauan, tinjauan_dari
from .html import dokumen_mandiri

JUDUL = "Memo Tinjauan LKjIP"


@dataclass
class MemoDitulis:
    """The memo's files and the grouped findings it shows."""

    berkas: list[Path]
    tinjauan: Tinjauan

    @property
    def masalah_teratas(self) -> list[str]:
        """Titles of the first three problems that are not mere information."""
        return [m.judul for m in self.tinjauan.masalah if m.tingkat != "info"][:3]


def _bagian(data: DataLaporan, temuan: list[Temuan]) -> tuple[Bagian, Tinjauan, str]:
    hasil = hasil_untuk(data)
    dok = dokumen_laporan(hasil)  # the model the build's checks and keys built (read only)
    tj = tinjauan_dari(temuan, hasil)
    bagian = Bagian(susun_tinjauan(tj, hasil, dok), dok)
    judul = f"{JUDUL} {hasil.periode.judul} — {data.satker.nama}"
    return bagian, tj, judul


def _html(data: DataLaporan, temuan: list[Temuan]) -> tuple[str, Tinjauan]:
    bagian, tj, judul = _bagian(data, temuan)
    return dokumen_mandiri(bagian.blok, judul, "laporan tinjauan", bagian.dok), tj


def html_tinjauan(data: DataLaporan, temuan: list[Temuan]) -> str:
    """The memo as a self-contained HTML document."""
    return _html(data, temuan)[0]


def tulis_tinjauan(
    data: DataLaporan | tuple[str, int, Path] | tuple[str, int, Path, str],
    temuan: list[Temuan],
    folder: Path,
    pdf: bool | Callable[[str, Path, str], None] = True,
    docx: bool | Callable[[Callable[[], Path], tuple[str, ...]], None] = False,
) -> MemoDitulis:
    """Write ``tinjauan.html`` (and ``tinjauan.pdf``, and with ``docx`` ``tinjauan.docx``)
    into ``folder``.

    ``data`` is the loaded data, or ``(satker, tahun, data_dir[, periode])`` to load
    (cached). ``pdf`` may be the function that prints ``(html, tujuan, judul_berjalan)``
    (the build passes one that reuses an unchanged PDF). ``docx`` may be a function given
    the writer of ``tinjauan.docx`` and what the file is made of (the memo's HTML, which
    renders the same blocks, its title, author and running header), to run the writer later
    or copy an unchanged file (the build does either); the file is listed either way."""
    if isinstance(data, tuple):
        data = muat(*data)
    bagian, tj, judul_memo = _bagian(data, temuan)
    html = dokumen_mandiri(bagian.blok, judul_memo, "laporan tinjauan", bagian.dok)
    tujuan = folder / "tinjauan.html"
    tujuan.write_text(html, encoding="utf-8")
    hasil = [tujuan]
    judul = (
        f"Memo Tinjauan LKjIP {data.periode.judul.removeprefix('Tahun ')} — "
        f"{data.satker.nama_singkat}"
    )
    if pdf:
        if callable(pdf):
            pdf(html, folder / "tinjauan.pdf", judul)
        else:
            from .pdf import tulis_pdf

            tulis_pdf(html, folder / "tinjauan.pdf", judul, folder)
        hasil.append(folder / "tinjauan.pdf")
    if docx:  # after the PDF: the build prints it in a child process meanwhile

        def tulis_docx() -> Path:
            from .docx import tulis_docx_blok

            return tulis_docx_blok(
                bagian.blok,
                bagian.dok,
                folder / "tinjauan.docx",
                judul=judul_memo,
                penulis=data.satker.nama,
                berjalan=judul,
                subjek="Memo tinjauan LKjIP: temuan pemeriksaan data",
            )

        hasil.append(folder / "tinjauan.docx")
        if callable(docx):
            docx(tulis_docx, (html, judul_memo, data.satker.nama, judul))
        else:
            tulis_docx()
    return MemoDitulis(hasil, tj)
