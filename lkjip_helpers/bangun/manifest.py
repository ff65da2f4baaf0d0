"""Batch plans: a YAML manifest (``params/*.yaml``) or command-line lists → one task per report.

A manifest, in the papermill / cal-itp portfolio style, has shared defaults and entries; an
entry may override any default::

    bawaan:                       # shared defaults
      data_dir: ../data           # relative paths: against the manifest's folder
      out_dir: ../outputs         # optional: default is "outputs" beside data_dir
      periode: tahunan            # or a list: [tahunan, semester-1]
      pdf: true
    laporan:
      - {satker: lapas-banyuasin, tahun: 2023}
      - {satker: lapas-kedua, tahun: [2022, 2023], pdf: false}
      - {satker: semua, tahun: 2023, periode: semester-1}   # every satker with that period

Fields of ``bawaan`` and of an entry: ``data_dir``, ``out_dir``, ``notebooks_dir``,
``periode``, ``pdf``, ``abaikan_pemeriksaan``; an entry also has ``satker`` (an id or
``semua``) and ``tahun`` (a year or a list). The manifest is validated with pydantic before any
kernel starts; every error names the manifest file and line.

Without a manifest, ``lkjip batch --satker a,b|semua --tahun 2022,2023`` makes the same plan,
with paths relative to the working directory (like ``lkjip build``).

Output folder rule (both forms): ``out_dir`` when given, else the folder ``outputs`` beside
``data_dir`` — never the working directory, so running from ``notebooks/`` cannot create
``notebooks/outputs/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from ..errors import DataError, LkjipError, ParameterError
from ..muat import baca_yaml, validasi
from ..muat.berkas import pastikan_terpisah
from ..muat.parameter import kunci_periode, validasi_periode, validasi_satker, validasi_tahun

SEMUA = "semua"
"""``satker: semua`` / ``--satker semua``: every satker of ``data_dir`` that has the period."""


def _jadi_daftar(nilai: object) -> object:
    """A single value becomes a one-item list (``tahun: 2023`` ≡ ``tahun: [2023]``)."""
    return nilai if isinstance(nilai, list) else [nilai]


def _sah(fungsi: Any, nilai: object) -> Any:
    """Run a parameter validator; its ParameterError becomes a pydantic ValueError."""
    try:
        return fungsi(nilai)
    except ParameterError as err:
        raise ValueError(str(err)) from None


class Opsi(BaseModel):
    """Options an entry may override (all optional)."""

    model_config = ConfigDict(extra="forbid")

    data_dir: str | None = None
    out_dir: str | None = None
    notebooks_dir: str | None = None
    periode: Annotated[list[str], BeforeValidator(_jadi_daftar)] | None = None
    pdf: bool | None = None
    abaikan_pemeriksaan: bool | None = None

    @field_validator("data_dir", "out_dir", "notebooks_dir")
    @classmethod
    def _jalur(cls, nilai: str | None) -> str | None:
        if nilai is not None and "\x00" in nilai:
            raise ValueError("jalur folder berisi karakter NUL")
        return nilai

    @field_validator("periode")
    @classmethod
    def _periode(cls, nilai: list[str] | None) -> list[str] | None:
        if nilai is None:
            return None
        if not nilai:
            raise ValueError("daftar periode kosong")
        return [_sah(validasi_periode, p) for p in nilai]


class Entri(Opsi):
    """One manifest entry: satker (or ``semua``) and year(s), plus overrides."""

    satker: str
    tahun: Annotated[list[int | str], BeforeValidator(_jadi_daftar)] = Field(min_length=1)

    @field_validator("satker")
    @classmethod
    def _satker(cls, nilai: str) -> str:
        return nilai if nilai == SEMUA else _sah(validasi_satker, nilai)

    @field_validator("tahun")
    @classmethod
    def _tahun(cls, nilai: list[int | str]) -> list[int]:
        return [_sah(validasi_tahun, t) for t in nilai]


class Manifest(BaseModel):
    """The whole manifest file."""

    model_config = ConfigDict(extra="forbid")

    bawaan: Opsi = Field(default_factory=Opsi)
    laporan: list[Entri] = Field(min_length=1)


@dataclass(frozen=True)
class Tugas:
    """One report to build (picklable: it travels to worker processes and Dask workers)."""

    satker: str
    tahun: int
    periode: str
    data_dir: Path
    out_dir: Path
    notebooks_dir: Path | None = None
    pdf: bool = True
    abaikan_pemeriksaan: bool = False
    sumber: str = ""
    """Where the task comes from: ``params/kanwil.yaml baris 7`` or ``--satker``."""

    @property
    def kunci(self) -> str:
        """Folder name of the period: ``2023`` or ``2023-semester-1``."""
        return kunci_periode(self.tahun, self.periode)

    @property
    def folder(self) -> Path:
        """``<out_dir>/<satker>/<kunci>``."""
        return self.out_dir / self.satker / self.kunci

    @property
    def label(self) -> str:
        """``lapas-banyuasin 2023`` / ``lapas-banyuasin 2023-semester-1``."""
        return f"{self.satker} {self.kunci}"


@dataclass
class Rencana:
    """A validated batch plan: every task, in manifest order, and where the roll-up goes."""

    nama: str
    """Name of the roll-up folder (``<out_dir>/rekap/<nama>/``): the manifest's stem."""
    tugas: list[Tugas]
    out_dir: Path
    """The plan's default output folder (roll-up, batch record, index)."""
    manifest: Path | None = None
    catatan: list[str] = field(default_factory=list)

    def timpa(self, *, pdf: bool | None = None, abaikan_pemeriksaan: bool | None = None) -> None:
        """Override an option for every task (``--tanpa-pdf``, ``--abaikan-pemeriksaan``)."""
        if pdf is not None:
            self.tugas = [replace(t, pdf=pdf) for t in self.tugas]
        if abaikan_pemeriksaan is not None:
            self.tugas = [replace(t, abaikan_pemeriksaan=abaikan_pemeriksaan) for t in self.tugas]

    def satker(self) -> list[str]:
        """Satker ids of the plan, in order, without duplicates."""
        return list(dict.fromkeys(t.satker for t in self.tugas))

    def pilih(self, only: list[str] | None = None, limit: int | None = None) -> list[Tugas]:
        """The tasks to run: only these satkers (each must be in the plan), at most ``limit``."""
        tugas = self.tugas
        if only:
            dikenal = set(self.satker())
            asing = [s for s in only if s not in dikenal]
            if asing:
                raise ParameterError(
                    f"--hanya/--only: satker {', '.join(asing)} tidak ada dalam "
                    f"{'manifest ' + str(self.manifest) if self.manifest else 'daftar batch'}; "
                    f"yang ada: {', '.join(self.satker())}"
                )
            tugas = [t for t in tugas if t.satker in only]
        if limit is not None:
            if limit < 1:
                raise ParameterError(
                    f"--batas/--limit harus bilangan bulat ≥ 1 (ditemukan: {limit})"
                )
            tugas = tugas[:limit]
        return tugas


