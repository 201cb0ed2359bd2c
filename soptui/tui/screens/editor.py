"""The editor of one SOP: its tabs (soptui.tui.tabs) over one history of ``Sop`` values.

Every widget edit arrives at :meth:`EditorScreen.commit`, which records it
in the history (so it can be undone), refreshes the visible tab at once and
the others when they are shown, and schedules the checker and the preview
a moment later in a worker thread, so typing never waits for them.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingsMap
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static, TabbedContent, TabPane

from soptui.diagnostics import Finding
from soptui.i18n import t
from soptui.model import Sop
from soptui.tui import edits, tabs
from soptui.tui.document import Document
from soptui.tui.holds import Held, Holding, held_findings, refused_values
from soptui.tui.host import panes, sop_app
from soptui.tui.screens.navigation import NAVIGATION_KEYS, EditorTabs, Navigation
from soptui.tui.screens.safekeeping import Safekeeping
from soptui.tui.tab import named, tab_keys
from soptui.tui.text import after_typing, focus_now, plain
from soptui.tui.theming import plugins_once
from soptui.tui.widgets.actors import ActorsPane
from soptui.tui.widgets.findings import FindingsPane
from soptui.tui.widgets.footer import KeyFooter
from soptui.tui.widgets.preview import PreviewPane
from soptui.tui.widgets.steps import StepsPane, StepTable

CHECK_DELAY = 0.3
LATER_AT_THE_LATEST = 1.0  # seconds: the other tabs, should the step table not be drawn (a tiny terminal)


class Later(Widget):
    """A tab's pane held back until the first screen is drawn.

    Textual's ``Lazy`` mounts it when the app is first idle, which comes
    before the first frame: the five other tabs (about 150 widgets) cost a
    quarter of the start. A pane mounted later shows the SOP of its mount.
    """

    DEFAULT_CSS = "Later { display: none; }"

    def __init__(self, pane: Widget) -> None:
        super().__init__()
        self.pane = pane


class EditorScreen(Navigation, Holding, Safekeeping, Screen):
    BINDINGS = [
        # keys that act on the whole SOP act after the keys typed before them (after_typing)
        Binding("ctrl+s", "in_order('save')", t("tui.key.save"), priority=True, id="save"),
        Binding("ctrl+z", "in_order('undo')", t("tui.key.undo"), priority=True, show=False, id="undo"),  # footer: 80 columns
        Binding("ctrl+y", "in_order('redo')", t("tui.key.redo"), priority=True, show=False, id="redo"),
        Binding("ctrl+e", "in_order('export')", t("tui.key.export"), priority=True, id="export"),
        Binding("f10", "in_order('close')", t("tui.key.close"), show=False, id="close"),
        *NAVIGATION_KEYS,
    ]

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._bindings = BindingsMap.merge([self._bindings, BindingsMap(tab_keys(tabs.TABS))])  # the tabs of now
        self.document = document
        self._stale: set[str] = set()
        self._check_timer: Timer | None = None
        self._recovered: Sop | None = None  # the value last written to the recovery file
        self._warned_disk = False
        self._title = ""
        self.findings: list[Finding] | None = None  # None until the first check is done
        self._checked: list[Finding] = []  # the checker's part of ``findings``
        self.held: dict[tuple, Held] = {}  # typed text the SOP cannot take yet (see holds.py)
        self._waiting: list[Later] = []  # the panes held back until the first screen is drawn

    @property
    def sop(self) -> Sop:
        return self.document.sop

    @property
    def unsaved(self) -> bool:
        """Leaving now would lose something: unsaved edits, or text no edit could take yet."""
        return self.document.dirty or bool(self.held)

    def compose(self) -> ComposeResult:
        yield Static("", id="editor-title", classes="title-bar")
        with EditorTabs(initial="tab-langkah", id="tabs"):
            for tab in tabs.TABS:
                with TabPane(tab.title, id=f"tab-{tab.id}"):
                    pane = tab.pane(self.sop)
                    if tab.lazy:
                        self._waiting.append(Later(pane))
                        yield self._waiting[-1]
                    else:
                        yield pane
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_timer(LATER_AT_THE_LATEST, self._mount_later)
        self._update_title()
        focus_now(self.query_one(StepTable))  # before a key typed next is read
        self.schedule_check()
        self.set_interval(sop_app(self).config.autosave_seconds, self.autosave)
        recovered = self.document.pending_recovery()
        if recovered is not None and recovered != self.sop:
            self._offer_recovery(recovered)

    # Panes ------------------------------------------------------------------

    async def on_step_table_painted(self) -> None:
        await self._mount_later()

    async def _mount_later(self) -> None:
        """Mount the panes held back (once: the first frame or the timer, whichever comes first)."""
        waiting, self._waiting = self._waiting, []
        for later in waiting:
            if isinstance(later.parent, Widget):  # not when the editor closed meanwhile
                await later.parent.mount(later.pane, after=later)
                await later.remove()

    @property
    def active_tab(self) -> str:
        return (self.query_one(TabbedContent).active or "tab-langkah").removeprefix("tab-")

    def commit(self, sop: Sop, group: str | None = None) -> None:
        """Record an edit and show it; the single door every change goes through."""
        if self.document.history.apply(sop, group):
            self.changed(typing=group is not None)

    def changed(self, typing: bool = False) -> None:
        """The SOP is a new value: refresh what is visible now, the rest later."""
        self._stale = {tab.id for tab in tabs.TABS if tab.shows}
        if not typing:
            self.forget_moved_rows()
        self._refresh_tab(self.active_tab, typing)
        self._update_title()
        self.schedule_check()

    def _refresh_tab(self, tab: str, typing: bool = False) -> None:
        if tab in self._stale:
            self._stale.discard(tab)
            # none while mounted lazily: it shows the SOP of its mount. Looked for in the tab only:
            # a query of the whole screen on every key costs more than the rest of the key
            for pane in panes(self.get_widget_by_id(f"tab-{tab}"), named(tabs.TABS, tab).shows or ""):
                pane.show(self.sop, typing=typing)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        tab = (event.pane.id or "").removeprefix("tab-")
        self._refresh_tab(tab)
        self.document.history.seal()

    def _update_title(self) -> None:
        marker = t("tui.editor.unsaved") if self.unsaved else t("tui.editor.saved")
        name = self.sop.identitas.nama or self.document.path.name
        title = f"{marker}  {name} — {sop_app(self).jail.display(self.document.path)}"
        if title != self._title:  # an update lays the screen out again: only when it changes
            self._title = title
            self.query_one("#editor-title", Static).update(plain(title))

    # Checker and preview ----------------------------------------------------

    def schedule_check(self) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self._run_checks)

    def _run_checks(self) -> None:
        self.check_in_background(self.sop)

    @work(thread=True, exclusive=True, group="check")
    def check_in_background(self, sop: Sop) -> None:
        plugins_once()  # their rules: loaded here or by the app's themes, never twice at once
        findings = self.document.findings(sop) + refused_values(sop, str(self.document.path))
        self.app.call_from_thread(self._show_findings, sop, findings)

    def _show_findings(self, sop: Sop, checked: list[Finding]) -> None:
        if sop is not self.sop or not self.is_attached:
            return  # an older value (a newer check is on its way), or the editor closed
        self._checked = checked
        findings = held_findings(self.held, str(self.document.path)) + checked
        if findings == self.findings:
            return  # as shown (most keys typed change no finding): no table to fill again under the typing
        self.findings = findings
        for pane in self.query(FindingsPane):  # not there yet while it is mounted lazily: it asks on mount
            pane.show(findings)
        errors = sum(f.severity == "error" for f in findings)
        label = t("tui.tab.masalah") + (f" ({len(findings)})" if findings else "")
        try:
            tab = self.query_one(TabbedContent).get_tab("tab-masalah")
        except NoMatches:
            return  # the app is closing the screen
        tab.label = label
        tab.set_class(errors > 0, "has-errors")

    def follow_step(self, step_id: str) -> None:
        for preview in self.query(PreviewPane):
            preview.follow(step_id)

    # Step actions (bound on the step table) ---------------------------------

    @property
    def steps(self) -> StepsPane:
        return self.query_one(StepsPane)

    def action_step_add(self, after: int) -> None:
        index = self.steps.index
        at = 0 if index is None else index + after
        sop = edits.insert_step(self.sop, at, edits.new_step(self.sop, index, at))
        self.commit(sop)
        self.steps.show(sop, select=at)
        focus_now(self.query_one("#step-kegiatan", Input))

    def action_step_delete(self) -> None:
        index = self.steps.index
        if index is None:
            return
        self.commit(edits.delete_step(self.sop, index))
        self.notify(t("tui.steps.deleted"), timeout=3)

    def action_step_duplicate(self) -> None:
        index = self.steps.index
        if index is not None:
            sop = edits.duplicate_step(self.sop, index)
            self.commit(sop)
            self.steps.show(sop, select=index + 1)

    def action_step_move(self, delta: int) -> None:
        index = self.steps.index
        if index is not None:
            sop = edits.move_step(self.sop, index, delta)
            self.commit(sop)
            self.steps.show(sop, select=max(0, min(len(sop.langkah) - 1, index + delta)))

    def action_step_edit(self) -> None:
        self.steps.show_form()  # the row the cursor is on now, before a key typed next reaches the form
        focus_now(self.query_one("#step-kegiatan", Input))

    def action_actor_add(self) -> None:
        self.query_one(ActorsPane).add()

    def action_actor_rename(self) -> None:
        self.query_one(ActorsPane).rename()

    def action_actor_delete(self) -> None:
        self.query_one(ActorsPane).delete()

    def action_actor_move(self, delta: int) -> None:
        self.query_one(ActorsPane).move(delta)

    def _on_tab(self, tab: str, action, *arguments) -> None:
        """Run a table action from the palette: show its tab first, so the user sees it happen."""
        self.action_tab(tab)
        action(*arguments)

    # Undo and redo (saving, conflicts and recovery: see safekeeping.py) -----

    async def action_in_order(self, action: str) -> None:
        """``action``, once the letters typed before its key are in the SOP."""
        await after_typing(self)
        await self.run_action(action)

    def action_undo(self) -> None:
        if self.document.history.undo():
            self.changed()
        else:
            self.notify(t("tui.editor.nothing_to_undo"), timeout=2)

    def action_redo(self) -> None:
        if self.document.history.redo():
            self.changed()
        else:
            self.notify(t("tui.editor.nothing_to_redo"), timeout=2)

    def action_record_revision(self) -> None:
        from soptui.tui.revision import ask_record_revision

        ask_record_revision(self)

    # Export -----------------------------------------------------------------

    def action_export(self) -> None:
        from soptui.tui.screens.export import ExportDialog

        self.app.push_screen(ExportDialog(self.document, self.sop))

    def palette_commands(self):
        """Every editor action by name, for the command palette (Ctrl+P)."""
        for name, action in (
            ("step_add", lambda: self._on_tab("langkah", self.action_step_add, 1)),
            ("step_add_before", lambda: self._on_tab("langkah", self.action_step_add, 0)),
            ("step_delete", lambda: self._on_tab("langkah", self.action_step_delete)),
            ("step_duplicate", lambda: self._on_tab("langkah", self.action_step_duplicate)),
            ("step_up", lambda: self._on_tab("langkah", self.action_step_move, -1)),
            ("step_down", lambda: self._on_tab("langkah", self.action_step_move, 1)),
            ("actor_add", lambda: self._on_tab("pelaksana", self.action_actor_add)),
            ("actor_delete", lambda: self._on_tab("pelaksana", self.action_actor_delete)),
        ):
            yield SystemCommand(t(f"tui.palette.editor.{name}"), t(f"tui.palette.editor.{name}_help"), action)
        yield SystemCommand(
            t("tui.revision.palette"),
            t("tui.revision.palette_help"),
            lambda: self._on_tab("riwayat", self.action_record_revision),
        )
        for action, key in (
            ("save", "save"),
            ("save_as", "save_as"),
            ("undo", "undo"),
            ("redo", "redo"),
            ("export", "export"),
            ("close", "close"),
        ):
            yield SystemCommand(t(f"tui.key.{key}"), t(f"tui.palette.editor.{key}"), getattr(self, f"action_{action}"))
        for tab in tabs.TABS:
            yield SystemCommand(
                tab.title,
                t("tui.palette.editor.tab", tab=tab.title),
                lambda tab=tab.id: self.action_tab(tab),
            )
