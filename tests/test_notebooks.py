"""The chapter notebooks stay thin, parameterised and committed without outputs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).parents[1] / "notebooks").glob("[!_]*.ipynb"))


def test_there_are_chapter_notebooks() -> None:
    names = [p.name for p in NOTEBOOKS]
    assert len(names) >= 6
    for needle in ("ikhtisar", "bab1", "bab2", "bab3", "bab4", "lampiran"):
        assert any(needle in n for n in names), needle


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a code cell has outputs"
            assert cell.execution_count is None, f"{path.name}: execution_count is set"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_one_parameters_cell_first_with_typed_literals(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: expected exactly one 'parameters' cell"
    assert code[0] is tagged[0], f"{path.name}: the parameters cell must be the first code cell"
    tree = ast.parse(tagged[0].source)
    names = set()
    for stmt in tree.body:
        # typed, literal defaults only (no derived values)
        assert isinstance(stmt, ast.AnnAssign), f"{path.name}: untyped parameter"
        assert isinstance(stmt.value, ast.Constant), f"{path.name}: non-literal default"
        names.add(stmt.target.id)  # type: ignore[union-attr]
    assert names == {"satker", "tahun", "periode", "data_dir"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_cells_are_thin(path: Path) -> None:
    """A code cell is one helper call (or the setup line): no loops, no branches."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code" or "parameters" in cell.metadata.get("tags", []):
            continue
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(
                node,
                ast.For | ast.While | ast.If | ast.With | ast.Try | ast.FunctionDef | ast.ClassDef,
            ), f"{path.name}: logic in a notebook cell belongs in lkjip_helpers:\n{cell.source}"
        assert len([s for s in tree.body if not isinstance(s, ast.Import | ast.ImportFrom)]) <= 1


def test_notebooks_call_sections_in_plan_order() -> None:
    """Numbers follow lkjip_helpers.laporan.RENCANA: the notebooks show the sections in it."""
    import re

    from lkjip_helpers.laporan import RENCANA

    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        setup = next(c.source for c in nb.cells if "Laporan(" in c.source)
        bab_teks = re.search(r"bab=([^)]+)\)", setup).group(1).strip("'\"")
        bab = int(bab_teks) if bab_teks.isdigit() else bab_teks
        dipanggil = []
        for c in nb.cells:
            m = re.fullmatch(r"lap\.(\w+)\((?:\"(\w+)\")?\)", c.source.strip())
            if c.cell_type == "code" and m:
                nama = f"narasi:{m.group(2)}" if m.group(1) == "narasi" else m.group(1)
                dipanggil.append(nama)
        assert dipanggil == list(RENCANA[bab]), path.name


@pytest.mark.e2e
def test_papermill_dari_akar_repo_dan_parameter_salah_ketik(tmp_path: Path) -> None:
    """A chapter runs with papermill from the repository root (data_dir "../data" is found
    from the notebooks' folder), and a misspelt parameter fails instead of building the
    sample."""
    import papermill

    akar = Path(__file__).parents[1]
    bab = akar / "notebooks" / "05_bab4_penutup.ipynb"
    keluar = tmp_path / "bab4.ipynb"
    papermill.execute_notebook(
        str(bab), str(keluar), parameters={"tahun": 2023}, cwd=str(akar), progress_bar=False
    )
    hasil = nbformat.read(keluar, as_version=4)
    keluaran = [o for c in hasil.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in keluaran if o.output_type == "error"]
    assert any(
        '<div class="lkjip lkjip-tampilan">' in o.get("data", {}).get("text/html", "")
        for o in keluaran
    )
    with pytest.raises(papermill.PapermillExecutionError, match="parameter tidak dikenal: satkr"):
        papermill.execute_notebook(
            str(bab),
            str(tmp_path / "salah.ipynb"),
            parameters={"satkr": "lapas-lain"},
            cwd=str(akar),
            progress_bar=False,
        )


