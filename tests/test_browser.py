"""A real browser opens the built laporan.html and the sample's review memo offline: no request
leaves the file, no errors.

Headless Chromium (Debian package ``chromium``; ``.ci/run`` installs it) is driven over the
DevTools protocol with ``websocket-client``: the network is switched off three ways (DNS
mapped to nothing, a dead proxy, DevTools offline emulation), every request the page makes
is recorded, console errors and exceptions are collected, and a screenshot is saved.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bantu_build import pasang_stub

from lkjip_helpers.bangun.susun import build

websocket = pytest.importorskip("websocket", reason="websocket-client belum terpasang")

FIXTURE_NB = Path(__file__).parent / "fixtures" / "notebooks"
SKEMA_LOKAL = ("file:", "data:", "about:", "blob:", "chrome:", "chrome-error:", "devtools:")


def _cari_chromium() -> str | None:
    for nama in (
        os.environ.get("LKJIP_CHROMIUM"),
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ):
        if nama and (path := shutil.which(nama)):
            return path
    return None


CHROMIUM = _cari_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium tidak ditemukan (Debian: apt-get install chromium; .ci/run memasangnya)",
)


class Peramban:
    """Minimal DevTools-protocol client for one headless Chromium and one page."""

    def __init__(self, exe: str, profil: Path) -> None:
        self.log = (profil / "chromium.log").open("wb")
        self.proses = subprocess.Popen(
            [
                exe,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-default-apps",
                "--disable-features=Translate,MediaRouter,OptimizationHints",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--proxy-server=http://127.0.0.1:9",
                "--proxy-bypass-list=<-loopback>",
                "--window-size=1280,1600",
                f"--user-data-dir={profil}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=self.log,
            stderr=self.log,
        )
        port_file = profil / "DevToolsActivePort"
        batas = time.monotonic() + 30
        while not (port_file.is_file() and len(port_file.read_text().splitlines()) >= 2):
            if self.proses.poll() is not None or time.monotonic() > batas:
                self.tutup()
                pytest.fail("Chromium tidak memulai DevTools; lihat " + str(profil))
            time.sleep(0.05)
        port, jalur = port_file.read_text().splitlines()[:2]
        self.ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}{jalur}", timeout=30, suppress_origin=True
        )
        self._id = itertools.count(1)
        self.peristiwa: list[dict[str, Any]] = []
        target = self.kirim("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.sesi = self.kirim("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]

    def kirim(
        self,
        metode: str,
        params: dict[str, Any] | None = None,
        sesi: str | None = None,
        batas_waktu: float = 30,
    ) -> dict[str, Any]:
        """Send a command and wait for its result; events received meanwhile are kept."""
        nomor = next(self._id)
        pesan: dict[str, Any] = {"id": nomor, "method": metode, "params": params or {}}
        if sesi:
            pesan["sessionId"] = sesi
        self.ws.send(json.dumps(pesan))
        akhir = time.monotonic() + batas_waktu
        while time.monotonic() < akhir:
            data = json.loads(self.ws.recv())
            if data.get("id") == nomor:
                if "error" in data:
                    raise RuntimeError(f"{metode}: {data['error']}")
                return data.get("result", {})
            if "method" in data:
                self.peristiwa.append(data)
        raise TimeoutError(metode)

    def halaman(self, metode: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Command for the attached page."""
        return self.kirim(metode, params, sesi=self.sesi)

    def tunggu(self, metode: str, batas_waktu: float = 30) -> None:
        """Read events until ``metode`` arrives."""
        if any(p["method"] == metode for p in self.peristiwa):
            return
        akhir = time.monotonic() + batas_waktu
        while time.monotonic() < akhir:
            self.ws.settimeout(max(0.1, akhir - time.monotonic()))
            data = json.loads(self.ws.recv())
            if "method" in data:
                self.peristiwa.append(data)
                if data["method"] == metode:
                    return
        raise TimeoutError(metode)

    def kumpulkan_sebentar(self, detik: float) -> None:
        """Keep reading events for ``detik`` seconds (late requests, console messages)."""
        akhir = time.monotonic() + detik
        while (sisa := akhir - time.monotonic()) > 0:
            self.ws.settimeout(sisa)
            try:
                data = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                break
            if "method" in data:
                self.peristiwa.append(data)
        self.ws.settimeout(30)

    def buka(self, url: str) -> dict[str, list[str]]:
        """Open ``url`` offline; return the requests and errors seen while it loaded."""
        self.peristiwa.clear()
        for domain in ("Network", "Runtime", "Log", "Page"):
            self.halaman(f"{domain}.enable")
        self.halaman(
            "Network.emulateNetworkConditions",
            {
                "offline": True,
                "latency": 0,
                "downloadThroughput": -1,
                "uploadThroughput": -1,
            },
        )
        self.halaman("Page.navigate", {"url": url})
        self.tunggu("Page.loadEventFired")
        self.kumpulkan_sebentar(0.5)
        permintaan, galat = [], []
        for p in self.peristiwa:
            m, isi = p["method"], p.get("params", {})
            if m == "Network.requestWillBeSent":
                permintaan.append(isi["request"]["url"])
            elif m == "Runtime.consoleAPICalled" and isi.get("type") in ("error", "assert"):
                galat.append(
                    "console: "
                    + " ".join(
                        str(a.get("value", a.get("description", ""))) for a in isi.get("args", [])
                    )
                )
            elif m == "Runtime.exceptionThrown":
                galat.append("exception: " + json.dumps(isi.get("exceptionDetails", {}))[:300])
            elif m == "Log.entryAdded" and isi["entry"].get("level") == "error":
                galat.append(f"log: {isi['entry'].get('text')} {isi['entry'].get('url', '')}")
        return {"permintaan": permintaan, "galat": galat}

    def nilai(self, ekspresi: str) -> Any:
        """Evaluate a JavaScript expression in the page (DevTools, not the page's own code)."""
        hasil = self.halaman("Runtime.evaluate", {"expression": ekspresi, "returnByValue": True})
        return hasil["result"].get("value")

    def tangkap_layar(self, tujuan: Path) -> bytes:
        """Full-page PNG screenshot."""
        data = self.halaman(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
        )["data"]
        png = base64.b64decode(data)
        tujuan.write_bytes(png)
        return png

    def tutup(self) -> None:
        """Close the connection and stop Chromium."""
        if getattr(self, "ws", None) is not None:
            self.ws.close()
        if self.proses.poll() is None:
            self.proses.terminate()
            try:
                self.proses.wait(10)
            except subprocess.TimeoutExpired:
                self.proses.kill()
                self.proses.wait()
        self.log.close()


