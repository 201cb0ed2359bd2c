"""Which files of a folder are SOPs, and the library's file operations.

Copying, renaming and moving to ``.trash`` go through :mod:`soptui.confine`
at the moment they touch the disk: under ``--root`` a ``.trash`` or a target
that is a symlink leading out of the root is refused, never followed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path

from soptui import confine

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
        from soptui.loader import read_regular

        data, _ = read_regular(path)  # inside --root, never blocking
        # parse only the files that may match: every file of a folder walk is asked
        return bool(_DOKUMEN_HEADER.search(data)) and isinstance(tomllib.loads(data.decode("utf-8-sig")).get("dokumen"), dict)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def copy_file(source: Path, target: Path) -> None:
    """Copy an SOP file: read as a regular file (inside ``--root``), written whole as a
    new file (a symlink standing at ``target`` is replaced, never written through)."""
    from soptui.loader import read_regular
    from soptui.store import atomic_write

    data, mode = read_regular(source)
    atomic_write(target, data, mode)


def rename_file(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``, both inside ``--root`` (their folders resolved now)."""
    os.rename(confine.writing(source), confine.writing(target))


def move_to_trash(path: Path, folder: Path) -> Path:
    """Move ``path`` into ``folder/.trash`` (made when missing), never over an earlier
    one; returns where it went. A ``.trash`` leading out of ``--root`` is refused."""
    trash = confine.reading(folder / ".trash")
    trash.mkdir(exist_ok=True)
    target = trash / path.name
    if target.exists() or target.is_symlink():
        target = trash / f"{dt.datetime.now():%Y%m%d-%H%M%S}-{path.name}"
    rename_file(path, target)
    return target
