"""Small drawing helpers over python-pptx, in points with a top-left origin.

Every text is written with exact line spacing (``text.LEADING``) so its
height on the slide is the height measured here, in PowerPoint and in
LibreOffice Impress alike.
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from soptui_pptx.flowtext import Para
from soptui_pptx.palette import Palette
from soptui_pptx.text import line_height

#: Inner margin of every text box, in points (left/right, top/bottom).
PAD_X = 4.0
PAD_Y = 2.0

_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
_ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


def emu(points: float) -> Emu:
    return Emu(round(points * 12700))


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


def text_height(lines: int, size: float) -> float:
    """The height a box needs for ``lines`` lines at ``size``, margins included."""
    return lines * line_height(size) + 2 * PAD_Y


def fill_text(frame, paragraphs: list[Para], palette: Palette, *, anchor: str = "top",
              pad: tuple[float, float] = (PAD_X, PAD_Y)):
    """Write ``paragraphs`` into a text frame.

    The lines of a paragraph are joined with line breaks, so the wrapping
    decided by the caller is kept.
    """
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = _ANCHOR[anchor]
    frame.margin_left = frame.margin_right = emu(pad[0])
    frame.margin_top = frame.margin_bottom = emu(pad[1])
    return write_paragraphs(frame, paragraphs, palette)


def write_paragraphs(frame, paragraphs: list[Para], palette: Palette):
    """The paragraphs alone, for frames whose margins live elsewhere (table cells)."""
    for index, para in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = _ALIGN[para.align]
        paragraph.line_spacing = Pt(line_height(para.size))
        if index and para.space_before:
            paragraph.space_before = Pt(para.space_before)
        if para.indent:
            _hang(paragraph, para.indent, para.continued)
        paragraph.text = "\v".join(para.lines)  # "\v" becomes a line break (a:br)
        for run in paragraph.runs:
            font = run.font
            font.name = palette.font
            font.size = Pt(para.size)
            font.bold = para.bold
            font.color.rgb = rgb(para.colour or palette.text)
    return frame


def _hang(paragraph, indent: float, continued: bool) -> None:
    """Indent every line but the first (the list number), or all of them for a continuation."""
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.set("marL", str(emu(indent)))
    p_pr.set("indent", "0" if continued else str(-emu(indent)))


def add_text(slide, x, y, w, h, lines, size, palette: Palette, *, bold=False, align="left", colour=None,
             anchor="top", name=None):
    """A text box holding one paragraph of already wrapped ``lines``."""
    shape = slide.shapes.add_textbox(emu(x), emu(y), emu(w), emu(h))
    if name:
        shape.name = name
    fill_text(shape.text_frame, [Para(tuple(lines), size, bold, align=align, colour=colour)], palette, anchor=anchor)
    return shape


def add_rect(slide, x, y, w, h, fill: str | None, line: str | None = None, *, kind=MSO_SHAPE.RECTANGLE, width=0.75):
    """A plain shape, filled or not, outlined or not, without shadow."""
    shape = slide.shapes.add_shape(kind, emu(x), emu(y), emu(w), emu(h))
    if fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(fill)
    else:
        shape.fill.background()
    if line:
        shape.line.color.rgb = rgb(line)
        shape.line.width = Pt(width)
    else:
        shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


def set_notes(slide, paragraphs: list[str]) -> None:
    """Speaker notes, one paragraph per entry; nothing when empty."""
    if paragraphs:
        slide.notes_slide.notes_text_frame.text = "\n".join(paragraphs)
