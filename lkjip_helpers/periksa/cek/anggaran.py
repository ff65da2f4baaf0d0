"""Checks of the budget (DIPA total, the per-sasaran, per-program and per-jenis-belanja
tables, a program's budget against its sasaran's) and of a quantity held with two values."""

from __future__ import annotations

from decimal import Decimal

from ...hitung import HasilLaporan
from ...hitung.anggaran import BarisAnggaran, HasilAnggaran
from ...hitung.capaian import teks_kunci
from ...muat import DataTahun
from ...muat.skema import AnggaranProgram
from ..rekonsiliasi import diagnosa_anggaran
from .kumpulan import Kumpulan, persen, rupiah

_TABEL = (
    ("per_sasaran", "per sasaran"),
    ("per_program", "per program"),
    ("per_jenis_belanja", "per jenis belanja"),
)


def cek_anggaran(k: Kumpulan, h: HasilLaporan) -> None:
    d = k.data
    for dt, ang in ((d.ini, h.anggaran), (d.lalu, h.anggaran_lalu)):
        if ang is None or dt is None:
            continue
        _cek_anggaran_tahun(k, dt, ang)
    # cells the figures already read as the supported value (hitung), then any other (a
    # draft's stated sisa that disagrees with the data)
    for sel in diagnosa_anggaran(d, h):
        _cek_anggaran_sel(k, sel, dipakai=sel in h.sel_koreksi)
    _cek_anggaran_sasaran(k, h)


def _cek_anggaran_tahun(k: Kumpulan, dt, ang) -> None:
    """One year's budget: realisasi over pagu (total and per line), tables that do not sum."""
    th = dt.tahun
    lok = k.lokasi(dt, "anggaran")
    if (
        isinstance(ang.total.realisasi, Decimal)
        and isinstance(ang.total.pagu, Decimal)
        and ang.total.realisasi > ang.total.pagu
    ):
        k.tambah(
            "REALISASI_MELEBIHI_PAGU",
            lok,
            f"realisasi total {rupiah(ang.total.realisasi)} melebihi pagu {rupiah(ang.total.pagu)}",
            kunci=f"{th}|total",
            subjek=(("anggaran", th, "total"),),
        )
    for (nama, teks), baris, jumlah in zip(
        _TABEL,
        (ang.per_sasaran, ang.per_program, ang.per_jenis),
        (ang.sasaran_jumlah, ang.program_jumlah, ang.jenis_jumlah),
        strict=True,
    ):
        _cek_anggaran_baris(k, dt, nama, baris)
        if jumlah is None or not jumlah.lengkap:
            continue  # unknown lines: the sum is partial (the unknown values are findings)
        _cek_anggaran_jumlah(k, dt, ang, nama, teks, jumlah)


def _cek_anggaran_baris(k: Kumpulan, dt, nama: str, baris) -> None:
    th = dt.tahun
    for i, b in enumerate(baris):
        if (
            isinstance(b.realisasi, Decimal)
            and isinstance(b.pagu, Decimal)
            and b.realisasi > b.pagu
        ):
            k.tambah(
                "REALISASI_MELEBIHI_PAGU",
                k.lokasi(dt, "anggaran", nama, i, label=b.kunci),
                f"realisasi {rupiah(b.realisasi)} melebihi pagu {rupiah(b.pagu)} "
                f"(penyerapan {persen(b.penyerapan)})",
                kunci=f"{th}|{nama}|{b.kunci}",
                subjek=(("anggaran", th, nama, b.kunci),),
            )


def _cek_anggaran_jumlah(k: Kumpulan, dt, ang, nama: str, teks: str, jumlah) -> None:
    """A complete table's sums against the total pagu and realisasi."""
    th = dt.tahun
    if isinstance(ang.total.pagu, Decimal) and jumlah.pagu != ang.total.pagu:
        k.tambah(
            "ANGGARAN_TIDAK_MENJUMLAH",
            k.lokasi(dt, "anggaran", nama),
            f"jumlah pagu {teks} {rupiah(jumlah.pagu)} ≠ pagu total "
            f"{rupiah(ang.total.pagu)} (selisih {rupiah(jumlah.pagu - ang.total.pagu)})",
            kunci=f"{th}|{nama}|pagu",
            subjek=(("anggaran", th, nama),),
        )
    if (
        isinstance(jumlah.realisasi, Decimal)
        and isinstance(ang.total.realisasi, Decimal)
        and jumlah.realisasi != ang.total.realisasi
    ):
        k.tambah(
            "ANGGARAN_TIDAK_MENJUMLAH",
            k.lokasi(dt, "anggaran", nama),
            f"jumlah realisasi {teks} {rupiah(jumlah.realisasi)} ≠ "
            f"realisasi total {rupiah(ang.total.realisasi)} "
            f"(selisih {rupiah(jumlah.realisasi - ang.total.realisasi)})",
            kunci=f"{th}|{nama}|realisasi",
            subjek=(("anggaran", th, nama),),
        )


