"""Parsing the Mutu Baku ``waktu`` text and adding durations up.

Working days ("hari kerja") are kept apart from calendar time: a working day
is not 24 hours, nor 8, and how many calendar days it spans depends on the
weekend and holidays. A :class:`Duration` therefore carries two separate
amounts, calendar seconds and working days, each as a min..max range, and a
total adds each amount on its own. ``"1 hari kerja"`` plus ``"2 jam"`` is
printed as ``1 hari kerja 2 jam``, never converted. See docs/durations.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR

#: Calendar units and their length in seconds (a month counts as 30 days).
CALENDAR_UNITS: dict[str, int] = {
    "detik": 1,
    "dtk": 1,
    "menit": MINUTE,
    "mnt": MINUTE,
    "jam": HOUR,
    "hari": DAY,
    "minggu": 7 * DAY,
    "bulan": 30 * DAY,
}
WORKING_DAY_UNIT = "hari kerja"

_NUMBER = r"\d+(?:[.,]\d+)?"
_WAKTU = re.compile(
    rf"^\s*(?P<lo>{_NUMBER})\s*(?:(?:-|–|s\.?d\.?|sampai)\s*(?P<hi>{_NUMBER}))?\s*"
    r"(?P<unit>hari\s+kerja|detik|dtk|menit|mnt|jam|hari|minggu|bulan)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Duration:
    """A range of time: calendar seconds and working days, each min..max."""

    min_seconds: float = 0
    max_seconds: float = 0
    min_working_days: float = 0
    max_working_days: float = 0

    def __add__(self, other: Duration) -> Duration:
        return Duration(
            self.min_seconds + other.min_seconds,
            self.max_seconds + other.max_seconds,
            self.min_working_days + other.min_working_days,
            self.max_working_days + other.max_working_days,
        )

    @property
    def is_zero(self) -> bool:
        return not (self.max_seconds or self.max_working_days)

    def describe(self, which: str = "min") -> str:
        """Human text for the min or max end, e.g. ``1 hari kerja 2 jam 30 menit``."""
        seconds = self.min_seconds if which == "min" else self.max_seconds
        days = self.min_working_days if which == "min" else self.max_working_days
        parts = []
        if days:
            parts.append(f"{_number(days)} hari kerja")
        parts.extend(_calendar_parts(seconds))
        return " ".join(parts) or "0 menit"

    def describe_range(self) -> str:
        """Each amount as its own range, joined by ``+``: ``12-17 hari kerja + 2 jam s.d. 1 hari 4 jam``.

        Writing min and max whole (``12 hari kerja 2 jam - 17 hari kerja 1 hari 4 jam``) read as
        one long sum; a reader wants the working days and the calendar time each once.
        """
        return " + ".join(self.range_parts()) or "0 menit"

    def range_parts(self) -> list[str]:
        """The amounts of :meth:`describe_range`, each its own range (none for no time), so a
        slide can set each on a line of its own."""
        parts = []
        if self.max_working_days:
            low, high = _number(self.min_working_days), _number(self.max_working_days)
            parts.append(f"{low} hari kerja" if low == high else f"{low}-{high} hari kerja")
        if self.max_seconds:
            low, high = " ".join(_calendar_parts(self.min_seconds)), " ".join(_calendar_parts(self.max_seconds))
            parts.append((low or "0 menit") if low == high else f"{low or '0 menit'} s.d. {high}")
        return parts


@lru_cache(maxsize=1024)
def parse_waktu(text: str) -> Duration | None:
    """Parse ``"15 menit"``, ``"2-3 hari"``, ``"1 hari kerja"``; ``None`` if free text.
    Cached: a library says ``"5 menit"`` thousands of times, and a Duration is immutable."""
    match = _WAKTU.match(text or "")
    if not match:
        return None
    low = _to_float(match["lo"])
    high = _to_float(match["hi"]) if match["hi"] else low
    if high < low:
        return None
    unit = " ".join(match["unit"].lower().split())
    if unit == WORKING_DAY_UNIT:
        return Duration(min_working_days=low, max_working_days=high)
    size = CALENDAR_UNITS[unit]
    return Duration(min_seconds=low * size, max_seconds=high * size)


def total(durations: list[Duration | None]) -> Duration:
    """The sum of the durations that parsed; free text counts as nothing."""
    result = Duration()
    for duration in durations:
        if duration is not None:
            result = result + duration
    return result


def _to_float(text: str) -> float:
    return float(text.replace(",", "."))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", ",")


def _calendar_parts(seconds: float) -> list[str]:
    parts = []
    for unit, size in (("hari", DAY), ("jam", HOUR), ("menit", MINUTE)):
        amount, seconds = divmod(seconds, size)
        if amount:
            parts.append(f"{_number(amount)} {unit}")
    if seconds:
        parts.append(f"{_number(seconds)} detik")
    return parts