@pytest.fixture(scope="module")
def peramban(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Peramban]:
    assert CHROMIUM is not None
    p = Peramban(CHROMIUM, tmp_path_factory.mktemp("chromium-profil"))
    try:
        yield p
    finally:
        p.tutup()


@pytest.fixture(scope="module")
def laporan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    data = root / "data"
    (data / "satker" / "contoh-satker" / "2023").mkdir(parents=True)
    (data / "satker" / "contoh-satker" / "satker.yaml").write_text(
        "id: contoh-satker\nnama: Satker Contoh\nkatalog: uji\n", encoding="utf-8"
    )
    with pytest.MonkeyPatch.context() as mp:
        pasang_stub(mp)
        hasil = build(
            "contoh-satker",
            2023,
            data,
            root / "outputs",
            pdf=False,
            docx=False,
            notebooks_dir=FIXTURE_NB,
            progress=False,
        )
    return hasil.html


def test_laporan_terbuka_luring_tanpa_permintaan_dan_galat(
    peramban: Peramban, laporan: Path
) -> None:
    hasil = peramban.buka(laporan.as_uri())
    keluar = [u for u in hasil["permintaan"] if not u.startswith(SKEMA_LOKAL)]
    assert keluar == [], f"permintaan keluar dari berkas: {keluar}"
    assert hasil["galat"] == [], hasil["galat"]
    assert peramban.nilai("document.readyState") == "complete"
    assert peramban.nilai("document.querySelectorAll('h1.bab').length") == 2
    assert peramban.nilai("document.querySelectorAll('#daftar-isi a').length") >= 5
    # every image decoded (embedded data URIs), the fraction laid out as a stacked fraction
    assert (
        peramban.nilai("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
        is True
    )
    assert (
        peramban.nilai(
            "(() => { const p = document.querySelector('.pembilang').getBoundingClientRect();"
            " const q = document.querySelector('.penyebut').getBoundingClientRect();"
            " return q.top >= p.bottom - 1; })()"
        )
        is True
    )
    png = peramban.tangkap_layar(laporan.parent / "tangkapan-layar.png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000


def test_pemeriksaan_ini_mendeteksi_permintaan_dan_galat(
    peramban: Peramban, tmp_path: Path
) -> None:
    """Control: the same check does see a remote image and a console error."""
    halaman = tmp_path / "buruk.html"
    halaman.write_text(
        "<!DOCTYPE html><html><body><img src='https://contoh.invalid/logo.png'>"
        "<script>console.error('galat uji')</script></body></html>",
        encoding="utf-8",
    )
    hasil = peramban.buka(halaman.as_uri())
    assert any("contoh.invalid" in u for u in hasil["permintaan"]), hasil
    assert any("galat uji" in g for g in hasil["galat"]), hasil


@pytest.mark.e2e
def test_memo_sampel_terbuka_luring_tanpa_permintaan_dan_galat(
    peramban: Peramban, sampel: Path, tmp_path: Path
) -> None:
    """The real review memo of the sample build, then the report at the places it links to."""
    memo = sampel / "tinjauan.html"
    hasil = peramban.buka(memo.as_uri())
    keluar = [u for u in hasil["permintaan"] if not u.startswith(SKEMA_LOKAL)]
    assert keluar == [], f"permintaan keluar dari berkas: {keluar}"
    assert hasil["galat"] == [], hasil["galat"]
    assert peramban.nilai("document.readyState") == "complete"
    # one heading per distinct problem; every in-memo link lands on an element of the memo
    assert peramban.nilai("document.querySelectorAll('h3.masalah').length") >= 3
    assert (
        peramban.nilai(
            "Array.from(document.querySelectorAll('a[href^=\"#\"]'))"
            ".every(a => document.getElementById(a.getAttribute('href').slice(1)))"
        )
        is True
    )
    tujuan = peramban.nilai(
        "Array.from(document.querySelectorAll('a[href^=\"laporan.html#\"]'))"
        ".map(a => a.getAttribute('href').split('#')[1])"
    )
    assert tujuan, "memo tanpa tautan ke laporan"
    png = peramban.tangkap_layar(tmp_path / "tinjauan.png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    # the report the memo links to, opened the same way: every linked id is there
    hasil = peramban.buka((sampel / "laporan.html").as_uri() + "#" + tujuan[0])
    keluar = [u for u in hasil["permintaan"] if not u.startswith(SKEMA_LOKAL)]
    assert keluar == [] and hasil["galat"] == [], (keluar, hasil["galat"])
    hilang = peramban.nilai(f"{json.dumps(tujuan)}.filter(i => !document.getElementById(i))")
    assert hilang == [], hilang
