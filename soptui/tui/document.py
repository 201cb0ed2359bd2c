"""One SOP open in the editor: its file, its history, saving and recovery.

Nothing here imports Textual, so the rules that keep work safe (lossless
save, conflict detection, the recovery file) are tested on their own.

The recovery file is ``.<name>.recover`` beside the SOP file: the bytes a
save would write now. The editor writes it every few seconds while there
are unsaved changes and removes it after a save or a clean close; finding
one when opening a file means the last session ended without saving.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from soptui.checks import check_loaded
from soptui.diagnostics import Finding
from soptui.loader import Loaded, Source, load, load_bytes
from soptui.model import Sop
from soptui.store import FileExists, atomic_write, render, save
from soptui.template import new_sop_text
from soptui.tui.history import History


class CannotOpen(Exception):
    """The file holds no SOP the editor can work on (syntax error, unreadable)."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        first = loaded.findings[0] if loaded.findings else None
        super().__init__(first.format_line() if first else str(loaded.path))


def recovery_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.recover")


@dataclass
class Document:
    """An SOP being edited: where it lives, what was read, and its history."""

    path: Path
    source: Source | None
    history: History
    is_new: bool = False

    @classmethod
    def open(cls, path: Path) -> Document:
        loaded = load(path)
        if loaded.sop is None:
            raise CannotOpen(loaded)
        return cls(path, loaded.source, History(loaded.sop))

    @classmethod
    def create(cls, path: Path, nama: str | None = None, nomor: str | None = None) -> Document:
        """A new SOP from the template, not yet on disk; the first save writes it."""
        text = new_sop_text(nama, nomor)
        loaded = load_bytes(text.encode("utf-8"), path)
        assert loaded.sop is not None and loaded.source is not None, "the template loads"
        return cls(path, loaded.source, History(loaded.sop), is_new=True)

    @property
    def sop(self) -> Sop:
        return self.history.current

    @property
    def dirty(self) -> bool:
        return self.is_new or self.history.dirty

    def render(self) -> bytes:
        """The bytes a save would write now."""
        return render(self.sop, self.source)

    def findings(self) -> list[Finding]:
        """What the checker says about the file as it would be saved now."""
        data = self.render()
        return check_loaded(load_bytes(data, self.path))

    def save(self, force: bool = False) -> None:
        """Write to ``path``; raises ``FileChangedOnDisk`` unless ``force``."""
        if self.is_new:
            if self.path.exists() and not force:
                raise FileExists(self.path)
            atomic_write(self.path, self.render(), 0o644)
            self._saved(load(self.path).source)
        else:
            self._saved(save(self.sop, self.path, self.source, force=force))

    def save_as(self, path: Path, overwrite: bool = False) -> None:
        """Write to a new ``path`` (``FileExists`` unless ``overwrite``) and edit that file from now on."""
        if path.exists() and not overwrite:
            raise FileExists(path)
        old = self.path
        atomic_write(path, self.render(), self.source.mode if self.source and self.source.mode else 0o644)
        loaded = load(path)
        self.path = path
        self._saved(loaded.source)
        recovery_path(old).unlink(missing_ok=True)

    def reload(self) -> None:
        """Read the file again, dropping unsaved changes and the history."""
        loaded = load(self.path)
        if loaded.sop is None:
            raise CannotOpen(loaded)
        self.source = loaded.source
        self.history.reset(loaded.sop)
        self.is_new = False
        self.discard_recovery()

    def changed_on_disk(self) -> bool:
        """True when the file is no longer the bytes this editor read or wrote."""
        if self.is_new or self.source is None:
            return False
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return True
        except OSError:
            return False
        return hashlib.sha256(data).hexdigest() != self.source.sha256

    def _saved(self, source: Source | None) -> None:
        self.source = source
        self.is_new = False
        self.history.mark_saved()
        self.discard_recovery()

    # Recovery ---------------------------------------------------------------

    def write_recovery(self) -> None:
        atomic_write(recovery_path(self.path), self.render(), 0o600)

    def discard_recovery(self) -> None:
        recovery_path(self.path).unlink(missing_ok=True)

    def pending_recovery(self) -> Sop | None:
        """The SOP in a recovery file left by a session that did not save, if any."""
        path = recovery_path(self.path)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if self.source is not None and data == self.source.data:
            path.unlink(missing_ok=True)
            return None
        loaded = load_bytes(data, self.path)
        return loaded.sop

    def recover(self, sop: Sop) -> None:
        """Take the recovered SOP as an unsaved edit (undo goes back to the file)."""
        self.history.apply(sop)
