"""The one cell that would reconcile a table whose parts, total and sisa disagree.

A budget table (per sasaran, per program, per jenis belanja) has cells pagu, realisasi and —
where the draft prints it — sisa, for each part and for the total. They must satisfy

- per row:    Σ parts = total         (pagu, realisasi, and sisa when every sisa is printed);
- per column: pagu − realisasi = sisa (where the draft prints the sisa).

When these disagree, :func:`sel_tunggal` looks for cells whose change alone makes *every*
equation hold; the diagnosis is given only when exactly one such cell exists. In the sample's
2022 budget by jenis belanja the realisasi row does not add up (4.794.000.011 + 14.990.943.790
= 19.784.943.801, the total says 19.784.934.801) and the printed sisa of Belanja Barang does
not match (15.001.021.000 − 14.990.943.790 = 10.077.210, printed 10.086.210), while the total
realisasi, that sisa and the total sisa agree with each other: only the Belanja Barang
realisasi cell is off, and 14.990.934.790 makes every sum agree (two digits swapped).

The totals compared are the DIPA total of ``anggaran.yaml`` (as the checks do); the sisa
cells are the draft's printed figures from ``klaim.yaml``. The data files are never changed;
when the stray cell is a data cell, the figures read it as the other figures support
(:func:`lkjip_helpers.hitung.hasil.hitung`, ``HasilLaporan.sel_koreksi``), the report prints
that reading with a note, and the diagnosis is a finding and an entry of the review memo
(:mod:`lkjip_helpers.periksa.rekonsiliasi`).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from .. import format_id as f
from ..muat import DataLaporan, DataTahun
from .anggaran import BarisAnggaran, HasilAnggaran

Subjek = tuple[str | int, ...]
"""What of the report a cell concerns (as :data:`lkjip_helpers.periksa.temuan.Subjek`)."""

LABEL_TABEL_ANGGARAN = {
    "total": "anggaran DIPA",
    "per_sasaran": "anggaran per sasaran",
    "per_program": "anggaran per program/kegiatan",
    "per_jenis_belanja": "anggaran per jenis belanja",
}


def _nama_klaim(nama: str, tahun: int, tahun_klaim: int) -> str | None:
    """How year ``tahun_klaim``'s klaim.yaml names the budget figure ``nama`` of year ``tahun``
    (``anggaran.jenis.barang.sisa`` of 2022 is ``anggaran_tahun_lalu.jenis.barang.sisa`` in
    2023's); None when that year names no figure of ``tahun``."""
    if tahun_klaim == tahun:
        return nama
    if tahun_klaim == tahun + 1:
        return "anggaran_tahun_lalu" + nama.removeprefix("anggaran")
    return None


K = TypeVar("K", bound=Hashable)
NOL = Decimal(0)


def _nilai(persamaan: Mapping[K, int], sel: Mapping[K, Decimal]) -> Decimal:
    return sum((koef * sel[k] for k, koef in persamaan.items()), NOL)


def sel_tunggal(
    sel: Mapping[K, Decimal], persamaan: Sequence[Mapping[K, int]]
) -> list[tuple[K, Decimal]]:
    """Cells whose change alone makes every equation ``Σ koef × sel = 0`` hold, with the value.

    Empty when every equation already holds. Coefficients are ±1 (sums and differences).
    """
    gagal = [p for p in persamaan if _nilai(p, sel) != 0]
    if not gagal:
        return []
    hasil: list[tuple[K, Decimal]] = []
    for k in sel:
        if any(k not in p for p in gagal):
            continue  # a failing equation without this cell stays failing
        usul: set[Decimal] = set()
        for p in persamaan:
            if k in p:
                lain = _nilai({x: c for x, c in p.items() if x != k}, sel)
                usul.add(-lain / p[k])
        if len(usul) == 1:
            v = usul.pop()
            if v != sel[k] and v >= 0:
                hasil.append((k, v))
    return hasil


@dataclass(frozen=True)
class SelPerbaikan:
    """The single typed cell that would reconcile a table, and the value that would."""

    tahun: int
    tabel: str
    """``per_sasaran``, ``per_program`` or ``per_jenis_belanja``."""
    subjek: Subjek
    """``("anggaran", 2022, "per_jenis_belanja", "barang")``; the total row is ``"jumlah"``."""
    bagian: str
    """The row's key (``barang``, ``SK4``, ``1``) or ``jumlah`` for the total."""
    label_bagian: str
    ukuran: str
    """``pagu``, ``realisasi`` or ``sisa``."""
    tercatat: Decimal
    cocok: Decimal
    asal: str
    """``data`` (a figure of ``anggaran.yaml``) or ``draf`` (a figure the draft prints)."""
    lokasi_data: str
    persamaan: tuple[str, ...]
    """Every failing sum of the table written out with the reconciling value."""
    persamaan_tercatat: tuple[str, ...]
    """The same sums with the recorded value: ``… = 19.784.943.801, bukan 19.784.934.801``."""
    sel_sepakat: tuple[str, ...]
    """The other figures of the failing sums, which agree with each other."""

    @property
    def judul_tabel(self) -> str:
        return f"{LABEL_TABEL_ANGGARAN[self.tabel]} {self.tahun}"

    @property
    def uraian(self) -> str:
        """One sentence for the memo."""
        sumber = "data" if self.asal == "data" else "angka draf"
        return (
            f"Satu sel tidak cocok dengan angka lain di tabel {self.judul_tabel}: "
            f"{self.ukuran} {self.label_bagian} tercatat {f.rupiah(self.tercatat)} ({sumber}). "
            f"Dengan {f.rupiah(self.cocok)} semua jumlah tabel cocok: "
            + "; ".join(self.persamaan)
            + "."
        )


_NAMA = {"per_sasaran": "sasaran", "per_program": "program", "per_jenis_belanja": "jenis"}
_BARIS_DATA = {
    "per_sasaran": "per_sasaran",
    "per_program": "per_program",
    "per_jenis_belanja": "per_jenis_belanja",
}


class _SisaDraf:
    """The draft's stated sisa of year ``tahun``'s budget figures, from both klaim files."""

    def __init__(self, data: DataLaporan, tahun: int) -> None:
        self.tahun = tahun
        self.klaim = [
            (dt.tahun, kl)
            for dt in (data.ini, data.lalu)
            if dt is not None and dt.klaim is not None
            for kl in dt.klaim.klaim
            if kl.nilai is not None
        ]

    def get(self, nama: str, kosong: set[Decimal]) -> set[Decimal]:
        """Values stated for the sisa ``nama`` (named as in year ``tahun``'s own klaim.yaml)."""
        nilai = {
            kl.nilai
            for th, kl in self.klaim
            if kl.besaran == _nama_klaim(nama, self.tahun, th) and kl.nilai is not None
        }
        return nilai or kosong


def _sisa_draf(data: DataLaporan, tahun: int) -> _SisaDraf:
    """Stated sisa of year ``tahun``'s figures, by their name in that year's vocabulary."""
    return _SisaDraf(data, tahun)


def _lokasi_klaim(data: DataLaporan, tahun: int, nama: str) -> str:
    for dt in (data.ini, data.lalu):
        if dt is None or dt.klaim is None:
            continue
        for i, kl in enumerate(dt.klaim.klaim):
            if kl.besaran == _nama_klaim(nama, tahun, dt.tahun):
                baris = dt.baris("klaim", "klaim", i)
                return (
                    f"{dt.tahun}/klaim.yaml"
                    + (f" baris {baris}" if baris else "")
                    + (f" (draf: {kl.lokasi})")
                )
    return f"{tahun}/klaim.yaml"


def _lokasi_data(dt: DataTahun | None, tahun: int, tabel: str, i: int | None, ukuran: str) -> str:
    if dt is None:
        return f"{tahun}/anggaran.yaml"
    loc: tuple[int | str, ...] = (ukuran,) if i is None else (_BARIS_DATA[tabel], i, ukuran)
    baris = dt.baris("anggaran", *loc)
    jalur = ukuran if i is None else f"{_BARIS_DATA[tabel]}[{i + 1}].{ukuran}"
    return f"{tahun}/anggaran.yaml" + (f" baris {baris}" if baris else "") + f", {jalur}"


def diagnosa_tabel(data: DataLaporan, ang: HasilAnggaran, tabel: str) -> SelPerbaikan | None:
    """The reconciling cell of one budget table of one year, when exactly one exists."""
    baris: list[BarisAnggaran] = {
        "per_sasaran": ang.per_sasaran,
        "per_program": ang.per_program,
        "per_jenis_belanja": ang.per_jenis,
    }[tabel]
    if not baris:
        return None
    tahun = ang.tahun
    kunci = [b.kunci for b in baris]
    label = {b.kunci: b.label for b in baris} | {"jumlah": "Jumlah"}
    sel, asal = _sel_tabel(data, ang, baris, _NAMA[tabel])
    persamaan = _persamaan_tabel(sel, kunci)
    calon = sel_tunggal(sel, persamaan)
    if len(calon) != 1:
        return None
    (bagian, ukuran), v = calon[0]
    baru = {**sel, (bagian, ukuran): v}
    gagal = [p for p in persamaan if _nilai(p, sel) != 0]
    sepakat = tuple(
        dict.fromkeys(
            f"{u} {label[k]} {f.rupiah(sel[(k, u)])}"
            for p in gagal
            for (k, u) in p
            if (k, u) != (bagian, ukuran)
        )
    )
    subjek: Subjek = ("anggaran", tahun, tabel, bagian)
    return SelPerbaikan(
        tahun=tahun,
        tabel=tabel,
        subjek=subjek,
        bagian=bagian,
        label_bagian=label[bagian],
        ukuran=ukuran,
        tercatat=sel[(bagian, ukuran)],
        cocok=v,
        asal=asal[(bagian, ukuran)],
        lokasi_data=_lokasi_sel(data, tahun, tabel, kunci, (bagian, ukuran), asal),
        persamaan=tuple(_tulis_persamaan(p, baru) for p in gagal),
        persamaan_tercatat=tuple(_tulis_persamaan(p, sel, salah=True) for p in gagal),
        sel_sepakat=sepakat,
    )


def _sel_tabel(
    data: DataLaporan, ang: HasilAnggaran, baris: list[BarisAnggaran], nama: str
) -> tuple[dict[tuple[str, str], Decimal], dict[tuple[str, str], str]]:
    """The table's known cells (row key or ``jumlah``, measure) and where each comes from:
    pagu and realisasi from the data, a sisa the draft states (one value only)."""
    sisa = _sisa_draf(data, ang.tahun)
    sel: dict[tuple[str, str], Decimal] = {}
    asal: dict[tuple[str, str], str] = {}
    for b in [*baris, ang.total]:
        k = "jumlah" if b is ang.total else b.kunci
        # a figure written "tidak diketahui" is no cell of any equation
        if isinstance(b.pagu, Decimal):
            sel[(k, "pagu")] = b.pagu
            asal[(k, "pagu")] = "data"
        if isinstance(b.realisasi, Decimal):
            sel[(k, "realisasi")] = b.realisasi
            asal[(k, "realisasi")] = "data"
        nama_sisa = (
            [f"anggaran.{nama}_jumlah.sisa", "anggaran.sisa"]
            if k == "jumlah"
            else [f"anggaran.{nama}.{k}.sisa"]
        )
        nilai = set().union(*(sisa.get(n, set()) for n in nama_sisa))
        if len(nilai) == 1:
            sel[(k, "sisa")] = nilai.pop()
            asal[(k, "sisa")] = "draf"
    return sel, asal


def _persamaan_tabel(
    sel: Mapping[tuple[str, str], Decimal], kunci: list[str]
) -> list[dict[tuple[str, str], int]]:
    """The equations the known cells allow: each measure's rows add up to its total; each
    row's pagu − realisasi = sisa."""
    persamaan: list[dict[tuple[str, str], int]] = []
    for ukuran in ("pagu", "realisasi", "sisa"):
        if all((k, ukuran) in sel for k in [*kunci, "jumlah"]):
            persamaan.append({**{(k, ukuran): 1 for k in kunci}, ("jumlah", ukuran): -1})
    for k in [*kunci, "jumlah"]:
        if all((k, u) in sel for u in ("pagu", "realisasi", "sisa")):
            persamaan.append({(k, "pagu"): 1, (k, "realisasi"): -1, (k, "sisa"): -1})
    return persamaan


def _lokasi_sel(
    data: DataLaporan,
    tahun: int,
    tabel: str,
    kunci: list[str],
    sel: tuple[str, str],
    asal: Mapping[tuple[str, str], str],
) -> str:
    """Where the reconciling cell is written: its line of anggaran.yaml, or of klaim.yaml."""
    bagian, ukuran = sel
    if asal[sel] == "data":
        dt = data.ini if tahun == data.tahun else data.lalu
        i = None if bagian == "jumlah" else kunci.index(bagian)
        return _lokasi_data(dt, tahun, tabel, i, ukuran)
    nama = _NAMA[tabel]
    nm = f"anggaran.{nama}_jumlah.sisa" if bagian == "jumlah" else f"anggaran.{nama}.{bagian}.sisa"
    return _lokasi_klaim(data, tahun, nm)


def _tulis_persamaan(
    p: Mapping[tuple[str, str], int], sel: Mapping[tuple[str, str], Decimal], salah: bool = False
) -> str:
    """``a + b = total`` or ``pagu − realisasi = sisa``; ``salah``: ``… = x, bukan y``."""
    plus = [k for k, c in p.items() if c > 0]
    minus = [k for k, c in p.items() if c < 0]
    if len(minus) == 1 and minus[0][0] == "jumlah" and all(k[1] == minus[0][1] for k in plus):
        kiri = " + ".join(f.bulat(sel[k]) for k in plus)
        hasil = sum((sel[k] for k in plus), NOL)
        kanan = sel[minus[0]]
    else:
        (pagu,) = plus
        real, sisa = sorted(minus, key=lambda k: k[1] != "realisasi")
        kiri = f"{f.bulat(sel[pagu])} − {f.bulat(sel[real])}"
        hasil = sel[pagu] - sel[real]
        kanan = sel[sisa]
    if salah:
        return f"{kiri} = {f.bulat(hasil)}, bukan {f.bulat(kanan)}"
    return f"{kiri} = {f.bulat(kanan)}"
