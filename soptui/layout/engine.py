"""``compute_layout``: from an SOP and page options to every page's geometry.

Steps: measure the table (columns, header, each row's wrapped texts and
height), split the rows into pages, place each row's symbol in its actor's
column, then route the edges page by page (``routing``). Pure and
deterministic: the same SOP and options give the same layout, and nothing
here imports a drawing library.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, replace

from soptui.flow import Edge
from soptui.layout.grid import (
    TEXT_COLUMNS,
    Fitted,
    Scale,
    SymbolSize,
    actor_columns,
    make_columns,
    make_header,
    row_texts,
)
from soptui.layout.labels import label_limit, label_lines
from soptui.layout.options import PageOptions
from soptui.layout.paging import paginate
from soptui.layout.routing import Band, PageRouter, Part, Placed, band_height, slot_offsets
from soptui.layout.types import Box, Column, FlowchartLayout, HeaderCell, Page, Row, Symbol, Text
from soptui.model import Sop


@dataclass(frozen=True)
class _RowPlan:
    """A step measured, before it has a page."""

    step_id: str
    number: int
    kind: str
    column: int
    texts: dict[str, Fitted]
    height: float
    symbol_height: float
    label_lines: int  # the most lines of a branch label leaving this step


#: How many times a page too crowded for every edge to have its own lane is
#: laid out again with closer lanes (points) or wider actor columns (cells).
MAX_CROWDING = 3


def compute_layout(sop: Sop, options: PageOptions | None = None) -> FlowchartLayout:
    """The flowchart pages of ``sop`` (see docs/layout.md)."""
    options = options or PageOptions()
    for crowding in range(MAX_CROWDING + 1):
        layout, crowded = _attempt(sop, options, crowding)
        if not crowded:
            break
    return layout


def _attempt(sop: Sop, options: PageOptions, crowding: int) -> tuple[FlowchartLayout, bool]:
    """The layout, and whether some edge had to share a lane or a slot."""
    scale = Scale.of(options, crowding)
    width, height = options.page_size()
    top, right, bottom, left = (scale.snap(m) for m in options.margin_units())
    actors = actor_columns(sop)
    columns, symbols = make_columns(actors, len(sop.langkah), left, width - left - right, options, scale)
    header, header_height = make_header(columns, actors, top, scale)
    edges = _indexed_edges(sop)
    plans = _measure(sop, columns, actors, symbols, edges, scale)
    connector = _connector_size(symbols, scale)
    footer = options.footer if options.footer is not None else (0 if scale.cells else 2 * scale.line)
    room = None if height is None else height - top - bottom - footer - header_height
    pages_rows = paginate([p.height for p in plans], [(s, t) for s, t, _ in edges], room,
                          lambda n: band_height(n, connector[1], scale))
    page_of = {row: number for number, rows in enumerate(pages_rows) for row in rows}
    sheet = _Sheet(width, height or 0.0, columns, header, top + header_height, symbols, connector, options, scale)
    names = _connector_names(edges, page_of)
    pages, crowded = [], False
    for number, rows in enumerate(pages_rows, start=1):
        page, page_crowded = _page(sheet, number, rows, plans, edges, page_of, names)
        pages.append(page)
        crowded = crowded or page_crowded
    page_height = height if height is not None else (pages[0].table.bottom + bottom + footer)
    if height is None:
        pages = [replace(page, height=page_height) for page in pages]
    paper = options.paper if options.width is None else ("cells" if scale.cells else "custom")
    return FlowchartLayout(paper, options.orientation, options.columns, width, page_height, tuple(pages)), crowded


def _measure(sop: Sop, columns: tuple[Column, ...], actors: list[tuple[str, str]], symbols: SymbolSize,
             edges: list[tuple[int, int, Edge]], scale: Scale) -> list[_RowPlan]:
    """Each step's texts wrapped, its symbol's height, and its row's height."""
    actor_index = {actor_id: i for i, (actor_id, _) in enumerate(actors)}
    actor_cols = [c for c in columns if c.key.startswith("pelaksana:")]
    area = (actor_cols[0].left, actor_cols[-1].right)
    side_edges = _side_edges(len(sop.langkah), edges)
    label_rows = [1] * len(sop.langkah)
    for source, _, edge in edges:
        if edge.label and edge.branch != "lanjut":
            x = _symbol_x(actor_cols[actor_index[sop.langkah[source].pelaksana]], symbols.width, scale)
            lines = label_lines(edge.label, label_limit(area, (x, x + symbols.width), scale), scale, scale.metrics)
            label_rows[source] = max(label_rows[source], len(lines))
    plans = []
    for number, step in enumerate(sop.langkah, start=1):
        fields = {key: getattr(step, key) for key in TEXT_COLUMNS["full"]}
        texts = row_texts(fields, number, columns, scale)
        kind = sop.flow.symbols.get(step.id, "proses")
        symbol_height = symbols.heights.get(kind, symbols.heights["proses"])
        if scale.cells:  # a crowded retry: more slots on every side (on paper, the closer spacing gives them)
            symbol_height += 2 * scale.crowding
        while 2 * len(slot_offsets(symbol_height, scale)) < side_edges[number - 1] + 2:
            symbol_height += 2 * scale.gap  # a busy step grows so each of its edges gets its own slot
        above, below = _gaps(scale, label_rows[number - 1])
        height = max(scale.snap(above + max(symbol_height, symbols.tallest) + below),
                     *(scale.block_height(fitted) for fitted in texts.values()))
        plans.append(_RowPlan(step.id, number, kind, actor_index[step.pelaksana], texts, height, symbol_height,
                              label_rows[number - 1]))
    return plans


