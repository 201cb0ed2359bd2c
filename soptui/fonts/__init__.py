"""The faces every printed page is set in: DejaVu Sans, regular and bold.

Core, beside the layout, because the layout measures text with these faces'
widths (:mod:`soptui.layout.metrics`): a renderer that set another face would
overflow the cells the layout computed. Every renderer that draws with
reportlab (the PDF, the bound document and its forms, the signature's
appearance) registers them here, so no plugin needs another plugin's files.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any

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


def lacking(*values: Any) -> str:
    """The characters of ``values`` (strings, model dataclasses, their tuples and lists) that a face
    has no glyph for, as people read them: ``漢 (U+6F22), 字 (U+5B57)``; ``-`` when none.

    Such a character prints as the empty .notdef box, which PDF/A forbids: the official PDF and
    the bound document name them when they refuse a PDF/A file for it."""
    from reportlab.pdfbase.pdfmetrics import getFont

    register_fonts()
    faces = [getFont(name).face.charToGlyph for name in (REGULAR, BOLD)]
    found = sorted({c for c in _texts(values) if not c.isspace() and any(ord(c) not in face for face in faces)})
    return ", ".join(f"{c} (U+{ord(c):04X})" for c in found) or "-"


def _texts(value: Any) -> str:
    if isinstance(value, str):
        return value
    if is_dataclass(value):
        return "".join(_texts(getattr(value, field.name)) for field in fields(value))
    if isinstance(value, tuple | list):
        return "".join(_texts(item) for item in value)
    return ""
