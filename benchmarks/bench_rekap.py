"""Benchmark of the national roll-up: ``--jumlah`` fictitious satkers (default 500) grouped by
Kanwil, rendered to HTML and PDF (target: under a minute).

No report is built: the roll-up is fed the per-satker records a batch hands it
(``anggota-<periode>.json``, :class:`lkjip_helpers.laporan.rekap.angka.RekamSatker`). The records are
made from the sample satker's own record (computed once from ``data/``), its capaian varied
with a seeded random generator, spread over ``--kanwil`` Kanwil (default 33); a few IKK are
made "perlu verifikasi", "tidak dapat dinilai" and "tidak berlaku", and two entries failed.
Printed: seconds for the whole roll-up (notebook, HTML, PDF, Excel), pages, and the sizes.

Usage::

    .venv/bin/python benchmarks/bench_rekap.py                   # 500 satkers, HTML + PDF
    .venv/bin/python benchmarks/bench_rekap.py --jumlah 50 --tanpa-pdf --simpan /tmp/rekap
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkjip_helpers.bangun.rekap import render_rekap  # noqa: E402
from lkjip_helpers.hitung.capaian import TIDAK_BERLAKU  # noqa: E402
from lkjip_helpers.laporan.rekap.angka import (  # noqa: E402
    KELAS_STATUS,
    KOLOM_STATUS,
    PERLU_VERIFIKASI,
    TERCAPAI,
    TIDAK_DAPAT_DINILAI,
    TIDAK_TERCAPAI,
    IkkRekam,
    RekamSatker,
    rekam_satker,
)

PROVINSI = [
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi",
    "Sumatera Selatan", "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta",
    "Banten", "Jawa Barat", "Jawa Tengah", "DI Yogyakarta", "Jawa Timur", "Bali",
    "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah",
    "Kalimantan Selatan", "Kalimantan Timur", "Sulawesi Utara", "Gorontalo", "Sulawesi Tengah",
    "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku", "Maluku Utara",
    "Papua Barat", "Papua",
]  # fmt: skip


def rekam_fiktif(dasar: RekamSatker, jumlah: int, n_kanwil: int, seed: int) -> list[RekamSatker]:
    """``jumlah`` records varied from ``dasar``, spread over ``n_kanwil`` Kanwil in blocks."""
    acak = random.Random(seed)
    hasil = []
    for i in range(jumlah):
        prov = PROVINSI[i * n_kanwil // jumlah % len(PROVINSI)]
        ikk = []
        for x in dasar.ikk:
            r = acak.random()
            if r < 0.02:
                ikk.append(IkkRekam(x.kode, x.indikator, None, TIDAK_DAPAT_DINILAI))
                continue
            if r < 0.03:
                ikk.append(IkkRekam(x.kode, x.indikator, None, TIDAK_BERLAKU))
                continue
            cap = Decimal(str(round(acak.gauss(108, 18), 4)))
            kelas = TERCAPAI if cap >= 100 else TIDAK_TERCAPAI
            if r < 0.06:
                kelas = PERLU_VERIFIKASI
            ikk.append(IkkRekam(x.kode, x.indikator, cap, kelas))
        ringkas = dict(dasar.ringkas)
        ringkas.update(
            nama=f"Lapas Kelas IIB Fiktif {i + 1:03d}",
            kanwil=f"Kantor Wilayah Kementerian Hukum dan HAM {prov}",
            penyerapan_persen=f"{acak.uniform(85, 100):.2f}",
            nilai_smart=f"{acak.uniform(80, 99):.2f}",
            nilai_ikpa=f"{acak.uniform(85, 100):.2f}",
            masalah_belum_ditanggapi=str(acak.randint(0, 12)),
        )
        for k in KELAS_STATUS:
            ringkas[KOLOM_STATUS[k]] = str(sum(x.kelas == k for x in ikk))
        dinilai = [x.capaian for x in ikk if x.capaian is not None and x.kelas != PERLU_VERIFIKASI]
        ringkas["rata_capaian_persen"] = f"{sum(dinilai) / len(dinilai):.2f}" if dinilai else ""
        hasil.append(RekamSatker(f"lapas-fiktif-{i + 1:03d}", ringkas, ikk))
    return hasil


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jumlah", type=int, default=500, help="satkers (default 500)")
    ap.add_argument("--kanwil", type=int, default=33, help="Kanwil (default 33)")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--tanpa-pdf", action="store_true", help="HTML only")
    ap.add_argument("--simpan", type=Path, default=None, help="keep the roll-up in this folder")
    args = ap.parse_args(argv)

    dasar = rekam_satker("lapas-banyuasin", 2023, "tahunan", ROOT / "data")
    anggota = rekam_fiktif(dasar, args.jumlah, args.kanwil, args.seed)
    kerja = Path(tempfile.mkdtemp(prefix="bench-rekap-"))
    try:
        berkas = kerja / "anggota-2023.json"
        berkas.write_text(
            json.dumps({"anggota": [a.ke_json() for a in anggota]}, ensure_ascii=False),
            encoding="utf-8",
        )
        gagal = [
            {"satker": "lapas-rusak", "periode": "2023", "bab": "04_bab3", "pesan": "galat"},
            {"satker": "rutan-rusak", "periode": "2023-semester-1", "pesan": "YAML tidak sah"},
        ]
        tujuan = kerja / "rekap" / "2023"
        mulai = time.perf_counter()
        render_rekap(
            tujuan,
            satker=[a.satker for a in anggota],
            tahun=2023,
            periode="tahunan",
            data_dir=ROOT / "data",
            gagal=gagal,
            pdf=not args.tanpa_pdf,
            rekam=berkas,
        )
        detik = time.perf_counter() - mulai
        ukuran = {p.name: p.stat().st_size for p in tujuan.iterdir() if p.is_file()}
        halaman = ""
        if not args.tanpa_pdf:
            from pypdf import PdfReader

            halaman = f", {len(PdfReader(str(tujuan / 'rekap.pdf')).pages)} halaman PDF"
        print(
            f"rekap {args.jumlah} satker / {args.kanwil} Kanwil: {detik:.1f} dtk"
            f"{halaman}; " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sorted(ukuran.items()))
        )
        if args.simpan:
            shutil.rmtree(args.simpan, ignore_errors=True)
            shutil.copytree(tujuan, args.simpan)
            print(f"disimpan di {args.simpan}")
    finally:
        shutil.rmtree(kerja, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
