"""Forms and the bound document (Dokumen SOP AP), built on the official PDF.

- Exporters ``monitoring`` and ``evaluasi``: the monitoring history and the
  evaluation form of one SOP, for ``soptui export -f monitoring`` (batch)
  and the editor. The library-wide monitoring form and blank forms come from
  ``soptui formulir``, a command of this plugin.
- :func:`_soptui_dokumen.binder.build`: ``dokumen.toml`` -> one PDF (cover,
  decree, contents, explanation, every SOP's official pages, revision log),
  reached through this plugin's command ``soptui dokumen dokumen.toml``; see
  docs/dokumen.md. It asks the installed ``pdf`` exporter for each SOP's pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from soptui.exporters import Exporter, ExportInput, Option
from soptui.hookspecs import hookimpl
from soptui.i18n import t
from soptui.papers import DEFAULT_PAPER, OFFICE_PAPERS


def _paper_option() -> Option:
    return Option("paper", str, DEFAULT_PAPER, t("dokumen.option.paper"), OFFICE_PAPERS)


def write_monitoring(export: ExportInput, stream: BinaryIO, options: dict[str, Any]) -> int:
    """The monitoring form of one SOP: one row per monitoring record."""
    from _soptui_dokumen.forms import history_rows, monitoring_form

    unit = export.sop.identitas.instansi[-1] if export.sop.identitas.instansi else ""
    return monitoring_form(history_rows(export.sop), stream, unit, options.get("paper", DEFAULT_PAPER))


def write_evaluation(export: ExportInput, stream: BinaryIO, options: dict[str, Any]) -> int:
    """The evaluation form of one SOP with its latest evaluation."""
    from _soptui_dokumen.forms import evaluation_form

    return evaluation_form([export.sop], stream, paper=options.get("paper", DEFAULT_PAPER))


@hookimpl
def register_messages(register) -> None:
    """This plugin's texts, merged as a third party's are (docs/plugins.md)."""
    register(Path(__file__).parent / "locale")


@hookimpl
def register_exporters(register) -> None:
    register(Exporter("monitoring", t("dokumen.label.monitoring"), ".monitoring.pdf", write_monitoring, (_paper_option(),)))
    register(Exporter("evaluasi", t("dokumen.label.evaluation"), ".evaluasi.pdf", write_evaluation, (_paper_option(),)))


@hookimpl
def register_commands(register) -> None:
    from _soptui_dokumen.command import dokumen
    from _soptui_dokumen.formulir import formulir

    register(formulir)
    register(dokumen)
