"""Shared test set-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_helpers.bangun.susun import lewati_rfc3987_syntax

# nbformat -> jsonschema would import rfc3987_syntax, which compiles ~40 grammars (≈ 2,5 s);
# the build skips it the same way (see lkjip_helpers.build.lewati_rfc3987_syntax).
lewati_rfc3987_syntax()

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="session")
def sampel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample report (lapas-banyuasin 2023, with its PDFs) built once for the session into a
    temporary folder; returns its folder. Tests read it and must not change it.

    Under pytest-xdist every test using it runs on one worker (the ``sampel`` group, set below),
    so the build runs once however many workers there are."""
    from lkjip_helpers.bangun.susun import build

    out = tmp_path_factory.mktemp("sampel")
    hasil = build("lapas-banyuasin", 2023, DATA, out, pdf=True, progress=False)
    folder = Path(hasil.folder)
    assert folder == out / "lapas-banyuasin" / "2023"
    return folder


def _gruppe(item: pytest.Item) -> str | None:
    """The xdist group of a test: the project fixture wider than a function that it uses (a
    session one by name, else its module), so that fixture is set up on one worker only."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return None
    modul = None
    for nama in info.names_closure:
        for fd in info.name2fixturedefs.get(nama, ()):
            if not fd.baseid:  # pytest's and plugins' own fixtures (tmp_path_factory, …)
                continue
            if fd.scope == "session":
                return nama
            if fd.scope in ("package", "module", "class"):
                modul = item.nodeid.split("::", 1)[0]
    return modul


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # under `pytest -n N --dist loadgroup` (make test), tests sharing an expensive fixture (the
    # sample build, a module's build) run on one worker: each fixture is built once
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue  # a group the test chose itself
        if gruppe := _gruppe(item):
            item.add_marker(pytest.mark.xdist_group(gruppe))
