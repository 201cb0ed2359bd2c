"""The monitoring and evaluation forms of the regulation, filled in or blank.

- "Monitoring Pelaksanaan SOP AP" (Tabel 7): one row per SOP, with its
  latest monitoring record, over a library; or one row per record for one
  SOP (its monitoring history). Landscape, the header repeated on every page.
- The evaluation form of one SOP: every criterion (the regulation's seven
  from ``soptui.model.EVALUATION_CRITERIA``, then any other criterion the
  record answers) with Ya / Tidak, the notes and the actions.

A blank form keeps the SOP names (so the assessor does not copy them by
hand) and leaves every judgement empty, with rows tall enough to write in.
Labels are the regulation's Indonesian words whatever the interface language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table

from _soptui_dokumen.styles import CHECK, MARGIN, bold, document, grid, page_size, para, plain
from soptui.lifecycle.monev import latest_record
from soptui.model import EVALUATION_CRITERIA, EvaluationRecord, Identity, MonitoringRecord, Sop
from soptui.papers import DEFAULT_PAPER
from soptui.printed import tanggal

MONITORING_TITLE = "MONITORING PELAKSANAAN SOP AP"
EVALUATION_TITLE = "EVALUASI PENERAPAN SOP AP"
BLANK_ROWS = 5  # rows of a blank monitoring form that names no SOP
WRITING_HEIGHT = 16 * mm  # a row to fill in by hand
_MONITORING_WIDTHS = (0.04, 0.24, 0.085, 0.085, 0.21, 0.21, 0.13)  # shares of the table width


@dataclass(frozen=True)
class MonitoringRow:
    """One row of the monitoring form: an SOP and the record to print (or none)."""

    sop: Sop
    record: MonitoringRecord | None


def latest_rows(sops: Iterable[Sop], blank: bool = False) -> list[MonitoringRow]:
    """One row per SOP with its latest monitoring record (none when ``blank``)."""
    return [MonitoringRow(sop, None if blank else latest_record(sop.monitoring)) for sop in sops]


def history_rows(sop: Sop) -> list[MonitoringRow]:
    """One row per monitoring record of ``sop``, oldest first; one blank row if it has none."""
    records = sorted((r for r in sop.monitoring if r.tanggal), key=lambda r: r.tanggal or dt.date.min)
    return [MonitoringRow(sop, record) for record in records] or [MonitoringRow(sop, None)]


def monitoring_form(rows: list[MonitoringRow], stream: BinaryIO, unit: str = "", paper: str = DEFAULT_PAPER) -> int:
    """Write the monitoring form; return its page count."""
    width = page_size(paper, landscape=True)[0] - 2 * MARGIN
    doc = document(stream, paper, landscape=True, title=MONITORING_TITLE)
    header = [
        [bold("No", "head"), bold("Prosedur", "head"), bold("Penilaian terhadap Penerapan", "head"), "",
         bold("Catatan Hasil Penilaian", "head"), bold("Tindakan yang Harus Diambil", "head"), bold("Paraf Penilai", "head")],
        ["", "", bold("Berjalan dengan baik", "head"), bold("Tidak berjalan dengan baik", "head"), "", "", ""],
    ]
    body = [_monitoring_cells(number, row) for number, row in enumerate(rows, start=1)]
    heights = [None if row.record else WRITING_HEIGHT for row in rows]
    if not rows:
        body = [[para(f"{n}.", "cell_center"), "", "", "", "", "", ""] for n in range(1, BLANK_ROWS + 1)]
        heights = [WRITING_HEIGHT] * BLANK_ROWS
    spans = [("SPAN", (2, 0), (3, 0))] + [("SPAN", (c, 0), (c, 1)) for c in (0, 1, 4, 5, 6)]
    table = Table(header + body, colWidths=[share * width for share in _MONITORING_WIDTHS], rowHeights=[None, None, *heights],
                  repeatRows=2, splitInRow=1, style=grid(2, tuple(spans)))
    story = [*_title(MONITORING_TITLE, unit), para(_period(rows), "center"), Spacer(1, 4 * mm), table,
             Spacer(1, 5 * mm), _signature_block(width, rows)]
    doc.build(story)
    return doc.page


def evaluation_form(sops: Iterable[Sop | None], stream: BinaryIO, blank: bool = False, paper: str = DEFAULT_PAPER) -> int:
    """Write one evaluation form per SOP (its latest evaluation unless ``blank``); return the page count."""
    width = page_size(paper, landscape=False)[0] - 2 * MARGIN
    doc = document(stream, paper, landscape=False, title=EVALUATION_TITLE)
    story = []
    for index, sop in enumerate(sops):
        if index:
            story.append(PageBreak())
        story += _evaluation(sop, None if blank or sop is None else latest_record(sop.evaluasi), width)
    doc.build(story or [PageBreak()])
    return doc.page


def criteria(record: EvaluationRecord | None) -> list[tuple[str, str]]:
    """(key, criterion) to print: the regulation's seven, then the record's own."""
    known = dict(EVALUATION_CRITERIA)
    extra = [key for key in (record.jawaban if record else {}) if key not in known]
    return [*EVALUATION_CRITERIA, *((key, key.replace("_", " ").capitalize()) for key in extra)]


def _monitoring_cells(number: int, row: MonitoringRow) -> list:
    identity, record = row.sop.identitas, row.record
    prosedur = [para(identity.nama), para(identity.nomor, "small")]
    if record is None:
        return [para(f"{number}.", "cell_center"), prosedur, "", "", "", "", ""]
    prosedur.append(para(f"Tanggal monitoring: {tanggal(record.tanggal)}", "small"))
    good = record.penilaian == "baik"
    return [
        para(f"{number}.", "cell_center"),
        prosedur,
        para(CHECK if good else "", "cell_center"),
        para("" if good else CHECK, "cell_center"),
        para(record.catatan),
        para(record.tindakan),
        [Spacer(1, 10 * mm), para(record.penilai, "small")],
    ]


def _evaluation(sop: Sop | None, record: EvaluationRecord | None, width: float) -> list:
    identity = sop.identitas if sop else Identity()
    facts = [
        ("Nama SOP", identity.nama),
        ("Nomor SOP", identity.nomor),
        ("Unit Kerja", identity.instansi[-1] if identity.instansi else ""),
        ("Tanggal Evaluasi", tanggal(record.tanggal) if record else ""),
        ("Penilai", record.penilai if record else ""),
    ]
    info = Table([[para(label), para(":"), para(value) if value else para("." * 60)] for label, value in facts],
                 colWidths=[35 * mm, 5 * mm, width - 40 * mm],
                 style=plain(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 1),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 1)))
    rows = [[bold("No", "head"), bold("Kriteria Penilaian", "head"), bold("Ya", "head"), bold("Tidak", "head")]]
    for number, (key, label) in enumerate(criteria(record), start=1):
        answer = record.jawaban.get(key) if record else None
        rows.append([para(f"{number}.", "cell_center"), para(label),
                     para(CHECK if answer is True else "", "cell_center"), para(CHECK if answer is False else "", "cell_center")])
    table = Table(rows, colWidths=[10 * mm, width - 50 * mm, 20 * mm, 20 * mm], repeatRows=1, splitInRow=1,
                  rowHeights=[None] + [None if record else 9 * mm] * (len(rows) - 1), style=grid(1))
    return [
        *_title(EVALUATION_TITLE, ""),
        info,
        Spacer(1, 5 * mm),
        table,
        Spacer(1, 5 * mm),
        _box("Catatan Hasil Evaluasi", record.catatan if record else "", width),
        Spacer(1, 4 * mm),
        _box("Tindakan yang Harus Diambil", record.tindakan if record else "", width),
        Spacer(1, 8 * mm),
        _signature(record.penilai if record else "", width),
    ]


def _period(rows: list[MonitoringRow]) -> str:
    """"Tanggal monitoring: <first> s.d. <last>" of the printed records, dotted when blank."""
    dates = sorted(row.record.tanggal for row in rows if row.record and row.record.tanggal)
    if not dates:
        return "Tanggal monitoring: ...................................."
    first, last = tanggal(dates[0]), tanggal(dates[-1])
    return f"Tanggal monitoring: {first}" if first == last else f"Tanggal monitoring: {first} s.d. {last}"


def _title(title: str, unit: str) -> list:
    story = [para(title, "title")]
    if unit:
        story.append(para(unit, "subtitle"))
    return [*story, Spacer(1, 4 * mm)]


def _box(label: str, text: str, width: float) -> Table:
    content = [bold(label), para(text) if text else Spacer(1, 24 * mm)]
    return Table([[content]], colWidths=[width], splitInRow=1, style=grid(0))


def _signature_block(width: float, rows: list[MonitoringRow]) -> KeepTogether:
    names = {row.record.penilai for row in rows if row.record and row.record.penilai}
    return _signature(names.pop() if len(names) == 1 else "", width)


def _signature(name: str, width: float) -> KeepTogether:
    """Place and date, "Penilai," and room for the signature, on the right."""
    lines = [para("........................, ...................... 20....", "cell"), para("Penilai,", "cell"),
             Spacer(1, 14 * mm), para(name or "(.......................................)", "cell")]
    return KeepTogether(Table([["", lines]], colWidths=[width - 80 * mm, 80 * mm], style=plain()))
