"""The identity page (section 1 of the SOP AP document), laid out for any renderer.

One table: on the left, a tall cell with the logo and the stacked
nomenclature; on the right, Nomor SOP, the dates, "Disahkan oleh" with room
for a wet signature and stamp, and Nama SOP; below, a 3 x 2 grid of numbered
lists. The text keeps its size (9 pt): a table too long for one page
continues on the next under the heading ``Identitas SOP (lanjutan)``, a list
cut between pages repeating its label marked ``(lanjutan)``, a row split
only when it alone is taller than a page. The PDF draws this as given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from soptui.layout.metrics import FontMetrics, default_metrics, wrap
from soptui.layout.options import PageOptions
from soptui.layout.types import Box, Cell, IdentityLayout, IdentityPage, Printed, Text
from soptui.model import IDENTITY_LISTS, Sop
from soptui.printed import IDENTITY_LIST_LABELS, tanggal

BASE_SIZE = 9.0
PAD = 4.0
LEADING = 1.2
LOGO_HEIGHT = 64.0
SIGNATURE_SPACE = 54.0  # room for a wet signature and the stamp
ROOMY_ROW = 96.0  # spare room is shared among the list rows up to this height
SIGNER_ROW = 4  # "Disahkan oleh" among the rows of the upper table
CONTINUED = "Identitas SOP (lanjutan)"


@dataclass(frozen=True)
class _Line:
    """One line of a cell before it is placed: ``prefix`` (a list number) at
    the cell's left, ``text`` at ``indent``; ``space`` is room above it."""

    text: str
    size: float
    bold: bool = False
    indent: float = 0.0
    prefix: str = ""
    align: str = "left"
    space: float = 0.0
    style: str = "plain"

    @property
    def height(self) -> float:
        return self.space + LEADING * self.size


@dataclass(frozen=True)
class _Block:
    lines: tuple[_Line, ...]

    @property
    def height(self) -> float:
        return sum(line.height for line in self.lines) + 2 * PAD


@dataclass(frozen=True)
class _Row:
    left: _Block
    right: _Block
    min_height: float = 0.0  # rows are stretched so the table fills its page

    @property
    def height(self) -> float:
        return max(self.left.height, self.right.height, self.min_height)


@dataclass(frozen=True)
class _Upper:
    nomenclature: _Block
    rows: tuple[tuple[_Block, _Block], ...]  # (label, value)
    heights: tuple[float, ...]
    logo: bool

    @property
    def height(self) -> float:
        return sum(self.heights)


class _Geometry:
    """Column positions of the identity table inside the frame."""

    def __init__(self, frame: Box) -> None:
        self.left = frame.x
        self.middle = frame.x + frame.width / 2
        self.label = self.middle + (frame.width / 2) * 0.3
        self.right = frame.right

    @staticmethod
    def inner(left: float, right: float) -> float:
        return right - left - 2 * PAD


def identity_layout(sop: Sop, options: PageOptions | None = None) -> IdentityLayout:
    """The identity pages of ``sop`` on the page ``options`` describe (its
    margins, and its ``footer`` room kept free)."""
    options = options or PageOptions()
    width, height = options.page_size()
    top, right, bottom, left = options.margin_units()
    footer = options.footer if options.footer is not None else 0.0
    frame = Box(left, top, width - left - right, (height or 0) - top - bottom - footer)
    metrics = default_metrics()
    g = _Geometry(frame)
    upper = _upper(sop, metrics, g)
    rows = _grid(sop, metrics, g)
    free = frame.height - upper.height - sum(row.height for row in rows)
    if free >= 0:
        rows = [replace(row, min_height=min(row.height + free / len(rows), max(row.height, ROOMY_ROW))) for row in rows]
        planned: list[tuple[_Upper | None, list[_Row]]] = [(upper, rows)]
    else:
        planned = _paginate(upper, rows, frame.height - _heading_height())
    pages = tuple(_page(number, width, height or 0, frame, g, part, rows_of)
                  for number, (part, rows_of) in enumerate(planned, start=1))
    return IdentityLayout(width, height or 0, pages)


