"""Drawing a computed flowchart page in terminal cells.

The layout engine, run with cell metrics, places everything in character
cells; this module only draws what it is given: the table grid, the texts,
the symbols in box-drawing characters, the arrows with their heads and the
Ya/Tidak labels. Lines are kept as a mask of directions per cell and turned
into characters at the end, so crossings and corners join properly.
Nothing here imports Textual; the preview widget styles the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from soptui.layout.types import Box, EdgePath, Page, Text

UP, DOWN, LEFT, RIGHT = 1, 2, 4, 8
LINE_CHARS = {
    0: " ",
    UP: "│",
    DOWN: "│",
    UP | DOWN: "│",
    LEFT: "─",
    RIGHT: "─",
    LEFT | RIGHT: "─",
    DOWN | RIGHT: "┌",
    DOWN | LEFT: "┐",
    UP | RIGHT: "└",
    UP | LEFT: "┘",
    UP | DOWN | RIGHT: "├",
    UP | DOWN | LEFT: "┤",
    DOWN | LEFT | RIGHT: "┬",
    UP | LEFT | RIGHT: "┴",
    UP | DOWN | LEFT | RIGHT: "┼",
}
HEADS = {DOWN: "▼", UP: "▲", RIGHT: "▶", LEFT: "◀"}

#: Style names of what a cell holds, from least to most important; a symbol's
#: style is its kind (``terminator``, ``proses``, ``keputusan``, ``connector``).
GRID, TEXT, EDGE, LABEL, HEAD, SELECTED = "grid", "text", "edge", "label", "head", "selected"


@dataclass
class Canvas:
    """A grid of characters, each with the name of its style."""

    width: int
    height: int
    chars: list[list[str]] = field(init=False)
    styles: list[list[str]] = field(init=False)
    _grid: dict[tuple[int, int], int] = field(default_factory=dict)
    _edges: dict[tuple[int, int], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.chars = [[" "] * self.width for _ in range(self.height)]
        self.styles = [[""] * self.width for _ in range(self.height)]

    def put(self, x: int, y: int, char: str, style: str) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            self.chars[y][x] = char
            self.styles[y][x] = style

    def write(self, x: int, y: int, text: str, style: str) -> None:
        for offset, char in enumerate(text):
            self.put(x + offset, y, char, style)

    def line(self, layer: dict[tuple[int, int], int], a: tuple[int, int], b: tuple[int, int]) -> None:
        """An orthogonal segment from ``a`` to ``b`` in the given line layer."""
        (x0, y0), (x1, y1) = a, b
        if y0 == y1:
            step = 1 if x1 >= x0 else -1
            for x in range(x0, x1, step):
                layer[(x, y0)] = layer.get((x, y0), 0) | (RIGHT if step > 0 else LEFT)
                layer[(x + step, y0)] = layer.get((x + step, y0), 0) | (LEFT if step > 0 else RIGHT)
        elif x0 == x1:
            step = 1 if y1 >= y0 else -1
            for y in range(y0, y1, step):
                layer[(x0, y)] = layer.get((x0, y), 0) | (DOWN if step > 0 else UP)
                layer[(x0, y + step)] = layer.get((x0, y + step), 0) | (UP if step > 0 else DOWN)

    def flush_lines(self) -> None:
        for layer, style in ((self._grid, GRID), (self._edges, EDGE)):
            for (x, y), mask in layer.items():
                self.put(x, y, LINE_CHARS.get(mask, "┼"), style)


def cell(value: float) -> int:
    return int(round(value))


def draw_page(page: Page, selected: str | None = None) -> Canvas:
    """The whole page as characters: grid first, then texts, edges and symbols on top."""
    canvas = Canvas(cell(page.width) + 1, cell(page.height) + 1)
    _grid(canvas, page)
    for edge in page.edges:
        _edge(canvas, edge)
    canvas.flush_lines()
    for header in page.header:
        _text(canvas, header.text, TEXT)
    for row in page.rows:
        for text in row.cells:
            _text(canvas, text, TEXT)
    for edge in page.edges:
        _head(canvas, edge)
        if edge.label is not None:
            _text(canvas, edge.label, LABEL)
    for symbol in page.symbols:
        style = SELECTED if symbol.step_id == selected else symbol.kind
        _symbol(canvas, symbol.kind, symbol.box, style)
        if symbol.text is not None:
            _text(canvas, symbol.text, style, middle=True)
    for connector in page.connectors:
        _symbol(canvas, "connector", connector.box, "connector")
        _text(canvas, connector.text, "connector")
        if connector.caption is not None:
            _text(canvas, connector.caption, LABEL)
    if page.legend is not None:
        _text(canvas, page.legend, TEXT)
    return canvas


def _grid(canvas: Canvas, page: Page) -> None:
    """Every line of the layout's grid."""
    for line in page.lines:
        canvas.line(canvas._grid, (cell(line.start[0]), cell(line.start[1])), (cell(line.end[0]), cell(line.end[1])))


def _text(canvas: Canvas, text: Text, style: str, middle: bool = False) -> None:
    width = max(1, cell(text.box.width))
    top = cell(text.box.y)
    if middle:  # inside a symbol: on its middle line
        top += max(0, (cell(text.box.height) - len(text.lines)) // 2)
    for number, line in enumerate(text.lines):
        x = cell(text.box.x)
        if text.align == "center":
            x += max(0, (width - len(line)) // 2)
        canvas.write(x, top + number, line[:width], style)


def _edge(canvas: Canvas, edge: EdgePath) -> None:
    points = [(cell(x), cell(y)) for x, y in edge.points]
    for a, b in zip(points, points[1:]):
        canvas.line(canvas._edges, a, b)


def _head(canvas: Canvas, edge: EdgePath) -> None:
    points = [(cell(x), cell(y)) for x, y in edge.points]
    if len(points) < 2:
        return
    (x0, y0), (x1, y1) = points[-2], points[-1]
    direction = DOWN if y1 > y0 else UP if y1 < y0 else RIGHT if x1 > x0 else LEFT
    canvas.put(x1, y1, HEADS[direction], HEAD)


def _symbol(canvas: Canvas, kind: str, box: Box, style: str) -> None:
    x0, y0, x1, y1 = cell(box.x), cell(box.y), cell(box.right) - 1, cell(box.bottom) - 1
    x1, y1 = max(x1, x0 + 2), max(y1, y0 + 1)
    corners = {
        "terminator": "╭╮╰╯",
        "proses": "┌┐└┘",
        "keputusan": "╱╲╲╱",
        "connector": "┌┐╲╱",
    }[kind]
    for y in range(y0, y1 + 1):
        for x in range(x0, x1 + 1):
            canvas.put(x, y, " ", style)
    for x in range(x0 + 1, x1):
        canvas.put(x, y0, "─", style)
        canvas.put(x, y1, "─", style)
    for y in range(y0 + 1, y1):
        side = ("<", ">") if kind == "keputusan" else ("(", ")") if kind == "terminator" else ("│", "│")
        canvas.put(x0, y, side[0], style)
        canvas.put(x1, y, side[1], style)
    canvas.put(x0, y0, corners[0], style)
    canvas.put(x1, y0, corners[1], style)
    canvas.put(x0, y1, corners[2], style)
    canvas.put(x1, y1, corners[3], style)
