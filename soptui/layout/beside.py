"""Connectors beside a row: for a jump between pages that is not a page turn.

A loop back to an earlier page, or a jump over pages, leaves its source
through a pentagon placed beside the source's symbol, in the same row,
labelled with the target's step number; its twin stands beside the target,
and each names the page of the other in a caption (``hal. 2``). A reader
who meets the pentagon knows at once where to turn to. The pentagon stands
in a column, never on a grid line: in the middle of a neighbouring actor
column (free in this row, since a row holds one symbol), or beside the
symbol in its own column when that is wide enough.
"""

from __future__ import annotations

from typing import Literal

from soptui.layout.parts import Part
from soptui.layout.routing import PageRouter
from soptui.layout.types import Box, Connector


def place_beside(router: PageRouter, part: Part) -> None:
    """Put the connector of ``part`` beside its row and join it to the symbol
    with one horizontal arrow; a row too low for any place is asked to grow."""
    k = part.source if part.target is None else part.target
    assert k is not None
    row = router.rows[k]
    scale, size = router.scale, router.connector
    center = router.center_x(row)
    found = None
    for cx in _positions(router, k):
        side = "left" if cx < center else "right"
        for offset in router.free_slots(k, side, prefer_up=part.target is None):
            box = _box(router, cx, scale.snap(router.center_y(row) + offset))
            if _fits(router, k, box):
                found = (box, side, offset)
                break
        if found:
            break
    if found is None:  # no room: the nearest place at the centre, and a taller symbol next time
        if _positions(router, k):  # a taller symbol gives more heights to stand at, a pentagon's worth
            more = size.height + (1 if scale.cells else scale.pitch)
            router.tall_rows[k] = scale.snap(router.tall_rows.get(k, 0.0) + more)
        else:  # no column wide enough: wider columns
            router.crowded = True
        away = 3 if scale.cells else scale.pitch + size.width / 2  # a short arrow, at the least
        cx = (_positions(router, k) or [row.symbol.right + away])[0]
        side = "left" if cx < center else "right"
        found = (_box(router, cx, router.center_y(row)), side, 0.0)
    box, side, offset = found
    router.take_slot(k, side, offset)
    y = scale.snap(router.center_y(row) + offset)
    outline = router.outline_x(row, side, offset)
    if scale.cells:
        edge_x = box.x - 1 if side == "right" else box.right
    else:
        edge_x = box.x if side == "right" else box.right
    part.points = [(outline, y), (edge_x, y)] if part.target is None else [(edge_x, y), (outline, y)]
    router.legs.setdefault(k, []).append((y, min(outline, edge_x), max(outline, edge_x)))
    router.obstacles.setdefault(k, []).append(box)
    clear = scale.symbol_clear
    router.tracks.block(box.x - clear - (1 if scale.cells else 0), box.right + clear, box.y - clear, box.bottom + clear)
    role: Literal["out", "in"] = "out" if part.target is None else "in"
    label = part.via or ""
    router.connectors.append(Connector(label, role, box, part.edge.source, part.edge.target, part.edge.branch,
                                       "beside", size.text(label, box, scale), None))
    router.captions.append((len(router.connectors) - 1, k, f"hal. {part.twin_page}"))
    router.finish(part)


def _box(router: PageRouter, cx: float, y: float) -> Box:
    """The pentagon centred at ``cx`` whose square part meets an arrow at height ``y``."""
    size, scale = router.connector, router.scale
    if scale.cells:
        return Box(cx - (size.width - 1) // 2, y, size.width, size.height)
    return Box(scale.snap(cx - size.width / 2), scale.snap(y - size.attach), size.width, size.height)


def _positions(router: PageRouter, k: int) -> list[float]:
    """Where a pentagon may stand in row k, nearest the symbol first: the
    middle of every other actor column, and beside the symbol in its own."""
    scale, size = router.scale, router.connector
    row = router.rows[k]
    cells = scale.cells
    margin = 1 if cells else scale.clear  # from a grid line
    gap = 2 if cells else scale.pitch  # from the symbol: room for the arrow between
    half = (size.width - 1) // 2 if cells else size.width / 2
    found = []
    for column, (left, right) in enumerate(router.bounds):
        if column != row.column:
            if right - left >= size.width + 2 * margin:
                middle = (left + right) / 2
                found.append(float(int(middle)) if cells else scale.snap(middle))
            continue
        if row.symbol.x - gap - (left + margin) >= size.width:
            found.append(scale.snap(row.symbol.x - gap - size.width + half))
        if right - margin - (row.symbol.right + gap) >= size.width:
            found.append(scale.snap(row.symbol.right + gap + half))
    center = router.center_x(row)
    return sorted(found, key=lambda x: abs(x - center))


def _fits(router: PageRouter, k: int, box: Box) -> bool:
    """Inside the row, clear of its lines and of the hand-off's turn, and
    of every other connector and arrow beside the symbol."""
    row, scale = router.rows[k], router.scale
    margin = 1 if scale.cells else scale.clear
    floor = row.turn - (1 if scale.cells else scale.pitch / 2) if k in router.bottom_used else row.bottom - margin
    if box.y < row.top + margin or box.bottom > floor:
        return False
    center = router.center_x(row)
    near = scale.symbol_clear  # arrows and pentagons keep clear of each other
    y = box.y + router.connector.attach
    x0, x1 = min(box.x, center), max(box.right, center)  # the new arrow, from the symbol to the pentagon
    for other in router.obstacles.get(k, ()):
        if _meet(other, box) or (other.x - near < x1 and x0 < other.right + near
                                 and other.y - near <= y <= other.bottom + near):
            return False
    if any(box.x - near < vx < box.right + near and y0 < box.bottom + near and y1 > box.y - near
           for vx, y0, y1 in router.verticals.get(k, ())):
        return False  # an arrow in a track runs there
    return not any(lx0 < box.right + near and box.x - near < lx1 and box.y - near <= ly <= box.bottom + near
                   for ly, lx0, lx1 in router.legs.get(k, ()))


def _meet(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom
