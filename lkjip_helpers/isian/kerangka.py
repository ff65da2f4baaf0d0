"""Scaffold of a new satker (``lkjip satker-baru``): minimal data files to fill in.

Writes under ``<data_dir>/satker/<satker>/``:

- ``satker.yaml`` (when the satker is new): identity and the catalog it uses;
- ``<kunci>/kinerja.yaml``: the report period and one entry per indicator of the catalog,
  target and realisasi left empty (the definitions stay in the shared catalog);
- ``<kunci>/profil.yaml`` and ``<kunci>/anggaran.yaml``: the required fields, empty.

Every field carries an Indonesian comment saying what to write, taken from the schema's field
description and "wajib" (:mod:`lkjip_helpers.muat.bantuan`). Required fields are left
empty on purpose: ``lkjip check`` on a fresh scaffold lists everything still to fill, in one
run. Optional files (evaluasi, narasi, lampiran, klaim) are described in data/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError, ParameterError
from ..muat import skema as s
from ..muat.bantuan import bantuan, keterangan, wajib
from ..muat.berkas import muat_berkas
from ..muat.parameter import PERIODE, kunci_periode, validasi_laporan
from ..muat.periode import Periode, rentang_periode


@dataclass(frozen=True)
class HasilKerangka:
    """What :func:`buat_kerangka` wrote."""

    folder: Path
    """The period folder (``data/satker/<satker>/<kunci>``)."""
    berkas: tuple[Path, ...]
    katalog: str
    satker_baru: bool
    """False when the satker existed and only a new period folder was added."""


def _pilih_katalog(data_dir: Path, katalog: str | None) -> tuple[str, Path]:
    folder = data_dir / "katalog"
    tersedia = sorted(p.stem for p in folder.glob("*.yaml"))
    if katalog is None:
        if len(tersedia) != 1:
            raise ParameterError(
                "pilih katalog dengan --katalog"
                + (f"; katalog yang tersedia: {', '.join(tersedia)}" if tersedia else "")
                + (f" (belum ada katalog di {folder})" if not tersedia else "")
            )
        katalog = tersedia[0]
    if katalog not in tersedia:
        raise ParameterError(
            f"katalog {katalog!r} tidak ditemukan di {folder}"
            + (f"; katalog yang tersedia: {', '.join(tersedia)}" if tersedia else "")
        )
    return katalog, folder / f"{katalog}.yaml"


def _f(teks: str, komentar: str, lebar: int) -> str:
    """``teks`` then, from column ``lebar + 1``, the comment ``# komentar``."""
    return f"{teks:<{lebar}} # {komentar}"


def _teks_satker(satker: str, katalog: str) -> str:
    baris = [
        "# Identitas satker (tetap dari tahun ke tahun). Isi field yang kosong; lihat "
        "data/README.md.",
        _f(f"id: {satker}", "jangan diubah: sama dengan nama folder", 33),
        *(
            _f(f"{nama}:", bantuan(s.Satker, (nama,)), 33)
            for nama in (
                "nama",
                "nama_singkat",
                "kementerian",
                "unit_eselon_i",
                "kanwil",
                "alamat",
                "kota",
                "laman",
                "surel",
            )
        ),
    ]
    return (
        "\n".join(baris)
        + f"""
# Katalog IKK bersama: definisi setiap indikator (nama, rumus, satuan, polaritas, target
# Renstra) ada di data/katalog/{katalog}.yaml dan dipakai banyak satker; jangan diketik ulang.
katalog: {katalog}
# Bila satker memakai rumusan lain untuk sebuah IKK katalog, tulis HANYA field yang berbeda
# (field lain tetap dari katalog). Contoh (hapus tanda # untuk memakainya):
# indikator_tambahan:
#   - kode: SK3.1
#     penyebut_nol: tidak_berlaku   # 0/0 (tidak ada pengaduan): tidak berlaku, bukan 100%
"""
    )


def _komentar_renstra(d: s.IndikatorDef, tahun: int) -> str:
    t = d.target_renstra.get(tahun)
    return f"target Renstra {tahun}: {t}" if t is not None else f"tanpa target Renstra {tahun}"


