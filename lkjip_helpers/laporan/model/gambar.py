"""A figure block: a chart or an image of the satker, drawn when first rendered."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .blok import Blok
from .tanda import atribut, esc, slug

if TYPE_CHECKING:
    from .dokumen import Dokumen


@dataclass
class Gambar(Blok):
    """A numbered figure; the picture is drawn only when the figure is first rendered.

    ``buat`` returns ``(mimetype, base64)`` — a chart (PNG) or an image file of the satker
    (PNG, JPEG, SVG) — embedded as a ``data:`` URI.
    """

    kunci: str
    judul: str
    buat: Callable[[], tuple[str, str]]
    alt: str | None = None
    nomor: str | None = None
    masukan: str | None = None
    """Fingerprint of what the picture is drawn from (set by :meth:`grafik`, or the image
    file's sha256); without it the picture itself is drawn to fingerprint the figure."""
    lukis: Callable[[], str] | None = field(default=None, repr=False)
    """Draws the chart (base64 PNG) without any cache (set by :meth:`grafik`; None for an
    image file)."""
    _gambar: tuple[str, str] | None = field(default=None, repr=False)

    @classmethod
    def grafik(
        cls,
        kunci: str,
        judul: str,
        fungsi: Callable[..., str],
        *argumen: object,
        alt: str | None = None,
    ) -> Gambar:
        """A chart drawn by ``fungsi(*argumen)`` (base64 PNG) when first rendered; its
        fingerprint comes from the function's name and the arguments' ``repr``."""
        masukan = hashlib.sha256(
            repr((fungsi.__module__, fungsi.__qualname__, argumen)).encode("utf-8")
        ).hexdigest()

        def lukis() -> str:
            return fungsi(*argumen)

        def buat() -> tuple[str, str]:
            # in a build's kernel: the build's chart cache (kept, or drawn by whichever of
            # the kernel and the DOCX child comes first); elsewhere drawn here
            from ..grafik import TembolokGrafik

            tembolok = TembolokGrafik.dari_lingkungan()
            return "image/png", lukis() if tembolok is None else tembolok.bersama(masukan, lukis)

        return cls(kunci, judul, buat, alt, masukan=masukan, lukis=lukis)

    def sidik(self, dok: Dokumen | None = None) -> str:
        bagian = [self.kunci, self.judul, self.nomor or "", self.alt or ""]
        bagian.append(self.masukan or hashlib.sha256(self.gambar()[1].encode()).hexdigest())
        return hashlib.sha256("|".join(bagian).encode("utf-8")).hexdigest()

    @property
    def id(self) -> str:
        return "gambar-" + slug(self.kunci)

    @property
    def label(self) -> str:
        return f"Gambar {self.nomor}" if self.nomor else self.judul

    def gambar(self) -> tuple[str, str]:
        if self._gambar is None:
            self._gambar = self.buat()
        return self._gambar

    def html(self, dok: Dokumen | None = None) -> str:
        mime, b64 = self.gambar()
        return (
            f"<figure{atribut(kelas='gambar', data_kunci=self.kunci, id=self.id)}>"
            f"<img{atribut(alt=self.alt or self.judul, src=f'data:{mime};base64,{b64}')}/>"
            f"<figcaption>Gambar {esc(self.nomor or '?')} {esc(self.judul)}</figcaption>"
            "</figure>"
        )
