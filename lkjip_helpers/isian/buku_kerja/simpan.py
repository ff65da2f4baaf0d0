"""Writing the workbook's fields into the canonical YAML files, and checking them first.

The current files are read with ruamel.yaml's round-trip loader and only the fields the workbook
carries are changed in place: a value equal to the one already written keeps its node (its
quoting, its ``|-`` block, its flow style ``[25, 50, 75]``, the comment at the end of its line);
a changed value replaces only that scalar; a new key is inserted where the schema orders it; a
field emptied in the workbook is removed. Everything the workbook does not carry — comments,
``tabel_pendukung`` of an IKK, ``pengaturan`` of satker.yaml, ``target_penyerapan`` of
anggaran.yaml, lampiran.yaml — stays as it is.
An import of an unchanged workbook therefore rewrites nothing, and a changed cell shows in
``git diff`` as that one line.

Before anything is written, :func:`rencanakan` puts every new file text into a temporary copy of
the satker's folder and checks it the way a build will read it: the project's YAML loader and
the schema (each problem located back at its sheet and cell), a comparison of every carried
value with the one read back (nothing may change on the way), and :func:`~..data.muat_laporan`
on the copy (the rules across files). :func:`terapkan` then writes each changed file through a
temporary file and an atomic rename, only inside ``data/satker/<satker>/``.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter

from ...errors import DataError, OutputError, sebab_os
from ...muat.berkas import baca_yaml, baris_untuk
from ...muat.jurnal import tulis_semua
from . import tata_letak as t
from .baca import TANPA, IsiBukuKerja, Masalah, pesan_skema
from .gabung import DIBAWA, PENUH, dihapus, model_anak, sama, samakan


def peringatan_dihapus(isi: IsiBukuKerja, mentah: dict[str, Any]) -> list[Masalah]:
    """One warning per file from which the import removes values (a template imported over a
    filled period removes a great deal: the warning says so before ``--periksa`` ends)."""
    hasil = []
    for nama in t.BERKAS:
        if nama not in mentah:
            continue
        hilang = [
            j
            for j in dihapus(mentah[nama], isi.hasil.get(nama, {}), DIBAWA.get(nama, PENUH))
            # a deleted Field row is an error of its sheet ("kembalikan barisnya"), not a removal
            if (nama, j) in isi.asal or not _baris_isian_dihapus(nama, j)
        ]
        if hilang:
            contoh = ", ".join(_jalur_teks(j) for j in hilang[:6])
            lagi = f" dan {len(hilang) - 6} lainnya" if len(hilang) > 6 else ""
            hasil.append(
                Masalah(
                    f"{nama}.yaml: {len(hilang)} isian yang tertulis di berkas tidak ada di buku "
                    f"kerja dan akan dihapus: {contoh}{lagi}",
                    tingkat="peringatan",
                )
            )
    return hasil


# --------------------------------------------------------------------------- text


class _RepresenterNull(RoundTripRepresenter):
    """Writes ``null`` (the style of a file that already spells it so)."""


_RepresenterNull.add_representer(
    type(None), lambda r, d: r.represent_scalar("tag:yaml.org,2002:null", "null")
)


def _yaml(teks_lama: str | None) -> YAML:
    y = YAML(typ="rt")
    y.width = 4096
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    if teks_lama and re.search(r":[ \t]+null[ \t]*(?:#.*)?$", teks_lama, re.MULTILINE):
        y.Representer = _RepresenterNull
    return y


def _dump(y: YAML, data: Any) -> str:
    keluar = io.StringIO()
    y.dump(data, keluar)
    return keluar.getvalue()


# --------------------------------------------------------------------------- plan


@dataclass
class RencanaBerkas:
    """One data file an import would write."""

    nama: str
    """``profil``, ``kinerja`` … (``satker`` for satker.yaml)."""
    path: Path
    teks_lama: str | None
    teks_baru: str

    @property
    def status(self) -> str:
        """``baru`` (new file), ``berubah`` or ``tetap`` (unchanged, not rewritten)."""
        if self.teks_lama is None:
            return "baru"
        return "tetap" if self.teks_lama == self.teks_baru else "berubah"


def _berisi(x: Any) -> bool:
    if isinstance(x, dict):
        return any(_berisi(v) for v in x.values())
    if isinstance(x, list):
        return any(_berisi(v) for v in x) or False
    return x is not None


def path_berkas(data_dir: Path, satker: str, kunci: str, nama: str) -> Path:
    """``data/satker/<satker>/satker.yaml`` or ``…/<kunci>/<nama>.yaml``."""
    folder = data_dir / "satker" / satker
    return folder / "satker.yaml" if nama == "satker" else folder / kunci / f"{nama}.yaml"


def _dalam(akar: Path, path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(akar.resolve())
    except (OSError, RuntimeError, ValueError):
        return False


def rencanakan(isi: IsiBukuKerja, data_dir: Path) -> tuple[list[RencanaBerkas], list[Masalah]]:
    """The new text of every file the workbook fills (nothing written)."""
    ident = isi.identitas
    folder_satker = data_dir / "satker" / ident.satker
    masalah: list[Masalah] = []
    for p in (folder_satker, folder_satker / ident.kunci):
        if p.exists() and not _dalam(data_dir, p):
            raise DataError(
                str(p), "folder data adalah tautan ke luar folder data; impor tidak menulis ke sana"
            )
    rencana = []
    for nama in t.BERKAS:
        path = path_berkas(data_dir, ident.satker, ident.kunci, nama)
        baru = isi.hasil.get(nama, {})
        teks_lama = None
        if path.exists():
            if not _dalam(folder_satker, path):
                raise DataError(
                    str(path),
                    "berkas adalah tautan ke luar folder satker; impor tidak menulis ke sana",
                )
            try:
                teks_lama = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as err:
                raise DataError(str(path), f"tidak dapat dibaca ({type(err).__name__})") from None
        elif nama not in t.BERKAS_WAJIB and not _berisi(baru):
            continue
        y = _yaml(teks_lama)
        try:
            akar = y.load(teks_lama) if teks_lama else None
        except YAMLError:
            baca_yaml(path)  # the Indonesian message of the syntax error
            raise DataError(str(path), "YAML tidak sah") from None
        if akar is None:
            akar = CommentedMap()
        if not isinstance(akar, CommentedMap):
            masalah.append(
                Masalah(
                    f"{path}: isi berkas bukan pemetaan (kunci: nilai); perbaiki berkas YAML-nya"
                )
            )
            continue
        baru_akar = samakan(akar, baru, DIBAWA.get(nama, PENUH), t.MODEL_BERKAS[nama])
        if teks_lama is None:
            baru_akar.yaml_set_start_comment(
                f"Ditulis oleh lkjip impor dari buku kerja isian ({ident.satker}, {ident.kunci}). "
                "Lihat data/README.md."
            )
        rencana.append(RencanaBerkas(nama, path, teks_lama, _dump(y, baru_akar)))
    return rencana, masalah


# --------------------------------------------------------------------------- checks


def _jalur_teks(loc: tuple[Any, ...]) -> str:
    teks = ""
    for k in loc:
        teks += f"[{k + 1}]" if isinstance(k, int) else ("." if teks else "") + str(k)
    return teks or "(akar berkas)"


def _jalur_dari_teks(teks: str) -> tuple[Any, ...]:
    """``indikator[4].realisasi.pembilang`` → ``("indikator", 3, "realisasi", "pembilang")``."""
    hasil: list[Any] = []
    for bagian in re.finditer(r"([^.\[\]]+)|\[(\d+)\]", teks):
        if bagian[2] is not None:
            hasil.append(int(bagian[2]) - 1)
        else:
            hasil.append(bagian[1])
    return tuple(hasil)


def petakan(
    isi: IsiBukuKerja,
    berkas: str,
    loc: tuple[Any, ...],
    pesan: str,
    mentah: Any,
    relpath: str,
    nilai: Any = TANPA,
) -> Masalah | None:
    """A schema problem at ``loc`` of ``berkas`` as a Masalah at its sheet and cell (None when
    that cell's own problem is already reported); outside the workbook, at the file's line."""
    if any((berkas, loc[:n]) in isi.tak_terbaca for n in range(len(loc) + 1)):
        return None
    for n in range(len(loc), 0, -1):
        kunci = (berkas, loc[:n])
        lok = isi.asal.get(kunci)
        if lok is None:
            continue
        bidang = isi.bidang.get(kunci)
        if bidang is not None and n < len(loc) and isinstance(loc[n], str) and loc[n] not in bidang:
            break
        if (lok.lembar, lok.sel) in isi.sel_gagal:
            return None
        return Masalah(
            pesan,
            lok.lembar,
            lok.sel,
            konteks=lok.konteks,
            nilai=lok.nilai if n == len(loc) else TANPA,
        )
    if not loc:
        m = re.match(r"(\w+):", pesan)
        lok = isi.asal.get((berkas, (m[1],))) if m else None
        if lok is not None:
            return Masalah(pesan, lok.lembar, lok.sel, konteks=lok.konteks)
    if _baris_isian_dihapus(berkas, loc):
        return None  # its sheet already says: the Field row is missing, restore it
    baris = baris_untuk(mentah, loc) if mentah is not None else None
    tempat = f"{relpath}" + (f", baris {baris}" if baris else "") + f", field {_jalur_teks(loc)}"
    nil = (
        f" (ditemukan: {nilai!r})"
        if nilai is not TANPA and not isinstance(nilai, dict | list)
        else ""
    )
    return Masalah(
        f"{tempat}: {pesan}{nil} — bagian ini tidak ada di buku kerja; perbaiki berkas YAML-nya"
    )


def _baris_isian_dihapus(berkas: str, loc: tuple[Any, ...]) -> bool:
    """Whether ``loc`` of ``berkas`` is a field of a form sheet (so its row is in every
    workbook: when the reader did not see it, the analyst deleted that row)."""
    return any(
        (i.berkas or lb.berkas) == berkas and loc[: len(i.jalur)] == i.jalur
        for lb in t.LEMBAR
        for i in lb.isian
    )


def _field_wajib(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> str:
    """`` (field wajib: visi, misi, tujuan)`` when a whole missing mapping is reported."""
    for k in loc:
        if not isinstance(k, int):
            model = model_anak(model, k)
    if model is None:
        return ""
    wajib = [n for n, f in model.model_fields.items() if f.is_required()]
    return f" (field wajib di dalamnya: {', '.join(wajib)})" if wajib else ""


def _cocok(baru: Any, terbaca: Any) -> tuple[Any, ...] | None:
    """The path of the first carried value that did not survive writing and reading back."""
    if isinstance(baru, dict):
        if not isinstance(terbaca, dict):
            return ()
        for k, v in baru.items():
            if k not in terbaca:
                return (k,)
            sub = _cocok(v, terbaca[k])
            if sub is not None:
                return (k, *sub)
        return None
    if isinstance(baru, list):
        if not isinstance(terbaca, list) or len(terbaca) != len(baru):
            return ()
        for i, (a, b) in enumerate(zip(baru, terbaca, strict=True)):
            sub = _cocok(a, b)
            if sub is not None:
                return (i, *sub)
        return None
    return None if sama(terbaca, baru) else ()


def _cek_berkas(isi: IsiBukuKerja, r: RencanaBerkas, tujuan: Path) -> list[Masalah]:
    """One planned file as written (``tujuan``): read back, valid on its own, and holding
    exactly what the workbook gave."""
    relpath = str(r.path)
    try:
        mentah = baca_yaml(tujuan)
    except DataError as err:
        return [Masalah(f"{relpath}: hasil tulis tidak dapat dibaca ulang: {err.pesan}")]
    masalah: list[Masalah] = []
    try:
        t.MODEL_BERKAS[r.nama].model_validate(mentah)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err.get("loc", ()))
            pesan = pesan_skema(err)
            if err.get("type") == "missing":
                pesan += _field_wajib(t.MODEL_BERKAS[r.nama], loc)
            m = petakan(isi, r.nama, loc, pesan, mentah, relpath, err.get("input", TANPA))
            if m is not None:
                masalah.append(m)
        return masalah
    salah = _cocok(isi.hasil.get(r.nama, {}), mentah)
    if salah is not None:
        m = petakan(
            isi, r.nama, salah, "nilai ini tidak dapat disimpan persis di YAML", mentah, relpath
        )
        if m is not None:
            masalah.append(m)
    return masalah


def _cek_lintas(
    isi: IsiBukuKerja, ditulis: dict[Path, RencanaBerkas], salinan: Path, data_dir: Path
) -> list[Masalah]:
    """The rules across files: the copy ``salinan`` of the data folder loaded as a build
    loads it; each problem mapped back to its sheet and cell when it comes from the workbook."""
    from ...muat.data import DataErrorGabungan, muat_laporan

    ident = isi.identitas
    try:
        muat_laporan(ident.satker, ident.tahun, salinan, ident.periode)
    except DataError as err:
        daftar = err.masalah if isinstance(err, DataErrorGabungan) else [err]
    else:
        return []
    masalah: list[Masalah] = []
    for e in daftar:
        r = ditulis.get(Path(e.berkas))
        teks = str(e).replace(str(salinan), str(data_dir))
        if r is None:
            masalah.append(
                Masalah(
                    f"data lain satker ini belum dapat dimuat (bukan dari buku kerja; "
                    f"lihat lkjip check): {teks}",
                    tingkat="peringatan",
                )
            )
            continue
        m = re.search(r"field (\S+)", e.lokasi or "")
        loc = _jalur_dari_teks(m[1]) if m else ()
        mm = petakan(isi, r.nama, loc, e.pesan, None, str(r.path)) if m else None
        masalah.append(mm if mm is not None else Masalah(teks))
    return masalah


def periksa(
    isi: IsiBukuKerja,
    rencana: list[RencanaBerkas],
    data_dir: Path,
    path_katalog: Path,
    *,
    lintas_berkas: bool = True,
) -> list[Masalah]:
    """Check the planned files as a build will read them (see the module docstring); the
    rules across files (``muat_laporan``) only with ``lintas_berkas`` and when every file is
    valid on its own."""
    folder_satker = data_dir / "satker" / isi.identitas.satker
    with tempfile.TemporaryDirectory(prefix="lkjip-impor-") as tmp:
        salinan = Path(tmp) / "data"
        (salinan / "katalog").mkdir(parents=True)
        shutil.copyfile(path_katalog, salinan / "katalog" / path_katalog.name)
        satker_salinan = salinan / "satker" / isi.identitas.satker
        if folder_satker.is_dir():
            shutil.copytree(folder_satker, satker_salinan, symlinks=True)
        ditulis: dict[Path, RencanaBerkas] = {}
        for r in rencana:
            tujuan = salinan / r.path.relative_to(data_dir)
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            tujuan.write_text(r.teks_baru, encoding="utf-8")
            ditulis[tujuan] = r
        masalah = [m for tujuan, r in ditulis.items() for m in _cek_berkas(isi, r, tujuan)]
        if masalah or not lintas_berkas:
            return masalah
        return _cek_lintas(isi, ditulis, salinan, data_dir)


# --------------------------------------------------------------------------- writing


def terapkan(rencana: list[RencanaBerkas], data_dir: Path, satker: str) -> None:
    """Write every changed file, only inside the satker's folder, all or nothing
    (:mod:`lkjip_helpers.muat.jurnal`): a failed write raises
    :class:`~lkjip_helpers.errors.OutputError` naming the file and the cause and leaves every
    file as it was; a kill is finished or rolled back by the next command."""
    folder_satker = data_dir / "satker" / satker
    tulis: list[tuple[Path, str]] = []
    for r in rencana:
        if r.status == "tetap":
            continue
        try:
            r.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(r.path.parent, sebab_os(err)) from None
        if not _dalam(folder_satker, r.path.parent) or not _dalam(
            data_dir / "satker", folder_satker
        ):
            raise DataError(str(r.path), "di luar folder satker; tidak ditulis")
        tulis.append((r.path, r.teks_baru))
    if tulis:
        tulis_semua(folder_satker, tulis)
