"""``compute_layout``: from an SOP and page options to every page's geometry.

Steps: measure the table (columns, header, each row's wrapped texts and
height), split the rows into pages, place each row's symbol in its actor's
column, then route the edges page by page (``page.py``). When a page is too
crowded for the clearances (an edge found no free track, a label or a
connector no clean place), the layout is made again with more room where it
was missing: wider actor columns, taller rows. Pure and deterministic: the
same SOP and options give the same layout, and nothing here imports a
drawing library.
"""

from __future__ import annotations

from dataclasses import replace

from soptui.flow import Edge
from soptui.layout.bands import band_positions
from soptui.layout.grid import TEXT_COLUMNS, Actor, SymbolSize, actor_columns, make_columns, row_texts
from soptui.layout.header import make_header
from soptui.layout.labels import label_limit, label_lines
from soptui.layout.lines import header_lines
from soptui.layout.options import PageOptions
from soptui.layout.page import Plan, Room, Sheet, Wants, build_page, cell_spans, relabelled, turn_names
from soptui.layout.paging import Piece, paginate
from soptui.layout.parts import ConnectorSize, band_height, gaps, turn_height
from soptui.layout.reuse import Reuse
from soptui.layout.routing import slot_offsets
from soptui.layout.scale import Fitted, Scale
from soptui.layout.tracks import Tracks
from soptui.layout.types import Column, FlowchartLayout, Page
from soptui.model import Sop, Step

#: How many times a layout is made again with more room where a page was too crowded.
MAX_RETRIES = 4
#: How many times one page is built again with taller rows, when it has the room for them.
PAGE_RETRIES = 3


def compute_layout(sop: Sop, options: PageOptions | None = None) -> FlowchartLayout:
    """The flowchart pages of ``sop`` (see docs/layout.md)."""
    options = options or PageOptions()
    room, reuse = Room(), Reuse()
    for _ in range(MAX_RETRIES + 1):
        layout, wants, room = _attempt(sop, options, room, reuse)
        if wants.crowded and not _widens(sop, options, room.crowding):
            wants.crowded = False  # the actors already take all the width they may: no use trying wider
        if not wants:
            break
        room = room.grown(wants)
    return layout


def _attempt(sop: Sop, options: PageOptions, room: Room, reuse: Reuse) -> tuple[FlowchartLayout, Wants, Room]:
    """The layout, what its pages still lacked, and the room it gave (the
    room asked for, and what pages with space to spare took at once)."""
    reuse.start(room.crowding)
    scale = Scale.of(options, room.crowding)
    width, height = options.page_size()
    top, right, bottom, left = (scale.snap(m) for m in options.margin_units())
    actors = actor_columns(sop)
    columns, symbols = make_columns(actors, len(sop.langkah), left, width - left - right, options, scale)
    header = make_header(columns, actors, top, scale, None if height is None else height - top - bottom)
    edges = _indexed_edges(sop)
    connector = ConnectorSize.of(scale, min(c.right - c.left for c in columns if c.kind == "actor"))
    plans = _measure(sop, columns, actors, symbols, edges, scale, room, connector, reuse)
    footer = options.footer if options.footer is not None else (0 if scale.cells else 2 * scale.line)
    legend = 0.0 if header.legend is None else scale.block_height(header.legend)
    free = None if height is None else height - top - bottom - footer - header.height - legend
    rows = paginate(plans, [(s, t) for s, t, _ in edges], free, lambda n: band_height(n, connector, scale), scale)
    actor_bounds = [(c.left, c.right) for c in columns if c.kind == "actor"]
    outline = scale.box(columns[0].left, top, columns[-1].right, top + header.height)
    sheet = Sheet(width, height or 0.0, columns, header, top + header.height, symbols, connector, options, scale,
                  Tracks.positions(actor_bounds, symbols.width, scale), header_lines(outline, header.cells, scale.snap),
                  band_positions([(c.left, c.right, c.kind == "actor") for c in columns], connector, scale),
                  cell_spans(columns, scale))
    pages, wants = [], Wants()
    page_of = {piece.step: number for number, page in enumerate(rows) for piece in page if not piece.continued}
    by_page = _edges_by_page(edges, page_of, len(rows))
    names = turn_names(edges, page_of)
    for number, page_rows in enumerate(rows, start=1):
        page, page_wants = _page(reuse, sheet, number, page_rows, plans, edges, by_page[number - 1], page_of, names)
        for _ in range(PAGE_RETRIES):  # a page with space to spare grows its rows at once
            if page_wants.crowded or not page_wants or free is None:
                break
            grown = {step: _grown(plans[step], page_wants, scale, symbols, connector)
                     for step in page_wants.rows | set(page_wants.symbols)}
            taller = [replace(piece, height=grown[piece.step].height) if piece.step in grown and not piece.continued
                      else piece for piece in page_rows]
            if page.body.height + sum(b.height - a.height for a, b in zip(page_rows, taller)) > free + 1e-6:
                break
            room = room.grown(page_wants, crowded=False)
            for step, plan in grown.items():
                plans[step] = plan
            page_rows = taller
            page, page_wants = _page(reuse, sheet, number, page_rows, plans, edges, by_page[number - 1], page_of,
                                     names)
        pages.append(page)
        wants.add(page_wants)
    page_height = height if height is not None else (pages[0].table.bottom + bottom + footer + legend)
    if height is None:
        pages = [replace(page, height=page_height) for page in pages]
    paper = options.paper if options.width is None else ("cells" if scale.cells else "custom")
    layout = FlowchartLayout(paper, options.orientation, options.columns, width, page_height, tuple(pages),
                             options.first_page)
    return layout, wants, room


