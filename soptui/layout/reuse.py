"""What a try of the layout takes from the tries before it at the same column widths.

A page that lacked room makes the engine lay the whole SOP out again with
more room for a few rows (``engine.py``). In a long SOP some page nearly
always does, so without this every long layout cost two. At the same
crowding the columns are the same, so every step's wrapped texts are too,
and a page whose rows, edges and page numbers come out as before is built
as before: both are taken from the earlier try instead of computed again.
The letters of the page turns after a grown row usually shift (a turn more
or less before them): those pages are taken too, with their letters
changed, as long as the letters keep their order. Only the pages between
the first grown row and the page where the rows fall as before are built
again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from soptui.layout.scale import Fitted


class Reuse:
    """Texts by step and built pages by number, for one crowding level."""

    def __init__(self) -> None:
        self.crowding: int | None = None
        self.texts: dict[int, tuple[dict[str, Fitted], float]] = {}
        self.pages: dict[int, list[tuple[Any, dict[int, str], Any]]] = {}

    def start(self, crowding: int) -> None:
        """A new try: with wider columns nothing of the earlier tries holds."""
        if crowding != self.crowding:
            self.crowding, self.texts, self.pages = crowding, {}, {}

    def row_texts(self, index: int, make: Callable[[], tuple[dict[str, Fitted], float]]) -> tuple[dict[str, Fitted], float]:
        if index not in self.texts:
            self.texts[index] = make()
        return self.texts[index]

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
