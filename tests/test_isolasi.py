"""Containment (issue 10): nothing is read outside the data folder, nothing is written outside
the output folder, and WeasyPrint fetches nothing but the report's embedded images.

Each test reproduces one attack of the issue against a copy of the sample data.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bantu_build import pasang_stub
from pypdf import PdfReader

from lkjip_helpers.bangun.catatan import sidik_masukan
from lkjip_helpers.bangun.susun import build
from lkjip_helpers.cli import main
from lkjip_helpers.errors import DataError, ParameterError
from lkjip_helpers.keluaran.pdf import tulis_pdf
from lkjip_helpers.muat import muat_laporan

DATA = Path(__file__).parents[1] / "data"
SATKER = "lapas-banyuasin"
FIXTURE_NB = Path(__file__).parent / "fixtures" / "notebooks"
RAHASIA = "RAHASIA-JANGAN-BOCOR"


@pytest.fixture
def salinan(tmp_path: Path) -> Path:
    """A copy of the sample data, plus a secret YAML file beside (outside) it."""
    data = tmp_path / "d"
    shutil.copytree(DATA, data)
    (tmp_path / "rahasia.yaml").write_text(f"kunci: {RAHASIA}\nnama: x\n", encoding="utf-8")
    return data


def _ganti_katalog(data: Path, nilai: str) -> None:
    path = data / "satker" / SATKER / "satker.yaml"
    teks = path.read_text(encoding="utf-8")
    path.write_text(
        teks.replace("katalog: upt-pemasyarakatan-2020-2024", f"katalog: {nilai}"),
        encoding="utf-8",
    )


@pytest.mark.parametrize("nilai", ["ABS", "../../rahasia", "../katalog/../../rahasia"])
def test_katalog_di_luar_folder_data_tidak_dibaca(salinan: Path, nilai: str) -> None:
    # Before: `katalog: /abs/path` or `../../x` was read and its contents echoed.
    nilai = str(salinan.parent / "rahasia") if nilai == "ABS" else nilai
    _ganti_katalog(salinan, nilai)
    with pytest.raises(DataError) as info:
        muat_laporan(SATKER, 2023, salinan)
    pesan = str(info.value)
    assert RAHASIA not in pesan and "kunci" not in pesan
    assert "satker.yaml" in pesan and "field katalog" in pesan
    assert "di luar folder" in pesan or "bukan jalur mutlak" in pesan


def test_katalog_di_luar_folder_lewat_cli(salinan: Path, capsys: pytest.CaptureFixture) -> None:
    _ganti_katalog(salinan, "../../rahasia")
    kode = main(["check", "--satker", SATKER, "--tahun", "2023", "--data-dir", str(salinan),
                 "--json", str(salinan.parent / "t.json")])  # fmt: skip
    out, err = capsys.readouterr()
    assert kode == 2
    assert RAHASIA not in out + err and "Traceback" not in out + err


def test_narasi_symlink_ke_luar_tidak_diikuti(salinan: Path) -> None:
    # Before: a symlinked narasi.yaml pointing outside the data folder was followed and echoed.
    narasi = salinan / "satker" / SATKER / "2023" / "narasi.yaml"
    narasi.unlink()
    narasi.symlink_to(salinan.parent / "rahasia.yaml")
    with pytest.raises(DataError) as info:
        muat_laporan(SATKER, 2023, salinan)
    pesan = str(info.value)
    assert "narasi.yaml" in pesan and "tautan simbolik ke luar folder" in pesan
    assert RAHASIA not in pesan


def test_symlink_di_dalam_folder_data_boleh(salinan: Path) -> None:
    """A symlink that stays inside the data folder is fine (resolved path checked)."""
    folder = salinan / "satker" / SATKER / "2023"
    (salinan / "bersama").mkdir()
    shutil.move(folder / "narasi.yaml", salinan / "bersama" / "narasi.yaml")
    (folder / "narasi.yaml").symlink_to(salinan / "bersama" / "narasi.yaml")
    data = muat_laporan(SATKER, 2023, salinan)
    assert data.ini.narasi is not None


def test_folder_satker_symlink_ke_luar_ditolak(salinan: Path, tmp_path: Path) -> None:
    luar = tmp_path / "luar"
    shutil.move(salinan / "satker" / SATKER, luar)
    (salinan / "satker" / SATKER).symlink_to(luar)
    with pytest.raises(DataError, match="tautan simbolik ke luar folder"):
        muat_laporan(SATKER, 2023, salinan)


def test_sidik_masukan_tidak_membaca_symlink_ke_luar(salinan: Path) -> None:
    """build.json's checksums never read a file outside the data folder either."""
    (salinan / "satker" / SATKER / "catatan.txt").symlink_to(salinan.parent / "rahasia.yaml")
    with pytest.raises(DataError, match="tautan simbolik ke luar folder"):
        sidik_masukan(salinan, SATKER)


