"""``soptui verifikasi``: is this signed SOP valid, by whom, and is it still the SOP we have?

Exit codes a script can trust:

- 0: signed; every signature intact, valid, from a trusted certificate, and
  nothing but further signatures appended after it; every embedded source is
  the one whose hash the pages print; the TOML given (if any) says the same;
- 1: all of that, but the TOML given differs from the signed version (the
  differences are printed as ``soptui diff`` prints them);
- 2: usage error, or a file that cannot be read;
- 3: not signed (a ready-to-sign PDF, or any other PDF);
- 4: a signature is broken, untrusted or followed by other changes, or the
  embedded source does not match the printed hash.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from soptui.commands.common import echo, echo_json, lang_option
from soptui.i18n import t

if TYPE_CHECKING:
    from soptui.loader import Loaded
    from soptui.model import Sop

EXIT_VALID, EXIT_CHANGED, EXIT_USAGE, EXIT_UNSIGNED, EXIT_INVALID = 0, 1, 2, 3, 4


@click.command()
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("toml", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--akar", "roots", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Sertifikat akar tepercaya (PEM/DER), boleh berulang; ditambahkan ke milik sistem.")
@click.option("--tanpa-sistem", is_flag=True, help="Jangan percayai sertifikat akar sistem, hanya --akar.")
@click.option("--daring", is_flag=True, help="Periksa pencabutan sertifikat (OCSP/CRL) melalui jaringan.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@lang_option
def verifikasi(pdf: Path, toml: Path | None, roots: tuple[Path, ...], tanpa_sistem: bool, daring: bool,
               as_json: bool) -> None:
    """Memeriksa PDF SOP bertanda tangan: sah, oleh siapa, utuh sejak ditandatangani.

    \b
    soptui verifikasi cuti.ttd.pdf --akar ca-bsre.pem
    soptui verifikasi cuti.ttd.pdf cuti.sop.toml     (apa yang berubah sejak ditandatangani)

    Kode keluar: 0 sah dan utuh, 1 sah tetapi TOML kini berbeda, 2 salah
    pakai, 3 belum ditandatangani, 4 tidak sah/berubah/sumber tidak cocok.
    """
    from soptui.signing.document import NotAPdf, embedded_sources, read_pdf
    from soptui.signing.verify import load_roots, verify

    try:
        data = read_pdf(pdf)
    except NotAPdf as error:
        _usage(str(error))
    try:
        trusted = load_roots(list(roots))
    except ValueError as error:
        _usage(t("signing.bad_root", reason=error))
    try:
        result = verify(data, pdf, trusted, system=not tanpa_sistem, online=daring)
        sources = embedded_sources(data, pdf)
    except NotAPdf as error:
        _usage(str(error))
    changes = _changes(sources, toml) if toml is not None else None
    if as_json:
        echo_json({"berkas": str(pdf), **result.to_json(),
                   "perubahan": changes.to_json() if changes is not None else None})
    else:
        _print(pdf, result, changes)
    if not result.signed:
        sys.exit(EXIT_UNSIGNED)
    if not result.ok:
        sys.exit(EXIT_INVALID)
    sys.exit(EXIT_CHANGED if changes else EXIT_VALID)


def _changes(sources, toml: Path):
    """The semantic diff from the signed source to the TOML file now."""
    from soptui.lifecycle.diff import diff_sops
    from soptui.loader import load, load_bytes
    from soptui.signing.verify import source_for

    current = _sop(load(toml))
    source = source_for(sources, toml)
    if source is None:
        _usage(t("signing.no_source_for", path=toml))
    return diff_sops(_sop(load_bytes(source.data, f"{source.filename}@ttd")), current)


def _sop(loaded: Loaded) -> Sop:
    """The model of a file that loads; else its findings, and the usage exit."""
    if loaded.sop is None:
        for finding in loaded.findings:
            echo(finding.format_line(), err=True)
        sys.exit(EXIT_USAGE)
    return loaded.sop


def _print(pdf: Path, result, changes) -> None:
    from soptui.lifecycle.diff_text import describe

    echo(t("verify.title", path=pdf))
    if not result.signed:
        echo(t("verify.unsigned", fields=", ".join(result.empty_fields) or "-"))
    for check in result.signatures:
        echo(t("verify.signature_ok" if check.ok else "verify.signature_bad", field=check.field))
        if check.problem:
            echo(t("verify.unreadable", reason=check.problem))
            continue
        echo(t("verify.by", signer=check.signer, issuer=check.issuer, at=_moment(check.signed_at)))
        echo(t("verify.intact" if check.intact and check.valid else "verify.broken"))
        echo(t("verify.trusted") if check.trusted else t("verify.untrusted", problem=check.trust_problem or "-"))
        echo(t("verify.whole_file") if check.covers_whole_file else t(f"verify.after.{check.updates_after}"))
    if result.revisions_after:
        echo(t("verify.revisions_after", count=result.revisions_after))
    for source in result.sources:
        key = "verify.source_ok" if source.printed else "verify.source_bad"
        echo(t(key, name=source.filename, hash=source.sha256[:12]))
    if not result.sources:
        echo(t("verify.no_source"))
    for printed in result.unknown_printed:
        echo(t("verify.unknown_printed", hash=printed))
    if changes is not None and not changes:
        echo(t("verify.unchanged"))
    elif changes is not None:
        lines = describe(changes)
        echo(t("verify.changed", count=len(lines)))
        for line in lines:
            echo(f"    {line}")


def _moment(iso: str) -> str:
    import datetime as dt

    from soptui.signing import moment

    return moment(dt.datetime.fromisoformat(iso)) if iso else "?"


def _usage(message: str) -> NoReturn:
    echo(message, err=True)
    sys.exit(EXIT_USAGE)
