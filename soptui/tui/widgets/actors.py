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
from soptui.tui.host import editor
from soptui.tui.text import TextInput, focus_now, plain
from soptui.tui.widgets.form import ROW_KEYS, IdValidator, failure, row, row_index, set_value


class ActorTable(DataTable):
    BINDINGS = [
        *ROW_KEYS,
        Binding("enter", "screen.actor_rename", t("tui.key.edit"), id="actor-rename", priority=True),
        Binding("ctrl+n,insert", "screen.actor_add", t("tui.key.add"), id="actor-add", priority=True),
        Binding("delete", "screen.actor_delete", t("tui.key.delete"), id="actor-delete", priority=True),
        Binding("shift+up", "screen.actor_move(-1)", t("tui.key.move_up"), id="actor-up", priority=True),
        Binding("shift+down", "screen.actor_move(1)", t("tui.key.move_down"), id="actor-down", priority=True),
    ]


class ActorsPane(Vertical):
    def __init__(self, sop: Sop) -> None:
        super().__init__(id="actors-pane")
        self.sop = sop
        self._form_index: int | None = None  # the actor the form shows

    def compose(self) -> ComposeResult:
        table = ActorTable(id="actor-table", cursor_type="row")
        for key in ("no", "nama", "id", "steps"):
            table.add_column(t(f"tui.actors.col.{key}"), key=key)
        yield table
        yield Label(t("tui.actors.form"), classes="section-label")
        yield row(t("tui.actors.nama"), TextInput(id="actor-nama"))
        yield row(t("tui.actors.id"), TextInput(id="actor-id", validators=[IdValidator(self._other_ids)]))

    def on_mount(self) -> None:
        self.show(getattr(self.screen, "sop", self.sop))  # edits may come before a lazy mount

    def _other_ids(self) -> set[str]:
        index = self.index
        return {actor.id for i, actor in enumerate(self.sop.pelaksana) if i != index}

    @property
    def index(self) -> int | None:
        table = self.query_one(ActorTable)
        return row_index(table, len(self.sop.pelaksana))

    def show(self, sop: Sop, select: int | None = None, typing: bool = False) -> None:
        """Show ``sop``; while ``typing``, the field being typed in is left as it is."""
        self.sop = sop
        table = self.query_one(ActorTable)
        keep = self.index if select is None else select
        table.clear()
        for number, actor in enumerate(sop.pelaksana, start=1):
            steps = len(edits.steps_of_actor(sop, actor.id))
            table.add_row(str(number), plain(actor.nama), plain(actor.id), str(steps))
        if sop.pelaksana:
            table.move_cursor(row=min(keep or 0, len(sop.pelaksana) - 1))
        self._show_form(force=not typing)

    def _show_form(self, force: bool = False) -> None:
        index = self.index
        force = force or index != self._form_index
        self._form_index = index
        actor = self.sop.pelaksana[index] if index is not None else None
        set_value(self.query_one("#actor-nama", Input), actor.nama if actor else "", force)
        held = editor(self).held_text(("pelaksana", index, "id")) if index is not None else None
        set_value(self.query_one("#actor-id", Input), held if held is not None else actor.id if actor else "", force)

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
            problem = failure(event.validation_result)
            if problem:
                editor(self).hold(("pelaksana", index, "id"), event.value, problem)
                return
            editor(self).release(("pelaksana", index, "id"))
        editor(self).commit(edits.set_actor(editor(self).sop, index, **{key: event.value}), group=f"actor-{index}-{key}")

    def add(self) -> None:
        def done(nama: str | None) -> None:
            if nama:
                sop = edits.add_actor(self.sop, nama)
                editor(self).commit(sop)
                self.show(sop, select=len(sop.pelaksana) - 1)

        self.app.push_screen(
            PromptDialog(t("tui.actors.add_title"), check=lambda v: None if v else t("tui.actors.nama_empty")), done
        )

    def rename(self) -> None:
        if self.index is not None:
            self._show_form()  # the row the cursor is on now, before a key typed next reaches the form
            focus_now(self.query_one("#actor-nama", Input))

    def move(self, delta: int) -> None:
        index = self.index
        if index is not None:
            sop = edits.move_actor(self.sop, index, delta)
            editor(self).commit(sop)
            self.show(sop, select=max(0, min(len(sop.pelaksana) - 1, index + delta)))

    def delete(self) -> None:
        index = self.index
        if index is None:
            return
        actor = self.sop.pelaksana[index]
        used = edits.steps_of_actor(self.sop, actor.id)
        if not used:
            editor(self).commit(edits.delete_actor(self.sop, index))
            self.notify(t("tui.actors.deleted", nama=actor.nama), timeout=4)
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
                editor(self).commit(edits.delete_actor(self.sop, index, move_to=target))
                self.notify(
                    t(
                        "tui.actors.moved",
                        count=len(used),
                        nama=found.nama if (found := self.sop.actor(target)) else target,
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
