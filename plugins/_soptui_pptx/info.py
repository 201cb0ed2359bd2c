"""The title slide and the identity slides (continued while the lists last)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from _soptui_pptx import labels
from _soptui_pptx.draw import PAD_X, PAD_Y, Drawing
from _soptui_pptx.flowtext import Para, pour
from _soptui_pptx.frame import BODY, MARGIN, SLIDE_HEIGHT, SLIDE_WIDTH, new_slide
from _soptui_pptx.package import Slide
from _soptui_pptx.palette import Palette
from _soptui_pptx.text import line_height, width, wrap
from soptui.model import IDENTITY_LISTS, Sop
from soptui.printed import IDENTITY_LIST_LABELS, tanggal

HEADING_SIZE = 16.0
ITEM_SIZE = 14.0
GUTTER = 24.0


def title_slide(sop: Sop, palette: Palette) -> Slide:
    return Slide(partial(_draw_title, sop, palette))


def _draw_title(sop: Sop, palette: Palette) -> str:
    """Nama SOP, Nomor, the agency's nomenclature and Tanggal Efektif.

    The nomenclature sits at the top, as on the identity page; the name and
    its facts are centred in the room below it. Everything is kept: when the
    texts are long, the name and then the other texts get smaller (down to
    12 pt) until they fit.
    """
    drawing = Drawing(palette)
    identity = sop.identitas
    drawing.shape(0, 0, SLIDE_WIDTH, 12, name="Pita atas", fill=palette.primary)
    drawing.shape(0, SLIDE_HEIGHT - 12, SLIDE_WIDTH, 12, name="Pita bawah", fill=palette.primary)
    facts = "\n".join((f"{labels.NOMOR}: {identity.nomor or labels.EMPTY}",
                       f"{labels.TANGGAL_EFEKTIF}: {tanggal(identity.tanggal_efektif)}"))
    for name_size, other in TITLE_SIZES:
        blocks = [
            _Block("\n".join(identity.instansi), min(other, 14.0), True, palette.accent, "Instansi"),
            _Block(labels.HEADING, min(other, 16.0), False, palette.muted, "Jenis dokumen"),
            _Block(identity.nama or labels.EMPTY, name_size, True, None, "Nama SOP"),
            _Block(facts, other, False, None, "Nomor dan tanggal"),
        ]
        if sum(block.height + TITLE_GAP for block in blocks) <= TITLE_ROOM:
            break
    instansi, *rest = blocks
    y = TITLE_TOP
    if identity.instansi:
        y += _draw_block(drawing, y, instansi) + TITLE_GAP
    height = sum(block.height for block in rest) + TITLE_GAP * (len(rest) - 1)
    y = max(y, y + (SLIDE_HEIGHT - 24 - y - height) / 2)
    for block in rest:
        y += _draw_block(drawing, y, block) + TITLE_GAP
    return drawing.xml()


#: (Nama SOP, other texts) sizes tried in turn on the title slide.
TITLE_SIZES = ((34, 18), (30, 18), (26, 18), (22, 18), (20, 16), (18, 14), (16, 14), (14, 12), (12, 12))
TITLE_TOP = 40.0
TITLE_GAP = 16.0
TITLE_ROOM = SLIDE_HEIGHT - TITLE_TOP - 24
TITLE_WIDTH = SLIDE_WIDTH - 4 * MARGIN


class _Block:
    """A centred text of the title slide, wrapped at its size."""

    def __init__(self, text: str, size: float, bold: bool, colour: str | None, name: str) -> None:
        self.lines = wrap(text, size, TITLE_WIDTH - 2 * PAD_X, bold)
        self.size, self.bold, self.colour, self.name = size, bold, colour, name
        self.height = len(self.lines) * line_height(size) + 2 * PAD_Y


def _draw_block(drawing: Drawing, y: float, block: _Block) -> float:
    drawing.text(2 * MARGIN, y, TITLE_WIDTH, block.height, block.lines, block.size, name=block.name, bold=block.bold,
                 align="center", colour=block.colour)
    return block.height


COLUMN_WIDTH = (BODY.width - GUTTER) / 2


def identity_slides(sop: Sop, palette: Palette, tag: str) -> list[Slide]:
    """Dasar Hukum ... Pencatatan in two columns a slide."""
    columns = pour(_paragraphs(sop, COLUMN_WIDTH - 2 * PAD_X, palette), BODY.height - 2 * PAD_Y)
    pairs = [columns[i:i + 2] for i in range(0, len(columns), 2)]
    return [Slide(partial(_draw_identity, pair, number, palette, tag)) for number, pair in enumerate(pairs)]


def _draw_identity(pair: list, number: int, palette: Palette, tag: str) -> str:
    title = labels.IDENTITY if number == 0 else f"{labels.IDENTITY} ({labels.CONTINUED})"
    drawing = new_slide(title, palette, tag)
    for index, column in enumerate(pair):
        x = BODY.x + index * (COLUMN_WIDTH + GUTTER)
        drawing.shape(x, BODY.y, COLUMN_WIDTH, BODY.height, name=f"Identitas kolom {index + 1}",
                      paragraphs=column, text_box=True)
    return drawing.xml()


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
