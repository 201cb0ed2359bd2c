"""The identity page (section 1 of the regulation's SOP AP document).

One table: on the left, a tall cell with the logo and the stacked
nomenclature; on the right, Nomor SOP, the dates, "Disahkan oleh" with room
for a wet signature and stamp, and Nama SOP; below, a 3 x 2 grid of numbered
lists. The table is planned first (text wrapped, heights known) so the
document knows its page count before it draws; when the lists are too long
for one page the text shrinks a little, then the grid continues on further
pages, a row never split unless it alone is taller than a page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.utils import ImageReader

from soptui.model import IDENTITY_LISTS, Sop
from soptui.printed import IDENTITY_LIST_LABELS, tanggal
from soptui_pdf.pen import LEADING, Pen

BASE_SIZE = 9.0
SCALES = (1.0, 0.9, 0.8)  # tried in turn before the grid spills onto another page
PAD = 4.0
LOGO_HEIGHT = 64.0
LOGO_PIXELS = 512  # longest side kept: about 500 dpi at the printed size
SIGNATURE_SPACE = 54.0  # room for a wet signature and the stamp
ROOMY_ROW = 96.0  # spare room is shared among the list rows up to this height
SIGNER_ROW = 4  # "Disahkan oleh" among the rows of the upper table


@dataclass(frozen=True)
class Frame:
    """The area a page may use: inside the margins, above the footer."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Line:
    """One printed line of a cell: ``prefix`` (a list number) at the cell's
    left, ``text`` at ``indent``; ``space`` is extra room above it."""

    text: str
    size: float
    bold: bool = False
    indent: float = 0.0
    prefix: str = ""
    align: str = "left"
    space: float = 0.0
    color: str | None = None  # the palette's ink when None
    underline: bool = False  # the signer's name, as Indonesian signature blocks print it

    @property
    def height(self) -> float:
        return self.space + LEADING * self.size


@dataclass(frozen=True)
class Block:
    """The lines of one cell, wrapped to its width."""

    lines: tuple[Line, ...]

    @property
    def height(self) -> float:
        return sum(line.height for line in self.lines) + 2 * PAD


@dataclass(frozen=True)
class GridRow:
    left: Block
    right: Block
    min_height: float = 0.0  # rows are stretched so the table fills its page

    @property
    def height(self) -> float:
        return max(self.left.height, self.right.height, self.min_height)


@dataclass(frozen=True)
class Upper:
    """The upper table: the nomenclature cell and the six labelled rows."""

    logo: ImageReader | None
    nomenclature: Block
    rows: tuple[tuple[Block, Block], ...]  # (label, value)
    heights: tuple[float, ...]

    @property
    def height(self) -> float:
        return sum(self.heights)


@dataclass(frozen=True)
class IdentityPage:
    upper: Upper | None
    rows: tuple[GridRow, ...]


class Geometry:
    """Column positions of the identity table inside a frame."""

    def __init__(self, frame: Frame) -> None:
        self.left = frame.x
        self.middle = frame.x + frame.width / 2
        self.label = self.middle + (frame.width / 2) * 0.3
        self.right = frame.x + frame.width

    def inner(self, left: float, right: float) -> float:
        return right - left - 2 * PAD


def plan(sop: Sop, logo: ImageReader | None, pen: Pen, frame: Frame) -> list[IdentityPage]:
    """Wrap and measure the identity table, and split it into pages."""
    geometry = Geometry(frame)
    for scale in SCALES:
        size = BASE_SIZE * scale
        upper = _upper(sop, logo, pen, geometry, size)
        rows = _grid(sop, pen, geometry, size)
        free = frame.height - upper.height - sum(row.height for row in rows)
        if free >= 0:
            rows = [replace(row, min_height=min(row.height + free / len(rows), max(row.height, ROOMY_ROW)))
                    for row in rows]
            return [IdentityPage(upper, tuple(rows))]
    return _paginate(upper, rows, frame.height)


def draw(pen: Pen, page: IdentityPage, frame: Frame) -> None:
    """Draw one planned identity page inside ``frame``."""
    geometry = Geometry(frame)
    top = frame.y
    if page.upper is not None:
        top = _draw_upper(pen, page.upper, geometry, top)
    for row in page.rows:
        _cell_lines(pen, row.left, geometry.left, geometry.middle, top)
        _cell_lines(pen, row.right, geometry.middle, geometry.right, top)
        _box(pen, geometry.left, top, geometry.middle - geometry.left, row.height)
        _box(pen, geometry.middle, top, geometry.right - geometry.middle, row.height)
        top += row.height


