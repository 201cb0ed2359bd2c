"""``soptui tandatangan``: sign the ready PDF in its field, into a new file.

Exit codes: 0 signed, 1 signing failed (wrong passphrase, unreadable
certificate, timestamp server or gateway unreachable), 2 usage error (no
such file, not a ready-to-sign PDF, no empty field, unknown back-end).
The unsigned file is never written; the signed one appears whole or not
at all (docs/signing.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from soptui.commands.common import echo, lang_option
from soptui.i18n import t

EXIT_SIGNED, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SIGNED_SUFFIX = ".ttd.pdf"


@click.command()
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--p12", "p12", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Sertifikat unit (PKCS#12, .p12/.pfx); sama dengan --penanda p12 -O berkas=BERKAS.")
@click.option("--penanda", "backend", metavar="NAMA", help="Penanda tangan dari plugin (lihat `soptui plugins`).")
@click.option("-O", "--option", "option_items", multiple=True, metavar="NAMA=NILAI", help="Opsi penanda tangan.")
@click.option("--kolom", "field_name", metavar="NAMA", help="Kolom tanda tangan yang diisi (bila lebih dari satu).")
@click.option("--tsa", "timestamp_url", metavar="URL", help="Server cap waktu RFC 3161 (PAdES B-T).")
@click.option("--alasan", "reason", default="", help="Alasan penandatanganan (bawaan: Pengesahan SOP).")
@click.option("--lokasi", "location", default="", help="Tempat penandatanganan, mis. Kupang.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas keluaran (bawaan: NAMA.ttd.pdf di samping PDF).")
@click.option("--timpa", is_flag=True, help="Ganti berkas keluaran yang sudah ada.")
@lang_option
def tandatangan(pdf: Path, p12: Path | None, backend: str | None, option_items: tuple[str, ...],
                field_name: str | None, timestamp_url: str | None, reason: str, location: str,
                output: Path | None, timpa: bool) -> None:
    """Menandatangani PDF SOP siap tanda tangan pada kolom "Disahkan oleh".

    \b
    soptui tandatangan cuti.pdf --p12 kepala.p12          -> cuti.ttd.pdf
    SOPTUI_SANDI=... soptui tandatangan cuti.pdf --p12 kepala.p12 --tsa URL

    Sandi sertifikat ditanyakan tanpa ditampilkan, atau dibaca dari variabel
    lingkungan SOPTUI_SANDI; tidak pernah dari argumen. PDF asal tidak diubah.
    Kode keluar: 0 ditandatangani, 1 gagal menandatangani, 2 salah pakai.
    """
    from soptui.signing import SigningError, SignRequest
    from soptui.signing.document import NotAPdf, embedded_sources, official_for, read_pdf, signature_fields
    from soptui.store import atomic_write

    backend_name, options = _backend_and_options(p12, backend, option_items)
    signer = _signer(backend_name)
    output = output or pdf.with_name(pdf.name.removesuffix(".pdf") + SIGNED_SUFFIX)
    if output.resolve() == pdf.resolve():
        _usage(t("signing.same_file", path=pdf))
    if output.exists() and not timpa:
        _usage(t("signing.output_exists", path=output))
    try:
        data = read_pdf(pdf)
        field = _field(signature_fields(data, pdf), field_name, pdf)
        official = official_for(field, embedded_sources(data, pdf))
    except NotAPdf as error:
        _usage(str(error))
    request = SignRequest(
        pdf=data, field=field, official=official, options=_converted(signer, options), secret=_secret,
        timestamp_url=timestamp_url, reason=reason or t("signing.reason"), location=location,
        warn=lambda message: echo(message, err=True),
    )
    try:
        signed = signer.sign(request)
    except SigningError as error:
        echo(t("signing.error", path=pdf, reason=error), err=True)
        sys.exit(EXIT_FAILED)
    except Exception as error:  # a plugin's own bug: one message naming it, never a traceback
        echo(t("signing.crashed", backend=signer.name, plugin=signer.plugin, error=f"{type(error).__name__}: {error}"),
             err=True)
        sys.exit(EXIT_FAILED)
    if not isinstance(signed, bytes) or not _is_signed(signed, field.name):
        echo(t("signing.not_signed", backend=signer.name, field=field.name), err=True)
        sys.exit(EXIT_FAILED)
    try:
        atomic_write(output, signed, 0o644)
    except OSError as error:
        echo(t("signing.error", path=output, reason=error), err=True)
        sys.exit(EXIT_FAILED)
    echo(t("signing.done", path=output, field=field.name), err=True)


def _backend_and_options(p12, backend, items) -> tuple[str, dict[str, str]]:
    options = {}
    for item in items:
        name, equals, value = item.partition("=")
        if not equals or not name.strip():
            _usage(t("signing.bad_option", item=item))
        options[name.strip()] = value
    if p12 is not None:
        if backend not in (None, "p12"):
            _usage(t("signing.p12_and_backend", backend=backend))
        return "p12", {**options, "berkas": str(p12)}
    if backend is None:
        _usage(t("signing.no_backend"))
    return backend, options


def _signer(name: str):
    from soptui.plugins import get_plugins

    signers = get_plugins().signers
    if name not in signers:
        _usage(t("signing.unknown_backend", name=name, choices=", ".join(sorted(signers)) or "-"))
    return signers[name]


def _converted(signer, options: dict[str, str]) -> dict:
    known = {option.name: option for option in signer.options}
    unknown = sorted(set(options) - set(known))
    if unknown:
        _usage(t("signing.unknown_option", names=", ".join(unknown), backend=signer.name,
                 choices=", ".join(known) or "-"))
    values = {name: option.default for name, option in known.items()}
    for name, text in options.items():
        option = known[name]
        try:
            values[name] = text.lower() in ("1", "true", "ya", "yes") if option.type is bool else option.type(text)
        except ValueError:
            _usage(t("signing.bad_option", item=f"{name}={text}"))
        if option.choices and values[name] not in option.choices:
            _usage(t("signing.bad_option", item=f"{name}={text}"))
    return values


def _field(fields, wanted: str | None, pdf: Path):
    empty = [f for f, signed in fields if not signed]
    if wanted is not None:
        chosen = [f for f in empty if f.name == wanted]
        if not chosen:
            _usage(t("signing.no_such_field", path=pdf, field=wanted, choices=", ".join(f.name for f in empty) or "-"))
        return chosen[0]
    if not empty:
        _usage(t("signing.no_field" if not fields else "signing.all_signed", path=pdf))
    if len(empty) > 1:
        _usage(t("signing.which_field", path=pdf, choices=", ".join(f.name for f in empty)))
    return empty[0]


def _secret(name: str, prompt: str) -> str:
    """A secret from ``SOPTUI_<NAME>``, else asked without echo on a terminal."""
    from soptui.signing import SECRET_PREFIX, environment_secret

    value = environment_secret(name)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        _usage(t("signing.no_secret", variable=SECRET_PREFIX + name.upper()))
    return click.prompt(prompt, hide_input=True, err=True)


def _is_signed(data: bytes, name: str) -> bool:
    from soptui.signing.document import NotAPdf, signature_fields

    try:
        return any(f.name == name and signed for f, signed in signature_fields(data))
    except NotAPdf:
        return False


def _usage(message: str) -> None:
    echo(message, err=True)
    sys.exit(EXIT_USAGE)
