"""Names of figures (the ``besaran()`` vocabulary): their year, subject and plain label.

A previous year's figure has two names: ``ikk.SK1.1.capaian`` in that year's own
``klaim.yaml`` and ``ikk.SK1.1.capaian_tahun_lalu`` in this year's. :func:`normal` turns both
into ``(2022, "ikk.SK1.1.capaian")`` so that findings about the same figure meet.
"""

from __future__ import annotations

from decimal import Decimal

from .. import format_id as f
from ..hitung import HasilLaporan
from ..hitung.anggaran import LABEL_JENIS_BELANJA
from ..hitung.aturan import LABEL_ASPEK_IKPA, LABEL_KOMPONEN_IKPA, LABEL_KOMPONEN_SMART
from ..hitung.rekonsiliasi import LABEL_TABEL_ANGGARAN, normal
from .temuan import Subjek

_TABEL_ANGGARAN = {
    "sasaran": "per_sasaran",
    "sasaran_jumlah": "per_sasaran",
    "program": "per_program",
    "program_jumlah": "per_program",
    "jenis": "per_jenis_belanja",
    "jenis_jumlah": "per_jenis_belanja",
}
_LABEL_UKURAN = {
    "pagu": "pagu",
    "realisasi": "realisasi",
    "penyerapan": "penyerapan",
    "sisa": "sisa",
    "target": "target",
    "capaian": "capaian",
    "pembilang": "pembilang",
    "penyebut": "penyebut",
    "perubahan_capaian": "perubahan capaian",
}


def kode_ikk(besaran: str) -> tuple[str, str] | None:
    """``("SK1.1", "capaian")`` of ``ikk.SK1.1.capaian``; None for other figures.

    A Renstra target ``ikk.SK2.7.target_renstra.2024`` gives ``("SK2.7", "target_renstra.2024")``.
    """
    bagian = besaran.split(".")
    if len(bagian) < 3 or bagian[0] != "ikk" or bagian[1] in ("sasaran", "jumlah"):
        return None
    if len(bagian) >= 5 and bagian[-2] == "target_renstra":
        return ".".join(bagian[1:-2]), f"target_renstra.{bagian[-1]}"
    return ".".join(bagian[1:-1]), bagian[-1]


def subjek(besaran: str, tahun: int) -> Subjek:
    """The thing of our report a figure belongs to (see :mod:`.temuan`), most specific."""
    tahun, besaran = normal(besaran, tahun)
    bagian = besaran.split(".")
    akar = bagian[0]
    if akar == "ikk":
        ikk = kode_ikk(besaran)
        if ikk:
            return ("ikk", ikk[0])
        if len(bagian) >= 3 and bagian[1] == "sasaran":
            return ("sasaran", ".".join(bagian[2:-1]))
        return ("ikk",)
    if akar == "sasaran":
        return ("ikk",)
    if akar == "anggaran":
        if len(bagian) == 2:
            return ("anggaran", tahun, "total")
        tabel = _TABEL_ANGGARAN.get(bagian[1])
        if tabel is None:
            return ("klaim", besaran)
        if bagian[1].endswith("_jumlah") or len(bagian) < 4:
            return ("anggaran", tahun, tabel)
        return ("anggaran", tahun, tabel, ".".join(bagian[2:-1]))
    if akar in ("smart", "ikpa", "nka"):
        return (akar,)
    if akar == "profil":
        ukuran = bagian[-1]
        if ukuran.startswith("pegawai"):
            return ("profil", "pegawai")
        return ("profil", "penghuni" if ukuran in ("okupansi", "penghuni") else ukuran)
    return ("klaim", besaran)


