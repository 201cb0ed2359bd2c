"""Undo and redo as a stack of immutable ``Sop`` values.

The model is frozen, so every edit is a new value and undo is just going
back to the previous one. Typing in a field would otherwise push one entry
per keystroke; edits that carry the same ``group`` (the field being typed
in) replace the top entry instead, so one undo takes back the whole word
typed in that field, as in a word processor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from soptui.model import Sop

LIMIT = 500


@dataclass
class History:
    """The current SOP with what came before (undo) and after (redo)."""

    current: Sop
    saved: Sop | None = None  # the value last written to disk (for the dirty marker)
    _undo: list[tuple[Sop, str | None]] = field(default_factory=list)
    _redo: list[Sop] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.saved is None:
            self.saved = self.current

    @property
    def dirty(self) -> bool:
        """True while the SOP differs from what was last saved."""
        return self.current is not self.saved and self.current != self.saved

    def apply(self, sop: Sop, group: str | None = None) -> bool:
        """Make ``sop`` current; False (and nothing recorded) when nothing changed."""
        if sop == self.current:
            return False
        if group is not None and self._undo and self._undo[-1][1] == group:
            pass  # same field typed again: the entry before the typing stays
        else:
            self._undo.append((self.current, group))
            del self._undo[:-LIMIT]
        self._redo.clear()
        self.current = sop
        return True

    def seal(self) -> None:
        """End the current typing group, so the next edit is its own undo step."""
        if self._undo:
            previous, _ = self._undo[-1]
            self._undo[-1] = (previous, None)

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self.current)
        self.current, _ = self._undo.pop()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append((self.current, None))
        self.current = self._redo.pop()
        return True

    def mark_saved(self, sop: Sop | None = None) -> None:
        """``sop`` (default: the current value) is what the file now holds."""
        self.saved = sop if sop is not None else self.current

    def reset(self, sop: Sop) -> None:
        """Start over from a freshly loaded SOP (reload from disk)."""
        self.current = self.saved = sop
        self._undo.clear()
        self._redo.clear()
