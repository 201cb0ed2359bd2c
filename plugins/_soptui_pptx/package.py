"""Writing the deck's file: python-pptx's frame, every other slide streamed in.

python-pptx keeps every part as an element tree until it saves, and names
each new part by walking the whole package, so a deck of a few thousand
slides took gigabytes and grew quadratically in time (docs/benchmarks.md).
Here python-pptx builds only the frame: the presentation with its masters,
layouts and properties, and the summary slide with its native chart. Every
other slide is a :class:`Slide` that draws its shapes when asked; the
writer copies the frame's parts, lists the new slides in
``presentation.xml`` (before the summary), its relationships and the content
types, then writes each slide and its speaker notes into the zip as soon as
it is drawn. Memory holds a few slides at a time.

Compressing is about a third of a large deck's time, and zlib lets go of
Python's lock while it works: a thread of its own (:class:`_Zipper`)
compresses slide n while slide n + 1 is drawn. It takes the slides in
order, so the file is the same as one written by a single thread.
"""

from __future__ import annotations

import io
import queue
import threading
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from lxml import etree

from _soptui_pptx.draw import NAMESPACES, notes_paragraphs_xml
from _soptui_pptx.frame import BLANK_LAYOUT

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_SLIDE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
_NOTES_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_GROUP = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm>'
          '<a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm>'
          "</p:grpSpPr>")
_PLACEHOLDER = ('<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
                '<p:nvPr><p:ph type="{type}" idx="{idx}"/></p:nvPr></p:nvSpPr><p:spPr/>{body}</p:sp>')


@dataclass(frozen=True)
class Slide:
    """A slide to come: ``draw`` gives its shapes' XML; ``notes`` are its speaker notes, one paragraph each."""

    draw: Callable[[], str]
    notes: tuple[str, ...] = ()


def write_package(prs, slides: Sequence[Slide], stream: BinaryIO) -> None:
    """Save ``prs`` with ``slides`` inserted before its own slides."""
    layout = prs.slide_layouts[BLANK_LAYOUT].part.partname.lstrip("/")
    notes_master = prs.notes_master.part.partname.lstrip("/")
    frame = io.BytesIO()
    prs.save(frame)
    with zipfile.ZipFile(frame) as source:
        names = source.namelist()
        taken = {name for name in names if name.startswith(("ppt/slides/slide", "ppt/notesSlides/notesSlide"))}
        numbers = _free_numbers(taken, len(slides))
        edits = _frame_edits(source, slides, numbers)
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            for name in names:
                out.writestr(name, edits.get(name) or source.read(name))
            with _Zipper(out) as zipper:
                for number, slide in zip(numbers, slides):
                    _write_slide(zipper.put, number, slide, layout, notes_master)


def _free_numbers(taken: set[str], count: int) -> list[int]:
    numbers: list[int] = []
    n = 0
    while len(numbers) < count:
        n += 1
        if f"ppt/slides/slide{n}.xml" not in taken and f"ppt/notesSlides/notesSlide{n}.xml" not in taken:
            numbers.append(n)
    return numbers


