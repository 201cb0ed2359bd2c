"""Benchmark of `soptui situs`: a generated library as a static site.

Run: python bench/situs.py [--count 1000] [--formats pdf,json] [--jobs 2]
(writes nothing to the repo; prints the "## Static site" section of
docs/benchmarks.md, machine and load included). Target (issue 16): 1000
SOPs without PPTX under a minute on 2 cores. Three runs, each the whole
process a user runs: the first build from nothing, a rebuild with nothing
changed (every page reused by content hash), and a rebuild after 10 SOPs
changed. CPU is the process's and its workers' (``wait4``), which the load
of other work on the machine does not inflate as it does the wall time.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from soptui.corpus import write_library


def situs(library: Path, out: Path, formats: str, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds of one ``soptui situs``."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "soptui", "situs", str(library), "-o", str(out), "-f", formats,
                              "-j", str(jobs)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    said = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"soptui situs failed:\n{said[-3000:]}")
    print("   ", said.strip().splitlines()[-1], file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.machine())
    return f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--formats", default="pdf,json")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder:
        library, out = Path(folder) / "pustaka", Path(folder) / "situs"
        paths = write_library(library, args.count, seed=1)
        rows = [("first build, every page", *situs(library, out, args.formats, args.jobs))]
        rows.append(("rebuild, nothing changed (all hard-linked)", *situs(library, out, args.formats, args.jobs)))
        for path in paths[:10]:
            path.write_text(path.read_text(encoding="utf-8").replace('nama = "', 'nama = "Revisi ', 1), encoding="utf-8")
        rows.append(("rebuild after 10 SOPs changed", *situs(library, out, args.formats, args.jobs)))
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        pages = sum(1 for _ in out.rglob("*.html"))
    load_after = os.getloadavg()
    print(f"Command: `python bench/situs.py --count {args.count} --formats {args.formats} --jobs {args.jobs}` "
          f"(each run: `python -m soptui situs LIB -o OUT -f {args.formats} -j {args.jobs}`; SOPs from "
          f"soptui/corpus.py, 10 to 40 steps; downloads {args.formats} plus the SVG pages).")
    print(f"Machine: {machine()}. Load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after.\n")
    print("| run | wall | CPU (all processes) |")
    print("|---|---|---|")
    for what, wall, cpu in rows:
        print(f"| {what} | {wall:.1f} s ({args.count / wall:.0f} SOPs/s) | {cpu:.1f} s |")
    print(f"\nSite: {size / 1e6:.0f} MB, {pages} pages.")


if __name__ == "__main__":
    main()
