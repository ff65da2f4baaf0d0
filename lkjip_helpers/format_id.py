"""Indonesian number, money, percent and date formatting (babel), half-up rounding at display.

Computation keeps full precision (:class:`~decimal.Decimal`); only these functions round, and
they round half-up as Indonesian government reports expect (``117,647…`` → ``117,65``).

Every function takes ``None`` (no value: shown as :data:`KOSONG`) and the unknown value
:data:`~lkjip_helpers.tidak_diketahui.TIDAK_DIKETAHUI` (shown as :data:`TIDAK_TERSEDIA`, without
a unit or currency: never "Rp0" or "0 orang").
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, localcontext
from numbers import Real

from babel.dates import format_date, get_month_names
from babel.numbers import format_decimal

from .tidak_diketahui import TEKS, TidakDiketahui

LOCALE = "id_ID"
KOSONG = "–"
"""Shown for a value that does not exist (not applicable / no data)."""
TIDAK_TERSEDIA = TEKS
"""Shown for a value the data declares unknown ("data tidak tersedia")."""

Nilai = Decimal | int | float | TidakDiketahui | None


def ke_decimal(nilai: Decimal | int | float | str) -> Decimal:
    """Convert to Decimal; floats go through ``repr`` so 2.675 stays 2.675."""
    if isinstance(nilai, Decimal):
        return nilai
    if isinstance(nilai, bool):
        raise TypeError("nilai boolean bukan angka")
    if isinstance(nilai, int):
        return Decimal(nilai)
    if isinstance(nilai, float):
        return Decimal(repr(float(nilai)))  # float() also unwraps numpy scalars
    if isinstance(nilai, Real):
        return Decimal(repr(float(nilai)))
    return Decimal(str(nilai))


def bulatkan(nilai: Decimal | int | float, desimal: int = 2) -> Decimal:
    """Round half-up to ``desimal`` places (a result of zero is never negative: no "-0,00").

    Rounds in a wide context, so a large value never raises ``decimal.InvalidOperation``;
    NaN and infinity raise :class:`ValueError`.
    """
    d = ke_decimal(nilai)
    if not d.is_finite():
        raise ValueError(f"nilai {d} bukan angka terhingga")
    kuantum = Decimal(1).scaleb(-desimal)
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, d.adjusted() + desimal + 2)
        hasil = d.quantize(kuantum, rounding=ROUND_HALF_UP)
    return hasil.copy_abs() if hasil == 0 else hasil


def angka(nilai: Nilai, desimal: int = 2, *, ringkas: bool = False) -> str:
    """``1234567.891`` → ``1.234.567,89``. ``ringkas`` drops a ``,00`` tail (``38``)."""
    if nilai is None:
        return KOSONG
    if isinstance(nilai, TidakDiketahui):
        return TIDAK_TERSEDIA
    d = bulatkan(nilai, desimal)
    with localcontext() as ctx:  # babel quantizes again: give it the digits it needs
        ctx.prec = max(ctx.prec, d.adjusted() + desimal + 2)
        if ringkas and d == d.to_integral_value():
            return format_decimal(d, format="#,##0", locale=LOCALE)
        pola = "#,##0" + ("." + "0" * desimal if desimal > 0 else "")
        return format_decimal(d, format=pola, locale=LOCALE, decimal_quantization=True)


def bulat(nilai: Nilai) -> str:
    """Whole number with thousands separators: ``16466041000`` → ``16.466.041.000``."""
    return angka(nilai, 0)


def persen(nilai: Nilai, desimal: int = 2, *, ringkas: bool = False) -> str:
    """``99.2071`` → ``99,21%``."""
    if nilai is None:
        return KOSONG
    if isinstance(nilai, TidakDiketahui):
        return TIDAK_TERSEDIA
    return angka(nilai, desimal, ringkas=ringkas) + "%"


def rupiah(nilai: Nilai, desimal: int = 0) -> str:
    """``16466041000`` → ``Rp16.466.041.000``; negative → ``-Rp1.000``."""
    if nilai is None:
        return KOSONG
    if isinstance(nilai, TidakDiketahui):
        return TIDAK_TERSEDIA
    d = ke_decimal(nilai)
    tanda = "-" if d < 0 else ""
    return f"{tanda}Rp{angka(abs(d), desimal)}"


def poin(nilai: Nilai, desimal: int = 2) -> str:
    """A signed difference in percentage points: ``-17.85`` → ``-17,85 poin``."""
    if nilai is None:
        return KOSONG
    if isinstance(nilai, TidakDiketahui):
        return TIDAK_TERSEDIA
    d = bulatkan(nilai, desimal)
    tanda = "+" if d > 0 else ""
    return f"{tanda}{angka(d, desimal)} poin"


def nilai_satuan(nilai: Nilai, satuan: str, desimal: int = 2) -> str:
    """Format a target/realisasi in its unit: ``%`` → ``80%``; others → ``4 Unit``."""
    if nilai is None:
        return KOSONG
    if isinstance(nilai, TidakDiketahui):
        return TIDAK_TERSEDIA
    if satuan.strip() == "%":
        return persen(nilai, desimal, ringkas=True)
    return f"{angka(nilai, desimal, ringkas=True)} {satuan}"


def nama_bulan(bulan: int, bentuk: str = "wide") -> str:
    """Indonesian month name: 1 → ``Januari`` (``abbreviated`` → ``Jan``)."""
    if not 1 <= bulan <= 12:
        raise ValueError(f"bulan {bulan} di luar 1–12")
    return str(get_month_names(bentuk, locale=LOCALE)[bulan])


def tanggal(hari: date) -> str:
    """``date(2023, 12, 30)`` → ``30 Desember 2023``."""
    return format_date(hari, "d MMMM y", locale=LOCALE)


WIB = timezone(timedelta(hours=7), "WIB")
"""Waktu Indonesia Barat (Asia/Jakarta, UTC+7, no daylight saving): the time zone of times
shown to users. Records (build.json, batch.json, rekap.csv) keep UTC."""


def sekarang_wib() -> datetime:
    """The current time in WIB."""
    return datetime.now(WIB)


def waktu_wib(waktu: str | datetime) -> str:
    """A recorded time (ISO text or datetime; UTC when it names no zone) as shown to users:
    ``2023-12-30T10:05:00+00:00`` → ``30 Desember 2023 17.05 WIB``. Text that is not a time
    is returned as is."""
    if isinstance(waktu, str):
        try:
            waktu = datetime.fromisoformat(waktu)
        except ValueError:
            return waktu
    if waktu.tzinfo is None:
        waktu = waktu.replace(tzinfo=UTC)
    w = waktu.astimezone(WIB)
    return f"{tanggal(w.date())} {w:%H.%M} WIB"


def terbilang_kecil(n: int) -> str:
    """Words for small counts used in narrative (0–99): 25 → ``dua puluh lima``."""
    satuan = [
        "nol",
        "satu",
        "dua",
        "tiga",
        "empat",
        "lima",
        "enam",
        "tujuh",
        "delapan",
        "sembilan",
        "sepuluh",
        "sebelas",
    ]
    if n < 0 or n > 99:
        return str(n)
    if n < 12:
        return satuan[n]
    if n < 20:
        return f"{satuan[n - 10]} belas"
    puluh, sisa = divmod(n, 10)
    kata = f"{satuan[puluh]} puluh"
    return kata if sisa == 0 else f"{kata} {satuan[sisa]}"


def terbilang(nilai: Decimal | int | float, desimal: int = 2) -> str:
    """Words for a figure in narrative, its decimals read digit by digit (rounded half-up to
    ``desimal`` places, trailing zeros dropped): 99,21 → ``sembilan puluh sembilan koma dua
    satu``; 13 → ``tiga belas``. The whole part is in words for 0–99 (as
    :func:`terbilang_kecil`), in digits above."""
    b = bulatkan(nilai, desimal)
    tanda = "minus " if b < 0 else ""
    b = abs(b)
    bulat = int(b)
    pecahan = f"{b - bulat:f}".partition(".")[2].rstrip("0")
    kata = terbilang_kecil(bulat)
    if pecahan:
        kata += " koma " + " ".join(terbilang_kecil(int(c)) for c in pecahan)
    return tanda + kata
