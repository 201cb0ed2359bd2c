"""Dates as clerks type them: ``2025-07-01``, ``01/07/2025``, ``1 Juli 2025``.

The file stores ISO dates (TOML local dates); people in Indonesian offices
write the day first, with slashes, dashes or dots, or with the month's name,
often after the weekday (``Selasa, 1 Juli 2025``). Each of those is read
here; anything else is refused with the reason, so the editor keeps what was
typed instead of dropping it. Two-digit years are refused (``01/07/25``
could be 1925 or 2025), and so are years the loader would not read back.
Nothing here imports Textual.
"""

from __future__ import annotations

import datetime as dt
import re

from soptui.i18n import t
from soptui.limits import FIRST_DATE, LAST_DATE

MONTHS = {
    1: ("januari", "january", "jan"),
    2: ("februari", "pebruari", "february", "feb", "peb"),
    3: ("maret", "march", "mar"),
    4: ("april", "apr"),
    5: ("mei", "may"),
    6: ("juni", "june", "jun"),
    7: ("juli", "july", "jul"),
    8: ("agustus", "august", "agu", "agt", "ags", "aug"),
    9: ("september", "sept", "sep"),
    10: ("oktober", "october", "okt", "oct"),
    11: ("november", "nopember", "nov", "nop"),
    12: ("desember", "december", "des", "dec"),
}
MONTH_NUMBER = {name: number for number, names in MONTHS.items() for name in names}
WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d+)")
_NAMED = re.compile(r"(\d{1,2})\.?\s+([a-z']+)\.?\s+(\d+)")


class NotADate(ValueError):
    """The text is not a date the file can hold; the message says why and how to write one."""


def read_date(text: str) -> dt.date | None:
    """The date ``text`` stands for; ``None`` for an empty text; :class:`NotADate` otherwise."""
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    cleaned = _without_weekday(cleaned)
    if match := _ISO.fullmatch(cleaned):
        year, month, day = match.groups()
    elif match := _NUMERIC.fullmatch(cleaned):
        day, _, month, year = match.groups()
    elif match := _NAMED.fullmatch(cleaned):
        day, name, year = match.groups()
        if name not in MONTH_NUMBER:
            raise NotADate(t("tui.date.unknown_month", month=name, example=_example()))
        month = str(MONTH_NUMBER[name])
    else:
        raise NotADate(t("tui.date.format", example=_example()))
    if len(year) != 4:
        raise NotADate(t("tui.date.year_digits", example=_example()))
    try:
        value = dt.date(int(year), int(month), int(day))
    except ValueError:
        raise NotADate(t("tui.date.no_such_day", text=text.strip())) from None
    if not FIRST_DATE <= value <= LAST_DATE:
        raise NotADate(t("tui.date.out_of_range", first=FIRST_DATE.year, last=LAST_DATE.year))
    return value


def _without_weekday(text: str) -> str:
    head, comma, rest = text.partition(",")
    return rest.strip() if comma and head.strip() in WEEKDAYS else text


def _example() -> str:
    return t("tui.date.example")
