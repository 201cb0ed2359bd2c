"""Textual's own words, in the interface language.

Textual puts a few English texts of its own on our screens: the command
palette's placeholder, its "No matches found" and the footer's palette key,
the palette's system commands (Theme, Maximize...), the theme picker's
placeholder, a Select menu's ``esc Dismiss menu`` and the Ctrl+C hint. The
widgets here say the same in the catalogue's words (``tui.textual.*``), so
the Indonesian interface shows no English and the English one stays English.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.align import Align
from rich.text import Text
from textual.actions import SkipAction
from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay
from textual.widgets.option_list import Option

from soptui.i18n import t

#: Textual's system commands we keep, by their English title: the catalogue key of each.
SYSTEM_COMMANDS = {"Theme": "theme", "Maximize": "maximize", "Minimize": "minimize"}


class Palette(CommandPalette):
    """The command palette with our placeholder and our "no matches" line."""

    def __init__(self, providers=None, placeholder: str | None = None) -> None:
        super().__init__(providers, placeholder=placeholder or t("tui.textual.palette_search"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def no_matches() -> None:
            if not search_value:  # discovery mode: nothing to say
                self._list_visible = False
                return
            line = Align.center(Text(t("tui.textual.no_matches"), style="not bold"))
            self.query_one(CommandList).add_option(Option(line, disabled=True, id=self._NO_MATCHES))
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, no_matches)


class ChoiceOverlay(SelectOverlay):
    BINDINGS = [("escape", "dismiss", t("tui.textual.dismiss_menu"))]


class Choice(Select, inherit_bindings=False):
    """A Select whose open menu names its Escape key in the interface language.

    Enter or Space opens it; ↑ and ↓ are left to the form (next, previous
    field), so moving down a form never opens a menu on the way."""

    BINDINGS = [Binding("enter,space", "show_overlay", t("tui.textual.open_menu"), show=False, priority=True)]

    def action_show_overlay(self) -> None:
        """Open the list and give it the focus at once: the next key typed ("3" for step 3) goes to it.

        In the open list, Enter and Space are the list's (choose; a space in what is typed)."""
        if self.expanded:
            raise SkipAction()
        super().action_show_overlay()
        overlay = self.query_one(SelectOverlay)
        if overlay.focusable:
            self.screen.set_focus(overlay, scroll_visible=False)

    def compose(self):
        yield SelectCurrent(self.prompt)
        yield ChoiceOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)


def system_commands(commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's system commands we keep, titled in the interface language.

    Screenshot (it writes outside ``--root``), Quit (ours asks first) and Keys
    (Textual's English key panel; F1 lists every key) are left out."""
    for command in commands:
        key = SYSTEM_COMMANDS.get(command.title)
        if key is not None:
            yield command._replace(title=t(f"tui.textual.{key}"), help=t(f"tui.textual.{key}_help"))
