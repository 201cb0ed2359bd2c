"""The built-in signing back-end (``--penanda p12``): a unit signs with its own PKCS#12 certificate.

Registered through soptui's own entry points and the ``register_signers``
hook, exactly as a gateway plugin (BSrE through an e-office) would be; see
docs/signing.md. pyHanko is imported only when a file is signed.
"""

from __future__ import annotations

from pathlib import Path

from soptui.hookspecs import hookimpl


@hookimpl
def register_messages(register) -> None:
    """This plugin's texts, merged as a third party's are (docs/plugins.md)."""
    register(Path(__file__).parent / "locale")


@hookimpl
def register_signers(register) -> None:
    from _soptui_ttd.pkcs12 import backend

    register(backend())
