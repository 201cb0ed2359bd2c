"""The faces every printed page is set in: DejaVu Sans, regular and bold.

Core, beside the layout, because the layout measures text with these faces'
widths (:mod:`soptui.layout.metrics`): a renderer that set another face would
overflow the cells the layout computed. Every renderer that draws with
reportlab (the PDF, the bound document and its forms, the signature's
appearance) registers them here, so no plugin needs another plugin's files.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from soptui.model import strings

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
    """The characters of ``values`` (strings, model dataclasses, their tuples and lists) that the
    faces have no glyph for, as people read them: ``字 (U+5B57), 漢 (U+6F22)``; ``-`` when none.

    Such a character prints as the empty .notdef box, which PDF/A forbids: ``soptui check``
    warns of it (rule I013), and the official PDF and the bound document name them when they
    refuse a PDF/A file for it."""
    return named(sorted(without_glyph("".join(text for _, text in strings(values))))) or "-"


def named(chars: Iterable[str]) -> str:
    """Characters as people can look them up: ``字 (U+5B57), 漢 (U+6F22)``."""
    return ", ".join(f"{c} (U+{ord(c):04X})" for c in chars)


def without_glyph(text: str) -> set[str]:
    """The characters of ``text``, spaces aside, that not every face has a glyph for
    (``coverage.json``, written from the fonts by tools/layout_font_widths.py: no reportlab here)."""
    firsts, lasts = _coverage()
    return {c for c in set(text) if not c.isspace()
            and not (0 <= (i := bisect_right(firsts, ord(c)) - 1) and ord(c) <= lasts[i])}


@cache
def _coverage() -> tuple[list[int], list[int]]:
    ranges = json.loads((FONT_DIR / "coverage.json").read_text(encoding="utf-8"))["ranges"]
    return [first for first, _ in ranges], [last for _, last in ranges]

