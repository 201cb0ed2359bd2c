"""The flowchart layout engine: one computed picture for every renderer.

``compute_layout(sop, options)`` returns a :class:`FlowchartLayout` (see
``types``) that the PDF, the slides, the terminal preview and third-party
exporters draw as given. Documented for plugin authors in docs/layout.md.
"""

from soptui.layout.dump import layout_to_dict
from soptui.layout.engine import compute_layout
from soptui.layout.identity import identity_layout
from soptui.layout.metrics import CellMetrics, FontMetrics, Metrics, default_metrics, wrap
from soptui.layout.options import PAPERS, PageOptions
from soptui.layout.schema import layout_schema

__all__ = [
    "PAPERS",
    "CellMetrics",
    "FontMetrics",
    "Metrics",
    "PageOptions",
    "compute_layout",
    "default_metrics",
    "identity_layout",
    "layout_schema",
    "layout_to_dict",
    "wrap",
]
