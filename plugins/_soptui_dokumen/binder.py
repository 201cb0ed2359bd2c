"""Binding a unit's SOPs into one Dokumen SOP AP (one PDF).

Order (section 5 of the regulation's document): cover, the leader's decree,
contents, explanation of use, every SOP (its identity and flowchart pages,
exactly as the official ``pdf`` exporter prints them), and the revision log.
Each part is rendered on its own, so its page count is known; then the
contents get the real page numbers, the parts are joined with pypdf, every
page but the cover gets its number at the foot, and the PDF outline gets a
bookmark per part, per SOP, and per SOP's identity and flowchart pages.

Page numbers count from the cover (page 1, not printed), so the number in
the contents is the page the PDF viewer shows. See docs/dokumen.md.

Unless the description says ``arsip = false``, the joined document is then
finished as PDF/A-3b (:mod:`soptui.archival`): every SOP's source embedded,
an empty signature field in every SOP's "Disahkan oleh" and in the typeset
decree's signature space (docs/signing.md).
"""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from _soptui_dokumen import frontmatter
from _soptui_dokumen.config import Dokumen, DokumenError, Keputusan, read_dokumen
from _soptui_dokumen.frontmatter import TocEntry
from _soptui_dokumen.styles import FONT, MARGIN, page_size
from soptui.diagnostics import Finding
from soptui.exporters import ExportError, ExportInput
from soptui.i18n import t
from soptui.layout.types import Box
from soptui.loader import Source, load
from soptui.model import Sop

#: The largest signed decree scan taken into the document: a few pages scanned at 300 dpi
#: are a few MiB; more is a scan at a needless resolution, and it is held in memory whole.
DECREE_PDF_LIMIT = 50 * 1024 * 1024

NUMBER_FROM_BOTTOM = 8 * mm
NUMBER_SIZE = 9


@dataclass(frozen=True)
class Part:
    """A run of pages: its bookmark, its PDF, and bookmarks inside it (title, page offset)."""

    title: str
    data: bytes
    pages: int
    toc: bool = True  # listed in the contents
    children: tuple[tuple[str, int], ...] = ()
    first_page: int = 0  # 1-based page in the whole document, set when placed
    boxes: tuple[tuple[int, tuple[float, float, float, float], str], ...] = ()  # signature fields: page in part, rect, name


@dataclass(frozen=True)
class _Sop:
    """One SOP of the document, loaded (the loader refused none)."""

    path: Path
    sop: Sop
    source: Source


@dataclass
class Bound:
    """What was built: page count, the contents as printed, the SOP files in order."""

    pages: int
    contents: list[TocEntry] = field(default_factory=list)
    sops: list[Path] = field(default_factory=list)


def build(path: str | Path, stream: BinaryIO) -> Bound:
    """Write the bound document described by ``path`` (a ``dokumen.toml``) to ``stream``.

    Raises :class:`DokumenError` (findings with file, line and key) before
    anything is written when the description, an SOP or the decree PDF is
    unusable.
    """
    dokumen = read_dokumen(path)
    loaded = _load_sops(dokumen)
    width = page_size(dokumen.kertas, landscape=False)[0] - 2 * MARGIN
    sops = [item.sop for item in loaded]
    sop_parts = [_sop_part(number, item, dokumen) for number, item in enumerate(loaded, start=1)]
    before = [_part("Sampul", frontmatter.cover(dokumen), dokumen, toc=False)]
    if dokumen.keputusan:
        before.append(_decree_part(dokumen, dokumen.keputusan))
    after_contents = [_part("Penjelasan Penggunaan Dokumen SOP", frontmatter.explanation(dokumen, sops, width), dokumen)]
    after_sops = [_part("Riwayat Revisi SOP", frontmatter.revision_log(sops, width), dokumen)]
    body = [*after_contents, *sop_parts, *after_sops]
    # First pass: the contents with provisional numbers, only to learn how many pages they take.
    provisional = _entries(_place([*before, Part("Daftar Isi", b"", 1), *body]), len(sop_parts))
    draft = _part("Daftar Isi", frontmatter.contents(provisional, width), dokumen)
    entries = _entries(_place([*before, draft, *body]), len(sop_parts))
    final = _part("Daftar Isi", frontmatter.contents(entries, width), dokumen)
    if final.pages != draft.pages:  # cannot happen: the numbers sit in a fixed-width column
        raise RuntimeError("the contents changed length when numbered")
    parts = _place([*before, final, *body])
    joined = io.BytesIO()
    total = _write(parts, dokumen, joined)
    stream.write(_archival(joined.getvalue(), parts, dokumen, loaded) if dokumen.arsip else joined.getvalue())
    return Bound(total, entries, [item.path for item in loaded])


def build_file(path: str | Path, output: str | Path) -> Bound:
    """Build to ``output`` atomically: an error leaves no half-written file."""
    from soptui.store import atomic_write

    stream = io.BytesIO()
    bound = build(path, stream)
    atomic_write(Path(output), stream.getvalue(), 0o644)
    return bound


