"""Read YAML data files and validate them against the schema.

Every problem becomes a :class:`~lkjip_helpers.errors.DataError` in Bahasa Indonesia that names
the file, the line (when the YAML parser knows it), the field path, the value found (shortened)
and what was expected.

Containment: :func:`path_dalam` and :func:`pastikan_dalam` check that a file lies inside its
folder after symlinks are resolved; every reader of the data folder goes through them (the
YAML loaders take ``akar=<data folder>``; images and attachments named in the data must be
looked up with ``path_dalam(folder, nama)``).
"""

from __future__ import annotations

import binascii
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..errors import DataError, ParameterError

M = TypeVar("M", bound=BaseModel)

MAKS_GALAT = 12
MAKS_NILAI_DITAMPILKAN = 80
"""Characters of a value quoted in a message (longer values are shortened)."""
MAKS_UKURAN_BERKAS = 20 * 1024 * 1024
"""Bytes; a data file is hand-written YAML, far smaller than this."""
MAKS_KEDALAMAN = 64
"""Nesting levels of a YAML document (the data files use fewer than ten)."""
MAKS_TEKS_DIAGNOSIS = 1_000_000
"""Characters up to which a syntax error is diagnosed again with ruamel.yaml (slower, better
messages); a longer file gets PyYAML's own message."""
MAKS_SIMPUL = 500_000
"""Values of a YAML document counted with its aliases expanded (stops "billion laughs")."""
BATAS_ANGKA = Decimal("1e18")
"""Magnitude from which a number is refused before any computation (money has 13 digits)."""
ANGKA_TERKECIL = Decimal("1e-12")
"""Smallest non-zero magnitude accepted."""


# --------------------------------------------------------------------------- containment


def ringkas_nilai(nilai: object, maks: int = MAKS_NILAI_DITAMPILKAN) -> str:
    """``repr(nilai)`` shortened to about ``maks`` characters for a message."""
    teks = repr(nilai)
    if len(teks) <= maks:
        return teks
    panjang = f" … ({len(str(nilai))} karakter)" if isinstance(nilai, str) else " …"
    return teks[: maks - 1] + panjang


def pastikan_dalam(akar: str | Path, path: str | Path, asal: str | None = None) -> Path:
    """Return ``path`` if it lies inside the folder ``akar`` once symlinks are resolved.

    Raises :class:`DataError` (naming ``asal``, the file that referred to ``path``, when
    given) for a path that leaves ``akar``: an absolute path, ``..``, or a symlink pointing
    outside. The path itself is returned unresolved, as the user wrote it.
    """
    path = Path(path)
    try:
        asli = Path(akar).resolve()
        nyata = path.resolve()
    except (OSError, ValueError, RuntimeError) as err:  # NUL byte, symlink loop
        raise DataError(asal or str(path), f"jalur berkas tidak sah ({_sebab_os(err)})") from None
    if not nyata.is_relative_to(asli):
        lurus = Path(os.path.normpath(path.absolute()))
        if lurus != nyata and lurus.is_relative_to(asli):
            masalah = f"adalah tautan simbolik ke luar folder {str(akar)!r}"
        else:
            masalah = f"berada di luar folder {str(akar)!r}"
        raise DataError(
            asal or str(path),
            f"berkas {ringkas_nilai(str(path))} {masalah}; lkjip hanya membaca berkas di "
            "dalam folder data",
        )
    return path


def path_dalam(folder: str | Path, nama: str | Path, asal: str | None = None) -> Path:
    """``folder / nama`` if that file lies inside ``folder`` (after symlinks); else DataError.

    Use it for every file name that comes from the data (a catalog id, an image, an
    attachment): ``path_dalam(data_dir / "katalog", f"{id}.yaml", asal="satker.yaml")``.
    ``asal`` names the file (and field) that gave the name, for the message.
    """
    teks = str(nama)
    if not teks or "\x00" in teks or Path(teks).is_absolute() or Path(teks).drive:
        raise DataError(
            asal or str(folder),
            f"nama berkas {ringkas_nilai(teks)} tidak sah: harus nama berkas di dalam "
            f"folder {str(folder)!r}, bukan jalur mutlak",
        )
    return pastikan_dalam(folder, Path(folder) / teks, asal)


