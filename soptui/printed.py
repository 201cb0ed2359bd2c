"""The words every printed SOP document uses, whatever the interface language.

A printed SOP speaks the regulation's language (PermenPAN-RB 35/2012): its
labels and its dates are Indonesian even when the editor runs in English, so
they live here, once, for every exporter (PDF, slides, plugins), and not in
the interface catalogue.
"""

from __future__ import annotations

import datetime as dt

#: The labels of the identity table's numbered lists, by ``Identity`` field,
#: in the order they are printed (``soptui.model.IDENTITY_LISTS``).
IDENTITY_LIST_LABELS: dict[str, str] = {
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan": "Peralatan/Perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan": "Pencatatan dan Pendataan",
}

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


def tanggal(date: dt.date | None) -> str:
    """``15 Januari 2024``, as the regulation's forms write dates; ``-`` for none."""
    if date is None:
        return "-"
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"
