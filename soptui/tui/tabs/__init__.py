"""The editor's tabs, in order: the order of the tabs on the screen and of their keys (F2 first).

A new tab is one module here that declares its :class:`~soptui.tui.tab.Tab`
and one line in ``TABS``.
"""

from soptui.tui.tab import Tab
from soptui.tui.tabs.identitas import IDENTITAS
from soptui.tui.tabs.langkah import LANGKAH
from soptui.tui.tabs.masalah import MASALAH
from soptui.tui.tabs.pelaksana import PELAKSANA
from soptui.tui.tabs.pratinjau import PRATINJAU
from soptui.tui.tabs.riwayat import RIWAYAT

TABS: tuple[Tab, ...] = (
    IDENTITAS,
    PELAKSANA,
    LANGKAH,
    PRATINJAU,
    MASALAH,
    RIWAYAT,
)
