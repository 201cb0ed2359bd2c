"""The library: every SOP of a folder, filtered as you type.

Files are loaded and checked in a worker thread, a batch of rows at a time,
so a folder of hundreds of SOPs shows its first rows at once and the
filter stays usable while the rest arrive. The filter box keeps the focus:
typing filters, the arrow keys move through the table, Enter opens.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from soptui.i18n import t
from soptui.library import copy_file, move_to_trash, rename_file
from soptui.tui.dialogs import PromptDialog, confirm
from soptui.tui.host import sop_app
from soptui.tui.paths import OutsideRoot
from soptui.tui.text import TextInput, plain
from soptui.tui.widgets.columns import Column, FittedTable
from soptui.tui.widgets.footer import KeyFooter
from soptui.tui.widgets.form import row_index

SUFFIX = ".sop.toml"
#: The table's columns: (key, widest, rank); Nama SOP takes the room the others leave.
COLUMNS = (("nomor", 28, 0), ("nama", 28, 1), ("unit", 30, 5), ("steps", 8, 4), ("errors", 8, 2),
           ("warnings", 10, 3), ("changed", 16, 6))


@dataclass(frozen=True)
class Entry:
    """One row of the library."""

    path: Path
    nomor: str
    nama: str
    unit: str
    steps: int
    errors: int
    warnings: int
    changed: str

    def cells(self) -> tuple[str, ...]:
        """The row's texts, in the order of ``COLUMNS``."""
        return (
            self.nomor,
            self.nama,
            self.unit,
            str(self.steps),
            str(self.errors) if self.errors else "-",
            str(self.warnings) if self.warnings else "-",
            self.changed,
        )

    def matches(self, words: list[str]) -> bool:
        text = f"{self.nomor} {self.nama} {self.unit} {self.path.name}".lower()
        return all(word in text for word in words)


def read_entry(path: Path) -> Entry:
    """Load and check one file for its row (runs in the worker thread)."""
    from soptui.checks import check_loaded
    from soptui.loader import load

    loaded = load(path)
    findings = check_loaded(loaded)
    errors = sum(f.severity == "error" for f in findings)
    try:
        changed = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        changed = ""
    sop = loaded.sop
    if sop is None:
        return Entry(path, "", t("tui.library.unreadable"), "", 0, errors, len(findings) - errors, changed)
    identity = sop.identitas
    unit = identity.instansi[-1] if identity.instansi else ""
    return Entry(path, identity.nomor, identity.nama, unit, len(sop.langkah), errors, len(findings) - errors, changed)


