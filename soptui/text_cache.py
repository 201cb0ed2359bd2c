"""The TOML texts read on every start (soptui's catalogue, each plugin's texts), parsed once.

Every command reads its language's catalogue and every plugin's texts before
it prints a word: about 8 ms of TOML parsing that gives the same tables until
a file changes. The tables are kept in the user's cache folder
(:mod:`soptui.user_cache`), each under its file's path with the file's size
and modification time, and used only while both are unchanged: an edited
file is parsed again at once. What a process parsed is written when it
exits, with the entries of files it did not read that still exist (the
other language's).
"""

from __future__ import annotations

import atexit
import os
from pathlib import Path
from typing import Any

from soptui import user_cache

CACHE_NAME = "texts.json"

_entries: dict[str, Any] | None = None  # path -> [[mtime_ns, size], table], read on first use
_read: set[str] = set()  # the paths this process asked for
_read_anew: set[str] = set()  # those it parsed: the cache is written at exit when there are any


def read_toml(path: Path) -> dict[str, Any]:
    """The TOML file at ``path`` parsed; reading it raises as opening and parsing it would."""
    stat = os.stat(path)
    stamp = [stat.st_mtime_ns, stat.st_size]
    entries = _cached()
    key = os.path.abspath(path)
    _read.add(key)
    kept = entries.get(key)
    if isinstance(kept, list) and len(kept) == 2 and kept[0] == stamp and isinstance(kept[1], dict):
        return kept[1]
    import tomli  # compiled, 3-4x faster than tomllib; these are soptui's and its plugins' own files

    with open(path, "rb") as handle:
        table = tomli.load(handle)
    if _plain(table):  # JSON holds it as it is (no dates)
        if not _read_anew:
            atexit.register(_save)
        _read_anew.add(key)
        entries[key] = [stamp, table]
    return table


def _cached() -> dict[str, Any]:
    global _entries
    if _entries is None:
        kept = user_cache.read(CACHE_NAME)
        _entries = kept if isinstance(kept, dict) else {}
    return _entries


def _plain(value: object) -> bool:
    if isinstance(value, dict):
        return all(isinstance(key, str) and _plain(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_plain(item) for item in value)
    return isinstance(value, (str, int, float, bool))


def _save() -> None:
    """Write what this process parsed, with the kept entries of files that still exist."""
    if _entries is not None:
        user_cache.write(CACHE_NAME, {key: value for key, value in _entries.items()
                                      if key in _read or os.path.exists(key)})
