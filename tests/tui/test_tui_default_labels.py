"""The terminal preview of a decision without ``label_ya``/``label_tidak`` shows the spec's Ya
and Tidak, each at its own arrow's label (every example sets its own labels, issue 14)."""

from __future__ import annotations

from soptui.model import Actor, Identity, Sop, Step
from soptui.tui.canvas import LABEL, cell, draw_page
from soptui.tui.widgets.preview import preview_layout


def test_the_preview_labels_each_branch_of_a_decision_with_the_default_words():
    steps = (
        Step("mulai", "Menerima berkas", "p1", waktu="5 menit", output="Berkas"),
        Step("cek", "Memeriksa berkas", "p2", simbol="keputusan", tidak="mulai", waktu="5 menit", output="Hasil"),
        Step("selesai", "Mengarsipkan berkas", "p1", waktu="5 menit", output="Arsip"),
    )
    sop = Sop(Identity(nama="Uji Label", nomor="800/1/UJI/2024", instansi=("DINAS UJI",)),
              (Actor("p1", "Staf"), Actor("p2", "Kepala Seksi")), steps)
    [page] = preview_layout(sop).pages
    canvas = draw_page(page)
    shown = {}
    for edge in page.edges:
        if edge.label is not None:
            x, y = cell(edge.label.box.x), cell(edge.label.box.y)
            row, styles = "".join(canvas.chars[y]), canvas.styles[y]
            end = x
            while end < canvas.width and styles[end] == LABEL:
                end += 1
            shown[edge.branch] = row[x:end]
    assert shown == {"ya": "Ya", "tidak": "Tidak"}