def sop_file_name(name: str) -> str:
    """What the user typed, made a file name that needs no quoting in a shell.

    ``Surat Keluar`` -> ``surat-keluar.sop.toml``; a name ending in ``.toml``
    is kept but for its spaces (``surat keluar.toml`` -> ``surat-keluar.toml``);
    a folder typed before the name stays (``arsip/surat``)."""
    folder, _, base = name.strip().rpartition("/")
    if base.endswith(".toml"):
        base = re.sub(r"\s+", "-", base)
    else:
        base = (re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-") or "sop") + SUFFIX
    return f"{folder}/{base}" if folder else base


class LibraryScreen(Screen):
    """The SOP files under one folder."""

    BINDINGS = [
        # the editor is there before the next key is read: Enter then F2 and a name, typed fast, went to the filter
        Binding("enter", "open", t("tui.key.open"), priority=True, id="open"),
        Binding("ctrl+n", "new", t("tui.key.new"), priority=True, id="new"),
        Binding("f2", "rename", t("tui.key.rename"), id="rename"),
        Binding("f3", "duplicate", t("tui.key.duplicate"), id="duplicate"),
        Binding("f8", "delete", t("tui.key.delete"), id="delete"),
        Binding("f5", "reload", t("tui.key.reload"), show=False, id="reload"),
        Binding("down", "cursor(1)", show=False),
        Binding("up", "cursor(-1)", show=False),
        Binding("pagedown", "cursor(10)", show=False),
        Binding("pageup", "cursor(-10)", show=False),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        self.reading = True  # the folder is still being read (not "loading": that is Textual's spinner)

    def compose(self) -> ComposeResult:
        shown = sop_app(self).jail.display(self.folder)
        shown = self.folder.name if shown == "." else shown
        yield Static(plain(t("tui.library.title", folder=shown)), id="library-title", classes="title-bar")
        yield TextInput(placeholder=t("tui.library.filter"), id="library-filter")
        columns = [Column(key, t(f"tui.library.col.{key}"), width, rank, key == "nama") for key, width, rank in COLUMNS]
        yield FittedTable(columns, id="library-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="library-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#library-filter").focus()
        self.action_reload()

    def action_reload(self) -> None:
        self.entries = []
        self.reading = True  # the folder is still being read (not "loading": that is Textual's spinner)
        self.query_one("#library-status", Static).update(t("tui.library.loading"))
        self.load_entries()

    @work(thread=True, exclusive=True, group="library")
    def load_entries(self) -> None:
        from soptui.library import find_sop_files

        batch: list[Entry] = []
        for path, _ in find_sop_files([self.folder]):
            try:
                sop_app(self).jail.check(path)
            except OutsideRoot:
                continue  # a symlink out of --root: not even read
            batch.append(read_entry(path))
            if len(batch) >= 20:
                self.app.call_from_thread(self.add_entries, batch, False)
                batch = []
        self.app.call_from_thread(self.add_entries, batch, True)

    def add_entries(self, entries: list[Entry], done: bool) -> None:
        self.entries.extend(entries)
        self.reading = not done
        self.refilter()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refilter()

    def refilter(self, select: Path | None = None) -> None:
        table = self.query_one("#library-table", FittedTable)
        current = select or (self.selected.path if self.selected else None)
        words = self.query_one("#library-filter", Input).value.lower().split()
        self.shown = [entry for entry in self.entries if entry.matches(words)]
        table.set_rows([entry.cells() for entry in self.shown], [str(entry.path) for entry in self.shown])
        self._show_count()
        if current is not None:
            for index, entry in enumerate(self.shown):
                if entry.path == current:
                    table.move_cursor(row=index)

    def _show_count(self) -> None:
        """How many files there are, and how many the filter shows."""
        if self.reading:
            status = t("tui.library.loading")
        elif len(self.shown) == len(self.entries):
            status = t("tui.library.count", count=len(self.entries))
        else:
            status = t("tui.library.count_filtered", shown=len(self.shown), count=len(self.entries))
        self.query_one("#library-status", Static).update(status)

    @property
    def selected(self) -> Entry | None:
        table = self.query_one("#library-table", FittedTable)
        index = row_index(table, len(self.shown))
        return None if index is None else self.shown[index]

    def action_cursor(self, delta: int) -> None:
        table = self.query_one("#library-table", FittedTable)
        table.move_cursor(row=max(0, table.cursor_row + delta))

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "library-filter":
            event.stop()
            await self.action_open()

    async def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        await self.action_open()

    async def action_open(self) -> None:
        if self.selected:
            opened = sop_app(self).open_sop(self.selected.path)
            if opened is not None:
                await opened  # mounted before the next key is read

    def on_screen_resume(self) -> None:
        """Back from the editor: the file may have changed, so read it again."""
        if self.entries:
            self.action_reload()

    def _ask_name(self, title: str, value: str, then, folder: Path | None = None, placeholder: str = "") -> None:
        folder = folder or self.folder

        def check(name: str) -> str | None:
            if not name:
                return t("tui.library.name_empty")
            try:
                target = sop_app(self).jail.check(folder / sop_file_name(name))
            except OutsideRoot:
                return t("tui.root.outside")
            if target.exists():
                return t("tui.library.exists", name=sop_file_name(name))
            if not target.parent.is_dir():
                return t("tui.safe.no_folder", folder=sop_app(self).jail.display(target.parent))
            return None

        def done(name: str | None) -> None:
            if name:
                then(sop_app(self).jail.check(folder / sop_file_name(name)), name)

        def hint(name: str) -> str:
            return t("tui.library.file_hint", name=sop_file_name(name)) if name.strip() else ""

        dialog = PromptDialog(title, value, check, placeholder=placeholder or "surat-keluar.sop.toml", hint=hint)
        self.app.push_screen(dialog, done)

    def _file_operation(self, operation, *arguments) -> bool:
        """Run a rename, copy or move to .trash; a failure (the folder went away, no permission, outside --root) is a message."""
        try:
            operation(*arguments)
        except OSError as error:
            self.notify(t("tui.safe.file_failed", reason=error.strerror or str(error)), severity="error", timeout=10)
            return False
        return True

    def action_new(self) -> None:
        def create(path: Path, typed: str) -> None:
            nama = None if typed.strip().endswith(".toml") else typed.strip()  # an SOP name, not a file name
            sop_app(self).open_sop(path, create=True, nama=nama)

        self._ask_name(t("tui.library.new_title"), "", create, placeholder=t("tui.library.new_placeholder"))

    def action_duplicate(self) -> None:
        entry = self.selected
        if entry is None:
            return

        def copy(target: Path, _typed: str) -> None:
            if not self._file_operation(copy_file, entry.path, target):
                return
            self.notify(t("tui.library.duplicated", name=target.name))
            self.entries.append(read_entry(target))
            self.refilter(select=target)

        self._ask_name(
            t("tui.library.duplicate_title", name=entry.path.name), _copy_name(entry.path.name), copy, entry.path.parent
        )

    def action_rename(self) -> None:
        entry = self.selected
        if entry is None:
            return

        def rename(target: Path, _typed: str) -> None:
            if not self._file_operation(rename_file, entry.path, target):
                return
            self.notify(t("tui.library.renamed", name=target.name))
            self.action_reload()

        self._ask_name(t("tui.library.rename_title", name=entry.path.name), entry.path.name, rename, entry.path.parent)

    def action_delete(self) -> None:
        entry = self.selected
        if entry is None:
            return

        def delete(answer: str | None) -> None:
            if answer != "yes":
                return
            if not self._file_operation(move_to_trash, entry.path, self.folder):
                return
            self.notify(t("tui.library.deleted", name=entry.path.name))
            self.entries.remove(entry)
            self.refilter()

        message = t("tui.library.delete_message", name=entry.path.name, nama=entry.nama)
        self.app.push_screen(confirm(t("tui.library.delete_title"), message, t("tui.key.delete")), delete)

    def palette_commands(self):
        from textual.app import SystemCommand

        for action in ("new", "rename", "duplicate", "delete", "reload"):
            yield SystemCommand(
                t(f"tui.key.{action}"), t(f"tui.palette.library.{action}"), getattr(self, f"action_{action}")
            )


def _copy_name(name: str) -> str:
    stem = name.removesuffix(SUFFIX).removesuffix(".toml")
    return f"{stem}-salinan{SUFFIX}"
