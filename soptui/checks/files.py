"""Checking many files: each loaded, checked and dropped, on every core when there are many.

What is kept of a file is its findings, the codes its own comment
suppresses, and its library entry (:mod:`soptui.checks.library`), so memory
stays flat however large the library. A handful of files (a pre-commit hook)
is checked in this process: starting workers would cost more than it saves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from soptui.checks import check_loaded
from soptui.checks.library import Entry, entry_of
from soptui.diagnostics import Finding

#: Fewer files than this are checked in this process.
PARALLEL_FROM = 64
#: Files a worker is handed at once: one round trip to the worker per chunk, not per file.
CHUNK = 16

#: ``# soptui: abaikan I003, L002`` anywhere in a file: those codes are not reported for it.
SUPPRESSION = re.compile(r"^[ \t]*#[ \t]*soptui:[ \t]*abaikan[ \t]+(?P<codes>[A-Za-z0-9, \t]+?)[ \t]*$", re.M)


@dataclass(frozen=True)
class Checked:
    """What checking one file leaves."""

    path: str
    findings: list[Finding]
    suppressed: frozenset[str]  # codes the file's own comment turns off
    entry: Entry | None  # None: the file did not load


def check_file(path: Path) -> Checked:
    """Load and check one file, with the plugins' rules."""
    from soptui.loader import load
    from soptui.plugins import extra_checks

    loaded = load(path)
    text = loaded.source.text if loaded.source is not None and loaded.sop is not None else ""
    suppressed = frozenset(code.upper() for match in (SUPPRESSION.finditer(text) if "abaikan" in text else ())
                           for code in re.split(r"[\s,]+", match["codes"]) if code)
    return Checked(str(loaded.path), check_loaded(loaded, extra_checks()), suppressed, entry_of(loaded))


def check_chunk(paths: list[Path]) -> list[Checked]:
    """:func:`check_file` for each of a worker's chunk of paths."""
    return [check_file(path) for path in paths]


def check_files(paths: list[Path], jobs: int) -> Iterator[Checked]:
    """:func:`check_file` for each path, as they finish: in ``jobs`` worker processes when there are many.

    Workers are handed chunks of :data:`CHUNK` files. A chunk whose worker died (or that raised) is
    checked again a file at a time, so the file that took its worker down is the one reported lost."""
    if jobs <= 1 or len(paths) < PARALLEL_FROM:
        yield from map(check_file, paths)
        return
    from soptui import workers

    again: list[Path] = []

    def lost_chunk(chunk: list[Path], why) -> list[Checked]:
        again.extend(chunk)
        return []

    chunks = [paths[start:start + CHUNK] for start in range(0, len(paths), CHUNK)]
    for checked in workers.run(check_chunk, chunks, jobs, lost_chunk):
        yield from checked
    if again:
        yield from workers.run(check_file, again, jobs, _lost)


def _lost(path: Path, why) -> Checked:
    """A file whose checking took its worker down: reported as unreadable, with what happened."""
    from soptui.batch import lost_reason

    finding = Finding("S010", "error", str(path), (), 1, 1, "", {"reason": lost_reason(why)})
    return Checked(str(path), [finding], frozenset(), None)
