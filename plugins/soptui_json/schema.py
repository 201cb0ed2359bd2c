"""The JSON Schema of the export document, kept in ``schema/sop-export-1.json``.

The file is what consumers and ``soptui schema --export json`` read; this
module is how it is made, so the ``sop`` member always matches the file
format's own schema (``soptui.schema.file_schema``). After changing either,
run ``python -m soptui_json.schema`` to rewrite the file; a test fails
until the two agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from soptui.schema import file_schema
from soptui_json.document import EXPORT_VERSION, SCHEMA_URL

SCHEMA_FILE = Path(__file__).parent / "schema" / f"sop-export-{EXPORT_VERSION}.json"

_AMOUNT = {
    "type": "object",
    "properties": {
        "seconds": {"type": "number", "minimum": 0, "description": "Calendar time, in seconds (a month is 30 days)."},
        "working_days": {"type": "number", "minimum": 0, "description": "Working days (hari kerja), never converted."},
    },
    "required": ["seconds", "working_days"],
    "additionalProperties": False,
}


def build_schema() -> dict[str, Any]:
    """The export schema as a dict, in the order it is written."""
    sop = {key: value for key, value in file_schema().items() if key not in ("$schema", "$id", "title")}
    duration = {
        "description": "A parsed `waktu`: calendar seconds and working days kept apart, each min..max.",
        "type": "object",
        "properties": {"min": {"$ref": "#/$defs/amount"}, "max": {"$ref": "#/$defs/amount"}, "text": {"type": "string"}},
        "required": ["min", "max", "text"],
        "additionalProperties": False,
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
        "additionalProperties": False,
    }
    edge = {
        "type": "object",
        "properties": {
            "target": {"type": "string"},
            "branch": {"enum": ["lanjut", "ya", "tidak"]},
            "label": {"type": ["string", "null"], "description": "Printed beside a decision's arrow; null for lanjut."},
        },
        "required": ["target", "branch", "label"],
        "additionalProperties": False,
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
                "additionalProperties": False,
            },
            "durations": {
                "type": "object",
                "properties": {
                    "main_path_total": {"$ref": "#/$defs/duration"},
                    "main_path_steps_without_duration": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["main_path_total", "main_path_steps_without_duration"],
                "additionalProperties": False,
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
                    "additionalProperties": False,
                },
            },
        },
        "required": ["$schema", "export_version", "generator", "source", "sop", "flow", "durations", "actors"],
        "additionalProperties": False,
        "$defs": {"sop": sop, "step": step, "edge": edge, "duration": duration, "amount": _AMOUNT},
    }


def schema_text() -> str:
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
