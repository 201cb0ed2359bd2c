"""Where soptui may read and write: everywhere, or only inside ``--root``.

``soptui --root DIR`` is meant for an SSH forced command: the person at the
other end must not reach any file outside DIR, whether by typing ``..``, an
absolute path, or through a symlink that points out (placed by a ``git
pull`` or another unit). The confinement holds for the whole process: the
editor sets it once (:func:`confine`), and every file operation asks it at
the moment it touches the disk, so a path checked when it was typed (the
editor's :class:`Confinement`, ``Jail``) is checked again when it is used,
symlinks resolved afresh: :func:`reading` and :func:`open_descriptor` in the
loader, :func:`writing` in ``store.atomic_write``, the recovery file, the
library's rename, copy and delete and the config, :func:`open_linked` for
the files an SOP points to (the logo). Unconfined they change nothing.
Nothing here imports Textual. The root is passed to child processes (a
worker that renders an export) in the environment, so they are confined too.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

#: Where a confined process tells its children the root (read once, at import).
ROOT_VARIABLE = "SOPTUI_CONFINED_ROOT"

#: The largest file an SOP may point to (a logo): a scanned logo is a few
#: hundred kB; anything larger is refused rather than read into memory.
LINKED_FILE_LIMIT = 10 * 1024 * 1024


class OutsideRoot(PermissionError):
    """A path that resolves outside the folder soptui is confined to.

    A ``PermissionError``, so code that handles a file it may not touch (a
    save, a rename, loading) handles this too; ``strerror`` is the reason in
    the user's language, the same whatever lies outside.
    """

    def __init__(self, path: Path, root: Path) -> None:
        from soptui.i18n import t

        super().__init__(errno.EACCES, t("confine.outside_root"))
        self.path = path
        self.root = root


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
        full = _resolved(given if given.is_absolute() else self.base / given)
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
        entry = _resolved(full.parent) / full.name
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


def _resolved(path: Path) -> Path:
    """``path.resolve()``; a symlink loop is an ``OSError`` (ELOOP), as opening it would be."""
    try:
        return path.resolve()
    except RuntimeError:  # Python before 3.13 reports a loop so
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from None


def _inherited() -> Confinement | None:
    """The confinement a parent process passed down (:data:`ROOT_VARIABLE`), if any."""
    root = os.environ.get(ROOT_VARIABLE)
    return Confinement(Path.cwd(), Path(root)) if root else None


_current: Confinement | None = _inherited()


def confine(confinement: Confinement | None) -> None:
    """Make ``confinement`` hold for every file operation of this process and
    of the processes it starts (``None``: none)."""
    global _current
    _current = confinement if confinement is not None and confinement.confined else None
    if _current is not None:
        os.environ[ROOT_VARIABLE] = str(_current.root)
    else:
        os.environ.pop(ROOT_VARIABLE, None)


def reading(path: str | os.PathLike[str]) -> Path:
    """The path to open and read: under a root resolved now (symlinks followed) and
    inside it, else :class:`OutsideRoot`; unconfined, ``path`` as given."""
    return Path(path) if _current is None else _current.check(path)


def writing(path: str | os.PathLike[str]) -> Path:
    """The path to replace, rename or remove: under a root its folder resolved now and
    inside it (the name itself is never followed), else :class:`OutsideRoot`;
    unconfined, ``path`` as given."""
    return Path(path) if _current is None else _current.check_entry(path)


def open_descriptor(path: str | os.PathLike[str], flags: int) -> int:
    """``os.open(path, flags)``, confined: under a root the path is resolved now, its
    last part is never followed (a symlink put there since is refused) and where the
    descriptor really leads is checked again (:func:`inside`)."""
    if _current is None:
        return os.open(path, flags)
    resolved = _current.check(path)
    descriptor = os.open(resolved, flags | getattr(os, "O_NOFOLLOW", 0))
    try:
        inside(descriptor, resolved)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def inside(descriptor: int, path: Path) -> None:
    """Raise :class:`OutsideRoot` when the open file ``descriptor`` (opened as ``path``)
    lies outside the root: a folder swapped for a symlink between check and open."""
    if _current is not None and _current.root is not None and not _opened_inside(descriptor, _current):
        raise OutsideRoot(path, _current.root)


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
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        path = reading(path)
        if not stat.S_ISREG(os.stat(path).st_mode):  # before opening: opening a device can act
            raise LinkedFileError(t("confine.not_regular"))
        descriptor = open_descriptor(path, flags)
    except LinkedFileError:
        raise
    except OutsideRoot:
        raise LinkedFileError(t("confine.outside")) from None
    except OSError as error:  # under a root, ``path`` is inside it: its reason tells nothing of outside
        if _current is not None and error.errno == errno.ELOOP:
            raise LinkedFileError(t("confine.outside")) from None  # swapped for a symlink since resolved
        raise LinkedFileError(error.strerror or str(error)) from None
    try:
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
