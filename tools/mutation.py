"""Mutation testing of soptui's core with mutmut: do the tests notice when the code is wrong?

    python tools/mutation.py                 # every group, one after the other
    python tools/mutation.py flow store      # some groups
    python tools/mutation.py flow --show     # and the diff of every mutant that lived
    python tools/mutation.py loader --sample 100   # 100 mutants of each module, the same ones each time
    python tools/mutation.py loader --again  # after new tests: try only the mutants that lived
    python tools/mutation.py loader --report # the scores of the last run, nothing run
    python tools/mutation.py --report --docs # and write them into docs/mutation.md

Each group mutates a few modules and runs only the tests that cover them (a
narrow selection keeps a run to minutes on two cores). A group runs in its own
copy of the working tree under ``--work`` (mutmut writes a ``mutants/`` folder
next to the code), at ``nice 19`` with two children. The score of a module is
killed / (mutants - equivalent): a mutant no test runs counts as living, a
timeout as killed; a run stopped half-way is scored on the mutants it tried,
and the table says how many it did not. Equivalent mutants are listed in tools/mutation-equivalent.toml
with the line the mutant writes, so a stale entry (the code moved on) is reported
instead of silently excusing another mutant. Scores: docs/mutation.md.
Needs mutmut (``pip install mutmut``; it is not in the test extra, the suite
does not use it).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_EDITOR_EXPORT = "test_the_editors_export_runs_apart_so_a_hanging_exporter_fails_the_export_not_the_editor"

#: group -> (the modules mutated, the tests that cover them)
GROUPS: dict[str, tuple[list[str], list[str]]] = {
    "flow": (["soptui/flow.py"], ["tests/core/test_flow_edges.py", "tests/core/test_model.py"]),
    "durations": (["soptui/durations.py"], ["tests/core/test_durations_text.py", "tests/core/test_model.py"]),
    "store": (
        ["soptui/store.py"],
        [
            "tests/core/test_store.py",
            "tests/core/test_store_safety.py",
            "tests/core/test_save_minimal.py",
            "tests/core/test_kill_during_save.py",
            "tests/core/test_boundaries.py",
            "tests/core/test_store_edges.py",
        ],
    ),
    "loader": (
        ["soptui/loader.py", "soptui/limits.py"],
        [
            "tests/core/test_loading.py",
            "tests/core/test_limits.py",
            "tests/core/test_boundaries.py",
            "tests/core/test_rules.py",
            "tests/core/test_loader_edges.py",
        ],
    ),
    "checks": (
        ["soptui/checks/*.py"],
        [
            "tests/core/test_rules.py",
            "tests/core/test_loading.py",
            "tests/core/test_boundaries.py",
            "tests/core/test_check_ci.py",
            "tests/core/test_check_many.py",
            "tests/core/test_check_edges.py",
        ],
    ),
    "routing": (
        ["soptui/layout/routing.py", "soptui/layout/tracks.py"],
        [
            "tests/layout/test_layout_promises.py",
            "tests/layout/test_layout_edge_cases.py",  # crowded terminal layouts: the only forced routes
            "tests/layout/test_layout_route_totals.py",  # which of the valid drawings: no worse than measured
            "tests/layout/test_layout_tracks.py",
            "tests/layout/test_layout_crossings.py",
            "tests/layout/test_layout_routes.py",
            "tests/layout/test_layout_quality.py",
            "tests/layout/test_layout_invariants.py",
        ],
    ),
    "batch": (
        ["soptui/batch.py", "soptui/workers.py", "soptui/ledger.py"],
        [
            "tests/plugins/test_batch_outcomes.py",
            "tests/plugins/test_batch_export.py",
            "tests/plugins/test_batch_plan.py",
            # its 2 s limit includes starting a fresh interpreter, which mutmut's tracing makes slower than that
            "--deselect",
            f"tests/plugins/test_batch_export.py::{_EDITOR_EXPORT}",
        ],
    ),
}

#: Functions that also run in worker processes, whose surviving mutants are tried against the whole selection.
WORKER_SIDE: dict[str, tuple[str, ...]] = {
    "batch": (
        "soptui.batch.x_render_file",
        "soptui.batch.x__strict_refusal",
        "soptui.batch.x_export_file",
        "soptui.workers.x_note",
        "soptui.workers.x__serve",
    ),
}

#: Mutants that cannot change what a user sees: (module, mutant) -> (a piece of the line it writes, why).
EQUIVALENT: dict[tuple[str, str], tuple[str, str]] = {
    (entry["module"], entry["mutant"]): (entry["writes"], entry["why"])
    for entry in tomllib.loads((ROOT / "tools" / "mutation-equivalent.toml").read_text(encoding="utf-8"))["equivalent"]
}

#: Asked for it, mutmut makes the mutants and learns the tests, then stops.
NO_SUCH_MUTANT = "soptui.no_such_mutant__mutmut_1"
KILLED = {1, 3, 36, 24, -24, 152, 255}  # failed tests, pytest's internal error, timeouts
LIVED = {0, 5, 33, None}  # survived, no test ran it, not checked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", metavar="GROUP", help=", ".join(GROUPS))
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "soptui-mutation")
    parser.add_argument("--children", type=int, default=2)
    parser.add_argument("--show", action="store_true", help="print the diff of every mutant that lived")
    parser.add_argument(
        "--sample", type=int, metavar="N", help="try N mutants of each module, drawn with a fixed seed, instead of all"
    )
    parser.add_argument("--report", action="store_true", help="only print the scores of the last run")
    parser.add_argument("--docs", action="store_true", help="with --report: write the tables into docs/mutation.md")
    parser.add_argument(
        "--again",
        action="store_true",
        help="reuse the last run: take the tests anew and try only the mutants that lived",
    )
    args = parser.parse_args()
    if unknown := set(args.groups) - set(GROUPS):
        parser.error(f"no such group: {', '.join(sorted(unknown))} (groups: {', '.join(GROUPS)})")
    if args.docs and not args.report:
        parser.error("--docs goes with --report")
    rows = []
    for group in args.groups or list(GROUPS):
        folder = args.work / group
        if args.report:
            rows += score(group, folder, args.show)
            continue
        if args.again and (folder / "mutants").is_dir():
            retry(folder, group)
            names = []
            drawn = folder / "sample.json"
            if drawn.exists():  # named mutants are always run again: name only those not yet tried
                run(folder, args.children, [NO_SUCH_MUTANT])  # changed modules' mutants made anew, new tests learnt
                codes = exit_codes(folder)
                names = [name for name in json.loads(drawn.read_text(encoding="utf-8")) if codes.get(name) is None]
                if not names:
                    rows += score(group, folder, args.show)
                    continue
        else:
            prepare(group, folder)
            names = sample(folder, group, args.sample, args.children) if args.sample else []
        record(folder, group, args.sample, args.again)
        run(folder, args.children, names)
        if attribute_unseen(folder, WORKER_SIDE.get(group, ())):
            run(folder, args.children, names)  # again, for the mutants that had no test
        rows += score(group, folder, args.show)
    scores, equivalents = tables(rows)
    print("\n" + scores + "\n\n" + equivalents)
    if args.docs:
        write_docs(scores, equivalents)
    return 0 if all(row["score"] >= 80 for row in rows) else 1


def record(folder: Path, group: str, size: int | None, again: bool) -> None:
    """Note when, where and how the run was made, for the score table (``--report``)."""
    path = folder / "run.json"
    noted = json.loads(path.read_text(encoding="utf-8")) if again and path.exists() else {}
    mutmut = subprocess.run(
        [str(Path(sys.executable).parent / "mutmut"), "--version"], cwd=folder, capture_output=True, text=True
    ).stdout.split()
    noted.setdefault("sample", size)
    noted.setdefault("command", f"python tools/mutation.py {group}" + (f" --sample {size}" if size else ""))
    noted["date"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    noted["again"] = again
    noted["machine"] = (
        f"{os.cpu_count()} cores {platform.machine()}, Python {platform.python_version()}, "
        f"mutmut {mutmut[-1] if mutmut else '?'}"
    )
    path.write_text(json.dumps(noted), encoding="utf-8")


def tables(rows: list[dict]) -> tuple[str, str]:
    """The score table and the list of equivalent mutants counted, in Markdown."""
    lines = [
        "| module | mutants | killed (timeouts) | equivalent | lived | score | run | date | command |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        run_ = row["run"]
        how = (
            "not in the run (a module made since)"
            if run_ and not row["total"]
            else "no run"
            if not run_
            else f"sample of {run_['sample']}"
            if run_["sample"]
            else "full"
        )
        if run_ and run_.get("again") and row["total"]:
            how += ", lived ones retried"
        if row["untried"]:
            how += f", {row['untried']} not tried, scored on the rest"
        lines.append(
            "| `{module}` | {total} | {killed} ({timeouts}) | {equivalent} | {lived} | ".format(**row)
            + " | ".join(
                [
                    f"{row['score']:.1f}%" if row["total"] else "-",
                    how,
                    run_.get("date", ""),
                    f"`{run_.get('command', '')}`",
                ]
            )
            + " |"
        )
    machines = sorted({row["run"]["machine"] for row in rows if row["run"]})
    lines += ["", "Machine: " + "; ".join(machines) + " (at nice 19, two children, shared with other work)."]
    counted = [
        f"- `{module}` `{name}` (writes `{writes}`): {why}"
        for (module, name), (writes, why) in EQUIVALENT.items()
        if any(row["module"] == module and name in row["equivalent_names"] for row in rows)
    ]
    return "\n".join(lines), "\n".join(counted) or "None counted."


def write_docs(scores: str, equivalents: str) -> None:
    """Put the tables between their markers in docs/mutation.md."""
    path = ROOT / "docs" / "mutation.md"
    text = path.read_text(encoding="utf-8")
    for name, table in (("scores", scores), ("equivalents", equivalents)):
        start, end = f"<!-- {name}: written by tools/mutation.py --report --docs -->", f"<!-- /{name} -->"
        before, found, rest = text.partition(start)
        if not found or end not in rest:
            raise SystemExit(f"{path}: the markers {start} ... {end} are missing")
        text = before + start + "\n" + table + "\n" + end + rest.partition(end)[2]
    path.write_text(text, encoding="utf-8")


def tree() -> list[str]:
    """The tracked and new files of the working tree."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def prepare(group: str, folder: Path) -> Path:
    """A fresh copy of the tracked and new files, with mutmut's settings for ``group``."""
    shutil.rmtree(folder, ignore_errors=True)
    for name in tree():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, folder / name)
    configure(group, folder)
    return folder


