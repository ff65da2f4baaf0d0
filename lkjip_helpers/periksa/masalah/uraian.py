"""A problem's title, explanation, computations and the conclusions it changes, per group
(:mod:`.grup`): a flawed IKK, an unbalanced budget table, stated figures, stated weights, a
narrative's status, one finding, a line of info."""

from __future__ import annotations

from decimal import Decimal

from ... import format_id as f
from ...hitung import HasilLaporan
from ...hitung.anggaran import HasilAnggaran
from ...hitung.capaian import (
    PERLU_VERIFIKASI,
    HasilIkk,
)
from ...hitung.rumus import jumlah_baris
from ...muat.skema import Tanggapan
from .. import besaran as bs
from ..kode import KODE
from ..rekonsiliasi import SelPerbaikan, diagnosa_tabel
from ..temuan import URUTAN_TINGKAT, Subjek, Temuan, Tingkat
from .grup import adalah_cacat, id_grup
from .kata import bagian_narasi, buat_rincian, daftar, huruf_kecil, nama_subjek, sebagai_kalimat
from .kesimpulan import kesimpulan_berubah
from .model import Masalah, Rincian


def buat_masalah(
    kunci: tuple[object, ...],
    anggota: list[Temuan],
    hasil: HasilLaporan,
    jawab: dict[str, Tanggapan],
) -> Masalah:
    """The problem formed by the findings ``anggota`` of group ``kunci``."""
    tingkat: Tingkat = min((t.tingkat for t in anggota), key=lambda x: URUTAN_TINGKAT[x])
    rincian = [buat_rincian(t, hasil, jawab) for t in anggota]
    subjek = list(dict.fromkeys(s for t in anggota for s in t.subjek))
    kesimpulan = kesimpulan_berubah(anggota, hasil)
    rumus = list(dict.fromkeys(r.perhitungan for r in rincian if r.perhitungan))
    m = Masalah(
        id=id_grup(kunci, anggota),
        kode=anggota[0].kode,
        tingkat=tingkat,
        kelompok="info",
        judul="",
        uraian="",
        subjek=subjek,
        rincian=rincian,
        perhitungan=rumus,
        kesimpulan=kesimpulan,
        temuan=list(anggota),
    )
    _uraikan(m, kunci, anggota, hasil, jawab, rincian)
    m.tanggapan = jawab.get(m.id)
    _kelompok(m)
    return m


def _uraikan(
    m: Masalah,
    kunci: tuple[object, ...],
    anggota: list[Temuan],
    hasil: HasilLaporan,
    jawab: dict[str, Tanggapan],
    rincian: list[Rincian],
) -> None:
    """Title, explanation and computations of a problem, by its group (:mod:`.grup`)."""
    jenis = kunci[0]
    if jenis == "info":
        _info(m, anggota)
        m.perhitungan = []
    elif jenis == "cacat":
        ids = (m.id, *(t.id for t in anggota))
        _masalah_cacat(m, anggota, hasil, [jawab[x] for x in ids if x in jawab])
    elif jenis == "anggaran":
        _masalah_anggaran(m, kunci, anggota, hasil)
    elif jenis == "klaim":
        _masalah_klaim(m, kunci, anggota, rincian)
    elif jenis == "bobot":
        _masalah_bobot(m, kunci, rincian)
    elif jenis == "status":
        _masalah_status(m, str(kunci[1]), anggota, hasil)
    else:
        _masalah_satu(m, anggota[0])


def _masalah_satu(m: Masalah, t: Temuan) -> None:
    """A problem of one finding: its code's title (naming the IKK, sasaran or budget row)."""
    nama = ""
    if t.subjek and t.subjek[0][0] in ("ikk", "sasaran", "anggaran") and len(t.subjek[0]) > 1:
        s0 = t.subjek[0]
        nama = nama_subjek(s0) + (f" {s0[1]}" if s0[0] == "anggaran" else "")
    m.judul = (KODE[t.kode].judul or sebagai_kalimat(t.pesan)[:-1]) + (f" ({nama})" if nama else "")
    m.uraian = sebagai_kalimat(t.pesan)


