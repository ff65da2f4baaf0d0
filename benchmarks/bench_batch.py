"""Benchmark of ``lkjip batch`` on many satker-periods, in one run.

A temporary data folder gets ``--jumlah`` satkers (default 20): copies of the satkers under
``data/satker/`` with a ``--tahun`` report (round robin) under new ids. Then, each
variant once, in this order:

  (a)  naive loop: per report the ``papermill`` CLI once per chapter, then
       ``jupyter nbconvert --to html`` once per executed chapter. The loop is strictly
       sequential and every report costs the same, so by default it is timed on
       ``--naif-sampel`` reports (default 3) and scaled to the batch size (the output says
       so); ``--naif-penuh`` times all of them;
  (b)  ``lkjip batch --pekerja 1``;
  (c)  ``lkjip batch --pekerja 2``;
  (d)  ``lkjip batch --pelaksana dask --pekerja 2`` (a Dask ``LocalCluster``);
  (e)  the roll-up document alone (reports unchanged, roll-up rendered);
  (f)  a re-run with nothing changed (every report and the roll-up skipped);

(b)–(d) build into fresh output folders with ``--tanpa-rekap`` so they time the reports
only; builds are HTML-only unless ``--pdf``. Printed: seconds, the ratios against the targets
of the batch issue (b/c ≥ 1,6; a/c ≥ 6; f < 2 s; Dask overhead (d − c)/c < 15 %) and the peak
memory of one worker (its process and its kernel; target < 1 GiB).

Usage::

    .venv/bin/python benchmarks/bench_batch.py                  # 20 reports of the sample
    .venv/bin/python benchmarks/bench_batch.py --json hasil.json
    .venv/bin/python benchmarks/bench_batch.py --fixture --jumlah 4   # self-test, tiny notebooks
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import PengukurMemori, _alat, naif  # noqa: E402

TARGET = {"b/c": 1.6, "a/c": 6.0, "f": 2.0, "dask": 0.15, "memori": 1 << 30}


CPU: dict[str, float] = {}
"""CPU seconds (user + system) of every process of a variant: the batch, its workers, their
kernels (children's resource usage, counted when they are waited for)."""


def _cpu_anak() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def batch(
    args: argparse.Namespace, kerja: Path, out: Path, *tambahan: str, sampel: bool = False
) -> tuple[float, PengukurMemori, str]:
    """One ``lkjip batch`` in a fresh process: (seconds, memory sampler, its output)."""
    perintah = [
        *_alat("lkjip", "lkjip_helpers"),
        "batch",
        "--satker",
        "semua",
        "--tahun",
        str(args.tahun),
        "--data-dir",
        str(kerja / "data"),
        "--out-dir",
        str(out),
        "--notebooks-dir",
        str(args.notebooks_dir),
        *([] if args.pdf else ["--tanpa-pdf"]),
        *tambahan,
    ]
    mulai, cpu = time.perf_counter(), _cpu_anak()
    proses = subprocess.Popen(
        perintah, cwd=kerja, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    with PengukurMemori(proses.pid, selang=0.05) as ukur:
        keluaran, _ = proses.communicate()
    detik = time.perf_counter() - mulai
    CPU[str(out.name) + " ".join(tambahan)] = _cpu_anak() - cpu
    if proses.returncode != 0 or sampel:
        print(keluaran)
    if proses.returncode != 0:
        sys.exit(f"batch gagal ({proses.returncode}): {' '.join(perintah)}")
    return detik, ukur, keluaran


def siapkan_data(kerja: Path, args: argparse.Namespace) -> list[str]:
    """``kerja/data``: catalogs plus ``--jumlah`` satker copies; returns their ids."""
    data = kerja / "data"
    data.mkdir(parents=True)
    sumber = args.data_dir
    if (sumber / "katalog").is_dir():
        shutil.copytree(sumber / "katalog", data / "katalog")
    asal = sorted(
        p
        for p in (sumber / "satker").iterdir()
        # a report of that year, not only the previous-year values of a later period's report
        if (p / "satker.yaml").is_file() and (p / str(args.tahun) / "profil.yaml").is_file()
    )
    if not asal:
        sys.exit(f"tidak ada satker dengan data {args.tahun} di {sumber}")
    ids = []
    for i in range(args.jumlah):
        src = asal[i % len(asal)]
        baru = f"{src.name}-b{i + 1:02d}"
        shutil.copytree(src, data / "satker" / baru)
        yaml = data / "satker" / baru / "satker.yaml"
        yaml.write_text(
            yaml.read_text(encoding="utf-8").replace(f"id: {src.name}", f"id: {baru}", 1),
            encoding="utf-8",
        )
        ids.append(baru)
    return ids


def _data_fixture(kerja: Path, args: argparse.Namespace) -> list[str]:
    """``--fixture``: the sample data (the fixture chapters ignore it apart from the checks)."""
    args.data_dir = ROOT / "data"
    return siapkan_data(kerja, args)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jumlah", type=int, default=20, help="satker-periods (default 20)")
    ap.add_argument("--tahun", type=int, default=2023)
    ap.add_argument("--data-dir", type=Path, default=ROOT / "data")
    ap.add_argument("--notebooks-dir", type=Path, default=ROOT / "notebooks")
    ap.add_argument("--naif-sampel", type=int, default=3, help="reports timed naively (3)")
    ap.add_argument("--naif-penuh", action="store_true", help="time the naive loop on all")
    ap.add_argument("--pdf", action="store_true", help="build the PDFs too (default HTML only)")
    ap.add_argument("--tanpa-dask", action="store_true", help="skip the Dask variant")
    ap.add_argument("--fixture", action="store_true", help="tiny test notebooks (self-test)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    if args.fixture:
        args.notebooks_dir = ROOT / "tests" / "fixtures" / "notebooks"
    args.notebooks_dir = args.notebooks_dir.resolve()
    args.data_dir = args.data_dir.resolve()

    from lkjip_helpers.bangun.susun import daftar_bab

    bab = daftar_bab(args.notebooks_dir)
    hasil: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-batch-") as tmp:
        kerja = Path(tmp)
        ids = siapkan_data(kerja, args)
        n_naif = len(ids) if args.naif_penuh else min(args.naif_sampel, len(ids))
        print(
            f"{len(ids)} laporan ({', '.join(ids[:2])}, …), {len(bab)} notebook bab, "
            f"{'HTML + PDF' if args.pdf else 'HTML saja'}; {os.cpu_count()} CPU; "
            f"Python {sys.version.split()[0]}; beban mesin (load average 1 menit) "
            f"{os.getloadavg()[0]:.2f}",
            flush=True,
        )

        detik_naif = 0.0
        for s in ids[:n_naif]:
            param = {"satker": s, "tahun": str(args.tahun), "data_dir": str(kerja / "data")}
            detik_naif += naif(bab, param, kerja / "naif-kerja")
        hasil["a"] = detik_naif * len(ids) / n_naif
        print(
            f"  (a) naif: {detik_naif:.1f} s untuk {n_naif} laporan → {hasil['a']:.1f} s "
            f"untuk {len(ids)}" + ("" if n_naif == len(ids) else " (diskalakan)"),
            flush=True,
        )

        hasil["b"], m1, _ = batch(args, kerja, kerja / "out-1", "--pekerja", "1", "--tanpa-rekap")
        cpu_b = CPU[next(reversed(CPU))]
        print(
            f"  (b) --pekerja 1: {hasil['b']:.1f} s (CPU semua proses {cpu_b:.1f} s = "
            f"{cpu_b / hasil['b']:.2f} inti rata-rata; beban {os.getloadavg()[0]:.2f})",
            flush=True,
        )
        hasil["c"], m2, _ = batch(args, kerja, kerja / "out-2", "--pekerja", "2", "--tanpa-rekap")
        cpu_c = CPU[next(reversed(CPU))]
        print(
            f"  (c) --pekerja 2: {hasil['c']:.1f} s (CPU {cpu_c:.1f} s = "
            f"{cpu_c / hasil['c']:.2f} inti; beban {os.getloadavg()[0]:.2f})",
            flush=True,
        )
        md = None
        if not args.tanpa_dask:
            hasil["d"], md, _ = batch(
                args,
                kerja,
                kerja / "out-dask",
                "--pelaksana",
                "dask",
                "--pekerja",
                "2",
                "--tanpa-rekap",
            )
            print(f"  (d) --pelaksana dask --pekerja 2: {hasil['d']:.1f} s", flush=True)
        hasil["e"], _, _ = batch(args, kerja, kerja / "out-2", "--pekerja", "2")
        print(f"  (e) rekap saja (laporan tidak berubah): {hasil['e']:.1f} s", flush=True)
        hasil["f"], _, keluaran = batch(args, kerja, kerja / "out-2", "--pekerja", "2")
        print(f"  (f) ulang tanpa perubahan: {hasil['f']:.2f} s", flush=True)
        if f"{len(ids)} tidak berubah" not in keluaran:
            print(keluaran)
            sys.exit("ulang tanpa perubahan membangun sesuatu: periksa sidik masukan")

    rasio = {"b/c": hasil["b"] / hasil["c"], "a/c": hasil["a"] / hasil["c"]}
    if "d" in hasil:
        rasio["dask"] = (hasil["d"] - hasil["c"]) / hasil["c"]
    memori = {
        "pekerja_1": m1.puncak,
        "pekerja_2_per_pekerja": m2.puncak_pekerja,
        "pekerja_2_total": m2.puncak,
        "dask_per_pekerja": md.puncak_pekerja if md else 0,
    }

    def ok(lulus: bool) -> str:
        return "ok" if lulus else "DI LUAR TARGET"

    print("\nHasil")
    print(
        f"  (b)/(c) pekerja 1 ÷ pekerja 2   {rasio['b/c']:6.2f}×  (target ≥ 1,6)  {ok(rasio['b/c'] >= 1.6)}"
    )
    print(
        f"  (a)/(c) naif ÷ batch            {rasio['a/c']:6.2f}×  (target ≥ 6)    {ok(rasio['a/c'] >= 6)}"
    )
    print(
        f"  (f) ulang tanpa perubahan       {hasil['f']:6.2f} s  (target < 2 s)  {ok(hasil['f'] < 2)}"
    )
    if "dask" in rasio:
        print(
            f"  Dask vs pekerja 2               {rasio['dask'] * 100:+6.1f} %  (target < 15 %) "
            f"{ok(rasio['dask'] < 0.15)}"
        )
    puncak = max(memori["pekerja_1"], memori["pekerja_2_per_pekerja"], memori["dask_per_pekerja"])
    print(
        f"  memori puncak satu pekerja      {puncak / 2**20:6.0f} MiB (target < 1024)  "
        f"{ok(puncak < TARGET['memori'])}  [pekerja 1: {memori['pekerja_1'] / 2**20:.0f}, "
        f"pekerja 2: {memori['pekerja_2_per_pekerja'] / 2**20:.0f} per pekerja / "
        f"{memori['pekerja_2_total'] / 2**20:.0f} total, Dask: "
        f"{memori['dask_per_pekerja'] / 2**20:.0f} per pekerja]"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "laporan": args.jumlah,
                    "naif_sampel": n_naif,
                    "pdf": args.pdf,
                    "fixture": args.fixture,
                    "detik": hasil,
                    "rasio": rasio,
                    "memori_bytes": memori,
                    "cpu_detik": CPU,
                    "target": TARGET,
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