def pastikan_terpisah(data_dir: str | Path, out_dir: str | Path) -> None:
    """Raise ParameterError unless the output folder and the data folder are apart.

    A build replaces folders under ``out_dir``; if that lay inside the data folder (or held
    it) it could replace the input data itself. Both paths are compared after symlinks.
    """
    data, keluar = Path(data_dir).resolve(), Path(out_dir).resolve()
    if keluar == data or keluar.is_relative_to(data):
        raise ParameterError(
            f"folder keluaran {str(out_dir)!r} berada di dalam folder data {str(data_dir)!r}; "
            "pilih folder keluaran di luar folder data (mis. outputs/)"
        )
    if data.is_relative_to(keluar):
        raise ParameterError(
            f"folder keluaran {str(out_dir)!r} memuat folder data {str(data_dir)!r}; "
            "pilih folder keluaran tersendiri (mis. outputs/)"
        )


def _sebab_os(err: BaseException) -> str:
    return getattr(err, "strerror", None) or type(err).__name__


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


class _NilaiTakTerbaca(Exception):
    """A scalar with an explicit tag (``!!timestamp x``) that its constructor cannot build."""

    def __init__(self, tag: str, baris: int, kolom: int, sebab: str) -> None:
        super().__init__(tag, baris, kolom, sebab)
        self.tag, self.baris, self.kolom, self.sebab = tag, baris, kolom, sebab


