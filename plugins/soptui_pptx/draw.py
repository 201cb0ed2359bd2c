"""Writing slide shapes as DrawingML, in points with a top-left origin.

python-pptx builds each shape through many small element operations, about
two milliseconds a text box; a flowchart slide has hundreds. A
:class:`Drawing` instead writes the XML of all shapes of a slide as text and
adds them in one parse, which is some fifty times faster and gives the same
file. python-pptx still owns the package, the slides, charts and notes, and
reads everything back.

Every text is written with exact line spacing (``text.LEADING``) so its
height on the slide is the height measured here, in PowerPoint and in
LibreOffice Impress alike.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from pptx.oxml import parse_xml

from soptui_pptx.elbow import Geometry
from soptui_pptx.flowtext import Para
from soptui_pptx.palette import Palette
from soptui_pptx.text import line_height

#: Inner margin of every text box, in points (left/right, top/bottom).
PAD_X = 4.0
PAD_Y = 2.0
EMU = 12700
_NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
_TEXT_BOX = ' txBox="1"'
#: A proportional sans serif: where the font is missing, PowerPoint substitutes one (Arial), not a serif.
_SANS = ' pitchFamily="34" charset="0"'
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def emu(points: float) -> int:
    return round(points * EMU)


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def paragraphs_xml(paragraphs: list[Para], palette: Palette) -> str:
    """``a:p`` elements; the lines of a paragraph are joined by line breaks."""
    out = []
    for index, para in enumerate(paragraphs):
        attributes = f' algn="{_ALIGN[para.align]}"'
        if para.indent:
            attributes += f' marL="{emu(para.indent)}" indent="{0 if para.continued else -emu(para.indent)}"'
        spacing = f'<a:lnSpc><a:spcPts val="{round(line_height(para.size) * 100)}"/></a:lnSpc>'
        if index and para.space_before:
            spacing += f'<a:spcBef><a:spcPts val="{round(para.space_before * 100)}"/></a:spcBef>'
        colour = para.colour or palette.text
        run_pr = (f'<a:rPr lang="id-ID" sz="{round(para.size * 100)}" b="{1 if para.bold else 0}" dirty="0">'
                  f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
                  f"<a:latin typeface={quoteattr(palette.font)}{_SANS}/><a:cs typeface={quoteattr(palette.font)}{_SANS}/>"
                  "</a:rPr>")
        runs = f"<a:br>{run_pr}</a:br>".join(f"<a:r>{run_pr}<a:t>{_text(line)}</a:t></a:r>" for line in para.lines)
        out.append(f"<a:p><a:pPr{attributes}>{spacing}</a:pPr>{runs}<a:endParaRPr lang=\"id-ID\" "
                   f'sz="{round(para.size * 100)}" dirty="0"/></a:p>')
    return "".join(out)


def _description(text: str) -> str:
    return f" descr={quoteattr(_NOT_XML.sub('', text))}" if text else ""


def _fill(colour: str | None) -> str:
    return f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>' if colour else "<a:noFill/>"


def _line(colour: str | None, width: float, tail: bool = False) -> str:
    if not colour:
        return "<a:ln><a:noFill/></a:ln>"
    head = '<a:tailEnd type="triangle" w="med" len="med"/>' if tail else ""
    return f'<a:ln w="{emu(width)}">{_fill(colour)}{head}</a:ln>'


class Drawing:
    """The shapes of one slide, collected as XML and added by :meth:`flush`."""

    def __init__(self, slide, palette: Palette) -> None:
        self.slide = slide
        self.palette = palette
        self._tree = slide.shapes._spTree
        self._next_id = max([int(i) for i in self._tree.xpath("//p:cNvPr/@id")] + [1]) + 1
        self._parts: list[str] = []

    def _id(self) -> int:
        shape_id, self._next_id = self._next_id, self._next_id + 1
        return shape_id

    def shape(self, x, y, w, h, *, name: str, preset: str = "rect", fill: str | None = None,
              line: str | None = None, line_width: float = 0.75, paragraphs: list[Para] = (),
              anchor: str = "top", pad: tuple[float, float] = (PAD_X, PAD_Y), text_box: bool = False,
              description: str = "") -> int:
        """A preset shape (``rect``, ``flowChartProcess``...) or a text box; returns its id.

        ``description`` is the shape's alternative text, read by screen readers.
        """
        shape_id = self._id()
        body = ""
        if paragraphs:
            body = (f'<p:txBody><a:bodyPr wrap="square" lIns="{emu(pad[0])}" tIns="{emu(pad[1])}" '
                    f'rIns="{emu(pad[0])}" bIns="{emu(pad[1])}" anchor="{_ANCHOR[anchor]}" rtlCol="0">'
                    f"<a:noAutofit/></a:bodyPr><a:lstStyle/>{paragraphs_xml(list(paragraphs), self.palette)}"
                    "</p:txBody>")
        self._parts.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}{_description(description)}/>'
            f"<p:cNvSpPr{_TEXT_BOX if text_box else ''}/><p:nvPr/></p:nvSpPr>"
            f'<p:spPr><a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'
            f'<a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>{_fill(fill)}{_line(line, line_width)}</p:spPr>'
            f"{body}</p:sp>")
        return shape_id

    def text(self, x, y, w, h, lines, size: float, *, name: str, bold=False, align="left", colour=None,
             anchor="top", pad: tuple[float, float] = (PAD_X, PAD_Y)) -> int:
        """A text box holding one paragraph of already wrapped ``lines``."""
        para = Para(tuple(lines), size, bold, align=align, colour=colour)
        return self.shape(x, y, w, h, name=name, paragraphs=[para], anchor=anchor, pad=pad, text_box=True)

    def connector(self, geometry: Geometry, *, name: str, begin: tuple[int, int], end: tuple[int, int],
                  colour: str, width: float = 1.25) -> int:
        """An elbow connector glued to ``begin`` and ``end`` (shape id, site), with an arrowhead at its end."""
        shape_id = self._id()
        transform = "".join((f' rot="{geometry.rotation * 60000}"' if geometry.rotation else "",
                             ' flipH="1"' if geometry.flip_h else "", ' flipV="1"' if geometry.flip_v else ""))
        guides = "".join(f'<a:gd name="adj{i}" fmla="val {v}"/>' for i, v in enumerate(geometry.adjust, start=1))
        self._parts.append(
            f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/><p:cNvCxnSpPr>'
            f'<a:stCxn id="{begin[0]}" idx="{begin[1]}"/><a:endCxn id="{end[0]}" idx="{end[1]}"/>'
            f"</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>"
            f'<p:spPr><a:xfrm{transform}><a:off x="{emu(geometry.x)}" y="{emu(geometry.y)}"/>'
            f'<a:ext cx="{emu(geometry.width)}" cy="{emu(geometry.height)}"/></a:xfrm>'
            f'<a:prstGeom prst="{geometry.preset}"><a:avLst>{guides}</a:avLst></a:prstGeom>'
            f"{_line(colour, width, tail=True)}</p:spPr></p:cxnSp>")
        return shape_id

    def raw(self, xml: str) -> int:
        """An element written by the caller with ``{id}`` where its shape id goes (tables)."""
        shape_id = self._id()
        self._parts.append(xml.replace("{id}", str(shape_id), 1))
        return shape_id

    def flush(self) -> None:
        """Add everything collected to the slide, in drawing order."""
        if self._parts:
            tree = parse_xml(f"<p:spTree {_NS}>{''.join(self._parts)}</p:spTree>")
            self._tree.extend(list(tree))
            self._parts = []


def set_notes(slide, paragraphs: list[str]) -> None:
    """Speaker notes, one paragraph per entry; nothing when empty."""
    if paragraphs:
        slide.notes_slide.notes_text_frame.text = "\n".join(paragraphs)
