"""Sections of the roll-up notebook (``notebooks/rekap/rekap.ipynb``): one :class:`Rekap`
method per section, each returning a :class:`~lkjip_helpers.laporan.model.Bagian` of the
report's document model (tables, a figure), built from the figures of :mod:`.angka`. Tables
and figures are numbered once, in document order, by a
:class:`~lkjip_helpers.laporan.model.Dokumen`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ... import format_id as f
from ...errors import LkjipError
from ...hitung.capaian import PERLU_VERIFIKASI, TERCAPAI, TIDAK_BERLAKU, TIDAK_TERCAPAI
from ...muat.parameter import PERIODE, validasi_periode
from ..model import (
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
    slug,
    teks,
)
from .angka import (
    KELAS_STATUS,
    TIDAK_DAPAT_DINILAI,
    RekamSatker,
    ikk_sering_tidak_tercapai,
    matriks_capaian,
    rekam_satker,
)

KOLOM_PER_TABEL = 6
"""Satker columns per capaian table; more satkers continue in the next table."""
MAKS_SATKER_TABEL_CAPAIAN = 12
"""Above this many satkers the detail tables (capaian per IKK, budget, occupancy, problems)
are left out of the document: the heat map prints every capaian, the summary the main
figures, and ``rekap.csv`` / ``rekap_excel.csv`` hold every figure of every satker."""
BARIS_PER_PETA = 36
"""Satker rows per heat map: a larger roll-up continues in the next figure (one A4 page)."""

WARNA_KELAS = {
    TERCAPAI: "#1a9641",
    TIDAK_TERCAPAI: "#d7191c",
    PERLU_VERIFIKASI: "#fdb863",
    TIDAK_DAPAT_DINILAI: "#bababa",
    TIDAK_BERLAKU: "#ffffff",
}
"""Heat-map colour of each class: categorical, breaking at the target (never a continuous
scale on which a missed 94 % looks like a met 100 %)."""
WARNA_TEKS = {TERCAPAI: "white", TIDAK_TERCAPAI: "white"}
TIDAK_DIPERJANJIKAN = "Tidak diperjanjikan"
WARNA_TIDAK_DIPERJANJIKAN = "#f2f2f2"


# --------------------------------------------------------------------------- heat map


def _huruf(ukuran: int) -> Any:
    """DejaVu Sans (shipped with matplotlib, so always there) at ``ukuran`` pixels."""
    from matplotlib import font_manager
    from PIL import ImageFont

    path = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"))
    return ImageFont.truetype(path, ukuran)


def peta_panas_png(
    baris: Sequence[str],
    kode: Sequence[str],
    kelas: Sequence[Sequence[str | None]],
    nilai: Sequence[Sequence[Decimal | None]],
) -> str:
    """Heat map as base64 PNG: one row per satker (``baris``: labels), one column per IKK
    (``kode``); each cell coloured by its class (:data:`WARNA_KELAS`; None = not in that
    satker's PK) with its capaian printed (rounded to a whole percent; ``*`` perlu
    verifikasi, ``TB`` not applicable, ``–`` not assessable), and a legend of the classes.

    Drawn with Pillow, cell by cell: a grid of coloured boxes with a number in each does not
    need a plotting library's layout, and a 500-satker roll-up draws in a second instead of
    minutes."""
    import base64
    import io

    from PIL import Image, ImageDraw

    sel_l, sel_t = 44, 26  # cell size in pixels (the page shows it at about half)
    h_nilai, h_label = _huruf(15), _huruf(16)
    ukur = ImageDraw.Draw(Image.new("RGB", (1, 1)))

    def lebar(teks: str, huruf: Any) -> int:
        kiri, _, kanan, _ = ukur.textbbox((0, 0), teks, font=huruf)
        return int(kanan - kiri)

    kiri = 12 + max([lebar(b, h_label) for b in baris] or [0])
    atas = 12 + max([lebar(k, h_label) for k in kode] or [0])
    legenda = [
        (WARNA_KELAS[TERCAPAI], "Tercapai (≥ 100%)"),
        (WARNA_KELAS[TIDAK_TERCAPAI], "Tidak tercapai (< 100%)"),
        (WARNA_KELAS[PERLU_VERIFIKASI], "Perlu verifikasi (*)"),
        (WARNA_KELAS[TIDAK_DAPAT_DINILAI], "Tidak dapat dinilai (–)"),
        (WARNA_KELAS[TIDAK_BERLAKU], "Tidak berlaku (TB)"),
        (WARNA_TIDAK_DIPERJANJIKAN, "Tidak diperjanjikan"),
    ]
    lebar_legenda = sum(lebar(t, h_label) + 48 for _, t in legenda)
    W = max(kiri + sel_l * len(kode) + 8, min(lebar_legenda, 1600) + 16)
    per_baris_legenda = max(1, (W - 16) // max(1, lebar_legenda // len(legenda)))
    n_baris_legenda = -(-len(legenda) // per_baris_legenda)
    H = atas + sel_t * len(baris) + 16 + 28 * n_baris_legenda
    gambar = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(gambar)
    for j, k in enumerate(kode):  # IKK codes, rotated, above their column
        label = Image.new("RGB", (lebar(k, h_label) + 4, 22), "white")
        ImageDraw.Draw(label).text((2, 1), k, font=h_label, fill="#333333")
        label = label.rotate(90, expand=True)
        gambar.paste(
            label, (kiri + j * sel_l + (sel_l - label.width) // 2, atas - 6 - label.height)
        )
    for i, b in enumerate(baris):
        y = atas + i * sel_t
        d.text((kiri - 8, y + sel_t // 2), b, font=h_label, fill="#333333", anchor="rm")
        for j in range(len(kode)):
            x = kiri + j * sel_l
            k = kelas[i][j]
            warna = WARNA_KELAS.get(k or "", WARNA_TIDAK_DIPERJANJIKAN)
            d.rectangle(
                (x, y, x + sel_l - 2, y + sel_t - 2),
                fill=warna,
                outline="#999999" if k == TIDAK_BERLAKU else None,
            )
            if k is None:
                continue
            v = nilai[i][j]
            if k == TIDAK_BERLAKU:
                teks = "TB"
            elif v is None:
                teks = "–"
            else:
                teks = _angka_peta(v, k)
            d.text(
                (x + (sel_l - 2) / 2, y + (sel_t - 2) / 2),
                teks,
                font=h_nilai,
                fill=WARNA_TEKS.get(k, "black"),
                anchor="mm",
            )
    y = atas + sel_t * len(baris) + 12
    x = 8
    for warna, teks in legenda:
        w = lebar(teks, h_label) + 48
        if x + w > W:
            x, y = 8, y + 28
        d.rectangle((x, y + 2, x + 26, y + 20), fill=warna, outline="#999999")
        d.text((x + 32, y + 11), teks, font=h_label, fill="#333333", anchor="lm")
        x += w
    buf = io.BytesIO()
    gambar.save(buf, format="PNG", optimize=False)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _angka_peta(v: Decimal, kelas: str) -> str:
    """A capaian as the heat map prints it: a whole percent, but with one decimal where
    rounding would cross the target (a missed 99,6 is not printed "100")."""
    desimal = 0
    while desimal < 2 and (
        (kelas == TIDAK_TERCAPAI and f.bulatkan(v, desimal) >= 100)
        or (kelas == TERCAPAI and f.bulatkan(v, desimal) < 100)
    ):
        desimal += 1
    return f.angka(v, desimal) + ("*" if kelas == PERLU_VERIFIKASI else "")


def _urutan_kode(anggota: Sequence[RekamSatker]) -> list[str]:
    """Every IKK code of the members, in order of first appearance."""
    kode: dict[str, None] = {}
    for a in anggota:
        for x in a.ikk:
            kode.setdefault(x.kode)
    return list(kode)


ALT_PETA = (
    "peta capaian: satu baris per satker, satu kolom per IKK; hijau "
    "tercapai, merah tidak tercapai, jingga perlu verifikasi, abu-abu tidak "
    "dapat dinilai, putih tidak berlaku; angka = capaian (%)"
)


def _gambar_peta(
    kunci: str, judul: str, bagian: Sequence[RekamSatker], urutan_kode: list[str]
) -> Gambar:
    """One heat map: a row per satker of ``bagian``, a column per code of ``urutan_kode``
    (empty where the satker has no such IKK)."""
    per_kode = [{x.kode: x for x in a.ikk} for a in bagian]
    kelas = [[(p[k].kelas if k in p else None) for k in urutan_kode] for p in per_kode]
    nilai = [[(p[k].capaian if k in p else None) for k in urutan_kode] for p in per_kode]
    return Gambar.grafik(
        kunci,
        judul,
        peta_panas_png,
        tuple(a.nama for a in bagian),
        tuple(urutan_kode),
        tuple(tuple(r) for r in kelas),
        tuple(tuple(r) for r in nilai),
        alt=ALT_PETA,
    )


def cocok_kanwil(kanwil: str, pola: str) -> bool:
    """Whether a satker's ``kanwil`` matches ``pola`` (case-insensitive; the whole name or a
    part of it, e.g. ``Sumatera Selatan``)."""
    pola = " ".join(pola.split()).casefold()
    return bool(pola) and pola in " ".join(kanwil.split()).casefold()


def muat_rekam(path: str | Path) -> dict[str, RekamSatker]:
    """Records written by the batch (``anggota-<periode>.json``): satker id → record."""
    import json

    isi = json.loads(Path(path).read_text(encoding="utf-8"))
    return {d["satker"]: RekamSatker.dari_json(d) for d in isi.get("anggota", [])}


@dataclass(frozen=True)
class AsalAnggota:
    """Where the roll-up finds its members: ``rekam`` is the batch's file of per-satker
    records (the roll-up then does not load their data again); a satker without a record is
    computed from ``data_dir`` (or its own folder in ``data_dir_satker``)."""

    data_dir: str | Path = "data"
    data_dir_satker: dict[str, str] | None = field(default_factory=dict)
    rekam: str | Path = ""


class Rekap:
    """The roll-up of one period across satkers; each method is one section.

    ``satker`` are the satkers with a report, found as ``asal`` says (see
    :class:`AsalAnggota`); ``gagal`` the failed batch entries
    (``{"satker", "periode", "pesan", "bab", "log"}``, of every period of the batch) listed in
    their own section, never dropped (a satker whose data cannot be loaded here joins them,
    with its message). ``kanwil``, when given, keeps only the satkers of that Kanwil (see
    :func:`cocok_kanwil`).
    """

    def __init__(
        self,
        satker: Sequence[str],
        tahun: int,
        periode: str = "tahunan",
        asal: AsalAnggota | None = None,
        gagal: Sequence[dict[str, Any]] | None = None,
        judul: str = "",
        kanwil: str = "",
    ) -> None:
        asal = asal or AsalAnggota()
        self.tahun = int(tahun)
        self.periode = validasi_periode(periode)
        self.judul = judul
        self.kanwil = kanwil
        self.gagal_entri: list[dict[str, Any]] = [dict(g) for g in (gagal or [])]
        self.anggota: list[RekamSatker] = []
        tersedia = muat_rekam(asal.rekam) if asal.rekam else {}
        lain = asal.data_dir_satker or {}
        for s in satker:
            if s in tersedia:
                self.anggota.append(tersedia[s])
                continue
            try:
                self.anggota.append(
                    rekam_satker(s, self.tahun, self.periode, lain.get(s, asal.data_dir))
                )
            except LkjipError as err:  # listed with the failed entries, with its message
                self.gagal_entri.append({"satker": s, "pesan": str(err), "bab": "pemuatan data"})
        if kanwil:
            self.anggota = [a for a in self.anggota if cocok_kanwil(a.kanwil, kanwil)]
        self.dokumen = Dokumen()
        for bab, nama, blok in (
            (1, "ringkasan", self._ringkasan()),
            (2, "peta_capaian", self._peta_capaian()),
            (3, "ikk_sering_tidak_tercapai", self._ikk_sering()),
            (4, "gagal", self._gagal()),
            (5, "capaian_ikk", self._capaian_ikk()),
            (5, "anggaran", self._anggaran()),
            (5, "hunian", self._hunian()),
            (5, "temuan", self._temuan()),
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

    def kelompok_kanwil(self) -> list[tuple[str, list[RekamSatker]]]:
        """Members grouped by Kanwil, in order of first appearance (one group named "" when
        no member names its Kanwil)."""
        grup: dict[str, list[RekamSatker]] = {}
        for a in self.anggota:
            grup.setdefault(a.kanwil, []).append(a)
        return list(grup.items())

    # ----------------------------------------------------------------------- sections

    def ringkasan(self) -> Bagian:
        """Page 1: title, period, one summary row per satker (grouped by Kanwil)."""
        return self._bagian(1, "ringkasan")

    def peta_capaian(self) -> Bagian:
        """Heat map(s) of every IKK's class and capaian per satker."""
        return self._bagian(2, "peta_capaian")

    def ikk_sering_tidak_tercapai(self) -> Bagian:
        """The indicators most often missed, with the satkers that missed them."""
        return self._bagian(3, "ikk_sering_tidak_tercapai")

    def gagal(self) -> Bagian:
        """Every failed entry of the batch, each with its period, where it failed and the
        first line of the error."""
        return self._bagian(4, "gagal")

    def capaian_ikk(self) -> Bagian:
        """Table(s) of capaian per IKK across satkers (small roll-ups only)."""
        return self._bagian(5, "capaian_ikk")

    def anggaran(self) -> Bagian:
        """Budget absorption and SMART-DJA / IKPA / combined score per satker."""
        return self._bagian(5, "anggaran")

    def hunian(self) -> Bagian:
        """Occupancy (penghuni ÷ kapasitas) per satker."""
        return self._bagian(5, "hunian")

    def temuan(self) -> Bagian:
        """Problems of the review memo per satker and level; answered and not answered."""
        return self._bagian(5, "temuan")

    # ----------------------------------------------------------------------- blocks

    def _ringkasan(self) -> list[Blok]:
        judul_ = self.judul or "Rekap Laporan Kinerja Instansi Pemerintah"
        if self.kanwil:  # the Kanwil's own name when its satkers agree on it
            nama = {a.kanwil for a in self.anggota}
            judul_ += f" — {nama.pop() if len(nama) == 1 else self.kanwil}"
        gagal = f"; {len(self.gagal_entri)} entri gagal" if self.gagal_entri else ""
        kepala = Html(
            f'<section class="kepala-rekap"><h1>{esc(judul_)}</h1>'
            f"<p><strong>{esc(self.label_periode)}</strong> · {len(self.anggota)} satker"
            f"{esc(gagal)}</p></section>"
        )
        if not self.anggota:
            return [
                kepala,
                Paragraf(
                    "Tidak ada satker yang laporannya berhasil dibangun untuk periode ini"
                    + (" (lihat daftar entri yang gagal)." if self.gagal_entri else "."),
                    "kosong",
                ),
            ]
        grup = self.kelompok_kanwil()
        judul_tabel = "Ringkasan per satker"
        if len(grup) == 1 and grup[0][0]:
            judul_tabel += f" — {grup[0][0]}"
        baris: list[list[Sel]] = []
        for kanwil, anggota in grup:
            if len(grup) > 1:
                baris.append(
                    [teks(kanwil or "Kanwil tidak diisi", "kelompok", len(KOLOM_RINGKASAN))]
                )
            baris += [_baris_ringkasan(a) for a in anggota]
            if len(grup) > 1 and len(anggota) > 1:
                baris.append(_baris_jumlah(anggota, "Jumlah Kanwil"))
        if len(self.anggota) > 1:
            baris.append(
                _baris_jumlah(self.anggota, "Jumlah" if len(grup) == 1 else "Jumlah semua")
            )
        tabel = Tabel.buat(
            "rekap-ringkasan",
            judul_tabel,
            KOLOM_RINGKASAN,
            baris,
            catatan=CATATAN_RINGKASAN,
        )
        return [kepala, tabel]

    def _besar(self) -> bool:
        return len(self.anggota) > MAKS_SATKER_TABEL_CAPAIAN

    def _capaian_ikk(self) -> list[Blok]:
        if self._besar():
            return [
                Paragraf(
                    f"Rincian {len(self.anggota)} satker (pagu, realisasi, nilai gabungan, "
                    "hunian, masalah per tingkat) ada di rekap.csv dan rekap_excel.csv; angka "
                    "capaian setiap IKK tertera pada peta di atas."
                )
            ]
        if not self.anggota:
            return []
        df = matriks_capaian(self.anggota)
        nama = self._nama()
        indikator = df.attrs["indikator"]
        kelas = {(a.satker, x.kode): x.kelas for a in self.anggota for x in a.ikk}
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
                + [_sel_capaian(kelas.get((s, kode)), df.at[kode, s]) for s in kolom]
                for kode in df.index
            ]
            hasil.append(
                Tabel.buat(
                    f"rekap-capaian-{n}",
                    judul_,
                    ["Kode", "Indikator", *[nama[s] for s in kolom]],
                    baris,
                    catatan="Capaian = realisasi ÷ target × 100% (indikator makin rendah makin "
                    "baik: (2 − realisasi ÷ target) × 100%); – = tidak dapat dinilai atau "
                    "tidak diperjanjikan satker itu; TB = tidak berlaku; * = perlu verifikasi "
                    "(data IKK itu gagal uji kewajaran, belum dapat dinyatakan tercapai).",
                    sumber="data kinerja setiap satker, dihitung lkjip",
                )
            )
        return hasil

    def _peta_capaian(self) -> list[Blok]:
        if not self.anggota:
            return []
        urutan_kode = _urutan_kode(self.anggota)
        grup = self._grup_peta()
        hasil: list[Blok] = []
        for kanwil, anggota in grup:
            potongan = [
                anggota[i : i + BARIS_PER_PETA] for i in range(0, len(anggota), BARIS_PER_PETA)
            ]
            judul_ = "Peta Capaian IKK per Satker"
            if kanwil and (len(grup) > 1 or self.kanwil == ""):
                judul_ += f" — {kanwil}"
            for n, bagian in enumerate(potongan, start=1):
                ke = f" (bagian {n} dari {len(potongan)})" if len(potongan) > 1 else ""
                kunci = f"rekap-peta-{slug(kanwil) or 'semua'}-{n}"
                hasil.append(_gambar_peta(kunci, judul_ + ke, bagian, urutan_kode))
        return hasil

    def _grup_peta(self) -> list[tuple[str, list[RekamSatker]]]:
        """The satker groups of the heat maps: one figure, rows in Kanwil order, when every
        satker fits on it; else one series of figures per Kanwil."""
        grup = self.kelompok_kanwil()
        if len(self.anggota) <= BARIS_PER_PETA:
            return [("" if len(grup) > 1 else grup[0][0], [a for _, g in grup for a in g])]
        return grup

    def _ikk_sering(self) -> list[Blok]:
        if not self.anggota:
            return []
        daftar = ikk_sering_tidak_tercapai(self.anggota)
        if not daftar:
            return [Paragraf("Tidak ada IKK yang tidak tercapai (di antara yang dapat dinilai).")]
        banyak = len(self.anggota) > MAKS_SATKER_TABEL_CAPAIAN
        baris = [
            [
                teks(b.kode),
                teks(b.indikator),
                Sel(f"{len(b.tidak_tercapai)} dari {b.dinilai}", len(b.tidak_tercapai), "angka"),
                persen(b.terendah),
                teks(_daftar_nama(b.tidak_tercapai, 8 if banyak else 50)),
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
        if not self.anggota or self._besar():
            return []
        baris = [
            [
                teks(a.nama),
                rupiah(a.angka("pagu")),
                rupiah(a.angka("realisasi")),
                persen(a.angka("penyerapan_persen")),
                angka(a.angka("nilai_smart")),
                angka(a.angka("nilai_ikpa")),
                angka(a.angka("nilai_kinerja_anggaran")),
            ]
            for a in self.anggota
        ]
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
        if self._besar():
            return []
        baris = []
        for a in self.anggota:
            ok = a.angka("okupansi_persen")
            baris.append(
                [
                    teks(a.nama),
                    bulat(a.angka("kapasitas")),
                    bulat(a.angka("penghuni")),
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
        if self._besar():
            return []
        baris = [
            [teks(a.nama)]
            + [
                bulat(a.angka(f"masalah_{k}"))
                for k in ("error", "peringatan", "info", "ditanggapi", "belum_ditanggapi")
            ]
            for a in self.anggota
        ]
        if not baris:
            return []
        return [
            Tabel.buat(
                "rekap-temuan",
                "Masalah Data per Satker (Memo Tinjauan)",
                ["Satker", "Error", "Peringatan", "Info", "Ditanggapi", "Belum ditanggapi"],
                baris,
                catatan="Dihitung per masalah berbeda, seperti memo tinjauan setiap satker. "
                "Ditanggapi / belum ditanggapi: masalah tingkat error dan peringatan yang "
                "sudah / belum mendapat tanggapan satker (tanggapan.yaml).",
            )
        ]

    def _gagal(self) -> list[Blok]:
        if not self.gagal_entri:
            return [Paragraf("Tidak ada entri batch yang gagal.")]
        baris = []
        for g in self.gagal_entri:
            pesan = str(g.get("pesan", "")).strip()
            baris.append(
                [
                    teks(g.get("satker", "")),
                    teks(g.get("periode") or self.label_periode),
                    teks(g.get("bab") or "–"),
                    teks(pesan.splitlines()[0][:300] if pesan else "–"),
                    teks(g.get("log") or "–"),
                ]
            )
        return [
            Tabel.buat(
                "rekap-gagal",
                "Entri Batch yang Gagal atau Belum Dibangun",
                ["Satker", "Periode", "Bab", "Galat", "Log"],
                baris,
                catatan="Semua entri batch yang gagal, dari semua periode; entri ini tidak "
                "ikut dihitung di atas.",
            )
        ]


KOLOM_RINGKASAN = [
    "Satker",
    "IKK",
    "Tercapai",
    "Tidak tercapai",
    "Perlu verifikasi",
    "Tidak dapat dinilai",
    "Tidak berlaku",
    "Rata-rata capaian",
    "Penyerapan anggaran",
    "SMART-DJA",
    "IKPA",
    "Masalah belum ditanggapi",
]
CATATAN_RINGKASAN = (
    "Tercapai + tidak tercapai + perlu verifikasi + tidak dapat dinilai + tidak berlaku = "
    "jumlah IKK. Perlu verifikasi: data IKK gagal uji kewajaran, belum dapat dinyatakan "
    "tercapai. Rata-rata capaian: IKK yang dapat dinilai, tanpa yang perlu verifikasi. "
    "Masalah belum ditanggapi: masalah tingkat error dan peringatan pada memo tinjauan yang "
    "belum ditanggapi satker."
)


def _baris_ringkasan(a: RekamSatker) -> list[Sel]:
    return [
        teks(a.nama),
        bulat(len(a.ikk)),
        *(
            bulat(
                a.jumlah(k),
                kelas="tidak-tercapai" if k == TIDAK_TERCAPAI and a.jumlah(k) else None,
            )
            for k in KELAS_STATUS
        ),
        persen(a.angka("rata_capaian_persen")),
        persen(a.angka("penyerapan_persen")),
        angka(a.angka("nilai_smart")),
        angka(a.angka("nilai_ikpa")),
        bulat(a.angka("masalah_belum_ditanggapi")),
    ]


def _baris_jumlah(anggota: Sequence[RekamSatker], label: str = "Jumlah") -> list[Sel]:
    """Totals of the counts; means left empty (a mean of means would mislead)."""
    belum = [a.angka("masalah_belum_ditanggapi") for a in anggota]
    return [
        teks(label, kelas="jumlah"),
        bulat(sum(len(a.ikk) for a in anggota)),
        *(bulat(sum(a.jumlah(k) for a in anggota)) for k in KELAS_STATUS),
        teks(""),
        teks(""),
        teks(""),
        teks(""),
        bulat(sum((x for x in belum if x is not None), Decimal(0))),
    ]


def _daftar_nama(nama: Sequence[str], maks: int) -> str:
    if len(nama) <= maks:
        return ", ".join(nama)
    return ", ".join(nama[:maks]) + f", dan {len(nama) - maks} satker lain"


def _sel_capaian(kelas: str | None, nilai: Decimal | None) -> Sel:
    """A capaian cell: red when not met, marked * when the IKK needs verification."""
    if kelas == PERLU_VERIFIKASI and nilai is not None:
        return Sel(f.persen(nilai) + "*", nilai, "persen", kelas="perlu-verifikasi")
    if kelas == TIDAK_BERLAKU:
        return teks("TB")
    return persen(nilai, kelas="tidak-tercapai" if kelas == TIDAK_TERCAPAI else None)


def _lebih(x: Decimal | None) -> bool:
    return x is not None and x > 100
