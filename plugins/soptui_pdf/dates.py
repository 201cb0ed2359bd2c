"""Dates written the Indonesian way, as the regulation's forms print them."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


def tanggal(date: dt.date | None) -> str:
    """``15 Januari 2024``; ``-`` when there is no date."""
    if date is None:
        return "-"
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"
