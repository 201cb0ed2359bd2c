"""A decision without ``label_ya``/``label_tidak`` prints the spec's Ya and Tidak, each beside
its own arrow. Every example sets its own labels, so without this the defaults are never drawn."""

from __future__ import annotations

from pdf_helpers import chain, export, make_sop, word_boxes

from soptui.model import Step


def decision_sop():
    steps = chain(5)
    steps[2] = Step("s3", "Memeriksa kelengkapan berkas", "p1", simbol="keputusan", tidak="s1",
                    waktu="5 menit", output="Berkas diperiksa")
    return make_sop(steps)


def test_the_default_labels_are_printed_beside_their_own_arrows():
    pdf = export(decision_sop())
    assert pdf.layout.pages and len(pdf.layout.pages) == 1
    page = pdf.layout.pages[0]
    labels = {edge.branch: edge.label for edge in page.edges if edge.source == "s3"}
    assert set(labels) == {"ya", "tidak"}
    assert labels["ya"].lines == ("Ya",) and labels["tidak"].lines == ("Tidak",)
    words = word_boxes(pdf, pdf.pages - 1)  # the flowchart page follows the identity page
    for branch, word in (("ya", "Ya"), ("tidak", "Tidak")):
        box = labels[branch].box
        inside = [w for w, x0, y0, x1, y1 in words
                  if box.x - 1 <= (x0 + x1) / 2 <= box.right + 1 and box.y - 1 <= (y0 + y1) / 2 <= box.bottom + 1]
        assert inside == [word], (branch, inside)
    assert [w for w, *_ in words].count("Ya") == 1 and [w for w, *_ in words].count("Tidak") == 1
