"""Hypothesis strategies that turn good SOP files into hostile ones.

A mutated file starts as one of the good SOPs (the clean test SOP, the
bundled examples, a generated one with loops and many actors) and takes a
few mutations of the kinds seen in files mailed between units: values of
another type, nesting, sizes at and past the limits, text from every
Unicode class with control characters, references to nothing or back
into a cycle, dates at the edges of what is computed with, and bytes cut,
spliced or re-encoded after writing. ``sop_files()`` draws the bytes.
"""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import strategies as st

from soptui.corpus import generate_sop
from soptui.serialize import to_dict
from tests.core.conftest import CLEAN

ROOT = Path(__file__).resolve().parents[2]
BASES = [tomllib.loads(CLEAN)] + [tomllib.loads(path.read_text(encoding="utf-8"))
                                  for path in sorted((ROOT / "examples").glob("*.sop.toml"))]
BASES.append(to_dict(generate_sop(7, steps=24, actors=9)))

#: Dates a clerk's typo or a tool produces: the edges of the accepted range (1900-01-01 to 2999-12-31) and beyond.
EDGE_DATES = [dt.date(1, 1, 1), dt.date(1899, 12, 31), dt.date(1900, 1, 1), dt.date(2024, 2, 29),
              dt.date(2999, 12, 31), dt.date(3000, 1, 1), dt.date(9999, 12, 31),
              dt.datetime(2024, 1, 15, 8, 30), dt.datetime(2024, 1, 15, 8, 30, tzinfo=dt.timezone.utc),
              dt.time(8, 30)]
#: Characters of every class a file may carry: controls, bidi and other format characters, separators,
#: combining marks, private use, noncharacters, emoji, wide and right-to-left scripts.
SPECIAL = ("\x00\x01\x07\x08\x09\x0a\x0b\x0c\x0d\x1b\x7f\x80\x85\x9b\x9f\u00ad\u200b\u200d\u200e\u202a\u202e"
           "\u2028\u2029\u2066\u2069\ue000\ufdd0\ufeff\ufffe\uffff\U0001f600\U0001f1ee\U0001f1e9\U0010ffff"
           "\u0301\u0e33\u4e2d\u0627\u05d0[]{}\"'\\=#/.…_ ")
TEXT = st.one_of(
    st.text(alphabet=st.sampled_from(SPECIAL), max_size=12),
    st.text(st.characters(codec="utf-8"), max_size=30),
    st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Mn", "So", "Lo", "Co"]), max_size=12),
    st.sampled_from(["", " ", "...", "Nama Prosedur", "000/000/UNIT/2024", "=HYPERLINK(\"x\")", "-1+1", "@SUM(A1)",
                     "\x1b]0;PWNED\x07", "\x1b[2J", "a" * 500, "a" * 501, "kata " * 2_001]),
)
MAX_FUZZ_BYTES = 2_000_000
SIZES = st.sampled_from([1, 2, 31, 32, 33, 499, 500, 501, 9_999, 10_000, 10_001])
SCALARS = st.one_of(
    TEXT, st.integers(), st.sampled_from([0, -1, 2**63 - 1, -(2**63)]), st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(EDGE_DATES),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(TEXT, inner, max_size=3)), max_leaves=6)


