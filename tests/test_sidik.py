"""The whole-report build cache: keyed on inputs, never returns a report of other inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bantu_batch import FIXTURE_NB, ROOT, salin_data, sisa_sementara
from bantu_build import komponen_uji

from lkjip_helpers.bangun import sidik as sidik_mod
from lkjip_helpers.bangun.bab import daftar_bab
from lkjip_helpers.bangun.sidik import Sidik, sidik_build, uraikan_beda
from lkjip_helpers.bangun.susun import build
from lkjip_helpers.errors import BuildError
from lkjip_helpers.muat.parameter import kunci_periode


def _sidik(data: Path, nb: Path = FIXTURE_NB, **lain: object) -> Sidik:
    arg = {
        "satker": "lapas-banyuasin",
        "tahun": 2023,
        "periode": "tahunan",
        "kunci": "2023",
        "data_dir": data,
        "nb_dir": nb,
        "notebooks": daftar_bab(nb),
        "pdf": True,
        "abaikan_pemeriksaan": False,
    }
    arg.update(lain)
    arg["kunci"] = kunci_periode(arg["tahun"], arg["periode"])  # type: ignore[arg-type]
    return sidik_build(**arg)  # type: ignore[arg-type]


def test_sidik_menyebut_yang_berubah(tmp_path: Path) -> None:
    data = salin_data(tmp_path, ["lapas-kedua"])
    awal = _sidik(data)
    satker = data / "satker" / "lapas-banyuasin"
    assert "data/satker/lapas-banyuasin/2023/kinerja.yaml" in awal.berkas
    assert "data/satker/lapas-banyuasin/2022/kinerja.yaml" in awal.berkas, "previous year"
    assert "data/katalog/upt-pemasyarakatan-2020-2024.yaml" in awal.berkas
    assert not any("lapas-kedua" in k for k in awal.berkas), "other satkers are no input"
    assert "kode/bangun/susun.py" in awal.berkas and "kode/static/laporan.css" in awal.berkas
    assert "kode/templates/dokumen/laporan.html.j2" in awal.berkas
    assert {"lingkungan/python", "lingkungan/paket", "lingkungan/font", "parameter"} <= set(
        awal.berkas
    )
    assert _sidik(data) == awal and len(awal.total) == 64, "same inputs, same key"

    # inputs of another report change nothing …
    (satker / "2021").mkdir()
    (satker / "2021" / "kinerja.yaml").write_text("x: 1\n", encoding="utf-8")
    (satker / "2023-semester-1").mkdir()
    (satker / "2023-semester-1" / "kinerja.yaml").write_text("x: 1\n", encoding="utf-8")
    (data / "satker" / "lapas-kedua" / "2023" / "narasi.yaml").write_text("x\n", "utf-8")
    (data / "README.md").write_text("dokumentasi\n", encoding="utf-8")
    (satker / "2022-semester-1").mkdir()
    (satker / "2022-semester-1" / "kinerja.yaml").write_text("x: 1\n", encoding="utf-8")
    assert _sidik(data) == awal
    # … the semester report reads its own folder and the previous year's annual data and
    # same-period data (the like-for-like comparison uses whichever covers the same months)
    semester = _sidik(data, periode="semester-1")
    assert "data/satker/lapas-banyuasin/2023-semester-1/kinerja.yaml" in semester.berkas
    assert "data/satker/lapas-banyuasin/2022/kinerja.yaml" in semester.berkas
    assert "data/satker/lapas-banyuasin/2022-semester-1/kinerja.yaml" in semester.berkas
    assert "data/satker/lapas-banyuasin/2023/kinerja.yaml" not in semester.berkas

    # every kind of input changes the key, and the difference names it
    (satker / "2022" / "klaim.yaml").write_text("klaim: []\n", encoding="utf-8")
    assert _sidik(data).beda(awal) == ["data/satker/lapas-banyuasin/2022/klaim.yaml"]
    (satker / "2023" / "tanggapan.yaml").write_text("tanggapan: []\n", encoding="utf-8")
    assert "data/satker/lapas-banyuasin/2023/tanggapan.yaml" in _sidik(data).beda(awal)
    (data / "katalog" / "lain.yaml").write_text("x: 1\n", encoding="utf-8")
    assert "data/katalog/lain.yaml" in _sidik(data).beda(awal)
    sekarang = _sidik(data)
    assert _sidik(data, pdf=False).beda(sekarang) == ["parameter"]
    assert _sidik(data, abaikan_pemeriksaan=True).beda(sekarang) == ["parameter"]
    nb = tmp_path / "nb"
    shutil.copytree(FIXTURE_NB, nb)
    (nb / "modul_bab.py").write_text("NILAI = 1\n", encoding="utf-8")
    beda = _sidik(data, nb=nb).beda(sekarang)
    assert "notebook/modul_bab.py" in beda and "parameter" in beda  # notebooks_dir changed too
    assert uraikan_beda(["a", "b", "c", "d", "e"]) == "a, b, c (+2 lain)"


_YAML_AWAL = """\
# kinerja buatan tangan
ikk:
  - kode: SK1.1
    target: 100
    realisasi: &r 95.5
    satuan: "%"
  - kode: SK1.2
    target: 80
    realisasi: *r
    satuan: persen
