"""Typed errors. Messages are user-facing (Bahasa Indonesia); the CLI prints them as is."""

from __future__ import annotations


class LkjipError(Exception):
    """Base class: something the user can fix. ``str(err)`` is the message to show."""

    exit_code = 2


class ParameterError(LkjipError):
    """A parameter (satker id, tahun, path) is invalid; nothing was opened."""


class DataError(LkjipError):
    """An input file is missing, unreadable or does not match its schema."""

    def __init__(self, berkas: str, pesan: str, lokasi: str | None = None) -> None:
        self.berkas = berkas
        self.lokasi = lokasi
        self.pesan = pesan
        where = f"{berkas}" + (f", {lokasi}" if lokasi else "")
        super().__init__(f"{where}: {pesan}")


class BuildError(LkjipError):
    """The report build failed (a chapter notebook raised, or an export step failed)."""

    exit_code = 1
