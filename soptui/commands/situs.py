"""``soptui situs LIBRARY -o DIR``: the library as a static website.

Exit codes: 0 the site was written (every page and download), 1 written but
some SOP could not be read or exported (named on stderr), 2 misuse.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from soptui.commands.common import echo, lang_option
from soptui.commands.monev import today_option
from soptui.i18n import t


@click.command()
@click.argument("library", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder situs; diganti utuh di akhir (tidak pernah setengah jadi).")
@click.option("-f", "--format", "formats", default="pdf,pptx,json", show_default=True, metavar="FORMAT[,FORMAT...]",
              help="Unduhan per SOP, dibuat oleh eksporter (lihat `soptui plugins`).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Jumlah proses paralel (bawaan: jumlah inti prosesor).")
@click.option("--force", is_flag=True, help="Buat ulang semua halaman walau sumbernya tidak berubah.")
@today_option
@lang_option
def situs(library: Path, out_dir: Path, formats: str, jobs: int | None, force: bool, today) -> None:
    """Situs statis pustaka SOP: daftar per unit dengan pencarian, satu
    halaman per SOP (identitas, diagram alir SVG, mutu baku, riwayat revisi,
    unduhan PDF/PPTX/JSON). Bisa dibuka dari server web mana pun atau
    langsung dari berkas (file://), tanpa permintaan ke luar. Hanya SOP yang
    berubah yang dibuat ulang.
    """
    from soptui.plugins import ExporterConflict, get_plugins
    from soptui.site import build_site

    names = tuple(dict.fromkeys(name.strip() for name in formats.split(",") if name.strip()))
    plugins = get_plugins()
    for name in ("svg", *names):
        try:
            plugins.exporter(name)
        except ExporterConflict as error:
            raise click.UsageError(str(error)) from None
        except KeyError:
            installed = ", ".join(plugins.usable_exporters()) or "-"
            raise click.UsageError(t("batch.unknown_format", name=name, installed=installed)) from None
    if out_dir.exists() and not out_dir.is_dir():
        raise click.UsageError(t("batch.out_not_folder", path=out_dir))
    if out_dir.resolve() == library.resolve() or library.resolve().is_relative_to(out_dir.resolve()):
        raise click.UsageError(t("situs.inside_library", out=out_dir, library=library))
    started = time.perf_counter()
    try:
        report = build_site(library, out_dir, formats=names, jobs=jobs or os.cpu_count() or 1, today=today,
                            force=force)
    except KeyboardInterrupt:
        echo(t("situs.interrupted", out=out_dir), err=True)
        sys.exit(130)
    except OSError as error:  # a full disk, a read-only folder: the staging folder is gone, the old site kept
        echo(t("output.write_failed", path=out_dir, reason=error.strerror or error), err=True)
        sys.exit(1)
    for problem in report.problems:
        echo(problem, err=True)
    echo(t("situs.summary", sops=report.sops, rendered=report.rendered, reused=report.reused,
                 unreadable=report.unreadable, out=out_dir, seconds=f"{time.perf_counter() - started:.1f}"), err=True)
    sys.exit(1 if report.problems or report.unreadable else 0)
