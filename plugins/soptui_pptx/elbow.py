"""Elbow connectors that follow the layout's orthogonal polylines exactly.

DrawingML draws a bent connector in its own box: it starts at the top-left
corner, ends at the bottom-right one, and its elbows sit at fractions of the
box (``adj`` values, in 1/100000). ``bentConnector2`` is one elbow (across,
then down), ``3`` two, ``4`` three, ``5`` four. Flips mirror the box, and a
quarter turn makes a path that starts vertically. Given a layout polyline,
:func:`geometry` finds the preset, the box, the turn, the flips and the
``adj`` values that draw that very polyline, so the slide shows the route
the layout computed, and an office suite re-routes it only when a shape is
moved.
"""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]

#: A box side shorter than this (points) is widened to it, so ``adj`` stays a modest integer.
MIN_SIDE = 0.1
_PRESETS = {1: "bentConnector3", 2: "bentConnector2", 3: "bentConnector3", 4: "bentConnector4", 5: "bentConnector5"}


@dataclass(frozen=True)
class Geometry:
    """Where and how to draw one connector, in points."""

    preset: str
    x: float
    y: float
    width: float
    height: float
    rotation: int  # degrees clockwise: 0 or 90
    flip_h: bool
    flip_v: bool
    adjust: tuple[int, ...]


def simplify(points: tuple[Point, ...]) -> list[Point]:
    """Drop repeated points and the middle point of straight runs."""
    kept: list[Point] = []
    for point in points:
        if kept and _close(point, kept[-1]):
            continue
        if len(kept) >= 2 and _collinear(kept[-2], kept[-1], point):
            kept[-1] = point
            continue
        kept.append(point)
    return kept


def geometry(points: tuple[Point, ...]) -> Geometry:
    """The connector that draws ``points`` (orthogonal, at least two distinct points)."""
    path = simplify(points)
    if len(path) < 2:
        path = [path[0], (path[0][0], path[0][1] + MIN_SIDE)]
    path = _limit(path)
    vertical_first = abs(path[1][0] - path[0][0]) < abs(path[1][1] - path[0][1])
    frame = [(y, x) for x, y in path] if vertical_first else path  # transposed: starts across
    (bx, by), (ex, ey) = frame[0], frame[-1]
    flip_h, flip_v = ex < bx, ey < by
    width, height = max(abs(ex - bx), MIN_SIDE), max(abs(ey - by), MIN_SIDE)
    local = [((x - bx) * (-1 if flip_h else 1), (y - by) * (-1 if flip_v else 1)) for x, y in frame]
    segments = len(path) - 1
    adjust = _adjust(local, segments, width, height)
    cx, cy = min(bx, ex) + width / 2, min(by, ey) + height / 2
    if vertical_first:
        # transposing is a quarter turn clockwise after mirroring the box top to bottom
        cx, cy = cy, cx
        flip_v = not flip_v
    return Geometry(_PRESETS[segments], cx - width / 2, cy - height / 2, width, height,
                    90 if vertical_first else 0, flip_h, flip_v, adjust)


def _adjust(local: list[Point], segments: int, width: float, height: float) -> tuple[int, ...]:
    def fx(x: float) -> int:
        return round(x / width * 100000)

    def fy(y: float) -> int:
        return round(y / height * 100000)

    if segments == 3:
        return (fx(local[1][0]),)
    if segments == 4:
        return fx(local[1][0]), fy(local[2][1])
    if segments == 5:
        return fx(local[1][0]), fy(local[2][1]), fx(local[3][0])
    return (50000,) if segments == 1 else ()


def _limit(path: list[Point]) -> list[Point]:
    """At most five segments: a longer route keeps its first two and last two elbows."""
    if len(path) <= 6:
        return path
    first, last = path[:3], path[-3:]
    (x2, y2), (x3, y3) = first[-1], last[0]
    across = abs(first[-1][0] - first[-2][0]) < abs(first[-1][1] - first[-2][1])  # segment 2 vertical: go across
    middle = (x3, y2) if across else (x2, y3)
    return simplify((*first, middle, *last))


def _close(a: Point, b: Point) -> bool:
    return abs(a[0] - b[0]) < 1e-6 and abs(a[1] - b[1]) < 1e-6


def _collinear(a: Point, b: Point, c: Point) -> bool:
    same_x = abs(a[0] - b[0]) < 1e-6 and abs(b[0] - c[0]) < 1e-6
    same_y = abs(a[1] - b[1]) < 1e-6 and abs(b[1] - c[1]) < 1e-6
    return same_x or same_y