def _indexed_edges(sop: Sop) -> list[tuple[int, int, Edge]]:
    """Every edge with the row numbers (from 0) of its source and target; a
    duplicated id means its first step, as in the flow."""
    index_of: dict[str, int] = {}
    for index, step in enumerate(sop.langkah):
        index_of.setdefault(step.id, index)
    return [(index_of[e.source], index_of[e.target], e) for e in sop.flow.edges]


def _side_edges(count: int, edges: list[tuple[int, int, Edge]]) -> list[int]:
    """Per step, how many of its edges will likely leave or enter a side
    (all but one hand-off from the previous row and one to the next)."""
    counts = [0] * count
    for source, target, _ in edges:
        if target != source + 1:
            counts[source] += 1
            counts[target] += 1
    return counts


def _gaps(scale: Scale, label_lines: int = 1) -> tuple[float, float]:
    """Room above a symbol for the arrow coming in, below it for a branch
    label and the turn of the hand-off; a label of several lines gets them
    below, and as many more above for a label beside the symbol."""
    more = label_lines - 1
    if scale.cells:
        return 2 + more, 2 + more  # grid line + arrow cell; label cell + turn cell
    return 2.5 * scale.gap + more * scale.label_line, (1 + more) * scale.label_line + 2.5 * scale.gap


def _connector_size(symbols: SymbolSize, scale: Scale) -> tuple[float, float]:
    if scale.cells:
        return 3.0, 2.0
    width = scale.snap(min(symbols.width * 0.5, 2.4 * scale.size))
    return width, scale.snap(width * 0.9)


def _connector_names(edges: list[tuple[int, int, Edge]], page_of: dict[int, int]) -> dict[int, str]:
    """A, B, ... Z, AA, AB ... for each edge between pages, in step order."""
    names, count = {}, 0
    for position, (source, target, _) in enumerate(edges):
        if page_of[source] != page_of[target]:
            names[position] = _letters(count)
            count += 1
    return names


def _letters(n: int) -> str:
    letters = string.ascii_uppercase
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = letters[rest] + out
    return out


@dataclass(frozen=True)
class _Sheet:
    """What every page of one layout shares: its size, the table's columns and
    header, the symbol and connector sizes, the options."""

    width: float
    height: float
    columns: tuple[Column, ...]
    header: tuple[HeaderCell, ...]
    header_bottom: float
    symbols: SymbolSize
    connector: tuple[float, float]
    options: PageOptions
    scale: Scale


