"""CSV companions and the analyst DataFrames: what Excel users and analysts read back; the
PDF library's import."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from lkjip_helpers.keluaran.csv import baris_capaian_ikk, tulis_csv_ikk
from lkjip_helpers.laporan import Laporan

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def csv_ikk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("csv")
    return tulis_csv_ikk(baris_capaian_ikk("lapas-banyuasin", 2023, DATA), folder)


def test_csv_mesin_dibaca_apa_adanya(csv_ikk: tuple[Path, Path]) -> None:
    mesin, _ = csv_ikk
    assert not mesin.read_bytes().startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(mesin)
    assert list(df.columns[:4]) == ["sasaran", "nama_sasaran", "kode", "indikator"]
    sk11 = df[df["kode"] == "SK1.1"].iloc[0]
    # 1435 / 1177 × 100 = 121,9201… → 121,92; 121,9201 / 80 × 100 = 152,4002 → 152,40
    assert sk11["realisasi"] == 121.92 and sk11["capaian"] == 152.4
    assert len(df) == 26


def test_csv_excel_lokal_indonesia(csv_ikk: tuple[Path, Path]) -> None:
    _, excel = csv_ikk
    mentah = excel.read_bytes()
    assert mentah.startswith(b"\xef\xbb\xbf") and b";" in mentah.splitlines()[0]
    assert b"121,92" in mentah  # decimal comma in the file itself
    df = pd.read_csv(excel, sep=";", decimal=",", encoding="utf-8-sig")
    sk26 = df[df["kode"] == "SK2.6"].iloc[0]
    # 40 / 977 × 100 = 4,0942 → 4,09 ; 4,0942 / 31 × 100 = 13,2070 → 13,21
    assert sk26["realisasi"] == 4.09 and sk26["capaian"] == 13.21
    assert sk26["status"] == "Tidak tercapai"


def test_csv_teks_berawalan_rumus_dinetralkan(tmp_path: Path) -> None:
    from lkjip_helpers.keluaran.csv import _aman

    baris = [{"kode": "SK1.1", "indikator": _aman('=HYPERLINK("http://x")'), "target": -1.5}]
    mesin, excel = tulis_csv_ikk(baris, tmp_path)
    assert "'=HYPERLINK" in mesin.read_text(encoding="utf-8")
    df = pd.read_csv(excel, sep=";", decimal=",")
    assert df["indikator"][0].startswith("'=") and df["target"][0] == -1.5


def test_api_analis_dataframe() -> None:
    lap = Laporan("lapas-banyuasin", 2023, DATA)
    ikk = lap.tabel_ikk()
    assert ikk.index.name == "kode" and list(ikk.index[:2]) == ["SK1.1", "SK1.2"]
    assert ikk.loc["SK1.1", "capaian"] == pytest.approx(152.400170, abs=1e-6)
    satu = lap.data_ikk("SK2.6")
    assert satu.iloc[-1]["pembilang"] == 40 and satu.iloc[-1]["penyebut"] == 977
    ang = lap.tabel_anggaran().set_index(["tahun", "rincian", "kunci"])
    # SK4 2023: realisasi 6.118.641.109 of pagu 6.109.858.000 → 100,1438% (over the pagu)
    assert ang.loc[(2023, "sasaran", "SK4"), "penyerapan"] == pytest.approx(100.14375, abs=1e-5)
    assert ang.loc[(2023, "total", "total"), "pagu"] == 16466041000
    temuan = lap.tabel_temuan()
    assert {"tingkat", "kode", "lokasi", "pesan"} <= set(temuan.columns)
    assert (temuan["kode"] == "RASIO_DI_ATAS_100").any()


def _python(kode: str) -> str:
    """What ``kode`` prints in a fresh interpreter (a first import of WeasyPrint, on Linux:
    its libraries opened by soname)."""
    import subprocess

    pytest.importorskip("weasyprint")
    if not sys.platform.startswith("linux"):
        pytest.skip("the soname path is Linux's")

    hasil = subprocess.run(
        [sys.executable, "-c", kode], capture_output=True, text=True, timeout=120, check=False
    )
    assert hasil.returncode == 0, hasil.stderr
    return hasil.stdout.strip()


def test_impor_weasyprint_tanpa_find_library() -> None:
    # WeasyPrint's libraries are opened by their sonames: no find_library run (each one ran
    # ldconfig, gcc and ld) for the importing thread
    kode = (
        "import ctypes.util, sys\n"
        "panggil = []\n"
        "asli = ctypes.util.find_library\n"
        "ctypes.util.find_library = lambda n: panggil.append(n) or asli(n)\n"
        "from lkjip_helpers.keluaran.pdf import _impor_weasyprint\n"
        "w = _impor_weasyprint()\n"
        "print(w.__name__, len(panggil), ctypes.util.find_library('c') is not None)\n"
    )
    # imported; find_library not called during the import, given back after it
    assert _python(kode) == "weasyprint 0 True"


def test_impor_weasyprint_diulang_dengan_find_library_asli() -> None:
    # where the sonames fail, the import is tried again with the real find_library
    kode = (
        "import ctypes.util, importlib.abc, sys\n"
        "coba = []\n"
        "class Gagal(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, nama, path, target=None):\n"
        "        if nama == 'weasyprint':\n"
        "            coba.append(ctypes.util.find_library('c') is None)\n"
        "            if coba[-1]:\n"
        "                raise OSError(\"cannot load library 'libpango-1.0.so.0'\")\n"
        "        return None\n"
        "sys.meta_path.insert(0, Gagal())\n"
        "from lkjip_helpers.keluaran.pdf import _impor_weasyprint\n"
        "print(_impor_weasyprint().__name__, coba)\n"
    )
    assert _python(kode) == "weasyprint [True, False]"


def test_tanpa_find_library_hanya_untuk_thread_ini() -> None:
    import ctypes.util
    import threading

    from lkjip_helpers.keluaran.pdf import _tanpa_find_library

    asli = ctypes.util.find_library
    lain: list[str | None] = []
    with _tanpa_find_library():
        assert ctypes.util.find_library("c") is None
        diambil = ctypes.util.find_library  # a reference taken meanwhile
        t = threading.Thread(target=lambda: lain.append(ctypes.util.find_library("c")))
        t.start()
        t.join()
    assert ctypes.util.find_library is asli
    assert diambil("c") == asli("c")  # answers as the real one once the block ended
    assert lain == [asli("c")] and lain[0] is not None
