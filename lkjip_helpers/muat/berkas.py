"""Read YAML data files and validate them against the schema.

Every problem becomes a :class:`~lkjip_helpers.errors.DataError` in Bahasa Indonesia that names
the file, the line (when the YAML parser knows it), the field path, the value found and what
was expected.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..errors import DataError

M = TypeVar("M", bound=BaseModel)

MAKS_GALAT = 12


# --------------------------------------------------------------------------- YAML


class _Peta(dict):
    """A mapping that remembers the (0-based) line of each key."""

    __slots__ = ("baris", "baris_kunci")


class _Daftar(list):
    """A sequence that remembers the (0-based) line of each item."""

    __slots__ = ("baris", "baris_butir")


class _KunciGanda(Exception):
    def __init__(self, kunci: object, baris: int, kolom: int) -> None:
        super().__init__(kunci, baris, kolom)
        self.kunci, self.baris, self.kolom = kunci, baris, kolom


class _Pemuat(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's C-accelerated safe loader, building line-aware containers."""


def _peta(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _Peta:
    loader.flatten_mapping(node)
    d = _Peta()
    d.baris, d.baris_kunci = node.start_mark.line, {}
    for k_node, v_node in node.value:
        k = loader.construct_object(k_node, deep=True)
        if k in d:
            raise _KunciGanda(k, k_node.start_mark.line, k_node.start_mark.column)
        d[k] = loader.construct_object(v_node, deep=True)
        d.baris_kunci[k] = k_node.start_mark.line
    return d


def _daftar(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> _Daftar:
    d = _Daftar(loader.construct_object(c, deep=True) for c in node.value)
    d.baris, d.baris_butir = node.start_mark.line, [c.start_mark.line for c in node.value]
    return d


# YAML 1.2 booleans only: a column header "No" or a value "yes" stays text, as in ruamel.yaml.
_Pemuat.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _awal in "tTfF":
    _Pemuat.yaml_implicit_resolvers.setdefault(_awal, []).insert(
        0, ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"))
    )
# YAML 1.2 floats: an exponent without a decimal point (1e30, 1e-30) is a number, as in
# ruamel.yaml, not a text that the number policy would then report as "written as text".
for _awal in "-+0123456789":
    _Pemuat.yaml_implicit_resolvers.setdefault(_awal, []).append(
        ("tag:yaml.org,2002:float", re.compile(r"^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"))
    )
_Pemuat.add_constructor("tag:yaml.org,2002:map", _peta)
_Pemuat.add_constructor("tag:yaml.org,2002:seq", _daftar)


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.allow_duplicate_keys = False
    return y


def baca_yaml(path: Path) -> Any:
    """Parse a YAML file keeping line information; raise DataError when it cannot be read.

    The fast path uses PyYAML's C parser; on a syntax error the file is parsed again with
    ruamel.yaml, whose messages we translate into Indonesian.
    """
    if not path.is_file():
        raise DataError(str(path), "berkas tidak ditemukan")
    try:
        teks = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise DataError(str(path), f"bukan teks UTF-8 (posisi bait {err.start})") from None
    except OSError as err:
        raise DataError(str(path), f"tidak dapat dibaca ({err.strerror})") from None
    try:
        data = yaml.load(teks, Loader=_Pemuat)
    except _KunciGanda as err:
        raise DataError(
            str(path),
            f"YAML tidak sah: kunci {err.kunci!r} muncul dua kali dalam pemetaan yang sama",
            f"baris {err.baris + 1}, kolom {err.kolom + 1}",
        ) from None
    except yaml.YAMLError:
        _galat_sintaks(path, teks)
        raise DataError(str(path), "YAML tidak sah") from None
    if data is None:
        raise DataError(str(path), "berkas kosong; diharapkan pemetaan (kunci: nilai)")
    return data


def _galat_sintaks(path: Path, teks: str) -> None:
    """Raise the Indonesian description of a syntax error (ruamel.yaml's diagnosis)."""
    try:
        _yaml().load(teks)
    except MarkedYAMLError as err:
        masalah, di_awal = _masalah_yaml(err)
        mark = (err.context_mark if di_awal else None) or err.problem_mark or err.context_mark
        baris = f"baris {mark.line + 1}, kolom {mark.column + 1}" if mark else None
        raise DataError(str(path), f"YAML tidak sah: {masalah}", baris) from None
    except YAMLError as err:
        raise DataError(str(path), f"YAML tidak sah: {err}") from None


_MASALAH_YAML: tuple[tuple[str, str], ...] = (
    (r'found duplicate key "(?P<k>[^"]*)"', "kunci «k» muncul dua kali dalam pemetaan yang sama"),
    (
        r"mapping values are not allowed here",
        "tanda ':' tidak boleh di sini; apit teks yang memuat ': ' dengan tanda kutip",
    ),
    (r"found character '\\t'", "karakter tab tidak boleh dipakai; gunakan spasi untuk indentasi"),
    (r"expected ',' or '\]'", "daftar '[ … ]' tidak ditutup (diharapkan ',' atau ']')"),
    (r"expected ',' or '\}'", "pemetaan '{ … }' tidak ditutup (diharapkan ',' atau '}')"),
    (r"expected <block end>", "indentasi tidak konsisten dengan baris sebelumnya"),
    (r"could not find expected ':'", "diharapkan ':' setelah nama kunci"),
    (r"found undefined alias", "alias (*nama) tidak dikenal"),
)


def _masalah_yaml(err: MarkedYAMLError) -> tuple[str, bool]:
    """Indonesian description of a YAML syntax error (parser text kept in parentheses), and
    whether the error is best located where its context starts (an unclosed quote)."""
    asli = err.problem or err.context or ""
    if "end of stream" in asli and "quoted scalar" in (err.context or ""):
        return f"tanda kutip tidak ditutup (pesan parser: {asli})", True
    for pola, teks in _MASALAH_YAML:
        m = re.search(pola, asli)
        if m:
            if "k" in m.groupdict():
                teks = teks.replace("«k»", repr(m["k"]))
            return f"{teks} (pesan parser: {asli})", False
    return f"sintaks tidak sah (pesan parser: {asli})" if asli else "sintaks tidak sah", False


def baris_untuk(data: Any, loc: tuple[int | str, ...]) -> int | None:
    """1-based line of the deepest node of ``loc`` that the YAML tree knows."""
    baris: int | None = None
    node = data
    for kunci in loc:
        if isinstance(kunci, int) and isinstance(node, list):
            if kunci >= len(node):
                break
            lines = getattr(node, "baris_butir", None)
            if lines is not None:
                baris = lines[kunci] + 1
            node = node[kunci]
        elif isinstance(node, dict) and kunci in node:
            lines = getattr(node, "baris_kunci", None)
            if lines is not None:
                baris = lines[kunci] + 1
            node = node[kunci]
        else:
            break
    if baris is None and getattr(data, "baris", None) is not None:
        baris = data.baris + 1
    return baris


def _jalur(loc: tuple[int | str, ...]) -> str:
    teks = ""
    for k in loc:
        if isinstance(k, int):
            teks += f"[{k + 1}]"
        else:
            teks += ("." if teks else "") + str(k)
    return teks or "(akar berkas)"


_PESAN: dict[str, str] = {
    "missing": "wajib diisi",
    "extra_forbidden": "nama field tidak dikenal (salah ketik?)",
    "decimal_parsing": "harus berupa angka (gunakan titik untuk desimal, tanpa pemisah ribuan)",
    "decimal_type": "harus berupa angka",
    "float_parsing": "harus berupa angka",
    "int_parsing": "harus berupa bilangan bulat",
    "int_type": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "string_type": "harus berupa teks",
    "list_type": "harus berupa daftar (butir diawali '- ')",
    "tuple_type": "harus berupa daftar",
    "dict_type": "harus berupa pemetaan (kunci: nilai)",
    "model_type": "harus berupa pemetaan (kunci: nilai)",
    "model_attributes_type": "harus berupa pemetaan (kunci: nilai)",
    "bool_parsing": "harus true atau false",
    "finite_number": "harus angka terhingga",
}


def _pesan_galat(err: dict[str, Any]) -> str:
    jenis = err.get("type", "")
    ctx = err.get("ctx") or {}
    if jenis == "greater_than_equal":
        return f"harus ≥ {ctx.get('ge')}"
    if jenis == "less_than_equal":
        return f"harus ≤ {ctx.get('le')}"
    if jenis == "literal_error":
        return f"harus salah satu dari: {ctx.get('expected')}"
    if jenis == "string_pattern_mismatch":
        return f"format tidak sah (pola {ctx.get('pattern')})"
    if jenis == "too_long":
        return f"terlalu banyak butir (paling banyak {ctx.get('max_length')})"
    if jenis == "too_short":
        return f"terlalu sedikit butir (paling sedikit {ctx.get('min_length')})"
    if jenis == "value_error":
        return str(err.get("msg", "")).removeprefix("Value error, ")
    return _PESAN.get(jenis, str(err.get("msg", "tidak sah")))


def validasi(model: type[M], data: Any, path: Path) -> M:
    """Validate parsed YAML against ``model``; raise one DataError listing every problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        butir = []
        for err in exc.errors()[:MAKS_GALAT]:
            loc = tuple(err.get("loc", ()))
            baris = baris_untuk(data, loc)
            tempat = (f"baris {baris}, " if baris else "") + f"field {_jalur(loc)}"
            teks = f"{tempat}: {_pesan_galat(err)}"
            if err.get("type") not in ("missing",) and "input" in err:
                nilai = err["input"]
                if not isinstance(nilai, dict | list):
                    teks += f" (ditemukan: {nilai!r})"
            butir.append(teks)
        sisa = exc.error_count() - len(butir)
        if sisa > 0:
            butir.append(f"... dan {sisa} masalah lain")
        raise DataError(str(path), "isi tidak sesuai skema:\n  - " + "\n  - ".join(butir)) from None


def muat_berkas(model: type[M], path: Path) -> M:
    """Read and validate one YAML file."""
    return validasi(model, baca_yaml(path), path)