def configure(group: str, folder: Path) -> None:
    """Write mutmut's settings for ``group`` into its copy (again on ``--again``: the tests may be new)."""
    modules, tests = GROUPS[group]
    missing = [test for test in tests if test.endswith(".py") and not (ROOT / test).exists()]
    if missing:
        print(f"not there, left out: {', '.join(missing)}")
        tests = [test for test in tests if test not in missing]
    copied = sorted({name.split("/")[0] for name in tree()} - {"soptui", "tests", "pyproject.toml"})
    settings = {
        "source_paths": ["soptui"],
        "only_mutate": modules,
        "also_copy": copied,
        "pytest_add_cli_args_test_selection": tests,
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-p", "tests.mutation_profile"],  # hypothesis: no database
        # a mutant that makes the code hang is stopped after five times its tests' usual time (mutmut: 15)
        "timeout_multiplier": ["5"],
    }
    text = "[mutmut]\n" + "".join(
        f"{key} =\n" + "".join(f"    {v}\n" for v in values) for key, values in settings.items()
    )
    (folder / "setup.cfg").write_text(text, encoding="utf-8")
    pyproject = folder / "pyproject.toml"  # mutmut reads [tool.mutmut] first: there is none, so setup.cfg counts
    assert "[tool.mutmut]" not in pyproject.read_text(encoding="utf-8")


