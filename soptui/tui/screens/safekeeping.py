"""Keeping the work safe: saving, conflicts on disk, recovery, leaving.

The editor screen's half that deals with the file, kept apart from the
editing half. Saves run in worker threads (patching a long file takes most
of a second); every question (conflict, unsaved changes, recovery) is a
modal answered with a callback, so nothing ever waits on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import work

from soptui.i18n import t
from soptui.model import Sop
from soptui.store import FileChangedOnDisk, FileExists
from soptui.tui.dialogs import ChoiceDialog, PromptDialog, confirm
from soptui.tui.paths import OutsideRoot


class Safekeeping:
    """Mixed into :class:`~soptui.tui.screens.editor.EditorScreen`."""

    def action_save(self, force: bool = False, then: Callable[[], None] | None = None) -> None:
        self.save_in_background(self.sop, force, then)

    @work(thread=True, exclusive=True, group="save")
    def save_in_background(self, sop: Sop, force: bool, then: Callable[[], None] | None) -> None:
        """Save off the UI thread: patching a 300-step file takes most of a second."""
        try:
            self.document.save(force=force, sop=sop)
        except (FileChangedOnDisk, FileExists):
            self.app.call_from_thread(self._conflict, then)
        except OSError as error:
            reason = error.strerror or str(error)
            message = t("tui.editor.save_failed", path=str(self.document.path), reason=reason)
            self.app.call_from_thread(self.notify, message, severity="error", timeout=10)
        else:
            self.app.call_from_thread(self._saved, self.document.path, then)

    def _saved(self, path: Path, then: Callable[[], None] | None) -> None:
        self._recovered = None
        self._warned_disk = False
        self._update_title()
        self.notify(t("tui.editor.saved_to", path=self.app.jail.display(path)), timeout=3)
        if then:
            then()

    def _conflict(self, then: Callable[[], None] | None = None) -> None:
        message = t("tui.conflict.message", path=self.app.jail.display(self.document.path))
        choices = [
            ("saveas", t("tui.conflict.saveas")),
            ("reload", t("tui.conflict.reload")),
            ("overwrite", t("tui.conflict.overwrite")),
            ("cancel", t("tui.key.cancel")),
        ]

        def answer(choice: str | None) -> None:
            if choice == "reload":
                self.reload()
            elif choice == "overwrite":
                self.action_save(force=True, then=then)
            elif choice == "saveas":
                self.action_save_as(then)

        self.app.push_screen(ChoiceDialog(t("tui.conflict.title"), message, choices, id="conflict-dialog"), answer)

    def reload(self) -> None:
        self.document.reload()
        self._warned_disk = False
        self.changed()
        self.notify(t("tui.editor.reloaded"), timeout=3)

    def action_save_as(self, then: Callable[[], None] | None = None) -> None:
        def check(value: str) -> str | None:
            if not value:
                return t("tui.library.name_empty")
            try:
                self.app.jail.check(self._beside(value))
            except OutsideRoot:
                return t("tui.root.outside")
            return None

        def done(value: str | None) -> None:
            if not value:
                return
            target = self.app.jail.check(self._beside(value))
            if target.exists():
                question = confirm(
                    t("tui.saveas.exists_title"),
                    t("tui.saveas.exists", path=self.app.jail.display(target)),
                    t("tui.conflict.overwrite"),
                )
                self.app.push_screen(question, lambda a: self._save_as(target, then) if a == "yes" else None)
            else:
                self._save_as(target, then)

        self.app.push_screen(PromptDialog(t("tui.saveas.title"), self.document.path.name, check), done)

    def _beside(self, value: str) -> Path:
        from soptui.tui.screens.library import sop_file_name

        return self.document.path.parent / sop_file_name(value)

    def _save_as(self, target: Path, then: Callable[[], None] | None) -> None:
        self.save_as_in_background(self.sop, target, then)

    @work(thread=True, exclusive=True, group="save")
    def save_as_in_background(self, sop: Sop, target: Path, then: Callable[[], None] | None) -> None:
        try:
            self.document.save_as(target, overwrite=True, sop=sop)
        except OSError as error:
            message = t("tui.editor.save_failed", path=str(target), reason=error.strerror or str(error))
            self.app.call_from_thread(self.notify, message, severity="error")
        else:
            self.app.call_from_thread(self._saved, target, then)

    def ask_before_leaving(self, leave: Callable[[], None]) -> None:
        """Unsaved changes: save, discard or stay."""

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.action_save(then=leave)
            elif choice == "discard":
                self.document.discard_recovery()
                leave()

        choices = [("save", t("tui.key.save")), ("discard", t("tui.leave.discard")), ("cancel", t("tui.key.cancel"))]
        self.app.push_screen(
            ChoiceDialog(
                t("tui.leave.title"), t("tui.leave.message", name=self.document.path.name), choices, id="leave-dialog"
            ),
            answer,
        )

    def action_close(self) -> None:
        def leave() -> None:
            from soptui.tui.screens.library import LibraryScreen

            self.document.discard_recovery()
            if len(self.app.screen_stack) > 2:
                self.app.pop_screen()
            else:
                self.app.switch_screen(LibraryScreen(self.document.path.parent))

        if self.document.dirty:
            self.ask_before_leaving(leave)
        else:
            leave()

    # Recovery and changes on disk -------------------------------------------

    def autosave(self) -> None:
        if self.document.dirty and self.sop is not self._recovered:
            self._recovered = self.sop
            self.write_recovery(self.sop)
        if not self._warned_disk and self.document.changed_on_disk():
            self._warned_disk = True
            self.notify(
                t("tui.editor.changed_on_disk", path=self.app.jail.display(self.document.path)),
                severity="warning",
                timeout=10,
            )
            if self.document.dirty:
                self._conflict()
            else:
                self.reload()

    @work(thread=True, exclusive=True, group="recovery")
    def write_recovery(self, sop: Sop) -> None:
        try:
            self.document.write_recovery(sop)
        except OSError:
            pass  # a read-only folder: nothing to recover into; saving will say so

    def _offer_recovery(self, recovered: Sop) -> None:
        def answer(choice: str | None) -> None:
            if choice == "recover":
                self.document.recover(recovered)
                self.changed()
            elif choice == "discard":
                self.document.discard_recovery()

        choices = [
            ("recover", t("tui.recovery.recover")),
            ("discard", t("tui.recovery.discard")),
            ("later", t("tui.recovery.later")),
        ]
        self.app.push_screen(
            ChoiceDialog(
                t("tui.recovery.title"),
                t("tui.recovery.message", name=self.document.path.name),
                choices,
                id="recovery-dialog",
            ),
            answer,
        )
