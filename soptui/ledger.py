"""What each output of ``soptui export`` was made from, kept beside the outputs.

An output is up to date when it is still the file the ledger recorded (same
size and modification time) and was made from a source with the same bytes,
by the same exporter with the same options. Times alone are not enough: a
file copied in from another unit can be older than an output made from a
different file of the same name. The ledger is one JSON file at the top of
the output folder; a missing or unreadable ledger only means every output is
made again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from soptui.store import atomic_write

NAME = ".soptui-ekspor"  # JSON inside; no .json suffix, so globs for exports never take it
VERSION = 1


def recipe(format_name: str, plugin: str, version: str, options: dict[str, object]) -> str:
    """A short fingerprint of how an output is made: a change of exporter, its version or an option redoes it."""
    text = json.dumps([format_name, plugin, version, sorted((k, repr(v)) for k, v in options.items())])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Ledger:
    """The record of one output folder, read once, written back after the batch."""

    def __init__(self, out_dir: Path, recipes: dict[str, str]) -> None:
        self.path = out_dir / NAME
        self.out_dir = out_dir
        self.recipes = recipes  # format name -> recipe()
        self.entries: dict[str, dict[str, object]] = self._read()
        self.changed = False

    def _read(self) -> dict[str, dict[str, object]]:
        """The entries, read as a source is (a regular file, never blocking, inside ``--root``): a FIFO put in
        the ledger's place would otherwise hang every export into the folder."""
        from soptui.loader import read_regular

        try:
            data = json.loads(read_regular(self.path)[0])
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("versi") != VERSION or not isinstance(data.get("keluaran"), dict):
            return {}
        return {k: v for k, v in data["keluaran"].items() if isinstance(v, dict)}

    def _key(self, output: Path) -> str:
        return os.path.relpath(output, self.out_dir)

    def up_to_date(self, output: Path, format_name: str, source_sha256: str) -> bool:
        entry = self.entries.get(self._key(output))
        if entry is None:
            return False
        try:
            stat = output.stat()
        except OSError:
            return False
        return (entry.get("sumber") == source_sha256 and entry.get("resep") == self.recipes.get(format_name)
                and entry.get("ukuran") == stat.st_size and entry.get("waktu_ns") == stat.st_mtime_ns)

    def record(self, output: Path, format_name: str, source_sha256: str) -> None:
        try:
            stat = output.stat()
        except OSError:
            return
        self.entries[self._key(output)] = {"sumber": source_sha256, "resep": self.recipes.get(format_name),
                                           "ukuran": stat.st_size, "waktu_ns": stat.st_mtime_ns}
        self.changed = True

    def save(self) -> None:
        """Write the record back, merged with what another batch may have written meanwhile."""
        if not self.changed:
            return
        merged = {**self._read(), **self.entries}
        data = json.dumps({"versi": VERSION, "keluaran": merged}, ensure_ascii=False, indent=0, sort_keys=True)
        atomic_write(self.path, data.encode("utf-8"), 0o644, durable=False)
        self.changed = False


def source_hash(path: Path) -> str | None:
    """The SHA-256 of a source file's bytes as the loader reads them (a regular file,
    never blocking), or ``None`` when it cannot be read: the file is then exported,
    and fails there with the loader's message."""
    from soptui.loader import read_regular

    try:
        return hashlib.sha256(read_regular(path)[0]).hexdigest()
    except OSError:
        return None
