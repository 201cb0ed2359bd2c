"""``soptui layout``: the computed flowchart, as JSON or a short summary."""

from __future__ import annotations

import json
import sys

import click

from soptui.commands.common import echo, lang_option
from soptui.i18n import t
from soptui.papers import DEFAULT_ORIENTATION, DEFAULT_PAPER, ORIENTATIONS, PAPER_NAMES


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Cetak seluruh tata letak sebagai JSON.")
@click.option("--indent", type=click.IntRange(0, 8), default=0, show_default=True,
              help="Dengan --json: indentasi per tingkat; 0 = satu baris ringkas (cepat, untuk program).")
@click.option("--paper", type=click.Choice(PAPER_NAMES), default=DEFAULT_PAPER, show_default=True,
              help="Ukuran kertas.")
@click.option("--orientation", type=click.Choice(ORIENTATIONS), default=DEFAULT_ORIENTATION,
              show_default=True, help="Arah kertas.")
@click.option("--columns", type=click.Choice(["full", "flow"]), default="full", show_default=True,
              help="Kolom tabel: full = seluruh tabel SOP AP; flow = No, Kegiatan dan kolom pelaksana saja.")
@click.option("--stats", is_flag=True,
              help="Cetak mutu cetakan tata letak: cacat per jenis, persilangan, belokan, jarak terdekat, pasangan "
                   "konektor (dengan --json: sebagai JSON).")
@lang_option
def layout(path: str, as_json: bool, indent: int, paper: str, orientation: str, columns: str, stats: bool) -> None:
    """Menghitung tata letak diagram alir SOP: halaman, tabel, simbol, panah, konektor.

    Dengan `--json`, keluarannya dapat digambar ulang oleh program apa pun
    persis seperti PDF (lihat docs/layout.md). Kode keluar 1 bila berkas
    tidak dapat dibaca atau diagram alirnya akan salah (berkas yang juga
    ditolak PDF).
    """
    from soptui.exporters import ExportInput, blocking_findings
    from soptui.layout import PageOptions, compute_layout, layout_to_dict
    from soptui.loader import load

    loaded = load(path)
    sop = loaded.sop
    problems = list(loaded.findings) if sop is None else blocking_findings(ExportInput.of(loaded))  # as the PDF
    if sop is None or problems:
        for finding in problems:
            echo(finding.format_line(), err=True)
        echo(t("layout.unreadable", path=path), err=True)
        sys.exit(1)
    options = PageOptions(paper=paper, orientation=orientation, columns=columns)  # type: ignore[arg-type]
    try:
        result = compute_layout(sop, options)
    except ValueError as error:  # the layout refuses what it cannot place
        echo(f"{path}: {error}", err=True)
        echo(t("layout.unreadable", path=path), err=True)
        sys.exit(1)
    if stats:
        _print_stats(result, as_json, indent)
        return
    if as_json:
        click.echo(_json(layout_to_dict(result), indent))
        return
    for page in result.pages:
        echo(t("layout.page", number=page.number, rows=len(page.rows), edges=len(page.edges),
                     connectors=", ".join(f"{c.label} ({t('layout.' + c.role)})" for c in page.connectors) or "-"))
    echo(t("layout.summary", pages=len(result.pages), paper=result.paper, orientation=result.orientation,
                 symbols=sum(len(p.symbols) for p in result.pages),
                 edges=sum(len(p.edges) for p in result.pages),
                 connectors=sum(len(p.connectors) for p in result.pages)))


def _json(data: dict, indent: int) -> str:
    """One compact line by default, for programs (a 300-step layout in half the bytes
    of an indented one); ``--indent N`` for a person reading it."""
    if indent:
        return json.dumps(data, ensure_ascii=False, indent=indent)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _print_stats(result, as_json: bool, indent: int) -> None:
    """The layout's own measure of its print quality (soptui/layout/quality.py)."""
    from soptui.layout.quality import measure

    quality = measure(result)
    if as_json:
        click.echo(_json(quality.as_dict(), indent))
        return
    defects = ", ".join(f"{kind} {count}" for kind, count in quality.defects.items() if count) or t("layout.stats.none")
    echo(t("layout.stats.defects", defects=defects))
    echo(t("layout.stats.paths", crossings=quality.crossings, bends=quality.bends))
    echo(t("layout.stats.closest", arrows=_mm(quality.closest_arrows), grid=_mm(quality.closest_grid)))
    echo(t("layout.stats.pairs", band=quality.connector_pairs.get("band", 0),
           beside=quality.connector_pairs.get("beside", 0)))


def _mm(points: float | None) -> str:
    return "-" if points is None else f"{points / 72 * 25.4:.1f} mm"
