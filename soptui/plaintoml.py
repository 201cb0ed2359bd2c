"""The plain TOML that soptui writes, read in one pass of regular expressions.

``tomllib`` reads a character at a time in Python; on a library it is most
of ``soptui check``'s time. SOP files are almost always plain: headers of
bare keys, ``key = value`` with a string, whole number, boolean or date, and
arrays of strings. :func:`parse` reads exactly that subset and returns
``None`` for anything else (an inline table, a float, a multi-line string, a
duplicate key, a table opened twice, a carriage return...), and the caller
then asks ``tomllib``, so whatever is refused is refused by ``tomllib`` with
its message and position. What :func:`parse` accepts, ``tomllib`` accepts
too, with the same dict in the same key order (tests/core/test_plaintoml.py
holds it to that, by hypothesis).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# Every repetition is possessive (``*+``): what it took is never given back, since no token that
# follows can start with it; so a hostile file is refused in one pass, never by backtracking.
_WS = r"[ \t]*+"
_WS_NL = r"[ \t\n]*+"
_REST = _WS + r"(?:#[^\x00-\x08\x0a-\x1f\x7f]*+)?+"  # what may end a line: a comment holds no control but tab
_END = _REST + r"(?:\n|\Z)"
_KEY = r"[A-Za-z0-9_-]++"
_KEYS = rf"{_KEY}(?:{_WS}\.{_WS}{_KEY})*+"
_PLAIN = r'[^"\\\x00-\x08\x0a-\x1f\x7f]*+'  # of a basic string: one run, matched fast
_BASIC = rf'"{_PLAIN}(?:\\(?:[btnfr"\\]|u[0-9A-Fa-f]{{4}}|U[0-9A-Fa-f]{{8}}){_PLAIN})*+"'
_LITERAL = r"'[^'\x00-\x08\x0a-\x1f\x7f]*+'"
_STRING = rf"{_BASIC}|{_LITERAL}"
#: One statement, after any blank or comment lines: ``[[array.of.tables]]``, ``[table]`` or ``key = value``.
_STATEMENT = re.compile(
    rf"(?:{_REST}\n)*+{_WS}(?:"
    rf"\[\[{_WS}({_KEYS}){_WS}\]\]"
    rf"|\[{_WS}({_KEYS}){_WS}\]"
    rf"|({_KEY}){_WS}={_WS}("
    rf"{_STRING}"
    r"|true|false"
    r"|[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|[+-]?(?:0|[1-9][0-9]{0,17})"  # no more digits than fit in 64 bits
    rf"|\[(?:{_WS_NL}(?:{_STRING}){_WS_NL},)*+{_WS_NL}(?:(?:{_STRING}){_WS_NL})?\]"  # strings only
    rf")){_END}"
)
_TAIL = re.compile(rf"(?:{_REST}\n)*+{_REST}\Z")
_ITEM = re.compile(_STRING)
_ESCAPE = re.compile(r'\\(?:([btnfr"\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))')
_ESCAPED = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


class _NotPlain(Exception):
    """The text is outside the subset: ``tomllib`` must read it."""


def parse(text: str) -> dict[str, Any] | None:
    """The document as ``tomllib.loads`` gives it, or ``None`` when it is not plain."""
    try:
        return _parse(text.replace("\r\n", "\n"))  # as tomllib does first; a lone CR is not plain
    except _NotPlain:
        return None


def _parse(text: str) -> dict[str, Any]:
    root: dict[str, Any] = {}
    table = root
    arrays_of_tables: set[int] = set()  # ids of the lists made by [[...]], which headers may enter
    position, end = 0, len(text)
    match = _STATEMENT.match  # anchored where the last statement ended: a search would try every later place
    while position < end and (found := match(text, position)) is not None:
        position = found.end()
        aot, header, key, value = found.groups()
        if key is not None:
            if key in table:
                raise _NotPlain  # tomllib: "Cannot overwrite a value"
            # the usual value, a basic string without escapes, read here: the rest by _value
            table[key] = value[1:-1] if value[0] == '"' and "\\" not in value else _value(value)
        elif header is not None:
            *parents, last = _names(header)
            container = _enter(root, parents, arrays_of_tables)
            if last in container:
                raise _NotPlain  # opened before, or a value: tomllib decides
            table = container[last] = {}
        else:
            *parents, last = _names(aot)
            container = _enter(root, parents, arrays_of_tables)
            rows = container.get(last)
            if rows is None:
                rows = container[last] = []
                arrays_of_tables.add(id(rows))
            elif id(rows) not in arrays_of_tables:
                raise _NotPlain
            table = {}
            rows.append(table)
    if not _TAIL.match(text, position):
        raise _NotPlain
    return root


def _value(text: str) -> Any:
    first = text[0]
    if first == '"' or first == "'":
        return _string(text)
    if first == "[":
        return [_string(item) for item in _ITEM.findall(text)]
    if first == "t" or first == "f":
        return first == "t"
    if len(text) == 10 and text[4] == "-":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:  # 2023-02-30, year 0: tomllib's "Invalid date or datetime"
            raise _NotPlain from None
    return int(text)


def _names(keys: str) -> list[str]:
    return [name.strip(" \t") for name in keys.split(".")]


def _enter(root: dict[str, Any], names: list[str], arrays_of_tables: set[int]) -> dict[str, Any]:
    """The table a header's parent names lead to, made when missing; the last row of an array of tables."""
    container = root
    for name in names:
        inner = container.get(name)
        if inner is None:
            inner = container[name] = {}
        elif type(inner) is list and id(inner) in arrays_of_tables:
            inner = inner[-1]
        elif type(inner) is not dict:
            raise _NotPlain
        container = inner
    return container


def _string(quoted: str) -> str:
    body = quoted[1:-1]
    if quoted[0] == "'" or "\\" not in body:
        return body
    return _ESCAPE.sub(_unescape, body)


def _unescape(escape: re.Match[str]) -> str:
    simple, short, long = escape.groups()
    if simple is not None:
        return _ESCAPED[simple]
    code = int(short or long, 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise _NotPlain  # tomllib: "Escaped character is not a Unicode scalar value"
    return chr(code)
