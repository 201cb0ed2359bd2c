"""The JSON exporter (format ``json``): an SOP as data for other systems.

Registered through soptui's own entry point ``json = "_soptui_json"``, as a
third-party plugin would be. The document is described in docs/json.md and
by the JSON Schema in ``schema/sop-export-1.json``.
"""

from __future__ import annotations

from _soptui_json.document import write_json
from soptui.exporters import Exporter, Option
from soptui.hookspecs import hookimpl
from soptui.i18n import t


def page_options(options):
    """The page the layout is computed for, only when ``layout`` is asked: computing
    it costs more than the rest of the export."""
    if not options.get("layout"):
        return None
    from soptui.layout import PageOptions

    return PageOptions(paper=options["paper"], orientation=options["orientation"])


@hookimpl
def register_exporters(register):
    from soptui.config import ORIENTATIONS, PAPERS, load_config

    config, _ = load_config()  # the same defaults as the PDF, so the layout matches the printed page
    register(Exporter(
        name="json",
        label="JSON (data SOP)",
        suffix=".json",
        write=write_json,
        options=(
            Option("indent", int, 0, t("json.option.indent")),
            Option("layout", bool, False, t("json.option.layout")),
            Option("paper", str, config.paper, t("json.option.paper"), PAPERS),
            Option("orientation", str, config.orientation, t("json.option.orientation"), ORIENTATIONS),
        ),
        page_options=page_options,
    ))