"""


def test_sidik_yaml_menurut_isi_bukan_bait(tmp_path: Path) -> None:
    """A YAML data file is keyed by what it loads to: comments, quoting and anchor names
    that load to the same tree (same lines) change nothing; a value, a type or a line does."""
    data = tmp_path / "data"
    folder = data / "satker" / "lapas-uji" / "2023"
    folder.mkdir(parents=True)
    berkas = folder / "kinerja.yaml"
    item = "data/satker/lapas-uji/2023/kinerja.yaml"

    def kunci(teks: str) -> str:
        berkas.write_text(teks, encoding="utf-8")
        return sidik_mod.sidik_data(data, "lapas-uji", 2023, "2023")[item]

    awal = kunci(_YAML_AWAL)
    sama = {
        "comment appended": _YAML_AWAL + "# catatan analis, tidak sampai ke laporan\n",
        "comment changed, end-of-line comment": _YAML_AWAL.replace(
            "# kinerja buatan tangan", "# sumber: e-SAKIP"
        ).replace("target: 80", "target: 80  # direvisi"),
        "quoting": _YAML_AWAL.replace('satuan: "%"', "satuan: '%'").replace(
            "kode: SK1.2", 'kode: "SK1.2"'
        ),
        "anchor renamed": _YAML_AWAL.replace("&r", "&nilai").replace("*r", "*nilai"),
        "UTF-8 byte-order mark": "\ufeff" + _YAML_AWAL,
    }
    for sebab, teks in sama.items():
        assert kunci(teks) == awal, sebab
    beda = {
        "a value": _YAML_AWAL.replace("target: 80", "target: 81"),
        "a text that was a number": _YAML_AWAL.replace("target: 80", 'target: "80"'),
        "true/false is a boolean, yes a text": _YAML_AWAL.replace("satuan: persen", "satuan: true"),
        "the alias resolved elsewhere": _YAML_AWAL.replace("realisasi: *r", "realisasi: 95.6"),
        "a key renamed": _YAML_AWAL.replace("satuan: persen", "unit: persen"),
        "a line moved (the findings name it)": "# baris baru\n" + _YAML_AWAL,
        "the order of items": _YAML_AWAL.replace("SK1.1", "SKX").replace("SK1.2", "SK1.1"),
    }
    for sebab, teks in beda.items():
        assert kunci(teks) != awal, sebab
    # a file the loader refuses is keyed by its bytes, so any edit of it still counts
    rusak = _YAML_AWAL + "ikk: [\n"
    assert kunci(rusak) == sidik_mod.sha256_berkas(berkas)
    berkas.write_bytes(_YAML_AWAL.encode("utf-16"))
    utf16 = sidik_mod.sidik_data(data, "lapas-uji", 2023, "2023")[item]
    assert utf16 == sidik_mod.sha256_berkas(berkas) != awal


def test_sidik_kode_memuat_setiap_berkas_paket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    paket = tmp_path / "lkjip_helpers"
    shutil.copytree(
        ROOT / "lkjip_helpers", paket, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    monkeypatch.setattr(sidik_mod, "PAKET", paket)
    awal = sidik_mod.sidik_kode()
    (paket / "static" / "laporan.css").write_text("body{}", encoding="utf-8")
    (paket / "templates" / "dokumen" / "laporan.html.j2").write_text("x", encoding="utf-8")
    (paket / "hitung" / "capaian.py").write_text("# diubah\n", encoding="utf-8")
    (paket / "hitung" / "__pycache__").mkdir(exist_ok=True)
    (paket / "hitung" / "__pycache__" / "capaian.cpython-311.pyc").write_bytes(b"\0")
    ubah = sidik_mod.sidik_kode()
    assert sorted(k for k in ubah if ubah[k] != awal.get(k)) == [
        "kode/hitung/capaian.py",
        "kode/static/laporan.css",
        "kode/templates/dokumen/laporan.html.j2",
    ]


def test_sidik_tidak_bergantung_pada_folder_kerja(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = salin_data(tmp_path, [])
    awal = _sidik(data.resolve())
    (tmp_path / "paket_lokal-1.0.dist-info").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _sidik(data.resolve()) == awal


# --------------------------------------------------------------------------- build()


def _bangun(data: Path, out: Path, **lain: object):
    return build(
        "lapas-banyuasin",
        2023,
        data,
        out,
        notebooks_dir=FIXTURE_NB,
        pdf=False,
        progress=False,
        **{"docx": False, **lain},  # type: ignore[arg-type]
    )


@pytest.mark.e2e
def test_build_tanpa_perubahan_dipakai_ulang(tmp_path: Path) -> None:
    data = salin_data(tmp_path, [])
    out = tmp_path / "outputs"
    pertama = _bangun(data, out)
    assert not pertama.dipakai_ulang
    rekam = json.loads(pertama.build_json.read_text(encoding="utf-8"))
    assert rekam["fingerprint"]["version"] == sidik_mod.VERSI
    assert rekam["fingerprint"]["items"]["data/satker/lapas-banyuasin/2023/kinerja.yaml"]
    assert rekam["parameters"]["periode"] == "tahunan"
    isi_awal = pertama.build_json.read_bytes()

    kedua = _bangun(data, out)
    assert kedua.dipakai_ulang and kedua.folder == pertama.folder
    assert kedua.build_json.read_bytes() == isi_awal, "nothing was rebuilt"
    assert kedua.temuan == pertama.temuan and kedua.notebooks == pertama.notebooks
    assert (out / "index.html").is_file()

    # a comment added to a data file: nothing that is loaded changed, the report is reused
    narasi = data / "satker" / "lapas-banyuasin" / "2023" / "narasi.yaml"
    teks = narasi.read_text(encoding="utf-8")
    narasi.write_text(teks + "\n# catatan\n", encoding="utf-8")
    assert _bangun(data, out).dipakai_ulang
    # a changed input: built again
    narasi.write_text(
        teks.replace("latar_belakang: |-\n", "latar_belakang: |-\n  Kalimat baru.\n\n", 1),
        encoding="utf-8",
    )
    ketiga = _bangun(data, out)
    assert not ketiga.dipakai_ulang and ketiga.build_json.read_bytes() != isi_awal
    # --paksa: built again although nothing changed
    assert not _bangun(data, out, paksa=True).dipakai_ulang
    # an output gone: built again
    (ketiga.folder / "tabel.xlsx").unlink()
    assert not _bangun(data, out).dipakai_ulang
    assert _bangun(data, out).dipakai_ulang
    assert not sisa_sementara(out)


@pytest.mark.e2e
def test_periode_folder_dan_parameter(tmp_path: Path) -> None:
    data = salin_data(tmp_path, [])
    # a Semester I folder beside the annual one (the review memo loads the period's data)
    semester = data / "satker" / "lapas-banyuasin" / "2023-semester-1"
    shutil.copytree(data / "satker" / "lapas-banyuasin" / "2023", semester)
    kinerja = semester / "kinerja.yaml"
    kinerja.write_text(
        kinerja.read_text(encoding="utf-8").replace(
            "periode_laporan: Januari–Desember 2023", "periode_laporan: {periode: semester-1}"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "outputs"
    with pytest.raises(BuildError, match="notebook bab belum menerima parameter 'periode'"):
        _bangun(data, out, periode="semester-1")

    # chapters that declare `periode` get it; helpers that accept it get it too
    nb = tmp_path / "nb"
    shutil.copytree(FIXTURE_NB, nb)
    for p in daftar_bab(nb):
        p.write_text(
            p.read_text(encoding="utf-8").replace(
                'data_dir: str = \\"data\\"  # folder data',
                'data_dir: str = \\"data\\"  # folder data\\n",\n    "periode: str = \\"tahunan\\"',
            ),
            encoding="utf-8",
        )
    diterima: list[str] = []

    def periksa(s: str, t: int, d: object, periode: str = "tahunan", **kw: object) -> list:
        diterima.append(periode)
        return []

    komponen = komponen_uji(periksa, capaian=lambda s, t, d, periode: [{"periode": periode}])
    hasil = build(
        "lapas-banyuasin",
        2023,
        data,
        out,
        notebooks_dir=nb,
        pdf=False,
        docx=False,
        progress=False,
        periode="semester-1",
        komponen=komponen,  # the checks and the IKK table get the period by keyword
    )
    assert hasil.folder == out / "lapas-banyuasin" / "2023-semester-1"
    assert hasil.periode == "semester-1" and diterima == ["semester-1"]
    assert "semester-1" in hasil.capaian_csv.read_text(encoding="utf-8")
    nb_keluar = hasil.notebooks[0].read_text(encoding="utf-8")
    assert 'periode = \\"semester-1\\"' in nb_keluar, "injected as a notebook parameter"
    assert not (out / "lapas-banyuasin" / "2023").exists()
