"""The help screen: every key of every screen, read from the bindings."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from soptui.i18n import t
from soptui.tui.text import plain

Row = tuple[str, str]  # (keys as shown, what they do)


def rows(bindings: Iterable[BindingType]) -> list[Row]:
    """The rows of ``bindings`` that have a description, one per action."""
    found, seen = [], set()
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description and binding.action not in seen:
            seen.add(binding.action)
            found.append((" / ".join(_key_name(key.strip()) for key in binding.key.split(",")), binding.description))
    return found


def key_table(title: str, lines: list[Row]) -> Table:
    table = Table(title=title, title_justify="left", show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for keys, description in lines:
        table.add_row(plain(keys), plain(description))
    return table


def _key_name(key: str) -> str:
    names = {"up": "↑", "down": "↓", "left": "←", "right": "→", "pageup": "PgUp", "pagedown": "PgDn"}
    return "+".join(names.get(part, part.capitalize() if len(part) > 1 else part) for part in key.split("+"))


class HelpScreen(ModalScreen):
    """Lists the keys of the app, of the screen it was opened from, and of its lists."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", t("tui.key.close"))]

    def __init__(self, under: Screen) -> None:
        super().__init__(id="help-screen")
        self.under = under

    def compose(self) -> ComposeResult:
        from soptui.tui import tabs
        from soptui.tui.screens.editor import EditorScreen
        from soptui.tui.screens.library import LibraryScreen
        from soptui.tui.widgets.actors import ActorTable
        from soptui.tui.widgets.findings import FindingTable
        from soptui.tui.widgets.listedit import ItemList
        from soptui.tui.widgets.preview import PreviewPane
        from soptui.tui.widgets.records import RecordsPane, RecordTable
        from soptui.tui.widgets.steps import StepTable

        app = rows(self.app.BINDINGS)
        if isinstance(self.under, LibraryScreen):
            sections = [(t("tui.help.app"), app), (t("tui.help.library"), self._library(LibraryScreen))]
        else:
            keys = [(f"F{n}", tab.title) for n, tab in enumerate(tabs.TABS, start=2)]
            sections = [
                (t("tui.help.app"), app),
                (t("tui.help.editor"), rows(EditorScreen.BINDINGS) + keys),
                (t("tui.help.steps"), rows(StepTable.BINDINGS)),
                (t("tui.help.actors"), rows(ActorTable.BINDINGS)),
                (t("tui.help.lists"), rows(ItemList.BINDINGS + RecordTable.BINDINGS + RecordsPane.BINDINGS)),
                (t("tui.help.findings"), rows(FindingTable.BINDINGS)),
                (t("tui.help.preview"), rows(PreviewPane.BINDINGS)),
                (t("tui.help.forms"), self._forms()),
            ]
        sections.append((t("tui.help.dialogs"), self._dialogs()))
        with VerticalScroll(classes="dialog help-dialog"):
            yield Static(t("tui.help.title"), classes="dialog-title")
            for title, lines in sections:
                yield Static(key_table(title, lines), classes="help-section")
            yield Static(t("tui.help.footer"), classes="dialog-hint")

    @staticmethod
    def _library(screen) -> list[Row]:
        return [(t("tui.help.typing"), t("tui.help.filter")), ("↑ / ↓ / PgUp / PgDn", t("tui.help.choose"))] + rows(
            screen.BINDINGS
        )

    @staticmethod
    def _forms() -> list[Row]:
        return [
            ("Tab / ↓", t("tui.help.next_field")),
            ("Shift+Tab / ↑", t("tui.help.prev_field")),
            ("Enter / Esc", t("tui.help.back_to_table")),
            ("Enter / Space", t("tui.help.open_choice")),
            ("Esc", t("tui.textual.dismiss_menu")),
            (t("tui.help.typing"), t("tui.help.jump_choice")),
            ("Ctrl+U / Ctrl+K", t("tui.help.clear_field")),
        ]

    @staticmethod
    def _dialogs() -> list[Row]:
        return [
            ("← / → / Tab", t("tui.help.buttons")),
            ("Enter", t("tui.help.press")),
            ("Esc", t("tui.key.cancel")),
        ]

    def action_dismiss(self) -> None:  # type: ignore[override]  # at once: Textual's own is async and takes a result
        self.dismiss()
