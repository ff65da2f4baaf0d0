"""Reuse inside a build: after editing one narrative only its chapter runs again and only the
report's PDF is printed again; an unchanged PDF is copied, not re-rendered."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from lkjip_helpers.bangun.pakai_ulang import bab_notebook
from lkjip_helpers.bangun.susun import build

ROOT = Path(__file__).parents[1]


def _awali_latar_belakang(data: Path, kalimat: str) -> str:
    """Put ``kalimat`` before the sample's Latar Belakang narrative (as an analyst edits
    narasi.yaml); returns the file's text as it was."""
    narasi = data / "satker/lapas-banyuasin/2023/narasi.yaml"
    teks = narasi.read_text(encoding="utf-8")
    baru = teks.replace("latar_belakang: |-\n", f"latar_belakang: |-\n  {kalimat}\n\n", 1)
    narasi.write_text(baru, encoding="utf-8")
    return teks


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_bab_notebook_dibaca_dari_panggilan_laporan() -> None:
    nb = ROOT / "notebooks"
    assert bab_notebook(nb / "04_bab3_akuntabilitas_kinerja.ipynb") == 3
    assert bab_notebook(nb / "01_ikhtisar_eksekutif.ipynb") == "E"
    assert bab_notebook(ROOT / "tests" / "fixtures" / "notebooks" / "01_pembuka.ipynb") is None