def _cek_anggaran_sel(k: Kumpulan, sel, *, dipakai: bool) -> None:
    """A budget cell that disagrees with its table's sums; ``dipakai``: hitung reads the fit."""
    nama_tabel = {"per_sasaran": "sasaran", "per_program": "program"}.get(sel.tabel, "jenis")
    besaran = (
        {"per_sasaran": "anggaran", "per_program": "anggaran", "per_jenis_belanja": "anggaran"}[
            sel.tabel
        ]
        + (f".{nama_tabel}_jumlah" if sel.bagian == "jumlah" else f".{nama_tabel}.{sel.bagian}")
        + f".{sel.ukuran}"
    )
    k.tambah(
        "ANGGARAN_SEL_TIDAK_COCOK",
        sel.lokasi_data,
        f"{sel.ukuran} {sel.label_bagian} {sel.tahun} tercatat {rupiah(sel.tercatat)}; dengan "
        f"{rupiah(sel.cocok)} semua jumlah tabel {sel.judul_tabel} cocok ("
        + "; ".join(sel.persamaan)
        + ")"
        + (f"; laporan memakai {rupiah(sel.cocok)}" if dipakai else ""),
        kunci=f"{sel.tahun}|{sel.tabel}|{sel.bagian}|{sel.ukuran}|{teks_kunci(sel.tercatat)}",
        subjek=(sel.subjek, sel.subjek[:3]),
        **(
            {
                "besaran": besaran,
                "tahun": sel.tahun,
                "dinyatakan": str(sel.tercatat),
                "dihitung": str(sel.cocok),
            }
            if dipakai and sel.bagian != "jumlah"
            else {}
        ),
    )


def _cek_anggaran_sasaran(k: Kumpulan, h: HasilLaporan) -> None:
    """Sasaran codes of the budget tables against the catalogue and the PK's sasaran."""
    d = k.data
    ini = d.ini
    if h.anggaran and ini.kinerja:
        ada = {b.kunci for b in h.anggaran.per_sasaran}
        for r in h.sasaran:
            if h.anggaran.per_sasaran and r.sasaran.kode not in ada:
                k.tambah(
                    "SASARAN_TANPA_ANGGARAN",
                    k.lokasi(ini, "anggaran", "per_sasaran"),
                    f"sasaran {r.sasaran.kode} tidak punya baris anggaran; efisiensi tidak dapat dinilai",
                    kunci=r.sasaran.kode,
                    subjek=(("sasaran", r.sasaran.kode), ("anggaran", d.tahun, "per_sasaran")),
                )
        for i, b in enumerate(h.anggaran.per_sasaran):
            if b.kunci not in d.sasaran:
                k.tambah(
                    "SASARAN_TIDAK_DIKENAL",
                    k.lokasi(ini, "anggaran", "per_sasaran", i, "sasaran"),
                    f"sasaran {b.kunci!r} tidak ada di katalog; diharapkan salah satu dari "
                    + ", ".join(d.sasaran),
                    kunci=b.kunci,
                    subjek=(("anggaran", d.tahun, "per_sasaran"),),
                )
    if ini.anggaran is not None and ini.kinerja:
        for i, prog in enumerate(ini.anggaran.per_program):
            for j, kode in enumerate(prog.sasaran):
                if kode not in d.sasaran:
                    k.tambah(
                        "SASARAN_TIDAK_DIKENAL",
                        k.lokasi(ini, "anggaran", "per_program", i, "sasaran", j),
                        f"sasaran {kode!r} (program {prog.program!r}) tidak ada di katalog; "
                        "diharapkan salah satu dari " + ", ".join(d.sasaran),
                        kunci=f"per_program|{kode}",
                        subjek=(("anggaran", d.tahun, "per_program"),),
                    )


