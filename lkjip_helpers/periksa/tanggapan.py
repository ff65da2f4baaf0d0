"""The satker's answers (``<tahun>/tanggapan.yaml``) checked against the findings.

An answer names a finding (:attr:`~.temuan.Temuan.id`) or a grouped problem of the review memo
(:attr:`~.masalah.Masalah.id`) and says ``diperbaiki`` (fixed) or ``dijelaskan`` (explained).

- An id no finding or problem has today is an **error** (``TANGGAPAN_TIDAK_DIKENAL``, naming
  the file and line) — a mistyped id, or an explanation of something that no longer exists —
  except an answer ``diperbaiki`` with a known code: the problem it answered was fixed and has
  gone, which is what the answer said; that is an **info** (``TANGGAPAN_SELESAI``) so that the
  fix does not stop the build. (A mistyped ``diperbaiki`` id still leaves its real finding
  unanswered, which ``lkjip check --ketat`` reports.)
- The same id answered twice is an **error** (``TANGGAPAN_GANDA``): which answer stands?

An answer cannot hide a problem. ``diperbaiki`` is verified: a problem still found after the
answer was not fixed, so the answer does not count (:attr:`~.masalah.Masalah.perbaikan_gagal`;
the memo says so and ``lkjip periksa --ketat`` names it; a draft's claim stays recorded by
design, so for a claim the narrative checks tell whether the report still states it).
``dijelaskan`` changes no figure or status of the LKjIP until a reviewer accepts it
(``diterima_oleh`` and ``tanggal_diterima``, :attr:`~lkjip_helpers.muat.skema.Tanggapan.diterima`).
"""

from __future__ import annotations

from collections.abc import Collection

from ..muat import DataTahun
from ..muat.skema import Tanggapan
from .kode import buat_temuan
from .temuan import Temuan


def _lokasi(dt: DataTahun, i: int) -> str:
    baris = dt.baris("tanggapan", "tanggapan", i, "id")
    return (
        f"{dt.tahun}/tanggapan.yaml"
        + (f" baris {baris}" if baris else "")
        + (f", tanggapan[{i + 1}].id")
    )


def cek_tanggapan(
    dt: DataTahun, dikenal: Collection[str], kode_dikenal: Collection[str]
) -> list[Temuan]:
    """Findings about ``tanggapan.yaml``: unknown or repeated ids, answers to fixed problems."""
    if dt.tanggapan is None:
        return []
    hasil: list[Temuan] = []
    pertama: dict[str, int] = {}
    for i, t in enumerate(dt.tanggapan.tanggapan):
        lokasi = _lokasi(dt, i)
        if t.id in pertama:
            hasil.append(
                buat_temuan(
                    "TANGGAPAN_GANDA",
                    lokasi,
                    f"id {t.id} sudah ditanggapi di {_lokasi(dt, pertama[t.id])}; "
                    "diharapkan satu tanggapan per temuan",
                    kunci=t.id,
                    subjek=(("tanggapan",),),
                )
            )
            continue
        pertama[t.id] = i
        if t.id in dikenal:
            continue
        kode = t.id.rsplit("-", 1)[0]
        if t.status == "diperbaiki" and kode in kode_dikenal:
            hasil.append(
                buat_temuan(
                    "TANGGAPAN_SELESAI",
                    lokasi,
                    f"temuan {t.id} tidak muncul lagi; tanggapan 'diperbaiki' dapat dihapus",
                    kunci=t.id,
                    subjek=(("tanggapan",),),
                )
            )
            continue
        sebab = (
            f"kode {kode} bukan kode pemeriksaan"
            if kode not in kode_dikenal
            else "tidak ada temuan dengan id ini pada data sekarang"
        )
        hasil.append(
            buat_temuan(
                "TANGGAPAN_TIDAK_DIKENAL",
                lokasi,
                f"id {t.id} tidak dikenal: {sebab}; salin id dari memo tinjauan atau "
                "keluaran `lkjip check`",
                kunci=t.id,
                subjek=(("tanggapan",),),
            )
        )
    return hasil


def peta_tanggapan(dt: DataTahun) -> dict[str, Tanggapan]:
    """Answers by id (the first one when an id is answered twice)."""
    peta: dict[str, Tanggapan] = {}
    if dt.tanggapan is not None:
        for t in dt.tanggapan.tanggapan:
            peta.setdefault(t.id, t)
    return peta
