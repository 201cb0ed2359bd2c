"""What a try of the layout takes from the tries before it at the same column widths.

A page that lacked room makes the engine lay the whole SOP out again with
more room for a few rows (``engine.py``). In a long SOP some page nearly
always does, so without this every long layout cost two. At the same
crowding the columns are the same, so every step's wrapped texts are too,
and its row's height wherever the try gives it the same room; a page whose rows, edges and page numbers come out as before is built
as before: both are taken from the earlier try instead of computed again.
The letters of the page turns after a grown row usually shift (a turn more
or less before them): those pages are taken too, with their letters
changed, as long as the letters keep their order. Only the pages between
the first grown row and the page where the rows fall as before are built
again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


class Reuse:
    """Measured steps and built pages, for one crowding level."""

    def __init__(self) -> None:
        self.crowding: int | None = None
        self.values: dict[Hashable, Any] = {}
        self.pages: dict[int, list[tuple[Any, dict[int, str], Any]]] = {}

    def start(self, crowding: int) -> None:
        """A new try: with wider columns nothing of the earlier tries holds."""
        if crowding != self.crowding:
            self.crowding, self.values, self.pages = crowding, {}, {}

    def value(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """What ``make`` gives, made once for every try at this crowding (a step's texts, its plan for
        the room it is given)."""
        if key not in self.values:
            self.values[key] = make()
        return self.values[key]

    def page(self, number: int, inputs: Any, turns: dict[int, str], build: Callable[[], Any],
             relabel: Callable[[Any, dict[str, str]], Any]) -> Any:
        """Page ``number`` (and its wants) built from ``inputs``, everything it depends on but the names
        of its page turns, compared by value; ``turns`` gives those names by edge. Built by an earlier
        try under other names (the turns before it are counted differently), it gets them ``relabel``led."""
        known = self.pages.setdefault(number, [])
        for earlier, named, (page, wants) in known:
            if earlier == inputs:
                return (page if named == turns else relabel(page, {named[i]: turns[i] for i in named})), wants
        result = build()
        known.append((inputs, turns, result))
        return result
