"""Charts (matplotlib) in one consistent look, returned as base64 PNG for embedding.

matplotlib is imported when the first chart is drawn (:func:`siapkan`), not with this
module: the report's model names its charts without drawing them, so the data checks and
the build's reuse keys, which build that model, never import it."""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import os
import textwrap
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .. import format_id as f
from ..garap import garap, lepas
from ..tidak_diketahui import TidakDiketahui

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .model import Gambar

BIRU = "#1f4e79"
BIRU_MUDA = "#8fb3d9"
HIJAU = "#2e7d32"
MERAH = "#c62828"
ABU = "#9e9e9e"
EMAS = "#b8860b"
WARNA_SASARAN = ["#1f4e79", "#2e7d32", "#b8860b", "#6a1b9a", "#00838f", "#ad1457"]

# Names in any script (issue 10): DejaVu Sans first, then Noto (Debian fonts-noto-cjk,
# fonts-noto-core) for the glyphs it lacks. matplotlib's font cache may predate the fonts, so
# the Debian files are added when present; a family that is absent is left out (matplotlib
# would log "findfont: … not found" on stderr, which fails a build).
_NOTO = "/usr/share/fonts/{}/noto/Noto{}"
_CADANGAN: dict[str, tuple[str, ...]] = {
    "Noto Sans CJK JP": tuple(
        _NOTO.format("opentype", f"SansCJK-{g}.ttc") for g in ("Regular", "Bold")
    ),
    "Noto Sans": tuple(_NOTO.format("truetype", f"Sans-{g}.ttf") for g in ("Regular", "Bold")),
}


@functools.cache
def huruf_grafik() -> list[str]:
    """DejaVu Sans plus the Noto fallback families that are installed (found once)."""
    from matplotlib import font_manager

    hasil = ["DejaVu Sans"]
    for nama, paths in _CADANGAN.items():
        if nama not in {f.name for f in font_manager.fontManager.ttflist}:
            for path in paths:
                if Path(path).is_file():
                    try:
                        font_manager.fontManager.addfont(path)
                    except (OSError, RuntimeError, ValueError):  # unreadable: go without it
                        continue
        if nama in {f.name for f in font_manager.fontManager.ttflist}:
            hasil.append(nama)
    return hasil


GAYA: dict[str, Any] = {
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#e0e0e0",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "legend.frameon": False,
    "svg.hashsalt": "lkjip",
}
"""The charts' rcParams; ``font.family`` (:func:`huruf_grafik`) is added by :func:`siapkan`."""


@functools.cache
def siapkan() -> ModuleType:
    """``matplotlib.pyplot`` with the Agg backend and the chart fonts registered, imported
    on the first call (a chart, or the kernel's warm-up)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    GAYA["font.family"] = huruf_grafik()
    return plt


@contextmanager
def _gaya() -> Iterator[ModuleType]:
    """pyplot (:func:`siapkan`) in the charts' style."""
    plt = siapkan()
    with plt.rc_context(GAYA):
        yield plt


