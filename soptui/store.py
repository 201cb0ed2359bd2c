"""Saving an SOP: lossless, atomic, and never over somebody else's change.

- A file whose model did not change is written back byte for byte.
- An edited file is patched: the loaded text is parsed with ``tomlkit`` and
  only the keys whose value differs from the baseline taken at load time are
  rewritten, so comments, key order, blank lines and quoting elsewhere stay.
  Rows of ``pelaksana`` and ``langkah`` are matched by ``id``, so a moved or
  inserted step keeps the comments of the others.
- A new file is written with ``tomli-w`` in the format's key order.
- Only what the user changed is written: a key whose value equals the
  baseline is never written (so a default such as ``jenis`` or a
  placeholder id the loader gave a row without ``id`` stays out of the
  file); a row whose ``id`` was renamed is matched to its old row by its
  other values and keeps its comments; a CRLF file stays CRLF.
- Every write goes to a temporary file in the same folder, is flushed and
  fsynced, takes the old file's permissions, then is renamed over the old one.
- If the file on disk is no longer what was loaded, :class:`FileChangedOnDisk`
  is raised; the caller decides (reload, overwrite with ``force``, save as).
- A read-only file is never replaced (:class:`ReadOnly`, even with
  ``force``), and a model the TOML writer cannot write is refused with
  :class:`CannotWrite` before anything touches the disk.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeGuard

import tomli_w
import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Table

from soptui import confine
from soptui.loader import Source, parse_untrusted, read_regular
from soptui.model import Sop
from soptui.placement import add_key
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


class ReadOnly(Exception):
    """The file is write-protected (no write permission bit): it is not replaced."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path}: read-only")


