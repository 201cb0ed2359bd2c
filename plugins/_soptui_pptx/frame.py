"""The slide frame every slide shares: 16:9, a title band, a body area.

Sizes are points. The body is what the flowchart layout, the tables and the
identity text may fill; nothing is placed outside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from _soptui_pptx.draw import Drawing
from _soptui_pptx.palette import Palette
from _soptui_pptx.text import line_height, wrap
from soptui.layout.options import PageOptions
from soptui.papers import MM

SLIDE_WIDTH = 960.0
SLIDE_HEIGHT = 540.0
TITLE_BAND = 56.0
MARGIN = 24.0
TITLE_SIZE = 22.0
TAG_SIZE = 12.0
TAG_LINES = 3
TAG_WIDTH = 270.0
#: The smallest text on a slide, flowchart included (readable from the back of a room).
MIN_TEXT = 12.0
BLANK_LAYOUT = 6


@dataclass(frozen=True)
class Body:
    """The free area of a slide below its title band."""

    x: float = MARGIN
    y: float = TITLE_BAND + MARGIN / 2
    width: float = SLIDE_WIDTH - 2 * MARGIN
    height: float = SLIDE_HEIGHT - TITLE_BAND - MARGIN

    @property
    def bottom(self) -> float:
        return self.y + self.height


BODY = Body()


def new_slide(title: str, palette: Palette, tag: str = "") -> Drawing:
    """The :class:`Drawing` of a slide with ``title`` in the band and ``tag`` (the SOP number) at its right.

    The caller adds the body.
    """
    drawing = _band(palette, tag).copy()
    room = SLIDE_WIDTH - 2 * MARGIN - (TAG_WIDTH if tag else 0.0) - 8
    size = TITLE_SIZE
    lines = wrap(title, size, room, bold=True)
    while len(lines) * line_height(size) > TITLE_BAND - 6 and size > 14:
        size -= 2
        lines = wrap(title, size, room, bold=True)
    drawing.text(MARGIN, 0, room, TITLE_BAND, lines[:2], size, name="Judul", bold=True, colour=palette.on_primary,
                 anchor="middle")
    return drawing


@lru_cache(maxsize=4)  # the same on every slide of a deck
def _band(palette: Palette, tag: str) -> Drawing:
    """The title band and the tag in it."""
    drawing = Drawing(palette)
    drawing.shape(0, 0, SLIDE_WIDTH, TITLE_BAND, name="Pita judul", fill=palette.primary, line=palette.line)
    if tag:
        lines = wrap(tag, TAG_SIZE, TAG_WIDTH - 10)
        if len(lines) > TAG_LINES:  # a reminder of the number, which the title slide prints whole
            lines = [*lines[:TAG_LINES - 1], lines[TAG_LINES - 1][:-1] + "…"]
        drawing.text(SLIDE_WIDTH - MARGIN - TAG_WIDTH, 0, TAG_WIDTH, TITLE_BAND, lines, TAG_SIZE, name="Nomor SOP",
                     align="right", colour=palette.on_primary, anchor="middle")
    return drawing


def page_options(options: dict) -> PageOptions:
    """The layout's page: the slide below the title band, with the body's margins, text 12 pt or more.
    The flow table only: the deck has its own Mutu Baku slides and puts Keterangan in the notes."""
    side, end = MARGIN / MM, MARGIN / 2 / MM
    return PageOptions(width=SLIDE_WIDTH, height=SLIDE_HEIGHT - TITLE_BAND, margins=(end, side, end, side),
                       font_size=MIN_TEXT, min_font_size=MIN_TEXT, footer=0, columns="flow")
