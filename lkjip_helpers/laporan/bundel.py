"""A section's blocks as JSON: what a chapter notebook's display output carries to the build.

A section displayed in a notebook (:meth:`~lkjip_helpers.laporan.model.Bagian._repr_mimebundle_`)
carries, beside its HTML for JupyterLab, its blocks under the mimetype :data:`MIME_BAGIAN`. The
build reads them back (:func:`bagian_dari_json`) and assembles, numbers and renders the report
from these blocks: nothing is parsed out of HTML. A narrative travels rendered (its placeholders
filled in and sanitised in the kernel), a figure with its picture.
"""

from __future__ import annotations

from typing import Any

from .model import (
    Bagian,
    BagianRumus,
    Blok,
    Daftar,
    Gambar,
    Html,
    Judul,
    Kelompok,
    Narasi,
    Paragraf,
    Pecahan,
    Rumus,
    Tabel,
    Tebal,
)

MIME_BAGIAN = "application/vnd.lkjip.bagian+json"
"""Mimetype of a section's blocks in its display output (read by the build)."""


def _rumus_ke_json(b: BagianRumus) -> Any:
    if isinstance(b, Pecahan):
        return {"atas": b.atas, "bawah": b.bawah}
    if isinstance(b, Tebal):
        return {"tebal": b.isi}
    return b


def _rumus_dari_json(d: Any) -> BagianRumus:
    if isinstance(d, dict):
        return Tebal(d["tebal"]) if "tebal" in d else Pecahan(d["atas"], d["bawah"])
    return str(d)


def blok_ke_json(b: Blok, dok: Any = None) -> dict[str, Any]:
    """One block as JSON (a narrative as its rendered HTML)."""
    if isinstance(b, Judul):
        return {"jenis": "judul", "tingkat": b.tingkat, "isi": b.isi, "id": b.id, "kelas": b.kelas}
    if isinstance(b, Paragraf):
        return {"jenis": "paragraf", "isi": b.isi, "kelas": b.kelas}
    if isinstance(b, Daftar):
        return {"jenis": "daftar", "butir": list(b.butir), "berurut": b.berurut}
    if isinstance(b, Kelompok):
        isi = [blok_ke_json(x, dok) for x in b.blok]
        return {"jenis": "kelompok", "kelas": b.kelas, "kunci": b.kunci, "blok": isi}
    if isinstance(b, Rumus):
        baris = [[_rumus_ke_json(x) for x in r] for r in b.baris]
        return {"jenis": "rumus", "baris": baris, "catatan": list(b.catatan)}
    if isinstance(b, Tabel):
        return {"jenis": "tabel", **b.ke_json(), "kelas": b.kelas}
    if isinstance(b, Gambar):
        mime, b64 = b.gambar()
        return {
            "jenis": "gambar",
            "kunci": b.kunci,
            "judul": b.judul,
            "alt": b.alt,
            "nomor": b.nomor,
            "masukan": b.masukan,
            "mime": mime,
            "base64": b64,
        }
    if isinstance(b, Narasi | Html):  # a narrative, rendered and sanitised, as markup
        return {"jenis": "html", "isi": b.html(dok)}
    raise TypeError(f"blok tidak dikenal: {type(b).__name__}")


def _gambar(d: dict[str, Any]) -> Gambar:
    mime, b64 = str(d["mime"]), str(d["base64"])
    return Gambar(
        d["kunci"], d["judul"], lambda: (mime, b64), d.get("alt"), d.get("nomor"), d.get("masukan")
    )


_DARI_JSON = {
    "judul": lambda d: Judul(int(d["tingkat"]), d["isi"], d.get("id"), d.get("kelas")),
    "paragraf": lambda d: Paragraf(d["isi"], d.get("kelas")),
    "daftar": lambda d: Daftar(list(d["butir"]), bool(d.get("berurut", True))),
    "kelompok": lambda d: Kelompok(
        d["kelas"], [blok_dari_json(x) for x in d["blok"]], d.get("kunci")
    ),
    "rumus": lambda d: Rumus(
        [tuple(_rumus_dari_json(x) for x in r) for r in d["baris"]], list(d.get("catatan") or [])
    ),
    "tabel": lambda d: _tabel(d),
    "gambar": _gambar,
    "html": lambda d: Html(str(d["isi"])),
}


def _tabel(d: dict[str, Any]) -> Tabel:
    t = Tabel.dari_json(d)
    t.kelas = str(d.get("kelas") or "")
    return t


def blok_dari_json(d: dict[str, Any]) -> Blok:
    """The block :func:`blok_ke_json` wrote."""
    buat = _DARI_JSON.get(str(d.get("jenis")))
    if buat is None:
        raise ValueError(f"jenis blok tidak dikenal: {d.get('jenis')!r}")
    return buat(d)


def bagian_ke_json(bagian: Bagian) -> dict[str, Any]:
    """A section as JSON: its name (``sampul``, ``capaian_ringkas`` …) and its blocks."""
    return {
        "nama": bagian.nama,
        "blok": [blok_ke_json(b, bagian.dok) for b in bagian.blok],
    }


def bagian_dari_json(d: dict[str, Any]) -> Bagian:
    """The section :func:`bagian_ke_json` wrote (without its document)."""
    b = Bagian([blok_dari_json(x) for x in d.get("blok") or []])
    b.nama = d.get("nama")
    return b


def gambar_notebook(nb: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """The charts an executed notebook (its JSON) displays: the figure's inputs
    (:attr:`~lkjip_helpers.laporan.model.Gambar.masukan`) → ``(mimetype, base64)``. A chart
    is drawn once, in the chapter: the build takes laporan.docx's charts from here."""
    hasil: dict[str, tuple[str, str]] = {}

    def telusuri(blok: Any) -> None:
        for d in blok if isinstance(blok, list) else []:
            if not isinstance(d, dict):
                continue
            if d.get("jenis") == "gambar" and d.get("masukan"):
                hasil[str(d["masukan"])] = (str(d.get("mime")), str(d.get("base64")))
            telusuri(d.get("blok"))

    for sel in nb.get("cells") or []:
        for keluaran in (sel.get("outputs") or []) if isinstance(sel, dict) else []:
            bagian = (keluaran.get("data") or {}).get(MIME_BAGIAN)
            if isinstance(bagian, dict):
                telusuri(bagian.get("blok"))
    return hasil
