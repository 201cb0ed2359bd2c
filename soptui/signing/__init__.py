"""Signing the official PDF: what a signing back-end is given and returns.

soptui prepares the document (PDF/A-3b, the TOML source embedded, an empty
signature field named ``Disahkan.<nomor>`` in the signer's box; see
``soptui.archival``), asks a back-end to sign it, and writes the result
as a new file. A back-end is registered by a plugin through the
``register_signers`` hook: the built-in one signs with a PKCS#12 file
(``_soptui_ttd``); a unit's own plugin may sign through its gateway (the BSrE
API behind an e-office). Nothing here imports pyHanko: a back-end does,
when it signs. See docs/signing.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from soptui.exporters import Option

if TYPE_CHECKING:
    import datetime as dt

    from soptui.signing.request import Official as Official
    from soptui.signing.request import SignatureField as SignatureField
    from soptui.signing.request import SignRequest as SignRequest

#: Made on first use (:func:`__getattr__`): every start registers the built-in signer, which needs
#: only :class:`SignerBackend`, and three more frozen dataclasses cost about 2 ms to create.
_REQUEST_CLASSES = ("Official", "SignatureField", "SignRequest")

#: An environment variable holding a secret: ``SOPTUI_`` + the secret's name
#: (``SOPTUI_SANDI`` for a passphrase), never a command-line argument.
SECRET_PREFIX = "SOPTUI_"
FIELD_PREFIX = "Disahkan"  # an SOP's "Disahkan oleh"
DECREE_PREFIX = "Ditetapkan"  # the decree of a bound document, "Ditetapkan di ..."


def field_name(nomor: str, prefix: str = FIELD_PREFIX) -> str:
    """The signature field of one SOP: ``Disahkan.<nomor as a slug>`` (a
    decree's: ``Ditetapkan.<nomor>``), so any signing application finds it.

    Field names may not contain a period (it separates a field from its
    parent), so the number's periods, slashes and spaces become hyphens:
    ``800/123/SOP/2024`` gives ``Disahkan.800-123-SOP-2024``."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", nomor).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    return f"{prefix}.{slug or 'SOP'}"


class SigningError(Exception):
    """Signing failed; ``str()`` is the message the user reads (what to do)."""


@dataclass(frozen=True)
class SignerBackend:
    """A way to sign, registered through ``register_signers``."""

    name: str  # what users type after --penanda
    label: str
    sign: Callable[[SignRequest], bytes]
    options: tuple[Option, ...] = ()
    plugin: str = field(default="", compare=False)  # filled in by the plugin manager


def __getattr__(name: str) -> Any:
    """``soptui.signing.SignRequest`` and its parts, from :mod:`soptui.signing.request` (PEP 562)."""
    if name in _REQUEST_CLASSES:
        from soptui.signing import request

        return getattr(request, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def same_person(first: str, second: str) -> bool:
    """Whether two spellings name the same person: every word of the shorter
    (at least two) is in the longer, titles and case aside, so a certificate's
    ``YOHANES BERE`` is the SOP's ``Dr. Yohanes Bere, S.Sos., M.Si.``."""
    words = [set(re.findall(r"\w+", name.casefold())) for name in (first, second)]
    shorter, longer = sorted(words, key=len)
    return len(shorter) >= 2 and shorter <= longer


def moment(when: dt.datetime) -> str:
    """``2 Desember 2026 15.17 WITA``: a signing time on this machine's clock,
    as the appearance prints it and ``soptui verifikasi`` reports it."""
    from soptui.printed import tanggal

    local = when.astimezone()
    return f"{tanggal(local.date())} {local:%H.%M} {local.tzname() or ''}".strip()


def quiet_pyhanko() -> None:
    """pyHanko logs its errors with tracebacks; soptui reports them itself, in
    one line the user can act on, so its loggers print nothing."""
    import logging  # only signing needs it; every start registers the built-in signer

    for name in ("pyhanko", "pyhanko_certvalidator"):
        logger = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def environment_secret(name: str) -> str | None:
    """The secret ``name`` from its environment variable, or ``None``."""
    return os.environ.get(SECRET_PREFIX + name.upper())
