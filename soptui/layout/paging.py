"""Splitting rows into pages without ever splitting a row.

A page holds the header, then a band for the connectors of the edges that
arrive from other pages, the rows, and a band for the connectors of the edges
that leave. The bands grow with the number of such edges, so each page is
filled greedily while tracking, row by row, how many edges cross its border.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def paginate(heights: Sequence[float], links: Sequence[tuple[int, int]], room: float | None,
             band: Callable[[int], float]) -> list[list[int]]:
    """Row indices per page. ``links`` are edges as (source row, target row);
    ``band(n)`` is the height of a connector band holding ``n`` connectors;
    ``room`` is the height below the header (``None``: one unbounded page).
    A row taller than a whole page gets a page of its own and overflows it.
    """
    count = len(heights)
    if room is None or count == 0:
        return [list(range(count))]
    touching: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for source, target in links:
        touching[source].append((source, target))
        if target != source:
            touching[target].append((source, target))
    pages: list[list[int]] = []
    start = 0
    while start < count:
        used, arriving, leaving, end = 0.0, 0, 0, start
        while end < count:
            new_arriving, new_leaving = arriving, leaving
            for source, target in touching[end]:
                if source == end and target == end:
                    continue
                other = target if source == end else source
                if not start <= other < end:  # a new edge across the page's border
                    new_leaving, new_arriving = new_leaving + (source == end), new_arriving + (target == end)
                elif source == end:  # an edge that arrived from below is now inside
                    new_arriving -= 1
                else:  # an edge that left downward is now inside
                    new_leaving -= 1
            total = used + heights[end] + band(new_arriving) + band(new_leaving)
            if end > start and total > room:
                break
            used, arriving, leaving, end = used + heights[end], new_arriving, new_leaving, end + 1
        pages.append(list(range(start, end)))
        start = end
    return pages
