"""``soptui [PATH]``: open the editor on a folder (library) or a file."""

from __future__ import annotations

import sys

import click

from soptui.commands.common import lang_option
from soptui.i18n import t


@click.command()
@click.argument("path", required=False, default=".", type=click.Path())
@click.option("--root", type=click.Path(file_okay=False), help="Batasi editor pada folder ini (untuk SSH forced command).")
@lang_option
def edit(path: str, root: str | None) -> None:
    """Membuka editor: folder membuka pustaka SOP, berkas membuka editornya."""
    click.echo(t("edit.unavailable"), err=True)
    sys.exit(2)
