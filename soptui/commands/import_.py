"""``soptui import``: an exported JSON document back into an SOP file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from soptui.commands.common import echo, lang_option
from soptui.i18n import t


@click.command(name="import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas SOP (.sop.toml) yang akan ditulis.")
@click.option("--force", is_flag=True, help="Timpa berkas keluaran yang sudah ada.")
@lang_option
def import_(source: Path, target: Path, force: bool) -> None:
    """Mengubah JSON hasil `soptui export -f json` kembali menjadi berkas SOP.

    Kolom turunan (alur, durasi, pelaksana) diabaikan karena dihitung ulang.
    Berkas yang sudah ada tidak ditimpa kecuali dengan --force. Kode keluar
    0 bila berhasil, 1 bila JSON tidak dapat diimpor atau berkas sudah ada.
    """
    from soptui.interchange.importer import import_json
    from soptui.store import FileExists, save

    imported = import_json(source)
    for line in imported.warnings:
        echo(line, err=True)
    if imported.sop is None:
        for line in imported.problems:
            echo(line, err=True)
        echo(t("import.refused", path=target), err=True)
        sys.exit(1)
    try:
        save(imported.sop, target, force=force)
    except FileExists:
        echo(t("import.exists", path=target), err=True)
        sys.exit(1)
    except OSError as error:
        echo(t("import.write_failed", path=target, reason=error.strerror or error), err=True)
        sys.exit(1)
    echo(t("import.written", source=source, path=target), err=True)
