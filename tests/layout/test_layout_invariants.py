"""The layout keeps its geometric promises on the examples and generated SOPs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from layout_checks import (
    check_all,
    check_edges_avoid_symbols,
    check_every_edge_drawn,
    check_orthogonal,
    check_rows,
    check_symbols,
)

from soptui.corpus import generate_sop
from soptui.layout import CellMetrics, PageOptions, compute_layout, layout_to_dict
from soptui.loader import load

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.sop.toml"))
FULL_PRINT_OPTIONS = [
    PageOptions(),
    PageOptions(paper="F4", orientation="portrait"),
    PageOptions(paper="Letter", orientation="portrait", font_size=10),
    PageOptions(paper="Legal"),
    PageOptions(width=960, height=540, margins=(10, 10, 10, 10), font_size=12, min_font_size=12),
]
FULL_CELL_OPTIONS = [
    PageOptions(width=120, metrics=CellMetrics(), symbol_numbers=True),
    PageOptions(width=80, height=40, metrics=CellMetrics()),
]
#: Every promise holds for the flow-only table (slides) as for the full one.
PRINT_OPTIONS = FULL_PRINT_OPTIONS + [replace(options, columns="flow") for options in FULL_PRINT_OPTIONS]
CELL_OPTIONS = FULL_CELL_OPTIONS + [replace(options, columns="flow") for options in FULL_CELL_OPTIONS]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("options", PRINT_OPTIONS + CELL_OPTIONS)
def test_examples_keep_every_promise(path, options):
    sop = load(path).sop
    check_all(sop, compute_layout(sop, options), cells=options.cells)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10**6), which=st.integers(0, len(PRINT_OPTIONS) + len(CELL_OPTIONS) - 1))
@example(seed=1185, which=2)  # a diamond's slanted side, reached between two slots: rounding must go outward
def test_generated_sops_keep_every_promise(seed, which):
    options = (PRINT_OPTIONS + CELL_OPTIONS)[which]
    sop = generate_sop(seed)
    check_all(sop, compute_layout(sop, options), cells=options.cells)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10**6), actors=st.sampled_from([2, 8, 10]))
def test_few_or_many_actors_keep_every_promise(seed, actors):
    """One actor is held to what a lone column keeps, below (docs/layout.md, Known limits)."""
    sop = generate_sop(seed, steps=30, actors=actors)
    for columns in ("full", "flow"):
        check_all(sop, compute_layout(sop, PageOptions(columns=columns)))
        check_all(sop, compute_layout(sop, replace(CELL_OPTIONS[0], columns=columns)), cells=True)


def test_same_input_same_layout():
    sop = generate_sop(7, steps=40, actors=6)
    first = layout_to_dict(compute_layout(sop))
    assert layout_to_dict(compute_layout(generate_sop(7, steps=40, actors=6))) == first


def test_page_count_grows_with_steps():
    counts = [len(compute_layout(generate_sop(3, steps=n, actors=4)).pages) for n in (10, 40, 120)]
    assert counts[0] < counts[1] < counts[2]


def test_a_three_hundred_step_sop_pages_with_connector_pairs():
    sop = generate_sop(11, steps=300, actors=6)
    layout = compute_layout(sop)
    check_all(sop, layout)
    assert len(layout.pages) > 10
    assert any(page.connectors for page in layout.pages)


def test_cell_mode_is_one_page_of_whole_cells():
    sop = generate_sop(5, steps=40, actors=5)
    layout = compute_layout(sop, PageOptions(width=120, metrics=CellMetrics(), symbol_numbers=True))
    assert len(layout.pages) == 1 and layout.paper == "cells"
    page = layout.pages[0]
    assert all(symbol.text and symbol.text.lines == (str(n),) for n, symbol in enumerate(page.symbols, start=1))
    check_all(sop, layout, cells=True)


PAPER_OPTIONS = st.builds(
    PageOptions,
    paper=st.sampled_from(["A4", "F4", "Letter", "Legal"]),
    orientation=st.sampled_from(["landscape", "portrait"]),
    font_size=st.sampled_from([6, 7, 8, 9, 10, 12]),
    margins=st.integers(5, 30).map(lambda m: (m, m, m, m)),
    columns=st.sampled_from(["full", "flow"]),
)
CELL_PAGES = st.builds(
    PageOptions,
    width=st.integers(60, 200),
    height=st.sampled_from([None, 40, 80]),
    metrics=st.just(CellMetrics()),
    columns=st.sampled_from(["full", "flow"]),
)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6), steps=st.sampled_from([None, 3, 60]), actors=st.sampled_from([None, 2, 9, 10]),
       options=st.one_of(PAPER_OPTIONS, CELL_PAGES))
def test_any_paper_type_size_and_terminal_keep_every_promise(seed, steps, actors, options):
    """Two actors or more: a lone column keeps fewer promises (docs/layout.md, Known limits;
    the test below holds it to the rest)."""
    sop = generate_sop(seed, steps=steps, actors=actors)
    check_all(sop, compute_layout(sop, options), cells=options.cells)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("options", [PageOptions(), PageOptions(orientation="portrait", font_size=12),
                                     PageOptions(columns="flow"), PageOptions(width=80, metrics=CellMetrics())],
                         ids=["A4", "A4-portrait-12", "A4-flow", "cells"])
def test_a_lone_column_keeps_the_promises_it_can(seed, options):
    """One actor: every step drawn in its row and column, every arrow drawn, at right angles, clear
    of the symbols. What it cannot always keep (arrows sharing a stretch, pentagons on a line or on
    an arrow, a label past the column) is in docs/layout.md, Known limits."""
    sop = generate_sop(seed, actors=1)
    layout = compute_layout(sop, options)
    check_symbols(sop, layout)
    check_rows(sop, layout)
    check_every_edge_drawn(sop, layout)
    for page in layout.pages:
        check_orthogonal(page)
        check_edges_avoid_symbols(page, options.cells)


@pytest.mark.parametrize("options", PRINT_OPTIONS, ids=lambda o: f"{o.paper}-{o.orientation}-{o.width}-{o.columns}")
@pytest.mark.parametrize("actors", [1, 5, 8, 10])
def test_the_table_stays_inside_the_margins(options, actors):
    page = compute_layout(generate_sop(251, actors=actors), options).pages[0]
    top, right, bottom, left = options.margin_units()
    assert page.table.x >= left - 0.01 and page.table.right <= page.width - right + 0.01, page.table


def test_a_back_edge_over_three_pages_goes_through_one_connector_pair():
    sop = generate_sop(21, steps=30, actors=4)
    last = len(sop.langkah) - 2
    sop = sop.with_step(last, simbol="keputusan", ya=sop.langkah[last + 1].id, tidak=sop.langkah[0].id,
                        label_tidak="Ulangi")
    layout = compute_layout(sop)
    check_all(sop, layout)
    page_of = {s.step_id: page.number for page in layout.pages for s in page.symbols}
    source, target = sop.langkah[last].id, sop.langkah[0].id
    assert page_of[source] - page_of[target] >= 2
    pair = [(page.number, c) for page in layout.pages for c in page.connectors
            if (c.source, c.target, c.branch) == (source, target, "tidak")]
    assert {(n, c.role) for n, c in pair} == {(page_of[source], "out"), (page_of[target], "in")}
    assert pair[0][1].label == pair[1][1].label
    leaving = next(e for e in layout.pages[page_of[source] - 1].edges if e.source == source and e.branch == "tidak")
    assert leaving.label.lines == ("Ulangi",) and leaving.via == pair[0][1].label


def test_the_layout_does_not_depend_on_hash_seeds():
    import os
    import subprocess
    import sys

    script = ("import json; from soptui.corpus import generate_sop; "
              "from soptui.layout import compute_layout, layout_to_dict; "
              "print(json.dumps(layout_to_dict(compute_layout(generate_sop(13, steps=40, actors=7)))))")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2")}
    assert len(outputs) == 1
