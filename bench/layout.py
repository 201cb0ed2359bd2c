"""Benchmark of the flowchart layout engine.

Run: python bench/layout.py [--scaling [--against COMMIT] [--rounds 3] [--steps 15000]]  (prints
the figures for docs/benchmarks.md, section "## Layout"; ``--scaling`` only the CPU per step of
SOPs of 300, 1000 and 3000 steps, as many steps at each size, with ``--against`` for this tree
and another commit in child processes taking turns, so both see the same load). Target (issue 3 and the editor): a 300-step re-layout
in cell mode, as the terminal preview does it on every edit, within 30 ms.

Method: ``timeit`` of ``compute_layout`` on SOPs from
``soptui.corpus.generate_sop`` (fixed seeds), best of R repeats of N calls
each, reported per call. The SOP object is made fresh for every call so the
cached ``sop.flow`` is recomputed, as it is after an edit. Print mode is A4
landscape with DejaVu Sans metrics; cell mode is a 120-column terminal,
unpaginated.

It also measures, on 100 generated SOPs, what the routing is judged by
(``soptui.layout.quality``): the print defects of issue 13, the right-angle
crossings between different edges, the bends, and the closest clearances;
and the time of the large inputs issue 12 names (slides, as the deck lays
them out): 500 steps x 50 actors and 10,000 steps, CPU seconds of one call.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

from soptui.corpus import generate_sop
from soptui.layout import CellMetrics, PageOptions, compute_layout
from soptui.layout.options import MM

CASES = ((10, 3), (40, 6), (300, 6))
SCALING = (300, 1000, 3000)
HERE = Path(__file__).resolve().parent
MODES = {
    "print (A4 landscape)": PageOptions(),
    "cells (120 columns)": PageOptions(width=120, metrics=CellMetrics(), symbol_numbers=True),
}


def per_call_ms(steps: int, actors: int, options: PageOptions) -> tuple[float, int]:
    base = generate_sop(1, steps=steps, actors=actors)
    pages = len(compute_layout(base, options).pages)

    def run() -> None:
        compute_layout(dataclasses.replace(base), options)  # a fresh Sop: its flow is derived again

    number = 20 if steps < 100 else 5
    best = min(timeit.repeat(run, number=number, repeat=7)) / number
    return best * 1000, pages


def cpu_model() -> str:
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def quality() -> None:
    from soptui.layout.quality import measure

    print("| mode | paths | defects | crossings | bends | closest two arrows | closest arrow to a grid line |")
    print("|---|---|---|---|---|---|---|")
    for name, options in MODES.items():
        paths = defects = cross = bends = 0
        arrows = grid = None
        for seed in range(100):
            layout = compute_layout(generate_sop(seed), options)
            found = measure(layout)
            paths += sum(len(page.edges) for page in layout.pages)
            defects += found.total
            cross += found.crossings
            bends += found.bends
            arrows = found.closest_arrows if arrows is None else min(arrows, found.closest_arrows or arrows)
            grid = found.closest_grid if grid is None else min(grid, found.closest_grid or grid)
        far = "-" if options.cells else f"{arrows / MM:.1f} mm"
        near = "-" if options.cells else f"{grid / MM:.1f} mm"
        print(f"| {name} | {paths} | {defects} | {cross} | {bends} | {far} | {near} |")


def large() -> None:
    """Issue 12's inputs as the deck lays them out: CPU time of one call (the process is measured by bench/pptx.py)."""
    from _soptui_pptx.frame import page_options

    print("| input (slides) | pages | CPU of one layout |")
    print("|---|---|---|")
    for steps, actors in ((500, 50), (10_000, 8)):
        sop = generate_sop(11, steps=steps, actors=actors)
        started = time.process_time()
        layout = compute_layout(sop, page_options({}))
        print(f"| {steps} steps, {actors} actors | {len(layout.pages)} | {time.process_time() - started:.2f} s |")


