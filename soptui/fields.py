"""The file format, version 1, as data: every table, key, type and default.

Read from the model's dataclasses (:mod:`soptui.model`), which are the one
description of the format: a field's type gives its key's kind and choices,
its ``metadata`` whether it is required, its pattern and least items, its
place the key order of a new file. One description serves the loader (types,
required keys, choices), the JSON Schema printed by ``soptui schema``, the
writer of new files and the editor's forms. docs/format.md says the same for
people.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from dataclasses import dataclass
from types import UnionType
from typing import Any, Literal

from soptui import model
from soptui.model import ID_PATTERN

__all__ = ["ID_PATTERN", "Key", "keys_of", "TOP", "IDENTITY", "SIGNER", "ACTOR", "STEP", "REVISION", "MONITORING",
           "EVALUATION"]


@dataclass(frozen=True)
class Key:
    """One key of a table.

    ``kind`` is one of ``string``, ``integer``, ``date``, ``strings`` (array of
    strings), ``bools`` (table of booleans), ``table`` or ``tables`` (array of
    tables), the last two described by ``keys``.
    """

    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()
    pattern: str | None = None
    min_items: int = 0
    keys: dict[str, Key] | None = None
    doc: str = ""
    default: Any = None


def keys_of(cls: type) -> dict[str, Key]:
    """The keys of the table that the model class ``cls`` holds, in file order (``extra`` is not one)."""
    hints = typing.get_type_hints(cls)
    return {f.name: _key(hints[f.name], f) for f in dataclasses.fields(cls) if f.name != "extra"}


def _key(hint: Any, spec: dataclasses.Field[Any]) -> Key:
    default = None if spec.default is dataclasses.MISSING else spec.default
    facts = {"required": spec.metadata["required"], "pattern": spec.metadata["pattern"],
             "min_items": spec.metadata["min_items"], "doc": spec.metadata["doc"], "default": default}
    if isinstance(hint, UnionType) or typing.get_origin(hint) is typing.Union:  # X | None: the key may be absent
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Literal:
        return Key("string", choices=args, **facts)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return Key("table", keys=keys_of(hint), **facts)
    if origin is tuple and isinstance(args[0], type) and dataclasses.is_dataclass(args[0]):
        return Key("tables", keys=keys_of(args[0]), **facts)
    kinds = {str: "string", int: "integer", dt.date: "date"}
    if hint in kinds:
        return Key(kinds[hint], **facts)
    if origin is tuple and args[0] is str:
        return Key("strings", **facts)
    if origin is dict and args == (str, bool):
        return Key("bools", **facts)
    raise TypeError(f"no file format kind for {hint!r}")


SIGNER = keys_of(model.Signer)
IDENTITY = keys_of(model.Identity)
ACTOR = keys_of(model.Actor)
STEP = keys_of(model.Step)
REVISION = keys_of(model.Revision)
MONITORING = keys_of(model.MonitoringRecord)
EVALUATION = keys_of(model.EvaluationRecord)
#: ``format`` comes first in a file: the version is what a reader needs before the rest.
TOP = {"format": keys_of(model.Sop)["format"], **keys_of(model.Sop)}
