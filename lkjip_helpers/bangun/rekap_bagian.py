"""Sections of the roll-up notebook (``notebooks/rekap/rekap.ipynb``): one :class:`Rekap`
method per section, each returning a :class:`~lkjip_helpers.laporan.model.Bagian` of the
report's document model (tables, a figure), built from the figures of :mod:`.rekap`. Tables
and figures are numbered once, in document order, by a
:class:`~lkjip_helpers.laporan.model.Dokumen`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from .. import format_id as f
from ..errors import LkjipError
from ..hitung.capaian import PERLU_VERIFIKASI, TIDAK_TERCAPAI
from ..laporan.model import (
    Bagian,
    Blok,
    Dokumen,
    Gambar,
    Html,
    Paragraf,
    Sel,
    Tabel,
    angka,
    bulat,
    esc,
    persen,
    rupiah,
    teks,
)
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


def peta_panas_png(
    df: pd.DataFrame,
    label_kolom: Sequence[str],
    tanda: frozenset[tuple[str, str]] = frozenset(),
) -> str:
    """Heat map of capaian (IKK × satker) as base64 PNG: red below 100 %, green above,
    grey where not computable; values written in the cells when the matrix is small, with a
    ``*`` on the (kode, satker) cells in ``tanda`` (IKK that need verification)."""
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
                    if (df.index[i], df.columns[j]) in tanda:
                        teks += "*"
                    ax.text(j, i, teks, ha="center", va="center", fontsize=6)
        batang = fig.colorbar(gambar, ax=ax, shrink=0.6)
        batang.set_label("Capaian (%) — 100 = target")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=110, metadata={"Software": None})
        plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


class Rekap:
    """The roll-up of one period across satkers; each method is one section.

    ``satker`` are the satkers with a report; ``gagal`` the failed batch entries
    (``{"satker", "pesan", "bab", "log"}``) listed in their own section, never dropped (a
    satker whose data cannot be loaded here joins them, with its message).
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
                self.gagal_entri.append({"satker": s, "pesan": str(err), "bab": "pemuatan data"})
        self.dokumen = Dokumen()
        for bab, nama, blok in (
            (0, "sampul", self._sampul()),
            (1, "capaian_ikk", self._capaian_ikk()),
            (1, "peta_capaian", self._peta_capaian()),
            (2, "ikk_sering_tidak_tercapai", self._ikk_sering()),
            (3, "anggaran", self._anggaran()),
            (4, "hunian", self._hunian()),
            (5, "temuan", self._temuan()),
            (6, "gagal", self._gagal()),
        ):
            self.dokumen.tambah(bab, nama, blok)
        self.dokumen.nomori()

    def _bagian(self, bab: int, nama: str) -> Bagian:
        return self.dokumen.bagian(bab, nama)

    @property
    def label_periode(self) -> str:
        """``Tahun 2023`` or ``Semester I 2023``."""
        if self.periode == "tahunan":
            return f"Tahun {self.tahun}"
        return f"{PERIODE[self.periode]} {self.tahun}"

    def _nama(self) -> dict[str, str]:
        return {a.satker: a.nama for a in self.anggota}

    # ----------------------------------------------------------------------- sections

    def sampul(self) -> Bagian:
        """Cover: title, period, number of satkers (and of failed entries)."""
        return self._bagian(0, "sampul")

    def capaian_ikk(self) -> Bagian:
        """Table(s) of capaian per IKK across satkers, at most KOLOM_PER_TABEL satkers each."""
        return self._bagian(1, "capaian_ikk")

    def peta_capaian(self) -> Bagian:
        """Heat map of capaian per IKK and satker."""
        return self._bagian(1, "peta_capaian")

    def ikk_sering_tidak_tercapai(self) -> Bagian:
        """The indicators most often missed, with the satkers that missed them."""
        return self._bagian(2, "ikk_sering_tidak_tercapai")

    def anggaran(self) -> Bagian:
        """Budget absorption and SMART-DJA / IKPA / combined score per satker."""
        return self._bagian(3, "anggaran")

    def hunian(self) -> Bagian:
        """Occupancy (penghuni ÷ kapasitas) per satker."""
        return self._bagian(4, "hunian")

    def temuan(self) -> Bagian:
        """Findings per satker and level; answered (tanggapan.yaml) and open."""
        return self._bagian(5, "temuan")

    def gagal(self) -> Bagian:
        """The failed entries, each with where it failed and the first line of the error."""
        return self._bagian(6, "gagal")

    # ----------------------------------------------------------------------- blocks

    def _sampul(self) -> list[Blok]:
        judul_ = self.judul or "REKAP LAPORAN KINERJA INSTANSI PEMERINTAH"
        gagal = f"; {len(self.gagal_entri)} entri gagal" if self.gagal_entri else ""
        return [
            Html(
                f'<section class="sampul"><h1>{esc(judul_)}</h1>'
                f"<h2>{esc(self.label_periode)}</h2>"
                f"<p>{len(self.anggota)} satker{esc(gagal)}</p></section>"
            )
        ]

    def _capaian_ikk(self) -> list[Blok]:
        if not self.anggota:
            return [Paragraf("Tidak ada satker dengan laporan pada periode ini.", "kosong")]
        df = matriks_capaian(self.anggota)
        nama = self._nama()
        indikator = df.attrs["indikator"]
        status = {(a.satker, x.kode): x.status for a in self.anggota for x in a.hasil.ikk}
        kolom_semua = list(df.columns)
        potongan = [
            kolom_semua[i : i + KOLOM_PER_TABEL]
            for i in range(0, len(kolom_semua), KOLOM_PER_TABEL)
        ]
        hasil: list[Blok] = []
        for n, kolom in enumerate(potongan, start=1):
            judul_ = "Capaian IKK per Satker"
            if len(potongan) > 1:
                judul_ += f" (bagian {n} dari {len(potongan)})"
            baris = [
                [teks(kode), teks(indikator[kode])]
                + [_sel_capaian(status, kode, s, df) for s in kolom]
                for kode in df.index
            ]
            hasil.append(
                Tabel.buat(
                    f"rekap-capaian-{n}",
                    judul_,
                    ["Kode", "Indikator", *[nama[s] for s in kolom]],
                    baris,
                    catatan="Capaian = realisasi ÷ target × 100% (indikator makin rendah makin "
                    "baik: (2 − realisasi ÷ target) × 100%); – = tidak dapat dihitung atau "
                    "tidak diperjanjikan satker itu; * = perlu verifikasi (data IKK itu gagal "
                    "uji kewajaran, belum dapat dinyatakan tercapai).",
                    sumber="data kinerja setiap satker, dihitung lkjip",
                )
            )
        return hasil

    def _peta_capaian(self) -> list[Blok]:
        if not self.anggota:
            return []
        df = matriks_capaian(self.anggota)
        nama = self._nama()
        label = [nama[s] for s in df.columns]
        tanda = frozenset(
            (x.kode, a.satker)
            for a in self.anggota
            for x in a.hasil.ikk
            if x.status == PERLU_VERIFIKASI
        )
        return [
            Gambar.grafik(
                "rekap-peta-capaian",
                "Peta Capaian IKK Lintas Satker",
                peta_panas_png,
                df,
                label,
                tanda,
                alt="peta warna capaian setiap IKK (baris) per satker (kolom); merah di bawah "
                "target, hijau di atas target; * = perlu verifikasi",
            )
        ]

    def _ikk_sering(self) -> list[Blok]:
        daftar = ikk_sering_tidak_tercapai(self.anggota)
        if not daftar:
            return [Paragraf("Semua IKK yang dapat dihitung tercapai di semua satker.")]
        baris = [
            [
                teks(b.kode),
                teks(b.indikator),
                Sel(f"{len(b.tidak_tercapai)} dari {b.dinilai}", len(b.tidak_tercapai), "angka"),
                persen(b.terendah),
                teks(", ".join(b.tidak_tercapai)),
            ]
            for b in daftar
        ]
        return [
            Tabel.buat(
                "rekap-ikk-sering",
                "IKK yang Paling Sering Tidak Tercapai",
                ["Kode", "Indikator", "Tidak tercapai (satker)", "Capaian terendah", "Satker"],
                baris,
            )
        ]

    def _anggaran(self) -> list[Blok]:
        if not self.anggota:
            return []
        baris = []
        for a in self.anggota:
            h = a.hasil
            ang = h.anggaran.total if h.anggaran else None
            baris.append(
                [
                    teks(a.nama),
                    rupiah(ang.pagu if ang else None),
                    rupiah(ang.realisasi if ang else None),
                    persen(ang.penyerapan if ang else None),
                    angka(h.smart.nilai if h.smart else None),
                    angka(h.ikpa.nilai if h.ikpa else None),
                    angka(h.nka.nilai if h.nka else None),
                ]
            )
        return [
            Tabel.buat(
                "rekap-anggaran",
                "Penyerapan Anggaran dan Nilai Kinerja Anggaran per Satker",
                ["Satker", "Pagu", "Realisasi", "Penyerapan", "SMART-DJA", "IKPA", "Gabungan"],
                baris,
                catatan="Penyerapan = realisasi ÷ pagu × 100%. Nilai gabungan = 60% SMART-DJA + "
                "40% IKPA.",
            )
        ]

    def _hunian(self) -> list[Blok]:
        baris = []
        for a in self.anggota:
            p = a.hasil.data.ini.profil
            if p is None:
                baris.append([teks(a.nama), teks(f.KOSONG), teks(f.KOSONG), teks(f.KOSONG)])
                continue
            ok = a.hasil.okupansi
            baris.append(
                [
                    teks(a.nama),
                    bulat(p.kapasitas),
                    bulat(p.penghuni),
                    persen(ok, kelas="tidak-tercapai" if _lebih(ok) else None),
                ]
            )
        if not baris:
            return []
        return [
            Tabel.buat(
                "rekap-hunian",
                "Tingkat Hunian per Satker",
                ["Satker", "Kapasitas (orang)", "Penghuni (orang)", "Hunian"],
                baris,
                catatan="Hunian = penghuni ÷ kapasitas × 100%; di atas 100% berarti kelebihan "
                "hunian.",
            )
        ]

    def _temuan(self) -> list[Blok]:
        baris = []
        for a in self.anggota:
            n = hitung_temuan(a.temuan, a.tanggapan, a.induk)
            baris.append(
                [teks(a.nama)]
                + [bulat(n[k]) for k in ("error", "peringatan", "info", "dijawab", "terbuka")]
            )
        if not baris:
            return []
        return [
            Tabel.buat(
                "rekap-temuan",
                "Temuan Pemeriksaan Data per Satker",
                ["Satker", "Error", "Peringatan", "Info", "Dijawab", "Terbuka"],
                baris,
                catatan="Dijawab/terbuka: temuan tingkat error dan peringatan yang sudah/belum "
                "mendapat tanggapan satker (tanggapan.yaml).",
            )
        ]

    def _gagal(self) -> list[Blok]:
        if not self.gagal_entri:
            return [Paragraf("Tidak ada entri yang gagal.")]
        baris = []
        for g in self.gagal_entri:
            pesan = str(g.get("pesan", "")).strip()
            baris.append(
                [
                    teks(g.get("satker", "")),
                    teks(g.get("bab") or "–"),
                    teks(pesan.splitlines()[0][:300] if pesan else "–"),
                    teks(g.get("log") or "–"),
                ]
            )
        return [
            Tabel.buat(
                "rekap-gagal",
                "Entri Batch yang Gagal atau Belum Dibangun",
                ["Satker", "Bab", "Galat", "Log"],
                baris,
            )
        ]


def _sel_capaian(
    status: dict[tuple[str, str], str], kode: str, satker: str, df: pd.DataFrame
) -> Sel:
    """A capaian cell: red when not met, marked * when the IKK needs verification."""
    nilai = df.at[kode, satker]
    st = status.get((satker, kode))
    if st == PERLU_VERIFIKASI and nilai is not None:
        return Sel(f.persen(nilai) + "*", nilai, "persen", kelas="perlu-verifikasi")
    return persen(nilai, kelas="tidak-tercapai" if st == TIDAK_TERCAPAI else None)


def _kurang(x: Decimal | None) -> bool:
    return x is not None and x < 100


def _lebih(x: Decimal | None) -> bool:
    return x is not None and x > 100