def _kelompok(m: Masalah) -> None:
    """Errors; warnings that change a conclusion; other warnings; info (no conclusions)."""
    if m.tingkat == "error":
        m.kelompok = "error"
    elif m.tingkat == "peringatan":
        m.kelompok = "kesimpulan" if m.kesimpulan else "peringatan"
    else:
        m.kelompok = "info"
        m.kesimpulan = []


def _masalah_status(m: Masalah, kode: str, anggota: list[Temuan], hasil: HasilLaporan) -> None:
    """The narrative sentences that call one IKK reached while its table does not: one problem
    per IKK; it changes the conclusion the reader draws (the narrative's status against the
    table's)."""
    h = hasil.ikk_kode(kode)
    bagian = daftar(bagian_narasi(t) for t in anggota)
    m.judul = f"{KODE['NARASI_STATUS_BEDA'].judul} (IKK {kode})"
    m.uraian = sebagai_kalimat(
        f"{len(anggota)} kalimat narasi menyatakan IKK {kode} tercapai atau melampaui target, "
        f"sedangkan tabel capaian laporan memberinya status “{h.status}”"
        + (f". Alasan status itu: {h.alasan_verifikasi}" if h.alasan_verifikasi else "")
        + ". Kalimat itu pernyataan tim penyusun dan dicetak seperti ditulis; sesuaikan "
        "kalimatnya dengan status IKK, atau selesaikan dulu penyebab statusnya"
    )
    m.kesimpulan = [
        f"status {kode} {hasil.tahun}: tercapai menurut narasi {bagian}, "
        f"{h.status.lower()} menurut tabel capaian"
    ]


def _info(m: Masalah, anggota: list[Temuan]) -> None:
    kode = anggota[0].kode
    n = len(anggota)
    pola = KODE[kode].judul_info
    if pola is None:
        m.judul = sebagai_kalimat(anggota[0].pesan)[:-1] if n == 1 else f"{n} catatan"
    else:
        m.judul = pola.format(n=n)
    uraian = KODE[kode].uraian_info
    m.uraian = (
        uraian if uraian is not None else (sebagai_kalimat(anggota[0].pesan) if n == 1 else "")
    )


def _masalah_cacat(
    m: Masalah,
    anggota: list[Temuan],
    hasil: HasilLaporan,
    jawab_cacat: list[Tanggapan] | None = None,
) -> None:
    inti = next(t for t in anggota if adalah_cacat(t))
    m.kode = inti.kode
    kodes = [str(s[1]) for s in inti.subjek if s[0] == "ikk" and len(s) > 1]
    ikk = [hasil.ikk_kode(k) for k in kodes]
    nama = daftar(kodes)
    lain = len(anggota) - 1
    _judul_cacat(m, inti, ikk, nama)
    _status_cacat(m, ikk, hasil, jawab_cacat)
    if lain:
        m.uraian += (
            f" Draf laporan juga menyatakan {lain} angka realisasi/capaian {nama} yang berbeda "
            "dari hasil hitung; rinciannya di bawah."
        )
    rumus = _rumus_cacat(ikk)
    lain_rumus = [r for r in m.perhitungan if not any(x.endswith(r) for x in rumus)]
    m.perhitungan = list(dict.fromkeys(rumus + lain_rumus))


def _judul_cacat(m: Masalah, inti: Temuan, ikk: list[HasilIkk], nama: str) -> None:
    """Title and first sentences of a flawed IKK: a ratio above 100%, or a zero denominator."""
    if inti.kode != "RASIO_DI_ATAS_100":
        m.judul = f"Penyebut nol tanpa aturan: capaian {nama} tidak dapat dihitung"
        m.uraian = sebagai_kalimat(inti.pesan)
        return
    real = ikk[0].realisasi
    d = ikk[0].defn
    if real and real.pembilang is not None and real.penyebut is not None:
        pb, pn = f.bulat(real.pembilang), f.bulat(real.penyebut)
        m.judul = f"{pb} melebihi {pn}: rasio {nama} di atas 100%"
        m.uraian = (
            f"{nama} membagi {pb} ({huruf_kecil(d.pembilang or 'pembilang')}) dengan {pn} "
            f"({huruf_kecil(d.penyebut or 'penyebut')}). Yang dibagi adalah bagian dari pembaginya, jadi "
            f"hasilnya tidak mungkin lebih dari 100%: {pb} ÷ {pn} × 100 = "
            f"{f.persen(real.nilai)} berarti salah satu angka keliru atau yang dihitung "
            "bukan bagian dari penyebut."
        )
    else:
        m.judul = f"Realisasi {nama} di atas 100%"
        m.uraian = sebagai_kalimat(inti.pesan)


