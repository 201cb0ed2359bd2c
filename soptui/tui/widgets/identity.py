"""The Identitas tab: every field of ``[identitas]`` and the signer."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from soptui.i18n import t
from soptui.model import IDENTITY_LISTS, JENIS_VALUES, Signer, Sop
from soptui.tui.host import editor
from soptui.tui.text import TextInput
from soptui.tui.textual_texts import Choice
from soptui.tui.widgets.form import DateValidator, FormScroll, date_text, failure, parse_date, row, set_value
from soptui.tui.widgets.listedit import ListEditor

TEXT_FIELDS = ("nama", "nomor", "logo")
DATE_FIELDS = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
SIGNER_FIELDS = ("jabatan", "nama", "nip", "pangkat")


class IdentityPane(FormScroll):
    """Edits the identity; each change goes to the editor as one edit."""

    def __init__(self, sop: Sop) -> None:
        super().__init__(id="identity-pane")
        self.sop = sop

    def compose(self) -> ComposeResult:
        identity = self.sop.identitas
        yield row(t("tui.identity.nama"), TextInput(identity.nama, id="ident-nama"))
        yield row(t("tui.identity.nomor"), TextInput(identity.nomor, id="ident-nomor"))
        jenis = [(t(f"tui.identity.jenis_{value}"), value) for value in JENIS_VALUES]
        yield row(t("tui.identity.jenis"), Choice(jenis, value=identity.jenis, allow_blank=False, id="ident-jenis"))
        yield ListEditor(t("tui.identity.instansi"), identity.instansi, id="ident-instansi")
        yield row(t("tui.identity.logo"), TextInput(identity.logo or "", id="ident-logo"))
        for name in DATE_FIELDS:
            required = name == "tanggal_pembuatan"
            value = date_text(getattr(identity, name))
            widget = TextInput(
                value, placeholder=t("tui.date.placeholder"), validators=[DateValidator(required)], id=f"ident-{name}"
            )
            yield row(t(f"tui.identity.{name}"), widget)
        yield Label(t("tui.identity.signer"), classes="section-label")
        signer = identity.disahkan_oleh or Signer()
        for name in SIGNER_FIELDS:
            yield row(t(f"tui.identity.signer_{name}"), TextInput(getattr(signer, name) or "", id=f"signer-{name}"))
        for name in IDENTITY_LISTS:
            yield ListEditor(t(f"tui.identity.{name}"), getattr(identity, name), id=f"ident-{name}")

    def on_mount(self) -> None:
        current = getattr(self.screen, "sop", self.sop)
        if current is not self.sop:  # edits came before this lazily mounted tab
            self.show(current)

    def show(self, sop: Sop, typing: bool = False) -> None:
        """Bring every widget in line with ``sop``; while ``typing``, not the field being typed in."""
        self.sop = sop
        force = not typing
        identity = sop.identitas
        for name in TEXT_FIELDS:
            set_value(self.query_one(f"#ident-{name}", Input), getattr(identity, name), force)
        set_value(self.query_one("#ident-jenis", Select), identity.jenis, force)
        for name in DATE_FIELDS:
            widget = self.query_one(f"#ident-{name}", Input)
            held = editor(self).held_text(("identitas", name))
            if held is not None:  # typed, not a date yet: stays as typed (Masalah lists it)
                set_value(widget, held, force)
            elif parse_date(widget.value) != getattr(identity, name) or not widget.value:
                set_value(widget, date_text(getattr(identity, name)), force)
        signer = identity.disahkan_oleh or Signer()
        for name in SIGNER_FIELDS:
            set_value(self.query_one(f"#signer-{name}", Input), getattr(signer, name), force)
        for name in ("instansi", *IDENTITY_LISTS):
            self.query_one(f"#ident-{name}", ListEditor).set_items(getattr(identity, name), force)

    def on_input_changed(self, event: Input.Changed) -> None:
        widget_id = event.input.id or ""
        if widget_id.startswith("list") or not widget_id:
            return
        event.stop()
        kind, name = widget_id.split("-", 1)
        value = event.value
        if kind == "signer":
            self.edit_signer(name, value)
        elif name in DATE_FIELDS:
            problem = failure(event.validation_result)
            if problem:
                editor(self).hold(("identitas", name), value, problem)
                return
            editor(self).release(("identitas", name))
            editor(self).commit(editor(self).sop.with_identity(**{name: parse_date(value)}), group=widget_id)
        else:
            editor(self).commit(
                editor(self).sop.with_identity(**{name: value if value or name != "logo" else None}), group=widget_id
            )

    def edit_signer(self, name: str, value: str) -> None:
        changes: dict[str, Any] = {name: value or (None if name == "pangkat" else "")}
        signer = replace(editor(self).sop.identitas.disahkan_oleh or Signer(), **changes)
        kept = None if signer == Signer() else signer  # every field emptied: no signer table at all
        editor(self).commit(editor(self).sop.with_identity(disahkan_oleh=kept), group=f"signer-{name}")

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "ident-jenis" and event.value != Select.NULL:
            editor(self).commit(editor(self).sop.with_identity(jenis=event.value))

    def on_list_editor_changed(self, event: ListEditor.Changed) -> None:
        event.stop()
        name = (event.editor.id or "").removeprefix("ident-")
        group = f"list-{name}-{event.editor.index}" if event.typing else None
        editor(self).commit(editor(self).sop.with_identity(**{name: event.items}), group=group)
