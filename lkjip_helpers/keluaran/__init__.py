"""Renderers of a finished report: stitched HTML, PDF, Excel workbook, CSV."""

from __future__ import annotations

import sys


def _jsonschema_tanpa_iri_lambat() -> None:
    """Import jsonschema's format checkers without ``rfc3987_syntax``.

    nbformat (notebook I/O, nbconvert, papermill) imports jsonschema, whose format module
    imports ``rfc3987_syntax`` when installed (JupyterLab's ``jupyter-events`` pulls it in);
    that module compiles some thirty Lark grammars at import, about 0.9 s of every build and
    batch worker on our machines (python-jsonschema/jsonschema#1428). Notebook schemas use no
    ``iri`` format, so the format module is imported once with that package hidden, and the
    package is visible again afterwards for whoever needs it. A no-op when jsonschema's format
    module is already loaded (then the cost was paid already).
    """
    if "jsonschema._format" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # import → ImportError
    try:
        import jsonschema._format  # noqa: F401
    except ImportError:  # jsonschema absent: nbformat will say so itself
        pass
    finally:
        if sys.modules.get("rfc3987_syntax", 0) is None:
            del sys.modules["rfc3987_syntax"]


_jsonschema_tanpa_iri_lambat()
