"""What changed between two versions of an SOP, in the terms of the SOP.

A line diff of two TOML files tells a reviewer that line 84 changed; this
tells them that step 5 was reworded, that "Sekretaris" now signs instead of
"Kepala Badan", and that the "Tidak" branch of a check now returns to
another step. Steps are matched by ``id`` first, then, among the rest, by the
most similar ``kegiatan`` (so a step whose id was renamed is still the same
step); a step is *moved* when it is outside the longest run of matched steps
that kept their relative order, so one step moved up is one move, not ten.

Branches are compared on the resolved flow (``sop.flow``), targets mapped
through the matching: a decision's Ya and Tidak always, a process's arrow
only when it jumps (in either version) rather than falling to the next row,
so adding a step reports the step, not every arrow around it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Literal

from soptui.durations import total
from soptui.model import IDENTITY_LISTS, Signer, Sop, Step

Section = Literal["identitas", "pelaksana", "langkah", "mutu_baku", "cabang", "catatan"]

#: Share of words in common (difflib ratio) for a step with a new id to be taken
#: for the old one; 0.6 paired "Memaraf konsep surat izin cuti" with
#: "Mengarsipkan salinan surat izin cuti".
SIMILAR_KEGIATAN = 0.7
MUTU_BAKU = ("kelengkapan", "waktu", "output")
_IDENTITY_SCALARS = ("nama", "nomor", "jenis", "instansi", "logo", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
_SIGNER_FIELDS = ("jabatan", "nama", "nip", "pangkat")
_RECORDS = ("riwayat", "monitoring", "evaluasi")


@dataclass(frozen=True)
class StepRef:
    """A step as a reader finds it: row number (from 1), id and activity."""

    id: str
    row: int
    kegiatan: str

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "baris": self.row, "kegiatan": self.kegiatan}


@dataclass(frozen=True)
class Change:
    """One change. ``kind`` says what happened to ``subject`` (a field name,
    actor id or step); ``detail`` names the part (``waktu``, ``tidak``)."""

    section: Section
    kind: str
    subject: str | StepRef
    old: object = None
    new: object = None
    detail: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "bagian": self.section,
            "jenis": self.kind,
            "subjek": _json(self.subject),
            "rincian": self.detail or None,
            "lama": _json(self.old),
            "baru": _json(self.new),
        }


@dataclass(frozen=True)
class SopDiff:
    """Every change from ``old`` to ``new``, grouped by section in reading order."""

    old: Sop
    new: Sop
    changes: tuple[Change, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of(self, section: Section, kind: str | None = None) -> list[Change]:
        """The changes of one section (and kind)."""
        return [c for c in self.changes if c.section == section and (kind is None or c.kind == kind)]

    def to_json(self) -> dict[str, object]:
        counts: dict[str, int] = {}
        for change in self.changes:
            key = f"{change.section}.{change.kind}"
            counts[key] = counts.get(key, 0) + 1
        return {"jumlah": counts, "perubahan": [change.to_json() for change in self.changes]}


def diff_sops(old: Sop, new: Sop) -> SopDiff:
    """Compare two versions of one SOP."""
    matching = match_steps(old.langkah, new.langkah)
    changes = [
        *_identity_changes(old, new),
        *_actor_changes(old, new),
        *_step_changes(old, new, matching),
        *_mutu_baku_changes(old, new, matching),
        *_branch_changes(old, new, matching),
        *_record_changes(old, new),
    ]
    return SopDiff(old, new, tuple(changes))


def match_steps(old: tuple[Step, ...], new: tuple[Step, ...]) -> dict[int, int]:
    """Old row index -> new row index of the same step: by id, then by similar kegiatan."""
    new_by_id = {step.id: index for index, step in reversed(list(enumerate(new)))}
    matching: dict[int, int] = {}
    for index, step in enumerate(old):
        if step.id in new_by_id and new_by_id[step.id] not in matching.values():
            matching[index] = new_by_id[step.id]
    taken = set(matching.values())
    candidates = []
    for i, before in enumerate(old):
        if i in matching:
            continue
        for j, after in enumerate(new):
            if j not in taken:
                ratio = _similarity(before.kegiatan, after.kegiatan)
                if ratio >= SIMILAR_KEGIATAN:
                    candidates.append((-ratio, abs(i - j), i, j))
    for _, _, i, j in sorted(candidates):
        if i not in matching and j not in taken:
            matching[i] = j
            taken.add(j)
    return matching


def kept_in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The largest set of (old, new) pairs whose order is the same on both sides."""
    pairs = sorted(pairs)
    best: list[list[tuple[int, int]]] = []
    for pair in pairs:  # longest increasing subsequence of the new positions, O(n^2) is plenty here
        before = [c for c in best if c[-1][1] < pair[1]]
        chain = max(before, key=len) if before else []
        best.append([*chain, pair])
    longest = max(best, key=len) if best else []
    return set(longest)


