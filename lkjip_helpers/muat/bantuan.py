"""The analyst's help for a data field, read from the schema (:mod:`.skema`).

Each field's Indonesian help text is its pydantic ``description``; whether it must be filled
("wajib") is the field being required — or ``json_schema_extra={"wajib": ...}`` where a check,
not the model, requires it. The scaffold (:mod:`lkjip_helpers.isian.kerangka`) and the workbook
layout (:mod:`lkjip_helpers.isian.buku_kerja.tata_letak`) take their comments from here, so the
text is written once.
"""

from __future__ import annotations

import types
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo


def _model_dalam(anotasi: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation (``X | None``, ``list[X]``), if any."""
    if isinstance(anotasi, type) and issubclass(anotasi, BaseModel):
        return anotasi
    if get_origin(anotasi) in (Union, types.UnionType, list, tuple):
        for a in get_args(anotasi):
            m = _model_dalam(a)
            if m is not None:
                return m
    return None


def field_info(model: type[BaseModel], jalur: tuple[str | int, ...]) -> list[FieldInfo]:
    """The fields along ``jalur`` (list positions skipped): ``(Profil, ("kepala", "nama"))`` →
    ``[Profil.kepala, Pejabat.nama]``."""
    hasil: list[FieldInfo] = []
    m: type[BaseModel] | None = model
    for nama in jalur:
        if isinstance(nama, int):
            continue
        if m is None or nama not in m.model_fields:
            raise KeyError(f"{model.__name__}: field {'.'.join(map(str, jalur))} tidak ada")
        f = m.model_fields[nama]
        hasil.append(f)
        m = _model_dalam(f.annotation)
    return hasil


def model_di(model: type[BaseModel], jalur: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model of the items at ``jalur`` (``(Profil, ("bangunan",))`` → ``Bangunan``)."""
    return _model_dalam(field_info(model, jalur)[-1].annotation) if jalur else model


def _ekstra(f: FieldInfo, kunci: str) -> Any:
    ekstra = f.json_schema_extra
    return ekstra.get(kunci) if isinstance(ekstra, dict) else None


def _harus(f: FieldInfo) -> bool:
    """Required by the model, or declared ``wajib`` in the schema."""
    return f.is_required() or bool(_ekstra(f, "wajib"))


def wajib(model: type[BaseModel], jalur: tuple[str | int, ...]) -> str:
    """The "wajib" mark of a field: ``WAJIB`` (in each item, inside a list); ``WAJIB bila SMART
    diisi`` when required inside an optional part that has a ``title``; a condition the schema writes
    (``WAJIB kecuali …``); ``""`` when the field may stay empty."""
    *induk, akhir = field_info(model, jalur)
    syarat = _ekstra(akhir, "wajib")
    if not _harus(akhir):
        return ""
    if isinstance(syarat, str):
        return f"WAJIB {syarat}"
    for f in reversed(induk):
        if not _harus(f) and not _daftar(f.annotation):
            return f"WAJIB bila {f.title} diisi" if f.title else ""
    return "WAJIB"


def _daftar(anotasi: Any) -> bool:
    """Whether a field holds a list (its items' required fields are required in each item)."""
    if get_origin(anotasi) is list:
        return True
    return get_origin(anotasi) in (Union, types.UnionType) and any(
        _daftar(a) for a in get_args(anotasi)
    )


def keterangan(model: type[BaseModel], jalur: tuple[str | int, ...]) -> str:
    """The field's help text: its ``description``; for a choice without one, the choices
    (``pegawai, barang, modal, bantuan_sosial, lainnya.``)."""
    f = field_info(model, jalur)[-1]
    if f.description:
        return f.description
    pilihan = [a for a in _literal(f.annotation)]
    return ", ".join(pilihan) + "." if pilihan else ""


def _literal(anotasi: Any) -> list[str]:
    if get_origin(anotasi) is Literal:
        return [str(a) for a in get_args(anotasi)]
    if get_origin(anotasi) in (Union, types.UnionType):
        return [x for a in get_args(anotasi) for x in _literal(a)]
    return []


def bantuan(model: type[BaseModel], jalur: tuple[str | int, ...], tambahan: str = "") -> str:
    """``WAJIB. <keterangan> <tambahan>``: the comment the scaffold and the workbook show."""
    tanda = wajib(model, jalur)
    bagian = [f"{tanda}." if tanda else "", keterangan(model, jalur), tambahan]
    return " ".join(b for b in bagian if b)
