"""The geometric promises of the layout, checked on any layout.

Each function raises AssertionError with the step ids involved, so a
failing hypothesis example says what went wrong where.
"""

from __future__ import annotations

from itertools import combinations

from soptui.layout.types import Box, EdgePath, FlowchartLayout, Page, Symbol
from soptui.model import Sop

EPS = 0.01


def check_all(sop: Sop, layout: FlowchartLayout, cells: bool = False) -> None:
    check_symbols(sop, layout)
    check_rows(sop, layout)
    for page in layout.pages:
        check_orthogonal(page)
        check_edges_avoid_symbols(page, cells)
        check_edges_avoid_connectors(page, cells)
        check_no_shared_segments(page, cells)
        check_labels(page, cells)
    check_connectors(layout)
    check_every_edge_drawn(sop, layout)
    if cells:
        check_integral(layout)


def check_symbols(sop: Sop, layout: FlowchartLayout) -> None:
    """One symbol per step, inside its row and its actor's column."""
    seen = [s.step_id for page in layout.pages for s in page.symbols]
    assert sorted(seen) == sorted(step.id for step in sop.langkah), "not one symbol per step"
    for page in layout.pages:
        columns = {column.key: column for column in page.columns}
        whole = [row for row in page.rows if not row.continued]
        assert [row.step_id for row in whole] == [symbol.step_id for symbol in page.symbols]
        for row, symbol in zip(whole, page.symbols):
            step = sop.langkah[row.number - 1]
            column = columns[f"pelaksana:{step.pelaksana}"]
            box = symbol.box
            assert row.top <= box.y and box.bottom <= row.bottom + EPS, f"{symbol.step_id} outside its row"
            assert column.left <= box.x and box.right <= column.right + EPS, f"{symbol.step_id} outside its column"
            if sop.step(symbol.step_id) is step:  # a duplicate id: the checker reports it
                assert symbol.kind == sop.flow.symbols[symbol.step_id]


def check_rows(sop: Sop, layout: FlowchartLayout) -> None:
    """Rows in step order, stacked without gaps or overlap, each whole on one page."""
    numbers = [row.number for page in layout.pages for row in page.rows if not row.continued]
    assert numbers == list(range(1, len(sop.langkah) + 1))
    for page in layout.pages:
        for upper, lower in zip(page.rows, page.rows[1:]):
            assert upper.bottom == lower.top
        if len(page.rows) > 1:  # a lone symbol taller than the page (extreme loops on a tiny page) may not fit
            assert page.table.bottom <= page.height + EPS, f"page {page.number} overflows"
        for row in page.rows:
            assert page.table.y <= row.top and row.bottom <= page.table.bottom + EPS


def check_orthogonal(page: Page) -> None:
    for edge in page.edges:
        assert 2 <= len(edge.points) <= 5, f"{edge.source}->{edge.target}: {len(edge.points) - 1} legs, not 1 to 4"
        for (ax, ay), (bx, by) in zip(edge.points, edge.points[1:]):
            assert (ax == bx) != (ay == by), f"{edge.source}->{edge.target}: not orthogonal at {(ax, ay)}"


def _segments(edge: EdgePath):
    return list(zip(edge.points, edge.points[1:]))


def _interior_span(symbol: Symbol, own: bool, horizontal: bool, at: float) -> tuple[float, float] | None:
    """The open interval a horizontal (or vertical) line at ``at`` spends inside
    the symbol: its true outline for the edge's own symbol, its box otherwise."""
    box = symbol.box
    lo, hi = (box.y, box.bottom) if horizontal else (box.x, box.right)
    if not lo + EPS < at < hi - EPS:
        return None
    start, end = (box.x, box.right) if horizontal else (box.y, box.bottom)
    if not own or symbol.kind == "proses":
        return start, end
    cx, cy = box.center
    half_w, half_h = box.width / 2, box.height / 2
    if symbol.kind == "keputusan":
        if horizontal:
            reach = half_w * (1 - abs(at - cy) / half_h)
            return cx - reach, cx + reach
        reach = half_h * (1 - abs(at - cx) / half_w)
        return cy - reach, cy + reach
    radius = min(half_h, half_w)  # terminator: a stadium, lying or (grown for many arrows) standing
    if horizontal:
        depth = max(abs(at - cy) - (half_h - radius), 0)
        inset = radius - max(radius**2 - depth**2, 0) ** 0.5
        return box.x + inset, box.right - inset
    return start, end


