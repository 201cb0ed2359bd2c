"""Labelled inputs and the validators the forms share."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select

from soptui.fields import ID_PATTERN
from soptui.i18n import t
from soptui.tui.dates import NotADate, read_date
from soptui.tui.text import printable

#: A table's or list's keys that move its cursor, acted on before the next key is read, like the
#: keys that move the focus (soptui/tui/screens/navigation.py): ``↓ Enter`` in a burst edits the row below.
ROW_KEYS = [
    Binding(key, action, show=False, priority=True)
    for key, action in (("up", "cursor_up"), ("down", "cursor_down"), ("pageup", "page_up"), ("pagedown", "page_down"))
]
#: What a form's ↑ and ↓ move between.
FIELDS = (Input, Select, Checkbox)


class DateValidator(Validator):
    """A date as clerks write it (:func:`soptui.tui.dates.read_date`); empty is allowed unless ``required``."""

    def __init__(self, required: bool = False) -> None:
        super().__init__()
        self.required = required

    def validate(self, value: str) -> ValidationResult:
        try:
            date = read_date(value)
        except NotADate as error:
            return self.failure(str(error))
        if date is None and self.required:
            return self.failure(t("tui.form.date_required"))
        return self.success()


class IdValidator(Validator):
    """An id of the file format (lower-case letters, digits, ``-`` and ``_``) that no other row has."""

    def __init__(self, taken: Callable[[], set[str]]) -> None:
        super().__init__()
        self.taken = taken

    def validate(self, value: str) -> ValidationResult:
        if not re.match(ID_PATTERN, value):
            return self.failure(t("tui.form.id_invalid"))
        return self.failure(t("tui.hold.id_taken", id=value)) if value in self.taken() else self.success()


def failure(result: ValidationResult | None) -> str | None:
    """Why a field's text cannot be taken (its validators' words), or ``None`` when it can."""
    return None if result is None or result.is_valid else "; ".join(result.failure_descriptions)


def parse_date(value: str) -> dt.date | None:
    """The date in ``value``, or ``None`` (empty, or not a date: the validator says why)."""
    try:
        return read_date(value)
    except NotADate:
        return None


def date_text(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class FormScroll(VerticalScroll):
    """A form that scrolls: ↑ and ↓ go to the previous and next field, which scrolls into view
    (a plain scroll moved the page and left the field with the focus out of sight).

    The keys act before the next key is read (priority), so a burst of
    ``↓`` and letters puts the letters in the field they were typed for; in
    a list or a table inside the form they are the list's own."""

    BINDINGS = [
        Binding("up", "field(-1)", t("tui.help.prev_field"), show=False, priority=True),
        Binding("down", "field(1)", t("tui.help.next_field"), show=False, priority=True),
    ]

    def action_field(self, step: int) -> None:
        if not isinstance(self.screen.focused, FIELDS):
            raise SkipAction()  # a list, a table, an open menu: ↑ ↓ move in it
        self.screen.focus_next() if step > 0 else self.screen.focus_previous()


def row_index(table, count: int) -> int | None:
    """The row under a table's cursor, or ``None`` when the table has no rows."""
    row_number = table.cursor_row
    return row_number if count and row_number is not None and 0 <= row_number < count else None


def row(label: str, widget: Widget, **kwargs) -> Horizontal:
    """A form line: the label on the left, the input filling the rest."""
    return Horizontal(Label(label, classes="field-label"), widget, classes="field-row", **kwargs)


def set_value(widget: Input | Select, value, force: bool = True) -> None:
    """Show a model value without echoing it back as an edit.

    Unless ``force``, a field that has the focus is left alone: it holds what
    the user is typing, which the model may not have caught up with yet (a
    burst of keys over SSH arrives faster than the edits are recorded), and
    writing the older value back would drop keys and move the cursor."""
    if not force and widget.has_focus:
        return
    if isinstance(widget, Input):
        text = printable(value or "")
        if widget.value != text:
            with widget.prevent(Input.Changed):
                widget.value = text
            widget.cursor_position = len(text) if widget.has_focus else 0  # the start in view (see TextInput)
    elif widget.value != value:
        with widget.prevent(Select.Changed):
            widget.value = value
