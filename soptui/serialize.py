"""The model as the plain dict a TOML file holds, keys in the format's order.

The same function gives the baseline taken at load time and the state to
save, so a save can compare the two and touch only what was edited. Empty
optional values are left out, as a person writing the file would.
"""

from __future__ import annotations

from typing import Any

from soptui import fields
from soptui.fields import Key
from soptui.model import Sop

ALWAYS_WRITTEN = {"jenis"}


def to_dict(sop: Sop) -> dict[str, Any]:
    """The SOP as a TOML-ready dict (dates stay ``datetime.date``)."""
    return _table(sop, fields.TOP)


def _table(obj: Any, spec: dict[str, Key]) -> dict[str, Any]:
    """The model mirrors ``fields`` key for key (tested), so every key is an attribute."""
    result: dict[str, Any] = {}
    for name, key in spec.items():
        value = _value(getattr(obj, name), key)
        if value is not None and (key.required or name in ALWAYS_WRITTEN or value not in ("", [], {})):
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
