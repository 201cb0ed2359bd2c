"""One flowchart page of the layout as an SVG document.

A straight translation of :class:`soptui.layout.Page`, in the order and with
the shapes the PDF draws (plugins/_soptui_pdf/flowchart.py): grid, header,
row texts, arrows, symbols, connectors, branch labels, footer. The layout's
coordinates are already SVG's (points, origin top left, y down), so nothing
is flipped or moved. Every line of text carries ``textLength``, the width
the layout measured in DejaVu Sans: where the browser has another font the
line still fills exactly the room it was given.

For assistive technology the page has a ``<title>`` and a ``<desc>`` and each
symbol is a ``graphics-symbol`` group named after its step; the grid is
hidden from it, the table's text is read as text.
"""

from __future__ import annotations

from html import escape
from typing import NamedTuple

from soptui.layout import default_metrics
from soptui.layout.arrows import arrow
from soptui.layout.types import CONNECTOR_SHOULDER, Connector, EdgePath, Page, Symbol, Text
from soptui.model import Sop
from soptui.themes import PrintTheme

LEADING = 1.2
GRID_WIDTH, SYMBOL_WIDTH, ARROW_WIDTH = 0.6, 0.9, 0.8
FOOTER_SIZE, FOOTER_GAP = 7.0, 4.0
FONT_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"
SYMBOL_NAMES = {"terminator": "mulai/selesai", "proses": "proses", "keputusan": "keputusan"}


class Footer(NamedTuple):
    """Where the footer line goes: the frame's left edge and width, its top."""

    left: float
    width: float
    top: float


def _n(value: float) -> str:
    """A coordinate in at most two decimals, without trailing zeros."""
    text = f"{value:.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _points(points) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


class _Canvas:
    """Collects the SVG elements of one page as text."""

    def __init__(self, theme: PrintTheme) -> None:
        self.theme = theme
        self.parts: list[str] = []
        self.metrics = default_metrics()

    def add(self, element: str) -> None:
        self.parts.append(element)

    def text(self, x: float, top: float, line: str, size: float, bold: bool = False, align: str = "left",
             color: str | None = None, fit: bool = True) -> None:
        """One line whose line box starts at ``top``; ``x`` is its left edge, centre or right edge."""
        if not line:
            return
        baseline = top + self.metrics.ascent(size)
        attributes = [f'x="{_n(x)}"', f'y="{_n(baseline)}"', f'font-size="{_n(size)}"']
        if bold:
            attributes.append('font-weight="bold"')
        if align != "left":
            attributes.append(f'text-anchor="{"middle" if align == "center" else "end"}"')
        if color and color != self.theme.ink:
            attributes.append(f'fill="{color}"')
        if fit:
            width = self.metrics.width(line, size, bold)
            attributes.append(f'textLength="{_n(width)}" lengthAdjust="spacingAndGlyphs"')
        self.add(f"<text {' '.join(attributes)}>{escape(line, quote=False)}</text>")

    def block(self, text: Text, color: str | None = None) -> None:
        """Lines the layout wrapped, from the top of their box."""
        box = text.box
        anchor = box.x + box.width / 2 if text.align == "center" else box.x
        for index, line in enumerate(text.lines):
            self.text(anchor, box.y + index * LEADING * text.size, line, text.size, text.bold, text.align, color)


def draw_page(sop: Sop, page: Page, total: int, theme: PrintTheme, sha256: str, footer: Footer | None,
              id_prefix: str | None = None) -> str:
    """The SVG document of one flowchart page."""
    prefix = id_prefix or f"halaman-{page.number}"
    canvas = _Canvas(theme)
    identity = sop.identitas
    title = f"Diagram alir SOP {identity.nama or '-'}, halaman {page.number} dari {total}"
    canvas.add(
        f'<svg xmlns="http://www.w3.org/2000/svg" lang="id" xml:lang="id" version="1.1" '
        f'viewBox="0 0 {_n(page.width)} {_n(page.height)}" width="{_n(page.width)}pt" height="{_n(page.height)}pt" '
        f'role="graphics-document" aria-roledescription="diagram alir" '
        f'aria-labelledby="{prefix}-judul" aria-describedby="{prefix}-uraian" '
        f'font-family="{escape(FONT_FAMILY)}" fill="{theme.ink}">'
    )
    canvas.add(f'<title id="{prefix}-judul">{escape(title, quote=False)}</title>')
    canvas.add(f'<desc id="{prefix}-uraian">{escape(_description(sop, page), quote=False)}</desc>')
    canvas.add('<rect width="100%" height="100%" fill="#ffffff" aria-hidden="true"/>')
    _grid(canvas, page)
    canvas.add('<g class="tabel">')
    for cell in page.header:
        canvas.block(cell.text, theme.header_ink)
    for row in page.rows:
        for text in row.cells:
            canvas.block(text)
    canvas.add("</g>")
    canvas.add(f'<g class="panah" aria-hidden="true" stroke="{theme.arrow}" stroke-width="{ARROW_WIDTH}">')
    for edge in page.edges:
        _edge(canvas, edge)
    canvas.add("</g>")
    rows = {row.step_id: row for row in page.rows}
    for symbol in page.symbols:
        _symbol(canvas, symbol, _step_label(sop, symbol, rows))
    for connector in page.connectors:
        _connector(canvas, connector)
    for edge in page.edges:
        if edge.label is not None:
            _label(canvas, edge.label)
    if page.legend is not None:
        canvas.block(page.legend)
    if footer is not None:
        _footer(canvas, footer, identity.nomor, sha256, page.number, total)
    canvas.add("</svg>\n")
    return "".join(canvas.parts)


def _description(sop: Sop, page: Page) -> str:
    """What a reader without the picture needs: the SOP, the steps on the page and who does them."""
    identity = sop.identitas
    numbers = [row.number for row in page.rows]
    steps = f"langkah {numbers[0]} sampai {numbers[-1]}" if numbers else "tanpa langkah"
    actors = ", ".join(actor.nama or actor.id for actor in sop.pelaksana) or "-"
    return (f"SOP nomor {identity.nomor or '-'}: {identity.nama or '-'}. Halaman ini memuat {steps}. "
            f"Pelaksana: {actors}. Uraian tiap langkah ada di kolom Kegiatan tabel.")


def _step_label(sop: Sop, symbol: Symbol, rows) -> str:
    step = sop.step(symbol.step_id)
    row = rows.get(symbol.step_id)
    number = row.number if row is not None else "?"
    kind = SYMBOL_NAMES.get(symbol.kind, symbol.kind)
    if step is None:
        return f"Langkah {number} ({kind})"
    actor = sop.actor(step.pelaksana)
    who = actor.nama if actor is not None and actor.nama else step.pelaksana
    return f"Langkah {number} ({kind}), {who}: {step.kegiatan}"


def _grid(canvas: _Canvas, page: Page) -> None:
    """The actor lanes' tint, the header's fill, then every line of the layout's grid."""
    theme = canvas.theme
    body = page.body
    canvas.add(f'<g class="garis" aria-hidden="true" stroke="{theme.line}" stroke-width="{GRID_WIDTH}">')
    if theme.lane_fill.lower() not in ("#fff", "#ffffff"):
        for column in page.columns:
            if column.kind == "actor":
                canvas.add(f'<rect x="{_n(column.left)}" y="{_n(body.y)}" width="{_n(column.right - column.left)}" '
                           f'height="{_n(body.height)}" fill="{theme.lane_fill}" stroke="none"/>')
    for cell in page.header:
        box = cell.box
        canvas.add(f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" height="{_n(box.height)}" '
                   f'fill="{theme.header_fill}" stroke="none"/>')
    path = "".join(f"M{_n(line.start[0])} {_n(line.start[1])}L{_n(line.end[0])} {_n(line.end[1])}"
                   for line in page.lines)
    canvas.add(f'<path fill="none" d="{path}"/>')
    canvas.add("</g>")


