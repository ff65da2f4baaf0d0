"""A chapter notebook opened in JupyterLab looks like the report: the analyst's view.

Starts JupyterLab on loopback (its own config and runtime folders), opens a chapter notebook in
headless Chromium, runs all cells through Lab's own command, and checks the rendered outputs:
formulas stacked as fractions, text cells left and numbers right (Lab right-aligns every cell
by default), charts loaded. A screenshot is saved next to the test's temporary files.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

websocket = pytest.importorskip("websocket", reason="websocket-client belum terpasang")

ROOT = Path(__file__).parents[1]
CHROMIUM = next(
    (p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))), None
)
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium tidak ditemukan"),
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX only"),
]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Sesi:
    """DevTools connection to one page."""

    def __init__(self, url_ws: str) -> None:
        self.ws = websocket.create_connection(url_ws, timeout=60, suppress_origin=True)
        self._id = itertools.count(1)
        target = self.kirim("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.sesi = self.kirim("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]

    def kirim(
        self, metode: str, params: dict[str, Any] | None = None, halaman: bool = False
    ) -> dict:
        nomor = next(self._id)
        pesan: dict[str, Any] = {"id": nomor, "method": metode, "params": params or {}}
        if halaman:
            pesan["sessionId"] = self.sesi
        self.ws.send(json.dumps(pesan))
        while True:
            data = json.loads(self.ws.recv())
            if data.get("id") == nomor:
                if "error" in data:
                    raise RuntimeError(f"{metode}: {data['error']}")
                return data.get("result", {})

    def nilai(self, ekspresi: str) -> Any:
        hasil = self.kirim(
            "Runtime.evaluate",
            {"expression": ekspresi, "returnByValue": True, "awaitPromise": True},
            halaman=True,
        )
        return hasil["result"].get("value")

    def tunggu(self, ekspresi: str, detik: float) -> Any:
        akhir = time.monotonic() + detik
        while time.monotonic() < akhir:
            nilai = self.nilai(ekspresi)
            if nilai:
                return nilai
            time.sleep(0.5)
        return self.nilai(ekspresi)


def test_bab3_di_jupyterlab_seperti_laporan(tmp_path: Path) -> None:
    # Lab works on a copy: it may autosave outputs into the notebook it has open.
    akar = tmp_path / "repo"
    shutil.copytree(ROOT / "notebooks", akar / "notebooks")
    shutil.copytree(ROOT / "data", akar / "data")
    port, token = _port(), secrets.token_hex(12)
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(tmp_path / "jcfg"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "jrt"),
        JUPYTER_DATA_DIR=str(tmp_path / "jdata"),
    )
    jupyter = Path(sys.executable).parent / "jupyter"
    lab = subprocess.Popen(
        [
            str(jupyter),
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={akar}",
            "--allow-root",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        stdout=(tmp_path / "lab.log").open("wb"),
        stderr=subprocess.STDOUT,
        env=env,
        cwd=akar,
    )
    profil = tmp_path / "chromium"
    chromium = subprocess.Popen(
        [
            str(CHROMIUM),
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,2200",
            f"--user-data-dir={profil}",
            "--remote-debugging-port=0",
            "about:blank",
        ],
        stdout=(tmp_path / "chromium.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        berkas_port = profil / "DevToolsActivePort"
        akhir = time.monotonic() + 30
        while not (berkas_port.is_file() and len(berkas_port.read_text().splitlines()) >= 2):
            assert time.monotonic() < akhir, "Chromium tidak memulai DevTools"
            time.sleep(0.1)
        p, jalur = berkas_port.read_text().splitlines()[:2]
        sesi = _Sesi(f"ws://127.0.0.1:{p}{jalur}")
        akhir = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 1).close()
                break
            except OSError:
                assert time.monotonic() < akhir and lab.poll() is None, "JupyterLab tidak mulai"
                time.sleep(0.3)
        nb = "notebooks/04_bab3_akuntabilitas_kinerja.ipynb"
        sesi.kirim(
            "Page.navigate", {"url": f"http://127.0.0.1:{port}/lab/tree/{nb}?token={token}"}, True
        )
        assert sesi.tunggu(
            "!!(window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell'))", 90
        ), "notebook tidak terbuka di JupyterLab"
        time.sleep(2)
        sesi.nilai("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        jumlah = sesi.tunggu(
            "document.querySelectorAll('.jp-OutputArea-output div.lkjip').length >= 9 && "
            "document.querySelectorAll('.jp-OutputArea-output div.lkjip').length",
            180,
        )
        assert jumlah >= 9, "bagian laporan tidak tampil"
        assert not sesi.nilai(
            "document.querySelectorAll('.jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.stderr\"]').length"
        )
        gaya = sesi.nilai(
            """(() => {
              const q = (s) => document.querySelector('.jp-OutputArea-output ' + s);
              const g = (e, p) => e ? getComputedStyle(e)[p] : null;
              const teks = [...document.querySelectorAll('div.lkjip table td:not(.angka)')]
                  .find(td => td.textContent.length > 20);
              return {
                pecahan: g(q('span.pecahan'), 'display'),
                garis: g(q('span.pecahan > span.pembilang'), 'borderBottomStyle'),
                miring: g(q('span.garis-miring'), 'display'),
                teks: g(teks, 'textAlign'),
                angka: g(q('div.lkjip table td.angka'), 'textAlign'),
                gambar: [...document.querySelectorAll('div.lkjip figure.gambar img')]
                    .every(i => i.complete && i.naturalWidth > 0),
              };
            })()"""
        )
        assert gaya == {
            "pecahan": "inline-block",
            "garis": "solid",
            "miring": "none",
            "teks": "left",
            "angka": "right",
            "gambar": True,
        }, gaya
        sesi.nilai("document.querySelector('div.lkjip div.blok-rumus').scrollIntoView()")
        time.sleep(0.5)
        data = sesi.kirim("Page.captureScreenshot", {"format": "png"}, True)["data"]
        (tmp_path / "jupyterlab.png").write_bytes(base64.b64decode(data))
    finally:
        chromium.terminate()
        lab.terminate()
        for proses in (chromium, lab):
            try:
                proses.wait(15)
            except subprocess.TimeoutExpired:
                proses.kill()
