"""Machine-readable summaries of a report (CSV/Excel companions of the HTML)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import format_id as f
from ..hitung import hasil_laporan


def capaian_ikk_dataframe(satker: str, tahun: int, data_dir: str | Path = "data") -> pd.DataFrame:
    """One row per IKK: sasaran, kode, indikator, satuan, target, realisasi, capaian, status.

    Numbers are rounded half-up to 2 decimals (``capaian`` in percent); full precision stays
    in the engine.
    """
    h = hasil_laporan(satker, tahun, data_dir)
    baris = []
    for x in h.ikk:
        baris.append(
            {
                "sasaran": x.sasaran.kode,
                "nama_sasaran": x.sasaran.nama,
                "kode": x.kode,
                "indikator": x.defn.nama,
                "satuan": x.defn.satuan,
                "target": _num(x.target),
                "realisasi": _num(x.nilai_realisasi),
                "pembilang": _num(x.realisasi.pembilang if x.realisasi else None),
                "penyebut": _num(x.realisasi.penyebut if x.realisasi else None),
                "capaian": _num(x.capaian),
                "status": x.status,
                "realisasi_tahun_lalu": _num(x.realisasi_lalu),
                "capaian_tahun_lalu": _num(x.capaian_lalu),
                "perubahan_capaian_poin": _num(x.perubahan),
                **{f"target_renstra_{th}": _num(v) for th, v in x.target_renstra.items()},
            }
        )
    return pd.DataFrame(baris)


def _num(x: object) -> float | None:
    if x is None:
        return None
    return float(f.bulatkan(x, 2))  # type: ignore[arg-type]
