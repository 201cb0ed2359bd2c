"""Riwayat: the revisions, and the monitoring and evaluation records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import DataTable

from soptui.tui.tab import Tab
from soptui.tui.text import focus_now
from soptui.tui.widgets.records import SUMMARY_KEY, RecordEditor, RecordsPane

if TYPE_CHECKING:
    from soptui.diagnostics import FieldPath
    from soptui.model import Sop
    from soptui.tui.host import EditorMixin


def _takes(sop: Sop, field: FieldPath) -> bool:
    return bool(field) and field[0] in SUMMARY_KEY  # its record lists


def _go(screen: EditorMixin, field: FieldPath) -> None:
    editor = screen.query_one(f"#records-{field[0]}", RecordEditor)
    if len(field) > 1 and isinstance(field[1], int):
        editor.show(screen.sop, select=field[1])
    focus_now(editor.query_one(DataTable))


RIWAYAT = Tab(
    "riwayat", RecordsPane, focus="#records-riwayat .record-table", shows="RecordsPane", takes=_takes, go=_go
)
