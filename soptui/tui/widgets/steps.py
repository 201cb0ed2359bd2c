"""The Langkah tab: the table of steps beside a form for the selected one.

Actors and branch targets are picked from lists, never typed as ids. A
decision shows both its branches, in the table and in the form; the branch
fields appear only for the symbol that uses them. The table is updated row
by row, so typing in a 300-step SOP redraws one row, not three hundred; and
while typing, only the rows typed in are computed again (a renamed id
changes the rows that lead to it: all of them are).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Input, Select

from soptui.fields import STEP
from soptui.i18n import t
from soptui.model import SIMBOL_VALUES, Sop, Step
from soptui.tui import edits
from soptui.tui.host import editor
from soptui.tui.text import TextInput, plain
from soptui.tui.textual_texts import Choice
from soptui.tui.widgets.columns import Column, FittedTable, cut
from soptui.tui.widgets.form import ROW_KEYS, FormScroll, IdValidator, failure, row, row_index, set_value
from soptui.tui.widgets.preview import PreviewPane

#: The table's columns: (key, widest, rank); Kegiatan takes the room the others leave.
COLUMNS = (("no", 3, 0), ("kegiatan", 30, 1), ("pelaksana", 20, 2), ("simbol", 10, 3), ("waktu", 14, 4),
           ("output", 24, 6), ("alur", 30, 5))
TEXT_KEYS = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan", "label_ya", "label_tidak")
TARGET_KEYS = ("lanjut", "ya", "tidak")
#: The form has a field (``#step-<key>``) for every key of a step in the file format.
FORM_KEYS = tuple(STEP)
ROWS_DELAY = 0.2


def flow_text(sop: Sop, step: Step) -> str:
    """Where the step leads, e.g. ``Ya→agenda  Tidak→kembalikan``."""
    edges = sop.flow.successors.get(step.id, ())
    if not edges:
        return (
            t("tui.steps.end") if sop.flow.symbols.get(step.id) == "terminator" and step is not sop.langkah[0] else "-"
        )
    return "  ".join(f"{edge.label}→{edge.target}" if edge.label else f"→{edge.target}" for edge in edges)


def row_cells(sop: Sop, number: int, step: Step) -> tuple[str, ...]:
    actor = sop.actor(step.pelaksana)
    symbol = sop.flow.symbols.get(step.id, step.simbol or "proses")
    return (
        str(number),
        step.kegiatan,
        actor.nama if actor else step.pelaksana or "?",
        t(f"tui.symbol.{symbol}"),
        step.waktu,
        step.output,
        flow_text(sop, step),
    )


class StepTable(FittedTable):
    """No printable letter is bound: a word typed on the table changes nothing. The keys have
    priority, so the focus is in the form before the next key of a burst is read."""

    class Painted(Message):
        """The table is drawn for the first time: the editor's first screen is out."""

    _painted = False

    def render_line(self, y: int):
        if not self._painted:
            self._painted = True
            self.post_message(self.Painted())  # handled once this frame has gone to the terminal
        return super().render_line(y)

    BINDINGS = [
        *ROW_KEYS,
        Binding("enter", "screen.step_edit", t("tui.key.edit"), id="step-edit", priority=True),
        Binding("ctrl+n,insert", "screen.step_add(1)", t("tui.key.add_after"), id="step-add", priority=True),
        Binding("ctrl+o", "screen.step_add(0)", t("tui.key.add_before"), id="step-add-before", show=False,
                priority=True),
        Binding("delete", "screen.step_delete", t("tui.key.delete"), id="step-delete", priority=True),
        Binding("ctrl+d", "screen.step_duplicate", t("tui.key.duplicate"), id="step-duplicate", show=False,
                priority=True),
        Binding("shift+up", "screen.step_move(-1)", t("tui.key.move_up"), id="step-up", show=False, priority=True),
        Binding("shift+down", "screen.step_move(1)", t("tui.key.move_down"), id="step-down", show=False, priority=True),
    ]


