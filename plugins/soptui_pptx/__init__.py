"""The PPTX exporter (format ``pptx``): a briefing deck to socialise an SOP.

Registered through soptui's own entry point ``pptx = "soptui_pptx"``, as a
third-party plugin would be. The deck is made of native, editable shapes:
the flowchart's symbols are PowerPoint flowchart shapes and its arrows are
connectors glued to them, so moving a shape drags its arrows along.
See docs/pptx.md. python-pptx is imported only when a deck is written, so
listing plugins and other exports stay fast.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from soptui.exporters import Exporter, ExportInput
from soptui.hookspecs import hookimpl
from soptui.i18n import t


def page_options(options: dict[str, Any]):
    """The page the flowchart is laid out on: the slide below its title band, text 12 pt or more."""
    from soptui_pptx.frame import page_options as slide_page

    return slide_page(options)


def write(export: ExportInput, stream: BinaryIO, options: dict[str, Any]) -> int:
    """Write the deck of one SOP to ``stream``; return its slide count."""
    from soptui_pptx.deck import write_deck

    return write_deck(export, stream, options)


@hookimpl
def register_exporters(register) -> None:
    register(Exporter(name="pptx", label=t("pptx.label"), suffix=".pptx", write=write, page_options=page_options))