def pecah_daftar(teks: str | list[str] | None) -> list[str]:
    """``"a,b"`` or ``["a,b", "c"]`` (a repeated flag) → ``["a", "b", "c"]``."""
    if teks is None:
        return []
    bagian = [teks] if isinstance(teks, str) else list(teks)
    return [x.strip() for b in bagian for x in b.split(",") if x.strip()]


def satker_tersedia(data_dir: Path, kunci: str | None = None) -> list[str]:
    """Satker ids under ``data_dir/satker`` (with ``satker.yaml``; when ``kunci`` is given,
    with that period's report data: ``<kunci>/profil.yaml``, so a year folder that only holds
    last year's values for a semester report's comparisons is not a report), sorted."""
    folder = data_dir / "satker"
    if not folder.is_dir():
        return []
    return sorted(
        p.name
        for p in folder.iterdir()
        if (p / "satker.yaml").is_file()
        and (kunci is None or (p / kunci / "profil.yaml").is_file())
    )


def _folder(nilai: str | None, dasar: Path) -> Path | None:
    if nilai is None:
        return None
    p = Path(nilai).expanduser()
    return (p if p.is_absolute() else dasar / p).resolve()


def _perluas(
    satker: list[str],
    tahun: list[int],
    periode: list[str],
    *,
    data_dir: Path,
    out_dir: Path,
    notebooks_dir: Path | None,
    pdf: bool,
    abaikan_pemeriksaan: bool,
    sumber: str,
    galat: Any,
) -> list[Tugas]:
    """The cartesian product satker × tahun × periode (``semua`` expanded per period)."""
    if not data_dir.is_dir():
        raise galat(f"folder data {data_dir} tidak ditemukan")
    _pastikan_terpisah(data_dir, out_dir, galat)
    hasil = []
    for t in tahun:
        for p in periode:
            kunci = kunci_periode(t, p)
            daftar = satker
            if SEMUA in satker:
                daftar = [s for s in satker if s != SEMUA] + satker_tersedia(data_dir, kunci)
                if not daftar:
                    raise galat(f"'{SEMUA}': tidak ada satker dengan data {kunci} di {data_dir}")
            for s in dict.fromkeys(daftar):
                hasil.append(
                    Tugas(
                        satker=s,
                        tahun=t,
                        periode=p,
                        data_dir=data_dir,
                        out_dir=out_dir,
                        notebooks_dir=notebooks_dir,
                        pdf=pdf,
                        abaikan_pemeriksaan=abaikan_pemeriksaan,
                        sumber=sumber,
                    )
                )
    return hasil


def _pastikan_terpisah(data_dir: Path, out_dir: Path, galat: Any) -> None:
    """Refuse (with ``galat``) an output folder inside the data folder, or holding it: the
    plan is refused before anything runs, ``--rencana`` included."""
    try:
        pastikan_terpisah(data_dir, out_dir)
    except ParameterError as e:
        raise galat(f"out_dir: {e}") from None


