"""Line and column of a key in TOML source, for messages that point at it.

``tomllib`` is fast but forgets where values came from, and parsing again
with a position-keeping parser costs ten times as much. This scanner reads
the source once, line by line, and records where each table header and each
``key =`` stands, under its key path (``("langkah", 2, "pelaksana")``): the
column is where the value starts, which is what an editor should jump to.
Each item of an array and each key of an inline table gets its own position,
so ``keterkaitan[2]`` points at the second name even on a line of its own. It
is run only when there is something to report. A key that cannot be found
falls back to its nearest enclosing table, then to line 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from soptui.diagnostics import FieldPath, Finding, Severity, format_field

_HEADER = re.compile(r"^(\s*)(\[\[?)\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(r"""^(\s*)((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")
_MULTILINE_OPEN = re.compile(r'=\s*("""|\'\'\')')


class Locator:
    """Positions of the keys of one TOML text."""

    def __init__(self, text: str) -> None:
        self.positions: dict[FieldPath, tuple[int, int]] = {}
        # TOML's lines end at a line feed only: str.splitlines() would also break at U+0085, U+2028 or a form
        # feed inside a string, shifting every line number after it
        self._scanning = self._scan([line.removesuffix("\r") for line in text.split("\n")])

    def find(self, path: FieldPath) -> tuple[int, int]:
        """(line, column) of ``path`` or of its nearest known parent, both from 1.

        The text is read only as far as ``path`` (the first place wins, so reading
        on could not change it), and on from there for the next question."""
        path = tuple(path)
        while path not in self.positions and next(self._scanning, False):
            pass
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return (1, 1)

    def _scan(self, lines: list[str]) -> Iterator[bool]:
        """Record the positions line by line, yielding after each line."""
        table: FieldPath = ()
        array_index: dict[tuple[str, ...], int] = {}
        closing: str | None = None
        skip_to = 0  # lines taken by a value that spans several (an array, an inline table)
        for number, line in enumerate(lines, start=1):
            yield True
            if number < skip_to:
                continue
            if closing:
                if closing in line:
                    closing = None
                continue
            header = _HEADER.match(line)
            if header and not line.lstrip().startswith(("[\"", "['")):
                names = _split_key(header[3])
                if header[2] == "[[":
                    array_index[names] = array_index.get(names, -1) + 1
                table = self._with_indexes(names, array_index)
                self.positions.setdefault(table, (number, len(header[1]) + 1))
                continue
            key = _KEY.match(line)
            if key:
                path = table + _split_key(key[2])
                start = len(line) - len(line[key.end():].lstrip(" \t"))
                self.positions.setdefault(path, (number, start + 1))
                if line[start:start + 1] in ("[", "{"):
                    skip_to = _Values(lines, self.positions).scan(path, number - 1, start)
                    continue
                opened = _MULTILINE_OPEN.search(line) if '""' in line or "''" in line else None
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


class _Values:
    """Positions inside an array or inline table value, which may span lines:
    each item under its index, each inline key under its name."""

    def __init__(self, lines: list[str], positions: dict[FieldPath, tuple[int, int]]) -> None:
        self.lines = lines
        self.positions = positions
        self.row = self.col = 0

    def scan(self, path: FieldPath, row: int, col: int) -> int:
        """Read the value at ``row``/``col`` (from 0); the number of the first line after it (from 1)."""
        self.row, self.col = row, col
        try:
            self._value(path)
        except IndexError:  # unterminated: the parser has reported it; stop here
            return len(self.lines) + 1
        return self.row + 2

    def _char(self) -> str:
        return self.lines[self.row][self.col] if self.col < len(self.lines[self.row]) else "\n"

    def _skip_blank(self) -> None:
        while True:
            char = self._char()
            if char == "\n" or char == "#":
                self.row, self.col = self.row + 1, 0
                if self.row >= len(self.lines):
                    raise IndexError(self.row)
            elif char in " \t":
                self.col += 1
            else:
                return

    def _value(self, path: FieldPath) -> None:
        opening = self._char()
        if opening in ("[", "{"):
            self.col += 1
            closing = "]" if opening == "[" else "}"
            index = 0
            while True:
                self._skip_blank()
                if self._char() == closing:
                    self.col += 1
                    return
                if self._char() == ",":
                    self.col += 1
                    continue
                if opening == "[":
                    self.positions.setdefault(path + (index,), (self.row + 1, self.col + 1))
                    self._value(path + (index,))
                    index += 1
                else:
                    self._inline_key(path)
        elif opening in ("\"", "'"):
            self._string(opening)
        else:
            line = self.lines[self.row]
            start = self.col
            while self.col < len(line) and line[self.col] not in ",]} \t#":
                self.col += 1
            if self.col == start:  # a closer that closes nothing here: step over it so the scan always ends
                self.col += 1

    def _inline_key(self, path: FieldPath) -> None:
        key = _KEY.match(self.lines[self.row][self.col:])
        if key is None:  # not a key: step over one character so the scan always ends
            self.col += 1
            return
        self.col += key.end()
        self._skip_blank()
        inner = path + _split_key(key[2])
        self.positions.setdefault(inner, (self.row + 1, self.col + 1))
        self._value(inner)

    def _string(self, quote: str) -> None:
        line = self.lines[self.row]
        self.col += 1
        while self.col < len(line):
            char = line[self.col]
            if char == "\\" and quote == "\"":
                self.col += 2
                continue
            self.col += 1
            if char == quote:
                return


@lru_cache(maxsize=512)
def _split_key(text: str) -> tuple[str, ...]:
    """The names of a dotted key; a file repeats its few keys on every row, hence the cache."""
    return tuple(part.strip().strip("\"'") for part in re.findall(r'"[^"]*"|\'[^\']*\'|[^.]+', text))


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
