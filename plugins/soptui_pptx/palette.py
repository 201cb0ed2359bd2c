"""Colours and font of the deck, kept in one small object.

A later issue reads print themes from files; until then the deck uses
:data:`DEFAULT`, a calm blue style that prints well in grey too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    """Hex colours (``RRGGBB``) and the font family of every text."""

    font: str = "DejaVu Sans"
    primary: str = "1F4E79"  # title band, table header
    on_primary: str = "FFFFFF"  # text on the primary colour
    text: str = "1A1A1A"
    muted: str = "5A6470"  # footers, continuation marks
    line: str = "7F8C99"  # grid and lane lines
    lane: str = "EEF3F8"  # every other actor lane
    terminator: str = "D9EAD3"
    proses: str = "DDEBF7"
    keputusan: str = "FFF2CC"
    connector: str = "F4CCCC"
    arrow: str = "2F3B47"
    accent: str = "2E75B6"  # chart bars


DEFAULT = Palette()
