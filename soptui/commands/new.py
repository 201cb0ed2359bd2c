"""``soptui new``: start an SOP file from the commented template."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from soptui.commands.common import echo, lang_option
from soptui.i18n import t


@click.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--nama", help="Nama SOP.")
@click.option("--nomor", help="Nomor SOP.")
@lang_option
def new(path: str, nama: str | None, nomor: str | None) -> None:
    """Membuat berkas SOP baru dari templat yang komentarnya menjelaskan setiap isian."""
    from soptui.store import atomic_write
    from soptui.template import new_sop_text

    target = Path(path)
    if target.exists():
        echo(t("new.exists", path=path), err=True)
        sys.exit(1)
    if not target.parent.is_dir():
        echo(t("new.no_folder", folder=str(target.parent)), err=True)
        sys.exit(1)
    try:
        atomic_write(target, new_sop_text(nama, nomor).encode("utf-8"), 0o644)
    except OSError as error:  # a full disk, a read-only folder: atomic_write leaves nothing behind
        echo(t("output.write_failed", path=path, reason=error.strerror or error), err=True)
        sys.exit(1)
    echo(t("new.written", path=path))
