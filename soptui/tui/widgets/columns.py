"""Tables whose columns fit the terminal: what matters most first, never a word cut at the edge.

Textual sizes a column to its longest cell and lets the rest run off to the
right, so at 80 columns the library hid its counts and at 120 the step table
showed ``Simbo`` and ``termi``. A :class:`FittedTable` is told its columns in
order of importance; it shows as many as fit whole, gives the text column
(Kegiatan, Nama SOP) the room that is left, cuts long texts with ``…`` and
fits again when the terminal is resized. What a narrow table leaves out is
in the form beside it (steps) or in the file itself (library).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.coordinate import Coordinate
from textual.widgets import DataTable

from soptui.tui.text import plain

PADDING = 2  # a cell's padding, one cell each side
SCROLLBAR = 2


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int  # the most it takes (for the flexible column: the least)
    rank: int  # 0 is shown first
    flexible: bool = False  # takes the room the others leave


def fit(columns: Sequence[Column], available: int, longest: dict[str, int]) -> dict[str, int]:
    """The columns shown in ``available`` cells and their widths, in table order.

    Each column wants its longest text (``longest``), at most its ``width``;
    they are taken by rank while they fit, and the flexible one gets the rest."""
    wanted = {c.key: c.width if c.flexible else max(len(c.label), min(c.width, longest.get(c.key, 0))) for c in columns}
    chosen: list[Column] = []
    used = 0
    for column in sorted(columns, key=lambda c: c.rank):
        if used + wanted[column.key] + PADDING <= available or not chosen:
            chosen.append(column)
            used += wanted[column.key] + PADDING
    widths = {c.key: wanted[c.key] for c in chosen}
    for column in chosen:
        if column.flexible:
            widths[column.key] += max(0, available - used)
    return {c.key: widths[c.key] for c in columns if c.key in widths}


def cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


class FittedTable(DataTable):
    """A table of full rows (every column, in order) showing the columns that fit."""

    def __init__(self, columns: Sequence[Column], **options) -> None:
        super().__init__(**options)
        self.spec = tuple(columns)
        self.widths: dict[str, int] = {}
        self._rows: list[tuple[str, ...]] = []
        self._keys: list[str | None] = []

    def set_rows(self, rows: Sequence[tuple[str, ...]], keys: Sequence[str | None] | None = None) -> None:
        """Show ``rows``; when only cells changed, only those cells are redrawn (typing in a long SOP)."""
        rows, keys = list(rows), list(keys) if keys is not None else [None] * len(rows)
        if len(rows) != len(self._rows) or keys != self._keys or not self.widths:
            self._rows, self._keys = rows, keys
            self._rebuild()
            return
        for number, (old, new) in enumerate(zip(self._rows, rows)):
            if old != new:
                self.set_row(number, new)

    def set_row(self, number: int, cells: tuple[str, ...]) -> None:
        """Show row ``number``'s new cells, redrawing only those that changed."""
        shown = [i for i, column in enumerate(self.spec) if column.key in self.widths]
        for place, index in enumerate(shown):
            if self._rows[number][index] != cells[index]:
                self.update_cell_at(Coordinate(number, place), self._cell(index, cells[index]))
        self._rows[number] = cells

    def on_resize(self) -> None:
        if self._fit() != self.widths:
            self._rebuild()

    def _fit(self) -> dict[str, int]:
        longest = {c.key: max((len(cells[i]) for cells in self._rows), default=0) for i, c in enumerate(self.spec)}
        return fit(self.spec, (self.size.width or 80) - SCROLLBAR, longest)

    def _rebuild(self) -> None:
        self.widths = self._fit()
        row = self.cursor_row
        self.clear(columns=True)
        for column in self.spec:
            if column.key in self.widths:
                self.add_column(plain(column.label), key=column.key, width=self.widths[column.key])
        shown = [i for i, column in enumerate(self.spec) if column.key in self.widths]
        for cells, key in zip(self._rows, self._keys):
            self.add_row(*(self._cell(i, cells[i]) for i in shown), key=key)
        if self._rows:
            self.move_cursor(row=min(row, len(self._rows) - 1))

    def _cell(self, index: int, text: str):
        return plain(cut(text, self.widths[self.spec[index].key]))
