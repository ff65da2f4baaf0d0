"""Results computed once per object (lkjip_helpers.tembolok)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lkjip_helpers.tembolok import sekali_per_objek


@dataclass
class _Data:
    nilai: int


def test_sekali_per_objek_dan_tidak_tertukar() -> None:
    dipanggil: list[int] = []

    @sekali_per_objek
    def dua_kali(d: _Data) -> int:
        dipanggil.append(d.nilai)
        return d.nilai * 2

    a, b = _Data(3), _Data(3)
    assert dua_kali(a) == 6 and dua_kali(a) == 6
    assert dipanggil == [3]  # computed once for a
    assert dua_kali(b) == 6 and dipanggil == [3, 3]  # an equal but other object: its own
    assert a == b  # the kept result is not a field
    c = replace(a, nilai=5)
    assert dua_kali(c) == 10  # a copy with another value is not served a's result


def test_hasil_dan_dokumen_sekali_per_sumber() -> None:
    from lkjip_helpers.hitung.hasil import hasil_laporan, hasil_untuk
    from lkjip_helpers.laporan import dokumen_laporan

    h = hasil_laporan("lapas-banyuasin", 2023)
    assert hasil_untuk(h.data) is h
    assert dokumen_laporan(h) is dokumen_laporan(h)
