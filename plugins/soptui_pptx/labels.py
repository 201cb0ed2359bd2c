"""The words printed on the slides: the regulation's Indonesian labels.

A printed SOP speaks the regulation's language whatever the interface
language is, so these are not in the interface catalogue.
"""

from __future__ import annotations

import datetime as dt

IDENTITY_LABELS: dict[str, str] = {
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan": "Peralatan/Perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan": "Pencatatan dan Pendataan",
}
HEADING = "STANDAR OPERASIONAL PROSEDUR"
NOMOR = "Nomor SOP"
TANGGAL_EFEKTIF = "Tanggal Efektif"
IDENTITY = "Identitas SOP"
FLOWCHART = "Diagram Alir"
MUTU_BAKU = "Mutu Baku"
SUMMARY = "Ringkasan"
CONTINUED = "lanjutan"
PAGE_OF = "{page} dari {pages}"
TABLE_COLUMNS = ("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output")
STEPS = "Jumlah langkah"
DECISIONS = "Jumlah keputusan"
ACTORS = "Jumlah pelaksana"
MAIN_PATH_TIME = "Waktu jalur utama"
MAIN_PATH_NOTE = "{steps} langkah dari awal sampai akhir (cabang Ya); waktu bebas tidak dihitung"
LOAD_CHART = "Beban per pelaksana (jumlah langkah)"
LOAD_SERIES = "Langkah"
EMPTY = "-"

_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember")


def tanggal(date: dt.date | None) -> str:
    """``15 Januari 2024``; ``-`` when there is no date."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}" if date else EMPTY
