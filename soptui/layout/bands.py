"""Off-page connectors in their bands, and the short jogs that reach them."""

from __future__ import annotations

from soptui.layout.grid import Scale
from soptui.layout.parts import Band, Part
from soptui.layout.types import Box, Connector


def place_connectors(parts: list[Part], band: Band, top: bool, size: tuple[float, float],
                     area: tuple[float, float], scale: Scale) -> list[Connector]:
    """Put the connectors of a band near where their edges run (``desired_x``),
    side by side, and join each edge to its connector, with a short jog
    inside the band when it had to move. Extends each part's points."""
    width, height = size
    gap = scale.gap
    parts.sort(key=lambda p: (p.desired_x, p.via or ""))
    half = (width - 1) // 2 if scale.cells else width / 2
    xs = spread([p.desired_x for p in parts], width, half, area, scale)
    middles = [scale.snap(x + half) for x in xs]
    box_y = scale.snap(band.top + gap if top else band.top + gap * (len(parts) + 2))
    connectors = []
    for rank, i in enumerate(jog_order([p.desired_x for p in parts], middles, top)):
        part, box, middle = parts[i], Box(xs[i], box_y, width, height), middles[i]
        if top:
            jog = scale.snap(box_y + height + gap * (rank + 1))
            entry = [(middle, scale.snap(box.bottom))]
            if middle != part.desired_x:
                entry += [(middle, jog), (part.desired_x, jog)]
            part.points = entry + part.points
        else:
            jog = scale.snap(band.top + gap * (rank + 1))
            exit_ = [(part.desired_x, jog), (middle, jog)] if middle != part.desired_x else []
            part.points = part.points + exit_ + [(middle, box_y - 1 if scale.cells else box_y)]
        connectors.append(Connector(part.via or "", "in" if top else "out", box, part.edge.source,
                                    part.edge.target, part.edge.branch))
    return sorted(connectors, key=lambda c: c.box.x)


def spread(desired: list[float], width: float, half: float, area: tuple[float, float], scale: Scale) -> list[float]:
    """Connector left edges near the desired centres (sorted), not
    overlapping, inside the Pelaksana columns when they fit there."""
    step = width + scale.gap
    low, high = area[0] + scale.gap, area[1] - scale.gap - width
    xs: list[float] = []
    for centre in desired:
        xs.append(max(centre - half, low, xs[-1] + step if xs else low))
    for i in range(len(xs) - 1, -1, -1):  # pushed past the right end: pull back left
        limit = high if i == len(xs) - 1 else xs[i + 1] - step
        xs[i] = max(min(xs[i], limit), low + i * step)
    return [scale.snap(x) for x in xs]


def jog_order(lanes: list[float], middles: list[float], top: bool) -> list[int]:
    """The order of the jogs in a band, so that a connector's own short
    vertical never runs along another edge's lane: in the top band, a
    connector standing on another edge's lane jogs off before that edge
    comes down to its jog; in the bottom band, after it has left its jog."""
    before: dict[int, set[int]] = {i: set() for i in range(len(lanes))}
    for i, middle in enumerate(middles):
        for j, lane in enumerate(lanes):
            if i != j and middle == lane:
                if top:
                    before[j].add(i)
                else:
                    before[i].add(j)
    order: list[int] = []
    while len(order) < len(lanes):
        ready = [i for i in before if i not in order and not (before[i] - set(order))]
        order.append(ready[0] if ready else next(i for i in before if i not in order))  # a cycle: give up on it
    return order
