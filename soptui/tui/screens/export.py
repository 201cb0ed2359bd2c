"""The export dialog: pick an exporter, set its options and the output path.

The exporters are those the plugins registered (built in or third party).
The export runs in a worker thread with a progress bar and ends with a
notification naming the file. It never writes onto an SOP: the open file,
its recovery file, any ``*.toml`` (what the library takes for an SOP) or
``*.recover`` are refused, and an existing output is replaced only once the
user says so. What is exported is the SOP as it is in the
editor, unsaved edits included; the hash printed on its pages is that of
the bytes a save would write now.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, ProgressBar, Select, Static

from soptui.exporters import Exporter, Option
from soptui.i18n import t
from soptui.model import Sop
from soptui.store import ReadOnly, refuse_read_only
from soptui.tui.dialogs import Dialog, confirm
from soptui.tui.document import Document, recovery_path
from soptui.tui.host import sop_app
from soptui.tui.paths import OutsideRoot
from soptui.tui.text import TextInput, plain
from soptui.tui.textual_texts import Choice
from soptui.tui.widgets.form import row


def default_output(source: Path, exporter: Exporter, export_dir: str = "") -> Path:
    """Beside the SOP, or in the config's ``export_dir`` (relative: from the SOP's folder)."""
    from soptui.batch import output_stem

    suffix = exporter.suffix if exporter.suffix.startswith(".") else f".{exporter.suffix}"
    folder = source.parent / Path(export_dir).expanduser() if export_dir else source.parent
    return folder / (output_stem(source) + suffix)


def option_label(option: Option) -> str:
    """The option's name for people: its help's first words (``Ukuran kertas``), not ``paper``.

    The exporter writes its help in the interface language; the key itself
    (what ``-O paper=F4`` takes) is in the hint line under the options."""
    words = re.split(r"[:(,;]", option.help, maxsplit=1)[0].strip()
    return words or option.name


def option_widget(option: Option) -> Checkbox | Select | Input:
    widget_id = f"option-{option.name}"
    if option.type is bool:
        return Checkbox(t("tui.export.yes"), bool(option.default), id=widget_id)
    if option.choices:
        return Choice([(c, c) for c in option.choices], value=option.default, allow_blank=False, id=widget_id)
    return TextInput(str(option.default), id=widget_id)


def option_value(option: Option, widget: Widget) -> Any:
    """The value the user set, converted to the option's type (ValueError if it does not convert)."""
    if not isinstance(widget, (Checkbox, Select, Input)):
        raise TypeError(f"{widget!r} is no option field")  # option_widget made each of them
    value = widget.value
    return option.type(value) if option.type is not bool else bool(value)


