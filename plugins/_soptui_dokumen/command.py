"""``soptui dokumen``: the bound Dokumen SOP AP, one PDF from a ``dokumen.toml``.

A command this plugin adds to soptui (``register_commands``), as a third
party's would be: ``soptui export`` exports SOPs and nothing else. The
binder is :mod:`_soptui_dokumen.binder` (docs/dokumen.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from soptui.commands.common import echo, lang_option
from soptui.i18n import t


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder keluaran (bawaan: folder tiap deskripsi).")
@lang_option
def dokumen(paths: tuple[Path, ...], out_dir: Path | None) -> None:
    """Menyusun Dokumen SOP AP (satu PDF) dari deskripsinya, `dokumen.toml`.

    Sampul, keputusan, daftar isi, penjelasan, setiap SOP, dan riwayat
    revisi (docs/dokumen.md). PDF diberi nama deskripsinya (`dokumen.toml`
    -> `dokumen.pdf`). Kode keluar 0 bila ditulis, 1 bila deskripsi atau
    SOP-nya tidak dapat dipakai (tidak ada yang ditulis), 2 bila perintah
    salah pakai.
    """
    from _soptui_dokumen.binder import build_file
    from _soptui_dokumen.config import DokumenError
    from soptui.library import is_dokumen_file

    for path in paths:
        if not is_dokumen_file(path):
            raise click.UsageError(t("dokumen.not_description", path=path))
    failed = 0
    for path in paths:
        target = (out_dir or path.parent) / f"{path.stem}.pdf"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            bound = build_file(path, target)
        except DokumenError as error:
            failed += 1
            for finding in error.findings:
                echo(finding.format_line(), err=True)
            continue
        echo(t("dokumen.written", path=target, pages=bound.pages, sops=len(bound.sops)), err=True)
    sys.exit(1 if failed else 0)
