"""``soptui katalog``: the list of a library's SOPs as XLSX or CSV, for the organisation bureau."""

from __future__ import annotations

import datetime as dt
import errno
import gc
import io
import os
import sys
from pathlib import Path

import click

from soptui.commands.common import echo, lang_option
from soptui.commands.monev import today_option
from soptui.i18n import t
from soptui.library import find_sop_files

WRITERS = {".xlsx": "write_xlsx", ".csv": "write_csv"}


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", required=True, metavar="BERKAS",
              help="katalog.xlsx atau katalog.csv (format dari akhiran); `-` menulis CSV ke layar.")
@today_option
@lang_option
def katalog(paths: tuple[str, ...], output: str, today: dt.date) -> None:
    """Katalog SOP: nomor, nama, unit, jenis, tanggal efektif, revisi terakhir,
    hasil pemeriksaan dan status monev, satu baris per SOP.

    CSV ditulis UTF-8 dengan BOM (agar Excel membaca hurufnya dengan benar),
    dipisah koma. Kode keluar 0 bila katalog ditulis, 1 bila berkasnya tidak
    dapat ditulis (mis. disk penuh), 2 bila salah pakai.
    """
    from soptui.lifecycle import catalogue
    from soptui.loader import load
    from soptui.plugins import extra_checks

    suffix = Path(output).suffix.lower()
    if output != "-" and suffix not in WRITERS:
        raise click.UsageError(t("katalog.bad_suffix", suffix=suffix or output))
    loaded = [load(path) for path, _ in find_sop_files(paths)]
    rows = catalogue.catalogue_rows(loaded, today, extra_checks())
    for item in loaded:  # its row says "Tidak terbaca"; here is where and why
        if item.sop is None and item.findings:
            echo(item.findings[0].format_line(), err=True)
    if output == "-":
        stream = io.BytesIO()
        catalogue.write_csv(rows, stream, bom=False)
        try:
            sys.stdout.buffer.write(stream.getvalue())
            sys.stdout.flush()
        except BrokenPipeError:  # `soptui katalog -o - | head`: the reader had enough
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's recipe: no noise at exit
            sys.exit(1)
        return
    target = Path(output)
    if not target.parent.is_dir():
        raise click.UsageError(t("new.no_folder", folder=str(target.parent)))
    failure = _write(getattr(catalogue, WRITERS[suffix]), rows, target)
    if failure:
        echo(t("katalog.write_failed", path=output, reason=failure), err=True)
        sys.exit(1)
    errors = sum("pemeriksaan" in row.alerts for row in rows)
    attention = sum(bool(row.alerts - {"pemeriksaan"}) for row in rows)
    echo(t("katalog.written", path=output, count=len(rows), errors=errors, attention=attention), err=True)


def _write(writer, rows, target: Path) -> str | None:
    """Write the catalogue to ``target`` whole or not at all; why it failed (a full disk here or in the
    temporary folder, where openpyxl writes each sheet first; a read-only folder), or ``None``."""
    from soptui.store import atomic_write

    failures: tuple[type[Exception], ...] = (OSError, *_serialisation_errors())
    hook, sys.unraisablehook = sys.unraisablehook, lambda _: None  # openpyxl's broken sheet complains again when freed
    try:
        stream = io.BytesIO()
        writer(rows, stream)
        atomic_write(target, stream.getvalue(), 0o644)
    except failures as error:
        return _reason(error)
    finally:
        gc.collect()
        sys.unraisablehook = hook
    return None


def _serialisation_errors() -> tuple[type[Exception], ...]:
    """What lxml raises when openpyxl's temporary file cannot be written (without lxml, an OSError)."""
    try:
        from lxml.etree import SerialisationError
    except ImportError:
        return ()
    return (SerialisationError,)


def _reason(error: Exception) -> str:
    """The system's words for a failed write: lxml names only the error code (``IO_ENOSPC``)."""
    code = getattr(errno, str(error).removeprefix("IO_"), None) if not isinstance(error, OSError) else error.errno
    return os.strerror(code) if isinstance(code, int) else str(error)
