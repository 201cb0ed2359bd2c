"""The computed flowchart: what every renderer draws, in points.

This is part of the plugin API (docs/layout.md). Coordinates are PostScript
points (1/72 inch) with the origin at the top-left corner of the page and y
growing downward; a renderer whose origin is elsewhere (reportlab: bottom
left) flips y itself. Every box, line of text, polyline and label is decided
here, so the PDF, the slides, the terminal preview and third-party exporters
draw the same picture and never re-derive flow or geometry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Point = tuple[float, float]
SymbolKind = Literal["terminator", "proses", "keputusan"]
ColumnKind = Literal["number", "text", "actor"]
#: An off-page connector's shoulder: the share of its height above its point,
#: the square part where its label is printed.
CONNECTOR_SHOULDER = 0.55
LineKind = Literal["outline", "header", "column", "row", "band"]


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle: left, top, width and height."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> Point:
        return (self.x + self.width / 2, self.y + self.height / 2)


@dataclass(frozen=True, slots=True)
class Text:
    """Text already wrapped into lines that fit ``box`` at ``size`` points."""

    box: Box
    lines: tuple[str, ...]
    size: float
    bold: bool = False
    align: Literal["left", "center"] = "left"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the table; ``key`` is ``no``, ``kegiatan``,
    ``pelaksana:<actor id>``, ``kelengkapan``, ``waktu``, ``output`` or
    ``keterangan``. ``kind`` says what it holds (``number``, ``text`` or
    ``actor``, whose symbols it holds) and ``actor`` names the actor of an
    actor column, so no renderer parses the key."""

    key: str
    left: float
    right: float
    kind: ColumnKind
    actor: str | None


@dataclass(frozen=True, slots=True)
class GridLine:
    """One straight line of the table's grid, from ``start`` to ``end``.

    ``kind``: ``outline`` (the table's border), ``header`` (inside the
    repeated header), ``column`` (between columns, under the header),
    ``row`` (between rows), ``band`` (closing a connector band off from the
    rows). A renderer draws every line it is given, and no other.
    """

    kind: LineKind
    start: Point
    end: Point


@dataclass(frozen=True, slots=True)
class Band:
    """A strip of the table that holds off-page connectors and no text:
    ``in`` under the header (arrivals from the previous page), ``out`` under
    the last row (departures to the next page)."""

    role: Literal["in", "out"]
    box: Box


@dataclass(frozen=True, slots=True)
class HeaderCell:
    """A cell of the repeated header: the two title rows (``Pelaksana`` and
    ``Mutu Baku`` span their sub-columns) and the row of column numbers."""

    box: Box
    text: Text


@dataclass(frozen=True, slots=True)
class Row:
    """The table row of one step: its cells' texts, one per text column in
    column order (No, Kegiatan, Kelengkapan, Waktu, Output, Keterangan; No
    and Kegiatan in the ``flow`` column set); symbol columns left empty."""

    step_id: str
    number: int  # the "No" printed, from 1
    top: float
    bottom: float
    cells: tuple[Text, ...]
    continued: bool  # the rest of a step too tall for one page; its symbol is on the row before


@dataclass(frozen=True, slots=True)
class Symbol:
    """The symbol of one step, inside its row and its actor's column.
    ``text`` is the step number inside it, only when the page options ask
    for it (the terminal preview); printed symbols are empty."""

    step_id: str
    kind: SymbolKind
    box: Box
    text: Text | None = None


@dataclass(frozen=True, slots=True)
class Connector:
    """An off-page connector (pentagon, point down); the two of a pair share
    ``label``.

    ``place`` ``band``: a page turn, ``out`` in the band under the last row
    of page N, ``in`` in the band under the header of page N+1, labelled A,
    B, ... ``place`` ``beside``: any other jump between pages (a loop back,
    a jump over pages), ``out`` in the row of the source, ``in`` in the row
    of the target, labelled with the target's step number; ``caption``
    names the page of the twin (``hal. 2``). ``text`` is the label as
    printed inside the pentagon's square part.
    """

    label: str
    role: Literal["out", "in"]
    box: Box
    source: str
    target: str
    branch: str
    place: Literal["band", "beside"]
    text: Text
    caption: Text | None


@dataclass(frozen=True, slots=True)
class EdgePath:
    """An arrow drawn on one page: an orthogonal polyline whose last point
    carries the arrowhead. An edge between pages is two paths, ending at or
    starting from its connectors (``via`` holds their label)."""

    source: str
    target: str
    branch: str  # "lanjut", "ya" or "tidak"
    points: tuple[Point, ...]
    label: Text | None = None
    via: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """One flowchart page: the table grid, then what is drawn on it.
    ``body`` is the table under its header (bands and rows); ``lines`` every
    line of the grid; ``legend`` the actors' short forms used in the header,
    printed under the table."""

    number: int  # from 1
    width: float
    height: float
    table: Box
    columns: tuple[Column, ...]
    header: tuple[HeaderCell, ...]
    rows: tuple[Row, ...]
    symbols: tuple[Symbol, ...]
    edges: tuple[EdgePath, ...]
    connectors: tuple[Connector, ...]
    body: Box
    lines: tuple[GridLine, ...]
    bands: tuple[Band, ...]
    legend: Text | None


@dataclass(frozen=True, slots=True)
class FlowchartLayout:
    """All flowchart pages of one SOP, for one set of page options.
    ``columns`` is the column set: ``full`` (the whole SOP AP table) or
    ``flow`` (No, Kegiatan and the actor columns only); ``first_page`` the
    number of the first page in the printed document (captions use it)."""

    paper: str
    orientation: Literal["landscape", "portrait"]
    columns: Literal["full", "flow"]
    width: float
    height: float
    pages: tuple[Page, ...]
    first_page: int = 1


@dataclass(frozen=True, slots=True)
class Printed:
    """One line printed in a document cell, with how it is set off:
    ``title`` (the SOP's name: the accent colour), ``signer`` (the signer's
    name: underlined, as Indonesian signature blocks print it)."""

    text: Text
    style: Literal["plain", "title", "signer"] = "plain"


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell of a document table: its box (its border is drawn) and its lines."""

    box: Box
    lines: tuple[Printed, ...]


@dataclass(frozen=True, slots=True)
class IdentityPage:
    """One page of the identity table. ``heading`` names a continuation
    (``Identitas SOP (lanjutan)``); ``logo`` is where the logo is drawn, its
    proportions kept, centred; ``signature`` the signer's space of
    "Disahkan oleh" (first page only)."""

    number: int
    width: float
    height: float
    heading: Text | None
    cells: tuple[Cell, ...]
    logo: Box | None
    signature: Box | None


@dataclass(frozen=True, slots=True)
class IdentityLayout:
    """The identity pages of one SOP (``soptui.layout.identity_layout``)."""

    width: float
    height: float
    pages: tuple[IdentityPage, ...]
