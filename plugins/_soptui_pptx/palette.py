"""Colours and font of the deck, from a print theme (docs/themes.md).

The deck uses the ``[print]`` section of a theme, ``warna`` by default; this
object keeps its colours as DrawingML wants them (``RRGGBB``), so nothing
else in the exporter reads the theme or names a colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from soptui.themes import PrintTheme


@dataclass(frozen=True)
class Palette:
    """Hex colours (``RRGGBB``) and the font family of every text."""

    font: str
    primary: str  # title band, table header
    on_primary: str  # text on the primary colour
    text: str
    muted: str  # notes under figures
    line: str  # grid and lane lines
    lane: str  # every other actor lane, every other table row
    label: str  # behind branch labels, so a crossing line never hides them
    stroke: str  # symbol outlines
    terminator: str
    proses: str
    keputusan: str
    connector: str
    arrow: str
    accent: str  # chart bars, headings and figures on white

    @classmethod
    def from_theme(cls, theme: PrintTheme) -> Palette:
        def hex_(value: str) -> str:
            return value.lstrip("#").upper()

        return cls(
            font=theme.font, primary=hex_(theme.header_fill), on_primary=hex_(theme.header_ink), text=hex_(theme.ink),
            muted=hex_(theme.muted), line=hex_(theme.line), lane=hex_(theme.lane_fill), label=hex_(theme.label_fill),
            stroke=hex_(theme.symbol["stroke"]), terminator=hex_(theme.symbol["terminator"]),
            proses=hex_(theme.symbol["proses"]), keputusan=hex_(theme.symbol["keputusan"]),
            connector=hex_(theme.symbol["connector"]), arrow=hex_(theme.arrow), accent=hex_(theme.accent),
        )
