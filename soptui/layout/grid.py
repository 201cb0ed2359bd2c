"""The table of a flowchart page: units, columns, the repeated header, rows.

Everything here depends only on the SOP's texts and the page width, so it is
computed once per layout; paging then stacks the rows and routing draws the
edges between the symbols placed in them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from soptui.layout.metrics import Metrics, wrap
from soptui.layout.options import PageOptions
from soptui.layout.types import Box, Column, HeaderCell, Text
from soptui.model import Sop

#: The columns after the actors, with their printed headings (PermenPAN-RB 35/2012).
MUTU_BAKU = (("kelengkapan", "Kelengkapan"), ("waktu", "Waktu"), ("output", "Output"))
#: The printed headings of the text columns.
TEXT_HEADINGS = {"kegiatan": "Kegiatan", **dict(MUTU_BAKU), "keterangan": "Keterangan"}
#: Relative widths of the text columns, sharing what the actors leave.
TEXT_WEIGHTS = {"kegiatan": 3.0, "kelengkapan": 1.6, "waktu": 1.0, "output": 1.6, "keterangan": 1.6}
#: Cell mode: the narrowest actor column (a symbol and lanes on both sides)
#: and text column; a table wider than the screen is scrolled, not squeezed.
MIN_CELL_ACTOR = 13
MIN_CELL_TEXT = 6
#: The step fields printed in a row, in column order.
ROW_FIELDS = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan")
#: The text columns of each column set (``PageOptions.columns``), in order.
TEXT_COLUMNS = {"full": ROW_FIELDS, "flow": ("kegiatan",)}


@dataclass(frozen=True)
class Scale:
    """Sizes that follow from the page options: type, padding, spacing.

    In cell mode every length is a whole number of cells, and text sits one
    cell right of and below its cell's top-left grid line.
    """

    cells: bool
    size: float
    label_size: float
    line: float
    label_line: float
    pad: float  # text inset from a cell's left and top line
    pad_end: float  # text inset from its right and bottom line
    gap: float  # spacing between parallel edges, and their clearance
    min_size: float
    metrics: Metrics
    crowding: int = 0  # a retry for a crowded page: closer lanes, or wider actor columns in cells

    @classmethod
    def of(cls, options: PageOptions, crowding: int = 0) -> Scale:
        metrics = options.metrics
        if options.cells:
            return cls(True, 1, 1, metrics.line_height(1), metrics.line_height(1), 1, 0, 1, 1, metrics, crowding)
        size = max(options.font_size, options.min_font_size)
        label = max(options.font_size * 0.85, options.min_font_size)
        gap = max(2.5, size * 0.4) * 0.7**crowding
        return cls(False, size, label, metrics.line_height(size), metrics.line_height(label),
                   size * 0.4, size * 0.4, gap, options.min_font_size, metrics, crowding)

    def snap(self, value: float) -> float:
        """Whole cells in cell mode; points rounded to 1/100 (stable JSON)."""
        return float(round(value)) if self.cells else round(value, 2)

    def text(self, left: float, top: float, right: float, bottom: float, fitted: Fitted,
             *, bold: bool = False, align: str = "left") -> Text:
        return Text(self.box(left + self.pad, top + self.pad, right - self.pad_end, bottom - self.pad_end),
                    fitted.lines, fitted.size, bold, align)  # type: ignore[arg-type]

    def box(self, left: float, top: float, right: float, bottom: float) -> Box:
        """A box from its edges, every number snapped (no 37.220000000000006 in the JSON)."""
        left, top = self.snap(left), self.snap(top)
        return Box(left, top, self.snap(self.snap(right) - left), self.snap(self.snap(bottom) - top))

    def fit_size(self, texts: list[str], left: float, right: float, bold: bool = False) -> float:
        """The size at which the widest word of ``texts`` fits a cell from
        ``left`` to ``right``: a narrow column gets smaller text, down to the
        minimum size, before a word is cut ("Kelengkapan" stays one word)."""
        if self.cells:
            return self.size
        width = right - left - self.pad - self.pad_end
        widest = max((self.metrics.width(w, self.size, bold) for text in texts for w in text.split()), default=0)
        if widest <= width:
            return self.size
        return max(self.min_size, math.floor(self.size * width / widest * 10) / 10)

    def fit(self, text: str, left: float, right: float, bold: bool = False, size: float | None = None) -> Fitted:
        """``text`` wrapped for a cell from ``left`` to ``right``."""
        size = size or self.fit_size([text], left, right, bold)
        return Fitted(wrap(text, right - left - self.pad - self.pad_end, self.metrics, size, bold), size)

    def block_height(self, fitted: Fitted) -> float:
        """Height of a cell holding this text, padding included."""
        return self.snap(max(len(fitted.lines), 1) * self.metrics.line_height(fitted.size) + self.pad + self.pad_end)


@dataclass(frozen=True)
class Fitted:
    """Text wrapped for its cell, at the size it is printed."""

    lines: tuple[str, ...]
    size: float


@dataclass(frozen=True)
class SymbolSize:
    """Width and the three heights of symbols in an actor column."""

    width: float
    heights: dict[str, float]

    @property
    def tallest(self) -> float:
        return max(self.heights.values())


def actor_columns(sop: Sop) -> list[tuple[str, str]]:
    """(actor id, printed name) per Pelaksana column: the declared actors,
    then any id a step names that is not declared (so the checker's error is
    also visible in the drawing instead of the step vanishing)."""
    columns = [(actor.id, actor.nama or actor.id) for actor in sop.pelaksana]
    known = {actor_id for actor_id, _ in columns}
    for step in sop.langkah:
        if step.pelaksana not in known:
            known.add(step.pelaksana)
            columns.append((step.pelaksana, step.pelaksana))
    return columns or [("", "")]


def make_columns(actors: list[tuple[str, str]], steps: int, left: float, width: float,
                 options: PageOptions, scale: Scale) -> tuple[tuple[Column, ...], SymbolSize]:
    """The column edges, and the symbol size that fits the actor columns.

    Actors share a part of the width that grows with their number (a fifth
    for one actor, over half for eight or more), capped so that one or two
    actors do not get absurdly wide columns; the text columns share the rest.
    On paper the table always fits ``width``; in cells no column is narrower
    than a floor, and the table may be wider than ``width`` (it scrolls).
    With ``columns="flow"`` the columns are first measured for the full
    table, then the Mutu Baku and Keterangan widths are shared out
    (``_flow_widths``); symbols keep their full-table size.
    """
    count = len(actors)
    metrics = options.metrics
    digits = max(metrics.width("0" * len(str(steps)), scale.size, True), metrics.width("No", scale.size, True))
    number = digits + scale.pad + scale.pad_end + (0 if scale.cells else 1)
    share = min(0.55, 0.22 + 0.04 * count)
    widest = 16 if scale.cells else 14 * scale.size
    actor_width = min(width * share / count, widest)
    total_weight = sum(TEXT_WEIGHTS.values())
    text_width = width - number - actor_width * count  # on paper at least 45 % of the width: it always fits
    if scale.cells:  # a terminal scrolls: keep every column legible, even if wider than the screen
        actor_width = max(MIN_CELL_ACTOR, int(actor_width)) + 4 * (2**scale.crowding - 1)
        floor = MIN_CELL_TEXT * total_weight / min(TEXT_WEIGHTS.values())
        text_width = max(width - number - actor_width * count, floor)
    shares = {key: text_width * weight / total_weight for key, weight in TEXT_WEIGHTS.items()}
    if scale.cells:
        shares = _headings_whole(shares, scale)
    symbols = symbol_size(actor_width, scale)
    keys = TEXT_COLUMNS[options.columns]
    if options.columns == "flow":
        actor_width, shares = _flow_widths(actor_width, shares, count, widest, scale)
    widths = [("no", number), ("kegiatan", shares["kegiatan"])]
    widths += [(f"pelaksana:{actor_id}", actor_width) for actor_id, _ in actors]
    widths += [(key, shares[key]) for key in keys[1:]]
    columns, x = [], left
    for index, (key, w) in enumerate(widths):
        last = index == len(widths) - 1 and not scale.cells
        right = scale.snap(left + width if last else x + w)  # rounding never pushes the table past the margin
        columns.append(Column(key, scale.snap(x), right))
        x = right
    return tuple(columns), symbols


def _flow_widths(actor_width: float, shares: dict[str, float], count: int, widest: float,
                 scale: Scale) -> tuple[float, dict[str, float]]:
    """The flow table's actor width and Kegiatan width: half the room the
    Mutu Baku and Keterangan columns had widens the actor columns (each at
    most ``widest``), so their names wrap less; Kegiatan takes the rest.
    Every column is at least as wide as in the full table, and symbols keep
    their size, so no row is taller than in the full table."""
    freed = sum(w for key, w in shares.items() if key != "kegiatan")
    grown = max(actor_width, min(widest, actor_width + freed / 2 / count))
    if scale.cells:
        grown = float(math.floor(grown))
    return grown, {"kegiatan": shares["kegiatan"] + freed - (grown - actor_width) * count}


def _headings_whole(shares: dict[str, float], scale: Scale) -> dict[str, float]:
    """In cells, where text cannot shrink: widen a text column to its heading
    ("Kelengkapan", "Keterangan") at Kegiatan's expense, while Kegiatan keeps
    twice its own heading."""
    shares = dict(shares)
    for key in shares:
        heading = TEXT_HEADINGS[key]
        short = len(heading) + scale.pad + scale.pad_end - shares[key]
        spare = shares["kegiatan"] - 2 * (len(TEXT_HEADINGS["kegiatan"]) + scale.pad)
        if key != "kegiatan" and short > 0 and spare > 0:
            moved = min(short, spare)
            shares[key] += moved
            shares["kegiatan"] -= moved
    return shares


def symbol_size(actor_width: float, scale: Scale) -> SymbolSize:
    """Symbols fill a bit over half their column, leaving room for edge lanes."""
    if scale.cells:
        width = 7 if actor_width >= 17 else 5  # odd, so the centre is a cell
        return SymbolSize(width, {"terminator": 3, "proses": 3, "keputusan": 3})
    width = min(max(actor_width * 0.58, 3 * scale.size), 6 * scale.size)
    width = scale.snap(max(min(width, actor_width - 5 * scale.gap), actor_width * 0.4))  # keep room for lanes
    least = 4 * scale.gap  # room for three edges on each side
    return SymbolSize(width, {
        "terminator": scale.snap(max(width * 0.42, least)),
        "proses": scale.snap(max(width * 0.5, least)),
        "keputusan": scale.snap(max(width * 0.6, least * 1.25)),
    })


def make_header(columns: tuple[Column, ...], actors: list[tuple[str, str]], top: float,
                scale: Scale) -> tuple[tuple[HeaderCell, ...], float]:
    """The two title rows and the column-number row, and the header's height.
    Mutu Baku and Keterangan are headed only when the table has them."""
    by_key = {column.key: column for column in columns}
    actor_cols = [c for c in columns if c.key.startswith("pelaksana:")]
    mutu = [(by_key[key], title) for key, title in MUTU_BAKU if key in by_key]

    def lines(text: str, left: float, right: float, size: float | None = None) -> Fitted:
        return scale.fit(text, left, right, bold=True, size=size)

    second = [(by_key[f"pelaksana:{actor_id}"], name) for actor_id, name in actors]
    second += mutu
    size = min(scale.fit_size([title], column.left, column.right, bold=True) for column, title in second)
    second_lines = [lines(title, column.left, column.right, size) for column, title in second]
    spanning = [(by_key[key], title) for key, title in (("no", "No"), ("kegiatan", "Kegiatan"),
                                                         ("keterangan", "Keterangan")) if key in by_key]
    spanning_lines = [lines(title, column.left, column.right) for column, title in spanning]
    first_height = scale.block_height(Fitted(("",), scale.size))
    second_height = max(scale.block_height(found) for found in second_lines)
    spanned = max(scale.block_height(found) for found in spanning_lines)
    second_height = max(second_height, spanned - first_height)
    middle, bottom = top + first_height, top + first_height + second_height
    cells: list[HeaderCell] = []

    def cell(left: float, upper: float, right: float, lower: float, fitted: Fitted) -> None:
        text = scale.text(left, upper, right, lower, fitted, bold=True, align="center")
        cells.append(HeaderCell(scale.box(left, upper, right, lower), text))

    for (column, _), found in zip(spanning, spanning_lines):
        cell(column.left, top, column.right, bottom, found)
    groups = [(actor_cols, "Pelaksana")] + ([([column for column, _ in mutu], "Mutu Baku")] if mutu else [])
    for group, title in groups:
        cell(group[0].left, top, group[-1].right, middle, lines(title, group[0].left, group[-1].right))
    for (column, _), found in zip(second, second_lines):
        cell(column.left, middle, column.right, bottom, found)
    numbers_bottom = bottom + first_height
    for index, column in enumerate(columns, start=1):
        cell(column.left, bottom, column.right, numbers_bottom, Fitted((str(index),), scale.size))
    return tuple(cells), numbers_bottom - top


def row_texts(step_fields: dict[str, str], number: int, columns: tuple[Column, ...],
              scale: Scale) -> dict[str, Fitted]:
    """The wrapped text of each text cell of one row, by column key, for the
    columns the table has. Only a cell whose own widest word does not fit
    gets smaller text, so one long word does not shrink a whole column."""
    by_key = {column.key: column for column in columns}
    texts = {"no": Fitted((str(number),), scale.size)}
    for key in (key for key in ROW_FIELDS if key in by_key):
        texts[key] = scale.fit(step_fields[key], by_key[key].left, by_key[key].right)
    return texts