def _page(reuse: Reuse, sheet: Sheet, number: int, pieces: list[Piece], plans: list[Plan],
          edges: list[tuple[int, int, Edge]], touching: list[int], page_of: dict[int, int],
          names: dict[int, str]) -> tuple[Page, Wants]:
    """``build_page``, or the page an earlier try built from the same inputs: its rows and their plans,
    the edges touching it and their ends' pages (the sheet is the same at one crowding), and the order
    of its page turns' names, which is all of the names that routing looks at."""
    ends = [(page_of[edges[i][0]], page_of[edges[i][1]]) for i in touching]
    turns = {i: names[i] for i in touching if i in names}
    inputs = (pieces, [plans[piece.step] for piece in pieces], touching, ends, sorted(turns, key=turns.__getitem__))
    return reuse.page(number, inputs, turns,
                      lambda: build_page(sheet, number, pieces, plans, edges, touching, page_of, names),
                      lambda page, renames: relabelled(page, sheet, renames))


def _widens(sop: Sop, options: PageOptions, crowding: int) -> bool:
    """Whether a more crowded try gets wider actor columns than this one."""
    width, _ = options.page_size()
    _, right, _, left = options.margin_units()
    actors = actor_columns(sop)

    def actor_width(level: int) -> float:
        columns, _ = make_columns(actors, len(sop.langkah), left, width - left - right, options,
                                  Scale.of(options, level))
        return next(c.right - c.left for c in columns if c.kind == "actor")

    return actor_width(crowding + 1) > actor_width(crowding) + 0.01


def _edges_by_page(edges: list[tuple[int, int, Edge]], page_of: dict[int, int], count: int) -> list[list[int]]:
    """For each page, the positions in ``edges`` of the edges that touch it."""
    pages: list[list[int]] = [[] for _ in range(count)]
    for position, (source, target, _) in enumerate(edges):
        pages[page_of[source]].append(position)
        if page_of[target] != page_of[source]:
            pages[page_of[target]].append(position)
    return pages


def _measure(sop: Sop, columns: tuple[Column, ...], actors: list[Actor], symbols: SymbolSize,
             edges: list[tuple[int, int, Edge]], scale: Scale, room: Room,
             connector: ConnectorSize, reuse: Reuse) -> list[Plan]:
    """Each step's texts wrapped, its symbol's size, and its row's height (a step given the room an
    earlier try at this crowding gave it measures as it did then)."""
    actor_index = {actor.id: i for i, actor in enumerate(actors)}
    actor_cols = [c for c in columns if c.kind == "actor"]
    side_edges = _side_edges(len(sop.langkah), edges)

    def measured(number: int, step: Step) -> Plan:
        texts, text_height = reuse.value(("texts", number), lambda: _texts(step, number, columns, scale))
        label_rows = reuse.value("label rows", lambda: _label_rows(sop, edges, actor_cols, actor_index, symbols, scale))
        kind = sop.flow.symbols.get(step.id, "proses")
        width, symbol_height = _symbol_box(kind, symbols, side_edges[number - 1], scale, actor_cols)
        plan = Plan(step.id, number, number - 1, kind, actor_index[step.pelaksana], texts, text_height, 0.0, 0.0,
                    width, scale.snap(symbol_height + room.symbols.get(number - 1, 0.0)), label_rows[number - 1],
                    room.rows.get(number - 1, 0))
        return _sized(plan, scale, symbols, connector)

    return [reuse.value(("plan", number, room.rows.get(number - 1, 0), room.symbols.get(number - 1, 0.0)),
                        lambda: measured(number, step))
            for number, step in enumerate(sop.langkah, start=1)]


