"""Findings: what the loader and the checker tell the user about a file.

A finding names a rule by its code (``S001``), carries the place it is about
(file, line, column, and the field as a key path such as
``("langkah", 2, "pelaksana")``) and renders its message in the language
asked for. Every rule, built in or from a plugin, is a :class:`Rule` with a
fixed severity, so ``--strict`` and the exit code can trust it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from soptui.i18n import t
from soptui.terminal import visible

Severity = Literal["error", "warning"]
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Rule:
    """A checker rule: its code, severity and one-line title (a catalogue key)."""

    code: str
    severity: Severity
    title_key: str


@dataclass(frozen=True)
class Finding:
    """One problem found in one file."""

    code: str
    severity: Severity
    path: str
    field: FieldPath = ()
    line: int | None = None
    col: int | None = None
    message_key: str = ""
    params: dict[str, object] = dataclasses.field(default_factory=dict)
    text: str | None = None  # a plugin rule may give its message already written

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        if self.text is not None:
            return self.text
        return t(self.message_key or f"rule.{self.code}", lang, **self.params)

    @property
    def field_name(self) -> str:
        """The key path written the way the user reads it: ``langkah[3].pelaksana``."""
        return format_field(self.field)

    def format_line(self, lang: str | None = None) -> str:
        """``path:line:col: CODE message``, the ruff way, safe to print (control characters made visible)."""
        return visible(f"{self.path}:{self.line or 1}:{self.col or 1}: {self.code} {self.message(lang)}")

    def __str__(self) -> str:
        return self.format_line()

    def to_json(self, lang: str | None = None) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line or 1,
            "column": self.col or 1,
            "code": self.code,
            "severity": self.severity,
            "field": self.field_name,
            "message": self.message(lang),
        }


def format_field(path: FieldPath) -> str:
    """``("langkah", 2, "ya")`` -> ``langkah[3].ya`` (numbers count from 1, as users do)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