def _load_sops(dokumen: Dokumen) -> list[_Sop]:
    from soptui.library import find_sop_files

    files = [path for path, _ in find_sop_files(dokumen.sop) if path.resolve() != dokumen.path.resolve()]
    loaded = [load(path) for path in dict.fromkeys(files)]
    findings = [finding for item in loaded if item.sop is None for finding in item.findings]
    if findings:
        raise DokumenError(findings)
    if not loaded:
        raise DokumenError([_finding(dokumen, "dokumen.no_sop")])
    return [_Sop(item.path, item.sop, item.source) for item in loaded if item.sop and item.source]


def _part(title: str, story: list, dokumen: Dokumen, toc: bool = True) -> Part:
    data, pages = frontmatter.render(story, dokumen, title)
    return Part(title, data, pages, toc)


def _decree_part(dokumen: Dokumen, keputusan: Keputusan) -> Part:
    from soptui.signing import DECREE_PREFIX, field_name

    title = f"Keputusan Nomor {keputusan.nomor}"
    if keputusan.pdf is None:  # typeset: a field where the penetap signs; a scan is signed already
        width = page_size(dokumen.kertas, landscape=False)[0] - 2 * MARGIN
        boxes: list = []
        part = _part(title, frontmatter.decree(keputusan, width, boxes), dokumen)
        name = field_name(keputusan.nomor, DECREE_PREFIX)
        return dataclasses.replace(part, boxes=tuple((page, rect, name) for page, rect in boxes[-1:]))
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from soptui.confine import LinkedFileError, read_linked

    size = keputusan.pdf.stat().st_size
    if size > DECREE_PDF_LIMIT:
        raise DokumenError([_finding(dokumen, "dokumen.decree_pdf_too_large", path=keputusan.pdf, size=size,
                                     limit=DECREE_PDF_LIMIT // (1024 * 1024))])
    try:
        data = read_linked(None, str(keputusan.pdf), DECREE_PDF_LIMIT)
        pages = len(PdfReader(io.BytesIO(data)).pages)
    except (LinkedFileError, PdfReadError, ValueError, OSError) as error:
        raise DokumenError([_finding(dokumen, "dokumen.decree_pdf_unreadable", path=keputusan.pdf, reason=error)]) from None
    return Part(title, data, pages)


def _sop_part(number: int, item: _Sop, dokumen: Dokumen) -> Part:
    """The official pages of one SOP as the installed ``pdf`` exporter prints them,
    not yet finished (the whole document is finished at once), with bookmarks to
    its identity and flowchart pages and its signer's field, placed by the layout."""
    from soptui.exporters import render
    from soptui.layout.identity import identity_layout
    from soptui.signing import field_name

    exporter = _pdf_exporter(dokumen, item)
    export = ExportInput(item.sop, item.path, item.source.sha256, None, item.source.data)
    try:
        rendered = render(exporter, export, {"paper": dokumen.kertas, "arsip": False})
    except ExportError as error:
        raise DokumenError([_finding(dokumen, "dokumen.sop_refused", path=item.path, reason=error)]) from None
    identity = identity_layout(item.sop, exporter.page_options(rendered.options))
    first = identity.pages[0]
    nomor = field_name(item.sop.identitas.nomor)
    fields = () if first.signature is None else ((0, _pdf_rect(first.signature, first.height), nomor),)
    name = f"{number}. {item.sop.identitas.nama} ({item.sop.identitas.nomor})"
    children = (("Identitas SOP", 0), ("Diagram Alir", len(identity.pages)))
    return Part(name, rendered.data, rendered.pages or 0, children=children, boxes=fields)


def _pdf_exporter(dokumen: Dokumen, item: _Sop):
    """The ``pdf`` exporter, asked of the plugins as ``soptui export -f pdf`` asks it."""
    from soptui.plugins import ExporterConflict, get_plugins

    plugins = get_plugins()
    try:
        return plugins.exporter("pdf")
    except (KeyError, ExporterConflict) as error:
        reason = str(error) if isinstance(error, ExporterConflict) else t(
            "batch.unknown_format", name="pdf", installed=", ".join(plugins.usable_exporters()) or "-")
        raise DokumenError([_finding(dokumen, "dokumen.sop_refused", path=item.path, reason=reason)]) from None


def _pdf_rect(box: Box, page_height: float) -> tuple[float, float, float, float]:
    """A layout box (points from the top left) as a PDF rectangle (from the bottom left)."""
    return (box.x, page_height - box.y - box.height, box.x + box.width, page_height - box.y)


def _place(parts: list[Part]) -> list[Part]:
    placed, page = [], 1
    for part in parts:
        placed.append(dataclasses.replace(part, first_page=page))
        page += part.pages
    return placed


def _archival(data: bytes, parts: list[Part], dokumen: Dokumen, loaded: list[_Sop]) -> bytes:
    """The joined document as PDF/A-3b: the SOPs' sources, their signature fields."""
    from soptui import archival

    boxes: list[archival.SignatureBox] = []
    seen: dict[str, int] = {}
    for part in parts:
        for page, rect, name in part.boxes:
            seen[name] = seen.get(name, 0) + 1  # two SOPs with one nomor: the later fields are numbered
            boxes.append(archival.SignatureBox(part.first_page - 1 + page, rect,
                                               name if seen[name] == 1 else f"{name}-{seen[name]}"))
    sources: list[archival.Source] = []
    taken: set[str] = set()
    for item in loaded:
        identity = item.sop.identitas
        name = _unique(item.path.name, taken, item.path.parent.name)
        sources.append(archival.Source(name, item.source.data, item.source.sha256, identity.nomor, identity.nama))
    dates = [day for item in loaded for day in (item.sop.identitas.tanggal_revisi, item.sop.identitas.tanggal_efektif,
                                                 item.sop.identitas.tanggal_pembuatan) if day]
    day = dokumen.keputusan.tanggal if dokumen.keputusan else max(dates, default=None)
    label = "Tanggal Keputusan" if dokumen.keputusan else "Tanggal SOP terakhir"
    labelled = ((label, day),) if day else ()
    record = archival.Record(f"{dokumen.judul} {dokumen.tahun}", f"Dokumen SOP AP {dokumen.judul} {dokumen.tahun}",
                             dokumen.instansi[-1], tuple(dokumen.instansi), labelled, tuple(sources))
    try:
        return archival.finish(data, record, boxes)
    except archival.NotArchival as error:
        from soptui.archival.conformance import NOTDEF
        from soptui.fonts import lacking

        if NOTDEF in str(error):  # the input's doing, not a bug: name the characters
            chars = lacking(dokumen, [item.sop for item in loaded])
            raise DokumenError([_finding(dokumen, "dokumen.lacks_glyphs", chars=chars)]) from None
        raise DokumenError([_finding(dokumen, "dokumen.not_archival", reason=error)]) from None


def _unique(name: str, taken: set[str], folder: str = "") -> str:
    """``name``, or with its folder (then a number) in front when it is taken already."""
    candidates = [name, f"{folder}-{name}" if folder else name, *(f"{n}-{name}" for n in range(2, 10_000))]
    chosen = next(candidate for candidate in candidates if candidate not in taken)
    taken.add(chosen)
    return chosen


def _entries(parts: list[Part], sop_count: int) -> list[TocEntry]:
    """The contents: every listed part, the SOPs under one heading at their first page."""
    entries, heading_done = [], False
    for part in parts:
        if part.children and not heading_done:
            entries.append(TocEntry(f"Daftar SOP ({sop_count})", part.first_page))
            heading_done = True
        if part.children:
            entries.append(TocEntry(part.title, part.first_page, 1))
        elif part.toc:
            entries.append(TocEntry(part.title, part.first_page))
    return entries


def _write(parts: list[Part], dokumen: Dokumen, stream: BinaryIO) -> int:
    """Join the parts, number the pages, add the outline; return the page count."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        for page in PdfReader(io.BytesIO(part.data)).pages:
            writer.add_page(page)
    sizes = [(float(page.mediabox.width), float(page.mediabox.height)) for page in writer.pages]
    numbers = PdfReader(io.BytesIO(_page_numbers(sizes)))
    for index, page in enumerate(writer.pages[1:], start=1):
        page.merge_page(numbers.pages[index - 1])
    sop_root = None
    for part in parts:
        if part.children:
            if sop_root is None:
                sop_root = writer.add_outline_item(title="Daftar SOP", page_number=part.first_page - 1)
            item = writer.add_outline_item(title=part.title, page_number=part.first_page - 1, parent=sop_root)
            for title, offset in part.children:
                writer.add_outline_item(title=title, page_number=part.first_page - 1 + offset, parent=item)
        else:
            writer.add_outline_item(title=part.title, page_number=part.first_page - 1)
    writer.add_metadata({"/Title": f"{dokumen.judul} {dokumen.tahun}", "/Author": dokumen.instansi[-1], "/Creator": "soptui"})
    writer.page_mode = "/UseOutlines"
    writer.write(stream)
    return len(sizes)


def _page_numbers(sizes: list[tuple[float, float]]) -> bytes:
    """One overlay page per page after the cover, its number centred at the foot."""
    stream = io.BytesIO()
    canvas = Canvas(stream, invariant=1, initialFontName=FONT)  # else an unembedded Helvetica joins every page
    for number, (width, height) in enumerate(sizes[1:], start=2):
        canvas.setPageSize((width, height))
        canvas.setFont(FONT, NUMBER_SIZE)
        canvas.drawCentredString(width / 2, NUMBER_FROM_BOTTOM, f"- {number} -")
        canvas.showPage()
    canvas.save()
    return stream.getvalue()


def _finding(dokumen: Dokumen, key: str, **params: object) -> Finding:
    return Finding("D005", "error", str(dokumen.path), (), 1, 1, key, params)
