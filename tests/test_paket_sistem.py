"""`.ci/paket-sistem`, the one script `make sample`, `make test` and `.ci/run` use to install
the missing Debian packages: it installs as root (or with passwordless sudo) and otherwise
says what to install and lets the build go on (issue 10, "fresh machine")."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SKRIP = Path(__file__).parents[1] / ".ci" / "paket-sistem"
BASH = shutil.which("bash")
pytestmark = pytest.mark.skipif(BASH is None, reason="bash tidak ada")


def _bin_palsu(folder: Path, uid: int, sudo: bool) -> dict[str, str]:
    """PATH with fake dpkg-query (nothing installed), id, apt-get (logs) and maybe sudo."""
    folder.mkdir()
    skrip = {
        "dpkg-query": "exit 1",
        "id": f"echo {uid}",
        "apt-get": f'echo "apt-get $*" >> {folder}/log',
    }
    if sudo:
        skrip["sudo"] = 'if [ "$1" = -n ]; then shift; fi; [ "$1" = true ] || "$@"'
    for nama, isi in skrip.items():
        path = folder / nama
        path.write_text(f"#!/bin/sh\n{isi}\n", encoding="utf-8")
        path.chmod(0o755)
    for alat in ("grep", "python3", "python3.11"):
        if (asli := shutil.which(alat)) and not (folder / alat).exists():
            (folder / alat).symlink_to(asli)
    return {**os.environ, "PATH": str(folder)}


def _jalankan(env: dict[str, str], *arg: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BASH, str(SKRIP), *arg], env=env, capture_output=True, text=True)


def test_root_memasang_yang_kurang(tmp_path: Path) -> None:
    env = _bin_palsu(tmp_path / "bin", uid=0, sudo=False)
    hasil = _jalankan(env, "pdf")
    assert hasil.returncode == 0, hasil.stderr
    log = (tmp_path / "bin" / "log").read_text(encoding="utf-8")
    assert "apt-get update" in log
    for paket in ("libpango-1.0-0", "fonts-noto-cjk", "fonts-noto-color-emoji"):
        assert paket in log
    assert "chromium" not in log, "the test packages only with 'semua'"


def test_sudo_tanpa_kata_sandi(tmp_path: Path) -> None:
    env = _bin_palsu(tmp_path / "bin", uid=1000, sudo=True)
    hasil = _jalankan(env, "semua")
    assert hasil.returncode == 0, hasil.stderr
    assert "chromium" in (tmp_path / "bin" / "log").read_text(encoding="utf-8")


def test_tanpa_hak_memberi_saran(tmp_path: Path) -> None:
    env = _bin_palsu(tmp_path / "bin", uid=1000, sudo=False)
    hasil = _jalankan(env, "pdf")
    assert hasil.returncode == 0, "the build goes on (the HTML is still made)"
    assert "sudo apt-get install -y" in hasil.stderr and "libpango-1.0-0" in hasil.stderr
    assert not (tmp_path / "bin" / "log").exists()
    assert _jalankan(env, "--wajib", "pdf").returncode == 1, "CI fails instead"
