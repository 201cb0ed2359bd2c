"""What an exporter is: the contract between soptui and exporter plugins.

A plugin registers :class:`Exporter` objects through the
``register_exporters`` hook (docs/plugins.md). The host loads the SOP,
computes its layout when the exporter asks for one, and calls ``write`` with
a binary stream, so the same exporter serves files, the editor's export
dialog and pipes alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:  # importing soptui.layout loads the engine: not for exporters that need no layout
    from soptui.diagnostics import Finding
    from soptui.layout.types import FlowchartLayout
    from soptui.loader import Loaded
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
    source: bytes | None = None  # the exact bytes hashed, for an exporter that embeds them (archival PDF)
    findings: tuple | None = None  # the loader's findings on ``source`` when the host has them, not parsed again

    @classmethod
    def of(cls, loaded: Loaded, layout: FlowchartLayout | None = None) -> ExportInput:
        """The input for a file that loaded: its model, path, bytes and their hash."""
        if loaded.sop is None or loaded.source is None:
            raise ValueError(f"{loaded.path}: did not load")
        return cls(loaded.sop, loaded.path, loaded.source.sha256, layout, loaded.source.data)


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


@dataclass(frozen=True)
class Rendered:
    """One SOP written by one exporter, in memory: what the host then saves."""

    data: bytes
    pages: int | None  # what ``write`` returned, when it is a whole number
    options: dict[str, Any]  # every option, defaults filled in
    layout: FlowchartLayout | None  # what ``input.layout`` held, when the exporter asked for one


def default_options(exporter: Exporter) -> dict[str, Any]:
    """Every option of ``exporter`` at its default value."""
    return {option.name: option.default for option in exporter.options}


def render(exporter: Exporter, export: ExportInput, options: dict[str, Any] | None = None,
           layouts: dict[str, Any] | None = None) -> Rendered:
    """Run ``exporter`` the way soptui does: defaults under ``options``, the layout
    for its page options (computed once per page options in ``layouts``), the
    output in memory. Raises what ``write`` raises."""
    import io

    options = {**default_options(exporter), **(options or {})}
    layout = None
    page = exporter.page_options(options) if exporter.page_options is not None else None
    if page is not None:  # an exporter may need the layout only for some options
        layouts = {} if layouts is None else layouts
        key = repr(page)
        if key not in layouts:
            from soptui.layout import compute_layout

            layouts[key] = compute_layout(export.sop, page)
        layout = layouts[key]
    buffer = io.BytesIO()
    pages = exporter.write(replace(export, layout=layout), buffer, options)
    whole = isinstance(pages, int) and not isinstance(pages, bool)  # a plugin may return anything
    return Rendered(buffer.getvalue(), pages if whole else None, options, layout)


#: Checker errors that would draw a wrong flowchart: a repeated step id, a step
#: in no actor's column, an arrow to nowhere, a decision without two branches,
#: an end that goes on. Exporters that draw the flowchart refuse them.
FLOWCHART_ERRORS = frozenset({"S003", "S004", "S005", "S006", "S007", "S008"})

#: The loader's errors: a required value missing (S001), a value of the wrong
#: type or outside its choices (S002), a list too short (S012). The model holds
#: a default there, so any output would say what the file does not (an empty
#: file printed as an empty form, a mistyped date as "-"); every exporter refuses them.
LOAD_ERRORS = frozenset({"S001", "S002", "S012"})


def blocking_findings(export: ExportInput, codes: frozenset[str] = FLOWCHART_ERRORS) -> list:
    """The errors that make this SOP's output wrong, located in its file
    (``path:line:col`` when the file can be read), for an exporter to refuse:
    the loader's :data:`LOAD_ERRORS`, then the checker's errors among ``codes``."""
    from soptui.checks import check_sop
    from soptui.loader import load_bytes

    path = export.path or Path("<sop>")
    data = source_bytes(export)
    loaded: Sequence[Finding] = []
    if data is not None:
        loaded = export.findings if export.findings is not None else load_bytes(data, path).findings
    text = data.decode("utf-8-sig", "replace") if data is not None else source_text(export)
    findings = [f for f in loaded if f.code in LOAD_ERRORS] + check_sop(export.sop, path, text)
    return [f for f in findings if f.severity == "error" and (f.code in codes or f.code in LOAD_ERRORS)]


def refuse_blocking(export: ExportInput, heading: Callable[[int], str],
                    codes: frozenset[str] = FLOWCHART_ERRORS) -> None:
    """Raise :class:`ExportError` when :func:`blocking_findings` finds any: ``heading(count)``,
    then one line per finding (``path:line:col: CODE message``)."""
    errors = blocking_findings(export, codes)
    if errors:
        lines = "\n".join(finding.format_line() for finding in errors)
        raise ExportError(f"{heading(len(errors))}\n{lines}")


def name_text(name: str) -> str:
    """A file name as text an output can hold: a byte that is not UTF-8 (kept by Python as a
    surrogate, which no encoder writes) becomes U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def source_bytes(export: ExportInput) -> bytes | None:
    """The bytes ``source_sha256`` was computed from: given, or the file when it
    still has that hash; ``None`` when neither (the file changed since)."""
    import hashlib

    if export.source is not None:
        return export.source
    try:
        data = export.path.read_bytes() if export.path else None
    except OSError:
        return None
    return data if data is not None and hashlib.sha256(data).hexdigest() == export.source_sha256 else None


def source_text(export: ExportInput) -> str:
    """The SOP file's text, to place findings at their line; empty when unreadable."""
    try:
        return export.path.read_text(encoding="utf-8-sig") if export.path else ""
    except (OSError, UnicodeDecodeError):
        return ""
