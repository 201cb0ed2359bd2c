"""Finishing the official PDF as PDF/A-3b, ready to be signed.

reportlab draws the pages; pikepdf then finishes the file for the archive:
an sRGB output intent (the profile that ships with pikepdf), XMP metadata
that names the SOP (title, nomor, unit, its dates and the SHA-256 of its
source), the SOP's TOML source embedded as an associated file
(``/AFRelationship /Source``), reportlab's empty ``/Trans`` entries removed,
and one empty signature field in each signer's box of "Disahkan oleh". The
file is checked as it is written (:mod:`soptui.archival.conformance`: pikepdf's
PDF/A-3b validator plus the rules it leaves to others, forms and embedded
files), so a PDF that is not PDF/A-3b is never handed out as one.

Everything written is a function of the SOP and its source: the dates in
the metadata are the SOP's own dates (not the clock), the document ID is
derived from the content, so the same input gives the same bytes.
See docs/signing.md.

Core, not the PDF exporter's: the official PDF, the bound document and
``soptui tandatangan`` all finish or check the same PDF/A-3b, and no plugin
may import another (docs/plugins.md, The plugin boundary).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from soptui.exporters import name_text
from soptui.signing import field_name

FLAVOUR = "3b"
SOURCE_MIME = "application/toml"
#: The date written when an SOP has none: reportlab's own invariant date.
NO_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class SignatureBox:
    """Where a signature field goes: a page (0-based) and a rectangle in PDF
    points, origin at the bottom left (x1, y1, x2, y2)."""

    page: int
    rect: tuple[float, float, float, float]
    name: str


@dataclass(frozen=True)
class Source:
    """One SOP's source embedded in the PDF, and what the metadata says of it."""

    filename: str
    data: bytes
    sha256: str
    nomor: str = ""
    title: str = ""


@dataclass(frozen=True)
class Record:
    """What the XMP metadata says of the whole document."""

    title: str
    subject: str  # the SOP's nomor, or the bound document's description
    unit: str
    instansi: tuple[str, ...]
    dates: tuple[tuple[str, dt.date], ...]  # (label, date), e.g. ("Tanggal Efektif", ...)
    sources: tuple[Source, ...]


class NotArchival(ValueError):
    """The finished file broke a PDF/A-3b rule; ``str()`` lists the rules."""


def finish(data: bytes, record: Record, boxes: list[SignatureBox]) -> bytes:
    """The PDF ``data`` (reportlab's or the binder's output) finished as
    PDF/A-3b; :class:`NotArchival` when the result does not conform."""
    import pikepdf
    from pikepdf import pdfa

    from soptui.archival.conformance import problems

    with pikepdf.open(io.BytesIO(data)) as pdf:
        _name_single_filters(pdf)
        _drop_empty_transitions(pdf)
        _embed_sources(pdf, record)
        _add_signature_fields(pdf, boxes)
        _set_docinfo(pdf, record)
        pdfa.prepare(pdf, FLAVOUR, output_intent="sRGB")
        _describe(pdf, record)
        out = io.BytesIO()
        pdf.save(out, **pdfa.resolve_save_kwargs(FLAVOUR, deterministic_id=True))
    found = problems(out.getvalue())
    if found:
        raise NotArchival("; ".join(found))
    return out.getvalue()


def _name_single_filters(pdf) -> None:
    """``/Filter [/FlateDecode]`` (reportlab's spelling) as ``/Filter /FlateDecode``:
    the same filter, but qpdf copies only the second as it is, and decompressed
    and recompressed every stream of the first (the font subsets above all),
    three quarters of the time it took to write the file."""
    import pikepdf

    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            filters = obj.stream_dict.get("/Filter")
            if isinstance(filters, pikepdf.Array) and len(filters) == 1:
                obj.stream_dict.Filter = filters[0]


def _drop_empty_transitions(pdf) -> None:
    """reportlab writes an empty ``/Trans`` on every page; PDF/A checkers
    (rightly) cannot tell what an empty transition means."""
    for page in pdf.pages:
        trans = page.obj.get("/Trans")
        if trans is not None and len(trans.keys()) == 0:
            del page.obj["/Trans"]


def _embed_sources(pdf, record: Record) -> None:
    """Each source as an embedded file, listed in the catalog's ``/AF`` as the
    document's source, so a viewer shows it under attachments. Its date is
    the document's date, not the clock, so the bytes stay reproducible."""
    import pikepdf

    associated = []
    when = _latest(record)
    for source in record.sources:
        spec = pikepdf.AttachedFileSpec(
            pdf, source.data, filename=source.filename, mime_type=SOURCE_MIME,
            description=f"Sumber SOP {source.nomor} (sha256 {source.sha256})".replace("  ", " "),
            relationship=pikepdf.Name.Source, creation_date=_pdf_date(when), mod_date=_pdf_date(when),
        )
        pdf.attachments[source.filename] = spec
        associated.append(pdf.attachments[source.filename].obj)
    if associated:
        pdf.Root.AF = pikepdf.Array(associated)


