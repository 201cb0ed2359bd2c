"""Splitting rows into pages.

A page holds the header, then a band for the connectors of the page turns
that arrive, the rows, and a band for those that leave. The bands grow with
the number of such edges, so each page is filled greedily while tracking,
row by row, how many edges cross its border. Then:

- a step too tall for a page is split: its row continues on the next page
  (the symbol stays on the first part, the rest reads ``(lanjutan)``), so
  no text is ever printed off the page;
- the last page never holds a lone step when the page before can spare one
  (widow control): it takes the previous page's last step too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from soptui.layout.scale import Fitted, Scale

#: The first line of a continued row's Kegiatan.
CONTINUED = "(lanjutan)"


@dataclass(frozen=True)
class Piece:
    """A row of the table: a whole step, or a part of one too tall for a page."""

    step: int  # the step's index (from 0)
    continued: bool  # a part after the first: no symbol
    texts: dict[str, Fitted]
    height: float


def paginate(plans: Sequence, links: Sequence[tuple[int, int]], room: float | None,
             band: Callable[[int], float], scale: Scale) -> list[list[Piece]]:
    """The pieces of each page. ``plans`` are the measured steps (``texts``,
    ``height``, ``least``: the height its symbol needs); ``links`` the edges
    as (source step, target step); ``band(n)`` the height of a band holding
    ``n`` connectors; ``room`` the height under the header (``None``: one
    unbounded page)."""
    if room is None or not plans:
        return [[Piece(i, False, plan.texts, plan.height) for i, plan in enumerate(plans)]]
    limit = max(room - 2 * band(2), 1.0)
    pieces = [piece for i, plan in enumerate(plans) for piece in _split(i, plan, limit, scale)]
    first_piece = {piece.step: n for n, piece in reversed(list(enumerate(pieces)))}
    touching: list[list[tuple[int, int]]] = [[] for _ in pieces]
    for source, target in links:
        link = (first_piece[source], first_piece[target])
        touching[link[0]].append(link)
        if link[1] != link[0]:
            touching[link[1]].append(link)
    counter = _Counter(touching, [piece.height for piece in pieces], band)
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(pieces):
        end = start + 1
        while end < len(pieces) and counter.height(start, end + 1) <= room:
            end += 1
        bounds.append((start, end))
        start = end
    if len(bounds) > 1 and bounds[-1][1] - bounds[-1][0] == 1 and not pieces[-1].continued:
        (a, b), (_, d) = bounds[-2], bounds[-1]
        if b - a >= 3 and counter.height(b - 1, d) <= room and not pieces[b - 1].continued:
            bounds[-2:] = [(a, b - 1), (b - 1, d)]
    return [pieces[a:b] for a, b in bounds]


class _Counter:
    """The height of a run of pieces as one page: their rows and both bands."""

    def __init__(self, touching: list[list[tuple[int, int]]], heights: list[float],
                 band: Callable[[int], float]) -> None:
        self.touching, self.heights, self.band = touching, heights, band

    def height(self, start: int, end: int) -> float:
        arriving = leaving = 0
        for row in range(start, end):
            for source, target in self.touching[row]:
                if source == target:
                    continue
                if row == source and not start <= target < end:
                    leaving += 1
                elif row == target and not start <= source < end:
                    arriving += 1
        return sum(self.heights[start:end]) + self.band(arriving) + self.band(leaving)


def _split(index: int, plan, limit: float, scale: Scale) -> list[Piece]:
    """A step as one piece, or, taller than ``limit``, as pieces that each fit."""
    if plan.height <= limit:
        return [Piece(index, False, plan.texts, plan.height)]
    pieces: list[Piece] = []
    remaining = dict(plan.texts)
    while True:
        capacity = {key: max(1, int((limit - scale.pad - scale.pad_end) // scale.metrics.line_height(text.size)))
                    for key, text in remaining.items()}
        if pieces:  # the marker is one line more: every part carries at least one line of the text on
            remaining["kegiatan"] = Fitted((CONTINUED, *remaining["kegiatan"].lines), remaining["kegiatan"].size)
            remaining["no"] = Fitted((str(plan.number),), remaining["no"].size)
            capacity["kegiatan"] = max(capacity["kegiatan"], 2)
        head = {key: Fitted(text.lines[:capacity[key]], text.size) for key, text in remaining.items()}
        rest = {key: Fitted(text.lines[capacity[key]:], text.size) for key, text in remaining.items()}
        height = max(scale.block_height(text) for text in head.values())
        if not pieces:
            height = max(height, plan.least)
        pieces.append(Piece(index, bool(pieces), head, scale.snap(height)))
        if not any(text.lines for text in rest.values()):
            return pieces
        remaining = {key: rest[key] if rest[key].lines else Fitted((), text.size) for key, text in remaining.items()}
        remaining["no"] = Fitted((), remaining["no"].size)
