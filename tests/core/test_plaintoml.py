"""soptui.plaintoml reads what tomllib reads, the same way, or leaves the text to tomllib.

The property: for any text, ``plaintoml.parse`` gives ``None`` (tomllib
decides, with its own message and position) or exactly ``tomllib.loads``'s
dict, value types and key order included, and never a dict for a text that
tomllib refuses. Texts are built from the pieces of TOML near the subset and
just past it: duplicate keys, tables opened twice, arrays of tables entered
by a later header, escapes of surrogates, dates that do not exist, numbers
of many digits, control characters in strings and comments, carriage returns.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soptui import plaintoml
from soptui.corpus import generate_sop
from soptui.store import render

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.sop.toml"))

def _document(noisy: bool) -> st.SearchStrategy:
    """Lines of TOML near the subset; ``noisy``: now and then a piece just past it or not TOML at all."""

    def mostly(good: st.SearchStrategy, bad: st.SearchStrategy) -> st.SearchStrategy:
        return st.one_of(good, good, good, bad) if noisy else good

    ws = st.sampled_from(["", "", "", " ", "  ", "\t"])
    key = mostly(st.sampled_from(["a", "b", "c", "id", "x-1", "2023-01-01", "true"]),
                 st.sampled_from(['"a"', "a.b", "a . b", "'q'", "", "a b", "é"]))
    char = mostly(st.sampled_from(list("aZ09 -/.,()[]{}#=\té😀\u2028")) | st.characters(min_codepoint=0x20),
                  st.sampled_from(list("'\n\r\"\\\x00\x01\x1f\x7f")) | st.characters())
    escape = mostly(st.sampled_from(["\\n", "\\t", '\\"', "\\\\", "\\b", "\\f", "\\r", "\\u00e9", "\\u0000", "\\uFFFF",
                                     "\\U0001F600"]),
                    st.sampled_from(["\\e", "\\x41", "\\ ", "\\uD800", "\\uDFFF", "\\U00110000", "\\U0000D800", "\\u12",
                                     "\\"]))
    basic = st.lists(char | escape, max_size=8).map(lambda parts: '"' + "".join(parts).replace('"', "") + '"'
                                                    if not noisy else '"' + "".join(parts) + '"')
    literal = st.text(char, max_size=8).map(lambda text: f"'{text}'" if noisy else "'" + text.replace("'", "") + "'")
    integer = st.tuples(mostly(st.sampled_from(["", "+", "-"]), st.sampled_from(["0", "_"])),
                        st.text(st.sampled_from("0123456789"), min_size=1, max_size=22),
                        mostly(st.just(""), st.sampled_from(["_1", ".5", "e3"])))
    date = st.tuples(st.integers(0, 10000), st.integers(0, 14), st.integers(0, 33),
                     mostly(st.just(""), st.sampled_from(["T10:00:00", " 10:00:00", "Z", "T"])))
    scalar = st.one_of(
        basic, basic, basic, literal,
        integer.map("".join),
        date.map(lambda d: f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}{d[3]}"),
        mostly(st.sampled_from(["true", "false"]),
               st.sampled_from(["tru", "True", "1.5", "inf", "0x1f", '"""a"""', "'''a'''", "{ a = 1 }", "{}"])),
    )
    separator = mostly(st.sampled_from([",", ", ", ",\n    ", " , ", ",\n\n"]), st.sampled_from(["\n,", "", ",,", ", # c\n"]))
    array = st.tuples(st.lists(st.tuples(separator, mostly(basic | literal, scalar)), max_size=4),
                      st.sampled_from(["", ",", ",\n", "\n", " "]))
    value = st.one_of(scalar, scalar, array.map(
        lambda a: "[" + "".join(f"{sep if i else sep.lstrip(',')}{v}" for i, (sep, v) in enumerate(a[0])) + a[1] + "]"))
    comment = mostly(st.sampled_from(["", "", "", " # ok", "# é😀", " #\t tab"]), st.sampled_from(["#\x01", "#\x7f", "x"]))
    header = st.tuples(mostly(st.sampled_from(["[", "[[", "[ "]), st.just("[ [")), key, ws,
                       mostly(st.sampled_from(["]", "]]"]), st.just("] ]")))
    key_value = st.tuples(ws, key, ws, mostly(st.just("="), st.just("")), ws, value, ws, comment).map("".join)
    line = st.one_of(key_value, key_value, st.tuples(ws, header.map(_fitting_brackets).map("".join), comment).map("".join),
                     st.tuples(ws, comment).map("".join))
    newline = mostly(st.sampled_from(["\n", "\n\n"]), st.just("\r\n"))
    tail = mostly(st.sampled_from(["", "\n", " "]), st.just("\r"))
    return st.tuples(st.lists(line, max_size=12), newline, tail).map(lambda d: d[1].join(d[0]) + d[2])


def _fitting_brackets(header: tuple[str, str, str, str]) -> tuple[str, ...]:
    opening, key, ws, closing = header
    if opening.strip() in ("[", "[[") and closing in ("]", "]]"):
        closing = "]]" if opening == "[[" else "]"
    return opening, key, ws, closing


_CLEAN = _document(noisy=False)
_NOISY = _document(noisy=True)


def _typed(value: Any) -> Any:
    """The value with each type and each table's key order made part of what is compared."""
    if isinstance(value, dict):
        return ("table", [(key, _typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("array", [_typed(item) for item in value])
    return (type(value).__name__, value)


def _same_as_tomllib(text: str) -> None:
    parsed = plaintoml.parse(text)
    if parsed is None:
        return
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        pytest.fail(f"plaintoml accepted what tomllib refuses ({error}): {text!r}")
    assert _typed(parsed) == _typed(expected), text


@settings(max_examples=2000, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_CLEAN | _NOISY)
def test_a_text_is_read_as_tomllib_reads_it_or_left_to_it(text):
    _same_as_tomllib(text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["a", "b"]), st.sampled_from(["[a]", "[[a]]", "[a.b]", "[[a.b]]", "[b]", "[ a . c ]"]),
       st.lists(st.sampled_from(["[a]", "[[a]]", "[a.b]", "[[a.b]]", "[a.b.c]", "a = 1", "b = 'x'", "c = []",
                                 "[[b]]", "[b.a]", "d = [\"x\",]", "b = 2"]), max_size=8))
def test_tables_and_arrays_of_tables_nest_as_tomllib_nests_them(first_key, first_header, statements):
    _same_as_tomllib("\n".join([f"{first_key} = 0", first_header, *statements]) + "\n")


def test_the_files_soptui_writes_are_plain():
    """Not a speed test: what makes ``check`` fast on a library is that these never fall back."""
    for seed in range(40):
        text = render(generate_sop(seed), None).decode("utf-8")
        assert plaintoml.parse(text) == tomllib.loads(text)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_the_examples_read_the_same(path):
    _same_as_tomllib(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", [
    "a = 1\na = 2\n",  # a duplicate key
    "[a]\n[a]\n",  # a table opened twice
    "[[a]]\n[a]\n",  # an array of tables opened as a table
    "a = []\n[[a]]\n",  # a value array extended as an array of tables
    "a = 'x'\n[a.b]\n",  # a header through a string
    "a = 1\r\nb = 2\r",  # a carriage return without its line feed
    'a = "\\uD800"\n',  # a surrogate
    "a = 2023-02-30\n",  # no such date
    "a = 1234567890123456789\n",  # more digits than the subset reads
    "a = 1.5\n",  # a float
    'a = """x"""\n',  # a multi-line string
    "a = { b = 1 }\n",  # an inline table
    "a = 1 # \x01\n",  # a control character in a comment
    'a = "x\x7f"\n',  # DEL in a string
    "a = ['\x1f']\n",  # a control character in a literal string
])
def test_what_is_not_plain_is_left_to_tomllib(text):
    assert plaintoml.parse(text) is None


def test_a_header_enters_the_last_row_of_an_array_of_tables():
    text = "[[a]]\nx = 1\n[[a]]\n[a.b]\ny = 2\n[[a]]\n[a.b]\n"
    assert plaintoml.parse(text) == tomllib.loads(text) == {"a": [{"x": 1}, {"b": {"y": 2}}, {"b": {}}]}


def test_values_come_back_with_their_types():
    parsed = plaintoml.parse('a = "x\\ty\\u00e9"\nb = \'c:\\\\d\'\nc = -7\nd = true\ne = 2024-02-29\nf = ["p", \'q\',]\n')
    assert parsed == {"a": "x\tyé", "b": "c:\\\\d", "c": -7, "d": True, "e": dt.date(2024, 2, 29), "f": ["p", "q"]}
