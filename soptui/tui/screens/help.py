"""The help screen: every key of every screen, read from the bindings."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from soptui.i18n import t


def key_table(title: str, bindings: list[Binding]) -> Table:
    table = Table(title=title, title_justify="left", show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    seen = set()
    for binding in bindings:
        if not binding.description or binding.action in seen:
            continue
        seen.add(binding.action)
        keys = " / ".join(_key_name(key) for key in binding.key.split(","))
        table.add_row(keys, binding.description)
    return table


def _key_name(key: str) -> str:
    return "+".join(part.capitalize() if len(part) > 1 else part for part in key.split("+"))


class HelpScreen(ModalScreen):
    """Lists the keys of the app, of the screen it was opened from, and of its lists."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", t("tui.key.close"))]

    def __init__(self, under: Screen) -> None:
        super().__init__(id="help-screen")
        self.under = under

    def compose(self) -> ComposeResult:
        from soptui.tui.screens.editor import EditorScreen
        from soptui.tui.screens.library import LibraryScreen
        from soptui.tui.widgets.actors import ActorTable
        from soptui.tui.widgets.findings import FindingTable
        from soptui.tui.widgets.listedit import ItemList
        from soptui.tui.widgets.records import RecordsPane, RecordTable
        from soptui.tui.widgets.steps import StepTable

        sections = [(t("tui.help.app"), self.app.BINDINGS + [Binding("ctrl+p", "palette", t("tui.help.palette"))])]
        if isinstance(self.under, LibraryScreen):
            sections.append((t("tui.help.library"), LibraryScreen.BINDINGS))
        else:
            tabs = [
                Binding(f"f{n}", f"tab{n}", t(f"tui.tab.{tab}"))
                for n, tab in enumerate(
                    ("identitas", "pelaksana", "langkah", "pratinjau", "masalah", "riwayat"), start=2
                )
            ]
            sections += [
                (t("tui.help.editor"), [b for b in EditorScreen.BINDINGS if not b.action.startswith("tab(")] + tabs),
                (t("tui.help.steps"), StepTable.BINDINGS),
                (t("tui.help.actors"), ActorTable.BINDINGS),
                (t("tui.help.lists"), ItemList.BINDINGS + RecordTable.BINDINGS + RecordsPane.BINDINGS),
                (t("tui.help.findings"), FindingTable.BINDINGS),
                (
                    t("tui.help.forms"),
                    [
                        Binding("tab", "next", t("tui.help.next_field")),
                        Binding("shift+tab", "prev", t("tui.help.prev_field")),
                        Binding("enter", "back", t("tui.help.back_to_table")),
                    ],
                ),
            ]
        with VerticalScroll(classes="dialog help-dialog"):
            yield Static(t("tui.help.title"), classes="dialog-title")
            for title, bindings in sections:
                yield Static(key_table(title, bindings), classes="help-section")
            yield Static(t("tui.help.footer"), classes="dialog-hint")

    def action_dismiss(self) -> None:
        self.dismiss()
