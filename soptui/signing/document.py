"""Reading a ready-to-sign or signed PDF: its fields, its embedded sources, its footers.

Everything here reads; nothing writes. An unreadable or non-PDF file is a
:class:`NotAPdf` naming the file, never a traceback.
"""

from __future__ import annotations

import hashlib
import io
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from soptui.signing import Official, SignatureField

#: The footer's "sumber" and the first 12 hex digits of the source's SHA-256.
PRINTED_HASH = re.compile(r"sumber\s+([0-9a-f]{12})\b")


class NotAPdf(ValueError):
    """The file is not a PDF soptui can read; ``str()`` says which and why."""


#: The largest PDF read to sign or verify: a bound book of SOPs with scanned decrees runs to tens of MB.
MAX_PDF_BYTES = 1 << 30


def read_pdf(path: Path) -> bytes:
    """The bytes of a PDF the user named: a regular file, opened without blocking (a FIFO would be waited on
    for ever) and, under ``--root``, inside it; else :class:`NotAPdf` saying why."""
    from soptui import confine

    try:
        with confine.open_linked(None, str(path), MAX_PDF_BYTES) as stream:
            return stream.read()
    except OSError as error:
        raise NotAPdf(f"{path}: {error}") from None


@dataclass(frozen=True)
class EmbeddedSource:
    """An SOP source embedded in the PDF (``/AFRelationship /Source``)."""

    filename: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def open_pdf(data: bytes, name: str | Path):
    """``data`` opened with pikepdf, or :class:`NotAPdf`."""
    import pikepdf

    try:
        return pikepdf.open(io.BytesIO(data))
    except (pikepdf.PdfError, ValueError) as error:
        raise NotAPdf(unreadable(name, error)) from None


def unreadable(name: str | Path, error: Exception) -> str:
    """The message for a file that is not a readable PDF, without the reader's object addresses."""
    from soptui.i18n import t

    reason = re.sub(r"^stream <[^>]*>:\s*", "", str(error).strip()) or type(error).__name__
    return t("signing.not_pdf", path=name, reason=reason)


@contextmanager
def reading(name: str | Path):
    """Whatever a damaged file makes the readers raise becomes :class:`NotAPdf`:
    the file is untrusted input, the user gets one line naming it."""
    try:
        yield
    except NotAPdf:
        raise
    except Exception as error:  # pikepdf and pypdf raise many kinds on a damaged file
        raise NotAPdf(unreadable(name, error)) from None


def signature_fields(data: bytes, name: str | Path = "<pdf>") -> list[tuple[SignatureField, bool]]:
    """Every signature field of the PDF, in page order, and whether it is signed."""
    from pikepdf import Dictionary, Name

    found = []
    with reading(name), open_pdf(data, name) as pdf:
        for index, page in enumerate(pdf.pages):
            for annot in page.obj.get("/Annots", []):
                if isinstance(annot, Dictionary) and annot.get("/FT") == Name.Sig and "/T" in annot:
                    x1, y1, x2, y2 = (float(v) for v in annot.Rect)
                    found.append((SignatureField(_full_name(annot), index, (x1, y1, x2, y2)), "/V" in annot))
    return found


def _full_name(field) -> str:
    """A field's fully qualified name: its partial names from the top, joined by periods."""
    names, seen = [], set()
    while field is not None and field.objgen not in seen:
        seen.add(field.objgen)
        if "/T" in field:
            names.append(str(field.T))
        field = field.get("/Parent")
    return ".".join(reversed(names))


def embedded_sources(data: bytes, name: str | Path = "<pdf>") -> list[EmbeddedSource]:
    """The SOP sources the PDF carries, in the order it lists them."""
    from pikepdf import Name

    with reading(name), open_pdf(data, name) as pdf:
        return [
            EmbeddedSource(filename, attached.get_file().read_bytes())
            for filename, attached in pdf.attachments.items()
            if attached.obj.get("/AFRelationship") == Name.Source
        ]


def printed_hashes(data: bytes) -> list[str]:
    """The source hashes printed in the footers, one per page that has one."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [match[1] for page in reader.pages for match in PRINTED_HASH.finditer(page.extract_text() or "")]


def official_for(field: SignatureField, sources: list[EmbeddedSource]) -> Official:
    """Who signs in ``field``: the "Disahkan oleh" of the source whose nomor
    names the field (``Disahkan.<nomor>``); empty when none does."""
    from soptui.loader import load_bytes
    from soptui.signing import field_name

    for source in sources:
        loaded = load_bytes(source.data, source.filename)
        if loaded.sop is None or field_name(loaded.sop.identitas.nomor) != field.name:
            continue
        signer = loaded.sop.identitas.disahkan_oleh
        return Official(signer.jabatan, signer.nama, signer.nip) if signer else Official()
    return Official()
