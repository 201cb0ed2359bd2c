"""The Langkah tab: the table of steps beside a form for the selected one.

Actors and branch targets are picked from lists, never typed as ids. A
decision shows both its branches, in the table and in the form; the branch
fields appear only for the symbol that uses them. The table is updated row
by row, so typing in a 300-step SOP redraws one row, not three hundred.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import DataTable, Input, Select

from soptui.i18n import t
from soptui.model import SIMBOL_VALUES, Sop, Step
from soptui.tui import edits
from soptui.tui.widgets.form import IdValidator, row, row_index, set_value
from soptui.tui.widgets.preview import PreviewPane

COLUMNS = ("no", "kegiatan", "pelaksana", "simbol", "waktu", "output", "alur")
TEXT_KEYS = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan", "label_ya", "label_tidak")
TARGET_KEYS = ("lanjut", "ya", "tidak")
SHORT = 38
ROWS_DELAY = 0.2


def _short(text: str, width: int = SHORT) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


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
        _short(step.kegiatan),
        _short(actor.nama if actor else step.pelaksana or "?", 20),
        t(f"tui.symbol.{symbol}"),
        step.waktu,
        _short(step.output, 24),
        flow_text(sop, step),
    )


class StepTable(DataTable):
    BINDINGS = [
        Binding("a,insert", "screen.step_add(1)", t("tui.key.add_after"), id="step-add"),
        Binding("b", "screen.step_add(0)", t("tui.key.add_before"), id="step-add-before", show=False),
        Binding("d,delete", "screen.step_delete", t("tui.key.delete"), id="step-delete"),
        Binding("c", "screen.step_duplicate", t("tui.key.duplicate"), id="step-duplicate", show=False),
        Binding("shift+up", "screen.step_move(-1)", t("tui.key.move_up"), id="step-up", show=False),
        Binding("shift+down", "screen.step_move(1)", t("tui.key.move_down"), id="step-down", show=False),
        Binding("enter,e", "screen.step_edit", t("tui.key.edit"), id="step-edit"),
    ]


class StepsPane(Horizontal):
    def __init__(self, sop: Sop) -> None:
        super().__init__(id="steps-pane")
        self.sop = sop
        self._rows: list[tuple[str, ...]] = []
        self._target_ids: tuple[str, ...] | None = None
        self._rows_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="steps-main"):
            yield from self._compose_main()
        yield PreviewPane(self.sop, id="steps-preview", tab="langkah")  # shown beside, on wide terminals

    def _compose_main(self) -> ComposeResult:
        table = StepTable(id="step-table", cursor_type="row", zebra_stripes=True)
        for key in COLUMNS:
            table.add_column(t(f"tui.steps.col.{key}"), key=key)
        yield table
        with VerticalScroll(id="step-form"):
            yield row(t("tui.steps.kegiatan"), Input(id="step-kegiatan"))
            yield row(
                t("tui.steps.pelaksana"),
                Select([], allow_blank=True, prompt=t("tui.steps.choose"), id="step-pelaksana"),
            )
            symbols = [(t("tui.steps.symbol_auto"), "")] + [(t(f"tui.symbol.{s}"), s) for s in SIMBOL_VALUES]
            yield row(t("tui.steps.simbol"), Select(symbols, allow_blank=False, value="", id="step-simbol"))
            for key in ("kelengkapan", "waktu", "output", "keterangan"):
                yield row(t(f"tui.steps.{key}"), Input(id=f"step-{key}", placeholder=t(f"tui.steps.hint_{key}")))
            for key in TARGET_KEYS:
                blank = t("tui.steps.choose" if key == "tidak" else "tui.steps.next_default")
                yield row(
                    t(f"tui.steps.{key}"),
                    Select([(blank, "")], allow_blank=False, value="", id=f"step-{key}"),
                    id=f"row-{key}",
                )
            for key in ("label_ya", "label_tidak"):
                yield row(
                    t(f"tui.steps.{key}"),
                    Input(id=f"step-{key}", placeholder=t(f"tui.steps.hint_{key}")),
                    id=f"row-{key}",
                )
            yield row(t("tui.steps.id"), Input(id="step-id", validators=[IdValidator()]))

    def on_mount(self) -> None:
        self.show(self.sop)

    @property
    def index(self) -> int | None:
        table = self.query_one(StepTable)
        return row_index(table, len(self.sop.langkah))

    @property
    def step(self) -> Step | None:
        index = self.index
        return self.sop.langkah[index] if index is not None else None

    def select(self, index: int) -> None:
        table = self.query_one(StepTable)
        table.move_cursor(row=max(0, min(index, len(self.sop.langkah) - 1)))
        self._show_form()

    def show(self, sop: Sop, select: int | None = None, typing: bool = False) -> None:
        """Update the rows that changed, then the form.

        While the user types in the form, the table row follows a moment
        later: redrawing the table on every key would slow typing down in a
        long SOP, and the form already shows what was typed.
        """
        self.sop = sop
        self.query_one(PreviewPane).show(sop)
        if self._rows_timer is not None:
            self._rows_timer.stop()
            self._rows_timer = None
        if typing and select is None:
            self._rows_timer = self.set_timer(ROWS_DELAY, lambda: self.show(self.sop))
            return
        table = self.query_one(StepTable)
        rows = [row_cells(sop, n, step) for n, step in enumerate(sop.langkah, start=1)]
        keep = self.index if select is None else select
        if len(rows) != len(self._rows):
            table.clear()
            for cells in rows:
                table.add_row(*cells)
        else:
            for number, (old, new) in enumerate(zip(self._rows, rows)):
                for column, (before, after) in enumerate(zip(old, new)):
                    if before != after:
                        table.update_cell_at((number, column), after)
        self._rows = rows
        if rows and (keep is None or keep != table.cursor_row or select is not None):
            table.move_cursor(row=min(keep or 0, len(rows) - 1))
        self._show_form()

    def _target_options(self) -> None:
        ids = tuple(step.id for step in self.sop.langkah)
        actors = tuple((a.id, a.nama) for a in self.sop.pelaksana)
        if (ids, actors) == self._target_ids:
            return
        self._target_ids = (ids, actors)
        steps = [
            (f"{n}. {_short(s.kegiatan or s.id, 40)} ({s.id})", s.id) for n, s in enumerate(self.sop.langkah, start=1)
        ]
        for key, blank in (
            ("lanjut", "tui.steps.next_default"),
            ("ya", "tui.steps.next_default"),
            ("tidak", "tui.steps.choose"),
        ):
            widget = self.query_one(f"#step-{key}", Select)
            with widget.prevent(Select.Changed):
                widget.set_options([(t(blank), "")] + steps)
        widget = self.query_one("#step-pelaksana", Select)
        with widget.prevent(Select.Changed):
            widget.set_options([(nama or actor_id, actor_id) for actor_id, nama in actors])

    def _show_form(self) -> None:
        step = self.step
        self.query_one("#step-form").display = step is not None
        if step is None:
            return
        self._target_options()
        for key in TEXT_KEYS:
            set_value(self.query_one(f"#step-{key}", Input), getattr(step, key))
        set_value(self.query_one("#step-id", Input), step.id)
        actor = self.query_one("#step-pelaksana", Select)
        set_value(actor, step.pelaksana if self.sop.actor(step.pelaksana) else Select.NULL)
        set_value(self.query_one("#step-simbol", Select), step.simbol or "")
        known = {s.id for s in self.sop.langkah}
        for key in TARGET_KEYS:
            target = getattr(step, key)
            set_value(self.query_one(f"#step-{key}", Select), target if target in known else "")
        symbol = self.sop.flow.symbols.get(step.id)
        is_end = symbol == "terminator" and self.index != 0
        self.query_one("#row-lanjut").display = symbol != "keputusan" and not is_end
        for key in ("ya", "tidak", "label_ya", "label_tidak"):
            self.query_one(f"#row-{key}").display = symbol == "keputusan"

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_form()
        if self.step is not None:
            self.screen.follow_step(self.step.id)

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, Select):
            self._target_ids = None  # labels show the steps' current text when choosing
            self._show_form()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        index = self.index
        key = (event.input.id or "").removeprefix("step-")
        if index is None or key not in (*TEXT_KEYS, "id"):
            return
        value: str | None = event.value
        if key == "id":
            taken = {s.id for i, s in enumerate(self.sop.langkah) if i != index}
            if not event.validation_result or not event.validation_result.is_valid or value in taken:
                return
        elif key in ("label_ya", "label_tidak") and not value:
            value = None
        self.screen.commit(edits.set_step(self.sop, index, **{key: value}), group=f"step-{index}-{key}")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(StepTable).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        index = self.index
        key = (event.select.id or "").removeprefix("step-")
        if index is None or event.value is Select.NULL:
            return
        value = event.value or None
        if key == "pelaksana":
            value = value or ""
        self.screen.commit(edits.set_step(self.sop, index, **{key: value}))
