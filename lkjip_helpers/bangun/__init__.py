"""Build: execute the chapter notebooks (one kernel), export, swap in; batches of builds."""

from .. import keluaran  # noqa: F401  # first: keeps nbformat's jsonschema import fast
from .susun import BuildResult, build

__all__ = ["BuildResult", "build"]
