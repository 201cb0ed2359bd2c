"""The visible signature: who signed and when, drawn in the signer's box.

Drawn with reportlab in the document's own font (DejaVu Sans, embedded as
a subset), so the signed file stays PDF/A: pyHanko's own text stamp would
need an extra font stack or fall back to a non-embedded Courier. The result
is a one-page PDF the size of the field, which the signer places as the
field's appearance. A gateway plugin may use it too (as is, or rendered to
an image). See docs/signing.md.
"""

from __future__ import annotations

import datetime as dt
import io

from soptui.signing import moment

HEADING = "Ditandatangani secara elektronik oleh"
SIZES = (7.0, 8.5, 7.0, 7.0)  # heading, name, NIP, date
MIN_SIZE = 4.0


def lines(nama: str, nip: str, when: dt.datetime) -> list[str]:
    """The appearance's lines: heading, name, NIP (when known), date and time."""
    return [HEADING, nama, f"NIP. {nip}" if nip else "", moment(when)]


def render(width: float, height: float, nama: str, nip: str, when: dt.datetime) -> bytes:
    """A one-page PDF of ``width`` x ``height`` points: the lines centred,
    shrunk together when a long name would not fit."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    from soptui.fonts import register_fonts

    register_fonts()
    texts = lines(nama, nip, when)
    fonts = ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans", "DejaVuSans")
    widest = max(stringWidth(text, font, size) for text, font, size in zip(texts, fonts, SIZES))
    scale = min(1.0, (width - 4) / widest, (height - 2) / (sum(SIZES) * 1.2))
    sizes = [max(MIN_SIZE, size * scale) for size in SIZES]
    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=(width, height), invariant=1, initialFontName="DejaVuSans")
    y = height / 2 + sum(sizes) * 1.2 / 2
    for text, font, size in zip(texts, fonts, sizes):
        y -= size * 1.2
        if text:
            canvas.setFont(font, size)
            canvas.drawCentredString(width / 2, y + size * 0.2, text)
    canvas.showPage()
    canvas.save()
    return stream.getvalue()
