"""Stitch executed chapter notebooks into one self-contained HTML report and a PDF.

- :func:`siapkan_bab` renders one executed chapter in-process with nbconvert and our own
  template (``templates/lkjip``: no inputs, no prompts, no scripts, our CSS inlined) and
  removes anything active or remote (:func:`sterilkan`). The build runs it for each chapter
  while the kernel executes the next one.
- :func:`rakit` joins the chapters into one document, gives headings stable unique ids and
  inserts the front matter (Daftar Isi, Daftar Tabel, Daftar Gambar) after the cover and the
  kata pengantar.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import uuid
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from nbconvert import HTMLExporter, TemplateExporter
from nbconvert.filters import DataTypeFilter
from traitlets.config import Config

from .. import __version__

PAKET = Path(__file__).resolve().parent.parent
FOLDER_TEMPLATE = PAKET / "templates"
CSS_LAPORAN = PAKET / "static" / "laporan.css"
CSS_CETAK = PAKET / "static" / "cetak.css"

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
"""Content-Security-Policy of every document the tool writes: nothing may load or run but
its own inline styles and embedded images (a second line of defence after sanitising)."""

KOLOM_BANYAK = 8
KOLOM_SANGAT_BANYAK = 12

PRIORITAS_TAMPILAN = [
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/latex",
    "text/plain",
]

_TAG_AKTIF = (
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "link",
    "base",
    "meta",
    "form",
    "portal",
    "noscript",
)
_ATRIBUT_SUMBER = (
    "src",
    "srcset",
    "poster",
    "data",
    "background",
    "action",
    "formaction",
    "xlink:href",
    "ping",
    "lowsrc",
    "dynsrc",
    "longdesc",
    "manifest",
)
_URL_CSS = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_IMPORT_CSS = re.compile(r"@import[^;]*;?", re.IGNORECASE)


# --------------------------------------------------------------------------- merge + export


_lokal = threading.local()


class _EksporLaporan(HTMLExporter):
    """nbconvert's HTMLExporter without its final BeautifulSoup pass.

    ``HTMLExporter.from_notebook_node`` re-parses its own output only to add alt texts and
    ``tabindex`` attributes for the lab/classic templates; our template needs neither, and
    the build parses the HTML once anyway (≈ 0,5 s less on the sample report).
    """

    def from_notebook_node(  # type: ignore[override]
        self, nb: nbformat.NotebookNode, resources: dict | None = None, **kw: object
    ) -> tuple[str, dict]:
        """Render with the template; outputs are chosen by ``display_data_priority``."""
        self.register_filter("filter_data_type", DataTypeFilter(parent=self))
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


def _exporter() -> HTMLExporter:
    """One configured exporter per thread (building one loads the Jinja templates)."""
    exporter = getattr(_lokal, "exporter", None)
    if exporter is None:
        konfigurasi = Config({"NbConvertBase": {"display_data_priority": PRIORITAS_TAMPILAN}})
        exporter = _EksporLaporan(
            config=konfigurasi,
            template_name="lkjip",
            extra_template_basedirs=[str(FOLDER_TEMPLATE)],
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            embed_images=True,
            anchor_link_text="",
        )
        _lokal.exporter = exporter
    return exporter


def ekspor_html(nb: nbformat.NotebookNode, judul: str, folder_kerja: Path | None = None) -> str:
    """Render a notebook to a full HTML document with the ``lkjip`` template (in-process)."""
    resources = {
        "metadata": {"name": judul, "path": str(folder_kerja) if folder_kerja else ""},
        "lkjip": {
            "css": CSS_LAPORAN.read_text(encoding="utf-8"),
            "judul": judul,
            "versi": __version__,
            "csp": CSP,
        },
    }
    html, _ = _exporter().from_notebook_node(nb, resources=resources)
    return html


def siapkan_bab(path: Path, judul: str, folder_kerja: Path | None = None) -> BeautifulSoup:
    """Export one executed chapter notebook and sanitise it.

    :func:`rakit` then joins the chapters. Cells get fresh ids so that ids stay unique across
    the joined chapters.
    """
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        cell["id"] = uuid.uuid4().hex[:12]
    soup = BeautifulSoup(ekspor_html(nb, judul, folder_kerja), "html.parser")
    sterilkan(soup)
    return soup


def rakit(bab: list[BeautifulSoup]) -> BeautifulSoup:
    """Join the chapters (in order) into the first one's document and finish it.

    Headings get unique ids, wide tables a class, and the front matter (Daftar Isi, Daftar
    Tabel, Daftar Gambar) is inserted after the cover and kata pengantar.
    """
    if not bab:
        raise ValueError("tidak ada bab untuk dirakit")
    dasar = bab[0]
    main = dasar.find("main")
    assert main is not None
    for lain in bab[1:]:
        isi = lain.find("main")
        if isi is None:
            continue
        for node in list(isi.contents):
            main.append(node.extract())
    pangkas_judul_kosong(dasar)
    urutkan_huruf_judul(dasar)
    _beri_id_unik(dasar)
    _tandai_tabel_lebar(dasar)
    tandai_tabel_pendek(dasar)
    sisipkan_daftar(dasar)
    return dasar


_ISI = ("img", "svg", "table", "hr")


def pangkas_judul_kosong(soup: BeautifulSoup) -> None:
    """Remove headings (h1–h5) with no content before the next heading of the same or a
    higher level: a section without data is left out with its heading, and a chapter whose
    sections are all left out (LAMPIRAN without appendices) with its own, so no page is
    empty."""
    main = soup.find("main") or soup.body
    if main is None:
        return
    peristiwa: list[tuple[int, Tag | None]] = []  # (level, heading) or (0, None) = content
    for node in main.descendants:
        if isinstance(node, Tag):
            if re.fullmatch(r"h[1-6]", node.name):
                peristiwa.append((int(node.name[1]), node))
            elif node.name in _ISI and node.find_parent(re.compile(r"^h[1-6]$")) is None:
                peristiwa.append((0, None))
        elif (
            isinstance(node, NavigableString)
            and not isinstance(node, Comment)
            and str(node).strip()
            and node.find_parent(re.compile(r"^h[1-6]$")) is None
            and (not peristiwa or peristiwa[-1] != (0, None))
        ):
            peristiwa.append((0, None))
    buang = []
    for i, (tingkat, judul) in enumerate(peristiwa):
        if judul is None:
            continue
        ada_isi = False
        for t2, j2 in peristiwa[i + 1 :]:
            if j2 is None:
                ada_isi = True
                break
            if t2 <= tingkat:
                break
        if not ada_isi:
            buang.append(judul)
    for judul in buang:
        induk = judul.parent
        judul.decompose()
        if (
            isinstance(induk, Tag)
            and "sel-teks" in (induk.get("class") or [])
            and not induk.get_text(strip=True)
            and not induk.find(_ISI)
        ):
            induk.decompose()


_HURUF_JUDUL = re.compile(r"^(\s*)([A-Z])(\.\s)")


def urutkan_huruf_judul(soup: BeautifulSoup) -> None:
    """Letter a chapter's lettered sections (``A. …``, ``B. …``) in sequence after
    :func:`pangkas_judul_kosong` left some out: a Bab I without Latar Belakang starts at
    ``A. Gambaran Umum Satker``, not ``B.``. Each ``h1`` starts a chapter."""
    main = soup.find("main") or soup.body
    if main is None:
        return
    n = 0
    for h in main.find_all(["h1", "h2"]):
        if h.name == "h1":
            n = 0
            continue
        teks = next((x for x in h.descendants if isinstance(x, NavigableString)), None)
        m = _HURUF_JUDUL.match(str(teks)) if teks is not None else None
        if m is None or n >= 26:
            continue
        huruf = chr(ord("A") + n)
        n += 1
        if m.group(2) != huruf:
            teks.replace_with(m.group(1) + huruf + m.group(3) + str(teks)[m.end() :])  # type: ignore[union-attr]


# --------------------------------------------------------------------------- post-processing


def _jauh(url: str) -> bool:
    """True for a URL that would fetch something from outside the file: anything but a
    fragment or a data: URI (a relative path fetches a local file, ``../../etc/x`` too)."""
    u = url.strip().lower()
    return bool(u) and not u.startswith(("#", "data:"))


def _bersihkan_css(teks: str) -> str:
    """Drop ``@import`` and every ``url(...)`` that is not a data: URI."""
    teks = _IMPORT_CSS.sub("", teks)
    return _URL_CSS.sub(
        lambda m: m.group(0) if m.group(2).strip().lower().startswith("data:") else "none", teks
    )


def _atribut_berbahaya(elemen: str, nama: str, nilai: str) -> bool:
    """An event handler, a remote resource, or a script/data link."""
    if nama.startswith("on"):
        return True
    if nama == "srcset":
        return any(_jauh(x.strip().split(" ")[0]) for x in nilai.split(","))
    if nama in _ATRIBUT_SUMBER:
        return _jauh(nilai)
    if nama == "href" and elemen != "a":
        return _jauh(nilai)
    if nama == "href":
        return nilai.strip().lower().startswith(("javascript:", "vbscript:", "data:", "file:"))
    return False


def sterilkan(soup: BeautifulSoup) -> None:
    """Remove scripts, embedded documents, event handlers and remote resource references.

    Text links (``<a href="https://…">``) stay: they load nothing. The build's own
    ``<style>`` and ``<meta charset>`` in ``<head>`` are kept.
    """
    kepala = soup.head
    for tag in soup.find_all(_TAG_AKTIF):
        if kepala is not None and tag.name == "meta" and tag.parent is kepala:
            continue
        tag.decompose()
    # Only the build's own stylesheet (in <head>) styles the report: a section's notebook
    # display CSS (style.lkjip-gaya) and any other <style> in the body go.
    for tag in soup.find_all("style"):
        if kepala is None or tag.parent is not kepala:
            tag.decompose()
    for tag in soup.find_all(True):
        for nama in list(tag.attrs):
            nilai = tag.attrs[nama]
            teks = " ".join(nilai) if isinstance(nilai, list) else str(nilai)
            if nama.lower() == "style":
                tag.attrs[nama] = _bersihkan_css(teks)
            elif _atribut_berbahaya(tag.name, nama.lower(), teks):
                del tag.attrs[nama]
        if tag.name == "img" and not tag.get("src"):
            alt = tag.get("alt") or "gambar tidak disertakan"
            tag.replace_with(soup.new_string(f"[{alt}]"))
    for gaya in soup.find_all("style"):
        if gaya.string:
            gaya.string.replace_with(_bersihkan_css(gaya.string))
    for a in soup.find_all("a", class_="anchor-link"):
        a.decompose()
    # Comments are notes for the analyst (and could hide conditional markup): drop them,
    # then drop markdown cells left empty, so nothing invisible precedes the cover.
    for komentar in soup.find_all(string=lambda t: isinstance(t, Comment)):
        komentar.extract()
    # The same for a section's display that showed nothing (a section without data): an empty
    # block would break the print flow (a page of its own between two forced page breaks, or a
    # break point between a heading and what follows it).
    for div in soup.find_all("div", class_=["sel-teks", "lkjip-tampilan"]):
        if not div.get_text(strip=True) and not div.find(["img", "svg", "table", "hr"]):
            div.decompose()


def teks_elemen(tag: Tag, br: str = " ") -> str:
    """Text of an element: whitespace collapsed, ``<br>`` replaced by ``br``."""
    bagian: list[str] = []
    for node in tag.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                bagian.append(br)
        elif isinstance(node, NavigableString) and not isinstance(node, Comment):
            bagian.append(re.sub(r"\s+", " ", str(node)))
    baris = [re.sub(r" +", " ", b).strip() for b in "".join(bagian).split("\n")]
    return "\n".join(b for b in baris if b)


def _teks_judul(tag: Tag) -> str:
    """Heading text on one line (``<br>`` as a space)."""
    return teks_elemen(tag, " ").replace("\n", " ")


def _slug(teks: str) -> str:
    t = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode()
    t = re.sub(r"[^a-zA-Z0-9]+", "-", t).strip("-").lower()
    return t[:60].strip("-") or "bagian"


def _dalam(tag: Tag, kelas: str) -> bool:
    return any(
        isinstance(p, Tag) and p.name == "section" and kelas in (p.get("class") or [])
        for p in tag.parents
    )


def _beri_id_unik(soup: BeautifulSoup) -> None:
    """Give every h1/h2/h3 a stable, unique id; mark chapter headings ``h1.bab``."""
    dipakai: set[str] = set()
    for tag in soup.find_all(id=True):
        if tag.name not in ("h1", "h2", "h3"):
            dipakai.add(str(tag["id"]))
    for h in soup.find_all(["h1", "h2", "h3"]):
        dasar = str(h.get("id") or "") or _slug(_teks_judul(h))
        kandidat, n = dasar, 2
        while kandidat in dipakai:
            kandidat, n = f"{dasar}-{n}", n + 1
        h["id"] = kandidat
        dipakai.add(kandidat)
        if h.name == "h1" and not _dalam(h, "sampul") and not _dalam(h, "kata-pengantar"):
            kelas = list(h.get("class") or [])
            if "bab" not in kelas:
                h["class"] = [*kelas, "bab"]


def _judul_figure(fig: Tag) -> str:
    cap = fig.find("figcaption")
    return _teks_judul(cap) if cap else ""


def _pastikan_id_figure(soup: BeautifulSoup, jenis: str) -> list[Tag]:
    figs = [f for f in soup.find_all("figure") if jenis in (f.get("class") or [])]
    dipakai = {str(t["id"]) for t in soup.find_all(id=True)}
    for i, fig in enumerate(figs, start=1):
        if not fig.get("id"):
            kandidat, n = f"{jenis}-{i}", 2
            while kandidat in dipakai:
                kandidat, n = f"{jenis}-{i}-{n}", n + 1
            fig["id"] = kandidat
            dipakai.add(kandidat)
    return figs


def _bagian_daftar(soup: BeautifulSoup, id_: str, judul: str) -> Tag:
    sec = soup.new_tag("section", attrs={"class": ["daftar", id_], "id": id_})
    h = soup.new_tag("h1", attrs={"class": ["daftar-judul"], "id": f"{id_}-judul"})
    h.string = judul
    sec.append(h)
    return sec


def _isi_daftar(
    soup: BeautifulSoup, sec: Tag, butir: list[tuple[str, str, int]], kosong: str
) -> None:
    if not butir:
        p = soup.new_tag("p", attrs={"class": ["kosong"]})
        p.string = kosong
        sec.append(p)
        return
    ol = soup.new_tag("ol")
    for id_, teks, tingkat in butir:
        kelas = [f"tingkat-{tingkat}"] if tingkat else ["butir"]
        li = soup.new_tag("li", attrs={"class": kelas})
        a = soup.new_tag("a", href=f"#{id_}")
        a.string = teks
        li.append(a)
        ol.append(li)
    sec.append(ol)


def sisipkan_daftar(soup: BeautifulSoup) -> None:
    """Insert Daftar Isi, Daftar Tabel and Daftar Gambar after the cover / kata pengantar."""
    main = soup.find("main") or soup.body
    assert main is not None
    jangkar: Tag | None = None
    for sec in main.find_all("section"):
        kelas = sec.get("class") or []
        if "sampul" in kelas or "kata-pengantar" in kelas:
            jangkar = sec
    # Insert at the top level of <main>, after the last cover/kata-pengantar wrapper.
    if jangkar is not None:
        while jangkar.parent is not None and jangkar.parent is not main:
            jangkar = jangkar.parent
    isi = _bagian_daftar(soup, "daftar-isi", "DAFTAR ISI")
    tabel = _bagian_daftar(soup, "daftar-tabel", "DAFTAR TABEL")
    gambar = _bagian_daftar(soup, "daftar-gambar", "DAFTAR GAMBAR")
    if jangkar is not None:
        jangkar.insert_after(isi)
    else:
        main.insert(0, isi)
    isi.insert_after(tabel)
    tabel.insert_after(gambar)

    figs_tabel = _pastikan_id_figure(soup, "tabel")
    figs_gambar = _pastikan_id_figure(soup, "gambar")
    _isi_daftar(
        soup,
        tabel,
        [(str(f["id"]), _judul_figure(f) or str(f["id"]), 0) for f in figs_tabel],
        "Tidak ada tabel.",
    )
    _isi_daftar(
        soup,
        gambar,
        [(str(f["id"]), _judul_figure(f) or str(f["id"]), 0) for f in figs_gambar],
        "Tidak ada gambar.",
    )
    butir = []
    for h in main.find_all(["h1", "h2", "h3"]):
        if _dalam(h, "sampul") or h is isi.h1:
            continue
        if h.name == "h3" and "sasaran" not in (h.get("class") or []):
            continue  # of the h3 headings only the sasaran kegiatan belong in the contents
        butir.append((str(h["id"]), _teks_judul(h), {"h1": 1, "h2": 2, "h3": 3}[h.name]))
    _isi_daftar(soup, isi, butir, "Tidak ada bab.")


def jumlah_kolom(tabel: Tag) -> int:
    """Number of columns of a table (the widest row, counting ``colspan``)."""
    terbanyak = 0
    for tr in tabel.find_all("tr"):
        if tr.find_parent("table") is not tabel:
            continue
        n = 0
        for sel in tr.find_all(["td", "th"], recursive=False):
            try:
                n += max(1, int(str(sel.get("colspan", 1))))
            except ValueError:
                n += 1
        terbanyak = max(terbanyak, n)
    return terbanyak


def _tandai_tabel_lebar(soup: BeautifulSoup) -> None:
    """Class ``kolom-banyak`` (>= 8 columns) / ``kolom-sangat-banyak`` (>= 12) for smaller type."""
    for tabel in soup.find_all("table"):
        n = jumlah_kolom(tabel)
        kelas = list(tabel.get("class") or [])
        if n >= KOLOM_SANGAT_BANYAK:
            kelas.append("kolom-sangat-banyak")
        elif n >= KOLOM_BANYAK:
            kelas.append("kolom-banyak")
        if kelas:
            tabel["class"] = kelas


BARIS_UTUH = 10
"""A table of at most this many body rows is never split across pages."""


def tandai_tabel_pendek(soup: BeautifulSoup) -> None:
    """Class ``utuh`` on a table's figure (or the bare table) with at most
    :data:`BARIS_UTUH` body rows: the print stylesheet keeps it on one page."""
    for tabel in soup.find_all("table"):
        badan = tabel.find("tbody") or tabel
        baris = [tr for tr in badan.find_all("tr") if tr.find_parent("table") is tabel]
        if tabel.find("thead") is None:
            baris = [tr for tr in baris if tr.find("td")]
        if len(baris) > BARIS_UTUH:
            continue
        induk = tabel.parent
        wadah = induk if isinstance(induk, Tag) and induk.name == "figure" else tabel
        wadah["class"] = [*(wadah.get("class") or []), "utuh"]


def pascaproses(html: str) -> BeautifulSoup:
    """Sanitise one HTML document and finish it like :func:`rakit`."""
    soup = BeautifulSoup(html, "html.parser")
    sterilkan(soup)
    return rakit([soup])


def pascaproses_html(html: str) -> str:
    """:func:`pascaproses` as a string (with a doctype)."""
    teks = str(pascaproses(html))
    if not teks.lstrip().lower().startswith("<!doctype"):
        teks = "<!DOCTYPE html>\n" + teks
    return teks


def dokumen_mandiri(isi_html: str, judul: str, kelas: str = "laporan") -> str:
    """A complete, self-contained HTML document around ``isi_html`` (blocks rendered in the
    build process, e.g. the review memo): the report stylesheet inlined, sanitised like the
    report (no scripts, no remote resources), headings with unique ids."""
    from .. import __version__ as versi
    from ..laporan.model import esc

    css = CSS_LAPORAN.read_text(encoding="utf-8")
    html = (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="lkjip {esc(versi)}">\n'
        f"<title>{esc(judul)}</title>\n<style>\n{css}\n</style>\n</head>\n"
        f'<body>\n<main class="{esc(kelas)}">\n{isi_html}\n</main>\n</body>\n</html>\n'
    )
    soup = BeautifulSoup(html, "html.parser")
    sterilkan(soup)
    _beri_id_unik(soup)
    _tandai_tabel_lebar(soup)
    teks = str(soup)
    return teks if teks.lstrip().lower().startswith("<!doctype") else "<!DOCTYPE html>\n" + teks
