"""Line and column of a key in TOML source, for messages that point at it.

``tomllib`` is fast but forgets where values came from, and parsing again
with a position-keeping parser costs ten times as much. This scanner reads
the source once, line by line, and records where each table header and each
``key =`` stands, under its key path (``("langkah", 2, "pelaksana")``). It is
run only when there is something to report. A key that cannot be found falls
back to its nearest enclosing table, then to line 1.
"""

from __future__ import annotations

import re

from soptui.diagnostics import FieldPath, Finding, Severity, format_field

_HEADER = re.compile(r"^(\s*)(\[\[?)\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(r"""^(\s*)((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")
_MULTILINE_OPEN = re.compile(r'=\s*("""|\'\'\')')


class Locator:
    """Positions of the keys of one TOML text."""

    def __init__(self, text: str) -> None:
        self.positions: dict[FieldPath, tuple[int, int]] = {}
        self._scan(text.splitlines())

    def find(self, path: FieldPath) -> tuple[int, int]:
        """(line, column) of ``path`` or of its nearest known parent, both from 1."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return (1, 1)

    def _scan(self, lines: list[str]) -> None:
        table: FieldPath = ()
        array_index: dict[tuple[str, ...], int] = {}
        closing: str | None = None
        for number, line in enumerate(lines, start=1):
            if closing:
                if closing in line:
                    closing = None
                continue
            header = _HEADER.match(line)
            if header and not line.lstrip().startswith(("[\"", "['")):
                names = tuple(_split_key(header[3]))
                if header[2] == "[[":
                    array_index[names] = array_index.get(names, -1) + 1
                table = self._with_indexes(names, array_index)
                self.positions.setdefault(table, (number, len(header[1]) + 1))
                continue
            key = _KEY.match(line)
            if key:
                self.positions.setdefault(table + tuple(_split_key(key[2])), (number, len(key[1]) + 1))
                opened = _MULTILINE_OPEN.search(line)
                if opened and line.count(opened[1]) == 1:
                    closing = opened[1]

    @staticmethod
    def _with_indexes(names: tuple[str, ...], array_index: dict[tuple[str, ...], int]) -> FieldPath:
        path: list[str | int] = []
        for depth, name in enumerate(names, start=1):
            path.append(name)
            if names[:depth] in array_index:
                path.append(array_index[names[:depth]])
        return tuple(path)


def _split_key(text: str) -> list[str]:
    return [part.strip().strip("\"'") for part in re.findall(r'"[^"]*"|\'[^\']*\'|[^.]+', text)]


class Reporter:
    """Collects the findings of one file, placing each at its key's line."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.findings: list[Finding] = []
        self._locator: Locator | None = None

    def report(self, code: str, severity: Severity, where: FieldPath, message_key: str = "", **params: object) -> None:
        """Add a finding about ``where``; ``field`` is filled in for the message."""
        if self._locator is None:
            self._locator = Locator(self.text)
        line, col = self._locator.find(where)
        params.setdefault("field", format_field(where))
        self.findings.append(Finding(code, severity, self.path, where, line, col, message_key, params))
