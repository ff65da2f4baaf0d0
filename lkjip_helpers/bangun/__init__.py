"""Build: execute the chapter notebooks (one kernel), export, swap in; batches of builds."""

from .impor import lewati_rfc3987_syntax

lewati_rfc3987_syntax()  # first, before anything here imports nbformat (see .impor)

from .susun import BuildResult, build  # noqa: E402

__all__ = ["BuildResult", "build"]