def _symbol(canvas: _Canvas, symbol: Symbol, label: str) -> None:
    theme = canvas.theme
    box = symbol.box
    fill = theme.symbol[symbol.kind]
    style = f'fill="{fill}" stroke="{theme.symbol["stroke"]}" stroke-width="{SYMBOL_WIDTH}"'
    if symbol.kind == "terminator":
        radius = min(box.height, box.width) / 2
        shape = (f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" height="{_n(box.height)}" '
                 f'rx="{_n(radius)}" {style}/>')
    elif symbol.kind == "keputusan":
        cx, cy = box.center
        shape = f'<polygon points="{_points([(cx, box.y), (box.right, cy), (cx, box.bottom), (box.x, cy)])}" {style}/>'
    else:
        shape = f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" height="{_n(box.height)}" {style}/>'
    name = escape(label)
    canvas.add(f'<g class="simbol {symbol.kind}" role="graphics-symbol" aria-label="{name}" '
               f'data-langkah="{escape(symbol.step_id)}"><title>{name}</title>{shape}')
    if symbol.text is not None:
        canvas.block(symbol.text)
    canvas.add("</g>")


def _connector(canvas: _Canvas, connector: Connector) -> None:
    """A pentagon, point down, with the pair's label in its square part and its caption."""
    theme = canvas.theme
    box = connector.box
    shoulder = box.y + box.height * CONNECTOR_SHOULDER
    points = [(box.x, box.y), (box.right, box.y), (box.right, shoulder), (box.center[0], box.bottom), (box.x, shoulder)]
    page = " ".join(connector.caption.lines) if connector.caption else ""
    if connector.place == "band":
        where = "ke halaman berikutnya" if connector.role == "out" else "dari halaman sebelumnya"
    else:
        where = f"ke langkah {connector.label}, {page}" if connector.role == "out" else f"dari {page}"
    name = f"Penghubung {connector.label}, {where}"
    canvas.add(f'<g class="penghubung" role="graphics-symbol" aria-label="{escape(name)}"><title>{escape(name)}</title>'
               f'<polygon points="{_points(points)}" fill="{theme.symbol["connector"]}" '
               f'stroke="{theme.symbol["stroke"]}" stroke-width="{SYMBOL_WIDTH}"/>')
    canvas.block(connector.text)
    if connector.caption is not None:
        canvas.block(connector.caption, theme.muted)
    canvas.add("</g>")


def _edge(canvas: _Canvas, edge: EdgePath) -> None:
    """The polyline, stopped short of its end, and a filled head on the end (as the PDF)."""
    drawn = arrow(edge.points)
    if drawn is None:
        return
    shaft, head = drawn
    canvas.add(f'<polyline fill="none" points="{_points(shaft)}"/>'
               f'<polygon stroke="none" fill="{canvas.theme.arrow}" points="{_points(list(head))}"/>')


def _label(canvas: _Canvas, text: Text) -> None:
    """A branch label on a plain patch, so a line under it never hides it."""
    box = text.box
    canvas.add(f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" height="{_n(box.height)}" '
               f'fill="{canvas.theme.label_fill}" aria-hidden="true"/>')
    canvas.block(text)


def _footer(canvas: _Canvas, footer: Footer, nomor: str, sha256: str, number: int, total: int) -> None:
    """The PDF's footer line: the SOP number, the page, the source hash."""
    muted = canvas.theme.muted
    top = footer.top + FOOTER_GAP
    nomor_text = f"Nomor SOP: {nomor or '-'}"
    third = footer.width / 3 - 6
    while len(nomor_text) > 1 and canvas.metrics.width(nomor_text, FOOTER_SIZE) > third:
        nomor_text = nomor_text[:-2] + "…"
    canvas.text(footer.left, top, nomor_text, FOOTER_SIZE, color=muted)
    canvas.text(footer.left + footer.width / 2, top, f"Diagram alir halaman {number} dari {total}", FOOTER_SIZE,
                align="center", color=muted)
    canvas.text(footer.left + footer.width, top, f"sumber {sha256[:12] or '-'}", FOOTER_SIZE, align="right",
                color=muted)
