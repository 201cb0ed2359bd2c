"""A list of short texts edited as a list: add, edit, delete, reorder.

The identity's lists (dasar hukum, kualifikasi, ...) are numbered lists on
the printed page, so the editor shows them as lists too, not as one text
box with separators. The list has the keys; the line below it edits the
highlighted item, and every keystroke there is an edit of the model.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from soptui.i18n import t
from soptui.tui.text import TextInput, focus_now, plain
from soptui.tui.widgets.form import ROW_KEYS, set_value


class ItemList(OptionList):
    """The items; its bindings act on the highlighted one."""

    BINDINGS = [
        *ROW_KEYS,
        Binding("enter", "edit", t("tui.key.edit"), id="list-edit", priority=True),
        Binding("ctrl+n,insert", "add", t("tui.key.add"), id="list-add", priority=True),
        Binding("delete", "remove", t("tui.key.delete"), id="list-delete", priority=True),
        Binding("shift+up", "move(-1)", t("tui.key.move_up"), id="list-up", show=False, priority=True),
        Binding("shift+down", "move(1)", t("tui.key.move_down"), id="list-down", show=False, priority=True),
    ]

    def action_cursor_down(self) -> None:
        """Past the last item, ↓ goes on to the next field of the form (↑ before the first, back)."""
        if self.highlighted is None or self.highlighted >= self.option_count - 1:
            self.screen.focus_next()
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if not self.highlighted:
            self.screen.focus_previous()
        else:
            super().action_cursor_up()

    def action_add(self) -> None:
        self.query_ancestor(ListEditor).add_item()

    def action_remove(self) -> None:
        self.query_ancestor(ListEditor).remove_item()

    def action_move(self, delta: int) -> None:
        self.query_ancestor(ListEditor).move_item(delta)

    def action_edit(self) -> None:
        owner = self.query_ancestor(ListEditor)
        owner._show_current(force=False)  # the highlighted item, before a key typed next reaches the field
        focus_now(owner.query_one(Input))


class ListEditor(Vertical):
    """Edits a tuple of strings; posts :class:`ListEditor.Changed`."""

    class Changed(Message):
        def __init__(self, editor: ListEditor, items: tuple[str, ...], typing: bool) -> None:
            super().__init__()
            self.editor = editor
            self.items = items
            self.typing = typing  # an edit of the item's text, not of the list

    def __init__(self, label: str, items: tuple[str, ...] = (), id: str | None = None) -> None:
        super().__init__(id=id, classes="list-editor")
        self.label = label
        self.items = tuple(items)
        self._shown: int | None = None  # the item the field shows

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="list-label")
        yield ItemList(*self._options(), classes="list-items")
        yield TextInput(placeholder=t("tui.list.placeholder"), classes="list-input")

    def on_mount(self) -> None:
        if self.items:
            self.query_one(ItemList).highlighted = 0

    def _options(self) -> list[Option]:
        if not self.items:
            return [Option(t("tui.list.empty"), disabled=True)]
        return [Option(plain(f"{n}. {text or t('tui.list.blank')}")) for n, text in enumerate(self.items, start=1)]

    @property
    def index(self) -> int | None:
        highlighted = self.query_one(ItemList).highlighted
        return highlighted if self.items and highlighted is not None and highlighted < len(self.items) else None

    def set_items(self, items: tuple[str, ...], force: bool = True) -> None:
        """Show the model's items, keeping the highlight where it was (the item
        being typed in is left as typed unless ``force``: see ``set_value``)."""
        items = tuple(items)
        if items == self.items and self.is_mounted:
            return
        keep = self.index
        self.items = items
        option_list = self.query_one(ItemList)
        option_list.clear_options()
        option_list.add_options(self._options())
        if items:
            option_list.highlighted = min(keep or 0, len(items) - 1)
        self._show_current(force)

    def _show_current(self, force: bool = True) -> None:
        """Put the highlighted item in the field; a focused field showing that item already is left alone."""
        index = self.index
        force = force or index != self._shown
        self._shown = index
        set_value(self.query_one(Input), self.items[index] if index is not None else "", force)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_current(force=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        focus_now(self.query_one(Input))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        index = self.index
        if index is None:  # typing into an empty list makes its first item
            if event.value:
                self._change((event.value,), 0, typing=True)
            return
        items = list(self.items)
        items[index] = event.value
        self._change(tuple(items), index, typing=True)

    def add_item(self) -> None:
        index = self.index
        at = len(self.items) if index is None else index + 1
        items = list(self.items)
        items.insert(at, "")
        self._change(tuple(items), at)
        focus_now(self.query_one(Input))

    def remove_item(self) -> None:
        index = self.index
        if index is None:
            return
        self._change(tuple(item for i, item in enumerate(self.items) if i != index), max(0, index - 1))
        self.notify(t("tui.list.deleted"), timeout=4)

    def move_item(self, delta: int) -> None:
        from soptui.tui.edits import moved

        index = self.index
        if index is None:
            return
        self._change(moved(self.items, index, delta), max(0, min(len(self.items) - 1, index + delta)))

    def _change(self, items: tuple[str, ...], highlight: int, typing: bool = False) -> None:
        """Show ``items`` and tell the tab; while ``typing`` the field is not written
        to: it already shows what was typed, maybe more than ``items`` has yet."""
        option_list = self.query_one(ItemList)
        if len(items) != len(self.items) or not typing:
            self.items = items
            option_list.clear_options()
            option_list.add_options(self._options())
        else:
            self.items = items
            option_list.replace_option_prompt_at_index(highlight, self._options()[highlight].prompt)
        if items:
            option_list.highlighted = highlight
        if typing:
            self._shown = highlight
        else:
            self._show_current()
        self.post_message(self.Changed(self, items, typing=typing))
