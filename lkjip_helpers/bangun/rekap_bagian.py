"""Sections of the roll-up notebook (``notebooks/rekap/rekap.ipynb``): one :class:`Rekap`
method per section, each returning HTML built with the report's blocks
(:mod:`lkjip_helpers.laporan.html`) from the figures of :mod:`.rekap`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from .. import format_id as f
from ..errors import LkjipError
from ..laporan.html import Html, esc, gambar, kosong, paragraf, sel, tabel
from ..muat.parameter import PERIODE, validasi_periode
from .rekap import (
    AnggotaRekap,
    hitung_temuan,
    ikk_sering_tidak_tercapai,
    matriks_capaian,
    muat_anggota,
)

KOLOM_PER_TABEL = 6
"""Satker columns per capaian table; more satkers continue in the next table."""


# --------------------------------------------------------------------------- heat map


def peta_panas_png(df: pd.DataFrame, label_kolom: Sequence[str]) -> str:
    """Heat map of capaian (IKK × satker) as base64 PNG: red below 100 %, green above,
    grey where not computable; values written in the cells when the matrix is small."""
    import base64
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.colors import TwoSlopeNorm

    from ..laporan.grafik import GAYA

    nilai = np.array(
        [[float(v) if v is not None else np.nan for v in baris] for baris in df.to_numpy()],
        dtype=float,
    ).reshape(len(df.index), len(df.columns))
    n_ikk, n_satker = nilai.shape
    with plt.rc_context({**GAYA, "axes.grid": False}):
        # Wide rather than tall, so that the figure and its caption fit one A4 page.
        lebar = min(16.0, max(7.0, 1.2 + 0.75 * n_satker))
        tinggi = max(2.5, 0.2 * n_ikk + 1.5)
        fig, ax = plt.subplots(figsize=(lebar, tinggi), layout="constrained")
        warna = matplotlib.colormaps["RdYlGn"].with_extremes(bad="#d9d9d9")
        norma = TwoSlopeNorm(vmin=0, vcenter=100, vmax=200)
        gambar = ax.imshow(
            np.ma.masked_invalid(np.clip(nilai, 0, 200)), cmap=warna, norm=norma, aspect="auto"
        )
        ax.set_xticks(range(n_satker), list(label_kolom), rotation=45, ha="right", fontsize=7)
        ax.set_yticks(range(n_ikk), list(df.index), fontsize=7)
        if n_satker * n_ikk <= 400:
            for i in range(n_ikk):
                for j in range(n_satker):
                    v = nilai[i, j]
                    teks = "–" if np.isnan(v) else f.angka(v, 0)
                    ax.text(j, i, teks, ha="center", va="center", fontsize=6)
        batang = fig.colorbar(gambar, ax=ax, shrink=0.6)
        batang.set_label("Capaian (%) — 100 = target")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=110, metadata={"Software": None})
        plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


# --------------------------------------------------------------------------- notebook sections


class Rekap:
    """The roll-up of one period across satkers; each method is one section (HTML).

    ``satker`` are the satkers with a report; ``gagal`` the failed batch entries
    (``{"satker", "pesan", "bab", "log"}``) listed in their own section, never dropped.
    ``data_dir_satker`` overrides ``data_dir`` per satker.
    """

    def __init__(
        self,
        satker: Sequence[str],
        tahun: int,
        periode: str = "tahunan",
        data_dir: str | Path = "data",
        data_dir_satker: dict[str, str] | None = None,
        gagal: Sequence[dict[str, Any]] | None = None,
        judul: str = "",
    ) -> None:
        self.tahun = int(tahun)
        self.periode = validasi_periode(periode)
        self.judul = judul
        self.gagal_entri: list[dict[str, Any]] = [dict(g) for g in (gagal or [])]
        self.anggota: list[AnggotaRekap] = []
        lain = data_dir_satker or {}
        for s in satker:
            try:
                self.anggota.append(
                    muat_anggota(s, self.tahun, self.periode, lain.get(s, data_dir))
                )
            except LkjipError as err:  # listed with the failed entries, with its message
                self.gagal_entri.append({"satker": s, "pesan": str(err), "bab": "data"})

    @property
    def label_periode(self) -> str:
        """``Tahun 2023`` or ``Semester I 2023``."""
        if self.periode == "tahunan":
            return f"Tahun {self.tahun}"
        return f"{PERIODE[self.periode]} {self.tahun}"

    def sampul(self) -> Html:
        """Cover: title, period, number of satkers (and of failed entries)."""
        judul_ = self.judul or "REKAP LAPORAN KINERJA INSTANSI PEMERINTAH"
        gagal = f"; {len(self.gagal_entri)} entri gagal" if self.gagal_entri else ""
        return Html(
            f'<section class="sampul"><h1>{esc(judul_)}</h1>'
            f"<h2>{esc(self.label_periode)}</h2>"
            f"<p>{len(self.anggota)} satker{esc(gagal)}</p></section>"
        )

    def _nama(self) -> dict[str, str]:
        return {a.satker: a.nama for a in self.anggota}

    def capaian_ikk(self) -> Html:
        """Table(s) of capaian per IKK across satkers, at most KOLOM_PER_TABEL satkers each."""
        if not self.anggota:
            return Html(kosong("Tidak ada satker dengan laporan pada periode ini."))
        df = matriks_capaian(self.anggota)
        nama = self._nama()
        indikator = df.attrs["indikator"]
        bagian = []
        kolom_semua = list(df.columns)
        potongan = [
            kolom_semua[i : i + KOLOM_PER_TABEL]
            for i in range(0, len(kolom_semua), KOLOM_PER_TABEL)
        ]
        for n, kolom in enumerate(potongan, start=1):
            judul_ = "Capaian IKK per Satker"
            if len(potongan) > 1:
                judul_ += f" (bagian {n} dari {len(potongan)})"
            baris = [
                [kode, indikator[kode]]
                + [
                    sel(
                        f.persen(df.at[kode, s]) if df.at[kode, s] is not None else f.KOSONG,
                        df.at[kode, s],
                        "angka" + (" tidak-tercapai" if _kurang(df.at[kode, s]) else ""),
                    )
                    for s in kolom
                ]
                for kode in df.index
            ]
            bagian.append(
                tabel(
                    f"1.{n}",
                    judul_,
                    ["Kode", "Indikator", *[nama[s] for s in kolom]],
                    baris,
                    catatan="Capaian = realisasi ÷ target × 100% (indikator makin rendah makin "
                    "baik: (2 − realisasi ÷ target) × 100%); – = tidak dapat dihitung atau "
                    "tidak diperjanjikan satker itu.",
                    sumber="data kinerja setiap satker, dihitung lkjip",
                )
            )
        return Html("".join(bagian))

    def peta_capaian(self) -> Html:
        """Heat map of capaian per IKK and satker."""
        if not self.anggota:
            return Html("")
        df = matriks_capaian(self.anggota)
        nama = self._nama()
        png = peta_panas_png(df, [nama[s] for s in df.columns])
        return Html(
            gambar(
                "1.1",
                "Peta Capaian IKK Lintas Satker",
                png,
                alt="peta warna capaian setiap IKK (baris) per satker (kolom); merah di bawah "
                "target, hijau di atas target",
            )
        )

    def ikk_sering_tidak_tercapai(self) -> Html:
        """The indicators most often missed, with the satkers that missed them."""
        daftar = ikk_sering_tidak_tercapai(self.anggota)
        if not daftar:
            return Html(paragraf("Semua IKK yang dapat dihitung tercapai di semua satker."))
        baris = [
            [
                b.kode,
                b.indikator,
                sel(f"{len(b.tidak_tercapai)} dari {b.dinilai}", len(b.tidak_tercapai), "angka"),
                sel(f.persen(b.terendah), b.terendah, "angka"),
                ", ".join(b.tidak_tercapai),
            ]
            for b in daftar
        ]
        return Html(
            tabel(
                "2.1",
                "IKK yang Paling Sering Tidak Tercapai",
                ["Kode", "Indikator", "Tidak tercapai (satker)", "Capaian terendah", "Satker"],
                baris,
            )
        )

    def anggaran(self) -> Html:
        """Budget absorption and SMART-DJA / IKPA / combined score per satker."""
        if not self.anggota:
            return Html("")
        baris = []
        for a in self.anggota:
            h = a.hasil
            ang = h.anggaran.total if h.anggaran else None
            baris.append(
                [
                    a.nama,
                    sel(
                        f.rupiah(ang.pagu) if ang else f.KOSONG, ang.pagu if ang else None, "angka"
                    ),
                    sel(
                        f.rupiah(ang.realisasi) if ang else f.KOSONG,
                        ang.realisasi if ang else None,
                        "angka",
                    ),
                    sel(
                        f.persen(ang.penyerapan) if ang else f.KOSONG,
                        ang.penyerapan if ang else None,
                        "angka",
                    ),
                    _sel_nilai(h.smart.nilai if h.smart else None),
                    _sel_nilai(h.ikpa.nilai if h.ikpa else None),
                    _sel_nilai(h.nka.nilai if h.nka else None),
                ]
            )
        return Html(
            tabel(
                "3.1",
                "Penyerapan Anggaran dan Nilai Kinerja Anggaran per Satker",
                ["Satker", "Pagu", "Realisasi", "Penyerapan", "SMART-DJA", "IKPA", "Gabungan"],
                baris,
                catatan="Penyerapan = realisasi ÷ pagu × 100%. Nilai gabungan = 60% SMART-DJA + "
                "40% IKPA.",
            )
        )

    def hunian(self) -> Html:
        """Occupancy (penghuni ÷ kapasitas) per satker."""
        baris = []
        for a in self.anggota:
            p = a.hasil.data.ini.profil
            if p is None:
                baris.append([a.nama, f.KOSONG, f.KOSONG, f.KOSONG])
                continue
            ok = a.hasil.okupansi
            baris.append(
                [
                    a.nama,
                    sel(f.bulat(p.kapasitas), p.kapasitas, "angka"),
                    sel(f.bulat(p.penghuni), p.penghuni, "angka"),
                    sel(f.persen(ok), ok, "angka" + (" tidak-tercapai" if _lebih(ok) else "")),
                ]
            )
        if not baris:
            return Html("")
        return Html(
            tabel(
                "4.1",
                "Tingkat Hunian per Satker",
                ["Satker", "Kapasitas (orang)", "Penghuni (orang)", "Hunian"],
                baris,
                catatan="Hunian = penghuni ÷ kapasitas × 100%; di atas 100% berarti kelebihan "
                "hunian.",
            )
        )

    def temuan(self) -> Html:
        """Findings per satker and level; answered (tanggapan.yaml) and open."""
        baris = []
        for a in self.anggota:
            n = hitung_temuan(a.temuan, a.tanggapan)
            baris.append(
                [a.nama]
                + [sel(str(n[k]), n[k], "angka") for k in ("error", "peringatan", "info")]
                + [sel(str(n[k]), n[k], "angka") for k in ("dijawab", "terbuka")]
            )
        if not baris:
            return Html("")
        return Html(
            tabel(
                "5.1",
                "Temuan Pemeriksaan Data per Satker",
                ["Satker", "Error", "Peringatan", "Info", "Dijawab", "Terbuka"],
                baris,
                catatan="Dijawab/terbuka: temuan tingkat error dan peringatan yang sudah/belum "
                "mendapat tanggapan satker (tanggapan.yaml).",
            )
        )

    def gagal(self) -> Html:
        """The failed entries, each with where it failed and the first line of the error."""
        if not self.gagal_entri:
            return Html(paragraf("Tidak ada entri yang gagal."))
        baris = [
            [
                str(g.get("satker", "")),
                str(g.get("bab") or "–"),
                str(g.get("pesan", "")).strip().splitlines()[0][:300]
                if str(g.get("pesan", "")).strip()
                else "–",
                str(g.get("log") or "–"),
            ]
            for g in self.gagal_entri
        ]
        return Html(
            tabel(
                "6.1",
                "Entri Batch yang Gagal atau Belum Dibangun",
                ["Satker", "Bab", "Galat", "Log"],
                baris,
            )
        )


def _kurang(x: Decimal | None) -> bool:
    return x is not None and x < 100


def _lebih(x: Decimal | None) -> bool:
    return x is not None and x > 100


def _sel_nilai(x: Decimal | None) -> Any:
    return sel(f.angka(x) if x is not None else f.KOSONG, x, "angka")