# --------------------------------------------------------------------------- helpers


def test_path_dalam(tmp_path: Path) -> None:
    from lkjip_helpers.muat import path_dalam

    folder = tmp_path / "lampiran"
    folder.mkdir()
    (folder / "pk.pdf").write_bytes(b"%PDF")
    (tmp_path / "luar.png").write_bytes(b"x")
    (folder / "tautan.png").symlink_to(tmp_path / "luar.png")
    (folder / "sub").mkdir()
    assert path_dalam(folder, "pk.pdf") == folder / "pk.pdf"
    assert path_dalam(folder, "sub/../pk.pdf") == folder / "sub/../pk.pdf"
    for nama in ("../luar.png", "/etc/hostname", "tautan.png", "sub/../../luar.png", "a\x00b", ""):
        with pytest.raises(DataError) as info:
            path_dalam(folder, nama, asal="lampiran.yaml, field berkas")
        assert str(info.value).startswith("lampiran.yaml, field berkas")


def test_pastikan_terpisah(tmp_path: Path) -> None:
    from lkjip_helpers.muat import pastikan_terpisah

    data = tmp_path / "data"
    data.mkdir()
    pastikan_terpisah(data, tmp_path / "outputs")
    for keluar in (data, data / "satker", tmp_path):
        with pytest.raises(ParameterError):
            pastikan_terpisah(data, keluar)
    (tmp_path / "tautan").symlink_to(data / "satker", target_is_directory=True)
    with pytest.raises(ParameterError):
        pastikan_terpisah(data, tmp_path / "tautan")


# --------------------------------------------------------------------------- writes


def _stub(mp: pytest.MonkeyPatch) -> None:
    pasang_stub(mp)


@pytest.mark.parametrize("dalam", ["satker", "satker/lapas-banyuasin", ".", ".."])
def test_out_dir_di_dalam_atau_memuat_data_ditolak(salinan: Path, dalam: str) -> None:
    # Before: `--out-dir $D/d/satker` exited 0 and the 2023/*.yaml input files were gone.
    sebelum = sorted(p.relative_to(salinan) for p in salinan.rglob("*"))
    with pytest.MonkeyPatch.context() as mp:
        _stub(mp)
        with pytest.raises(ParameterError, match="folder keluaran"):
            build("lapas-banyuasin", 2023, salinan, salinan / dalam, pdf=False,
                  notebooks_dir=FIXTURE_NB, progress=False)  # fmt: skip
    assert sorted(p.relative_to(salinan) for p in salinan.rglob("*")) == sebelum


