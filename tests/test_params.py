"""Run parameters: a satker id is a slug, a tahun a four-digit year; nothing else passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_helpers.errors import LkjipError, ParameterError
from lkjip_helpers.muat.parameter import (
    folder_tahun,
    validasi_parameter,
    validasi_satker,
    validasi_tahun,
)


@pytest.mark.parametrize("satker", ["lapas-banyuasin", "rutan-palembang-2", "a", "lp1", "a" * 64])
def test_valid_slugs(satker):
    assert validasi_satker(satker) == satker


@pytest.mark.parametrize(
    "satker",
    [
        "../etc",
        "..",
        "Lapas",
        "lapas_banyuasin",
        "lapas banyuasin",
        "lapas--banyuasin",
        "-lapas",
        "lapas-",
        "lapas/banyuasin",
        "/etc/passwd",
        "",
        "lapas\n",
        "a" * 65,
        "lapas.banyuasin",
        "lápas",
    ],
)
def test_invalid_slugs_are_refused_in_indonesian(satker):
    with pytest.raises(ParameterError) as e:
        validasi_satker(satker)
    pesan = str(e.value)
    assert "tidak sah" in pesan and "huruf kecil" in pesan and "lapas-banyuasin" in pesan


def test_non_string_satker():
    with pytest.raises(ParameterError):
        validasi_satker(None)  # type: ignore[arg-type]
    with pytest.raises(ParameterError):
        validasi_satker(2023)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("tahun", "harapan"),
    [(2023, 2023), ("2023", 2023), (" 2022 ", 2022), ("1990", 1990), ("2100", 2100)],
)
def test_valid_years(tahun, harapan):
    assert validasi_tahun(tahun) == harapan


@pytest.mark.parametrize(
    "tahun",
    [
        "20x3",
        "23",
        "02023",
        "12345",
        "",
        "2023.0",
        2023.0,
        "-2023",
        "../2023",
        "2023/..",
        True,
    ],
)
def test_invalid_years_are_refused(tahun):
    with pytest.raises(ParameterError, match="harus empat digit"):
        validasi_tahun(tahun)


@pytest.mark.parametrize("tahun", ["1900", "1989", "2101", "9999"])
def test_year_out_of_range_names_the_range(tahun):
    # Issue 10: `--tahun 1900` said "harus empat digit" although it has four digits.
    with pytest.raises(ParameterError) as info:
        validasi_tahun(tahun)
    pesan = str(info.value)
    assert "empat digit" not in pesan
    assert "antara 1990 dan 2100" in pesan and tahun in pesan


def test_parameter_error_is_exit_code_2():
    assert issubclass(ParameterError, LkjipError)
    assert ParameterError.exit_code == 2


def test_validasi_parameter_and_folder():
    assert validasi_parameter("lapas-banyuasin", "2023") == ("lapas-banyuasin", 2023)
    assert folder_tahun("data", "lapas-banyuasin", "2023") == Path(
        "data/satker/lapas-banyuasin/2023"
    )
    with pytest.raises(ParameterError):
        folder_tahun("data", "../etc", 2023)
    with pytest.raises(ParameterError):
        folder_tahun("data", "lapas-banyuasin", "20x3")


@pytest.mark.parametrize(
    ("tahun", "periode", "kunci"),
    [
        (2023, "tahunan", "2023"),
        ("2022", "semester-1", "2022-semester-1"),
        (2024, " Triwulan-4 ", "2024-triwulan-4"),
    ],
)
def test_kunci_periode(tahun, periode, kunci):
    from lkjip_helpers.muat.parameter import kunci_periode

    assert kunci_periode(tahun, periode) == kunci


@pytest.mark.parametrize("periode", ["semester-3", "semester1", "", "../x", "tahun", None])
def test_periode_tidak_sah(periode):
    from lkjip_helpers.muat.parameter import validasi_periode

    with pytest.raises(
        ParameterError, match=r"periode .* tidak sah: pilih salah satu dari tahunan"
    ):
        validasi_periode(periode)  # type: ignore[arg-type]


def test_id_temuan_stabil_dan_berbentuk():
    from lkjip_helpers.muat.kunci import id_sah, id_temuan

    a = id_temuan("RASIO_DI_ATAS_100", "1435|1177")
    assert a == id_temuan("RASIO_DI_ATAS_100", "1435|1177")
    assert a != id_temuan("RASIO_DI_ATAS_100", "1435|1178")
    assert a.startswith("RASIO_DI_ATAS_100-") and id_sah(a)
    assert not id_sah("rasio-123456") and not id_sah("RASIO_DI_ATAS_100-12345g")
