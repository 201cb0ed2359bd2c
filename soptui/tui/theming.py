"""The editor's themes: soptui's theme files as Textual themes, and the choice kept.

Every theme with a ``[tui]`` section (built-in, the user's, the plugins')
is registered with Textual, so its own theme picker in the command palette
lists them. The theme named in the config is applied at start; an unknown
one falls back to ``gelap``. A theme Textual cannot build is reported like a
broken file. Problems are returned as messages: the app shows them once.

Loading the plugins costs about as much as drawing the first screen, so
the editor starts with the built-in and user themes and registers the
plugins' from a worker thread (:func:`every_theme`), unless the config
names a theme only a plugin can give.
"""

from __future__ import annotations

import threading

from textual.app import App
from textual.color import Color
from textual.theme import Theme as TextualTheme

from soptui.i18n import t
from soptui.themes import DEFAULT_TUI_THEME, Theme, ThemeSet, all_themes

_PLUGINS = threading.Lock()


def plugins_once() -> None:
    """Load the plugins once, quietly (a warning on stderr would write over the screen), in
    whichever worker thread asks first: the themes' or the checker's (see :func:`every_theme`)."""
    from soptui.plugins import get_plugins

    with _PLUGINS:
        get_plugins(quiet=True)


def every_theme() -> ThemeSet:
    """Every theme, the plugins' included."""
    plugins_once()
    return all_themes()


#: Where each ``sop-*`` variable comes from when a theme does not set it
#: (Textual's own themes): a colour of the theme's colour system.
VARIABLE_FALLBACKS = {
    "sop-terminator": "success",
    "sop-proses": "primary",
    "sop-keputusan": "warning",
    "sop-connector": "secondary",
    "sop-edge": "foreground",
    "sop-label": "accent",
}


def textual_theme(theme: Theme) -> TextualTheme:
    """The Textual theme of a soptui theme.

    ``ansi_*`` colours (the ``kontras`` theme) are kept as Textual reads them;
    on a 16-colour terminal every colour is reduced to the nearest of the 16.
    """
    assert theme.tui is not None
    return TextualTheme(**theme.tui)


def register_themes(app: App, themes: ThemeSet, before: ThemeSet | None = None) -> list[str]:
    """Register the TUI themes of ``themes`` (those not already in ``before``) with ``app``; the
    problems found, as messages."""
    problems = list(themes.problems)
    for theme in themes.tui_themes():
        if before is not None and before.themes.get(theme.name) == theme:
            continue
        try:
            app.register_theme(textual_theme(theme))
        except Exception as error:  # a colour the theme loader accepts but Textual cannot parse
            where = str(theme.path) if theme.path else theme.origin
            problems.append(t("themes.broken", where=where, reason=str(error)))
    return problems


def initial_theme(app: App, wanted: str) -> tuple[str, list[str]]:
    """The theme to start with: ``wanted`` when registered, else the default (and why)."""
    if wanted in app.available_themes:
        return wanted, []
    return DEFAULT_TUI_THEME, [t("tui.theme.unknown", name=wanted, default=DEFAULT_TUI_THEME)]


def variable_defaults(theme: TextualTheme) -> dict[str, str]:
    """Values of the ``sop-*`` variables for a theme that does not set them.

    The preview's grid and text need solid colours: Textual's ``$text`` is
    "auto", which a pre-styled drawing cannot resolve against its background
    (it came out white on the light themes).
    """
    system = theme.to_color_system().generate()
    defaults = {name: system[source] for name, source in VARIABLE_FALLBACKS.items()}
    defaults["sop-grid"] = _muted(system["foreground"], system["background"])
    return defaults


def _muted(foreground: str, background: str) -> str:
    """The foreground 60 % of the way from the background; ANSI colours stay as they are."""
    fore, back = Color.parse(foreground), Color.parse(background)
    if fore.ansi is not None or back.ansi is not None:
        return foreground
    return back.blend(fore, 0.6).hex
