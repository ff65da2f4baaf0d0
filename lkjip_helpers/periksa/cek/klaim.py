"""A draft's stated figures (``klaim.yaml``) against the recomputed ones."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from ... import format_id as f
from ...hitung.besaran import DaftarBesaran
from ...hitung.capaian import teks_kunci
from ...muat import DataTahun
from ...tidak_diketahui import TidakDiketahui
from .. import besaran as bs
from .kumpulan import Kumpulan


def _presisi(nilai: Decimal) -> Decimal:
    exp = nilai.as_tuple().exponent
    return Decimal(1).scaleb(exp) if isinstance(exp, int) and exp < 0 else Decimal(1)


def cek_klaim(k: Kumpulan, dt: DataTahun | None, daftar: DaftarBesaran) -> None:
    if dt is None or dt.klaim is None:
        return
    hb = daftar.kosakata(dt.tahun)  # the figures as that year's klaim.yaml names them
    tol = k.data.satker.pengaturan.toleransi_klaim
    for i, kl in enumerate(dt.klaim.klaim):
        lok = k.lokasi(dt, "klaim", "klaim", i, label=f"draf: {kl.lokasi}")
        nilai = teks_kunci(kl.nilai) if kl.nilai is not None else "pernyataan"
        kunci = f"{dt.tahun}|{kl.besaran}|{kl.lokasi}|{nilai}"
        subjek = (bs.subjek(hb.get(kl.besaran), kl.besaran),)
        umum = {"catatan": kl.catatan, "sumber": kl.lokasi, "kutipan": kl.kutipan}
        if kl.nilai is None:  # a statement without a figure: the draft said it, quoted
            k.tambah(
                "KLAIM_PERNYATAAN",
                lok,
                f"draf menyatakan “{kl.kutipan}”"
                + (f" ({hb[kl.besaran].label})" if kl.besaran in hb else "")
                + "; laporan memuat kalimat yang dibetulkan",
                kunci=kunci,
                subjek=subjek if kl.besaran in hb else (("klaim", kl.besaran),),
                **umum,
            )
            continue
        if kl.besaran not in hb:
            k.tambah(
                "KLAIM_TIDAK_DIKENAL",
                lok,
                f"besaran {kl.besaran!r} tidak dikenal; lihat daftar besaran di README data",
                kunci=kunci,
                subjek=(("klaim", kl.besaran),),
                **umum,
            )
            continue
        hitung_ = hb[kl.besaran].nilai
        if hitung_ is None or isinstance(hitung_, TidakDiketahui):
            k.tambah(
                "KLAIM_TIDAK_DAPAT_DIHITUNG",
                lok,
                f"{kl.besaran} dinyatakan {f.angka(kl.nilai, 4, ringkas=True)} tetapi tidak "
                "dapat dihitung dari data"
                + (" (data masukannya tidak diketahui)" if hitung_ is not None else ""),
                kunci=kunci,
                subjek=subjek,
                besaran=kl.besaran,
                tahun=dt.tahun,
                dinyatakan=str(kl.nilai),
                **umum,
            )
            continue
        selisih = kl.nilai - hitung_
        if abs(selisih) <= tol:
            continue
        desimal = max(0, -int(_presisi(kl.nilai).as_tuple().exponent))
        dinyatakan = f.angka(kl.nilai, desimal)
        dihitung = f.angka(hitung_, 4, ringkas=True)
        kuantum = Decimal(1).scaleb(-desimal)
        rinci = {
            "besaran": kl.besaran,
            "tahun": dt.tahun,
            "dinyatakan": str(kl.nilai),
            "dihitung": str(hitung_),
            **umum,
        }
        if f.bulatkan(hitung_, desimal) == kl.nilai:
            k.tambah(
                "KLAIM_PEMBULATAN",
                lok,
                f"{kl.besaran}: dinyatakan {dinyatakan}, dihitung {dihitung} — sama setelah "
                f"pembulatan ke {desimal} desimal",
                kunci=kunci,
                subjek=subjek,
                **rinci,
            )
        elif hitung_.quantize(kuantum, rounding=ROUND_DOWN) == kl.nilai:
            k.tambah(
                "KLAIM_PEMOTONGAN",
                lok,
                f"{kl.besaran}: dinyatakan {dinyatakan}, dihitung {dihitung} — angka dipotong, "
                f"bukan dibulatkan (pembulatan yang benar: {f.angka(hitung_, desimal)})",
                kunci=kunci,
                subjek=subjek,
                **rinci,
            )
        elif desimal >= 1 and abs(selisih) <= kuantum:
            # -7,36 for -7,3529…: one unit in the last place, from rounded or truncated inputs
            k.tambah(
                "KLAIM_SELISIH_KECIL",
                lok,
                f"{kl.besaran}: dinyatakan {dinyatakan}, dihitung {dihitung} — berbeda satu "
                f"angka di desimal terakhir (pembulatan yang benar: {f.angka(hitung_, desimal)})",
                kunci=kunci,
                subjek=subjek,
                **rinci,
            )
        else:
            k.tambah(
                "KLAIM_BEDA",
                lok,
                f"{kl.besaran}: dinyatakan {dinyatakan}, dihitung {dihitung} "
                f"(selisih {f.angka(selisih, 4, ringkas=True)})",
                kunci=kunci,
                subjek=subjek,
                **rinci,
            )
