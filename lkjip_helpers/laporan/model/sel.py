"""Table cells: the text the report shows and, for a figure, its full-precision value."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from ... import format_id as f
from ...tidak_diketahui import TidakDiketahui
from .tanda import atribut, esc

JenisSel = Literal["teks", "angka", "persen", "rupiah", "poin"]


@dataclass(frozen=True)
class Sel:
    """A table cell: the text the report shows and, for a figure, its full-precision value.

    ``jenis`` says what the value is (``persen`` values are percent numbers, 121.92 for
    121,92 %); ``satuan`` is the unit printed after an ``angka`` (``Layanan``, ``orang``).
    """

    teks: str
    nilai: Decimal | int | None = None
    jenis: JenisSel = "teks"
    desimal: int = 2
    ringkas: bool = False
    satuan: str | None = None
    kelas: str | None = None
    rentang: int = 1
    baris: int = 1

    @property
    def angka(self) -> bool:
        """Whether the cell holds a number (rendered right-aligned, a number in Excel)."""
        return self.nilai is not None and self.jenis != "teks"

    def ke_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"teks": self.teks}
        if self.nilai is not None:
            d["nilai"] = str(self.nilai)
        for nama, bawaan in (
            ("jenis", "teks"),
            ("desimal", 2),
            ("ringkas", False),
            ("satuan", None),
            ("kelas", None),
            ("rentang", 1),
            ("baris", 1),
        ):
            v = getattr(self, nama)
            if v != bawaan:
                d[nama] = v
        return d

    @classmethod
    def dari_json(cls, d: dict[str, Any]) -> Sel:
        d = dict(d)
        if "nilai" in d:
            d["nilai"] = Decimal(d["nilai"])
        return cls(**d)

    def format_excel(self) -> str:
        """The Excel number format that shows the value as the report does."""
        if not self.angka:
            return "General"
        bulat = self.ringkas and self.nilai is not None and self.nilai == int(self.nilai)
        des = 0 if bulat else self.desimal
        pola = "#,##0" + ("." + "0" * des if des else "")
        if self.jenis == "persen":  # a percent number with a literal % (no ×100 by Excel)
            return ("#,##0" + ("." + "0" * des if des else "")) + '"%"'
        if self.jenis == "rupiah":
            return f'"Rp"{pola};-"Rp"{pola}'
        if self.jenis == "poin":
            return f'+{pola}" poin";-{pola}" poin";{pola}" poin"'
        if self.satuan:
            return f'{pola}" {self.satuan.replace(chr(34), "")}"'
        return pola

    def nilai_excel(self) -> float | int | str:
        """The value written to Excel: the number as the report prints it, a percent as a
        percent number (121,92 % → 121.92, shown ``121,92%`` by :meth:`format_excel`), the
        unit of ``capaian_ikk.csv`` and of the analyst DataFrames."""
        if not self.angka:
            return self.teks
        assert self.nilai is not None
        v = Decimal(self.nilai)
        if v == v.to_integral_value() and abs(v) < 2**53:
            return int(v)
        return float(v)


def teks(isi: object, kelas: str | None = None, rentang: int = 1, baris: int = 1) -> Sel:
    """A text cell."""
    return Sel("" if isi is None else str(isi), kelas=kelas, rentang=rentang, baris=baris)


def angka(
    nilai: Decimal | int | None,
    desimal: int = 2,
    *,
    ringkas: bool = False,
    satuan: str | None = None,
    kelas: str | None = None,
    rentang: int = 1,
    baris: int = 1,
) -> Sel:
    """A number: ``1.234,57`` (``ringkas`` drops ``,00``), optionally followed by a unit."""
    if nilai is None:
        return teks(f.KOSONG, kelas, rentang, baris)
    if isinstance(nilai, TidakDiketahui):
        return teks(f.TIDAK_TERSEDIA, kelas, rentang, baris)
    t = f.angka(nilai, desimal, ringkas=ringkas) + (f" {satuan}" if satuan else "")
    return Sel(t, nilai, "angka", desimal, ringkas, satuan, kelas, rentang, baris)


def persen(
    nilai: Decimal | int | None,
    desimal: int = 2,
    *,
    ringkas: bool = False,
    kelas: str | None = None,
    rentang: int = 1,
    baris: int = 1,
) -> Sel:
    """A percentage (the value in percent): ``121,92%``."""
    if nilai is None:
        return teks(f.KOSONG, kelas, rentang, baris)
    if isinstance(nilai, TidakDiketahui):
        return teks(f.TIDAK_TERSEDIA, kelas, rentang, baris)
    t = f.persen(nilai, desimal, ringkas=ringkas)
    return Sel(t, nilai, "persen", desimal, ringkas, None, kelas, rentang, baris)


def rupiah(nilai: Decimal | int | None, kelas: str | None = None) -> Sel:
    """An amount of money: ``Rp16.466.041.000``."""
    if nilai is None:
        return teks(f.KOSONG, kelas)
    if isinstance(nilai, TidakDiketahui):
        return teks(f.TIDAK_TERSEDIA, kelas)
    return Sel(f.rupiah(nilai), nilai, "rupiah", 0, False, None, kelas)


def poin(nilai: Decimal | int | None, kelas: str | None = None) -> Sel:
    """A difference in percentage points: ``+3,50 poin``."""
    if nilai is None:
        return teks(f.KOSONG, kelas)
    if isinstance(nilai, TidakDiketahui):
        return teks(f.TIDAK_TERSEDIA, kelas)
    return Sel(f.poin(nilai), nilai, "poin", 2, False, None, kelas)


def nilai_satuan(nilai: Decimal | int | None, satuan: str, kelas: str | None = None) -> Sel:
    """A target/realisasi in its unit: ``80%`` (percent) or ``38 Gedung/Bangunan``."""
    if satuan.strip() == "%":
        return persen(nilai, ringkas=True, kelas=kelas)
    return angka(nilai, ringkas=True, satuan=satuan, kelas=kelas)


def bulat(nilai: Decimal | int | None, satuan: str | None = None, kelas: str | None = None) -> Sel:
    """A whole number with thousands separators: ``1.117 orang``."""
    return angka(nilai, 0, satuan=satuan, kelas=kelas)


def _sel(x: Sel | str | object) -> Sel:
    return x if isinstance(x, Sel) else teks(x)


def _td(c: Sel, tag: str = "td") -> str:
    kelas = [k for k in (c.kelas, "angka" if c.angka and tag == "td" else None) if k]
    attr = atribut(
        kelas=" ".join(kelas) or None,
        colspan=c.rentang if c.rentang > 1 else None,
        rowspan=c.baris if c.baris > 1 else None,
    )
    return f"<{tag}{attr}>{esc(c.teks)}</{tag}>"
