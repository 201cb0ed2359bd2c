"""The Masalah tab: the checker's findings, live; Enter jumps to the field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from soptui.diagnostics import Finding
from soptui.i18n import t
from soptui.tui.host import editor
from soptui.tui.text import plain
from soptui.tui.widgets.form import ROW_KEYS, row_index


class FindingTable(DataTable):
    BINDINGS = [
        *ROW_KEYS,
        Binding("enter", "screen.jump_to_finding", t("tui.key.jump"), id="finding-jump", priority=True),
    ]


class FindingsPane(Vertical):
    def __init__(self) -> None:
        super().__init__(id="findings-pane")
        self.findings: list[Finding] = []

    def compose(self) -> ComposeResult:
        yield Static(t("tui.findings.checking"), id="findings-summary")
        table = FindingTable(id="finding-table", cursor_type="row")
        for key in ("severity", "code", "field", "message"):
            table.add_column(t(f"tui.findings.col.{key}"), key=key)
        yield table
        yield Static("", id="finding-detail")

    def on_mount(self) -> None:
        findings = getattr(self.screen, "findings", None)
        if findings is not None:  # the check finished before this tab was mounted
            self.show(findings)

    def show(self, findings: list[Finding]) -> None:
        self.findings = sorted(findings, key=lambda f: (f.severity != "error", f.line or 0, f.code))
        table = self.query_one(FindingTable)
        keep = table.cursor_row
        table.clear()
        for finding in self.findings:
            severity = t(f"tui.findings.{finding.severity}")
            table.add_row(severity, finding.code, plain(finding.field_name or "-"), plain(finding.message()))
        if self.findings:
            table.move_cursor(row=min(keep, len(self.findings) - 1))
        errors = sum(f.severity == "error" for f in findings)
        summary = (
            t("tui.findings.summary", errors=errors, warnings=len(findings) - errors)
            if findings
            else t("tui.findings.none")
        )
        self.query_one("#findings-summary", Static).update(summary)
        self._show_detail()  # the row under the cursor may now be another finding, or none

    @property
    def selected(self) -> Finding | None:
        table = self.query_one(FindingTable)
        index = row_index(table, len(self.findings))
        return None if index is None else self.findings[index]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    def _show_detail(self) -> None:
        finding = self.selected
        detail = f"{finding.code} {finding.field_name}: {finding.message()}" if finding else ""
        self.query_one("#finding-detail", Static).update(plain(detail))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        editor(self).action_jump_to_finding()
