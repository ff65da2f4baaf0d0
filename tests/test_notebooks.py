"""The chapter notebooks stay thin, parameterised and committed without outputs."""

from __future__ import annotations

import ast
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
    assert names == {"satker", "tahun", "data_dir"}


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
