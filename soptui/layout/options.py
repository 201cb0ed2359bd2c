"""Page options: paper, orientation, margins, type sizes and font metrics."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from soptui.layout.metrics import Metrics, default_metrics
from soptui.papers import DEFAULT_PAPER, MM, ORIENTATIONS, PAPERS, Orientation

#: The column sets of the table: the whole SOP AP table, or the flow alone.
COLUMN_SETS = ("full", "flow")


@dataclass(frozen=True)
class PageOptions:
    """How to lay the flowchart out.

    ``width``/``height`` (in layout units: points, or cells with
    :class:`~soptui.layout.metrics.CellMetrics`) override the paper for a
    custom page, e.g. a 960x540 slide; ``height=None`` gives one page as long
    as the content (no pagination), which the terminal preview uses.
    Margins (top, right, bottom, left) are in millimetres, or in cells with
    cell metrics; ``None`` means 12 mm (0 cells). ``footer`` is the room kept
    free under the table for the footer a renderer prints (page x of y, SOP
    number, hash); ``None`` means two lines (0 cells). ``min_font_size``
    floors every text, e.g. 12 pt for slides. ``symbol_numbers`` writes the
    step number inside each symbol (the terminal preview wants it).
    ``columns`` chooses the table: ``"full"``, every column of the SOP AP
    table; ``"flow"``, only No, Kegiatan and the actor lanes, for a deck
    that shows Mutu Baku and Keterangan elsewhere. ``first_page`` is the
    number the first flowchart page has in the document it is printed in
    (after the identity page, say): a connector's caption names its twin's
    page by it.
    """

    paper: str = DEFAULT_PAPER
    orientation: Orientation = "landscape"
    margins: tuple[float, float, float, float] | None = None
    font_size: float = 8
    min_font_size: float = 6
    width: float | None = None
    height: float | None = None
    footer: float | None = None
    symbol_numbers: bool = False
    columns: Literal["full", "flow"] = "full"
    first_page: int = 1
    metrics: Metrics = field(default_factory=default_metrics)

    def __post_init__(self) -> None:
        if self.orientation not in ORIENTATIONS:
            raise ValueError(f"unknown orientation {self.orientation!r}; choose {' or '.join(ORIENTATIONS)}")
        if self.width is None and self.paper not in PAPERS:
            raise ValueError(f"unknown paper {self.paper!r}; choose one of {', '.join(PAPERS)}")
        if self.columns not in COLUMN_SETS:
            raise ValueError(f"unknown column set {self.columns!r}; choose full or flow")
        if self.font_size <= 0 or self.min_font_size <= 0:
            raise ValueError("font_size and min_font_size must be positive")
        if (self.width is not None and self.width <= 0) or (self.height is not None and self.height <= 0):
            raise ValueError("width and height must be positive")

    def page_size(self) -> tuple[float, float | None]:
        """Width and height of the page in layout units (height ``None``: unbounded)."""
        if self.width is not None:
            return self.width, self.height
        short, long = PAPERS[self.paper]
        return (long, short) if self.orientation == "landscape" else (short, long)

    @property
    def cells(self) -> bool:
        """Whether the layout is in terminal cells rather than points."""
        return bool(getattr(self.metrics, "cells", False))

    def margin_units(self) -> tuple[float, float, float, float]:
        """The margins in layout units (millimetres converted to points)."""
        if self.margins is None:
            return (0, 0, 0, 0) if self.cells else (12 * MM,) * 4
        scale = 1 if self.cells else MM
        return tuple(m * scale for m in self.margins)  # type: ignore[return-value]
