"""The pages the binder writes itself: cover, decree, contents, explanation, revision log.

Each part is rendered on its own (portrait, the document's paper) so the
binder knows how many pages it takes before it numbers the whole; the
contents are rendered twice, the second time with the real page numbers
(their page count cannot change, the numbers sit in a fixed column).
Labels are the regulation's Indonesian words.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Image, Spacer, Table

from _soptui_dokumen.config import Dokumen, Keputusan
from _soptui_dokumen.styles import MARGIN, bold, document, grid, page_size, para, plain
from soptui.model import Sop
from soptui.printed import tanggal

COVER_LOGO = 45 * mm
SIGNATURE_COLUMN = 80 * mm
_LABELLED = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{0,24}?)\s*:\s*(?P<text>.+)$", re.S)


@dataclass(frozen=True)
class TocEntry:
    """One line of the contents: its text, its page, and its depth (0 or 1)."""

    title: str
    page: int
    level: int = 0


def render(story: list, dokumen: Dokumen, title: str) -> tuple[bytes, int]:
    """A part's flowables as PDF bytes and their page count."""
    stream = io.BytesIO()
    doc = document(stream, dokumen.kertas, landscape=False, title=title)
    doc.build(story)
    return stream.getvalue(), doc.page


def cover(dokumen: Dokumen) -> list:
    """Logo, STANDAR OPERASIONAL PROSEDUR, the title, the agency, the year, the address."""
    height = page_size(dokumen.kertas, landscape=False)[1] - 2 * MARGIN
    story: list = [Spacer(1, 15 * mm)]
    if dokumen.logo:
        story.append(_logo(dokumen.logo))
    story += [Spacer(1, 15 * mm), para("STANDAR OPERASIONAL PROSEDUR", "cover_title"), Spacer(1, 6 * mm),
              para(dokumen.judul.upper(), "cover_subtitle"), Spacer(1, 25 * mm)]
    story += [para(line, "cover_agency") for line in dokumen.instansi]
    story += [Spacer(1, 12 * mm), para(str(dokumen.tahun), "cover_title")]
    used = sum(flowable.wrap(400, height)[1] for flowable in story)
    address = [para(line, "center") for line in dokumen.alamat.splitlines() if line.strip()]
    address_height = sum(flowable.wrap(400, height)[1] for flowable in address)
    return [*story, Spacer(1, max(0, height - used - address_height - 6 * mm)), *address]


class SignatureSpace(Spacer):
    """The room left for a signature; where it lands is appended to ``boxes``
    as (page index, (x1, y1, x2, y2)), for the archival PDF's signature field."""

    def __init__(self, width: float, height: float, boxes: list | None) -> None:
        super().__init__(width, height)
        self.boxes = boxes

    def draw(self) -> None:
        if self.boxes is not None:
            x, y = self.canv.absolutePosition(0, 0)
            self.boxes.append((self.canv.getPageNumber() - 1, (x, y, x + self.width, y + self.height)))


def decree(keputusan: Keputusan, width: float, boxes: list | None = None) -> list:
    """The decree written from its parts: heading, body paragraphs, signature
    (its room appended to ``boxes``, see :class:`SignatureSpace`)."""
    story = [
        para(keputusan.judul.upper(), "subtitle"),
        para(f"NOMOR {keputusan.nomor}", "subtitle"),
        Spacer(1, 4 * mm),
        para("TENTANG", "subtitle"),
        para(keputusan.tentang.upper(), "subtitle"),
        Spacer(1, 8 * mm),
    ]
    for paragraph in _paragraphs(keputusan.teks):
        story += [_decree_paragraph(paragraph, width), Spacer(1, 3 * mm)]
    place = keputusan.tempat or "........................"
    lines = [para(f"Ditetapkan di {place}"), para(f"pada tanggal {tanggal(keputusan.tanggal)}")]
    signer = keputusan.penetap
    if signer:
        room = SignatureSpace(SIGNATURE_COLUMN - 12, 20 * mm, boxes)  # the cell's padding is 6 pt a side
        lines += [Spacer(1, 3 * mm), bold(signer.jabatan.upper(), "cell"), room, bold(signer.nama, "cell")]
        lines += [para(line) for line in (signer.pangkat, f"NIP. {signer.nip}" if signer.nip else "") if line]
    story += [Spacer(1, 6 * mm), Table([["", lines]], colWidths=[width - SIGNATURE_COLUMN, SIGNATURE_COLUMN],
                                         style=plain())]
    return story


