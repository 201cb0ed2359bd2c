"""The application: picks the first screen and holds what every screen shares.

``soptui PATH`` opens the library for a folder and the editor for a file.
Under ``--root`` every path goes through the :class:`~soptui.tui.paths.Jail`,
the palette offers no screenshot (it would write outside the root) and
there is no suspend key, so a forced SSH command gives no way out.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable
from dataclasses import replace
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from soptui.i18n import get_language, t
from soptui.terminal import visible
from soptui.themes import ThemeSet, load_themes
from soptui.tui.paths import Jail, OutsideRoot
from soptui.tui.theming import every_theme, initial_theme, register_themes


class CannotStart(Exception):
    """The path given on the command line cannot be opened; the message says why."""


def start_target(jail: Jail, start: Path) -> Path:
    """The folder or file to open first: inside the root, and existing (or a new ``.toml``)."""
    try:
        target = jail.check(start)
    except OutsideRoot as error:
        raise CannotStart(t("tui.root.refused", path=str(start), root=str(error.root))) from None
    if not (target.exists() or target.suffix == ".toml"):
        raise CannotStart(t("tui.app.no_such_path", path=str(start)))
    return target


def library_screen(folder: Path) -> Screen:
    from soptui.tui.screens.library import LibraryScreen

    return LibraryScreen(folder)


def other_language() -> str:
    """The interface language the palette offers: the one not in use."""
    return "en" if get_language() == "id" else "id"


class SopApp(App[None]):
    """soptui: the SOP AP editor."""

    CSS_PATH = "app.tcss"
    TITLE = "soptui"
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide"), (150, "-huge")]
    BINDINGS = [
        Binding("f1", "help", t("tui.key.help"), id="help"),
        Binding("ctrl+q", "quit", t("tui.key.quit"), priority=True, id="quit"),
        Binding("ctrl+p", "command_palette", t("tui.key.palette"), show=False, priority=True, id="palette"),
        # the next field before the next key is read (Textual's own Tab acts only once the key went up)
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    def __init__(self, start: Path, jail: Jail | None = None) -> None:
        from soptui.config import load_config
        from soptui.confine import confine

        super().__init__()
        self.jail = jail or Jail(Path.cwd())
        confine(self.jail)  # for the whole process: saves, recovery, exports, the logo
        self.start = start
        self.config, self.config_problems = load_config()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        from soptui.tui.theming import variable_defaults

        return variable_defaults(self.current_theme)

    def on_mount(self) -> None:
        themes = load_themes()  # built-in and the user's: the plugins' follow (see theming.py)
        if self.config.theme in {theme.name for theme in themes.tui_themes()}:
            register_themes(self, themes)
            self._start_theme()
            self.run_worker(lambda: self.call_from_thread(self._add_themes, every_theme(), themes),
                            thread=True, exit_on_error=False)
        else:  # a plugin's theme, or an unknown one: the plugins decide which it is
            self._add_themes(every_theme(), starting=True)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        try:
            target = start_target(self.jail, self.start)
        except CannotStart as error:
            self.exit(return_code=2, message=str(error))
            return
        if target.is_dir():
            self.push_screen(library_screen(target))
        else:
            self.open_sop(target)  # the library of its folder comes on close (F10), not before
            if len(self.screen_stack) == 1:  # it could not be opened: the notice shows over the library
                self.push_screen(library_screen(target.parent))

    def _start_theme(self) -> list[str]:
        """Apply the config's theme (the default when it is unknown); why it fell back, if it did."""
        self.theme, unknown = initial_theme(self, self.config.theme)
        self.config = replace(self.config, theme=self.theme)  # a fallback is not a choice to save
        return unknown

    def _add_themes(self, themes: ThemeSet, before: ThemeSet | None = None, starting: bool = False) -> None:
        """Register the themes not in ``before``, and show every problem met at start in one notice."""
        problems = self.config_problems + register_themes(self, themes, before)
        if starting:
            problems += self._start_theme()
        if problems:  # once, together: one notice to read, not a stack
            self.notify("\n".join(problems), severity="warning", timeout=15)

    def _remember_theme(self, theme) -> None:
        """Keep the theme picked in the palette for the next start."""
        from soptui.config import save_setting

        if theme.name != self.config.theme:
            self.config = replace(self.config, theme=theme.name)
            try:
                save_setting("theme", theme.name)
            except OSError as error:  # outside --root, a full disk: the theme holds for this session
                self.notify(t("tui.theme.not_saved", name=theme.name, reason=error.strerror or str(error)),
                            severity="warning", timeout=10)

    def open_sop(self, path: Path, create: bool = False, nama: str | None = None) -> Awaitable[object] | None:
        """Open the editor on ``path`` (a new file from the template, named ``nama``, when ``create``)."""
        from soptui.tui.document import CannotOpen, Document
        from soptui.tui.screens.editor import EditorScreen

        document: Document | None
        try:
            path = self.jail.check(path)
            document = Document.create(path, nama) if create or not path.exists() else Document.open(path)
        except OutsideRoot as error:
            self.notify(t("tui.root.refused", path=str(error.path), root=str(error.root)), severity="error")
            return None
        except CannotOpen as error:
            document = Document.from_recovery(path, error.loaded)  # unsaved work is never out of reach
            if document is None:
                self.notify(t("tui.app.cannot_open", reason=str(error)), severity="error", timeout=10)
                return None
            shown = self.jail.display(path)
            self.notify(t("tui.safe.from_recovery", path=shown, reason=str(error)), severity="warning", timeout=15)
        return self.push_screen(EditorScreen(document))  # awaited, the editor is mounted

    def action_switch_language(self) -> None:
        """Keep the other interface language for the next start (texts are fixed at start)."""
        from soptui.config import save_setting

        lang = other_language()
        try:
            save_setting("lang", lang)
        except OSError as error:  # outside --root, a full disk
            self.notify(t("tui.language.not_saved", reason=error.strerror or str(error)), severity="warning", timeout=10)
            return
        self.notify(t("tui.language.saved", lang), timeout=10)

    def action_help(self) -> None:
        from soptui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        from soptui.tui.screens.editor import EditorScreen
        from soptui.tui.text import after_typing

        await after_typing(self.screen)  # what was typed before Ctrl+Q counts as unsaved

        dirty = [s for s in self.screen_stack if isinstance(s, EditorScreen) and s.unsaved]
        if not dirty:
            self.exit()
            return
        dirty[-1].ask_before_leaving(self.exit)

    def notify(self, message: str, *, markup: bool = False, **options) -> None:
        """Every toast shows its text as written: names and paths in it are never markup."""
        super().notify(visible(str(message), keep="\n"), markup=False, **options)

    def action_command_palette(self) -> None:
        from soptui.tui.textual_texts import Palette

        if self.use_command_palette and not Palette.is_open(self):  # type: ignore[arg-type]  # Textual asks App[object]
            self.push_screen(Palette())

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from soptui.tui.textual_texts import Palette

        self.push_screen(Palette([ThemeProvider], t("tui.textual.theme_search")))

    def action_help_quit(self) -> None:
        """Ctrl+C copies in a field; say how to quit, in the interface language."""
        self.notify(t("tui.textual.quit_hint"), title=t("tui.key.quit"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from soptui.tui.textual_texts import system_commands

        yield from system_commands(super().get_system_commands(screen))
        yield SystemCommand(t("tui.key.help"), t("tui.palette.help"), self.action_help)
        yield SystemCommand(t("tui.key.quit"), t("tui.palette.quit"), self.action_quit)
        other = other_language()
        yield SystemCommand(t("tui.language.switch", other), t("tui.language.switch_help", other), self.action_switch_language)
        yield from getattr(screen, "palette_commands", lambda: ())()
