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
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from soptui import confine
from soptui.checks import check_sop
from soptui.diagnostics import FieldPath, Finding
from soptui.loader import Loaded, Source, load, load_bytes, read_regular
from soptui.model import Sop
from soptui.serialize import to_dict
from soptui.store import WRITER_ERRORS, CannotWrite, atomic_write, save
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
    load_findings: list[Finding] = field(default_factory=list)  # the loader's, for ``source``
    #: The file on disk no longer holds this SOP (it became unreadable): the
    #: editor holds the only copy, so it counts as unsaved until written.
    orphaned: bool = False

    @classmethod
    def open(cls, path: Path) -> Document:
        loaded = load(path)
        if loaded.sop is None:
            raise CannotOpen(loaded)
        return cls(path, loaded.source, History(loaded.sop), load_findings=loaded.findings)

    @classmethod
    def create(cls, path: Path, nama: str | None = None, nomor: str | None = None) -> Document:
        """A new SOP from the template, not yet on disk; the first save writes it."""
        text = new_sop_text(nama, nomor)
        loaded = load_bytes(text.encode("utf-8"), path)
        assert loaded.sop is not None and loaded.source is not None, "the template loads"
        return cls(path, loaded.source, History(loaded.sop), is_new=True)

    @classmethod
    def from_recovery(cls, path: Path, loaded: Loaded) -> Document | None:
        """The SOP of the recovery file for a file that cannot be opened (``loaded``), if there is one.

        A file broken while it was open (or by a crash of another program)
        must not make the unsaved work in its recovery file unreachable. A
        save writes the recovered SOP whole over the broken file, after the
        usual check that the file is still what was read now."""
        try:
            data, _ = read_regular(recovery_path(path))  # a regular file inside --root, never blocking
        except OSError:
            return None
        recovered = load_bytes(data, path).sop
        if recovered is None:
            return None
        return cls(path, loaded.source, History(recovered), orphaned=True)

    @property
    def sop(self) -> Sop:
        return self.history.current

    @property
    def dirty(self) -> bool:
        return self.is_new or self.orphaned or self.history.dirty

    def findings(self, sop: Sop | None = None) -> list[Finding]:
        """What the checker says about ``sop`` (default: the current one).

        The rules run on the model; positions come from the text as loaded.
        What the loader found (a value of the wrong type, an unknown key) is
        still reported while the model's value there is what was loaded:
        once the user edits that field, the save rewrites it.
        """
        sop = sop or self.sop
        source = self.source
        if source is None or source.loaded is None:  # not read back after a save, or opened from recovery
            return check_sop(sop, self.path, "")
        loaded, now = source.baseline or {}, to_dict(sop)
        kept = [f for f in self.load_findings if _value_at(loaded, f.field) == _value_at(now, f.field)]
        return kept + check_sop(sop, self.path, source.text)

    def save(self, force: bool = False, sop: Sop | None = None) -> None:
        """Write ``sop`` (default: the current one) to ``path`` through :func:`soptui.store.save`.

        Raises ``FileChangedOnDisk`` (or ``FileExists`` for a new file) unless
        ``force``; ``ReadOnly`` and ``CannotWrite`` always. Safe to run in a
        worker thread: what is written is ``sop``, and only that value is
        marked saved, whatever was typed meanwhile.
        """
        sop = sop or self.sop
        if self.is_new:
            save(sop, self.path, self.source, force=force, create=True)
            self._saved_loaded(load(self.path), sop)
        else:
            self._saved(save(sop, self.path, self.source, force=force), sop)

    def save_as(self, path: Path, overwrite: bool = False, sop: Sop | None = None) -> None:
        """Write to a new ``path`` (``FileExists`` unless ``overwrite``) and edit that file from now on."""
        sop = sop or self.sop
        old = self.path
        save(sop, path, self.source, force=overwrite, create=True)
        self.path = path
        self._saved_loaded(load(path), sop)
        if old != path:
            _remove(recovery_path(old))

    def reload(self) -> None:
        """Read the file again, dropping unsaved changes and the history.

        A file that is gone or cannot be read raises :class:`CannotOpen` and
        leaves the SOP and the recovery file as they are; the document is
        then unsaved (a gone file is written like a new one by the next save,
        a broken one is a conflict: the save asks before overwriting it)."""
        loaded = load(self.path)
        if loaded.sop is None:
            self.orphaned = True
            if not self.path.exists():
                self.is_new = True
            raise CannotOpen(loaded)
        self.orphaned = False
        self.source = loaded.source
        self.load_findings = loaded.findings
        self.history.reset(loaded.sop)
        self.is_new = False
        self.discard_recovery()

    def changed_on_disk(self) -> bool:
        """True when the file is no longer the bytes this editor read or wrote."""
        if self.is_new or self.source is None:
            return False
        try:
            data, _ = read_regular(self.path)
        except FileNotFoundError:
            return True
        except OSError:
            return False
        return hashlib.sha256(data).hexdigest() != self.source.sha256

    def _saved_loaded(self, loaded: Loaded, sop: Sop) -> None:
        self.load_findings = loaded.findings
        self._saved(loaded.source, sop)

    def _saved(self, source: Source | None, sop: Sop) -> None:
        self.source = source
        self.is_new = self.orphaned = False
        self.history.mark_saved(sop)
        self.discard_recovery()

    # Recovery ---------------------------------------------------------------

    def write_recovery(self, sop: Sop | None = None) -> None:
        """Write ``sop`` (default: the current one) to the recovery file.

        Written with tomli-w from the model, not patched into the source
        like a save: that costs a tenth, and recovering applies the model
        as an edit, so the comments of the file are kept when it is saved.
        """
        try:
            data = tomli_w.dumps(to_dict(sop or self.sop)).encode("utf-8")
        except WRITER_ERRORS as error:
            raise CannotWrite(recovery_path(self.path), str(error) or type(error).__name__) from None
        atomic_write(recovery_path(self.path), data, 0o600)

    def discard_recovery(self) -> None:
        _remove(recovery_path(self.path))

    def pending_recovery(self) -> Sop | None:
        """The SOP in a recovery file left by a session that did not save, if any."""
        path = recovery_path(self.path)
        try:
            data, _ = read_regular(path)
        except OSError:
            return None
        recovered = load_bytes(data, self.path).sop
        if recovered is None:
            return None  # kept: a later session may read it, the next autosave replaces it
        if recovered == self.sop:
            if not self.orphaned:
                _remove(path)  # the file holds it already
            return None
        return recovered

    def recover(self, sop: Sop) -> None:
        """Take the recovered SOP as an unsaved edit (undo goes back to the file)."""
        self.history.apply(sop)


def _remove(path: Path) -> None:
    """Remove a recovery file: under ``--root`` only inside it (a symlink is removed, never followed)."""
    confine.writing(path).unlink(missing_ok=True)


def _value_at(data: object, path: FieldPath) -> object:
    """The value at a key path of the model's dict, or ``None``."""
    for part in path:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data
