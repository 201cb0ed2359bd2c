"""The title slide and the identity slides (continued while the lists last)."""

from __future__ import annotations

from dataclasses import replace

from soptui.model import IDENTITY_LISTS, Sop
from soptui.printed import IDENTITY_LIST_LABELS, tanggal
from soptui_pptx import labels
from soptui_pptx.draw import PAD_X, PAD_Y, Drawing
from soptui_pptx.flowtext import Para, pour
from soptui_pptx.frame import BLANK_LAYOUT, BODY, MARGIN, SLIDE_HEIGHT, SLIDE_WIDTH, new_slide
from soptui_pptx.palette import Palette
from soptui_pptx.text import line_height, width, wrap

HEADING_SIZE = 16.0
ITEM_SIZE = 14.0
GUTTER = 24.0


def add_title_slide(prs, sop: Sop, palette: Palette) -> None:
    """Nama SOP, Nomor, the agency's nomenclature and Tanggal Efektif.

    The nomenclature sits at the top, as on the identity page; the name and
    its facts are centred in the room below it.
    """
    drawing = Drawing(prs.slides.add_slide(prs.slide_layouts[BLANK_LAYOUT]), palette)
    identity = sop.identitas
    room = SLIDE_WIDTH - 4 * MARGIN
    drawing.shape(0, 0, SLIDE_WIDTH, 12, name="Pita atas", fill=palette.primary)
    drawing.shape(0, SLIDE_HEIGHT - 12, SLIDE_WIDTH, 12, name="Pita bawah", fill=palette.primary)
    top = 40.0
    instansi = [line for name in identity.instansi for line in wrap(name, 14, room, bold=True)][:6]
    if instansi:
        top += _block(drawing, top, instansi, 14, bold=True, colour=palette.accent, name="Instansi") + 16
    size, name_lines = _fit(identity.nama or labels.EMPTY, room, (34, 30, 26, 22, 20, 18), 3)
    facts = [f"{labels.NOMOR}: {identity.nomor or labels.EMPTY}",
             f"{labels.TANGGAL_EFEKTIF}: {tanggal(identity.tanggal_efektif)}"]
    fact_lines = [line for fact in facts for line in wrap(fact, 18, room)]
    blocks = [([labels.HEADING], 16.0, False, palette.muted, "Jenis dokumen"),
              (name_lines, size, True, None, "Nama SOP"),
              (fact_lines, 18.0, False, None, "Nomor dan tanggal")]
    gap = 18.0
    height = sum(len(lines) * line_height(s) + 2 * PAD_Y for lines, s, *_ in blocks) + gap * (len(blocks) - 1)
    y = max(top, top + (SLIDE_HEIGHT - 24 - top - height) / 2)
    for lines, block_size, bold, colour, name in blocks:
        y += _block(drawing, y, lines, block_size, bold=bold, colour=colour, name=name) + gap
    drawing.flush()


def _block(drawing: Drawing, y, lines, size, *, bold, colour, name) -> float:
    """A centred text block across the slide at ``y``; returns its height."""
    height = len(lines) * line_height(size) + 2 * PAD_Y
    drawing.text(2 * MARGIN, y, SLIDE_WIDTH - 4 * MARGIN, height, lines, size, name=name, bold=bold, align="center",
                 colour=colour)
    return height


def _fit(text: str, room: float, sizes: tuple[float, ...], max_lines: int) -> tuple[float, list[str]]:
    """The largest size at which ``text`` takes at most ``max_lines`` lines (else the smallest)."""
    for size in sizes:
        lines = wrap(text, size, room, bold=True)
        if len(lines) <= max_lines:
            return size, lines
    return size, lines


def add_identity_slides(prs, sop: Sop, palette: Palette, tag: str) -> int:
    """Dasar Hukum ... Pencatatan in two columns a slide; returns the slides added."""
    column_width = (BODY.width - GUTTER) / 2
    columns = pour(_paragraphs(sop, column_width - 2 * PAD_X, palette), BODY.height - 2 * PAD_Y)
    pairs = [columns[i:i + 2] for i in range(0, len(columns), 2)]
    for number, pair in enumerate(pairs):
        title = labels.IDENTITY if number == 0 else f"{labels.IDENTITY} ({labels.CONTINUED})"
        drawing = new_slide(prs, title, palette, tag)
        for index, column in enumerate(pair):
            x = BODY.x + index * (column_width + GUTTER)
            drawing.shape(x, BODY.y, column_width, BODY.height, name=f"Identitas kolom {index + 1}",
                          paragraphs=column, text_box=True)
        drawing.flush()
    return len(pairs)


def _paragraphs(sop: Sop, room: float, palette: Palette) -> list[Para]:
    paras: list[Para] = []
    for key in IDENTITY_LISTS:
        label = IDENTITY_LIST_LABELS[key]
        heading = Para(tuple(wrap(label, HEADING_SIZE, room, bold=True)), HEADING_SIZE, bold=True,
                       space_before=14.0, heading=True, colour=palette.accent)
        resume = replace(heading, lines=tuple(wrap(f"{label} ({labels.CONTINUED})", HEADING_SIZE, room, bold=True)))
        paras.append(heading)
        items = getattr(sop.identitas, key) or (labels.EMPTY,)
        numbered = len(items) > 1 or items[0] != labels.EMPTY
        indent = width(f"{len(items)}. ", ITEM_SIZE) + 2 if numbered else 0.0
        for number, item in enumerate(items, start=1):
            prefix = f"{number}. " if numbered else ""
            lines = wrap(item, ITEM_SIZE, room - indent)
            lines[0] = prefix + lines[0]
            paras.append(Para(tuple(lines), ITEM_SIZE, space_before=3.0, indent=indent, resume=resume))
    return paras
