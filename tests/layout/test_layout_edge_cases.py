"""Files the checker rejects, or that push the layout hard, still lay out."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout_checks import check_all

from soptui.layout import CellMetrics, PageOptions, compute_layout
from soptui.model import Actor, Sop, Step

ACTORS = (Actor("a", "Staf"), Actor("b", "Kepala"))
CASES = {
    "no steps": Sop(pelaksana=ACTORS),
    "no actors declared": Sop(langkah=(Step("s1", "x"), Step("s2", "y"))),
    "one step": Sop(pelaksana=ACTORS, langkah=(Step("s1", "x", "a"),)),
    "a step to itself": Sop(pelaksana=ACTORS, langkah=(
        Step("s1", "x", "a"), Step("s2", "y", "b", lanjut="s2"), Step("s3", "z", "a"))),
    "a decision back to itself": Sop(pelaksana=ACTORS, langkah=(
        Step("s1", "x", "a"), Step("s2", "y", "b", simbol="keputusan", tidak="s2"), Step("s3", "z", "a"))),
    "both branches to one step": Sop(pelaksana=ACTORS, langkah=(
        Step("s1", "x", "a"), Step("s2", "y", "b", simbol="keputusan", ya="s3", tidak="s3"), Step("s3", "z", "a"))),
    "both branches back": Sop(pelaksana=ACTORS, langkah=(
        Step("s1", "x", "a"), Step("s2", "y", "b"), Step("s3", "z", "a", simbol="keputusan", ya="s1", tidak="s2"),
        Step("s4", "w", "a"))),
    "an undeclared actor": Sop(pelaksana=ACTORS, langkah=(
        Step("s1", "x", "a"), Step("s2", "y", "zz"), Step("s3", "z", "a"))),
    "a duplicate id": Sop(pelaksana=ACTORS, langkah=(Step("s1", "x", "a"), Step("s1", "y", "b"), Step("s3", "z", "a"))),
    "fourteen decisions back to the first step": Sop(pelaksana=ACTORS, langkah=(
        Step("t", "x", "a"),
        *(Step(f"s{i}", "y", "ab"[i % 2], simbol="keputusan", tidak="t") for i in range(14)),
        Step("e", "z", "a"))),
}
OPTIONS = {
    "A4": PageOptions(),
    "cells": PageOptions(width=80, metrics=CellMetrics()),
    "paged cells": PageOptions(width=80, height=30, metrics=CellMetrics()),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("mode", OPTIONS)
def test_lays_out_and_keeps_every_promise(case, mode):
    sop, options = CASES[case], OPTIONS[mode]
    check_all(sop, compute_layout(sop, options), cells=options.cells)


def test_an_undeclared_actor_gets_a_column_headed_by_its_id():
    page = compute_layout(CASES["an undeclared actor"]).pages[0]
    assert [c.key for c in page.columns if c.key.startswith("pelaksana:")] == [
        "pelaksana:a", "pelaksana:b", "pelaksana:zz"]
    assert any(cell.text.lines == ("zz",) for cell in page.header)


@pytest.mark.parametrize("mode", ["A4", "paged cells"])
def test_a_row_taller_than_a_page_continues_on_the_next_pages_and_loses_no_word(mode):
    huge = " ".join(f"kata{n}" for n in range(3000))
    sop = Sop(pelaksana=ACTORS, langkah=(Step("s1", "x", "a"), Step("s2", huge, "b"), Step("s3", "z", "a")))
    options = OPTIONS[mode]
    layout = compute_layout(sop, options)
    check_all(sop, layout, cells=options.cells)
    parts = [row for page in layout.pages for row in page.rows if row.step_id == "s2"]
    assert len(parts) > 2 and not parts[0].continued and all(row.continued for row in parts[1:])
    assert all(row.cells[1].lines[0] == "(lanjutan)" for row in parts[1:])
    words = [line for row in parts for line in row.cells[1].lines if line != "(lanjutan)"]
    assert " ".join(words) == huge
    for page in layout.pages:  # every part on its page: nothing printed off it
        assert page.table.bottom <= page.height - options.margin_units()[2]
        assert all(row.cells[1].box.bottom <= row.bottom for row in page.rows)
    assert [s.step_id for p in layout.pages for s in p.symbols] == ["s1", "s2", "s3"]


@pytest.mark.parametrize("actors", [1, 2, 6])
@pytest.mark.parametrize("mode", OPTIONS)
def test_long_branch_labels_wrap_inside_the_pelaksana_columns_and_their_row(actors, mode):
    from dataclasses import replace

    from soptui.corpus import generate_sop

    sop = generate_sop(actors, steps=16, actors=actors)
    steps = tuple(replace(s, label_tidak="Berkas dikembalikan kepada pemohon untuk dilengkapi",
                          label_ya="Lengkap dan benar") if s.simbol == "keputusan" else s for s in sop.langkah)
    sop = replace(sop, langkah=steps)
    options = OPTIONS[mode]
    layout = compute_layout(sop, options)
    check_all(sop, layout, cells=options.cells)  # labels inside the Pelaksana columns and their row
    labels = [" ".join(e.label.lines).replace("- ", "") for p in layout.pages for e in p.edges if e.label]
    assert labels and set(labels) <= {"Berkas dikembalikan kepada pemohon untuk dilengkapi", "Lengkap dan benar"}


@st.composite
def wild_sops(draw):
    """Any flow at all: jumps, loops and self loops anywhere, as a half-typed file in the editor has."""
    count = draw(st.integers(1, 40))
    actors = tuple(Actor(f"a{i}", f"Pelaksana {i}") for i in range(draw(st.integers(2, 8))))  # one: Known limits
    ids = [f"s{i}" for i in range(count)]
    steps = []
    for i in range(count):
        kind = draw(st.sampled_from([None, "proses", "keputusan", "terminator"]))
        links = {}
        if kind == "keputusan":
            links = {"ya": draw(st.sampled_from([None, *ids])), "tidak": draw(st.sampled_from(ids)),
                     "label_tidak": draw(st.sampled_from([None, "Tidak lengkap, kembalikan kepada pemohon"]))}
        elif draw(st.booleans()):
            links = {"lanjut": draw(st.sampled_from(ids))}
        text = "kegiatan " * draw(st.integers(0, 30))
        steps.append(Step(ids[i], text, draw(st.sampled_from(actors)).id, simbol=kind, **links))
    return Sop(pelaksana=actors, langkah=tuple(steps))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sop=wild_sops(), mode=st.sampled_from(sorted(OPTIONS)))
def test_any_flow_at_all_keeps_every_promise(sop, mode):
    options = OPTIONS[mode]
    check_all(sop, compute_layout(sop, options), cells=options.cells)