# -- planning -----------------------------------------------------------------


def _wrap(metrics: FontMetrics, text: str, width: float, size: float, bold: bool = False, align: str = "left",
          style: str = "plain") -> list[_Line]:
    return [_Line(part, size, bold, align=align, style=style) for part in wrap(text, width, metrics, size, bold) or ("",)]


def _upper(sop: Sop, metrics: FontMetrics, g: _Geometry) -> _Upper:
    ident = sop.identitas
    signer = ident.disahkan_oleh
    size = BASE_SIZE
    value_width, label_width = g.inner(g.label, g.right), g.inner(g.middle, g.label)
    nomenclature: list[_Line] = []
    for name in ident.instansi:
        nomenclature += _wrap(metrics, name.upper(), g.inner(g.left, g.middle), size * 1.2, True, "center")
    if ident.logo:
        nomenclature[:1] = [replace(line, space=LOGO_HEIGHT + PAD) for line in nomenclature[:1]] or [
            _Line("", size, space=LOGO_HEIGHT + PAD)]
    signature = _wrap(metrics, signer.jabatan if signer else "", value_width, size, True, "center")
    names = _wrap(metrics, signer.nama if signer else "", value_width, size, True, "center", "signer")
    signature += [replace(names[0], space=SIGNATURE_SPACE), *names[1:]]
    if signer and signer.pangkat:
        signature += _wrap(metrics, signer.pangkat, value_width, size, False, "center")
    signature += _wrap(metrics, f"NIP. {signer.nip if signer else ''}".rstrip(), value_width, size, False, "center")
    values = (
        ("Nomor SOP", _wrap(metrics, ident.nomor, value_width, size)),
        ("Tanggal Pembuatan", _wrap(metrics, tanggal(ident.tanggal_pembuatan), value_width, size)),
        ("Tanggal Revisi", _wrap(metrics, tanggal(ident.tanggal_revisi), value_width, size)),
        ("Tanggal Efektif", _wrap(metrics, tanggal(ident.tanggal_efektif), value_width, size)),
        ("Disahkan oleh", signature),
        ("Nama SOP", _wrap(metrics, ident.nama, value_width, size * 1.1, True, style="title")),
    )
    rows = tuple((_Block(tuple(_wrap(metrics, label, label_width, size, True))), _Block(tuple(lines)))
                 for label, lines in values)
    heights = [max(label.height, value.height) for label, value in rows]
    left = _Block(tuple(nomenclature))
    if left.height > sum(heights):
        heights[-1] += left.height - sum(heights)
    return _Upper(left, rows, tuple(heights), bool(ident.logo))


def _numbered(metrics: FontMetrics, label: str, items: tuple[str, ...], width: float, size: float) -> _Block:
    lines = [_Line(f"{label}:", size, True)]
    if not items:
        return _Block((*lines, _Line("-", size)))
    indent = metrics.width(f"{len(items)}. ", size)
    for number, item in enumerate(items, start=1):
        for index, part in enumerate(wrap(item, width - indent, metrics, size) or ("",)):
            lines.append(_Line(part, size, indent=indent, prefix=f"{number}." if index == 0 else ""))
    return _Block(tuple(lines))


def _grid(sop: Sop, metrics: FontMetrics, g: _Geometry) -> list[_Row]:
    width = g.inner(g.left, g.middle)
    blocks = [_numbered(metrics, IDENTITY_LIST_LABELS[key], getattr(sop.identitas, key), width, BASE_SIZE)
              for key in IDENTITY_LISTS]
    return [_Row(blocks[i], blocks[i + 1]) for i in range(0, len(blocks), 2)]


def _heading_height() -> float:
    return LEADING * BASE_SIZE * 1.2 + PAD