def _periode_laporan(periode: Periode) -> list[str]:
    def ket(nama: str, tambahan: str = "") -> str:
        return bantuan(s.PeriodeLaporan, (nama,), tambahan)

    awal, akhir = rentang_periode(periode.id)
    baris = [
        "periode_laporan:",
        _f(f"  periode: {periode.id}", ket("periode"), 32),
        _f(
            f"  bulan_terakhir: {periode.bulan_terakhir}",
            ket("bulan_terakhir", f"{periode.label}: bulan {awal}–{akhir}."),
            27,
        ),
    ]
    if awal > 1:  # Semester II, Triwulan II–IV: from January or not
        baris.append(
            _f(f"  kumulatif: {'true' if periode.kumulatif else 'false'}", ket("kumulatif"), 27)
        )
    return baris


def _ikk(d: s.IndikatorDef, tahun: int, pertama: bool) -> list[str]:
    """The entry of one IKK: its catalog definition as a comment, target and realisasi."""
    baris = [
        f"  # {d.kode} {' '.join(d.nama.split())}",
        f"  #   satuan {d.satuan}, jenis {d.jenis}, "
        + ("makin rendah makin baik, " if d.polaritas == "turun" else "")
        + _komentar_renstra(d, tahun),
        f"  - kode: {d.kode}",
        _f("    target:", bantuan(s.CapaianIkk, ("target",)), 33),
    ]
    wajib_realisasi = wajib(s.CapaianIkk, ("realisasi",))
    if d.jenis == "rasio":
        baris += [
            _f("    realisasi:", f"{wajib_realisasi}. Isi pembilang dan penyebut, mis.:", 33),
            _f("    #   pembilang: 0", " ".join((d.pembilang or "pembilang").split()), 32),
            _f("    #   penyebut: 0", " ".join((d.penyebut or "penyebut").split()), 32),
        ]
    else:
        baris += [
            _f("    realisasi:", f"{wajib_realisasi}. Isi nilainya, mis.:", 33),
            _f("    #   nilai: 0", f"dalam satuan {d.satuan}", 32),
        ]
    if pertama:
        baris.append(
            "    # Data per bulan: realisasi: {periode: {jenis: bulan, data: [{ke: 1, ...}]}}"
        )
    return baris


def _teks_kinerja(katalog: s.Katalog, periode: Periode, nama_katalog: str) -> str:
    baris = [
        f"# Perjanjian Kinerja {periode.judul}: target dan realisasi per IKK.",
        f"# Definisi IKK ada di katalog bersama data/katalog/{nama_katalog}.yaml. Hapus IKK yang",
        "# tidak tercantum dalam Perjanjian Kinerja satker. Angka ditulis tanpa tanda kutip dan",
        '# tanpa pemisah ribuan (1177, bukan "1.177"); angka yang tidak diketahui ditulis:',
        "# tidak diketahui",
        *_periode_laporan(periode),
        "indikator:",
    ]
    for i, d in enumerate(katalog.indikator):
        baris += _ikk(d, periode.tahun, i == 0)
    return "\n".join(baris) + "\n"


def _teks_profil(periode: Periode) -> str:
    def ket(*jalur: str, tambahan: str = "") -> str:
        return bantuan(s.Profil, jalur, tambahan)

    butir = 'Satu butir per baris diawali "- ".'
    baris = [
        f"# Profil satker {periode.judul} (Bab I dan latar Bab II). Lihat data/README.md.",
        _f("kepala:", keterangan(s.Profil, ("kepala",)), 23),
        _f("  nama:", ket("kepala", "nama"), 23),
        _f(
            "  nip:",
            ket("kepala", "nip", tambahan='Tulis dalam tanda kutip, mis. "198011122000121002".'),
            23,
        ),
        _f("  jabatan:", ket("kepala", "jabatan"), 23),
        _f("kapasitas:", ket("kapasitas", tambahan="Bila belum ada datanya: tidak diketahui."), 23),
        _f("penghuni:", ket("penghuni"), 23),
        _f("penghuni_per:", ket("penghuni_per"), 23),
        _f("# pegawai_jenis_kelamin:", ket("pegawai_jenis_kelamin"), 26),
        "#   - uraian: Laki-laki",
        "#     jumlah: 0",
        "#   - uraian: Perempuan",
        "#     jumlah: 0",
        _f("renstra:", keterangan(s.Profil, ("renstra",)), 23),
        _f("  visi:", ket("renstra", "visi"), 23),
        _f("  misi:", ket("renstra", "misi", tambahan=butir), 23),
        _f("  tujuan:", ket("renstra", "tujuan", tambahan=butir), 23),
    ]
    return "\n".join(baris) + "\n"


