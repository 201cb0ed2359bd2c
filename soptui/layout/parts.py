"""The pieces the router works with: placed rows, edge parts, connector sizes."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from soptui.flow import Edge
from soptui.layout.scale import Scale
from soptui.layout.types import CONNECTOR_SHOULDER as SQUARE
from soptui.layout.types import Box, Point, Text


@dataclass(frozen=True)
class Placed:
    """A row placed on the page, with its symbol (``box`` is ``None`` for
    the continuation of a step too tall for one page)."""

    index: int
    top: float
    bottom: float
    box: Box | None
    kind: str
    column: int
    turn: float  # the height of the horizontal leg of a hand-off leaving this row

    @property
    def symbol(self) -> Box:
        """The box of a row an edge ends at, which always has its symbol."""
        if self.box is None:
            raise ValueError(f"row {self.index} is a continuation: no symbol to route to")
        return self.box


@dataclass
class Part:
    """An edge, or the part of an edge that is on this page.

    ``source``/``target`` are local row numbers, or ``None`` at a
    connector: a band's for a page turn, or one beside the row at the
    other end (``beside``).
    """

    edge: Edge
    source: int | None
    target: int | None
    via: str | None = None
    beside: bool = False
    twin_page: int = 0  # the page of the other connector of the pair
    points: list[Point] = field(default_factory=list)
    desired_x: float = 0.0  # where a band part meets its band


@dataclass(frozen=True)
class ConnectorSize:
    """The off-page pentagon: its width and height, and where an arrow meets its side."""

    width: float
    height: float

    @property
    def attach(self) -> float:
        """From the top, the height at which a side arrow meets the square part."""
        return 0.0 if self.width <= 3 else round(self.height * 0.3, 2)

    def text(self, label: str, box: Box, scale: Scale) -> Text:
        """The label printed in the pentagon's square part: the body size, or
        smaller so that a long number still fits inside."""
        if scale.cells:
            return Text(Box(box.x, box.y, box.width, 1), (label,), 1, True, "center")
        square = box.height * SQUARE
        size = min(scale.size, square / 1.25)
        wide = scale.metrics.width(label, size, True)
        if wide > box.width * 0.8:
            size = size * box.width * 0.8 / wide
        size = math.floor(size * 10) / 10
        top = box.y + (square - scale.metrics.line_height(size)) / 2
        return Text(Box(box.x, scale.snap(top), box.width, scale.snap(scale.metrics.line_height(size))),
                    (label,), size, True, "center")

    @classmethod
    def of(cls, scale: Scale, narrowest: float) -> ConnectorSize:
        """A pentagon that stands inside the narrowest actor column, clear of its lines."""
        if scale.cells:
            return cls(3.0, 2.0)
        width = scale.snap(max(min(1.75 * scale.size + 3, narrowest - 2 * scale.clear - 0.02), scale.size / 2))
        return cls(width, scale.snap(width * 0.9))


def band_height(count: int, connector: ConnectorSize, scale: Scale) -> float:
    """A connector band holding ``count`` connectors: clear of its lines, a
    level per jog, room for the arrowhead, the pentagons."""
    if count == 0:
        return 0.0
    if scale.cells:
        return float(count + 4)
    return scale.snap(2 * scale.clear + connector.height + count * scale.pitch)


def clean(points: list[Point]) -> list[Point]:
    """Drop repeated points and the middle of three points on one line."""
    out: list[Point] = []
    for point in points:
        if out and out[-1] == point:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (ax == bx == point[0]) or (ay == by == point[1]):
                out[-1] = point
                continue
        out.append(point)
    return out


def turn_height(scale: Scale) -> float:
    """How far above its row's bottom line a hand-off turns: clear of the line."""
    return 1 if scale.cells else max(1.5 * scale.gap, scale.clear)


def gaps(scale: Scale, label_lines: int = 1, more: int = 0) -> tuple[float, float]:
    """Room above a symbol for the arrow coming in, below it for a branch
    label and the turn of the hand-off; a label of several lines gets them
    below, and as many more above for a label beside the symbol. ``more``
    label lines on each side were asked for by a crowded try."""
    extra = label_lines - 1 + more
    if scale.cells:
        return 2 + extra, 2 + extra  # grid line + arrow cell; label cell + turn cell
    return 2.5 * scale.gap + extra * scale.label_line, (1 + extra) * scale.label_line + turn_height(scale) + scale.gap
