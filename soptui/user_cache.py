"""Files soptui keeps in the user's cache folder to start faster (:mod:`soptui.discovery`, :mod:`soptui.text_cache`).

Each holds only what soptui can work out again, as JSON: one that is missing,
broken or cannot be written costs the time of working it out, never a wrong
answer or an error. A file is read without blocking (a FIFO in its place
would hold up every start) and written whole or not at all (a temporary file
renamed), so a process starting meanwhile reads the old one or the new.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from soptui.small_files import read_text

#: soptui.confine.ROOT_VARIABLE, set whenever a confinement holds (named here: confine words its
#: refusals through the catalogue, which reads its texts through this cache)
CONFINED_VARIABLE = "SOPTUI_CONFINED_ROOT"
LIMIT = 16 * 1024 * 1024  # far beyond any: the texts of soptui and a dozen plugins are a few hundred kB


def path_of(name: str) -> Path | None:
    from soptui.settings import cache_dir

    try:
        return cache_dir() / name
    except RuntimeError:  # no home folder to be found
        return None


def read(name: str) -> Any:
    """The value kept under ``name``, or ``None``."""
    path = path_of(name)
    try:
        return json.loads(read_text(path, LIMIT)) if path is not None else None
    except (OSError, ValueError):
        return None


def write(name: str, value: Any) -> None:
    """Keep ``value`` under ``name``, if the cache folder can be written; a confined process
    (``--root``) writes nothing here, its root being the only place it may write."""
    path = path_of(name)
    if path is None or os.environ.get(CONFINED_VARIABLE):
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:  # no folder could be made: nothing was written
            pass
