"""Mutated SOP files never make any command raise: a finding naming the field, or a clear refusal.

Good SOPs are mutated (types, nesting, sizes at and past the limits, every
Unicode class and control characters, references to nothing and cycles,
dates at the edges, cut and re-encoded bytes: tests/core/mutations.py) and
run in process through the loader, the checker, monev, diff and the
catalogue, and a share of them through the layout, every built-in exporter
and the forms too (tests/core/everything.py). Any exception that escapes is
a bug; an exporter may refuse with a message naming the file.

In CI the examples are few and derandomised (the same cases every run). The
long run before a release (docs/benchmarks.md, "Hostile input") takes fresh
seeds, in chunks, since hypothesis keeps a run's cases in memory:

    SOPTUI_FUZZ_EXAMPLES=20000 python -m pytest tests/core/test_fuzz.py -p no:cacheprovider
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

from tests.core.everything import run_heavy, run_light
from tests.core.mutations import sop_files

LONG = int(os.environ.get("SOPTUI_FUZZ_EXAMPLES", "0"))
CHUNK = 500


def fuzz(run, examples: int) -> None:
    """``run`` each of ``examples`` mutated files in a folder of its own (``LONG`` files when set)."""
    chunks = [(number, CHUNK) for number in range(-(-LONG // CHUNK))] if LONG else [(None, examples)]
    for number, count in chunks:
        @settings(max_examples=count, derandomize=number is None, database=None, deadline=None,
                  suppress_health_check=list(HealthCheck), print_blob=True)
        @given(sop_files())
        def case(data: bytes) -> None:
            with tempfile.TemporaryDirectory() as folder:
                run(data, Path(folder))

        (case if number is None else seed(number)(case))()


def test_any_file_survives_the_loader_checker_monev_diff_and_catalogue():
    fuzz(run_light, 300)


def test_any_file_survives_the_layout_every_exporter_and_the_forms():
    fuzz(run_heavy, 30)
