"""What soptui accepts from a file: sizes, depth, characters and dates.

SOP files arrive from many units, by email and git. This is the one place
where what they hold is measured against what the rest of soptui can
represent (a page, a slide, a spreadsheet cell, a terminal line, a date it
adds months to). The loader runs :func:`violations` on the parsed file
before anything else reads a value; a file with a violation is refused as a
whole (no model), with a finding per problem naming its field. Everything
after the loader may then trust that strings are printable, nesting is
shallow, counts are bounded and dates can be computed with. The limits are
documented in docs/format.md ("Limits"), whose table ``tools/format_tables.py``
writes from the numbers and key lists here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from soptui import fields
from soptui.diagnostics import FieldPath, format_field
from soptui.terminal import UNPRINTABLE

MAX_FILE_BYTES = 16 * 1024 * 1024
#: Tables and arrays inside each other; the format itself needs 4 (``evaluasi[1].jawaban``).
MAX_DEPTH = 32
MAX_STEPS = 10_000
MAX_ACTORS = 100
MAX_RECORDS = 1_000  # each of riwayat, monitoring, evaluasi
MAX_ITEMS = 1_000  # any other array: instansi, dasar_hukum, a plugin's list
MAX_TEXT = 10_000  # characters of running text: kegiatan, keterangan, catatan, a list item
MAX_DECREE = 100_000  # characters of running text in dokumen.toml (the decree, the explanation)
MAX_SHORT = 500  # characters of a name, number, label, path or key
MAX_INTEGER = 2**63 - 1  # TOML integers are 64-bit
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2999, 12, 31)
#: A file with more problems than this lists the first ones and says how many more.
MAX_REPORTED = 20

_COUNTS = {"langkah": MAX_STEPS, "pelaksana": MAX_ACTORS, "riwayat": MAX_RECORDS, "monitoring": MAX_RECORDS,
           "evaluasi": MAX_RECORDS}
#: Keys whose value is running text (may hold tabs and line breaks, up to MAX_TEXT).
TEXT_KEYS = frozenset({
    "kegiatan", "kelengkapan", "output", "keterangan", "uraian", "catatan", "tindakan",
    "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "peringatan", "pencatatan",
})
#: Keys whose value is one line by nature: a path, a number, an id or a reference.
ONE_LINE_KEYS = frozenset({"logo", "nomor", "nip", "id", "pelaksana", "lanjut", "ya", "tidak", "simbol", "jenis",
                           "penilaian"})

#: Never in any string or key (see soptui.terminal): every C0 control but tab, line feed and
#: carriage return, DEL, C1, bidirectional overrides, line separators, noncharacters.
_NEVER = re.compile("[" + "".join(char for char in UNPRINTABLE if char <= "\uffff") + "]")
#: The noncharacters beyond the BMP (U+1FFFE...): apart, since one of them in a character class makes
#: the regex engine test every character against a list instead of a table, 20 times slower.
_NEVER_ASTRAL = re.compile("[" + "".join(char for char in UNPRINTABLE if char > "\uffff") + "]")
_LINE_BREAKS = re.compile("[\t\n\r]")
_KNOWN_KEYS = frozenset(key for spec in (fields.TOP, fields.IDENTITY, fields.SIGNER, fields.ACTOR, fields.STEP,
                                         fields.REVISION, fields.MONITORING, fields.EVALUATION) for key in spec)


@dataclass(frozen=True)
class Violation:
    """One thing in the file beyond the limits: where, which message, its values."""

    where: FieldPath
    code: str  # S014 a character that cannot be shown, S015 beyond a limit
    message_key: str
    params: dict[str, object]


def violations(raw: dict[str, Any], text_limit: int = MAX_TEXT) -> Iterator[Violation]:
    """Every violation in the parsed file, in file order, without recursion.

    A quick pass without key paths clears the usual file; only a file it
    finds suspect is walked again to name each problem's field. ``text_limit``
    is the length allowed for running text (a bound document's decree is longer).
    """
    if _plainly_within(raw):
        return
    stack: list[tuple[FieldPath, Any, int]] = [((), raw, 0)]
    while stack:
        where, value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth >= MAX_DEPTH:
                yield Violation(where, "S015", "rule.S015.depth", {"limit": MAX_DEPTH})
                continue
            children = _children(where, value)
            if isinstance(value, list):
                limit = _COUNTS.get(str(where[0]), MAX_ITEMS) if len(where) == 1 else MAX_ITEMS
                if len(value) > limit:
                    yield Violation(where, "S015", "rule.S015.count", {"count": len(value), "limit": limit})
                    continue
            else:
                for path, _ in children:
                    yield from _text(path, str(path[-1]), MAX_SHORT, one_line=True, what="key")
            stack.extend((path, item, depth + 1) for path, item in reversed(children))
        elif isinstance(value, str):
            limit, one_line = _text_kind(where)
            yield from _text(where, value, text_limit if limit == MAX_TEXT else limit, one_line)
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
            yield Violation(where, "S015", "rule.S015.integer", {})
        elif isinstance(value, dt.date) and not FIRST_DATE <= _day(value) <= LAST_DATE:
            yield Violation(where, "S015", "rule.S015.date", {"value": value.isoformat(), "first": FIRST_DATE.isoformat(),
                                                               "last": LAST_DATE.isoformat()})


class _Suspect(Exception):
    """Raised by the quick pass at the first thing that may be a violation."""


def _plainly_within(raw: dict[str, Any]) -> bool:
    """Whether the file is certainly within the limits (False: look closer).

    One recursive pass, depth bounded by MAX_DEPTH, that collects the strings
    so the character test runs once over all of them, in C; a string longer
    than MAX_SHORT, anywhere, sends the file to the precise walk.
    """
    strings: list[str] = []
    dates: list[dt.date] = []

    def walk(value: dict | list, depth: int) -> None:
        if depth >= MAX_DEPTH:
            raise _Suspect
        if type(value) is dict:
            strings.extend(value)
            pairs: Iterable[tuple[Any, Any]] = value.items()
        else:
            if len(value) > (MAX_STEPS if depth == 1 else MAX_ITEMS):  # the known top-level ones: _COUNTS
                raise _Suspect
            pairs = ((None, item) for item in value)
        for key, item in pairs:
            kind = type(item)
            if kind is str:
                strings.append(item)
                if key in ONE_LINE_KEYS and _LINE_BREAKS.search(item):
                    raise _Suspect
            elif kind is dict or kind is list:
                walk(item, depth + 1)
            elif kind is int:
                if not -MAX_INTEGER <= item <= MAX_INTEGER:
                    raise _Suspect
            elif isinstance(item, dt.date):
                dates.append(_day(item))

    try:
        for name, limit in _COUNTS.items():
            if isinstance(raw.get(name), list) and len(raw[name]) > limit:
                return False
        walk(raw, 0)
    except _Suspect:
        return False
    if dates and (min(dates) < FIRST_DATE or max(dates) > LAST_DATE):
        return False
    return max(map(len, strings), default=0) <= MAX_SHORT and not _unprintable(" ".join(strings))


def _children(where: FieldPath, value: dict | list) -> list[tuple[FieldPath, Any]]:
    pairs = value.items() if isinstance(value, dict) else enumerate(value)
    return [(where + (key,), item) for key, item in pairs]


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _text_kind(where: FieldPath) -> tuple[int, bool]:
    """(length limit, one line only) of the string at ``where``, from its key."""
    key = next((part for part in reversed(where) if isinstance(part, str)), "")
    if key in ONE_LINE_KEYS:
        return MAX_SHORT, True
    return (MAX_TEXT if key in TEXT_KEYS or key not in _KNOWN_KEYS else MAX_SHORT), False


def _text(where: FieldPath, text: str, limit: int, one_line: bool, what: str = "text") -> Iterator[Violation]:
    # a key is named by its table and its first characters: it may be long, or the bad character itself
    named = {"field": format_field(where[:-1] + (text[:30] + ("..." if len(text) > 30 else ""),))} if what == "key" else {}
    bad = _unprintable(text) or (_LINE_BREAKS.search(text) if one_line else None)
    if bad:
        params = {"char": f"U+{ord(bad[0]):04X}", "position": bad.start() + 1, **named}
        yield Violation(where, "S014", "rule.S014.key" if what == "key" else "", params)
    if len(text) > limit:
        yield Violation(where, "S015", f"rule.S015.{what}_length", {"length": len(text), "limit": limit, **named})


def _unprintable(text: str) -> re.Match[str] | None:
    """The first character of ``text`` that is never accepted (soptui.terminal.UNPRINTABLE)."""
    found = _NEVER.search(text)
    if text.isascii() or max(text) <= "\uffff":
        return found
    return _NEVER_ASTRAL.search(text, 0, found.start() if found else len(text)) or found


#: Parts of a dotted key path from which tomllib's time to read it is felt (it grows with the square:
#: 5,000 parts take it about 0.03 s, 100,000 parts 7 s); far past the depth limit, which refuses it anyway.
LONG_KEY_PARTS = 5_000
#: Such a key path where a key starts: a line (``[a.b.c...]``, ``[[...]]``, ``a.b.c... =``) or an inline
#: table's entry (``{a.b.c... = 1}``, ``, a.b.c... = 1``).
_LONG_KEY = re.compile(r"(?:^[ \t]*+\[{0,2}+|[{,])[ \t]*+"
                       r"((?:(?:[A-Za-z0-9_-]++|\"[^\"\n]*+\"|'[^'\n]*+')[ \t]*+\.[ \t]*+)"
                       f"{{{LONG_KEY_PARTS}}})", re.M)


def first_long_key(text: str) -> tuple[int, int] | None:
    """(line, column) of the first key path of more than LONG_KEY_PARTS parts, or ``None``.

    Such a path is refused by the depth limit anyway, but tomllib takes time
    quadratic in its length to read it (a 200 kB header: 7 s; a few MB: hours),
    so the loader looks for one before handing a file to tomllib. A shorter
    one is read and refused by the depth limit, which names its key. A line of
    a multi-line string that looks like one would be taken for one; no SOP
    text starts a line with thousands of dotted words."""
    match = _LONG_KEY.search(text)
    return None if match is None else position(text, match.start(1))


def position(text: str, offset: int) -> tuple[int, int]:
    """The (line, column) of ``offset`` in ``text``, both from 1."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def first_deep_line(text: str, limit: int = MAX_DEPTH) -> tuple[int, int]:
    """(line, column) where brackets first nest deeper than ``limit``, for a file the
    parser gave up on; strings are skipped roughly (enough to point at the place)."""
    depth, quote, line, start = 0, "", 1, 0
    for index, char in enumerate(text):
        if char == "\n":
            line, start, quote = line + 1, index + 1, "" if len(quote) == 1 else quote
        elif quote:
            if char == quote and text[index - 1] != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line, index - start + 1
        elif char in "]}":
            depth = max(depth - 1, 0)
    return 1, 1
