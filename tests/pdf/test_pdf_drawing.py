"""The flowchart pages draw the layout stroke for stroke: every symbol at its
box, every arrow from its first point, as the layout placed them."""

from __future__ import annotations

import pytest
from pdf_helpers import export
from pypdf.generic import ContentStream

from soptui.corpus import generate_sop


def _operands(pdf, index: int, operator: bytes) -> list[tuple[float, ...]]:
    page = pdf.reader.pages[index]
    operations = ContentStream(page.get_contents(), pdf.reader).operations
    return [tuple(float(v) for v in operands) for operands, op in operations if op == operator]


def _drawn(expected: tuple[float, ...], candidates: list[tuple[float, ...]]) -> bool:
    return any(len(c) == len(expected) and all(abs(a - b) < 0.02 for a, b in zip(c, expected)) for c in candidates)


@pytest.mark.parametrize("seed", [1, 2])
def test_symbols_and_arrows_are_drawn_where_the_layout_puts_them(seed):
    pdf = export(generate_sop(seed, steps=30, actors=5))
    first = pdf.pages - len(pdf.layout.pages)
    for number, page in enumerate(pdf.layout.pages):
        rectangles = _operands(pdf, first + number, b"re")
        moves = _operands(pdf, first + number, b"m")
        flip = page.height
        for symbol in page.symbols:
            box = symbol.box
            if symbol.kind == "proses":
                assert _drawn((box.x, flip - box.bottom, box.width, box.height), rectangles), symbol.step_id
            elif symbol.kind == "keputusan":
                assert _drawn((box.center[0], flip - box.y), moves), symbol.step_id
        for edge in page.edges:
            x, y = edge.points[0]
            assert _drawn((x, flip - y), moves), (edge.source, edge.target)
        for connector in page.connectors:
            assert _drawn((connector.box.x, flip - connector.box.y), moves), connector.label


def test_a_band_of_incoming_connectors_is_closed_off_from_the_first_row():
    """A line at the first row's top, so the connectors arriving on a page do not sit in row one."""
    pdf = export(generate_sop(3, steps=40, actors=6))
    first = pdf.pages - len(pdf.layout.pages)
    banded = [(n, page) for n, page in enumerate(pdf.layout.pages)
              if any(c.role == "in" for c in page.connectors)]
    assert banded
    for number, page in banded:
        moves = _operands(pdf, first + number, b"m")
        lines = _operands(pdf, first + number, b"l")
        top = page.height - page.rows[0].top
        assert _drawn((page.table.x, top), moves) and _drawn((page.table.right, top), lines), page.number
