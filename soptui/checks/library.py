"""L rules, across a library: numbers that clash, links that lead nowhere.

The rules need only a few facts of each SOP (:class:`Entry`: number, name,
links), so a library of thousands is checked with flat memory: each file is
loaded, checked and dropped, and only its entry is kept. A file is read
again only to place a finding at its line, which is rare.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from soptui.checks.rules import RULES
from soptui.diagnostics import FieldPath, Finding
from soptui.loader import Loaded
from soptui.locate import Reporter


@dataclass(frozen=True)
class Entry:
    """What the library rules know of one SOP."""

    path: str
    nomor: str
    nama: str
    links: tuple[str, ...]  # keterkaitan, in order


def entry_of(loaded: Loaded) -> Entry | None:
    """The library facts of a loaded SOP, or ``None`` for a file that did not load."""
    if loaded.sop is None or loaded.source is None:
        return None
    identity = loaded.sop.identitas
    return Entry(str(loaded.path), identity.nomor, identity.nama, tuple(identity.keterkaitan))


def check_library(loaded: list[Loaded]) -> list[Finding]:
    """Findings that only show when the SOPs of a folder are read together."""
    texts = {str(item.path): item.source.text for item in loaded if item.sop is not None and item.source is not None}
    entries = [entry for entry in map(entry_of, loaded) if entry is not None]
    return library_findings(entries, texts.__getitem__)


def library_findings(entries: list[Entry], text_of: Callable[[str], str]) -> list[Finding]:
    """The L findings among ``entries``; ``text_of(path)`` gives a file's text to place them."""
    by_number: dict[str, list[Entry]] = defaultdict(list)
    names: set[str] = set()
    for entry in entries:
        if entry.nomor.strip():
            by_number[_normal(entry.nomor)].append(entry)
            names.add(_normal(entry.nomor))
        names.add(_normal(entry.nama))
    found: list[tuple[Entry, str, FieldPath, dict[str, object]]] = []
    for same in by_number.values():
        for entry in same if len(same) > 1 else ():
            others = ", ".join(other.path for other in same if other is not entry)
            found.append((entry, "L001", ("identitas", "nomor"), {"value": entry.nomor, "others": others}))
    for entry in entries:
        for index, link in enumerate(entry.links):
            if _normal(link) not in names and _normal(_without_prefix(link)) not in names:
                found.append((entry, "L002", ("identitas", "keterkaitan", index), {"value": link}))
    reporters: dict[str, Reporter] = {}
    for entry, code, where, params in found:
        if entry.path not in reporters:
            reporters[entry.path] = Reporter(entry.path, text_of(entry.path))
        reporters[entry.path].report(code, RULES[code].severity, where, "", **params)
    return [finding for reporter in reporters.values() for finding in reporter.findings]


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _without_prefix(link: str) -> str:
    """``"SOP Pengelolaan Surat Masuk"`` names the SOP ``Pengelolaan Surat Masuk``."""
    words = link.split(maxsplit=1)
    return words[1] if len(words) == 2 and words[0].casefold() == "sop" else link
