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

It also counts, on 100 generated SOPs, what the routing is judged by: the
right-angle crossings between different edges, and the branch labels that
touch an arrow.
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


def crossings(page) -> int:
    """Pairs of a horizontal and a vertical segment of different edges that cross."""
    horizontal, vertical = [], []
    for index, edge in enumerate(page.edges):
        for (ax, ay), (bx, by) in zip(edge.points, edge.points[1:]):
            if ay == by:
                horizontal.append((index, ay, min(ax, bx), max(ax, bx)))
            else:
                vertical.append((index, ax, min(ay, by), max(ay, by)))
    return sum(1 for i, y, x0, x1 in horizontal for j, x, y0, y1 in vertical
               if i != j and x0 < x < x1 and y0 < y < y1)


def labels_on_arrows(page) -> int:
    """Labels whose box an edge segment passes through."""
    segments = [(a, b) for edge in page.edges for a, b in zip(edge.points, edge.points[1:])]

    def touches(box, a, b) -> bool:
        (x0, x1), (y0, y1) = sorted((a[0], b[0])), sorted((a[1], b[1]))
        across = box.x < x0 < box.right if x0 == x1 else x0 < box.right and x1 > box.x
        down = box.y < y0 < box.bottom if y0 == y1 else y0 < box.bottom and y1 > box.y
        return across and down

    return sum(any(touches(e.label.box, a, b) for a, b in segments) for e in page.edges if e.label)


def quality() -> None:
    print("| mode | paths | crossings | labels | labels touching an arrow |")
    print("|---|---|---|---|---|")
    for name, options in MODES.items():
        paths = cross = labels = touching = 0
        for seed in range(100):
            for page in compute_layout(generate_sop(seed), options).pages:
                paths += len(page.edges)
                cross += crossings(page)
                labels += sum(1 for edge in page.edges if edge.label)
                touching += labels_on_arrows(page)
        print(f"| {name} | {paths} | {cross} | {labels} | {touching} |")


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


if __name__ == "__main__":
    main()