def label(besaran: str, tahun: int, hasil: HasilLaporan | None = None) -> str:
    """The figure in plain Indonesian: ``realisasi SK1.1 2023``, ``sisa Belanja Barang 2022``."""
    tahun, besaran = normal(besaran, tahun)
    bagian = besaran.split(".")
    ukuran = bagian[-1]
    kata = _LABEL_UKURAN.get(ukuran, ukuran.replace("_", " "))
    ikk = kode_ikk(besaran)
    if ikk:
        if ikk[1].startswith("target_renstra."):
            return f"target Renstra {ikk[0]} {ikk[1].rsplit('.', 1)[-1]}"
        return f"{_LABEL_UKURAN.get(ikk[1], ikk[1].replace('_', ' '))} {ikk[0]} {tahun}"
    if bagian[0] == "ikk" or bagian[0] == "sasaran":
        teks = {
            "jumlah": "jumlah IKK",
            "jumlah_tercapai": "jumlah IKK tercapai",
            "jumlah_tidak_tercapai": "jumlah IKK tidak tercapai",
            "jumlah_perlu_verifikasi": "jumlah IKK perlu verifikasi",
            "rata_capaian": "rata-rata capaian",
        }.get(ukuran, kata)
        if bagian[0] == "sasaran":
            teks = "jumlah sasaran kegiatan"
        if len(bagian) >= 3 and bagian[1] == "sasaran":
            teks += f" sasaran {'.'.join(bagian[2:-1])}"
        return f"{teks} {tahun}"
    if bagian[0] == "anggaran":
        if len(bagian) == 2:
            return f"{kata} anggaran (DIPA) {tahun}"
        jenis = bagian[1]
        butir = ".".join(bagian[2:-1])
        if jenis == "sasaran":
            return f"{kata} anggaran sasaran {butir} {tahun}"
        if jenis == "program":
            return f"{kata} anggaran program ke-{butir} {tahun}"
        if jenis == "jenis":
            return f"{kata} {LABEL_JENIS_BELANJA.get(butir, butir)} {tahun}"
        if jenis.endswith("_jumlah"):
            tabel = LABEL_TABEL_ANGGARAN[_TABEL_ANGGARAN[jenis]]
            return f"jumlah {kata} {tabel} {tahun}"
        return f"{kata} anggaran {tahun}"
    if bagian[0] in ("smart", "ikpa", "nka") and len(bagian) == 3 and bagian[1] == "bobot":
        nama = {**LABEL_KOMPONEN_SMART, **LABEL_KOMPONEN_IKPA}.get(ukuran, ukuran)
        skor = {"smart": "SMART-DJA", "ikpa": "IKPA", "nka": "nilai kinerja anggaran"}[bagian[0]]
        if bagian[0] == "nka":
            nama = {"smart": "SMART-DJA", "ikpa": "IKPA"}.get(ukuran, ukuran)
        return f"bobot {nama} ({skor})"
    if bagian[0] == "smart":
        if len(bagian) == 2:
            return {
                "nilai": "nilai SMART-DJA",
                "nilai_hitung": "nilai SMART-DJA hitung ulang",
                "nilai_efisiensi": "nilai efisiensi SMART-DJA",
            }.get(ukuran, f"SMART-DJA {kata}")
        return f"komponen SMART-DJA {LABEL_KOMPONEN_SMART.get(ukuran, kata)}"
    if bagian[0] == "ikpa":
        if len(bagian) == 2:
            return {
                "nilai": "nilai IKPA",
                "nilai_hitung": "nilai IKPA hitung ulang",
                "nilai_total": "nilai total IKPA",
            }.get(ukuran, f"IKPA {kata}")
        if bagian[1] == "aspek":
            return f"nilai aspek IKPA {LABEL_ASPEK_IKPA.get(ukuran, kata)}"
        return f"nilai akhir IKPA {LABEL_KOMPONEN_IKPA.get(ukuran, kata)}"
    if bagian[0] == "nka":
        return "nilai kinerja anggaran (gabungan SMART-DJA dan IKPA)"
    if bagian[0] == "profil":
        return {
            "okupansi": "tingkat hunian",
            "penghuni": "jumlah penghuni",
            "kapasitas": "kapasitas hunian",
            "pegawai_jumlah": "jumlah pegawai",
        }.get(ukuran, kata)
    return besaran


def satuan(besaran: str) -> str:
    """How values of a figure are written: ``rupiah``, ``persen``, ``poin`` or ``angka``."""
    ukuran = besaran.rsplit(".", 1)[-1]
    if besaran.startswith("anggaran") and ukuran in ("pagu", "realisasi", "sisa"):
        return "rupiah"
    if ukuran in ("penyerapan", "capaian", "okupansi", "rata_capaian", "capaian_tahun_lalu"):
        return "persen"
    if ".bobot." in besaran:
        return "persen"
    if ukuran == "perubahan_capaian":
        return "poin"
    return "angka"


def tulis(
    nilai: Decimal | None,
    besaran: str,
    hasil: HasilLaporan | None = None,
    desimal: int | None = None,
) -> str:
    """A value as the memo shows it (``121,92%``, ``Rp16.466.041.000``, ``1.435``).

    ``desimal``: the precision to keep (a stated value keeps its own: ``94,208``); by default
    two decimals, dropped when the value is whole.
    """
    if nilai is None:
        return f.KOSONG
    d = 2 if desimal is None else desimal
    ringkas = desimal is None
    jenis = satuan(besaran)
    if jenis == "rupiah":
        return f.rupiah(nilai, d if desimal else 0)
    if jenis == "persen":
        return f.persen(nilai, d, ringkas=ringkas)
    if jenis == "poin":
        return f.poin(nilai, d)
    ikk = kode_ikk(besaran)
    if ikk and hasil is not None and ikk[1].startswith(("realisasi", "target")):
        try:
            h = hasil.ikk_kode(ikk[0])
        except KeyError:
            h = None
        if h is not None and h.defn.satuan.strip() in ("%", "persen"):
            return f.persen(nilai, d, ringkas=ringkas)
        if h is not None:
            return f"{f.angka(nilai, d, ringkas=ringkas)} {h.defn.satuan}"
    return f.angka(nilai, d, ringkas=ringkas)


def desimal_tertulis(nilai: Decimal) -> int:
    """Decimals a stated value was written with (``94.208`` → 3, ``100`` → 0)."""
    exp = nilai.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0
