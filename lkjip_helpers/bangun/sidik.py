"""Input fingerprint of one report build: the key of the whole-report build cache.

A report is a function of its inputs; when none changed since the last successful build, that
build's outputs are the answer (``lkjip build`` says "dipakai ulang", ``lkjip batch`` skips
it). The key is made from inputs only — never from outputs, which carry timestamps:

- ``data/``: ``satker.yaml``, the files of the report period (``<satker>/<kunci>/``), of the
  previous year (``<satker>/<tahun-1>/`` and ``<tahun-1>-<periode>/``, used for comparisons),
  any other file of the satker folder that does not belong to another period, and every
  shared file outside
  ``data/satker/`` (catalogs; ``*.md`` documentation excluded). A YAML file is keyed by what it
  loads to (:func:`sidik_yaml`: values, their types and the lines the findings name), not by
  its bytes: a comment, quoting or an anchor that loads to the same tree changes nothing;
- ``notebook/``: the chapter notebooks' cell sources, tags and kernelspec (not their outputs
  or execution counts: running a chapter in JupyterLab changes nothing) and the ``*.py``
  files beside them;
- ``kode/``: every file of the ``lkjip_helpers`` package (code, CSS, nbconvert template);
- ``lingkungan/``: Python version, installed distributions with their versions, the font
  files of the font families the report names and their script variants (path, size, mtime);
- ``parameter``: satker, tahun, periode, data/notebook folders, pdf, abaikan_pemeriksaan.

Every item is hashed separately (sha256) so a changed key can say what changed. Reading it
all takes a few milliseconds; nothing but the font list (for a minute) is cached between
calls, so an analyst editing code in a long-lived process never gets a stale report.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import __version__
from ..errors import DataError
from ..muat.berkas import PEMUAT_YAML, pastikan_dalam
from ..muat.parameter import PERIODE

VERSI = 3
"""Version of the fingerprint layout; bump it when the recipe changes (2: notebooks by their
cells, not their bytes; fonts of the report's families only; 3: YAML data files by what they
load to, not their bytes)."""

PAKET = Path(__file__).resolve().parents[1]
_LEWATI_FOLDER = {"__pycache__", ".ipynb_checkpoints", ".git"}
KUNCI_PERIODE = re.compile(
    r"^(?P<tahun>\d{4})(?:-(?P<periode>"
    + "|".join(re.escape(p) for p in PERIODE if p != "tahunan")
    + "))?$"
)
"""A period folder name (``kunci_periode``): ``2023``, ``2023-semester-1`` …"""
_FOLDER_FONT = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.fonts",
    "~/.local/share/fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
    "C:/Windows/Fonts",
)


@dataclass(frozen=True)
class Sidik:
    """The fingerprint: sha256 per input item and one ``total`` over all of them."""

    berkas: dict[str, str] = field(default_factory=dict)
    """Item (``data/2023/kinerja.yaml``, ``kode/laporan/html.py``, ``lingkungan/paket`` …) →
    sha256."""

    @property
    def total(self) -> str:
        """sha256 over every item (the cache key)."""
        isi = json.dumps({"versi": VERSI, "berkas": self.berkas}, sort_keys=True)
        return hashlib.sha256(isi.encode("utf-8")).hexdigest()

    def ke_json(self) -> dict[str, Any]:
        """The form stored in ``build.json`` (key ``fingerprint``)."""
        return {"version": VERSI, "total": self.total, "items": dict(sorted(self.berkas.items()))}

    @classmethod
    def dari_json(cls, isi: object) -> Sidik | None:
        """Read the stored form back; None when absent, malformed or of another version."""
        if not isinstance(isi, dict) or isi.get("version") != VERSI:
            return None
        items = isi.get("items")
        if not isinstance(items, dict):
            return None
        return cls({str(k): str(v) for k, v in items.items()})

    def beda(self, lama: Sidik | None) -> list[str]:
        """Items added, removed or changed since ``lama`` (sorted); every item if None."""
        if lama is None:
            return sorted(self.berkas)
        kunci = set(self.berkas) | set(lama.berkas)
        return sorted(k for k in kunci if self.berkas.get(k) != lama.berkas.get(k))


def uraikan_beda(beda: list[str], maks: int = 3) -> str:
    """Short Indonesian description of changed items: ``data/2023/kinerja.yaml, … (+2 lain)``."""
    if not beda:
        return "tidak ada"
    teks = ", ".join(beda[:maks])
    return teks + (f" (+{len(beda) - maks} lain)" if len(beda) > maks else "")


def sha256_berkas(path: Path) -> str:
    """The sha256 of a file's bytes, read in 64 KiB blocks."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 16), b""):
            h.update(blok)
    return h.hexdigest()


