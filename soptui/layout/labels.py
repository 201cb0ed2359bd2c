"""Branch labels: beside the start of their edge, covering no symbol and no other label."""

from __future__ import annotations

from soptui.layout.grid import Scale
from soptui.layout.metrics import Metrics, wrap
from soptui.layout.parts import Placed
from soptui.layout.types import Box, Point, Text


def label_limit(area: tuple[float, float], symbol: tuple[float, float], scale: Scale) -> float:
    """How wide a label of a symbol spanning ``symbol`` (left, right) may be
    before it wraps: the room on the wider side of the symbol within the
    Pelaksana columns ``area``, so it always fits beside or under it."""
    room = max(symbol[0] - area[0], area[1] - symbol[1]) - (1 if scale.cells else scale.gap)
    return max(room, 1.0)


def label_lines(text: str, limit: float, scale: Scale, metrics: Metrics) -> tuple[str, ...]:
    """The label wrapped to ``limit``; the file's own long words stay whole."""
    return wrap(text, limit, metrics, scale.label_size) or ("",)


class Labels:
    """Places the labels of one page, remembering those already placed."""

    def __init__(self, area: tuple[float, float], scale: Scale, metrics: Metrics) -> None:
        self.area, self.scale, self.metrics = area, scale, metrics
        self.placed: dict[int, list[Box]] = {}  # by row: a label stays in its row, or spills to the next
        self._sizes: dict[tuple[str, float], tuple[float, float, tuple[str, ...]]] = {}

    def size(self, label: str, row: Placed) -> tuple[float, float, tuple[str, ...]]:
        """Width, height and lines of a label of ``row``'s symbol (measured once)."""
        key = (label, row.box.x)
        if key not in self._sizes:
            limit = label_limit(self.area, (row.box.x, row.box.right), self.scale)
            lines = label_lines(label, limit, self.scale, self.metrics)
            width = max(self.metrics.width(line, self.scale.label_size) for line in lines)
            if self.scale.cells:
                self._sizes[key] = float(width), float(len(lines)), lines
            else:
                self._sizes[key] = (self.scale.snap(width + 1), self.scale.snap(self.scale.label_line * len(lines)),
                                    lines)
        return self._sizes[key]

    def fits(self, row: Placed, side: str, y: float, label: str) -> bool:
        """Whether a label leaving this side at height y has somewhere to go."""
        return any(self._ok(box, row) for box in self._side_boxes(row, side, y, label))

    def place(self, row: Placed, points: list[Point], text: str, lines: list[tuple[Point, Point]]) -> Text:
        """The label of the edge starting with ``points`` from ``row``'s symbol:
        the first allowed place that covers none of the page's ``lines``, else
        the allowed place covering fewest."""
        (x0, y0), (x1, y1) = points[0], points[1] if len(points) > 1 else points[0]
        if x0 == x1:  # leaves from the bottom
            boxes = self._bottom_boxes(row, x0, text)
        else:
            up = len(points) > 2 and points[2][1] < y1
            boxes = self._side_boxes(row, "left" if x1 < x0 else "right", y0, text, up)
        allowed = [b for b in boxes if self._ok(b, row)] or self._anywhere(row, boxes[0], (x0, y0))
        box = min(allowed, key=lambda b: sum(_covers(b, line) for line in lines))
        self.placed.setdefault(row.index, []).append(box)
        return Text(box, self.size(text, row)[2], self.scale.label_size)

    def _anywhere(self, row: Placed, like: Box, near: Point) -> list[Box]:
        """When the places beside the exit are taken (a step whose two
        branches leave the same side, say): the free place in the row
        nearest the exit, found on a grid; the first place if none is."""
        step = 1.0 if self.scale.cells else self.scale.gap
        xs = _steps(self.area[0], self.area[1] - like.width, step)
        ys = _steps(row.top, row.bottom - like.height, step)
        free = [Box(self.scale.snap(x), self.scale.snap(y), like.width, like.height) for y in ys for x in xs]
        free = [box for box in free if self._ok(box, row)]
        if not free:
            return [like]
        return [min(free, key=lambda b: abs(b.center[0] - near[0]) + abs(b.center[1] - near[1]))]

    def _side_boxes(self, row: Placed, side: str, y: float, label: str, up: bool = True) -> list[Box]:
        """Beside the exit, on the side of the leg away from where the edge
        turns (below it when the edge goes up), so the label covers no line of its own."""
        width, height, _ = self.size(label, row)
        pad = 0 if self.scale.cells else self.scale.gap / 2
        x = row.box.x - pad - width if side == "left" else row.box.right + pad
        if self.scale.cells:
            above, below = Box(x, y - height, width, height), Box(x, y + 1, width, height)
        else:
            above = Box(self.scale.snap(x), self.scale.snap(y - pad - height), width, height)
            below = Box(self.scale.snap(x), self.scale.snap(y + pad), width, height)
        return [below, above] if up else [above, below]

    def _bottom_boxes(self, row: Placed, x: float, label: str) -> list[Box]:
        width, height, _ = self.size(label, row)
        pad = 1 if self.scale.cells else self.scale.gap / 2
        y = row.box.bottom if self.scale.cells else self.scale.snap(row.box.bottom + pad)
        return [Box(self.scale.snap(x + pad), y, width, height),
                Box(self.scale.snap(x - pad - width), y, width, height)]

    def _ok(self, box: Box, row: Placed) -> bool:
        if box.x < self.area[0] or box.right > self.area[1] or box.y < row.top or box.bottom > row.bottom:
            return False
        if _overlap(box, row.box):
            return False
        nearby = (other for k in (row.index - 1, row.index, row.index + 1) for other in self.placed.get(k, ()))
        return not any(_overlap(box, other) for other in nearby)


def _steps(low: float, high: float, step: float) -> list[float]:
    return [low + i * step for i in range(int((high - low) // step) + 1)] if high >= low else []


def _covers(box: Box, line: tuple[Point, Point]) -> bool:
    (ax, ay), (bx, by) = line
    return (box.x < max(ax, bx) and min(ax, bx) < box.right or ax == bx and box.x < ax < box.right) and (
        box.y < max(ay, by) and min(ay, by) < box.bottom or ay == by and box.y < ay < box.bottom)


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom
