"""The router's promises as properties (issue 14): arrows keep their clearance from each other
and from the grid on any flowchart, and a chain with one loop back or jump ahead is drawn with
no crossing, wherever its steps sit and wherever the branch goes.

The fixed corpora (test_layout_quality.py, test_layout_crossings.py) measure the same promises
on chosen inputs; here hypothesis picks the inputs and shrinks a counterexample to the smallest."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from soptui.corpus import generate_sop
from soptui.layout import PageOptions, compute_layout
from soptui.layout.quality import measure
from soptui.model import Actor, Identity, Sop, Step

MM = 72 / 25.4
PAPERS = [PageOptions(), PageOptions(paper="F4", orientation="portrait"), PageOptions(paper="Legal")]


# one actor with many decisions can share a stub: a known limit (docs/layout.md, Known limits)
@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6), steps=st.integers(3, 30), actors=st.integers(2, 7),
       decisions=st.sampled_from([0.0, 0.2, 0.5]), paper=st.sampled_from(range(len(PAPERS))))
def test_arrows_keep_their_clearance_from_each_other_and_from_the_grid(seed, steps, actors, decisions, paper):
    quality = measure(compute_layout(generate_sop(seed, steps=steps, actors=actors, decisions=decisions),
                                     PAPERS[paper]))
    crowded = {kind: quality.defects[kind] for kind in ("overlap", "near_parallel", "on_grid", "through_symbol")}
    assert crowded == dict.fromkeys(crowded, 0)
    assert quality.closest_arrows is None or quality.closest_arrows >= 2 * MM
    assert quality.closest_grid is None or quality.closest_grid >= 1.5 * MM


@st.composite
def chains_with_one_branch(draw):
    """A chain of steps over some actors, one of them a decision whose Tidak goes back or ahead."""
    count = draw(st.integers(4, 14))
    actors = draw(st.integers(1, 4))
    owners = draw(st.lists(st.integers(0, actors - 1), min_size=count, max_size=count))
    steps = [Step(f"s{n}", f"Kegiatan {n}", f"p{owners[n - 1]}", waktu="5 menit", output="Hasil")
             for n in range(1, count + 1)]
    decision = draw(st.integers(1, count - 2))  # an index: the decision has a next step and somewhere else to go
    target = draw(st.sampled_from([n for n in range(count) if n not in (decision, decision + 1)]))
    steps[decision] = Step(f"s{decision + 1}", "Memeriksa hasil", f"p{owners[decision]}", simbol="keputusan",
                           tidak=f"s{target + 1}", waktu="5 menit", output="Hasil")
    return Sop(Identity(nama="Uji", nomor="1/UJI/2024", instansi=("DINAS UJI",)),
               tuple(Actor(f"p{n}", f"Jabatan {n}") for n in range(actors)), tuple(steps))


@settings(max_examples=60, deadline=None)
@given(sop=chains_with_one_branch())
def test_a_chain_with_one_loop_back_or_jump_ahead_crosses_nothing(sop):
    layout = compute_layout(sop)
    assert measure(layout).crossings == 0
