"""Benchmark of the PPTX exporter, as a user runs it: ``soptui export FILE -f pptx``.

Run: python bench/pptx.py [--runs 5] [--against COMMIT] [--quick]   (writes nothing
to the repo; prints the tables of the "## PPTX" section of docs/benchmarks.md,
machine, load and command included).

Each figure of the first table is the whole process (start-up, plugin loading,
the worker that loads, checks and lays out the SOP and writes the deck, the
parent that saves it), measured by bench/measure.py: wall, CPU of every
process, peak memory of them together. Inputs are generated SOPs written to
TOML first: the examples' sizes (10 steps x 4 actors, 40 x 6), a 40-step SOP
whose branch label is as long as the loader takes (500 characters,
docs/format.md), 100, 1000, 3000 and 10,000 steps x 8 actors (is it linear?)
and 500 steps x 50 actors (issue 12). Goals (issues 6 and 12): 150 ms for 10
steps, 500 ms for 40, under 5 s and 500 MiB for each large one. Median of
``--runs`` runs after one warm-up (3 for 1000 steps and more). With
``--against``, that commit's tree (``git archive``) runs the same inputs in
the same rounds, interleaved.

The second table splits one run in process, per tree: CPU of loading the
TOML, of the layout (soptui/layout, shared with the PDF) and of the deck
itself (``write``: drawing, zipping), each per step, so it says which part
grows and which one misses the goal. ``--quick``: up to 1000 steps only.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

# This file is called pptx.py: its folder goes last on the path, so python-pptx is still found first.
HERE = Path(__file__).resolve().parent
sys.path = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(HERE)]

from measure import Measured, load, machine, medians, run  # noqa: E402
from startup import checkout, environment, tree_named  # noqa: E402

from soptui.corpus import generate_sop  # noqa: E402
from soptui.store import render  # noqa: E402

LONG_LABEL = ("persyaratan " * 42)[:500]  # the loader refuses a longer label (S015)
LARGE = "5 s, 500 MiB"

#: In a child process with a tree's environment: CPU seconds of load, layout and deck, as JSON.
SPLIT = """
import io, json, sys, time
from soptui.exporters import ExportInput
from soptui.layout import compute_layout
from soptui.loader import load
from soptui.plugins import get_plugins
exporter = get_plugins().exporter("pptx")
import _soptui_pptx.deck  # its imports are start-up, not the deck
clock = time.process_time
started = clock()
loaded = load(sys.argv[1])
loading = clock() - started
started = clock()
layout = compute_layout(loaded.sop, exporter.page_options({}))
laying = clock() - started
started = clock()
slides = exporter.write(ExportInput(loaded.sop, loaded.path, "0" * 64, layout), io.BytesIO(), {})
print(json.dumps([loading, laying, clock() - started, slides]))
"""


def cases(quick: bool) -> list[tuple[str, object, str]]:
    """(what, SOP, goal)."""
    labelled = generate_sop(11, steps=40, actors=6)
    steps = list(labelled.langkah)
    index = next(i for i, step in enumerate(steps) if step.tidak)
    steps[index] = dataclasses.replace(steps[index], label_tidak=LONG_LABEL)
    sizes = (100, 1000) if quick else (100, 1000, 3000, 10_000)
    return [
        ("10 steps, 4 actors", generate_sop(11, steps=10, actors=4), "150 ms"),
        ("40 steps, 6 actors", generate_sop(11, steps=40, actors=6), "500 ms"),
        ("40 steps, a 500-character branch label", dataclasses.replace(labelled, langkah=tuple(steps)), LARGE),
        *((f"{n:,} steps, 8 actors", generate_sop(11, steps=n, actors=8), LARGE if n == 10_000 else "linear")
          for n in sizes),
        ("500 steps, 50 actors", generate_sop(11, steps=500, actors=50), LARGE),
    ]


def export(path: Path, out: Path, env: dict[str, str]) -> Measured:
    """One whole export, run in the temporary folder: ``-m`` puts the working directory ahead of PYTHONPATH."""
    return run([sys.executable, "-m", "soptui", "export", str(path), "-f", "pptx", "-o", str(out), "--force"],
               env=env, cwd=path.parent)


def split(path: Path, env: dict[str, str]) -> list[float]:
    done = subprocess.run([sys.executable, "-c", SPLIT, str(path)], env=env, cwd=path.parent, capture_output=True,
                          text=True)
    if done.returncode != 0:
        raise SystemExit(f"in-process run of {path} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", metavar="COMMIT", help="also run this commit's soptui, interleaved")
    parser.add_argument("--quick", action="store_true", help="up to 1000 steps")
    args = parser.parse_args()
    load_before = load()
    whole: list[tuple[str, str, int, list[Measured], float]] = []
    parts: list[tuple[str, int, list[list[float]]]] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        trees = {"this tree": environment(folder / "bytecode")}
        if args.against:
            (folder / "against").mkdir()
            trees[args.against] = environment(folder / "bytecode-against", checkout(args.against, folder / "against"))
        for what, sop, goal in cases(args.quick):
            path = folder / "sop.sop.toml"
            path.write_bytes(render(sop, None))
            out = folder / "out"
            runs = args.runs if len(sop.langkah) < 1000 else 3
            samples: dict[str, list[Measured]] = {tree: [] for tree in trees}
            for round_ in range(runs + 1):  # the first round is a warm-up: bytecode, file caches
                for tree, env in trees.items():
                    measured = export(path, out, env)
                    if round_:
                        samples[tree].append(measured)
            whole.append((what, goal, len(sop.langkah), [medians(samples[tree]) for tree in trees],
                          (out / "sop.pptx").stat().st_size / 1e6))
            if len(sop.langkah) >= 100 and "label" not in what:
                parts.append((what, len(sop.langkah), [split(path, env) for env in trees.values()]))
            print(f"{what}: done", file=sys.stderr)
    report(args, list(trees), whole, parts, load_before)


def report(args, trees: list[str], whole, parts, load_before: str) -> None:
    command = "python bench/pptx.py" + (f" --runs {args.runs}" if args.runs != 5 else "")
    command += f" --against {args.against}" if args.against else ""
    print(f"Command: `{command}` (each run: `python -m soptui export FILE -f pptx -o OUT --force`). "
          f"This tree: {tree_named()}.")
    print(f"Machine: {machine()}, python-pptx {version('python-pptx')}. Load average (1, 5, 15 min) "
          f"{load_before} before, {load()} after.\n")
    print("Whole process (median): wall / CPU of every process / peak memory; CPU per step.\n")
    print("| input | goal | " + " | ".join(trees) + " | deck |")
    print("|---|---|" + "---|" * len(trees) + "---|")
    for what, goal, steps, figures, size in whole:
        cells = [f"{m.wall:.2f} s / {m.cpu:.2f} s / {m.peak_mib:.0f} MiB; {m.cpu / steps * 1000:.2f} ms" for m in figures]
        print(f"| {what} | {goal} | " + " | ".join(cells) + f" | {size:.1f} MB |")
    print("\nIn process, one run per tree: CPU of loading the TOML / the layout / the deck (`write`), "
          "and each per step.\n")
    print("| input | " + " | ".join(trees) + " |")
    print("|---|" + "---|" * len(trees))
    for what, steps, figures in parts:
        cells = [f"{a:.2f} / {b:.2f} / {c:.2f} s; {a / steps * 1000:.2f} / {b / steps * 1000:.2f} / "
                 f"{c / steps * 1000:.2f} ms, {slides} slides" for a, b, c, slides in figures]
        print(f"| {what} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
