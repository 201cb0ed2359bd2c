"""Mutated SOP files never make any command raise: a finding naming the field, or a clear refusal.

Good SOPs are mutated (types, nesting, sizes at and past the limits, every
Unicode class and control characters, references to nothing and cycles,
dates at the edges, cut and re-encoded bytes: tests/core/mutations.py) and
run in process through the loader, the checker, monev, diff, the catalogue
and the editor's open and save, and a share of them through the layout,
every built-in exporter and the forms too (tests/core/everything.py). Any
exception that escapes is a bug; an exporter may refuse with a message
naming the file.

In CI the examples are few and derandomised (the same cases every run). The
long run before a release (docs/benchmarks.md, "Hostile input") takes fresh
seeds in chunks of 500 (hypothesis keeps a run's cases in memory); a chunk
that fails is reported and the next one runs, and the last line counts
cases, failing chunks and time. ``-k every_exporter`` sends every case
through every consumer (about 0.3 s a case), ``-k editor`` through the
loader, checker, monev, diff, catalogue and editor only (a tenth of that):

    SOPTUI_FUZZ_EXAMPLES=20000 nice -n 19 python -m pytest -s tests/core/test_fuzz.py -k every_exporter -p no:cacheprovider

``SOPTUI_FUZZ_FIRST_SEED`` (default 0) starts the chunks' seeds elsewhere, to
split a run over processes (10,000 from 0 and 10,000 from 20).
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

from tests.core.everything import run_heavy, run_light
from tests.core.mutations import sop_files

LONG = int(os.environ.get("SOPTUI_FUZZ_EXAMPLES", "0"))
FIRST_SEED = int(os.environ.get("SOPTUI_FUZZ_FIRST_SEED", "0"))
CHUNK = 500


def fuzz(run, examples: int) -> None:
    """``run`` each of ``examples`` mutated files in a folder of its own."""
    _cases(run, examples, chunk=None)()


def fuzz_long(run) -> None:
    """``run`` ``LONG`` mutated files, ``CHUNK`` per seed, each failing chunk reported and the rest still run."""
    started, cases, failed = time.monotonic(), [0], []
    for number in range(FIRST_SEED, FIRST_SEED + -(-LONG // CHUNK)):
        try:
            _cases(run, CHUNK, chunk=number, counted=cases)()
        except Exception:  # noqa: BLE001 - the failure is reported in full and the run goes on
            failed.append(number)
            print(f"\nseed {number} failed:\n{traceback.format_exc()}", flush=True)
        print(f"fuzz: seed {number} done, {cases[0]} cases, {time.monotonic() - started:.0f} s", flush=True)
    print(f"fuzz: {cases[0]} cases, seeds {FIRST_SEED}-{number}, {len(failed)} failing chunks {failed}, "
          f"{time.monotonic() - started:.0f} s")
    assert not failed, failed


def _cases(run, count: int, chunk: int | None, counted: list[int] | None = None):
    @settings(max_examples=count, derandomize=chunk is None, database=None, deadline=None,
              suppress_health_check=list(HealthCheck), print_blob=True)
    @given(sop_files())
    def case(data: bytes) -> None:
        if counted is not None:
            counted[0] += 1
        with tempfile.TemporaryDirectory() as folder:
            run(data, Path(folder))

    return case if chunk is None else seed(chunk)(case)


def test_any_file_survives_the_loader_checker_monev_diff_catalogue_and_editor():
    if LONG:
        fuzz_long(run_light)
    else:
        fuzz(run_light, 300)


def test_any_file_survives_the_layout_every_exporter_and_the_forms():
    if LONG:
        fuzz_long(run_heavy)
    else:
        fuzz(run_heavy, 30)
