"""Scaffold of a new satker (``lkjip satker-baru``): minimal data files to fill in.

Writes under ``<data_dir>/satker/<satker>/``:

- ``satker.yaml`` (when the satker is new): identity and the catalog it uses;
- ``<kunci>/kinerja.yaml``: the report period and one entry per indicator of the catalog,
  target and realisasi left empty (the definitions stay in the shared catalog);
- ``<kunci>/profil.yaml`` and ``<kunci>/anggaran.yaml``: the required fields, empty.

Every field carries an Indonesian comment saying what to write. Required fields are left
empty on purpose: ``lkjip check`` on a fresh scaffold lists everything still to fill, in one
run. Optional files (evaluasi, narasi, lampiran, klaim) are described in data/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError, ParameterError
from ..format_id import nama_bulan
from ..muat import skema as s
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


def _teks_satker(satker: str, katalog: str) -> str:
    return f"""\
# Identitas satker (tetap dari tahun ke tahun). Isi field yang kosong; lihat data/README.md.
{f"id: {satker}":<33} # jangan diubah: sama dengan nama folder
nama:                             # WAJIB. Nama lengkap, mis. Lembaga Pemasyarakatan Kelas IIB Contoh
nama_singkat:                     # WAJIB. Nama singkat, mis. Lapas Kelas IIB Contoh
kementerian:                      # WAJIB. mis. Kementerian Hukum dan Hak Asasi Manusia Republik Indonesia
unit_eselon_i:                    # mis. Direktorat Jenderal Pemasyarakatan
kanwil:                           # mis. Kantor Wilayah Kementerian Hukum dan HAM Sumatera Selatan
alamat:                           # alamat kantor
kota:                             # kota tempat penandatanganan, mis. Palembang
laman:                            # situs web (boleh kosong)
surel:                            # alamat surel (boleh kosong)
# Katalog IKK bersama: definisi setiap indikator (nama, rumus, satuan, polaritas, target
# Renstra) ada di data/katalog/{katalog}.yaml dan dipakai banyak satker; jangan diketik ulang.
katalog: {katalog}
# Bila satker memakai rumusan lain untuk sebuah IKK katalog, tulis HANYA field yang berbeda
# (field lain tetap dari katalog). Contoh (hapus tanda # untuk memakainya):
# indikator_tambahan:
#   - kode: SK3.1
#     penyebut_nol: tidak_berlaku   # 0/0 (tidak ada pengaduan): tidak berlaku, bukan 100%
"""


def _komentar_renstra(d: s.IndikatorDef, tahun: int) -> str:
    t = d.target_renstra.get(tahun)
    return f"target Renstra {tahun}: {t}" if t is not None else f"tanpa target Renstra {tahun}"


def _teks_kinerja(katalog: s.Katalog, periode: Periode, nama_katalog: str) -> str:
    awal = rentang_periode(periode.id)[0]
    baris = [
        f"# Perjanjian Kinerja {periode.judul}: target dan realisasi per IKK.",
        f"# Definisi IKK ada di katalog bersama data/katalog/{nama_katalog}.yaml. Hapus IKK yang",
        "# tidak tercantum dalam Perjanjian Kinerja satker. Angka ditulis tanpa tanda kutip dan",
        '# tanpa pemisah ribuan (1177, bukan "1.177"); angka yang tidak diketahui ditulis:',
        "# tidak diketahui",
        "periode_laporan:",
        f"  periode: {periode.id}"
        + " " * max(1, 22 - len(periode.id))
        + "# tahunan | semester-1 | semester-2 | triwulan-1 … triwulan-4 (sesuai nama folder)",
        f"  bulan_terakhir: {periode.bulan_terakhir:<10}"
        f"# bulan terakhir yang datanya sudah tertutup ({awal}–{periode.bulan_akhir})",
    ]
    if awal > 1:  # Semester II, Triwulan II–IV: from January, or the period's months only
        baris.append(
            f"  kumulatif: {'true' if periode.kumulatif else 'false':<15}"
            f"# true: angka sejak Januari (s.d. {periode.label}); false: "
            f"{nama_bulan(awal)}–{nama_bulan(periode.bulan_akhir)} saja"
        )
    baris.append("indikator:")
    for d in katalog.indikator:
        baris.append(f"  # {d.kode} {' '.join(d.nama.split())}")
        baris.append(
            f"  #   satuan {d.satuan}, jenis {d.jenis}, "
            + ("makin rendah makin baik, " if d.polaritas == "turun" else "")
            + _komentar_renstra(d, periode.tahun)
        )
        baris.append(f"  - kode: {d.kode}")
        baris.append("    target:                       # WAJIB. Target dalam Perjanjian Kinerja")
        if d.jenis == "rasio":
            baris.append(
                "    realisasi:                    # WAJIB. Isi pembilang dan penyebut, mis.:"
            )
            baris.append(
                f"    #   pembilang: 0             # {' '.join((d.pembilang or 'pembilang').split())}"
            )
            baris.append(
                f"    #   penyebut: 0              # {' '.join((d.penyebut or 'penyebut').split())}"
            )
        else:
            baris.append("    realisasi:                    # WAJIB. Isi nilainya, mis.:")
            baris.append(f"    #   nilai: 0                 # dalam satuan {d.satuan}")
        if d is katalog.indikator[0]:
            baris.append(
                "    # Data per bulan: realisasi: {periode: {jenis: bulan, data: [{ke: 1, ...}]}}"
            )
    return "\n".join(baris) + "\n"


def _teks_profil(periode: Periode) -> str:
    return f"""\
# Profil satker {periode.judul} (Bab I dan latar Bab II). Lihat data/README.md.
kepala:                 # kepala satker yang menandatangani laporan
  nama:                 # WAJIB. Nama kepala satker
  nip:                  # NIP dalam tanda kutip, mis. "198011122000121002"
  jabatan:              # mis. Kepala Lembaga Pemasyarakatan Kelas IIB Contoh
kapasitas:              # WAJIB. Kapasitas hunian (orang, > 0); bila belum ada datanya: tidak diketahui
penghuni:               # WAJIB. Jumlah penghuni (orang) pada akhir periode
penghuni_per:           # mis. {nama_bulan(periode.bulan_terakhir)} {periode.tahun}
# pegawai_jenis_kelamin:   # jumlah pegawai (orang, bilangan bulat)
#   - uraian: Laki-laki
#     jumlah: 0
#   - uraian: Perempuan
#     jumlah: 0
renstra:                # Rencana Strategis yang diacu (Renstra unit eselon I)
  visi:                 # WAJIB. Visi (sama dengan Renstra unit eselon I)
  misi:                 # WAJIB. Daftar misi, satu butir per baris diawali "- "
  tujuan:               # WAJIB. Daftar tujuan, satu butir per baris diawali "- "
"""


def _teks_anggaran(periode: Periode) -> str:
    return f"""\
# Anggaran {periode.judul}: pagu DIPA dan realisasinya (rupiah, tanpa titik pemisah ribuan).
pagu:                   # WAJIB. Pagu DIPA, mis. 16466041000
realisasi:              # WAJIB. Realisasi s.d. {periode.rentang_bulan}
# Rincian (boleh diisi kemudian; jumlahnya diperiksa terhadap total):
# per_sasaran:
#   - sasaran: SK1      # kode sasaran katalog
#     pagu: 0
#     realisasi: 0
# per_jenis_belanja:
#   - jenis: pegawai    # pegawai | barang | modal | bantuan_sosial | lainnya
#     pagu: 0
#     realisasi: 0
"""


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