def test_bab_notebook_dari_kode_bukan_dari_teks(tmp_path: Path) -> None:
    """Only a real ``Laporan(..., bab=…)`` call in a code cell names the chapter: not one in a
    markdown cell, a comment or a string, and a cell with an IPython magic is skipped."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("Contoh: `Laporan(satker, tahun, bab=9)`"),
        nbformat.v4.new_code_cell("%matplotlib inline\nlap = Laporan(s, t, bab=7)"),
        nbformat.v4.new_code_cell("# lap = Laporan(s, t, bab=8)\nx = 'Laporan(bab=6)'"),
    ]
    path = tmp_path / "bab.ipynb"
    nbformat.write(nb, path)
    assert bab_notebook(path) is None
    nb.cells.append(nbformat.v4.new_code_cell('lap = lkjip.Laporan(s, t, periode=p, bab="L")'))
    nbformat.write(nb, path)
    assert bab_notebook(path) == "L"
    path.write_text("{ rusak", encoding="utf-8")
    assert bab_notebook(path) is None


@pytest.mark.e2e
def test_hanya_bab_yang_berubah_dijalankan_ulang(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "outputs"
    shutil.copytree(ROOT / "data", data)
    pertama = build("lapas-banyuasin", 2023, data, out, progress=False, docx=False)
    pdf_lama, memo_lama = _sha(pertama.pdf), _sha(pertama.folder / "tinjauan.pdf")
    xlsx_lama = _sha(pertama.folder / "tabel.xlsx")
    narasi = data / "satker/lapas-banyuasin/2023/narasi.yaml"
    teks = _awali_latar_belakang(data, "Kalimat pembuka baru.")
    kedua = build("lapas-banyuasin", 2023, data, out, progress=False, docx=False)
    jalan = {k.split(":", 1)[1] for k, v in kedua.durasi.items() if k.startswith("notebook:") and v}
    assert jalan == {"02_bab1_pendahuluan.ipynb"}  # Bab I holds latar_belakang
    assert "Kalimat pembuka baru." in kedua.html.read_text(encoding="utf-8")
    pdf_kedua = _sha(kedua.pdf)
    assert pdf_kedua != pdf_lama  # the report's HTML changed: printed again
    assert _sha(kedua.folder / "tinjauan.pdf") == memo_lama  # the memo did not: copied
    rekam = json.loads(kedua.build_json.read_text(encoding="utf-8"))
    assert set(rekam["notebook_keys"]) == {p.name for p in kedua.notebooks}
    assert set(rekam["pdf_keys"]) == {"laporan.pdf", "tinjauan.pdf"}
    assert rekam["reused"] == {
        "notebooks": [p.name for p in kedua.notebooks if p.name != "02_bab1_pendahuluan.ipynb"],
        "pdf": ["tinjauan.pdf"],
        "docx": [],
        "xlsx": ["tabel.xlsx"],  # an edited narrative changes no table
    }
    assert rekam["xlsx_key"] and _sha(kedua.folder / "tabel.xlsx") == xlsx_lama
    # --paksa reuses nothing: every chapter runs again
    ketiga = build(
        "lapas-banyuasin", 2023, data, out, progress=False, docx=False, pdf=False, paksa=True
    )
    jalan = [k for k, v in ketiga.durasi.items() if k.startswith("notebook:") and v]
    assert len(jalan) == len(ketiga.notebooks)
    # an HTML-only build (preview, --tanpa-pdf) keeps the PDFs it did not print: current when
    # what they print did not change ...
    assert _sha(ketiga.folder / "laporan.pdf") == pdf_kedua
    assert _sha(ketiga.folder / "tinjauan.pdf") == memo_lama
    rekam = json.loads(ketiga.build_json.read_text(encoding="utf-8"))
    assert rekam["pdf_stale"] == [] and ketiga.pdf_usang == []
    # ... marked stale when the report changed since (the memo did not)
    narasi.write_text(teks.replace("latar_belakang: |-\n", "latar_belakang: |-\n  Lain.\n\n", 1))
    keempat = build("lapas-banyuasin", 2023, data, out, progress=False, docx=False, pdf=False)
    assert _sha(keempat.folder / "laporan.pdf") == pdf_kedua
    assert keempat.pdf_usang == ["laporan.pdf"]
    from lkjip_helpers.bangun.indeks import tulis_indeks

    indeks = tulis_indeks(out).read_text(encoding="utf-8")
    assert "PDF (usang: dari build sebelumnya, belum dicetak ulang)" in indeks
    assert "Tinjauan (PDF)</a>" in indeks  # the memo's PDF is current
    # the next full build prints the stale PDF again and copies the current one
    kelima = build("lapas-banyuasin", 2023, data, out, progress=False, docx=False)
    assert _sha(kelima.pdf) != pdf_kedua and kelima.pdf_usang == []
    rekam = json.loads(kelima.build_json.read_text(encoding="utf-8"))
    assert rekam["reused"]["pdf"] == ["tinjauan.pdf"]


@pytest.mark.e2e
def test_tanpa_bab_dijalankan_tanpa_kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build whose chapters are all reused launches no kernel; one that runs a chapter
    does (and launches it before the data checks, to overlap them)."""
    from lkjip_helpers.bangun import kernel

    diluncurkan: list[Path] = []
    asli = kernel.KernelBersama._luncurkan

    def luncurkan(self: kernel.KernelBersama) -> None:
        diluncurkan.append(self.cwd)
        asli(self)

    monkeypatch.setattr(kernel.KernelBersama, "_luncurkan", luncurkan)
    data, out = tmp_path / "data", tmp_path / "outputs"
    shutil.copytree(ROOT / "data", data)
    pertama = build("lapas-banyuasin", 2023, data, out, progress=False, docx=False, pdf=False)
    assert len(diluncurkan) == 1
    html = pertama.html.read_bytes()
    # another parameter (the whole-report cache misses) with the same chapters: none runs
    kedua = build(
        "lapas-banyuasin", 2023, data, out, progress=False, docx=False, pdf=False,
        abaikan_pemeriksaan=True,
    )  # fmt: skip
    assert not kedua.dipakai_ulang and len(diluncurkan) == 1
    rekam = json.loads(kedua.build_json.read_text(encoding="utf-8"))
    assert rekam["reused"]["notebooks"] == [p.name for p in kedua.notebooks]
    assert kedua.html.read_bytes() == html
    # one narrative edited: its chapter runs, in a kernel
    _awali_latar_belakang(data, "Baru.")
    ketiga = build("lapas-banyuasin", 2023, data, out, progress=False, docx=False, pdf=False)
    assert len(diluncurkan) == 2 and "Baru." in ketiga.html.read_text(encoding="utf-8")


def test_weasyprint_hanya_diimpor_bila_pdf_akan_dicetak(monkeypatch: pytest.MonkeyPatch) -> None:
    # Importing WeasyPrint runs find_library many times; a re-build whose PDFs will be
    # reused (nothing reaching them changed) leaves it alone, and checks the libraries only
    # if it prints after all (_pdf_laporan).
    from types import SimpleNamespace

    from lkjip_helpers.bangun import susun

    lama = {"notebook_keys": {"a.ipynb": "1", "b.ipynb": "2"}, "pdf_keys": {"laporan.pdf": "x"}}
    pu = SimpleNamespace(memo_tertunda=[], kunci_nb={"a.ipynb": "1", "b.ipynb": "2"})
    assert susun._akan_mencetak(pu, lama) is False  # type: ignore[arg-type]
    assert susun._akan_mencetak(
        SimpleNamespace(memo_tertunda=[object()], kunci_nb=pu.kunci_nb), lama
    )  # type: ignore[arg-type]  # the memo is printed
    berubah = SimpleNamespace(memo_tertunda=[], kunci_nb={"a.ipynb": "1", "b.ipynb": "3"})
    assert susun._akan_mencetak(berubah, lama)  # type: ignore[arg-type]
    assert susun._akan_mencetak(pu, {**lama, "pdf_keys": {}})  # type: ignore[arg-type]

    def tidak_boleh() -> None:
        raise AssertionError("WeasyPrint diimpor")

    monkeypatch.setattr("lkjip_helpers.keluaran.pdf._impor_weasyprint", tidak_boleh)
    assert susun._impor_ekspor(True, False) == susun.PDF_BELUM_DIPERIKSA
    assert susun._impor_ekspor(False, False) is None


def test_openpyxl_hanya_diimpor_bila_xlsx_akan_ditulis(tmp_path: Path) -> None:
    # a re-build whose previous report has a tabel.xlsx (keyed) will likely copy it (an
    # edited narrative changes no table): openpyxl (≈ 0,2 s) is not imported ahead then
    import subprocess
    import sys
    from types import SimpleNamespace

    from lkjip_helpers.bangun import susun

    k = SimpleNamespace(sidik=object(), final=tmp_path)
    assert susun._akan_menulis_xlsx(k, {"xlsx_key": "x"})  # type: ignore[arg-type]  # no file
    (tmp_path / "tabel.xlsx").write_bytes(b"PK")
    assert not susun._akan_menulis_xlsx(k, {"xlsx_key": "x"})  # type: ignore[arg-type]
    assert susun._akan_menulis_xlsx(k, {})  # type: ignore[arg-type]  # no key recorded
    tanpa_sidik = SimpleNamespace(sidik=None, final=tmp_path)
    assert susun._akan_menulis_xlsx(tanpa_sidik, {"xlsx_key": "x"})  # type: ignore[arg-type]
    kode = (
        "import sys\n"
        "from lkjip_helpers.bangun import susun\n"
        "susun._impor_ekspor(False, False, {})\n"
        "print('openpyxl' in sys.modules, 'lkjip_helpers.keluaran.html' in sys.modules)\n"
    )
    for tulis, harap in ((False, "False True"), (True, "True True")):
        hasil = subprocess.run(
            [sys.executable, "-c", kode.format(tulis)], capture_output=True, text=True,
            timeout=120, check=True,
        )  # fmt: skip
        assert hasil.stdout.strip() == harap


