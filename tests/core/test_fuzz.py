"""Mutated files never make loading or checking raise: findings or a clean load."""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soptui.checks import check_loaded
from soptui.loader import load_bytes
from tests.core.conftest import CLEAN

BASE = tomllib.loads(CLEAN)
ODD_VALUES = st.one_of(st.none(), st.integers(), st.text(max_size=20), st.booleans(), st.floats(allow_nan=False),
                       st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, prefix + (index,))


ALL_PATHS = [p for p in paths(BASE) if p]


def mutate(data, path, action, value):
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    if action == "delete":
        del parent[key]
    elif action == "retype" and value is not None:
        parent[key] = value
    elif action == "reference":
        parent[key] = "tidak-ada"
    return data


def check_never_raises(data: bytes):
    loaded = load_bytes(data, Path("fuzz.sop.toml"))
    findings = check_loaded(loaded)
    for finding in findings:
        assert finding.format_line()
        assert finding.message("en")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), st.sampled_from(["delete", "retype", "reference"]), ODD_VALUES), max_size=4))
def test_mutated_files_load_and_check_without_raising(mutations):
    import copy

    data = copy.deepcopy(BASE)
    for path, action, value in mutations:
        try:
            data = mutate(data, path, action, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed the place
    try:
        text = tomli_w.dumps(data)
    except TypeError:
        return  # not representable in TOML (e.g. None)
    check_never_raises(text.encode())


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=len(CLEAN)), st.integers(min_value=0, max_value=len(CLEAN)))
def test_cut_or_spliced_text_never_raises(start, end):
    check_never_raises((CLEAN[:start] + CLEAN[end:]).encode())


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_raise(data):
    check_never_raises(data)
