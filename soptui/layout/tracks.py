"""The vertical tracks of a page, where back edges, jumps and band parts run.

Each actor column offers tracks in three places: beside its left grid line,
beside its right one (each ``clear`` from the line and from the symbols) and
through the middle, where its symbols sit, usable only over rows where the
column has no symbol. Tracks are ``pitch`` apart and never on a grid line,
so an edge in a track never runs along a line or too close to another edge
(the left-edge algorithm of channel routing: each span takes the first
track free over its whole length). Whatever else is drawn reserves the
tracks it touches: a symbol over its row, an arrow's vertical with its
neighbours, a connector over its box.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from soptui.layout.scale import Scale


class Tracks:
    """Track positions of one page and the heights each is reserved over."""

    def __init__(self, xs: list[float], scale: Scale) -> None:
        self.scale = scale
        self.xs = xs
        self.spans: list[list[tuple[float, float]]] = [[] for _ in self.xs]  # sorted by their low end
        self.longest = [0.0] * len(xs)  # of each track's spans: how far back a span may still reach
        self.clearance = 0.5 if scale.cells else scale.pitch

    @staticmethod
    def positions(columns: list[tuple[float, float]], symbol_width: float, scale: Scale) -> list[float]:
        """Every track of a page whose actor columns are ``columns`` (the same on every page)."""
        xs: set[float] = set()
        for left, right in columns:
            zone_left = scale.snap((left + right - symbol_width) / 2)
            xs.update(_column_tracks(left, right, zone_left, zone_left + symbol_width, scale))
        return sorted(xs)

    def between(self, x0: float, x1: float) -> range:
        """Indices of the tracks with ``x0 < x < x1``."""
        return range(bisect_right(self.xs, x0), bisect_left(self.xs, x1))

    def reserve(self, index: int, low: float, high: float) -> None:
        insort(self.spans[index], (low, high))
        self.longest[index] = max(self.longest[index], high - low)

    def block(self, x0: float, x1: float, low: float, high: float) -> None:
        """Reserve every track strictly between ``x0`` and ``x1`` from ``low`` to ``high``."""
        for index in self.between(x0, x1):
            self.reserve(index, low, high)

    def block_vertical(self, x: float, low: float, high: float) -> None:
        """An arrow's vertical: the tracks closer to it than the pitch, over its length."""
        near = self.clearance if self.scale.cells else self.scale.pitch
        self.block(x - near, x + near, low - near, high + near)

    def free(self, index: int, low: float, high: float) -> bool:
        """Whether track ``index`` is free from ``low`` to ``high``, with the clearance at both ends
        (only the spans that start before ``high`` and may reach ``low`` are looked at)."""
        margin, spans = self.clearance, self.spans[index]
        position = bisect_left(spans, (high + margin, float("-inf")))
        reach = low - margin - self.longest[index]
        while position > 0:
            position -= 1
            a, b = spans[position]
            if a < reach:
                break
            if b > low - margin:
                return False
        return True

    def busy(self, index: int, low: float, high: float) -> int:
        """How many reserved spans of the track meet ``low..high`` (a forced route shares the fewest)."""
        return sum(1 for a, b in self.spans[index] if not (high < a or low > b))


def _column_tracks(left: float, right: float, zone_left: float, zone_right: float, scale: Scale) -> list[float]:
    """Tracks of one actor column: near each grid line, and through the symbols' zone."""
    if scale.cells:
        return [float(x) for x in range(int(left) + 1, int(right))]
    pitch, clear, side = scale.pitch, scale.clear, scale.symbol_clear
    found = []
    for start, end, step in ((left + clear, zone_left - side, pitch), (right - clear, zone_right + side, -pitch)):
        x = start
        while (x <= end + 1e-9) if step > 0 else (x >= end - 1e-9):
            found.append(scale.snap(x))
            x += step
    middle = (zone_left + zone_right) / 2
    reach = (zone_right - zone_left) / 2 - side
    k = 0
    while k * pitch <= reach + 1e-9:
        found += [scale.snap(middle - k * pitch), scale.snap(middle + k * pitch)]
        k += 1
    if not found:  # a column too narrow for any: one track, tight but never missing
        found.append(scale.snap((left + right) / 2))
    return found
