"""One value per quantity: a quantity the data hold twice is printed once, as the evidence says."""

from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

from lkjip_helpers.hitung import hasil_laporan
from lkjip_helpers.laporan import susun_dokumen
from lkjip_helpers.laporan.model import Tabel, ratakan
from lkjip_helpers.muat import muat_laporan
from lkjip_helpers.periksa import periksa_data, tinjauan

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"


def _sel_rupiah(dok) -> list[tuple[str, str, D]]:
    """(table key, row label, value) of every rupiah cell the report model holds."""
    out = []
    for bagian in dok.bab.values():
        for b in bagian.values():
            for x in ratakan(b.blok):
                if not isinstance(x, Tabel):
                    continue
                for baris in x.baris_datar():
                    label = " ".join(s.teks for s in baris if s is not None and not s.angka)
                    for s in baris:
                        if s is not None and s.jenis == "rupiah" and s.nilai is not None:
                            out.append((x.kunci, label, D(s.nilai)))
    return out


def test_the_pk_budget_of_a_program_is_one_value_wherever_printed():
    # Bab II C prints 5.722.235.000 for Program Dukungan Manajemen, the signed PK 5.722.917.000.
    # 10.715.235.000 + 5.722.917.000 = 16.438.152.000 = the pagu of the IKPA assessment; with
    # 5.722.235.000 the total is 16.437.470.000, which no figure of the data has.
    h = hasil_laporan(SATKER, 2023, DATA)
    (g,) = h.nilai_ganda
    assert g.dipakai == D(5722917000)
    assert [c.nilai for c in g.calon] == [D(5722235000), D(5722917000)]
    assert g.calon[1].bukti == (
        "Rp10.715.235.000 + Rp5.722.917.000 = Rp16.438.152.000 = pagu pada penilaian IKPA",
    )
    sel = _sel_rupiah(susun_dokumen(h))
    program = [v for k, label, v in sel if "Dukungan Manajemen" in label]
    # Bab II (program row) and Lampiran PK (program and kegiatan rows): one value
    assert len(program) >= 3 and set(program) == {D(5722917000)}
    assert not [x for x in sel if x[2] == D(5722235000)]
    # and the totals built on it agree: Bab II's Jumlah is 10.715.235.000 + 5.722.917.000
    jumlah = {v for k, label, v in sel if k == "anggaran-program" and label.strip() == "Jumlah"}
    assert jumlah == {D(16438152000)}


def test_the_memo_shows_both_values_with_the_evidence():
    d = muat_laporan(SATKER, 2023, DATA)
    (t,) = [t for t in periksa_data(d) if t.kode == "NILAI_GANDA"]
    assert "Rp5.722.235.000" in t.pesan and "Rp5.722.917.000" in t.pesan
    assert "pagu pada penilaian IKPA" in t.pesan and "Rp16.437.470.000" in t.pesan
    (m,) = [m for m in tinjauan(d).masalah if m.kode == "NILAI_GANDA"]
    assert m.id == t.id and m.tingkat == "peringatan"


def test_without_evidence_the_data_stand(tmp_path):
    # no IKPA pagu: neither value is confirmed, the program's budget stays as entered
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    ev = data / "satker" / SATKER / "2023" / "evaluasi.yaml"
    ev.write_text(ev.read_text(encoding="utf-8").replace("  pagu: 16438152000\n", ""), "utf-8")
    h = hasil_laporan(SATKER, 2023, data)
    (g,) = h.nilai_ganda
    assert g.dipakai is None
    assert h.anggaran.per_program[1].pagu == D(5722235000)


def test_the_reconciled_2022_cell_is_printed_as_supported_with_its_sisa():
    # 2022 per jenis belanja: 4.794.000.011 + 14.990.934.790 = 19.784.934.801 (the total) and
    # 15.001.021.000 − 14.990.934.790 = 10.086.210 (the draft's sisa): the recorded
    # 14.990.943.790 is the one cell that disagrees; the report prints the supported reading
    h = hasil_laporan(SATKER, 2023, DATA)
    dok = susun_dokumen(h)
    sel = _sel_rupiah(dok)
    assert not [x for x in sel if x[2] in (D(14990943790), D(10077210), D(19784943801))]
    barang = [v for k, label, v in sel if k == "anggaran-jenis-2022" and "Barang" in label]
    assert barang == [D(15001021000), D(14990934790), D(10086210)]
    tabel = dok.cari("tabel", "anggaran-jenis-2022")
    (catatan,) = tabel.catatan
    assert "Rp14.990.934.790" in catatan and "ANGGARAN_TIDAK_MENJUMLAH-" in catatan
    # the note names the memo entry of that table
    memo = {m.id for m in tinjauan(muat_laporan(SATKER, 2023, DATA)).masalah}
    assert catatan.rstrip(".)").rsplit(" ", 1)[-1] in memo
