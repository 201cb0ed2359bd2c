"""Write ``soptui/layout/dejavu_widths.json``: DejaVu Sans advance widths.

The layout engine measures text without importing a drawing library, so the
widths of the font the PDF bundles are extracted once, here, with reportlab,
and kept as a small data file. Run it again only if the bundled font changes:

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


def main() -> None:
    data = {"font": "DejaVu Sans", "units_per_em": 1000}
    data.update({style: face_widths(name) for style, name in FACES.items()})
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
