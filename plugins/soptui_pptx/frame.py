"""The slide frame every slide shares: 16:9, a title band, a body area.

Sizes are points. The body is what the flowchart layout, the tables and the
identity text may fill; nothing is placed outside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from soptui_pptx.draw import add_rect, add_text
from soptui_pptx.palette import Palette
from soptui_pptx.text import line_height, wrap

SLIDE_WIDTH = 960.0
SLIDE_HEIGHT = 540.0
TITLE_BAND = 56.0
MARGIN = 24.0
TITLE_SIZE = 22.0
TAG_SIZE = 12.0
_BLANK_LAYOUT = 6


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


def new_slide(prs, title: str, palette: Palette, tag: str = ""):
    """A blank slide with ``title`` in the band and ``tag`` (the SOP number) at its right."""
    slide = prs.slides.add_slide(prs.slide_layouts[_BLANK_LAYOUT])
    add_rect(slide, 0, 0, SLIDE_WIDTH, TITLE_BAND, palette.primary).name = "Pita judul"
    tag_width = 0.0
    if tag:
        tag_lines = wrap(tag, TAG_SIZE, 260)[:1]
        tag_width = 270.0
        add_text(slide, SLIDE_WIDTH - MARGIN - tag_width, 0, tag_width, TITLE_BAND, tag_lines, TAG_SIZE, palette,
                 align="right", colour=palette.on_primary, anchor="middle", name="Nomor SOP")
    room = SLIDE_WIDTH - 2 * MARGIN - tag_width - 8
    size = TITLE_SIZE
    lines = wrap(title, size, room, bold=True)
    while len(lines) * line_height(size) > TITLE_BAND - 6 and size > 14:
        size -= 2
        lines = wrap(title, size, room, bold=True)
    add_text(slide, MARGIN, 0, room, TITLE_BAND, lines[:2], size, palette, bold=True,
             colour=palette.on_primary, anchor="middle", name="Judul")
    return slide
