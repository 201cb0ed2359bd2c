"""The generated corpus the print-quality promises are checked on (issue 13).

3 to 12 actors, 5 to 80 steps, a third or half of the steps decisions
(each a loop back or a jump ahead, so loops cross pages), landscape A4 up to
10 actors and F4 up to 12, portrait A4 and F4 up to 5 actors: the sizes the
docs promise clean print for (docs/layout.md).
"""

from __future__ import annotations

from soptui.corpus import generate_sop
from soptui.layout import PageOptions

FOOTER = 14.0  # as the PDF keeps under the table


def cases() -> list[tuple[str, int, int, str, str, float]]:
    """(id, actors, steps, paper, orientation, share of decisions)."""
    found = []
    for actors in range(3, 13):
        for steps, decisions in ((5, 0.35), (24, 0.5), (48, 0.35), (80, 0.35)):
            paper = "A4" if actors <= 10 else "F4"
            found.append((actors, steps, paper, "landscape", decisions))
    for actors in (4, 8, 12):
        found.append((actors, 60, "F4", "landscape", 0.5))
    for paper in ("A4", "F4"):
        for actors in (3, 4, 5):
            for steps, decisions in ((5, 0.35), (30, 0.5), (80, 0.35)):
                found.append((actors, steps, paper, "portrait", decisions))
    return [(f"{a}x{s}-{p}-{o[0]}-{int(d * 100)}", a, s, p, o, d) for a, s, p, o, d in found]


def case(index: int, actors: int, steps: int, paper: str, orientation: str, decisions: float):
    """The SOP and page options of one case (seeded by its place in the corpus)."""
    sop = generate_sop(13_000 + index, steps=steps, actors=actors, decisions=decisions)
    return sop, PageOptions(paper=paper, orientation=orientation, footer=FOOTER)