def cek_program_sasaran(k: Kumpulan, h: HasilLaporan) -> None:
    """A program whose sasaran are exactly covered by the per-sasaran breakdown (each of them
    there, none shared with another program) must have the budget of their sum: Bab II's
    PK budget per program and the per-sasaran tables print the same money twice. Both
    figures are printed as entered; the difference is reported."""
    d = k.data
    for dt, ang in ((d.ini, h.anggaran), (d.lalu, h.anggaran_lalu)):
        if ang is None or dt is None or dt.anggaran is None:
            continue
        program = dt.anggaran.per_program
        if len(program) != len(ang.per_program):
            continue
        for i, (p, b) in enumerate(zip(program, ang.per_program, strict=True)):
            baris = _sasaran_program(program, i, ang)
            if baris is None:
                continue  # not exactly covered: the sum would not be the program's
            for ukuran in ("pagu", "realisasi"):
                _program_sasaran_ukuran(k, dt, i, p, b, baris, ukuran)


def _sasaran_program(
    program: list[AnggaranProgram], i: int, ang: HasilAnggaran
) -> list[BarisAnggaran] | None:
    """The per-sasaran rows of program ``i`` when they are exactly its sasaran (each there,
    none shared with another program), else None."""
    milik = set(program[i].sasaran)
    lain = {x for j, q in enumerate(program) if j != i for x in q.sasaran}
    baris = [x for x in ang.per_sasaran if x.kunci in milik]
    if not milik or milik & lain or sorted(x.kunci for x in baris) != sorted(milik):
        return None
    return baris


def _program_sasaran_ukuran(
    k: Kumpulan,
    dt: DataTahun,
    i: int,
    p: AnggaranProgram,
    b: BarisAnggaran,
    baris: list[BarisAnggaran],
    ukuran: str,
) -> None:
    """One measure (pagu, realisasi) of program ``i`` (entered ``p``, computed ``b``) against
    the sum of its sasaran's rows."""
    vp = getattr(b, ukuran)
    vs = [getattr(x, ukuran) for x in baris]
    if not isinstance(vp, Decimal) or not all(isinstance(v, Decimal) for v in vs):
        return
    jumlah = sum(vs, Decimal(0))
    if jumlah == vp:
        return
    kode = [x.kunci for x in baris]
    rinci = " + ".join(rupiah(v) for v in vs)
    k.tambah(
        "ANGGARAN_PROGRAM_SASARAN_BEDA",
        k.lokasi(dt, "anggaran", "per_program", i, ukuran)
        + "; "
        + k.lokasi(dt, "anggaran", "per_sasaran"),
        f"{ukuran} {p.program} {dt.tahun} pada tabel anggaran Perjanjian Kinerja per "
        f"program/kegiatan {rupiah(vp)}, sedangkan {ukuran} sasarannya "
        f"({', '.join(kode)}) pada tabel anggaran per sasaran kegiatan berjumlah "
        + (f"{rinci} = " if len(vs) > 1 else "")
        + f"{rupiah(jumlah)}; selisih {rupiah(abs(vp - jumlah))} (anggaran program lebih "
        + ("besar)" if vp > jumlah else "kecil)"),
        kunci=f"{dt.tahun}|{i + 1}|{ukuran}|{vp}|{jumlah}",
        subjek=(
            ("anggaran", dt.tahun, "per_program", str(i + 1)),
            *(("anggaran", dt.tahun, "per_sasaran", x) for x in kode),
        ),
    )


def cek_nilai_ganda(k: Kumpulan, h: HasilLaporan) -> None:
    """A quantity the data hold with two values (:mod:`...hitung.nilai_ganda`)."""
    dt = k.data.ini
    for g in h.nilai_ganda:
        no = g.program
        lok = k.lokasi(dt, "anggaran", "per_program", no - 1, "pagu")
        lok += "; " + k.lokasi(dt, "lampiran", "perjanjian_kinerja", "anggaran")
        k.tambah(
            "NILAI_GANDA",
            lok,
            g.uraian,
            kunci=g.kunci,
            subjek=(("anggaran", h.tahun, "per_program", str(no)),),
        )
