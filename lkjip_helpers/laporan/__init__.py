"""Report sections for the chapter notebooks: one method per section, each returning a
:class:`~lkjip_helpers.laporan.model.Bagian` (blocks that display in JupyterLab as in the report).

Usage in a notebook (after the ``parameters`` cell)::

    from lkjip_helpers.laporan import Laporan
    lap = Laporan(satker, tahun, data_dir, bab=3)
    lap.capaian_ringkas()

The whole report is modelled once per data set (:func:`dokumen_laporan`): every section of
every chapter, in the order of :data:`RENCANA`, with tables and figures numbered per chapter
(``Tabel 3.1``, ``Gambar 3.1``). A section method only looks its part up, so re-running a cell
never renumbers anything. The chapter notebooks call the sections in the plan's order (a test
checks it). Charts are drawn only when their section is displayed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ParameterError, maksudnya
from ..hitung import HasilLaporan, hasil_laporan
from ..hitung.capaian import HasilIkk
from ..tembolok import sekali_per_objek
from . import model
from .bagian import anggaran as _anggaran
from .bagian import ikk as _ikk
from .bagian import pembuka as _pembuka
from .bagian import penutup as _penutup
from .bagian import profil as _profil
from .konteks import Konteks
from .model import Bagian, Dokumen

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["RENCANA", "Bagian", "Dokumen", "Laporan", "dokumen_laporan", "model", "susun_dokumen"]

Pembangun = Callable[[Konteks], list[model.Blok]]

RENCANA: dict[int | str, tuple[str, ...]] = {
    0: ("sampul", "surat_pengantar", "kata_pengantar"),
    "E": ("ikhtisar",),
    1: (
        "narasi:latar_belakang",
        "gambaran_umum",
        "kepegawaian",
        "tugas_fungsi",
        "narasi:maksud_tujuan",
        "aspek_isu_strategis",
        "narasi:sistematika",
    ),
    2: ("renstra", "narasi:perjanjian_kinerja", "perjanjian_kinerja", "alokasi_anggaran"),
    3: (
        "narasi:akuntabilitas_pengantar",
        "capaian_ringkas",
        "analisis_semua_sasaran",
        "realisasi_anggaran",
        "efisiensi",
        "smart_dja",
        "ikpa",
        "nilai_kinerja_anggaran",
        "kinerja_lainnya",
    ),
    4: ("kesimpulan", "saran"),
    "L": ("lampiran_pk", "lampiran_sk_tim", "lampiran_sop", "lampiran_dokumen"),
}
"""The report's sections in document order, per chapter (``narasi:<field>`` is a chapter
narrative of narasi.yaml). Numbers of tables and figures follow this order."""

PEMBANGUN: dict[str, Pembangun] = {
    "sampul": _pembuka.sampul,
    "surat_pengantar": _pembuka.surat_pengantar,
    "kata_pengantar": _pembuka.kata_pengantar,
    "ikhtisar": _pembuka.ikhtisar,
    "gambaran_umum": _profil.gambaran_umum,
    "kepegawaian": _profil.kepegawaian,
    "tugas_fungsi": _profil.tugas_fungsi,
    "aspek_isu_strategis": _profil.aspek_isu,
    "renstra": _profil.renstra,
    "perjanjian_kinerja": _ikk.perjanjian_kinerja,
    "alokasi_anggaran": _anggaran.alokasi,
    "capaian_ringkas": _ikk.ringkas,
    "realisasi_anggaran": _anggaran.realisasi,
    "efisiensi": _anggaran.efisiensi,
    "smart_dja": _anggaran.smart,
    "ikpa": _anggaran.ikpa,
    "nilai_kinerja_anggaran": _anggaran.nka,
    "kinerja_lainnya": _anggaran.lainnya,
    "kesimpulan": _penutup.kesimpulan,
    "saran": _penutup.saran,
    "lampiran_pk": _penutup.lampiran_pk,
    "lampiran_sk_tim": _penutup.lampiran_sk,
    "lampiran_sop": _penutup.lampiran_sop,
    "lampiran_dokumen": _penutup.lampiran_dokumen,
}


def _bangun_bagian(k: Konteks, nama: str) -> list[tuple[str, list[model.Blok]]]:
    """The sections ``nama`` stands for: one, or one per sasaran for the IKK analyses."""
    if nama.startswith("narasi:"):
        return [(nama, _pembuka.narasi(k, nama.split(":", 1)[1]))]
    if nama == "analisis_semua_sasaran":
        return [
            (f"analisis_sasaran:{r.sasaran.kode}", _ikk.analisis_sasaran(k, r.sasaran.kode))
            for r in k.hasil.sasaran
        ]
    return [(nama, PEMBANGUN[nama](k))]


def _gambar_satker(k: Konteks, bagian: list[tuple[int | str, str, list[model.Blok]]]) -> None:
    """Put the satker's own images (lampiran.yaml ``gambar``) into the sections they name."""
    lam = k.hasil.data.ini.lampiran
    if lam is None or not lam.gambar:
        return
    folder = k.hasil.data.berkas_satker.parent
    for g in lam.gambar:
        blok: list[model.Blok] = [_gambar_berkas(folder, g.kunci, g.berkas, g.judul)]
        if (b := k.narasi_blok(g.keterangan, "keterangan-gambar")) is not None:
            blok.append(b)
        if g.tempat.startswith("ikk:"):
            kode = g.tempat.removeprefix("ikk:")
            tujuan = next(
                (
                    x.blok
                    for _, nama, isi in bagian
                    if nama.startswith("analisis_sasaran:")
                    for x in isi
                    if isinstance(x, model.Kelompok) and x.kunci == kode
                ),
                None,
            )
            if tujuan is None:  # the IKK is not in this year's PK: show it with the documents
                tujuan = next(isi for _, nama, isi in bagian if nama == "lampiran_dokumen")
        else:
            tujuan = next(isi for _, nama, isi in bagian if nama == g.tempat)
        tujuan.extend(blok)


