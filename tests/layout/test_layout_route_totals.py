"""How good the router's choices are, in totals over generated flowcharts: crossings, bends, arrow
length, the drawing's height and its pages must not rise above the figures measured when this test was written.

Among several drawings that all keep the router's promises (clearances, no line through a symbol)
the router picks one by its costs: fewest crossings, then shortest legs, a slot nearest a side's
middle, the track nearest the ends. No test should pin which drawing that is (it would pin the
implementation), but a router that picks worse ones draws more crossings, more bends, longer
detours or taller rows (a longer drawing, more pages) over many flowcharts, which a reader notices. The figures
below are the totals at commit time; a change to the router that lowers them should lower them
here too, and one that raises any of them must say which reader it serves better.

No cache: mutation runs (docs/mutation.md) fork each mutant from a process that ran the tests
once, and a cached result would keep the unmutated drawing.
"""

from __future__ import annotations

from soptui.corpus import generate_sop
from soptui.layout import CellMetrics, PageOptions, compute_layout
from soptui.layout.quality import measure
from soptui.model import Actor, Sop, Step


def _generated(first: int, count: int, steps: int, actors: int, decisions: float) -> list[Sop]:
    return [generate_sop(seed, steps=steps, actors=actors, decisions=decisions) for seed in range(first, first + count)]


def _back_to_the_first(decisions: int, actors: int) -> Sop:
    """Every decision loops back to the first step: more edges at one side than it has slots, on
    few columns, so the terminal must route some edges through taken tracks or slots."""
    return Sop(pelaksana=tuple(Actor(a, a) for a in "abc"[:actors]), langkah=(
        Step("t", "x", "a"),
        *(Step(f"s{i}", "y", "abc"[i % actors], simbol="keputusan", tidak="t") for i in range(decisions)),
        Step("e", "z", "a")))


#: name -> (page options, the flowcharts)
CORPORA = {
    "A4 landscape, 30 steps": (PageOptions(), lambda: _generated(0, 20, 30, 5, 0.5)),
    "A4 landscape, 12 steps": (PageOptions(), lambda: _generated(100, 20, 12, 3, 0.35)),
    "A4 portrait": (PageOptions(orientation="portrait"), lambda: _generated(200, 10, 20, 4, 0.5)),
    "terminal": (PageOptions(width=100, metrics=CellMetrics()), lambda: _generated(0, 20, 30, 5, 0.5)),
    "terminal, paged": (PageOptions(width=80, height=40, metrics=CellMetrics()), lambda: _generated(300, 10, 20, 4, 0.5)),
    "terminal, crowded": (PageOptions(width=60, metrics=CellMetrics()),
                          lambda: [_back_to_the_first(n, actors) for n in (6, 10, 14) for actors in (1, 2, 3)]),
}
#: name -> the totals (crossings, bends, arrow length and drawing height in points or cells, pages) at commit time
FIGURES = {
    "A4 landscape, 30 steps": (94, 1450, 148994.37, 28652.13, 95),
    "A4 landscape, 12 steps": (7, 442, 38730.72, 12825.18, 40),
    "A4 portrait": (33, 524, 44975.33, 11599.35, 24),
    "terminal": (91, 1500, 33067, 4475, 20),
    "terminal, paged": (10, 228, 4447, 1499, 87),
    "terminal, crowded": (148, 298, 9991, 1116, 9),
}


def _layouts(name: str):
    options, sops = CORPORA[name]
    return (compute_layout(sop, options) for sop in sops())


def _totals(name: str) -> tuple[int, int, float, float, int]:
    crossings = bends = pages = 0
    length = height = 0.0
    for layout in _layouts(name):
        quality = measure(layout)
        crossings, bends, pages = crossings + quality.crossings, bends + quality.bends, pages + len(layout.pages)
        length += sum(abs(a[0] - b[0]) + abs(a[1] - b[1])
                      for page in layout.pages for edge in page.edges for a, b in zip(edge.points, edge.points[1:]))
        height += sum(page.rows[-1].bottom - page.rows[0].top for page in layout.pages if page.rows)
    return crossings, bends, round(length, 2), round(height, 2), pages


def test_the_routers_choices_cross_bend_detour_and_lengthen_drawings_no_more_than_measured():
    found = {name: _totals(name) for name in CORPORA}
    worse = {name: (totals, FIGURES[name]) for name, totals in found.items()
             if any(now > then for now, then in zip(totals, FIGURES[name]))}
    assert worse == {}, "(crossings, bends, length, height, pages) now against the figures: " + repr(worse)


def test_no_arrow_runs_along_a_column_line_in_the_terminal():
    """In cells an arrow on a column's line hides the line (and reads as part of the grid)."""
    along = []
    for name in ("terminal", "terminal, paged", "terminal, crowded"):
        for layout in _layouts(name):
            for page in layout.pages:
                lines = {x for column in page.columns for x in (column.left, column.right)}
                along += [(edge.source, edge.target, a[0]) for edge in page.edges
                          for a, b in zip(edge.points, edge.points[1:]) if a[0] == b[0] and a[0] in lines]
    assert along == []
