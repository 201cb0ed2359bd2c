"""How ``soptui check`` writes its findings: for people, programs, GitHub and SARIF viewers.

``github`` is GitHub Actions' workflow-command syntax, so each finding shows
as an annotation on the changed line; ``sarif`` is SARIF 2.1.0, which code
scanning services and editors read. Columns count Unicode characters from 1,
as ``path:line:col`` does.
"""

from __future__ import annotations

from pathlib import Path

import soptui
from soptui.diagnostics import Finding
from soptui.terminal import json_text, visible

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def render(findings: list[Finding], output: str, rules: dict[str, tuple[str, str]]) -> str:
    """The findings in ``output`` format; ``rules`` maps a code to (severity, title) for SARIF."""
    if output == "json":
        return json_text([finding.to_json() for finding in findings])
    if output == "github":
        return "\n".join(_github(finding) for finding in findings)
    if output == "sarif":
        return json_text(_sarif(findings, rules))
    return "\n".join(finding.format_line() for finding in findings)


def _github(finding: Finding) -> str:
    kind = "error" if finding.severity == "error" else "warning"
    properties = {"file": finding.path, "line": finding.line or 1, "col": finding.col or 1, "title": finding.code}
    written = ",".join(f"{key}={_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {written}::{_data(visible(finding.message()))}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _sarif(findings: list[Finding], rules: dict[str, tuple[str, str]]) -> dict:
    used = sorted({finding.code for finding in findings})
    index = {code: number for number, code in enumerate(used)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "soptui",
                "version": soptui.__version__,
                "rules": [_sarif_rule(code, *rules.get(code, ("warning", code))) for code in used],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_sarif_result(finding, index[finding.code]) for finding in findings],
        }],
    }


def _sarif_rule(code: str, severity: str, title: str) -> dict:
    return {
        "id": code,
        "shortDescription": {"text": title},
        "defaultConfiguration": {"level": "error" if severity == "error" else "warning"},
    }


def _sarif_result(finding: Finding, rule_index: int) -> dict:
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": "error" if finding.severity == "error" else "warning",
        "message": {"text": finding.message()},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": _uri(finding.path)},
                "region": {"startLine": finding.line or 1, "startColumn": finding.col or 1},
            },
            "logicalLocations": [{"fullyQualifiedName": finding.field_name}] if finding.field else [],
        }],
    }


def _uri(path: str) -> str:
    """A relative path stays relative (SARIF viewers resolve it against the checkout)."""
    candidate = Path(path)
    return candidate.as_posix() if not candidate.is_absolute() else candidate.as_uri()

