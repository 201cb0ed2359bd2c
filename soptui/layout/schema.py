"""The JSON Schema of ``soptui layout --json``, derived from the layout types.

Derived, not written by hand, so it cannot drift from ``types.py``; a test
keeps ``docs/layout.schema.json`` equal to it and validates real output.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal

from soptui.layout import types as layout_types
from soptui.layout.dump import LAYOUT_FORMAT

_SCALARS = {float: {"type": "number"}, int: {"type": "integer"}, str: {"type": "string"}, bool: {"type": "boolean"}}


def layout_schema() -> dict[str, Any]:
    """A draft 2020-12 schema: every dataclass of the layout as a definition."""
    definitions: dict[str, Any] = {}
    root = _object(layout_types.FlowchartLayout, definitions)
    root["properties"] = {
        "format": {"const": LAYOUT_FORMAT},
        "units": {"enum": ["pt", "cells"]},
        **root["properties"],
    }
    root["required"] = ["format", "units", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "soptui flowchart layout",
        "description": "Output of `soptui layout FILE --json`; see docs/layout.md.",
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _object(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    fields = [f.name for f in dataclasses.fields(cls)]
    return {
        "type": "object",
        "description": " ".join((cls.__doc__ or "").split("\n\n")[0].split()),
        "properties": {name: _type(hints[name], definitions) for name in fields},
        "required": fields,
        "additionalProperties": False,
    }


def _type(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint.__name__ not in definitions:
            definitions[hint.__name__] = {}
            definitions[hint.__name__] = _object(hint, definitions)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if origin is Literal:
        return {"enum": list(args)}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type(args[0], definitions)}
        return {"type": "array", "prefixItems": [_type(a, definitions) for a in args], "items": False}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [{"type": "null"} if a is type(None) else _type(a, definitions) for a in args]}
    return _SCALARS[hint]