def _status_cacat(
    m: Masalah,
    ikk: list[HasilIkk],
    hasil: HasilLaporan,
    jawab_cacat: list[Tanggapan] | None,
) -> None:
    """The flawed IKKs' status: awaiting verification, or computed as usual once explained."""
    verif = [h for h in ikk if h.status == PERLU_VERIFIKASI]
    dijelaskan = [h for h in ikk if h.penjelasan_verifikasi]
    m.kesimpulan = [
        k for k in m.kesimpulan if not any(k.startswith(f"status {h.kode} ") for h in verif)
    ]
    if verif:
        _cacat_perlu_verifikasi(m, verif, hasil, jawab_cacat)
    elif dijelaskan:
        m.uraian += (
            f" Satker menjelaskan: “{dijelaskan[0].penjelasan_verifikasi}”; "
            f"{daftar(h.kode for h in dijelaskan)} dihitung seperti biasa."
        )


def _cacat_perlu_verifikasi(
    m: Masalah,
    verif: list[HasilIkk],
    hasil: HasilLaporan,
    jawab_cacat: list[Tanggapan] | None,
) -> None:
    """What the “Perlu verifikasi” status means for the flawed IKKs and their sasaran's mean."""
    m.uraian += (
        " Sampai datanya diperbaiki, atau penjelasan satker diterima peninjau, "
        f"{daftar(h.kode for h in verif)} berstatus “Perlu verifikasi” (bukan “Tercapai”) "
        "dan tidak ikut dihitung dalam rata-rata capaian sasaran."
    )
    menunggu = [t for t in (jawab_cacat or []) if t.status == "dijelaskan" and not t.diterima]
    if menunggu:
        m.uraian += (
            f" Satker sudah menjelaskan (“{menunggu[0].teks}”); penjelasan itu belum "
            "diterima peninjau, sehingga status tidak berubah."
        )
    m.kesimpulan[:0] = [
        f"status {h.kode}: perlu verifikasi (menurut angka saja: "
        f"{(h.status_hitung or '').lower()}"
        + (f", capaian {f.persen(h.capaian)})" if h.capaian is not None else ")")
        for h in verif
    ]
    for kode_s in dict.fromkeys(h.defn.sasaran for h in verif):
        r = next((x for x in hasil.sasaran if x.sasaran.kode == kode_s), None)
        if r is None:
            continue
        semua = [x.capaian for x in r.ikk if isinstance(x.capaian, Decimal)]
        rata_semua = sum(semua, Decimal(0)) / len(semua) if semua else None
        m.kesimpulan.append(
            f"rata-rata capaian sasaran {kode_s}: {f.persen(r.rata_capaian)} tanpa IKK yang "
            f"perlu verifikasi (dengan IKK tersebut: {f.persen(rata_semua)})"
        )


def _rumus_cacat(ikk: list[HasilIkk]) -> list[str]:
    """The flawed IKK's ratio, then each IKK's achievement, written out."""
    rumus = []
    if ikk and ikk[0].realisasi:
        r0 = ikk[0].realisasi
        if r0.pembilang is not None and r0.penyebut is not None and r0.nilai is not None:
            rumus.append(
                f"{f.bulat(r0.pembilang)} ÷ {f.bulat(r0.penyebut)} × 100 = {f.persen(r0.nilai)}"
            )
    for h in ikk:
        if h.capaian is not None and h.nilai_realisasi is not None and h.target is not None:
            rumus.append(
                f"capaian {h.kode}: {f.angka(h.nilai_realisasi, 2, ringkas=True)} ÷ "
                f"{f.angka(h.target, 2, ringkas=True)} × 100 = {f.persen(h.capaian)}"
            )
    return rumus


