"""Benchmark of the flowchart layout engine.

Run: python bench/layout.py   (prints the figures for docs/benchmarks.md,
section "## Layout"). Target (issue 3 and the editor): a 300-step re-layout
in cell mode, as the terminal preview does it on every edit, within 30 ms.

Method: ``timeit`` of ``compute_layout`` on SOPs from
``soptui.corpus.generate_sop`` (fixed seeds), best of R repeats of N calls
each, reported per call. The SOP object is made fresh for every call so the
cached ``sop.flow`` is recomputed, as it is after an edit. Print mode is A4
landscape with DejaVu Sans metrics; cell mode is a 120-column terminal,
unpaginated.
"""

from __future__ import annotations

import dataclasses
import os
import platform
import timeit

from soptui.corpus import generate_sop
from soptui.layout import CellMetrics, PageOptions, compute_layout

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


def main() -> None:
    print(f"machine: {os.cpu_count()} cores (nproc), {cpu_model()}, Python {platform.python_version()}")
    print("| steps, actors | mode | pages | best per call |")
    print("|---|---|---|---|")
    for steps, actors in CASES:
        for name, options in MODES.items():
            ms, pages = per_call_ms(steps, actors, options)
            print(f"| {steps}, {actors} | {name} | {pages} | {ms:.2f} ms |")


if __name__ == "__main__":
    main()
