"""Merging the workbook's values into the YAML files as written: which fields the workbook
carries (:data:`DIBAWA`), and :func:`samakan`, which keeps every node whose value did not change
(its quoting, block style and comment) and replaces, inserts or removes only what did;
:func:`dihapus` lists what an import removes. Used by :mod:`.simpan`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, get_args

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from ...tidak_diketahui import ejaan_tidak_diketahui
from . import tata_letak as t

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


def model_anak(model: type[BaseModel] | None, kunci: Any) -> type[BaseModel] | None:
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
            sub = model_anak(model, k)
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
            sub = model_anak(model, k)
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


def _dihapus_peta(
    lama: Any, baru: Any, aturan: Peta, jalur: tuple[Any, ...]
) -> list[tuple[Any, ...]]:
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


def _dihapus_daftar_kunci(
    lama: Any, baru: Any, aturan: DaftarKunci, jalur: tuple[Any, ...]
) -> list[tuple[Any, ...]]:
    per_kunci = {x.get(aturan.kunci): x for x in baru or [] if isinstance(x, dict)}
    hasil: list[tuple[Any, ...]] = []
    for x in lama if isinstance(lama, list) else []:
        if isinstance(x, dict):
            kode = x.get(aturan.kunci)
            if kode not in per_kunci:
                hasil.append((*jalur, kode))
            else:
                hasil += dihapus(x, per_kunci[kode], aturan.butir, (*jalur, kode))
    return hasil


def _dihapus_penuh(lama: Any, baru: Any, jalur: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """Every value of ``lama`` (a mapping or a list) missing from ``baru``."""
    if not isinstance(baru, dict if isinstance(lama, dict) else list):
        return [jalur] if lama else []
    hasil: list[tuple[Any, ...]] = []
    if isinstance(lama, dict):
        for k, v in lama.items():
            if not _hampa(v):
                hasil += [(*jalur, k)] if k not in baru else dihapus(v, baru[k], PENUH, (*jalur, k))
        return hasil
    for i, v in enumerate(lama):
        hasil += [(*jalur, i)] if i >= len(baru) else dihapus(v, baru[i], PENUH, (*jalur, i))
    return hasil


def dihapus(
    lama: Any, baru: Any, aturan: Any = PENUH, jalur: tuple[Any, ...] = ()
) -> list[tuple[Any, ...]]:
    """Paths of values written in the file (``lama``) that the workbook (``baru``) leaves out,
    so that an import removes them (an IKK of ``kinerja.yaml`` is named by its kode)."""
    if isinstance(aturan, Peta):
        return _dihapus_peta(lama, baru, aturan, jalur)
    if isinstance(aturan, DaftarKunci):
        return _dihapus_daftar_kunci(lama, baru, aturan, jalur)
    if isinstance(lama, dict | list):
        return _dihapus_penuh(lama, baru, jalur)
    return [jalur] if lama is not None and baru is None else []
