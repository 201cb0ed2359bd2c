"""Moving around the editor: tabs, from a table to its form and back, to a finding's field.

Every key here moves the focus before the next key is read: the bindings
have priority (the app runs them as it reads the key) and the focus is set
at once (:func:`soptui.tui.text.focus_now`). Over SSH keys arrive in bursts;
Textual runs other bindings only after a key has gone up from the focused
widget to the app, when the letters typed behind it have already gone to
the widget that had the focus: ``F2`` then a name typed quickly landed in
the field left behind.
"""

from __future__ import annotations

import asyncio

from textual.actions import SkipAction
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, TabbedContent, TabPane

from soptui.i18n import t
from soptui.tui import tabs
from soptui.tui.host import EditorMixin
from soptui.tui.tab import named, tab_for
from soptui.tui.text import TextInput, focus_now
from soptui.tui.widgets.findings import FindingsPane
from soptui.tui.widgets.form import FIELDS

NAVIGATION_KEYS = [
    Binding("escape", "back_to_table", t("tui.help.back_to_table"), show=False, priority=True, id="back"),
    Binding("enter", "field_done", t("tui.help.field_done"), show=False, priority=True, id="field-done"),
]  # and a key per tab (soptui.tui.tab.tab_keys), bound when the editor opens


class EditorTabs(TabbedContent):
    """The tabs, showing the tab of the widget that has the focus now.

    Textual shows a tab when a widget in it gets the focus, a few turns
    after the focus was set. In a burst (Escape, then F2 and a name) the
    step table's late notice came after F2 and put Langkah back on the
    screen while the name went into the hidden Identitas field."""

    def on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        focused = self.screen.focused
        if focused is not None and event.tab_pane not in focused.ancestors:
            event.prevent_default()  # the focus has moved on since: Textual's handler must not show that tab
            event.stop()


class Navigation(EditorMixin):
    """Mixed into :class:`~soptui.tui.screens.editor.EditorScreen`."""

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = f"tab-{tab}"
        self._refresh_tab(tab)
        for widget in self.query(named(tabs.TABS, tab).focus):  # nothing yet if the tab is still being mounted
            focus_now(widget)

    async def action_tab_key(self, tab: str) -> None:
        """F2, F3...: the tab, with the focus in it before the next key is read, also while the tab
        is still being mounted (just after the editor opened): the name typed after F2 went to the step table."""
        for _ in range(200):  # the app reads no key meanwhile; bounded, should the tab never come
            if self.query(named(tabs.TABS, tab).focus):
                break
            await asyncio.sleep(0.01)
        self.action_tab(tab)

    def action_back_to_table(self) -> None:
        """Escape in a form: back to its table (or list); elsewhere Escape is left alone."""
        table = self._table_of(self.focused)
        if table is None:
            raise SkipAction()  # an open menu closes, a dialog is cancelled...
        focus_now(table)

    def action_field_done(self) -> None:
        """Enter in a field: back to its table, or on to the next field of a form without one."""
        field = self.focused
        if not isinstance(field, TextInput):
            raise SkipAction()  # a table's Enter, a button, a menu
        table = self._table_of(field)
        if table is not None:
            focus_now(table)
        else:
            self.focus_next()

    def _table_of(self, widget) -> Widget | None:
        """The table or list whose row a form field (a choice too) edits (none for the identity's fields)."""
        if not isinstance(widget, FIELDS):
            return None
        for ancestor in widget.ancestors:
            if ancestor.has_class("list-editor"):
                return ancestor.query_one("ItemList")
            if ancestor.id == "step-form":
                return self.query_one("#step-table")
            if ancestor.id == "actors-pane" or ancestor.has_class("record-editor"):
                return ancestor.query_one(DataTable)
        return None

    # Masalah: jump to the field ----------------------------------------------

    def action_jump_to_finding(self) -> None:
        finding = self.query_one(FindingsPane).selected
        if finding is not None:
            self.jump(finding.field)

    def jump(self, field: tuple) -> None:
        """Show the tab and focus the widget that edits ``field``."""
        tab = tab_for(tabs.TABS, self.sop, field)
        self.action_tab(tab.id)
        if tab.go is not None:
            tab.go(self, field)
