"""Paper, type and table styles shared by the forms and the bound document.

The fonts are the DejaVu Sans faces every printed page is set in
(:mod:`soptui.fonts`), so every character prints the same in the SOP pages
and in the pages around them. Documents are made with reportlab's
``invariant`` mode: the same input gives the same bytes.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, TableStyle

from soptui.fonts import register_fonts
from soptui.papers import PAPERS

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
MARGIN = 20 * mm
CHECK = "\u2713"  # ✓, in DejaVu Sans


def page_size(paper: str, landscape: bool) -> tuple[float, float]:
    """Width and height in points of ``paper`` (``A4``, ``F4``...)."""
    short, long = PAPERS[paper]
    return (long, short) if landscape else (short, long)


def document(stream, paper: str, landscape: bool, title: str, margin: float = MARGIN) -> SimpleDocTemplate:
    """A deterministic platypus document on ``stream``."""
    register_fonts()
    return SimpleDocTemplate(
        stream,
        pagesize=page_size(paper, landscape),
        leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
        title=title, creator="soptui", author="soptui", invariant=1, pageCompression=1,
        initialFontName=FONT,  # else an unused, unembedded Helvetica is listed (not PDF/A)
    )


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles by role."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13, alignment=TA_JUSTIFY)
    prose = ParagraphStyle("prose", parent=body, spaceAfter=5)  # paragraphs of running text
    return {
        "body": body,
        "prose": prose,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=10.5, alignment=0),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11, alignment=0),
        "cell_center": ParagraphStyle("cell_center", parent=body, fontSize=9, leading=11, alignment=TA_CENTER),
        "head": ParagraphStyle("head", parent=body, fontName=FONT_BOLD, fontSize=9, leading=11, alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=14, leading=18, alignment=TA_CENTER, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontName=FONT_BOLD, fontSize=11, leading=14, alignment=TA_CENTER),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        "heading": ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=12, leading=16, spaceBefore=10, spaceAfter=6),
        "label": ParagraphStyle("label", parent=body, fontName=FONT_BOLD, alignment=0),
        "toc0": ParagraphStyle("toc0", parent=body, alignment=0),
        "toc1": ParagraphStyle("toc1", parent=body, alignment=0, leftIndent=6 * mm),
        "cell_right": ParagraphStyle("cell_right", parent=body, fontSize=10, leading=13, alignment=TA_RIGHT),
        "cover_title": ParagraphStyle("cover_title", parent=body, fontName=FONT_BOLD, fontSize=22, leading=28, alignment=TA_CENTER),
        "cover_subtitle": ParagraphStyle("cover_subtitle", parent=body, fontName=FONT_BOLD, fontSize=15, leading=20, alignment=TA_CENTER),
        "cover_agency": ParagraphStyle("cover_agency", parent=body, fontName=FONT_BOLD, fontSize=13, leading=17, alignment=TA_CENTER),
    }


def para(text: str, style: str = "cell") -> Paragraph:
    """A paragraph of plain text (escaped; newlines kept as line breaks)."""
    return Paragraph(escape(text or "").replace("\n", "<br/>"), styles()[style])


def bold(text: str, style: str = "label") -> Paragraph:
    return Paragraph(f"<b>{escape(text)}</b>", styles()[style])


def plain(*commands: tuple) -> TableStyle:
    """A table style of ``commands`` whose cells are set in our face: a table's own default is
    Helvetica, which a PDF/A file may not list unembedded, and which hides its pages from the
    check for characters DejaVu Sans lacks (soptui.archival.conformance)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def grid(header_rows: int = 1, extra: tuple = ()) -> TableStyle:
    """Black grid lines, a bold shaded header repeated on each page, cells on top."""
    header = [
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#eeeeee")),
    ] if header_rows else []
    return TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *header,
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *extra,
    ])
