"""Signing with the unit's own certificate: a PKCS#12 file (``.p12``/``.pfx``), by pyHanko.

PAdES baseline (B-B, or B-T with a timestamp server), SHA-256, into the
empty field soptui placed in the signer's box, as an incremental update:
every byte of the ready PDF stays, so it stays PDF/A-3b and its own
checks still hold. The visible appearance is :mod:`_soptui_ttd.appearance`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
from pathlib import Path

from soptui.i18n import t
from soptui.signing import SigningError, SignRequest, quiet_pyhanko, same_person

NIP = re.compile(r"^\d{18}$")
PDFA_VERSION = (1, 7)  # PDF/A-3 is PDF 1.7; pyHanko raises it to 2.0 for some curves


def sign(request: SignRequest) -> bytes:
    """The PDF of ``request`` signed in its field with the PKCS#12 file named in its options."""
    from _soptui_ttd.appearance import render

    path = Path(request.options.get("berkas") or "")
    if not path.is_file():
        raise SigningError(t("ttd.missing", path=path))
    passphrase = request.secret("sandi", t("ttd.prompt", path=path.name))
    signer = _load(path, passphrase)
    certificate = signer.signing_cert
    name, nip = _who(certificate, request)
    width, height = request.field.size
    picture = render(width, height, name, nip, dt.datetime.now(dt.UTC))
    return _sign(request, signer, picture, name)


def _load(path: Path, passphrase: str):
    from pyhanko.sign import signers

    quiet_pyhanko()  # a wrong passphrase is our one-line message, not its traceback
    try:
        signer = signers.SimpleSigner.load_pkcs12(str(path), passphrase=passphrase.encode("utf-8"))
    except (ValueError, OSError) as error:
        raise SigningError(t("ttd.unreadable", path=path, reason=error)) from None
    if signer is None:  # pyHanko's answer to a wrong passphrase or a file that is not PKCS#12
        raise SigningError(t("ttd.unreadable", path=path, reason=t("ttd.wrong_passphrase")))
    return signer


def _who(certificate, request: SignRequest) -> tuple[str, str]:
    """The name and NIP to show: the certificate's holder; the SOP's spelling and
    NIP when they are the same person, the certificate's NIP when it has one."""
    subject = certificate.subject.native
    holder = subject.get("common_name", "") or certificate.subject.human_friendly
    serial = str(subject.get("serial_number", ""))
    official = request.official
    if official.nama and same_person(holder, official.nama):
        return official.nama, serial if NIP.match(serial) else official.nip
    if official.nama:
        request.warn(t("ttd.other_person", holder=holder, official=official.nama))
    return holder, serial if NIP.match(serial) else ""


def _sign(request: SignRequest, signer, picture: bytes, name: str) -> bytes:
    from pyhanko.pdf_utils.content import ImportedPdfPage
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.sign.general import SigningError as HankoError
    from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner
    from pyhanko.sign.timestamps import HTTPTimeStamper
    from pyhanko.stamp import StaticStampStyle

    class PdfAWriter(IncrementalPdfFileWriter):
        def ensure_output_version(self, version):
            super().ensure_output_version(min(version, PDFA_VERSION))

    meta = PdfSignatureMetadata(
        field_name=request.field.name, subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256",
        reason=request.reason or None, location=request.location or None, name=name,
    )
    stamper = HTTPTimeStamper(request.timestamp_url) if request.timestamp_url else None
    with tempfile.TemporaryDirectory() as folder:
        appearance = Path(folder, "tampilan.pdf")
        appearance.write_bytes(picture)
        style = StaticStampStyle(background=ImportedPdfPage(str(appearance)), border_width=0)
        out = io.BytesIO()
        try:
            writer = PdfAWriter(io.BytesIO(request.pdf))
            PdfSigner(meta, signer, timestamper=stamper, stamp_style=style).sign_pdf(writer, output=out)
        except (HankoError, PdfError, OSError) as error:
            raise SigningError(t("signing.failed", reason=error)) from None
    return out.getvalue()
