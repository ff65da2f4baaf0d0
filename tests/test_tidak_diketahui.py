"""Unknown values ("tidak diketahui"): loaded as one marker, carried through every computation
as unknown (never 0), skipped by sums and means which say so, shown as "data tidak tersedia",
and each one is a finding."""

from __future__ import annotations

import copy
import pickle
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_helpers import format_id as f
from lkjip_helpers.hitung.anggaran import BarisAnggaran, hitung_anggaran, penyerapan, sisa
from lkjip_helpers.hitung.capaian import DATA_TIDAK_TERSEDIA, hitung_capaian, perubahan
from lkjip_helpers.hitung.hasil import hasil_laporan
from lkjip_helpers.muat import skema as s
from lkjip_helpers.periksa import periksa, periksa_data
from lkjip_helpers.tidak_diketahui import (
    TIDAK_DIKETAHUI,
    TidakDiketahui,
    diketahui,
    jumlah,
    rata_rata,
)

D = Decimal
DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"


def test_marker_has_no_arithmetic_and_no_order() -> None:
    for op in (
        lambda: TIDAK_DIKETAHUI + 1,
        lambda: 1 + TIDAK_DIKETAHUI,
        lambda: TIDAK_DIKETAHUI * D(2),
        lambda: TIDAK_DIKETAHUI < 5,
        lambda: float(TIDAK_DIKETAHUI),
        lambda: D(TIDAK_DIKETAHUI),
        lambda: sum([D(1), TIDAK_DIKETAHUI]),
    ):
        with pytest.raises(TypeError):
            op()
    assert TidakDiketahui() is TIDAK_DIKETAHUI
    assert copy.deepcopy(TIDAK_DIKETAHUI) is TIDAK_DIKETAHUI
    assert pickle.loads(pickle.dumps(TIDAK_DIKETAHUI)) is TIDAK_DIKETAHUI
    assert TIDAK_DIKETAHUI != 0 and bool(TIDAK_DIKETAHUI)  # `x or 0` keeps it unknown
    assert str(TIDAK_DIKETAHUI) == f"{TIDAK_DIKETAHUI:,.2f}" == "data tidak tersedia"
    assert not diketahui(TIDAK_DIKETAHUI) and not diketahui(None) and diketahui(D(0))


def test_format_id_shows_data_tidak_tersedia_without_unit_or_currency() -> None:
    for teks in (
        f.angka(TIDAK_DIKETAHUI),
        f.bulat(TIDAK_DIKETAHUI),
        f.persen(TIDAK_DIKETAHUI),
        f.rupiah(TIDAK_DIKETAHUI),
        f.poin(TIDAK_DIKETAHUI),
        f.nilai_satuan(TIDAK_DIKETAHUI, "orang"),
        f.nilai_satuan(TIDAK_DIKETAHUI, "%"),
    ):
        assert teks == "data tidak tersedia"
    assert f.angka(None) == f.KOSONG  # "no value" stays distinct from "unknown"


def test_sums_and_means_skip_unknown_and_say_so() -> None:
    # 73 + (unknown) + 9 → 82 over 2 known values, "Perempuan" skipped
    a = jumlah([("Laki-laki", D(73)), ("Perempuan", TIDAK_DIKETAHUI), ("Lain", D(9))])
    assert (a.nilai, a.dilewati, a.jumlah_data, a.lengkap) == (82, ("Perempuan",), 2, False)
    assert rata_rata([("a", D(2)), ("b", TIDAK_DIKETAHUI), ("c", D(4))]).nilai == 3
    assert jumlah([("a", TIDAK_DIKETAHUI)]).nilai is TIDAK_DIKETAHUI
    assert jumlah([("a", None)]).nilai is None


def test_computations_carry_unknown() -> None:
    assert penyerapan(TIDAK_DIKETAHUI, D(5)) is TIDAK_DIKETAHUI
    assert sisa(D(10), TIDAK_DIKETAHUI) is TIDAK_DIKETAHUI
    assert hitung_capaian(TIDAK_DIKETAHUI, D(80)) is TIDAK_DIKETAHUI
    assert hitung_capaian(D(80), TIDAK_DIKETAHUI, "turun") is TIDAK_DIKETAHUI
    assert perubahan(TIDAK_DIKETAHUI, D(100))[0] is None
    # a breakdown sum skips the unknown line and says which one; its penyerapan is only
    # computed when pagu and realisasi skipped the same lines
    a = s.Anggaran(
        pagu=300,
        realisasi=280,
        per_jenis_belanja=[
            {"jenis": "pegawai", "pagu": 100, "realisasi": 90},
            {"jenis": "modal", "pagu": 200, "realisasi": "tidak diketahui"},
        ],
    )
    j = hitung_anggaran(a, 2023).jenis_jumlah
    assert isinstance(j, BarisAnggaran)
    assert (j.pagu, j.realisasi, j.dilewati_realisasi) == (300, 90, ("Belanja Modal",))
    assert j.penyerapan is TIDAK_DIKETAHUI and not j.lengkap


@pytest.fixture
def data(tmp_path: Path) -> Path:
    tujuan = tmp_path / "data"
    shutil.copytree(DATA / "katalog", tujuan / "katalog")
    shutil.copytree(DATA / "satker" / SATKER, tujuan / "satker" / SATKER)
    return tujuan


