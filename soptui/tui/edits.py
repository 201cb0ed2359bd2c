"""Structural edits of an SOP, as pure functions from ``Sop`` to ``Sop``.

The editor's widgets call these and hand the result to the history, so every
edit can be undone and each is tested without a terminal. Ids are the
file's references between steps and actors: renaming one updates every
reference, and deleting a step clears the references to it (the step that
pointed there falls back to "the following step", and the checker says so
when that leaves a decision without its ``tidak``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from soptui.model import Actor, EvaluationRecord, MonitoringRecord, Revision, Sop, Step

BRANCH_KEYS = ("lanjut", "ya", "tidak")
RECORD_TYPES: dict[str, type] = {"riwayat": Revision, "monitoring": MonitoringRecord, "evaluasi": EvaluationRecord}


class ActorInUse(Exception):
    """The actor still has steps; the user must choose where they go."""

    def __init__(self, actor_id: str, steps: list[str]) -> None:
        self.actor_id = actor_id
        self.steps = steps
        super().__init__(f"actor {actor_id} is used by {len(steps)} steps")


def slug(text: str, fallback: str) -> str:
    """An id made of the text's words: ``"Kasubbag Umum"`` -> ``kasubbag-umum``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:30].strip("-") or fallback


def unique_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... whichever is free."""
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def moved(items: tuple[Any, ...], index: int, delta: int) -> tuple[Any, ...]:
    """The tuple with the item at ``index`` moved by ``delta`` places (clamped)."""
    target = max(0, min(len(items) - 1, index + delta))
    listed = list(items)
    listed.insert(target, listed.pop(index))
    return tuple(listed)


# Steps ---------------------------------------------------------------------


def new_step(sop: Sop, near: int | None = None, at: int | None = None) -> Step:
    """A blank step to insert at index ``at`` (default: the end), done by the actor of the step ``near``.

    Its id follows its number in the table (step 8 is ``langkah-8``), or that with ``-2``... when taken."""
    actor = ""
    if near is not None and 0 <= near < len(sop.langkah):
        actor = sop.langkah[near].pelaksana
    elif sop.pelaksana:
        actor = sop.pelaksana[0].id
    taken = {step.id for step in sop.langkah}
    number = (len(sop.langkah) if at is None else at) + 1
    return Step(id=unique_id(f"langkah-{number}", taken), pelaksana=actor)


def insert_step(sop: Sop, index: int, step: Step) -> Sop:
    steps = list(sop.langkah)
    steps.insert(max(0, min(index, len(steps))), step)
    return replace(sop, langkah=tuple(steps))


def delete_step(sop: Sop, index: int) -> Sop:
    gone = sop.langkah[index].id
    steps = [_without_target(step, gone) for i, step in enumerate(sop.langkah) if i != index]
    return replace(sop, langkah=tuple(steps))


def move_step(sop: Sop, index: int, delta: int) -> Sop:
    return replace(sop, langkah=moved(sop.langkah, index, delta))


def duplicate_step(sop: Sop, index: int) -> Sop:
    original = sop.langkah[index]
    taken = {step.id for step in sop.langkah}
    copy = replace(original, id=unique_id(original.id, taken), extra=dict(original.extra))
    return insert_step(sop, index + 1, copy)


def rename_step(sop: Sop, index: int, new_id: str) -> Sop:
    """Give the step a new id and point every reference to it at the new id."""
    old = sop.langkah[index].id
    steps = []
    for i, step in enumerate(sop.langkah):
        changes: dict[str, Any] = {key: new_id for key in BRANCH_KEYS if getattr(step, key) == old}
        if i == index:
            changes["id"] = new_id
        steps.append(replace(step, **changes) if changes else step)
    return replace(sop, langkah=tuple(steps))


def set_step(sop: Sop, index: int, **changes: Any) -> Sop:
    """Change fields of one step; a changed ``id`` renames its references too."""
    if "id" in changes and changes["id"] != sop.langkah[index].id:
        sop = rename_step(sop, index, changes.pop("id"))
    return sop.with_step(index, **changes) if changes else sop


def _without_target(step: Step, gone: str) -> Step:
    changes: dict[str, Any] = {key: None for key in BRANCH_KEYS if getattr(step, key) == gone}
    return replace(step, **changes) if changes else step


# Actors --------------------------------------------------------------------


def add_actor(sop: Sop, nama: str) -> Sop:
    taken = {actor.id for actor in sop.pelaksana}
    actor = Actor(id=unique_id(slug(nama, "pelaksana"), taken), nama=nama)
    return replace(sop, pelaksana=sop.pelaksana + (actor,))


def set_actor(sop: Sop, index: int, **changes: Any) -> Sop:
    """Change an actor; a changed ``id`` moves its steps along with it."""
    old = sop.pelaksana[index].id
    actors = list(sop.pelaksana)
    actors[index] = replace(actors[index], **changes)
    sop = replace(sop, pelaksana=tuple(actors))
    new = actors[index].id
    if new != old:
        sop = _reassign(sop, old, new)
    return sop


def move_actor(sop: Sop, index: int, delta: int) -> Sop:
    return replace(sop, pelaksana=moved(sop.pelaksana, index, delta))


def steps_of_actor(sop: Sop, actor_id: str) -> list[str]:
    return [step.id for step in sop.langkah if step.pelaksana == actor_id]


def delete_actor(sop: Sop, index: int, move_to: str | None = None) -> Sop:
    """Remove an actor; its steps go to ``move_to``, or :class:`ActorInUse` is raised."""
    gone = sop.pelaksana[index].id
    used = steps_of_actor(sop, gone)
    if used and move_to is None:
        raise ActorInUse(gone, used)
    if used:
        sop = _reassign(sop, gone, move_to or "")
    return replace(sop, pelaksana=tuple(a for i, a in enumerate(sop.pelaksana) if i != index))


def _reassign(sop: Sop, old: str, new: str) -> Sop:
    steps = tuple(replace(step, pelaksana=new) if step.pelaksana == old else step for step in sop.langkah)
    return replace(sop, langkah=steps)


# Records (riwayat, monitoring, evaluasi) -----------------------------------


def add_record(sop: Sop, kind: str, **values: Any) -> Sop:
    return replace(sop, **{kind: getattr(sop, kind) + (RECORD_TYPES[kind](**values),)})


def set_record(sop: Sop, kind: str, index: int, **changes: Any) -> Sop:
    records = list(getattr(sop, kind))
    records[index] = replace(records[index], **changes)
    return _with_records(sop, kind, tuple(records))


def delete_record(sop: Sop, kind: str, index: int) -> Sop:
    return _with_records(sop, kind, tuple(r for i, r in enumerate(getattr(sop, kind)) if i != index))


def _with_records(sop: Sop, kind: str, records: tuple[Any, ...]) -> Sop:
    """``sop`` with its records of ``kind`` (``riwayat``, ``monitoring``, ``evaluasi``) replaced."""
    changes: dict[str, Any] = {kind: records}
    return replace(sop, **changes)
