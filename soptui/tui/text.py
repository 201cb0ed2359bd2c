"""User text on the screen: always data, never markup, never a terminal command.

What a user typed or a file holds (a step's Kegiatan, an actor's name, a file
name, a checker message quoting ``[[pelaksana]]``) may contain ``[/x]``,
``[bold]``, ``:smile:`` or an escape sequence. Textual reads a plain ``str``
as content markup (``[/x]`` ends the app with ``MarkupError``) and passes
control characters to the terminal, so every widget, table, list, title,
toast and dialog of the editor shows such text through :func:`plain`: a Rich
``Text``, never parsed, with control characters written as escapes
(``\\x1b``), as :func:`soptui.terminal.visible` does for the command line.
Text comes in through :class:`TextInput`, which keeps the same characters
out of the fields (a paste may carry them) and keeps every line of a paste.
"""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import events
from textual.binding import BindingsMap
from textual.widgets import Input

from soptui.terminal import visible

#: Textual's editing keys of a field (Backspace, Delete, ←, Home, Ctrl+U...), by key.
EDITING_KEYS = BindingsMap(Input.BINDINGS).key_to_bindings


def focus_now(widget) -> None:
    """Give ``widget`` the focus before the next key is read (``Widget.focus`` waits a turn,
    so the keys of a burst already read went to the widget that had it)."""
    widget.screen.set_focus(widget)


async def after_typing(screen) -> None:
    """Let every widget of ``screen`` handle what it was sent before a key that acts on the whole SOP.

    Such keys (save, undo, export, close, quit) act as the app reads them,
    ahead of letters read before them that a field has not taken in yet: in a
    burst, ``text⏎`` then Ctrl+S saved the SOP without the text. The app
    reads no further key while this waits, so the keys after stay after."""
    for _ in range(100):  # bounded: a widget that keeps posting (a timer) cannot hold the key forever
        await asyncio.sleep(0)
        if not any(node.message_queue_size for node in screen.walk_children(with_self=True)):
            return


def plain(text: object, style: str = "") -> Text:
    """``text`` as it was written: no markup, no emoji codes, control characters visible."""
    return Text(visible(str(text)), style=style, end="")


def printable(text: str) -> str:
    """What a one-line field may hold: a tab becomes a space, other control characters escapes."""
    return visible(text.replace("\t", " "))


class TextInput(Input):
    """A one-line field that never holds a control character and never drops a pasted line.

    Textual's ``Input`` keeps only the first line of a paste; here the lines
    are joined with a space, so nothing pasted is lost without a trace. The
    text is not selected when the field gets the focus: the first key typed
    after Enter must add to it, not replace it.
    """

    def __init__(self, *args, select_on_focus: bool = False, **kwargs) -> None:
        super().__init__(*args, select_on_focus=select_on_focus, **kwargs)

    _typing = False  # in Textual's handling of a new text (see ``refresh``)

    def _watch_value(self, value: str) -> None:
        self._typing = True
        try:
            super()._watch_value(value)
        finally:
            self._typing = False

    def refresh(self, *regions, repaint: bool = True, layout: bool = False, recompose: bool = False):
        """A letter typed redraws the field, never the screen's layout.

        Textual's ``Input`` asks for a new layout of the whole screen on every
        change of its text (its scrollable width grows), a few milliseconds per
        key in a large form; a field sized by the form, not by its text, keeps
        its place whatever it holds.
        """
        if layout and self._typing and not self.styles.auto_dimensions:
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _validate_value(self, value: str) -> str:
        return printable(value)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(printable(text), start, end)  # the cursor lands after what is really inserted

    def _on_focus(self, event: events.Focus) -> None:
        self.cursor_position = len(self.value)  # Enter on a row, then typing: added at the end

    async def _on_key(self, event: events.Key) -> None:
        """An editing key acts now, in the order typed.

        As a binding it would act only once the key had gone up to the app,
        after the letters typed behind it were in: over SSH a burst
        ``Surta⌫⌫at`` came out ``Surtaat``. Letters are Textual's own (next)."""
        bindings = EDITING_KEYS.get(event.key)
        if bindings:
            event.stop()
            event.prevent_default()
            await self.run_action(bindings[0].action)

    def _on_paste(self, event) -> None:
        """Join the lines; Textual's own handler (run next, for the base class) inserts the one line."""
        event.text = " ".join(line.strip() for line in event.text.splitlines() if line.strip())
