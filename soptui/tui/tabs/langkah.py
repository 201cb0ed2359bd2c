"""Langkah: the steps, a table and its form; the tab the editor opens on, so mounted at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from soptui.tui.tab import Tab
from soptui.tui.text import focus_now
from soptui.tui.widgets.steps import FORM_KEYS, StepsPane

if TYPE_CHECKING:
    from soptui.diagnostics import FieldPath
    from soptui.model import Sop
    from soptui.tui.host import EditorMixin


def _takes(sop: Sop, field: FieldPath) -> bool:
    """A step that is still there (a finding may name one an edit has removed since)."""
    return len(field) > 1 and field[0] == "langkah" and isinstance(field[1], int) and field[1] < len(sop.langkah)


def _go(screen: EditorMixin, field: FieldPath) -> None:
    assert isinstance(field[1], int)  # as _takes made sure
    screen.steps.select(field[1])
    key = field[2] if len(field) > 2 else None
    focus_now(screen.query_one(f"#step-{key}" if key in FORM_KEYS else "#step-table"))


LANGKAH = Tab("langkah", StepsPane, focus="#step-table", shows="StepsPane", lazy=False, takes=_takes, go=_go)
