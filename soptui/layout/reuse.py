"""What a try of the layout takes from the tries before it at the same column widths.

A page that lacked room makes the engine lay the whole SOP out again with
more room for a few rows (``engine.py``). In a long SOP some page nearly
always does, so without this every long layout cost two. At the same
crowding the columns are the same, so every step's wrapped texts are too,
and a page whose rows, edges and page numbers come out as before is built
as before: both are taken from the earlier try instead of computed again.
Pages after the first grown row are still built again (their rows move,
and the letters of the page turns after them shift).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from soptui.layout.scale import Fitted


class Reuse:
    """Texts by step and built pages by number, for one crowding level."""

    def __init__(self) -> None:
        self.crowding: int | None = None
        self.texts: dict[int, dict[str, Fitted]] = {}
        self.pages: dict[int, list[tuple[Any, Any]]] = {}

    def start(self, crowding: int) -> None:
        """A new try: with wider columns nothing of the earlier tries holds."""
        if crowding != self.crowding:
            self.crowding, self.texts, self.pages = crowding, {}, {}

    def row_texts(self, index: int, make: Callable[[], dict[str, Fitted]]) -> dict[str, Fitted]:
        if index not in self.texts:
            self.texts[index] = make()
        return self.texts[index]

    def page(self, number: int, inputs: Any, build: Callable[[], Any]) -> Any:
        """Page ``number`` built from ``inputs`` (everything it depends on, compared by value)."""
        known = self.pages.setdefault(number, [])
        for earlier, result in known:
            if earlier == inputs:
                return result
        result = build()
        known.append((inputs, result))
        return result
