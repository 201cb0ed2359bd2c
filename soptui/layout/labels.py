"""Branch labels and connector captions: beside what they name, on nothing else.

A place is *allowed* when it stays in its row and the Pelaksana columns and
covers no symbol, connector, label or caption; it is *clean* when no other
arrow runs through it and no arrowhead lies under it. The first clean place
near the exit is taken, else one along the label's own arrow, nearer it than
any other and with no column line or symbol between (a label is read as
naming the arrow it is beside: a Ditolak across its diamond sends a reader
down Ya), else any clean place in the row; when there is none the least bad
allowed place is, and the router asks for a taller row on the next try.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from soptui.layout.metrics import Metrics, wrap
from soptui.layout.parts import Placed
from soptui.layout.scale import Scale
from soptui.layout.types import Box, Point, Text

Segment = tuple[Point, Point]
#: How far from its place beside the exit a label may go, in label widths.
REACH = 3
#: A label this close to its own arrow (1.5 mm) is read as naming it, whatever else runs by.
TOUCHING = 4.2


def label_limit(area: tuple[float, float], symbol: tuple[float, float], scale: Scale) -> float:
    """How wide a label of a symbol spanning ``symbol`` (left, right) may be
    before it wraps: the room on the wider side of the symbol within the
    Pelaksana columns ``area``, so it always fits beside or under it."""
    room = max(symbol[0] - area[0], area[1] - symbol[1]) - (1 if scale.cells else scale.gap)
    return max(room, 1.0)


def label_lines(text: str, limit: float, scale: Scale, metrics: Metrics) -> tuple[str, ...]:
    """The label wrapped to ``limit``."""
    return wrap(text, limit, metrics, scale.label_size) or ("",)


class Labels:
    """Places the labels and captions of one page, remembering those already placed."""

    def __init__(self, area: tuple[float, float], scale: Scale, metrics: Metrics,
                 column_lines: Sequence[float] = ()) -> None:
        self.area, self.scale, self.metrics = area, scale, metrics
        self.column_lines = column_lines  # a label across a column line is read with the line through it
        self.placed: dict[int, list[Box]] = {}  # by row: a label stays in its row
        self._sizes: dict[tuple[str, float], tuple[float, float, tuple[str, ...]]] = {}

    def size(self, label: str, left: float, right: float) -> tuple[float, float, tuple[str, ...]]:
        """Width, height and lines of a label beside something spanning ``left..right`` (measured once)."""
        key = (label, left)
        if key not in self._sizes:
            lines = label_lines(label, label_limit(self.area, (left, right), self.scale), self.scale, self.metrics)
            width = max(self.metrics.width(line, self.scale.label_size) for line in lines)
            if self.scale.cells:
                self._sizes[key] = float(width), float(len(lines)), lines
            else:
                self._sizes[key] = (self.scale.snap(width + 1), self.scale.snap(self.scale.label_line * len(lines)),
                                    lines)
        return self._sizes[key]

    def fits(self, row: Placed, side: str, y: float, label: str) -> bool:
        """Whether a label leaving this side at height y has somewhere to go."""
        return any(self._allowed(box, row, ()) for box in self._side_boxes(row, side, y, label))

    def place(self, row: Placed, points: Sequence[Point], text: str, lines: Sequence[Segment],
              heads: Sequence[Point], boxes: Sequence[Box]) -> tuple[Text, bool]:
        """The label of the edge starting with ``points`` from ``row``'s
        symbol, and whether its place is clean (see the module docstring)."""
        (x0, y0), (x1, y1) = points[0], points[1] if len(points) > 1 else points[0]
        if x0 == x1:  # leaves from the bottom
            candidates = self._bottom_boxes(row, x0, text)
        else:
            up = len(points) > 2 and points[2][1] < y1
            candidates = self._side_boxes(row, "left" if x1 < x0 else "right", y0, text, up)
        width, height, wrapped = self.size(text, row.symbol.x, row.symbol.right)
        own = list(zip(points, points[1:])) or [(points[0], points[0])]
        own += [((b.x, b.y), (b.right, b.bottom)) for b in boxes if box_gap(b, (points[-1], points[-1])) <= 0.5]
        box, clean = self._choose(row, candidates, (x0, y0), width, height, lines, heads, boxes, own)
        return Text(box, wrapped, self.scale.label_size), clean

    def caption(self, row: Placed, connector: Box, text: str, lines: Sequence[Segment], heads: Sequence[Point],
                boxes: Sequence[Box]) -> tuple[Text, bool]:
        """A connector's caption (the page of its twin): beside, under or over its pentagon."""
        width, height, wrapped = self.size(text, connector.x, connector.right)
        pad = 0 if self.scale.cells else self.scale.gap / 2
        middle = connector.y + (connector.height - height) / 2
        candidates = [Box(connector.right + pad, middle, width, height),
                      Box(connector.x - pad - width, middle, width, height),
                      Box(connector.center[0] - width / 2, connector.bottom + pad / 2, width, height),
                      Box(connector.center[0] - width / 2, connector.y - pad / 2 - height, width, height)]
        candidates = [self._snapped(box) for box in candidates]
        box, clean = self._choose(row, candidates, connector.center, width, height, lines, heads, boxes)
        return Text(box, wrapped, self.scale.label_size, align="center"), clean

    def _choose(self, row: Placed, candidates: list[Box], near: Point, width: float, height: float,
                lines: Sequence[Segment], heads: Sequence[Point], boxes: Sequence[Box],
                own: Sequence[Segment] = ()) -> tuple[Box, bool]:
        """The first clean allowed candidate clear of the column lines (moved
        off a line it lies across, if need be), else a clean one across a
        line, else the first clean place in the row nearest ``near``, else
        the least bad allowed one; a label's places other than its
        candidates are read as naming its ``own`` arrow (``_beside``), within reach of it if one is."""
        allowed = [box for box in candidates if self._allowed(box, row, boxes)]
        clean = [box for box in allowed if not self._conflicts(box, lines, heads)]
        shifted = [other for box in clean for other in self._off_lines(box)]
        shifted = [box for box in shifted if self._allowed(box, row, boxes) and not self._conflicts(box, lines, heads)
                   and self._beside(box, own, lines, row)]
        box = next((box for box in clean + shifted if not self._on_line(box)), clean[0] if clean else None)
        if box is None:
            farther: list[Box | None] = [None, None]  # clean: read as its arrow's but far, or only clean
            for other in self._anywhere(row, width, height, near):
                if not self._allowed(other, row, boxes):
                    continue
                if not self._conflicts(other, lines, heads):
                    if self._beside(other, own, lines, row):
                        box = other
                        break
                    beside = self._beside(other, own, lines, row, reach=False)
                    farther[not beside] = farther[not beside] or other
                elif len(allowed) < 50:
                    allowed.append(other)
            box = box or farther[0] or farther[1]
        clean_place = box is not None
        if box is None:  # nothing clean: the least bad allowed place, and a taller row next time
            allowed = allowed or candidates[:1]
            box = min(allowed, key=lambda b: self._conflicts(b, lines, heads))
        self.placed.setdefault(row.index, []).append(box)
        return box, clean_place

    def _beside(self, box: Box, own: Sequence[Segment], lines: Sequence[Segment], row: Placed,
                reach: bool = True) -> bool:
        """Whether ``box`` is read as naming the arrow ``own`` (its segments,
        and the pentagon it ends at): nearer it than any other arrow, with
        neither a column line nor the row's symbol between them, and (with
        ``reach``) a few gaps from it at most. Any box when ``own`` is empty."""
        if not own:
            return True
        near = min(own, key=lambda segment: box_gap(box, segment))
        distance = box_gap(box, near)
        if reach and distance > (1 if self.scale.cells else 2.5 * self.scale.gap + 1):
            return False
        if distance > (1 if self.scale.cells else TOUCHING) and any(box_gap(box, line) < distance for line in lines
                                                                    if line not in own):
            return False
        x0, x1 = min(near[0][0], near[1][0]), max(near[0][0], near[1][0])
        low, high = (box.right, x0) if box.right <= x0 else (x1, box.x) if box.x >= x1 else (0.0, 0.0)
        walls = list(self.column_lines)
        symbol = row.box
        if symbol is not None and symbol.y < box.bottom and box.y < symbol.bottom:
            walls += [symbol.x, symbol.right]
        return not any(low < x < high for x in walls)

    def _off_lines(self, box: Box) -> list[Box]:
        """``box`` moved just clear of each column line it lies across, to either side."""
        gap = 1 if self.scale.cells else 1.0
        moved = []
        for x in self.column_lines:
            if self._crosses(box, x):
                for left in (x - gap - box.width, x + gap):
                    moved.append(Box(self.scale.snap(left), box.y, box.width, box.height))
        return moved

    def _crosses(self, box: Box, x: float) -> bool:
        return box.x <= x < box.right if self.scale.cells else box.x + 0.5 < x < box.right - 0.5

    def _on_line(self, box: Box) -> bool:
        return any(self._crosses(box, x) for x in self.column_lines)

    def _anywhere(self, row: Placed, width: float, height: float, near: Point) -> Iterator[Box]:
        """Places in the row on a grid, nearest ``near`` first, no further
        from it than a reader looks for a label (``REACH`` times its width)."""
        step = 1.0 if self.scale.cells else self.scale.gap
        reach = REACH * max(width, step)
        xs = _steps(max(self.area[0], near[0] - reach), min(self.area[1], near[0] + reach) - width, step)
        ys = _steps(row.top, row.bottom - height, step)
        cx, cy = near[0] - width / 2, near[1] - height / 2
        box = row.box
        for _, x, y in sorted((abs(x - cx) + abs(y - cy), x, y) for y in ys for x in xs):
            if box is None or not (x < box.right and box.x < x + width and y < box.bottom and box.y < y + height):
                yield self._snapped(Box(x, y, width, height))

    def _snapped(self, box: Box) -> Box:
        return Box(self.scale.snap(box.x), self.scale.snap(box.y), box.width, box.height)

    def _side_boxes(self, row: Placed, side: str, y: float, label: str, up: bool = True) -> list[Box]:
        """Beside the exit, on the side of the leg away from where the edge
        turns (below it when the edge goes up), so the label covers no line of its own."""
        width, height, _ = self.size(label, row.symbol.x, row.symbol.right)
        pad = 0 if self.scale.cells else self.scale.gap / 2
        x = row.symbol.x - pad - width if side == "left" else row.symbol.right + pad
        if self.scale.cells:
            above, below = Box(x, y - height, width, height), Box(x, y + 1, width, height)
        else:
            above = self._snapped(Box(x, y - pad - height, width, height))
            below = self._snapped(Box(x, y + pad, width, height))
        return [below, above] if up else [above, below]

    def _bottom_boxes(self, row: Placed, x: float, label: str) -> list[Box]:
        width, height, _ = self.size(label, row.symbol.x, row.symbol.right)
        pad = 1 if self.scale.cells else self.scale.gap / 2
        y = row.symbol.bottom if self.scale.cells else row.symbol.bottom + pad
        return [self._snapped(Box(x + pad, y, width, height)), self._snapped(Box(x - pad - width, y, width, height))]

    def _allowed(self, box: Box, row: Placed, boxes: Sequence[Box]) -> bool:
        if box.x < self.area[0] or box.right > self.area[1] or box.y < row.top or box.bottom > row.bottom:
            return False
        if row.box is not None and _overlap(box, row.box):
            return False
        if any(_overlap(box, other) for other in boxes):
            return False
        nearby = (other for k in (row.index - 1, row.index, row.index + 1) for other in self.placed.get(k, ()))
        return not any(_overlap(box, other) for other in nearby)

    def _conflicts(self, box: Box, lines: Sequence[Segment], heads: Sequence[Point]) -> int:
        """Arrows through ``box`` and arrowheads under it."""
        if self.scale.cells:  # a box covers the cells x .. right - 1
            inner = Box(box.x - 0.5, box.y - 0.5, box.width, box.height)
            count = sum(_covers(inner, line, 0.0) for line in lines)
            return count + sum(box.x <= x < box.right and box.y <= y < box.bottom for x, y in heads)
        count = sum(_covers(box, line, 0.5) for line in lines)
        return count + sum(box.x - 1 <= x <= box.right + 1 and box.y - 1 <= y <= box.bottom + 1 for x, y in heads)


def _steps(low: float, high: float, step: float) -> list[float]:
    return [low + i * step for i in range(int((high - low) // step) + 1)] if high >= low else []


def box_gap(box: Box, segment: Segment) -> float:
    """How far ``box`` is from a segment (or the box of two corners), across or along."""
    (ax, ay), (bx, by) = segment
    return max(box.x - max(ax, bx), min(ax, bx) - box.right, box.y - max(ay, by), min(ay, by) - box.bottom, 0.0)


def _covers(box: Box, line: Segment, margin: float) -> bool:
    """Whether a segment runs through the box (more than ``margin`` inside it)."""
    (ax, ay), (bx, by) = line
    x0, x1, y0, y1 = box.x + margin, box.right - margin, box.y + margin, box.bottom - margin
    if ay == by:
        return y0 < ay < y1 and min(ax, bx) < x1 and max(ax, bx) > x0
    if ax == bx:
        return x0 < ax < x1 and min(ay, by) < y1 and max(ay, by) > y0
    return False


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom
