"""The analyst's and batch operator's surprises of issue 16: scratch notebooks, the cache key,
errors in Lab, the units of capaian."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkjip_helpers.bangun.bab import daftar_bab, notebook_lain, peringatkan_notebook_lain
from lkjip_helpers.errors import BuildError

AKAR = Path(__file__).parents[1]
FIXTURE_NB = Path(__file__).parent / "fixtures" / "notebooks"


def test_bab_yaml_mendaftar_semua_notebook_bab_repo() -> None:
    nama = [p.name for p in daftar_bab(AKAR / "notebooks")]
    assert nama == sorted(p.name for p in (AKAR / "notebooks").glob("*.ipynb"))
    assert len(nama) == 7 and nama[0] == "00_pengantar.ipynb" and nama[-1] == "06_lampiran.ipynb"


def test_notebook_coretan_tidak_dibangun_dan_disebut_sekali(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nb = tmp_path / "notebooks"
    shutil.copytree(FIXTURE_NB, nb)
    (nb / "bab.yaml").write_text("bab:\n  - 02_bab_satu.ipynb\n  - 01_pembuka.ipynb\n")
    shutil.copy(nb / "01_pembuka.ipynb", nb / "Untitled.ipynb")
    bab = daftar_bab(nb)
    assert [p.name for p in bab] == ["02_bab_satu.ipynb", "01_pembuka.ipynb"]  # listed order
    # 03_bab_dua is not listed either; _draf is a draft by convention and is not named
    assert notebook_lain(nb, bab) == ["03_bab_dua.ipynb", "Untitled.ipynb"]
    peringatkan_notebook_lain(nb, bab)
    err = capsys.readouterr().err
    assert err == (
        "Peringatan: 03_bab_dua.ipynb, Untitled.ipynb di notebooks/ bukan notebook bab "
        "(tidak ada di bab.yaml) dan tidak dibangun.\n"
    )


def test_folder_tanpa_bab_yaml_menjalankan_semua_kecuali_draf() -> None:
    assert [p.name for p in daftar_bab(FIXTURE_NB)] == [
        "01_pembuka.ipynb", "02_bab_satu.ipynb", "03_bab_dua.ipynb",
    ]  # fmt: skip


def test_bab_yaml_menyebut_notebook_yang_tidak_ada(tmp_path: Path) -> None:
    (tmp_path / "bab.yaml").write_text("bab:\n  - 00_pengantr.ipynb\n")
    with pytest.raises(BuildError, match=r"tidak ada di .*: 00_pengantr\.ipynb"):
        daftar_bab(tmp_path)
    (tmp_path / "bab.yaml").write_text("- 00_pengantar.ipynb\n")
    with pytest.raises(BuildError, match="field 'bab'"):
        daftar_bab(tmp_path)


def _dijalankan_di_lab(nb: dict) -> dict:
    """What Lab's autosave writes after Run All: outputs, counts, language_info, timings."""
    import copy

    nb = copy.deepcopy(nb)
    nb["metadata"]["language_info"] = {"name": "python", "version": "3.11.9"}
    for i, c in enumerate(nb["cells"], start=1):
        if c["cell_type"] == "code":
            c["execution_count"] = i + 40
            c["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "x\n"}]
            c["metadata"]["execution"] = {"iopub.status.idle": "2026-12-06T10:00:00Z"}
            c["metadata"]["scrolled"] = True
    return nb


def test_sidik_notebook_abaikan_keluaran_lab(tmp_path: Path) -> None:
    """Running a chapter in Lab (outputs, counts autosaved) keeps the build cache; editing a
    cell's source, its tags or the kernel changes it."""
    import json

    from lkjip_helpers.bangun.pakai_ulang import kunci_bab
    from lkjip_helpers.bangun.sidik import sidik_notebook

    asli = json.loads((AKAR / "notebooks" / "05_bab4_penutup.ipynb").read_text())
    path = tmp_path / "05_bab4_penutup.ipynb"

    def sidik(nb: dict) -> tuple[str, str]:
        path.write_text(json.dumps(nb, indent=1))

        class Dok:  # the chapter's displayed content: unchanged throughout
            @staticmethod
            def sidik_bab(bab: object) -> str:
                return "isi-bab-4"

        bab = kunci_bab([path], Dok(), None, {"satker": "x"})[path.name]
        return sidik_notebook([path], tmp_path)[f"notebook/{path.name}"], bab

    awal = sidik(asli)
    assert sidik(_dijalankan_di_lab(asli)) == awal
    ubah = json.loads(json.dumps(asli))
    ubah["cells"][-1]["source"] = "lap.saran()\n"
    assert sidik(ubah)[0] != awal[0] and sidik(ubah)[1] != awal[1]
    ubah = json.loads(json.dumps(asli))
    ubah["cells"][2]["metadata"]["tags"] = ["parameters"]
    assert sidik(ubah)[0] != awal[0]
    ubah = json.loads(json.dumps(asli))
    ubah["metadata"]["kernelspec"]["name"] = "python3-lain"
    assert sidik(ubah)[0] != awal[0]


def test_sidik_font_hanya_keluarga_laporan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Installing an unrelated font package leaves the key alone; a family the report names
    (CSS stacks, emoji fallback) changes it."""
    import subprocess

    from lkjip_helpers.bangun import sidik

    berkas = {n: tmp_path / n for n in ("LiberationSans.ttf", "Komik.ttf", "Emoji.ttf", "Arab.ttf")}
    for p in berkas.values():
        p.write_bytes(b"font")
    daftar = [f"Liberation Sans|{berkas['LiberationSans.ttf']}"]

    def fc_list(*args: object, **kw: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess([], 0, "".join(b + "\n" for b in daftar), "")

    monkeypatch.setattr("shutil.which", lambda nama: "/usr/bin/fc-list")
    monkeypatch.setattr(subprocess, "run", fc_list)
    monkeypatch.setattr(sidik, "_FONT_UMUR", -1.0)  # no reuse: each call asks fc-list
    # the process's cached font list is put back afterwards: a build later in this process
    # (within the minute the cache lives) must not fingerprint these stand-in fonts
    monkeypatch.setattr(sidik, "_FONT_TERSIMPAN", None)
    awal = sidik._font()
    assert awal == [
        f"{berkas['LiberationSans.ttf']}|4|{berkas['LiberationSans.ttf'].stat().st_mtime_ns}"
    ]
    daftar.append(f"Komika Display,Komika Display Regular|{berkas['Komik.ttf']}")
    assert sidik._font() == awal  # fonts-komika installed: no report rebuilt
    daftar.append(f"Noto Color Emoji|{berkas['Emoji.ttf']}")
    emoji = sidik._font()
    assert emoji != awal  # the PDF's emoji fallback changed
    daftar.append(f"Noto Sans Arabic,Noto Sans Arabic UI|{berkas['Arab.ttf']}")
    assert sidik._font() != emoji  # names in Arabic script print with it (Noto Sans is named)


def test_semua_hanya_folder_dengan_data_laporan() -> None:
    """lapas-sungai-meranti/2023 holds only last year's values of its 2024 semester report
    (anggaran.yaml, kinerja.yaml, no profil.yaml): `--satker semua --tahun 2023` skips it."""
    from lkjip_helpers.bangun.manifest import rencana_cli

    rencana = rencana_cli(["semua"], ["2023"], data_dir=AKAR / "data", out_dir=AKAR / "outputs")
    assert [t.satker for t in rencana.tugas] == ["lapas-banyuasin", "rutan-tanjung-kemuning"]
    rencana = rencana_cli(["semua"], ["2024"], ["semester-1"], data_dir=AKAR / "data")
    assert [t.satker for t in rencana.tugas] == ["lapas-sungai-meranti"]


def test_waktu_untuk_pengguna_dalam_wib(tmp_path: Path) -> None:
    """build.json keeps UTC; the index shows WIB (UTC+7): 20.05 UTC on 30 December is 03.05
    WIB on the 31st."""
    import json

    from lkjip_helpers.bangun.indeks import render_indeks
    from lkjip_helpers.format_id import waktu_wib

    assert waktu_wib("2023-12-30T20:05:00+00:00") == "31 Desember 2023 03.05 WIB"
    assert waktu_wib("2023-12-30T20:05:00") == "31 Desember 2023 03.05 WIB"  # naive: UTC
    assert waktu_wib("bukan waktu") == "bukan waktu"
    folder = tmp_path / "lapas-uji" / "2023"
    folder.mkdir(parents=True)
    rekam = {"utc_time": "2023-12-30T20:05:00+00:00", "satker_name": "Lapas Uji"}
    (folder / "build.json").write_text(json.dumps(rekam), encoding="utf-8")
    html = render_indeks(tmp_path)
    assert "<td>31 Desember 2023 03.05 WIB</td>" in html and "UTC" not in html


def test_sajikan_satu_baris_indonesia_per_permintaan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`lkjip pratinjau --sajikan` logs one Indonesian line per request, no English
    access-log line (``"GET / HTTP/1.1" 200 -``, ``code 404, message File not found``)."""
    import http.server
    import re
    import threading
    import urllib.error
    import urllib.request

    from lkjip_helpers.bangun.saji import penangan

    (tmp_path / "laporan.html").write_text("<p>ok</p>", encoding="utf-8")
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), penangan(tmp_path)) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}"
        assert urllib.request.urlopen(f"{url}/laporan.html").read() == b"<p>ok</p>"
        with pytest.raises(urllib.error.HTTPError) as galat:
            urllib.request.urlopen(f"{url}/tidak%20ada.pdf")
        assert "<h1>404: tidak ditemukan</h1>" in galat.value.read().decode("utf-8")
        server.shutdown()
    baris = capsys.readouterr().err.splitlines()
    assert len(baris) == 2, baris
    assert re.fullmatch(r"\d\d\.\d\d\.\d\d WIB  GET /laporan\.html → 200 terkirim", baris[0])
    assert re.fullmatch(
        r"\d\d\.\d\d\.\d\d WIB  GET /tidak ada\.pdf → 404 tidak ditemukan", baris[1]
    )