def _masalah_anggaran(
    m: Masalah, kunci: tuple[object, ...], anggota: list[Temuan], hasil: HasilLaporan
) -> None:
    """A budget table that does not add up: the one cell that would reconcile it, or the
    differences of its sums from the DIPA total."""
    _, th, tabel = kunci
    th, tabel = int(th), str(tabel)  # type: ignore[call-overload]
    ang = hasil.anggaran if th == hasil.tahun else hasil.anggaran_lalu
    nama_tabel = f"{bs.LABEL_TABEL_ANGGARAN.get(tabel, tabel)} {th}"
    inti = [t for t in anggota if KODE[t.kode].grup == "anggaran"]
    m.kode = inti[0].kode if inti else anggota[0].kode
    m.subjek = [("anggaran", th, tabel), *[s for s in m.subjek if s != ("anggaran", th, tabel)]]
    dipakai = next((x for x in hasil.sel_koreksi if (x.tahun, x.tabel) == (th, tabel)), None)
    diag = dipakai or (diagnosa_tabel(hasil.data, ang, tabel) if ang else None)
    if diag is not None:
        _anggaran_satu_sel(m, nama_tabel, diag, dipakai=dipakai is not None)
        return
    assert ang is not None
    _anggaran_selisih(m, nama_tabel, ang, tabel, inti)
    baris = {"per_sasaran": "per_sasaran", "per_program": "per_program"}.get(tabel, "per_jenis")
    isi = getattr(ang, baris, [])
    rumus = [r for u in ("pagu", "realisasi") if (r := jumlah_baris(isi, u)) is not None]
    m.perhitungan = list(dict.fromkeys(rumus + m.perhitungan))


def _anggaran_satu_sel(m: Masalah, nama_tabel: str, diag: SelPerbaikan, *, dipakai: bool) -> None:
    """One cell would reconcile the table: which, what the other cells agree on, and whether
    the report uses the reconciling value (``dipakai``)."""
    m.perbaikan = diag
    m.judul = f"Tabel {nama_tabel}: satu angka tidak cocok ({diag.ukuran} {diag.label_bagian})"
    m.uraian = (
        diag.uraian
        + " Angka lain tabel itu saling cocok: "
        + daftar(diag.sel_sepakat)
        + "."
        + (
            f" Laporan memakai {f.rupiah(diag.cocok)} (angka yang didukung angka lain itu), "
            f"sehingga jumlah dan sisanya cocok; {f.rupiah(diag.tercatat)} hanya tercatat di "
            "data."
            if dipakai
            else " Data tetap seperti tercatat; laporan menampilkan angka tercatat dan selisihnya."
        )
    )
    m.kesimpulan = []
    m.perhitungan = [
        *(f"tercatat: {x}" for x in diag.persamaan_tercatat),
        *(f"dengan {f.bulat(diag.cocok)}: {x}" for x in diag.persamaan),
    ]


def _anggaran_selisih(
    m: Masalah, nama_tabel: str, ang: HasilAnggaran, tabel: str, inti: list[Temuan]
) -> None:
    """No single cell reconciles the table: each sum against the DIPA total."""
    m.judul = sebagai_kalimat(f"{nama_tabel} tidak menjumlah ke total DIPA")[:-1]
    kalimat = []
    jumlah = {
        "per_sasaran": ang.sasaran_jumlah,
        "per_program": ang.program_jumlah,
        "per_jenis_belanja": ang.jenis_jumlah,
    }[tabel]
    for t in inti:
        u = t.kunci.split("|")[-1]
        if jumlah is None or u not in ("pagu", "realisasi"):
            continue
        a, b = getattr(jumlah, u), getattr(ang.total, u)
        if a is None or b is None:
            continue
        kalimat.append(
            f"Jumlah {u} {nama_tabel} {f.rupiah(a)}, sedangkan {u} DIPA {f.rupiah(b)} "
            f"(selisih {f.rupiah(a - b)})."
        )
        m.kesimpulan.append(f"jumlah {u} {nama_tabel}: {f.rupiah(a)}, bukan {f.rupiah(b)}")
    m.uraian = " ".join(kalimat) + (
        " Tidak ada satu angka yang bila diubah membuat semua jumlah cocok; laporan menampilkan "
        "angka seperti tercatat beserta selisihnya."
    )


