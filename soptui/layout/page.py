"""One flowchart page: its rows stacked between the connector bands, symbols
placed, edges routed (hand-offs, straight band links, connectors beside
rows, tracks, then the bands' jogs), and its grid drawn as lines."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from soptui.flow import Edge
from soptui.layout.bands import place_band
from soptui.layout.beside import place_beside
from soptui.layout.grid import TEXT_COLUMNS, SymbolSize
from soptui.layout.header import Header
from soptui.layout.lines import grid_lines
from soptui.layout.options import PageOptions
from soptui.layout.paging import Piece
from soptui.layout.parts import ConnectorSize, Part, Placed, band_height, gaps, turn_height
from soptui.layout.routing import PageRouter
from soptui.layout.scale import Fitted, Scale
from soptui.layout.types import Band, Box, Column, GridLine, Page, Row, Symbol, SymbolKind, Text


@dataclass(frozen=True)
class Plan:
    """A step measured, before it has a page."""

    step_id: str
    number: int
    index: int
    kind: SymbolKind
    column: int
    texts: dict[str, Fitted]
    text_height: float  # the tallest cell, padding included
    height: float
    least: float  # the height the symbol alone needs (a split step's first part keeps it)
    symbol_width: float
    symbol_height: float
    label_lines: int  # the most lines of a branch label leaving this step
    more: int  # label lines of room asked for by a crowded try


@dataclass
class Wants:
    """What the pages of a try lacked: free tracks (``crowded``), room for
    labels in some rows, room for connectors beside some symbols (by step)."""

    crowded: bool = False
    rows: set[int] = field(default_factory=set)
    symbols: dict[int, float] = field(default_factory=dict)  # step -> how much taller

    def __bool__(self) -> bool:
        return self.crowded or bool(self.rows) or bool(self.symbols)

    def add(self, other: Wants) -> None:
        self.crowded = self.crowded or other.crowded
        self.rows |= other.rows
        for step, more in other.symbols.items():
            self.symbols[step] = max(self.symbols.get(step, 0.0), more)


@dataclass(frozen=True)
class Room:
    """The room a try gives beyond the first: wider actor columns, and per
    step label lines of room (``rows``) and taller symbols (``symbols``)."""

    crowding: int = 0
    rows: dict[int, int] = field(default_factory=dict)
    symbols: dict[int, float] = field(default_factory=dict)

    def grown(self, wants: Wants, crowded: bool = True) -> Room:
        """This room and what ``wants`` asks for (wider columns only if ``crowded``)."""
        rows, symbols = dict(self.rows), dict(self.symbols)
        for step in wants.rows:
            rows[step] = rows.get(step, 0) + 1
        for step, more in wants.symbols.items():
            symbols[step] = symbols.get(step, 0.0) + more
        return Room(self.crowding + (wants.crowded and crowded), rows, symbols)


@dataclass(frozen=True)
class Sheet:
    """What every page of one layout shares: its size, the table's columns and
    header, the symbol and connector sizes, the options."""

    width: float
    height: float
    columns: tuple[Column, ...]
    header: Header
    header_bottom: float
    symbols: SymbolSize
    connector: ConnectorSize
    options: PageOptions
    scale: Scale
    tracks: list[float]  # where tracks may run, the same on every page
    header_lines: tuple[GridLine, ...]
    band_places: list[tuple[float, float]]  # where a band's pentagons may stand
    cell_spans: tuple[tuple[str, float, float, str], ...]  # each text column's key, text x and width, alignment


def build_page(sheet: Sheet, number: int, pieces: list[Piece], plans: list[Plan],
               edges: list[tuple[int, int, Edge]], touching: list[int],
               page_of: dict[int, int], names: dict[int, str]) -> tuple[Page, Wants]:
    """One page, and what it lacked."""
    scale, index = sheet.scale, number - 1
    local = {piece.step: k for k, piece in enumerate(pieces) if not piece.continued}
    turns = [i for i in touching if _is_turn(edges[i], page_of, index)]
    arriving = [i for i in turns if page_of[edges[i][1]] == index]
    leaving = [i for i in turns if page_of[edges[i][0]] == index]
    body_top = sheet.header_bottom
    y = scale.snap(body_top + band_height(len(arriving), sheet.connector, scale))
    actor_cols = [c for c in sheet.columns if c.kind == "actor"]
    placed, table_rows, drawn = [], [], []
    for k, piece in enumerate(pieces):
        plan = plans[piece.step]
        bottom = scale.snap(y + piece.height)
        cells = _cells(piece.texts, sheet.cell_spans, y, bottom, scale)
        table_rows.append(Row(plan.step_id, plan.number, y, bottom, cells, piece.continued))
        if piece.continued:
            placed.append(Placed(k, y, bottom, None, plan.kind, plan.column, bottom))
        else:
            above, below = gaps(scale, plan.label_lines, plan.more)
            column = actor_cols[plan.column]
            x = scale.snap(column.left + (column.right - column.left - plan.symbol_width) / 2)
            if scale.cells:
                top = y + above + (bottom - y - above - below - plan.symbol_height) // 2
            else:
                top = scale.snap((y + above + bottom - below) / 2 - plan.symbol_height / 2)
            box = Box(x, top, plan.symbol_width, plan.symbol_height)
            placed.append(Placed(k, y, bottom, box, plan.kind, plan.column, scale.snap(bottom - turn_height(scale))))
            number_text = Text(box, (str(plan.number),), scale.size, align="center")
            drawn.append(Symbol(plan.step_id, plan.kind, box, number_text if sheet.options.symbol_numbers else None))
        y = bottom
    table_bottom = scale.snap(y + band_height(len(leaving), sheet.connector, scale))
    router = PageRouter(placed, [(c.left, c.right) for c in actor_cols], sheet.tracks, scale, scale.metrics,
                        (body_top, table_bottom), sheet.connector)
    parts = _parts(edges, touching, local, page_of, index, plans, names, sheet.options.first_page)
    _route(router, parts, len(pieces))
    bands = []
    sides: tuple[tuple[Literal["in", "out"], list[int], tuple[float, float]], ...] = (
        ("in", arriving, (body_top, table_rows[0].top if table_rows else y)), ("out", leaving, (y, table_bottom)))
    for role, chosen, span in sides:
        if chosen:
            router.connectors += place_band(router, [parts[i] for i in chosen], span, role == "in", sheet.band_places)
            bands.append(Band(role, scale.box(sheet.columns[0].left, span[0], sheet.columns[-1].right, span[1])))
    edge_paths = router.results()
    table = scale.box(sheet.columns[0].left, sheet.header.cells[0].box.y, sheet.columns[-1].right, table_bottom)
    body = scale.box(table.x, body_top, table.right, table_bottom)
    legend = None
    if sheet.header.legend is not None:
        legend = scale.text(table.x, table_bottom, table.right, table_bottom + scale.block_height(sheet.header.legend),
                            sheet.header.legend)
    lines = grid_lines(table, body, sheet.columns, sheet.header_lines, table_rows, bands, scale.snap)
    page = Page(number, sheet.width, sheet.height, table, sheet.columns, sheet.header.cells, tuple(table_rows),
                tuple(drawn), tuple(edge_paths), tuple(sorted(router.connectors, key=lambda c: (c.box.y, c.box.x))),
                body, lines, tuple(bands), legend)
    wants = Wants(router.crowded, {pieces[k].step for k in router.short_rows},
                  {pieces[k].step: more for k, more in router.tall_rows.items()})
    return page, wants


def _is_turn(edge: tuple[int, int, Edge], page_of: dict[int, int], index: int) -> bool:
    """An edge from this page to the next, or from the previous to this one: a page turn."""
    source, target = page_of[edge[0]], page_of[edge[1]]
    return target == source + 1 and index in (source, target)


def _parts(edges: list[tuple[int, int, Edge]], touching: list[int], local: dict[int, int],
           page_of: dict[int, int], index: int, plans: list[Plan], names: dict[int, str],
           first_page: int) -> dict[int, Part]:
    """The part of each edge that lies on this page; a connector's twin page
    is numbered as the document prints it (from ``first_page``)."""
    parts: dict[int, Part] = {}
    for i in touching:
        s, t, edge = edges[i]
        if page_of[s] == page_of[t]:
            parts[i] = Part(edge, local[s], local[t])
            continue
        turn = page_of[t] == page_of[s] + 1
        via = names[i] if turn else str(plans[t].number)
        twin = page_of[t] if page_of[s] == index else page_of[s]
        parts[i] = Part(edge, local.get(s) if page_of[s] == index else None,
                        local.get(t) if page_of[t] == index else None, via, not turn, twin + first_page)
    return parts


def turn_names(edges: list[tuple[int, int, Edge]], page_of: dict[int, int]) -> dict[int, str]:
    """A, B, ... Z, AA, AB ... for each page turn, in step order."""
    names, count = {}, 0
    for position, (source, target, _) in enumerate(edges):
        if page_of[target] == page_of[source] + 1:
            names[position] = _letters(count)
            count += 1
    return names


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _route(router: PageRouter, parts: dict[int, Part], count: int) -> None:
    """Hand-offs first, then straight band links, then everything else through tracks, and last the
    connectors beside rows: short and free to stand in any column, they fit around what the tracks took."""
    rest = []
    for i, part in parts.items():
        s, t = part.source, part.target
        if s is not None and t == s + 1 and s not in router.bottom_used and t not in router.top_used:
            router.hand_off(part)
        else:
            rest.append(i)
    tracks = []
    for i in rest:
        part = parts[i]
        if part.beside:
            continue
        if part.target is None and part.source == count - 1 and part.source not in router.bottom_used:
            router.straight_to_band(part)
        elif part.source is None and part.target == 0 and 0 not in router.top_used:
            router.straight_from_band(part)
        else:
            tracks.append(i)

    def span(i: int) -> tuple[float, int]:
        part = parts[i]
        s = part.source if part.source is not None else -1
        t = part.target if part.target is not None else count
        return (abs(t - s), i)

    for i in sorted(tracks, key=span):
        router.via_track(parts[i], parts[i].edge.label if parts[i].source is not None else None)
    for i in rest:
        if parts[i].beside:
            place_beside(router, parts[i])


def cell_spans(columns: tuple[Column, ...], scale: Scale) -> tuple[tuple[str, float, float, str], ...]:
    """Where each text column's text stands across (key, x, width, alignment), in column order (No,
    Kegiatan, then Mutu Baku and Keterangan if the table has them): the same in every row of every page."""
    by_key = {column.key: column for column in columns}
    spans = []
    for key in ("no", *(key for key in TEXT_COLUMNS["full"] if key in by_key)):
        box = scale.box(by_key[key].left + scale.pad, 0.0, by_key[key].right - scale.pad_end, 0.0)
        spans.append((key, box.x, box.width, "center" if key in ("no", "waktu") else "left"))
    return tuple(spans)


def _cells(texts: dict[str, Fitted], spans: tuple[tuple[str, float, float, str], ...], top: float, bottom: float,
           scale: Scale) -> tuple[Text, ...]:
    """One text per text column (``cell_spans``), as ``Scale.text`` would place it, its columns' edges
    snapped once per layout instead of once per cell."""
    y = scale.snap(top + scale.pad)
    height = scale.snap(scale.snap(bottom - scale.pad_end) - y)
    return tuple(Text(Box(x, y, width, height), texts[key].lines, texts[key].size, False, align)  # type: ignore[arg-type]
                 for key, x, width, align in spans)


def relabelled(page: Page, sheet: Sheet, renames: dict[str, str]) -> Page:
    """``page`` with its page turns named anew (``renames``: old letters to new): routing looks only at
    the order of the letters, so what a page built under other letters in the same order differs in is
    the letters and the pentagons' texts printed from them (see reuse.py)."""
    connectors = tuple(
        replace(c, label=renames[c.label], text=sheet.connector.text(renames[c.label], c.box, sheet.scale))
        if c.place == "band" and c.label in renames else c for c in page.connectors)
    edges = tuple(replace(e, via=renames[e.via]) if e.via in renames else e for e in page.edges)
    return replace(page, edges=edges, connectors=connectors)
