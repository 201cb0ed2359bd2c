"""The JSON Schema of the export document, kept in ``schema/sop-export-1.json``.

Two variants (docs/json.md, Versioning): the published one is open, since
members may be added within export version 1 and a consumer validating with
it must not break on the first addition; the strict one
(``sop-export-1.strict.json``) refuses members it does not describe, and is
what soptui's own tests validate every export with, so nothing is emitted
undocumented. The computed layout (``-O layout=true``) is the layout's own
schema, embedded as a resource with its own ``$id``.

The files are what consumers and ``soptui schema --export json`` read; this
module is how they are made, so the ``sop`` member always matches the file
format's own schema (``soptui.schema.file_schema``). After changing either,
run ``python -m soptui.interchange.schema`` to rewrite them; a test fails until they agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from soptui.interchange.document import EXPORT_VERSION, LAYOUT_SCHEMA_URL, SCHEMA_URL
from soptui.schema import file_schema

SCHEMA_FILE = Path(__file__).parent / "schema" / f"sop-export-{EXPORT_VERSION}.json"
STRICT_SCHEMA_FILE = SCHEMA_FILE.with_suffix(".strict.json")

_AMOUNT = {
    "type": "object",
    "properties": {
        "seconds": {"type": "number", "minimum": 0, "description": "Calendar time, in seconds (a month is 30 days)."},
        "working_days": {"type": "number", "minimum": 0, "description": "Working days (hari kerja), never converted."},
    },
    "required": ["seconds", "working_days"],
}


def build_schema(strict: bool = False) -> dict[str, Any]:
    """The export schema as a dict, in the order it is written: open, or ``strict``."""
    return _closed(_schema()) if strict else _opened(_schema())


def _closed(schema: Any) -> Any:
    """Every object refuses members it does not describe, except the SOP file's
    tables, which keep their unknown keys as the format does."""
    if isinstance(schema, list):
        return [_closed(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    closed = {key: value if key == "sop" else _closed(value) for key, value in schema.items()}
    if closed.get("type") == "object" and "properties" in closed and "additionalProperties" not in closed:
        closed["additionalProperties"] = False
    return closed


def _opened(schema: Any) -> Any:
    """Every object open to members added later, the embedded layout's too."""
    if isinstance(schema, list):
        return [_opened(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    return {key: _opened(value) for key, value in schema.items() if not (key == "additionalProperties" and value is False)}


def _schema() -> dict[str, Any]:
    sop = {key: value for key, value in file_schema().items() if key not in ("$schema", "$id", "title")}
    duration = {
        "description": "A parsed `waktu`: calendar seconds and working days kept apart, each min..max.",
        "type": "object",
        "properties": {"min": {"$ref": "#/$defs/amount"}, "max": {"$ref": "#/$defs/amount"}, "text": {"type": "string"}},
        "required": ["min", "max", "text"],
    }
    step = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "number": {"type": "integer", "minimum": 1, "description": "The `No` printed, from 1."},
            "symbol": {"enum": ["terminator", "proses", "keputusan"]},
            "actor": {"type": "string"},
            "successors": {"type": "array", "items": {"$ref": "#/$defs/edge"}},
            "duration": {"oneOf": [{"$ref": "#/$defs/duration"}, {"type": "null"}]},
        },
        "required": ["id", "number", "symbol", "actor", "successors", "duration"],
    }
    edge = {
        "type": "object",
        "properties": {
            "target": {"type": "string"},
            "branch": {"enum": ["lanjut", "ya", "tidak"]},
            "label": {"type": ["string", "null"], "description": "Printed beside a decision's arrow; null for lanjut."},
        },
        "required": ["target", "branch", "label"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL,
        "title": f"SOP AP export (soptui JSON export version {EXPORT_VERSION})",
        "description": "Written by `soptui export -f json`; documented in docs/json.md.",
        "type": "object",
        "properties": {
            "$schema": {"const": SCHEMA_URL},
            "export_version": {"const": EXPORT_VERSION},
            "generator": {
                "type": "object",
                "properties": {"name": {"const": "soptui"}, "version": {"type": "string"}},
                "required": ["name", "version"],
            },
            "source": {
                "type": "object",
                "properties": {
                    "file": {"type": ["string", "null"]},
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                },
                "required": ["file", "sha256"],
            },
            "sop": {"$ref": "#/$defs/sop"},
            "flow": {
                "type": "object",
                "properties": {
                    "start": {"type": ["string", "null"]},
                    "ends": {"type": "array", "items": {"type": "string"}},
                    "main_path": {"type": "array", "items": {"type": "string"}},
                    "steps": {"type": "array", "items": {"$ref": "#/$defs/step"}},
                },
                "required": ["start", "ends", "main_path", "steps"],
            },
            "durations": {
                "type": "object",
                "properties": {
                    "main_path_total": {"$ref": "#/$defs/duration"},
                    "main_path_steps_without_duration": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["main_path_total", "main_path_steps_without_duration"],
            },
            "actors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "nama": {"type": ["string", "null"], "description": "null: a step names an actor not in `pelaksana`."},
                        "steps": {"type": "array", "items": {"type": "string"}},
                        "step_count": {"type": "integer", "minimum": 0},
                    },
                    "required": ["id", "nama", "steps", "step_count"],
                },
            },
            "layout": {
                "$ref": LAYOUT_SCHEMA_URL,
                "description": "Only with `-O layout=true`: the computed flowchart (docs/layout.md), coordinates "
                               "rounded to 0.01 pt, for the `paper` and `orientation` options.",
            },
        },
        "required": ["$schema", "export_version", "generator", "source", "sop", "flow", "durations", "actors"],
        "$defs": {"sop": sop, "step": step, "edge": edge, "duration": duration, "amount": _AMOUNT,
                  "layout": _layout_schema()},
    }


def _layout_schema() -> dict[str, Any]:
    """The layout's own schema, embedded as a resource: its ``$ref``s resolve inside it."""
    from soptui.layout import layout_schema

    schema = layout_schema()
    schema.pop("$schema", None)
    return {"$id": LAYOUT_SCHEMA_URL, **schema}


def schema_text(strict: bool = False) -> str:
    return json.dumps(build_schema(strict), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    for path, strict in ((SCHEMA_FILE, False), (STRICT_SCHEMA_FILE, True)):
        path.write_text(schema_text(strict), encoding="utf-8")
        print(f"wrote {path}")
