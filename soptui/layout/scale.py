"""Sizes that follow from the page options: type, padding, spacing, clearances.

On paper the router keeps two clearances (issue 13): arrows that run side
by side stay ``pitch`` apart (over 2 mm), and an arrow runs along a grid
line no closer than ``clear`` (over 1.5 mm) except where it crosses it.
In cell mode every length is a whole number of cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from soptui.layout.metrics import Metrics, wrap_checked
from soptui.layout.options import PageOptions
from soptui.layout.types import Box, Text
from soptui.papers import MM

#: The closest two arrows may run side by side, and an arrow along a grid line, in mm.
ARROW_CLEARANCE_MM = 2.15
GRID_CLEARANCE_MM = 1.8


@dataclass(frozen=True)
class Fitted:
    """Text wrapped for its cell, at the size it is printed; ``proper`` is
    False when a word had to be cut between two letters of a syllable."""

    lines: tuple[str, ...]
    size: float
    proper: bool = True


@dataclass(frozen=True)
class Scale:
    """Sizes that follow from the page options; see the module docstring."""

    cells: bool
    size: float
    label_size: float
    line: float
    label_line: float
    pad: float  # text inset from a cell's left and top line
    pad_end: float  # text inset from its right and bottom line
    gap: float  # small spacing: around symbols, labels, arrowheads
    pitch: float  # the least distance between two arrows side by side
    clear: float  # the least distance between an arrow and a grid line it runs along
    min_size: float
    metrics: Metrics
    crowding: int = 0  # a retry for a crowded page: wider actor columns

    @classmethod
    def of(cls, options: PageOptions, crowding: int = 0) -> Scale:
        metrics = options.metrics
        if options.cells:
            return cls(True, 1, 1, metrics.line_height(1), metrics.line_height(1), 1, 0, 1, 1, 1, 1, metrics,
                       crowding)
        size = max(options.font_size, options.min_font_size)
        label = max(options.font_size * 0.85, options.min_font_size)
        gap = max(2.5, size * 0.4)
        pitch = max(ARROW_CLEARANCE_MM * MM, size * 0.55)
        clear = max(GRID_CLEARANCE_MM * MM, size * 0.45)
        return cls(False, size, label, metrics.line_height(size), metrics.line_height(label),
                   size * 0.4, size * 0.4, gap, round(pitch, 2), round(clear, 2), options.min_font_size, metrics,
                   crowding)

    @property
    def symbol_clear(self) -> float:
        """How far an arrow running past a symbol stays from it."""
        return 1 if self.cells else self.pitch / 2

    def snap(self, value: float) -> float:
        """Whole cells in cell mode; points rounded to 1/100 (stable JSON)."""
        return float(round(value)) if self.cells else round(value, 2)

    def text(self, left: float, top: float, right: float, bottom: float, fitted: Fitted,
             *, bold: bool = False, align: str = "left") -> Text:
        return Text(self.box(left + self.pad, top + self.pad, right - self.pad_end, bottom - self.pad_end),
                    fitted.lines, fitted.size, bold, align)  # type: ignore[arg-type]

    def box(self, left: float, top: float, right: float, bottom: float) -> Box:
        """A box from its edges, every number snapped (no 37.220000000000006 in the JSON)."""
        left, top = self.snap(left), self.snap(top)
        return Box(left, top, self.snap(self.snap(right) - left), self.snap(self.snap(bottom) - top))

    def inner(self, left: float, right: float) -> float:
        """The width text may fill in a cell from ``left`` to ``right``."""
        return right - left - self.pad - self.pad_end

    def fit(self, text: str, left: float, right: float, bold: bool = False, size: float | None = None) -> Fitted:
        """``text`` wrapped for a cell from ``left`` to ``right``, at ``size``
        (the body size by default: a table's text keeps one size)."""
        size = size or self.size
        lines, proper = wrap_checked(text, self.inner(left, right), self.metrics, size, bold)
        return Fitted(lines, size, proper)

    def block_height(self, fitted: Fitted) -> float:
        """Height of a cell holding this text, padding included."""
        return self.snap(max(len(fitted.lines), 1) * self.metrics.line_height(fitted.size) + self.pad + self.pad_end)
