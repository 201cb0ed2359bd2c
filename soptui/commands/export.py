"""``soptui export``: files and folders to one or more formats, in parallel.

Exit codes: 0 every file exported (or already up to date), 1 at least one
file failed or a path held no SOP, 2 the command was misused (unknown format,
bad option), 130 interrupted by Ctrl+C. Outputs written go to standard
output, failures and the summary to standard error. The work itself is in
:mod:`soptui.batch`.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import click

from soptui.commands.common import complete_formats, lang_option
from soptui.commands.operate import is_quiet
from soptui.i18n import t
from soptui.library import find_sop_files


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-f", "--format", "formats", required=True, multiple=True, metavar="FORMAT[,FORMAT...]",
              shell_complete=complete_formats, help="Format keluaran, dipisah koma (lihat `soptui plugins`).")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder keluaran; struktur folder masukan dicerminkan di dalamnya (bawaan, untuk satu berkas "
                   "atau folder: di samping tiap SOP).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Jumlah proses paralel (bawaan: jumlah inti prosesor).")
@click.option("-O", "--option", "option_items", multiple=True, metavar="[FORMAT.]NAME=VALUE",
              help="Opsi eksporter, mis. -O paper=F4 atau -O pdf.orientation=portrait (lihat `soptui plugins`).")
@click.option("--strict", is_flag=True, help="Tolak berkas yang punya galat pemeriksaan.")
@click.option("--force", is_flag=True, help="Tulis ulang keluaran walau sudah terbaru.")
@click.option("--timeout", type=click.FloatRange(min=0), default=None, metavar="DETIK",
              help="Batas waktu per berkas; berkas yang melewatinya gagal, yang lain tetap diekspor "
                   "(bawaan: 300; 0: tanpa batas).")
@lang_option
def export(paths: tuple[Path, ...], formats: tuple[str, ...], out_dir: Path, jobs: int | None,
           option_items: tuple[str, ...], strict: bool, force: bool, timeout: float | None) -> None:
    """Mengekspor berkas SOP (dan folder, rekursif) ke PDF, PPTX, JSON, dll.

    Contoh: `soptui export sop/ -f pdf,json -o dist/`. Nama keluaran diambil
    dari nama berkas (`surat-masuk.sop.toml` -> `surat-masuk.pdf`). Keluaran
    yang dibuat dari isi sumber dan opsi yang sama dilewati kecuali dengan
    --force. Kode keluar 0 bila semua berhasil, 1 bila ada berkas gagal atau
    tidak ada berkas SOP, 2 bila perintah salah pakai.
    """
    try:
        _export(paths, formats, out_dir, jobs, option_items, strict, force, timeout)
    except KeyboardInterrupt:  # before the batch began (loading plugins, planning): nothing was written
        click.echo(t("batch.interrupted_early"), err=True)
        sys.exit(130)


def _export(paths: tuple[Path, ...], formats: tuple[str, ...], out_dir: Path, jobs: int | None,
            option_items: tuple[str, ...], strict: bool, force: bool, timeout: float | None) -> None:
    from soptui.library import is_dokumen_file

    for path in paths:  # a folder walk skips them; named, one would print as an SOP of defaults
        if not path.is_dir() and is_dokumen_file(path):
            raise click.UsageError(t("batch.not_an_sop", path=path))
    if out_dir is None:  # one file or folder: outputs beside the SOPs, as a converter writes them
        if len(paths) != 1:
            raise click.UsageError(t("batch.output_required"))
        out_dir = paths[0] if paths[0].is_dir() else paths[0].parent
    from soptui import batch
    from soptui.ledger import Ledger, recipe
    from soptui.plugins import ExporterConflict, get_plugins

    plugins = get_plugins()
    names = [name.strip() for value in formats for name in value.split(",") if name.strip()]
    chosen = {}
    for name in dict.fromkeys(names):
        try:
            chosen[name] = plugins.exporter(name)
        except ExporterConflict as error:
            raise click.UsageError(str(error)) from None
        except KeyError:
            installed = ", ".join(plugins.usable_exporters()) or "-"
            raise click.UsageError(t("batch.unknown_format", name=name, installed=installed)) from None
    try:
        options = batch.resolve_options(chosen, option_items)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    suffixes = {name: exporter.suffix for name, exporter in chosen.items()}
    if out_dir.exists() and not out_dir.is_dir():
        raise click.UsageError(t("batch.out_not_folder", path=out_dir))
    started = time.perf_counter()
    ledger = Ledger(out_dir, {name: recipe(name, exporter.plugin, plugins.version_of(exporter), options[name])
                              for name, exporter in chosen.items()})
    planned, refused = batch.plan(find_sop_files(paths), suffixes, out_dir, force=force, strict=strict,
                                  options=options, ledger=ledger)
    if not planned and not refused:
        click.echo(t("batch.nothing_found", paths=", ".join(map(str, paths))), err=True)
        sys.exit(1)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = _Report(total=len(planned) + len(refused), formats=list(suffixes))
    limit = batch.DEFAULT_TIMEOUT if timeout is None else (timeout or None)
    outcomes = batch.run(planned, jobs or os.cpu_count() or 1, limit, ledger)
    try:
        with report.display() as show:
            for outcome in refused:
                show(outcome)
            for outcome in outcomes:
                show(outcome)
    except KeyboardInterrupt:
        outcomes.close()  # ends the workers; outputs are written here, whole, or not at all
        click.echo(t("batch.interrupted", done=report.done, total=report.total), err=True)
        sys.exit(130)
    if not is_quiet():
        click.echo(report.summary(time.perf_counter() - started), err=True)
    sys.exit(1 if report.failed else 0)


class _Report:
    """Counts outcomes and shows each one: a progress bar on a terminal, plain lines otherwise."""

    def __init__(self, total: int, formats: list[str]) -> None:
        self.total = total
        self.formats = formats
        self.done = self.written = self.skipped = self.failed = self.pages = 0

    def count(self, outcome) -> None:
        self.done += 1
        self.written += len(outcome.written)
        self.skipped += len(outcome.skipped)
        self.pages += sum(pages or 0 for _, pages in outcome.written)
        self.failed += outcome.failed

    def display(self):
        """A context giving ``show(outcome)``: a bar on a terminal, plain lines otherwise;
        with ``--quiet`` only the failures."""
        return self._bar() if sys.stderr.isatty() and not is_quiet() else self._plain()

    @contextmanager
    def _plain(self):
        def show(outcome) -> None:
            self.count(outcome)
            for line, failure in _lines(outcome):
                if failure or not is_quiet():
                    click.echo(line, err=failure)

        yield show

    @contextmanager
    def _bar(self):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   TextColumn("{task.fields[current]}", style="dim"))
        with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
            task = progress.add_task(t("batch.progress"), total=self.total, current="")

            def show(outcome) -> None:
                self.count(outcome)
                if outcome.failed:  # failures stay on screen above the bar
                    for line, _failure in _lines(outcome):
                        progress.console.print(line, markup=False, highlight=False)
                progress.update(task, advance=1, current=str(outcome.source))

            yield show

    def summary(self, seconds: float) -> str:
        return t("batch.summary", files=self.done, formats=", ".join(self.formats), written=self.written,
                 skipped=self.skipped, pages=self.pages, failed=self.failed, seconds=f"{seconds:.1f}")


def _lines(outcome) -> list[tuple[str, bool]]:
    """The lines telling what became of one file, each with whether it tells a failure."""
    lines = []
    if outcome.written:
        outputs = ", ".join(str(target.path) for target, _ in outcome.written)
        lines.append((t("batch.line_written", source=outcome.source, outputs=outputs), False))
    if outcome.skipped and not outcome.written and not outcome.failed:
        lines.append((t("batch.line_skipped", source=outcome.source), False))
    for fmt, reason in outcome.failures:
        lines.append((t("batch.line_failed", source=outcome.source, format=fmt or "-", reason=reason), True))
    return lines

