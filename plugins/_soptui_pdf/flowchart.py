"""The flowchart pages (section 2 of the SOP AP document), drawn from the layout.

Everything here is a straight translation of :class:`soptui.layout.Page`
into strokes: the grid, the repeated header, the row texts, the symbols, the
arrows with their labels and the off-page connectors. No position is
computed here except the shape of a symbol inside the box the layout gave
it; the arrowhead is soptui.layout.arrows', as in the SVG.
"""

from __future__ import annotations

from _soptui_pdf.pen import LEADING, Pen
from soptui.layout.arrows import arrow
from soptui.layout.types import CONNECTOR_SHOULDER, Box, Connector, EdgePath, Page, Symbol, Text


def draw(pen: Pen, page: Page) -> None:
    """Draw one flowchart page: table first, flow on top."""
    _grid(pen, page)
    for cell in page.header:
        draw_text(pen, cell.text, pen.palette.header_ink)
    for row in page.rows:
        for text in row.cells:
            draw_text(pen, text)
    for edge in page.edges:
        _edge(pen, edge)
    for symbol in page.symbols:
        _symbol(pen, symbol)
        if symbol.text is not None:
            draw_text(pen, symbol.text)
    for connector in page.connectors:
        _connector(pen, connector)
    for edge in page.edges:
        if edge.label is not None:
            _label(pen, edge.label)
    if page.legend is not None:
        draw_text(pen, page.legend)


def draw_text(pen: Pen, text: Text, color: str | None = None) -> None:
    """Lines the layout already wrapped, from the top of their box."""
    box = text.box
    pen.lines(box.x, box.y, box.width, text.lines, text.size, text.bold, text.align, LEADING * text.size, color)


def _grid(pen: Pen, page: Page) -> None:
    """The actor lanes' tint, the header's fill, then every line of the layout's grid."""
    palette = pen.palette
    body = page.body
    if palette.lane_fill.lower() not in ("#fff", "#ffffff"):
        for column in page.columns:
            if column.kind == "actor":
                pen.rect(column.left, body.y, column.right - column.left, body.height, None, fill=palette.lane_fill)
    for cell in page.header:
        box = cell.box
        pen.rect(box.x, box.y, box.width, box.height, None, fill=palette.header_fill)
    pen.segments([(line.start, line.end) for line in page.lines], palette.grid, palette.grid_width)


def _symbol(pen: Pen, symbol: Symbol) -> None:
    palette = pen.palette
    box = symbol.box
    stroke, fill, width = palette.symbol_stroke, palette.symbol_fills[symbol.kind], palette.symbol_width
    if symbol.kind == "terminator":
        pen.rect(box.x, box.y, box.width, box.height, stroke, width, fill, radius=min(box.height, box.width) / 2)
    elif symbol.kind == "keputusan":
        cx, cy = box.center
        pen.polygon([(cx, box.y), (box.right, cy), (cx, box.bottom), (box.x, cy)], stroke, width, fill)
    else:
        pen.rect(box.x, box.y, box.width, box.height, stroke, width, fill)


def _connector(pen: Pen, connector: Connector) -> None:
    """A pentagon, point down, with the pair's label in its square part and its caption beside it."""
    palette = pen.palette
    box = connector.box
    shoulder = box.y + box.height * CONNECTOR_SHOULDER
    points = [(box.x, box.y), (box.right, box.y), (box.right, shoulder), (box.center[0], box.bottom), (box.x, shoulder)]
    pen.polygon(points, palette.symbol_stroke, palette.symbol_width, palette.symbol_fills["connector"])
    draw_text(pen, connector.text)
    if connector.caption is not None:
        draw_text(pen, connector.caption, palette.muted)


def _edge(pen: Pen, edge: EdgePath) -> None:
    """The polyline, stopped short of its end, and a filled head on the end."""
    drawn = arrow(edge.points)
    if drawn is None:
        return
    shaft, head = drawn
    pen.polyline(shaft, pen.palette.arrow, pen.palette.arrow_width)
    pen.polygon(list(head), None, 0, pen.palette.arrow)


def _label(pen: Pen, text: Text) -> None:
    """A branch label on a plain patch, so a line under it never hides it."""
    box: Box = text.box
    pen.rect(box.x, box.y, box.width, box.height, None, fill=pen.palette.label_fill)
    draw_text(pen, text)
