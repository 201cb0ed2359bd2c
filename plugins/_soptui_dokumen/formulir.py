"""``soptui formulir``: the monitoring and evaluation forms as PDF, filled in or blank.

A command this plugin adds to soptui (``register_commands``), as a third
party's would be; soptui itself knows nothing of the forms.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import click

from soptui.commands.common import echo, lang_option
from soptui.i18n import t
from soptui.library import find_sop_files
from soptui.papers import DEFAULT_PAPER, OFFICE_PAPERS

_paths = click.argument("paths", nargs=-1, type=click.Path(exists=True))
_output = click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Berkas PDF keluaran.")
_blank = click.option("--kosong", "blank", is_flag=True, help="Formulir kosong untuk diisi tangan (nama SOP tetap dicetak).")
_paper = click.option("--kertas", "paper", type=click.Choice(OFFICE_PAPERS), default=DEFAULT_PAPER, show_default=True, help="Ukuran kertas.")


@click.group()
def formulir() -> None:
    """Formulir monitoring (Tabel 7) dan evaluasi SOP AP sebagai PDF."""


@formulir.command()
@_paths
@_output
@_blank
@_paper
@click.option("--unit", help="Unit kerja yang dicetak di bawah judul (bawaan: unit bersama semua SOP).")
@lang_option
def monitoring(paths: tuple[str, ...], output: Path, blank: bool, paper: str, unit: str | None) -> None:
    """Formulir "Monitoring Pelaksanaan SOP AP": satu baris per SOP dengan monitoring terakhirnya.

    Tanpa PATH dan dengan --kosong: formulir kosong lima baris.
    """
    from _soptui_dokumen.forms import latest_rows, monitoring_form

    if not paths and not blank:
        raise click.UsageError(t("dokumen.formulir.need_paths"))
    sops = _load_all(paths)
    units = {sop.identitas.instansi[-1] for sop in sops if sop.identitas.instansi}
    common = unit if unit is not None else (units.pop() if len(units) == 1 else "")
    _write(output, lambda stream: monitoring_form(latest_rows(sops, blank), stream, common, paper))


@formulir.command()
@_paths
@_output
@_blank
@_paper
@lang_option
def evaluasi(paths: tuple[str, ...], output: Path, blank: bool, paper: str) -> None:
    """Formulir evaluasi penerapan SOP AP: satu halaman per SOP dengan evaluasi terakhirnya."""
    from _soptui_dokumen.forms import evaluation_form

    if not paths and not blank:
        raise click.UsageError(t("dokumen.formulir.need_paths"))
    sops = _load_all(paths) or [None]
    _write(output, lambda stream: evaluation_form(sops, stream, blank, paper))


def _load_all(paths: tuple[str, ...]) -> list:
    """Every SOP under ``paths``; a file that could not be read whole stops the form (exit 2), never a silent
    gap: unreadable, or read with a blank or default where the file says something else (a missing name, a
    date written as text: the loader errors an export refuses too)."""
    from soptui.exporters import LOAD_ERRORS
    from soptui.loader import load

    loaded = [load(path) for path, _ in find_sop_files(paths)]
    refused = [[f for f in item.findings if item.sop is None or f.code in LOAD_ERRORS] for item in loaded]
    broken = [findings for findings in refused if findings]
    for findings in broken:
        for finding in findings:
            echo(finding.format_line(), err=True)
    if broken:
        echo(t("dokumen.formulir.unreadable", count=len(broken)), err=True)
        sys.exit(2)
    return [item.sop for item in loaded]


def _write(output: Path, render) -> None:
    from soptui.store import atomic_write

    if not output.parent.is_dir():
        raise click.UsageError(t("new.no_folder", folder=str(output.parent)))
    from reportlab.platypus.doctemplate import LayoutError

    stream = io.BytesIO()
    try:
        pages = render(stream)
    except LayoutError as error:  # a cell that cannot be placed on any page
        echo(t("dokumen.formulir.layout_failed", reason=error), err=True)
        sys.exit(1)
    try:
        atomic_write(output, stream.getvalue(), 0o644)
    except OSError as error:  # a full disk, a read-only folder
        echo(t("dokumen.formulir.write_failed", path=output, reason=error.strerror or error), err=True)
        sys.exit(1)
    echo(t("dokumen.formulir.written", path=output, pages=pages), err=True)
