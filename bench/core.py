"""Benchmarks of the core: `soptui check` over a library, loading a big SOP.

Run: python bench/core.py   (writes nothing; paste the figures into
docs/benchmarks.md). Targets (issue 2): check 1000 SOPs within 2 s on the
2-core machine; load a 500-step SOP within 20 ms.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

from soptui.corpus import generate_sop, write_library
from soptui.loader import load_bytes
from soptui.store import render


def check_library(count: int = 1000, runs: int = 5) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        write_library(folder, count, seed=1)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "soptui", "check", folder], capture_output=True)
            times.append(time.perf_counter() - started)
            assert done.returncode == 0, done.stdout[-500:]
        return times


def load_big(steps: int = 500, number: int = 20) -> float:
    data = render(generate_sop(5, steps=steps, actors=6), None)
    return min(timeit.repeat(lambda: load_bytes(data, Path("big.sop.toml")), number=1, repeat=number))


if __name__ == "__main__":
    times = check_library()
    print(f"soptui check, 1000 SOPs (whole process, {len(times)} runs): best {min(times):.2f} s, median {statistics.median(times):.2f} s")
    print(f"load a 500-step SOP (tomllib + model, best of 20): {load_big() * 1000:.1f} ms")
