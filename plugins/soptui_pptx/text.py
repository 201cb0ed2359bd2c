"""Measuring and wrapping text, so nothing the deck writes runs off a slide.

The deck is set in DejaVu Sans. Its Latin glyphs have the advance widths of
Bitstream Vera, which reportlab ships, so the measures hold without looking
for fonts on the machine. Office suites that lack DejaVu substitute a
narrower sans (Arial, Liberation Sans), so a line measured here never grows.
"""

from __future__ import annotations

import os
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

#: Line height as a multiple of the font size (DejaVu: ascent + descent = 1.164).
LEADING = 1.2
#: Room kept on each line for rendering differences between office suites.
SLACK = 0.95


@cache
def _font(bold: bool) -> str:
    name = "SoptuiPptxVeraBold" if bold else "SoptuiPptxVera"
    folder = os.path.join(os.path.dirname(pdfmetrics.__file__), "..", "fonts")
    pdfmetrics.registerFont(TTFont(name, os.path.join(folder, "VeraBd.ttf" if bold else "Vera.ttf")))
    return name


def width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` in points at ``size``."""
    return pdfmetrics.stringWidth(text, _font(bold), size)


def line_height(size: float) -> float:
    return size * LEADING


def wrap(text: str, size: float, room: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``room`` points.

    Explicit newlines are kept; a word longer than a line is cut.
    """
    room *= SLACK
    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if width(candidate, size, bold) <= room:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while width(line, size, bold) > room and len(line) > 1:
                cut = _longest_prefix(line, size, room, bold)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


def _longest_prefix(word: str, size: float, room: float, bold: bool) -> int:
    cut = len(word) - 1
    while cut > 1 and width(word[:cut], size, bold) > room:
        cut -= 1
    return cut