# -- planning -----------------------------------------------------------------


def _wrap(pen: Pen, text: str, width: float, size: float, bold: bool = False, align: str = "left") -> list[Line]:
    parts = pen.wrap(text, width, size, bold)
    return [Line(part, size, bold, align=align) for part in parts]


def _upper(sop: Sop, logo: ImageReader | None, pen: Pen, g: Geometry, size: float) -> Upper:
    ident = sop.identitas
    signer = ident.disahkan_oleh
    value_width = g.inner(g.label, g.right)
    label_width = g.inner(g.middle, g.label)

    nomenclature: list[Line] = []
    for name in ident.instansi:
        nomenclature += _wrap(pen, name.upper(), g.inner(g.left, g.middle), size * 1.2, True, "center")
    if logo is not None:
        nomenclature[:1] = [replace(line, space=LOGO_HEIGHT + PAD) for line in nomenclature[:1]] or [
            Line("", size, space=LOGO_HEIGHT + PAD)
        ]

    signature: list[Line] = _wrap(pen, signer.jabatan if signer else "", value_width, size, True, "center")
    name_lines = _wrap(pen, signer.nama if signer else "", value_width, size, True, "center")
    name_lines = [replace(line, underline=True) for line in name_lines]
    signature += [replace(name_lines[0], space=SIGNATURE_SPACE), *name_lines[1:]]
    if signer and signer.pangkat:
        signature += _wrap(pen, signer.pangkat, value_width, size, False, "center")
    signature += _wrap(pen, f"NIP. {signer.nip if signer else ''}".rstrip(), value_width, size, False, "center")

    name = _wrap(pen, ident.nama, value_width, size * 1.1, True)
    values = (
        ("Nomor SOP", _wrap(pen, ident.nomor, value_width, size)),
        ("Tanggal Pembuatan", _wrap(pen, tanggal(ident.tanggal_pembuatan), value_width, size)),
        ("Tanggal Revisi", _wrap(pen, tanggal(ident.tanggal_revisi), value_width, size)),
        ("Tanggal Efektif", _wrap(pen, tanggal(ident.tanggal_efektif), value_width, size)),
        ("Disahkan oleh", signature),
        ("Nama SOP", [replace(line, color=pen.palette.accent) for line in name]),
    )
    rows = tuple(
        (Block(tuple(_wrap(pen, label, label_width, size, True))), Block(tuple(lines))) for label, lines in values
    )
    heights = [max(label.height, value.height) for label, value in rows]
    left = Block(tuple(nomenclature))
    if left.height > sum(heights):
        heights[-1] += left.height - sum(heights)
    return Upper(logo, left, rows, tuple(heights))


def _numbered(pen: Pen, label: str, items: tuple[str, ...], width: float, size: float) -> Block:
    lines = [Line(f"{label}:", size, True)]
    if not items:
        return Block((*lines, Line("-", size)))
    indent = pen.width(f"{len(items)}. ", size)
    for number, item in enumerate(items, start=1):
        parts = pen.wrap(item, width - indent, size)
        for index, part in enumerate(parts):
            lines.append(Line(part, size, indent=indent, prefix=f"{number}." if index == 0 else ""))
    return Block(tuple(lines))


def _grid(sop: Sop, pen: Pen, g: Geometry, size: float) -> list[GridRow]:
    blocks = [
        _numbered(pen, IDENTITY_LIST_LABELS[key], getattr(sop.identitas, key), g.inner(g.left, g.middle), size)
        for key in IDENTITY_LISTS
    ]
    return [GridRow(blocks[i], blocks[i + 1]) for i in range(0, len(blocks), 2)]


def _paginate(upper: Upper, rows: list[GridRow], room: float) -> list[IdentityPage]:
    pages: list[IdentityPage] = []
    current: list[GridRow] = []
    free = room - upper.height
    queue = list(rows)
    while queue:
        row = queue.pop(0)
        if row.height <= free:
            current.append(row)
            free -= row.height
            continue
        if current or (not pages and upper.height and row.height <= room):
            pages.append(IdentityPage(upper if not pages else None, tuple(current)))
            current, free = [], room
            queue.insert(0, row)
            continue
        head, tail = _split(row, free)
        current.append(head)
        queue.insert(0, tail)
        free = 0.0
    pages.append(IdentityPage(upper if not pages else None, tuple(current)))
    return pages


def _split(row: GridRow, room: float) -> tuple[GridRow, GridRow]:
    """Cut a row taller than a page: both cells keep the lines that fit."""
    parts = [_split_block(block, room) for block in (row.left, row.right)]
    return GridRow(parts[0][0], parts[1][0]), GridRow(parts[0][1], parts[1][1])


