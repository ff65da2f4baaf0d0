"""The run record of a build: ``build.json`` (:class:`CatatanBuild`) and the shorter record
``laporan.pdf`` carries (:class:`CatatanTertanam`), with what the build read.

The field names are the file's (English, as other tools read them); the models only fix
them, their order and their types in one place.
"""

from __future__ import annotations

import platform
import shutil
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .. import __version__
from ..errors import LkjipError
from .sidik import sha256_berkas

PAKET_DICATAT = (
    "babel",
    "ipykernel",
    "jupyter_client",
    "matplotlib",
    "nbclient",
    "nbconvert",
    "nbformat",
    "openpyxl",
    "pandas",
    "papermill",
    "pydantic",
    "ruamel.yaml",
    "weasyprint",
)

CATATAN_PDF = (
    "build.json di dalam laporan.pdf: catatan build yang mencetak PDF itu (build ini, kecuali "
    "laporan.pdf ada di reused.pdf), tanpa waktu dan tanpa sidik PDF itu sendiri (lihat "
    "outputs_sha256 di sini)"
)
"""build.json's ``pdf_embedded_record`` when the build prints the PDF."""

CATATAN_TERTANAM = (
    "catatan build yang mencetak laporan.pdf ini, tanpa waktu dan tanpa sidik PDF ini sendiri; "
    "build.json di samping PDF mencatat keduanya"
)


# --------------------------------------------------------------------------- what was read


def satker_yaml(data_dir: Path, satker: str) -> dict[str, Any]:
    """satker.yaml as a mapping (empty when unreadable: the checks report that)."""
    from ..muat.berkas import baca_yaml

    try:
        isi = baca_yaml(data_dir / "satker" / satker / "satker.yaml", data_dir)
    except LkjipError:  # the checks report unreadable data; here it is only provenance
        return {}
    return isi if isinstance(isi, dict) else {}


def path_katalog(data_dir: Path, satker: str) -> Path | None:
    """The catalog file named by ``satker.yaml`` (``katalog: <id>``), if inside data/katalog/."""
    from ..muat.berkas import path_dalam

    nama = satker_yaml(data_dir, satker).get("katalog")
    if not isinstance(nama, str):
        return None
    try:
        path = path_dalam(data_dir / "katalog", f"{nama}.yaml")
    except LkjipError:
        return None
    return path if path.is_file() else None


def nama_satker(data_dir: Path, satker: str) -> str:
    """The satker's name from satker.yaml (its id when it has none)."""
    nama = satker_yaml(data_dir, satker).get("nama")
    return str(nama) if nama else satker


def sidik_masukan(data_dir: Path, satker: str) -> dict[str, str]:
    """sha256 of every file under ``data_dir/satker/<satker>/`` and of the catalog used.

    Keys are paths relative to ``data_dir`` with forward slashes. A file that is a symlink
    to somewhere outside ``data_dir`` is refused (DataError), never read.
    """
    from ..muat.berkas import pastikan_dalam

    berkas = sorted(p for p in (data_dir / "satker" / satker).rglob("*") if p.is_file())
    katalog = path_katalog(data_dir, satker)
    if katalog is not None:
        berkas.append(katalog)
    return {
        p.relative_to(data_dir).as_posix(): sha256_berkas(pastikan_dalam(data_dir, p))
        for p in berkas
    }


class Masukan(BaseModel):
    """What the build read, hashed once per build (both records carry it)."""

    inputs_sha256: dict[str, str]
    fingerprint: Any
    """The input fingerprint (:meth:`.sidik.Sidik.ke_json`), or None."""
    catalog: str | None
    notebooks_sha256: dict[str, str]

    @classmethod
    def baca(cls, data_dir: Path, satker: str, bab: list[Path], sidik: Any) -> Masukan:
        katalog = path_katalog(data_dir, satker)
        return cls(
            inputs_sha256=sidik_masukan(data_dir, satker),
            fingerprint=sidik.ke_json() if sidik is not None else None,
            catalog=katalog.relative_to(data_dir).as_posix() if katalog else None,
            notebooks_sha256={p.name: sha256_berkas(p) for p in bab},
        )


# --------------------------------------------------------------------------- environment


