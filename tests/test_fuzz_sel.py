"""Fuzzing the workbook import's cell reader (issue 19): random cell values of every Python type
openpyxl can hand back, under every column kind and number format of the workbook, read as
``lkjip impor`` reads them. Every case ends in a typed value that YAML stores and reads back
unchanged, or in a :class:`~lkjip_helpers.isian.buku_kerja.sel.MasalahSel` with an Indonesian
message — never another exception. The reader is fuzzed directly (no workbook written), so
more than 1 000 cases run in a few seconds; the count is printed, as test_fuzz_yaml does.
The whole import over random cells is fuzzed, more slowly, in test_buku_kerja_fuzz.py.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from decimal import Decimal

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_helpers.isian.buku_kerja import tata_letak as t
from lkjip_helpers.isian.buku_kerja.baca import _urai, _yaml
from lkjip_helpers.isian.buku_kerja.sel import MasalahSel

pytestmark = pytest.mark.fuzz

HITUNGAN: Counter[str] = Counter()

FORMAT = st.sampled_from(
    ["General", t.FORMAT_RUPIAH, "0%", "0.00%", '0.00"%"', "@", "0.00", "#,##0.00", "\\%0"]
)
PILIHAN = st.sampled_from([t.JENIS_BELANJA, t.POLARITAS, t.YA_TIDAK, t.SATUAN_SARAN])
_TEKS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
NILAI = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    _TEKS,
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.dates(),
    st.times(),
    st.timedeltas(),
    st.sampled_from(
        [
            "1.234",
            "1.234,5",
            "1,234.5",
            "Rp 16.466.041.000",
            "Rp. -1.000",
            "99,21%",
            "99,21 %",
            "tidak diketahui",
            " TIDAK  DIKETAHUI ",
            "=1+1",
            "-0",
            "−5",
            "1e30",
            "1e-30",
            "1e999999",
            "12.500",
            "#DIV/0!",
            "#N/A",
            "\u00a01\u202f000",
            "0,0000001",
            "100000000000000000000",
            "2023: 80; 2024: 85",
            "2023: 80; 2023: 85",
            "2023 80",
            "SK1, SK2,, SK3",
            "a\r\nb\rc",
            "Ya",
            "tidak",
            "pegawai",
            "\x00",
            "١٢٣",
        ]
    ),
)

_TIPE_HASIL = (type(None), bool, int, float, str, list, dict)


def _tanpa_nan(x: object) -> bool:
    if isinstance(x, float):
        return math.isfinite(x)
    if isinstance(x, dict):
        return all(_tanpa_nan(v) for v in x.values())
    if isinstance(x, list):
        return all(_tanpa_nan(v) for v in x)
    return True


@settings(
    max_examples=1100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    jenis=st.sampled_from(t.JENIS_KOLOM),
    nilai=NILAI,
    fmt=FORMAT,
    pilihan=PILIHAN,
    boleh_td=st.booleans(),
)
def test_sel_acak_terbaca_atau_ditolak_jelas(
    jenis: str, nilai: object, fmt: str, pilihan: tuple[str, ...], boleh_td: bool
) -> None:
    HITUNGAN["kasus"] += 1
    try:
        v = _urai(jenis, nilai, fmt, pilihan, boleh_td)
    except MasalahSel as e:
        teks = str(e)
        assert teks.strip() and "Traceback" not in teks
        HITUNGAN["ditolak"] += 1
        return
    HITUNGAN["terbaca"] += 1
    isi = _yaml(v)
    assert isinstance(isi, _TIPE_HASIL), (jenis, nilai, isi)
    assert _tanpa_nan(isi), (jenis, nilai, isi)
    if isinstance(v, Decimal):
        assert v.is_finite()
    if jenis == "pilihan" and isi is not None:
        assert isi in pilihan
    # the value the import writes is read back unchanged from the YAML file
    assert yaml.safe_load(yaml.safe_dump({"x": isi}, allow_unicode=True)) == {"x": isi}


def test_jumlah_kasus_dicetak(capsys: pytest.CaptureFixture) -> None:
    """Runs after the property (file order): prints and checks the number of cases."""
    with capsys.disabled():
        print(
            f"\nfuzz sel buku kerja: {HITUNGAN['kasus']} kasus; {HITUNGAN['terbaca']} terbaca, "
            f"{HITUNGAN['ditolak']} ditolak dengan pesan jelas, 0 galat tak tertangani"
        )
    if HITUNGAN["kasus"] == 0:
        pytest.skip("the fuzz property did not run in this session (-k / -m filter)")
    assert HITUNGAN["kasus"] >= 1000
