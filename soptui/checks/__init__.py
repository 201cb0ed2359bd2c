"""The checker: the rules reviewers apply, each with a code and a severity.

Rules come in families, one module each: ``structure`` (S: the file's shape
and references), ``flow`` (A: the flowchart as a graph), ``content`` and
``filled`` and ``glyphs`` (I: what reviewers reject in the text, what cannot print) and ``library`` (L: across a folder). The
loader reports S001, S002, S009..S012, S014 and S015 while it reads; the rest run on the
model. Plugins add rules through the ``register_checks`` hook.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from soptui.checks import content, filled, flow, glyphs, structure
from soptui.checks.rules import RULES, Context, SopCheck
from soptui.diagnostics import Finding
from soptui.loader import Loaded
from soptui.locate import Reporter
from soptui.model import Sop

__all__ = ["RULES", "Context", "SopCheck", "check_loaded", "check_sop"]

def check_sop(sop: Sop, path: Path, text: str, extra_checks: Iterable[SopCheck] = ()) -> list[Finding]:
    """Run every rule on one loaded SOP; ``text`` is its source, for positions."""
    context = Context(sop, path, Reporter(str(path), text))
    for check in (*structure.CHECKS, *flow.CHECKS, *content.CHECKS, *filled.CHECKS, *glyphs.CHECKS, *extra_checks):
        check(context)
    return context.reporter.findings


def check_loaded(loaded: Loaded, extra_checks: Iterable[SopCheck] = ()) -> list[Finding]:
    """The loader's findings for one file followed by those of every rule.

    Where the loader found an error in a field (missing, wrong type), the
    model holds a default there: a rule's finding on that field, or inside
    it, would be about the default, not the file, and is left out.
    """
    findings = list(loaded.findings)
    if loaded.sop is not None and loaded.source is not None:
        refused = {f.field for f in findings if f.severity == "error"}
        findings += [f for f in check_sop(loaded.sop, loaded.path, loaded.source.text, extra_checks)
                     if not any(f.field[:length] in refused for length in range(1, len(f.field) + 1))]
    return findings
