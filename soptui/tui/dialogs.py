"""Small modal questions: confirm, choose one of several answers, type a value.

Each dismisses with the answer (``None`` for Escape), so callers pass a
callback to ``push_screen`` and the UI thread never waits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from soptui.i18n import t
from soptui.tui.text import TextInput, plain
from soptui.tui.textual_texts import Choice


class Dialog(ModalScreen):
    """A framed box in the middle of the screen; Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", t("tui.key.cancel"))]

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(Dialog):
    """A question with one button per answer; the answer's key is returned."""

    BINDINGS = [
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, title: str, message: str, choices: Sequence[tuple[str, str]], id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = title
        self.message = message
        self.choices = choices
        self.pending: list[Callable[[], None]] = []  # what waits for the answer (saves asking the same question)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.title_text), classes="dialog-title")
            yield Static(plain(self.message), classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                for key, label in self.choices:
                    yield Button(
                        label, id=f"choice-{key}", variant="primary" if key == self.choices[0][0] else "default"
                    )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(str(event.button.id).removeprefix("choice-"))


def confirm(title: str, message: str, yes: str) -> ChoiceDialog:
    return ChoiceDialog(title, message, [("yes", yes), ("no", t("tui.key.cancel"))])


class PromptDialog(Dialog):
    """Asks for one line of text; ``check`` returns an error message or ``None``."""

    def __init__(
        self,
        title: str,
        value: str = "",
        check: Callable[[str], str | None] | None = None,
        placeholder: str = "",
        hint: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.check = check
        self.placeholder = placeholder
        self.hint = hint  # what the text will become (a file name), shown as it is typed

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.title_text), classes="dialog-title")
            yield TextInput(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static(plain(self.hint(self.value)) if self.hint else "", id="prompt-hint")
            yield Static("", id="prompt-error", classes="error-text")
            yield Static(t("tui.dialog.enter_esc"), classes="dialog-hint")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.hint:
            self.query_one("#prompt-hint", Static).update(plain(self.hint(event.value)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        problem = self.check(value) if self.check else None
        if problem:
            self.query_one("#prompt-error", Static).update(plain(problem))
            return
        self.dismiss(value)


class PickDialog(Dialog):
    """Choose one value from a list, e.g. the actor to move steps to."""

    def __init__(self, title: str, message: str, options: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.title_text), classes="dialog-title")
            yield Static(plain(self.message), classes="dialog-message")
            yield Choice([(plain(label), value) for value, label in self.options], allow_blank=False, id="pick-select")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.dialog.ok"), id="pick-ok", variant="primary")
                yield Button(t("tui.key.cancel"), id="pick-cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "pick-ok":
            self.dismiss(self.query_one("#pick-select", Select).value)
        else:
            self.dismiss(None)
