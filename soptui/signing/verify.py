"""Checking a signed SOP: who signed, whether the file changed since, whether its source is the printed one.

pyHanko validates each signature (integrity, the certificate's path to a
trusted root, what was appended after it); the embedded sources are checked
against the hashes printed in the page footers. Nothing here is written or
fetched from the network unless ``online`` is asked: revocation is then
checked (OCSP/CRL) and a missing answer fails the signature.
"""

from __future__ import annotations

import datetime as dt
import enum
import io
from dataclasses import asdict, dataclass, field
from pathlib import Path

from soptui.signing import quiet_pyhanko
from soptui.signing.document import (
    EmbeddedSource,
    embedded_sources,
    open_pdf,
    printed_hashes,
    reading,
    signature_fields,
)

#: What may follow a signature and still leave it standing: more signatures
#: in other empty fields, and validation data (pyHanko's modification levels).
ALLOWED_AFTER = ("NONE", "LTA_UPDATES", "FORM_FILLING")


@dataclass
class SignatureCheck:
    """One signature as the user reads it."""

    field: str
    signer: str = ""
    nip: str = ""
    issuer: str = ""
    signed_at: str = ""  # ISO 8601; the timestamp token's time when there is one
    timestamped: bool = False
    intact: bool = False  # the signed bytes are unchanged
    valid: bool = False  # the signature over them is mathematically right
    trusted: bool = False  # the certificate chains to a trusted root
    trust_problem: str = ""
    covers_whole_file: bool = False
    updates_after: str = "NONE"  # pyHanko's modification level of what was appended
    problem: str = ""  # a signature that could not be read at all

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted and self.updates_after in ALLOWED_AFTER and not self.problem


@dataclass
class SourceCheck:
    """One embedded SOP source against the hashes printed on the pages."""

    filename: str
    sha256: str
    printed: bool


@dataclass
class Verification:
    """Everything ``soptui verifikasi`` reports of one PDF."""

    signatures: list[SignatureCheck] = field(default_factory=list)
    empty_fields: list[str] = field(default_factory=list)
    sources: list[SourceCheck] = field(default_factory=list)
    unknown_printed: list[str] = field(default_factory=list)  # printed hashes no embedded source has
    revisions_after: int = 0  # incremental updates after the last signature

    @property
    def signed(self) -> bool:
        return bool(self.signatures)

    @property
    def sources_ok(self) -> bool:
        return bool(self.sources) and all(s.printed for s in self.sources) and not self.unknown_printed

    @property
    def ok(self) -> bool:
        return self.signed and all(s.ok for s in self.signatures) and self.sources_ok

    def to_json(self) -> dict:
        data = asdict(self)
        for check, entry in zip(self.signatures, data["signatures"]):
            entry["ok"] = check.ok
        data.update(signed=self.signed, sources_ok=self.sources_ok, ok=self.ok)
        return data


def load_roots(paths: list[Path]) -> list:
    """The certificates in PEM or DER files (a PEM file may hold several)."""
    from asn1crypto import pem, x509

    roots = []
    for path in paths:
        data = path.read_bytes()
        blocks = [der for _, _, der in pem.unarmor(data, multiple=True)] if pem.detect(data) else [data]
        roots += [x509.Certificate.load(block) for block in blocks]
    return roots


def system_roots() -> list:
    """The certificates this machine trusts (OpenSSL's default bundle, as
    ``ssl`` finds it; Debian: ``/etc/ssl/certs/ca-certificates.crt``)."""
    import ssl

    paths = ssl.get_default_verify_paths()
    files = [Path(paths.cafile)] if paths.cafile and Path(paths.cafile).is_file() else []
    if not files and paths.capath and Path(paths.capath).is_dir():
        files = sorted(p for p in Path(paths.capath).iterdir() if p.suffix in (".pem", ".crt") and p.is_file())
    roots = []
    for path in files:
        try:
            roots += load_roots([path])
        except (OSError, ValueError):  # one unreadable file in the system's folder is not the user's problem
            continue
    return roots


def verify(data: bytes, name: str | Path, roots: list | None = None, system: bool = True,
           online: bool = False) -> Verification:
    """Check the PDF ``data``: ``roots`` are trusted certificates (asn1crypto),
    added to the system's unless ``system`` is false."""
    open_pdf(data, name).close()  # NotAPdf for what is not a PDF
    with reading(name):  # a damaged file the readers give up on half way: one message too
        return _verify(data, name, roots or [], system, online)


def _verify(data: bytes, name: str | Path, roots: list, system: bool, online: bool) -> Verification:
    result = Verification()
    result.empty_fields = [f.name for f, signed in signature_fields(data, name) if not signed]
    sources = embedded_sources(data, name)
    printed = set(printed_hashes(data))
    result.sources = [SourceCheck(s.filename, s.sha256, s.sha256[:12] in printed) for s in sources]
    result.unknown_printed = sorted(printed - {s.sha256[:12] for s in sources})
    result.signatures, result.revisions_after = _signatures(data, roots, system, online)
    return result


def _signatures(data: bytes, roots: list, system: bool, online: bool) -> tuple[list[SignatureCheck], int]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko_certvalidator import ValidationContext

    quiet_pyhanko()  # its findings are in the result, not tracebacks on stderr
    trusted = [*roots, *system_roots()] if system else roots
    context = ValidationContext(trust_roots=trusted, allow_fetching=online,
                                revocation_mode="hard-fail" if online else "soft-fail")
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    signatures = reader.embedded_signatures
    checks = [_check(signature, context) for signature in signatures]
    last = max((s.signed_revision for s in signatures), default=reader.xrefs.total_revisions - 1)
    return checks, reader.xrefs.total_revisions - 1 - last


def _check(signature, context) -> SignatureCheck:
    from pyhanko.sign.validation import validate_pdf_signature

    check = SignatureCheck(signature.field_name)
    try:
        status = validate_pdf_signature(signature, context)
    except Exception as error:  # a malformed signature is a finding, not a crash
        check.problem = f"{type(error).__name__}: {error}"
        return check
    subject = status.signing_cert.subject.native
    check.signer = subject.get("common_name", "") or status.signing_cert.subject.human_friendly
    check.nip = str(subject.get("serial_number", ""))
    check.issuer = status.signing_cert.issuer.human_friendly
    timestamp = status.timestamp_validity
    moment = timestamp.timestamp if timestamp is not None else status.signer_reported_dt
    check.signed_at = moment.isoformat() if isinstance(moment, dt.datetime) else ""
    check.timestamped = timestamp is not None
    check.intact, check.valid, check.trusted = status.intact, status.valid, status.trusted
    problem = status.trust_problem_indic  # one of pyhanko's AdES enums
    check.trust_problem = problem.name if isinstance(problem, enum.Enum) else ""
    check.covers_whole_file = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    level = status.modification_level
    check.updates_after = level.name if level is not None else "OTHER"
    if status.docmdp_ok is False:
        check.updates_after = "OTHER"
    return check


def source_for(sources: list[EmbeddedSource], current: Path) -> EmbeddedSource | None:
    """The embedded source the TOML file ``current`` is a later version of:
    the one with its file name, else the one with its nomor."""
    from soptui.loader import load, load_bytes

    named = [s for s in sources if s.filename == current.name]
    if named:
        return named[0]
    loaded = load(current)
    nomor = loaded.sop.identitas.nomor if loaded.sop else None
    for source in sources:
        embedded = load_bytes(source.data, source.filename).sop
        if nomor and embedded is not None and embedded.identitas.nomor == nomor:
            return source
    return sources[0] if len(sources) == 1 else None