def places(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key path in ``value``, the root included."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += places(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += places(item, prefix + (index,))
    return found


def _parent(data: Any, path: tuple) -> tuple[Any, Any]:
    for part in path[:-1]:
        data = data[part]
    return data, path[-1]


@st.composite
def mutation(draw, data: dict) -> None:
    """Apply one mutation to ``data`` in place."""
    paths = places(data)
    path = draw(st.sampled_from(paths))
    kind = draw(st.sampled_from(["retype", "delete", "deepen", "grow", "text", "control", "reference", "cycle",
                                 "date", "duplicate", "symbol", "add key"]))
    steps = data.get("langkah") if isinstance(data.get("langkah"), list) else []
    step_ids = [s.get("id") for s in steps if isinstance(s, dict)]
    if kind in ("reference", "cycle", "duplicate", "symbol") and steps:
        step = draw(st.sampled_from([s for s in steps if isinstance(s, dict)] or [{}]))
        key = draw(st.sampled_from(["lanjut", "ya", "tidak", "pelaksana", "id"]))
        if kind == "reference":
            step[key] = draw(st.sampled_from(["tidak-ada", "", step.get("id", "x"), *map(str, step_ids[:3])]))
        elif kind == "cycle":  # back to an earlier step, itself, or the first: loops the flow
            step[key if key != "pelaksana" else "lanjut"] = draw(st.sampled_from([i for i in step_ids if i] or ["x"]))
        elif kind == "duplicate":
            steps.append(copy.deepcopy(step))
        else:
            step["simbol"] = draw(st.sampled_from(["keputusan", "terminator", "proses", "diamond", ""]))
        return
    if not path:
        if kind == "add key":
            data[draw(TEXT)] = draw(VALUES)
        return
    parent, key = _parent(data, path)
    if kind == "delete":
        del parent[key]
    elif kind == "retype":
        parent[key] = draw(VALUES)
    elif kind == "deepen":
        value = parent[key]
        for _ in range(draw(SIZES)):
            value = [value] if draw(st.booleans()) else {"k": value}
        parent[key] = value
    elif kind == "grow":
        parent[key] = _grown(parent[key], draw(SIZES), table=path[0] if path else "")
    elif kind in ("text", "control"):
        old = parent[key] if isinstance(parent[key], str) else ""
        at = draw(st.integers(0, len(old)))
        inserted = draw(TEXT) if kind == "text" else draw(st.sampled_from(list(SPECIAL[:22])))
        parent[key] = old[:at] + inserted + old[at:]
    elif kind == "date":
        parent[key] = draw(st.sampled_from(EDGE_DATES))
    elif kind == "add key" and isinstance(parent[key], dict):
        parent[key][draw(TEXT)] = draw(VALUES)


def _grown(value: Any, size: int, table: str) -> Any:
    """``value`` at a size at or past a limit: text of ``size`` characters, a list of up to
    1,001 items (101 steps, actors or tables: past MAX_ACTORS, yet quick to lay out); a table is left."""
    if isinstance(value, str):
        return ((value or "x") * size)[:size]
    if isinstance(value, list) and value:
        nested = table in ("langkah", "pelaksana") or isinstance(value[0], (list, dict))
        count = min(size, 101 if nested else 1_001)
        return [copy.deepcopy(value[index % len(value)]) for index in range(count)]
    return value


@st.composite
def sop_files(draw) -> bytes:
    """The bytes of a good SOP after a few mutations, some of them to the bytes themselves."""
    data = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(0, 4))):
        draw(mutation(data))
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError, RecursionError):  # not TOML (a float key, a NaN date...): write the base
        text = tomli_w.dumps(draw(st.sampled_from(BASES)))
    if len(text) > MAX_FUZZ_BYTES:  # the size limit has its own test (test_limits); here it would only be slow
        text = tomli_w.dumps(draw(st.sampled_from(BASES)))
    raw = text.encode("utf-8", "surrogatepass")
    edit = draw(st.sampled_from(["none", "none", "none", "cut", "splice", "bom", "crlf", "latin1", "bytes"]))
    if edit == "cut":
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif edit == "splice":
        start = draw(st.integers(0, len(raw)))
        raw = raw[:start] + draw(st.binary(max_size=8)) + raw[draw(st.integers(start, len(raw))):]
    elif edit == "bom":
        raw = b"\xef\xbb\xbf" + raw
    elif edit == "crlf":
        raw = raw.replace(b"\n", b"\r\n")
    elif edit == "latin1":
        raw = text.encode("latin-1", "replace")
    elif edit == "bytes":
        raw = draw(st.binary(max_size=300))
    return raw
