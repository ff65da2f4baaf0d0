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
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import LiteralScalarString

from ...errors import DataError, OutputError, sebab_os
from ...muat.berkas import baca_yaml, baris_untuk
from ...muat.jurnal import tulis_semua
from ...tidak_diketahui import ejaan_tidak_diketahui
from . import tata_letak as t
from .baca import TANPA, IsiBukuKerja, Masalah, pesan_skema

# --------------------------------------------------------------------------- what is carried


@dataclass(frozen=True)
class Peta:
    """A mapping of which only ``kunci`` are carried (other keys are left alone); ``anak``
    gives the rule of a key's value (default: carried whole)."""

    kunci: frozenset[str]
    anak: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DaftarKunci:
    """A list of mappings matched by their ``kunci`` field (an IKK by its kode)."""

    kunci: str
    butir: Peta


PENUH = None
"""The value is carried whole."""

DIBAWA: dict[str, Any] = {
    "satker": Peta(
        frozenset({"id", "katalog", *(i.kunci for i in t.SATKER.isian), "indikator_tambahan"})
    ),
    "kinerja": Peta(
        frozenset({"periode_laporan", "indikator"}),
        {
            "indikator": DaftarKunci(
                "kode",
                Peta(
                    frozenset(
                        {
                            "kode",
                            "target",
                            "target_maks",
                            "realisasi",
                            "standar_nasional",
                            "penyebut_nol",
                            "narasi",
                        }
                    )
                ),
            )
        },
    ),
    # the satker's rencana penarikan dana (target_penyerapan) is kept as written in the YAML
    "anggaran": Peta(
        frozenset(
            {"pagu", "realisasi", "per_sasaran", "per_program", "per_jenis_belanja", "catatan"}
        )
    ),
}
"""Files the workbook carries only in part; every other file of :data:`~.tata_letak.BERKAS` is
carried whole."""


# --------------------------------------------------------------------------- merging


def _model_dari(anotasi: Any) -> type[BaseModel] | None:
    if isinstance(anotasi, type) and issubclass(anotasi, BaseModel):
        return anotasi
    for arg in get_args(anotasi):
        m = _model_dari(arg)
        if m is not None:
            return m
    return None


def _model_anak(model: type[BaseModel] | None, kunci: Any) -> type[BaseModel] | None:
    """The model of field ``kunci`` of ``model`` (of its items for a list), if any."""
    if model is None or not isinstance(kunci, str):
        return None
    f = model.model_fields.get(kunci)
    return _model_dari(f.annotation) if f is not None else None


def _angka(x: Any) -> Decimal | None:
    if isinstance(x, bool) or not isinstance(x, int | float):
        return None
    return Decimal(x) if isinstance(x, int) else Decimal(repr(float(x)))


def sama(lama: Any, baru: Any) -> bool:
    """Whether a scalar already written equals the workbook's value (numbers by value,
    ``tidak diketahui`` in any spelling)."""
    if lama is None or baru is None:
        return lama is None and baru is None
    if isinstance(lama, bool) or isinstance(baru, bool):
        return isinstance(lama, bool) and isinstance(baru, bool) and lama == baru
    a, b = _angka(lama), _angka(baru)
    if a is not None or b is not None:
        return a is not None and b is not None and a == b
    if isinstance(lama, str) and isinstance(baru, str):
        if ejaan_tidak_diketahui(lama) and ejaan_tidak_diketahui(baru):
            return True
        return str(lama) == baru
    return False


def _simpul(baru: Any) -> Any:
    """A new YAML node: maps and lists round-trip types, multi-line text as a ``|-`` block."""
    if isinstance(baru, dict):
        m = CommentedMap()
        for k, v in baru.items():
            m[k] = _simpul(v)
        return m
    if isinstance(baru, list):
        return CommentedSeq(_simpul(v) for v in baru)
    if isinstance(baru, str) and "\n" in baru:
        return LiteralScalarString(baru)
    return baru


