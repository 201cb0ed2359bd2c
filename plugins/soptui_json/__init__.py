"""The JSON exporter (format ``json``): an SOP as data for other systems.

Registered through soptui's own entry point ``json = "soptui_json"``, as a
third-party plugin would be. The document is described in docs/json.md and
by the JSON Schema in ``schema/sop-export-1.json``.
"""

from __future__ import annotations

from soptui.exporters import Exporter, Option
from soptui.hookspecs import hookimpl
from soptui_json.document import write_json


@hookimpl
def register_exporters(register):
    register(Exporter(
        name="json",
        label="JSON (data SOP)",
        suffix=".json",
        write=write_json,
        options=(Option("indent", int, 0, "Indentasi: 0 satu baris (cepat), 2 mudah dibaca dan dibandingkan"),),
    ))
