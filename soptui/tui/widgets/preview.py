"""The Pratinjau tab: the flowchart drawn in the terminal from the layout.

The layout engine computes one unpaginated page in character cells
(``CellMetrics``); :mod:`soptui.tui.canvas` draws it; this widget styles the
characters with the theme, scrolls, highlights the step selected in the
Langkah tab and keeps it in view. The layout is recomputed in a worker
thread a moment after an edit, never on the key press itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text as RichText
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.timer import Timer
from textual.widgets import Static

from soptui.i18n import t
from soptui.model import Sop
from soptui.terminal import UNPRINTABLE
from soptui.tui.text import plain

if TYPE_CHECKING:
    from soptui.tui.canvas import Canvas

DELAY = 0.15
SIDEWAYS = 12  # columns per Left/Right: about one actor's column of the drawing
#: Characters that would be commands to the terminal (a file cannot hold them; a paste is escaped).
_CONTROL = re.compile(f"[{UNPRINTABLE}\t\n\r]")


def preview_layout(sop: Sop):
    """The flowchart of ``sop`` as one page measured in terminal cells."""
    from soptui.layout import compute_layout
    from soptui.layout.metrics import CellMetrics
    from soptui.layout.options import PageOptions

    options = PageOptions(width=_width(sop), height=None, metrics=CellMetrics(), symbol_numbers=True)
    return compute_layout(sop, options)


def _width(sop: Sop) -> int:
    """Wide enough for the text columns and about 14 cells per actor."""
    return 60 + 14 * max(1, len(sop.pelaksana))


#: The canvas's style names; each is a component class styled with the theme's ``sop-*`` colours.
STYLE_NAMES = ("grid", "text", "edge", "label", "head", "selected", "terminator", "proses", "keputusan", "connector")


def rich_text(canvas: Canvas, styles: dict[str, Style]) -> RichText:
    """The canvas as styled text, one run of characters per style."""
    text = RichText(no_wrap=True, overflow="crop")
    for chars, names in zip(canvas.chars, canvas.styles):
        start = 0
        for index in range(1, len(chars) + 1):
            if index == len(chars) or names[index] != names[start]:
                run = _CONTROL.sub("\ufffd", "".join(chars[start:index]))  # one cell each: the drawing stays aligned
                text.append(run, styles.get(names[start]) or "")
                start = index
        text.append("\n")
    return text


class PreviewPane(ScrollableContainer, can_focus=True):
    """The drawing scrolls as a page does: a step column at a time sideways, Home to its left edge."""

    COMPONENT_CLASSES = {f"preview--{name}" for name in STYLE_NAMES}
    BINDINGS = [
        Binding("left", f"sideways(-{SIDEWAYS})", t("tui.preview.left"), show=False),
        Binding("right", f"sideways({SIDEWAYS})", t("tui.preview.right"), show=False),
        Binding("up", "scroll_up", t("tui.preview.up"), show=False),
        Binding("down", "scroll_down", t("tui.preview.down"), show=False),
        Binding("home", "edge(0)", t("tui.preview.home"), show=False),
        Binding("end", "edge(1)", t("tui.preview.end"), show=False),
        Binding("pageup", "page_up", t("tui.preview.page_up"), show=False),
        Binding("pagedown", "page_down", t("tui.preview.page_down"), show=False),
        Binding("ctrl+home", "scroll_home", t("tui.preview.top"), show=False),
        Binding("ctrl+end", "scroll_end", t("tui.preview.bottom"), show=False),
    ]

    def __init__(self, sop: Sop, id: str = "preview-pane", tab: str = "pratinjau") -> None:
        super().__init__(id=id)
        self.sop = sop
        self.tab = tab  # the editor tab it lives in
        self._stale_layout = False
        self._page_sop: Sop | None = None  # the SOP ``page`` was laid out from
        self.selected: str | None = None
        self.page = None
        self.canvas: Canvas | None = None
        self._timer: Timer | None = None
        self._stale_drawing = False

    def compose(self) -> ComposeResult:
        yield Static(t("tui.preview.computing"), classes="preview-drawing")

    def on_mount(self) -> None:
        for steps in self.screen.query("StepsPane"):  # mounted after it (lazily): take its selection
            step = getattr(steps, "step", None)
            if step is not None:
                self.selected = step.id
        self.show(getattr(self.screen, "sop", self.sop))
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._repaint())

    def _repaint(self) -> None:
        """Draw again in the new theme's colours (they are baked into the drawing)."""
        if self.page is not None:
            self.redraw()

    def show(self, sop: Sop, typing: bool = False) -> None:
        self.sop = sop
        if not self.on_screen:
            self._stale_layout = True  # laid out when shown: no cost while hidden
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DELAY, lambda: self.compute(self.sop))

    def compute(self, sop: Sop) -> None:
        self.draw_in_background(sop, None, self.selected, self._styles())

    def redraw(self) -> None:
        """Draw the current page again (the selection moved)."""
        if self.page is None:
            self._message(t("tui.preview.empty"))
            return
        self._stale_drawing = False
        self.draw_in_background(self._page_sop, self.page, self.selected, self._styles())

    @work(thread=True, exclusive=True, group="preview")
    def draw_in_background(self, sop: Sop, page, selected: str | None, styles: dict[str, Style]) -> None:
        """Lay out (unless ``page`` is given) and draw, all off the UI thread (the layout engine
        is imported here too: the first screen does without it)."""
        from soptui.tui.canvas import draw_page

        if page is None:
            try:
                layout = preview_layout(sop)
            except ImportError:
                self.app.call_from_thread(self._message, t("tui.preview.unavailable"))
                return
            except Exception as error:  # a half-typed SOP the engine cannot place yet
                self.app.call_from_thread(self._message, t("tui.preview.failed", reason=str(error)))
                return
            page = layout.pages[0] if layout.pages else None
        canvas = draw_page(page, selected) if page is not None else None
        text = rich_text(canvas, styles) if canvas is not None else None
        self.app.call_from_thread(self._drawn, sop, page, canvas, text)

    def _message(self, text: str) -> None:
        if not self.is_attached:
            return
        self.query_one(".preview-drawing", Static).update(plain(text))

    def _drawn(self, sop: Sop, page, canvas: Canvas | None, text: RichText | None) -> None:
        if sop is not self.sop or not self.is_attached:
            return
        self.page, self.canvas, self._page_sop = page, canvas, sop
        if text is None:
            self._message(t("tui.preview.empty"))
            return
        self.query_one(".preview-drawing", Static).update(text)
        self.call_after_refresh(self.scroll_to_selected)

    def _styles(self) -> dict[str, Style]:
        return {name: self.get_component_rich_style(f"preview--{name}", partial=True) for name in STYLE_NAMES}

    @property
    def on_screen(self) -> bool:
        """Whether the preview is shown now (Widget.visible is Textual's own, a style)."""
        return self.display and getattr(self.screen, "active_tab", self.tab) == self.tab

    def follow(self, step_id: str) -> None:
        """Highlight this step and bring it into view (when shown: drawing costs)."""
        if step_id == self.selected:
            return
        self.selected = step_id
        if self.page is not None and self.on_screen:
            self.redraw()
        else:
            self._stale_drawing = True

    def on_show(self) -> None:
        if self._stale_layout:
            self._stale_layout = False
            self.show(self.sop)
        elif self._stale_drawing and self.page is not None:
            self.redraw()
        else:
            self.call_after_refresh(self.scroll_to_selected)

    def action_sideways(self, columns: int) -> None:
        self.scroll_relative(x=columns, animate=False)

    def action_edge(self, right: int) -> None:
        """Home: the left edge (No and Kegiatan); End: the right edge (Mutu Baku)."""
        self.scroll_to(x=self.max_scroll_x if right else 0, animate=False)

    def scroll_to_selected(self) -> None:
        if self.page is None or self.selected is None:
            return
        for symbol in self.page.symbols:
            if symbol.step_id == self.selected:
                top = max(0, int(symbol.box.y) - self.size.height // 3)
                # keep the No and Kegiatan columns in view unless the symbol is off to the right
                left = 0 if symbol.box.right < self.size.width else int(symbol.box.x) - self.size.width // 3
                self.scroll_to(x=left, y=top, animate=False)
                return
