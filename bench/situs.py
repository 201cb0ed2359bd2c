"""Benchmark of `soptui situs`: a generated library as a static site.

Run: python bench/situs.py [--count 1000] [--formats pdf,json] [--jobs 2]
(writes nothing to the repo; paste the figures into docs/benchmarks.md,
"## Static site"). Target (issue 16): 1000 SOPs without PPTX under a minute
on 2 cores. Three runs, each a whole process: the first build from nothing,
a rebuild with nothing changed (every page reused by content hash), and a
rebuild after 10 SOPs changed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from soptui.corpus import write_library


def situs(library: Path, out: Path, formats: str, jobs: int) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "soptui", "situs", str(library), "-o", str(out), "-f", formats,
                           "-j", str(jobs)], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"soptui situs failed ({done.returncode}):\n{done.stderr[-3000:]}")
    print("   ", done.stderr.strip().splitlines()[-1])
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--formats", default="pdf,json")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        library, out = Path(folder) / "pustaka", Path(folder) / "situs"
        paths = write_library(library, args.count, seed=1)
        print(f"{args.count} SOPs, downloads {args.formats} (+ svg), --jobs {args.jobs}, load {os.getloadavg()[0]:.1f}")
        first = situs(library, out, args.formats, args.jobs)
        print(f"first build: {first:.1f} s ({args.count / first:.0f} SOPs/s)")
        unchanged = situs(library, out, args.formats, args.jobs)
        print(f"nothing changed: {unchanged:.1f} s")
        for path in paths[:10]:
            path.write_text(path.read_text(encoding="utf-8").replace('nama = "', 'nama = "Revisi ', 1), encoding="utf-8")
        ten = situs(library, out, args.formats, args.jobs)
        print(f"10 changed: {ten:.1f} s")
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        print(f"site size: {size / 1e6:.0f} MB, {sum(1 for _ in out.rglob('*.html'))} pages")


if __name__ == "__main__":
    main()
