"""Page turns: connectors in the bands under the header and under the last row.

A band holds, for each edge that crosses the page's border, a pentagon
centred in a column (never on a grid line) and, when the pentagon does not
stand right under (or over) the edge's track, a horizontal jog at a level of
its own, a pitch from the others and clear of the band's lines. The jogs
are stacked in the order that crosses the fewest of the band's verticals.
"""

from __future__ import annotations

from soptui.layout.parts import ConnectorSize, Part
from soptui.layout.routing import PageRouter
from soptui.layout.scale import Scale
from soptui.layout.types import Box, Connector

#: A position in a text column (No, Kegiatan, Mutu Baku) is taken only when the actor columns are full.
TEXT_COLUMN = 10_000.0


def place_band(router: PageRouter, parts: list[Part], band: tuple[float, float], top: bool,
               positions: list[tuple[float, float]]) -> list[Connector]:
    """The connectors of one band (``band`` is its top and bottom); each
    part's points are joined to its connector. ``positions`` are the
    places a pentagon may take (``band_positions``)."""
    scale, size = router.scale, router.connector
    parts = sorted(parts, key=lambda p: (p.desired_x, p.via or ""))
    lanes = [p.desired_x for p in parts]
    centres = _assign(lanes, positions, scale.pitch if not scale.cells else 1.0)
    jogs = [i for i in range(len(parts)) if centres[i] != lanes[i]]
    order = _stack(jogs, lanes, centres, top)
    cells = scale.cells
    if top:
        box_y = band[0] + (1 if cells else scale.clear)
        first = box_y + size.height + (1 if cells else scale.pitch)
    else:
        first = band[0] + (1 if cells else scale.clear)
        box_y = first + (len(parts) - 1) * scale.pitch + (2 if cells else scale.pitch)
    level = {i: scale.snap(first + rank * scale.pitch) for rank, i in enumerate(order)}
    connectors = []
    for i, part in enumerate(parts):
        x, c = lanes[i], centres[i]
        half = (size.width - 1) // 2 if cells else size.width / 2
        box = Box(scale.snap(c - half), scale.snap(box_y), size.width, size.height)
        if top:
            path = [(c, box.bottom)] + ([(c, level[i]), (x, level[i])] if i in level else [])
            part.points = path + part.points
        else:
            head = box.y - 1 if cells else box.y
            part.points = part.points + ([(x, level[i]), (c, level[i])] if i in level else []) + [(c, head)]
        label = part.via or ""
        connectors.append(Connector(label, "in" if top else "out", box, part.edge.source, part.edge.target,
                                    part.edge.branch, "band", size.text(label, box, scale), None))
        router.finish(part)
    return sorted(connectors, key=lambda c: c.box.x)


def band_positions(columns: list[tuple[float, float, bool]], size: ConnectorSize,
                   scale: Scale) -> list[tuple[float, float]]:
    """(centre, penalty) of every place a pentagon may take in a band:
    centred in a column, and a step further each side in a wide one, clear of its lines;
    ``columns`` are (left, right, is an actor column) of the whole table,
    the same on every page."""
    margin = 1 if scale.cells else scale.clear
    step = size.width + (1 if scale.cells else scale.pitch)
    found = []
    for left, right, actor in columns:
        room = right - left - 2 * margin
        if room < size.width:
            continue
        middle = (left + right) / 2
        beside = int((room - size.width) / 2 // step)  # places each side of the centred one
        for n in range(-beside, beside + 1):
            centre = middle + n * step
            found.append((float(int(centre)) if scale.cells else scale.snap(centre), 0.0 if actor else TEXT_COLUMN))
    return sorted(found)


def _assign(lanes: list[float], positions: list[tuple[float, float]], pitch: float) -> list[float]:
    """Each lane (sorted) its own position, in the same order, nearest
    overall, never a pitch or less from another part's lane (its drop
    would run along that lane)."""
    n, m = len(lanes), len(positions)
    if m < n:  # more pentagons than places: spread them over the actor area as they come
        positions = positions + [(lanes[-1] + (k + 1) * 3 * pitch, TEXT_COLUMN) for k in range(n - m)]
        positions.sort()
        m = len(positions)
    infinity = float("inf")
    near = [[k for k, lane in enumerate(lanes) if abs(centre - lane) < pitch - 1e-9] for centre, _ in positions]

    def cost(i: int, j: int) -> float:
        centre, penalty = positions[j]
        crowded = any(k != i for k in near[j])
        return abs(centre - lanes[i]) + penalty + (TEXT_COLUMN * 10 if crowded else 0.0)

    # best[i][j]: lanes 0..i-1 placed within positions 0..j-1
    best = [[0.0] * (m + 1)] + [[infinity] * (m + 1) for _ in range(n)]
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            best[i][j] = min(best[i][j - 1], best[i - 1][j - 1] + cost(i - 1, j - 1))
    chosen, j = [], m
    for i in range(n, 0, -1):
        while best[i][j] == best[i][j - 1]:
            j -= 1
        chosen.append(positions[j - 1][0])
        j -= 1
    return chosen[::-1]


def _stack(jogs: list[int], lanes: list[float], centres: list[float], top: bool) -> list[int]:
    """The jogs from the highest level down, so that a jog crosses another
    part's vertical only when no order avoids it.

    Bottom band: a part's lane comes down to its jog, then its drop to its
    pentagon; a jog over another's lane must be below that one's jog, a jog
    over another's drop above it. The top band is the mirror.
    """
    above: dict[int, set[int]] = {i: set() for i in jogs}  # i must be above every j in above[i]
    for i in jogs:
        low, high = sorted((lanes[i], centres[i]))
        for j in jogs:
            if i == j:
                continue
            over_lane = low < lanes[j] < high
            over_drop = low < centres[j] < high
            if over_lane != over_drop:
                upper, lower = (j, i) if over_lane != top else (i, j)
                above[upper].add(lower)
    order: list[int] = []
    waiting = list(jogs)
    while waiting:
        ready = [i for i in waiting if not any(i in above[j] for j in waiting if j != i)]
        pick = ready[0] if ready else min(waiting, key=lambda i: sum(i in above[j] for j in waiting))
        order.append(pick)
        waiting.remove(pick)
    return order