def _paginate(upper: _Upper, rows: list[_Row], room: float) -> list[tuple[_Upper | None, list[_Row]]]:
    """The table over pages: the upper part and as many list rows as fit on
    the first, then the rest under a heading (``room`` is a page less it)."""
    pages: list[tuple[_Upper | None, list[_Row]]] = []
    current: list[_Row] = []
    free = room + _heading_height() - upper.height
    queue = list(rows)
    while queue:
        row = queue.pop(0)
        if row.height <= free:
            current.append(row)
            free -= row.height
            continue
        if current or (not pages and row.height <= room):
            pages.append((upper if not pages else None, current))
            current, free = [], room
            queue.insert(0, row)
            continue
        head, tail = _split(row, free)
        current.append(head)
        queue.insert(0, tail)
        free = 0.0
    pages.append((upper if not pages else None, current))
    return pages


def _split(row: _Row, room: float) -> tuple[_Row, _Row]:
    """Cut a row taller than a page: both cells keep the lines that fit."""
    parts = [_split_block(block, room) for block in (row.left, row.right)]
    return _Row(parts[0][0], parts[1][0]), _Row(parts[0][1], parts[1][1])


def _split_block(block: _Block, room: float) -> tuple[_Block, _Block]:
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
    return _Block(head), _Block(tail)


# -- placing ------------------------------------------------------------------


def _page(number: int, width: float, height: float, frame: Box, g: _Geometry, upper: _Upper | None,
          rows: list[_Row]) -> IdentityPage:
    cells: list[Cell] = []
    top, heading, logo, signature = frame.y, None, None, None
    if upper is None:
        size = BASE_SIZE * 1.2
        heading = Text(_box(frame.x, top, frame.width, LEADING * size), (CONTINUED,), round(size, 2), True)
        top += _heading_height()
    else:
        offset = (upper.height - upper.nomenclature.height) / 2  # the logo cell is centred vertically
        if upper.logo:
            logo = _box(g.left + PAD, top + offset + PAD, g.middle - g.left - 2 * PAD, LOGO_HEIGHT)
        cells.append(_cell(upper.nomenclature, g.left, g.middle, top, upper.height, offset))
        y = top
        for index, ((label, value), row_height) in enumerate(zip(upper.rows, upper.heights)):
            cells.append(_cell(label, g.middle, g.label, y, row_height))
            cells.append(_cell(value, g.label, g.right, y, row_height))
            if index == SIGNER_ROW:
                signature = _signature(value, g, y)
            y += row_height
        top += upper.height
    for row in rows:
        cells.append(_cell(row.left, g.left, g.middle, top, row.height))
        cells.append(_cell(row.right, g.middle, g.right, top, row.height))
        top += row.height
    return IdentityPage(number, width, height, heading, tuple(cells), logo, signature)


def _box(x: float, y: float, width: float, height: float) -> Box:
    return Box(round(x, 2), round(y, 2), round(width, 2), round(height, 2))


def _cell(block: _Block, left: float, right: float, top: float, height: float, offset: float = 0.0) -> Cell:
    """A cell's box and its lines placed: each a one-line ``Text`` whose box is its line."""
    printed: list[Printed] = []
    y = top + offset + PAD
    width = right - left - 2 * PAD
    for line in block.lines:
        y += line.space
        box_height = LEADING * line.size
        if line.prefix:
            printed.append(Printed(Text(_box(left + PAD, y, line.indent, box_height), (line.prefix,), line.size,
                                        line.bold)))
        x = left + PAD + line.indent
        text = Text(_box(x, y, width - line.indent, box_height), (line.text,), round(line.size, 2), line.bold,
                    "center" if line.align == "center" else "left")
        printed.append(Printed(text, line.style))  # type: ignore[arg-type]
        y += box_height
    return Cell(_box(left, top, right - left, height), tuple(printed))


def _signature(value: _Block, g: _Geometry, top: float) -> Box:
    """The signer's space of "Disahkan oleh": between the position and the
    name, where the wet signature goes (an archival PDF puts its field here)."""
    name_line = next((i for i, line in enumerate(value.lines) if line.style == "signer"), 0)
    above = sum(line.height for line in value.lines[:name_line])
    space = value.lines[name_line].space if value.lines else SIGNATURE_SPACE
    return _box(g.label, top + PAD + above, g.right - g.label, space)
