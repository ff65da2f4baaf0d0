"""Print the report HTML to PDF with WeasyPrint (A4, page numbers, no network)."""

from __future__ import annotations

from pathlib import Path

from .html import CSS_CETAK


def _css_string(teks: str) -> str:
    return '"' + teks.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def tulis_pdf(html: str, tujuan: Path, judul_berjalan: str, base_url: Path) -> None:
    """Print ``html`` to ``tujuan`` (A4) with WeasyPrint; no network access is allowed."""
    import logging

    import weasyprint
    from weasyprint import HTML

    # Only data: and file: URLs may be fetched (the sanitised HTML has no others anyway).
    pengambil: object
    if hasattr(weasyprint, "URLFetcher"):  # WeasyPrint >= 68
        pengambil = weasyprint.URLFetcher(allowed_protocols={"data", "file"})
    else:  # pragma: no cover - older WeasyPrint
        from weasyprint import default_url_fetcher

        def pengambil(url: str, *args: object, **kwargs: object) -> dict:
            if url.startswith(("data:", "file:")):
                return default_url_fetcher(url, *args, **kwargs)
            raise ValueError(f"sumber jarak jauh ditolak: {url}")

    cetak = CSS_CETAK.read_text(encoding="utf-8") + (
        "\n@page { @top-center { content: " + _css_string(judul_berjalan) + "; "
        'font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; '
        "font-size: 8.5pt; color: #444; } }\n"
        "@page sampul { @top-center { content: none; } }\n"
    )
    # The print rules go into the document itself (author origin, after laporan.css), so they
    # override it; stylesheets passed to write_pdf() would rank below the document's own CSS.
    gaya = f'<style media="print">\n{cetak}\n</style>\n'
    posisi = html.lower().find("</head>")
    html_cetak = html[:posisi] + gaya + html[posisi:] if posisi >= 0 else gaya + html
    # WeasyPrint logs unsupported CSS properties at WARNING; they are not build failures.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    HTML(string=html_cetak, base_url=str(base_url), url_fetcher=pengambil).write_pdf(str(tujuan))
