"""Benchmark: the naive papermill/nbconvert pipeline against ``lkjip build``.

Times, in one run on the same machine, ``--repeat`` times each (interleaved):

  (a)  naive: the ``papermill`` CLI once per chapter notebook, then
       ``jupyter nbconvert --to html`` once per executed chapter;
  (b)  ``lkjip build`` with HTML only (``--tanpa-pdf``: the DOCX files are written);
  (b0) ``lkjip build`` with HTML only and no DOCX (``--tanpa-pdf --tanpa-docx``);
  (b') ``lkjip build`` with HTML and PDF;
  (c)  the floor: ``python -c "import pandas, matplotlib.pyplot"``;

and, on the report (b') just built, three re-builds (not with ``--fixture``):

  (d)  nothing changed: the whole report is reused (the CLI says so);
  (f)  a YAML comment added to ``kinerja.yaml``: nothing the build loads changed (the input
       fingerprint keys YAML by what it loads to): the whole report is reused, as in (d);
  (e)  one narrative edited (``latar_belakang``): only Bab I runs again, the LKjIP's PDF is
       printed again, the memo's PDF is reused.

The package's bytecode is written first (``compileall``), as an installed package has it.
It prints the medians, the ratios against the targets (b/a <= 0.3, b'/a <= 0.25, b/c <= 5,
b0/c shown beside b/c against the same target,
f/d <= 1.5: a YAML comment costs about a no-op, e/b' <= 0.4: one edited narrative costs at
most 40 % of a full build with PDFs; d <= 1 s), what each
re-build reused (from its ``build.json``) and the peak memory of a build (all processes of
the build together: the build itself and its kernel; target < 1 GiB). The builds read a copy
of the data folder, which the re-build variants edit.

Usage::

    .venv/bin/python benchmarks/bench_build.py                 # the sample, 3 repeats
    .venv/bin/python benchmarks/bench_build.py --repeat 5 --json hasil.json
    .venv/bin/python benchmarks/bench_build.py --fixture       # self-test on tiny notebooks

``--fixture`` runs on ``tests/fixtures/notebooks`` with the data checks, the IKK summary and
the memo stubbed, so the script can be checked without the sample data.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TARGET = {"b/a": 0.3, "b'/a": 0.25, "b/c": 5.0, "b0/c": 5.0, "f/d": 1.5, "e/b'": 0.4}
TARGET_TANPA_PERUBAHAN = 1.0  # seconds, (d)
TARGET_KOMENTAR = 1.5  # (f) / (d): a YAML comment costs about a no-op rebuild
BATAS_MEMORI = 1 << 30

# Runs the build in a fresh interpreter with the checks, the IKK summary and the memo replaced
# by the test suite's stand-ins (tests/bantu_build.py; ``--fixture`` only).
_PENGGERAK_FIXTURE = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[7])
import pytest
from bantu_build import pasang_stub
pasang_stub(pytest.MonkeyPatch())
from lkjip_helpers.bangun.susun import build
satker, tahun, data, out, nbdir, pdf, docx = sys.argv[1:7] + sys.argv[8:9]
build(satker, int(tahun), Path(data), Path(out), notebooks_dir=Path(nbdir),
      pdf=pdf == "1", docx=docx == "1", progress=False)
"""


def _alat(nama: str, modul: str) -> list[str]:
    """The console script next to this interpreter, else ``python -m <modul>``."""
    skrip = BIN / nama
    return [str(skrip)] if skrip.exists() else [sys.executable, "-m", modul]


class PengukurMemori:
    """Samples the RSS of a process tree (psutil): the whole tree (``puncak``) and, for each
    child, that child with its descendants (``puncak_pekerja``: a batch worker and its
    kernel); keeps the peaks."""

    def __init__(self, pid: int, selang: float = 0.02) -> None:
        self.pid = pid
        self.selang = selang
        self.puncak = 0
        self.puncak_pekerja = 0
        self._henti = threading.Event()
        self._utas = threading.Thread(target=self._jalan, daemon=True)

    def _jalan(self) -> None:
        try:
            import psutil
        except ImportError:  # pragma: no cover - psutil comes with ipykernel
            return
        try:
            induk = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._henti.is_set():
            try:
                anak = induk.children()
                total = induk.memory_info().rss
            except psutil.Error:
                break
            for a in anak:
                pohon = 0
                with contextlib.suppress(psutil.Error):
                    for p in [a, *a.children(recursive=True)]:
                        with contextlib.suppress(psutil.Error):
                            pohon += p.memory_info().rss
                self.puncak_pekerja = max(self.puncak_pekerja, pohon)
                total += pohon
            self.puncak = max(self.puncak, total)
            self._henti.wait(self.selang)

    def __enter__(self) -> PengukurMemori:
        self._utas.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._henti.set()
        self._utas.join()


