"""The flowchart slides, drawn from the computed layout and nothing else.

One slide per layout page. The table grid and the actor lanes come from the
page's columns, rows and header; symbols become native flowchart shapes
named after their step; every arrow is one elbow connector glued at both
ends (the site is chosen from the direction the layout's first and last
segments take) and shaped to the layout's own polyline, with an arrowhead
and its Ya/Tidak label. Off-page connectors pair the arrows that continue
on another slide.
"""

from __future__ import annotations

from soptui.layout.types import Box, EdgePath, FlowchartLayout, Page, Text
from soptui.model import Sop
from soptui_pptx import labels
from soptui_pptx.draw import Drawing, set_notes
from soptui_pptx.elbow import geometry
from soptui_pptx.flowtext import Para
from soptui_pptx.frame import TITLE_BAND, new_slide
from soptui_pptx.notes import step_notes

#: The DrawingML preset of each symbol.
PRESETS = {
    "terminator": "flowChartTerminator",
    "proses": "flowChartProcess",
    "keputusan": "flowChartDecision",
}
OFF_PAGE = "flowChartOffpageConnector"
#: Connection sites of the flowchart presets: top, left, bottom, right.
TOP, LEFT, BOTTOM, RIGHT = 0, 1, 2, 3


def symbol_name(step_id: str) -> str:
    """The shape name of a step's symbol (tests and users find it by this)."""
    return f"langkah:{step_id}"


def connector_name(label: str, role: str) -> str:
    return f"penghubung:{label}:{role}"


def add_flowchart_slides(prs, sop: Sop, layout: FlowchartLayout, palette, tag: str) -> int:
    total = len(layout.pages)
    descriptions = {step.id: f"{number}. {step.kegiatan}" for number, step in enumerate(sop.langkah, start=1)}
    for page in layout.pages:
        title = labels.FLOWCHART
        if total > 1:
            title += " (" + labels.PAGE_OF.format(page=page.number, pages=total) + ")"
        drawing = new_slide(prs, title, palette, tag)
        _draw_page(drawing, page, descriptions)
        drawing.flush()
        set_notes(drawing.slide, step_notes(sop, [symbol.step_id for symbol in page.symbols]))
    return total


def _draw_page(drawing: Drawing, page: Page, descriptions: dict[str, str]) -> None:
    """Everything of one layout page; each symbol's alternative text is its step's number and Kegiatan."""
    palette = drawing.palette
    dy = TITLE_BAND
    table = page.table
    header_bottom = max((cell.box.bottom for cell in page.header), default=table.y)
    for index, column in enumerate(c for c in page.columns if c.key.startswith("pelaksana:")):
        if index % 2 == 0:
            drawing.shape(column.left, header_bottom + dy, column.right - column.left, table.bottom - header_bottom,
                          name=f"lajur:{column.key.partition(':')[2]}", fill=palette.lane)
    for column in page.columns:
        drawing.shape(column.left, table.y + dy, column.right - column.left, table.height, name=f"kolom:{column.key}",
                      line=palette.line, line_width=0.5)
    for cell in page.header:
        drawing.shape(cell.box.x, cell.box.y + dy, cell.box.width, cell.box.height, name="kepala tabel",
                      fill=palette.primary, line=palette.line, line_width=0.5)
        _text(drawing, cell.text, dy, "kepala tabel", palette.on_primary)
    for row in page.rows:
        drawing.shape(table.x, row.top + dy, table.width, row.bottom - row.top, name=f"baris:{row.step_id}",
                      line=palette.line, line_width=0.5)
        for text in row.cells:
            _text(drawing, text, dy, f"teks:{row.step_id}")
    ids = {}
    for symbol in page.symbols:
        inner = [_para(symbol.text)] if symbol.text is not None else []
        ids[("step", symbol.step_id)] = _symbol(drawing, PRESETS[symbol.kind], symbol.box, dy, symbol_name(symbol.step_id),
                                                getattr(palette, symbol.kind), inner,
                                                descriptions.get(symbol.step_id, ""))
    for connector in page.connectors:
        label = Para((connector.label,), 12.0, True, align="center")
        ids[(connector.role, connector.label)] = _symbol(drawing, OFF_PAGE, connector.box, dy,
                                                         connector_name(connector.label, connector.role),
                                                         palette.connector, [label])
    for edge in page.edges:
        _arrow(drawing, edge, ids, dy)


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


def _arrow(drawing: Drawing, edge: EdgePath, ids: dict, dy: float) -> None:
    """One glued elbow connector along ``edge.points``, with its arrowhead and label."""
    begin = ids.get(("in", edge.via)) or ids[("step", edge.source)]
    end = ids.get(("out", edge.via)) or ids[("step", edge.target)]
    points = tuple((x, y + dy) for x, y in edge.points)
    drawing.connector(geometry(points), name=f"panah:{edge.source}->{edge.target}:{edge.branch}",
                      begin=(begin, _leaving_site(points[0], points[1])),
                      end=(end, _entering_site(points[-2], points[-1])), colour=drawing.palette.arrow)
    if edge.label is not None:
        _text(drawing, edge.label, dy, f"label:{edge.source}:{edge.branch}", fill=drawing.palette.label)


def _leaving_site(first, second) -> int:
    dx, dy = second[0] - first[0], second[1] - first[1]
    if abs(dx) >= abs(dy):
        return RIGHT if dx > 0 else LEFT
    return BOTTOM if dy > 0 else TOP


def _entering_site(before, last) -> int:
    dx, dy = last[0] - before[0], last[1] - before[1]
    if abs(dx) >= abs(dy):
        return LEFT if dx > 0 else RIGHT
    return TOP if dy > 0 else BOTTOM