def _sha_teks(teks: str) -> str:
    return hashlib.sha256(teks.encode("utf-8")).hexdigest()


def _berkas_di(folder: Path, lewati: Iterable[Path] = ()) -> list[Path]:
    """Every regular file under ``folder`` (sorted), skipping caches, hidden entries and
    the folders in ``lewati``."""
    if not folder.is_dir():
        return []
    lewat = {p.resolve() for p in lewati}
    hasil: list[Path] = []
    for akar, folders, files in os.walk(folder):
        a = Path(akar)
        folders[:] = sorted(
            d
            for d in folders
            if d not in _LEWATI_FOLDER and not d.startswith(".") and (a / d).resolve() not in lewat
        )
        hasil.extend(a / f for f in sorted(files) if not f.startswith("."))
    return hasil


def sidik_data(data_dir: Path, satker: str, tahun: int, kunci: str) -> dict[str, str]:
    """Items of the data the report reads (see the module docstring), keyed ``data/<rel>``."""
    folder = data_dir / "satker" / satker
    # the previous year's annual folder and its folder of the same period (2023-triwulan-3):
    # the like-for-like comparison reads whichever covers the same months
    dipakai = {kunci, str(tahun - 1), str(tahun - 1) + kunci.removeprefix(str(tahun))}
    berkas: list[Path] = []
    if folder.is_dir():
        for anak in sorted(folder.iterdir()):
            if anak.name.startswith(".") or anak.name in _LEWATI_FOLDER:
                continue
            if anak.is_dir():
                if KUNCI_PERIODE.fullmatch(anak.name) and anak.name not in dipakai:
                    continue  # another period: not an input of this report
                berkas.extend(_berkas_di(anak))
            elif anak.is_file():
                berkas.append(anak)
    for p in _berkas_di(data_dir, lewati=[data_dir / "satker"]):
        if p.suffix.lower() != ".md":
            berkas.append(p)
    hasil = {}
    for p in berkas:
        if not p.is_file():  # a FIFO or device would block the read: not data anyway
            continue
        # nothing outside the data folder is read, not even to hash it (issue 10)
        hasil[f"data/{p.relative_to(data_dir).as_posix()}"] = sidik_berkas_data(
            pastikan_dalam(data_dir, p)
        )
    return hasil


_YAML = (".yaml", ".yml")
_KOLEKSI_AWAL = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_KOLEKSI_AKHIR = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def sidik_berkas_data(path: Path) -> str:
    """The key of one data file: :func:`sidik_yaml` of a YAML file's text, else (another
    format, or a file the data loader would refuse: not UTF-8, bad syntax) the sha256 of
    its bytes."""
    if path.suffix.lower() not in _YAML:
        return sha256_berkas(path)
    mentah = path.read_bytes()
    try:
        if mentah.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: the loader refuses it
            raise UnicodeError
        return sidik_yaml(mentah.decode("utf-8").removeprefix("\ufeff"))
    except (UnicodeError, yaml.YAMLError, DataError, KeyError):
        return hashlib.sha256(mentah).hexdigest()