@pytest.mark.e2e
def test_batch_menyebut_notebook_coretan_sekali(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A batch over two reports names Lab's Untitled.ipynb once, in its own output (not once
    per worker), and builds only the declared chapters."""
    import io

    from bantu_batch import folder_notebook, salin_data

    from lkjip_helpers.bangun.batch import jalankan
    from lkjip_helpers.bangun.manifest import rencana_cli

    salin_data(tmp_path, ["lapas-kedua"])
    nb = folder_notebook(tmp_path)
    (nb / "bab.yaml").write_text("bab: [01_pembuka.ipynb, 02_bab_satu.ipynb]\n")
    shutil.copy(nb / "03_bab_dua.ipynb", nb / "Untitled.ipynb")
    rencana = rencana_cli(
        ["lapas-banyuasin", "lapas-kedua"], ["2023"], data_dir=tmp_path / "data",
        notebooks_dir=nb, pdf=False,
    )  # fmt: skip
    keluar = io.StringIO()
    hasil = jalankan(rencana, jobs=2, tanpa_rekap=True, keluar=keluar)
    teks = keluar.getvalue()
    peringatan = "Peringatan: 03_bab_dua.ipynb, Untitled.ipynb di nb/ bukan notebook bab"
    assert teks.count(peringatan) == 1, teks
    assert peringatan not in capfd.readouterr().err  # the workers say nothing of it
    assert [h.status for h in hasil.hasil] == ["berhasil", "berhasil"]
    dibangun = tmp_path / "outputs" / "lapas-kedua" / "2023" / "notebooks"
    assert sorted(p.name for p in dibangun.glob("*.ipynb")) == [
        "01_pembuka.ipynb",
        "02_bab_satu.ipynb",
    ]
