"""Measuring and wrapping text, so nothing the deck writes runs off a slide.

The deck is set in DejaVu Sans and measured with the layout's DejaVu Sans
metrics (``soptui.layout.metrics``), the same the flowchart is laid out
with. Office suites that lack DejaVu substitute a narrower sans (Arial,
Liberation Sans), so a line measured here never grows; a small slack keeps
room for rendering differences between suites.
"""

from __future__ import annotations

import re

from soptui.layout.metrics import default_metrics
from soptui.layout.metrics import wrap as wrap_lines

#: Line height as a multiple of the font size (DejaVu: ascent + descent = 1.164).
LEADING = 1.2
#: Share of a line's room that text may fill in the deck's own text boxes.
SLACK = 0.95


#: What XML 1.0 cannot hold: C0 controls but tab and line ends, lone surrogates, U+FFFE and U+FFFF.
_NOT_XML_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_NOT_XML = re.compile(f"[{_NOT_XML_CHARS}]")
#: A text with none of these is written as it is (most are): nothing to escape, nothing to leave out.
NEEDS_WORK = re.compile(f"[&<>{_NOT_XML_CHARS}]")


def xml_safe(value: str) -> str:
    """``value`` without the characters an XML file cannot hold (NUL, U+FFFF, lone surrogates...).

    They have no glyph, so nothing visible is lost; a deck holding them would
    not open at all. Every text the deck writes, and every text it measures,
    goes through here.
    """
    return _NOT_XML.sub("", value)


def width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` in points at ``size``."""
    return default_metrics().width(xml_safe(text), size, bold)


def line_height(size: float) -> float:
    return size * LEADING


def wrap(text: str, size: float, room: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``room`` points (at least one line).

    Explicit newlines are kept; a word longer than a line is cut.
    """
    return list(wrap_lines(xml_safe(text or ""), room * SLACK, default_metrics(), size, bold)) or [""]
