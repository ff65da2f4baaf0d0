"""``tanggapan.yaml``: answers by id, unknown ids, "Perlu verifikasi" lifted, ``check --ketat``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lkjip_helpers import format_id as f
from lkjip_helpers.cli import main
from lkjip_helpers.hitung import hitung
from lkjip_helpers.hitung.capaian import PERLU_VERIFIKASI, TERCAPAI
from lkjip_helpers.muat import muat_laporan
from lkjip_helpers.periksa import periksa_data, tinjauan

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"
RASIO = "RASIO_DI_ATAS_100-bd621e"  # id_temuan("RASIO_DI_ATAS_100", "wbp|1435|1177")


@pytest.fixture
def salinan(tmp_path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


def _tanggapan(data: Path, isi: str) -> Path:
    p = data / "satker" / SATKER / "2023" / "tanggapan.yaml"
    p.write_text(isi, encoding="utf-8")
    return p


def test_sample_tanggapan_is_valid_and_known():
    temuan = periksa_data(muat_laporan(SATKER, 2023, DATA))
    assert not [t for t in temuan if t.kode.startswith("TANGGAPAN_")]


def test_unknown_id_is_an_error_naming_the_line(salinan):
    _tanggapan(
        salinan,
        "tanggapan:\n"
        "  - id: PAGU_IKPA_BEDA-42e64c\n    status: dijelaskan\n    teks: Penjelasan.\n"
        "  - id: KLAIM_BEDA-000000\n    status: dijelaskan\n    teks: Salah salin.\n"
        "  - id: BUKAN_KODE-123abc\n    status: diperbaiki\n    teks: Kode tidak ada.\n",
    )
    temuan = periksa_data(muat_laporan(SATKER, 2023, salinan))
    salah = [t for t in temuan if t.kode == "TANGGAPAN_TIDAK_DIKENAL"]
    assert [(t.tingkat, t.lokasi) for t in salah] == [
        ("error", "2023/tanggapan.yaml baris 5, tanggapan[2].id"),
        ("error", "2023/tanggapan.yaml baris 8, tanggapan[3].id"),
    ]
    assert "id KLAIM_BEDA-000000 tidak dikenal" in salah[0].pesan
    assert "kode BUKAN_KODE bukan kode pemeriksaan" in salah[1].pesan


def test_fixed_problem_that_is_gone_is_only_noted(salinan):
    # an answer "diperbaiki" whose finding no longer appears: the fix worked
    _tanggapan(
        salinan,
        "tanggapan:\n  - id: REALISASI_MELEBIHI_PAGU-000000\n    status: diperbaiki\n"
        "    teks: Realisasi SK4 dibetulkan.\n",
    )
    temuan = periksa_data(muat_laporan(SATKER, 2023, salinan))
    (t,) = [t for t in temuan if t.kode.startswith("TANGGAPAN_")]
    assert (t.kode, t.tingkat) == ("TANGGAPAN_SELESAI", "info")


def test_same_id_twice_is_an_error(salinan):
    _tanggapan(
        salinan,
        "tanggapan:\n"
        f"  - id: {RASIO}\n    status: dijelaskan\n    teks: Satu.\n"
        f"  - id: {RASIO}\n    status: diperbaiki\n    teks: Dua.\n",
    )
    temuan = periksa_data(muat_laporan(SATKER, 2023, salinan))
    (t,) = [t for t in temuan if t.kode == "TANGGAPAN_GANDA"]
    assert t.tingkat == "error" and t.lokasi.startswith("2023/tanggapan.yaml baris 5")
    assert "baris 2" in t.pesan


def test_explained_ratio_lifts_perlu_verifikasi(salinan):
    d = muat_laporan(SATKER, 2023, DATA)
    h = hitung(d)
    assert [x.status for x in h.ikk[:2]] == [PERLU_VERIFIKASI, PERLU_VERIFIKASI]
    # SK1's mean without SK1.1/SK1.2: (125 + 117,647 + 125 + 117,647) / 4 = 121,32
    assert f.angka(h.sasaran[0].rata_capaian) == "121,32"
    jawab = (
        f"tanggapan:\n  - id: {RASIO}\n    status: dijelaskan\n"
        "    teks: 1.435 adalah porsi yang dipesan, 1.177 jumlah WBP.\n"
    )
    # explained but not (yet) accepted by a reviewer: nothing in the report changes, and the
    # prose counts (placeholders) follow the table's statuses
    _tanggapan(salinan, jawab)
    d = muat_laporan(SATKER, 2023, salinan)
    h = hitung(d)
    assert [x.status for x in h.ikk[:2]] == [PERLU_VERIFIKASI, PERLU_VERIFIKASI]
    assert f.angka(h.sasaran[0].rata_capaian) == "121,32"
    besaran = h.besaran()
    assert besaran["ikk.jumlah_perlu_verifikasi"] == 2 == len(h.perlu_verifikasi)
    assert besaran["ikk.jumlah_tercapai"] == len(h.tercapai) == 23
    (m,) = [m for m in tinjauan(d).masalah if m.id == RASIO]
    assert "belum diterima peninjau" in m.uraian
    # accepted by a reviewer (who and when recorded): the status is lifted
    _tanggapan(
        salinan,
        jawab + '    diterima_oleh: Inspektorat Wilayah\n    tanggal_diterima: "2024-01-20"\n',
    )
    d = muat_laporan(SATKER, 2023, salinan)
    h = hitung(d)
    sk11, sk12 = h.ikk[:2]
    assert (sk11.status, sk12.status) == (TERCAPAI, TERCAPAI)
    assert sk11.penjelasan_verifikasi == "1.435 adalah porsi yang dipesan, 1.177 jumlah WBP."
    # back in the mean: (152,40 + 129,70 + 125 + 117,647 + 125 + 117,647) / 6 = 127,90
    assert f.angka(h.sasaran[0].rata_capaian) == "127,90"
    assert len(h.tercapai) == 25
    # the finding stays, answered; nothing changes a conclusion any more
    memo = tinjauan(d)
    (m,) = [m for m in memo.masalah if m.id == RASIO]
    assert m.terjawab and m.tanggapan.status == "dijelaskan"
    assert not [k for k in m.kesimpulan if "perlu verifikasi" in k]
    assert memo.perlu_verifikasi == []


def test_diperbaiki_does_not_lift_perlu_verifikasi(salinan):
    _tanggapan(
        salinan,
        f"tanggapan:\n  - id: {RASIO}\n    status: diperbaiki\n    teks: Akan dibetulkan.\n",
    )
    h = hitung(muat_laporan(SATKER, 2023, salinan))
    assert h.ikk[0].status == PERLU_VERIFIKASI


def test_acceptance_needs_who_and_when_and_an_explanation(salinan):
    from lkjip_helpers.errors import DataError

    _tanggapan(
        salinan,
        f"tanggapan:\n  - id: {RASIO}\n    status: dijelaskan\n    teks: X.\n"
        "    diterima_oleh: Inspektorat Wilayah\n",
    )
    with pytest.raises(DataError, match="tanggal_diterima"):
        muat_laporan(SATKER, 2023, salinan)
    _tanggapan(
        salinan,
        f"tanggapan:\n  - id: {RASIO}\n    status: diperbaiki\n    teks: X.\n"
        '    diterima_oleh: Inspektorat Wilayah\n    tanggal_diterima: "2024-01-20"\n',
    )
    with pytest.raises(DataError, match="hanya untuk status dijelaskan"):
        muat_laporan(SATKER, 2023, salinan)


def test_diperbaiki_with_the_finding_still_there_is_not_an_answer(salinan, tmp_path, capsys):
    # "diperbaiki" but the data unchanged: the problem is still found, so the answer does not
    # count; the memo says so and --ketat fails naming it
    _tanggapan(
        salinan,
        f"tanggapan:\n  - id: {RASIO}\n    status: diperbaiki\n    teks: Sudah dibetulkan.\n",
    )
    memo = tinjauan(muat_laporan(SATKER, 2023, salinan))
    (m,) = [m for m in memo.masalah if m.id == RASIO]
    assert m.perbaikan_gagal == [RASIO] and not m.terjawab and m in memo.belum_dijawab
    assert main(_check(salinan, "--json", str(tmp_path / "t.json"), "--ketat")) == 1
    out = capsys.readouterr().out
    assert RASIO in out and "dijawab diperbaiki, tetapi masih muncul" in out


def _check(data: Path, *extra: str) -> list[str]:
    return ["check", "--satker", SATKER, "--tahun", "2023", "--data-dir", str(data), *extra]


def test_check_ketat_exit_codes(salinan, tmp_path, capsys):
    keluar = tmp_path / "t.json"
    # the sample answers 2 of its warnings: plain check 0, strict 1
    assert main(_check(salinan, "--json", str(keluar))) == 0
    assert main(_check(salinan, "--json", str(keluar), "--ketat")) == 1
    out = capsys.readouterr().out
    assert "Mode ketat:" in out and "belum ditanggapi" in out and RASIO in out
    isi = json.loads(keluar.read_text(encoding="utf-8"))
    belum = [m["id"] for m in isi["masalah"] if m["tingkat"] != "info" and not m["terjawab"]]
    # answer every open warning by the ids the memo lists → strict passes. The answers are
    # explanations: a problem still found cannot have been fixed ("diperbaiki" is refused), and
    # an explanation not accepted by a reviewer changes no status in the report.
    _tanggapan(
        salinan,
        "tanggapan:\n"
        + "".join(
            f"  - id: {i}\n    status: dijelaskan\n    teks: Dijelaskan kepada peninjau.\n"
            for i in [*belum, "PAGU_IKPA_BEDA-42e64c", "KLAIM_BEDA-1af7ba"]
        ),
    )
    assert main(_check(salinan, "--json", str(keluar), "--ketat")) == 0
    assert "semua error dan peringatan sudah ditanggapi" in capsys.readouterr().out


def test_check_unknown_id_exits_1(salinan, tmp_path, capsys):
    _tanggapan(
        salinan, "tanggapan:\n  - id: KLAIM_BEDA-000000\n    status: dijelaskan\n    teks: X.\n"
    )
    assert main(_check(salinan, "--json", str(tmp_path / "t.json"))) == 1
    out = capsys.readouterr().out
    assert "TANGGAPAN_TIDAK_DIKENAL" in out and "tanggapan.yaml baris 2" in out
