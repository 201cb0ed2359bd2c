"""Pelaksana: the actors, a table and its form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from soptui.tui.tab import Tab
from soptui.tui.widgets.actors import ActorsPane

if TYPE_CHECKING:
    from soptui.diagnostics import FieldPath
    from soptui.model import Sop
    from soptui.tui.host import EditorMixin


def _takes(sop: Sop, field: FieldPath) -> bool:
    return bool(field) and field[0] == "pelaksana"


def _go(screen: EditorMixin, field: FieldPath) -> None:
    if len(field) > 1 and isinstance(field[1], int):
        screen.query_one(ActorsPane).show(screen.sop, select=field[1])


PELAKSANA = Tab("pelaksana", ActorsPane, focus="#actor-table", shows="ActorsPane", takes=_takes, go=_go)
