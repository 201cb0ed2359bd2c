"""The PPTX exporter (format ``pptx``): a briefing deck to socialise an SOP.

Registered through soptui's own entry point ``pptx = "soptui_pptx"``, as a
third-party plugin would be. The deck is made of native, editable shapes:
the flowchart's symbols are PowerPoint flowchart shapes and its arrows are
connectors glued to them, so moving a shape drags its arrows along.
See docs/pptx.md.
"""

from __future__ import annotations

from soptui.exporters import Exporter
from soptui.hookspecs import hookimpl
from soptui_pptx.deck import write_deck


@hookimpl
def register_exporters(register):
    register(Exporter(name="pptx", label="PPTX (bahan paparan)", suffix=".pptx", write=write_deck))
