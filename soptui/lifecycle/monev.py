"""Is an SOP due for monitoring or evaluation? Computed from the file alone.

The regulation asks for monitoring at least every six months and evaluation
at least every twelve. The clock of each starts at the latest record of its
kind; an SOP with no record yet counts from the day it came into force
(``tanggal_efektif``), else from the day it was made (``tanggal_pembuatan``):
a new SOP is not overdue the day it is signed, and an old one without any
record is. Month arithmetic keeps the day of month, clamped to the month's
end (31 August + 6 months = 28/29 February). See docs/lifecycle.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from soptui.model import EvaluationRecord, MonitoringRecord, Sop

MONITORING_MONTHS = 6
EVALUATION_MONTHS = 12
#: A check falls "due soon" this many days before its deadline.
DUE_SOON_DAYS = 30

State = Literal["ok", "due_soon", "overdue", "unknown"]


@dataclass(frozen=True)
class Deadline:
    """When one kind of check (monitoring or evaluation) is next due."""

    last: dt.date | None  # the latest record of this kind, if any
    since: dt.date | None  # where the clock starts: ``last``, else efektif, else pembuatan
    due: dt.date | None  # ``since`` plus the interval
    state: State
    days_left: int | None  # negative when overdue

    def to_json(self) -> dict[str, object]:
        return {
            "terakhir": _iso(self.last),
            "sejak": _iso(self.since),
            "jatuh_tempo": _iso(self.due),
            "status": self.state,
            "sisa_hari": self.days_left,
        }


@dataclass(frozen=True)
class MonevStatus:
    """Where one SOP stands in its monitoring and evaluation cycle."""

    monitoring: Deadline
    evaluation: Deadline
    latest_monitoring: MonitoringRecord | None
    latest_evaluation: EvaluationRecord | None
    revised_after_monitoring: dt.date | None  # a revision dated after the latest monitoring

    @property
    def judged_not_good(self) -> bool:
        """The latest monitoring found the SOP "Tidak berjalan dengan baik"."""
        return self.latest_monitoring is not None and self.latest_monitoring.penilaian == "tidak_baik"

    @property
    def needs_attention(self) -> bool:
        """Overdue (or undatable) for a check, or judged not good at the last monitoring."""
        states = (self.monitoring.state, self.evaluation.state)
        return self.judged_not_good or "overdue" in states or "unknown" in states

    def to_json(self) -> dict[str, object]:
        latest = self.latest_monitoring
        return {
            "monitoring": self.monitoring.to_json(),
            "evaluasi": self.evaluation.to_json(),
            "penilaian_terakhir": latest.penilaian if latest else None,
            "tidak_baik": self.judged_not_good,
            "direvisi_setelah_monitoring": _iso(self.revised_after_monitoring),
            "perlu_tindakan": self.needs_attention,
        }


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, the day clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last_day))


def monev_status(sop: Sop, today: dt.date) -> MonevStatus:
    """The monitoring and evaluation deadlines of ``sop`` as seen on ``today``."""
    monitoring = latest_record(sop.monitoring)
    evaluation = latest_record(sop.evaluasi)
    start = sop.identitas.tanggal_efektif or sop.identitas.tanggal_pembuatan
    return MonevStatus(
        monitoring=_deadline(monitoring.tanggal if monitoring else None, start, MONITORING_MONTHS, today),
        evaluation=_deadline(evaluation.tanggal if evaluation else None, start, EVALUATION_MONTHS, today),
        latest_monitoring=monitoring,
        latest_evaluation=evaluation,
        revised_after_monitoring=_revised_after(sop, monitoring.tanggal) if monitoring else None,
    )


def latest_record(records):
    """The record with the latest date (the later one in the file on a tie)."""
    dated = [(record.tanggal, index, record) for index, record in enumerate(records) if record.tanggal]
    return max(dated)[2] if dated else None


def _deadline(last: dt.date | None, start: dt.date | None, months: int, today: dt.date) -> Deadline:
    since = last or start
    if since is None:
        return Deadline(last, None, None, "unknown", None)
    due = add_months(since, months)
    days_left = (due - today).days
    state: State = "overdue" if days_left < 0 else "due_soon" if days_left <= DUE_SOON_DAYS else "ok"
    return Deadline(last, since, due, state, days_left)


def _revised_after(sop: Sop, day: dt.date) -> dt.date | None:
    """The latest revision date after ``day``, from the history or Tanggal Revisi."""
    dates = [entry.tanggal for entry in sop.riwayat if entry.tanggal]
    if sop.identitas.tanggal_revisi:
        dates.append(sop.identitas.tanggal_revisi)
    later = [date for date in dates if date > day]
    return max(later) if later else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
