"""Flowchart pages as SVG (format ``svg``): the computed layout for the web.

Registered through soptui's own entry points like the PDF. Each flowchart
page becomes one standalone SVG with the same geometry as the PDF's page
(the same page options, so the same layout), its text as text and the print
theme's colours. The exporter API gives one output stream per SOP, so the
pages travel together as a ZIP of ``<stem>-1.svg``, ``<stem>-2.svg``, ...
(docs/web.md says why); :func:`read_pages` opens it again.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, BinaryIO

from soptui.exporters import FLOWCHART_ERRORS, Exporter, ExportError, ExportInput, Option, name_text, refuse_blocking
from soptui.hookspecs import hookimpl
from soptui.i18n import t
from soptui.papers import ORIENTATIONS, PAPER_NAMES

FOOTER_ROOM = 14.0  # as the PDF keeps under the table, so both lay out the same page
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed: the same SOP gives the same bytes


def _options() -> tuple[Option, ...]:
    """Paper, orientation and print theme, defaults from the user's settings, as for the PDF."""
    from soptui.config import load_config

    config, _ = load_config()
    return (
        Option("paper", str, config.paper, t("pdf.option.paper"), PAPER_NAMES),
        Option("orientation", str, config.orientation, t("pdf.option.orientation"), ORIENTATIONS),
        Option("theme", str, config.print_theme, t("pdf.option.theme")),
    )


def page_options(options: dict[str, Any]):
    """The PDF's page: the same paper, orientation, margins and footer room."""
    from soptui.layout import PageOptions

    defaults = {option.name: option.default for option in _options()}
    return PageOptions(paper=options.get("paper", defaults["paper"]),
                       orientation=options.get("orientation", defaults["orientation"]), footer=FOOTER_ROOM)


def write(export: ExportInput, stream: BinaryIO, options: dict[str, Any]) -> int:
    """Write the ZIP of SVG pages of one SOP to ``stream``; return the page count."""
    import zipfile  # here, not at the top: every start of soptui registers this plugin

    from _soptui_svg.draw import Footer, draw_page
    from soptui.layout import compute_layout
    from soptui.themes import print_themes

    themes = print_themes()
    theme_name = options.get("theme") or next(o.default for o in _options() if o.name == "theme")
    if theme_name not in themes:
        raise ExportError(t("svg.bad_option", name="theme", value=theme_name, choices=", ".join(sorted(themes))))
    refuse_blocking(export, lambda count: t("svg.refused", count=count), FLOWCHART_ERRORS)
    pages = page_options(options)
    layout = export.layout or compute_layout(export.sop, pages)
    top, right, bottom, left = pages.margin_units()
    footer = Footer(left, layout.width - left - right, layout.height - bottom - FOOTER_ROOM)
    stem = _stem(export)
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for page in layout.pages:
            svg = draw_page(export.sop, page, len(layout.pages), themes[theme_name], export.source_sha256, footer)
            archive.writestr(zipfile.ZipInfo(f"{stem}-{page.number}.svg", ZIP_DATE), svg.encode("utf-8"))
    return len(layout.pages)


def read_pages(data: bytes) -> list[str]:
    """The SVG pages of an ``svg`` export, in page order."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(archive.namelist(), key=lambda name: int(name.rsplit("-", 1)[-1].removesuffix(".svg")))
        return [archive.read(name).decode("utf-8") for name in names]


def _stem(export: ExportInput) -> str:
    from soptui.batch import output_stem

    return name_text(output_stem(export.path)) if export.path is not None else "sop"


@hookimpl
def register_messages(register) -> None:
    """This plugin's texts, merged as a third party's are (docs/plugins.md)."""
    register(Path(__file__).parent / "locale")


@hookimpl
def register_exporters(register) -> None:
    register(Exporter(
        name="svg",
        label=t("svg.label"),
        suffix=".svg.zip",
        write=write,
        options=_options(),
        page_options=page_options,
    ))
