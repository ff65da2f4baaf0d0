"""Build: execute the chapter notebooks (one kernel), export, swap in; batches of builds."""

from .susun import BuildResult, build

__all__ = ["BuildResult", "build"]
