"""Where soptui may read and write: everywhere, or only inside ``--root``.

``soptui --root DIR`` is meant for an SSH forced command: the person at the
other end must not reach any file outside DIR, whether by typing ``..``, an
absolute path, or through a symlink that points out (placed by a ``git
pull`` or another unit). The confinement holds for the whole process: the
editor sets it once (:func:`confine`), and every file operation asks
:func:`check` at the moment it touches the disk, so a path checked when it
was typed is checked again when it is used, symlinks resolved afresh.

Unconfined, :func:`check` only makes the path absolute. Nothing here imports
Textual: saving, recovery, exports and the files an SOP points to (the logo,
:func:`open_linked`) use it outside the editor too.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

#: The largest file an SOP may point to (a logo): a scanned logo is a few
#: hundred kB; anything larger is refused rather than read into memory.
LINKED_FILE_LIMIT = 10 * 1024 * 1024


class OutsideRoot(Exception):
    """A path that resolves outside the folder soptui is confined to."""

    def __init__(self, path: Path, root: Path) -> None:
        self.path = path
        self.root = root
        super().__init__(f"{path} is outside {root}")


class LinkedFileError(OSError):
    """A file the SOP points to cannot be used; ``str(error)`` is the reason for the user
    (an ``OSError``, so code that handles an unreadable file handles this too).

    Outside the root the reason is always the same sentence: it never tells
    whether something exists there.
    """


class Confinement:
    """Resolves paths against a base folder, refusing escapes from ``root``."""

    def __init__(self, base: Path, root: Path | None = None) -> None:
        """``base`` is where relative paths start (the working folder); under a
        root it must lie inside, else the root is the base: a forced command
        ``soptui --root /srv/sop`` started in the user's home opens the root."""
        self.root = root.resolve() if root is not None else None
        base = base.resolve()
        self.base = self.root if self.root is not None and not base.is_relative_to(self.root) else base

    @property
    def confined(self) -> bool:
        return self.root is not None

    def check(self, path: str | os.PathLike[str]) -> Path:
        """The resolved path, relative paths taken from the base folder.

        Raises :class:`OutsideRoot` when confined and the path (after ``..``
        and symlinks, resolved now) is not inside the root.
        """
        given = Path(path).expanduser() if self.root is None else Path(path)
        full = (given if given.is_absolute() else self.base / given).resolve()
        self._refuse_outside(full)
        return full

    def check_entry(self, path: str | os.PathLike[str]) -> Path:
        """Like :meth:`check` for a name that is replaced, renamed or removed
        rather than followed: its folder is resolved, the name itself is kept
        (a symlink inside the root is moved or replaced as a link, never
        followed out)."""
        given = Path(path).expanduser() if self.root is None else Path(path)
        full = given if given.is_absolute() else self.base / given
        if full.name in ("", ".", ".."):
            return self.check(full)
        entry = full.parent.resolve() / full.name
        self._refuse_outside(entry)
        return entry

    def _refuse_outside(self, full: Path) -> None:
        if self.root is not None and not full.is_relative_to(self.root):
            raise OutsideRoot(full, self.root)

    def display(self, path: Path) -> str:
        """The path as shown to the user: relative to the root or base when inside it."""
        for folder in (self.root, self.base):
            if folder is not None and path.is_relative_to(folder):
                return str(path.relative_to(folder)) or "."
        return str(path)


_current: Confinement | None = None


def confine(confinement: Confinement | None) -> None:
    """Make ``confinement`` hold for every file operation of this process (``None``: none)."""
    global _current
    _current = confinement if confinement is not None and confinement.confined else None


def current() -> Confinement:
    """The confinement in force (unconfined, from the working folder, when none was set)."""
    return _current if _current is not None else Confinement(Path.cwd())


def root() -> Path | None:
    """The folder this process is confined to, or ``None``."""
    return _current.root if _current is not None else None


def check(path: str | os.PathLike[str]) -> Path:
    """``path`` resolved now; :class:`OutsideRoot` if it leads out of the root."""
    return current().check(path)


def check_entry(path: str | os.PathLike[str]) -> Path:
    """``path`` with its folder resolved now, for writing, renaming or removing it."""
    return current().check_entry(path)


def open_linked(base: Path | None, name: str, limit: int = LINKED_FILE_LIMIT) -> BinaryIO:
    """Open a file an SOP points to (``name``, relative to the folder ``base``).

    Only a regular file below ``limit`` bytes, and under a root only one
    inside it, is opened; the open never blocks (a FIFO or ``/dev/tty`` as a
    logo is refused, not waited on). Raises :class:`LinkedFileError` with
    the reason; under a root a path outside gets the same reason whether it
    exists or not.
    """
    from soptui.i18n import t

    if "\0" in name:
        raise LinkedFileError(t("confine.nul"))
    path = Path(name) if Path(name).is_absolute() else (base or Path.cwd()) / name
    confinement = current()
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if confinement.confined:
        try:
            path = confinement.check(path)
        except (OutsideRoot, OSError, RuntimeError):  # RuntimeError: a symlink loop on older Pythons
            raise LinkedFileError(t("confine.outside")) from None
        flags |= getattr(os, "O_NOFOLLOW", 0)  # resolved already: a symlink now is a swap
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before opening: opening a device can act
            raise LinkedFileError(t("confine.not_regular"))
        descriptor = os.open(path, flags)
    except LinkedFileError:
        raise
    except OSError as error:  # under a root, ``path`` is inside it: its reason tells nothing of outside
        raise LinkedFileError(error.strerror or str(error)) from None
    try:
        if confinement.confined and not _opened_inside(descriptor, confinement):
            raise LinkedFileError(t("confine.outside"))
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise LinkedFileError(t("confine.not_regular"))
        if info.st_size > limit:
            raise LinkedFileError(t("confine.too_large", size=info.st_size, limit=limit))
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_linked(base: Path | None, name: str, limit: int = LINKED_FILE_LIMIT) -> bytes:
    """The bytes of a file an SOP points to (see :func:`open_linked`); never more than ``limit``."""
    with open_linked(base, name, limit) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:  # it grew after the check
        from soptui.i18n import t

        raise LinkedFileError(t("confine.too_large", size=len(data), limit=limit))
    return data


def _opened_inside(descriptor: int, confinement: Confinement) -> bool:
    """Where the open file really is (Linux: ``/proc/self/fd``), inside the root.

    Closes the gap between resolving a path and opening it: a folder swapped
    for a symlink in between is caught here. Elsewhere the check before the
    open stands alone."""
    if not sys.platform.startswith("linux"):
        return True
    try:
        real = Path(os.readlink(f"/proc/self/fd/{descriptor}"))
    except OSError:
        return True
    return confinement.root is None or real.is_relative_to(confinement.root)
