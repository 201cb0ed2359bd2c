"""Themes: the editor's colours and the printed documents' palette.

A theme file (TOML, docs/themes.md) has a ``name``, a ``description`` and a
``[tui]`` section (a Textual theme plus soptui's own ``[tui.variables]``,
e.g. the preview colour of each symbol kind), a ``[print]`` section (the
palette and font of the PDF and the slides), or both. Themes come, in this
order, from soptui's ``themes/`` folder, the user's config folder
(``<config>/themes/*.toml``) and plugins (``register_themes``); a later one
with the same name replaces an earlier one. A broken theme is reported once
and left out; it never stops the app.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from soptui.config import config_dir
from soptui.i18n import t
from soptui.small_files import Refused, read_text

#: Textual theme fields a ``[tui]`` section may set (``primary`` is required).
TUI_COLOURS = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel", "boost",
               "warning", "error", "success")
PRINT_COLOURS = ("ink", "muted", "line", "header_fill", "header_ink", "arrow", "label_fill", "lane_fill", "accent")
SYMBOL_COLOURS = ("stroke", "terminator", "proses", "keputusan", "connector")
DEFAULT_TUI_THEME = "gelap"
DEFAULT_PRINT_THEME = "resmi"

_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|ansi_[a-z_]+|[a-z]+)$")


@dataclass(frozen=True)
class PrintTheme:
    """The palette of a printed document: colours as ``#rrggbb``, one font."""

    name: str
    font: str
    ink: str
    muted: str
    line: str
    header_fill: str
    header_ink: str
    arrow: str
    label_fill: str
    lane_fill: str
    accent: str
    symbol: dict[str, str]


@dataclass(frozen=True)
class Theme:
    """One theme as read: where it came from and what it holds."""

    name: str
    description: str
    origin: str  # "builtin", "user" or "plugin:<name>"
    path: Path | None = None
    tui: dict[str, Any] | None = None  # Textual Theme keyword arguments, ``variables`` included
    print: PrintTheme | None = None


@dataclass
class ThemeSet:
    themes: dict[str, Theme] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def tui_themes(self) -> list[Theme]:
        return [theme for theme in self.themes.values() if theme.tui is not None]

    def print_theme(self, name: str | None) -> PrintTheme:
        """The print theme ``name``; the official one when it is unknown."""
        theme = self.themes.get(name or DEFAULT_PRINT_THEME)
        if theme is None or theme.print is None:
            theme = self.themes[DEFAULT_PRINT_THEME]
        assert theme.print is not None
        return theme.print


@cache
def builtin_theme_dir() -> Path:
    """``themes/`` of the source tree, or its copy inside an installed wheel."""
    here = Path(__file__).resolve().parent
    installed = here / "themes"
    return installed if installed.is_dir() else here.parent / "themes"


def load_themes(plugin_themes: dict[str, tuple[object, str]] | None = None) -> ThemeSet:
    """Every theme: built-in, then the user's, then the plugins' (name -> (source, plugin))."""
    result = ThemeSet()
    for origin, folder in (("builtin", builtin_theme_dir()), ("user", config_dir() / "themes")):
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
            _add(result, path.stem, path, origin)
    for name, (source, plugin) in sorted((plugin_themes or {}).items()):
        _add(result, name, source, f"plugin:{plugin}")
    return result


def _add(result: ThemeSet, name: str, source: object, origin: str) -> None:
    where = str(source) if isinstance(source, Path) else f"{origin} ({name})"
    try:
        data = _read(source)
        theme = _theme(data, name, origin, source if isinstance(source, Path) else None)
    except ValueError as problem:
        result.problems.append(t("themes.broken", where=where, reason=str(problem)))
        return
    result.themes[theme.name] = theme


def _read(source: object) -> dict[str, Any]:
    if isinstance(source, dict):
        return source
    try:
        return _parsed(read_text(Path(source)))  # type: ignore[arg-type]
    except Refused as refused:  # a FIFO among the themes would hold up every start
        raise ValueError(t(f"files.{refused.kind}", size=refused.size, limit=refused.limit)) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ValueError(str(error)) from None


@lru_cache(maxsize=64)
def _parsed(text: str) -> dict[str, Any]:
    """A theme file's TOML, parsed once per process for each text: every PDF of a
    batch asks for every theme, and the file is still read each time, so an edit shows."""
    return tomllib.loads(text)


def _theme(data: dict[str, Any], fallback: str, origin: str, path: Path | None) -> Theme:
    name = data.get("name", fallback)
    if not isinstance(name, str) or not name:
        raise ValueError(t("themes.no_name"))
    if "tui" not in data and "print" not in data:
        raise ValueError(t("themes.empty"))
    return Theme(
        name=name,
        description=str(data.get("description", name)),
        origin=origin,
        path=path,
        tui=_tui(data["tui"], name) if "tui" in data else None,
        print=_print(data["print"], name) if "print" in data else None,
    )


def _tui(section: Any, name: str) -> dict[str, Any]:
    section = _table(section, "tui")
    if "primary" not in section:
        raise ValueError(t("themes.missing", key="tui.primary"))
    values: dict[str, Any] = {"name": name, "dark": bool(section.get("dark", True))}
    for key in TUI_COLOURS:
        if key in section:
            values[key] = _colour(section[key], f"tui.{key}")
    variables = _table(section.get("variables", {}), "tui.variables")
    values["variables"] = {key: _colour(value, f"tui.variables.{key}") for key, value in variables.items()}
    unknown = set(section) - set(TUI_COLOURS) - {"dark", "variables"}
    if unknown:
        raise ValueError(t("themes.unknown", keys=", ".join(sorted(unknown))))
    return values


def _print(section: Any, name: str) -> PrintTheme:
    section = _table(section, "print")
    symbol = _table(section.get("symbol", {}), "print.symbol")
    missing = [f"print.{key}" for key in PRINT_COLOURS if key not in section]
    missing += [f"print.symbol.{key}" for key in SYMBOL_COLOURS if key not in symbol]
    if missing:
        raise ValueError(t("themes.missing", key=", ".join(missing)))
    return PrintTheme(
        name=name,
        font=str(section.get("font", "DejaVu Sans")),
        **{key: _colour(section[key], f"print.{key}", hex_only=True) for key in PRINT_COLOURS},
        symbol={key: _colour(symbol[key], f"print.symbol.{key}", hex_only=True) for key in SYMBOL_COLOURS},
    )


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(t("themes.not_table", key=where))
    return value


def _colour(value: Any, where: str, hex_only: bool = False) -> str:
    if not isinstance(value, str) or not _COLOUR.match(value) or (hex_only and not value.startswith("#")):
        raise ValueError(t("themes.bad_colour", key=where, value=repr(value), ansi="" if hex_only else ", ansi_red ..."))
    return value


def all_themes() -> ThemeSet:
    """Every theme, the plugins' included (loads the plugins)."""
    from soptui.plugins import get_plugins

    registered = get_plugins(quiet=True).themes
    return load_themes({name: (theme.source, theme.plugin) for name, theme in registered.items()})


def print_themes() -> dict[str, PrintTheme]:
    """Every theme that can print, by name: what a print exporter's ``theme`` option chooses from."""
    return {name: theme.print for name, theme in all_themes().themes.items() if theme.print is not None}