def test_out_dir_lewat_symlink_ke_data_ditolak(salinan: Path, tmp_path: Path) -> None:
    out = tmp_path / "outputs"
    out.mkdir()
    (out / SATKER).symlink_to(salinan / "satker" / SATKER, target_is_directory=True)
    sebelum = sorted(p.name for p in (salinan / "satker" / SATKER / "2023").iterdir())
    with pytest.MonkeyPatch.context() as mp:
        _stub(mp)
        with pytest.raises(ParameterError, match="folder keluaran"):
            build(SATKER, 2023, salinan, out, pdf=False, notebooks_dir=FIXTURE_NB,
                  progress=False)  # fmt: skip
    assert sorted(p.name for p in (salinan / "satker" / SATKER / "2023").iterdir()) == sebelum


def test_check_tidak_menulis_ke_folder_data(salinan: Path) -> None:
    tujuan = salinan / "satker" / SATKER / "temuan.json"
    assert main(["check", "--satker", SATKER, "--tahun", "2023", "--data-dir", str(salinan),
                 "--json", str(tujuan)]) == 2  # fmt: skip
    assert not tujuan.exists()


# --------------------------------------------------------------------------- PDF


def test_url_fetcher_hanya_gambar_tertanam() -> None:
    from lkjip_helpers.keluaran.pdf import url_diizinkan

    assert url_diizinkan("data:image/png;base64,iVBORw0KGgo=")
    for url in (
        "file:///etc/hostname",
        "FILE:///etc/passwd",
        "http://contoh.invalid/a.png",
        "https://contoh.invalid/a.css",
        "data:text/plain,rahasia",
        "ftp://contoh.invalid/x",
        "/etc/hostname",
    ):
        assert not url_diizinkan(url), url


def test_string_css_tidak_bisa_keluar() -> None:
    from lkjip_helpers.keluaran.pdf import string_css

    for teks in ('a"b', "</style><script>", "a\\\nb", "x</STYLE >", "}@import url(x);"):
        hasil = string_css(teks)
        isi = hasil[1:-1]
        assert hasil.startswith('"') and hasil.endswith('"')
        assert '"' not in isi and "<" not in isi and "\n" not in isi and "}" not in isi


def _lampiran_pdf(path: Path) -> list[str]:
    reader = PdfReader(str(path))
    nama = list(reader.attachments)
    for halaman in reader.pages:
        for annot in halaman.get("/Annots") or []:
            obj = annot.get_object()
            if obj.get("/Subtype") == "/FileAttachment":
                nama.append(str(obj.get("/FS")))
    return nama


def _uri_pdf(path: Path) -> list[str]:
    hasil = []
    for halaman in PdfReader(str(path)).pages:
        for annot in halaman.get("/Annots") or []:
            aksi = annot.get_object().get("/A")
            if aksi is not None and aksi.get_object().get("/URI") is not None:
                hasil.append(str(aksi.get_object()["/URI"]))
    return hasil


def test_judul_berjalan_tidak_menyisipkan_lampiran(tmp_path: Path) -> None:
    # Before: a satker name `X </style><a rel=attachment href=file:///etc/hostname>` embedded
    # /etc/hostname into the PDF (the running header was not escaped and file: was fetched).
    rahasia = tmp_path / "rahasia.txt"
    rahasia.write_text(RAHASIA, encoding="utf-8")
    nama = f'X </style><a rel=attachment href="{rahasia.as_uri()}">x</a><style>'
    html = (
        "<!DOCTYPE html><html><head><style>p{color:black}</style></head><body><main>"
        f"<p>isi</p><p><a rel=attachment href='{rahasia.as_uri()}'>lampiran</a></p>"
        f"<img src='{rahasia.as_uri()}'><p style='background:url({rahasia.as_uri()})'>y</p>"
        "</main></body></html>"
    )
    tujuan = tmp_path / "laporan.pdf"
    tulis_pdf(html, tujuan, f"LKjIP 2023 — {nama}", tmp_path)
    assert _lampiran_pdf(tujuan) == []
    assert RAHASIA.encode() not in tujuan.read_bytes()
    teks = "".join(p.extract_text() or "" for p in PdfReader(str(tujuan)).pages)
    assert "</style>" in teks, "the name is printed as text in the running header"
    assert RAHASIA not in teks