def _masalah_klaim(
    m: Masalah, kunci: tuple[object, ...], anggota: list[Temuan], rincian: list[Rincian]
) -> None:
    _, th, s = kunci
    subj: Subjek = s  # type: ignore[assignment]
    m.kode = "KLAIM_BEDA" if any(t.kode == "KLAIM_BEDA" for t in anggota) else anggota[0].kode
    m.subjek = [subj, *[x for x in m.subjek if x != subj]]
    per_besaran: dict[str, list[Rincian]] = {}
    lain = [r for r in rincian if not r.besaran]
    for r in rincian:
        if r.besaran:
            per_besaran.setdefault(r.besaran, []).append(r)
    asal = "draf" if any(t.kode == "KLAIM_BEDA" for t in anggota) else "narasi"
    m.judul = _judul_klaim(th, subj, per_besaran, lain, rincian, asal)
    kalimat = [_kalimat_klaim(rs) for rs in per_besaran.values()]
    kalimat += [sebagai_kalimat(r.teks) for r in lain]
    m.uraian = " ".join(kalimat)


def _judul_klaim(
    th: object,
    subj: Subjek,
    per_besaran: dict[str, list[Rincian]],
    lain: list[Rincian],
    rincian: list[Rincian],
    asal: str,
) -> str:
    """One differing figure by its values; else the measures, or the count, that differ."""
    if len(per_besaran) == 1 and not lain:
        rs = next(iter(per_besaran.values()))
        nilai = " / ".join(dict.fromkeys(r.dinyatakan or "" for r in rs))
        return sebagai_kalimat(f"{rs[0].label}: {asal} {nilai}, hasil hitung {rs[0].dihitung}")[:-1]
    if subj[0] in ("ikk", "anggaran") and len(subj) > 1:
        ukuran = daftar(dict.fromkeys((r.label or "").split(" ")[0] for r in rincian if r.label))
        return sebagai_kalimat(
            f"{nama_subjek(subj)} {th}: {ukuran} dalam {asal} berbeda dari hasil hitung"
        )[:-1]
    return sebagai_kalimat(
        f"{nama_subjek(subj)} {th}: {len(per_besaran) + len(lain)} angka dalam {asal} "
        "berbeda dari hasil hitung"
    )[:-1]


def _kalimat_klaim(rs: list[Rincian]) -> str:
    """One figure: its computed value, then each value stated and where (draft, narrative)."""
    draf = [r for r in rs if r.kode == "KLAIM_BEDA"]
    narasi = [r for r in rs if r.kode != "KLAIM_BEDA"]
    bagian = []
    nilai: dict[str, list[str]] = {}
    for r in draf:
        nilai.setdefault(r.dinyatakan or "", []).append(f"draf: {r.draf}" if r.draf else "draf")
    bagian += [f"{v} ({'; '.join(dict.fromkeys(lok))})" for v, lok in nilai.items()]
    bagian += [
        f"{r.dinyatakan} (narasi {r.teks.split('narasi ', 1)[-1].split(' menyebut')[0]})"
        for r in narasi
    ]
    return (
        f"{sebagai_kalimat(rs[0].label or '')[:-1]} dihitung {rs[0].dihitung}; dinyatakan "
        + ", ".join(bagian)
        + "."
    )


def _masalah_bobot(m: Masalah, kunci: tuple[object, ...], rincian: list[Rincian]) -> None:
    subj: Subjek = kunci[1]  # type: ignore[assignment]
    skor = "SMART-DJA (PMK 22/2021)" if subj == ("smart",) else "IKPA"
    m.judul = f"Bobot komponen {skor.split(' ')[0]} dalam narasi tidak sesuai aturan"
    if not any(not t.sumber for t in m.temuan):
        m.judul = f"Bobot komponen {skor.split(' ')[0]} dalam draf tidak sesuai aturan"
    narasi = [t for t in m.temuan if not t.sumber]
    draf = [r for r in rincian if r.draf]
    kalimat = []
    if narasi:
        bagian = daftar(bagian_narasi(t) for t in narasi)
        kalimat.append(
            f"Narasi {bagian} menyebut bobot komponen yang berbeda dari aturan {skor} yang "
            "dipakai perhitungan: " + "; ".join(huruf_kecil(t.pesan) for t in narasi) + "."
        )
    if draf:
        kalimat.append(
            f"Draf menyatakan bobot yang berbeda dari aturan {skor}: "
            + "; ".join(f"{r.label} {r.dinyatakan}, menurut aturan {r.dihitung}" for r in draf)
            + "."
        )
    m.uraian = " ".join(kalimat)
