"""Measuring and wrapping text without a drawing library.

The layout needs the width of every word it wraps. :class:`FontMetrics`
reads the advance widths of DejaVu Sans (the font the PDF bundles) from a
small data file made by ``tools/layout_font_widths.py``, so the engine
measures exactly what the PDF prints. :class:`CellMetrics` measures in
terminal cells, for the editor's preview. Any object with the two methods of
:class:`Metrics` works, e.g. a plugin's own font.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import Protocol, runtime_checkable

from soptui.layout.hyphen import split_word

_WIDTHS_FILE = Path(__file__).with_name("dejavu_widths.json")


@runtime_checkable
class Metrics(Protocol):
    """How wide a text is and how far apart its lines are, in layout units."""

    def width(self, text: str, size: float, bold: bool = False) -> float: ...

    def line_height(self, size: float) -> float: ...


class FontMetrics:
    """DejaVu Sans advance widths, in points. Characters outside the stored
    Latin ranges count as the font's default width (about a wide letter)."""

    cells = False

    def __init__(self) -> None:
        data = _font_data()
        self._tables = {False: _widths(data["regular"]), True: _widths(data["bold"])}
        self._default = {False: data["regular"]["default"], True: data["bold"]["default"]}
        self._ascent = data["regular"]["ascent"] / data["units_per_em"]
        self._descent = -data["regular"]["descent"] / data["units_per_em"]
        self._units = {False: lru_cache(maxsize=1 << 16)(partial(self._sum, False)),
                       True: lru_cache(maxsize=1 << 16)(partial(self._sum, True))}

    def _sum(self, bold: bool, text: str) -> float:
        table, default = self._tables[bold], self._default[bold]
        return sum(table.get(char, default) for char in text)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Measured once per text (words and lines repeat: a document wraps the same words again)."""
        return self._units[bold](text) * size / 1000

    def line_height(self, size: float) -> float:
        """Ascent plus descent, with a little leading: 1.2 times the size."""
        return size * 1.2

    def ascent(self, size: float) -> float:
        """From the top of a line to its baseline (for renderers)."""
        return size * (self._ascent + (1.2 - self._ascent - self._descent) / 2)


class CellMetrics:
    """Every character one terminal cell wide, every line one cell high.

    Wide (East Asian) characters are counted as one cell too: SOP texts are
    Indonesian, and the preview is a sketch, not the printed page.
    """

    cells = True

    def width(self, text: str, size: float = 1, bold: bool = False) -> float:
        return len(text)

    def line_height(self, size: float = 1) -> float:
        return 1

    def ascent(self, size: float = 1) -> float:
        return 0


@cache
def _font_data() -> dict:
    return json.loads(_WIDTHS_FILE.read_text(encoding="utf-8"))


def _widths(face: dict) -> dict[str, float]:
    return {chr(start + i): width for start, widths in face["ranges"] for i, width in enumerate(widths)}


@cache
def default_metrics() -> FontMetrics:
    """The shared DejaVu Sans metrics (the data file is read once)."""
    return FontMetrics()


def wrap(text: str, width: float, metrics: Metrics, size: float, bold: bool = False) -> tuple[str, ...]:
    """Greedy word wrap of ``text`` into lines no wider than ``width``.

    Paragraph breaks in the text are kept; a word wider than the line is
    broken where ``hyphen.split_word`` says (its own hyphen, an Indonesian
    syllable, else between letters), so nothing is ever lost or overflows.
    """
    return wrap_checked(text, width, metrics, size, bold)[0]


def wrap_checked(text: str, width: float, metrics: Metrics, size: float,
                 bold: bool = False) -> tuple[tuple[str, ...], bool]:
    """:func:`wrap`, and whether every broken word broke at a proper place."""
    lines: list[str] = []
    proper = True
    space = metrics.width(" ", size, bold)
    for paragraph in text.split("\n"):
        current, current_width = "", 0.0
        for word in paragraph.split():
            word_width = metrics.width(word, size, bold)
            if current and current_width + space + word_width <= width:
                current, current_width = f"{current} {word}", current_width + space + word_width
                continue
            if current:
                lines.append(current)
            if word_width > width:
                pieces, clean = split_word(word, width, metrics, size, bold)
                proper = proper and clean
                lines.extend(pieces[:-1])
                word = pieces[-1]
                word_width = metrics.width(word, size, bold)
            current, current_width = word, word_width
        if current or not lines or paragraph == "":
            lines.append(current)
    while lines and not lines[-1]:
        lines.pop()
    return tuple(lines), proper
