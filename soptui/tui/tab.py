"""What an editor tab declares, so that the editor derives every place a tab shows up from one list.

Adding a tab is one module in :mod:`soptui.tui.tabs` and one line in its
``TABS``: the editor's tab, its F-key (the place in ``TABS``), its line in
F1, its palette entry, its refresh on a new SOP and the jump from a finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding

from soptui.i18n import t

if TYPE_CHECKING:
    from textual.widget import Widget

    from soptui.diagnostics import FieldPath
    from soptui.model import Sop
    from soptui.tui.host import EditorMixin


def no_field(sop: Sop, field: FieldPath) -> bool:
    return False


def other_fields(sop: Sop, field: FieldPath) -> bool:
    """The fields no other tab takes: one tab (Identitas) declares it."""
    return True


@dataclass(frozen=True)
class Tab:
    id: str  #: its ``TabPane`` is ``#tab-<id>``, its title the message ``tui.tab.<id>``
    pane: Callable[[Sop], Widget]  #: built once, when the editor opens
    focus: str  #: the widget its F-key gives the focus to
    shows: str | None = None  #: its panes to give a new SOP when it is shown (None: it follows the checker instead)
    lazy: bool = True  #: mounted once the editor is on the screen, so the editor opens at once
    takes: Callable[[Sop, FieldPath], bool] = no_field  #: the finding fields it edits
    go: Callable[[EditorMixin, FieldPath], None] | None = None  #: to the widget of such a field, the tab shown

    @property
    def title(self) -> str:
        return t(f"tui.tab.{self.id}")


def tab_keys(tabs: Iterable[Tab]) -> list[Binding]:
    """F2, F3...: one key per tab, in their order."""
    return [
        Binding(f"f{n}", f"tab_key('{tab.id}')", tab.title, show=False, priority=True, id=f"tab-{tab.id}")
        for n, tab in enumerate(tabs, start=2)
    ]


def tab_for(tabs: Iterable[Tab], sop: Sop, field: FieldPath) -> Tab:
    """The tab that edits ``field``: the one that takes it, else the one that takes other fields."""
    tabs = tuple(tabs)
    taking = [tab for tab in tabs if tab.takes is not other_fields and tab.takes(sop, field)]
    return taking[0] if taking else next(tab for tab in tabs if tab.takes is other_fields)


def named(tabs: Iterable[Tab], tab_id: str) -> Tab:
    return next(tab for tab in tabs if tab.id == tab_id)
