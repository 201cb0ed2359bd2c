"""The JSON exporter (format ``json``): an SOP as data for other systems.

Registered through soptui's own entry point ``json = "_soptui_json"``, as a
third-party plugin would be. The document itself is core's
(:mod:`soptui.interchange`: ``soptui import`` and ``soptui schema`` read and
describe it); this plugin only writes it. It is described in docs/json.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from soptui.exporters import Exporter, ExportError, ExportInput, Option, refuse_blocking
from soptui.hookspecs import hookimpl
from soptui.i18n import t


def write_json(input: ExportInput, stream: BinaryIO, options: dict[str, Any]) -> None:
    """The exporter's ``write``: one SOP as UTF-8 JSON ending in a newline.

    ``indent`` 0 (the default) writes one line with the C encoder, seven
    times faster than an indented one, which matters for a library of
    thousands; ``-O indent=2`` gives a file that reads and diffs well.
    """
    from soptui.interchange.document import build_document, dumps  # not at load: every start registers this plugin

    # only the loader's errors: any SOP that loads whole is data
    refuse_blocking(input, lambda count: t("json.refused", count=count), frozenset())
    try:
        text = dumps(build_document(input), options.get("indent", 0))
    except ValueError:
        raise ExportError(t("json.not_finite", path=input.path)) from None
    stream.write(text.encode("utf-8"))


def page_options(options):
    """The page the layout is computed for, only when ``layout`` is asked: computing
    it costs more than the rest of the export."""
    if not options.get("layout"):
        return None
    from soptui.layout import PageOptions

    return PageOptions(paper=options["paper"], orientation=options["orientation"])


@hookimpl
def register_messages(register) -> None:
    """This plugin's texts, merged as a third party's are (docs/plugins.md)."""
    register(Path(__file__).parent / "locale")


@hookimpl
def register_exporters(register):
    from soptui.config import load_config
    from soptui.papers import ORIENTATIONS, PAPER_NAMES

    config, _ = load_config()  # the same defaults as the PDF, so the layout matches the printed page
    register(Exporter(
        name="json",
        label="JSON (data SOP)",
        suffix=".json",
        write=write_json,
        options=(
            Option("indent", int, 0, t("json.option.indent")),
            Option("layout", bool, False, t("json.option.layout")),
            Option("paper", str, config.paper, t("json.option.paper"), PAPER_NAMES),
            Option("orientation", str, config.orientation, t("json.option.orientation"), ORIENTATIONS),
        ),
        page_options=page_options,
    ))