def _identity_changes(old: Sop, new: Sop) -> list[Change]:
    a, b = old.identitas, new.identitas
    changes = [
        Change("identitas", "changed", name, getattr(a, name), getattr(b, name))
        for name in _IDENTITY_SCALARS
        if getattr(a, name) != getattr(b, name)
    ]
    before, after = a.disahkan_oleh or Signer(), b.disahkan_oleh or Signer()
    changes += [
        Change("identitas", "changed", f"disahkan_oleh.{name}", getattr(before, name) or None, getattr(after, name) or None)
        for name in _SIGNER_FIELDS
        if (getattr(before, name) or None) != (getattr(after, name) or None)
    ]
    for name in IDENTITY_LISTS:
        items_before, items_after = getattr(a, name), getattr(b, name)
        changes += [Change("identitas", "removed", name, old=item) for item in items_before if item not in items_after]
        changes += [Change("identitas", "added", name, new=item) for item in items_after if item not in items_before]
    return changes


def _actor_changes(old: Sop, new: Sop) -> list[Change]:
    before = {actor.id: actor for actor in old.pelaksana}
    after = {actor.id: actor for actor in new.pelaksana}
    changes = [Change("pelaksana", "removed", actor.id, old=actor.nama) for actor in old.pelaksana if actor.id not in after]
    changes += [Change("pelaksana", "added", actor.id, new=actor.nama) for actor in new.pelaksana if actor.id not in before]
    changes += [
        Change("pelaksana", "renamed", actor.id, before[actor.id].nama, actor.nama)
        for actor in new.pelaksana
        if actor.id in before and before[actor.id].nama != actor.nama
    ]
    old_columns = [a.id for a in old.pelaksana if a.id in after]
    new_columns = [a.id for a in new.pelaksana if a.id in before]
    pairs = [(old_columns.index(actor), new_columns.index(actor)) for actor in new_columns]
    kept = kept_in_order(pairs)
    changes += [
        Change("pelaksana", "moved", new_columns[j], i + 1, j + 1) for i, j in sorted(pairs, key=lambda p: p[1]) if (i, j) not in kept
    ]
    return changes


def _step_changes(old: Sop, new: Sop, matching: dict[int, int]) -> list[Change]:
    changes = [Change("langkah", "removed", _ref(old, i)) for i in range(len(old.langkah)) if i not in matching]
    added = set(range(len(new.langkah))) - set(matching.values())
    changes += [Change("langkah", "added", _ref(new, j)) for j in sorted(added)]
    kept = kept_in_order(list(matching.items()))
    for i, j in sorted(matching.items(), key=lambda pair: pair[1]):
        before, after, subject = old.langkah[i], new.langkah[j], _ref(new, j)
        if (i, j) not in kept:
            changes.append(Change("langkah", "moved", subject, i + 1, j + 1))
        if before.kegiatan != after.kegiatan:
            changes.append(Change("langkah", "reworded", subject, before.kegiatan, after.kegiatan))
        if before.pelaksana != after.pelaksana:
            changes.append(Change("langkah", "actor_changed", subject, _actor_name(old, before.pelaksana), _actor_name(new, after.pelaksana)))
        symbol_before, symbol_after = old.flow.symbols.get(before.id), new.flow.symbols.get(after.id)
        if symbol_before != symbol_after:
            changes.append(Change("langkah", "symbol_changed", subject, symbol_before, symbol_after))
        if before.keterangan != after.keterangan:
            changes.append(Change("langkah", "changed", subject, before.keterangan or None, after.keterangan or None, "keterangan"))
    return changes


