"""The print palette: every colour, line width and font the PDF uses.

Kept in one small object so a later theme file (issue 7) can replace it
whole; nothing else in the exporter names a colour or a font.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).parent / "fonts"


@dataclass(frozen=True)
class Palette:
    """Colours (``#rrggbb``), line widths (points) and the two font faces."""

    name: str
    ink: str  # text
    grid: str  # table lines
    header_fill: str  # background of the repeated header rows
    symbol_stroke: str
    symbol_fill: str
    arrow: str
    label_fill: str  # behind branch labels, so a crossing line never hides them
    muted: str  # footer text
    grid_width: float = 0.6
    symbol_width: float = 0.9
    arrow_width: float = 0.8
    font: str = "DejaVuSans"
    font_bold: str = "DejaVuSans-Bold"


#: The built-in print theme: black on white, as offices print and photocopy.
RESMI = Palette(
    name="resmi",
    ink="#000000",
    grid="#000000",
    header_fill="#ffffff",
    symbol_stroke="#000000",
    symbol_fill="#ffffff",
    arrow="#000000",
    label_fill="#ffffff",
    muted="#333333",
)

PALETTES: dict[str, Palette] = {RESMI.name: RESMI}

_FONT_FILES = {"DejaVuSans": "DejaVuSans.ttf", "DejaVuSans-Bold": "DejaVuSans-Bold.ttf"}


@cache
def register_fonts() -> None:
    """Register the bundled DejaVu Sans faces with reportlab, once per process."""
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold")