def _notebook_analis(akar: Path) -> nbformat.NotebookNode:
    """A notebook as an analyst makes it: the chapters' parameters cell, a variable of their
    own in a cell of its own, a loop, then the report."""
    bab = nbformat.read(akar / "notebooks" / "05_bab4_penutup.ipynb", as_version=4)
    param = next(c for c in bab.cells if "parameters" in c.metadata.get("tags", []))
    sel = nbformat.v4.new_code_cell
    nb = nbformat.v4.new_notebook(metadata=bab.metadata)
    nb.cells = [
        sel(param.source, metadata={"tags": ["parameters"]}),
        sel("ambang = 5"),
        sel("for nama in ['lapas-banyuasin']:\n    panjang = len(nama)"),
        sel(
            "from lkjip_helpers.laporan import Laporan\n\n"
            "lap = Laporan(satker, tahun, data_dir, periode=periode, bab=4)"
        ),
        sel("jumlah_ikk = len(lap.tabel_ikk())\njumlah_ikk"),
    ]
    return nb


@pytest.mark.e2e
def test_variabel_analis_dan_run_all_dua_kali_bukan_parameter(tmp_path: Path) -> None:
    """``ambang = 5`` in a cell of its own, a loop, and Run All twice in the same kernel (as in
    Lab): the misspelt-parameter guard stays quiet. papermill with the analyst's notebook
    still runs, and a misspelt injected parameter still fails loudly."""
    import papermill
    from nbclient import NotebookClient

    akar = Path(__file__).parents[1]
    nb = _notebook_analis(akar)
    klien = NotebookClient(
        nb, kernel_name="python3", resources={"metadata": {"path": str(akar / "notebooks")}}
    )
    with klien.setup_kernel():
        for _ in range(2):  # Run All, then Run All again
            for i, cell in enumerate(nb.cells):
                klien.execute_cell(cell, i)
    hasil = nb.cells[-1].outputs[0]["data"]["text/plain"]
    assert hasil == "26"  # the sample's kinerja.yaml lists 26 IKK (26 `kode:` entries)

    # an lkjip error in Lab: its one Indonesian message with the CLI's suggestion, no frames
    salah = nbformat.v4.new_code_cell(
        "from lkjip_helpers.laporan.narasi import isi_sisipan, pengisi\n"
        "isi_sisipan('Kapasitas {{ profil.kapasitass }} orang', pengisi(lap.hasil), None)",
        metadata={"tags": ["raises-exception"]},
    )
    nb.cells.append(salah)
    with klien.setup_kernel():
        for i, cell in enumerate(nb.cells):
            klien.execute_cell(cell, i)
    (galat,) = nb.cells[-1].outputs
    assert galat["ename"] == "SisipanError"
    assert [re.sub(r"\x1b\[[0-9;]*m", "", b) for b in galat["traceback"]] == [
        "Galat lkjip: isian {{ profil.kapasitass }} tidak dikenal: bukan nama angka yang "
        "dihitung (maksudnya profil.kapasitas, profil.okupansi?); lihat daftar besaran di data/README.md"
    ]

    masuk = tmp_path / "analis.ipynb"
    nbformat.write(_notebook_analis(akar), masuk)
    papermill.execute_notebook(
        str(masuk), str(tmp_path / "ok.ipynb"), parameters={"tahun": 2023},
        cwd=str(akar / "notebooks"), progress_bar=False,
    )  # fmt: skip
    with pytest.raises(papermill.PapermillExecutionError, match="parameter tidak dikenal: ambng"):
        papermill.execute_notebook(
            str(masuk), str(tmp_path / "salah.ipynb"), parameters={"ambng": 3},
            cwd=str(akar / "notebooks"), progress_bar=False,
        )  # fmt: skip


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_help_notebook_menjelaskan_setiap_parameter(path: Path) -> None:
    """``papermill --help-notebook`` shows every parameter's comment (one line each: a
    comment the formatter wrapped into parentheses is lost)."""
    import papermill

    param = papermill.inspect_notebook(str(path))
    assert param["periode"]["help"] == (
        "periode laporan: tahunan, semester-1/-2, triwulan-1 … triwulan-4"
    )
    assert param["periode"]["default"] == '"tahunan"'
    assert all(p["help"] for p in param.values()), param
