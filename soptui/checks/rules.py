"""The built-in rules and what a rule is given: apart from the checker's entry
points so that the rule families (``structure``, ``flow``, ``content``,
``filled``, ``library``) import these and the package imports them, not the
other way round too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from soptui.diagnostics import Rule
from soptui.locate import Reporter
from soptui.model import Sop

#: Every built-in rule. Titles are catalogue keys (``title.S001``).
RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("S001", "error", "title.S001"),
        Rule("S002", "error", "title.S002"),
        Rule("S003", "error", "title.S003"),
        Rule("S004", "error", "title.S004"),
        Rule("S005", "error", "title.S005"),
        Rule("S006", "error", "title.S006"),
        Rule("S007", "error", "title.S007"),
        Rule("S008", "error", "title.S008"),
        Rule("S009", "error", "title.S009"),
        Rule("S010", "error", "title.S010"),
        Rule("S011", "warning", "title.S011"),
        Rule("S012", "error", "title.S012"),
        Rule("S013", "warning", "title.S013"),
        Rule("S014", "error", "title.S014"),
        Rule("S015", "error", "title.S015"),
        Rule("A001", "error", "title.A001"),
        Rule("A002", "error", "title.A002"),
        Rule("A003", "warning", "title.A003"),
        Rule("A004", "error", "title.A004"),
        Rule("A005", "error", "title.A005"),
        Rule("I001", "warning", "title.I001"),
        Rule("I002", "warning", "title.I002"),
        Rule("I003", "warning", "title.I003"),
        Rule("I004", "warning", "title.I004"),
        Rule("I005", "error", "title.I005"),
        Rule("I006", "error", "title.I006"),
        Rule("I007", "error", "title.I007"),
        Rule("I008", "warning", "title.I008"),
        Rule("I009", "error", "title.I009"),
        Rule("I010", "error", "title.I010"),
        Rule("I011", "error", "title.I011"),
        Rule("I012", "warning", "title.I012"),
        Rule("I013", "warning", "title.I013"),
        Rule("L001", "error", "title.L001"),
        Rule("L002", "warning", "title.L002"),
    )
}


@dataclass(frozen=True)
class Context:
    """What a rule gets: the model, where it came from, and how to report."""

    sop: Sop
    path: Path
    reporter: Reporter

    def report(self, code: str, where: tuple, message_key: str = "", **params: object) -> None:
        """Report a finding of the built-in rule ``code``."""
        self.reporter.report(code, RULES[code].severity, where, message_key, **params)


SopCheck = Callable[[Context], None]
