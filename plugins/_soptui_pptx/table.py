"""The mutu baku as a native table, continued over as many slides as it needs.

Rows are measured before they are placed, so a slide takes only the rows
that fit; a row taller than a whole slide is split between its lines and
continues, without its number, on the next slide. Each slide's speaker
notes hold the Keterangan of the steps it shows.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import partial

from _soptui_pptx import labels
from _soptui_pptx.draw import emu, paragraphs_xml
from _soptui_pptx.flowtext import Para
from _soptui_pptx.frame import BODY, new_slide
from _soptui_pptx.notes import StepNotes
from _soptui_pptx.package import Slide
from _soptui_pptx.palette import Palette
from _soptui_pptx.text import line_height, wrap
from soptui.model import Sop

SIZE = 12.0
CELL_PAD_X = 4.0
CELL_PAD_Y = 3.0
#: Column widths in points; they add up to the body width (912).
WIDTHS = (40.0, 290.0, 150.0, 170.0, 92.0, 170.0)


@dataclass(frozen=True)
class TableRow:
    """One table row: the wrapped lines of each cell, and the step it shows."""

    cells: tuple[tuple[str, ...], ...]
    step_id: str | None
    bold: bool = False

    @property
    def height(self) -> float:
        return max(len(lines) for lines in self.cells) * line_height(SIZE) + 2 * CELL_PAD_Y


def table_slides(sop: Sop, palette: Palette, tag: str, notes: StepNotes) -> list[Slide]:
    """The mutu baku table, a slide per page of rows."""
    header = _row(labels.TABLE_COLUMNS, None, bold=True)
    pages = paginate([_step_row(sop, index) for index in range(len(sop.langkah))], BODY.height - header.height)
    return [Slide(partial(_draw_table, header, rows, number, palette, tag),
                  notes.of(row.step_id for row in rows if row.step_id)) for number, rows in enumerate(pages)]


def _draw_table(header: TableRow, rows: list[TableRow], number: int, palette: Palette, tag: str) -> str:
    title = labels.MUTU_BAKU if number == 0 else f"{labels.MUTU_BAKU} ({labels.CONTINUED})"
    drawing = new_slide(title, palette, tag)
    drawing.raw(_table_xml([header, *rows], palette))
    return drawing.xml()


def paginate(rows: list[TableRow], room: float) -> list[list[TableRow]]:
    """Rows grouped into slides no taller than ``room``; oversized rows are split."""
    pages: list[list[TableRow]] = [[]]
    used = 0.0
    queue = deque(rows)
    while queue:
        row = queue.popleft()
        if used + row.height <= room:
            pages[-1].append(row)
            used += row.height
            continue
        fit = int((room - used - 2 * CELL_PAD_Y) // line_height(SIZE))
        if fit >= 1 and (not pages[-1] or row.height > room):
            head = tuple(lines[:fit] for lines in row.cells)
            tail = tuple(lines[fit:] or ("",) for lines in row.cells)
            pages[-1].append(TableRow(head, row.step_id, row.bold))
            queue.appendleft(TableRow((("",),) + tail[1:], None, row.bold))  # the number is not repeated
        else:
            queue.appendleft(row)
        pages.append([])
        used = 0.0
    return [page for page in pages if page]


def _step_row(sop: Sop, index: int) -> TableRow:
    step = sop.langkah[index]
    actor = sop.actor(step.pelaksana)
    texts = (str(index + 1), step.kegiatan, actor.nama if actor else step.pelaksana, step.kelengkapan, step.waktu,
             step.output)
    return _row(texts, step.id)


def _row(texts, step_id: str | None, bold: bool = False) -> TableRow:
    cells = tuple(tuple(wrap(text, SIZE, width - 2 * CELL_PAD_X, bold)) for text, width in zip(texts, WIDTHS))
    return TableRow(cells, step_id, bold)


def _table_xml(rows: list[TableRow], palette: Palette) -> str:
    """A native table (``a:tbl``) with explicit fills and thin borders, no table style needed."""
    border = "".join(f'<a:{side} w="6350"><a:solidFill><a:srgbClr val="{palette.line}"/></a:solidFill></a:{side}>'
                     for side in ("lnL", "lnR", "lnT", "lnB"))
    margins = (f'marL="{emu(CELL_PAD_X)}" marR="{emu(CELL_PAD_X)}" marT="{emu(CELL_PAD_Y)}" '
               f'marB="{emu(CELL_PAD_Y)}"')
    body = []
    for index, row in enumerate(rows):
        fill = palette.primary if row.bold else (palette.lane if index % 2 == 0 else "FFFFFF")
        colour = palette.on_primary if row.bold else palette.text
        cells = []
        for column, lines in enumerate(row.cells):
            align = "center" if column in (0, 4) or row.bold else "left"
            text = paragraphs_xml([Para(lines, SIZE, row.bold, align=align, colour=colour)], palette)
            cells.append(f'<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{text}</a:txBody><a:tcPr {margins}>{border}'
                         f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></a:tcPr></a:tc>')
        body.append(f'<a:tr h="{emu(row.height)}">{"".join(cells)}</a:tr>')
    grid = "".join(f'<a:gridCol w="{emu(width)}"/>' for width in WIDTHS)
    height = sum(row.height for row in rows)
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{{id}}" name="{labels.MUTU_BAKU}"/>'
            '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
            f'</p:nvGraphicFramePr><p:xfrm><a:off x="{emu(BODY.x)}" y="{emu(BODY.y)}"/>'
            f'<a:ext cx="{emu(sum(WIDTHS))}" cy="{emu(height)}"/></p:xfrm><a:graphic>'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">'
            f'<a:tbl><a:tblPr firstRow="1"/><a:tblGrid>{grid}</a:tblGrid>{"".join(body)}</a:tbl>'
            "</a:graphicData></a:graphic></p:graphicFrame>")
