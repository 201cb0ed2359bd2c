"""The Riwayat dan Monev tab: revision history, monitoring and evaluation.

One generic editor serves the three record types: a table of records and a
form for the selected one, whose fields are described as data below.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, DataTable, Input, Label, Select

from soptui.i18n import t
from soptui.model import EVALUATION_CRITERIA, PENILAIAN_VALUES, Sop
from soptui.tui import edits
from soptui.tui.host import editor
from soptui.tui.text import TextInput, focus_now, plain
from soptui.tui.textual_texts import Choice
from soptui.tui.widgets.form import (
    ROW_KEYS,
    DateValidator,
    FormScroll,
    date_text,
    failure,
    parse_date,
    row,
    row_index,
    set_value,
)
from soptui.tui.widgets.signed import SignedPdfLine

#: The form of each record type: (key, kind) with kind text, date, penilaian, jawaban.
RECORD_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "riwayat": (("tanggal", "date"), ("uraian", "text"), ("oleh", "text")),
    "monitoring": (
        ("tanggal", "date"),
        ("penilaian", "penilaian"),
        ("catatan", "text"),
        ("tindakan", "text"),
        ("penilai", "text"),
    ),
    "evaluasi": (
        ("tanggal", "date"),
        ("penilai", "text"),
        ("catatan", "text"),
        ("tindakan", "text"),
        ("jawaban", "jawaban"),
    ),
}
SUMMARY_KEY = {"riwayat": "uraian", "monitoring": "penilaian", "evaluasi": "catatan"}


class RecordTable(DataTable):
    BINDINGS = [
        *ROW_KEYS,
        Binding("enter", "edit", t("tui.key.edit"), id="record-edit", priority=True),
        Binding("ctrl+n,insert", "add", t("tui.key.add"), id="record-add", priority=True),
        Binding("delete", "remove", t("tui.key.delete"), id="record-delete", priority=True),
    ]

    def action_add(self) -> None:
        self.query_ancestor(RecordEditor).add()

    def action_edit(self) -> None:
        self.query_ancestor(RecordEditor).edit()

    def action_remove(self) -> None:
        self.query_ancestor(RecordEditor).remove_record()


class RecordEditor(Vertical):
    """The records of one kind (``riwayat``, ``monitoring`` or ``evaluasi``)."""

    def __init__(self, kind: str, sop: Sop) -> None:
        super().__init__(id=f"records-{kind}", classes="record-editor")
        self.kind = kind
        self.sop = sop
        self._form_index: int | None = None  # the record the form shows

    def compose(self) -> ComposeResult:
        title = Text.assemble(plain(t(f"tui.records.{self.kind}")), "  ", plain(t("tui.records.hint"), "dim"))
        yield Label(title, classes="section-label")
        table = RecordTable(cursor_type="row", classes="record-table")
        table.add_column(t("tui.records.tanggal"), key="tanggal")
        table.add_column(t(f"tui.records.{SUMMARY_KEY[self.kind]}"), key="summary")
        yield table
        with Vertical(classes="record-form"):
            for key, kind in RECORD_FIELDS[self.kind]:
                widget_id = f"{self.kind}-{key}"
                if kind == "date":
                    yield row(
                        t("tui.records.tanggal"),
                        TextInput(
                            placeholder=t("tui.date.placeholder"), validators=[DateValidator(True)], id=widget_id
                        ),
                    )
                elif kind == "penilaian":
                    options = [(t(f"tui.records.penilaian_{v}"), v) for v in PENILAIAN_VALUES]
                    # blank allowed: a file may hold a value outside the choices (Masalah names it)
                    select = Choice(options, allow_blank=True, prompt=t("tui.steps.choose"), id=widget_id)
                    yield row(t("tui.records.penilaian"), select)
                elif kind == "jawaban":
                    for criterion, label in EVALUATION_CRITERIA:
                        yield Checkbox(label, id=f"{self.kind}-jawaban-{criterion}")
                else:
                    yield row(t(f"tui.records.{key}"), TextInput(id=widget_id))

    def on_mount(self) -> None:
        self.show(getattr(self.screen, "sop", self.sop))  # edits may come before a lazy mount

    @property
    def records(self) -> tuple:
        return getattr(self.sop, self.kind)

    @property
    def index(self) -> int | None:
        table = self.query_one(RecordTable)
        return row_index(table, len(self.records))

    def show(self, sop: Sop, select: int | None = None, typing: bool = False) -> None:
        """Show ``sop``; while ``typing``, the field being typed in is left as it is."""
        self.sop = sop
        table = self.query_one(RecordTable)
        keep = self.index if select is None else select
        table.clear()
        for record in self.records:
            summary = getattr(record, SUMMARY_KEY[self.kind])
            if self.kind == "monitoring":
                summary = t(f"tui.records.penilaian_{summary}") if summary in PENILAIAN_VALUES else "?"
            table.add_row(date_text(record.tanggal), plain(summary))
        if self.records:
            table.move_cursor(row=min(keep or 0, len(self.records) - 1))
        self._show_form(force=not typing)

    def _show_form(self, force: bool = False) -> None:
        index = self.index
        force = force or index != self._form_index
        self._form_index = index
        form = self.query_one(".record-form")
        form.display = index is not None
        if index is None:
            return
        record = self.records[index]
        for key, kind in RECORD_FIELDS[self.kind]:
            if kind == "jawaban":
                for criterion, _ in EVALUATION_CRITERIA:
                    box = self.query_one(f"#{self.kind}-jawaban-{criterion}", Checkbox)
                    with box.prevent(Checkbox.Changed):
                        box.value = bool(record.jawaban.get(criterion, False))
                continue
            name = f"#{self.kind}-{key}"
            widget: Input | Select = self.query_one(name, Select) if kind == "penilaian" else self.query_one(name, Input)
            value = getattr(record, key)
            if kind == "penilaian" and value not in PENILAIAN_VALUES:
                value = Select.NULL
            if kind == "date":
                held = editor(self).held_text((self.kind, index, key))
                value = date_text(value) if held is None else held
            set_value(widget, value, force)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_form()

    def _commit(self, group: str | None = None, **changes) -> None:
        index = self.index
        if index is not None:
            editor(self).commit(edits.set_record(editor(self).sop, self.kind, index, **changes), group=group)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        key = (event.input.id or "").removeprefix(f"{self.kind}-")
        index = self.index
        if index is None:  # no record selected: the form is hidden
            return
        group = f"{self.kind}-{index}-{key}"
        if key == "tanggal":
            field = (self.kind, index, "tanggal")
            problem = failure(event.validation_result)
            if problem:
                editor(self).hold(field, event.value, problem)
                return
            editor(self).release(field)
            self._commit(group=group, tanggal=parse_date(event.value))
        else:
            value = event.value or (None if key == "oleh" else "")
            self._commit(group=group, **{key: value})

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is not Select.NULL:
            self._commit(penilaian=event.value)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        index = self.index
        if index is None:
            return
        criterion = (event.checkbox.id or "").removeprefix(f"{self.kind}-jawaban-")
        answers = dict(self.records[index].jawaban)
        answers[criterion] = event.value
        self._commit(jawaban=answers)

    def add(self) -> None:
        import datetime as dt

        sop = edits.add_record(self.sop, self.kind, tanggal=dt.date.today())
        editor(self).commit(sop)
        self.show(sop, select=len(getattr(sop, self.kind)) - 1)
        first_text = next(key for key, kind in RECORD_FIELDS[self.kind] if kind == "text")  # the date is today already
        focus_now(self.query_one(f"#{self.kind}-{first_text}", Input))

    def edit(self) -> None:
        """The form's first field (the date) of the selected record."""
        if self.index is not None:
            self._show_form()
            focus_now(self.query_one(f"#{self.kind}-tanggal", Input))

    def remove_record(self) -> None:  # not ``remove``: that is Textual's, which takes the widget off the screen
        index = self.index
        if index is not None:
            editor(self).commit(edits.delete_record(self.sop, self.kind, index))
            self.notify(t("tui.records.deleted"), timeout=4)


class RecordsPane(FormScroll):
    BINDINGS = [Binding("ctrl+r", "screen.record_revision", t("tui.revision.key"), id="record-revision")]

    def __init__(self, sop: Sop) -> None:
        super().__init__(id="records-pane")
        self.sop = sop

    def compose(self) -> ComposeResult:
        yield SignedPdfLine()
        for kind in RECORD_FIELDS:
            yield RecordEditor(kind, self.sop)

    def show(self, sop: Sop, typing: bool = False) -> None:
        self.sop = sop
        for line in self.query(SignedPdfLine):
            line.look(sop)
        for form in self.query(RecordEditor):
            form.show(sop, typing=typing)
