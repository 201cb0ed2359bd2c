"""The flowchart slides, drawn from the computed layout and nothing else.

One slide per layout page. The table grid and the actor lanes come from the
page's columns, rows and header; symbols become native flowchart shapes
named after their step; every arrow is a path through the layout's own
polyline, with an arrowhead and its Ya/Tidak label. Off-page connectors
pair the arrows that continue on another slide.
"""

from __future__ import annotations

from functools import partial

from _soptui_pptx import labels
from _soptui_pptx.draw import Drawing
from _soptui_pptx.flowtext import Para
from _soptui_pptx.frame import TITLE_BAND, new_slide
from _soptui_pptx.notes import StepNotes
from _soptui_pptx.package import Slide
from soptui.layout.types import Box, Connector, EdgePath, FlowchartLayout, Page, Text
from soptui.model import Sop

#: The DrawingML preset of each symbol.
PRESETS = {
    "terminator": "flowChartTerminator",
    "proses": "flowChartProcess",
    "keputusan": "flowChartDecision",
}
OFF_PAGE = "flowChartOffpageConnector"


def symbol_name(step_id: str) -> str:
    """The shape name of a step's symbol (tests and users find it by this)."""
    return f"langkah:{step_id}"


def connector_name(connector: Connector) -> str:
    """``penghubung:<label>:<role>:<source>-><target>``: a beside pair's label (a step number) may repeat."""
    return f"penghubung:{connector.label}:{connector.role}:{connector.source}->{connector.target}"


def flowchart_slides(sop: Sop, layout: FlowchartLayout, palette, tag: str, notes: StepNotes) -> list[Slide]:
    """One slide per layout page, each drawn when the deck is written."""
    total = len(layout.pages)
    descriptions = {step.id: f"{number}. {step.kegiatan}" for number, step in enumerate(sop.langkah, start=1)}
    headers: dict = {}  # the header's XML, drawn once for the whole deck
    slides = []
    for page in layout.pages:
        title = labels.FLOWCHART
        if total > 1:
            title += " (" + labels.PAGE_OF.format(page=page.number, pages=total) + ")"
        slides.append(Slide(partial(_draw_slide, page, title, palette, tag, descriptions, headers),
                            notes.of(symbol.step_id for symbol in page.symbols)))
    return slides


def _draw_slide(page: Page, title: str, palette, tag: str, descriptions: dict[str, str], headers: dict) -> str:
    drawing = new_slide(title, palette, tag)
    _draw_page(drawing, page, descriptions, headers)
    return drawing.xml()


def _draw_page(drawing: Drawing, page: Page, descriptions: dict[str, str], headers: dict) -> None:
    """Everything of one layout page; each symbol's alternative text is its step's number and Kegiatan."""
    palette = drawing.palette
    dy = TITLE_BAND
    body = page.body
    for index, column in enumerate(c for c in page.columns if c.kind == "actor"):
        if index % 2 == 0:
            drawing.shape(column.left, body.y + dy, column.right - column.left, body.height,
                          name=f"lajur:{column.actor}", fill=palette.lane)
    drawing.reuse(headers, page.header, partial(_header, drawing, page, dy))
    for line in page.lines:
        if line.kind != "header":
            drawing.line(line.start[0], line.start[1] + dy, line.end[0], line.end[1] + dy, name=f"garis:{line.kind}",
                         colour=palette.line)
    for row in page.rows:
        for text in row.cells:
            _text(drawing, text, dy, f"teks:{row.step_id}")
    for symbol in page.symbols:
        inner = [_para(symbol.text)] if symbol.text is not None else []
        _symbol(drawing, PRESETS[symbol.kind], symbol.box, dy, symbol_name(symbol.step_id),
                getattr(palette, symbol.kind), inner, descriptions.get(symbol.step_id, ""))
    for connector in page.connectors:
        _symbol(drawing, OFF_PAGE, connector.box, dy, connector_name(connector), palette.connector,
                [_para(connector.text)])
        if connector.caption is not None:
            _text(drawing, connector.caption, dy, f"halaman:{connector_name(connector)}", palette.muted)
    for edge in page.edges:
        _arrow(drawing, edge, dy)
    if page.legend is not None:
        _text(drawing, page.legend, dy, "singkatan")


def _header(drawing: Drawing, page: Page, dy: float) -> None:
    """The header's cells, texts and inner lines: the same on every slide of a deck."""
    for cell in page.header:
        drawing.shape(cell.box.x, cell.box.y + dy, cell.box.width, cell.box.height, name="kepala tabel",
                      fill=drawing.palette.primary)
        _text(drawing, cell.text, dy, "kepala tabel", drawing.palette.on_primary)
    for line in page.lines:
        if line.kind == "header":
            drawing.line(line.start[0], line.start[1] + dy, line.end[0], line.end[1] + dy, name="garis:header",
                         colour=drawing.palette.line)


def _para(text: Text) -> Para:
    return Para(text.lines, text.size, text.bold, align="center")


def _symbol(drawing: Drawing, preset: str, box: Box, dy: float, name: str, fill: str, inner: list[Para],
            description: str = "") -> int:
    return drawing.shape(box.x, box.y + dy, box.width, box.height, name=name, preset=preset, fill=fill,
                         line=drawing.palette.stroke, line_width=1.0, paragraphs=inner, anchor="middle", pad=(0, 0),
                         description=description)


def _text(drawing: Drawing, text: Text, dy: float, name: str, colour: str | None = None,
          fill: str | None = None) -> None:
    if any(line.strip() for line in text.lines):
        drawing.shape(text.box.x, text.box.y + dy, text.box.width, text.box.height, name=name, text_box=True, fill=fill,
                      paragraphs=[Para(text.lines, text.size, text.bold, align=text.align, colour=colour)], pad=(0, 0))


def arrow_name(edge: EdgePath) -> str:
    """``panah:<source>-><target>:<branch>``, with ``:<letter>`` for a part that runs to or from a connector pair."""
    name = f"panah:{edge.source}->{edge.target}:{edge.branch}"
    return f"{name}:{edge.via}" if edge.via else name


def _arrow(drawing: Drawing, edge: EdgePath, dy: float) -> None:
    """The layout's polyline as a path with its arrowhead, then its label."""
    drawing.arrow(tuple((x, y + dy) for x, y in edge.points), name=arrow_name(edge), colour=drawing.palette.arrow)
    if edge.label is not None:
        _text(drawing, edge.label, dy, f"label:{edge.source}:{edge.branch}", fill=drawing.palette.label)
