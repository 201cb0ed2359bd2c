"""What cannot be saved as it stands: nothing typed is lost, nothing wrong is written.

Two kinds. Text a field holds that the SOP cannot take yet: a date the
editor cannot read (``31/02/2025``), an id that is not one or is taken. The
field keeps it, marked, and the editor keeps it here ("held"), so it is
shown again when the form comes back to that row. And values of the SOP the
file format refuses (a control character, a 600-character nomor): saved,
the loader would refuse the whole file (S014/S015). Both are listed in
Masalah at their field; Ctrl+S saves nothing while any is there and says
which, so the file never holds a value other than the one on the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from soptui.diagnostics import FieldPath, Finding, format_field
from soptui.i18n import t
from soptui.limits import violations
from soptui.model import Sop
from soptui.serialize import to_dict
from soptui.tui.host import EditorMixin

#: Held texts of a row (step, actor, record) are kept while the row is the same one.
ROWS = ("langkah", "pelaksana", "riwayat", "monitoring", "evaluasi")


@dataclass(frozen=True)
class Held:
    """Text in a field that the SOP cannot take, and why."""

    field: FieldPath
    text: str
    reason: str
    row: object = None  # what identifies the row it was typed in (see :func:`row_key`)

    def describe(self) -> str:
        return t("tui.hold.item", field=format_field(self.field), text=self.text, reason=self.reason)


def row_key(sop: Sop, field: FieldPath) -> object:
    """What identifies the row of ``field``: a step's or actor's id, else the number of records."""
    if len(field) < 2 or field[0] not in ROWS or not isinstance(field[1], int):
        return None
    rows = getattr(sop, str(field[0]))
    if field[0] in ("langkah", "pelaksana"):
        return rows[field[1]].id if field[1] < len(rows) else None
    return len(rows)


def held_findings(held: dict[FieldPath, Held], path: str) -> list[Finding]:
    return [Finding("S002", "error", path, item.field, text=t("tui.hold.finding", text=item.text, reason=item.reason))
            for item in held.values()]


def refused_values(sop: Sop, path: str) -> list[Finding]:
    """What the loader would refuse in the file a save writes now (S014, S015)."""
    return [Finding(v.code, "error", path, v.where, message_key=v.message_key,
                    params={"field": format_field(v.where), **v.params}) for v in violations(to_dict(sop))]


class Holding(EditorMixin):
    """Mixed into the editor screen: the held texts and the save's refusal."""

    def hold(self, field: FieldPath, text: str, reason: str) -> None:
        """Keep ``text`` typed in ``field``: the SOP cannot take it (``reason``)."""
        item = Held(field, text, reason, row_key(self.sop, field))
        if self.held.get(field) != item:
            self.held[field] = item
            self._holds_changed()

    def release(self, field: FieldPath) -> None:
        if self.held.pop(field, None) is not None:
            self._holds_changed()

    def held_text(self, field: FieldPath) -> str | None:
        item = self.held.get(field)
        return None if item is None else item.text

    def forget_moved_rows(self) -> None:
        """After an edit: a held text whose row was deleted or moved is let go, and the notice quotes it."""
        gone = [item for item in self.held.values()
                if item.row is not None and row_key(self.sop, item.field) != item.row]
        for item in gone:
            del self.held[item.field]
        if gone:
            self.notify(t("tui.hold.dropped", items="; ".join(item.describe() for item in gone)),
                        severity="warning", timeout=15)
            self._holds_changed()

    def refuse_save(self) -> bool:
        """True, and the reason said, when a save now would write something other than what is shown."""
        problem = self.cannot_save()
        if problem:
            self.notify(problem, severity="error", timeout=20)
        return problem is not None

    def cannot_save(self) -> str | None:
        """Why a save now would write something other than what is shown, or ``None``."""
        problems = [item.describe() for item in self.held.values()]
        problems += [f"{f.field_name}: {f.message()}" for f in refused_values(self.sop, str(self.document.path))]
        if not problems:
            return None
        listed = "; ".join(problems[:5]) + (t("tui.hold.more", count=len(problems) - 5) if len(problems) > 5 else "")
        return t("tui.hold.not_saved", problems=listed)

    def _holds_changed(self) -> None:
        self._update_title()
        if self.findings is not None:
            self._show_findings(self.sop, self._checked)
