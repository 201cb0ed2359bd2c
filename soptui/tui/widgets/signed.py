"""The Riwayat tab's line on the signed PDF next to the file: who signed, when, changed since?

Reading the PDF validates its signatures, which takes a few tenths of a
second, so it runs in a worker thread and is kept until the PDF changes on
disk; comparing the SOP in the editor with the signed source runs on every
edit, off the UI thread too. No signed PDF: the line is hidden.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.text import Text
from textual import work
from textual.widgets import Static

from soptui.i18n import t
from soptui.model import Sop
from soptui.tui.host import editor, sop_app


class SignedPdfLine(Static):
    def __init__(self) -> None:
        super().__init__("", id="signed-pdf")
        self.display = False
        self._read: tuple[object, object] | None = None  # (what the PDF was on disk, the SignedCopy)

    def on_mount(self) -> None:
        self.look(editor(self).sop)

    @work(thread=True, exclusive=True, group="signed-pdf")
    def look(self, sop: Sop) -> None:
        from soptui.signing import moment
        from soptui.signing.copy import find_signed
        from soptui.store import render

        document = editor(self).document
        copy = self._copy(document.path, find_signed)
        if copy is None:
            self.app.call_from_thread(self._show, None)
            return
        changes = copy.changes(render(sop, document.source))
        when = moment(dt.datetime.fromisoformat(copy.signed_at)) if copy.signed_at else "?"
        parts = [t("signing.riwayat.signed", path=copy.path.name, signer=copy.signer or "?", when=when)]
        if not copy.intact:
            parts.append(t("signing.riwayat.broken"))
        elif changes is None:
            parts.append(t("signing.riwayat.no_source"))
        else:
            parts.append(t("signing.riwayat.changed", count=changes) if changes else t("signing.riwayat.unchanged"))
        self.app.call_from_thread(self._show, " ".join(parts))

    def _copy(self, path: Path, find_signed):
        """The signed copy, read again only when a candidate file changed on disk."""
        from soptui.signing.copy import candidates

        stamp = tuple((p, p.stat().st_mtime_ns, p.stat().st_size) for p in candidates(path, sop_app(self).config.export_dir)
                      if p.is_file())
        if self._read is None or self._read[0] != stamp:
            self._read = (stamp, find_signed(path, sop_app(self).config.export_dir))
        return self._read[1]

    def _show(self, text: str | None) -> None:
        self.display = text is not None
        self.update(Text(text or ""))  # file and person names are data, never markup
