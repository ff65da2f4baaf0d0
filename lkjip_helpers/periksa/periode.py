"""Checks on a report's period and documents, and on texts that change an indicator's meaning.

- ``TANGGAL_SEBELUM_DATA``: the report is signed (``narasi.yaml`` → ``tempat_tanggal``) before
  the last day its data cover (``bulan_terakhir``): a Semester I report with data to June
  signed on 20 June states figures that were not closed yet.
- ``PK_DISEBUT_PERIODE``: the Perjanjian Kinerja is annual; a text calling it "PK Semester I"
  or "Perjanjian Kinerja Triwulan III" misnames it.
- ``TEKS_TIDAK_DIKETAHUI``: a text field written ``tidak diketahui`` (or ``-``): printed as
  is, it would read as the satker's statement. (A signatory's name is refused on loading.)
- ``IKK_SASARAN_PINDAH``: ``indikator_tambahan`` moves a catalog IKK to another sasaran.
- ``RUMUS_TERBALIK``: ``indikator_tambahan`` rewords the pembilang/penyebut of a catalog IKK
  so that it likely means the opposite (see :func:`arah_terbalik`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from .. import format_id as f
from ..muat.skema import TEKS_TIDAK_DIKETAHUI

_BULAN = {f.nama_bulan(i).lower(): i for i in range(1, 13)}
_TANGGAL = re.compile(r"(\d{1,2})\s+(" + "|".join(_BULAN) + r")\s+(\d{4})", re.IGNORECASE)
_PK_PERIODE = re.compile(
    r"\b(?:PK|Perjanjian\s+Kinerja)(?:\s+\(PK\))?\s+((?:Semester|Triwulan)\s+[IV1-4]+)\b",
    re.IGNORECASE,
)
_NEGASI = re.compile(r"\b(tidak|belum|tanpa|gagal|bukan|non)\b", re.IGNORECASE)
_KATA = re.compile(r"[a-zA-Z]{3,}")


def tanggal_teks(teks: str | None) -> date | None:
    """The date in ``"Sungai Meranti, 14 Juni 2024"`` (None when there is none)."""
    m = _TANGGAL.search(teks or "")
    if not m:
        return None
    try:
        return date(int(m.group(3)), _BULAN[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


def _kata(teks: str) -> set[str]:
    return {w.lower() for w in _KATA.findall(teks)} - {"yang", "dan", "dari", "per", "jumlah"}


def _mirip(a: str, b: str) -> float:
    x, y = _kata(a), _kata(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def arah_terbalik(
    katalog_pembilang: str | None,
    katalog_penyebut: str | None,
    pembilang: str | None,
    penyebut: str | None,
) -> str | None:
    """Why a reworded pembilang/penyebut likely means the opposite of the catalog's, or None.

    A heuristic on words, not a proof: (1) *swapped* — the new pembilang shares more words
    with the catalog's penyebut than with its pembilang (and the new penyebut, when given,
    more with the catalog's pembilang); (2) *negated* — the new pembilang has a negation word
    (tidak, belum, tanpa, gagal, bukan, non) where the catalog's has none, or the reverse
    ("WBP yang tidak mengikuti pembinaan" for "WBP yang mengikuti pembinaan")."""
    if not pembilang or not katalog_pembilang:
        return None
    tertukar = katalog_penyebut is not None and _mirip(pembilang, katalog_penyebut) > _mirip(
        pembilang, katalog_pembilang
    )
    if tertukar and (
        not penyebut
        or not katalog_penyebut
        or _mirip(penyebut, katalog_pembilang) >= _mirip(penyebut, katalog_penyebut)
    ):
        return "pembilang dan penyebut tampak tertukar"
    if bool(_NEGASI.search(pembilang)) != bool(_NEGASI.search(katalog_pembilang)):
        return "pembilang memuat kata ingkar yang tidak ada di katalog (atau sebaliknya)"
    return None


def _teks(node: Any, jalur: tuple[int | str, ...] = ()):
    """(path, text) of every string in a validated model tree."""
    if isinstance(node, str):
        yield jalur, node
    elif isinstance(node, list):
        for i, x in enumerate(node):
            yield from _teks(x, (*jalur, i))
    elif hasattr(type(node), "model_fields"):
        for nama in type(node).model_fields:
            yield from _teks(getattr(node, nama), (*jalur, nama))
    elif isinstance(node, dict):
        for kunci, x in node.items():
            yield from _teks(x, (*jalur, kunci))


def _jalur_teks(jalur: tuple[int | str, ...]) -> str:
    out = ""
    for k in jalur:
        out += f"[{k + 1}]" if isinstance(k, int) else ("." if out else "") + str(k)
    return out


def _subjek(dt: Any, nama: str, jalur: tuple[int | str, ...]) -> tuple[str, ...]:
    """What of the report a text belongs to: an IKK's entry of kinerja.yaml, a chapter text
    of narasi.yaml, a profile field …"""
    if nama == "kinerja" and len(jalur) > 1 and jalur[0] == "indikator" and dt.kinerja:
        return ("ikk", dt.kinerja.indikator[int(jalur[1])].kode)
    return (nama, str(jalur[0])) if jalur else (nama,)


def cek_periode_dokumen(k: Any) -> None:
    """Add the findings of this module to the checks' collection ``k``."""
    _cek_tanggal(k)
    _cek_teks(k)
    _cek_indikator_tambahan(k)