def scaling_ms(total: int) -> dict[int, tuple[float, int]]:
    """CPU ms and pages of the print layouts of ``total`` steps at each size in ``SCALING`` (SOPs of 6
    actors from seeds 1, 2, ...; A4 landscape), summed: one SOP alone is one draw of how many decisions
    it has and whether a page lacks room and the layout is tried again, which moves its figure more
    than its size does, so every size is measured over as many steps."""
    compute_layout(generate_sop(1, steps=10, actors=6), PageOptions())  # once-per-process costs (hyphenation)
    found = {}
    for steps in SCALING:
        spent, pages = 0.0, 0
        for seed in range(1, max(total // steps, 1) + 1):
            sop = generate_sop(seed, steps=steps, actors=6)
            started = time.process_time()
            pages += len(compute_layout(sop, PageOptions()).pages)
            spent += time.process_time() - started
        found[steps] = (spent * 1000, pages)
    return found


def scaling_in_child(env: dict[str, str], folder: Path, total: int) -> dict[int, tuple[float, int]]:
    """:func:`scaling_ms` in a fresh process whose ``soptui`` is the one ``env`` puts first (run in
    ``folder``: ``python -c`` puts its working directory first, and the repository's would win)."""
    code = f"import sys, json; sys.path.insert(0, {str(HERE)!r}); import layout; print(json.dumps(layout.scaling_ms({total})))"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                          cwd=folder)
    return {int(steps): (ms, pages) for steps, (ms, pages) in json.loads(done.stdout.splitlines()[-1]).items()}


def scaling(against: str | None, rounds: int, total: int) -> None:
    """CPU per step at each size, best of ``rounds`` (child processes taking turns when ``against`` is given):
    the same at every size when the layout is linear; the exponent is that of the time from 300 to 3000 steps."""
    sys.path.insert(0, str(HERE))
    from measure import load, machine
    from startup import checkout, environment, tree_named

    print(f"Machine: {machine()}. Load average before: {load()}. This tree: {tree_named()}.")
    with tempfile.TemporaryDirectory() as folder:
        trees = {"this tree": environment(Path(folder) / "bytecode")}
        if against:
            (Path(folder) / "against").mkdir()
            trees[against] = environment(Path(folder) / "bytecode-against", checkout(against, Path(folder) / "against"))
        best: dict[str, dict[int, tuple[float, int]]] = {tree: {} for tree in trees}
        for _ in range(rounds):
            for tree, env in trees.items():
                for steps, (ms, pages) in scaling_in_child(env, Path(folder), total).items():
                    best[tree][steps] = min(best[tree].get(steps, (ms, pages)), (ms, pages))
    per_step = {tree: {steps: ms / steps / max(total // steps, 1) for steps, (ms, _) in found.items()}
                for tree, found in best.items()}
    print()
    print(f"| steps of each SOP (6 actors, A4 landscape; {total} steps in all) | SOPs | pages | "
          f"{' | '.join(f'{tree}: CPU, per step' for tree in trees)} |")
    print(f"|---|---|---|{'---|' * len(trees)}")
    for steps in SCALING:
        cells = [f"{best[tree][steps][0]:.0f} ms, {per_step[tree][steps]:.3f} ms" for tree in trees]
        print(f"| {steps} | {max(total // steps, 1)} | {best['this tree'][steps][1]} | {' | '.join(cells)} |")
    low, high = SCALING[0], SCALING[-1]
    for tree in trees:
        ratio = per_step[tree][high] / per_step[tree][low]
        print(f"{tree}: the time of one SOP grows as steps^{1 + math.log(ratio) / math.log(high / low):.2f} "
              f"from {low} to {high} steps (per step at {high} / at {low}: {ratio:.2f}).")
    print(f"Load average after: {load()}.")


def main() -> None:
    print(f"machine: {os.cpu_count()} cores (nproc), {cpu_model()}, Python {platform.python_version()}")
    print("| steps, actors | mode | pages | best per call |")
    print("|---|---|---|---|")
    for steps, actors in CASES:
        for name, options in MODES.items():
            ms, pages = per_call_ms(steps, actors, options)
            print(f"| {steps}, {actors} | {name} | {pages} | {ms:.2f} ms |")
    print()
    quality()
    print()
    large()
    print()
    scaling(None, 1, 15_000)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scaling", action="store_true", help="only the CPU per step at 300, 1000 and 3000 steps")
    parser.add_argument("--against", metavar="COMMIT", help="with --scaling: also this commit, taking turns")
    parser.add_argument("--rounds", type=int, default=3, help="with --scaling: the best of this many runs")
    parser.add_argument("--steps", type=int, default=15_000, help="with --scaling: steps laid out at each size "
                        "(SOPs of generate_sop seeds 1, 2, ...)")
    args = parser.parse_args()
    scaling(args.against, args.rounds, args.steps) if args.scaling else main()
