"""Turning an exported JSON document back into an SOP file's model.

The ``sop`` member of the export (or a bare SOP written as JSON) is the
file's own tables; JSON has no dates, so the format's date fields, written
``YYYY-MM-DD``, become dates again, and ``null`` means the key is absent.
The result goes through soptui's loader, so a hand-edited JSON gets the
same findings, by field, as a TOML file would. Derived members (``flow``,
``durations``, ``actors``) are ignored: soptui recomputes them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import tomli_w

from soptui import fields, limits
from soptui.diagnostics import Finding, format_field
from soptui.fields import Key
from soptui.i18n import t
from soptui.interchange.document import EXPORT_VERSION
from soptui.loader import load_bytes, read_regular
from soptui.model import Sop

#: Findings that mean a value would be dropped, or the file refused whole (beyond soptui's limits):
#: importing stops there. Others (a missing key, an unknown key) are shown and the file is written
#: as is, so a draft survives TOML -> JSON -> TOML.
LOSSY = frozenset({"S002", "S009", "S010", "S014", "S015"})


@dataclass
class Imported:
    """The model read from a JSON file, or the reasons it could not be."""

    sop: Sop | None
    problems: list[str] = field(default_factory=list)  # errors; each names the file and field
    warnings: list[str] = field(default_factory=list)


def import_json(path: Path) -> Imported:
    """Read ``path``; a lossy problem leaves ``sop`` as ``None`` with the reasons in ``problems``.

    The file is read as an SOP file is (a regular file, never blocking, within the size limit) and its
    ``sop`` member measured against :mod:`soptui.limits` before anything converts it."""
    try:
        raw, _ = read_regular(path)
        if len(raw) > limits.MAX_FILE_BYTES:
            raise OSError(0, t("rule.S015.file_size", size=len(raw), limit=limits.MAX_FILE_BYTES // 2**20))
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        return Imported(None, [t("import.unreadable", path=path, reason=getattr(error, "strerror", None) or error)])
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return Imported(None, [t("import.bad_json", path=path, line=error.lineno, col=error.colno, reason=error.msg)])
    except RecursionError:  # the decoder recurses once per nested array or object
        line, col = limits.first_deep_line(text)
        return Imported(None, [t("import.bad_json", path=path, line=line, col=col,
                                 reason=t("rule.S015.nesting", limit=limits.MAX_DEPTH))])
    except ValueError:  # an integer of more digits than Python converts
        return Imported(None, [t("import.bad_json", path=path, line=1, col=1, reason=t("rule.S015.number"))])
    if not isinstance(document, dict):
        return Imported(None, [t("import.not_object", path=path)])
    version = document.get("export_version")
    if isinstance(version, int) and version > EXPORT_VERSION:
        return Imported(None, [t("import.newer", path=path, found=version, known=EXPORT_VERSION)])
    data = document.get("sop", document if "identitas" in document else None)
    if not isinstance(data, dict):
        return Imported(None, [t("import.no_sop", path=path)])
    prefix = "sop." if "sop" in document else ""
    beyond = [_beyond(path, prefix, found) for found in islice(limits.violations(data), limits.MAX_REPORTED)]
    if beyond:
        return Imported(None, beyond)
    problems: list[str] = []
    table = _from_json(data, fields.TOP, (), problems, path, prefix)
    if problems:
        return Imported(None, problems)
    loaded = load_bytes(tomli_w.dumps(table).encode("utf-8"), path)
    problems = [_where(path, prefix, f) for f in loaded.findings if f.code in LOSSY]
    warnings = [_where(path, prefix, f) for f in loaded.findings if f.code not in LOSSY]
    if problems or loaded.sop is None:
        return Imported(None, problems or [t("import.no_sop", path=path)], warnings)
    return Imported(loaded.sop, [], warnings)


def _beyond(path: Path, prefix: str, found: limits.Violation) -> str:
    """A value beyond soptui's limits, placed by field (as :func:`_where`)."""
    field_name = prefix + format_field(found.where) if found.where else prefix.rstrip(".") or "-"
    message = t(found.message_key or f"rule.{found.code}", **{"field": format_field(found.where), **found.params})
    return f"{path}: {field_name}: {found.code} {message}"


def _where(path: Path, prefix: str, finding: Finding) -> str:
    """A finding about the JSON, placed by field rather than by a TOML line."""
    field_name = prefix + finding.field_name if finding.field else prefix.rstrip(".") or "-"
    return f"{path}: {field_name}: {finding.code} {finding.message()}"


def _from_json(value: Any, spec: dict[str, Key] | None, where: tuple, problems: list[str], path: Path, prefix: str) -> Any:
    """JSON values as TOML values: dates restored by the format, nulls dropped."""
    if isinstance(value, dict):
        result = {}
        for name, item in value.items():
            if item is None:
                continue
            key = (spec or {}).get(name)
            if key is not None and key.kind == "date" and isinstance(item, str):
                try:
                    item = dt.date.fromisoformat(item)
                except ValueError:
                    problems.append(t("import.bad_date", path=path, field=_dotted(prefix, where + (name,)), value=item))
                    continue
            result[name] = _from_json(item, key.keys if key is not None else None, where + (name,), problems, path, prefix)
        return result
    if isinstance(value, list):
        if any(item is None for item in value):
            problems.append(t("import.null_in_list", path=path, field=_dotted(prefix, where)))
            return []
        return [_from_json(item, spec, where + (index,), problems, path, prefix) for index, item in enumerate(value)]
    return value


def _dotted(prefix: str, where: tuple) -> str:
    return prefix + format_field(where)
