"""The grid of a page as straight lines, each drawn once, each with its kind.

Renderers draw exactly these lines (issue 14): none of them works out where
the header ends, which columns are closed off, or whether a connector band
is separated from the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from soptui.layout.types import Band, Box, Column, GridLine, HeaderCell, Row


def grid_lines(table: Box, body: Box, columns: Sequence[Column], header: Sequence[GridLine],
               rows: Sequence[Row], bands: Sequence[Band], snap: Callable[[float], float]) -> tuple[GridLine, ...]:
    """The outline, the header's inner lines (``header_lines``, the same on
    every page), the column lines under the header, the lines between rows
    and those closing the bands off."""
    lines = [
        GridLine("outline", (table.x, table.y), (table.right, table.y)),
        GridLine("outline", (table.right, table.y), (table.right, table.bottom)),
        GridLine("outline", (table.x, table.bottom), (table.right, table.bottom)),
        GridLine("outline", (table.x, table.y), (table.x, table.bottom)),
    ]
    lines += [GridLine("column", (column.left, body.y), (column.left, body.bottom)) for column in columns[1:]]
    lines += [GridLine("row", (table.x, row.top), (table.right, row.top)) for row in rows[1:]]
    for band in bands:
        y = band.box.bottom if band.role == "in" else band.box.y
        if body.y < y < body.bottom:
            lines.append(GridLine("band", (table.x, y), (table.right, y)))
    snapped = [_snapped(line, snap) for line in lines]
    return (*snapped[:4], *header, *snapped[4:])


def header_lines(table: Box, header: Sequence[HeaderCell], snap: Callable[[float], float]) -> tuple[GridLine, ...]:
    """Every edge of the header's cells not on the outline, collinear pieces merged."""
    horizontal: dict[float, list[tuple[float, float]]] = {}
    vertical: dict[float, list[tuple[float, float]]] = {}
    for cell in header:
        x0, y0, x1, y1 = (snap(v) for v in (cell.box.x, cell.box.y, cell.box.right, cell.box.bottom))
        for y in (y0, y1):
            if y != snap(table.y):
                horizontal.setdefault(y, []).append((x0, x1))
        for x in (x0, x1):
            if x not in (snap(table.x), snap(table.right)):
                vertical.setdefault(x, []).append((y0, y1))
    lines = [GridLine("header", (a, y), (b, y)) for y, spans in sorted(horizontal.items()) for a, b in _merged(spans)]
    lines += [GridLine("header", (x, a), (x, b)) for x, spans in sorted(vertical.items()) for a, b in _merged(spans)]
    return tuple(lines)


def _snapped(line: GridLine, snap: Callable[[float], float]) -> GridLine:
    """The line with its ends rounded as every other coordinate (no 241.60999999999999 in the JSON)."""
    return GridLine(line.kind, (snap(line.start[0]), snap(line.start[1])), (snap(line.end[0]), snap(line.end[1])))


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for low, high in sorted(spans):
        if out and low <= out[-1][1] + 1e-6:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out

