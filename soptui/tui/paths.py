"""Where the editor may read and write: the core's confinement under its editor name.

The rules live in :mod:`soptui.confine` (no Textual there), so saving,
recovery, exports and the logo obey ``--root`` too; the editor keeps its
``Jail`` for the paths the user types.
"""

from __future__ import annotations

from soptui.confine import Confinement as Jail
from soptui.confine import OutsideRoot

__all__ = ["Jail", "OutsideRoot"]
