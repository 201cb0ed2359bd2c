"""The official SOP AP PDF (format ``pdf``): the document that gets signed.

Registered through soptui's own entry points like any third-party plugin.
The PDF draws the identity page (section 1 of the regulation's document)
and then exactly the flowchart layout soptui computed; see docs/pdf.md for
what it prints and when it refuses to.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from soptui.exporters import (
    FLOWCHART_ERRORS,
    Exporter,
    ExportError,
    ExportInput,
    Option,
    refuse_blocking,
    source_text,
)
from soptui.hookspecs import hookimpl
from soptui.i18n import t
from soptui.papers import ORIENTATIONS, PAPER_NAMES

FOOTER_ROOM = 14.0  # points kept free under the table for the footer line

#: Checker errors that make the printed document wrong, not merely imperfect:
#: those that would draw a wrong flowchart, and an unreadable logo.
REFUSING_RULES = FLOWCHART_ERRORS | {"I009"}


def _options() -> tuple[Option, ...]:
    """The options, their defaults from the user's settings (``paper``,
    ``orientation``, ``print_theme`` in docs/config.md)."""
    from soptui.config import load_config

    config, _ = load_config()  # its problems are reported where soptui starts, not per export
    return (
        Option("paper", str, config.paper, t("pdf.option.paper"), PAPER_NAMES),
        Option("orientation", str, config.orientation, t("pdf.option.orientation"), ORIENTATIONS),
        Option("theme", str, config.print_theme, t("pdf.option.theme")),
        Option("arsip", bool, True, t("pdf.option.arsip")),
    )


#: The options' names, and the choices of those that have a fixed set.
OPTION_NAMES = ("paper", "orientation", "theme", "arsip")
CHOICES = {"paper": PAPER_NAMES, "orientation": ORIENTATIONS}


def resolve_options(options: dict[str, Any]) -> dict[str, Any]:
    """The options with defaults filled in; an unknown value is an ExportError.
    The settings are read only when an option is missing: soptui passes all of
    them, and this runs several times per PDF."""
    missing = any(name not in options for name in OPTION_NAMES)
    defaults = {option.name: option.default for option in _options()} if missing else {}
    resolved = {name: options.get(name, defaults.get(name)) for name in OPTION_NAMES}
    for name, choices in CHOICES.items():
        if resolved[name] not in choices:
            raise ExportError(t("pdf.bad_option", name=name, value=resolved[name], choices=", ".join(choices)))
    return resolved


def page_options(options: dict[str, Any]):
    """The page the flowchart is laid out on: paper and orientation, our margins."""
    from soptui.layout import PageOptions

    resolved = resolve_options(options)
    return PageOptions(paper=resolved["paper"], orientation=resolved["orientation"], footer=FOOTER_ROOM,
                       first_page=2)  # after the identity page (render lays out again if it takes more)


def write(export: ExportInput, stream: BinaryIO, options: dict[str, Any]) -> int:
    """Write the PDF of one SOP to ``stream``; return its page count. By
    default the file is finished for the archive and for signing
    (:mod:`soptui.archival`); ``arsip=false`` gives the plain pages."""
    from soptui import archival

    if not resolve_options(options)["arsip"]:
        return render(export, stream, options)
    buffer = io.BytesIO()
    boxes: list[tuple[int, tuple[float, float, float, float]]] = []
    pages = render(export, buffer, options, boxes)
    try:
        stream.write(archival.finish_sop(buffer.getvalue(), export, boxes))
    except archival.NotArchival as error:
        from soptui.archival.conformance import NOTDEF

        if NOTDEF in str(error):  # the input's doing, not a bug: name the characters
            from soptui.fonts import lacking

            raise ExportError(t("pdf.lacks_glyphs", chars=lacking(export.sop))) from None
        raise ExportError(t("pdf.not_archival", reason=error)) from None
    return pages




def render(export: ExportInput, stream: BinaryIO, options: dict[str, Any], signature_boxes: list | None = None) -> int:
    """The official pages of one SOP, not yet finished for the archive (the
    bound document finishes all its parts at once); the signer's box of
    "Disahkan oleh" is appended to ``signature_boxes`` as (page, rect)."""
    from _soptui_pdf import document, identity
    from _soptui_pdf.palette import Palette
    from soptui.layout import compute_layout
    from soptui.layout.identity import identity_layout
    from soptui.themes import print_themes

    resolved = resolve_options(options)
    themes = print_themes()
    if resolved["theme"] not in themes:
        raise ExportError(t("pdf.bad_option", name="theme", value=resolved["theme"], choices=", ".join(sorted(themes))))
    refuse_blocking(export, lambda count: t("pdf.refused", count=count), REFUSING_RULES)
    pages = page_options(resolved)
    layout = export.layout or compute_layout(export.sop, pages)
    base = export.path.parent if export.path else None
    try:
        logo = identity.open_logo(export.sop, base)
    except (OSError, ValueError, SyntaxError) as error:  # the header looked right but the image is broken
        raise ExportError(_broken_logo(export, error)) from None
    top, right, bottom, left = pages.margin_units()
    frame = identity.Frame(left, top, layout.width - left - right, layout.height - top - bottom - FOOTER_ROOM)
    palette = Palette.from_theme(themes[resolved["theme"]])
    identity_pages = identity_layout(export.sop, pages)
    if layout.first_page != len(identity_pages.pages) + 1:  # the connectors' captions name pages as printed
        layout = compute_layout(export.sop, replace(pages, first_page=len(identity_pages.pages) + 1))
    return document.render(export.sop, identity_pages, layout, frame, palette, export.source_sha256, logo, stream,
                           signature_boxes)


def _broken_logo(export: ExportInput, error: Exception) -> str:
    """An I009 line for a logo whose data is broken, placed at its ``logo`` key."""
    from soptui.locate import Reporter

    reason = re.sub(r"^identity=\[.*?\]\s*", "", str(error).strip().splitlines()[-1])  # reportlab's wrapper
    reporter = Reporter(str(export.path or "<sop>"), source_text(export))
    reporter.report("I009", "error", ("identitas", "logo"), "pdf.bad_logo", value=export.sop.identitas.logo, reason=reason)
    return f"{t('pdf.refused', count=1)}\n{reporter.findings[0].format_line()}"


@hookimpl
def register_messages(register) -> None:
    """This plugin's texts, merged as a third party's are (docs/plugins.md)."""
    register(Path(__file__).parent / "locale")


@hookimpl
def register_exporters(register) -> None:
    register(
        Exporter(
            name="pdf",
            label=t("pdf.label"),
            suffix=".pdf",
            write=write,
            options=_options(),
            page_options=page_options,
        )
    )
