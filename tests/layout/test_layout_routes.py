"""The shapes of the routes the regulation's readers expect."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import approx

from soptui.corpus import generate_sop
from soptui.layout import PageOptions, compute_layout


def _legs(points):
    return ["down" if ax == bx and by > ay else "up" if ax == bx else "across" for (ax, ay), (bx, by)
            in zip(points, points[1:])]


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_hand_offs_go_down_across_down_and_other_edges_leave_and_enter_a_side(seed):
    sop = generate_sop(seed)
    layout = compute_layout(sop, PageOptions())
    for page in layout.pages:
        number = {row.step_id: row.number for row in page.rows}
        boxes = {symbol.step_id: symbol.box for symbol in page.symbols}
        for edge in (e for e in page.edges if e.via is None):
            source, target = boxes[edge.source], boxes[edge.target]
            legs = _legs(edge.points)
            (x0, y0), (x1, y1) = edge.points[0], edge.points[-1]
            if legs[0] == "down":  # a hand-off: from the bottom, into the top of the next row
                assert number[edge.target] == number[edge.source] + 1
                assert legs in (["down"], ["down", "across", "down"])
                assert (x0, y0) == approx((source.center[0], source.bottom), abs=0.01)
                assert (x1, y1) == approx((target.center[0], target.y), abs=0.01)
            else:  # back edges and jumps: out of a side, a vertical lane, into a side
                assert legs[0] == legs[-1] == "across" and len(legs) == 3
                assert source.y - 0.01 <= y0 <= source.bottom + 0.01 and target.y - 0.01 <= y1 <= target.bottom + 0.01


def test_an_edge_to_the_next_row_is_a_hand_off_when_its_ports_are_free():
    layout = compute_layout(generate_sop(4, steps=20, actors=5))
    hand_offs = [e for page in layout.pages for e in page.edges if e.via is None and _legs(e.points)[0] == "down"]
    rows = {row.step_id: row.number for page in layout.pages for row in page.rows}
    assert hand_offs and all(rows[e.target] == rows[e.source] + 1 for e in hand_offs)
