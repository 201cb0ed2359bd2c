"""Write what core needs to know of the bundled DejaVu Sans without reportlab.

``soptui/layout/dejavu_widths.json``: advance widths, with which the layout
measures text; ``soptui/fonts/coverage.json``: the characters both faces
have a glyph for, with which ``soptui check`` warns of text that would print
as empty boxes (rule I013) and the exporters name it. Both are extracted
once, here, with reportlab. Run it again only if the bundled font changes:

    python tools/layout_font_widths.py
"""

from __future__ import annotations

import json
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

from soptui.fonts import FONT_DIR  # the faces the exporters embed, not whatever the system has

FACES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
#: Basic Latin, Latin-1, Latin Extended-A/B, general punctuation, euro, trademark.
RANGES = ((0x20, 0x7E), (0xA0, 0x24F), (0x2010, 0x2044), (0x20AC, 0x20AC), (0x2122, 0x2122))
OUT = Path(__file__).resolve().parent.parent / "soptui" / "layout" / "dejavu_widths.json"
COVERAGE = FONT_DIR / "coverage.json"


def face_widths(file_name: str) -> dict:
    face = TTFont(file_name, str(FONT_DIR / file_name)).face
    ranges = []
    for start, end in RANGES:
        widths = [round(face.charWidths.get(code, face.defaultWidth), 1) for code in range(start, end + 1)]
        ranges.append([start, widths])
    return {
        "default": round(face.defaultWidth, 1),
        "ascent": round(face.ascent, 1),
        "descent": round(face.descent, 1),
        "ranges": ranges,
    }


def coverage() -> list[list[int]]:
    """The code points every face maps to a glyph, as [first, last] ranges."""
    common = set.intersection(*(set(TTFont(name, str(FONT_DIR / name)).face.charToGlyph) for name in FACES.values()))
    ranges: list[list[int]] = []
    for code in sorted(common):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return ranges


def main() -> None:
    data = {"font": "DejaVu Sans", "units_per_em": 1000}
    data.update({style: face_widths(name) for style, name in FACES.items()})
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
    covered = {"font": "DejaVu Sans", "faces": sorted(FACES.values()), "ranges": coverage()}
    COVERAGE.write_text(json.dumps(covered, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {COVERAGE} ({COVERAGE.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
