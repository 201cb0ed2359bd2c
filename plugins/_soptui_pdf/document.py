"""The whole PDF: identity page(s), flowchart pages, a footer on every page.

The canvas is made deterministic (reportlab's ``invariant`` mode fixes the
creation date and the document ID), so the same SOP file and options give
the same bytes, and a PDF can be checked into git or compared by hash.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from _soptui_pdf import flowchart, identity
from _soptui_pdf.identity import Frame
from _soptui_pdf.palette import Palette
from _soptui_pdf.pen import Pen
from soptui.fonts import register_fonts
from soptui.layout.types import FlowchartLayout, IdentityLayout
from soptui.model import Sop

FOOTER_SIZE = 7.0
FOOTER_GAP = 4.0  # between the table and the footer line
HASH_LENGTH = 12  # hex digits of the source's SHA-256 printed on each page


def render(
    sop: Sop,
    identity_pages: IdentityLayout,
    layout: FlowchartLayout,
    frame: Frame,
    palette: Palette,
    source_sha256: str,
    logo: ImageReader | None,
    stream: BinaryIO,
    signature_boxes: list | None = None,
) -> int:
    """Write the PDF to ``stream``; return its number of pages. When
    ``signature_boxes`` is a list, the signer's box of the identity page is
    appended to it as (page index, (x1, y1, x2, y2) in PDF points)."""
    register_fonts()
    with _binary_streams():
        return _render(sop, identity_pages, layout, frame, palette, source_sha256, logo, stream, signature_boxes)


@contextmanager
def _binary_streams():
    """Streams compressed but not ASCII85-encoded: a fifth smaller and a
    third faster to write; every PDF reader since 1.2 reads them."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _render(sop: Sop, identity_pages: IdentityLayout, layout: FlowchartLayout, frame: Frame, palette: Palette,
            source_sha256: str, logo: ImageReader | None, stream: BinaryIO, signature_boxes: list | None) -> int:
    canvas = Canvas(
        stream, pagesize=(layout.width, layout.height), invariant=1, pageCompression=1,
        initialFontName=palette.font,  # else an unused, unembedded Helvetica is listed
        lang="id",  # the printed SOP is in Bahasa Indonesia, whatever the interface language
    )
    canvas.setTitle(sop.identitas.nama)
    canvas.setSubject(sop.identitas.nomor)
    canvas.setAuthor(sop.identitas.instansi[-1] if sop.identitas.instansi else "")
    canvas.setCreator("soptui")
    pen = Pen(canvas, layout.height, palette)
    box = identity_pages.pages[0].signature
    if signature_boxes is not None and box is not None:
        signature_boxes.append((0, (box.x, layout.height - box.y - box.height, box.x + box.width, layout.height - box.y)))
    total = len(identity_pages.pages) + len(layout.pages)
    sections: tuple[tuple[Sequence[Any], Callable[[Pen, Any], None], str], ...] = (
        (identity_pages.pages, partial(identity.draw, logo=logo), "Identitas SOP"),
        (layout.pages, flowchart.draw, "Diagram Alir"),
    )
    number = 0
    for pages, draw, title in sections:
        for index, page in enumerate(pages):
            number += 1
            if index == 0:  # an outline entry, so a reader jumps to the part in a viewer
                canvas.bookmarkPage(title)
                canvas.addOutlineEntry(title, title)
            draw(pen, page)
            _footer(pen, frame, sop.identitas.nomor, source_sha256, number, total)
            pen.end_page()
    canvas.save()
    return total


def _footer(pen: Pen, frame: Frame, nomor: str, sha256: str, number: int, total: int) -> None:
    """Page x of y, the SOP number and the source hash, under the frame."""
    top = frame.y + frame.height + FOOTER_GAP
    muted = pen.palette.muted
    third = frame.width / 3 - 6  # three parts side by side; a very long number is cut short
    number_text = pen.fit(f"Nomor SOP: {nomor or '-'}", third, FOOTER_SIZE)
    pen.text(frame.x, top, number_text, FOOTER_SIZE, color=muted)
    pen.text(frame.x + frame.width / 2, top, f"Halaman {number} dari {total}", FOOTER_SIZE, align="center", color=muted)
    source = f"sumber {sha256[:HASH_LENGTH] or '-'}"
    pen.text(frame.x + frame.width, top, source, FOOTER_SIZE, align="right", color=muted)