def _jalankan(perintah: list[str], cwd: Path, ukur_memori: bool = False) -> tuple[float, int, str]:
    """Run a command; return (seconds, peak RSS of its process tree in bytes, output)."""
    mulai = time.perf_counter()
    proses = subprocess.Popen(
        perintah, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    puncak = 0
    if ukur_memori:
        with PengukurMemori(proses.pid) as ukur:
            keluaran, _ = proses.communicate()
        puncak = ukur.puncak
    else:
        keluaran, _ = proses.communicate()
    detik = time.perf_counter() - mulai
    if proses.returncode != 0:
        sys.exit(f"perintah gagal ({proses.returncode}): {' '.join(perintah)}\n{keluaran}")
    return detik, puncak, keluaran


def naif(bab: list[Path], param: dict[str, str], kerja: Path) -> float:
    """(a) papermill CLI per chapter, then jupyter nbconvert --to html per chapter."""
    folder = kerja / "naif"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    total = 0.0
    papermill = _alat("papermill", "papermill")
    for nb in bab:
        perintah = [*papermill, str(nb), str(folder / nb.name), "--no-progress-bar"]
        for k, v in param.items():
            perintah += ["-p" if k == "tahun" else "-r", k, v]
        total += _jalankan(perintah, nb.parent)[0]
    jupyter = _alat("jupyter", "jupyter")
    for nb in bab:
        total += _jalankan([*jupyter, "nbconvert", "--to", "html", str(folder / nb.name)], folder)[
            0
        ]
    return total


def bangun(
    args: argparse.Namespace, kerja: Path, pdf: bool, bersihkan: bool = True, docx: bool = True
) -> tuple[float, int, str]:
    """(b)/(b')/(b0) one ``lkjip build`` in a fresh process; returns (seconds, peak RSS,
    output). ``bersihkan=False`` keeps the previous report (the rebuild variants d, e, f)."""
    out = kerja / ("keluaran-pdf" if pdf else "keluaran-html")
    if bersihkan:
        shutil.rmtree(out, ignore_errors=True)
    if args.fixture:
        perintah = [
            sys.executable,
            "-c",
            _PENGGERAK_FIXTURE,
            args.satker,
            str(args.tahun),
            str(args.data_dir),
            str(out),
            str(args.notebooks_dir),
            "1" if pdf else "0",
            str(ROOT / "tests"),
            "1" if docx else "0",
        ]
    else:
        perintah = [
            *_alat("lkjip", "lkjip_helpers"),
            "build",
            "--satker",
            args.satker,
            "--tahun",
            str(args.tahun),
            "--data-dir",
            str(args.data_dir),
            "--out-dir",
            str(out),
            "--notebooks-dir",
            str(args.notebooks_dir),
        ]
        if not pdf:
            perintah.append("--tanpa-pdf")
        if not docx:
            perintah.append("--tanpa-docx")
    return _jalankan(perintah, ROOT, ukur_memori=True)


LABEL_ULANG = {
    "d": "build ulang, tanpa perubahan",
    "f": "build ulang, komentar YAML saja",
    "e": "build ulang, satu narasi diubah",
}


def _rekam(kerja: Path) -> dict[str, object]:
    """The build.json of the report (b') in ``kerja``."""
    (path,) = (kerja / "keluaran-pdf").rglob("build.json")
    return json.loads(path.read_text(encoding="utf-8"))


def bangun_ulang(
    args: argparse.Namespace, kerja: Path, bab: list[Path]
) -> list[tuple[str, float, dict[str, object]]]:
    """(d), (f), (e) on the report (b') just built; the data copy is restored after."""
    folder = args.data_dir / "satker" / args.satker / str(args.tahun)
    kinerja, narasi = folder / "kinerja.yaml", folder / "narasi.yaml"
    asli = {p: p.read_bytes() for p in (kinerja, narasi)}
    hasil: list[tuple[str, float, dict[str, object]]] = []
    try:
        detik, _, keluaran = bangun(args, kerja, pdf=True, bersihkan=False)
        hasil.append(("d", detik, {"laporan dipakai ulang": "dipakai ulang" in keluaran}))
        kinerja.write_bytes(asli[kinerja] + b"\n# komentar yang tidak sampai ke laporan\n")
        for k, ubah in (
            ("f", None),
            ("e", ("latar_belakang: |-\n", "latar_belakang: |-\n  Kalimat pembuka baru.\n\n")),
        ):
            if ubah is not None:
                teks = narasi.read_text(encoding="utf-8")
                if ubah[0] not in teks:
                    sys.exit(f"{narasi}: tidak ada {ubah[0].strip()} untuk diubah")
                narasi.write_text(teks.replace(*ubah, 1), encoding="utf-8")
            detik, _, keluaran = bangun(args, kerja, pdf=True, bersihkan=False)
            if "dipakai ulang" in keluaran:  # the whole report: its build.json is the old one
                hasil.append((k, detik, {"laporan dipakai ulang": True}))
                continue
            pakai = _rekam(kerja).get("reused") or {}
            jalan = [p.name for p in bab if p.name not in pakai.get("notebooks", [])]
            hasil.append(
                (
                    k,
                    detik,
                    {
                        "laporan dipakai ulang": False,
                        "bab dijalankan": ", ".join(jalan) or "tidak ada",
                        "PDF dipakai ulang": ", ".join(pakai.get("pdf", [])) or "tidak ada",
                    },
                )
            )
    finally:
        for p, isi in asli.items():
            p.write_bytes(isi)
    return hasil


def lantai(kerja: Path) -> float:
    """(c) interpreter start plus pandas and matplotlib.pyplot imports."""
    return _jalankan([sys.executable, "-c", "import pandas, matplotlib.pyplot"], kerja)[0]


def _data_fixture(kerja: Path, satker: str, tahun: int) -> Path:
    data = kerja / "data"
    (data / "satker" / satker / str(tahun)).mkdir(parents=True, exist_ok=True)
    (data / "satker" / satker / "satker.yaml").write_text(
        f"id: {satker}\nnama: Satker Uji\nkatalog: uji\n", encoding="utf-8"
    )
    return data


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--satker", default="lapas-banyuasin")
    ap.add_argument("--tahun", type=int, default=2023)
    ap.add_argument("--data-dir", type=Path, default=ROOT / "data")
    ap.add_argument("--notebooks-dir", type=Path, default=ROOT / "notebooks")
    ap.add_argument("--repeat", type=int, default=3, help="repeats per variant (default 3)")
    ap.add_argument(
        "--fixture",
        action="store_true",
        help="self-test on tests/fixtures/notebooks with stubbed checks",
    )
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    # The package's bytecode written ahead, as an installed package has it (``make pyc``):
    # where PYTHONDONTWRITEBYTECODE is set, every process of every variant would otherwise
    # compile lkjip_helpers from source again (the floor's pandas and matplotlib have theirs).
    compileall.compile_dir(ROOT / "lkjip_helpers", quiet=1)

    with tempfile.TemporaryDirectory(prefix="lkjip-bench-") as tmp:
        kerja = Path(tmp)
        if args.fixture:
            args.satker = "contoh-satker"
            args.notebooks_dir = ROOT / "tests" / "fixtures" / "notebooks"
            args.data_dir = _data_fixture(kerja, args.satker, args.tahun)
        else:
            shutil.copytree(args.data_dir, kerja / "data")
            args.data_dir = kerja / "data"
        args.data_dir = args.data_dir.resolve()
        args.notebooks_dir = args.notebooks_dir.resolve()
        from lkjip_helpers.bangun.susun import daftar_bab

        bab = daftar_bab(args.notebooks_dir)
        if not bab:
            sys.exit(f"tidak ada notebook di {args.notebooks_dir}")
        param = {"satker": args.satker, "tahun": str(args.tahun), "data_dir": str(args.data_dir)}
        print(
            f"{len(bab)} notebook bab dari {args.notebooks_dir}; {args.repeat} ulangan; "
            f"{os.cpu_count()} CPU; Python {sys.version.split()[0]}",
            flush=True,
        )

        waktu: dict[str, list[float]] = {"a": [], "b": [], "b0": [], "b'": [], "c": []}
        dipakai: dict[str, dict[str, object]] = {}
        memori: list[int] = []
        for i in range(1, args.repeat + 1):
            waktu["a"].append(naif(bab, param, kerja))
            detik, rss, _ = bangun(args, kerja, pdf=False)
            waktu["b"].append(detik)
            memori.append(rss)
            detik, rss, _ = bangun(args, kerja, pdf=False, docx=False)
            waktu["b0"].append(detik)
            memori.append(rss)
            detik, rss, _ = bangun(args, kerja, pdf=True)
            waktu["b'"].append(detik)
            memori.append(rss)
            waktu["c"].append(lantai(kerja))
            if not args.fixture:
                for k, detik, info in bangun_ulang(args, kerja, bab):
                    waktu.setdefault(k, []).append(detik)
                    dipakai[k] = info
            print(
                f"  ulangan {i}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in waktu.items()),
                flush=True,
            )

    median = {k: statistics.median(v) for k, v in waktu.items()}
    rasio = {
        "b/a": median["b"] / median["a"],
        "b'/a": median["b'"] / median["a"],
        "b/c": median["b"] / median["c"],
        "b0/c": median["b0"] / median["c"],
    }
    if "d" in median and "f" in median:
        rasio["f/d"] = median["f"] / median["d"]
    if "e" in median:
        rasio["e/b'"] = median["e"] / median["b'"]
    puncak = max(memori) if memori else 0
    label = {
        "a": "naif (papermill + nbconvert CLI per bab)",
        "b": "lkjip build, HTML (+ DOCX)",
        "b0": "lkjip build, HTML saja (tanpa DOCX)",
        "b'": "lkjip build, HTML + PDF",
        "c": "lantai (import pandas, matplotlib)",
    }
    label.update(LABEL_ULANG)
    print("\nMedian")
    for k in ("a", "b", "b0", "b'", "c", "d", "f", "e"):
        if k in median:
            print(f"  ({k:2}) {label[k]:42} {median[k]:7.2f} s")
    print("Rasio")
    for k, v in rasio.items():
        status = "ok" if v <= TARGET[k] else "DI ATAS TARGET"
        print(f"  {k:5} {v:6.2f}   (target <= {TARGET[k]})  {status}")
    if "d" in median:
        status = "ok" if median["d"] <= TARGET_TANPA_PERUBAHAN else "DI ATAS TARGET"
        print(f"  d     {median['d']:6.2f} s (target <= {TARGET_TANPA_PERUBAHAN} s)  {status}")
    if "d" in median and "f" in median:
        f_d = median["f"] / median["d"]
        status = "ok" if f_d <= TARGET_KOMENTAR else "DI ATAS TARGET"
        print(f"  f/d   {f_d:6.2f}   (target <= {TARGET_KOMENTAR})  {status}")
    for k, info in dipakai.items():
        print(f"Build ulang ({k}): " + "; ".join(f"{n}: {v}" for n, v in info.items()))
    status = "ok" if puncak < BATAS_MEMORI else "DI ATAS TARGET"
    print(
        f"Memori puncak build (semua proses): {puncak / 2**20:.0f} MiB "
        f"(target < 1024 MiB)  {status}"
        if puncak
        else "Memori puncak: tidak terukur"
    )

    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "repeat": args.repeat,
                    "notebooks": [p.name for p in bab],
                    "seconds": waktu,
                    "median_s": median,
                    "ratios": rasio,
                    "targets": {**TARGET, "d": TARGET_TANPA_PERUBAHAN, "f/d": TARGET_KOMENTAR},
                    "reused": dipakai,
                    "peak_rss_bytes": puncak,
                    "fixture": args.fixture,
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