def _page(sheet: _Sheet, number: int, rows: list[int], plans: list[_RowPlan], edges: list[tuple[int, int, Edge]],
          page_of: dict[int, int], names: dict[int, str]) -> tuple[Page, bool]:
    """One page: its rows stacked between the connector bands, symbols placed, edges routed."""
    scale, index = sheet.scale, number - 1
    local = {row: k for k, row in enumerate(rows)}
    arriving = [i for i, (s, t, _) in enumerate(edges) if page_of[t] == index and page_of[s] != index]
    leaving = [i for i, (s, t, _) in enumerate(edges) if page_of[s] == index and page_of[t] != index]
    top_band = Band(sheet.header_bottom, len(arriving)) if arriving else None
    y = scale.snap(sheet.header_bottom + band_height(len(arriving), sheet.connector[1], scale))
    actor_cols = [c for c in sheet.columns if c.key.startswith("pelaksana:")]
    placed, table_rows, drawn = [], [], []
    for row in rows:
        plan = plans[row]
        bottom = scale.snap(y + plan.height)
        item = _place(plan, y, bottom, actor_cols[plan.column], sheet.symbols, scale)
        placed.append(item)
        table_rows.append(Row(plan.step_id, plan.number, y, bottom, _cells(plan, sheet.columns, y, bottom, scale)))
        number_text = Text(item.box, (str(plan.number),), scale.size, align="center")
        text = number_text if sheet.options.symbol_numbers else None
        drawn.append(Symbol(plan.step_id, plan.kind, item.box, text))  # type: ignore[arg-type]
        y = bottom
    bottom_band = Band(y, len(leaving)) if leaving else None
    table_bottom = y + band_height(len(leaving), sheet.connector[1], scale)
    router = PageRouter(placed, [(c.left, c.right) for c in actor_cols], scale, sheet.options.metrics,
                        top_band, bottom_band, sheet.connector)
    _route(router, edges, local, arriving, leaving, names, len(rows))
    table = scale.box(sheet.columns[0].left, sheet.header[0].box.y, sheet.columns[-1].right, table_bottom)
    page = Page(number, sheet.width, sheet.height, table, sheet.columns, sheet.header, tuple(table_rows),
                tuple(drawn), tuple(router.results()), tuple(router.connectors))
    return page, router.crowded


def _place(plan: _RowPlan, top: float, bottom: float, column: Column, symbols: SymbolSize,
           scale: Scale) -> Placed:
    above, below = _gaps(scale, plan.label_lines)
    height = plan.symbol_height
    x = _symbol_x(column, symbols.width, scale)
    if scale.cells:
        y = top + above + (bottom - top - above - below - height) // 2
        turn = bottom - 1
    else:
        y = scale.snap((top + above + bottom - below) / 2 - height / 2)
        turn = scale.snap(bottom - 1.5 * scale.gap)
    return Placed(plan.number - 1, top, bottom, Box(x, y, symbols.width, height), plan.kind, plan.column, turn)


def _symbol_x(column: Column, width: float, scale: Scale) -> float:
    """The left of a symbol centred in its actor column."""
    return scale.snap(column.left + (column.right - column.left - width) / 2)


def _cells(plan: _RowPlan, columns: tuple[Column, ...], top: float, bottom: float, scale: Scale) -> tuple[Text, ...]:
    """One text per text column, in column order (No, Kegiatan, then Mutu Baku and Keterangan if the table has them)."""
    by_key = {column.key: column for column in columns}
    return tuple(
        scale.text(by_key[key].left, top, by_key[key].right, bottom, plan.texts[key],
                   align="center" if key in ("no", "waktu") else "left")
        for key in ("no", *(key for key in TEXT_COLUMNS["full"] if key in by_key))
    )


def _route(router: PageRouter, edges: list[tuple[int, int, Edge]], local: dict[int, int], arriving: list[int],
           leaving: list[int], names: dict[int, str], count: int) -> None:
    """Hand-offs first, then straight band links, then everything else through lanes."""
    parts: dict[int, Part] = {}
    for i, (s, t, edge) in enumerate(edges):
        if s in local and t in local:
            parts[i] = Part(edge, local[s], local[t])
        elif t in local:
            parts[i] = Part(edge, None, local[t], names[i])
        elif s in local:
            parts[i] = Part(edge, local[s], None, names[i])
    rest = []
    for i, part in parts.items():
        s, t = part.source, part.target
        if s is not None and t == s + 1 and s not in router.bottom_used and t not in router.top_used:
            router.hand_off(part)
        else:
            rest.append(i)
    lanes = []
    for i in rest:
        part = parts[i]
        if part.target is None and part.source == count - 1 and part.source not in router.bottom_used:
            router.straight_to_band(part)
        elif part.source is None and part.target == 0 and 0 not in router.top_used:
            router.straight_from_band(part)
        else:
            lanes.append(i)

    def span(i: int) -> tuple[float, int]:
        part = parts[i]
        s = part.source if part.source is not None else -1
        t = part.target if part.target is not None else count
        return (abs(t - s), i)

    for i in sorted(lanes, key=span):
        router.via_lane(parts[i], parts[i].edge.label)
    router.place_connectors([parts[i] for i in arriving], [parts[i] for i in leaving])

