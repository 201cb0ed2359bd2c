"""The bound Dokumen SOP AP through ``soptui export dokumen.toml -f pdf``.

``soptui export`` hands a ``dokumen.toml`` (or any TOML file with a top-level
``[dokumen]`` table) here instead of exporting it as an SOP; the binder is
``_soptui_dokumen.binder`` (docs/dokumen.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from soptui.commands.common import echo
from soptui.i18n import t


def is_dokumen_request(paths: tuple[Path, ...]) -> bool:
    """Whether ``soptui export`` was given bound-document files (all of them, or a usage error)."""
    from soptui.library import is_dokumen_file

    kinds = {is_dokumen_file(path) for path in paths}
    if kinds == {True, False}:
        raise click.UsageError(t("dokumen.mixed"))
    return kinds == {True}


def export_dokumen(paths: tuple[Path, ...], formats: tuple[str, ...], out_dir: Path | None) -> None:
    """Build one PDF per description: ``<out_dir or its folder>/<name>.pdf``; exit 0, or 1 on a problem."""
    from _soptui_dokumen.binder import build_file
    from _soptui_dokumen.config import DokumenError

    names = [name.strip() for value in formats for name in value.split(",") if name.strip()]
    if set(names) != {"pdf"}:
        raise click.UsageError(t("dokumen.only_pdf", formats=", ".join(names)))
    failed = 0
    for path in paths:
        target = (out_dir or path.parent) / f"{path.stem}.pdf"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            bound = build_file(path, target)
        except DokumenError as error:
            failed += 1
            for finding in error.findings:
                echo(finding.format_line(), err=True)
            continue
        echo(t("dokumen.written", path=target, pages=bound.pages, sops=len(bound.sops)), err=True)
    sys.exit(1 if failed else 0)
