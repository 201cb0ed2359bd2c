"""Benchmarks of batch export: `soptui export` over 1000 generated SOPs.

Run: python bench/export.py [--count 1000] [--formats json,pdf]   (writes
nothing to the repo; paste the figures into docs/benchmarks.md, "## Export").
Targets (issue 4), with --jobs 2 on the 2-core machine: JSON 1000 SOPs/s,
PDF 100 SOPs/s. Each run is a whole process (start-up, plugin loading,
planning, the pool, writing every file), into a fresh output folder.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from soptui.corpus import write_library

CPU_SECONDS: list[float] = []  # user + system time of each run, its worker processes included


def soptui(*args: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "soptui", *args], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_SECONDS.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"soptui {' '.join(args)} failed ({done.returncode}):\n{done.stdout[:2000]}\n{done.stderr[-2000:]}")
    return seconds


def batch(library: Path, fmt: str, jobs: int, runs: int, count: int) -> list[float]:
    times = []
    CPU_SECONDS.clear()
    for run in range(runs):
        with tempfile.TemporaryDirectory() as out:
            times.append(soptui("export", str(library), "-f", fmt, "-o", out, "--jobs", str(jobs)))
            if run == 0:
                written = sum(1 for _ in Path(out).rglob(f"*.{fmt}"))
                assert written == count, f"{written} files written, {count} expected"
    return times


def rerun_skipping(library: Path, fmt: str) -> float:
    with tempfile.TemporaryDirectory() as out:
        soptui("export", str(library), "-f", fmt, "-o", out)
        return soptui("export", str(library), "-f", fmt, "-o", out)


def start_up(example: Path, runs: int = 10) -> tuple[float, float]:
    """Best whole-process time of exporting one small SOP, and of `import soptui.cli` alone."""
    with tempfile.TemporaryDirectory() as out:
        export = min(soptui("export", str(example), "-f", "json", "-o", out, "--force") for _ in range(runs))
    imports = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import soptui.cli"], check=True)
        imports.append(time.perf_counter() - started)
    return export, min(imports)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--formats", default="json,pdf")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in __import__('os').getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "sop"
        write_library(library, options.count, seed=1)
        for fmt in options.formats.split(","):
            for jobs in (1, 2):
                times = batch(library, fmt, jobs, options.runs, options.count)
                best, median = min(times), statistics.median(times)
                cpu = min(CPU_SECONDS) / options.count
                print(f"{fmt:5} --jobs {jobs}: best {best:.2f} s ({options.count / best:.0f} SOPs/s), "
                      f"median {median:.2f} s ({options.count / median:.0f} SOPs/s), {len(times)} runs; "
                      f"CPU {cpu * 1000:.2f} ms per SOP (on 2 idle cores: {2 / cpu:.0f} SOPs/s at most)")
            print(f"{fmt:5} re-run, every output up to date: {rerun_skipping(library, fmt):.2f} s")
        example = Path(__file__).resolve().parent.parent / "examples" / "surat-masuk.sop.toml"
        export, imports = start_up(example)
        print(f"start-up: `soptui export` of one SOP to JSON {export * 1000:.0f} ms (whole process, best of 10); "
              f"`import soptui.cli` {imports * 1000:.0f} ms")


if __name__ == "__main__":
    main()
