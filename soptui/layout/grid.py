"""The table of a flowchart page: its columns, symbol sizes and row texts.

Everything here depends only on the SOP's texts and the page width, so it is
computed once per layout; paging then stacks the rows and routing draws the
edges between the symbols placed in them. The header is ``header.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from soptui.layout.options import PageOptions
from soptui.layout.scale import Fitted, Scale
from soptui.layout.types import Column, ColumnKind
from soptui.model import Sop

#: The columns after the actors, with their printed headings (PermenPAN-RB 35/2012).
MUTU_BAKU = (("kelengkapan", "Kelengkapan"), ("waktu", "Waktu"), ("output", "Output"))
#: The printed headings of the text columns.
TEXT_HEADINGS = {"kegiatan": "Kegiatan", **dict(MUTU_BAKU), "keterangan": "Keterangan"}
#: Relative widths of the text columns, sharing what the actors leave.
TEXT_WEIGHTS = {"kegiatan": 3.0, "kelengkapan": 1.6, "waktu": 1.0, "output": 1.6, "keterangan": 1.6}
#: Kegiatan is never narrower than this many text sizes (it holds the activity).
KEGIATAN_MIN = 9
#: When the text columns' headings leave the actors less than their narrowest
#: width (many actors on portrait), the actors may take this much of the table.
MAX_ACTOR_SHARE = 0.6
#: Cell mode: the narrowest actor column (a symbol and lanes on both sides)
#: and text column; a table wider than the screen is scrolled, not squeezed.
MIN_CELL_ACTOR = 13
MIN_CELL_TEXT = 6
#: The step fields printed in a row, in column order.
ROW_FIELDS = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan")
#: The text columns of each column set (``PageOptions.columns``), in order.
TEXT_COLUMNS = {"full": ROW_FIELDS, "flow": ("kegiatan",)}
#: Symbol shapes, height over width: a capsule stays a capsule, a diamond a diamond.
SHAPES = {"terminator": 1 / 2.4, "proses": 0.5, "keputusan": 0.6}


@dataclass(frozen=True)
class SymbolSize:
    """Width and the three heights of symbols in an actor column."""

    width: float
    heights: dict[str, float]

    @property
    def tallest(self) -> float:
        return max(self.heights.values())


@dataclass(frozen=True)
class Actor:
    """An actor column: its id, the name in full and its short form (may be empty)."""

    id: str
    name: str
    short: str = ""


def actor_columns(sop: Sop) -> list[Actor]:
    """The Pelaksana columns: the declared actors, then any id a step names
    that is not declared (so the checker's error is also visible in the
    drawing instead of the step vanishing)."""
    columns = [Actor(actor.id, actor.nama or actor.id, actor.singkatan) for actor in sop.pelaksana]
    known = {actor.id for actor in columns}
    for step in sop.langkah:
        if step.pelaksana not in known:
            known.add(step.pelaksana)
            columns.append(Actor(step.pelaksana, step.pelaksana))
    return columns or [Actor("", "")]


def min_actor_width(scale: Scale) -> float:
    """The narrowest actor column on paper: the smallest symbol, then on each
    side room for one arrow clear of the symbol and of the column's line."""
    return 3.25 * scale.size + 2 * (scale.clear + scale.symbol_clear)


