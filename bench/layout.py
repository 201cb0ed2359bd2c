"""Benchmark of the flowchart layout engine.

Run: python bench/layout.py [--scaling]  (prints the figures for docs/benchmarks.md,
section "## Layout"; ``--scaling`` only the CPU per step at 300, 1000 and 3000 steps). Target (issue 3 and the editor): a 300-step re-layout
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

import dataclasses
import os
import platform
import sys
import time
import timeit

from soptui.corpus import generate_sop
from soptui.layout import CellMetrics, PageOptions, compute_layout
from soptui.layout.options import MM

CASES = ((10, 3), (40, 6), (300, 6))
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


def scaling() -> None:
    """CPU of one print layout at 300, 1000 and 3000 steps, per step: the same when the layout is linear."""
    print("| steps (6 actors, A4 landscape) | pages | CPU of one layout | per step |")
    print("|---|---|---|---|")
    compute_layout(generate_sop(1, steps=10, actors=6), PageOptions())  # once-per-process costs (hyphenation)
    for steps in (300, 1000, 3000):
        sop = generate_sop(1, steps=steps, actors=6)
        started = time.process_time()
        layout = compute_layout(sop, PageOptions())
        spent = time.process_time() - started
        print(f"| {steps} | {len(layout.pages)} | {spent * 1000:.0f} ms | {spent * 1000 / steps:.2f} ms |")


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
    scaling()


if __name__ == "__main__":
    scaling() if "--scaling" in sys.argv[1:] else main()