def retry(folder: Path, group: str) -> None:
    """Take the code and the tests as they are now and mark the mutants that lived as not yet tried.

    A changed module that is mutated is only copied: mutmut sees it is newer than its mutants,
    makes them anew and keeps the results of the functions that did not change."""
    mutated = set(expand(GROUPS[group][0]))
    for name in tree():
        copy = folder / name
        if copy.exists() and copy.read_bytes() == (ROOT / name).read_bytes():
            continue
        targets = [copy] + ([folder / "mutants" / name] if name.startswith("soptui/") and name not in mutated else [])
        for target in targets:  # the rest (tests, plugins, examples) mutmut copies into mutants/ on each run
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target)
    configure(group, folder)
    for meta_path in (folder / "mutants").rglob("*.py.meta"):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        codes = meta["exit_code_by_key"]
        meta["exit_code_by_key"] = {name: None if code in LIVED else code for name, code in codes.items()}
        meta_path.write_text(json.dumps(meta), encoding="utf-8")
    # mutmut learns only new tests' calls: a changed test (one that now calls the function) would stay unseen
    (folder / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)


def exit_codes(folder: Path) -> dict[str, int | None]:
    """mutmut's result for every mutant of the run in ``folder``."""
    codes: dict[str, int | None] = {}
    for meta_path in (folder / "mutants").rglob("*.py.meta"):
        codes.update(json.loads(meta_path.read_text(encoding="utf-8"))["exit_code_by_key"])
    return codes


def sample(folder: Path, group: str, size: int, children: int) -> list[str]:
    """``size`` mutants of each module of ``group``, the same ones on every run (seed 14).

    mutmut makes the mutants and learns the tests on a first run that tries
    none of them (it is asked for a mutant that does not exist); the sample is
    then drawn from what it made, and only those are tried."""
    run(folder, children, [NO_SUCH_MUTANT])
    names = []
    for module in expand(GROUPS[group][0]):
        meta = folder / "mutants" / f"{module}.meta"
        made = sorted(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]) if meta.exists() else []
        names += random.Random(f"14:{module}").sample(made, min(size, len(made)))
    (folder / "sample.json").write_text(json.dumps(names), encoding="utf-8")
    return names


