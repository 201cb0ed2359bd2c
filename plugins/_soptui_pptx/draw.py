"""Writing slide shapes as DrawingML text, in points with a top-left origin.

python-pptx builds each shape through many small element operations, about
two milliseconds a text box, and keeps every slide as an element tree until
it saves. A :class:`Drawing` instead writes the XML of a slide's shapes as
text: the package writer (``package.py``) streams it into the file, and
python-pptx reads it back like any other deck (the tests do).

Every text is written with exact line spacing (``text.LEADING``) so its
height on the slide is the height measured here, in PowerPoint and in
LibreOffice Impress alike. Every user text goes through :func:`xml_safe`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

from _soptui_pptx.flowtext import Para
from _soptui_pptx.palette import Palette
from _soptui_pptx.text import NEEDS_WORK, line_height, xml_safe

#: Inner margin of every text box, in points (left/right, top/bottom).
PAD_X = 4.0
PAD_Y = 2.0
EMU = 12700
NAMESPACES = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
_TEXT_BOX = ' txBox="1"'
#: A proportional sans serif: where the font is missing, PowerPoint substitutes one (Arial), not a serif.
_SANS = ' pitchFamily="34" charset="0"'


def emu(points: float) -> int:
    return round(points * EMU)


def _text(value: str) -> str:
    return escape(xml_safe(value)) if NEEDS_WORK.search(value) else value


@lru_cache(maxsize=4096)  # shape names and the font repeat on every slide
def _attr(value: str) -> str:
    return quoteattr(xml_safe(value))


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
        run_pr = _run_properties(para.size, para.bold, para.colour or palette.text, palette.font)
        runs = f"<a:br>{run_pr}</a:br>".join(f"<a:r>{run_pr}<a:t>{_text(line)}</a:t></a:r>" for line in para.lines)
        out.append(f"<a:p><a:pPr{attributes}>{spacing}</a:pPr>{runs}<a:endParaRPr lang=\"id-ID\" "
                   f'sz="{round(para.size * 100)}" dirty="0"/></a:p>')
    return "".join(out)


@lru_cache(maxsize=256)  # a deck prints a handful of sizes and colours
def _run_properties(size: float, bold: bool, colour: str, font: str) -> str:
    return (f'<a:rPr lang="id-ID" sz="{round(size * 100)}" b="{1 if bold else 0}" dirty="0">'
            f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
            f"<a:latin typeface={_attr(font)}{_SANS}/><a:cs typeface={_attr(font)}{_SANS}/></a:rPr>")


def notes_paragraphs_xml(lines: tuple[str, ...]) -> str:
    """Plain paragraphs for the speaker notes."""
    return "".join(f'<a:p><a:r><a:rPr lang="id-ID" dirty="0"/><a:t>{_text(line)}</a:t></a:r></a:p>' for line in lines)


def _description(text: str) -> str:
    return f" descr={_attr(text)}" if text else ""


def _fill(colour: str | None) -> str:
    return f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>' if colour else "<a:noFill/>"


def _line(colour: str | None, width: float, tail: bool = False) -> str:
    if not colour:
        return "<a:ln><a:noFill/></a:ln>"
    head = '<a:tailEnd type="triangle" w="med" len="med"/>' if tail else ""
    return f'<a:ln w="{emu(width)}">{_fill(colour)}{head}</a:ln>'


class Drawing:
    """The shapes of one slide, collected as XML (:meth:`xml`), in drawing order."""

    def __init__(self, palette: Palette, first_id: int = 2) -> None:
        self.palette = palette
        self._next_id = first_id
        self._parts: list[str] = []

    def _id(self) -> int:
        shape_id, self._next_id = self._next_id, self._next_id + 1
        return shape_id

    def xml(self) -> str:
        return "".join(self._parts)

    def copy(self) -> Drawing:
        """A new drawing that goes on from this one (the shapes every slide of a deck shares, drawn once)."""
        other = Drawing(self.palette, self._next_id)
        other._parts = [self.xml()]
        return other

    def shape(self, x, y, w, h, *, name: str, preset: str = "rect", fill: str | None = None,
              line: str | None = None, line_width: float = 0.75, paragraphs: Sequence[Para] = (),
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
            f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={_attr(name)}{_description(description)}/>'
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

    def line(self, x1: float, y1: float, x2: float, y2: float, *, name: str, colour: str, width: float = 0.5) -> int:
        """A straight line of the table's grid, from the left or top end to the other (a shape,
        not a connector: nothing to glue, nothing for an office suite to re-route)."""
        shape_id = self._id()
        self._parts.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={_attr(name)}/><p:cNvSpPr/><p:nvPr/>'
            f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{emu(x1)}" y="{emu(y1)}"/>'
            f'<a:ext cx="{emu(x2 - x1)}" cy="{emu(y2 - y1)}"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
            f"{_line(colour, width)}</p:spPr></p:sp>")
        return shape_id

    def arrow(self, points: tuple[tuple[float, float], ...], *, name: str, colour: str, width: float = 1.25,
              description: str = "") -> int:
        """An open path through ``points`` with an arrowhead at the last one.

        A freeform, not a connector: PowerPoint and LibreOffice draw a path
        exactly as written, while LibreOffice re-routes a connector with its
        own router whenever the deck is edited or saved (docs/pptx.md).
        """
        shape_id = self._id()
        left, top = min(x for x, _ in points), min(y for _, y in points)
        cx, cy = emu(max(x for x, _ in points) - left), emu(max(y for _, y in points) - top)
        local = [(emu(x - left), emu(y - top)) for x, y in points]
        path = f'<a:moveTo><a:pt x="{local[0][0]}" y="{local[0][1]}"/></a:moveTo>' + "".join(
            f'<a:lnTo><a:pt x="{x}" y="{y}"/></a:lnTo>' for x, y in local[1:])
        self._parts.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={_attr(name)}{_description(description)}/>'
            f"<p:cNvSpPr/><p:nvPr/></p:nvSpPr>"
            f'<p:spPr><a:xfrm><a:off x="{emu(left)}" y="{emu(top)}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/>'
            f'<a:pathLst><a:path w="{max(cx, 1)}" h="{max(cy, 1)}" fill="none">{path}</a:path></a:pathLst>'
            f"</a:custGeom><a:noFill/>{_line(colour, width, tail=True)}</p:spPr></p:sp>")
        return shape_id

    def reuse(self, cache: dict, key, draw: Callable[[], None]) -> None:
        """Shapes drawn by ``draw``, or the same XML again when ``key`` was drawn before from this shape id.

        The table header of a flowchart is the same on every slide of a deck:
        with 50 actors it is most of the slide's shapes.
        """
        entry = cache.get((key, self._next_id))
        if entry is None:
            start, first = len(self._parts), self._next_id
            draw()
            entry = ("".join(self._parts[start:]), self._next_id - first)
            del self._parts[start:]
            cache[(key, first)] = entry
        self._parts.append(entry[0])
        self._next_id += entry[1]

    def raw(self, xml: str) -> int:
        """An element written by the caller with ``{id}`` where its shape id goes (tables)."""
        shape_id = self._id()
        self._parts.append(xml.replace("{id}", str(shape_id), 1))
        return shape_id