def _teks_anggaran(periode: Periode) -> str:
    def ket(*jalur: str, tambahan: str = "") -> str:
        return bantuan(s.Anggaran, jalur, tambahan)

    baris = [
        f"# Anggaran {periode.judul}: pagu DIPA dan realisasinya (rupiah, tanpa titik pemisah ribuan).",
        _f("pagu:", ket("pagu", tambahan="Mis. 16466041000."), 23),
        _f("realisasi:", ket("realisasi", tambahan=f"Periode ini: {periode.rentang_bulan}."), 23),
        "# Rincian (boleh diisi kemudian; jumlahnya diperiksa terhadap total):",
        "# per_sasaran:",
        _f("#   - sasaran: SK1", keterangan(s.Anggaran, ("per_sasaran", "sasaran")), 23),
        "#     pagu: 0",
        "#     realisasi: 0",
        "# per_jenis_belanja:",
        _f("#   - jenis: pegawai", keterangan(s.Anggaran, ("per_jenis_belanja", "jenis")), 23),
        "#     pagu: 0",
        "#     realisasi: 0",
    ]
    return "\n".join(baris) + "\n"


def buat_kerangka(
    data_dir: str | Path,
    satker: str,
    tahun: int | str,
    periode: str = "tahunan",
    katalog: str | None = None,
) -> HasilKerangka:
    """Write the scaffold of ``satker`` for a report period; never overwrites a file.

    Raises :class:`~lkjip_helpers.errors.ParameterError` for bad parameters, an unknown
    catalog, or a period folder that already exists.
    """
    satker, th, periode, data_dir = validasi_laporan(data_dir, satker, tahun, periode)
    folder_satker = data_dir / "satker" / satker
    path_satker = folder_satker / "satker.yaml"
    folder = folder_satker / kunci_periode(th, periode)
    if folder.exists():
        raise ParameterError(f"folder {folder} sudah ada; kerangka tidak menimpa data yang ada")
    satker_baru = not path_satker.exists()
    if satker_baru:
        nama_katalog, path_katalog = _pilih_katalog(data_dir, katalog)
    else:
        sk = muat_berkas(s.Satker, path_satker)
        if katalog is not None and katalog != sk.katalog:
            raise ParameterError(
                f"satker {satker!r} sudah memakai katalog {sk.katalog!r} (satker.yaml)"
            )
        nama_katalog, path_katalog = _pilih_katalog(data_dir, sk.katalog)
    try:
        kat = muat_berkas(s.Katalog, path_katalog)
    except DataError as err:
        raise ParameterError(f"katalog {nama_katalog!r} tidak dapat dibaca: {err}") from None
    per = Periode.buat(th, periode)
    folder.mkdir(parents=True)
    ditulis: list[Path] = []
    if satker_baru:
        path_satker.write_text(_teks_satker(satker, nama_katalog), encoding="utf-8")
        ditulis.append(path_satker)
    for nama, teks in (
        ("kinerja.yaml", _teks_kinerja(kat, per, nama_katalog)),
        ("profil.yaml", _teks_profil(per)),
        ("anggaran.yaml", _teks_anggaran(per)),
    ):
        path = folder / nama
        path.write_text(teks, encoding="utf-8")
        ditulis.append(path)
    return HasilKerangka(folder, tuple(ditulis), nama_katalog, satker_baru)


def langkah_berikut(h: HasilKerangka, satker: str, tahun: int, periode: str) -> str:
    """The Indonesian next-step text printed by the CLI."""
    opsi = f" --periode {periode}" if periode != "tahunan" else ""
    return (
        f"Isi berkas di atas (komentar # di setiap field menjelaskan isinya; definisi IKK ada di "
        f"katalog {h.katalog}), lalu jalankan:\n"
        f"  lkjip check --satker {satker} --tahun {tahun}{opsi}\n"
        f"Pemeriksaan menampilkan sekaligus semua yang masih harus diisi. Setelah tidak ada "
        f"error: lkjip build --satker {satker} --tahun {tahun}{opsi}\n"
        f"Periode {PERIODE[periode]}: data disimpan di {h.folder}."
    )