def _mutu_baku_changes(old: Sop, new: Sop, matching: dict[int, int]) -> list[Change]:
    changes = []
    for i, j in sorted(matching.items(), key=lambda pair: pair[1]):
        before, after = old.langkah[i], new.langkah[j]
        for name in MUTU_BAKU:
            if getattr(before, name) != getattr(after, name):
                changes.append(Change("mutu_baku", "changed", _ref(new, j), getattr(before, name) or None, getattr(after, name) or None, name))
    total_before, total_after = _main_path_time(old), _main_path_time(new)
    if total_before != total_after:
        changes.append(Change("mutu_baku", "total_changed", "waktu", total_before, total_after))
    return changes


def _branch_changes(old: Sop, new: Sop, matching: dict[int, int]) -> list[Change]:
    changes = []
    to_new = {old.langkah[i].id: new.langkah[j].id for i, j in matching.items()}
    new_rows = {step.id: index for index, step in reversed(list(enumerate(new.langkah)))}
    old_rows = {step.id: index for index, step in reversed(list(enumerate(old.langkah)))}
    for i, j in sorted(matching.items(), key=lambda pair: pair[1]):
        before, after = old.langkah[i], new.langkah[j]
        edges_before = {edge.branch: edge for edge in old.flow.successors.get(before.id, ())}
        edges_after = {edge.branch: edge for edge in new.flow.successors.get(after.id, ())}
        for branch in ("ya", "tidak", "lanjut"):
            edge_before, edge_after = edges_before.get(branch), edges_after.get(branch)
            if edge_before is None and edge_after is None:
                continue
            if branch == "lanjut" and not (_jumps(old, i, edge_before) or _jumps(new, j, edge_after)):
                continue
            target_before = _target(old, edge_before, to_new, new_rows, old_rows, new)
            target_after = _ref(new, new_rows[edge_after.target]) if edge_after else None
            if _target_key(target_before) != _target_key(target_after):
                changes.append(Change("cabang", "target_changed", _ref(new, j), target_before, target_after, branch))
            if edge_before and edge_after and branch != "lanjut" and edge_before.label != edge_after.label:
                changes.append(Change("cabang", "label_changed", _ref(new, j), edge_before.label, edge_after.label, branch))
    return changes


def _record_changes(old: Sop, new: Sop) -> list[Change]:
    changes = []
    for name in _RECORDS:
        before, after = getattr(old, name), getattr(new, name)
        added = [record for record in after if record not in before]
        removed = [record for record in before if record not in after]
        if added:
            changes.append(Change("catatan", "added", name, new=len(added)))
        if removed:
            changes.append(Change("catatan", "removed", name, old=len(removed)))
    return changes


def _target(old: Sop, edge, to_new: dict[str, str], new_rows: dict[str, int], old_rows: dict[str, int], new: Sop) -> StepRef | None:
    """Where an old arrow led, named as in the new version when that step survived."""
    if edge is None:
        return None
    if edge.target in to_new:
        return _ref(new, new_rows[to_new[edge.target]])
    return _ref(old, old_rows[edge.target])


def _target_key(ref: StepRef | None) -> tuple[str, int] | None:
    return (ref.id, ref.row) if ref else None


def _jumps(sop: Sop, index: int, edge) -> bool:
    """The arrow goes somewhere other than the next row."""
    following = sop.langkah[index + 1].id if index + 1 < len(sop.langkah) else None
    return edge is not None and edge.target != following


def _main_path_time(sop: Sop) -> str | None:
    steps = [sop.step(step_id) for step_id in sop.flow.main_path]
    duration = total([step.duration for step in steps if step is not None])
    return None if duration.is_zero else duration.describe_range()


def _ref(sop: Sop, index: int) -> StepRef:
    step = sop.langkah[index]
    return StepRef(step.id, index + 1, step.kegiatan)


def _actor_name(sop: Sop, actor_id: str) -> str:
    actor = sop.actor(actor_id)
    return actor.nama if actor and actor.nama else actor_id


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.casefold().split(), b.casefold().split()).ratio()


def _json(value: object) -> object:
    if isinstance(value, StepRef):
        return value.to_json()
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
