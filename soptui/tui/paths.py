"""Where the editor may read and write: everywhere, or only inside ``--root``.

``soptui --root DIR`` is meant for an SSH forced command: the person at the
other end must not reach any file outside DIR, whether by typing ``..``, an
absolute path, or following a symlink that points out. Every path the user
gives (open, new, rename, duplicate, delete, save as, export) goes through
:meth:`Jail.check`, which resolves it fully before comparing.
"""

from __future__ import annotations

import os
from pathlib import Path


class OutsideRoot(Exception):
    """A path that resolves outside the folder the editor is confined to."""

    def __init__(self, path: Path, root: Path) -> None:
        self.path = path
        self.root = root
        super().__init__(f"{path} is outside {root}")


class Jail:
    """Resolves user paths against a base folder, refusing escapes from ``root``."""

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
        and symlinks) is not inside the root.
        """
        given = Path(path).expanduser() if self.root is None else Path(path)
        full = (given if given.is_absolute() else self.base / given).resolve()
        if self.root is not None and not full.is_relative_to(self.root):
            raise OutsideRoot(full, self.root)
        return full

    def display(self, path: Path) -> str:
        """The path as shown to the user: relative to the root or base when inside it."""
        for folder in (self.root, self.base):
            if folder is not None and path.is_relative_to(folder):
                return str(path.relative_to(folder)) or "."
        return str(path)
