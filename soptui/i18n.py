"""Every string the user reads, in Bahasa Indonesia and English.

The texts live in one catalogue, ``soptui/locale/<lang>/*.toml``: one folder
per language, one file per part of the program (``core``, ``tui``,
``export``...), the same keys in both languages (a test keeps them complete). Bahasa Indonesia is
the default; ``--lang en``, ``SOPTUI_LANG`` or the config choose English.
Placeholders use ``str.format`` names: ``{field}``, ``{value}``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("id", "en")
DEFAULT_LANGUAGE = "id"
_LOCALE_DIR = Path(__file__).parent / "locale"
_current: str | None = None  # not chosen yet: ask the config (which reads SOPTUI_LANG)


def set_language(lang: str) -> None:
    """Make ``lang`` the language of every text that follows."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def get_language() -> str:
    """The language in use: ``--lang``, else ``SOPTUI_LANG``, else the config, else ``id``."""
    global _current
    if _current is None:
        from soptui.config import load_config

        _current = DEFAULT_LANGUAGE  # the config's own problems are worded in the default
        _current = load_config()[0].lang
    return _current


@cache
def catalogue(lang: str) -> dict[str, str]:
    """All texts of one language, with dotted keys (``rule.S001``)."""
    texts: dict[str, str] = {}
    for part in sorted((_LOCALE_DIR / lang).glob("*.toml")):
        with open(part, "rb") as handle:
            texts.update(_flatten(tomllib.load(handle)))
    return texts


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """The text for ``key`` in ``lang`` (default: the current language)."""
    text = catalogue(lang or get_language()).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANGUAGE).get(key, key)
    return text.format(**params) if params else text


def _flatten(table: dict, prefix: str = ""):
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value