def contents(entries: list[TocEntry], width: float) -> list:
    """DAFTAR ISI: one row per entry, page numbers in a right column, dotted rules."""
    rows = [[para(entry.title, "toc1" if entry.level else "toc0"), para(str(entry.page), "cell_right")] for entry in entries]
    style = plain(("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LINEBELOW", (0, 0), (-1, -1), 0.4, "#888888", None, (1, 2)))
    return [para("DAFTAR ISI", "title"), Spacer(1, 8 * mm), Table(rows, colWidths=[width - 20 * mm, 20 * mm], style=style)]


def explanation(dokumen: Dokumen, sops: list[Sop], width: float) -> list:
    """PENJELASAN: scope, summary, definitions (those given, lettered in turn), then the list of SOPs."""
    text = dokumen.penjelasan
    sections: list[tuple[str, list]] = []
    for heading, body in (("Ruang Lingkup", text.ruang_lingkup), ("Ringkasan", text.ringkasan)):
        if body.strip():
            sections.append((heading, [_body(p) for p in _paragraphs(body)]))
    if text.definisi:
        rows = [[bold(term, "cell"), para(meaning)] for term, meaning in text.definisi]
        sections.append(("Definisi", [Table(rows, colWidths=[45 * mm, width - 45 * mm], style=grid(0))]))
    rows = [[bold(h, "head") for h in ("No", "Nomor SOP", "Nama SOP")]]
    rows += [[para(f"{n}.", "cell_center"), para(s.identitas.nomor), para(s.identitas.nama)] for n, s in enumerate(sops, start=1)]
    sections.append(("Daftar SOP", [Table(rows, colWidths=[12 * mm, 64 * mm, width - 76 * mm], repeatRows=1, style=grid(1))]))
    story: list = [para("PENJELASAN PENGGUNAAN DOKUMEN SOP", "title"), Spacer(1, 6 * mm)]
    for letter, (heading, content) in zip("ABCD", sections):
        story += [para(f"{letter}. {heading}", "heading"), *content]
    return story


def revision_log(sops: list[Sop], width: float) -> list:
    """RIWAYAT REVISI: every history entry of every SOP, SOP by SOP, by date."""
    rows = [[bold(h, "head") for h in ("No", "SOP", "Tanggal", "Uraian Revisi", "Oleh")]]
    number = 0
    for sop in sops:
        for entry in sorted(sop.riwayat, key=lambda e: (e.tanggal is None, e.tanggal)):
            number += 1
            rows.append([para(f"{number}.", "cell_center"), [para(sop.identitas.nama), para(sop.identitas.nomor, "small")],
                         para(tanggal(entry.tanggal)), para(entry.uraian), para(entry.oleh or "-")])
    if number == 0:
        rows.append(["", para("Belum ada revisi."), "", "", ""])
    widths = [10 * mm, 45 * mm, 25 * mm, width - 112 * mm, 32 * mm]
    return [para("RIWAYAT REVISI SOP", "title"), Spacer(1, 6 * mm), Table(rows, colWidths=widths, repeatRows=1, style=grid(1))]


def _logo(path) -> Image:
    image = Image(str(path))
    scale = COVER_LOGO / max(image.imageWidth, image.imageHeight)
    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
    return image


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each with its lines kept."""
    return [block.strip() for block in re.split(r"\n\s*\n", text or "") if block.strip()]


def _body(text: str):
    return para(" ".join(text.split()), "prose")


def _decree_paragraph(text: str, width: float):
    """``MEMUTUSKAN:`` centred; ``Menimbang : a. ...`` as label, colon and hanging text; else justified."""
    if text.isupper() and len(text) < 60:
        return para(text, "subtitle")
    match = _LABELLED.match(text)
    if match:
        return Table([[para(match["label"].strip()), para(":"), para(match["text"].strip())]],
                     colWidths=[30 * mm, 5 * mm, width - 35 * mm],
                     style=plain(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)))
    return _body(text)
