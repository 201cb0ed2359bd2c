"""The arrowhead on an edge's last point, one shape for every renderer.

The layout gives an edge's route; how its head is drawn is geometry too, so
it is worked out here once instead of in each renderer (issue 14): the PDF,
the SVG and any plugin drawing an :class:`~soptui.layout.types.EdgePath`
ask :func:`arrow` and stroke what it returns.
"""

from __future__ import annotations

import math

from soptui.layout.types import Point

#: The head's length along the last segment and its half width across it, in points.
ARROW_LENGTH = 5.0
ARROW_HALF_WIDTH = 2.2


def arrow(points: tuple[Point, ...] | list[Point]) -> tuple[list[Point], tuple[Point, Point, Point]] | None:
    """The shaft (the route, stopped short of its end so the line never pokes
    through the tip) and the head's triangle, tip first; ``None`` for a route
    with no last segment. The head keeps its size on a short last segment, so
    every arrow reads the same."""
    shaft = list(points)
    if len(shaft) < 2:
        return None
    (x1, y1), (x2, y2) = shaft[-2], shaft[-1]
    length = math.hypot(x2 - x1, y2 - y1)
    if length == 0:
        return None
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    short = min(ARROW_LENGTH * 0.6, length)
    shaft[-1] = (x2 - ux * short, y2 - uy * short)
    bx, by = x2 - ux * ARROW_LENGTH, y2 - uy * ARROW_LENGTH
    px, py = -uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH
    return shaft, ((x2, y2), (bx + px, by + py), (bx - px, by - py))
