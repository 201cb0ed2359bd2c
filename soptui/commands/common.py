"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from soptui.i18n import LANGUAGES, set_language

#: Files a folder walk never takes as SOPs: the bound document, packaging.
NOT_SOP_FILES = {"dokumen.toml", "pyproject.toml"}


def _set_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        set_language(value)


lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    expose_value=False,
    is_eager=True,
    callback=_set_language,
    help="Bahasa pesan: id (bawaan) atau en.",
)


def find_sop_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, Path]]:
    """Each SOP file under ``paths`` with the folder it was found under.

    A file named on the command line is always taken. A folder is walked
    recursively, in sorted order, for ``*.toml`` files, skipping hidden
    folders (``.git``, ``.trash``) and the files of ``NOT_SOP_FILES``.
    """
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path, path.parent
            continue
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            for name in sorted(files):
                if name.endswith(".toml") and name not in NOT_SOP_FILES:
                    yield Path(folder) / name, path