class _Pemuat(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's C-accelerated safe loader, building line-aware containers."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """PyYAML's constructor; a value its tag cannot build becomes a located error."""
        try:
            return super().construct_object(node, deep=deep)
        except (
            ValueError,
            TypeError,
            AttributeError,
            LookupError,
            OverflowError,
            binascii.Error,
        ) as err:
            raise _NilaiTakTerbaca(
                str(node.tag), node.start_mark.line, node.start_mark.column, type(err).__name__
            ) from None


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

PEMUAT_YAML = _Pemuat
"""The loader class of :func:`baca_yaml` (its tag resolution decides what a scalar loads to;
the build fingerprint, :mod:`lkjip_helpers.bangun.sidik`, resolves scalars with it too)."""


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.allow_duplicate_keys = False
    return y


def baca_yaml(path: Path, akar: Path | None = None) -> Any:
    """Parse a YAML file keeping line information; raise DataError when it cannot be read.

    With ``akar`` (the data folder) the file must lie inside it once symlinks are resolved.
    The fast path uses PyYAML's C parser; on a syntax error the file is parsed again with
    ruamel.yaml, whose messages we translate into Indonesian.
    """
    path = Path(path)
    if akar is not None:
        pastikan_dalam(akar, path)
    if not path.is_file():
        raise DataError(str(path), "berkas tidak ditemukan")
    try:
        if path.stat().st_size > MAKS_UKURAN_BERKAS:
            raise DataError(
                str(path), f"berkas terlalu besar (lebih dari {MAKS_UKURAN_BERKAS >> 20} MB)"
            )
        mentah = path.read_bytes()
    except OSError as err:
        raise DataError(str(path), f"tidak dapat dibaca ({_sebab_os(err)})") from None
    teks = _dekode(path, mentah)
    try:
        data = yaml.load(teks, Loader=_Pemuat)
    except _KunciGanda as err:
        raise DataError(
            str(path),
            f"YAML tidak sah: kunci {ringkas_nilai(err.kunci)} muncul dua kali dalam pemetaan "
            "yang sama",
            f"baris {err.baris + 1}, kolom {err.kolom + 1}",
        ) from None
    except _NilaiTakTerbaca as err:
        tag = err.tag.replace("tag:yaml.org,2002:", "!!")
        raise DataError(
            str(path),
            f"YAML tidak sah: nilai bertag {ringkas_nilai(tag)} tidak dapat dibaca sebagai "
            "tag itu; hapus tag-nya (data lkjip tidak memakai tag YAML)",
            f"baris {err.baris + 1}, kolom {err.kolom + 1}",
        ) from None
    except yaml.constructor.ConstructorError as err:
        _galat_tag(path, err)
        raise
    except yaml.YAMLError as err:
        _galat_sintaks(path, teks, err)
        raise DataError(str(path), "YAML tidak sah") from None
    except RecursionError:
        raise DataError(
            str(path), f"YAML tidak sah: struktur bersarang lebih dari {MAKS_KEDALAMAN} tingkat"
        ) from None
    if data is None:
        raise DataError(str(path), "berkas kosong; diharapkan pemetaan (kunci: nilai)")
    _periksa_ukuran_pohon(path, data)
    return data


def _dekode(path: Path, mentah: bytes) -> str:
    """UTF-8 text (a UTF-8 byte-order mark is allowed); other encodings are named."""
    if mentah.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError(str(path), "berkas tersimpan sebagai UTF-16; simpan ulang sebagai UTF-8")
    try:
        teks = mentah.decode("utf-8")
    except UnicodeDecodeError as err:
        baris = mentah[: err.start].count(b"\n") + 1
        raise DataError(
            str(path),
            f"bukan teks UTF-8 (bait tidak sah pada posisi {err.start}); simpan ulang "
            "berkas sebagai UTF-8",
            f"baris {baris}",
        ) from None
    return teks.removeprefix("\ufeff")


def _galat_tag(path: Path, err: yaml.constructor.ConstructorError) -> None:
    """Raise the Indonesian message for an unknown or unusable YAML tag (``!foo``)."""
    mark = err.problem_mark or err.context_mark
    lokasi = f"baris {mark.line + 1}, kolom {mark.column + 1}" if mark else None
    m = re.search(r"tag '([^']*)'", err.problem or "")
    if m:
        tag = m.group(1).replace("tag:yaml.org,2002:", "!!")
        raise DataError(
            str(path),
            f"YAML tidak sah: tag {ringkas_nilai(tag)} tidak dikenal; data lkjip tidak "
            "memakai tag YAML (hapus tanda '!' di depan nilai, atau apit nilai dengan tanda kutip)",
            lokasi,
        ) from None
    raise DataError(
        str(path), f"YAML tidak sah: nilai tidak dapat dibaca ({err.problem or err})", lokasi
    ) from None


def _periksa_ukuran_pohon(path: Path, data: Any) -> None:
    """Refuse documents nested too deeply or too large once aliases are expanded."""
    ukuran: dict[int, int] = {}
    # Iterative post-order walk; aliases share objects, so sizes are memoised by id().
    tumpukan: list[tuple[Any, int, bool]] = [(data, 1, False)]
    while tumpukan:
        node, dalam, selesai = tumpukan.pop()
        if not isinstance(node, dict | list):
            continue
        if dalam > MAKS_KEDALAMAN:
            raise DataError(
                str(path), f"YAML tidak sah: struktur bersarang lebih dari {MAKS_KEDALAMAN} tingkat"
            )
        anak = list(node.values()) if isinstance(node, dict) else node
        if selesai:
            ukuran[id(node)] = 1 + sum(
                ukuran.get(id(a), 1) if isinstance(a, dict | list) else 1 for a in anak
            )
            if ukuran[id(node)] > MAKS_SIMPUL:
                raise DataError(
                    str(path),
                    f"YAML terlalu besar: lebih dari {MAKS_SIMPUL} nilai setelah alias (*nama) "
                    "dibuka; jangan memakai alias bersarang",
                )
            continue
        if id(node) in ukuran:
            continue
        tumpukan.append((node, dalam, True))
        tumpukan.extend((a, dalam + 1, False) for a in anak if isinstance(a, dict | list))


def _galat_sintaks(path: Path, teks: str, asal: yaml.YAMLError | None = None) -> None:
    """Raise the Indonesian description of a syntax error (ruamel.yaml's diagnosis).

    When the error follows a quoted value that runs over several lines, the line where that
    quote was opened is reported: an unclosed quote swallows the lines after it and the
    parser only stumbles much further down.
    """
    _periksa_kedalaman(path, teks)
    if len(teks) > MAKS_TEKS_DIAGNOSIS:  # ruamel.yaml (pure Python) would take too long
        _galat_pyyaml(path, asal)
    try:
        _yaml().load(teks)
    except MarkedYAMLError as err:
        masalah, di_awal = _masalah_yaml(err)
        mark = (err.context_mark if di_awal else None) or err.problem_mark or err.context_mark
        kutip = _kutip_terbuka(teks, err.problem_mark.line if err.problem_mark else None)
        if kutip is not None and not di_awal:
            baris_kutip, kolom_kutip, tanda = kutip
            sampai = f"baris {mark.line + 1}" if mark else "bagian berikutnya"
            raise DataError(
                str(path),
                f"YAML tidak sah: tanda kutip {tanda} yang dibuka di sini tampaknya tidak "
                f"ditutup; parser baru berhenti di {sampai} "
                f"(pesan parser: {err.problem or err.context})",
                f"baris {baris_kutip + 1}, kolom {kolom_kutip + 1}",
            ) from None
        baris = f"baris {mark.line + 1}, kolom {mark.column + 1}" if mark else None
        raise DataError(str(path), f"YAML tidak sah: {masalah}", baris) from None
    except YAMLError as err:
        raise DataError(str(path), f"YAML tidak sah: {err}") from None
    except RecursionError:
        raise DataError(
            str(path), f"YAML tidak sah: struktur bersarang lebih dari {MAKS_KEDALAMAN} tingkat"
        ) from None
    # ruamel.yaml accepted what PyYAML refused: report PyYAML's own finding.
    _galat_pyyaml(path, asal)


def _galat_pyyaml(path: Path, asal: yaml.YAMLError | None) -> NoReturn:
    """Raise PyYAML's own description of ``asal`` (line, column, parser text)."""
    mark = getattr(asal, "problem_mark", None)
    masalah = getattr(asal, "problem", None) or "sintaks tidak sah"
    baris = f"baris {mark.line + 1}, kolom {mark.column + 1}" if mark else None
    raise DataError(str(path), f"YAML tidak sah (pesan parser: {masalah})", baris) from None


def _periksa_kedalaman(path: Path, teks: str) -> None:
    """DataError when the text nests deeper than :data:`MAKS_KEDALAMAN` before its error.

    PyYAML's C parser streams the events cheaply; ruamel.yaml, which diagnoses the error
    next, needs seconds (and a RecursionError) on thousands of nested brackets.
    """
    dalam = 0
    try:
        for peristiwa in yaml.parse(teks, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(peristiwa, yaml.CollectionStartEvent):
                dalam += 1
                if dalam > MAKS_KEDALAMAN:
                    mark = peristiwa.start_mark
                    raise DataError(
                        str(path),
                        f"YAML tidak sah: struktur bersarang lebih dari {MAKS_KEDALAMAN} tingkat",
                        f"baris {mark.line + 1}, kolom {mark.column + 1}",
                    )
            elif isinstance(peristiwa, yaml.CollectionEndEvent):
                dalam -= 1
    except yaml.YAMLError:
        pass  # the syntax error itself is diagnosed next


def _kutip_terbuka(teks: str, baris_galat: int | None) -> tuple[int, int, str] | None:
    """(line, column, quote) of the last quoted value spanning several lines before the error."""
    if baris_galat is None:
        return None
    temuan: tuple[int, int, str] | None = None
    try:
        for token in yaml.scan(teks, Loader=yaml.SafeLoader):
            awal, akhir = token.start_mark, token.end_mark
            if awal.line > baris_galat:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ("'", '"')
                and akhir.line > awal.line
            ):
                temuan = (awal.line, awal.column, token.style)
    except (yaml.YAMLError, RecursionError):
        pass  # the scanner stops at the error; what it saw before is enough
    return temuan


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
    """Validate parsed YAML against ``model``; raise one DataError listing every problem.

    Every number of the result must also be finite and of a sane magnitude
    (:data:`BATAS_ANGKA`, :data:`ANGKA_TERKECIL`), so no computation meets NaN, infinity or a
    value beyond the exact decimal precision.
    """
    try:
        hasil = model.model_validate(data)
    except RecursionError:
        raise DataError(
            str(path), f"struktur bersarang lebih dari {MAKS_KEDALAMAN} tingkat"
        ) from None
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
                    teks += f" (ditemukan: {ringkas_nilai(nilai)})"
            butir.append(teks)
        sisa = exc.error_count() - len(butir)
        if sisa > 0:
            butir.append(f"... dan {sisa} masalah lain")
        raise DataError(str(path), "isi tidak sesuai skema:\n  - " + "\n  - ".join(butir)) from None
    _periksa_angka(hasil, data, path)
    return hasil


def _masalah_angka(x: object) -> str | None:
    """Why a number is refused, or None when it is fine."""
    if isinstance(x, bool) or not isinstance(x, int | float | Decimal):
        return None
    d = Decimal(repr(x)) if isinstance(x, float) else Decimal(x)
    if not d.is_finite():
        return "harus angka terhingga (bukan .nan atau .inf)"
    if abs(d) >= BATAS_ANGKA:
        return f"terlalu besar (harus kurang dari {BATAS_ANGKA:.0E}; periksa jumlah digit)"
    if d and abs(d) < ANGKA_TERKECIL:
        return f"terlalu kecil (selain 0, paling kecil {ANGKA_TERKECIL:.0E})"
    return None


def _periksa_angka(hasil: BaseModel, data: Any, path: Path) -> None:
    """Raise DataError for a non-finite or absurdly large/small number anywhere in ``hasil``."""
    butir: list[str] = []
    tumpukan: list[tuple[object, tuple[int | str, ...]]] = [(hasil, ())]
    while tumpukan and len(butir) < MAKS_GALAT:
        node, loc = tumpukan.pop()
        if isinstance(node, BaseModel):
            for nama in reversed(type(node).model_fields):
                tumpukan.append((getattr(node, nama), (*loc, nama)))
        elif isinstance(node, dict):
            for k, v in reversed(list(node.items())):
                if (m := _masalah_angka(k)) is not None:
                    butir.append(_butir_angka(data, loc, k, m))
                tumpukan.append((v, (*loc, k)))
        elif isinstance(node, list | tuple):
            for i in reversed(range(len(node))):
                tumpukan.append((node[i], (*loc, i)))
        elif (m := _masalah_angka(node)) is not None:
            butir.append(_butir_angka(data, loc, node, m))
    if butir:
        raise DataError(str(path), "isi tidak sesuai skema:\n  - " + "\n  - ".join(butir))


def _butir_angka(data: Any, loc: tuple[int | str, ...], nilai: object, masalah: str) -> str:
    baris = baris_untuk(data, loc)
    tempat = (f"baris {baris}, " if baris else "") + f"field {_jalur(loc)}"
    teks = str(nilai)
    teks = teks if len(teks) <= MAKS_NILAI_DITAMPILKAN else teks[:MAKS_NILAI_DITAMPILKAN] + " …"
    return f"{tempat}: {masalah} (ditemukan: {teks})"


def muat_berkas(model: type[M], path: Path, akar: Path | None = None) -> M:
    """Read and validate one YAML file (inside ``akar`` when given, see :func:`baca_yaml`)."""
    return validasi(model, baca_yaml(path, akar), path)