def _gambar_berkas(folder: Path, kunci: str, berkas: str, judul: str) -> model.Gambar:
    import hashlib

    from ..muat.data import path_gambar

    path = path_gambar(folder, berkas)

    def buat() -> tuple[str, str]:
        import base64

        from ..muat.data import jenis_gambar

        isi = path.read_bytes()
        return jenis_gambar(isi) or "image/png", base64.b64encode(isi).decode("ascii")

    return model.Gambar(kunci, judul, buat, masukan=hashlib.sha256(path.read_bytes()).hexdigest())


def susun_dokumen(hasil: HasilLaporan) -> Dokumen:
    """Model every section of the report of ``hasil`` and number its tables and figures."""
    k = Konteks(hasil)
    bagian = [
        (bab, kunci, blok)
        for bab, daftar in RENCANA.items()
        for nama in daftar
        for kunci, blok in _bangun_bagian(k, nama)
    ]
    _gambar_satker(k, bagian)
    dok = Dokumen()
    for bab, kunci, blok in bagian:
        dok.tambah(bab, kunci, blok)
    dok.nomori()
    return dok


def kunci_rujukan(hasil: HasilLaporan) -> set[tuple[str, str]]:
    """Tables and figures of the report of ``hasil`` a narrative may cross-reference (for
    :func:`lkjip_helpers.periksa.periksa`)."""
    return dokumen_laporan(hasil).kunci_rujukan()  # the model the build's chapter keys reuse


@sekali_per_objek
def dokumen_laporan(hasil: HasilLaporan) -> Dokumen:
    """:func:`susun_dokumen`, once per computed report (shared by the chapters of a kernel)."""
    return susun_dokumen(hasil)


FOLDER_NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks"
"""The chapter notebooks' folder: a relative ``data_dir`` is also looked for from here."""

PARAMETER_NOTEBOOK = ("satker", "tahun", "periode", "data_dir")


def folder_data(data_dir: str | Path) -> Path:
    """Resolve the ``data_dir`` parameter of a chapter notebook.

    An absolute path is used as is. A relative one is resolved against the kernel's working
    directory (JupyterLab starts it in the notebook's folder) and, when no data folder (one
    with ``satker/``) is there, against the chapter notebooks' folder — so ``papermill notebooks/04_….ipynb out.ipynb``
    run from the repository root finds ``../data`` as JupyterLab does.
    """
    p = Path(data_dir)
    if p.is_absolute() or (p / "satker").is_dir():
        return p
    lain = FOLDER_NOTEBOOK / p
    return lain if (lain / "satker").is_dir() else p