def check_edges_avoid_symbols(page: Page, cells: bool) -> None:
    """No segment enters a symbol (in cell mode: no segment touches a symbol's cells)."""
    for edge in page.edges:
        for (ax, ay), (bx, by) in _segments(edge):
            for symbol in page.symbols:
                box = symbol.box
                if cells:
                    x0, x1, y0, y1 = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
                    hit = x0 <= box.right - 1 and box.x <= x1 and y0 <= box.bottom - 1 and box.y <= y1
                    assert not hit, f"{edge.source}->{edge.target} touches {symbol.step_id}"
                    continue
                own = symbol.step_id in (edge.source, edge.target)
                horizontal = ay == by
                span = _interior_span(symbol, own, horizontal, ay if horizontal else ax)
                if span is None:
                    continue
                a, b = sorted((ax, bx) if horizontal else (ay, by))
                assert not (a < span[1] - EPS and span[0] + EPS < b), (
                    f"page {page.number}: {edge.source}->{edge.target} crosses {symbol.step_id}")


def check_edges_avoid_connectors(page: Page, cells: bool) -> None:
    """No segment passes through a connector; its own edge only touches its outline."""
    for connector in page.connectors:
        box = connector.box
        for edge in page.edges:
            for (ax, ay), (bx, by) in _segments(edge):
                (x0, x1), (y0, y1) = sorted((ax, bx)), sorted((ay, by))
                if cells:
                    hit = x0 <= box.right - 1 and box.x <= x1 and y0 <= box.bottom - 1 and box.y <= y1
                else:  # open interiors, a hundredth of a point of rounding allowed
                    left, right, top, bottom = box.x + EPS, box.right - EPS, box.y + EPS, box.bottom - EPS
                    across = left < x0 < right if x0 == x1 else x0 < right and x1 > left
                    down = top < y0 < bottom if y0 == y1 else y0 < bottom and y1 > top
                    hit = across and down
                assert not hit, f"page {page.number}: {edge.source}->{edge.target} through connector {connector.label}"


def check_no_shared_segments(page: Page, cells: bool) -> None:
    """No two edges run along the same stretch of line."""
    segments = [(i, seg) for i, edge in enumerate(page.edges) for seg in _segments(edge)]
    for (i, ((ax, ay), (bx, by))), (j, ((cx, cy), (dx, dy))) in combinations(segments, 2):
        if i == j:
            continue
        limit = -0.5 if cells else EPS  # in cells a single shared cell of two collinear segments counts
        if ay == by == cy == dy:
            a0, a1, c0, c1 = *sorted((ax, bx)), *sorted((cx, dx))
            overlap = min(a1, c1) - max(a0, c0)
        elif ax == bx == cx == dx:
            a0, a1, c0, c1 = *sorted((ay, by)), *sorted((cy, dy))
            overlap = min(a1, c1) - max(a0, c0)
        else:
            continue
        edges = page.edges
        assert overlap <= limit, (f"page {page.number}: {edges[i].source}->{edges[i].target} and "
                                  f"{edges[j].source}->{edges[j].target} share a segment")


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.right - EPS and b.x < a.right - EPS and a.y < b.bottom - EPS and b.y < a.bottom - EPS


def check_labels(page: Page, cells: bool) -> None:
    """No label covers a symbol, a connector or another label; each stays in
    the Pelaksana columns and in the row of the step it leaves."""
    labels = [edge.label.box for edge in page.edges if edge.label is not None]
    actor_cols = [c for c in page.columns if c.key.startswith("pelaksana:")]
    rows = {row.step_id: row for row in page.rows if not row.continued}
    for edge in (e for e in page.edges if e.label is not None):
        box, row = edge.label.box, rows[edge.source]
        assert actor_cols[0].left - EPS <= box.x and box.right <= actor_cols[-1].right + EPS, "label off Pelaksana"
        assert row.top - EPS <= box.y and box.bottom <= row.bottom + EPS, f"label of {edge.source} off its row"
    for box in labels:
        for symbol in page.symbols:
            assert not _overlap(box, symbol.box), f"page {page.number}: a label covers {symbol.step_id}"
        for connector in page.connectors:
            assert not _overlap(box, connector.box), f"page {page.number}: a label covers connector {connector.label}"
    for a, b in combinations(labels, 2):
        assert not _overlap(a, b), f"page {page.number}: two labels overlap"


