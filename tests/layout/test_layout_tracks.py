"""The tracks keep the clearance between arrows: a track is free over a height only when no arrow
already reserved on it comes nearer than the clearance, and a forced route (nothing free) is told
how many arrows it would share the track with. Checked against the plain definitions, over any
reservations hypothesis makes up; and the tracks a column offers stay clear of its lines."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from soptui.layout import CellMetrics, PageOptions
from soptui.layout.scale import Scale
from soptui.layout.tracks import Tracks

PAPER, CELLS = Scale.of(PageOptions()), Scale.of(PageOptions(width=100, metrics=CellMetrics()))
heights = st.integers(0, 400).map(float)
spans = st.lists(st.tuples(heights, heights).map(sorted), max_size=12)


@settings(max_examples=200, deadline=None)
@given(reserved=spans, low=heights, length=st.integers(0, 200), cells=st.booleans())
def test_a_track_is_free_exactly_where_no_reserved_arrow_comes_within_the_clearance(reserved, low, length, cells):
    tracks = Tracks([10.0], CELLS if cells else PAPER)
    for a, b in reserved:
        tracks.reserve(0, a, b)
    high, margin = low + length, tracks.clearance
    near = [(a, b) for a, b in reserved if a < high + margin and b > low - margin]
    assert tracks.free(0, low, high) == (not near)
    assert tracks.busy(0, low, high) == sum(1 for a, b in reserved if a <= high and b >= low)


@settings(max_examples=100, deadline=None)
@given(xs=st.lists(st.integers(0, 60).map(float), unique=True, min_size=1, max_size=12).map(sorted),
       x0=st.integers(-5, 65).map(float), width=st.integers(0, 30))
def test_blocking_a_stretch_reserves_the_tracks_strictly_inside_it_and_no_other(xs, x0, width):
    tracks = Tracks(xs, PAPER)
    tracks.block(x0, x0 + width, 100.0, 200.0)
    assert [not tracks.free(i, 150.0, 150.0) for i in range(len(xs))] == [x0 < x < x0 + width for x in xs]


SCALES = {size: Scale.of(PageOptions(font_size=size)) for size in (10, 12, 14)}


# font 12, a column of 70.6 pt and a symbol of 40: the room beside the symbol holds exactly two tracks
@example(size=12, left=0.0, width=70.6, symbol=40.0)
@given(size=st.sampled_from(sorted(SCALES)), left=st.integers(0, 300).map(float),
       width=st.integers(3000, 15000).map(lambda w: w / 50), symbol=st.integers(1500, 3000).map(lambda w: w / 50))
def test_a_column_offers_tracks_a_pitch_apart_from_its_lines_to_its_symbols_and_through_them(size, left, width, symbol):
    """Beside each line from the grid clearance to the symbols' margin, and through the symbols'
    zone within its margins, as many tracks as fit: fewer leaves edges longer ways round.
    (Widths in fiftieths of a point, so the middle of a column is a snapped position.)"""
    scale = SCALES[size]
    pitch, margin, right = scale.pitch, scale.symbol_clear, left + width
    zone = scale.snap((left + right - symbol) / 2)  # the symbols sit in the middle of their column
    zone_end, middle = zone + symbol, (2 * zone + symbol) / 2
    xs = Tracks.positions([(left, right)], symbol, scale)
    beside = [x for x in xs if x < zone]
    through = [x for x in xs if zone <= x <= zone_end]
    assert all(any(abs(left + right - x - y) <= 0.02 for y in xs) for x in xs), "not symmetric about the middle"
    assert all(b - a >= pitch - 0.02 for a, b in zip(xs, xs[1:])), "two tracks nearer than the pitch"
    if zone - margin >= left + scale.clear:
        assert beside[0] == round(left + scale.clear, 2)
        assert zone - margin - pitch < beside[-1] <= zone - margin + 0.01, "room beside the symbols left unused"
    assert middle - (through[0] if through else middle) > middle - zone - margin - pitch
    assert all(zone + margin - 0.01 <= x for x in through)


def test_in_the_terminal_every_cell_strictly_inside_a_column_is_a_track():
    """Never the cell of a column line (an arrow there hides the line), and none missing."""
    assert Tracks.positions([(10.0, 30.0), (30.0, 45.0)], 7, CELLS) == [float(x) for x in range(11, 45) if x != 30]


def test_a_column_too_narrow_for_any_track_still_offers_one_inside_it():
    """Thirty actors on portrait A4: columns of 10 pt, symbols of 4.6; a loop there is drawn tight, not lost."""
    xs = Tracks.positions([(200.0, 210.15)], 4.57, PAPER)
    assert len(xs) == 1 and 200.0 < xs[0] < 210.15
