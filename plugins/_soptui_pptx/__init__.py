"""The PPTX exporter (format ``pptx``): a briefing deck to socialise an SOP.

Registered through soptui's own entry point ``pptx = "_soptui_pptx"``, as a
third-party plugin would be. The deck is made of native, editable shapes:
the flowchart's symbols are PowerPoint flowchart shapes and its arrows are
connectors glued to them, so moving a shape drags its arrows along.
See docs/pptx.md. python-pptx is imported only when a deck is written, so
listing plugins and other exports stay fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from soptui.exporters import FLOWCHART_ERRORS, Exporter, ExportError, ExportInput, Option, refuse_blocking
from soptui.hookspecs import hookimpl
from soptui.i18n import t

DEFAULT_THEME = "warna"


def page_options(options: dict[str, Any]):
    """The page the flowchart is laid out on: the slide below its title band, text 12 pt or more."""
    from _soptui_pptx.frame import page_options as slide_page

    return slide_page(options)


def write(export: ExportInput, stream: BinaryIO, options: dict[str, Any]) -> int:
    """Write the deck of one SOP to ``stream``; return its slide count.

    An SOP whose flowchart would be wrong is refused with the located errors,
    as the PDF does, rather than presented to a room; so is an unknown theme.
    """
    from _soptui_pptx.deck import write_deck
    from _soptui_pptx.palette import Palette
    from soptui.themes import print_themes

    name = options.get("theme") or DEFAULT_THEME
    themes = print_themes()
    if name not in themes:
        raise ExportError(t("pptx.bad_option", name="theme", value=name, choices=", ".join(sorted(themes))))
    refuse_blocking(export, lambda count: t("pptx.refused", count=count), FLOWCHART_ERRORS)
    return write_deck(export, stream, Palette.from_theme(themes[name]))


@hookimpl
def register_messages(register) -> None:
    """This plugin's texts, merged as a third party's are (docs/plugins.md)."""
    register(Path(__file__).parent / "locale")


@hookimpl
def register_exporters(register) -> None:
    register(Exporter(name="pptx", label=t("pptx.label"), suffix=".pptx", write=write, page_options=page_options,
                      options=(Option("theme", str, DEFAULT_THEME, t("pptx.option.theme")),)))
