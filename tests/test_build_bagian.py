"""The build object's small parts on their own (issue 17): the atomic write every writer uses,
the output lock, the progress lines, the batch executors' one loop. No kernel, no report."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from lkjip_helpers.atomik import pindahkan_atomik, tulis_atomik, tulis_teks_atomik
from lkjip_helpers.bangun.kemajuan import Kemajuan
from lkjip_helpers.bangun.pelaksana import PelaksanaLangsung
from lkjip_helpers.bangun.penjaga import PenjagaKeluaran
from lkjip_helpers.errors import BuildError, OutputError


def test_tulis_atomik_gagal_tidak_meninggalkan_berkas_sementara(tmp_path: Path) -> None:
    tujuan = tmp_path / "rekap.csv"
    tujuan.write_text("lama\n", encoding="utf-8")

    def penuh(sementara: Path) -> None:
        sementara.write_text("setengah", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device", str(sementara))

    with pytest.raises(OutputError) as info:
        tulis_atomik(tujuan, penuh)
    # the message names the target, not the temporary file, and the cause in Indonesian
    assert str(info.value) == f"tidak dapat menulis {tujuan}: disk penuh (tidak ada ruang tersisa)"
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.csv"]
    assert tujuan.read_text(encoding="utf-8") == "lama\n"


def test_tulis_teks_atomik_menulis_apa_adanya(tmp_path: Path) -> None:
    tujuan = tmp_path / "sub" / "batch.json"
    tulis_teks_atomik(tujuan, "a\r\nb\n")
    assert tujuan.read_bytes() == b"a\r\nb\n"  # line ends as given (rekap_excel.csv: CRLF)
    assert [p.name for p in tujuan.parent.iterdir()] == ["batch.json"]


def test_pindahkan_atomik_gagal_mengembalikan_folder_lama(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    final, baru = tmp_path / "2023", tmp_path / ".2023.tmp-x"
    final.mkdir()
    (final / "laporan.html").write_text("lama")
    baru.mkdir()
    (baru / "laporan.html").write_text("baru")
    asli = os.replace
    panggilan: list[str] = []

    def replace(a: object, b: object) -> None:
        panggilan.append(Path(str(a)).name)
        if len(panggilan) == 2:  # tmp -> final fails after final -> backup
            raise OSError(errno.ENOSPC, "No space left on device")
        asli(a, b)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        pindahkan_atomik(baru, final)
    assert (final / "laporan.html").read_text() == "lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".2023.tmp-x", "2023"]


def test_kunci_keluaran_menolak_build_kedua_lalu_dilepas(tmp_path: Path) -> None:
    folder = tmp_path / "outputs" / "lapas-x"
    data = tmp_path / "data"
    data.mkdir()
    with PenjagaKeluaran(folder, "2023", data) as penjaga:
        penjaga.kunci()  # creates the satker folder, takes the lock
        assert penjaga.path_gembok.is_file()
        with pytest.raises(BuildError, match="sedang berjalan"):
            PenjagaKeluaran(folder, "2023", data).kunci()
    assert list(folder.iterdir()) == [], "the lock file goes with the build"
    with PenjagaKeluaran(folder, "2023", data):  # free again
        pass


def test_kemajuan_polos_satu_baris_per_langkah() -> None:
    keluar = io.StringIO()
    with Kemajuan(3, keluar=keluar, terminal=False) as k:
        k.langkah("Pemeriksaan data")
        k.maju()
        k.maju()  # a step without a name (a skipped PDF) prints nothing
        k.langkah("Menyusun HTML")
        k.maju()
    baris = keluar.getvalue().splitlines()
    assert [b.split(" (")[0] for b in baris] == [
        "[1/3] Pemeriksaan data: selesai",
        "[2/3] Menyusun HTML: selesai",
    ]


def test_kemajuan_polos_langkah_yang_gagal() -> None:
    keluar = io.StringIO()
    with pytest.raises(KeyboardInterrupt), Kemajuan(2, keluar=keluar, terminal=False) as k:
        k.langkah("Menjalankan 01.ipynb")
        raise KeyboardInterrupt
    assert keluar.getvalue() == "Menjalankan 01.ipynb: dihentikan\n"
    keluar = io.StringIO()
    with Kemajuan(2, keluar=keluar, terminal=False, aktif=False) as k:
        k.langkah("x")
        k.maju()
        k.cetak("y")
    assert keluar.getvalue() == ""


def test_pelaksana_langsung_hasil_sebelum_tugas_berikutnya() -> None:
    """--jobs 1: each result comes out before the next task starts (the progress line of a
    report is never held back by the next build); a task that raises is a failed result."""
    urutan: list[str] = []

    def kerja(t: int) -> int:
        urutan.append(f"mulai {t}")
        if t == 2:
            raise ValueError("rusak")
        return t * 10

    def gagal(t: int, pesan: str, rinci: str) -> str:
        return f"gagal {t}: {pesan}"

    with PelaksanaLangsung(gagal) as p:
        p.kirim(kerja, [1, 2, 3])
        for h in p.hasil():
            urutan.append(f"hasil {h}")
    assert urutan == [
        "mulai 1",
        "hasil 10",
        "mulai 2",
        "hasil gagal 2: proses pekerja berhenti: ValueError: rusak",
        "mulai 3",
        "hasil 30",
    ]


def test_rapikan_notebook_menulis_hanya_bila_berubah(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the engine tidies a chapter before papermill writes it: the build's own pass then
    # finds nothing to change and writes nothing (the notebook is written once)
    import nbformat

    from lkjip_helpers.bangun.kernel import rapikan, rapikan_notebook

    nb = nbformat.v4.new_notebook()
    nb.metadata["papermill"] = {"input_path": "/tmp/x/02.ipynb", "output_path": "/tmp/y/02.ipynb"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Bab"),
        nbformat.v4.new_code_cell("1", execution_count=41),
        nbformat.v4.new_code_cell("x", execution_count=None),  # not run
        nbformat.v4.new_code_cell("2", execution_count=43),
    ]
    nb.cells[3].outputs = [
        nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=43)
    ]
    tulis: list[Path] = []
    monkeypatch.setattr(nbformat, "write", lambda nb, p: tulis.append(Path(p)))
    tujuan = tmp_path / "02.ipynb"
    assert rapikan(nb, "notebooks/02.ipynb", "s/2023/notebooks/02.ipynb")
    assert nb.metadata["papermill"] == {
        "input_path": "notebooks/02.ipynb", "output_path": "s/2023/notebooks/02.ipynb"
    }  # fmt: skip
    assert [c.get("execution_count") for c in nb.cells[1:]] == [1, None, 2]
    assert nb.cells[3].outputs[0]["execution_count"] == 2
    rapikan_notebook(nb, tujuan, "notebooks/02.ipynb", "s/2023/notebooks/02.ipynb")
    assert tulis == []  # tidy already
    nb.cells[1]["execution_count"] = 7
    rapikan_notebook(nb, tujuan, "notebooks/02.ipynb", "s/2023/notebooks/02.ipynb")
    assert tulis == [tujuan] and nb.cells[1]["execution_count"] == 1
