"""The identity page (section 1 of the regulation's SOP AP document), drawn from the layout.

``soptui.layout.identity_layout`` decides every cell, line and place (the
logo's, the signature's, a continued page's heading); this module strokes the
cells, prints the lines in the palette's colours (the SOP's name in the
accent, the signer's name underlined) and draws the logo image.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.utils import ImageReader

from _soptui_pdf.flowchart import draw_text
from _soptui_pdf.pen import Pen
from soptui.layout.types import IdentityPage, Printed
from soptui.model import Sop

LOGO_PIXELS = 512  # longest side kept: about 500 dpi at the printed size


@dataclass(frozen=True)
class Frame:
    """The area a page may use: inside the margins, above the footer."""

    x: float
    y: float
    width: float
    height: float


def draw(pen: Pen, page: IdentityPage, logo: ImageReader | None) -> None:
    """Draw one identity page as the layout placed it."""
    if page.heading is not None:
        draw_text(pen, page.heading, pen.palette.accent)
    if page.logo is not None and logo is not None:
        box = page.logo
        pen.canvas.drawImage(logo, box.x, pen.height - box.bottom, box.width, box.height,
                             preserveAspectRatio=True, anchor="c", mask="auto")
    for cell in page.cells:
        for printed in cell.lines:
            _line(pen, printed)
        box = cell.box
        pen.rect(box.x, box.y, box.width, box.height, pen.palette.grid, pen.palette.grid_width)


def _line(pen: Pen, printed: Printed) -> None:
    text = printed.text
    color = pen.palette.accent if printed.style == "title" else None
    draw_text(pen, text, color)
    if printed.style == "signer" and text.lines[0]:
        width = pen.width(text.lines[0], text.size, text.bold)
        start = text.box.x + (text.box.width - width) / 2 if text.align == "center" else text.box.x
        y = pen.first_baseline(text.box.y, text.size, text.bold) + text.size * 0.12
        pen.line(start, y, start + width, y, pen.palette.ink, text.size * 0.06)


def open_logo(sop: Sop, base: Path | None) -> ImageReader | None:
    """The logo the file names, read from its path relative to the SOP file,
    decoded now (a broken image fails here, with its name, not halfway
    through the PDF) and scaled down when it is larger than print needs, so
    a scanned logo does not make every PDF megabytes. Raises OSError (or
    ValueError) when the image cannot be decoded."""
    from PIL import Image

    from soptui.confine import read_linked

    if not sop.identitas.logo:
        return None
    with Image.open(io.BytesIO(read_linked(base, sop.identitas.logo))) as image:  # regular, small, inside --root
        image.load()
        if max(image.size) > LOGO_PIXELS:
            image.thumbnail((LOGO_PIXELS, LOGO_PIXELS), Image.Resampling.LANCZOS)
        if image.mode == "CMYK":  # a printer's JPEG: drawn as is, PDF/A's sRGB output intent could not hold it
            return ImageReader(image.convert("RGB"))  # (reportlab draws every other mode as grey or RGB)
        return ImageReader(image.copy())
