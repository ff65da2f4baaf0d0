"""Generated data variants: `lkjip check` is a superset of the build's failures (issue 7).

From the sample and the two example satkers, variants are generated — each optional file
dropped, each number set to zero, removed, made negative or declared unknown, monthly data cut
short, a narrative placeholder misspelt — and for each one either the loading refuses it (DataError) or the checks report an
``error``, or every section of the report renders (HTML of every section, the tables through
the notebook JSON round trip, the Excel workbook) without an exception or a warning.

The numbers changed are a fixed-seed sample, stratified over the files (``MAKS_PER_JENIS`` per
satker and kind of change); ``LKJIP_VARIAN_SEMUA=1`` tries every number. A few variants are
also built for real (HTML only, ``e2e``).
"""

from __future__ import annotations

import inspect
import os
import random
import re
import shutil
import traceback
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from bantu_yaml import polos

from lkjip_helpers.errors import DataError
from lkjip_helpers.hitung.hasil import hasil_laporan
from lkjip_helpers.muat.berkas import _Pemuat
from lkjip_helpers.muat.parameter import kunci_periode
from lkjip_helpers.periksa import periksa

DATA = Path(__file__).parents[1] / "data"
SAMPEL = [
    ("lapas-banyuasin", 2023, "tahunan"),
    ("lapas-sungai-meranti", 2024, "semester-1"),
    ("rutan-tanjung-kemuning", 2023, "tahunan"),
]
BENIH = 20240607
MAKS_PER_JENIS = 10
SEMUA = os.environ.get("LKJIP_VARIAN_SEMUA") == "1"
OPSIONAL = ("evaluasi", "narasi", "lampiran", "klaim", "tanggapan")
WAJIB = ("profil", "kinerja", "anggaran")


# --------------------------------------------------------------------------- the report side
# The only place this test touches laporan/ and keluaran/: adapt it when the document model
# changes.


# charts drawn by the tests of this module, by (function, arguments): see grafik_sekali
_GRAFIK: dict[tuple[str, str], Any] = {}


@contextmanager
def grafik_sekali() -> Iterator[None]:
    """Draw each distinct chart once per test module: most variants (and the tests of the
    sample) leave a chart's inputs unchanged, and the charts are pure functions of their
    arguments."""
    from lkjip_helpers.laporan import grafik

    asli = {
        nama: fungsi
        for nama, fungsi in vars(grafik).items()
        if inspect.isfunction(fungsi)
        and not nama.startswith("_")
        and fungsi.__module__ == grafik.__name__
    }
    simpan = _GRAFIK

    def bungkus(nama: str, fungsi: Callable[..., Any]) -> Callable[..., Any]:
        def f(*args: Any, **kwargs: Any) -> Any:
            kunci = (nama, repr((args, sorted(kwargs.items()))))
            if kunci not in simpan:
                simpan[kunci] = fungsi(*args, **kwargs)
            return simpan[kunci]

        return f

    for nama, fungsi in asli.items():
        setattr(grafik, nama, bungkus(nama, fungsi))
    try:
        yield
    finally:
        for nama, fungsi in asli.items():
            setattr(grafik, nama, fungsi)


def render_semua_bagian(
    satker: str, tahun: int, data_dir: Path, periode: str, tmp: Path, excel: bool = False
) -> None:
    """Render every section of the report as the build does (raises on any failure): the HTML
    of every section, every table through the notebook JSON round trip and every cell as Excel
    receives it (``excel``: the whole workbook written, as the build does — slower), the
    capaian CSV and the review memo."""
    from lkjip_helpers.keluaran.csv import capaian_ikk_dataframe
    from lkjip_helpers.keluaran.tinjauan import html_tinjauan
    from lkjip_helpers.keluaran.xlsx import tulis_xlsx
    from lkjip_helpers.laporan import susun_dokumen
    from lkjip_helpers.laporan.model import Tabel
    from lkjip_helpers.muat import muat
    from lkjip_helpers.periksa import periksa_data

    dok = susun_dokumen(hasil_laporan(satker, tahun, data_dir, periode))
    for daftar in dok.bab.values():
        for bagian in daftar.values():
            bagian.html()
    tabel = [Tabel.dari_json(t.ke_json()) for t in dok.semua_tabel()]
    capaian_ikk_dataframe(satker, tahun, data_dir, periode)
    data = muat(satker, tahun, data_dir, periode)
    html_tinjauan(data, periksa_data(data))  # the review memo, the build's second document
    if excel:
        tulis_xlsx(tabel, tmp / "tabel.xlsx")
        return
    for t in tabel:
        for baris in t.baris_datar():
            for sel in baris:
                if sel is not None:
                    sel.nilai_excel()
                    sel.format_excel()


