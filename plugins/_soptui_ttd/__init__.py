"""The built-in signing back-end (``--penanda p12``): a unit signs with its own PKCS#12 certificate.

Registered through soptui's own entry points and the ``register_signers``
hook, exactly as a gateway plugin (BSrE through an e-office) would be; see
docs/signing.md. pyHanko is imported only when a file is signed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from soptui.hookspecs import hookimpl

if TYPE_CHECKING:
    from soptui.signing import SignRequest


@hookimpl
def register_messages(register) -> None:
    """This plugin's texts, merged as a third party's are (docs/plugins.md)."""
    register(Path(__file__).parent / "locale")


@hookimpl
def register_signers(register) -> None:
    from soptui.exporters import Option
    from soptui.i18n import t
    from soptui.signing import SignerBackend

    register(SignerBackend("p12", t("ttd.label"), sign, (Option("berkas", str, "", t("ttd.berkas")),)))


def sign(request: SignRequest) -> bytes:
    """Sign with the PKCS#12 file, its code imported only now: every start registers this signer."""
    from _soptui_ttd import pkcs12

    return pkcs12.sign(request)
