"""What an exporter is: the contract between soptui and exporter plugins.

A plugin registers :class:`Exporter` objects through the
``register_exporters`` hook (docs/plugins.md). The host loads the SOP,
computes its layout when the exporter asks for one, and calls ``write`` with
a binary stream, so the same exporter serves files, the editor's export
dialog and pipes alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:  # importing soptui.layout loads the engine: not for exporters that need no layout
    from soptui.layout.types import FlowchartLayout
    from soptui.model import Sop


class ExportError(Exception):
    """An exporter refuses to write this SOP; ``str(error)`` is the message
    the user reads (it names the file, line and field, and what to do)."""


@dataclass(frozen=True)
class Option:
    """One option an exporter accepts, e.g. ``paper`` for the PDF."""

    name: str
    type: type  # str, int, float or bool
    default: Any
    help: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportInput:
    """Everything an exporter may need about the SOP it writes."""

    sop: Sop
    path: Path | None  # the SOP file; relative paths (the logo) start from its folder
    source_sha256: str  # of the file's bytes, printed so a page can be traced to its file
    layout: FlowchartLayout | None = None


@dataclass(frozen=True)
class Exporter:
    """One output format.

    ``write(input, stream, options)`` writes one SOP to ``stream`` and returns
    the number of pages (or slides) written, or ``None`` where pages mean
    nothing. ``page_options(options)`` returns the page options the layout is
    computed with, or ``None`` when the exporter needs no layout.
    """

    name: str
    label: str
    suffix: str
    write: Callable[[ExportInput, BinaryIO, dict[str, Any]], int | None]
    options: tuple[Option, ...] = ()
    page_options: Callable[[dict[str, Any]], Any] | None = None
    plugin: str = field(default="", compare=False)  # filled in by the plugin manager
