"""Which plugins are installed: the ``soptui`` entry points, remembered between starts.

``importlib.metadata`` finds entry points by reading the metadata of every
installed distribution, about 25 ms that ``soptui check`` on a pre-commit
hook would pay on every commit. What it finds is kept in one small file in
the user's cache folder, keyed on what installing, upgrading or removing a
distribution changes: each ``*.dist-info`` and ``*.egg-info`` folder on
``sys.path``, by name and modification time (pip writes a fresh folder for
every install). A change is seen on the very next start; a cache that is
missing, stale, unreadable or unwritable costs only the time of a full scan
(:mod:`soptui.user_cache`).
Editing an installed ``entry_points.txt`` in place, which no installer does,
is not seen until the next install.
"""

from __future__ import annotations

import os
import sys
from typing import NamedTuple

from soptui import user_cache

CACHE_FORMAT = 1


class Found(NamedTuple):
    """One ``soptui`` entry point and the distribution that declares it."""

    name: str
    value: str  # "module" or "module:attribute"
    distribution: str  # "" when unknown
    version: str


def installed() -> list[Found]:
    """The ``soptui`` entry points of the distributions on ``sys.path``, by name, each distribution once."""
    key = _key()
    cached = _read(key)
    if cached is not None:
        return cached
    found = _scan()
    user_cache.write(_cache_name(), {"format": CACHE_FORMAT, "key": key, "found": found})
    return found


def load(found: Found) -> object:
    """What the entry point names, imported as ``importlib.metadata`` would."""
    import importlib

    module_name, _, attributes = found.value.partition(":")
    target: object = importlib.import_module(module_name.strip())
    for attribute in filter(None, attributes.strip().split(".")):
        target = getattr(target, attribute)
    return target


def _key() -> list[list]:
    """What an install or removal changes: the metadata folders of each ``sys.path`` entry
    that has any, with their modification times (entries without any are left out, so that
    ``python -m soptui`` keys alike from every working folder)."""
    key: list[list] = []
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as children:
                folders = sorted([child.name, child.stat().st_mtime_ns] for child in children
                                 if child.name.lower().endswith(("dist-info", "egg-info")))
        except OSError:  # not a folder (a zip, a missing path): its mtime, so a new zip is seen
            try:
                folders = [[None, os.stat(entry).st_mtime_ns]]
            except OSError:
                continue
        if folders:
            key.append([entry, folders])
    return key


def _scan() -> list[Found]:
    """The full scan, through ``importlib.metadata``."""
    from importlib import metadata

    found: dict[tuple[str, str, str], Found] = {}
    described: dict[int, tuple[str, str]] = {}  # id(dist) -> name, version: each METADATA parsed once
    for entry_point in metadata.entry_points(group="soptui"):
        dist = entry_point.dist
        if dist is not None and id(dist) not in described:
            about = dist.metadata  # parsed anew at each access: soptui's holds the whole README
            described[id(dist)] = (about["Name"] or "", about["Version"] or "")
        name, version = described[id(dist)] if dist is not None else ("", "")
        # the same distribution found twice on sys.path counts once
        found.setdefault((entry_point.name, name, entry_point.value), Found(entry_point.name, entry_point.value,
                                                                            name, version))
    return sorted(found.values(), key=lambda each: each.name)  # stable: distributions in sys.path order


def _cache_name() -> str:
    """One file per Python environment, so two virtual environments do not undo each other's."""
    import zlib

    return f"plugins-{zlib.crc32(f'{sys.prefix}|{sys.version}'.encode()):08x}.json"


def _read(key: list[list]) -> list[Found] | None:
    cached = user_cache.read(_cache_name())
    try:
        if cached["format"] != CACHE_FORMAT or cached["key"] != key:
            return None
        return [Found(*map(str, entry)) for entry in cached["found"] if len(entry) == len(Found._fields)]
    except (KeyError, TypeError):
        return None