def _teks_docx(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _media(docx: Path) -> list[bytes]:
    import zipfile

    with zipfile.ZipFile(docx) as z:
        return sorted(z.read(n) for n in z.namelist() if n.startswith("word/media/"))


@pytest.mark.e2e
def test_docx_grafik_dari_tembolok_dan_docx_disalin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chart is drawn once, by its chapter: laporan.docx takes the 8 charts the chapters
    drew (the build process draws none) and the build keeps them
    (outputs/.grafik/<satker>/<period>/); after an edited narrative laporan.docx is written
    again with the same pictures, none drawn here, and the memo's DOCX, which the narrative
    does not reach, is copied; after an answer to a finding, which only the memo shows,
    laporan.docx is copied and tinjauan.docx written again (reused.docx)."""
    from lkjip_helpers.laporan import grafik

    digambar: list[str] = []
    asli = grafik._png
    monkeypatch.setattr(grafik, "_png", lambda fig: digambar.append("x") or asli(fig))
    data, out = tmp_path / "data", tmp_path / "outputs"
    shutil.copytree(ROOT / "data", data)
    pertama = build("lapas-banyuasin", 2023, data, out, progress=False, pdf=False)
    assert digambar == []  # in this process: the chapters drew them, in the kernel
    media = _media(pertama.folder / "laporan.docx")
    tembolok = sorted((out / ".grafik" / "lapas-banyuasin" / "2023").iterdir())
    assert len(media) == 8
    assert sorted(p.read_bytes() for p in tembolok) == media
    pertama_memo = tmp_path / "tinjauan-pertama.docx"
    shutil.copy2(pertama.folder / "tinjauan.docx", pertama_memo)

    _awali_latar_belakang(data, "Kalimat pembuka baru.")
    kedua = build("lapas-banyuasin", 2023, data, out, progress=False, pdf=False)
    assert digambar == []
    assert _media(kedua.folder / "laporan.docx") == media
    rekam = json.loads(kedua.build_json.read_text(encoding="utf-8"))
    assert rekam["reused"]["docx"] == ["tinjauan.docx"]
    assert set(rekam["docx_keys"]) == {"laporan.docx", "tinjauan.docx"}
    assert _sha(kedua.folder / "tinjauan.docx") == _sha(pertama_memo)
    docx_kedua = _sha(kedua.folder / "laporan.docx")

    tanggapan = data / "satker/lapas-banyuasin/2023/tanggapan.yaml"
    isi = tanggapan.read_text(encoding="utf-8")
    tanggapan.write_text(isi.replace("IKPA adalah pagu", "IKPA ialah pagu", 1), encoding="utf-8")
    ketiga = build("lapas-banyuasin", 2023, data, out, progress=False, pdf=False)
    assert "IKPA ialah pagu" in (ketiga.folder / "tinjauan.html").read_text(encoding="utf-8")
    rekam = json.loads(ketiga.build_json.read_text(encoding="utf-8"))
    assert rekam["reused"]["docx"] == ["laporan.docx"]
    assert _sha(ketiga.folder / "laporan.docx") == docx_kedua
    memo = _teks_docx(ketiga.folder / "tinjauan.docx")
    assert "IKPA ialah pagu" in memo and "IKPA adalah pagu" not in memo


def test_kunci_xlsx_dari_tabel_judul_dan_kode(tmp_path: Path) -> None:
    """tabel.xlsx is copied only when the tables it holds, the title and the code that
    writes it are those of the previous report."""
    from types import SimpleNamespace

    from lkjip_helpers.bangun.pakai_ulang import kunci_xlsx, salin_xlsx
    from lkjip_helpers.laporan import model as m

    def tabel(nilai: str) -> list[m.Tabel]:
        return [m.Tabel.buat("uji", "Tabel uji", ["Kolom"], [[nilai]])]

    sidik = SimpleNamespace(berkas={"kode/lkjip_helpers/x.py": "1", "data/x.yaml": "2"})
    kunci = kunci_xlsx(tabel("1"), "LKjIP 2023", sidik)
    assert kunci == kunci_xlsx(tabel("1"), "LKjIP 2023", sidik)
    baru = SimpleNamespace(berkas={"kode/lkjip_helpers/x.py": "3", "data/x.yaml": "2"})
    assert kunci != kunci_xlsx(tabel("1"), "LKjIP 2023", baru)  # the writer's code changed
    assert kunci != kunci_xlsx(tabel("2"), "LKjIP 2023", sidik)
    assert kunci != kunci_xlsx(tabel("1"), "LKjIP 2024", sidik)
    lama = tmp_path / "lama"
    lama.mkdir()
    (lama / "tabel.xlsx").write_bytes(b"xlsx lama")
    tujuan = tmp_path / "tabel.xlsx"
    assert not salin_xlsx(lama, {"xlsx_key": "lain"}, kunci, tujuan) and not tujuan.exists()
    assert salin_xlsx(lama, {"xlsx_key": kunci}, kunci, tujuan)
    assert tujuan.read_bytes() == b"xlsx lama"
