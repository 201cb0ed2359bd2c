"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from soptui.i18n import LANGUAGES, set_language

#: Files a folder walk never takes as SOPs: the bound document, packaging.
NOT_SOP_FILES = {"dokumen.toml", "pyproject.toml"}
_DOKUMEN_TABLE = re.compile(r"^\s*\[dokumen\]", re.M)


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
    folders (``.git``, ``.trash``), the files of ``NOT_SOP_FILES`` and bound
    document descriptions under other names (a top-level ``[dokumen]`` table).
    """
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path, path.parent
            continue
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            for name in sorted(files):
                candidate = Path(folder) / name
                if name.endswith(".toml") and name not in NOT_SOP_FILES and not _is_dokumen(candidate):
                    yield candidate, path


def _is_dokumen(path: Path) -> bool:
    """A bound document description (docs/dokumen.md), not an SOP."""
    if path.name.endswith(".sop.toml"):
        return False
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return _DOKUMEN_TABLE.search(text) is not None
