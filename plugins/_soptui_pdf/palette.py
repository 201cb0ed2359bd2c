"""The print palette: every colour, line width and font the PDF uses.

Colours come from a print theme (``[print]`` of a theme file, docs/themes.md:
built in ``resmi``, black on white, and ``warna``; users and plugins add
more). Nothing else in the exporter names a colour or a font. The PDF always
prints in DejaVu Sans (:mod:`soptui.fonts`), whatever font a theme names:
the layout engine measures text with its widths, so another face would
overflow the cells it computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from soptui.themes import PrintTheme


@dataclass(frozen=True)
class Palette:
    """Colours (``#rrggbb``), line widths (points) and the two font faces."""

    ink: str  # text
    muted: str  # footer
    grid: str  # table lines
    header_fill: str  # background of the repeated header rows
    header_ink: str
    lane_fill: str  # background of the actor columns
    accent: str  # Nama SOP on the identity page
    symbol_stroke: str
    symbol_fills: dict[str, str] = field(default_factory=dict)  # terminator, proses, keputusan, connector
    arrow: str = "#000000"
    label_fill: str = "#ffffff"  # behind branch labels, so a crossing line never hides them
    grid_width: float = 0.6
    symbol_width: float = 0.9
    arrow_width: float = 0.8
    font: str = "DejaVuSans"
    font_bold: str = "DejaVuSans-Bold"

    @classmethod
    def from_theme(cls, theme: PrintTheme) -> Palette:
        return cls(
            ink=theme.ink,
            muted=theme.muted,
            grid=theme.line,
            header_fill=theme.header_fill,
            header_ink=theme.header_ink,
            lane_fill=theme.lane_fill,
            accent=theme.accent,
            symbol_stroke=theme.symbol["stroke"],
            symbol_fills={kind: theme.symbol[kind] for kind in ("terminator", "proses", "keputusan", "connector")},
            arrow=theme.arrow,
            label_fill=theme.label_fill,
        )