def _cek_tanggal(k: Any) -> None:
    """1. The report signed before its data cut-off."""
    p = k.data.periode
    dt = k.data.ini
    n = dt.narasi
    ditandatangani = tanggal_teks(n.tempat_tanggal if n else None)
    akhir_data = date(p.tahun, p.bulan_terakhir, calendar.monthrange(p.tahun, p.bulan_terakhir)[1])
    if ditandatangani is not None and ditandatangani < akhir_data:
        k.tambah(
            "TANGGAL_SEBELUM_DATA",
            k.lokasi(dt, "narasi", "tempat_tanggal"),
            f"laporan ditandatangani {f.tanggal(ditandatangani)}, sebelum data "
            f"{p.rentang_bulan} tertutup ({f.tanggal(akhir_data)}); periksa tanggal laporan "
            "atau bulan terakhir data periode ini",
            kunci=f"{ditandatangani.isoformat()}|{akhir_data.isoformat()}",
            subjek=(("narasi", "tempat_tanggal"),),
        )


def _cek_teks(k: Any) -> None:
    """2. The (annual) PK called by the report's period; 3. texts written "tidak diketahui"."""
    data = k.data
    p = data.periode
    dt = data.ini
    for nama in ("narasi", "lampiran", "kinerja", "profil"):
        model = getattr(dt, nama, None)
        if model is None:
            continue
        for jalur, teks in _teks(model):
            subjek = _subjek(dt, nama, jalur)
            if (m := _PK_PERIODE.search(teks)) is not None:
                k.tambah(
                    "PK_DISEBUT_PERIODE",
                    k.lokasi(dt, nama, *jalur),
                    f"Perjanjian Kinerja disebut \u201c{m.group(0)}\u201d; PK ditetapkan untuk "
                    f"satu tahun: sebut \u201cPerjanjian Kinerja Tahun {p.tahun}\u201d",
                    kunci=f"{nama}|{_jalur_teks(jalur)}",
                    subjek=(("pk",), subjek),
                )
            if teks.strip().lower() in TEKS_TIDAK_DIKETAHUI:
                k.tambah(
                    "TEKS_TIDAK_DIKETAHUI",
                    k.lokasi(dt, nama, *jalur),
                    f"field {_jalur_teks(jalur)} berisi {teks.strip()!r}; laporan akan "
                    "mencetaknya apa adanya: isi teks sebenarnya atau hapus field itu",
                    kunci=f"{nama}|{_jalur_teks(jalur)}",
                    subjek=(subjek,),
                )
    for jalur, teks in _teks(data.satker):
        if teks.strip().lower() in TEKS_TIDAK_DIKETAHUI:
            k.tambah(
                "TEKS_TIDAK_DIKETAHUI",
                f"satker.yaml, {_jalur_teks(jalur)}",
                f"field {_jalur_teks(jalur)} berisi {teks.strip()!r}; laporan akan mencetaknya "
                "apa adanya: isi teks sebenarnya atau hapus field itu",
                kunci=f"satker|{_jalur_teks(jalur)}",
                subjek=(("profil", str(jalur[0])),),
            )


def _cek_indikator_tambahan(k: Any) -> None:
    """4./5. A catalog IKK moved to another sasaran, or its formula reworded to the opposite."""
    data = k.data
    katalog = {x.kode: x for x in data.katalog.indikator}
    for i, t in enumerate(data.satker.indikator_tambahan):
        asli = katalog.get(t.kode)
        if asli is None:
            continue
        tempat = f"satker.yaml, indikator_tambahan[{i + 1}] ({t.kode})"
        if t.sasaran and t.sasaran != asli.sasaran:
            k.tambah(
                "IKK_SASARAN_PINDAH",
                f"{tempat}, field sasaran",
                f"IKK {t.kode} dipindah dari sasaran {asli.sasaran} (katalog) ke {t.sasaran}; "
                "capaian sasaran dan efisiensinya ikut berubah. Pastikan sesuai Perjanjian "
                "Kinerja yang ditandatangani",
                kunci=f"{t.kode}|{asli.sasaran}|{t.sasaran}",
                subjek=(("ikk", t.kode), ("sasaran", t.sasaran)),
            )
        if t.pembilang or t.penyebut:
            alasan = arah_terbalik(
                asli.pembilang,
                asli.penyebut,
                t.pembilang or asli.pembilang,
                t.penyebut or asli.penyebut,
            )
            if alasan:
                k.tambah(
                    "RUMUS_TERBALIK",
                    f"{tempat}, field pembilang/penyebut",
                    f"rumusan {t.kode} mungkin berlawanan dengan katalog ({alasan}): katalog "
                    f"\u201c{asli.pembilang}\u201d / \u201c{asli.penyebut}\u201d, satker "
                    f"\u201c{t.pembilang or asli.pembilang}\u201d / "
                    f"\u201c{t.penyebut or asli.penyebut}\u201d",
                    kunci=f"{t.kode}|{t.pembilang}|{t.penyebut}",
                    subjek=(("ikk", t.kode),),
                )
