"""Shared test set-up."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from lkjip_helpers.bangun.impor import lewati_rfc3987_syntax

# nbformat -> jsonschema would import rfc3987_syntax, which compiles ~40 grammars (≈ 2,5 s);
# the build skips it the same way (see lkjip_helpers.bangun.impor).
lewati_rfc3987_syntax()

# A background job of a non-interactive shell (`make test &`, some CI runners) starts with SIGINT
# ignored, and the children the Ctrl-C tests start would inherit that and never stop: give the
# test processes Python's own handler, which their children then start with.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

DATA = Path(__file__).parents[1] / "data"

# The slowest test files, slowest first (CPU seconds measured per file, issue 17). `make test`
# runs them first (`--dist loadscope --no-loadscope-reorder`): each file runs whole on one
# worker, so a long file started last would finish alone while the other worker idles. Only
# the order changes; a file not listed keeps its place after these. Re-measure when a file
# becomes much slower or faster (see the README, "Tests").
BERAT = (
    "test_varian.py",
    "test_batch.py",
    "test_buku_kerja.py",
    "test_fuzz_yaml.py",
    "test_injeksi.py",
    "test_pakai_ulang.py",
    "test_gangguan.py",
    "test_e2e.py",
    "test_ketahanan.py",
    "test_cetak_terpisah.py",
    "test_buku_kerja_fuzz.py",
    "test_sidik.py",
    "test_notebooks.py",
    "test_analis.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow files first (see ``BERAT``); the order of the tests inside a file is kept."""
    urutan = {nama: i for i, nama in enumerate(BERAT)}
    items.sort(key=lambda item: urutan.get(item.path.name, len(BERAT)))


@contextmanager
def _sendiri(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (POSIX; elsewhere the tests run in one process)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: `make test` runs there without workers
        yield
        return
    with path.open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def sampel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample report (lapas-banyuasin 2023, with its PDFs) built once for the test run into
    a temporary folder; returns its folder. Tests read it and must not change it.

    Under pytest-xdist (``make test``) the workers share one build: the first to need it builds
    it under a lock, the others wait and read it."""
    from lkjip_helpers.bangun.susun import build

    akar = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        akar = akar.parent  # the folder of this run, above every worker's own
    out = akar / "sampel"
    folder = out / "lapas-banyuasin" / "2023"
    with _sendiri(akar / "sampel.lock"):
        if not (folder / "build.json").is_file():  # written last, by the atomic swap
            hasil = build("lapas-banyuasin", 2023, DATA, out, pdf=True, progress=False)
            assert Path(hasil.folder) == folder
    return folder
