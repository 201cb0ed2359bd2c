"""The Pelaksana tab: the actors, in column order.

Deleting an actor that still has steps asks what to do: keep the actor
(refuse), or move its steps to another actor the user picks.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Label

from soptui.i18n import t
from soptui.model import Sop
from soptui.tui import edits
from soptui.tui.dialogs import ChoiceDialog, PickDialog, PromptDialog
from soptui.tui.widgets.form import IdValidator, row, row_index, set_value


class ActorTable(DataTable):
    BINDINGS = [
        Binding("a,insert", "screen.actor_add", t("tui.key.add"), id="actor-add"),
        Binding("r,enter", "screen.actor_rename", t("tui.key.rename"), id="actor-rename"),
        Binding("d,delete", "screen.actor_delete", t("tui.key.delete"), id="actor-delete"),
        Binding("shift+up", "screen.actor_move(-1)", t("tui.key.move_up"), id="actor-up"),
        Binding("shift+down", "screen.actor_move(1)", t("tui.key.move_down"), id="actor-down"),
    ]


class ActorsPane(Vertical):
    def __init__(self, sop: Sop) -> None:
        super().__init__(id="actors-pane")
        self.sop = sop

    def compose(self) -> ComposeResult:
        table = ActorTable(id="actor-table", cursor_type="row")
        for key in ("no", "nama", "id", "steps"):
            table.add_column(t(f"tui.actors.col.{key}"), key=key)
        yield table
        yield Label(t("tui.actors.form"), classes="section-label")
        yield row(t("tui.actors.nama"), Input(id="actor-nama"))
        yield row(t("tui.actors.id"), Input(id="actor-id", validators=[IdValidator()]))

    def on_mount(self) -> None:
        self.show(getattr(self.screen, "sop", self.sop))  # edits may come before a lazy mount

    @property
    def index(self) -> int | None:
        table = self.query_one(ActorTable)
        return row_index(table, len(self.sop.pelaksana))

    def show(self, sop: Sop, select: int | None = None) -> None:
        self.sop = sop
        table = self.query_one(ActorTable)
        keep = self.index if select is None else select
        table.clear()
        for number, actor in enumerate(sop.pelaksana, start=1):
            table.add_row(str(number), actor.nama, actor.id, str(len(edits.steps_of_actor(sop, actor.id))))
        if sop.pelaksana:
            table.move_cursor(row=min(keep or 0, len(sop.pelaksana) - 1))
        self._show_form()

    def _show_form(self) -> None:
        index = self.index
        actor = self.sop.pelaksana[index] if index is not None else None
        set_value(self.query_one("#actor-nama", Input), actor.nama if actor else "")
        set_value(self.query_one("#actor-id", Input), actor.id if actor else "")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_form()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        index = self.index
        if index is None:
            return
        key = (event.input.id or "").removeprefix("actor-")
        if key == "id":
            taken = {a.id for i, a in enumerate(self.sop.pelaksana) if i != index}
            if not event.validation_result or not event.validation_result.is_valid or event.value in taken:
                return
        self.screen.commit(edits.set_actor(self.sop, index, **{key: event.value}), group=f"actor-{index}-{key}")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(ActorTable).focus()

    def add(self) -> None:
        def done(nama: str | None) -> None:
            if nama:
                sop = edits.add_actor(self.sop, nama)
                self.screen.commit(sop)
                self.show(sop, select=len(sop.pelaksana) - 1)

        self.app.push_screen(
            PromptDialog(t("tui.actors.add_title"), check=lambda v: None if v else t("tui.actors.nama_empty")), done
        )

    def rename(self) -> None:
        if self.index is not None:
            self.query_one("#actor-nama", Input).focus()

    def move(self, delta: int) -> None:
        index = self.index
        if index is not None:
            sop = edits.move_actor(self.sop, index, delta)
            self.screen.commit(sop)
            self.show(sop, select=max(0, min(len(sop.pelaksana) - 1, index + delta)))

    def delete(self) -> None:
        index = self.index
        if index is None:
            return
        actor = self.sop.pelaksana[index]
        used = edits.steps_of_actor(self.sop, actor.id)
        if not used:
            self.screen.commit(edits.delete_actor(self.sop, index))
            return
        others = [(a.id, a.nama) for a in self.sop.pelaksana if a.id != actor.id]
        message = t("tui.actors.in_use", nama=actor.nama, count=len(used), steps=", ".join(used[:6]))
        if not others:
            self.app.push_screen(
                ChoiceDialog(
                    t("tui.actors.delete_title"),
                    message + "\n" + t("tui.actors.no_other"),
                    [("no", t("tui.dialog.ok"))],
                )
            )
            return

        def moved_to(target: str | None) -> None:
            if target:
                self.screen.commit(edits.delete_actor(self.sop, index, move_to=target))
                self.notify(
                    t(
                        "tui.actors.moved",
                        count=len(used),
                        nama=self.sop.actor(target).nama if self.sop.actor(target) else target,
                    )
                )

        def choice(answer: str | None) -> None:
            if answer == "move":
                self.app.push_screen(
                    PickDialog(t("tui.actors.move_title"), t("tui.actors.move_message", nama=actor.nama), others),
                    moved_to,
                )

        choices = [("keep", t("tui.actors.keep")), ("move", t("tui.actors.move"))]
        self.app.push_screen(ChoiceDialog(t("tui.actors.delete_title"), message, choices), choice)
