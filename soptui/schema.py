"""The JSON Schema (draft 2020-12) of the SOP file format, built from ``fields``,
each key described in the words of docs/format.md (the same source).

TOML dates have no JSON counterpart; in the schema they are strings in
``YYYY-MM-DD`` form (``format: date``), which is how a TOML file reads when
turned into JSON. Unknown keys are allowed, as the format keeps them.
"""

from __future__ import annotations

from typing import Any

from soptui import fields
from soptui.fields import Key

SCHEMA_ID = "https://soptui.invalid/schema/sop-format-1.json"


def file_schema() -> dict[str, Any]:
    """The schema of one SOP file, format version 1."""
    schema = _object(fields.TOP)
    schema["properties"]["format"]["const"] = 1
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "SOP AP (soptui file format 1)",
        **schema,
    }


def _object(spec: dict[str, Key]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {name: {"description": key.doc, **_property(key)} for name, key in spec.items()},
        "required": [name for name, key in spec.items() if key.required],
    }


def _property(key: Key) -> dict[str, Any]:
    if key.kind == "string":
        schema: dict[str, Any] = {"type": "string"}
        if key.choices:
            schema["enum"] = list(key.choices)
        if key.pattern:
            schema["pattern"] = key.pattern
        return schema
    if key.kind == "integer":
        return {"type": "integer"}
    if key.kind == "date":
        return {"type": "string", "format": "date"}
    if key.kind == "strings":
        return {"type": "array", "items": {"type": "string"}, "minItems": key.min_items}
    if key.kind == "bools":
        return {"type": "object", "additionalProperties": {"type": "boolean"}}
    if key.kind == "table":
        return _object(key.keys or {})
    return {"type": "array", "items": _object(key.keys or {}), "minItems": key.min_items}
