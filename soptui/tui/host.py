"""The editor screen and the app as their parts see them: the typed seams of the TUI.

The editor screen is made of mixins (:class:`Safekeeping`, :class:`Holding`,
:class:`Navigation`) and of panes that call back into it (``hold``,
``commit``...). Each side is written against :class:`EditorHost`, so mypy
checks that the screen gives what the mixins and panes ask, and that they
ask nothing else. :class:`AppHost` is the same for the app (its jail, its
settings, opening a file).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.screen import Screen

    from soptui.config import Config
    from soptui.diagnostics import FieldPath, Finding
    from soptui.model import Sop
    from soptui.tui.document import Document
    from soptui.tui.holds import Held
    from soptui.tui.paths import Jail
    from soptui.tui.widgets.steps import StepsPane


class EditorHost(Protocol):
    """What the mixins and panes of the editor ask of its screen."""

    document: Document
    held: dict[FieldPath, Held]
    findings: list[Finding] | None
    _checked: list[Finding]

    @property
    def sop(self) -> Sop: ...

    @property
    def unsaved(self) -> bool: ...

    @property
    def steps(self) -> StepsPane: ...

    def commit(self, sop: Sop, group: str | None = None) -> None: ...

    def changed(self, typing: bool = False) -> None: ...

    def follow_step(self, step_id: str) -> None: ...

    def hold(self, field: FieldPath, text: str, reason: str) -> None: ...

    def release(self, field: FieldPath) -> None: ...

    def held_text(self, field: FieldPath) -> str | None: ...

    def refuse_save(self) -> bool: ...

    def jail_display(self, path: Path) -> str: ...

    def action_jump_to_finding(self) -> None: ...

    def _refresh_tab(self, tab: str, typing: bool = False) -> None: ...

    def _update_title(self) -> None: ...

    def _show_findings(self, sop: Sop, checked: list[Finding]) -> None: ...


class Pane(Protocol):
    """A tab's pane: it shows the SOP it is given (``typing``: the user is typing in it now)."""

    def show(self, sop: Sop, typing: bool = False) -> None: ...


class AppHost(Protocol):
    """What screens and panes ask of the app beyond Textual's own."""

    jail: Jail
    config: Config

    def open_sop(self, path: Path, *args: Any, **kwargs: Any) -> Any: ...


if TYPE_CHECKING:
    class EditorMixin(EditorHost, Screen[None]):
        """The base a mixin of the editor screen is type-checked against (at run time: ``object``)."""
else:
    EditorMixin = object


def editor(node: DOMNode) -> EditorHost:
    """The editor screen a pane sits on (the panes live on no other screen)."""
    return cast("EditorHost", node.screen)


def panes(screen: DOMNode, selector: str) -> list[Pane]:
    """The mounted panes matching ``selector`` (none while a tab is mounted lazily)."""
    return [cast("Pane", node) for node in screen.query(selector)]


def sop_app(node: DOMNode) -> AppHost:
    """The soptui app a widget runs in."""
    return cast("AppHost", node.app)