def versi_paket() -> dict[str, str]:
    """Versions of the packages a report depends on (``tidak terpasang`` when absent)."""
    hasil = {}
    for nama in PAKET_DICATAT:
        try:
            hasil[nama] = metadata.version(nama)
        except metadata.PackageNotFoundError:
            hasil[nama] = "tidak terpasang"
    return hasil


def versi_sumber() -> dict[str, object]:
    """The git commit of the lkjip code that built the report, and whether the working tree
    had uncommitted changes (``None`` when the code is not a git checkout)."""
    import subprocess

    akar = Path(__file__).resolve().parents[2]
    if not (akar / ".git").exists() or shutil.which("git") is None:
        return {"git_commit": None, "git_dirty": None}
    try:
        commit = subprocess.run(
            ["git", "-C", str(akar), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "-C", str(akar), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {"git_commit": None, "git_dirty": None}
    return {"git_commit": commit or None, "git_dirty": bool(status.strip())}


def lingkungan(lengkap: bool = True) -> dict[str, Any]:
    """Python and the packages (``lengkap``: also the implementation and the platform)."""
    if not lengkap:
        return {"python": sys.version.split()[0], "packages": versi_paket()}
    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "packages": versi_paket(),
    }


# --------------------------------------------------------------------------- the records


class ParameterBuild(BaseModel):
    """The build's parameters as build.json records them."""

    satker: str
    tahun: int
    periode: str
    data_dir: str
    out_dir: str
    notebooks_dir: str
    pdf: bool
    abaikan_pemeriksaan: bool
    batas_waktu_sel: int


class _Rekaman(BaseModel):
    """The fields both run records carry, declared once: the tool, the satker, what the
    build read (:class:`Masukan`'s fields), the findings, the code's source and the
    environment."""

    tool: str = "lkjip"
    version: str = __version__
    satker_name: str
    inputs_sha256: dict[str, str]
    fingerprint: Any
    catalog: str | None
    notebooks_sha256: dict[str, str]
    findings: dict[str, int]
    source: dict[str, Any]
    environment: dict[str, Any]


class CatatanBuild(_Rekaman):
    """``build.json``: one record per successful build, beside its outputs."""

    utc_time: str
    parameters: ParameterBuild
    pdf_skipped: str | None
    """Why no PDF was made although one was asked for (missing system libraries)."""
    docx: bool
    docx_skipped: str | None
    pdf_embedded_record: str | None
    durations_s: dict[str, float]
    outputs: list[str]
    outputs_sha256: dict[str, str]
    command_line: list[str]
    notebook_keys: dict[str, str]
    pdf_keys: dict[str, str]
    docx_keys: dict[str, str] = {}
    """Reuse key of laporan.docx (:func:`~lkjip_helpers.bangun.pakai_ulang.kunci_docx`)."""
    xlsx_key: str | None = None
    """Reuse key of tabel.xlsx (:func:`~lkjip_helpers.bangun.pakai_ulang.kunci_xlsx`)."""
    pdf_stale: list[str]
    reused: dict[str, list[str]]

    @staticmethod
    def keluaran(folder: Path) -> tuple[list[str], dict[str, str]]:
        """(``outputs``, ``outputs_sha256``) of the files in ``folder`` (build.json itself
        listed, not hashed: it is written after)."""
        berkas = sorted(p for p in folder.rglob("*") if p.is_file())
        nama = [p.relative_to(folder).as_posix() for p in berkas]
        return [*sorted(nama), "build.json"], {
            n: sha256_berkas(p) for n, p in zip(nama, berkas, strict=True)
        }

    def ke_json(self) -> str:
        """The file's text (UTF-8, indented, keys in field order)."""
        import json

        return json.dumps(self.model_dump(), ensure_ascii=False, indent=2) + "\n"


class CatatanTertanam(_Rekaman):
    """The run record laporan.pdf carries as its ``build.json``: the fields of
    :class:`CatatanBuild` known before printing. It cannot hold the PDF's own sha256 (the PDF
    contains it) and holds no time; the build.json beside the PDF has both. A later build
    that reuses the unchanged PDF leaves the record of the build that printed it."""

    record: str = CATATAN_TERTANAM
    parameters: dict[str, Any]


def perintah() -> list[str]:
    """The command line that ran the build (program name without its folder)."""
    return [Path(sys.argv[0]).name, *sys.argv[1:]] if sys.argv else []
