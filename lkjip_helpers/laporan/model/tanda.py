"""The one escaper and the documents' one serialisation of attributes, ids and table classes."""

from __future__ import annotations

import html as _html
import re


def esc(teks: object) -> str:
    """HTML-escape a value for element text (``&``, ``<``, ``>``): the one path from text to
    HTML. For an attribute value use :func:`esc_atribut`."""
    return _html.escape("" if teks is None else str(teks), quote=False)


def esc_atribut(teks: object) -> str:
    """HTML-escape a value for a double-quoted attribute (``&``, ``<``, ``>``, ``"``)."""
    return esc(teks).replace('"', "&quot;")


def atribut(**nilai: object) -> str:
    """Attributes in name order (`` class="a" id="b"``), escaped; ``None``/empty values are
    left out; ``kelas`` is written ``class`` and ``data_kunci`` ``data-kunci``. Name order is
    the documents' one canonical form, so equal content always renders to equal bytes."""
    pasangan = sorted(
        ("class" if nama == "kelas" else nama.replace("_", "-"), v)
        for nama, v in nilai.items()
        if v is not None and v != ""
    )
    return "".join(f' {nama}="{esc_atribut(v)}"' for nama, v in pasangan)


def slug(teks: str) -> str:
    """``Tabel 3.1 SK1.1`` → ``tabel-3-1-sk1-1`` (ids and keys)."""
    s = re.sub(r"[^a-z0-9]+", "-", str(teks).lower()).strip("-")
    return s or "bagian"


KOLOM_BANYAK = 8
KOLOM_SANGAT_BANYAK = 12
BARIS_UTUH = 10
"""A table of at most this many body rows is never split across pages (class ``utuh``)."""


def kelas_lebar(kolom: int) -> str | None:
    """Class of a table of ``kolom`` columns: ``kolom-banyak`` (>= 8) or
    ``kolom-sangat-banyak`` (>= 12), set in smaller type; None for a narrower one."""
    if kolom >= KOLOM_SANGAT_BANYAK:
        return "kolom-sangat-banyak"
    return "kolom-banyak" if kolom >= KOLOM_BANYAK else None
