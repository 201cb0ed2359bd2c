"""The JSON interchange document: the SOP's data plus what consumers should not recompute.

Core's, not the JSON exporter's: ``soptui import`` reads it back and ``soptui
schema --export json`` describes it, and neither may depend on a plugin
(docs/plugins.md, The plugin boundary). The exporter ``_soptui_json`` writes it.

The ``sop`` member is the file itself as JSON (dates as ``YYYY-MM-DD``), so
``soptui import`` can turn it back into the same model. ``flow``,
``durations`` and ``actors`` are derived from the model by soptui's own
code (``Sop.flow``, ``soptui.durations``), so every consumer agrees with the
editor and the printed document. Keys come in a fixed order and numbers
that are whole are written as integers: the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import soptui
from soptui.durations import Duration, total
from soptui.exporters import ExportInput, name_text
from soptui.model import Sop
from soptui.serialize import to_dict

EXPORT_VERSION = 1
SCHEMA_URL = "https://soptui.invalid/schema/sop-export-1.json"  # an identifier; see docs/json.md, Schema
LAYOUT_SCHEMA_URL = "https://soptui.invalid/schema/layout-1.json"
LAYOUT_DECIMALS = 2  # 0.01 pt: finer than any printer, and the same digits every run


def dumps(document: dict[str, Any], indent: int = 0) -> str:
    """Dates as ``YYYY-MM-DD``; NaN and infinity (possible in TOML) are refused."""
    if indent > 0:
        return json.dumps(document, ensure_ascii=False, indent=indent, default=_iso, allow_nan=False) + "\n"
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=_iso, allow_nan=False) + "\n"


def build_document(input: ExportInput) -> dict[str, Any]:
    """The export document of one SOP (see docs/json.md), with its layout when ``input`` has one."""
    sop = input.sop
    document = {
        "$schema": SCHEMA_URL,
        "export_version": EXPORT_VERSION,
        "generator": {"name": "soptui", "version": soptui.__version__},
        "source": {
            "file": name_text(input.path.name) if input.path is not None else None,
            "sha256": input.source_sha256,
        },
        "sop": to_dict(sop),
        "flow": _flow(sop),
        "durations": _durations(sop),
        "actors": _actors(sop),
    }
    if input.layout is not None:
        from soptui.layout import layout_to_dict

        document["layout"] = _rounded(layout_to_dict(input.layout))
    return document


def _flow(sop: Sop) -> dict[str, Any]:
    flow = sop.flow
    steps = []
    for number, step in enumerate(sop.langkah, start=1):
        if step.id not in flow.symbols:
            continue  # a duplicate id: the checker reports it; the first one counts
        steps.append({
            "id": step.id,
            "number": number,
            "symbol": flow.symbols[step.id],
            "actor": step.pelaksana,
            "successors": [
                {"target": edge.target, "branch": edge.branch, "label": edge.label}
                for edge in flow.successors.get(step.id, ())
            ],
            "duration": _duration(step.duration),
        })
    return {
        "start": flow.start,
        "ends": list(flow.ends),
        "main_path": list(flow.main_path),
        "steps": steps,
    }


def _durations(sop: Sop) -> dict[str, Any]:
    main = [sop.step(step_id) for step_id in sop.flow.main_path]
    timed = [step.duration for step in main if step is not None]
    return {
        "main_path_total": _duration(total(timed)),
        "main_path_steps_without_duration": [s.id for s in main if s is not None and s.duration is None],
    }


def _duration(duration: Duration | None) -> dict[str, Any] | None:
    """Calendar seconds and working days kept apart, each as min and max."""
    if duration is None:
        return None
    return {
        "min": {"seconds": _number(duration.min_seconds), "working_days": _number(duration.min_working_days)},
        "max": {"seconds": _number(duration.max_seconds), "working_days": _number(duration.max_working_days)},
        "text": duration.describe_range(),
    }


def _actors(sop: Sop) -> list[dict[str, Any]]:
    by_actor: dict[str, list[str]] = {actor.id: [] for actor in sop.pelaksana}
    for step in sop.langkah:
        by_actor.setdefault(step.pelaksana, []).append(step.id)
    names = {actor.id: actor.nama for actor in sop.pelaksana}
    return [
        {"id": actor_id, "nama": names.get(actor_id), "steps": steps, "step_count": len(steps)}
        for actor_id, steps in by_actor.items()
    ]


def _rounded(value: Any) -> Any:
    """Floats to ``LAYOUT_DECIMALS`` places, whole ones as integers, recursively."""
    if isinstance(value, float):
        return _number(round(value, LAYOUT_DECIMALS))
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_rounded(item) for item in value]
    return value


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _iso(value: Any) -> str:
    """TOML dates and times, which JSON lacks, as ISO text."""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