def _ganti(path: Path, lama: str, baru: str) -> None:
    teks = path.read_text(encoding="utf-8")
    assert lama in teks
    path.write_text(teks.replace(lama, baru, 1), encoding="utf-8")


def test_unknown_pagu_and_capacity_in_the_sample(data: Path) -> None:
    # The report printed "Pagu Rp0 terealisasi Rp0" and "Kapasitas hunian 1 orang" when the
    # analyst had to type 0 or 1 for a figure nobody knew.
    folder = data / "satker" / SATKER / "2023"
    # the sample answers PAGU_IKPA_BEDA, a finding an unknown pagu no longer produces
    (folder / "tanggapan.yaml").unlink()
    _ganti(folder / "anggaran.yaml", "pagu: 16466041000", "pagu: tidak diketahui")
    _ganti(folder / "profil.yaml", "kapasitas: 485", "kapasitas: tidak diketahui")
    h = hasil_laporan(SATKER, 2023, data)
    assert h.anggaran.total.pagu is TIDAK_DIKETAHUI
    assert h.anggaran.total.penyerapan is TIDAK_DIKETAHUI
    assert h.okupansi is TIDAK_DIKETAHUI
    b = h.besaran()
    assert b["anggaran.pagu"] is TIDAK_DIKETAHUI and b["profil.kapasitas"] is TIDAK_DIKETAHUI
    temuan = periksa(SATKER, 2023, data)
    td = [t for t in temuan if t.kode == "NILAI_TIDAK_DIKETAHUI"]
    assert sorted(t.lokasi.split(",")[-1].strip() for t in td) == ["kapasitas", "pagu"]
    assert all(t.tingkat == "peringatan" for t in td)
    assert "2023/anggaran.yaml baris" in next(t.lokasi for t in td if t.lokasi.endswith("pagu"))
    # claims on figures that are now unknown are "cannot be computed", not a crash
    kl = [t for t in temuan if t.kode == "KLAIM_TIDAK_DAPAT_DIHITUNG"]
    assert any("anggaran.penyerapan" in t.pesan and "tidak diketahui" in t.pesan for t in kl)
    assert not [t for t in temuan if t.tingkat == "error"]
    # no 2023 budget comparison against an unknown total (2022's own finding stays)
    assert not [
        t
        for t in temuan
        if t.kode == "ANGGARAN_TIDAK_MENJUMLAH"
        and t.lokasi.startswith("2023/")
        and "pagu" in t.pesan
    ]


def test_unknown_realisasi_and_target_of_an_ikk(data: Path) -> None:
    folder = data / "satker" / SATKER / "2023"
    _ganti(folder / "kinerja.yaml", "pembilang: 1435", "pembilang: tidak diketahui")
    _ganti(folder / "kinerja.yaml", "target: 94", "target: tidak diketahui")
    h = hasil_laporan(SATKER, 2023, data)
    sk11, sk12 = h.ikk_kode("SK1.1"), h.ikk_kode("SK1.2")
    assert sk11.nilai_realisasi is TIDAK_DIKETAHUI and sk11.capaian is TIDAK_DIKETAHUI
    assert sk12.target is TIDAK_DIKETAHUI and sk12.sumber_target == "PK"  # no silent fallback
    assert sk12.capaian is TIDAK_DIKETAHUI
    r = next(x for x in h.sasaran if x.sasaran.kode == "SK1")
    # the two unknown capaian are left out of the mean; SK1.1 is "tidak dihitung", SK1.2 keeps
    # its known realisasi 1435 / 1177 = 121,92 % above 100 %, so it needs verification
    assert r.capaian_dilewati == ("SK1.1", "SK1.2")
    assert (sk11.status, sk12.status) == (DATA_TIDAK_TERSEDIA, "Perlu verifikasi")
    assert (r.tidak_dihitung, r.perlu_verifikasi) == (1, 1)
    jumlah = r.tercapai + r.tidak_tercapai + r.tidak_berlaku + r.tidak_dihitung + r.perlu_verifikasi
    assert jumlah == len(r.ikk)
    lokasi = [t.lokasi for t in periksa_data(h.data) if t.kode == "NILAI_TIDAK_DIKETAHUI"]
    assert any(x.endswith("indikator[1].realisasi.pembilang") for x in lokasi)
    assert any(x.endswith("indikator[2].target") for x in lokasi)


def test_unknown_staff_count_is_skipped_in_the_total(data: Path) -> None:
    folder = data / "satker" / SATKER / "2023"
    _ganti(folder / "profil.yaml", "jumlah: 9\n", "jumlah: tidak diketahui\n")
    h = hasil_laporan(SATKER, 2023, data)
    # 73 laki-laki + (perempuan unknown) = 73, and the report can say what was skipped
    assert h.jumlah_pegawai == 73 and h.pegawai_dilewati == ("Perempuan",)


def test_unknown_smart_component_leaves_the_score_uncomputed(data: Path) -> None:
    folder = data / "satker" / SATKER / "2023"
    _ganti(folder / "evaluasi.yaml", "konsistensi: 98.1", "konsistensi: tidak diketahui")
    h = hasil_laporan(SATKER, 2023, data)
    assert h.smart is None and h.nka is None and h.ikpa is not None
    assert h.tanpa_hitung_ulang and "konsistensi" in h.tanpa_hitung_ulang[0][1]
    assert "NILAI_TIDAK_DIHITUNG_ULANG" in {t.kode for t in periksa_data(h.data)}
