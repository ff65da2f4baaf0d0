"""Reading one workbook cell: Indonesian numbers, unknown values, choices, yes/no, dates.

A cell holds what the analyst typed, as Excel stored it: a number (Excel's own parsing of what
was typed, already unambiguous), a text, a date, a boolean, or nothing. Numbers typed as text
(pasted from a report, or a cell formatted as text) are read the Indonesian way, agreeing with
the number policy of :mod:`lkjip_helpers.muat.angka`:

- ``1.234,5`` → 1234,5 (dot thousands, comma decimal); ``1,234.5`` → 1234,5 as well (the last
  separator is the decimal one when both appear);
- ``1.234.567``, ``Rp 16.466.041.000`` or ``Rp. 65.038.490,-`` → whole numbers (a separator
  repeated can only group thousands; ``,-`` is how sources print whole rupiah); ``99,21``
  and ``99.21`` → 99,21 (one separator not followed by exactly three digits can only be the
  decimal one);
- ``1.234`` or ``1,234`` → **ambiguous** (one thousand two hundred thirty-four, or one point
  two three four): reported with both readings, never guessed — as the data model reports a
  quoted ``"1.177"``;
- ``99,21%`` → 99,21 (percent values are stored as percent numbers); a numeric cell whose
  number format shows a percent (Excel stores 99,21 % as 0,9921) is read as the number shown;
- ``tidak diketahui`` (any case) is the unknown value.

A numeric cell is taken with Excel's own precision (15 significant digits), so a cached formula
result such as 0,30000000000000004 reads as 0,3. Dates, times and TRUE/FALSE in a number column
are refused with a message. Every problem is a :class:`MasalahSel` with an Indonesian text of
what was found and what was expected; the caller adds the sheet and cell.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

from ...tidak_diketahui import EJAAN, ejaan_tidak_diketahui


class MasalahSel(ValueError):
    """A cell value that cannot be read as its column expects (message in Indonesian)."""


_SPASI = re.compile(r"[\s\u00a0\u2007\u202f]+")
_RUPIAH = re.compile(r"^rp\.?", re.IGNORECASE)
_MINUS = ("-", "\u2212", "\u2013")
_POLOS = re.compile(r"^\d+$")
_TANPA_SEN = re.compile(r"(?<=\d)[,.]\s*[-\u2013\u2014]$")
_ILMIAH = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+$")
_BUKAN_ANGKA = f"bukan angka; diharapkan angka (mis. 1234, 1.234,5 atau 99,21%) atau {EJAAN!r}"
_KELOMPOK = {".": re.compile(r"^\d{1,3}(?:\.\d{3})+$"), ",": re.compile(r"^\d{1,3}(?:,\d{3})+$")}


def teks_tampil(nilai: Any) -> str:
    """How a found value is quoted in a message (short, Indonesian dates)."""
    if isinstance(nilai, dt.datetime):
        if nilai.time() == dt.time(0):
            return nilai.strftime("%d-%m-%Y")
        return nilai.strftime("%d-%m-%Y %H:%M")
    if isinstance(nilai, dt.date | dt.time):
        return nilai.isoformat()
    if isinstance(nilai, bool):
        return "TRUE" if nilai else "FALSE"
    teks = repr(nilai) if isinstance(nilai, str) else str(nilai)
    return teks if len(teks) <= 60 else teks[:57] + "…'"


def _bukan_angka(nilai: Any) -> str | None:
    """The message for a cell type that is never a number, else None."""
    if isinstance(nilai, bool):
        return f"berisi nilai logika {teks_tampil(nilai)}, bukan angka"
    if isinstance(nilai, dt.datetime | dt.date):
        return (
            f"berisi tanggal ({teks_tampil(nilai)}), bukan angka; Excel mengubah ketikan menjadi "
            "tanggal bila sel berformat tanggal atau ketikan mirip tanggal: ubah format sel "
            "menjadi Angka lalu ketik ulang"
        )
    if isinstance(nilai, dt.time | dt.timedelta):
        return f"berisi waktu ({teks_tampil(nilai)}), bukan angka"
    return None


def _dari_float(nilai: float) -> Decimal:
    if not math.isfinite(nilai):
        raise MasalahSel("berisi angka tak terhingga atau galat perhitungan, bukan angka")
    # Excel keeps 15 significant digits; beyond them a double only carries binary noise.
    return Decimal(format(nilai, ".15g"))


def _tanda_dan_angka(teks: str) -> tuple[str, str]:
    """The sign (``"-"`` or ``""``) and the digits with their separators: spaces, ``Rp``, a
    trailing ``%`` and ``,-`` (whole rupiah) removed."""
    t = _SPASI.sub(" ", teks).strip()
    tanda = ""
    if t[:1] in _MINUS or t[:1] == "+":
        tanda, t = ("-" if t[:1] != "+" else ""), t[1:].lstrip()
    t = _RUPIAH.sub("", t).lstrip()
    if t[:1] in _MINUS and not tanda:
        tanda, t = "-", t[1:].lstrip()
    t = t.removesuffix("%").rstrip()
    t = _TANPA_SEN.sub("", t)  # "65.038.490,-": the way sources print whole rupiah
    return tanda, t


def _dua_pemisah(t: str, asli: str) -> str:
    """Both ``.`` and ``,`` present: the last one is the decimal mark, the other groups
    thousands (``1.234,5`` → ``1234.5``)."""
    desimal = "." if t.rfind(".") > t.rfind(",") else ","
    ribuan = "," if desimal == "." else "."
    bulat, _, pecahan = t.rpartition(desimal)
    if t.count(desimal) != 1 or not _KELOMPOK[ribuan].fullmatch(bulat) or not pecahan.isdigit():
        raise MasalahSel(
            f"angka {asli!r} tidak dapat dibaca: pemisah ribuan dan desimal tidak konsisten "
            "(tulis mis. 1.234,5 atau 1234,5)"
        )
    return bulat.replace(ribuan, "") + "." + pecahan


def _satu_pemisah(t: str, asli: str) -> str:
    """One kind of separator: thousands when repeated (``1.234.567``), else a decimal mark,
    refused when three digits follow it (``1.234`` could be either)."""
    pemisah = "." if "." in t else ","
    if t.count(pemisah) > 1:
        if not _KELOMPOK[pemisah].fullmatch(t):
            raise MasalahSel(f"angka {asli!r} tidak dapat dibaca (pemisah ribuan tidak sah)")
        return t.replace(pemisah, "")
    depan, _, belakang = t.partition(pemisah)
    if not belakang.isdigit() or not (depan.isdigit() or depan == ""):
        raise MasalahSel(_BUKAN_ANGKA)
    if len(belakang) == 3 and depan and depan != "0" and len(depan) <= 3:
        ribuan = depan + belakang
        desimal = f"{depan},{belakang}"
        raise MasalahSel(
            f"angka {asli!r} bisa berarti {ribuan} ({pemisah!r} sebagai pemisah ribuan) atau "
            f"{desimal} ({pemisah!r} sebagai tanda desimal): ketik {ribuan} tanpa pemisah "
            f"ribuan, atau {desimal} bila memang pecahan, atau isi sel sebagai angka"
        )
    return (depan or "0") + "." + belakang


def angka_teks(teks: str) -> Decimal:
    """An Indonesian number written as text (see the module docstring); MasalahSel otherwise."""
    asli = " ".join(teks.split())
    tanda, t = _tanda_dan_angka(teks)
    if not t or " " in t:
        raise MasalahSel(_BUKAN_ANGKA)
    if _POLOS.fullmatch(t) or _ILMIAH.fullmatch(t):
        return Decimal(tanda + t)
    if "." in t and "," in t:
        return Decimal(tanda + _dua_pemisah(t, asli))
    return Decimal(tanda + _satu_pemisah(t, asli))


def baca_angka_sel(nilai: Any, format_angka: str = "General") -> Decimal | str | None:
    """A number cell: ``None`` when empty, :data:`EJAAN` when unknown, else a Decimal.

    ``format_angka`` is the cell's number format: a percent format means Excel stores the
    fraction (0,9921 shown as 99,21 %); the number shown is returned.
    """
    if nilai is None:
        return None
    masalah = _bukan_angka(nilai)
    if masalah:
        raise MasalahSel(masalah)
    if isinstance(nilai, str):
        if not nilai.strip():
            return None
        if ejaan_tidak_diketahui(nilai):
            return EJAAN
        return angka_teks(nilai)
    if isinstance(nilai, int):
        d = Decimal(nilai)
    elif isinstance(nilai, float):
        d = _dari_float(nilai)
    elif isinstance(nilai, Decimal):
        if not nilai.is_finite():
            raise MasalahSel("berisi angka tak terhingga, bukan angka")
        d = nilai
    else:
        raise MasalahSel(f"berisi {type(nilai).__name__}, bukan angka")
    if _format_persen(format_angka):
        d = d * 100
    return d


def _format_persen(format_angka: str | None) -> bool:
    """Whether a number format scales by 100 (a ``%`` outside quotes and escapes)."""
    if not format_angka:
        return False
    polos = re.sub(r'"[^"]*"|\\.', "", format_angka)
    return "%" in polos


def ke_yaml(d: Decimal | str | None) -> int | float | str | None:
    """The value written to YAML and validated: int when whole, float otherwise, the unknown
    spelling as is. (The loader reads YAML numbers as floats too, so both see the same.)"""
    if d is None or isinstance(d, str):
        return d
    if d == d.to_integral_value() and abs(d) < Decimal(10) ** 18:
        return int(d)
    return float(d)


def baca_bulat_sel(nilai: Any, format_angka: str = "General") -> int | None:
    """A whole-number cell (year, month, step number); unknown is not allowed here."""
    d = baca_angka_sel(nilai, format_angka)
    if d is None:
        return None
    if isinstance(d, str):
        raise MasalahSel(f"{EJAAN!r} tidak dapat dipakai di sini; isi bilangan bulat")
    if d != d.to_integral_value():
        raise MasalahSel("harus bilangan bulat")
    if abs(d) > Decimal(10) ** 15:
        raise MasalahSel("angka terlalu besar")
    return int(d)


def baca_teks_sel(nilai: Any, *, tanggal: bool = False, nip: bool = False) -> str | None:
    """A text cell: surrounding spaces removed, Windows line ends made ``\\n``.

    A number is taken as its text (``2012``); a date is refused (Excel turned the typing into a
    date) unless ``tanggal``, where it becomes ``YYYY-MM-DD``. ``nip``: an identity number
    longer than 15 digits cannot survive as an Excel number, so a number there is refused.
    """
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        raise MasalahSel(f"berisi nilai logika {teks_tampil(nilai)}; ketik sebagai teks")
    if isinstance(nilai, dt.datetime | dt.date):
        if tanggal:
            hari = nilai.date() if isinstance(nilai, dt.datetime) else nilai
            return hari.isoformat()
        raise MasalahSel(
            f"berisi tanggal ({teks_tampil(nilai)}): Excel mengubah ketikan menjadi tanggal; "
            "ubah format sel menjadi Teks lalu ketik ulang"
        )
    if isinstance(nilai, dt.time | dt.timedelta):
        raise MasalahSel(f"berisi waktu ({teks_tampil(nilai)}); ketik sebagai teks")
    if isinstance(nilai, int | float | Decimal):
        if nip:
            raise MasalahSel(
                "NIP ditulis sebagai angka: Excel hanya menyimpan 15 digit angka sehingga NIP "
                "18 digit berubah; ubah format sel menjadi Teks lalu ketik ulang NIP"
            )
        if isinstance(nilai, float):
            if not math.isfinite(nilai):
                raise MasalahSel("berisi angka tak terhingga; ketik sebagai teks")
            return format(nilai, ".15g")
        return str(nilai)
    if not isinstance(nilai, str):
        raise MasalahSel(f"berisi {type(nilai).__name__}; ketik sebagai teks")
    teks = nilai.replace("\r\n", "\n").replace("\r", "\n").strip()
    return teks or None


def baca_pilihan_sel(nilai: Any, pilihan: tuple[str, ...]) -> str | None:
    """A drop-down cell: one of ``pilihan`` (case and surrounding spaces ignored)."""
    teks = baca_teks_sel(nilai)
    if teks is None:
        return None
    cocok = {p.lower(): p for p in pilihan}
    kunci = " ".join(teks.split()).lower()
    if kunci in cocok:
        return cocok[kunci]
    raise MasalahSel(f"harus salah satu dari: {', '.join(pilihan)}")


YA = ("ya", "y", "true", "benar")
TIDAK = ("tidak", "t", "false", "salah")


def baca_ya_tidak_sel(nilai: Any) -> bool | None:
    """A Ya/Tidak cell (Excel's TRUE/FALSE accepted)."""
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        return nilai
    if isinstance(nilai, str):
        t = nilai.strip().lower()
        if not t:
            return None
        if t in YA:
            return True
        if t in TIDAK:
            return False
    raise MasalahSel("harus Ya atau Tidak")


def baca_daftar_kode_sel(nilai: Any) -> list[str] | None:
    """Codes separated by commas or semicolons (``SK1, SK2``)."""
    teks = baca_teks_sel(nilai)
    if teks is None:
        return None
    return [k.strip() for k in re.split(r"[,;\n]", teks) if k.strip()]


def baca_baris_teks_sel(nilai: Any) -> list[str] | None:
    """One item per line of the cell."""
    teks = baca_teks_sel(nilai)
    if teks is None:
        return None
    return [b.strip() for b in teks.split("\n") if b.strip()]


def baca_target_tahunan_sel(nilai: Any) -> dict[int, Decimal | str] | None:
    """``2023: 80; 2024: 85`` (year: number, separated by ``;`` or new lines)."""
    teks = baca_teks_sel(nilai)
    if teks is None:
        return None
    hasil: dict[int, Decimal | str] = {}
    for bagian in re.split(r"[;\n]", teks):
        if not bagian.strip():
            continue
        tahun, pisah, angka = bagian.partition(":")
        if not pisah:
            tahun, pisah, angka = bagian.partition("=")
        tahun = tahun.strip()
        if not pisah or not re.fullmatch(r"\d{4}", tahun):
            raise MasalahSel(
                f"bagian {bagian.strip()!r} tidak dapat dibaca; tulis tahun: angka, dipisah "
                "titik koma, mis. 2023: 80; 2024: 85"
            )
        if int(tahun) in hasil:
            raise MasalahSel(f"tahun {tahun} ditulis dua kali")
        d = baca_angka_sel(angka.strip())
        if d is None:
            raise MasalahSel(f"angka untuk tahun {tahun} kosong")
        hasil[int(tahun)] = d
    return hasil or None


def tulis_angka_teks(d: Decimal | int | float) -> str:
    """A number in Indonesian writing for a text cell (``92,5``; no thousands separator)."""
    teks = format(Decimal(repr(d)) if isinstance(d, float) else Decimal(d), "f")
    if "." in teks:
        teks = teks.rstrip("0").rstrip(".")
    return teks.replace(".", ",")
