"""One finding of the data checks (:class:`Temuan`), its levels and subjects.

A finding has a stable :attr:`Temuan.id` (``KODE-6hex``, see :mod:`lkjip_helpers.muat.kunci`)
computed from its code and a canonical key (:attr:`Temuan.kunci`) that the check chooses to
describe the *problem* — never a line number — so the same problem keeps its id from build to
build and a satker's answer in ``tanggapan.yaml`` stays attached to it.

:attr:`Temuan.subjek` says which things of the report a finding concerns, as tuples (the review
memo links them to our own tables and sections):

===============================================  ============================================
subject                                          what of the report
===============================================  ============================================
``("ikk", "SK1.1")``                             the IKK's section (Bab III A) and its rows
``("ikk",)``                                     the summary of all IKK (counts tercapai …)
``("sasaran", "SK1")``                           a sasaran's summary (mean capaian, efficiency)
``("pk",)``                                      the Perjanjian Kinerja table (Bab II)
``("anggaran", 2023, "total")``                  the DIPA total of a year
``("anggaran", 2023, "per_sasaran"[, "SK4"])``   a breakdown table (and one of its rows);
                                                 also ``"per_program"`` (row ``"1"`` …) and
                                                 ``"per_jenis_belanja"`` (row ``"barang"`` …)
``("smart",)``, ``("ikpa",)``, ``("nka",)``      Bab III C scores
``("e_performance",)``, ``("e_monev",)``         Bab III D
``("profil", "penghuni")``                       Bab I profile (``"pegawai"``, ``"kapasitas"``)
``("narasi", "kesimpulan")``                     a chapter narrative of ``narasi.yaml``
``("klaim", "<besaran>")``                       a draft figure we cannot place in our report
``("tanggapan",)``                               the response file itself
===============================================  ============================================

The draft's own location of a claim (``"Tabel 3.7"``) is kept apart in :attr:`Temuan.sumber`:
it is the *draft's* numbering, shown as "draf: Tabel 3.7", never as one of our tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Literal

from ..muat.kunci import id_temuan

Tingkat = Literal["error", "peringatan", "info"]
URUTAN_TINGKAT: dict[str, int] = {"error": 0, "peringatan": 1, "info": 2}

Subjek = tuple[str | int, ...]
"""What of the report a finding concerns, e.g. ``("ikk", "SK1.1")`` (see the module doc)."""


@dataclass(frozen=True)
class Temuan:
    """One finding: a code, a level, where (file, row/field) and a message in Indonesian.

    ``lokasi`` names the data file and line for the tim penyusun; ``pesan`` is the technical
    message of ``lkjip check``. The review memo uses the grouped :class:`~.masalah.Masalah`.
    """

    kode: str
    tingkat: Tingkat
    lokasi: str
    pesan: str
    besaran: str | None = None
    """For claim and narrative-number findings: the figure compared (``ikk.SK1.1.realisasi``),
    its year, the stated and computed values (plain decimal strings) and where the draft
    states it (``sumber``, in the draft's own words)."""
    tahun: int | None = None
    dinyatakan: str | None = None
    dihitung: str | None = None
    sumber: str | None = None
    kunci: str = ""
    """Canonical description of the problem chosen by the check (never a line number)."""
    subjek: tuple[Subjek, ...] = ()
    """Things of the report this finding concerns, most specific first."""
    catatan: str | None = None
    """Transcription note of a claim (e.g. the draft's source line), for the review memo only."""
    kutipan: str | None = None
    """A claim's draft sentence, quoted (``klaim.yaml`` ``kutipan``)."""
    id: str = field(default="")
    """Stable id ``KODE-6hex`` (computed from ``kode`` and ``kunci`` when not given)."""

    def __post_init__(self) -> None:
        if not self.id:
            # every check gives a key; the message is a fallback (never the location's line)
            object.__setattr__(self, "id", id_temuan(self.kode, self.kunci or self.pesan))

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-able dict; empty optional fields are left out."""
        isi = {k: v for k, v in asdict(self).items() if v is not None and v != "" and v != ()}
        if self.subjek:
            isi["subjek"] = [list(s) for s in self.subjek]
        return isi


def hitung_tingkat(temuan: Iterable[Temuan]) -> dict[str, int]:
    """Count of findings per level (all three keys present)."""
    n = {"error": 0, "peringatan": 0, "info": 0}
    for t in temuan:
        n[t.tingkat] += 1
    return n