def check_connectors(layout: FlowchartLayout) -> None:
    """Connectors come in pairs. A page turn: out in the band under the last
    row of page N, in in the band under the header of page N+1. Any other
    jump between pages: out in the row of its source, in in the row of its
    target. No pentagon overlaps another or stands on a column line."""
    found: dict[tuple, dict[str, tuple[int, object]]] = {}
    for page in layout.pages:
        rows = {row.step_id: row for row in page.rows if not row.continued}
        lines = {x for column in page.columns for x in (column.left, column.right)}
        for connector in page.connectors:
            pair = found.setdefault((connector.label, connector.source, connector.target, connector.branch), {})
            assert connector.role not in pair, f"connector {connector.label} {connector.role} twice"
            pair[connector.role] = (page.number, connector)
            box = connector.box
            assert not any(box.x + EPS < x < box.right - EPS for x in lines), f"connector {connector.label} on a line"
            if connector.place == "band" and connector.role == "out":
                assert box.y >= page.rows[-1].bottom, f"connector {connector.label} not at the bottom"
            elif connector.place == "band":
                assert box.bottom <= page.rows[0].top, f"connector {connector.label} not at the top"
            else:
                row = rows[connector.source if connector.role == "out" else connector.target]
                assert row.top <= box.y and box.bottom <= row.bottom + EPS, f"connector {connector.label} off its row"
        for a, b in combinations(page.connectors, 2):
            assert not _overlap(a.box, b.box), f"connectors {a.label} and {b.label} overlap"
    for label, pair in found.items():
        assert set(pair) == {"out", "in"}, f"connector {label} has no partner"
        (out_page, out), (in_page, inn) = pair["out"], pair["in"]
        assert out.place == inn.place
        assert (in_page == out_page + 1) == (out.place == "band"), f"connector {label}: a page turn is a band pair"


def check_every_edge_drawn(sop: Sop, layout: FlowchartLayout) -> None:
    """Each arrow of the flow is one path on one page, or two joined by a connector pair."""
    page_of = {s.step_id: page.number for page in layout.pages for s in page.symbols}
    paths = [(page.number, e) for page in layout.pages for e in page.edges]
    for edge in sop.flow.edges:
        drawn = [(n, p) for n, p in paths if (p.source, p.target, p.branch) == (edge.source, edge.target, edge.branch)]
        if page_of[edge.source] == page_of[edge.target]:
            assert len(drawn) == 1 and drawn[0][1].via is None, f"{edge.source}->{edge.target} not drawn once"
        else:
            assert sorted(n for n, _ in drawn) == sorted((page_of[edge.source], page_of[edge.target]))
            assert drawn[0][1].via and drawn[0][1].via == drawn[1][1].via
    assert len(paths) == sum(1 if page_of[e.source] == page_of[e.target] else 2 for e in sop.flow.edges)


def check_integral(layout: FlowchartLayout) -> None:
    """Cell mode: every coordinate a whole cell; symbols at least three rows high."""
    for page in layout.pages:
        for symbol in page.symbols:
            assert symbol.box.height >= 3
            assert all(float(v).is_integer() for v in (symbol.box.x, symbol.box.y, symbol.box.width))
        for edge in page.edges:
            assert all(float(v).is_integer() for point in edge.points for v in point)
        for row in page.rows:
            assert float(row.top).is_integer() and float(row.bottom).is_integer()
        for column in page.columns:
            assert float(column.left).is_integer() and float(column.right).is_integer()
        boxes = [text.box for row in page.rows for text in row.cells] + [cell.box for cell in page.header]
        boxes += [edge.label.box for edge in page.edges if edge.label] + [c.box for c in page.connectors]
        assert all(float(v).is_integer() for box in boxes for v in (box.x, box.y, box.width, box.height))