def _sisip(peta: CommentedMap, kunci: Any, nilai: Any, urutan: list[Any]) -> None:
    """Insert ``kunci`` before the first existing key that comes after it in ``urutan``."""
    if kunci not in urutan:
        peta[kunci] = nilai
        return
    rank = {k: i for i, k in enumerate(urutan)}
    posisi = len(peta)
    for i, k in enumerate(peta):
        if rank.get(k, -1) > rank[kunci]:
            posisi = i
            break
    peta.insert(posisi, kunci, nilai)


def _urutan(model: type[BaseModel] | None, baru: dict[str, Any]) -> list[Any]:
    return list(model.model_fields) if model is not None else list(baru)


def samakan(lama: Any, baru: Any, aturan: Any = PENUH, model: type[BaseModel] | None = None) -> Any:
    """``lama`` (a round-trip node or None) changed to hold ``baru`` where ``aturan`` says the
    workbook carries it; unchanged nodes are returned as they are."""
    if isinstance(aturan, Peta):
        peta = lama if isinstance(lama, CommentedMap) else CommentedMap()
        urutan = _urutan(model, baru)
        for k in sorted(
            aturan.kunci, key=lambda x: urutan.index(x) if x in urutan else len(urutan)
        ):
            sub = _model_anak(model, k)
            if k in baru:
                if k in peta:
                    peta[k] = samakan(peta[k], baru[k], aturan.anak.get(k), sub)
                else:
                    _sisip(peta, k, samakan(None, baru[k], aturan.anak.get(k), sub), urutan)
            elif k in peta and not _hampa(peta[k]):
                del peta[k]
        return peta
    if isinstance(aturan, DaftarKunci):
        urut = lama if isinstance(lama, CommentedSeq) else CommentedSeq()
        kode_lama = [x.get(aturan.kunci) if isinstance(x, CommentedMap) else None for x in urut]
        kode_baru = [x.get(aturan.kunci) for x in baru]
        if kode_lama == kode_baru:
            for i, x in enumerate(baru):
                urut[i] = samakan(urut[i], x, aturan.butir, model)
            return urut
        per_kode = {k: x for k, x in zip(kode_lama, urut, strict=True) if k is not None}
        hasil = CommentedSeq()
        for x in baru:
            hasil.append(samakan(per_kode.get(x.get(aturan.kunci)), x, aturan.butir, model))
        return hasil
    return _penuh(lama, baru, model)


def _hampa(x: Any) -> bool:
    """An empty value (``null``, ``{}``, ``[]``): the same as the key being absent, so a key
    written that way is kept (with its comments) when the workbook leaves the field empty."""
    return x is None or (isinstance(x, dict | list) and not x)


def _penuh(lama: Any, baru: Any, model: type[BaseModel] | None) -> Any:
    if isinstance(baru, dict):
        if not isinstance(lama, CommentedMap):
            return _simpul(baru)
        for k in [k for k in lama if k not in baru and not _hampa(lama[k])]:
            del lama[k]
        urutan = _urutan(model, baru)
        for k, v in baru.items():
            sub = _model_anak(model, k)
            if k in lama:
                lama[k] = _penuh(lama[k], v, sub)
            else:
                _sisip(lama, k, _penuh(None, v, sub), urutan)
        return lama
    if isinstance(baru, list):
        if not isinstance(lama, CommentedSeq):
            return _simpul(baru)
        alir = bool(lama) and all(isinstance(x, CommentedMap) and x.fa.flow_style() for x in lama)
        for i, v in enumerate(baru):
            if i < len(lama):
                lama[i] = _penuh(lama[i], v, model)
            else:
                node = _penuh(None, v, model)
                if alir and isinstance(node, CommentedMap):
                    node.fa.set_flow_style()
                lama.append(node)
        while len(lama) > len(baru):
            del lama[len(lama) - 1]
        return lama
    if sama(lama, baru):
        return lama
    return _simpul(baru)