def sidik_yaml(teks: str) -> str:
    """sha256 of what a YAML text loads to with the data loader (:data:`PEMUAT_YAML`), made
    from its parse events without building the tree (a third of the time of loading it).

    Every scalar counts as its resolved tag and value (``"1"`` a text, ``1`` a number, a
    quoted or plain ``abc`` the same text); a collection as its tag and its children in
    order; an alias as the digest of its anchored node; and every node's line, since the
    loaded tree keeps lines (the findings name them). Comments, quoting style, flow or block
    style and anchor names change nothing, unless they move a line. Two texts with the same
    key load to equal trees with equal lines; the converse holds short of spellings such as
    ``0x1A`` for ``26`` (a rebuild, never a stale report). Raises ``yaml.YAMLError`` on a
    syntax error and KeyError on an undefined alias."""
    pemuat = PEMUAT_YAML(teks)
    try:
        # one open hasher per unfinished collection (with its anchor); the bottom: the stream
        tumpukan: list[tuple[Any, str | None]] = [(hashlib.sha256(), None)]
        jangkar: dict[str, bytes] = {}
        while pemuat.check_event():
            ev = pemuat.get_event()
            if isinstance(ev, _KOLEKSI_AWAL):
                tag = "" if ev.tag in (None, "!") else ev.tag
                h = hashlib.sha256(f"{type(ev).__name__}|{tag}".encode())
                tumpukan[-1][0].update(b"%d<" % ev.start_mark.line)
                tumpukan.append((h, ev.anchor))
                continue
            if isinstance(ev, _KOLEKSI_AKHIR):
                h, nama = tumpukan.pop()
                sidik = h.digest()
                tumpukan[-1][0].update(sidik)
            elif isinstance(ev, yaml.ScalarEvent):
                tag = ev.tag
                if tag is None or tag == "!":
                    tag = pemuat.resolve(yaml.ScalarNode, ev.value, ev.implicit)
                sidik = hashlib.sha256(f"{tag}\0{ev.value}".encode()).digest()
                tumpukan[-1][0].update(b"%d=" % ev.start_mark.line + sidik)
                nama = ev.anchor
            elif isinstance(ev, yaml.AliasEvent):
                tumpukan[-1][0].update(b"%d*" % ev.start_mark.line + jangkar[ev.anchor])
                continue
            else:  # stream and document boundaries
                tumpukan[-1][0].update(type(ev).__name__.encode())
                continue
            if nama is not None:
                jangkar[nama] = sidik
    finally:
        pemuat.dispose()
    return tumpukan[0][0].hexdigest()


def isi_notebook(path: Path) -> str:
    """What of a notebook decides its execution, as text: the kernelspec, and per cell its
    type, source, tags (``parameters`` …) and attachments. Not outputs, execution counts,
    cell ids, ``language_info`` or view state: running or saving a chapter in JupyterLab leaves
    it unchanged. A file that is not notebook JSON is its bytes."""
    mentah = path.read_bytes()
    try:
        nb = json.loads(mentah)
        sel = [
            {
                "jenis": c.get("cell_type"),
                "sumber": "".join(c["source"])
                if isinstance(c.get("source"), list)
                else c.get("source"),
                "tag": (c.get("metadata") or {}).get("tags") or [],
                "lampiran": c.get("attachments") or {},
            }
            for c in nb["cells"]
        ]
        kernel = (nb.get("metadata") or {}).get("kernelspec") or {}
        return json.dumps({"kernelspec": kernel, "sel": sel}, sort_keys=True, ensure_ascii=False)
    except (ValueError, KeyError, TypeError, AttributeError):
        return mentah.hex()


def sidik_notebook(notebooks: list[Path], nb_dir: Path) -> dict[str, str]:
    """The chapter notebooks (:func:`isi_notebook`) and the Python modules beside them, keyed
    ``notebook/<name>``."""
    hasil = {f"notebook/{p.name}": _sha_teks(isi_notebook(p)) for p in notebooks}
    hasil.update({f"notebook/{p.name}": sha256_berkas(p) for p in sorted(nb_dir.glob("*.py"))})
    return hasil


def sidik_kode() -> dict[str, str]:
    """Every file of the ``lkjip_helpers`` package, keyed ``kode/<rel>``."""
    return {
        f"kode/{p.relative_to(PAKET).as_posix()}": sha256_berkas(p)
        for p in _berkas_di(PAKET)
        if p.suffix not in (".pyc", ".pyo")
    }


