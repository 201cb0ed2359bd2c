"""Recording a revision from what changed since the file was last saved.

The editor compares the SOP as last saved (or as opened) with the one being
edited, shows what changed and the sentence that will go in the revision
history, and on confirmation adds that ``[[riwayat]]`` entry and sets
Tanggal Revisi in one edit, so one undo takes both back.
"""

from __future__ import annotations

import datetime as dt

from soptui.i18n import t
from soptui.lifecycle.diff import SopDiff, diff_sops
from soptui.lifecycle.diff_text import describe, record_revision, revision_summary
from soptui.tui.dialogs import confirm

#: Lines of the change report shown in the dialog; the rest are counted.
SHOWN_LINES = 12


def ask_record_revision(screen) -> None:
    """Show the changes since the last save and, when confirmed, record them."""
    history = screen.document.history
    diff = diff_sops(history.saved, screen.sop)
    if not diff:
        screen.notify(t("tui.revision.nothing"), timeout=4)
        return

    def answered(answer: str | None) -> None:
        if answer == "yes" and screen.sop is diff.new:  # nothing was typed meanwhile
            screen.commit(record_revision(screen.sop, diff, dt.date.today()))
            screen.notify(t("tui.revision.recorded"), timeout=4)

    screen.app.push_screen(confirm(t("tui.revision.title"), message(diff), t("tui.revision.record")), answered)


def message(diff: SopDiff) -> str:
    """The dialog's text: the history entry to be written, then the changes."""
    lines = describe(diff)
    if len(lines) > SHOWN_LINES:
        lines = lines[:SHOWN_LINES] + [t("tui.revision.more", count=len(lines) - SHOWN_LINES)]
    text = [t("tui.revision.entry"), f"  {revision_summary(diff)}", "", t("tui.revision.changes"), *lines]
    return "\n".join(text)  # shown by the dialog as plain text (soptui.tui.text)
