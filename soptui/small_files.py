"""Reading the small text files a user's own settings name: the config file, a theme.

Such a path may hold anything: a FIFO would hold up the start of every
command, a device or a huge file would be read whole. They are opened
without blocking and read only when they are regular files of at most
``limit`` bytes. A refusal is an :class:`OSError`, so the callers that
already report an unreadable file report it too; its ``kind`` is the
catalogue key (``files.<kind>``) that words it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: A config file or theme holds a few dozen lines; a megabyte is far beyond any.
MAX_SETTINGS_FILE = 1024 * 1024


class Refused(OSError):
    """The path is no regular file (``kind`` ``not_regular``) or is over the limit (``too_large``)."""

    def __init__(self, kind: str, size: int = 0, limit: int = 0) -> None:
        super().__init__(kind)
        self.kind, self.size, self.limit = kind, size, limit


def read_text(path: Path, limit: int = MAX_SETTINGS_FILE) -> str:
    """The UTF-8 text of the regular file ``path``, never blocking on a FIFO or device."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(descriptor, "rb") as stream:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("not_regular")
        if info.st_size > limit:
            raise Refused("too_large", info.st_size, limit)
        data = stream.read(limit + 1)
    if len(data) > limit:  # it grew since
        raise Refused("too_large", len(data), limit)
    return data.decode("utf-8")
