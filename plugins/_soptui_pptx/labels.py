"""The words printed on the slides: the regulation's Indonesian labels.

A printed SOP speaks the regulation's language whatever the interface
language is, so these are not in the interface catalogue. The words every
printed document shares (identity list labels, dates) come from
``soptui.printed``; these are the deck's own.
"""

from __future__ import annotations

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
ACTOR_NOTES = "Beban per pelaksana (semua langkah):"
ACTOR_NOTE = "- {actor}: {steps} langkah, {time}"
EMPTY = "-"