def _frame_edits(source: zipfile.ZipFile, slides: Sequence[Slide], numbers: list[int]) -> dict[str, bytes]:
    """``presentation.xml``, its relationships and the content types, listing the new slides first."""
    rels = etree.fromstring(source.read("ppt/_rels/presentation.xml.rels"))
    used = {rel.get("Id") for rel in rels}
    rids, n = [], 0
    for number in numbers:
        n += 1
        while f"rId{n}" in used:
            n += 1
        rids.append(f"rId{n}")
        etree.SubElement(rels, f"{{{_RELS}}}Relationship", Id=f"rId{n}", Target=f"slides/slide{number}.xml",
                         Type=f"{_R}/slide")
    presentation = etree.fromstring(source.read("ppt/presentation.xml"))
    listing = presentation.find(f"{{{_P}}}sldIdLst")
    if listing is None:
        listing = etree.Element(f"{{{_P}}}sldIdLst")
        presentation.find(f"{{{_P}}}sldMasterIdLst").addnext(listing)
    existing = list(listing)
    next_id = max([int(item.get("id")) for item in existing] + [255]) + 1
    for offset, rid in enumerate(rids):
        item = etree.Element(f"{{{_P}}}sldId", id=str(next_id + offset))
        item.set(f"{{{_R}}}id", rid)
        listing.insert(offset, item)
    types = etree.fromstring(source.read("[Content_Types].xml"))
    for number, slide in zip(numbers, slides):
        etree.SubElement(types, f"{{{_TYPES}}}Override", PartName=f"/ppt/slides/slide{number}.xml",
                         ContentType=_SLIDE_TYPE)
        if slide.notes:
            etree.SubElement(types, f"{{{_TYPES}}}Override", PartName=f"/ppt/notesSlides/notesSlide{number}.xml",
                             ContentType=_NOTES_TYPE)
    return {name: etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
            for name, tree in (("ppt/_rels/presentation.xml.rels", rels), ("ppt/presentation.xml", presentation),
                               ("[Content_Types].xml", types))}


class _Zipper:
    """Writes entries into ``out`` from a thread of its own, in the order they are put."""

    #: Entries waiting at most (two to four a slide): memory holds a few slides, whatever the deck.
    WAITING = 8

    def __init__(self, out: zipfile.ZipFile) -> None:
        self._out = out
        self._queue: queue.Queue[tuple[str, bytes] | None] = queue.Queue(self.WAITING)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="pptx-zip", daemon=True)

    def __enter__(self) -> _Zipper:
        self._thread.start()
        return self

    def put(self, name: str, text: str) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put((name, text.encode("utf-8")))

    def __exit__(self, *exc) -> None:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None and exc[0] is None:
            raise self._error

    def _run(self) -> None:
        while (entry := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._out.writestr(*entry)
                except BaseException as error:  # raised in the drawing thread, at its next put or at the end
                    self._error = error


def _write_slide(put: Callable[[str, str], None], number: int, slide: Slide, layout: str, notes_master: str) -> None:
    put(f"ppt/slides/slide{number}.xml",
                 f"{_HEAD}<p:sld {NAMESPACES}><p:cSld><p:spTree>{_GROUP}{slide.draw()}</p:spTree></p:cSld>"
                 "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>")
    targets = [("slideLayout", "../" + layout.removeprefix("ppt/"))]
    if slide.notes:
        targets.append(("notesSlide", f"../notesSlides/notesSlide{number}.xml"))
        body = f"<p:txBody><a:bodyPr/><a:lstStyle/>{notes_paragraphs_xml(slide.notes)}</p:txBody>"
        shapes = (_PLACEHOLDER.format(id=2, name="Slide Image Placeholder 1", type="sldImg", idx=2, body="")
                  + _PLACEHOLDER.format(id=3, name="Notes Placeholder 2", type="body", idx=3, body=body))
        put(f"ppt/notesSlides/notesSlide{number}.xml",
                     f"{_HEAD}<p:notes {NAMESPACES}><p:cSld><p:spTree>{_GROUP}{shapes}</p:spTree></p:cSld>"
                     "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>")
        put(f"ppt/notesSlides/_rels/notesSlide{number}.xml.rels",
                     _relationships([("notesMaster", "../" + notes_master.removeprefix("ppt/")),
                                     ("slide", f"../slides/slide{number}.xml")]))
    put(f"ppt/slides/_rels/slide{number}.xml.rels", _relationships(targets))


def _relationships(targets: list[tuple[str, str]]) -> str:
    items = "".join(f'<Relationship Id="rId{n}" Type="{_R}/{kind}" Target="{target}"/>'
                    for n, (kind, target) in enumerate(targets, start=1))
    return f'{_HEAD}<Relationships xmlns="{_RELS}">{items}</Relationships>'