def run(folder: Path, children: int, names: list[str] = ()) -> None:
    mutmut = Path(sys.executable).parent / "mutmut"
    print(f"mutmut run in {folder} (its output: {folder / 'mutmut.log'})", flush=True)
    with open(folder / "mutmut.log", "ab") as log:
        process = subprocess.Popen(
            ["nice", "-n", "19", str(mutmut), "run", "--max-children", str(children), *names],
            cwd=folder,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            process.wait()
        finally:  # a mutant's workers, or a fork server left behind by Ctrl+C, go with the run
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    if not (folder / "mutants" / "mutmut-stats.json").exists():
        raise SystemExit(
            f"{folder.name}: the tests failed before any mutant was tried (a half-made edit in the tree "
            f"copied?); see {folder / 'mutmut.log'}"
        )


def attribute_unseen(folder: Path, worker_side: tuple[str, ...]) -> bool:
    """Give every test of the selection to the mutants mutmut saw no test run, and
    to those that lived in a function that also runs in worker processes.

    mutmut maps tests to functions in pytest's own process, so a function that
    runs in a worker process (batch export) is "not covered", or covered only by
    the tests that call it directly, though the tests that start those processes
    run it too. Such mutants are run again against the whole selection (forked
    and spawned workers run the mutant too). Returns whether there was any."""
    stats_path = folder / "mutants" / "mutmut-stats.json"
    stats = json.loads(stats_path.read_text(encoding="utf-8"))
    everything = sorted(stats["duration_by_test"])
    unseen = False
    for meta_path in (folder / "mutants").rglob("*.py.meta"):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        for name, code in meta["exit_code_by_key"].items():
            function = name.partition("__mutmut_")[0]
            if code in (33, 5) or (code == 0 and function in worker_side):
                stats["tests_by_mangled_function_name"][name.partition("__mutmut_")[0]] = everything
                meta["exit_code_by_key"][name] = None
                unseen = True
        meta_path.write_text(json.dumps(meta), encoding="utf-8")
    stats_path.write_text(json.dumps(stats), encoding="utf-8")
    return unseen


def score(group: str, folder: Path, show: bool) -> list[dict]:
    """One row per module: how many mutants, how many the tests killed."""
    rows = []
    for module in expand(GROUPS[group][0]):
        meta = folder / "mutants" / f"{module}.meta"
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"] if meta.exists() else {}
        drawn = folder / "sample.json"
        if drawn.exists():  # a sample: only the mutants drawn count
            chosen = set(json.loads(drawn.read_text(encoding="utf-8")))
            codes = {name: code for name, code in codes.items() if name in chosen}
        counts = Counter(
            "killed" if code in KILLED else "lived" if code in LIVED else "other" for code in codes.values()
        )
        timeouts = sum(1 for code in codes.values() if code in KILLED - {1, 3})
        equivalent = []
        untried = sum(1 for code in codes.values() if code is None)  # a run stopped half-way
        for name, code in sorted(codes.items()):
            if code in KILLED or code is None:
                continue
            diff = mutant_diff(folder, name)
            short = name.rpartition(".")[2]
            expected = EQUIVALENT.get((module, short))
            if expected and code == 0 and expected[0] in diff:
                equivalent.append(short)
                continue
            if expected:
                print(f"STALE equivalent entry {module} {short}: its mutant no longer writes {expected[0]!r}")
            print(f"LIVED ({code}) {name}")
            if show:
                print(diff, end="\n\n")
        total = len(codes)
        lived = total - counts["killed"] - len(equivalent) - untried
        noted = folder / "run.json"
        rows.append(
            {
                "group": group,
                "module": module,
                "total": total,
                "killed": counts["killed"],
                "timeouts": timeouts,
                "equivalent": len(equivalent),
                "equivalent_names": equivalent,
                "lived": lived,
                "untried": untried,
                "score": 100.0 * counts["killed"] / max(1, total - len(equivalent) - untried),
                "run": json.loads(noted.read_text(encoding="utf-8")) if noted.exists() else {},
            }
        )
    return rows


def expand(patterns: list[str]) -> list[str]:
    """The module paths the patterns of a group name (``soptui/checks/*.py``)."""
    return [str(path.relative_to(ROOT)) for pattern in patterns for path in sorted(ROOT.glob(pattern))]


def mutant_diff(folder: Path, name: str) -> str:
    mutmut = Path(sys.executable).parent / "mutmut"
    shown = subprocess.run([str(mutmut), "show", name], cwd=folder, capture_output=True, text=True, check=False)
    return shown.stdout


if __name__ == "__main__":
    raise SystemExit(main())
