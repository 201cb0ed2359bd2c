"""How good a computed flowchart is as print: the layout reports its own quality.

The defects are those a reviewer at a Biro Organisasi sends a flowchart back
for (issue 13), measured as ``../shared/tools/layout_quality.py`` measures
them, in points (1 mm = 2.83 pt):

- ``overlap``: two arrows share a run (closer than 1 pt, over more than 3 pt);
- ``near_parallel``: two arrows run side by side closer than 2 mm;
- ``on_grid``: an arrow runs along a grid line, within 1.5 mm, for more than 15 pt;
- ``through_symbol``: an arrow passes through a symbol it does not touch;
- ``conn_border``: an off-page pentagon straddles a column line;
- ``conn_far``: a pentagon pair that is neither a page turn (bottom of page N, top of N+1)
  nor beside its source and target rows; ``conn_unpaired``: a pentagon without its twin;
- ``label_symbol``, ``label_label``, ``label_edge``: a branch label on a symbol, on another
  label, or on another arrow or its head; ``label_astray``: a branch label read as naming
  another arrow (more than 1.5 mm from its own, and another nearer) or cut off from its own by a column line or
  its symbol (a Ditolak on the left of a diamond whose Ditolak leaves on the right);
- ``small_text``: a table cell printed below 7 pt; ``size_mix``: a column printed at more
  than two sizes on one page.

Beside the defects: crossings, bends, the closest two arrows come side by
side and to a grid line, and the connector pairs by kind. ``soptui layout
FILE --stats`` prints them; the test suite asserts no defect on a corpus.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from soptui.layout.labels import TOUCHING, box_gap
from soptui.layout.types import Box, EdgePath, FlowchartLayout, Page, Point

NEAR, GRID, MIN_PT = 5.7, 4.2, 7.0
RUN, GRID_RUN = 3.0, 15.0
DEFECTS = ("overlap", "near_parallel", "on_grid", "through_symbol", "conn_border", "conn_far", "conn_unpaired",
           "label_symbol", "label_label", "label_edge", "label_astray", "small_text", "size_mix")


@dataclass
class Quality:
    """The measures of one layout (see the module docstring)."""

    defects: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DEFECTS, 0))
    crossings: int = 0
    bends: int = 0
    closest_arrows: float | None = None  # points between the closest two arrows running side by side
    closest_grid: float | None = None  # points between an arrow and a grid line it runs along
    connector_pairs: dict[str, int] = field(default_factory=lambda: {"band": 0, "beside": 0})

    @property
    def total(self) -> int:
        return sum(self.defects.values())

    def as_dict(self) -> dict:
        return {"defects": dict(self.defects), "total_defects": self.total, "crossings": self.crossings,
                "bends": self.bends, "closest_arrows": self.closest_arrows, "closest_grid": self.closest_grid,
                "connector_pairs": dict(self.connector_pairs)}


def measure(layout: FlowchartLayout) -> Quality:
    """The quality of ``layout`` (in cells the distances and type sizes are not meaningful and are left out)."""
    quality = Quality()
    found: Counter = Counter()
    for page in layout.pages:
        _page(page, found, quality, layout.paper != "cells")
    _connectors(layout, found, quality)
    quality.defects.update({kind: found[kind] for kind in DEFECTS})
    return quality


def _segments(edge: EdgePath) -> list[tuple[Point, Point]]:
    return list(zip(edge.points, edge.points[1:]))


def _closest(current: float | None, value: float) -> float:
    return round(value if current is None else min(current, value), 2)


def _page(page: Page, found: Counter, quality: Quality, points: bool) -> None:
    edges = page.edges
    segments = [(i, a, b) for i, edge in enumerate(edges) for a, b in _segments(edge)]
    quality.bends += sum(max(len(edge.points) - 2, 0) for edge in edges)
    for (i, a, b), (j, c, d) in itertools.combinations(segments, 2):
        if i == j:
            continue
        if a[0] == b[0] and c[0] == d[0]:
            run, gap = _overlap(a[1], b[1], c[1], d[1]), abs(a[0] - c[0])
        elif a[1] == b[1] and c[1] == d[1]:
            run, gap = _overlap(a[0], b[0], c[0], d[0]), abs(a[1] - c[1])
        else:
            quality.crossings += _cross(a, b, c, d)
            continue
        if run > RUN and points:
            quality.closest_arrows = _closest(quality.closest_arrows, gap)
            if gap < 1:
                found["overlap"] += 1
            elif gap < NEAR:
                found["near_parallel"] += 1
    if points:
        _grid(page, segments, found, quality)
    for i, a, b in segments:
        edge = edges[i]
        for symbol in page.symbols:
            if symbol.step_id not in (edge.source, edge.target) and _through(symbol.box, a, b):
                found["through_symbol"] += 1
    lines = {x for column in page.columns for x in (column.left, column.right)}
    found["conn_border"] += sum(1 for c in page.connectors if any(c.box.x + 1 < x < c.box.right - 1 for x in lines))
    if points:  # type sizes in cells are all one cell
        _text(page, found)
    _labels(page, found)


def _grid(page: Page, segments: list, found: Counter, quality: Quality) -> None:
    """Arrows running along a grid line: the column lines, the row lines and every line of the page's grid."""
    xs = {x for column in page.columns for x in (column.left, column.right)}
    ys = {y for row in page.rows for y in (row.top, row.bottom)}
    xs |= {line.start[0] for line in page.lines if line.start[0] == line.end[0]}
    ys |= {line.start[1] for line in page.lines if line.start[1] == line.end[1]}
    for _, a, b in segments:
        vertical = a[0] == b[0]
        length = abs(a[1] - b[1]) if vertical else abs(a[0] - b[0])
        if length <= GRID_RUN:
            continue
        gap = min((abs(a[0] - x) for x in xs) if vertical else (abs(a[1] - y) for y in ys), default=None)
        if gap is None:
            continue
        quality.closest_grid = _closest(quality.closest_grid, gap)
        found["on_grid"] += gap < GRID


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(max(a0, a1), max(b0, b1)) - max(min(a0, a1), min(b0, b1))