_KOMENTAR_SISIPAN = "# Parameters"
"""First line of the cell papermill injects (``PythonTranslator.codify``: its comment, then
one assignment per ``-p`` parameter); it is tagged ``injected-parameters`` in the notebook."""


def nama_disisipkan(sumber: str) -> list[str]:
    """Names assigned by one injected-parameters cell's source (papermill writes one plain
    ``nama = nilai`` line per parameter)."""
    import ast

    try:
        pohon = ast.parse(sumber)
    except SyntaxError:
        return []
    return [
        t.id
        for s in pohon.body
        if isinstance(s, ast.Assign | ast.AnnAssign)
        for t in (s.targets if isinstance(s, ast.Assign) else [s.target])
        if isinstance(t, ast.Name)
    ]


def parameter_asing() -> list[str]:
    """Names a papermill run injected that no chapter notebook declares (a misspelt ``-p``).

    Looks only at what papermill injected: the last cell the kernel ran that is papermill's
    ``injected-parameters`` cell (it starts with ``# Parameters``). The analyst's own
    variables, loops and re-runs in JupyterLab are never parameters. Empty outside IPython
    and when nothing was injected.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - ipykernel depends on IPython
        return []
    ip = get_ipython()
    if ip is None:
        return []
    riwayat = getattr(getattr(ip, "history_manager", None), "input_hist_raw", None) or []
    sisipan = next(
        (s for s in reversed(riwayat) if s.lstrip().startswith(_KOMENTAR_SISIPAN + "\n")), None
    )
    if sisipan is None:
        return []
    return sorted(set(nama_disisipkan(sisipan)) - set(PARAMETER_NOTEBOOK))


class Laporan:
    """The sections of one chapter of one satker's report.

    ``bab`` is the chapter (``0`` front matter, ``"E"`` ikhtisar, ``1``–``4``, ``"L"``
    lampiran); a section of another chapter can be shown too, with its own numbers.
    """

    def __init__(
        self,
        satker: str,
        tahun: int,
        data_dir: str | Path = "../data",
        bab: int | str = 0,
        periode: str = "tahunan",
    ) -> None:
        asing = parameter_asing()
        if asing:
            raise ParameterError(
                f"parameter tidak dikenal: {', '.join(asing)}"
                + (maksudnya(asing[0], PARAMETER_NOTEBOOK, 0.6) or " (salah ketik?)")
                + f". Parameter notebook bab: {', '.join(PARAMETER_NOTEBOOK)}"
            )
        self.hasil: HasilLaporan = hasil_laporan(satker, tahun, folder_data(data_dir), periode)
        self.bab = bab
        self.dokumen: Dokumen = dokumen_laporan(self.hasil)

    def _bagian(self, nama: str) -> Bagian:
        for _bab, daftar in self.dokumen.bab.items():
            if nama in daftar:
                return daftar[nama]
        raise KeyError(f"bagian {nama!r} tidak ada dalam laporan")

    # front matter ------------------------------------------------------------------------
    def sampul(self) -> Bagian:
        """Cover page."""
        return self._bagian("sampul")

    def surat_pengantar(self) -> Bagian:
        """The cover letter to the Kanwil (empty when narasi.yaml has none)."""
        return self._bagian("surat_pengantar")

    def kata_pengantar(self) -> Bagian:
        """Kata pengantar (the analyst's text, or a drafted one) with the signature."""
        return self._bagian("kata_pengantar")

    def ikhtisar(self) -> Bagian:
        """Ikhtisar eksekutif: narrative, headline figures and the capaian table."""
        return self._bagian("ikhtisar")

    # Bab I -------------------------------------------------------------------------------
    def narasi(self, nama: str) -> Bagian:
        """A chapter-level narrative of ``narasi.yaml`` (empty when not filled in)."""
        return self._bagian(f"narasi:{nama}")

    def gambaran_umum(self) -> Bagian:
        """Location, capacity vs occupants (table and chart), land and buildings."""
        return self._bagian("gambaran_umum")

    def kepegawaian(self) -> Bagian:
        """Staff by gender, education and rank."""
        return self._bagian("kepegawaian")

    def tugas_fungsi(self) -> Bagian:
        """Tugas pokok, fungsi, tugas-fungsi-wewenang and per seksi."""
        return self._bagian("tugas_fungsi")

    def aspek_isu_strategis(self) -> Bagian:
        return self._bagian("aspek_isu_strategis")

    # Bab II ------------------------------------------------------------------------------
    def renstra(self) -> Bagian:
        """Visi, misi, tata nilai, tujuan, sasaran kegiatan."""
        return self._bagian("renstra")

    def perjanjian_kinerja(self) -> Bagian:
        """The Perjanjian Kinerja table: sasaran → IKK → target."""
        return self._bagian("perjanjian_kinerja")

    def alokasi_anggaran(self) -> Bagian:
        """Budget allocation per program/kegiatan and per sasaran."""
        return self._bagian("alokasi_anggaran")

    # Bab III A ---------------------------------------------------------------------------
    def capaian_ringkas(self) -> Bagian:
        """Table of capaian of all IKK, the summary per sasaran and the capaian charts."""
        return self._bagian("capaian_ringkas")

    def analisis_sasaran(self, kode: str) -> Bagian:
        """Every analysis of PermenPANRB 53/2014 for each IKK of sasaran ``kode``."""
        return self._bagian(f"analisis_sasaran:{kode}")

    def analisis_semua_sasaran(self) -> Bagian:
        """:meth:`analisis_sasaran` for every sasaran of the Perjanjian Kinerja, in order."""
        hasil = Bagian([], self.dokumen)
        for kode in self.daftar_sasaran():
            hasil = hasil + self.analisis_sasaran(kode)
        return hasil

    def daftar_sasaran(self) -> list[str]:
        return [r.sasaran.kode for r in self.hasil.sasaran]

    # Bab III B–D -------------------------------------------------------------------------
    def realisasi_anggaran(self) -> Bagian:
        """Pagu and realisasi per sasaran and per jenis belanja, this year and last."""
        return self._bagian("realisasi_anggaran")

    def efisiensi(self) -> Bagian:
        """Capaian kinerja vs penyerapan per sasaran (efficiency of resources)."""
        return self._bagian("efisiensi")

    def smart_dja(self) -> Bagian:
        return self._bagian("smart_dja")

    def ikpa(self) -> Bagian:
        return self._bagian("ikpa")

    def nilai_kinerja_anggaran(self) -> Bagian:
        return self._bagian("nilai_kinerja_anggaran")

    def kinerja_lainnya(self) -> Bagian:
        """e-Performance per triwulan, e-Monev per month, prioritas nasional."""
        return self._bagian("kinerja_lainnya")

    # Bab IV and appendices ---------------------------------------------------------------
    def kesimpulan(self) -> Bagian:
        return self._bagian("kesimpulan")

    def saran(self) -> Bagian:
        return self._bagian("saran")

    def lampiran_pk(self) -> Bagian:
        return self._bagian("lampiran_pk")

    def lampiran_sk_tim(self) -> Bagian:
        return self._bagian("lampiran_sk_tim")

    def lampiran_sop(self) -> Bagian:
        return self._bagian("lampiran_sop")

    def lampiran_dokumen(self) -> Bagian:
        return self._bagian("lampiran_dokumen")

    # data for analysts (DataFrames, see lkjip_helpers.laporan.analis; pandas is imported by
    # these methods only: the build's checks and chapter keys make the model without it) ----
    @property
    def ikk(self) -> list[HasilIkk]:
        return self.hasil.ikk

    def tabel_ikk(self) -> pd.DataFrame:
        """One row per IKK: target, realisasi, capaian, status, last year, Renstra targets."""
        from . import analis

        return analis.tabel_ikk(self.hasil)

    def data_ikk(self, kode: str) -> pd.DataFrame:
        """One IKK's data: its periods (months, triwulan) and the year's realisasi."""
        from . import analis

        return analis.data_ikk(self.hasil, kode)

    def tabel_anggaran(self) -> pd.DataFrame:
        """Every budget line of this year and last: pagu, realisasi, penyerapan, sisa."""
        from . import analis

        return analis.tabel_anggaran(self.hasil)

    def tabel_temuan(self) -> pd.DataFrame:
        """The data-check findings: tingkat, kode, lokasi, pesan, id."""
        from ..periksa import periksa_data
        from . import analis

        return analis.tabel_temuan(periksa_data(self.hasil.data, kunci_rujukan))
