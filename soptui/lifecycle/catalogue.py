"""The catalogue of a library: one row per SOP, for the organisation bureau.

Every SOP under a folder with what the bureau tracks: number, name, unit
(the last line of ``instansi``, the smallest unit named), type, effective
date, last revision, the checker's verdict and the monitoring and evaluation
status. Written as XLSX (header row, filters, widths, frozen header) or as
CSV (UTF-8 with a byte order mark, so Excel reads the text right; see
docs/lifecycle.md). A file that cannot be read still gets its row.

Cells are data, never formulas: a text beginning with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return (formula injection, "CSV injection") is
stored as text with Excel's leading apostrophe (the ``quotePrefix`` style in
XLSX, a ``'`` in CSV), and characters XLSX cannot hold or a terminal would
act on (control characters, undecodable bytes of a file name) are written
visibly, in both.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

from soptui.checks import SopCheck, check_loaded
from soptui.checks.library import check_library
from soptui.diagnostics import Finding
from soptui.i18n import t
from soptui.lifecycle.monev import Deadline, monev_status
from soptui.loader import Loaded
from soptui.model import Sop
from soptui.terminal import visible

COLUMNS = (
    "no", "nomor", "nama", "unit", "jenis", "tanggal_efektif", "revisi_terakhir", "galat", "peringatan",
    "pemeriksaan", "monitoring_terakhir", "monitoring_jatuh_tempo", "monitoring_status", "evaluasi_terakhir",
    "evaluasi_jatuh_tempo", "evaluasi_status", "penilaian_terakhir", "berkas",
)
_DATES = {"tanggal_efektif", "revisi_terakhir", "monitoring_terakhir", "monitoring_jatuh_tempo", "evaluasi_terakhir", "evaluasi_jatuh_tempo"}
_WIDTH_LIMITS = {"nama": 60, "berkas": 50, "pemeriksaan": 40}
#: What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class CatalogueRow:
    """One SOP of the catalogue; values are ``str``, ``int``, ``date`` or ``None``."""

    values: dict[str, object]
    alerts: frozenset[str]  # columns to show in red: errors, overdue, not good


def catalogue_rows(loaded: list[Loaded], today: dt.date, extra_checks: Iterable[SopCheck] = ()) -> list[CatalogueRow]:
    """The rows of the catalogue, in the order the files were given."""
    findings: defaultdict[str, list[Finding]] = defaultdict(list)
    for item in loaded:
        findings[str(item.path)] += check_loaded(item, extra_checks)
    for finding in check_library(loaded):
        findings[finding.path].append(finding)
    return [_row(number, item, findings[str(item.path)], today) for number, item in enumerate(loaded, start=1)]


def write_xlsx(rows: list[CatalogueRow], stream: BinaryIO, created: dt.datetime | None = None) -> None:
    """An Excel workbook: bold frozen header, filters on every column, widths to fit."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = t("katalog.sheet")
    sheet.append([t(f"katalog.col.{name}") for name in COLUMNS])
    for row in rows:
        sheet.append([_xlsx_value(row.values[name]) for name in COLUMNS])
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    alert = Font(color="C00000", bold=True)
    for index, row in enumerate(rows, start=2):
        for position, name in enumerate(COLUMNS, start=1):
            cell = sheet.cell(index, position)
            cell.alignment = Alignment(vertical="top", wrap_text=name in _WIDTH_LIMITS)
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type, cell.quotePrefix = "s", True  # text, as Excel stores a leading apostrophe
            if name in _DATES:
                cell.number_format = "dd/mm/yyyy"
        for name in row.alerts:
            sheet.cell(index, COLUMNS.index(name) + 1).font = alert
    for position, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = _width(name, rows)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    stamp = created or dt.datetime(2000, 1, 1)  # fixed unless given: same input, same bytes
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "soptui"
    book.save(stream)


def write_csv(rows: list[CatalogueRow], stream: BinaryIO, bom: bool = True) -> None:
    """CSV (comma, RFC 4180 quoting, CRLF), dates as ``YYYY-MM-DD``."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow([t(f"katalog.col.{name}") for name in COLUMNS])
    for row in rows:
        writer.writerow([_neutral(str(_xlsx_value(_csv_value(row.values[name])))) for name in COLUMNS])
    stream.write(("\ufeff" if bom else "").encode("utf-8") + text.getvalue().encode("utf-8"))


def _row(number: int, item: Loaded, findings, today: dt.date) -> CatalogueRow:
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    values: dict[str, object] = dict.fromkeys(COLUMNS)
    values.update(no=number, berkas=str(item.path), galat=errors, peringatan=warnings)
    if item.sop is None:
        values["pemeriksaan"] = t("katalog.unreadable", reason=findings[0].message() if findings else "")
        return CatalogueRow(values, frozenset({"pemeriksaan"}))
    identity = item.sop.identitas
    status = monev_status(item.sop, today)
    latest = status.latest_monitoring
    values.update(
        nomor=identity.nomor,
        nama=identity.nama,
        unit=identity.instansi[-1] if identity.instansi else "",
        jenis=identity.jenis,
        tanggal_efektif=identity.tanggal_efektif,
        revisi_terakhir=_last_revision(item.sop),
        pemeriksaan=t("katalog.check.errors" if errors else "katalog.check.warnings" if warnings else "katalog.check.ok"),
        monitoring_terakhir=status.monitoring.last,
        monitoring_jatuh_tempo=status.monitoring.due,
        monitoring_status=_state(status.monitoring),
        evaluasi_terakhir=status.evaluation.last,
        evaluasi_jatuh_tempo=status.evaluation.due,
        evaluasi_status=_state(status.evaluation),
        penilaian_terakhir=t("monev.not_good" if status.judged_not_good else "monev.good") if latest else None,
    )
    late = {"overdue", "unknown"}
    alerts = {
        "pemeriksaan": errors > 0,
        "monitoring_status": status.monitoring.state in late,
        "evaluasi_status": status.evaluation.state in late,
        "penilaian_terakhir": status.judged_not_good,
    }
    return CatalogueRow(values, frozenset(name for name, alert in alerts.items() if alert))


def _last_revision(sop: Sop) -> dt.date | None:
    dates = [entry.tanggal for entry in sop.riwayat if entry.tanggal]
    if sop.identitas.tanggal_revisi:
        dates.append(sop.identitas.tanggal_revisi)
    return max(dates, default=None)


def _state(deadline: Deadline) -> str:
    return t(f"monev.state.{deadline.state}", days=abs(deadline.days_left or 0))


def _width(name: str, rows: list[CatalogueRow]) -> float:
    longest = max([len(t(f"katalog.col.{name}"))] + [len(_csv_value(row.values[name])) for row in rows])
    return min(longest, _WIDTH_LIMITS.get(name, 40)) + 2


def _xlsx_value(value: object) -> object:
    """Text with the characters XLSX (XML 1.0) cannot hold, or a terminal would act on (a CSV may
    go to one: ``-o -``), written visibly; other values as they are."""
    return visible(value, keep="\t\n\r") if isinstance(value, str) else value


def _neutral(text: str) -> str:
    """A CSV field a spreadsheet opens as text: a leading apostrophe before a formula's first character."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
