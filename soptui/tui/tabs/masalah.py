"""Masalah: the checker's findings; the screen gives it each new list, not the SOP."""

from soptui.tui.tab import Tab
from soptui.tui.widgets.findings import FindingsPane

MASALAH = Tab("masalah", lambda sop: FindingsPane(), focus="#finding-table")
