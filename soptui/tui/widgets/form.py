"""Labelled inputs and the validators the forms share."""

from __future__ import annotations

import datetime as dt
import re

from textual.containers import Horizontal
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Label, Select

from soptui.fields import ID_PATTERN
from soptui.i18n import t


class DateValidator(Validator):
    """``YYYY-MM-DD``, as TOML writes dates; empty is allowed unless ``required``."""

    def __init__(self, required: bool = False) -> None:
        super().__init__()
        self.required = required

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.failure(t("tui.form.date_required")) if self.required else self.success()
        return self.success() if parse_date(value) else self.failure(t("tui.form.date_invalid"))


class IdValidator(Validator):
    """An id of the file format: lower-case letters, digits, ``-`` and ``_``."""

    def validate(self, value: str) -> ValidationResult:
        return self.success() if re.match(ID_PATTERN, value) else self.failure(t("tui.form.id_invalid"))


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()) else None
    except ValueError:
        return None


def date_text(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def row_index(table, count: int) -> int | None:
    """The row under a table's cursor, or ``None`` when the table has no rows."""
    row_number = table.cursor_row
    return row_number if count and row_number is not None and 0 <= row_number < count else None


def row(label: str, widget: Input | Select, **kwargs) -> Horizontal:
    """A form line: the label on the left, the input filling the rest."""
    return Horizontal(Label(label, classes="field-label"), widget, classes="field-row", **kwargs)


def set_value(widget: Input | Select, value) -> None:
    """Show a model value without echoing it back as an edit."""
    if isinstance(widget, Input):
        text = value or ""
        if widget.value != text:
            with widget.prevent(Input.Changed):
                widget.value = text
    elif widget.value != value:
        with widget.prevent(Select.Changed):
            widget.value = value
