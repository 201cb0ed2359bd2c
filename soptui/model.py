"""The SOP AP as typed, immutable Python objects.

Field names are the keys of the file format (``../docs/format.md``), so code,
file and printed document speak the same terms. Objects are frozen: an edit
makes a new ``Sop`` with :func:`dataclasses.replace`, which gives the editor
undo for free and lets the derived flow be computed once per value.

Keys the model does not know are kept in ``extra`` on every table, so saving
never drops a plugin's data or a user's typo.

These classes are the file format's one description: a field's type is its
key's type, its ``metadata`` (:func:`about`) what the format asks of it
(required, pattern, least items) and what the key means, its place the key's
place in a new file. :mod:`soptui.fields` reads them for the loader, the
writer, the JSON Schema and the editor; ``tools/format_tables.py`` writes the
key tables of docs/format.md from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import cached_property
from typing import Any, Literal, get_args

from soptui.durations import Duration, parse_waktu
from soptui.flow import Flow, derive_flow

FORMAT_VERSION = 1

Jenis = Literal["administratif", "teknis"]
Simbol = Literal["terminator", "proses", "keputusan"]
Penilaian = Literal["baik", "tidak_baik"]

JENIS_VALUES: tuple[str, ...] = get_args(Jenis)
SIMBOL_VALUES: tuple[str, ...] = get_args(Simbol)
PENILAIAN_VALUES: tuple[str, ...] = get_args(Penilaian)

#: What an id (of an actor, a step) may be made of.
ID_PATTERN = r"^[a-z0-9_-]+$"


def about(doc: str, *, required: bool = False, pattern: str | None = None, min_items: int = 0) -> dict[str, Any]:
    """A field's ``metadata``: what the format asks of its key, and what the key means to a reader of
    docs/format.md and of the JSON Schema (English, like the rest of the format's reference)."""
    return {"doc": doc, "required": required, "pattern": pattern, "min_items": min_items}

#: The evaluation criteria of the regulation, in order, with their keys.
EVALUATION_CRITERIA: tuple[tuple[str, str], ...] = (
    ("mendorong_kinerja", "Mampu mendorong peningkatan kinerja"),
    ("mudah_dipahami", "Mudah dipahami"),
    ("mudah_dilaksanakan", "Mudah dilaksanakan"),
    ("peran_jelas", "Semua orang dapat menjalankan perannya masing-masing"),
    ("mengatasi_masalah", "Mampu mengatasi permasalahan yang berkaitan dengan proses"),
    ("menjawab_kebutuhan", "Mampu menjawab kebutuhan peningkatan kinerja organisasi"),
    ("sinergi", "Sinergi satu dengan lainnya"),
)

#: The numbered lists of the identity table, in the order they are printed.
IDENTITY_LISTS: tuple[str, ...] = (
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan",
    "peringatan",
    "pencatatan",
)


@dataclass(frozen=True)
class Signer:
    """The official who signs the SOP ("Disahkan oleh")."""

    jabatan: str = field(default="", metadata=about("the signer's position, e.g. `\"Kepala Badan\"`", required=True))
    nama: str = field(default="", metadata=about("the signer's name", required=True))
    nip: str = field(default="", metadata=about(
        "Nomor Induk Pegawai: 18 digits, birth date YYYYMMDD, appointment YYYYMM, sex 1 or 2, a 3-digit sequence "
        "(spaces allowed; rule I005)", required=True))
    pangkat: str | None = field(default=None, metadata=about("rank and grade, printed under the name"))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Identity:
    """The identity header of the SOP (``[identitas]``)."""

    nama: str = field(default="", metadata=about("Nama SOP", required=True))
    nomor: str = field(default="", metadata=about(
        "Nomor SOP (free text, per the agency's tata naskah dinas; may contain `/`)", required=True))
    jenis: Jenis = field(default="administratif", metadata=about("the type of SOP"))
    instansi: tuple[str, ...] = field(default=(), metadata=about(
        "the stacked nomenclature in the logo cell, top line first, e.g. `[\"PEMERINTAH PROVINSI NUSA TENGGARA "
        "TIMUR\", \"BADAN KEPEGAWAIAN DAERAH\"]`", required=True, min_items=1))
    logo: str | None = field(default=None, metadata=about("path of a PNG or JPEG, relative to the SOP file"))
    tanggal_pembuatan: dt.date | None = field(default=None, metadata=about("Tanggal Pembuatan", required=True))
    tanggal_revisi: dt.date | None = field(default=None, metadata=about(
        "Tanggal Revisi (printed as `-` when absent)"))
    tanggal_efektif: dt.date | None = field(default=None, metadata=about(
        "Tanggal Efektif; once set, `disahkan_oleh` is required (rule I007)"))
    dasar_hukum: tuple[str, ...] = field(default=(), metadata=about("Dasar Hukum (a numbered list)"))
    kualifikasi_pelaksana: tuple[str, ...] = field(default=(), metadata=about("Kualifikasi Pelaksana"))
    keterkaitan: tuple[str, ...] = field(default=(), metadata=about("Keterkaitan (related SOPs, by name or number)"))
    peralatan: tuple[str, ...] = field(default=(), metadata=about("Peralatan/Perlengkapan"))
    peringatan: tuple[str, ...] = field(default=(), metadata=about("Peringatan"))
    pencatatan: tuple[str, ...] = field(default=(), metadata=about("Pencatatan dan Pendataan"))
    disahkan_oleh: Signer | None = field(default=None, metadata=about(
        "Disahkan oleh: the official who signs (`[identitas.disahkan_oleh]`, below)"))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Actor:
    """One actor: a column of the flowchart (``[[pelaksana]]``). ``singkatan``
    is its short form, printed in the column's header when the name does not fit."""

    id: str = field(metadata=about("how steps refer to the actor; unique (rule S003)", required=True,
                                   pattern=ID_PATTERN))
    nama: str = field(default="", metadata=about(
        "the column header: the jabatan, e.g. `\"Kepala Sub Bagian Umum\"`", required=True))
    singkatan: str = field(default="", metadata=about(
        "the jabatan's short form, e.g. `\"KSBU\"`, `\"PPK\"`: printed in the column header when the name cannot "
        "fit it (many actors, a narrow page), with the full name in the legend under the flowchart"))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """One activity: a row of the flowchart (``[[langkah]]``).

    ``simbol`` is what the file says (``None`` when absent); the symbol that
    is drawn comes from :attr:`Sop.flow`, which applies the defaults.
    """

    id: str = field(metadata=about("how other steps refer to this one; unique (rule S003)", required=True,
                                   pattern=ID_PATTERN))
    kegiatan: str = field(default="", metadata=about(
        "the activity, an active sentence without subject", required=True))
    pelaksana: str = field(default="", metadata=about(
        "id of the actor whose column holds the symbol", required=True))
    simbol: Simbol | None = field(default=None, metadata=about(
        "default: `\"terminator\"` for the first and the last step, `\"proses\"` otherwise"))
    kelengkapan: str = field(default="", metadata=about("Mutu Baku: Kelengkapan/Persyaratan"))
    waktu: str = field(default="", metadata=about(
        "Mutu Baku: Waktu, e.g. `\"15 menit\"`, `\"1 hari kerja\"`, `\"2-3 hari\"` (see Flow semantics)"))
    output: str = field(default="", metadata=about("Mutu Baku: Output"))
    keterangan: str = field(default="", metadata=about("Keterangan"))
    lanjut: str | None = field(default=None, metadata=about("id of the next step; default the following step"))
    ya: str | None = field(default=None, metadata=about(
        "a keputusan's \"Ya\" branch: the id of its target; default the following step"))
    tidak: str | None = field(default=None, metadata=about(
        "a keputusan's \"Tidak\" branch: the id of its target; a keputusan must have one (rule S006)"))
    label_ya: str | None = field(default=None, metadata=about(
        "the \"Ya\" branch's label when the form uses another word (`\"Lengkap\"`); default `\"Ya\"`"))
    label_tidak: str | None = field(default=None, metadata=about(
        "the \"Tidak\" branch's label when the form uses another word (`\"Ditolak\"`); default `\"Tidak\"`"))
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def duration(self) -> Duration | None:
        """The parsed ``waktu``, or ``None`` when it is empty or free text."""
        return parse_waktu(self.waktu)


@dataclass(frozen=True)
class Revision:
    """One entry of the revision history (``[[riwayat]]``)."""

    tanggal: dt.date | None = field(default=None, metadata=about("the date of the revision", required=True))
    uraian: str = field(default="", metadata=about("what changed", required=True))
    oleh: str | None = field(default=None, metadata=about("who made the change"))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MonitoringRecord:
    """One monitoring of the SOP (Tabel 7, ``[[monitoring]]``)."""

    tanggal: dt.date | None = field(default=None, metadata=about("the date of the monitoring", required=True))
    penilaian: Penilaian = field(default="baik", metadata=about(
        "`\"baik\"`: Berjalan dengan baik; `\"tidak_baik\"`: Tidak berjalan dengan baik", required=True))
    catatan: str = field(default="", metadata=about("Catatan Hasil Penilaian"))
    tindakan: str = field(default="", metadata=about("Tindakan yang Harus Diambil"))
    penilai: str = field(default="", metadata=about("the assessor's name, for the Paraf Penilai column"))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EvaluationRecord:
    """One yearly evaluation (``[[evaluasi]]``): criterion key -> Ya/Tidak."""

    tanggal: dt.date | None = field(default=None, metadata=about("the date of the evaluation", required=True))
    penilai: str = field(default="", metadata=about("the evaluator's name"))
    catatan: str = field(default="", metadata=about("the evaluation's notes"))
    tindakan: str = field(default="", metadata=about("what is to be done"))
    jawaban: dict[str, bool] = field(default_factory=dict, metadata=about(
        "each criterion's key (below) to `true` (Ya) or `false` (Tidak)"))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sop:
    """One SOP AP: identity, actors, steps and its records."""

    identitas: Identity = field(default_factory=Identity, metadata=about(
        "the identity header of the SOP", required=True))
    pelaksana: tuple[Actor, ...] = field(default=(), metadata=about(
        "the actors, in column order", required=True, min_items=1))
    langkah: tuple[Step, ...] = field(default=(), metadata=about(
        "the activities, in row order", required=True, min_items=2))
    riwayat: tuple[Revision, ...] = field(default=(), metadata=about("the revision history"))
    monitoring: tuple[MonitoringRecord, ...] = field(default=(), metadata=about(
        "monitoring records (Tabel 7 of the regulation)"))
    evaluasi: tuple[EvaluationRecord, ...] = field(default=(), metadata=about("evaluation records"))
    format: int = field(default=FORMAT_VERSION, metadata=about(
        "the file format's version, `1` for the format described here; a higher number than the tool knows is an "
        "error that names both versions (rule S009)", required=True))
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def flow(self) -> Flow:
        """Symbols, successors, start, ends and main path, derived once."""
        return derive_flow(self.langkah)

    def step(self, step_id: str) -> Step | None:
        """The step with this id, or ``None``."""
        return self._steps_by_id.get(step_id)

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or ``None``."""
        return self._actors_by_id.get(actor_id)

    @cached_property
    def _steps_by_id(self) -> dict[str, Step]:
        return {s.id: s for s in reversed(self.langkah)}

    @cached_property
    def _actors_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in reversed(self.pelaksana)}

    def with_identity(self, **changes: Any) -> Sop:
        """A copy whose identity has these fields changed."""
        return replace(self, identitas=replace(self.identitas, **changes))

    def with_step(self, index: int, **changes: Any) -> Sop:
        """A copy whose step at ``index`` has these fields changed."""
        steps = list(self.langkah)
        steps[index] = replace(steps[index], **changes)
        return replace(self, langkah=tuple(steps))


def strings(value: Any, where: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(key path, text) of every string a model value holds (a dataclass, its tuples and lists),
    unknown keys (``extra``) aside: what prints somewhere, for the checks and the exporters that
    must look at all of it (characters the print font lacks)."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from strings(item, (*where, index))
    elif is_dataclass(value):
        for spec in fields(value):
            if spec.name != "extra":  # unknown keys print nowhere (S011 names them)
                yield from strings(getattr(value, spec.name), (*where, spec.name))
