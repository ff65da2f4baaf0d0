"""Set-up of a process that builds reports, before it imports the notebook libraries."""

from __future__ import annotations

import sys


def lewati_rfc3987_syntax() -> None:
    """Keep ``jsonschema`` from importing ``rfc3987_syntax`` in this process.

    nbformat (notebook I/O: papermill, nbconvert) imports jsonschema, whose format module
    imports the optional ``rfc3987_syntax`` when it is installed (JupyterLab's
    ``jupyter-events`` pulls it in) only to offer the ``iri`` format checks; that module
    compiles dozens of Lark grammars at import — measured 2,6 s of a 2,9 s jsonschema import
    on a loaded 2-core machine (python-jsonschema/jsonschema#1428). Notebook schemas use no
    ``iri`` format, so the module is marked unavailable (``sys.modules[...] = None``, an
    import then raises ImportError, which jsonschema treats as "not installed") for the rest
    of this process. Called when :mod:`lkjip_helpers.bangun` is imported — in the build and
    batch process and in every batch worker — and by the test suite's conftest; a no-op once
    jsonschema or that module is imported.
    """
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
