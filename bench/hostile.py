"""Benchmark of the limits (soptui/limits.py) as a user meets them: the largest files soptui reads, and the
hostile ones it refuses, each the whole process a user runs.

Run: python bench/hostile.py [--runs 3]   (writes nothing to the repo; prints the "Limits" part of the
"## Hostile input" section of docs/benchmarks.md, machine and load included, to paste).

Inputs, generated into a temporary folder: the most steps allowed (10,000, generated text), a file just
under the 16 MiB size limit made of running text at its 10,000-character limit (1,600 steps), and refused
ones: a file over the size limit, arrays nested 100,000 deep, and 1,000 strings holding an escape sequence
(20 findings printed, then how many more). Each is checked (``soptui check``) and the accepted ones exported
to JSON (``soptui export -f json``); refused files exit 1, which is counted as done. Median of ``--runs``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import load, machine, medians, run  # noqa: E402

from soptui.corpus import generate_sop  # noqa: E402
from soptui.limits import MAX_FILE_BYTES, MAX_TEXT  # noqa: E402
from soptui.store import render  # noqa: E402


def inputs(folder: Path) -> dict[str, tuple[Path, bool]]:
    """name -> (file, read by soptui)."""
    made = {}
    most = render(generate_sop(3, steps=10_000, actors=8), None)
    made["10,000 steps (the most allowed)"] = (_write(folder / "langkah.sop.toml", most), True)
    sop = generate_sop(4, steps=1_600, actors=8)
    text = ("kegiatan panjang " * 700)[:MAX_TEXT]
    sop = dataclasses.replace(sop, langkah=tuple(dataclasses.replace(s, kegiatan=text) for s in sop.langkah))
    big = render(sop, None)
    assert len(big) < MAX_FILE_BYTES, len(big)
    made[f"{len(big) / 2**20:.1f} MiB of 10,000-character texts"] = (_write(folder / "besar.sop.toml", big), True)
    made["17 MiB (over the size limit)"] = (_write(folder / "lebih.sop.toml", big + b"#" * (MAX_FILE_BYTES + 2**20 - len(big))), False)
    made["arrays nested 100,000 deep"] = (_write(folder / "dalam.sop.toml", most + b"\nx = " + b"[" * 100_000 + b"]" * 100_000 + b"\n"), False)
    escapes = most.replace(b'output = "', b'output = "\\u001b[2J', 1_000)
    made["1,000 escape sequences"] = (_write(folder / "escape.sop.toml", escapes), False)
    return made


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        rows = []
        for label, (path, read) in inputs(folder).items():
            commands = {"check": ["check", str(path)]}
            if read:
                commands["export -f json"] = ["export", str(path), "-f", "json", "-o", str(folder / "out"), "--force"]
            for what, args in commands.items():
                shell = ["sh", "-c", '"$0" -m soptui "$@" >/dev/null 2>&1; exit 0', sys.executable, *args]
                measured = medians([run(shell) for _ in range(runs)])
                rows.append((label, f"{path.stat().st_size / 2**20:.1f}", what, measured))
    print(f"Limits: {machine()}, load {load()}, median of {runs} runs, whole process (start-up included).\n")
    print("| input | MiB | command | wall | CPU | peak memory |")
    print("|---|---|---|---|---|---|")
    for label, size, what, m in rows:
        print(f"| {label} | {size} | `soptui {what}` | {m.wall:.2f} s | {m.cpu:.2f} s | {m.peak_mib:.0f} MiB |")


if __name__ == "__main__":
    main()
