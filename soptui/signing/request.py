"""What a signing back-end is given (:class:`SignRequest`), re-exported by :mod:`soptui.signing`.

Apart so that registering a back-end, which every start does, does not create these classes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SignatureField:
    """An empty signature field: its name, page (0-based) and rectangle in PDF
    points, origin at the bottom left (x1, y1, x2, y2)."""

    name: str
    page: int
    rect: tuple[float, float, float, float]

    @property
    def size(self) -> tuple[float, float]:
        x1, y1, x2, y2 = self.rect
        return abs(x2 - x1), abs(y2 - y1)


@dataclass(frozen=True)
class Official:
    """Who the SOP says signs it ("Disahkan oleh"), read from its embedded source."""

    jabatan: str = ""
    nama: str = ""
    nip: str = ""


@dataclass(frozen=True)
class SignRequest:
    """What a back-end gets: the PDF to sign, where, for whom, its options.

    ``secret(name, prompt)`` returns a secret (a passphrase): from the
    environment variable ``SOPTUI_<NAME>`` when set, else asked without echo;
    a back-end never reads one from its options. The back-end returns the
    signed PDF's bytes and never writes a file: soptui writes the result as a
    new file, atomically, and leaves the unsigned one as it was.
    """

    pdf: bytes
    field: SignatureField
    official: Official
    options: dict[str, Any]
    secret: Callable[[str, str], str]
    timestamp_url: str | None = None
    reason: str = ""
    location: str = ""
    warn: Callable[[str], None] = lambda message: None  # a line the user should read; signing goes on