def _distribusi() -> list[str]:
    """``name-version`` of every installed distribution (directory names of ``*.dist-info`` /
    ``*.egg-info`` in the ``site-packages`` / ``dist-packages`` folders on ``sys.path``;
    reading no metadata file keeps this fast). The working directory and the script's folder
    are not scanned: the fingerprint must not depend on where the command was started."""
    nama: set[str] = set()
    folder = {p for p in sys.path if Path(p).name in ("site-packages", "dist-packages")}
    for entri in sorted(folder):
        try:
            with os.scandir(entri) as it:
                for e in it:
                    if e.name.endswith((".dist-info", ".egg-info")):
                        nama.add(e.name.rsplit(".", 1)[0])
        except (NotADirectoryError, FileNotFoundError, PermissionError):
            continue  # zip files and missing entries on sys.path hold no installed metadata
    return sorted(nama)


_KELUARGA_TAMBAHAN = ("noto color emoji", "dejavu sans")
"""Families used outside the stylesheets: emoji fallback of the PDF, the charts' font."""


def _keluarga_huruf() -> set[str]:
    """The font families the report names (lower case): every ``font-family`` and
    ``--huruf-…`` stack of the package's stylesheets, plus :data:`_KELUARGA_TAMBAHAN`."""
    teks = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((PAKET / "static").glob("*.css"))
    )
    hasil = set(_KELUARGA_TAMBAHAN)
    for tumpuk in re.findall(r"(?:font-family|--huruf-[\w-]+)\s*:\s*([^;{}]+)", teks):
        for nama in tumpuk.split(","):
            nama = nama.strip().strip("\"'").lower()
            if nama and not nama.startswith("var("):
                hasil.add(nama)
    return hasil


_FONT_TERSIMPAN: tuple[float, list[str]] | None = None
_FONT_UMUR = 60.0
"""Seconds a process reuses its last font list: a batch planning hundreds of reports asks
fontconfig once, not once per report (``fc-list`` takes ~25 ms)."""


def _keluarga_dipakai(nama: str, keluarga: set[str]) -> bool:
    """Whether a font family may print part of the report: a family the report names, or one
    of its script variants — ``Noto Sans Arabic``, ``Noto Sans CJK JP`` are the fallbacks
    that draw names in other scripts when ``Noto Sans`` is named."""
    return nama in keluarga or any(nama.startswith(k + " ") for k in keluarga)


def _font() -> list[str]:
    """:func:`_font_laporan`, remembered for :data:`_FONT_UMUR` seconds."""
    global _FONT_TERSIMPAN
    sekarang = time.monotonic()
    if _FONT_TERSIMPAN is None or sekarang - _FONT_TERSIMPAN[0] > _FONT_UMUR:
        _FONT_TERSIMPAN = (sekarang, _font_laporan())
    return list(_FONT_TERSIMPAN[1])


def _font_laporan() -> list[str]:
    """The font files of the families the report uses and their script variants (path, size,
    mtime), as fontconfig lists them: installing an unrelated font package changes nothing,
    installing or updating one of those families does. Without ``fc-list`` (not Linux): every font file in the usual
    system and user folders."""
    fc_list = shutil.which("fc-list")
    if fc_list is not None:
        try:
            keluar = subprocess.run(
                [fc_list, "-f", "%{family}|%{file}\n"],
                capture_output=True, text=True, timeout=30, check=True,
            ).stdout  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            keluar = None
        if keluar is not None:
            keluarga = _keluarga_huruf()
            hasil = set()
            for baris in keluar.splitlines():
                nama, _, path = baris.rpartition("|")
                if not any(_keluarga_dipakai(n.strip().lower(), keluarga) for n in nama.split(",")):
                    continue
                try:
                    st = Path(path).stat()
                except OSError:
                    continue
                hasil.add(f"{path}|{st.st_size}|{st.st_mtime_ns}")
            return sorted(hasil)
    return _font_folder()


