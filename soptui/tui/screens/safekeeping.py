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
from soptui.store import CannotWrite, FileChangedOnDisk, FileExists, ReadOnly
from soptui.tui.dialogs import ChoiceDialog, Dialog, PromptDialog, confirm
from soptui.tui.document import CannotOpen, recovery_path
from soptui.tui.host import EditorMixin, sop_app
from soptui.tui.paths import OutsideRoot

Then = Callable[[], None] | None


class Safekeeping(EditorMixin):
    """Mixed into :class:`~soptui.tui.screens.editor.EditorScreen`.

    No path here may end the app or drop the work: a save refused (file
    changed, read-only, not writable as TOML, disk error) keeps the edits in
    the editor and in the recovery file and says why; each question is shown
    once (a second modal with the same id would crash Textual)."""

    _recovery_problem: str | None = None  # the last reason the recovery file could not be written
    _recovered: Sop | None  # the value last written to the recovery file
    _warned_disk: bool

    def action_save(self, force: bool = False, then: Callable[[], None] | None = None) -> None:
        if self.refuse_save():  # a field holds what the SOP cannot take, or the file would be refused
            return
        self.save_in_background(self.sop, force, then)

    @work(thread=True, exclusive=True, group="save")
    def save_in_background(self, sop: Sop, force: bool, then: Callable[[], None] | None) -> None:
        """Save off the UI thread: patching a 300-step file takes most of a second."""
        try:
            self.document.save(force=force, sop=sop)
        except (FileChangedOnDisk, FileExists):
            self.app.call_from_thread(self._conflict, then)
        except Exception as error:  # read-only, not writable as TOML, the disk: say it, keep the work
            self._refused(sop, self.document.path, error, then)
        else:
            self.app.call_from_thread(self._saved, self.document.path, then)

    def _refused(self, sop: Sop, path: Path, error: Exception, then: Then) -> None:
        """A save that wrote nothing (in the worker thread): keep ``sop`` in the recovery file, say why."""
        if isinstance(error, ReadOnly):
            self.app.call_from_thread(self._read_only, error.path, then)
            return
        recovery = self.jail_display(recovery_path(self.document.path))
        try:
            self.document.write_recovery(sop)
            self._recovered = sop
        except Exception as problem:
            saved_in = None
            problem_text = _reason(problem)
        else:
            saved_in, problem_text = recovery, ""
        shown = self.jail_display(path)
        if isinstance(error, CannotWrite):
            key = "tui.safe.cannot_write" if saved_in else "tui.safe.cannot_write_norecovery"
            message = t(key, path=shown, reason=error.reason, recovery=recovery, problem=problem_text)
        elif saved_in:
            message = t("tui.safe.save_error", path=shown, reason=_reason(error), recovery=recovery)
        else:
            message = t("tui.editor.save_failed", path=shown, reason=_reason(error))
        self.app.call_from_thread(self.notify, message, severity="error", timeout=15)

    def jail_display(self, path: Path) -> str:
        return sop_app(self).jail.display(path)

    def _read_only(self, path: Path, then: Then) -> None:
        """The file is write-protected: offer to save under another name."""
        choices = [("saveas", t("tui.conflict.saveas")), ("cancel", t("tui.key.cancel"))]
        dialog = ChoiceDialog(
            t("tui.safe.read_only_title"), t("tui.safe.read_only", path=self.jail_display(path)), choices, id="readonly-dialog"
        )
        self._push_once(dialog, lambda choice: self.action_save_as(then) if choice == "saveas" else None)

    def _push_once(self, dialog: Dialog, answer: Callable[[str | None], None]) -> bool:
        """Show ``dialog`` unless the same question is already up (the autosave tick
        and Ctrl+S can both ask); False when it was."""
        if any(screen.id == dialog.id for screen in self.app.screen_stack):
            return False
        self.app.push_screen(dialog, answer)
        return True

    def _saved(self, path: Path, then: Callable[[], None] | None) -> None:
        self._recovered = None
        self._warned_disk = False
        self._update_title()
        self.notify(t("tui.editor.saved_to", path=sop_app(self).jail.display(path)), timeout=3)
        if then:
            then()

    _asking: ChoiceDialog | None = None  # the conflict dialog shown and not yet answered

    def _conflict(self, then: Callable[[], None] | None = None) -> None:
        if self._asking is not None:  # asked already: the answer given there serves this save too
            # (kept here, not looked up in the screen stack: the autosave tick and Ctrl+S can both
            # ask before the first dialog is on the stack, and two dialogs of one id crash the app)
            if then is not None:
                self._asking.pending.append(then)
            return
        message = t("tui.conflict.message", path=sop_app(self).jail.display(self.document.path))
        choices = [
            ("saveas", t("tui.conflict.saveas")),
            ("reload", t("tui.conflict.reload")),
            ("overwrite", t("tui.conflict.overwrite")),
            ("cancel", t("tui.key.cancel")),
        ]

        dialog = ChoiceDialog(t("tui.conflict.title"), message, choices, id="conflict-dialog")
        dialog.pending += [then] if then is not None else []

        def done() -> None:
            for follow in dialog.pending:
                follow()

        def answer(choice: str | None) -> None:
            self._asking = None
            if choice == "reload":
                self.reload()
            elif choice == "overwrite":
                self.action_save(force=True, then=done)
            elif choice == "saveas":
                self.action_save_as(done)

        self._asking = dialog
        self.app.push_screen(dialog, answer)

    def reload(self) -> None:
        """Read the file again; one gone or broken leaves the editor as it is and says so."""
        try:
            self.document.reload()
        except CannotOpen as error:
            self._warned_disk = True  # said once here; a save asks again
            self._recovered = None  # the next autosave tick keeps the editor's SOP in the recovery file
            key = "tui.safe.gone" if self.document.is_new else "tui.safe.broken"
            shown = self.jail_display(self.document.path)
            self.notify(t(key, path=shown, reason=str(error)), severity="warning", timeout=15)
            self._update_title()
            return
        self._warned_disk = False
        self.changed()
        self.notify(t("tui.editor.reloaded"), timeout=3)

    def action_save_as(self, then: Callable[[], None] | None = None) -> None:
        def check(value: str) -> str | None:
            if not value:
                return t("tui.library.name_empty")
            try:
                sop_app(self).jail.check(self._beside(value))
            except OutsideRoot:
                return t("tui.root.outside")
            return None

        def done(value: str | None) -> None:
            if not value:
                return
            target = sop_app(self).jail.check(self._beside(value))
            if target.exists():
                question = confirm(
                    t("tui.saveas.exists_title"),
                    t("tui.saveas.exists", path=sop_app(self).jail.display(target)),
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
        if self.refuse_save():
            return
        self.save_as_in_background(self.sop, target, then)

    @work(thread=True, exclusive=True, group="save")
    def save_as_in_background(self, sop: Sop, target: Path, then: Callable[[], None] | None) -> None:
        try:
            self.document.save_as(target, overwrite=True, sop=sop)
        except Exception as error:  # as for a save: say it, keep the work
            self._refused(sop, target, error, then)
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
        self._push_once(
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

        if self.unsaved:
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
                t("tui.editor.changed_on_disk", path=sop_app(self).jail.display(self.document.path)),
                severity="warning",
                timeout=10,
            )
            if self.document.dirty:
                self._conflict()
            else:
                self.reload()

    @work(thread=True, exclusive=True, group="recovery")
    def write_recovery(self, sop: Sop) -> None:
        """Keep ``sop`` in the recovery file; a failure is said once per reason (a read-only folder)."""
        try:
            self.document.write_recovery(sop)
        except Exception as error:
            reason = _reason(error)
            if reason != self._recovery_problem:
                self._recovery_problem = reason
                path = self.jail_display(recovery_path(self.document.path))
                message = t("tui.safe.recovery_failed", path=path, reason=reason)
                self.app.call_from_thread(self.notify, message, severity="warning", timeout=10)
        else:
            self._recovery_problem = None

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
        self._push_once(
            ChoiceDialog(
                t("tui.recovery.title"),
                t("tui.recovery.message", name=self.document.path.name),
                choices,
                id="recovery-dialog",
            ),
            answer,
        )


def _reason(error: Exception) -> str:
    """What went wrong, in the words of the error (an OSError's without its number)."""
    if isinstance(error, CannotWrite):
        return error.reason
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
