"""Benchmark of the PPTX exporter, as a user runs it: ``soptui export FILE -f pptx``.

Run: python bench/pptx.py [--runs 5]   (writes nothing to the repo; prints the
"## PPTX" section of docs/benchmarks.md, machine and load included, to paste).

Each figure is the whole process (start-up, plugin loading, the check, the
layout, the deck written to disk), measured with ``wait4`` on the child:
wall time, CPU (user + system) and peak resident memory. Inputs are
generated SOPs written to TOML first: the examples' sizes (10 steps x 4
actors, 40 x 6), the sizes of issue 12 (500 steps x 50 actors, 10,000 steps
x 8) and a 40-step SOP whose branch label is as long as the loader takes
(500 characters, docs/format.md; issue 12 measured 100,000 before that limit). Goals
(issues 6 and 12): 150 ms for 10 steps, 500 ms for 40, and under 5 s and
500 MiB for each of the large ones. Median of ``--runs`` runs after one
warm-up run (the large ones: median of 3).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

# This file is called pptx.py: keep its folder off the path, or it hides python-pptx.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from soptui.corpus import generate_sop  # noqa: E402
from soptui.store import render  # noqa: E402

LONG_LABEL = ("persyaratan " * 42)[:500]  # the loader refuses a longer label (S015)


def cases() -> list[tuple[str, object, str]]:
    """(what, SOP, goal)."""
    labelled = generate_sop(11, steps=40, actors=6)
    steps = list(labelled.langkah)
    index = next(i for i, step in enumerate(steps) if step.tidak)
    steps[index] = dataclasses.replace(steps[index], label_tidak=LONG_LABEL)
    return [
        ("10 steps, 4 actors", generate_sop(11, steps=10, actors=4), "150 ms"),
        ("40 steps, 6 actors", generate_sop(11, steps=40, actors=6), "500 ms"),
        ("40 steps, a 500-character branch label", dataclasses.replace(labelled, langkah=tuple(steps)),
         "5 s, 500 MiB"),
        ("500 steps, 50 actors", generate_sop(11, steps=500, actors=50), "5 s, 500 MiB"),
        ("10,000 steps, 8 actors", generate_sop(11, steps=10_000, actors=8), "5 s, 500 MiB"),
    ]


def run(path: Path, out: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MiB of one ``soptui export``."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "soptui", "export", str(path), "-f", "pptx", "-o", str(out),
                              "--force"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"soptui export {path} failed ({child.returncode}):\n{child.stderr.read().decode()[-2000:]}")
    child.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    return (f"{os.cpu_count()} cores ({model}), {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, python-pptx {version('python-pptx')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    load_before = os.getloadavg()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for what, sop, goal in cases():
            path = Path(folder) / "sop.sop.toml"
            path.write_bytes(render(sop, None))
            out = Path(folder) / "out"
            run(path, out)  # warm-up: file caches, bytecode
            runs = args.runs if len(sop.langkah) <= 40 and "label" not in what else 3
            figures = [run(path, out) for _ in range(runs)]
            deck = out / "sop.pptx"
            rows.append((what, goal, *(statistics.median(f[i] for f in figures) for i in range(3)),
                         deck.stat().st_size / 1e6))
            print(f"{what}: done", file=sys.stderr)
    load_after = os.getloadavg()
    print("Command: `python bench/pptx.py` (each run: `python -m soptui export FILE -f pptx -o OUT --force`).")
    print(f"Machine: {machine()}. Load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after.\n")
    print("| input | goal | wall (median) | CPU | peak memory | deck |")
    print("|---|---|---|---|---|---|")
    for what, goal, wall, cpu, memory, size in rows:
        print(f"| {what} | {goal} | {wall:.2f} s | {cpu:.2f} s | {memory:.0f} MiB | {size:.1f} MB |")


if __name__ == "__main__":
    main()