def _pemformat(fungsi: Callable[[float, int | None], str]) -> Any:
    """An axis tick formatter calling ``fungsi``."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(fungsi)


def _fmt_persen(x: float, _pos: int | None = None) -> str:
    return f.persen(x, 0)


def _fmt_rupiah_m(x: float, _pos: int | None = None) -> str:
    return f"Rp{f.angka(x / 1e9, 1)} M"


@functools.cache
def _cakupan() -> frozenset[int]:
    """Code points the chart fonts can draw."""
    from matplotlib import font_manager

    kode: set[int] = set()
    keluarga = huruf_grafik()
    for huruf in font_manager.fontManager.ttflist:
        if huruf.name in keluarga:
            try:
                kode.update(font_manager.get_font(huruf.fname).get_charmap())
            except (OSError, RuntimeError):
                continue
    return frozenset(kode)


def _teks_aman_grafik(fig: Figure) -> None:
    """Make every text of ``fig`` drawable: a character no chart font has (an emoji) becomes
    "□" instead of a missing-glyph warning, and ``$`` stays a dollar sign (not mathtext)."""
    from matplotlib.text import Text

    cakupan = _cakupan()
    for t in fig.findobj(Text):
        asli = t.get_text()
        if not asli:
            continue
        baru = "".join(ch if ord(ch) in cakupan or ord(ch) < 32 else "□" for ch in asli)
        baru = baru.replace("$", r"\$")
        if baru != asli:
            t.set_text(baru)


DPI = 200
"""Resolution of every chart: print resolution. One picture per chart serves the notebook,
laporan.html, laporan.pdf and laporan.docx (the build takes the DOCX's charts from the
executed chapters instead of drawing them again)."""

ENV_TEMBOLOK = "LKJIP_TEMBOLOK_GRAFIK"
"""The chart cache folder a build gives its kernel (with :data:`ENV_DASAR`): a chart found
there is not drawn again (:meth:`~lkjip_helpers.laporan.model.Gambar.grafik`)."""
ENV_DASAR = "LKJIP_DASAR_GRAFIK"
"""The fingerprint of the code and environment that draw the charts, part of every key."""


def kunci_tembolok(dasar: str, masukan: str) -> str:
    """The name (without ``.png``) of a chart in the chart cache: a digest of the code and
    environment that draw it (``dasar``), what it is drawn from (``masukan``: the figure's
    :attr:`~lkjip_helpers.laporan.model.Gambar.masukan`) and :data:`DPI`. The kernel reads
    the cache under this name, the build writes it (:class:`TembolokGrafik`)."""
    return hashlib.sha256("\0".join((dasar, masukan, str(DPI))).encode("utf-8")).hexdigest()


@dataclass
class TembolokGrafik:
    """Charts kept between builds as PNG files, one per chart, named by the key of what it
    is drawn from (:func:`kunci_tembolok`): the figure's inputs (:attr:`~lkjip_helpers.
    laporan.model.Gambar.masukan`: the chart function and its arguments), the resolution, and
    ``dasar`` (the code and environment that draw it: package files, matplotlib's version,
    fonts). The build keeps there the charts its chapters drew (:meth:`simpan`); a kernel
    given the cache (:data:`ENV_TEMBOLOK`) draws none of them again, nor does laporan.docx.
    Used by one build at a time (the report's output lock); :meth:`rapikan` drops the charts
    this build did not use.

    The child writing laporan.docx draws the charts not kept yet ahead (:meth:`gambar_dulu`);
    the kernel takes them as its chapters show them (:meth:`bersama`), and so does
    laporan.docx (:meth:`gambar`). Whoever creates a
    chart's claim file (``<key>.png.garap``, holding its pid; ``O_EXCL``,
    :mod:`lkjip_helpers.garap`) draws it; the other takes the PNG, or waits for it while the
    claim's process lives. A claim older than :attr:`garap_basi` counts as abandoned: a chart
    drawn twice is the same file, so a late duplicate costs time, never a wrong picture."""

    folder: Path
    dasar: str
    dipakai: set[str] = field(default_factory=set)
    garap_basi: float = 15.0
    """Seconds after which a claim counts as abandoned (where its process cannot be asked)."""

    @classmethod
    def dari_lingkungan(cls) -> TembolokGrafik | None:
        """The cache a build gave this process (the kernel): :meth:`lingkungan`'s
        variables; None outside a build."""
        folder, dasar = os.environ.get(ENV_TEMBOLOK), os.environ.get(ENV_DASAR)
        return cls(Path(folder), dasar) if folder and dasar else None

    def lingkungan(self) -> dict[str, str]:
        """The environment variables that give this cache to a kernel."""
        return {ENV_TEMBOLOK: str(self.folder), ENV_DASAR: self.dasar}

    def path(self, masukan: str) -> Path:
        """The file of the chart drawn from ``masukan`` (:func:`kunci_tembolok`)."""
        return self.folder / f"{kunci_tembolok(self.dasar, masukan)}.png"

    def simpan(self, gambar: dict[str, tuple[str, str]]) -> None:
        """Keep the charts a chapter drew (``masukan`` → (mimetype, base64)) that the cache
        does not hold yet."""
        for masukan, (mime, isi) in gambar.items():
            path = self.path(masukan)
            self.dipakai.add(path.name)
            if mime == "image/png" and not path.is_file():
                self._tulis(path, isi)

    def _tulis(self, path: Path, isi: str) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            sementara = path.with_name(f".{path.name}.{os.getpid()}")
            sementara.write_bytes(base64.b64decode(isi))
            os.replace(sementara, path)
        except OSError:  # a cache that cannot be written: drawn again next time
            pass

    def bersama(self, masukan: str, lukis: Callable[[], str]) -> str:
        """The chart drawn from ``masukan`` (base64 PNG): from the cache; else drawn here by
        ``lukis`` and kept, unless another process is drawing it (then waited for)."""
        path = self.path(masukan)
        while (isi := _baca(path)) is None:
            if self._garap(path):
                return self._lukis(path, lukis)
            time.sleep(0.01)
        return isi

    def gambar_dulu(self, grafik: Sequence[tuple[str, Callable[[], str]]]) -> None:
        """Draw and keep, in order, the charts (``masukan``, drawing function) that are
        neither kept nor being drawn, ahead of the chapters that show them. All are claimed
        first: a kernel reaching one of them meanwhile waits for it instead of drawing it
        (it then need not import matplotlib)."""
        diklaim = []
        for masukan, lukis in grafik:
            path = self.path(masukan)
            self.dipakai.add(path.name)
            if not path.is_file() and self._garap(path):
                diklaim.append((path, lukis))
        for path, lukis in diklaim:
            self._lukis(path, lukis)

    def _garap(self, path: Path) -> bool:
        """Claim the drawing of the chart kept at ``path`` (:func:`lkjip_helpers.garap.garap`):
        True when this process draws it."""
        return garap(path.with_name(path.name + ".garap"), self.garap_basi)

    def _lukis(self, path: Path, lukis: Callable[[], str]) -> str:
        """Draw (unless the chart was kept meanwhile), keep, and release the claim."""
        try:
            if (isi := _baca(path)) is None:
                isi = lukis()
                self._tulis(path, isi)
            return isi
        finally:
            lepas(path.with_name(path.name + ".garap"))

    def gambar(self, g: Gambar) -> tuple[str, str]:
        """The figure's picture: a chart as :meth:`bersama` gives it (kept, or waited for
        while the kernel draws it, else drawn and kept); a satker's image file is read."""
        if g.lukis is None or not g.masukan:
            return g.gambar()
        self.dipakai.add(self.path(g.masukan).name)
        return "image/png", self.bersama(g.masukan, g.lukis)

    def rapikan(self) -> None:
        """Remove the charts (and leftovers) this build did not use."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name not in self.dipakai:
                path.unlink(missing_ok=True)


def _baca(path: Path) -> str | None:
    """The kept chart at ``path`` as base64, or None when it is not there (yet)."""
    try:
        return base64.b64encode(path.read_bytes()).decode("ascii")
    except OSError:
        return None


def _png(fig: Figure) -> str:
    _teks_aman_grafik(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    siapkan().close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _fl(x: Decimal | float | int | TidakDiketahui | None) -> float:
    """A plotted value; a missing or unknown value is NaN (no bar, no point)."""
    return float(x) if x is not None and not isinstance(x, TidakDiketahui) else float("nan")


def capaian_ikk(
    label: Sequence[str],
    capaian: Sequence[Decimal | None],
    grup: Sequence[int],
    nama_grup: Sequence[str],
    verifikasi: Sequence[bool] | None = None,
) -> str:
    """Horizontal bars of capaian per IKK with the 100 % line, coloured by sasaran; an IKK
    whose data need verification is hatched and labelled so."""
    with _gaya() as plt:
        tinggi = max(2.5, 0.19 * len(label) + 1.0)
        fig, ax = plt.subplots(layout="constrained", figsize=(7.0, tinggi))
        y = list(range(len(label)))[::-1]
        nilai = [_fl(c) for c in capaian]
        warna = [WARNA_SASARAN[g % len(WARNA_SASARAN)] for g in grup]
        cek = list(verifikasi or [False] * len(label))
        batang = ax.barh(y, [0 if v != v else v for v in nilai], color=warna, height=0.7)
        for b, c in zip(batang, cek, strict=True):
            if c:
                b.set_facecolor("white")
                b.set_hatch("////")
        for yi, v, c in zip(y, nilai, cek, strict=True):
            teks = "tidak dapat dihitung" if v != v else f.persen(v)
            if c:
                teks += " (perlu verifikasi)"
            ax.text((0 if v != v else v) + 2, yi, teks, va="center", fontsize=7)
        ax.axvline(100, color=MERAH, linestyle="--", linewidth=1)
        ax.set_yticks(y, label, fontsize=7)
        ax.xaxis.set_major_formatter(_pemformat(_fmt_persen))
        ax.set_xlabel("Capaian kinerja")
        batas = max([v for v in nilai if v == v] + [100])
        ax.set_xlim(0, batas * (1.32 if any(cek) else 1.18))
        handles = [
            plt.Rectangle((0, 0), 1, 1, color=WARNA_SASARAN[i % len(WARNA_SASARAN)])
            for i in range(len(nama_grup))
        ]
        ax.legend(handles, nama_grup, loc="lower right", fontsize=7)
        ax.grid(axis="y", visible=False)
        return _png(fig)


def target_realisasi(
    label: Sequence[str],
    target: Sequence[Decimal | None],
    realisasi: Sequence[Decimal | None],
    realisasi_lalu: Sequence[Decimal | None] | None,
    tahun: int,
) -> str:
    """Grouped bars: target and realisasi this year (and realisasi last year)."""
    with _gaya() as plt:
        fig, ax = plt.subplots(layout="constrained", figsize=(7.0, 3.4))
        n = len(label)
        lebar = 0.27 if realisasi_lalu is not None else 0.38
        x = list(range(n))
        seri = [("Target " + str(tahun), target, ABU), ("Realisasi " + str(tahun), realisasi, BIRU)]
        if realisasi_lalu is not None:
            seri.append(("Realisasi " + str(tahun - 1), realisasi_lalu, BIRU_MUDA))
        for i, (nama, data, warna) in enumerate(seri):
            geser = (i - (len(seri) - 1) / 2) * lebar
            ax.bar([xi + geser for xi in x], [_fl(v) for v in data], lebar, label=nama, color=warna)
        ax.set_xticks(x, label, fontsize=7, rotation=90 if n > 8 else 0)
        ax.yaxis.set_major_formatter(_pemformat(_fmt_persen))
        ax.legend(fontsize=7, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.12))
        ax.grid(axis="x", visible=False)
        return _png(fig)


def pagu_realisasi(
    label: Sequence[str],
    pagu: Sequence[Decimal],
    realisasi: Sequence[Decimal | None],
    penyerapan: Sequence[Decimal | None],
) -> str:
    """Bars of pagu vs realisasi (in billions of rupiah) with penyerapan labels."""
    with _gaya() as plt:
        fig, ax = plt.subplots(layout="constrained", figsize=(7.0, 3.2))
        x = list(range(len(label)))
        ax.bar([i - 0.2 for i in x], [_fl(v) for v in pagu], 0.4, label="Pagu", color=ABU)
        ax.bar(
            [i + 0.2 for i in x], [_fl(v) for v in realisasi], 0.4, label="Realisasi", color=BIRU
        )
        for i, (r, p) in enumerate(zip(realisasi, penyerapan, strict=True)):
            if isinstance(r, Decimal) and isinstance(p, Decimal):
                ax.text(i + 0.2, float(r), f.persen(p), ha="center", va="bottom", fontsize=7)
        ax.set_xticks(x, ["\n".join(textwrap.wrap(t, 18)) for t in label], fontsize=7)
        ax.yaxis.set_major_formatter(_pemformat(_fmt_rupiah_m))
        ax.legend(fontsize=7)
        ax.grid(axis="x", visible=False)
        return _png(fig)


def komponen(
    label: Sequence[str], nilai: Sequence[Decimal | None], judul: str, garis: Decimal | None = None
) -> str:
    """Horizontal bars of score components (0–100)."""
    with _gaya() as plt:
        fig, ax = plt.subplots(layout="constrained", figsize=(7.0, 0.35 * len(label) + 1.0))
        y = list(range(len(label)))[::-1]
        v = [_fl(x) for x in nilai]
        ax.barh(y, [0 if a != a else a for a in v], color=BIRU, height=0.6)
        for yi, a in zip(y, v, strict=True):
            ax.text(
                (0 if a != a else a) + 1,
                yi,
                "tidak dinilai" if a != a else f.angka(a),
                va="center",
                fontsize=7,
            )
        if garis is not None:
            ax.axvline(float(garis), color=EMAS, linestyle="--", linewidth=1)
        ax.set_yticks(y, label, fontsize=8)
        ax.set_xlim(0, 110)
        ax.set_title(judul, loc="left")
        ax.grid(axis="y", visible=False)
        return _png(fig)


def hunian(kapasitas: Decimal, penghuni: Decimal, okupansi: Decimal | None) -> str:
    """Capacity vs occupants."""
    with _gaya() as plt:
        fig, ax = plt.subplots(layout="constrained", figsize=(5.0, 2.2))
        ax.barh(
            [1, 0],
            [float(kapasitas), float(penghuni)],
            color=[ABU, MERAH if penghuni > kapasitas else BIRU],
            height=0.6,
        )
        ax.set_yticks([1, 0], ["Kapasitas", "Penghuni"])
        for yi, v in ((1, kapasitas), (0, penghuni)):
            ax.text(float(v) * 1.01, yi, f"{f.bulat(v)} orang", va="center", fontsize=8)
        ax.set_xlim(0, float(max(kapasitas, penghuni)) * 1.25)
        if okupansi is not None:
            ax.set_title(f"Tingkat hunian {f.persen(okupansi)}", loc="left")
        ax.grid(axis="y", visible=False)
        return _png(fig)


def garis_periode(label: Sequence[str], nilai: Sequence[Decimal | None], judul: str) -> str:
    """A line of values per period (triwulan or month), 0–100 %."""
    with _gaya() as plt:
        fig, ax = plt.subplots(layout="constrained", figsize=(7.0, 2.6))
        x = list(range(len(label)))
        v = [_fl(a) for a in nilai]
        ax.plot(x, v, marker="o", color=BIRU)
        for xi, a in zip(x, v, strict=True):
            if a == a:
                ax.annotate(
                    f.persen(a, ringkas=True),
                    (xi, a),
                    textcoords="offset points",
                    xytext=(0, 6),
                    ha="center",
                    fontsize=7,
                )
        ax.set_xticks(x, label, fontsize=8)
        ax.set_ylim(0, 115)
        ax.yaxis.set_major_formatter(_pemformat(_fmt_persen))
        ax.set_title(judul, loc="left")
        return _png(fig)


def struktur_organisasi(unit: Sequence[tuple[str, str | None, str | None]]) -> str:
    """Organisation chart from (nama, kepala, induk) units: the top unit, its direct units in a
    row, and the units under each stacked below it (how Lapas/Rutan charts are usually drawn).
    Every box is tall enough for its whole text: nothing is cut."""
    from collections import defaultdict

    from matplotlib.patches import FancyBboxPatch

    anak: dict[str | None, list[tuple[str, str | None]]] = defaultdict(list)
    for nama, kepala, induk in unit:
        anak[induk or None].append((nama, kepala))
    (puncak, kepala_puncak), *_ = anak[None]
    kolom = anak[puncak] or []

    def turunan(nama: str, tingkat: int = 0) -> list[tuple[int, str, str | None]]:
        hasil = []
        for n, k in anak.get(nama, []):
            hasil.append((tingkat, n, k))
            hasil += turunan(n, tingkat + 1)
        return hasil

    tumpukan = [turunan(n) for n, _ in kolom]
    lebar = 7.0
    n_kolom = max(1, len(kolom))
    lebar_kolom = lebar / n_kolom
    huruf = 6.2 if n_kolom > 4 else 7.0
    w_puncak, w_kolom = min(2.6, lebar * 0.45), lebar_kolom * 0.9

    def geser(tingkat: int) -> float:
        return 0.14 + 0.1 * tingkat

    def bungkus(nama: str, kepala: str | None, w: float) -> tuple[list[str], list[str]]:
        n = max(8, int(w / (huruf * 0.0092)))
        return textwrap.wrap(nama, n), textwrap.wrap(kepala or "", n + 2)

    semua = [bungkus(puncak, kepala_puncak, w_puncak)]
    semua += [bungkus(n, k, w_kolom) for n, k in kolom]
    semua += [bungkus(n, k, w_kolom - geser(t)) for b in tumpukan for t, n, k in b]
    baris_teks = max(len(a) * 0.105 + len(b) * 0.095 for a, b in semua)
    tinggi_kotak, jarak = 0.12 + baris_teks, 0.2
    baris_maks = max((len(t) for t in tumpukan), default=0)
    tinggi = 0.15 + (tinggi_kotak + jarak) * (2 + baris_maks) + 0.1

    def kotak(ax, x: float, y: float, w: float, nama: str, kepala: str | None, gaya: int) -> None:
        latar, tinta = [(BIRU, "white"), ("#dfe6ee", "#1a1a1a"), ("white", "#1a1a1a")][gaya]
        ax.add_patch(
            FancyBboxPatch(
                (x, y),
                w,
                tinggi_kotak,
                boxstyle="round,pad=0,rounding_size=0.04",
                facecolor=latar,
                edgecolor=BIRU,
                linewidth=0.8,
            )
        )
        atas, bawah = bungkus(nama, kepala, w)
        ax.text(
            x + w / 2,
            y + 0.05,
            "\n".join(atas),
            ha="center",
            va="top",
            fontsize=huruf,
            fontweight="bold",
            color=tinta,
            linespacing=1.05,
        )
        if bawah:
            ax.text(
                x + w / 2,
                y + tinggi_kotak - 0.04,
                "\n".join(bawah),
                ha="center",
                va="bottom",
                fontsize=huruf - 0.8,
                style="italic",
                color=tinta,
                linespacing=1.05,
            )

    with _gaya() as plt:
        fig = plt.figure(figsize=(lebar, tinggi))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, lebar)
        ax.set_ylim(tinggi, 0)
        ax.axis("off")
        y0 = 0.12
        kotak(ax, (lebar - w_puncak) / 2, y0, w_puncak, puncak, kepala_puncak, 0)
        y1 = y0 + tinggi_kotak + jarak
        if kolom:
            tengah = [lebar_kolom * (i + 0.5) for i in range(n_kolom)]
            y_garis = y1 - jarak / 2
            ax.plot([lebar / 2, lebar / 2], [y0 + tinggi_kotak, y_garis], color=BIRU, lw=0.8)
            ax.plot([tengah[0], tengah[-1]], [y_garis, y_garis], color=BIRU, lw=0.8)
        for i, ((nama, kepala), bawah) in enumerate(zip(kolom, tumpukan, strict=True)):
            x = lebar_kolom * i + (lebar_kolom - w_kolom) / 2
            ax.plot([x + w_kolom / 2] * 2, [y1 - jarak / 2, y1], color=BIRU, lw=0.8)
            kotak(ax, x, y1, w_kolom, nama, kepala, 1)
            tulang = x + 0.06
            for j, (tingkat, n, k) in enumerate(bawah):
                y = y1 + (tinggi_kotak + jarak) * (j + 1)
                g = geser(tingkat)
                ax.plot(
                    [tulang, tulang], [y1 + tinggi_kotak, y + tinggi_kotak / 2], color=BIRU, lw=0.8
                )
                ax.plot([tulang, x + g], [y + tinggi_kotak / 2] * 2, color=BIRU, lw=0.8)
                kotak(ax, x + g, y, w_kolom - g, n, k, 2)
        return _png(fig)