def _tolak_ganda(tugas: list[Tugas], berkas: str) -> None:
    """Two tasks writing the same output folder would race: refuse the plan."""
    lihat: dict[Path, Tugas] = {}
    for t in tugas:
        lama = lihat.get(t.folder)
        if lama is not None:
            raise DataError(
                berkas,
                f"laporan {t.label} muncul dua kali ({lama.sumber} dan {t.sumber}); "
                "keduanya akan menulis folder yang sama",
            )
        lihat[t.folder] = t


def muat_manifest(path: Path) -> Manifest:
    """Read and validate a manifest; errors name the file, line and field (Indonesian)."""
    return validasi(Manifest, baca_yaml(path), path)


def rencana_manifest(path: Path) -> Rencana:
    """The plan of a manifest file: validated, paths resolved against its folder, expanded."""
    path = Path(path)
    mentah = baca_yaml(path)
    m = validasi(Manifest, mentah, path)
    dasar = path.resolve().parent
    baris_butir = getattr(mentah.get("laporan"), "baris_butir", None) or []
    b = m.bawaan
    tugas: list[Tugas] = []
    out_bawaan: Path | None = None
    data_bawaan = _folder(b.data_dir, dasar)
    if data_bawaan is not None:
        out_bawaan = _folder(b.out_dir, dasar) or data_bawaan.parent / "outputs"
    for i, e in enumerate(m.laporan):
        baris = baris_butir[i] + 1 if i < len(baris_butir) else None
        lokasi = f"baris {baris}" if baris else f"laporan[{i + 1}]"

        def galat(pesan: str, lokasi: str = lokasi) -> DataError:
            return DataError(str(path), pesan, lokasi)

        data_dir = _folder(e.data_dir, dasar) or data_bawaan
        if data_dir is None:
            raise galat("data_dir wajib diisi (di 'bawaan' atau di entri ini)")
        out_dir = (
            _folder(e.out_dir, dasar) or _folder(b.out_dir, dasar) or data_dir.parent / "outputs"
        )
        tugas += _perluas(
            [e.satker],
            [int(t) for t in e.tahun],
            e.periode or b.periode or ["tahunan"],
            data_dir=data_dir,
            out_dir=out_dir,
            notebooks_dir=_folder(e.notebooks_dir, dasar) or _folder(b.notebooks_dir, dasar),
            pdf=e.pdf if e.pdf is not None else (b.pdf if b.pdf is not None else True),
            abaikan_pemeriksaan=bool(
                e.abaikan_pemeriksaan
                if e.abaikan_pemeriksaan is not None
                else b.abaikan_pemeriksaan
            ),
            sumber=f"{path.name} {lokasi}",
            galat=galat,
        )
    _tolak_ganda(tugas, str(path))
    rekap_dir = out_bawaan or tugas[0].out_dir
    for t in tugas:  # the roll-up and the index go to rekap_dir: never into a data folder
        _pastikan_terpisah(
            t.data_dir, rekap_dir, lambda pesan: DataError(str(path), pesan, "bawaan.out_dir")
        )
    return Rencana(
        nama=path.stem,
        tugas=tugas,
        out_dir=rekap_dir,
        manifest=path,
    )


def rencana_cli(
    satker: list[str],
    tahun: list[str],
    periode: list[str] | None = None,
    *,
    data_dir: Path = Path("data"),
    out_dir: Path | None = None,
    notebooks_dir: Path | None = None,
    pdf: bool = True,
    abaikan_pemeriksaan: bool = False,
    nama: str = "batch",
) -> Rencana:
    """The plan of ``--satker a,b|semua --tahun 2022,2023 [--periode …]`` (paths relative to
    the working directory; ``out_dir`` defaults to ``outputs`` beside ``data_dir``)."""
    if not satker:
        raise ParameterError("--satker wajib diisi (id satker dipisah koma, atau 'semua')")
    if not tahun:
        raise ParameterError("--tahun wajib diisi (satu tahun atau beberapa, dipisah koma)")
    satker = [s if s == SEMUA else validasi_satker(s) for s in satker]
    tahun_sah = [validasi_tahun(t) for t in tahun]
    periode_sah = [validasi_periode(p) for p in (periode or ["tahunan"])]
    data = Path(data_dir).expanduser().resolve()
    out = Path(out_dir).expanduser().resolve() if out_dir else data.parent / "outputs"
    nb = Path(notebooks_dir).expanduser().resolve() if notebooks_dir else None

    def galat(pesan: str) -> LkjipError:
        return ParameterError(pesan)

    tugas = _perluas(
        satker,
        tahun_sah,
        periode_sah,
        data_dir=data,
        out_dir=out,
        notebooks_dir=nb,
        pdf=pdf,
        abaikan_pemeriksaan=abaikan_pemeriksaan,
        sumber="--satker",
        galat=galat,
    )
    return Rencana(nama=nama, tugas=tugas, out_dir=out)
