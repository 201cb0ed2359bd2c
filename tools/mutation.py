"""Mutation testing of soptui's core with mutmut: do the tests notice when the code is wrong?

    python tools/mutation.py                 # every group, one after the other
    python tools/mutation.py flow store      # some groups
    python tools/mutation.py flow --show     # and the diff of every mutant that lived

Each group mutates a few modules and runs only the tests that cover them (a
narrow selection keeps a run to minutes on two cores). A group runs in its own
copy of the working tree under ``--work`` (mutmut writes a ``mutants/`` folder
next to the code), at ``nice 19`` with two children. The score of a module is
killed / (mutants - equivalent): a mutant no test runs counts as living, a
timeout as killed. Equivalent mutants are listed in :data:`EQUIVALENT` with
the line the mutant writes, so a stale entry (the code moved on) is reported
instead of silently excusing another mutant. Scores: docs/mutation.md.
Needs mutmut (``pip install mutmut``; it is not in the test extra, the suite
does not use it).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: group -> (the modules mutated, the tests that cover them)
GROUPS: dict[str, tuple[list[str], list[str]]] = {
    "flow": (["soptui/flow.py"], ["tests/core/test_flow_edges.py", "tests/core/test_model.py"]),
    "durations": (["soptui/durations.py"], ["tests/core/test_durations_text.py", "tests/core/test_model.py"]),
}

_NO_TARGET = "an arrow to no step is dropped; no step is named XXXX (an id is lowercase) nor \"\" (the loader renames it #N)"
_LOW_IS_HIGH = "low equals high there, and high is not empty (max_seconds is not zero)"

#: Mutants that cannot change what a user sees: (module, mutant) -> (a piece of the line it writes, why).
EQUIVALENT: dict[tuple[str, str], tuple[str, str]] = {
    ("soptui/flow.py", "x__main_path__mutmut_6"): ('path[current] = ""', "the path's values are never read, only its keys"),
    ("soptui/flow.py", "x__main_path__mutmut_12"): ("successors.get(current, None)",
                                                    "every step on the path has successors (maybe none): the default is never used"),
    ("soptui/flow.py", "x__main_path__mutmut_14"): ("successors.get(current, )", "as above: the default is never used"),
    ("soptui/flow.py", "x_derive_flow__mutmut_47"): ('following or "XXXX"', _NO_TARGET),
    ("soptui/flow.py", "x_derive_flow__mutmut_60"): ('tidak or "XXXX"', _NO_TARGET),
    ("soptui/flow.py", "x_derive_flow__mutmut_73"): ('following or "XXXX"', _NO_TARGET),
    ("soptui/durations.py", "x_parse_waktu__mutmut_4"): ('text or "XXXX"', "no waktu, like XXXX, is free text: None either way"),
    ("soptui/durations.py", "xǁDurationǁdescribe_range__mutmut_20"): ('low or "XX0 menitXX"', _LOW_IS_HIGH),
    ("soptui/durations.py", "xǁDurationǁdescribe_range__mutmut_21"): ('low or "0 MENIT"', _LOW_IS_HIGH),
}

KILLED = {1, 3, 36, 24, -24, 152, 255}  # failed tests, pytest's internal error, timeouts
LIVED = {0, 5, 33, None}  # survived, no test ran it, not checked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", metavar="GROUP", help=", ".join(GROUPS))
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "soptui-mutation")
    parser.add_argument("--children", type=int, default=2)
    parser.add_argument("--show", action="store_true", help="print the diff of every mutant that lived")
    args = parser.parse_args()
    if unknown := set(args.groups) - set(GROUPS):
        parser.error(f"no such group: {', '.join(sorted(unknown))} (groups: {', '.join(GROUPS)})")
    rows = []
    for group in args.groups or list(GROUPS):
        folder = prepare(group, args.work / group)
        run(folder, args.children)
        rows += score(group, folder, args.show)
    print("\n| group | module | mutants | killed | equivalent | lived | score |\n|---|---|---|---|---|---|---|")
    for row in rows:
        print("| {group} | {module} | {total} | {killed} | {equivalent} | {lived} | {score:.1f}% |".format(**row))
    return 0 if all(row["score"] >= 80 for row in rows) else 1


def prepare(group: str, folder: Path) -> Path:
    """A fresh copy of the tracked and new files, with mutmut's settings for ``group``."""
    modules, tests = GROUPS[group]
    shutil.rmtree(folder, ignore_errors=True)
    listed = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    copied = [p.name for p in folder.iterdir() if p.name not in {"soptui", "tests", "pyproject.toml"}]
    settings = {
        "source_paths": ["soptui"], "only_mutate": modules, "also_copy": copied,
        "pytest_add_cli_args_test_selection": tests, "pytest_add_cli_args": ["-p", "no:cacheprovider"],
    }
    text = "[mutmut]\n" + "".join(f"{key} =\n" + "".join(f"    {v}\n" for v in values) for key, values in settings.items())
    (folder / "setup.cfg").write_text(text, encoding="utf-8")
    pyproject = folder / "pyproject.toml"  # mutmut reads [tool.mutmut] first: there is none, so setup.cfg counts
    assert "[tool.mutmut]" not in pyproject.read_text(encoding="utf-8")
    return folder


def run(folder: Path, children: int) -> None:
    mutmut = Path(sys.executable).parent / "mutmut"
    print(f"mutmut run in {folder} (its output: {folder / 'mutmut.log'})", flush=True)
    with open(folder / "mutmut.log", "wb") as log:
        subprocess.run(["nice", "-n", "19", str(mutmut), "run", "--max-children", str(children)], cwd=folder,
                       stdout=log, stderr=subprocess.STDOUT, check=False)


def score(group: str, folder: Path, show: bool) -> list[dict]:
    """One row per module: how many mutants, how many the tests killed."""
    rows = []
    for module in GROUPS[group][0]:
        meta = json.loads((folder / "mutants" / f"{module}.meta").read_text(encoding="utf-8"))
        codes = meta["exit_code_by_key"]
        counts = Counter("killed" if code in KILLED else "lived" if code in LIVED else "other" for code in codes.values())
        equivalent = 0
        for name, code in sorted(codes.items()):
            if code in KILLED:
                continue
            diff = mutant_diff(folder, name)
            short = name.rpartition(".")[2]
            expected = EQUIVALENT.get((module, short))
            if expected and code == 0 and expected[0] in diff:
                equivalent += 1
                continue
            if expected:
                print(f"STALE equivalent entry {module} {short}: its mutant no longer writes {expected[0]!r}")
            print(f"LIVED ({code}) {name}")
            if show:
                print(diff, end="\n\n")
        total = len(codes)
        lived = total - counts["killed"] - equivalent
        rows.append({"group": group, "module": module, "total": total, "killed": counts["killed"],
                     "equivalent": equivalent, "lived": lived,
                     "score": 100.0 * counts["killed"] / max(1, total - equivalent)})
    return rows


def mutant_diff(folder: Path, name: str) -> str:
    mutmut = Path(sys.executable).parent / "mutmut"
    return subprocess.run([str(mutmut), "show", name], cwd=folder, capture_output=True, text=True).stdout


if __name__ == "__main__":
    raise SystemExit(main())
