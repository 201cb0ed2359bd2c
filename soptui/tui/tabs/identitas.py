"""Identitas: the SOP's name, office, signers and lists; findings no other tab takes lead here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from soptui.tui.tab import Tab, other_fields
from soptui.tui.text import focus_now
from soptui.tui.widgets.identity import IdentityPane

if TYPE_CHECKING:
    from soptui.diagnostics import FieldPath
    from soptui.tui.host import EditorMixin


def _go(screen: EditorMixin, field: FieldPath) -> None:
    name = field[1] if len(field) > 1 else "nama"
    selector = f"#signer-{field[2]}" if name == "disahkan_oleh" and len(field) > 2 else f"#ident-{name}"
    matches = screen.query(selector)
    if matches:
        widget = matches.first()
        focusable = widget if widget.can_focus else widget.query("ItemList").first()
        focus_now(focusable)
        screen.call_after_refresh(widget.scroll_visible)


IDENTITAS = Tab("identitas", IdentityPane, focus="#ident-nama", shows="IdentityPane", takes=other_fields, go=_go)
