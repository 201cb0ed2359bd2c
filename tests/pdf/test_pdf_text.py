"""The pen writes text exactly as reportlab's ``textOut`` would: the same bytes
in the PDF for any text, so drawing it faster changes nothing a reader sees.
A new reportlab that assigned codes or named subsets differently fails here."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from _soptui_pdf.pen import show
from soptui.fonts import BOLD, REGULAR, register_fonts

#: ASCII, accents, a no-break space, a character DejaVu Sans lacks, and
#: hundreds of distinct characters, so that text runs into a third subset and
#: one string mixes subsets.
TEXTS = (
    "Nomor SOP: 800/12/2024", "Kepala Sub Bagian (Kasubag) Umum", "Rp 1.500.000,00 — naïve café",
    "Halaman\u00a01 dari\u00a03", "漢字 tidak ada di DejaVu", "",
    "".join(chr(code) for code in range(0x100, 0x250)), "".join(chr(code) for code in range(0x391, 0x3C9)),
    "".join(chr(code) for code in range(0x400, 0x500)), "Nomor SOP: 800/12/2024", "Ωμέγα и Кириллица ĀāĂă (ӿ)",
    "ΑΒΓΔΕΖΗΘ", "Kasubag ΑΒΓ Кириллица ӿ",
)


def _pdf(write) -> bytes:
    register_fonts()
    stream = io.BytesIO()
    canvas = Canvas(stream, invariant=1, pageCompression=0)
    writer = canvas.beginText()
    for index, text in enumerate(TEXTS * 2):
        writer.setTextOrigin(20, 800 - index * 12)
        if index % 3 == 0:
            writer.setFont(BOLD if index % 2 else REGULAR, 7 + index % 4)
        write(writer, text)
    canvas.drawText(writer)
    canvas.showPage()
    canvas.save()
    return stream.getvalue()


def test_the_pens_text_is_byte_for_byte_reportlabs():
    assert _pdf(show) == _pdf(lambda writer, text: writer.textOut(text))