def periksa_seperti_cli(satker: str, tahun: int, data_dir: Path, periode: str) -> list:
    """The checks as `lkjip periksa` and the build run them (with the report's table keys)."""
    from lkjip_helpers.laporan import kunci_rujukan

    return periksa(satker, tahun, data_dir, periode, kunci_rujukan=kunci_rujukan)


def bangun_html(satker: str, tahun: int, data_dir: Path, out: Path, periode: str) -> Path:
    """A real build, HTML only; returns the report folder."""
    from lkjip_helpers.bangun.susun import build

    kw = {} if periode == "tahunan" else {"periode": periode}
    if kw and "periode" not in inspect.signature(build).parameters:
        pytest.skip("bangun.susun.build belum menerima periode (dikerjakan di cabang batch)")
    return Path(
        build(satker, tahun, data_dir, out, pdf=False, docx=False, progress=False, **kw).folder
    )


# --------------------------------------------------------------------------- variants


def _baca(path: Path) -> Any:
    return polos(yaml.load(path.read_text(encoding="utf-8"), Loader=_Pemuat))


def _tulis(path: Path, isi: Any) -> None:
    path.write_text(yaml.safe_dump(isi, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _daun_angka(x: Any, jalur: tuple = ()) -> Iterator[tuple]:
    if isinstance(x, dict):
        for k, v in x.items():
            yield from _daun_angka(v, (*jalur, k))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from _daun_angka(v, (*jalur, i))
    elif isinstance(x, int | float) and not isinstance(x, bool):
        yield jalur


def _daun_isian(x: Any, jalur: tuple = ()) -> Iterator[tuple]:
    """Paths of the strings holding a ``{{ … }}`` placeholder."""
    if isinstance(x, dict):
        for k, v in x.items():
            yield from _daun_isian(v, (*jalur, k))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from _daun_isian(v, (*jalur, i))
    elif isinstance(x, str) and "{{" in x:
        yield jalur


ISIAN_RUSAK: dict[str, Callable[[str], str]] = {
    # the first placeholder of the text, misspelt three ways
    "nama salah": lambda s: re.sub(r"\{\{ ?([a-z]+)\.", r"{{ \1x.", s, count=1),
    "bentuk salah": lambda s: re.sub(r"\s*\}\}", " | huruf }}", s, count=1),
    "rujukan salah": lambda s: re.sub(r"\{\{ ?tabel:", "{{ tabel:x-", s, count=1),
}


def _ubah(isi: Any, jalur: tuple, jenis: str) -> None:
    *induk, akhir = jalur
    wadah = isi
    for k in induk:
        wadah = wadah[k]
    if jenis == "hapus":
        del wadah[akhir]
    else:
        wadah[akhir] = {"nol": 0, "negatif": -1, "tidak_diketahui": "tidak diketahui"}[jenis]


Ubah = Callable[[Path], None]


def _berkas_satker(satker: str, tahun: int, periode: str) -> list[Path]:
    folder = DATA / "satker" / satker
    return sorted(
        [
            folder / "satker.yaml",
            *(folder / kunci_periode(tahun, periode)).glob("*.yaml"),
            *(folder / str(tahun - 1)).glob("*.yaml"),
        ]
    )


def varian(satker: str, tahun: int, periode: str) -> Iterator[tuple[str, Ubah]]:
    """(name, change) of every variant of one satker, deterministic."""
    folder = Path("satker") / satker
    ini, lalu = folder / kunci_periode(tahun, periode), folder / str(tahun - 1)

    def hapus(rel: Path) -> Ubah:
        def f(d: Path) -> None:
            p = d / rel
            shutil.rmtree(p) if p.is_dir() else p.unlink()

        return f

    for nama in (*OPSIONAL, *WAJIB):
        if (DATA / ini / f"{nama}.yaml").exists():
            yield f"tanpa {ini / nama}.yaml", hapus(ini / f"{nama}.yaml")
    if (DATA / lalu).is_dir():
        yield f"tanpa {lalu}/", hapus(lalu)
        for p in sorted((DATA / lalu).glob("*.yaml")):
            yield f"tanpa {lalu / p.name}", hapus(lalu / p.name)

    acak = random.Random(f"{BENIH}-{satker}")
    daun: dict[Path, list[tuple]] = {}
    for p in _berkas_satker(satker, tahun, periode):
        rel = p.relative_to(DATA)
        daun[rel] = list(_daun_angka(_baca(p)))
    for jenis in ("nol", "hapus", "tidak_diketahui", "negatif"):
        urutan = {rel: acak.sample(j, len(j)) for rel, j in daun.items()}
        dipilih: list[tuple[Path, tuple]] = []
        while any(urutan.values()) and (SEMUA or len(dipilih) < MAKS_PER_JENIS):
            for rel in sorted(urutan):
                if urutan[rel] and (SEMUA or len(dipilih) < MAKS_PER_JENIS):
                    dipilih.append((rel, urutan[rel].pop()))
        for rel, jalur in dipilih:

            def f(d: Path, rel: Path = rel, jalur: tuple = jalur, jenis: str = jenis) -> None:
                isi = _baca(d / rel)
                _ubah(isi, jalur, jenis)
                _tulis(d / rel, isi)

            yield f"{jenis} {rel}:{'.'.join(map(str, jalur))}", f

    # a narrative placeholder misspelt: the build would stop, so the checks must say so
    for rel in sorted(daun):
        if rel.parent.name != kunci_periode(tahun, periode) or rel.stem in ("klaim", "tanggapan"):
            continue
        tempat = list(_daun_isian(_baca(DATA / rel)))
        for jenis, rusak in ISIAN_RUSAK.items():
            for jalur in acak.sample(tempat, min(len(tempat), 2)):

                def g(
                    d: Path, rel: Path = rel, jalur: tuple = jalur, rusak: Callable = rusak
                ) -> None:
                    isi = _baca(d / rel)
                    *induk, akhir = jalur
                    wadah = isi
                    for k in induk:
                        wadah = wadah[k]
                    wadah[akhir] = rusak(wadah[akhir])
                    _tulis(d / rel, isi)

                yield f"isian {jenis} {rel}:{'.'.join(map(str, jalur))}", g

    # monthly data cut short: the last month, the first month, all but the first
    kinerja = DATA / ini / "kinerja.yaml"
    for i, ikk in enumerate(_baca(kinerja)["indikator"]):
        per = (ikk.get("realisasi") or {}).get("periode")
        if not per or len(per["data"]) < 2:
            continue
        for nama, potong in (
            ("tanpa bulan terakhir", lambda xs: xs[:-1]),
            ("tanpa bulan pertama", lambda xs: xs[1:]),
            ("hanya bulan pertama", lambda xs: xs[:1]),
        ):

            def f(d: Path, i: int = i, potong: Callable = potong) -> None:
                isi = _baca(d / ini / "kinerja.yaml")
                per = isi["indikator"][i]["realisasi"]["periode"]
                per["data"] = potong(per["data"])
                _tulis(d / ini / "kinerja.yaml", isi)

            yield f"{nama} {ikk['kode']}", f


def _teks_asli(nama: str) -> str:
    """The original text of an ``isian …`` variant."""
    rel, _, jalur = nama.split(" ", 3)[-1].partition(":")
    x = _baca(DATA / rel)
    for k in jalur.split("."):
        x = x[int(k)] if isinstance(x, list) else x[k]
    return str(x)


def _salin(satker: str, tujuan: Path) -> Path:
    shutil.copytree(DATA / "katalog", tujuan / "katalog")
    shutil.copytree(DATA / "satker" / satker, tujuan / "satker" / satker)
    return tujuan


def uji(
    satker: str, tahun: int, periode: str, data_dir: Path, tmp: Path, excel: bool = False
) -> str:
    """``ditolak`` (DataError), ``error`` (an error finding) or ``dirender``."""
    try:
        temuan = periksa_seperti_cli(satker, tahun, data_dir, periode)
    except DataError:
        return "ditolak"
    if any(t.tingkat == "error" for t in temuan):
        return "error"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render_semua_bagian(satker, tahun, data_dir, periode, tmp, excel)
    return "dirender"


@pytest.mark.e2e
@pytest.mark.parametrize(("satker", "tahun", "periode"), SAMPEL, ids=[s[0] for s in SAMPEL])
def test_check_is_a_superset_of_the_build_failures(
    satker: str, tahun: int, periode: str, tmp_path: Path
) -> None:
    hasil: dict[str, str] = {}
    gagal: list[str] = []
    with grafik_sekali():
        for i, (nama, ubah) in enumerate(varian(satker, tahun, periode)):
            d = _salin(satker, tmp_path / f"v{i}")
            ubah(d)
            try:
                hasil[nama] = uji(satker, tahun, periode, d, tmp_path / f"v{i}")
            except Exception:  # every escape is what this test looks for
                gagal.append(f"{nama}:\n{traceback.format_exc(limit=-4)}")
            shutil.rmtree(d)
    jumlah = Counter(hasil.values())
    print(f"{satker}: {len(hasil) + len(gagal)} varian, {dict(jumlah)}, {len(gagal)} gagal")
    assert not gagal, "\n\n".join(gagal)
    # the variants are not vacuous: optional files may go (the report renders, or the checks
    # say why not: the sample's tanggapan.yaml answers a finding of evaluasi.yaml), required
    # ones may not
    ini = Path("satker") / satker / kunci_periode(tahun, periode)
    for nama in OPSIONAL:
        if (DATA / ini / f"{nama}.yaml").exists():
            harus = ("dirender",) if nama in ("narasi", "tanggapan") else ("dirender", "error")
            assert hasil[f"tanpa {ini / nama}.yaml"] in harus, nama
    for nama in WAJIB:
        assert hasil[f"tanpa {ini / nama}.yaml"] == "ditolak", nama
    assert hasil[f"tanpa satker/{satker}/{tahun - 1}/"] == "dirender"
    assert jumlah["dirender"] >= 10 and jumlah["ditolak"] >= 5
    # a misspelt placeholder is an error of the checks (when the text had one to misspell)
    isian = {n: h for n, h in hasil.items() if n.startswith("isian ")}
    assert isian or satker != "lapas-banyuasin", "no narrative placeholder to misspell"
    for nama, h in isian.items():
        jenis = " ".join(nama.split(" ", 3)[1:3])
        teks = _teks_asli(nama)
        if ISIAN_RUSAK[jenis](teks) != teks:
            assert h == "error", nama


def test_zero_capacity_and_occupants_are_refused(tmp_path: Path) -> None:
    # the variant that crashed a chart (issue 7): now refused with a message before any chart
    d = _salin("lapas-banyuasin", tmp_path / "d")
    p = d / "satker/lapas-banyuasin/2023/profil.yaml"
    isi = _baca(p)
    isi["kapasitas"], isi["penghuni"] = 0, 0
    _tulis(p, isi)
    assert uji("lapas-banyuasin", 2023, "tahunan", d, tmp_path) == "ditolak"


def test_without_narrative_every_section_renders(tmp_path: Path) -> None:
    # the variant that failed every chapter with KeyError "narasi 'latar_belakang'" (issue 7)
    d = _salin("lapas-banyuasin", tmp_path / "d")
    (d / "satker/lapas-banyuasin/2023/narasi.yaml").unlink()
    with grafik_sekali():
        assert uji("lapas-banyuasin", 2023, "tahunan", d, tmp_path) == "dirender"


@pytest.mark.parametrize("komponen", ["ikpa.revisi_dipa", "smart.capaian_ro"])
def test_unknown_score_component_every_section_renders(komponen: str, tmp_path: Path) -> None:
    # found by LKJIP_VARIAN_SEMUA=1: the sample's narrative cites {{ tabel:nilai-kinerja-anggaran }}
    # and {{ nka.nilai }}; with a component unknown the scores are not recomputed, the names and
    # the table stay (as "data tidak tersedia")
    d = _salin("lapas-banyuasin", tmp_path / "d")
    p = d / "satker/lapas-banyuasin/2023/evaluasi.yaml"
    isi = _baca(p)
    bagian, nama = komponen.split(".")
    isi[bagian][nama] = "tidak diketahui"
    _tulis(p, isi)
    with grafik_sekali():
        assert uji("lapas-banyuasin", 2023, "tahunan", d, tmp_path) in ("dirender", "error")
        render_semua_bagian("lapas-banyuasin", 2023, d, "tahunan", tmp_path)


# --------------------------------------------------------------------------- real builds


BANGUN = [
    ("lapas-banyuasin", 2023, "tahunan", ("narasi", "lampiran", "klaim")),
    ("rutan-tanjung-kemuning", 2023, "tahunan", ("evaluasi",)),
    ("lapas-sungai-meranti", 2024, "semester-1", ()),
]


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("satker", "tahun", "periode", "tanpa"), BANGUN, ids=[b[0] for b in BANGUN]
)
def test_variants_build_for_real(
    satker: str, tahun: int, periode: str, tanpa: tuple[str, ...], tmp_path: Path
) -> None:
    d = _salin(satker, tmp_path / "data")
    for nama in tanpa:
        (d / "satker" / satker / kunci_periode(tahun, periode) / f"{nama}.yaml").unlink()
    with grafik_sekali():
        assert uji(satker, tahun, periode, d, tmp_path, excel=True) == "dirender"
    folder = bangun_html(satker, tahun, d, tmp_path / "out", periode)
    assert (folder / "laporan.html").is_file()
    assert folder.name == kunci_periode(tahun, periode)
