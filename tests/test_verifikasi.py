"""Validity tests of IKK data and the status "Perlu verifikasi" (hand-made and the sample)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from lkjip_helpers import format_id as f
from lkjip_helpers.hitung import hasil_laporan
from lkjip_helpers.hitung.capaian import (
    PERLU_VERIFIKASI,
    TERCAPAI,
    TIDAK_TERCAPAI,
    hitung_ikk,
    hitung_realisasi,
    uji_validitas,
)
from lkjip_helpers.muat import skema as s
from lkjip_helpers.muat.kunci import id_temuan

DATA = Path(__file__).parents[1] / "data"
SASARAN = s.SasaranDef(kode="SK1", nama="Perawatan")


def _defn(**ubah) -> s.IndikatorDef:
    dasar = dict(
        kode="SK1.1",
        sasaran="SK1",
        nama="Makanan",
        satuan="%",
        jenis="rasio",
        pembilang="WBP yang mendapat makanan",
        penyebut="WBP",
        populasi="wbp",
    )
    dasar.update(ubah)
    return s.IndikatorDef(**dasar)


def _ikk(defn: s.IndikatorDef, pembilang, penyebut, target=80, **kw):
    data = s.CapaianIkk(
        kode=defn.kode, target=target, realisasi={"pembilang": pembilang, "penyebut": penyebut}
    )
    return hitung_ikk(defn, SASARAN, data, 1, 2023, **kw)


def test_share_above_100_fails_the_validity_test():
    # 1435 fed of 1177 inmates (seed baris 872): 1435 > 1177, a share cannot exceed the whole
    real = hitung_realisasi(_defn(), s.Realisasi(pembilang=1435, penyebut=1177))
    (c,) = uji_validitas(_defn(), real)
    assert (c.kode, c.kunci) == ("RASIO_DI_ATAS_100", "wbp|1435|1177")
    assert c.id == id_temuan("RASIO_DI_ATAS_100", "wbp|1435|1177")
    assert c.alasan == (
        "1.435 (WBP yang mendapat makanan) melebihi 1.177 (WBP): bagian tidak mungkin lebih "
        "besar dari keseluruhannya"
    )
    # the same fact in the satker's own words, for the LKjIP
    assert (
        c.uraian == "jumlah WBP yang mendapat makanan (1.435) lebih besar dari jumlah WBP (1.177)"
    )
    # equal numbers (100 %) and shares that are not part of the penyebut are fine
    assert (
        uji_validitas(_defn(), hitung_realisasi(_defn(), s.Realisasi(pembilang=5, penyebut=5)))
        == ()
    )
    lepas = _defn(bagian_dari_penyebut=False)
    assert uji_validitas(lepas, hitung_realisasi(lepas, s.Realisasi(pembilang=9, penyebut=5))) == ()


def test_share_above_100_is_perlu_verifikasi_not_tercapai():
    # 1435 / 1177 × 100 = 121,92 %; against 80: 152,40 % — "Tercapai" by the numbers alone
    h = _ikk(_defn(), 1435, 1177)
    assert f.angka(h.capaian) == "152,40"
    assert (h.status, h.status_hitung) == (PERLU_VERIFIKASI, TERCAPAI)
    assert h.alasan_verifikasi.startswith("1.435 (WBP yang mendapat makanan) melebihi 1.177")
    assert h.uraian_verifikasi == (
        "jumlah WBP yang mendapat makanan (1.435) lebih besar dari jumlah WBP (1.177)"
    )
    # explained by the satker (tanggapan.yaml, status dijelaskan): counted as usual
    (c,) = h.cacat
    h = _ikk(_defn(), 1435, 1177, dijelaskan={c.id: "porsi yang dipesan"})
    assert (h.status, h.alasan_verifikasi, h.penjelasan_verifikasi) == (
        TERCAPAI,
        None,
        "porsi yang dipesan",
    )
    # an answer to another finding does not lift it
    assert _ikk(_defn(), 1435, 1177, dijelaskan={"X-000000": "…"}).status == PERLU_VERIFIKASI


def test_unmet_target_with_invalid_data_is_perlu_verifikasi_too():
    # 120 of 100 against a target of 150 %: 120 / 150 × 100 = 80 % → "Tidak tercapai" by the
    # numbers, but the share above 100 % makes the figure itself doubtful
    h = _ikk(_defn(), 120, 100, target=150)
    assert (h.status, h.status_hitung) == (PERLU_VERIFIKASI, TIDAK_TERCAPAI)


def test_zero_penyebut_without_rule_is_perlu_verifikasi():
    # penyebut_nol: galat and 0 / 0: no capaian; the IKK is "Perlu verifikasi" with the reason
    h = _ikk(_defn(kode="SK1.4"), 0, 0)
    assert h.capaian is None and h.galat
    (c,) = h.cacat
    assert (c.kode, c.kunci) == ("HITUNG_GAGAL", "SK1.4|penyebut_nol")
    assert h.status == PERLU_VERIFIKASI
    assert "penyebut bernilai nol" in h.alasan_verifikasi
    # with a rule (seratus) there is nothing to verify: 100 / 80 × 100 = 125 %
    h = _ikk(_defn(kode="SK3.1", penyebut_nol="seratus"), 0, 0)
    assert (h.cacat, h.status, h.capaian) == ((), TERCAPAI, D(125))


def test_sample_sasaran_mean_leaves_out_ikk_to_verify():
    h = hasil_laporan("lapas-banyuasin", 2023, DATA)
    sk1 = h.sasaran[0]
    # SK1.3 1/1, SK1.4 25/25, SK1.5, SK1.6 (100 % each) against 80, 85, 80, 85:
    # (125 + 117,647 + 125 + 117,647) / 4 = 121,3235 → "121,32" (SK1.1 and SK1.2 left out)
    assert f.angka(sk1.rata_capaian) == "121,32"
    assert (sk1.tercapai, sk1.tidak_tercapai, sk1.perlu_verifikasi, sk1.tidak_dihitung) == (
        4,
        0,
        2,
        0,
    )
    b = h.besaran()
    assert b["ikk.jumlah_perlu_verifikasi"] == 2 and b["ikk.jumlah_tercapai"] == 23
    assert b["ikk.sasaran.SK1.jumlah_perlu_verifikasi"] == 2
    # the recomputed capaian stays available (claims compare with it)
    assert f.angka(b["ikk.SK1.1.capaian"]) == "152,40"
