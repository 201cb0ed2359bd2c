"""Benchmark of the PPTX exporter: one deck for a 10-step and a 40-step SOP.

Run: python bench/pptx.py   (writes nothing; paste the figures into the
"## PPTX" section of docs/benchmarks.md). Targets (issue 6): within 150 ms
for a 10-step SOP, 500 ms for 40 steps. Timed as the host runs an export:
the layout for the exporter's page options, then ``write`` into memory.
Each figure is the best and the median of 20 runs after one warm-up run
(which pays for imports and the font data).
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

# This file is called pptx.py: keep its folder off the path, or it hides python-pptx.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import soptui_pptx  # noqa: E402
from soptui.corpus import generate_sop  # noqa: E402
from soptui.exporters import ExportInput  # noqa: E402
from soptui.layout import compute_layout  # noqa: E402
from soptui.plugins import load_plugins  # noqa: E402


def export_once(exporter, sop) -> tuple[float, int, int]:
    """Seconds taken, slides in the deck, flowchart slides among them."""
    started = time.perf_counter()
    options = {option.name: option.default for option in exporter.options}
    layout = compute_layout(sop, exporter.page_options(options)) if exporter.page_options else None
    slides = exporter.write(ExportInput(sop, None, "0" * 64, layout), io.BytesIO(), options)
    return time.perf_counter() - started, slides, len(layout.pages) if layout else 0


def measure(steps: int, actors: int, runs: int = 20) -> tuple[float, float, int, int]:
    """Best and median seconds, slides and flowchart slides."""
    exporter = load_plugins(entry_points=False, extra=[("pptx", soptui_pptx)], warn=None).exporter("pptx")
    sop = generate_sop(11, steps=steps, actors=actors)
    _, slides, flowchart = export_once(exporter, sop)
    times = [export_once(exporter, sop)[0] for _ in range(runs)]
    return min(times), statistics.median(times), slides, flowchart


if __name__ == "__main__":
    for steps, actors, target in ((10, 4, 150), (40, 6, 500)):
        best, median, slides, flowchart = measure(steps, actors)
        print(f"{steps} steps, {actors} actors: {slides} slides ({flowchart} flowchart): best {best * 1000:.0f} ms, "
              f"median {median * 1000:.0f} ms (target {target} ms)")
