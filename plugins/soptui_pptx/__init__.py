"""The PPTX exporter (format ``pptx``): a briefing deck to socialise an SOP.

Registered through soptui's own entry point ``pptx = "soptui_pptx"``, as a
third-party plugin would be. The deck is made of native, editable shapes:
the flowchart's symbols are PowerPoint flowchart shapes and its arrows are
connectors glued to them, so moving a shape drags its arrows along.
See docs/pptx.md. python-pptx is imported only when a deck is written, so
listing plugins and other exports stay fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from soptui.exporters import Exporter, ExportError, ExportInput
from soptui.hookspecs import hookimpl
from soptui.i18n import t


def page_options(options: dict[str, Any]):
    """The page the flowchart is laid out on: the slide below its title band, text 12 pt or more."""
    from soptui_pptx.frame import page_options as slide_page

    return slide_page(options)


#: Checker errors that would draw a wrong flowchart: a repeated step id, a step
#: in no actor's column, an arrow to nowhere, a decision without two branches,
#: an end that goes on.
REFUSING_RULES = frozenset({"S003", "S004", "S005", "S006", "S007", "S008"})


def write(export: ExportInput, stream: BinaryIO, options: dict[str, Any]) -> int:
    """Write the deck of one SOP to ``stream``; return its slide count.

    An SOP whose flowchart would be wrong is refused with the located errors,
    as the PDF does, rather than presented to a room.
    """
    from soptui.checks import check_sop
    from soptui_pptx.deck import write_deck

    path = export.path or Path("<sop>")
    try:
        text = export.path.read_text(encoding="utf-8-sig") if export.path else ""
    except (OSError, UnicodeDecodeError):
        text = ""
    errors = [f for f in check_sop(export.sop, path, text) if f.severity == "error" and f.code in REFUSING_RULES]
    if errors:
        lines = "\n".join(finding.format_line() for finding in errors)
        raise ExportError(f"{t('pptx.refused', count=len(errors))}\n{lines}")
    return write_deck(export, stream, options)


@hookimpl
def register_exporters(register) -> None:
    register(Exporter(name="pptx", label=t("pptx.label"), suffix=".pptx", write=write, page_options=page_options))
