"""The faces every printed page is set in: DejaVu Sans, regular and bold.

Core, beside the layout, because the layout measures text with these faces'
widths (:mod:`soptui.layout.metrics`): a renderer that set another face would
overflow the cells the layout computed. Every renderer that draws with
reportlab (the PDF, the bound document and its forms, the signature's
appearance) registers them here, so no plugin needs another plugin's files.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_DIR = Path(__file__).parent
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


@cache
def register_fonts() -> None:
    """Register both faces (and their family) with reportlab, once per process."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from soptui.fonts.subsets import ReusedSubsets, ReusedWidths

    for name, filename in _FILES.items():
        font = TTFont(name, str(FONT_DIR / filename))
        font.__class__ = ReusedWidths  # the same font and face, subclasses adding no data, that keep
        font.face.__class__ = ReusedSubsets  # the subsets and their widths once made
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
