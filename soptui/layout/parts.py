"""The pieces the router works with: placed rows, bands, edge parts."""

from __future__ import annotations

from dataclasses import dataclass, field

from soptui.flow import Edge
from soptui.layout.grid import Scale
from soptui.layout.types import Box, Point


@dataclass(frozen=True)
class Placed:
    """A row placed on the page, with its symbol."""

    index: int
    top: float
    bottom: float
    box: Box
    kind: str
    column: int
    turn: float  # the height of the horizontal leg of a hand-off leaving this row


@dataclass(frozen=True)
class Band:
    """A connector band: its top, and how many connectors it holds."""

    top: float
    count: int


@dataclass
class Part:
    """An edge, or the part of an edge that is on this page.

    ``source``/``target`` are local row numbers, or ``None`` for the
    connector band (top for an arriving part, bottom for a leaving one).
    """

    edge: Edge
    source: int | None
    target: int | None
    via: str | None = None
    points: list[Point] = field(default_factory=list)
    desired_x: float = 0.0  # where a band part meets its band


def band_height(count: int, connector_height: float, scale: Scale) -> float:
    """A connector band: room for one jog per connector, the connectors, spacing."""
    return 0.0 if count == 0 else scale.snap((count + 3) * scale.gap + connector_height)



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
