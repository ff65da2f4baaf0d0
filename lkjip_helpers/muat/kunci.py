"""Stable ids of findings, shared by the checks and by the response file (``tanggapan.yaml``).

A finding's id names the *problem*, not the place it was seen: the same problem keeps its id
from build to build (line numbers and messages may change; the id does not), so a satker's
answer in ``tanggapan.yaml`` stays attached to it. An id is the check's code and a short hash of
a canonical key the check chooses (e.g. ``"SK1.1|1435|1177"``)::

    >>> id_temuan("RASIO_DI_ATAS_100", "1435|1177")
    'RASIO_DI_ATAS_100-9e67ff'
"""

from __future__ import annotations

import hashlib
import re

_ID = re.compile(r"^[A-Z][A-Z0-9_]*-[0-9a-f]{6}$")


def id_temuan(kode: str, kunci: str) -> str:
    """``<KODE>-<6 hex>``: the code and the first 6 hex digits of sha256 of ``kunci``."""
    ringkas = hashlib.sha256(f"{kode}|{kunci}".encode()).hexdigest()[:6]
    return f"{kode}-{ringkas}"


def id_sah(teks: str) -> bool:
    """Whether ``teks`` has the form of a finding id."""
    return bool(_ID.fullmatch(teks))
