"""The router's promise of few crossings, as a property of many flowcharts: among its free
tracks an edge takes the one crossing the fewest arrows already drawn (soptui/layout/routing.py).

Measured on the corpus below when this test was written: 78 crossings in all with the
crossing cost, 398 with it set to nothing; a router that stops weighing crossings fails here,
while the print-quality corpus (test_layout_quality.py), which bounds clearances, does not see it.
Since a branch pays more for leaving where its label has no room than for one crossing (issue 13:
a label with no room reads as another arrow's), 93 in all, 7 of the 20 with two or fewer."""

from __future__ import annotations

from soptui.corpus import generate_sop
from soptui.layout import compute_layout
from soptui.layout.quality import measure

SEEDS = range(20)  # 30 steps, 5 actors, half of the steps decisions: loops and jumps everywhere


def test_busy_flowcharts_are_drawn_with_few_crossings():
    crossings = [measure(compute_layout(generate_sop(seed, steps=30, actors=5, decisions=0.5))).crossings
                 for seed in SEEDS]
    assert sum(crossings) <= 110, crossings
    assert max(crossings) <= 20, crossings
    assert sum(1 for count in crossings if count <= 2) >= 7, crossings  # many are drawn with (almost) none


def test_a_loop_back_beside_a_chain_crosses_nothing():
    from soptui.model import Actor, Identity, Sop, Step

    steps = [Step(f"s{n}", f"Kegiatan {n}", f"p{n % 3}", waktu="5 menit", output="Hasil") for n in range(1, 9)]
    steps[5] = Step("s6", "Memeriksa hasil", "p0", simbol="keputusan", tidak="s2", waktu="5 menit", output="Hasil")
    sop = Sop(Identity(nama="Uji", nomor="1/UJI/2024", instansi=("DINAS UJI",)),
              tuple(Actor(f"p{n}", f"Jabatan {n}") for n in range(3)), tuple(steps))
    assert measure(compute_layout(sop)).crossings == 0
