"""The review memo's records: a problem (:class:`Masalah`), its lines (:class:`Rincian`), an IKK
to verify and the memo's whole content (:class:`Tinjauan`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from ...muat.skema import Tanggapan
from ..rekonsiliasi import SelPerbaikan
from ..temuan import Subjek, Temuan, Tingkat

Kelompok = Literal["error", "kesimpulan", "peringatan", "info"]


URUTAN_KELOMPOK: dict[str, int] = {"error": 0, "kesimpulan": 1, "peringatan": 2, "info": 3}


LABEL_KELOMPOK: dict[str, str] = {
    "error": "Kesalahan yang harus diperbaiki",
    "kesimpulan": "Perbedaan yang mengubah kesimpulan",
    "peringatan": "Peringatan lain",
    "info": "Catatan",
}


@dataclass(frozen=True)
class Rincian:
    """One finding under a problem: a place it shows, or one stated-vs-computed figure."""

    temuan_id: str
    kode: str
    tingkat: Tingkat
    teks: str
    """The line in plain Indonesian (no codes, no file paths)."""
    subjek: tuple[Subjek, ...] = ()
    """Things of *our* report it concerns (link targets)."""
    besaran: str | None = None
    tahun: int | None = None
    label: str | None = None
    """The figure in words: ``realisasi SK1.1 2023``."""
    draf: str | None = None
    """Where the *draft* states it, in the draft's own words (``Tabel 3.7``): show it marked
    as the draft's ("draf: Tabel 3.7"), never as one of our tables."""
    dinyatakan: str | None = None
    """The stated value, formatted with its own precision (``128%``, ``94,208``)."""
    dihitung: str | None = None
    """The computed value, formatted as the report prints it (``121,92%``)."""
    perhitungan: str | None = None
    """The hand computation (``1.435 ÷ 1.177 × 100 = 121,92%``)."""
    kutipan: str | None = None
    """For a narrative number: the sentence it stands in."""
    lokasi_data: str = ""
    """Data file, line and field, for the tim penyusun (``2023/klaim.yaml baris 16, …``)."""
    catatan: str | None = None
    """Transcription note of a claim (the draft's source line …)."""
    tanggapan: Tanggapan | None = None
    """The satker's answer to this finding's own id."""


def _belum_diperbaiki(t: Tanggapan | None) -> bool:
    """An answer "diperbaiki" to a finding that is still found."""
    return t is not None and t.status == "diperbaiki"


