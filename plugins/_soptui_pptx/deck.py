"""Writing the whole deck: title, identity, flowchart, mutu baku, summary."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from pptx import Presentation
from pptx.util import Emu

from _soptui_pptx.draw import emu, xml_safe
from _soptui_pptx.flowchart import flowchart_slides
from _soptui_pptx.frame import SLIDE_HEIGHT, SLIDE_WIDTH, page_options
from _soptui_pptx.info import identity_slides, title_slide
from _soptui_pptx.notes import StepNotes
from _soptui_pptx.package import write_package
from _soptui_pptx.palette import Palette
from _soptui_pptx.summary import add_summary_slide
from _soptui_pptx.table import table_slides
from soptui.exporters import ExportInput
from soptui.layout import compute_layout


def write_deck(input: ExportInput, stream: BinaryIO, palette: Palette) -> int:
    """Write the briefing deck of ``input.sop`` to ``stream``; return the slide count."""
    sop = input.sop
    prs = Presentation()
    prs.slide_width = Emu(emu(SLIDE_WIDTH))
    prs.slide_height = Emu(emu(SLIDE_HEIGHT))
    _properties(prs, input)
    tag = sop.identitas.nomor
    layout = input.layout or compute_layout(sop, page_options({}))
    notes = StepNotes(sop)
    slides = [title_slide(sop, palette), *identity_slides(sop, palette, tag),
              *flowchart_slides(sop, layout, palette, tag, notes), *table_slides(sop, palette, tag, notes)]
    add_summary_slide(prs, sop, palette, tag)
    write_package(prs, slides, stream)
    return len(slides) + 1


def _properties(prs, input: ExportInput) -> None:
    """Title and subject for the file's properties; a fixed date keeps them reproducible."""
    identity = input.sop.identitas
    props = prs.core_properties
    props.title = _property(identity.nama)
    props.subject = _property(identity.nomor)
    props.author = "soptui"
    props.last_modified_by = "soptui"
    props.comments = f"sha256 {input.source_sha256}"
    stamp = dt.datetime.combine(identity.tanggal_revisi or identity.tanggal_pembuatan or dt.date(2000, 1, 1), dt.time())
    props.created = props.modified = stamp


def _property(text: str) -> str:
    """A file property holds at most 255 characters (the slides hold the whole text)."""
    text = xml_safe(text)
    return text if len(text) <= 255 else text[:254] + "…"