class StepsPane(Horizontal):
    def __init__(self, sop: Sop) -> None:
        super().__init__(id="steps-pane")
        self.sop = sop
        self._target_ids: tuple | None = None  # what the branch lists were made from
        self._rows_timer: Timer | None = None
        self._form_index: int | None = None  # the step the form shows
        self._typed: set[int] | None = set()  # rows typed in since the table caught up (None: an id, so all)

    def compose(self) -> ComposeResult:
        with Vertical(id="steps-main"):
            yield from self._compose_main()
        yield PreviewPane(self.sop, id="steps-preview", tab="langkah")  # shown beside, on wide terminals

    def _compose_main(self) -> ComposeResult:
        columns = [
            Column(key, t(f"tui.steps.col.{key}"), width, rank, key == "kegiatan") for key, width, rank in COLUMNS
        ]
        yield StepTable(columns, id="step-table", cursor_type="row", zebra_stripes=True)
        with FormScroll(id="step-form"):
            yield row(t("tui.steps.kegiatan"), TextInput(id="step-kegiatan"))
            yield row(
                t("tui.steps.pelaksana"),
                Choice([], allow_blank=True, prompt=t("tui.steps.choose"), id="step-pelaksana"),
            )
            symbols = [(t("tui.steps.symbol_auto"), "")] + [(t(f"tui.symbol.{s}"), s) for s in SIMBOL_VALUES]
            yield row(t("tui.steps.simbol"), Choice(symbols, allow_blank=False, value="", id="step-simbol"))
            for key in ("kelengkapan", "waktu", "output", "keterangan"):
                yield row(t(f"tui.steps.{key}"), TextInput(id=f"step-{key}", placeholder=t(f"tui.steps.hint_{key}")))
            for key in TARGET_KEYS:
                blank = t("tui.steps.choose" if key == "tidak" else "tui.steps.next_default")
                yield row(
                    t(f"tui.steps.{key}"),
                    Choice([(blank, "")], allow_blank=False, value="", id=f"step-{key}"),
                    id=f"row-{key}",
                )
            for key in ("label_ya", "label_tidak"):
                yield row(
                    t(f"tui.steps.{key}"),
                    TextInput(id=f"step-{key}", placeholder=t(f"tui.steps.hint_{key}")),
                    id=f"row-{key}",
                )
            yield row(t("tui.steps.id"), TextInput(id="step-id", validators=[IdValidator(self._other_ids)]))

    def on_mount(self) -> None:
        self.show(self.sop)

    @property
    def index(self) -> int | None:
        table = self.query_one(StepTable)
        return row_index(table, len(self.sop.langkah))

    def _other_ids(self) -> set[str]:
        index = self.index
        return {step.id for i, step in enumerate(self.sop.langkah) if i != index}

    @property
    def step(self) -> Step | None:
        index = self.index
        return self.sop.langkah[index] if index is not None else None

    def select(self, index: int) -> None:
        table = self.query_one(StepTable)
        table.move_cursor(row=max(0, min(index, len(self.sop.langkah) - 1)))
        self.show_form(force=True)

    def show(self, sop: Sop, select: int | None = None, typing: bool = False) -> None:
        """Update the rows that changed, then the form.

        While the user types in the form, the table row follows a moment
        later: redrawing the table on every key would slow typing down in a
        long SOP, and the form already shows what was typed (and is never
        written back to while typing: see ``set_value``).
        """
        self.sop = sop
        self.query_one(PreviewPane).show(sop)
        if self._rows_timer is not None:
            self._rows_timer.stop()
            self._rows_timer = None
        if typing and select is None:
            self._rows_timer = self.set_timer(ROWS_DELAY, self._catch_up)
            return
        self._typed = set()
        self._update_rows(select)
        self.show_form(force=True)

    def _catch_up(self) -> None:
        """After typing: the rows typed in, or every row when that is not known."""
        typed, self._typed = self._typed, set()
        if not typed or len(self.sop.langkah) != len(self.query_one(StepTable).rows):
            self._update_rows()
            return
        for index in sorted(typed):
            self.query_one(StepTable).set_row(index, row_cells(self.sop, index + 1, self.sop.langkah[index]))

    def _update_rows(self, select: int | None = None) -> None:
        """Bring the table's rows in line with the SOP, the cursor on ``select`` or where it was."""
        sop = self.sop
        table = self.query_one(StepTable)
        rows = [row_cells(sop, n, step) for n, step in enumerate(sop.langkah, start=1)]
        keep = self.index if select is None else select
        table.set_rows(rows)
        if rows and (keep is None or keep != table.cursor_row or select is not None):
            table.move_cursor(row=min(keep or 0, len(rows) - 1))

    def _target_options(self) -> None:
        labels = tuple((step.id, step.kegiatan) for step in self.sop.langkah)  # a step's new text shows too
        actors = tuple((a.id, a.nama) for a in self.sop.pelaksana)
        if (labels, actors) == self._target_ids:
            return
        self._target_ids = (labels, actors)
        steps = [
            (plain(f"{n}. {cut(s.kegiatan or s.id, 40)} ({s.id})"), s.id)
            for n, s in enumerate(self.sop.langkah, start=1)
        ]
        choices: dict[str, list[tuple[str | Text, str]]] = {
            "lanjut": [(t("tui.steps.next_default"), ""), *steps],
            "ya": [(t("tui.steps.next_default"), ""), *steps],
            "tidak": [(t("tui.steps.choose"), ""), *steps],
            "pelaksana": [(plain(nama or actor_id), actor_id) for actor_id, nama in actors],
        }
        for key, options in choices.items():
            widget = self.query_one(f"#step-{key}", Select)
            value = widget.value  # new options clear it; the choice shown stays (even in the list being opened)
            with widget.prevent(Select.Changed):
                widget.set_options(options)
                if value in {v for _, v in options}:
                    widget.value = value

    def show_form(self, force: bool = False) -> None:
        """Show the selected step in the form; the field with the focus only when
        ``force`` or when the form showed another step (see ``set_value``)."""
        step = self.step
        self.query_one("#step-form").display = step is not None
        if step is None:
            return
        force = force or self.index != self._form_index
        self._form_index = self.index
        self._target_options()
        for key in TEXT_KEYS:
            set_value(self.query_one(f"#step-{key}", Input), getattr(step, key), force)
        held = editor(self).held_text(("langkah", self.index, "id")) if self.index is not None else None
        set_value(self.query_one("#step-id", Input), step.id if held is None else held, force)
        actor = self.query_one("#step-pelaksana", Select)
        set_value(actor, step.pelaksana if self.sop.actor(step.pelaksana) else Select.NULL, force)
        set_value(self.query_one("#step-simbol", Select), step.simbol or "", force)
        known = {s.id for s in self.sop.langkah}
        for key in TARGET_KEYS:
            target = getattr(step, key)
            set_value(self.query_one(f"#step-{key}", Select), target if target in known else "", force)
        symbol = self.sop.flow.symbols.get(step.id)
        is_end = symbol == "terminator" and self.index != 0
        self.query_one("#row-lanjut").display = symbol != "keputusan" and not is_end
        for key in ("ya", "tidak", "label_ya", "label_tidak"):
            self.query_one(f"#row-{key}").display = symbol == "keputusan"

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.show_form()
        if self.step is not None:
            editor(self).follow_step(self.step.id)

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, Select):
            self._target_ids = None  # labels show the steps' current text when choosing
            self.show_form()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        index = self.index
        key = (event.input.id or "").removeprefix("step-")
        if index is None or key not in (*TEXT_KEYS, "id"):
            return
        value: str | None = event.value
        if key == "id":
            problem = failure(event.validation_result)
            if problem:
                editor(self).hold(("langkah", index, "id"), event.value, problem)
                return
            editor(self).release(("langkah", index, "id"))
        elif key in ("label_ya", "label_tidak") and not value:
            value = None
        if self._typed is not None:
            self._typed = None if key == "id" else self._typed | {index}
        editor(self).commit(edits.set_step(editor(self).sop, index, **{key: value}), group=f"step-{index}-{key}")

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        index = self.index
        key = (event.select.id or "").removeprefix("step-")
        if index is None or event.value is Select.NULL:
            return
        value: object = event.value or None
        if key == "pelaksana":
            value = value or ""
        editor(self).commit(edits.set_step(editor(self).sop, index, **{key: value}))
