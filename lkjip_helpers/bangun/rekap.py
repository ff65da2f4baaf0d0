"""Execute the roll-up notebook and stitch it into ``rekap.html`` and ``rekap.pdf``.

The notebook ``notebooks/rekap/rekap.ipynb`` (outside the chapter folder's ``*.ipynb`` glob)
runs with papermill in its own kernel, like a chapter; it is rendered from its sections'
blocks like the report, without its front matter (:mod:`lkjip_helpers.keluaran.html`), and
printed with WeasyPrint (:mod:`lkjip_helpers.keluaran.pdf`). Output goes to a temporary folder
swapped in only when everything succeeded. ``rekap.json`` records the cache key: an unchanged
roll-up (same members with the same report fingerprints, same failures, same notebook, code
and environment) is not rendered again. An HTML-only run (``batch --tanpa-pdf``) never deletes
the ``rekap.pdf`` of an earlier run: it is kept, as current when it prints the same HTML
(``rekap.json`` ``pdf_key``), else recorded as stale (``pdf_stale``, marked "usang" in the
index), as a report's PDFs are.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..atomik import pindahkan_atomik as _pindahkan_atomik
from ..errors import BuildError, LkjipError
from ..muat.parameter import PERIODE
from .bab import folder_notebook_bawaan
from .sidik import sidik_kode, sidik_lingkungan

if TYPE_CHECKING:
    from ..keluaran.html import DokumenHtml

NAMA_NOTEBOOK = "rekap.ipynb"


def notebook_rekap() -> Path:
    """The roll-up notebook: ``notebooks/rekap/rekap.ipynb`` of the project."""
    return folder_notebook_bawaan() / "rekap" / NAMA_NOTEBOOK


def _relatif(path: Path, dari: Path) -> str:
    """``path`` relative to ``dari`` when possible (no build-machine path in the notebook)."""
    try:
        return os.path.relpath(path, dari)
    except ValueError:  # another drive on Windows
        return str(path)


GAYA_REKAP = """
@page { margin: 15mm 13mm 16mm 13mm; }
table { font-size: 7.5pt; }
table.kolom-banyak th, table.kolom-banyak td,
table.kolom-sangat-banyak th, table.kolom-sangat-banyak td { overflow-wrap: break-word; }
section.kepala-rekap h1 { margin-top: 0; font-size: 15pt; }
figure.gambar img { max-height: 235mm; }
figure[id^="tabel-rekap-ringkasan"] th:first-child { width: 24%; }
"""
"""Print rules of the roll-up (after the report's print stylesheet, so they win): narrower
margins and smaller table text, so the per-satker summary fits page 1."""


GAYA_LAYAR_REKAP = "td.kelompok { font-weight: bold; background: #e8edf3; }"


def rapatkan(dokumen: DokumenHtml) -> DokumenHtml:
    """The roll-up is read, not filed: page 1 is its summary (the report's front matter,
    Daftar Isi / Tabel / Gambar, each on its own page, is left out by :func:`rakit`, and
    sections do not start a new page); its own screen and print rules follow the report's
    stylesheet; return ``dokumen``."""
    dokumen.gaya = f'<style>{GAYA_LAYAR_REKAP}</style><style media="print">{GAYA_REKAP}</style>'
    return dokumen


def kunci_rekap(parameter: dict[str, Any], sidik_anggota: dict[str, str], pdf: bool) -> str:
    """sha256 of everything the roll-up document depends on."""
    nb = notebook_rekap()
    isi = {
        "parameter": parameter,
        "anggota": dict(sorted(sidik_anggota.items())),
        "pdf": pdf,
        "notebook": hashlib.sha256(nb.read_bytes()).hexdigest() if nb.is_file() else "",
        "kode": sidik_kode(),
        "lingkungan": sidik_lingkungan(),
    }
    return hashlib.sha256(json.dumps(isi, sort_keys=True).encode("utf-8")).hexdigest()


def _rekam(tujuan: Path) -> dict[str, Any]:
    """``rekap.json`` of the roll-up in ``tujuan``; empty when absent or unreadable."""
    try:
        rekam = json.loads((tujuan / "rekap.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return rekam if isinstance(rekam, dict) else {}


def rekap_pdf_usang(tujuan: Path) -> bool:
    """Whether the roll-up in ``tujuan`` carries a ``rekap.pdf`` kept from an earlier run that
    does not print it (an HTML-only run)."""
    return "rekap.pdf" in (_rekam(tujuan).get("pdf_stale") or [])


def rekap_tersimpan(tujuan: Path, kunci: str) -> bool:
    """Whether ``tujuan`` holds a roll-up rendered with this key and all its files."""
    rekam = _rekam(tujuan)
    if rekam.get("key") != kunci:
        return False
    return all((tujuan / str(p)).is_file() for p in rekam.get("outputs") or ["-"])


def render_rekap(
    tujuan: Path,
    *,
    satker: list[str],
    tahun: int,
    periode: str,
    data_dir: Path,
    data_dir_satker: dict[str, Path] | None = None,
    gagal: list[dict[str, Any]] | None = None,
    pdf: bool = True,
    judul: str = "",
    kunci: str = "",
    rekam: Path | None = None,
    kanwil: str = "",
) -> Path:
    """Render the roll-up of one period into ``tujuan`` (``rekap.html``, ``rekap.pdf``,
    ``rekap.xlsx`` (every table, from the document model), ``notebooks/rekap.ipynb``,
    ``rekap.json``); return ``tujuan``.

    ``rekam`` is the batch's file of per-satker records (:func:`lkjip_helpers.laporan.rekap.bagian.muat_rekam`);
    ``kanwil`` keeps only the satkers of that Kanwil. Raises :class:`BuildError` (in
    Indonesian) when the notebook fails; the previous roll-up stays in place.
    """
    from ..keluaran.html import rakit, siapkan_bab
    from ..keluaran.xlsx import tulis_xlsx

    nb = notebook_rekap()
    if not nb.is_file():
        raise BuildError(f"notebook rekap {nb} tidak ditemukan")
    parameter = {
        "satker": list(satker),
        "tahun": int(tahun),
        "periode": periode,
        "data_dir": _relatif(data_dir, nb.parent),
        "data_dir_satker": {s: _relatif(p, nb.parent) for s, p in (data_dir_satker or {}).items()},
        "gagal": list(gagal or []),
        "judul": judul,
        "rekam": _relatif(rekam, nb.parent) if rekam else "",
        "kanwil": kanwil,
    }
    label = f"Tahun {tahun}" if periode == "tahunan" else f"{PERIODE[periode]} {tahun}"
    judul_dok = judul or f"Rekap LKjIP {label}" + (f" — {kanwil}" if kanwil else "")
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    tmp = tujuan.parent / f".{tujuan.name}.tmp-{secrets.token_hex(6)}"
    (tmp / "notebooks").mkdir(parents=True)
    try:
        keluar = tmp / "notebooks" / NAMA_NOTEBOOK
        _jalankan_notebook(nb, keluar, parameter, tujuan)
        dokumen = rapatkan(rakit([siapkan_bab(keluar)], judul_dok, daftar=False, bab_h1=False))
        html = str(dokumen)
        (tmp / "rekap.html").write_text(html, encoding="utf-8")
        kunci_pdf, pdf_usang = _pdf_rekap(html, judul_dok, tmp, tujuan, pdf)
        tulis_xlsx(dokumen.tabel, tmp / "rekap.xlsx", judul_dok)
        _tulis_rekam(tmp, kunci, parameter, kunci_pdf, pdf_usang)
        _pindahkan_atomik(tmp, tujuan)
    except BaseException as err:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(err, Exception) and not isinstance(err, LkjipError):
            raise BuildError(f"rekap gagal disusun: {type(err).__name__}: {err}") from err
        raise
    return tujuan


def _jalankan_notebook(nb: Path, keluar: Path, parameter: dict[str, Any], tujuan: Path) -> None:
    """Run the roll-up notebook into ``keluar``; :class:`BuildError` when a cell fails."""
    from papermill.exceptions import PapermillExecutionError

    from .kernel import KernelBersama, baris_impor, kumpulkan_kegagalan, rapikan_notebook

    with KernelBersama(nb.parent) as kernel:
        kernel.siapkan(baris_impor([nb]))
        try:
            hasil_nb = kernel.jalankan(nb, keluar, parameter)
            kegagalan = kumpulkan_kegagalan(hasil_nb, nb.name)
        except PapermillExecutionError as err:
            import nbformat

            kegagalan = kumpulkan_kegagalan(nbformat.read(keluar, as_version=4), nb.name)
            if not kegagalan:
                raise BuildError(f"notebook rekap gagal: {err.ename}: {err.evalue}") from None
    if kegagalan:
        raise BuildError(f"notebook rekap gagal: {kegagalan[0].uraian()}")
    # papermill's input/output paths relative, as the chapters' (no path of the build
    # machine, none to the temporary folder): from the project / the outputs folder
    rapikan_notebook(
        hasil_nb,
        keluar,
        "/".join([*nb.parts[-3:]]),
        "/".join([*tujuan.parts[-3:], "notebooks", NAMA_NOTEBOOK]),
    )


def _pdf_rekap(html: str, judul: str, tmp: Path, tujuan: Path, pdf: bool) -> tuple[str, list[str]]:
    """Print ``rekap.pdf`` into ``tmp`` (or keep the earlier run's); return the key of what it
    prints and the stale PDFs: an HTML-only run keeps the PDF of an earlier run, current when
    it prints this very roll-up, else recorded as stale."""
    kunci_pdf = hashlib.sha256(f"{judul}\n{html}".encode()).hexdigest()
    if pdf:
        from ..keluaran.pdf import tulis_pdf

        tulis_pdf(html, tmp / "rekap.pdf", judul, tmp)
        return kunci_pdf, []
    if not (tujuan / "rekap.pdf").is_file():
        return kunci_pdf, []
    shutil.copy2(tujuan / "rekap.pdf", tmp / "rekap.pdf")
    lama = _rekam(tujuan)
    usang = lama.get("pdf_key") != kunci_pdf or "rekap.pdf" in (lama.get("pdf_stale") or [])
    return str(lama.get("pdf_key") or ""), ["rekap.pdf"] if usang else []


def _tulis_rekam(
    tmp: Path, kunci: str, parameter: dict[str, Any], kunci_pdf: str, pdf_usang: list[str]
) -> None:
    """``rekap.json``: the cache key, parameters, outputs and the PDF's key."""
    keluaran = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
    (tmp / "rekap.json").write_text(
        json.dumps(
            {
                "tool": "lkjip",
                "version": __version__,
                "utc_time": datetime.now(UTC).isoformat(timespec="seconds"),
                "key": kunci,
                "parameters": parameter,
                "outputs": keluaran,
                "pdf_key": kunci_pdf if (tmp / "rekap.pdf").is_file() else "",
                "pdf_stale": pdf_usang,
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