def _split_block(block: Block, room: float) -> tuple[Block, Block]:
    used, count = 2 * PAD, 0
    for line in block.lines:
        if used + line.height > room:
            break
        used += line.height
        count += 1
    whole_items = count
    while 1 < whole_items < len(block.lines) and not block.lines[whole_items].prefix:
        whole_items -= 1  # cut between list items, not inside one, where there is a place to
    count = whole_items if whole_items > 1 else max(count, 1)
    head, tail = block.lines[:count], block.lines[count:]
    if tail:
        title = block.lines[0]
        tail = (replace(title, text=title.text.rstrip(":") + " (lanjutan):"), *tail)
    return Block(head), Block(tail)


# -- drawing ------------------------------------------------------------------


def _box(pen: Pen, x: float, y: float, w: float, h: float) -> None:
    pen.rect(x, y, w, h, pen.palette.grid, pen.palette.grid_width)


def _cell_lines(pen: Pen, block: Block, left: float, right: float, top: float) -> None:
    y = top + PAD
    width = right - left - 2 * PAD
    for line in block.lines:
        y += line.space
        if line.prefix:
            pen.text(left + PAD, y, line.prefix, line.size, line.bold)
        anchor = left + PAD + width / 2 if line.align == "center" else left + PAD + line.indent
        pen.text(anchor, y, line.text, line.size, line.bold, line.align, line.color)
        if line.underline and line.text:
            _underline(pen, line, anchor, y)
        y += LEADING * line.size


def _underline(pen: Pen, line: Line, anchor: float, top: float) -> None:
    width = pen.width(line.text, line.size, line.bold)
    start = anchor - width / 2 if line.align == "center" else anchor
    y = pen.first_baseline(top, line.size, line.bold) + line.size * 0.12
    pen.line(start, y, start + width, y, line.color or pen.palette.ink, line.size * 0.06)


def _draw_upper(pen: Pen, upper: Upper, g: Geometry, top: float) -> float:
    height = upper.height
    offset = (height - upper.nomenclature.height) / 2  # the logo cell is centred vertically
    if upper.logo is not None:
        width = g.middle - g.left - 2 * PAD
        pen.canvas.drawImage(
            upper.logo, g.left + PAD, pen.height - (top + offset + PAD + LOGO_HEIGHT), width, LOGO_HEIGHT,
            preserveAspectRatio=True, anchor="c", mask="auto",
        )
    _cell_lines(pen, upper.nomenclature, g.left, g.middle, top + offset)
    _box(pen, g.left, top, g.middle - g.left, height)
    y = top
    for (label, value), row_height in zip(upper.rows, upper.heights):
        _cell_lines(pen, label, g.middle, g.label, y)
        _cell_lines(pen, value, g.label, g.right, y)
        _box(pen, g.middle, y, g.label - g.middle, row_height)
        _box(pen, g.label, y, g.right - g.label, row_height)
        y += row_height
    return top + height


def signature_box(upper: Upper, frame: Frame) -> Frame:
    """The signer's space of "Disahkan oleh" (between the position and the
    name, where the wet signature goes), in the layout's coordinates; the
    archival PDF places its signature field here."""
    g = Geometry(frame)
    top = frame.y + sum(upper.heights[:SIGNER_ROW])
    value = upper.rows[SIGNER_ROW][1]
    name_line = next((i for i, line in enumerate(value.lines) if line.underline), 0)
    above = sum(line.height for line in value.lines[:name_line])
    space = value.lines[name_line].space if value.lines else SIGNATURE_SPACE
    return Frame(g.label, top + PAD + above, g.right - g.label, space)


def open_logo(sop: Sop, base: Path | None) -> ImageReader | None:
    """The logo the file names, read from its path relative to the SOP file,
    decoded now (a broken image fails here, with its name, not halfway
    through the PDF) and scaled down when it is larger than print needs, so
    a scanned logo does not make every PDF megabytes. Raises OSError (or
    ValueError) when the image cannot be decoded."""
    from PIL import Image

    from soptui.confine import read_linked

    if not sop.identitas.logo:
        return None
    with Image.open(io.BytesIO(read_linked(base, sop.identitas.logo))) as image:  # regular, small, inside --root
        image.load()
        if max(image.size) > LOGO_PIXELS:
            image.thumbnail((LOGO_PIXELS, LOGO_PIXELS), Image.Resampling.LANCZOS)
        return ImageReader(image.copy())
