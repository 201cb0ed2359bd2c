"""__TITLE__: a soptui plugin with an exporter, a checker rule and its own messages.

soptui calls the functions marked ``@hookimpl`` when it loads the entry point
of pyproject.toml; each gets a ``register`` callback (docs/plugins.md).
"""

from __future__ import annotations

from pathlib import Path

from soptui import hookimpl
from soptui.exporters import Exporter, ExportError, Option
from soptui.i18n import t
from soptui.layout import PAPERS, PageOptions

MAX_WORDS = 40  # a longer activity does not fit its row and reads badly


def page_options(options):
    """The page the flowchart is laid out for; soptui passes the layout to ``write``."""
    return PageOptions(paper=options["paper"], orientation=options["orientation"])


def write(input, stream, options):
    """Write one SOP to ``stream`` (bytes) and return the number of pages."""
    if not input.sop.langkah:
        raise ExportError(t("__FORMAT__.no_steps", path=input.path))
    lines = [input.sop.identitas.nama, ""]
    for page in input.layout.pages:
        lines.append(t("__FORMAT__.page", number=page.number, count=len(page.symbols)))
        for symbol in page.symbols:
            step = input.sop.step(symbol.step_id)
            lines.append(f"  {symbol.kind:<10} x={symbol.box.x:7.1f} y={symbol.box.y:7.1f}  {step.kegiatan}")
    stream.write(("\n".join(lines) + "\n").encode("utf-8"))
    return len(input.layout.pages)


def long_activity(sop, report):
    """__CODE__101: an activity of more than MAX_WORDS words."""
    for number, step in enumerate(sop.langkah, start=1):
        words = len(step.kegiatan.split())
        if words > MAX_WORDS:
            report(t("__FORMAT__.long_activity", count=words, maximum=MAX_WORDS), f"langkah[{number}].kegiatan")


@hookimpl
def register_exporters(register):
    register(Exporter(
        name="__FORMAT__",
        label=t("__FORMAT__.label"),
        suffix=".txt",
        write=write,
        options=(
            Option("paper", str, "A4", t("__FORMAT__.paper"), choices=tuple(PAPERS)),
            Option("orientation", str, "landscape", t("__FORMAT__.orientation"), choices=("landscape", "portrait")),
        ),
        page_options=page_options,
    ))


@hookimpl
def register_checks(register):
    register("__CODE__101", "warning", long_activity, t("__FORMAT__.rule"))


@hookimpl
def register_messages(register):
    """Runs before the other hooks, so their labels can be texts of this catalogue."""
    register(Path(__file__).parent / "locale")
