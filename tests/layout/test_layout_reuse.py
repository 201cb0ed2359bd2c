"""A retry of the layout builds again only what changed (issue 18: linear up to 3000 steps).

Speed is measured in bench/layout.py; this guards the mechanism: a long SOP
nearly always has a page lacking room, so the whole layout is tried again,
and rebuilding the pages before the first grown row (which come out the
same) made every long layout cost two. What a retry takes from the try
before must be what building it again would give.
"""

from __future__ import annotations

from soptui.corpus import generate_sop
from soptui.layout import PageOptions, compute_layout, engine
from soptui.layout.reuse import Reuse

#: Lays out twice: a row on page 23 grows; the page turns after it are lettered anew.
RETRIED = generate_sop(7, steps=250, actors=6)


def test_a_retry_does_not_build_again_the_pages_before_the_first_grown_row(monkeypatch) -> None:
    built: list[int] = []
    real = engine.build_page

    def counted(sheet, number, *rest):
        built.append(number)
        return real(sheet, number, *rest)

    monkeypatch.setattr(engine, "build_page", counted)
    layout = compute_layout(RETRIED, PageOptions())
    again = [i for i in range(1, len(built)) if built[i] < built[i - 1]]
    assert again, "this SOP no longer needs a second try: choose one that does"
    assert built[again[0]] > 1  # the second try starts at the first page that changed
    assert len(built) - again[0] < len(layout.pages)


def test_what_a_retry_reuses_is_what_building_it_again_gives(monkeypatch) -> None:
    reused = compute_layout(RETRIED, PageOptions())
    monkeypatch.setattr(Reuse, "page", lambda self, number, inputs, turns, build, relabel: build())
    assert reused == compute_layout(RETRIED, PageOptions())