def _add_signature_fields(pdf, boxes: list[SignatureBox]) -> None:
    """An empty, printable signature widget per box, with an empty appearance
    (PDF/A wants one on every widget); the box itself is drawn on the page.

    A field's partial name may hold no period, so ``Disahkan.<nomor>`` is a
    field ``<nomor>`` under a parent field ``Disahkan``: signing tools show
    and find it by that full name, and a bound document's SOP signatures are
    one group."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    if not boxes:
        return
    parents: dict[str, pikepdf.Object] = {}
    for box in boxes:
        group, _, own = box.name.partition(".")
        if group not in parents:
            parents[group] = pdf.make_indirect(Dictionary(T=pikepdf.String(group), Kids=Array()))
        page = pdf.pages[box.page]
        x1, y1, x2, y2 = box.rect
        appearance = pdf.make_stream(b"", Type=Name.XObject, Subtype=Name.Form,
                                     BBox=Array([0, 0, x2 - x1, y2 - y1]), Resources=Dictionary())
        widget = pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Widget, FT=Name.Sig, T=pikepdf.String(own), Parent=parents[group],
            F=4, Rect=Array([x1, y1, x2, y2]), P=page.obj, AP=Dictionary(N=appearance),
        ))
        parents[group].Kids.append(widget)
        if "/Annots" not in page.obj:
            page.obj.Annots = Array()
        page.obj.Annots.append(widget)
    pdf.Root.AcroForm = Dictionary(Fields=Array(list(parents.values())))


def _pdf_date(value: dt.datetime) -> str:
    return value.strftime("D:%Y%m%d%H%M%SZ")


def _latest(record: Record) -> dt.datetime:
    """The document's date: its latest SOP date (a revision is a new edition)."""
    days = [day for _, day in record.dates]
    if not days:
        return NO_DATE
    latest = max(days)
    return dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC)


def _set_docinfo(pdf, record: Record) -> None:
    """The document information dictionary, which pikepdf mirrors into XMP."""
    import pikepdf

    when = _pdf_date(_latest(record))
    info = pdf.docinfo
    info[pikepdf.Name.Title] = record.title
    info[pikepdf.Name.Subject] = _description(record)
    info[pikepdf.Name.Author] = record.unit
    info[pikepdf.Name.Keywords] = "; ".join(filter(None, ("SOP AP", record.subject, record.unit)))
    info[pikepdf.Name.Creator] = "soptui"
    info[pikepdf.Name.CreationDate] = when
    info[pikepdf.Name.ModDate] = when


def _describe(pdf, record: Record) -> None:
    """The SOP's own facts in Dublin Core: the validator allows no extension
    schema, so nomor is ``dc:identifier``, the unit ``dc:publisher``, the
    dates ``dc:date`` (in the order of ``dc:description``, which equals the
    Subject, as PDF/A requires), the source hash ``dc:source``. The metadata
    date is the document's date, not the clock."""
    when = _latest(record).isoformat()
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:identifier"] = "; ".join(s.nomor for s in record.sources if s.nomor) or record.subject
        meta["dc:publisher"] = list(record.instansi)
        meta["dc:source"] = "; ".join(f"sha256:{s.sha256} {s.filename}" for s in record.sources)
        meta["dc:description"] = _description(record)
        if record.dates:
            meta["dc:date"] = [day.isoformat() for _, day in record.dates]
        if "pdf:Producer" in meta:
            del meta["pdf:Producer"]
        meta["xmp:MetadataDate"] = when
        meta["xmp:CreatorTool"] = "soptui"
    # No Producer: a signer that names itself there (pyHanko does) would make
    # the two records of it differ, which PDF/A forbids.
    if "/Producer" in pdf.docinfo:
        del pdf.docinfo["/Producer"]


def _description(record: Record) -> str:
    """One line (a viewer shows the Subject on one): nomor, unit, dates."""
    parts = [record.subject, record.unit]
    parts += [f"{label} {day.isoformat()}" for label, day in record.dates]
    return "; ".join(part for part in parts if part)


SOP_DATES = (("Tanggal Pembuatan", "tanggal_pembuatan"), ("Tanggal Revisi", "tanggal_revisi"),
             ("Tanggal Efektif", "tanggal_efektif"))


def sop_source(export) -> Source | None:
    """The embedded source of one export, or ``None`` when its bytes are gone."""
    from soptui.exporters import source_bytes

    data = source_bytes(export)
    if data is None:
        return None
    identity = export.sop.identitas
    filename = name_text(export.path.name) if export.path else "sop.sop.toml"
    return Source(filename, data, export.source_sha256, identity.nomor, identity.nama)


def sop_record(export) -> Record:
    """The metadata of one SOP's official PDF."""
    identity = export.sop.identitas
    dates = tuple((label, getattr(identity, key)) for label, key in SOP_DATES if getattr(identity, key))
    source = sop_source(export)
    return Record(identity.nama, identity.nomor, identity.instansi[-1] if identity.instansi else "",
                  tuple(identity.instansi), dates, (source,) if source else ())


def finish_sop(data: bytes, export, boxes: list) -> bytes:
    """One SOP's official PDF finished: its metadata, its source, its field."""
    name = field_name(export.sop.identitas.nomor)
    return finish(data, sop_record(export), [SignatureBox(page, rect, name) for page, rect in boxes])
