"""Start-up of the commands people run on one file, against the interpreter and an earlier soptui.

Run: python bench/startup.py [--runs 15] [--against COMMIT] [--library 1000,3000]
(writes nothing to the repo; prints the "## Start-up" table of docs/benchmarks.md
with the machine, its load before and after, and the commands).

Every figure is a whole process as a user or a pre-commit hook runs it
(``python -m soptui ...``: interpreter, imports, plugin discovery, the work),
measured by bench/measure.py (wall; CPU and memory of every process it
starts). The peers run in the same rounds on the same file, interleaved
(one of each per round) so that load drifting during the run hits all
alike: ``python -c pass`` (the interpreter's own floor) and, with
``--against``, the same commands from another commit (``git archive`` into
a temporary folder, put first on ``PYTHONPATH``). On a shared machine the
ratios are the figures to trust; the absolute ones grow with the load.

Python's bytecode is cached (in a temporary ``PYTHONPYCACHEPREFIX``, even
where ``PYTHONDONTWRITEBYTECODE`` is set, as on the team's machine) and the
first round is a warm-up: an installed wheel has its bytecode, and compiling
soptui's sources on every start would add about 0.2 s that no user pays.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Measured, load, machine, medians, run  # noqa: E402

from soptui.corpus import generate_sop, write_library  # noqa: E402
from soptui.store import render as toml_of  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def commands(source: Path, out: Path, libraries: dict[int, Path]) -> dict[str, list[str]]:
    soptui = [sys.executable, "-m", "soptui"]
    export = [*soptui, "export", str(source), "-o", str(out), "--force", "-f"]
    checks = {f"`soptui check LIBRARY` of {count} SOPs": [*soptui, "check", str(folder)]
              for count, folder in libraries.items()}
    return {
        "`python -c pass` (the floor)": [sys.executable, "-c", "pass"],
        "`soptui check ONE`": [*soptui, "check", str(source)],
        "`soptui export ONE -f json`": [*export, "json"],
        "`soptui export ONE -f pdf -O arsip=false`": [*export, "pdf", "-O", "arsip=false"],
        "`soptui export ONE -f pdf` (PDF/A-3b, the default)": [*export, "pdf"],
        **checks,
    }


def environment(bytecode: Path, tree: Path | None = None) -> dict[str, str]:
    """The environment of a run: bytecode cached under ``bytecode``; ``tree``'s soptui when given."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    if tree is not None:
        env["PYTHONPATH"] = f"{tree}{os.pathsep}{tree / 'plugins'}"
    return env


def checkout(commit: str, folder: Path) -> Path:
    """``commit``'s tree (soptui and its built-in plugins) in ``folder``."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", commit], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def tree_named() -> str:
    """Which soptui "this tree" is: the folder it is imported from, and its commit when it is this repository."""
    import soptui

    folder = Path(soptui.__file__).resolve().parents[1]
    here = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip()
    if folder != REPO or not here:
        return str(folder)
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return f"{here}{' with uncommitted changes' if dirty else ''}"


def cell(m: Measured) -> str:
    return f"{m.wall * 1000:.0f} / {m.cpu * 1000:.0f} ms, {m.peak_mib:.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--against", metavar="COMMIT", help="also run this commit's soptui, interleaved")
    parser.add_argument("--library", default="1000", help="sizes of the generated libraries checked whole "
                        "(write_library, seed 1; comma-separated, empty for none)")
    args = parser.parse_args()
    print(f"Machine: {machine()}. Load average before: {load()}.")
    print(f"This tree: {tree_named()}. Median of {args.runs} interleaved rounds after one warm-up round; "
          "wall / CPU of every process, their peak memory.")
    print()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        source = folder / "langkah8.sop.toml"
        source.write_bytes(toml_of(generate_sop(11, steps=8, actors=3), None))
        libraries = {int(count): folder / f"library{count}" for count in args.library.split(",") if count}
        for count, library in libraries.items():
            write_library(library, count, seed=1)
        runners = {"this tree": environment(folder / "bytecode")}
        if args.against:
            (folder / "against").mkdir()
            runners[args.against] = environment(folder / "bytecode-against", checkout(args.against, folder / "against"))
        samples: dict[tuple[str, str], list[Measured]] = {}
        for index in range(args.runs + 1):
            for name, command in commands(source, folder / "out", libraries).items():
                for runner, env in runners.items():
                    if runner != "this tree" and "soptui" not in " ".join(command):
                        continue
                    measured = run(command, env=env, cwd=folder)
                    if index:  # the first round warms the disk cache
                        samples.setdefault((name, runner), []).append(measured)
        heads = list(runners)
        print("| command (one 8-step SOP) | " + " | ".join(heads) + (" | this tree / " + heads[1] if args.against
                                                                      else "") + " |")
        print("|---" * (len(heads) + 1 + bool(args.against)) + "|")
        for name in commands(source, folder / "out", libraries):
            got = {runner: medians(samples[(name, runner)]) for runner in heads if (name, runner) in samples}
            cells = [cell(got[runner]) if runner in got else "-" for runner in heads]
            if args.against:
                mine, theirs = got["this tree"], got.get(heads[1])
                cells.append(f"{mine.wall / theirs.wall:.2f}x wall, {mine.cpu / theirs.cpu:.2f}x CPU" if theirs else "-")
            print(f"| {name} | " + " | ".join(cells) + " |")
    print()
    print(f"Load average after: {load()}. Command: `python bench/startup.py --runs {args.runs}"
          f"{' --against ' + args.against if args.against else ''} --library {args.library}`.")


if __name__ == "__main__":
    main()
