"""Which files of a folder are SOPs, and which are bound-document descriptions."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Files a folder walk never takes as SOPs: the bound document, packaging.
NOT_SOP_FILES = {"dokumen.toml", "pyproject.toml"}
_DOKUMEN_HEADER = re.compile(rb"(?m)^[ \t]*\[[ \t]*dokumen[ \t]*\]")


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
                if name.endswith(".toml") and name not in NOT_SOP_FILES and not is_dokumen_file(candidate):
                    yield candidate, path


def is_dokumen_file(path: str | os.PathLike[str]) -> bool:
    """A bound document description (docs/dokumen.md): a file named
    ``dokumen.toml``, or a TOML file whose top level has a ``[dokumen]`` table."""
    path = Path(path)
    if path.name == "dokumen.toml":
        return True
    if path.suffix != ".toml" or path.name.endswith(".sop.toml") or not path.is_file():
        return False
    try:
        data = path.read_bytes()
        # parse only the files that may match: every file of a folder walk is asked
        return bool(_DOKUMEN_HEADER.search(data)) and isinstance(tomllib.loads(data.decode("utf-8-sig")).get("dokumen"), dict)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
