"""The SOP AP as typed, immutable Python objects.

Field names are the keys of the file format (``../docs/format.md``), so code,
file and printed document speak the same terms. Objects are frozen: an edit
makes a new ``Sop`` with :func:`dataclasses.replace`, which gives the editor
undo for free and lets the derived flow be computed once per value.

Keys the model does not know are kept in ``extra`` on every table, so saving
never drops a plugin's data or a user's typo.

These classes are the file format's one description: a field's type is its
key's type, its ``metadata`` what the format asks of it (required, pattern,
least items), its place the key's place in a new file. :mod:`soptui.fields`
reads them for the loader, the writer, the JSON Schema and the editor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
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
#: ``metadata`` of a field the file must have.
REQUIRED = {"required": True}
#: ``metadata`` of an id.
AN_ID = {"required": True, "pattern": ID_PATTERN}

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

    jabatan: str = field(default="", metadata=REQUIRED)
    nama: str = field(default="", metadata=REQUIRED)
    nip: str = field(default="", metadata=REQUIRED)
    pangkat: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Identity:
    """The identity header of the SOP (``[identitas]``)."""

    nama: str = field(default="", metadata=REQUIRED)
    nomor: str = field(default="", metadata=REQUIRED)
    jenis: Jenis = "administratif"
    instansi: tuple[str, ...] = field(default=(), metadata={"required": True, "min_items": 1})
    logo: str | None = None
    tanggal_pembuatan: dt.date | None = field(default=None, metadata=REQUIRED)
    tanggal_revisi: dt.date | None = None
    tanggal_efektif: dt.date | None = None
    dasar_hukum: tuple[str, ...] = ()
    kualifikasi_pelaksana: tuple[str, ...] = ()
    keterkaitan: tuple[str, ...] = ()
    peralatan: tuple[str, ...] = ()
    peringatan: tuple[str, ...] = ()
    pencatatan: tuple[str, ...] = ()
    disahkan_oleh: Signer | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Actor:
    """One actor: a column of the flowchart (``[[pelaksana]]``). ``singkatan``
    is its short form, printed in the column's header when the name does not fit."""

    id: str = field(metadata=AN_ID)
    nama: str = field(default="", metadata=REQUIRED)
    singkatan: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """One activity: a row of the flowchart (``[[langkah]]``).

    ``simbol`` is what the file says (``None`` when absent); the symbol that
    is drawn comes from :attr:`Sop.flow`, which applies the defaults.
    """

    id: str = field(metadata=AN_ID)
    kegiatan: str = field(default="", metadata=REQUIRED)
    pelaksana: str = field(default="", metadata=REQUIRED)
    simbol: Simbol | None = None
    kelengkapan: str = ""
    waktu: str = ""
    output: str = ""
    keterangan: str = ""
    lanjut: str | None = None
    ya: str | None = None
    tidak: str | None = None
    label_ya: str | None = None
    label_tidak: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def duration(self) -> Duration | None:
        """The parsed ``waktu``, or ``None`` when it is empty or free text."""
        return parse_waktu(self.waktu)


@dataclass(frozen=True)
class Revision:
    """One entry of the revision history (``[[riwayat]]``)."""

    tanggal: dt.date | None = field(default=None, metadata=REQUIRED)
    uraian: str = field(default="", metadata=REQUIRED)
    oleh: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MonitoringRecord:
    """One monitoring of the SOP (Tabel 7, ``[[monitoring]]``)."""

    tanggal: dt.date | None = field(default=None, metadata=REQUIRED)
    penilaian: Penilaian = field(default="baik", metadata=REQUIRED)
    catatan: str = ""
    tindakan: str = ""
    penilai: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EvaluationRecord:
    """One yearly evaluation (``[[evaluasi]]``): criterion key -> Ya/Tidak."""

    tanggal: dt.date | None = field(default=None, metadata=REQUIRED)
    penilai: str = ""
    catatan: str = ""
    tindakan: str = ""
    jawaban: dict[str, bool] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sop:
    """One SOP AP: identity, actors, steps and its records."""

    identitas: Identity = field(default_factory=Identity, metadata=REQUIRED)
    pelaksana: tuple[Actor, ...] = field(default=(), metadata={"required": True, "min_items": 1})
    langkah: tuple[Step, ...] = field(default=(), metadata={"required": True, "min_items": 2})
    riwayat: tuple[Revision, ...] = ()
    monitoring: tuple[MonitoringRecord, ...] = ()
    evaluasi: tuple[EvaluationRecord, ...] = ()
    format: int = field(default=FORMAT_VERSION, metadata=REQUIRED)
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