def _label_rows(sop: Sop, edges: list[tuple[int, int, Edge]], actor_cols: list[Column],
                actor_index: dict[str, int], symbols: SymbolSize, scale: Scale) -> list[int]:
    """Per step, the most lines a branch label leaving it wraps to beside its symbol."""
    area = (actor_cols[0].left, actor_cols[-1].right)
    label_rows = [1] * len(sop.langkah)
    for source, _, edge in edges:
        if edge.label and edge.branch != "lanjut":
            column = actor_cols[actor_index[sop.langkah[source].pelaksana]]
            x = scale.snap(column.left + (column.right - column.left - symbols.width) / 2)
            lines = label_lines(edge.label, label_limit(area, (x, x + symbols.width), scale), scale, scale.metrics)
            label_rows[source] = max(label_rows[source], len(lines))
    return label_rows


def _texts(step: Step, number: int, columns: tuple[Column, ...], scale: Scale) -> tuple[dict[str, Fitted], float]:
    """A step's wrapped cell texts, and the height of the tallest cell (the same in every try at one crowding)."""
    texts = row_texts({key: getattr(step, key) for key in TEXT_COLUMNS["full"]}, number, columns, scale)
    return texts, max(scale.block_height(fitted) for fitted in texts.values())


def _sized(plan: Plan, scale: Scale, symbols: SymbolSize, connector: ConnectorSize) -> Plan:
    """The plan with its row's height: its symbol with room above and below (its labels, ``more`` lines
    asked for, a pentagon beside it), and never lower than its tallest text."""
    above, below = gaps(scale, plan.label_lines, plan.more)
    least = above + max(plan.symbol_height, symbols.tallest) + below
    least = max(least, _connector_room(plan.symbol_height, connector, scale) + plan.more * scale.label_line)
    height = max(scale.snap(least), plan.text_height)
    return replace(plan, height=height, least=scale.snap(least))


def _grown(plan: Plan, wants: Wants, scale: Scale, symbols: SymbolSize, connector: ConnectorSize) -> Plan:
    """The plan with what its page asked for: a label line more of room, a taller symbol."""
    more = plan.more + (plan.index in wants.rows)
    taller = scale.snap(plan.symbol_height + wants.symbols.get(plan.index, 0.0))
    return _sized(replace(plan, more=more, symbol_height=taller), scale, symbols, connector)


def _symbol_box(kind: str, symbols: SymbolSize, side_edges: int, scale: Scale,
                actor_cols: list[Column]) -> tuple[float, float]:
    """A step's symbol width and height: taller when many edges meet its
    sides (each needs its own slot), and a terminator then wider too, so it
    stays a capsule."""
    width = symbols.width
    height = symbols.heights.get(kind, symbols.heights["proses"])
    if scale.cells:
        height += 2 * scale.crowding
    step = 2 if scale.cells else scale.pitch
    while 2 * len(slot_offsets(height, scale)) < side_edges + 2:
        height += step
    if kind == "terminator" and not scale.cells:
        narrowest = min(c.right - c.left for c in actor_cols)
        width = scale.snap(max(width, min(height * 2.4, narrowest - 2 * (scale.clear + scale.symbol_clear))))
    return width, scale.snap(height)


def _connector_room(symbol_height: float, connector: ConnectorSize, scale: Scale) -> float:
    """The least row height that holds a pentagon beside the symbol's centre,
    clear of the row's lines and of the hand-off's turn."""
    if scale.cells:
        return 0.0
    above, below = gaps(scale)
    centre = above + symbol_height / 2
    need_above = connector.attach + scale.clear
    need_below = connector.height - connector.attach + scale.pitch / 2 + turn_height(scale)
    return max(centre, need_above) + max(symbol_height / 2 + below, need_below)


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