def _cross(a: Point, b: Point, c: Point, d: Point) -> int:
    """1 when a horizontal and a vertical segment cross inside both."""
    (h0, h1), (v0, v1) = ((a, b), (c, d)) if a[1] == b[1] else ((c, d), (a, b))
    x0, x1 = sorted((h0[0], h1[0]))
    y0, y1 = sorted((v0[1], v1[1]))
    return int(x0 < v0[0] < x1 and y0 < h0[1] < y1)


def _through(box: Box, a: Point, b: Point) -> bool:
    x0, y0, x1, y1 = box.x + 1, box.y + 1, box.right - 1, box.bottom - 1
    if a[0] == b[0]:
        return x0 < a[0] < x1 and min(a[1], b[1]) < y1 and max(a[1], b[1]) > y0
    return y0 < a[1] < y1 and min(a[0], b[0]) < x1 and max(a[0], b[0]) > x0


def _text(page: Page, found: Counter) -> None:
    sizes: dict[int, set[float]] = defaultdict(set)
    for row in page.rows:
        for column, cell in enumerate(row.cells):
            found["small_text"] += cell.size < MIN_PT
            sizes[column].add(cell.size)
    found["size_mix"] += sum(1 for used in sizes.values() if len(used) > 2)


def _meet(a: Box, b: Box) -> bool:
    return a.x < b.right and a.right > b.x and a.y < b.bottom and a.bottom > b.y


def _labels(page: Page, found: Counter) -> None:
    labelled = [(i, edge.label.box) for i, edge in enumerate(page.edges) if edge.label]
    for i, box in labelled:
        found["label_symbol"] += sum(1 for symbol in page.symbols if _meet(box, symbol.box))
        for j, other in enumerate(page.edges):
            if j != i and (_hides(box, other.points[-1]) or any(_runs_through(box, a, b) for a, b in _segments(other))):
                found["label_edge"] += 1
    found["label_label"] += sum(1 for (_, a), (_, b) in itertools.combinations(labelled, 2) if _meet(a, b))
    found["label_astray"] += sum(1 for i, box in labelled if _astray(page, page.edges[i], box))


def _astray(page: Page, edge: EdgePath, box: Box) -> bool:
    """Whether a label not touching its own arrow (its segments and the pentagon it ends at) is nearer
    another, or has a column line or its own symbol between it and the nearest of its own."""
    own = _segments(edge)
    own += [((c.box.x, c.box.y), (c.box.right, c.box.bottom)) for c in page.connectors
            if box_gap(c.box, (edge.points[-1], edge.points[-1])) <= 0.5]
    near = min(own, key=lambda segment: box_gap(box, segment))
    distance = box_gap(box, near)
    if distance > TOUCHING and any(box_gap(box, segment) < distance for other in page.edges if other is not edge
                                   for segment in _segments(other)):
        return True
    x0, x1 = sorted((near[0][0], near[1][0]))
    low, high = (box.right, x0) if box.right <= x0 else (x1, box.x) if box.x >= x1 else (0.0, 0.0)
    walls = {x for column in page.columns for x in (column.left, column.right)}
    walls |= {x for s in page.symbols if s.step_id == edge.source and s.box.y < box.bottom and box.y < s.box.bottom
              for x in (s.box.x, s.box.right)}
    return any(low < x < high for x in walls)


def _hides(box: Box, head: Point) -> bool:
    return box.x - 1 <= head[0] <= box.right + 1 and box.y - 1 <= head[1] <= box.bottom + 1


def _runs_through(box: Box, a: Point, b: Point) -> bool:
    if a[1] == b[1]:
        return box.y + 1 < a[1] < box.bottom - 1 and min(a[0], b[0]) < box.right - 1 and max(a[0], b[0]) > box.x + 1
    return box.x + 1 < a[0] < box.right - 1 and min(a[1], b[1]) < box.bottom - 1 and max(a[1], b[1]) > box.y + 1


def _connectors(layout: FlowchartLayout, found: Counter, quality: Quality) -> None:
    """Pairs by (label, source, target): a page turn, or beside both rows; anything else is far."""
    pairs: dict[tuple, dict[str, tuple[int, Box, str]]] = defaultdict(dict)
    rows: dict[tuple[int, str], tuple[float, float]] = {}
    for page in layout.pages:
        for row in page.rows:
            if not row.continued:
                rows[(page.number, row.step_id)] = (row.top, row.bottom)
        for c in page.connectors:
            pairs[(c.label, c.source, c.target)][c.role] = (page.number, c.box, c.place)
    for (_, source, target), ends in pairs.items():
        if "out" not in ends or "in" not in ends:
            found["conn_unpaired"] += 1
            continue
        (out_page, out_box, place), (in_page, in_box, _) = ends["out"], ends["in"]
        quality.connector_pairs[place] = quality.connector_pairs.get(place, 0) + 1
        if in_page == out_page + 1:
            continue

        def beside(page: int, step: str, box: Box) -> bool:
            row = rows.get((page, step))
            return row is not None and row[0] - 1 <= box.y + box.height / 2 <= row[1] + 1

        if not (beside(out_page, source, out_box) and beside(in_page, target, in_box)):
            found["conn_far"] += 1