class ExportDialog(Dialog):
    def __init__(self, document: Document, sop: Sop) -> None:
        super().__init__(id="export-dialog")
        self.document = document
        self.sop = sop
        self.exporters: dict[str, Exporter] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog export-dialog"):
            yield Label(t("tui.export.title"), classes="dialog-title")
            yield row(
                t("tui.export.format"), Choice([], allow_blank=True, prompt=t("tui.export.loading"), id="export-format")
            )
            yield VerticalScroll(id="export-options")
            yield Static("", id="export-hint", classes="dialog-hint")
            yield row(t("tui.export.output"), TextInput(id="export-output"))
            yield Static("", id="export-error", classes="error-text")
            yield ProgressBar(total=None, show_eta=False, id="export-progress")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.export.run"), id="export-run", variant="primary")
                yield Button(t("tui.key.cancel"), id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-progress").display = False
        self.load_exporters()

    @work(thread=True, group="export")
    def load_exporters(self) -> None:
        from soptui.plugins import get_plugins

        plugins = get_plugins(quiet=True)
        problems = [f"{info.name}: {info.error}" for info in plugins.plugins if getattr(info, "error", None)]
        self.app.call_from_thread(self._exporters_loaded, plugins.usable_exporters(), problems)

    def _exporters_loaded(self, exporters: dict[str, Exporter], problems: list[str]) -> None:
        self.exporters = exporters
        for problem in problems:
            self.notify(t("tui.export.plugin_failed", problem=problem), severity="warning", timeout=10)
        select = self.query_one("#export-format", Select)
        options = [(f"{e.label} ({name})", name) for name, e in exporters.items()]
        select.set_options(options)
        if not options:
            self.query_one("#export-error", Static).update(t("tui.export.none"))
            return
        select.value = "pdf" if "pdf" in exporters else options[0][1]
        if self.focused is None or self.focused.id == "export-format":  # not while the user is elsewhere already
            self.query_one("#export-run", Button).focus()  # Enter exports at once; Shift+Tab goes back to the choices

    @property
    def exporter(self) -> Exporter | None:
        value = self.query_one("#export-format", Select).value
        return self.exporters.get(value) if isinstance(value, str) else None

    async def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "export-format" or self.exporter is None:
            return
        event.stop()
        exporter = self.exporter
        container = self.query_one("#export-options", VerticalScroll)
        await container.remove_children()
        await container.mount_all([row(option_label(option), option_widget(option)) for option in exporter.options])
        self.query_one("#export-output", Input).value = sop_app(self).jail.display(
            default_output(self.document.path, exporter, sop_app(self).config.export_dir)
        )

    def on_descendant_focus(self, event) -> None:
        """Under the options: the whole help of the one with the focus, and its key for ``-O``."""
        name = (event.widget.id or "").removeprefix("option-")
        option = next((o for o in self.exporter.options if o.name == name), None) if self.exporter else None
        text = f"{option.help} (-O {option.name}=…)" if option else ""
        self.query_one("#export-hint", Static).update(plain(text))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-run":
            self.start()
        else:
            self.dismiss(None)

    def start(self) -> None:
        exporter = self.exporter
        error = self.query_one("#export-error", Static)
        if exporter is None:
            return
        try:
            options = {o.name: option_value(o, self.query_one(f"#option-{o.name}")) for o in exporter.options}
        except ValueError as problem:
            error.update(plain(t("tui.export.bad_option", reason=str(problem))))
            return
        try:
            output = sop_app(self).jail.check(self.query_one("#export-output", Input).value.strip())
        except OutsideRoot:
            error.update(t("tui.root.outside"))
            return
        if not output.parent.is_dir():
            error.update(plain(t("tui.export.no_folder", folder=sop_app(self).jail.display(output.parent))))
            return
        unsafe = self.unsafe_output(output)
        if unsafe:
            error.update(plain(unsafe))
            return
        error.update("")
        if output.exists():
            question = confirm(
                t("tui.safe.export_exists_title"),
                t("tui.safe.export_exists", path=sop_app(self).jail.display(output)),
                t("tui.safe.replace"),
            )
            self.app.push_screen(question, lambda a: self._run(exporter, options, output) if a == "yes" else None)
        else:
            self._run(exporter, options, output)

    def unsafe_output(self, output: Path) -> str | None:
        """Why the export must not write ``output`` (an SOP, the open file, a folder, read-only), or None."""
        shown = sop_app(self).jail.display(output)
        opened = self.document.path.resolve()
        if output.is_dir():
            return t("tui.safe.export_folder", path=shown)
        if output in (opened, recovery_path(opened)):
            return t("tui.safe.export_open", path=shown)
        if output.name.lower().endswith((".toml", ".recover")):
            return t("tui.safe.export_sop", path=shown)
        try:
            refuse_read_only(output)
        except ReadOnly:
            return t("tui.safe.export_read_only", path=shown)
        return None

    def _run(self, exporter: Exporter, options: dict[str, Any], output: Path) -> None:
        self.query_one("#export-progress").display = True
        self.query_one("#export-run", Button).disabled = True
        self.run_export(exporter, options, output)

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, exporter: Exporter, options: dict[str, Any], output: Path) -> None:
        """The exporter runs in a process of its own (batch.render_apart): one that hangs or crashes
        fails this export, never the editor, and quitting stops it (a thread could not be stopped,
        and the editor never exited after a plugin that never returned)."""
        from soptui.batch import Job, Target, render_apart
        from soptui.store import atomic_write, file_mode, render

        try:
            job = Job(self.document.path, (Target(exporter.name, output),), options={exporter.name: options},
                      data=render(self.sop, self.document.source))
            rendered = render_apart(job, cancelled=lambda: not (self.is_attached and self.app.is_running))
            if rendered is None:
                return  # the dialog was closed or the editor quit meanwhile
            if rendered.failures:
                self.app.call_from_thread(self._failed, rendered.failures[0][1])
                return
            _, data, pages = rendered.outputs[0]
            atomic_write(output, data, file_mode(output))
            if self.app.is_web:  # soptui serve: the user is at a browser, not at this machine
                self.app.call_from_thread(self.app.deliver_binary, io.BytesIO(data), save_filename=output.name)
        except Exception as problem:  # an exporter's refusal or bug, a full disk: say it, keep the editor
            self.app.call_from_thread(self._failed, f"{problem}" or type(problem).__name__)
            return
        self.app.call_from_thread(self._done, output, pages)

    def _failed(self, reason: str) -> None:
        self.query_one("#export-progress").display = False
        self.query_one("#export-run", Button).disabled = False
        self.query_one("#export-error", Static).update(plain(t("tui.export.failed", reason=reason)))

    def _done(self, output: Path, pages: int | None) -> None:
        name = sop_app(self).jail.display(output)
        message = t("tui.export.done_pages", path=name, pages=pages) if pages else t("tui.export.done", path=name)
        self.app.notify(message, timeout=8)
        self.dismiss(output)
