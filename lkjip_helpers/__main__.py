"""``python -m lkjip_helpers …`` — the same as the ``lkjip`` command (e.g. on Windows)."""

import sys

from .cli import main

sys.exit(main())