def dihapus(
    lama: Any, baru: Any, aturan: Any = PENUH, jalur: tuple[Any, ...] = ()
) -> list[tuple[Any, ...]]:
    """Paths of values written in the file (``lama``) that the workbook (``baru``) leaves out,
    so that an import removes them (an IKK of ``kinerja.yaml`` is named by its kode)."""
    if isinstance(aturan, Peta):
        if not isinstance(lama, dict):
            return []
        hasil: list[tuple[Any, ...]] = []
        for k in aturan.kunci:
            if k in lama and not _hampa(lama[k]):
                if not isinstance(baru, dict) or k not in baru:
                    hasil.append((*jalur, k))
                else:
                    hasil += dihapus(lama[k], baru[k], aturan.anak.get(k), (*jalur, k))
        return hasil
    if isinstance(aturan, DaftarKunci):
        per_kunci = {x.get(aturan.kunci): x for x in baru or [] if isinstance(x, dict)}
        hasil = []
        for x in lama if isinstance(lama, list) else []:
            if isinstance(x, dict):
                kode = x.get(aturan.kunci)
                if kode not in per_kunci:
                    hasil.append((*jalur, kode))
                else:
                    hasil += dihapus(x, per_kunci[kode], aturan.butir, (*jalur, kode))
        return hasil
    if isinstance(lama, dict):
        if not isinstance(baru, dict):
            return [jalur] if lama else []
        hasil = []
        for k, v in lama.items():
            if _hampa(v):
                continue
            hasil += [(*jalur, k)] if k not in baru else dihapus(v, baru[k], PENUH, (*jalur, k))
        return hasil
    if isinstance(lama, list):
        if not isinstance(baru, list):
            return [jalur] if lama else []
        hasil = []
        for i, v in enumerate(lama):
            hasil += [(*jalur, i)] if i >= len(baru) else dihapus(v, baru[i], PENUH, (*jalur, i))
        return hasil
    return [jalur] if lama is not None and baru is None else []


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
            model = _model_anak(model, k)
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
    from ...muat.data import DataErrorGabungan, muat_laporan

    ident = isi.identitas
    masalah: list[Masalah] = []
    folder_satker = data_dir / "satker" / ident.satker
    with tempfile.TemporaryDirectory(prefix="lkjip-impor-") as tmp:
        salinan = Path(tmp) / "data"
        (salinan / "katalog").mkdir(parents=True)
        shutil.copyfile(path_katalog, salinan / "katalog" / path_katalog.name)
        satker_salinan = salinan / "satker" / ident.satker
        if folder_satker.is_dir():
            shutil.copytree(folder_satker, satker_salinan, symlinks=True)
        ditulis: dict[Path, RencanaBerkas] = {}
        for r in rencana:
            tujuan = salinan / r.path.relative_to(data_dir)
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            tujuan.write_text(r.teks_baru, encoding="utf-8")
            ditulis[tujuan] = r
        for tujuan, r in ditulis.items():
            relpath = str(r.path)
            try:
                mentah = baca_yaml(tujuan)
            except DataError as err:
                masalah.append(
                    Masalah(f"{relpath}: hasil tulis tidak dapat dibaca ulang: {err.pesan}")
                )
                continue
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
                continue
            salah = _cocok(isi.hasil.get(r.nama, {}), mentah)
            if salah is not None:
                m = petakan(
                    isi,
                    r.nama,
                    salah,
                    "nilai ini tidak dapat disimpan persis di YAML",
                    mentah,
                    relpath,
                )
                if m is not None:
                    masalah.append(m)
        if masalah or not lintas_berkas:
            return masalah
        try:
            muat_laporan(ident.satker, ident.tahun, salinan, ident.periode)
        except DataError as err:
            daftar = err.masalah if isinstance(err, DataErrorGabungan) else [err]
            for e in daftar:
                asal = Path(e.berkas)
                r = ditulis.get(asal)
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
