"""The model as the plain dict a TOML file holds, keys in the format's order.

The same function gives the baseline taken at load time and the state to
save, so a save can compare the two and touch only what was edited. Empty
optional values are left out, as a person writing the file would.
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from typing import Any

from soptui import fields
from soptui.fields import Key
from soptui.model import Sop

ALWAYS_WRITTEN = {"jenis"}


def to_dict(sop: Sop) -> dict[str, Any]:
    """The SOP as a TOML-ready dict (dates stay ``datetime.date``)."""
    return _table(sop, fields.TOP)


def _table(obj: Any, spec: dict[str, Key]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    names = {f.name for f in dataclass_fields(obj)}
    for name, key in spec.items():
        if name not in names:
            continue
        value = _value(getattr(obj, name), key)
        if key.required or name in ALWAYS_WRITTEN or value not in (None, "", [], {}):
            if value is not None:
                result[name] = value
    result.update(obj.extra)
    return result


def _value(value: Any, key: Key) -> Any:
    if value is None:
        return None
    if key.kind == "table":
        return _table(value, key.keys or {})
    if key.kind == "tables":
        return [_table(item, key.keys or {}) for item in value]
    if key.kind == "strings":
        return list(value)
    if key.kind == "bools":
        return dict(value)
    return value