def _font_folder() -> list[str]:
    """Installed font files (path, size, mtime) in the usual system and user folders."""
    hasil: list[str] = []
    for folder in _FOLDER_FONT:
        akar = Path(folder).expanduser()
        for p in _berkas_di(akar):
            try:
                st = p.stat()
            except OSError:
                continue  # a dangling link is not a font anyone can use
            hasil.append(f"{p}|{st.st_size}|{st.st_mtime_ns}")
    return hasil


def sidik_lingkungan() -> dict[str, str]:
    """Python, installed distributions and fonts, keyed ``lingkungan/<what>``."""
    return {
        "lingkungan/python": _sha_teks(
            f"{platform.python_implementation()} {sys.version} {sys.executable} lkjip {__version__}"
        ),
        "lingkungan/paket": _sha_teks("\n".join(_distribusi())),
        "lingkungan/font": _sha_teks("\n".join(_font())),
    }


def sidik_build(
    *,
    satker: str,
    tahun: int,
    periode: str,
    kunci: str,
    data_dir: Path,
    nb_dir: Path,
    notebooks: list[Path],
    pdf: bool,
    abaikan_pemeriksaan: bool,
    docx: bool = True,
) -> Sidik:
    """The fingerprint of one report build (all paths already resolved)."""
    parameter = {
        "docx": docx,
        "satker": satker,
        "tahun": tahun,
        "periode": periode,
        "data_dir": str(data_dir),
        "notebooks_dir": str(nb_dir),
        "pdf": pdf,
        "abaikan_pemeriksaan": abaikan_pemeriksaan,
    }
    berkas = {
        **sidik_data(data_dir, satker, tahun, kunci),
        **sidik_notebook(notebooks, nb_dir),
        **sidik_kode(),
        **sidik_lingkungan(),
        "parameter": _sha_teks(json.dumps(parameter, sort_keys=True)),
    }
    return Sidik(berkas)


def baca_build_json(folder: Path) -> dict[str, Any] | None:
    """The run record of the build in ``folder``; None when absent or unreadable."""
    try:
        isi = json.loads((folder / "build.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return isi if isinstance(isi, dict) else None


def sidik_tersimpan(folder: Path) -> Sidik | None:
    """The fingerprint recorded by the last successful build in ``folder`` (if any)."""
    rekam = baca_build_json(folder)
    return Sidik.dari_json(rekam.get("fingerprint")) if rekam else None


def keluaran_lengkap(folder: Path, rekam: dict[str, Any]) -> bool:
    """Whether every output file the run record lists is still there."""
    keluaran = rekam.get("outputs")
    if not isinstance(keluaran, list) or not keluaran:
        return False
    return all((folder / str(rel)).is_file() for rel in keluaran)


def hasil_tersimpan(
    folder: Path, sidik: Sidik, *, satker: str, tahun: int, periode: str
) -> Any | None:
    """The previous successful build in ``folder`` as a BuildResult with ``dipakai_ulang``
    set, when its recorded fingerprint equals ``sidik`` and all its outputs are there;
    else None (the report must be built)."""
    rekam = baca_build_json(folder)
    if rekam is None or Sidik.dari_json(rekam.get("fingerprint")) != sidik:
        return None
    if not keluaran_lengkap(folder, rekam):
        return None
    from .susun import BuildResult

    keluaran = [str(p) for p in rekam["outputs"]]
    temuan = rekam.get("findings")
    durasi = rekam.get("durations_s")
    return BuildResult(
        satker=satker,
        tahun=tahun,
        periode=periode,
        folder=folder,
        html=folder / "laporan.html",
        pdf=folder / "laporan.pdf" if "laporan.pdf" in keluaran else None,
        notebooks=[folder / p for p in keluaran if p.startswith("notebooks/")],
        pemeriksaan=folder / "pemeriksaan.json",
        capaian_csv=folder / "capaian_ikk.csv",
        tabel_xlsx=folder / "tabel.xlsx",
        build_json=folder / "build.json",
        durasi=dict(durasi) if isinstance(durasi, dict) else {},
        temuan=dict(temuan) if isinstance(temuan, dict) else {},
        dipakai_ulang=True,
    )
