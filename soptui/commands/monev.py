"""``soptui monev``: which SOPs are due for monitoring or evaluation, which went badly."""

from __future__ import annotations

import datetime as dt
import sys

import click

from soptui.commands.common import echo, echo_json, lang_option
from soptui.i18n import t
from soptui.library import find_sop_files
from soptui.terminal import visible

EXIT_OK, EXIT_ATTENTION, EXIT_ERROR = 0, 1, 2


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(t("monev.bad_date", value=value)) from None


today_option = click.option(
    "--today", "today", callback=_parse_date, metavar="YYYY-MM-DD", help="Tanggal acuan monev (bawaan: hari ini)."
)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@today_option
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@click.option("--perlu-tindakan", "only_attention", is_flag=True, help="Tampilkan hanya SOP yang perlu tindakan.")
@lang_option
def monev(paths: tuple[str, ...], today: dt.date, as_json: bool, only_attention: bool) -> None:
    """Status monitoring (tiap 6 bulan) dan evaluasi (tiap 12 bulan) SOP.

    Kode keluar: 0 bila semua SOP tepat waktu dan berjalan baik, 1 bila ada SOP
    yang terlambat dimonitor/dievaluasi atau dinilai "Tidak berjalan dengan
    baik", 2 bila perintah salah pakai atau ada berkas yang tidak terbaca.
    """
    from soptui.exporters import LOAD_ERRORS
    from soptui.lifecycle.monev import monev_status
    from soptui.loader import load

    rows = []
    unreadable = []  # per file, what stops it: a file not read, or read with a blank where it says something else
    for path, _ in find_sop_files(paths):  # (a record's date written as text: dropped, "never monitored"), as export
        loaded = load(path)
        refusals = [f for f in loaded.findings if loaded.sop is None or f.code in LOAD_ERRORS]
        if refusals or loaded.sop is None:
            unreadable.append(refusals)
            continue
        rows.append((loaded, monev_status(loaded.sop, today)))
    shown = [row for row in rows if row[1].needs_attention or not only_attention]
    if as_json:
        echo_json(_as_json(shown, unreadable, today))
    else:
        _print_table(shown, today)
        for refusals in unreadable:
            echo(refusals[0].format_line(), err=True)
        attention = sum(status.needs_attention for _, status in rows)
        echo(t("monev.summary", files=len(rows) + len(unreadable), attention=attention, unreadable=len(unreadable)), err=True)
    if unreadable:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_ATTENTION if any(status.needs_attention for _, status in rows) else EXIT_OK)


def _as_json(rows, unreadable, today: dt.date) -> dict[str, object]:
    return {
        "tanggal_acuan": today.isoformat(),
        "sop": [
            {"path": str(loaded.path), "nomor": loaded.sop.identitas.nomor, "nama": loaded.sop.identitas.nama, **status.to_json()}
            for loaded, status in rows
        ],
        "tidak_terbaca": [finding.to_json() for refusals in unreadable for finding in refusals],
    }


def _print_table(rows, today: dt.date) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=t("monev.title", today=today.isoformat()), show_lines=True, expand=True)
    table.add_column(t("monev.col.sop"), overflow="fold", ratio=3)
    table.add_column(t("monev.col.monitoring"), ratio=2)
    table.add_column(t("monev.col.evaluation"), ratio=2)
    table.add_column(t("monev.col.judgement"), ratio=2)
    for loaded, status in rows:
        identity = loaded.sop.identitas
        table.add_row(
            f"{_plain(identity.nama)}\n[dim]{_plain(identity.nomor)} · {_plain(str(loaded.path))}[/dim]",
            _deadline_cell(status.monitoring),
            _deadline_cell(status.evaluation),
            _judgement_cell(status),
        )
    Console(highlight=False).print(table)


def _plain(text: str) -> str:
    """A value from a file, for a rich cell: its ``[`` never markup, its control characters visible."""
    from rich.markup import escape

    return escape(visible(text, keep="\n"))


_STYLE = {"ok": "green", "due_soon": "yellow", "overdue": "bold red", "unknown": "bold red"}


def _deadline_cell(deadline) -> str:
    state = t(f"monev.state.{deadline.state}", days=abs(deadline.days_left or 0))
    last = deadline.last.isoformat() if deadline.last else t("monev.never")
    lines = [f"[{_STYLE[deadline.state]}]{state}[/]", t("monev.last", date=last)]
    if deadline.due:
        lines.append(t("monev.due", date=deadline.due.isoformat()))
    return "\n".join(lines)


def _judgement_cell(status) -> str:
    record = status.latest_monitoring
    if record is None:
        return "-"
    if not status.judged_not_good:
        return f"[green]{t('monev.good')}[/]"
    text = f"[bold red]{t('monev.not_good')}[/]"
    if record.tindakan:
        text += "\n" + t("monev.action", text=_plain(record.tindakan))
    if status.revised_after_monitoring:
        text += "\n" + t("monev.revised", date=status.revised_after_monitoring.isoformat())
    return text
