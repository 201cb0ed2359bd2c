"""``soptui [PATH]``: open the editor on a folder (library) or a file.

Textual is imported here, inside the command, so ``check`` and ``export``
never load it.
"""

from __future__ import annotations

import sys

import click

from soptui.commands.common import lang_option


@click.command()
@click.argument("path", required=False, default=".", type=click.Path())
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="Batasi editor pada folder ini (untuk SSH forced command).")
@lang_option
def edit(path: str, root: str | None) -> None:
    """Membuka editor: folder membuka pustaka SOP, berkas membuka editornya."""
    from soptui.tui import run

    sys.exit(run(path, root))
