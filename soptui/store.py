"""Saving an SOP: lossless, atomic, and never over somebody else's change.

- A file whose model did not change is written back byte for byte.
- An edited file is patched: the loaded text is parsed with ``tomlkit`` and
  only the keys whose value differs from the baseline taken at load time are
  rewritten, so comments, key order, blank lines and quoting elsewhere stay.
  Rows of ``pelaksana`` and ``langkah`` are matched by ``id``, so a moved or
  inserted step keeps the comments of the others.
- A new file is written with ``tomli-w`` in the format's key order.
- Every write goes to a temporary file in the same folder, is flushed and
  fsynced, takes the old file's permissions, then is renamed over the old one.
- If the file on disk is no longer what was loaded, :class:`FileChangedOnDisk`
  is raised; the caller decides (reload, overwrite with ``force``, save as).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

import tomli_w
import tomlkit
from tomlkit.items import AoT, Table

from soptui.loader import Source
from soptui.model import Sop
from soptui.serialize import to_dict


class FileChangedOnDisk(Exception):
    """The file was changed (or removed) by someone else since it was loaded."""

    def __init__(self, path: Path, removed: bool = False) -> None:
        self.path = path
        self.removed = removed
        super().__init__(f"{path}: {'removed' if removed else 'changed'} on disk since it was loaded")


class FileExists(Exception):
    """A new file would replace a file that is already there."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path}: already exists")


def render(sop: Sop, source: Source | None) -> bytes:
    """The bytes to write for ``sop``, patching ``source`` when there is one."""
    new = to_dict(sop)
    if source is None or source.baseline is None:
        return new_file_text(new).encode("utf-8")
    if new == source.baseline:
        return source.data
    document = tomlkit.parse(source.text)
    _patch_table(document, source.baseline, new)
    prefix = b"\xef\xbb\xbf" if source.data.startswith(b"\xef\xbb\xbf") else b""
    return prefix + tomlkit.dumps(document).encode("utf-8")


def new_file_text(data: dict[str, Any]) -> str:
    """A new file, laid out like a hand-written one: plain keys first, then
    tables, then every row as its own ``[[table]]`` (tomli-w would inline
    short rows)."""
    plain = {k: v for k, v in data.items() if not _is_rows(v)}
    chunks = [tomli_w.dumps(plain)]
    for key, rows in data.items():
        if not _is_rows(rows):
            continue
        if any(_is_rows(value) for row in rows for value in row.values()):
            chunks.append(tomli_w.dumps({key: rows}))  # rows within rows: let tomli-w place them
            continue
        chunks.extend(_row_text(key, row) for row in rows)
    return "\n".join(chunk.rstrip("\n") + "\n" for chunk in chunks)


def _row_text(key: str, row: dict[str, Any]) -> str:
    """One ``[[key]]`` row; a sub-table (``evaluasi.jawaban``) follows as ``[key.name]``.

    An inline array written after earlier ``[[tables]]`` would land inside
    the last of them, so rows are always written as tables."""
    plain = {name: value for name, value in row.items() if not isinstance(value, dict)}
    text = f"[[{key}]]\n{tomli_w.dumps(plain)}"
    for name, value in row.items():
        if isinstance(value, dict):
            text += f"\n[{key}.{name}]\n{tomli_w.dumps(value)}"
    return text


def save(sop: Sop, path: str | os.PathLike[str], source: Source | None = None, force: bool = False) -> Source:
    """Write ``sop`` to ``path``; return the new :class:`Source` to edit on from.

    Without ``force``: raises :class:`FileChangedOnDisk` when ``source`` is
    given and the file is no longer what was loaded, and :class:`FileExists`
    when there is no ``source`` and the file exists.
    """
    path = Path(path)
    same_file = source is not None and Path(source.path).resolve() == path.resolve()
    if not force:
        _refuse_conflict(path, source if same_file else None)
    data = render(sop, source)
    mode = _mode_of(path, source)
    atomic_write(path, data, mode)
    return Source(path, data, hashlib.sha256(data).hexdigest(), mode, sop)


def atomic_write(path: Path, data: bytes, mode: int | None = None, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves old or new, never half.

    ``durable=False`` skips the two fsyncs (about 2 ms a file): for batch
    export, which writes thousands of outputs and syncs once at the end.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    if durable:
        _fsync_folder(path.parent)


def _refuse_conflict(path: Path, source: Source | None) -> None:
    if source is None:
        if path.exists():
            raise FileExists(path)
        return
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        raise FileChangedOnDisk(path, removed=True) from None
    if hashlib.sha256(current).hexdigest() != source.sha256:
        raise FileChangedOnDisk(path)


def _mode_of(path: Path, source: Source | None) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        if source is not None and source.mode is not None:
            return source.mode
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _patch_table(table: Any, old: dict[str, Any], new: dict[str, Any]) -> None:
    """Make ``table`` (a tomlkit container) hold ``new``, touching only changes."""
    for key in [k for k in old if k not in new]:
        if key in table:
            del table[key]
    for key, value in new.items():
        if key in old and old[key] == value and key in table:
            continue
        before = old.get(key)
        current = table.get(key) if key in table else None
        if isinstance(value, dict) and isinstance(before, dict) and isinstance(current, (Table, dict)):
            _patch_table(current, before, value)
        elif _is_rows(value) and _is_rows(before) and isinstance(current, AoT):
            _patch_rows(current, before, value)
        else:
            table[key] = _item(value)


def _patch_rows(rows: AoT, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> None:
    """Patch an array of tables, matching rows by ``id`` (or by position)."""
    by_id = {row.get("id"): (row, table) for row, table in zip(old, rows) if "id" in row}
    result = []
    for index, row in enumerate(new):
        if "id" in row and row["id"] in by_id:
            before, table = by_id.pop(row["id"])
        elif "id" not in row and index < len(old) and index < len(rows):
            before, table = old[index], rows[index]
        else:
            table = _item(row)
            table.add(tomlkit.nl())
            result.append(table)
            continue
        _patch_table(table, before, row)
        result.append(table)
    if [id(t) for t in result] != [id(t) for t in rows]:
        rows.clear()
        for table in result:
            rows.append(table)


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _item(value: Any) -> Any:
    if isinstance(value, dict):
        table = tomlkit.table()
        for key, item in value.items():
            table[key] = _item(item)
        return table
    if _is_rows(value):
        rows = tomlkit.aot()
        for row in value:
            rows.append(_item(row))
        return rows
    return tomlkit.item(value)
