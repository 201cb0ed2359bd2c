"""The paper sizes soptui prints on: the one list every command, exporter and setting takes its names from.

Apart from :mod:`soptui.layout.options` (which re-exports them) so that the
settings and the command line can name the papers without loading the
layout engine.
"""

from __future__ import annotations

from typing import Literal, get_args

#: Points in a millimetre (a point is 1/72 inch).
MM = 72 / 25.4

#: Paper sizes, portrait width x height, in points. F4 (215 x 330 mm) is the
#: folio of Indonesian government offices.
PAPERS: dict[str, tuple[float, float]] = {
    "A4": (210 * MM, 297 * MM),
    "F4": (215 * MM, 330 * MM),
    "Letter": (612.0, 792.0),
    "Legal": (612.0, 1008.0),
}
PAPER_NAMES: tuple[str, ...] = tuple(PAPERS)
DEFAULT_PAPER = "A4"
Orientation = Literal["landscape", "portrait"]
ORIENTATIONS: tuple[str, ...] = get_args(Orientation)
DEFAULT_ORIENTATION = "landscape"
#: The papers of the bound document and the monitoring and evaluation forms,
#: which are filed in government offices.
OFFICE_PAPERS: tuple[str, ...] = ("A4", "F4")
