"""One value per quantity: where the data hold two values for one quantity, evidence decides.

A draft often prints the same quantity in two places with different values — the PK budget of
a program in Bab II C and in the signed PK document (Lampiran). Printing both makes the report
contradict itself; picking one silently hides a problem. The data keep both as entered (the
program in ``anggaran.yaml``, the PK document in ``lampiran.yaml``); :func:`pagu_program_ganda`
finds each such pair and weighs it against the other figures of the same data:

- the programs' total with each candidate against every total the data publish elsewhere —
  the DIPA pagu, the pagu of the IKPA assessment (``evaluasi.yaml``), the jenis-belanja and
  sasaran breakdowns' totals.

The candidate whose total agrees with one of them, when the other's agrees with none, is
*supported*: the report prints it wherever the quantity appears (Bab II and the Lampiran), with
a note pointing at the review memo, which shows both values and the evidence
(``NILAI_GANDA``). When no candidate or both are supported, the data as entered stand and the
memo still shows both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .. import format_id as f
from ..muat import DataLaporan
from ..muat import skema as s


@dataclass(frozen=True)
class Calon:
    """One value of the quantity as the data hold it."""

    nilai: Decimal
    sumber: str
    """Where the report (and the draft) print it, in words (``dokumen Perjanjian Kinerja
    (Lampiran)``); the data files are ``anggaran.yaml`` ``per_program`` and ``lampiran.yaml``
    ``perjanjian_kinerja.anggaran``."""
    bukti: tuple[str, ...]
    """Figures of the same data that agree with this value (in words)."""
    jumlah: Decimal | None = None
    """The programs' total with this value."""


@dataclass(frozen=True)
class NilaiGanda:
    """A quantity the data hold with two values, and which one the evidence supports."""

    besaran: str
    """Its name (``anggaran.program.2.pagu``)."""
    program: int
    """The program's row in ``anggaran.yaml`` ``per_program``, from 1."""
    label: str
    calon: tuple[Calon, ...]
    dipakai: Decimal | None
    """The supported value (None: the evidence does not decide)."""
    baris_pk: tuple[int, ...] = ()
    """Rows of the PK document's budget (``lampiran.yaml``) that hold the quantity."""

    @property
    def uraian(self) -> str:
        """Both values and the evidence, in Indonesian (for the review memo)."""
        bagian = [f"{f.rupiah(c.nilai)} ({c.sumber})" for c in self.calon]
        teks = f"Data memuat dua nilai untuk {self.label}: " + " dan ".join(bagian) + ". "
        for c in self.calon:
            if c.bukti:
                teks += f"Yang cocok dengan angka lain data: {'; '.join(c.bukti)}. "
            else:
                teks += (
                    f"Dengan {f.rupiah(c.nilai)} jumlah anggaran program {f.rupiah(c.jumlah)}, "
                    "tidak cocok dengan angka lain data. "
                )
        if self.dipakai is not None:
            teks += f"Laporan memakai {f.rupiah(self.dipakai)} di setiap tempat angka ini dicetak."
        else:
            teks += "Bukti tidak menentukan; laporan mencetak angka seperti tercatat."
        return teks

    @property
    def kunci(self) -> str:
        """Stable key of the finding (id)."""
        return f"{self.besaran}|" + "|".join(str(c.nilai) for c in self.calon)


def _kata(teks: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", teks.lower()))


def pagu_program_ganda(data: DataLaporan) -> list[NilaiGanda]:
    """Programs whose PK budget differs between ``anggaran.yaml`` and the PK document."""
    a = data.ini.anggaran
    lamp = data.ini.lampiran
    if a is None or not a.per_program or lamp is None or lamp.perjanjian_kinerja is None:
        return []
    baris_pk = [
        (n, b.uraian, b.jumlah)
        for n, b in enumerate(lamp.perjanjian_kinerja.anggaran)
        if isinstance(b.jumlah, Decimal | int)
    ]
    pagu = [x.pagu for x in a.per_program]
    if not all(isinstance(p, Decimal | int) for p in pagu):
        return []
    total_lain = _total_lain(data, a)
    hasil: list[NilaiGanda] = []
    for i, x in enumerate(a.per_program):
        ganda = _program_ganda(data, i, x, pagu, baris_pk, total_lain)
        if ganda is not None:
            hasil.append(ganda)
    return hasil


def _total_lain(data: DataLaporan, a: s.Anggaran) -> list[tuple[Decimal, str]]:
    """Every total of the programs' pagu the data publish elsewhere, with its name in words."""
    total_lain: list[tuple[Decimal, str]] = []
    if isinstance(a.pagu, Decimal | int):
        total_lain.append((Decimal(a.pagu), "pagu DIPA"))
    ev = data.ini.evaluasi
    if ev is not None and ev.ikpa is not None and isinstance(ev.ikpa.pagu, Decimal | int):
        total_lain.append((Decimal(ev.ikpa.pagu), "pagu pada penilaian IKPA"))
    for nama, rincian in (
        ("jumlah pagu per jenis belanja", a.per_jenis_belanja),
        ("jumlah pagu per sasaran", a.per_sasaran),
    ):
        nilai = [x.pagu for x in rincian]
        if nilai and all(isinstance(v, Decimal | int) for v in nilai):
            total_lain.append((sum((Decimal(v) for v in nilai), Decimal(0)), nama))
    return total_lain


def _program_ganda(
    data: DataLaporan,
    i: int,
    x: s.AnggaranProgram,
    pagu: list,
    baris_pk: list[tuple[int, str, Decimal | int]],
    total_lain: list[tuple[Decimal, str]],
) -> NilaiGanda | None:
    """Program ``x`` (row ``i``) when the PK document holds one other pagu for it."""
    nama = [n for n in (x.kegiatan, x.program) if n]
    cocok = [
        (n, Decimal(j))
        for n, u, j in baris_pk
        if any(u.strip().lower() == m.strip().lower() or _kata(u) == _kata(m) for m in nama)
    ]
    lain = {j for _, j in cocok}
    lain.discard(Decimal(x.pagu))  # type: ignore[arg-type]
    if len(lain) != 1:
        return None
    (nilai_pk,) = lain
    sisa = sum((Decimal(p) for j, p in enumerate(pagu) if j != i), Decimal(0))  # type: ignore[arg-type]
    calon = _calon(x, nilai_pk, sisa, total_lain)
    didukung = [c for c in calon if c.bukti]
    return NilaiGanda(
        besaran=f"anggaran.program.{i + 1}.pagu",
        program=i + 1,
        label=f"pagu {x.program} {data.tahun}",
        calon=tuple(calon),
        dipakai=didukung[0].nilai if len(didukung) == 1 else None,
        baris_pk=tuple(n for n, _ in cocok),
    )


def _calon(
    x: s.AnggaranProgram, nilai_pk: Decimal, sisa: Decimal, total_lain: list[tuple[Decimal, str]]
) -> list[Calon]:
    """Both candidates, each with the totals the programs' sum with it agrees with."""
    calon = []
    for v, sumber in (
        (Decimal(x.pagu), "tabel anggaran Perjanjian Kinerja, Bab II"),  # type: ignore[arg-type]
        (nilai_pk, "dokumen Perjanjian Kinerja, Lampiran"),
    ):
        jumlah = sisa + v
        bukti = tuple(
            f"{f.rupiah(sisa)} + {f.rupiah(v)} = {f.rupiah(jumlah)} = {label}"
            for t, label in total_lain
            if t == jumlah
        )
        calon.append(Calon(v, sumber, bukti, jumlah))
    return calon
