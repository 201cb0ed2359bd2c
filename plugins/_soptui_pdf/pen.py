"""Drawing on a reportlab canvas in the layout's coordinates.

The layout (soptui/layout/types.py) puts the origin at the top-left corner
with y growing downward; reportlab's origin is the bottom-left corner. Every
drawing call of the exporter goes through :class:`Pen`, which flips y in one
place and applies the palette.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import groupby

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from _soptui_pdf.palette import Palette

Point = tuple[float, float]

#: Distance between baselines, as a multiple of the font size.
LEADING = 1.2


class Pen:
    """Draws lines, shapes and text on one canvas, top-left origin, y down."""

    def __init__(self, canvas: Canvas, page_height: float, palette: Palette) -> None:
        self.canvas = canvas
        self.height = page_height
        self.palette = palette
        self._colors: dict[str, HexColor] = {}
        self._text = None  # the page's text object, made on the first text
        self._text_state: tuple = (None, None, None)  # font, size, colour last set in it
        self._stroke_state: tuple | None = None  # colour and width last set on the page
        self._fill_state: str | None = None

    def color(self, value: str) -> HexColor:
        if value not in self._colors:
            self._colors[value] = HexColor(value)
        return self._colors[value]

    def font(self, bold: bool) -> str:
        return self.palette.font_bold if bold else self.palette.font

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return stringWidth(text, self.font(bold), size)

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """``text`` in lines no wider than ``width``, wrapped exactly as the
        layout engine wraps the flowchart's cells (a word wider than the line
        is cut with a hyphen)."""
        from soptui.layout import default_metrics, wrap

        return list(wrap(text, width, default_metrics(), size, bold)) or [""]

    def fit(self, text: str, width: float, size: float, bold: bool = False) -> str:
        """``text`` cut short with an ellipsis so that one line fits ``width``."""
        if self.width(text, size, bold) <= width:
            return text
        return text[: self._fitting(text + "…", width - self.width("…", size, bold), size, bold)] + "…"

    def _fitting(self, text: str, width: float, size: float, bold: bool) -> int:
        """How many leading characters of ``text`` fit ``width`` (at least one)."""
        low, high = 1, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if self.width(text[:middle], size, bold) <= width:
                low = middle
            else:
                high = middle - 1
        return low

    # -- shapes -------------------------------------------------------------

    def _stroke(self, color: str, width: float) -> None:
        """Set the stroke, only when it changes: most lines share one."""
        if self._stroke_state != (color, width):
            self.canvas.setStrokeColor(self.color(color))
            self.canvas.setLineWidth(width)
            self._stroke_state = (color, width)

    def _fill(self, color: str) -> None:
        if self._fill_state != color:
            self.canvas.setFillColor(self.color(color))
            self._fill_state = color

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str, width: float) -> None:
        self._stroke(color, width)
        self.canvas.line(x1, self.height - y1, x2, self.height - y2)

    def segments(self, segments: Sequence[tuple[Point, Point]], color: str, width: float) -> None:
        """Many straight lines in one path, stroked once (a table's grid)."""
        path = self.canvas.beginPath()
        for (x1, y1), (x2, y2) in segments:
            path.moveTo(x1, self.height - y1)
            path.lineTo(x2, self.height - y2)
        self._stroke(color, width)
        self.canvas.drawPath(path, stroke=1, fill=0)

    def rect(self, x: float, y: float, w: float, h: float, stroke: str | None, width: float = 0.0,
             fill: str | None = None, radius: float = 0.0) -> None:
        """A rectangle given by its top-left corner; ``radius`` rounds its corners."""
        if stroke:
            self._stroke(stroke, width)
        if fill:
            self._fill(fill)
        args = (x, self.height - y - h, w, h)
        if radius:
            self.canvas.roundRect(*args, radius, stroke=int(bool(stroke)), fill=int(bool(fill)))
        else:
            self.canvas.rect(*args, stroke=int(bool(stroke)), fill=int(bool(fill)))

    def polygon(self, points: Sequence[Point], stroke: str | None, width: float, fill: str | None) -> None:
        """A closed polygon through ``points``."""
        path = self.canvas.beginPath()
        first, *rest = points
        path.moveTo(first[0], self.height - first[1])
        for x, y in rest:
            path.lineTo(x, self.height - y)
        path.close()
        if stroke:
            self._stroke(stroke, width)
        if fill:
            self._fill(fill)
        self.canvas.drawPath(path, stroke=int(bool(stroke)), fill=int(bool(fill)))

    def polyline(self, points: Sequence[Point], color: str, width: float) -> None:
        """An open line through ``points`` (PDF's default mitre joins keep corners crisp)."""
        path = self.canvas.beginPath()
        first, *rest = points
        path.moveTo(first[0], self.height - first[1])
        for x, y in rest:
            path.lineTo(x, self.height - y)
        self._stroke(color, width)
        self.canvas.drawPath(path, stroke=1, fill=0)

    # -- text ---------------------------------------------------------------

    def first_baseline(self, top: float, size: float, bold: bool = False) -> float:
        """The baseline of a line whose line box (``LEADING`` x size) starts at ``top``."""
        half_leading, ascent = _line_box(self.font(bold), size)
        return top + half_leading + ascent

    def text(self, x: float, top: float, text: str, size: float, bold: bool = False,
             align: str = "left", color: str | None = None) -> None:
        """One line of text whose line box starts at ``top``; ``x`` is its left
        edge, its centre (``center``) or its right edge (``right``).

        Text is collected in one text object per page and drawn over the
        page's shapes by :meth:`end_page`: far fewer PDF operators than one
        object per string, and text always stays on top of lines and fills."""
        font = self.font(bold)
        if align != "left":
            width = stringWidth(text, font, size)
            x -= width / 2 if align == "center" else width
        writer = self._text
        if writer is None:
            writer = self._text = self.canvas.beginText()
            self._text_state = (None, None, None)
        writer.setTextOrigin(x, self.height - self.first_baseline(top, size, bold))
        fill = color or self.palette.ink
        if self._text_state[:2] != (font, size):
            writer.setFont(font, size)
        if self._text_state[2] != fill:
            writer.setFillColor(self.color(fill))
        self._text_state = (font, size, fill)
        show(writer, text)

    def end_page(self) -> None:
        """Draw the page's text over its shapes and start a new page."""
        if self._text is not None:
            self.canvas.drawText(self._text)
            self._text = None
        self.canvas.showPage()  # resets the graphics state
        self._stroke_state, self._fill_state = None, None

    def lines(self, x: float, top: float, width: float, lines: Sequence[str], size: float,
              bold: bool = False, align: str = "left", leading: float | None = None, color: str | None = None) -> None:
        """Lines already wrapped, one under the other, inside ``width`` from ``x``."""
        step = leading if leading is not None else LEADING * size
        anchor = x + width / 2 if align == "center" else x
        for index, line in enumerate(lines):
            self.text(anchor, top + index * step, line, size, bold, align, color)


def show(writer: PDFTextObject, text: str) -> None:
    """What ``writer.textOut(text)`` writes for a TrueType font, without what
    the pen does not use: the cursor's advance (a second measurement of the
    text) and reportlab's generic font lookups; the characters' codes come
    from the font's subsets as reportlab assigns them (:func:`_codes`).
    tests/pdf/test_pdf_text.py holds it to textOut's bytes."""
    font = getFont(writer._fontname)
    doc = writer._canvas._doc
    parts = []
    for subset, chunk in _codes(font, text, doc):
        if subset != writer._curSubset:
            parts.append(f"{font.getSubsetInternalName(subset, doc)} {fp_str(writer._fontsize)} Tf "
                         f"{fp_str(writer._leading)} TL")
            writer._curSubset = subset
        parts.append(f"({escapePDF(chunk)}) Tj")
    writer._code.append(" ".join(parts))


def _codes(font, text: str, doc) -> list[tuple[int, bytes]]:
    """``font.splitString(text, doc)``: (subset, codes) runs. When every
    character already has its code in this document (most text, after the
    first lines) they are looked up here, in one pass; a new character, or
    one never assigned (a no-break space, one the font lacks) goes through reportlab."""
    state = font.state.get(doc)
    if state is None:
        return font.splitString(text, doc)
    assigned = state.assignments
    try:
        codes = [assigned[code] for code in map(ord, text)]
    except KeyError:
        return font.splitString(text, doc)
    if not codes:
        return []
    if max(codes) < 256:
        return [(0, bytes(codes))]
    return [(subset, bytes(code & 0xFF for code in run)) for subset, run in groupby(codes, lambda code: code >> 8)]


@lru_cache(maxsize=64)
def _line_box(font: str, size: float) -> tuple[float, float]:
    """Half the leading and the ascent of a line box: asked for every string, of few sizes."""
    ascent, descent = getAscentDescent(font, size)
    return (LEADING * size - (ascent - descent)) / 2, ascent