class CannotWrite(Exception):
    """The TOML writer cannot write this model (``reason`` says why); nothing was written."""

    def __init__(self, path: Path | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: cannot be written as TOML: {reason}" if path else reason)


#: What the TOML libraries raise on a model they cannot write: tomlkit
#: refuses values nested over 100 deep, tomli-w recurses per level.
WRITER_ERRORS = (TOMLKitError, RecursionError, ValueError, TypeError)


def render(sop: Sop, source: Source | None) -> bytes:
    """The bytes to write for ``sop``, patching ``source`` when there is one.

    Raises :class:`CannotWrite` when the TOML writer refuses the model.
    """
    try:
        return _render(sop, source)
    except WRITER_ERRORS as error:
        reason = str(error) or type(error).__name__
        raise CannotWrite(source.path if source else None, reason) from None


def _render(sop: Sop, source: Source | None) -> bytes:
    new = to_dict(sop)
    if source is None or source.baseline is None:
        return new_file_text(new).encode("utf-8")
    if new == source.baseline:
        return source.data
    document = tomlkit.parse(source.text)
    _patch_table(document, source.baseline, new)
    text = tomlkit.dumps(document)
    if _uses_crlf(source.data):
        text = _BARE_LF.sub("\r\n", text)  # the lines tomlkit added end as the file's do
    prefix = b"\xef\xbb\xbf" if source.data.startswith(b"\xef\xbb\xbf") else b""
    return prefix + text.encode("utf-8")


_BARE_LF = re.compile(r"(?<!\r)\n")


def _uses_crlf(data: bytes) -> bool:
    """True for a file whose every line ends in CRLF (a mixed file is left as tomlkit writes it)."""
    return b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")


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


def save(
    sop: Sop,
    path: str | os.PathLike[str],
    source: Source | None = None,
    force: bool = False,
    create: bool = False,
) -> Source:
    """Write ``sop`` to ``path``; return the new :class:`Source` to edit on from.

    Without ``force``: raises :class:`FileChangedOnDisk` when ``source`` is
    the file at ``path`` and it is no longer what was loaded, and
    :class:`FileExists` when ``path`` is another file (or ``create``: a new
    file, whose ``source`` is only the text to patch, e.g. the template)
    and it exists. Always: :class:`ReadOnly` for a write-protected file,
    :class:`CannotWrite` when the model cannot be written as TOML.
    """
    path = Path(path)
    same_file = not create and source is not None and Path(source.path).resolve() == path.resolve()
    if not force:
        _refuse_conflict(path, source if same_file else None)
    refuse_read_only(path)
    data = render(sop, source)
    _refuse_unreadable(data, path, source)
    fallback = None if source is None or source.mode is None else source.mode | stat.S_IWUSR
    mode = file_mode(path, fallback)  # a copy saved from a read-only file is writable
    atomic_write(path, data, mode)
    return Source(path, data, hashlib.sha256(data).hexdigest(), mode, sop)


def _refuse_unreadable(data: bytes, path: Path, source: Source | None) -> None:
    """Raise :class:`CannotWrite` when the loader would refuse ``data`` (a name typed past its limit in the
    editor): saved, the file could not be opened again by soptui. The reason is the loader's first finding."""
    if source is not None and data == source.data:
        return  # written back as it was read
    raw, _, findings = parse_untrusted(data, str(path))
    if raw is None:
        raise CannotWrite(path, findings[0].message() if findings else "")


def refuse_read_only(path: Path) -> None:
    """Raise :class:`ReadOnly` when ``path`` exists without any write permission.

    The atomic rename needs only the folder to be writable, so without this
    a 0444 file would be silently replaced. The mode bits are read rather
    than ``os.access``, which says yes to root for every file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(path, os.W_OK)):
        raise ReadOnly(path)


def atomic_write(path: Path, data: bytes, mode: int | None = None, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves old or new, never half.

    ``durable=False`` skips the two fsyncs (about 2 ms a file): for batch
    export, which writes thousands of outputs and syncs once at the end.
    The temporary file is named after the writing process, so one left by a
    process killed half way is recognised and removed by the next write
    (:func:`_remove_orphans`). Under ``--root`` the folder must lie inside
    the root, checked now and again on the open temporary file
    (:mod:`soptui.confine`): a symlinked folder never takes the write out.
    """
    path = confine.writing(path)
    _remove_orphans(path)
    with _ctrl_c_held_back():
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                confine.inside(handle, path)
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
        _fsync(path.parent)


def _refuse_conflict(path: Path, source: Source | None) -> None:
    if source is None:
        if path.exists():
            raise FileExists(path)
        return
    try:
        current, _ = read_regular(path)  # confined, never blocking
    except FileNotFoundError:
        raise FileChangedOnDisk(path, removed=True) from None
    if hashlib.sha256(current).hexdigest() != source.sha256:
        raise FileChangedOnDisk(path)


def file_mode(path: Path, fallback: int | None = None) -> int:
    """The permissions to write ``path`` with: its own, else ``fallback``
    (the mode of the file it was saved from), else what ``open()`` gives a
    new file under the umask (``mkstemp`` makes temporary files private)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return fallback if fallback is not None else 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where Linux tells it
    (``os.umask`` sets it for every thread while it is being read)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o22)
    os.umask(umask)
    return umask


@contextmanager
def _ctrl_c_held_back() -> Iterator[None]:
    """Ctrl+C waits until the block is done, so a write ends whole or not at all (a Ctrl+C
    landing inside ``mkstemp`` would leave a temporary file nobody knows the name of).
    Only in the main thread with Python's own handler; elsewhere signals never land."""
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return
    pressed: list[int] = []
    signal.signal(signal.SIGINT, lambda number, frame: pressed.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if pressed:
            raise KeyboardInterrupt


def _remove_orphans(path: Path) -> None:
    """Remove the temporary files left in ``path``'s folder by writers that were killed
    (their process is gone); once per folder and process, as a batch writes thousands."""
    folder = path.parent
    if folder in _swept:
        return
    _swept.add(folder)
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.startswith(".") and entry.name.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        parts = name[1:-4].rsplit(".", 2)  # ".{name}.{pid}.{random}.tmp"
        if len(parts) == 3 and parts[1].isdigit() and not _alive(int(parts[1])):
            try:
                os.unlink(folder / name)
            except OSError:
                pass


_swept: set[Path] = set()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def flush_to_disk(paths: Iterable[Path]) -> None:
    """fsync each of ``paths`` and each of their folders once: for many files written with
    ``durable=False``, made durable together before they are published (never ``os.sync``,
    which on a shared server waits for every other user's writes too)."""
    paths = list(paths)
    for path in [*paths, *dict.fromkeys(path.parent for path in paths)]:
        _fsync(path)


def _fsync(folder: Path) -> None:
    """fsync a folder (or a file): best effort, as not every file system allows it."""
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
    """Make ``table`` (a tomlkit container) hold ``new``, touching only changes.

    A key whose value is the baseline's is left alone even when the table
    does not hold it: it is a default or a placeholder the loader filled in
    (``jenis``, the ``id`` of a row without one), not something to write."""
    for key in [k for k in old if k not in new]:
        if key in table:
            del table[key]
    for key, value in new.items():
        if key in old and old[key] == value:
            continue
        before = old.get(key)
        current = table.get(key) if key in table else None
        if isinstance(value, dict) and isinstance(before, dict) and isinstance(current, (Table, dict)):
            _patch_table(current, before, value)
        elif _is_rows(value) and _is_rows(before) and isinstance(current, AoT):
            _patch_rows(current, before, value)
        elif key in table:
            table[key] = _item(value)
        else:
            add_key(table, key, _item(value))  # by its commented example, not under the next table's comments


def _patch_rows(rows: AoT, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> None:
    """Patch an array of tables, each new row patched into the old row it came from."""
    pairs = _pair_rows(old[: len(rows)], new)
    result = []
    for index, row in enumerate(new):
        if index in pairs:
            before = pairs[index]
            table = rows[before]
            _patch_table(table, old[before], row)
        else:
            table = _item(row)
            table.add(tomlkit.nl())
        result.append(table)
    if [id(t) for t in result] != [id(t) for t in rows]:
        rows.clear()
        for table in result:
            rows.append(table)


#: How many unmatched old rows, nearest first, a renamed row is compared with.
NEAREST_ROWS = 64


def _pair_rows(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> dict[int, int]:
    """For each new row that came from an old one, the old row's index.

    Rows are matched by ``id`` (the same id twice: in order), rows without
    one (records) by being equal. Then a row whose ``id`` was renamed, or a
    record that was edited, is matched to the nearby unmatched old row
    sharing most of its other values; a row left over takes the unmatched
    old row at its position when it is a record or no row was added or
    removed (its id and all else changed in place). So the row keeps its
    comments and key order."""
    pairs: dict[int, int] = {}
    waiting: dict[Any, list[int]] = {}
    for index, row in enumerate(old):
        waiting.setdefault(_row_key(row, index), []).append(index)
    for index, row in enumerate(new):
        same = waiting.get(_row_key(row, index))
        if same:
            pairs[index] = same.pop(0)
    free = sorted(set(range(len(old))) - set(pairs.values()))
    for index, row in enumerate(new):
        if index in pairs or not free:
            continue
        start = bisect.bisect_left(free, index)
        nearby = free[max(0, start - NEAREST_ROWS // 2) : start + NEAREST_ROWS // 2]
        shared, _, before = max((_shared_values(old[i], row), -abs(i - index), i) for i in nearby)
        if not (shared and 2 * shared >= len(row) - ("id" in row)):
            in_place = "id" not in row or len(new) == len(old)  # a record, or a row replaced where it stood
            before = index if in_place and index in free[start : start + 1] and ("id" in row) == ("id" in old[index]) else -1
        if before >= 0:
            pairs[index] = before
            free.remove(before)
    return pairs


def _row_key(row: dict[str, Any], index: int) -> Any:
    """What makes two rows the same row: the ``id``, or (rows without a usable one) all values."""
    if isinstance(row.get("id"), str):
        return ("id", row["id"])
    if "id" in row:
        return ("row", index)  # an id of the wrong type: never matched by it
    return ("values", repr(row))


def _shared_values(old: dict[str, Any], new: dict[str, Any]) -> int:
    return sum(1 for key, value in new.items() if key != "id" and key in old and old[key] == value)


def _is_rows(value: Any) -> TypeGuard[list[dict[str, Any]]]:
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
