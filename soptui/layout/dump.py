"""The layout as plain data (``soptui layout FILE --json``), stable key order."""

from __future__ import annotations

import dataclasses
from typing import Any

from soptui.layout.types import FlowchartLayout

LAYOUT_FORMAT = 1


def layout_to_dict(layout: FlowchartLayout) -> dict[str, Any]:
    """Every field of the layout, recursively: boxes as ``{x, y, width,
    height}``, points as ``[x, y]``, tuples as lists, keys in field order."""
    data = _plain(layout)
    return {"format": LAYOUT_FORMAT, "units": "pt" if layout.paper != "cells" else "cells", **data}


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    return value