def make_columns(actors: list[Actor], steps: int, left: float, width: float,
                 options: PageOptions, scale: Scale) -> tuple[tuple[Column, ...], SymbolSize]:
    """The column edges, and the symbol size that fits the actor columns.

    Actors share a part of the width that grows with their number (a fifth
    for one actor, over half for eight or more), never narrower than a
    symbol with an arrow on each side, and wider on a crowded retry; the text
    columns share the rest, each at least as wide as its heading. With
    ``columns="flow"`` the Mutu Baku and Keterangan widths are then shared
    out (``_flow_widths``); symbols keep their full-table size.
    """
    count = len(actors)
    metrics = options.metrics
    digits = max(metrics.width("0" * len(str(steps)), scale.size, True), metrics.width("No", scale.size, True))
    number = digits + scale.pad + scale.pad_end + (0 if scale.cells else 1)
    widest = 16 if scale.cells else 14 * scale.size
    if scale.cells:
        share = min(0.55, 0.22 + 0.04 * count)
        actor_width = max(MIN_CELL_ACTOR, int(min(width * share / count, widest))) + 4 * (2**scale.crowding - 1)
        total_weight = sum(TEXT_WEIGHTS.values())
        floor = MIN_CELL_TEXT * total_weight / min(TEXT_WEIGHTS.values())
        text_width = max(width - number - actor_width * count, floor)
        shares = _headings_whole({key: text_width * w / total_weight for key, w in TEXT_WEIGHTS.items()}, scale)
    else:
        minima = _text_minima(scale)
        share = min(0.58, 0.22 + 0.04 * count)
        actor_width = max(min(width * share / count, widest), min_actor_width(scale)) * (1 + 0.25 * scale.crowding)
        room = (width - number - sum(minima.values())) / count
        squeezed = min(min_actor_width(scale), (width - number) * MAX_ACTOR_SHARE / count)
        actor_width = max(min(actor_width, room), squeezed)
        shares = _share(width - number - actor_width * count, TEXT_WEIGHTS, minima)
    symbols = symbol_size(actor_width, scale)
    keys = TEXT_COLUMNS[options.columns]
    if options.columns == "flow":
        actor_width, shares = _flow_widths(actor_width, shares, count, widest, scale)
    widths: list[tuple[str, float, ColumnKind, str | None]] = [
        ("no", number, "number", None), ("kegiatan", shares["kegiatan"], "text", None)]
    widths += [(f"pelaksana:{actor.id}", actor_width, "actor", actor.id) for actor in actors]
    widths += [(key, shares[key], "text", None) for key in keys[1:]]
    columns, x = [], left
    for index, (key, w, kind, actor_id) in enumerate(widths):
        last = index == len(widths) - 1 and not scale.cells
        right = scale.snap(left + width if last else x + w)  # rounding never pushes the table past the margin
        columns.append(Column(key, scale.snap(x), right, kind, actor_id))
        x = right
    return tuple(columns), symbols


def _text_minima(scale: Scale) -> dict[str, float]:
    """Each text column at least as wide as its heading in bold, Kegiatan
    at least ``KEGIATAN_MIN`` text sizes: a heading is never broken."""
    minima = {key: scale.metrics.width(title, scale.size, True) + scale.pad + scale.pad_end + 1
              for key, title in TEXT_HEADINGS.items()}
    minima["kegiatan"] = max(minima["kegiatan"], KEGIATAN_MIN * scale.size)
    return minima


def _share(total: float, weights: dict[str, float], minima: dict[str, float]) -> dict[str, float]:
    """``total`` shared in proportion to ``weights``, none below its minimum
    (a column held at its minimum leaves the rest to the others)."""
    if total <= sum(minima.values()):
        scale = total / sum(minima.values())
        return {key: minima[key] * scale for key in weights}
    widths: dict[str, float] = {}
    free, remaining = dict(weights), total
    while free:
        weight = sum(free.values())
        pinned = [key for key in free if remaining * free[key] / weight < minima[key]]
        if not pinned:
            break
        for key in pinned:
            widths[key] = minima[key]
            remaining -= minima[key]
            del free[key]
    weight = sum(free.values())
    widths.update({key: remaining * w / weight for key, w in free.items()})
    return widths


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
    """Symbols fill a bit over half their column, leaving on each side room
    for an arrow clear of the symbol and of the grid line; their shapes
    keep their proportions (``SHAPES``) at every size."""
    if scale.cells:
        odd = 7 if actor_width >= 17 else 5  # odd, so the centre is a cell
        return SymbolSize(odd, {"terminator": 3, "proses": 3, "keputusan": 3})
    width: float = min(max(actor_width * 0.58, 3.25 * scale.size), 6 * scale.size)
    width = min(width, actor_width - 2 * (scale.clear + scale.symbol_clear))
    width = scale.snap(max(width, actor_width * 0.45))
    return SymbolSize(width, {kind: scale.snap(width * ratio) for kind, ratio in SHAPES.items()})


def row_texts(step_fields: dict[str, str], number: int, columns: tuple[Column, ...],
              scale: Scale) -> dict[str, Fitted]:
    """The wrapped text of each text cell of one row, by column key, for the
    columns the table has, all at the body size (one size per column)."""
    by_key = {column.key: column for column in columns}
    texts = {"no": Fitted((str(number),), scale.size)}
    for key in (key for key in ROW_FIELDS if key in by_key):
        texts[key] = scale.fit(step_fields[key], by_key[key].left, by_key[key].right)
    return texts
