"""Pratinjau: the flow chart as it will be printed."""

from soptui.tui.tab import Tab
from soptui.tui.widgets.preview import PreviewPane

PRATINJAU = Tab("pratinjau", PreviewPane, focus="#preview-pane", shows="#preview-pane")
