"""How a plugin author tests an exporter: soptui.testing runs it as `soptui export` does.

Run from a soptui checkout with ``python -m pytest plugins/soptui-markdown/tests``.
"""

from __future__ import annotations

import soptui_markdown
from soptui.corpus import generate_sop
from soptui.testing import export as run_export
from soptui.testing import load_plugin


def export(sop, **options) -> str:
    return run_export("markdown", sop, plugins=load_plugin(soptui_markdown), options=options).data.decode("utf-8")


def test_every_example_exports(soptui_example):
    page = export(soptui_example)
    assert page.startswith("# ") and "```mermaid" in page


def test_every_step_is_a_numbered_row_and_a_flowchart_node():
    sop = generate_sop(7)
    page = export(sop)
    assert page.startswith(f"# {sop.identitas.nama}\n")
    for number, step in enumerate(sop.langkah, start=1):
        assert f"| {number} | {step.kegiatan.replace('|', chr(92) + '|')} |" in page
    assert page.count("-->") == len(sop.flow.edges)


def test_mermaid_can_be_left_out():
    assert "```mermaid" not in export(generate_sop(7), mermaid=False)


def test_quotes_and_bars_do_not_break_the_flowchart():
    sop = generate_sop(7).with_step(1, kegiatan='Memeriksa "berkas" | lampiran')
    page = export(sop)
    assert 'Memeriksa #quot;berkas#quot; #124; lampiran' in page
