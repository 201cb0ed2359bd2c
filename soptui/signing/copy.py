"""The signed PDF next to an SOP file, as the editor's Riwayat tab reports it.

The editor shows who signed, when, and whether the source has changed
since: reading the PDF validates its signatures (a few tenths of a second,
done off the UI thread), comparing the source is a hash and, when it
differs, the semantic diff. No trust roots are used here: the line says
whether the signature is intact; ``soptui verifikasi`` says whether it is
trusted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

SIGNED_SUFFIX = ".ttd.pdf"


@dataclass(frozen=True)
class SignedCopy:
    """A signed PDF of one SOP: where, by whom, when, and the source it carries."""

    path: Path
    signer: str
    signed_at: str  # ISO 8601
    intact: bool  # every signature intact and nothing but signatures appended
    source: bytes | None  # the embedded source of this SOP, if the PDF carries it

    def changes(self, current: bytes) -> int | None:
        """How many changes the SOP ``current`` has over the signed source: 0
        when the bytes are the same, ``None`` when the PDF carries no source."""
        from soptui.lifecycle.diff import diff_sops
        from soptui.loader import load_bytes

        if self.source is None:
            return None
        if hashlib.sha256(self.source).digest() == hashlib.sha256(current).digest():
            return 0
        old, new = load_bytes(self.source, "signed"), load_bytes(current, "current")
        if old.sop is None or new.sop is None:
            return 1
        return max(1, len(diff_sops(old.sop, new.sop).changes))  # a comment or layout change is still a change


def candidates(sop_path: Path, export_dir: str = "") -> list[Path]:
    """Where a signed PDF of ``sop_path`` would be: ``NAME.ttd.pdf`` then
    ``NAME.pdf``, beside the file and in the configured export folder."""
    from soptui.batch import output_stem

    stem = output_stem(sop_path)
    folders = [sop_path.parent]
    if export_dir:
        folders.append(sop_path.parent / Path(export_dir).expanduser())
    return [folder / f"{stem}{suffix}" for folder in folders for suffix in (SIGNED_SUFFIX, ".pdf")]


def find_signed(sop_path: Path, export_dir: str = "") -> SignedCopy | None:
    """The first candidate that is a signed PDF; ``None`` when there is none."""
    for path in candidates(sop_path, export_dir):
        copy = read_signed(path, sop_path)
        if copy is not None:
            return copy
    return None


def read_signed(path: Path, sop_path: Path) -> SignedCopy | None:
    """``path`` as a signed copy of ``sop_path``, or ``None`` (missing, unsigned, not a PDF)."""
    from soptui.signing.document import NotAPdf, embedded_sources
    from soptui.signing.verify import source_for, verify

    try:
        if not path.is_file() or path.stat().st_size > 200 * 1024 * 1024:
            return None
        data = path.read_bytes()
        result = verify(data, path, system=False)
    except (OSError, NotAPdf):
        return None
    if not result.signed:
        return None
    first = result.signatures[0]
    intact = all(s.intact and s.valid and s.updates_after in ("NONE", "LTA_UPDATES", "FORM_FILLING")
                 for s in result.signatures)
    try:
        source = source_for(embedded_sources(data, path), sop_path)
    except (OSError, NotAPdf):
        source = None
    return SignedCopy(path, first.signer, first.signed_at, intact, source.data if source else None)