@dataclass
class Masalah:
    """One distinct problem of the review memo, with all its places under it."""

    id: str
    """Stable id (answerable in ``tanggapan.yaml``)."""
    kode: str
    """Code of its main finding (for tools; never shown as the title)."""
    tingkat: Tingkat
    kelompok: Kelompok
    judul: str
    uraian: str
    subjek: list[Subjek] = field(default_factory=list)
    rincian: list[Rincian] = field(default_factory=list)
    perhitungan: list[str] = field(default_factory=list)
    kesimpulan: list[str] = field(default_factory=list)
    """Which conclusions the problem changes, in words (empty when none)."""
    perbaikan: SelPerbaikan | None = None
    """The one cell that would reconcile the table, when exactly one exists."""
    tanggapan: Tanggapan | None = None
    """The satker's answer to this problem's id."""
    temuan: list[Temuan] = field(default_factory=list)

    @property
    def mengubah_kesimpulan(self) -> bool:
        return bool(self.kesimpulan)

    @property
    def lokasi_data(self) -> list[str]:
        """Data files and lines of every finding (for the tim penyusun), without repeats."""
        return list(dict.fromkeys(r.lokasi_data for r in self.rincian if r.lokasi_data))

    @property
    def draf(self) -> list[str]:
        """The draft's own locations of the stated figures (show as "draf: …")."""
        return list(dict.fromkeys(r.draf for r in self.rincian if r.draf))

    @property
    def tanggapan_temuan(self) -> dict[str, Tanggapan]:
        """Answers given to single findings of this problem, by finding id."""
        return {r.temuan_id: r.tanggapan for r in self.rincian if r.tanggapan is not None}

    @property
    def perbaikan_gagal(self) -> list[str]:
        """Ids answered ``diperbaiki`` whose finding is still there (the problem's own id or
        a finding's): the fix did not happen, so the answer does not count."""
        # a draft's claim stays recorded by design (the draft said it); its fix is that the
        # report no longer states it, which the narrative checks' own findings tell
        masih = [r for r in self.rincian if not r.kode.startswith("KLAIM_")]
        ids = [self.id] if _belum_diperbaiki(self.tanggapan) and masih else []
        ids += [
            r.temuan_id
            for r in self.rincian
            if _belum_diperbaiki(r.tanggapan) and not r.kode.startswith("KLAIM_")
        ]
        return list(dict.fromkeys(ids))

    @property
    def terjawab(self) -> bool:
        """Answered: the problem's id is, or every non-info finding under it is. An answer
        ``diperbaiki`` never counts: the problem is still here, so it was not fixed."""
        gagal = set(self.perbaikan_gagal)
        if self.tanggapan is not None and self.id not in gagal:
            return True
        wajib = [r for r in self.rincian if r.tingkat != "info"]
        return bool(wajib) and all(
            r.tanggapan is not None and r.temuan_id not in gagal for r in wajib
        )

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-able dict (``pemeriksaan.json``)."""
        return {
            "id": self.id,
            "kode": self.kode,
            "tingkat": self.tingkat,
            "kelompok": self.kelompok,
            "judul": self.judul,
            "uraian": self.uraian,
            "subjek": [list(s) for s in self.subjek],
            "mengubah_kesimpulan": self.mengubah_kesimpulan,
            "kesimpulan": self.kesimpulan,
            "perhitungan": self.perhitungan,
            "perbaikan": None
            if self.perbaikan is None
            else {
                "tahun": self.perbaikan.tahun,
                "tabel": self.perbaikan.tabel,
                "bagian": self.perbaikan.bagian,
                "ukuran": self.perbaikan.ukuran,
                "tercatat": str(self.perbaikan.tercatat),
                "cocok": str(self.perbaikan.cocok),
                "uraian": self.perbaikan.uraian,
            },
            "tanggapan": None if self.tanggapan is None else self.tanggapan.model_dump(),
            "terjawab": self.terjawab,
            "rincian": [
                {
                    k: v
                    for k, v in {
                        "temuan_id": r.temuan_id,
                        "teks": r.teks,
                        "subjek": [list(s) for s in r.subjek],
                        "draf": r.draf,
                        "dinyatakan": r.dinyatakan,
                        "dihitung": r.dihitung,
                        "perhitungan": r.perhitungan,
                        "lokasi_data": r.lokasi_data,
                        "tanggapan": None if r.tanggapan is None else r.tanggapan.model_dump(),
                    }.items()
                    if v not in (None, "", [])
                }
                for r in self.rincian
            ],
        }


@dataclass(frozen=True)
class IkkVerifikasi:
    """An IKK shown "Perlu verifikasi", for the memo header."""

    kode: str
    nama: str
    sasaran: str
    alasan: str
    status_hitung: str | None
    """What the status would be from the capaian alone (``Tercapai`` …)."""
    masalah_id: str | None


@dataclass
class Tinjauan:
    """Everything the review memo needs: problems, counts, IKK to verify."""

    masalah: list[Masalah]
    temuan: list[Temuan]
    perlu_verifikasi: list[IkkVerifikasi]

    @property
    def jumlah(self) -> dict[str, int]:
        """Problems per level (all three keys)."""
        n = Counter(m.tingkat for m in self.masalah)
        return {k: n.get(k, 0) for k in ("error", "peringatan", "info")}

    @property
    def jumlah_temuan(self) -> dict[str, int]:
        n = Counter(t.tingkat for t in self.temuan)
        return {k: n.get(k, 0) for k in ("error", "peringatan", "info")}

    @property
    def jumlah_kelompok(self) -> dict[str, int]:
        n = Counter(m.kelompok for m in self.masalah)
        return {k: n.get(k, 0) for k in URUTAN_KELOMPOK}

    @property
    def mengubah_kesimpulan(self) -> list[Masalah]:
        return [m for m in self.masalah if m.kelompok == "kesimpulan"]

    def untuk_subjek(self, subjek: Subjek) -> list[Masalah]:
        """Problems about ``subjek`` or anything under it (``("anggaran", 2023)`` matches
        ``("anggaran", 2023, "per_sasaran", "SK4")``): for links from the report."""
        n = len(subjek)
        return [m for m in self.masalah if any(tuple(s[:n]) == tuple(subjek) for s in m.subjek)]

    @property
    def belum_dijawab(self) -> list[Masalah]:
        """Errors and warnings without an answer (what ``lkjip check --ketat`` refuses)."""
        return [m for m in self.masalah if m.tingkat != "info" and not m.terjawab]
