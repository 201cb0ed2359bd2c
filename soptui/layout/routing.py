"""Drawing the edges of one page as orthogonal polylines.

- A step to the next row (the usual hand-off) leaves the bottom of its
  symbol, goes down to just above the next row, across to the next actor's
  column, and down into the top of the next symbol.
- Every other edge on the page (back edges, forward jumps) leaves a side of
  its symbol, runs in a vertical *track* (``tracks.py``: never on a grid
  line, never nearer another arrow than the pitch) and enters the side of
  its target. Each side of a symbol gives every edge its own height
  (*slot*), a pitch apart, so no two edges share or crowd a segment.
- A page turn ends at a connector in the band under the last row and starts
  again from its twin in the band under the next page's header
  (``bands.py``); any other jump between pages ends and starts at
  connectors beside its rows (``beside.py``).

Edges are routed shortest first. Among the tracks an edge takes the one
crossing the fewest arrows already drawn, then the one with the shortest
horizontal legs, and a labelled edge leaves on a side where its label fits.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, replace

from soptui.layout.labels import Labels
from soptui.layout.metrics import Metrics
from soptui.layout.parts import ConnectorSize, Part, Placed, clean
from soptui.layout.scale import Scale
from soptui.layout.tracks import Tracks
from soptui.layout.types import Box, Connector, EdgePath, Point, Text

#: The cost of a crossing, against one pitch of horizontal length.
CROSSING = 1000
#: The cost of a labelled edge leaving where its label has no room: more than a crossing, since
#: a label with no room stands where it reads as another arrow's (a Ditolak read as Ya's).
NO_LABEL_ROOM = 1500
#: The cost of sharing a track or a slot, only when nothing is free.
SHARED = 100_000


@dataclass
class Plan:
    """One way to route a part through a track: its cost, the slots it
    takes, its points, its horizontal legs (row, y, x0, x1), its span."""

    cost: float
    track: int
    low: float
    high: float
    ends: list
    points: list
    legs: list[tuple[int, float, float, float]]


class PageRouter:
    """Routes the edges of one page; see the module docstring."""

    def __init__(self, rows: list[Placed], actor_bounds: list[tuple[float, float]], track_xs: list[float],
                 scale: Scale, metrics: Metrics, body: tuple[float, float], connector: ConnectorSize) -> None:
        self.rows, self.scale = rows, scale
        self.bounds = actor_bounds
        self.area = (actor_bounds[0][0], actor_bounds[-1][1])
        self.body = body  # the top and bottom of the table under the header: bands included
        self.connector = connector
        self.used_slots: dict[tuple[int, str], set[float]] = {}
        self.bottom_used: set[int] = set()
        self.top_used: set[int] = set()
        self.tracks = Tracks(track_xs, scale)
        self.labels = Labels(self.area, scale, metrics, [left for left, _ in actor_bounds[1:]])
        self.finished: list[Part] = []
        self.crowded = False  # an edge had to share a track or a slot: lay out again, roomier
        self.short_rows: set[int] = set()  # rows too low for a label or a caption
        self.tall_rows: dict[int, float] = {}  # row -> how much taller its symbol should be for its connectors
        self.legs: dict[int, list[tuple[float, float, float]]] = {}  # row -> horizontal segments (y, x0, x1)
        self.verticals: dict[int, list[tuple[float, float, float]]] = {}  # row -> track segments (x, y0, y1)
        self.obstacles: dict[int, list[Box]] = {}  # row -> connectors beside its symbol
        self.connectors: list[Connector] = []
        self.captions: list[tuple[int, int, str]] = []  # (connector index, row, text) placed with the labels
        self._memo: dict = {}  # what one routing of a part asks again and again
        self._tops = [row.top for row in rows]
        for row in rows:
            if row.box is not None:
                left = row.box.x - scale.symbol_clear - (1 if scale.cells else 0)
                self.tracks.block(left, row.box.right + scale.symbol_clear, row.top, row.bottom)

    # -- slots and outlines --------------------------------------------------

    def center_y(self, row: Placed) -> float:
        box = row.symbol
        if self.scale.cells:
            return box.y + (box.height - 1) // 2
        return self.scale.snap(box.y + box.height / 2)

    def center_x(self, row: Placed) -> float:
        box = row.symbol
        if self.scale.cells:
            return box.x + (box.width - 1) // 2
        return self.scale.snap(box.x + box.width / 2)

    def outline_x(self, row: Placed, side: str, offset: float) -> float:
        """Where a horizontal leg at this slot meets the symbol's outline."""
        box = row.symbol
        if self.scale.cells:
            return box.x - 1 if side == "left" else box.right
        half_w, half_h = box.width / 2, box.height / 2
        inset = 0.0
        if row.kind == "keputusan":
            inset = half_w * abs(offset) / half_h
        elif row.kind == "terminator":  # a capsule: straight sides, then its rounded ends
            radius = min(half_h, half_w)
            depth = max(abs(offset) - (half_h - radius), 0.0)
            inset = radius - (max(radius**2 - depth**2, 0.0)) ** 0.5
        if side == "left":  # rounded outward, so the end never lies inside the outline
            return math.floor((box.x + inset) * 100) / 100
        return math.ceil((box.right - inset) * 100) / 100

    def top_y(self, row: Placed) -> float:
        return row.symbol.y - 1 if self.scale.cells else row.symbol.y

    def bottom_y(self, row: Placed) -> float:
        return self.scale.snap(row.symbol.bottom)

    def free_slots(self, k: int, side: str, prefer_up: bool = False) -> list[float]:
        """The free heights of a side of row k's symbol, nearest the centre first."""
        used = self.used_slots.get((k, side), set())
        offsets = [o for o in slot_offsets(self.rows[k].symbol.height, self.scale) if o not in used]
        return sorted(offsets, key=lambda o: (abs(o), o > 0 if prefer_up else o < 0))

    def take_slot(self, k: int, side: str, offset: float) -> None:
        self.used_slots.setdefault((k, side), set()).add(offset)

    def rows_between(self, low: float, high: float) -> range:
        """The rows a vertical from ``low`` to ``high`` passes."""
        return range(max(bisect_right(self._tops, low) - 1, 0), bisect_right(self._tops, high))

    # -- hand-offs and straight band links -----------------------------------

    def hand_off(self, part: Part) -> None:
        """Source row k to row k+1: down, across, down."""
        source, target = self.rows[part.source], self.rows[part.target]  # type: ignore[index]
        self.bottom_used.add(part.source)  # type: ignore[arg-type]
        self.top_used.add(part.target)  # type: ignore[arg-type]
        sx, tx = self.center_x(source), self.center_x(target)
        start, end = (sx, self.bottom_y(source)), (tx, self.top_y(target))
        part.points = [start, end] if sx == tx else [start, (sx, source.turn), (tx, source.turn), end]
        self.tracks.block_vertical(sx, start[1], source.turn)
        self.tracks.block_vertical(tx, source.turn, end[1])
        if sx != tx:
            self.legs.setdefault(part.source, []).append((source.turn, min(sx, tx), max(sx, tx)))  # type: ignore
        self.finish(part)

    def straight_to_band(self, part: Part) -> None:
        """The last row of a page leaves from its bottom, straight down to its connector."""
        row = self.rows[part.source]  # type: ignore[index]
        self.bottom_used.add(part.source)  # type: ignore[arg-type]
        part.desired_x = self.center_x(row)
        part.points = [(part.desired_x, self.bottom_y(row))]
        self.tracks.block_vertical(part.desired_x, part.points[0][1], self.body[1])

    def straight_from_band(self, part: Part) -> None:
        """The first row of a page is reached from its connector, straight down."""
        row = self.rows[part.target]  # type: ignore[index]
        self.top_used.add(part.target)  # type: ignore[arg-type]
        part.desired_x = self.center_x(row)
        part.points = [(part.desired_x, self.top_y(row))]
        self.tracks.block_vertical(part.desired_x, self.body[0], part.points[0][1])

    # -- tracks ---------------------------------------------------------------

    def via_track(self, part: Part, label: str | None) -> None:
        """Side exit, a track, side entry (or a band at either end); the
        track crossing the fewest arrows, then the shortest legs."""
        best = self._best(part, label, force=False)
        if best is None:  # every track or slot taken: share as little as possible, rather than lose the edge
            self.crowded = True
            best = self._best(part, label, force=True)
        assert best is not None
        self.tracks.reserve(best.track, best.low, best.high)
        for key, offset in best.ends:
            self.take_slot(key[0], key[1], offset)
        for k, *leg in best.legs:
            self.legs.setdefault(k, []).append(tuple(leg))  # type: ignore[arg-type]
        x = self.tracks.xs[best.track]
        for k in self.rows_between(best.low, best.high):
            self.verticals.setdefault(k, []).append((x, best.low, best.high))
        part.points = best.points
        part.desired_x = x
        if part.source is not None and part.target is not None:
            self.finish(part)

    def _best(self, part: Part, label: str | None, force: bool) -> Plan | None:
        """The cheapest plan, trying tracks nearest the ends first and
        stopping once no track can beat the best found (its legs alone cost more)."""
        ends = [self.center_x(self.rows[k]) for k in (part.source, part.target) if k is not None]
        half = max((row.box.width / 2 for row in self.rows if row.box is not None), default=0.0)
        xs = self.tracks.xs

        def reach(i: int) -> float:
            return sum(abs(xs[i] - x) for x in ends)

        order = sorted(range(len(xs)), key=reach)
        unit = max(self.scale.pitch, 1.0)
        best: Plan | None = None
        self._memo.clear()  # ends and label room per side: the same for every track on that side
        for index in order:
            if best is not None and (reach(index) - len(ends) * half) / unit > best.cost:
                break
            plan = self._plan(part, index, label, force)
            if plan is not None and (best is None or plan.cost < best.cost):
                best = plan
        return best

    def _plan(self, part: Part, index: int, label: str | None, force: bool) -> Plan | None:
        """How ``part`` would run through track ``index``, and what that costs."""
        x = self.tracks.xs[index]
        cost, ends, points, legs = 0.0, [], [], []
        y_start = self.body[0]
        if part.source is not None:
            going_up = part.target is not None and part.target < part.source
            start = self._side_end(part.source, x, going_up, force)
            if start is None:
                return None
            key, offset, point, shared = start
            ends.append((key, offset))
            points.append(point)
            y_start = point[1]
            legs.append((part.source, y_start, *sorted((point[0], x))))
            cost += SHARED * shared
            if label and not self._label_fits(part.source, key[1], y_start, label):
                cost += NO_LABEL_ROOM
        y_end = self.body[1]
        end = None
        if part.target is not None:
            coming_down = part.source is None or part.source < part.target
            taken = (ends[0][0], ends[0][1]) if ends else None
            end = self._side_end(part.target, x, coming_down, force, taken)
            if end is None:
                return None
            key, offset, point, shared = end
            ends.append((key, offset))
            y_end = point[1]
            legs.append((part.target, y_end, *sorted((point[0], x))))
            cost += SHARED * shared
        low, high = min(y_start, y_end), max(y_start, y_end)
        if not self.tracks.free(index, low, high):
            if not force:
                return None
            cost += SHARED * self.tracks.busy(index, low, high)
        points += [(x, y) for y, band in ((y_start, part.source is None), (y_end, part.target is None)) if not band]
        if end is not None:
            points.append(end[2])
        cost += CROSSING * self._crossings(x, low, high, legs)
        cost += sum(x1 - x0 for _, _, x0, x1 in legs) / max(self.scale.pitch, 1.0)
        return Plan(cost, index, low, high, ends, points, legs)

    def _crossings(self, x: float, low: float, high: float, legs: list[tuple[int, float, float, float]]) -> int:
        """How often a new track segment (x, low..high) and its legs cross what is already routed."""
        count = 0
        for k in self.rows_between(low, high):
            count += sum(1 for y, x0, x1 in self.legs.get(k, ()) if low < y < high and x0 < x < x1)
        for k, y, x0, x1 in legs:
            count += sum(1 for vx, y0, y1 in self.verticals.get(k, ()) if y0 < y < y1 and x0 < vx < x1)
        return count

    def _label_fits(self, k: int, side: str, y: float, label: str) -> bool:
        key = ("label", k, side, y)
        if key not in self._memo:
            self._memo[key] = self.labels.fits(self.rows[k], side, y, label)
        return self._memo[key]

    def _side_end(self, k: int, x: float, prefer_up: bool, force: bool, taken=None):
        """Where a track at x meets row k's symbol: (slot key, offset, point,
        shared), on the side facing the track; ``None`` if no slot is free."""
        row = self.rows[k]
        if row.symbol.x - 1e-6 <= x <= row.symbol.right + 1e-6:
            return None
        side = "left" if x < row.symbol.x else "right"
        key = ("end", k, side, prefer_up, force, taken)
        if key not in self._memo:
            self._memo[key] = self._side_end_of(k, side, prefer_up, force, taken)
        return self._memo[key]

    def _side_end_of(self, k: int, side: str, prefer_up: bool, force: bool, taken):
        row = self.rows[k]
        free = [o for o in self.free_slots(k, side, prefer_up) if taken != ((k, side), o)]
        if not free and not force:
            return None
        offset = free[0] if free else 0.0
        y = self.scale.snap(self.center_y(row) + offset)
        return (k, side), offset, (self.outline_x(row, side, offset), y), not free

    # -- results ---------------------------------------------------------------

    def segments_by_row(self) -> dict[int, list[tuple[Point, Point]]]:
        """Every finished segment, filed under each row it passes (a label stays in its row)."""
        rows: dict[int, list[tuple[Point, Point]]] = {}
        for part in self.finished:
            for a, b in zip(part.points, part.points[1:]):
                for k in self.rows_between(*sorted((a[1], b[1]))):
                    rows.setdefault(k, []).append((a, b))
        return rows

    def finish(self, part: Part) -> None:
        part.points = clean(part.points)
        self.finished.append(part)

    def results(self) -> list[EdgePath]:
        """The finished paths with their labels, and the connectors' captions;
        a label or caption that found no clean place asks for a taller row
        on the next try. Captions go first: they have the fewest places."""
        lines = self.segments_by_row()
        heads: dict[int, list[Point]] = {}  # arrowheads by the row they lie in: a label looks only at its own
        for part in self.finished:
            for k in self.rows_between(part.points[-1][1] - 1, part.points[-1][1] + 1):
                heads.setdefault(k, []).append(part.points[-1])
        boxes = [c.box for c in self.connectors]
        for index, k, text in self.captions:
            connector = self.connectors[index]
            caption, clean_place = self.labels.caption(self.rows[k], connector.box, text, lines.get(k, []),
                                                       heads.get(k, []), boxes)
            self.connectors[index] = replace(connector, caption=caption)
            self.short_rows.update(() if clean_place else (k,))
        labelled = [p for p in self.finished
                    if p.edge.label and p.source is not None and p.edge.branch != "lanjut"]
        labelled.sort(key=lambda p: p.points[0][0] != p.points[1][0])  # under a symbol: fewest places, first
        labels: dict[int, Text] = {}
        for part in labelled:
            row = self.rows[part.source]  # type: ignore[index]
            others = [head for head in heads.get(row.index, []) if head != part.points[-1]]
            label, clean_place = self.labels.place(row, part.points, part.edge.label or "", lines.get(row.index, []),
                                                   others, boxes)
            labels[id(part)] = label
            self.short_rows.update(() if clean_place else (row.index,))
        return [EdgePath(p.edge.source, p.edge.target, p.edge.branch, tuple(p.points), labels.get(id(p)), p.via)
                for p in self.finished]


def slot_offsets(height: float, scale: Scale) -> list[float]:
    """The heights, from a symbol's centre, at which edges may meet one of its
    sides: the centre first, then a pitch further up and down, and so on."""
    if scale.cells:
        half = int((height - 1) // 2)
        return [0.0] + [float(s * d) for d in range(1, half + 1) for s in (-1, 1)]
    step, limit = scale.pitch, height / 2 - scale.pitch * 0.3
    offsets, d = [0.0], step
    while d <= limit + 1e-9:
        offsets += [-round(d, 2), round(d, 2)]
        d += step
    return offsets
