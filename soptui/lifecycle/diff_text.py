"""A diff written for people: the terminal report and the revision-history entry.

The report follows the interface language; the revision entry is always in
Bahasa Indonesia because it is printed in the SOP document itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import get_args

from soptui.i18n import t
from soptui.lifecycle.diff import Change, Section, SopDiff, StepRef
from soptui.model import Revision, Sop

SECTIONS: tuple[Section, ...] = get_args(Section)
_MARK = {"added": "+", "removed": "-", "moved": "↕"}
#: Short enough to keep a report line readable; the JSON has the full text.
_SHORT = 60


def describe(diff: SopDiff, lang: str | None = None) -> list[str]:
    """The report, one line per change under a heading per section."""
    if not diff:
        return [t("diff.none", lang)]
    lines = []
    for section in SECTIONS:
        changes = diff.of(section)
        if changes:
            lines.append(t(f"diff.section.{section}", lang))
            lines += [f"  {_MARK.get(c.kind, '~')} {describe_change(c, lang)}" for c in changes]
    return lines


def describe_change(change: Change, lang: str | None = None) -> str:
    """One change as a sentence fragment."""
    key = f"diff.{change.section}.{change.kind}"
    params = {
        "subject": _subject(change, lang),
        "old": _value(change.old, lang),
        "new": _value(change.new, lang),
        "detail": t(f"diff.detail.{change.detail}", lang) if change.detail else "",
    }
    if isinstance(change.subject, StepRef) and change.kind == "removed":
        params["subject"] = _step(change.subject)
    return t(key, lang, **params)


def revision_summary(diff: SopDiff) -> str:
    """What a revision changed, in one Indonesian sentence for ``[[riwayat]]``.

    Records (monitoring, evaluation, history) and the revision date itself
    are bookkeeping, not a revision of the procedure, and are left out.
    """
    parts = []
    for section, kind in _SUMMARY_ORDER:
        changes = [c for c in diff.of(section, kind) if not _bookkeeping(c)]
        if not changes:
            continue
        subjects = _distinct(_summary_subject(c) for c in changes)
        parts.append(t(f"revision.{section}.{kind}", "id", count=len(subjects), items=_join(subjects)))
    if not parts:
        return t("revision.no_content_change", "id")
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def record_revision(sop: Sop, diff: SopDiff, today: dt.date, oleh: str | None = None) -> Sop:
    """``sop`` with a new history entry describing ``diff`` and Tanggal Revisi set to ``today``.

    The editor calls this after the user confirms a revision; saving is the
    caller's business (``soptui.store.save``).
    """
    entry = Revision(tanggal=today, uraian=revision_summary(diff), oleh=oleh)
    return replace(sop, riwayat=(*sop.riwayat, entry)).with_identity(tanggal_revisi=today)


_SUMMARY_ORDER: tuple[tuple[Section, str], ...] = (
    ("langkah", "added"),
    ("langkah", "removed"),
    ("langkah", "reworded"),
    ("langkah", "moved"),
    ("langkah", "actor_changed"),
    ("langkah", "symbol_changed"),
    ("cabang", "target_changed"),
    ("cabang", "label_changed"),
    ("mutu_baku", "changed"),
    ("langkah", "changed"),
    ("pelaksana", "added"),
    ("pelaksana", "removed"),
    ("pelaksana", "renamed"),
    ("pelaksana", "moved"),
    ("identitas", "changed"),
    ("identitas", "added"),
    ("identitas", "removed"),
)


def _bookkeeping(change: Change) -> bool:
    return change.section == "catatan" or (change.section == "identitas" and change.subject == "tanggal_revisi")


def _summary_subject(change: Change) -> str:
    if isinstance(change.subject, StepRef):
        return f"\u201c{_short(change.subject.kegiatan)}\u201d"
    if change.section == "pelaksana":
        return str(change.new or change.old or change.subject)
    return t(f"diff.field.{change.subject}", "id")


def _subject(change: Change, lang: str | None) -> str:
    if isinstance(change.subject, StepRef):
        return _step(change.subject)
    if change.section in ("identitas", "catatan") or change.kind == "total_changed":
        return t(f"diff.field.{change.subject}", lang)
    return str(change.subject)


def _step(ref: StepRef) -> str:
    return f"{ref.row}. {_short(ref.kegiatan)}"


def _value(value: object, lang: str | None) -> str:
    if value is None or value == "":
        return t("diff.empty", lang)
    if isinstance(value, StepRef):
        return _step(value)
    if isinstance(value, tuple):
        return " / ".join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return f"\"{_short(value)}\""
    return str(value)


def _short(text: str) -> str:
    return text if len(text) <= _SHORT else text[: _SHORT - 1].rstrip() + "…"


def _distinct(items) -> list[str]:
    return list(dict.fromkeys(items))


def _join(items: list[str], limit: int = 3) -> str:
    """``a, b dan c``; past ``limit`` items, ``a, b, c dan 4 lainnya``."""
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" dan {len(items) - limit} lainnya"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " dan " + items[-1]
