"""Drawing the edges of one page as orthogonal polylines.

- A step to the next row (the usual hand-off) leaves the bottom of its
  symbol, goes down to just above the next row, across to the next actor's
  column, and down into the top of the next symbol.
- Every other edge on the page (back edges, forward jumps) leaves a side of
  its symbol, runs in a vertical *lane* in the free space between the
  symbols of two actor columns, and enters the side of its target. Each row
  holds one symbol, and lanes lie outside every symbol, so no edge passes
  through a symbol. A lane holds several edges only where their spans do not
  meet, and each side of a symbol gives every edge its own height (*slot*),
  so no two edges share a segment.
- An edge to another page ends at an off-page connector in the band at the
  bottom of its page and starts again from the connector with the same label
  in the band at the top of the page it reaches.

Edges are routed shortest first. Among the lanes of the page an edge takes
the one crossing the fewest arrows already drawn, then the least crowded and
shortest, and a labelled edge leaves on a side where its label fits.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field

from soptui.layout.bands import place_connectors
from soptui.layout.grid import Scale
from soptui.layout.labels import Labels
from soptui.layout.metrics import Metrics
from soptui.layout.parts import Band, Part, Placed, band_height, clean
from soptui.layout.types import Connector, EdgePath, Point


#: The cost of an edge sharing a slot or a lane with another, only when nothing is free.
SHARED = 10_000


@dataclass
class Lane:
    """A vertical track for edges; ``spans`` are the heights already used."""

    x: float
    spans: list[tuple[float, float]] = field(default_factory=list)
    spare: bool = False

    def free(self, low: float, high: float, clearance: float) -> bool:
        return all(high + clearance <= a or low - clearance >= b for a, b in self.spans)


@dataclass
class Plan:
    """One way to route a part: its cost, the lane and slots it takes, its
    points, its horizontal legs (row, y, x0, x1) and the rows its lane passes."""

    cost: float
    lane: Lane
    low: float
    high: float
    ends: list
    points: list
    legs: list[tuple[int, float, float, float]]
    rows: range


class PageRouter:
    """Routes the edges of one page; see the module docstring."""

    def __init__(self, rows: list[Placed], actor_bounds: list[tuple[float, float]], scale: Scale,
                 metrics: Metrics, top_band: Band | None, bottom_band: Band | None,
                 connector_size: tuple[float, float]) -> None:
        self.rows, self.scale = rows, scale
        self.bounds = actor_bounds
        self.area = (actor_bounds[0][0], actor_bounds[-1][1])
        self.top_band, self.bottom_band = top_band, bottom_band
        self.connector_size = connector_size
        self.used_slots: dict[tuple[int, str], set[float]] = {}
        self.bottom_used: set[int] = set()
        self.top_used: set[int] = set()
        self.lanes = self._make_lanes()
        self.labels = Labels(self.area, scale, metrics)
        self.finished: list[Part] = []
        self.crowded = False  # an edge had to share a lane or a slot: lay out again, roomier
        self.legs: dict[int, list[tuple[float, float, float]]] = {}  # row -> side legs (y, x0, x1)
        self.verticals: dict[int, list[tuple[float, float, float]]] = {}  # row -> lanes passing (x, y0, y1)
        self.connectors: list[Connector] = []
        self._crossings: list[list[int]] = []

    # -- lanes ---------------------------------------------------------------

    def _make_lanes(self) -> list[list[Lane]]:
        """Lane positions per gap: gap g is left of actor column g, gap n right of the last."""
        scale, gap = self.scale, self.scale.gap
        zones = [self._zone(column) for column in range(len(self.bounds))]
        lanes = []
        for g in range(len(self.bounds) + 1):
            low = self.bounds[0][0] if g == 0 else zones[g - 1][1]
            high = self.bounds[-1][1] if g == len(self.bounds) else zones[g][0]
            boundary = None if g in (0, len(self.bounds)) else self.bounds[g][0]
            if scale.cells:
                low, high = low + 1, high - 2  # one free cell beside each symbol and grid line
                xs = [float(x) for x in range(int(low), int(high) + 1) if x != boundary]
            else:
                xs = self._lane_xs(low + 2 * gap, high - 2 * gap, gap, boundary)
            # spare lanes, half as far apart and nearer the symbols, for crowded pages
            spare = [] if scale.cells else [
                x for x in self._lane_xs(low + gap, high - gap, gap / 2, boundary)
                if all(abs(x - taken) >= gap / 4 for taken in xs)]
            if not xs and not spare:  # a very narrow column: one lane in the middle, tight but never missing
                xs = [scale.snap((low + high) / 2)]
            lanes.append([Lane(x) for x in xs] + [Lane(x, spare=True) for x in spare])
        return lanes

    def _lane_xs(self, low: float, high: float, step: float, boundary: float | None) -> list[float]:
        count = max(0, int((high - low) // step) + 1)
        xs = [self.scale.snap(low + i * step) for i in range(count)]
        return [x for x in xs if boundary is None or abs(x - boundary) >= step / 2]

    def _zone(self, column: int) -> tuple[float, float]:
        """The x range the symbols of this actor column occupy (all rows alike)."""
        for row in self.rows:
            if row.column == column:
                return row.box.x, row.box.right
        left, right = self.bounds[column]
        width = self._symbol_width
        middle = self.scale.snap((left + right - width) / 2)
        return middle, middle + width

    @property
    def _symbol_width(self) -> float:
        return self.rows[0].box.width if self.rows else 0.0

    def _hand_off_crossings(self) -> list[list[int]]:
        """Prefix counts, per gap, of hand-offs whose horizontal leg crosses it
        (counted at the first lane chosen: every hand-off is routed by then)."""
        if not self._crossings:
            for g in range(len(self.bounds) + 1):
                counts = [0]
                for k in range(len(self.rows)):
                    crossed = 0
                    if k + 1 < len(self.rows) and k in self.bottom_used and k + 1 in self.top_used:
                        a, b = sorted((self.rows[k].column, self.rows[k + 1].column))
                        crossed = int(a < g <= b)
                    counts.append(counts[-1] + crossed)
                self._crossings.append(counts)
        return self._crossings

    # -- slots and outlines --------------------------------------------------

    def _offsets(self, row: Placed) -> list[float]:
        return slot_offsets(row.box.height, self.scale)

    def _center_y(self, row: Placed) -> float:
        if self.scale.cells:
            return row.box.y + (row.box.height - 1) // 2
        return self.scale.snap(row.box.y + row.box.height / 2)

    def _center_x(self, row: Placed) -> float:
        if self.scale.cells:
            return row.box.x + (row.box.width - 1) // 2
        return self.scale.snap(row.box.x + row.box.width / 2)

    def _outline_x(self, row: Placed, side: str, offset: float) -> float:
        """Where a horizontal leg at this slot meets the symbol's outline."""
        box = row.box
        if self.scale.cells:
            return box.x - 1 if side == "left" else box.right
        half_w, half_h = box.width / 2, box.height / 2
        inset = 0.0
        if row.kind == "keputusan":
            inset = half_w * abs(offset) / half_h
        elif row.kind == "terminator":
            radius = half_h
            inset = radius - (max(radius**2 - offset**2, 0.0)) ** 0.5
        if side == "left":  # rounded outward, so the end never lies inside the outline
            return math.floor((box.x + inset) * 100) / 100
        return math.ceil((box.right - inset) * 100) / 100

    def _top_y(self, row: Placed) -> float:
        return row.box.y - 1 if self.scale.cells else row.box.y

    def _bottom_y(self, row: Placed) -> float:
        return self.scale.snap(row.box.bottom)

    # -- routes --------------------------------------------------------------

    def hand_off(self, part: Part) -> None:
        """Source row k to row k+1: down, across, down."""
        source, target = self.rows[part.source], self.rows[part.target]  # type: ignore[index]
        self.bottom_used.add(part.source)  # type: ignore[arg-type]
        self.top_used.add(part.target)  # type: ignore[arg-type]
        sx, tx = self._center_x(source), self._center_x(target)
        start, end = (sx, self._bottom_y(source)), (tx, self._top_y(target))
        part.points = [start, end] if sx == tx else [start, (sx, source.turn), (tx, source.turn), end]
        self._finish(part)

    def straight_to_band(self, part: Part) -> None:
        """The last row of a page leaves from its bottom, straight down to its connector."""
        row = self.rows[part.source]  # type: ignore[index]
        self.bottom_used.add(part.source)  # type: ignore[arg-type]
        part.desired_x = self._center_x(row)
        part.points = [(part.desired_x, self._bottom_y(row))]

    def straight_from_band(self, part: Part) -> None:
        """The first row of a page is reached from its connector, straight down."""
        row = self.rows[part.target]  # type: ignore[index]
        self.top_used.add(part.target)  # type: ignore[arg-type]
        part.desired_x = self._center_x(row)
        part.points = [(part.desired_x, self._top_y(row))]

    def via_lane(self, part: Part, label: str | None) -> None:
        """Side exit, a lane, side entry (or a band at either end). Every gap
        of the page is a candidate: going round a column costs some length,
        crossing another arrow costs far more."""
        gaps = range(len(self.lanes))
        plans = [plan for g in gaps if (plan := self._plan(part, g, label)) is not None]
        if not plans:  # every lane or slot taken: share as little as possible, rather than lose the edge
            self.crowded = True
            plans = [plan for g in gaps if self.lanes[g] and (plan := self._plan(part, g, label, force=True))]
        best = min(plans, key=lambda plan: plan.cost)  # type: ignore[union-attr]
        best.lane.spans.append((best.low, best.high))
        for key, offset in best.ends:
            self.used_slots.setdefault(key, set()).add(offset)
        for k, *leg in best.legs:
            self.legs.setdefault(k, []).append(tuple(leg))
        for k in best.rows:
            self.verticals.setdefault(k, []).append((best.lane.x, best.low, best.high))
        part.points = best.points
        part.desired_x = best.lane.x
        if part.source is not None and part.target is not None:
            self._finish(part)

    def _plan(self, part: Part, g: int, label: str | None, force: bool = False) -> Plan | None:
        """How ``part`` would run through a lane of gap g, and what that costs."""
        cost, ends, points = 0.0, [], []
        if part.source is not None:
            going_up = part.target is not None and part.target < part.source
            start = self._side_end(part.source, g, going_up, force)
            if start is None:
                return None
            ends.append(start[:2])
            points.append(start[2])
            y_start = start[2][1]
            cost += SHARED * start[3]
            if label and not self.labels.fits(self.rows[part.source], start[0][1], y_start, label):
                cost += 1000
        else:
            y_start = self._band_edge(top=True)  # the band's side of the path is drawn with its connector
        if part.target is not None:
            coming_down = part.source is None or part.source < part.target
            end = self._side_end(part.target, g, coming_down, force, ends[0] if ends else None)
            if end is None:
                return None
            ends.append(end[:2])
            y_end = end[2][1]
            cost += SHARED * end[3]
        else:
            y_end = self._band_edge(top=False)
        low, high = min(y_start, y_end), max(y_start, y_end)
        lane = self._free_lane(g, low, high, part, force)
        if lane is None:
            return None
        cost += SHARED * (not lane.free(low, high, self._clearance))
        legs = []
        if part.source is not None:
            legs.append((part.source, y_start, *sorted((points[0][0], lane.x))))
        points += [(lane.x, y) for y, band in ((y_start, part.source is None), (y_end, part.target is None))
                   if not band]
        if part.target is not None:
            points.append(end[2])
            legs.append((part.target, y_end, *sorted((end[2][0], lane.x))))
        first = 0 if part.source is None else part.source
        last = len(self.rows) - 1 if part.target is None else part.target
        rows = range(min(first, last), max(first, last) + 1)
        crossings = self._hand_off_crossings()[g]
        hand_offs = crossings[max(first, last) + (part.target is None)] - crossings[min(first, last)]
        cost += 100 * (hand_offs + self._crossings_with_lanes(lane.x, low, high, rows, legs))
        cost += 10 * sum(1 for other in self.lanes[g] if other is not lane and not other.free(low, high, 0))
        cost += 50 if lane.spare else 0
        cost += sum(abs(p[0] - q[0]) for p, q in zip(points, points[1:])) / max(self.scale.gap, 1)
        return Plan(cost, lane, low, high, ends, points, legs, rows)

    def _crossings_with_lanes(self, x: float, low: float, high: float, rows: range,
                              legs: list[tuple[int, float, float, float]]) -> int:
        """How often a new lane (x, low..high) and its legs cross those already routed."""
        count = 0
        for k in rows:
            count += sum(1 for y, x0, x1 in self.legs.get(k, ()) if low < y < high and x0 < x < x1)
        for k, y, x0, x1 in legs:
            count += sum(1 for vx, y0, y1 in self.verticals.get(k, ()) if y0 < y < y1 and x0 < vx < x1)
        return count

    def _side_end(self, k: int, g: int, prefer_up: bool, force: bool, taken=None):
        """Where a lane in gap g meets row k's symbol: (slot key, offset, point),
        on the side facing the gap, at the first free slot; ``None`` if none is."""
        row = self.rows[k]
        key = (k, "left" if g <= row.column else "right")
        used = self.used_slots.get(key, set()) | ({taken[1]} if taken and taken[0] == key else set())
        free = [o for o in self._offsets(row) if o not in used]
        if not free and not force:
            return None
        offset = min(free, key=lambda o: (abs(o), o > 0 if prefer_up else o < 0)) if free else 0.0
        y = self.scale.snap(self._center_y(row) + offset)
        return key, offset, (self._outline_x(row, key[1], offset), y), not free

    def _free_lane(self, g: int, low: float, high: float, part: Part, force: bool) -> Lane | None:
        lanes = self.lanes[g]
        if not lanes:
            return None
        attached = part.source if part.source is not None else part.target
        from_left = attached is not None and self.rows[attached].column < g  # nearest its own symbol first
        ordered = [lane for lane in lanes if not lane.spare]
        ordered = ordered if from_left else ordered[::-1]
        spare = sorted((lane for lane in lanes if lane.spare), key=lambda lane: lane.x, reverse=not from_left)
        ordered += spare
        for lane in ordered:
            if lane.free(low, high, self._clearance):
                return lane
        return min(ordered, key=lambda lane: sum(1 for span in lane.spans if not (high < span[0] or low > span[1]))) \
            if force else None

    @property
    def _clearance(self) -> float:
        """How far apart two edges in one lane must end."""
        return 0.5 if self.scale.cells else self.scale.gap / 2

    def _band_edge(self, top: bool) -> float:
        """The far end of a band, so a lane reaching it is kept free through the band."""
        band = self.top_band if top else self.bottom_band
        assert band is not None, "a band part on a page without that band"
        return band.top if top else band.top + band_height(band.count, self.connector_size[1], self.scale)

    # -- connectors, labels and results --------------------------------------

    def place_connectors(self, arriving: list[Part], leaving: list[Part]) -> None:
        """The connectors of both bands; their edges are then finished."""
        for parts, band, top in ((arriving, self.top_band, True), (leaving, self.bottom_band, False)):
            if parts and band is not None:
                self.connectors += place_connectors(parts, band, top, self.connector_size, self.area, self.scale)
                for part in parts:
                    self._finish(part)

    def _segments_by_row(self) -> dict[int, list[tuple[Point, Point]]]:
        """Every finished segment, filed under each row it passes (a label stays in its row)."""
        tops = [row.top for row in self.rows]
        rows: dict[int, list[tuple[Point, Point]]] = {}
        for part in self.finished:
            for a, b in zip(part.points, part.points[1:]):
                low, high = sorted((a[1], b[1]))
                for k in range(max(bisect_right(tops, low) - 1, 0), bisect_right(tops, high)):
                    rows.setdefault(k, []).append((a, b))
        return rows

    def _finish(self, part: Part) -> None:
        part.points = clean(part.points)
        self.finished.append(part)

    def results(self) -> list[EdgePath]:
        """The finished paths with their labels. Labels under a symbol have
        the fewest places to go, so they are placed before those beside one."""
        labelled = [p for p in self.finished
                    if p.edge.label and p.source is not None and p.edge.branch != "lanjut"]
        labelled.sort(key=lambda p: p.points[0][0] != p.points[1][0])
        lines = self._segments_by_row()
        labels = {id(p): self.labels.place(self.rows[p.source], p.points, p.edge.label or "",  # type: ignore[index]
                                           lines.get(p.source, []))  # type: ignore[arg-type]
                  for p in labelled}
        return [EdgePath(p.edge.source, p.edge.target, p.edge.branch, tuple(p.points), labels.get(id(p)), p.via)
                for p in self.finished]


def slot_offsets(height: float, scale: Scale) -> list[float]:
    """The heights, from a symbol's centre, at which edges may meet one of its
    sides: the centre first, then one spacing further up and down, and so on."""
    if scale.cells:
        half = int((height - 1) // 2)
        return [0.0] + [float(s * d) for d in range(1, half + 1) for s in (-1, 1)]
    step, limit = scale.gap, height / 2 - scale.gap * 0.8
    offsets, d = [0.0], step
    while d <= limit + 1e-9:
        offsets += [-round(d, 2), round(d, 2)]
        d += step
    return offsets


