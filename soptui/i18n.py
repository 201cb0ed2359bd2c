"""Every string the user reads, in Bahasa Indonesia and English.

The texts live in one catalogue, ``soptui/locale/<lang>/*.toml``: one folder
per language, one file per part of the program (``core``, ``tui``,
``export``...), the same keys in both languages (a test keeps them complete). Bahasa Indonesia is
the default; ``--lang en``, ``SOPTUI_LANG`` or the config choose English.
Placeholders use ``str.format`` names: ``{field}``, ``{value}``. A count
that needs a plural takes its forms after a colon, ``{files:# file|# files}``
(``#`` is the number): the language's plural rule picks one (English: the
first for 1, else the second; Bahasa Indonesia has one form, ``{files:# berkas}``
or simply ``{files} berkas``).
Plugins add their own texts the same way (``register_messages``, docs/plugins.md).
Why a TOML catalogue and not gettext for these texts: docs/language.md.
"""

from __future__ import annotations

import os
import string
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from soptui.settings import read_config
from soptui.text_cache import read_toml

LANGUAGES: tuple[str, ...] = ("id", "en")
DEFAULT_LANGUAGE = "id"
_LOCALE_DIR = Path(__file__).parent / "locale"
_current: str | None = None  # not chosen yet: ask the config (which reads SOPTUI_LANG)
_added: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}  # plugins' texts, by language
_owners: dict[str, str] = {}  # which plugin added each key

#: Which plural form a count takes, by language: the index into ``{n:form|form}``.
PLURAL_RULES: dict[str, Callable[[int], int]] = {"id": lambda n: 0, "en": lambda n: 0 if n == 1 else 1}


def set_language(lang: str) -> None:
    """Make ``lang`` the language of every text that follows."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


@contextmanager
def language_scope() -> Iterator[None]:
    """Whatever language is chosen inside, the one chosen before is back after
    (one command-line invocation inside a longer process: tests, the editor)."""
    global _current
    before = _current
    try:
        yield
    finally:
        _current = before


def get_language() -> str:
    """The language in use: ``--lang``, else ``SOPTUI_LANG``, else the config, else ``id``."""
    global _current
    if _current is None:
        _current = read_config()[0].lang
    return _current


@cache
def core_catalogue(lang: str) -> dict[str, str]:
    """soptui's own texts of one language, with dotted keys (``rule.S001``)."""
    return read_catalogue(_LOCALE_DIR / lang)


def catalogue(lang: str) -> dict[str, str]:
    """Every text of one language: soptui's own and those the plugins added."""
    return {**core_catalogue(lang), **_added[lang]} if _added[lang] else core_catalogue(lang)


def read_catalogue(folder: Path) -> dict[str, str]:
    """The texts of the ``*.toml`` files of one language's folder, keys dotted."""
    texts: dict[str, str] = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".toml"):
            texts.update(_flatten(read_toml(folder / name)))  # parsed at most once, then kept
    return texts


def add_messages(owner: str, texts: Mapping[str, Mapping[str, Any]]) -> None:
    """Add a plugin's texts (``{"id": {...}, "en": {...}}``, nested tables allowed).

    A key soptui or another plugin already has is refused with ``ValueError``
    naming the owner, and nothing of ``texts`` is added.
    """
    flat = {lang: dict(_flatten(dict(table))) for lang, table in texts.items()}
    unknown = sorted(set(flat) - set(LANGUAGES))
    if unknown:
        raise ValueError(t("i18n.unknown_language", languages=", ".join(unknown), known=", ".join(LANGUAGES)))
    for lang, table in flat.items():
        for key, text in table.items():
            if not isinstance(text, str):
                raise ValueError(t("i18n.not_text", key=key, lang=lang))
            # soptui's languages have the same keys (a test keeps them so): asking the default's
            # spares reading a catalogue that no text of this run may need
            taken = "soptui" if key in core_catalogue(DEFAULT_LANGUAGE) else _owners.get(key)
            if taken is not None and taken != owner:
                raise ValueError(t("i18n.key_taken", key=key, owner=taken))
    for lang, table in flat.items():
        _added[lang].update(table)
        _owners.update(dict.fromkeys(table, owner))


def remove_messages(owner: str | None = None) -> None:
    """Forget what ``owner`` added (a plugin skipped after registering), or what every plugin added."""
    for key in [key for key, who in _owners.items() if owner is None or who == owner]:
        del _owners[key]
        for table in _added.values():
            table.pop(key, None)


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """The text for ``key`` in ``lang`` (default: the current language);
    a key no catalogue has is returned as it is."""
    lang = lang or get_language()
    text = _text(lang, key)
    if text is None:
        text = _text(DEFAULT_LANGUAGE, key)
    if text is None:
        text = key
    if not params:
        return text
    return _Formatter(lang).format(text, **params) if "#" in text else text.format(**params)


def _text(lang: str, key: str) -> str | None:
    """:func:`catalogue`'s entry, without merging the plugins' texts into soptui's at each call."""
    added = _added[lang].get(key)
    return added if added is not None else core_catalogue(lang).get(key)


class _Formatter(string.Formatter):
    """``str.format`` plus plural forms: ``{count:# step|# steps}``."""

    def __init__(self, lang: str) -> None:
        self.plural = PLURAL_RULES[lang]

    def format_field(self, value: Any, format_spec: str) -> str:
        if "#" in format_spec and ("|" in format_spec or " " in format_spec):
            forms = format_spec.split("|")
            if not isinstance(value, int) or isinstance(value, bool):  # a caller's slip must not lose the message
                return forms[-1].replace("#", str(value))
            return forms[min(self.plural(value), len(forms) - 1)].replace("#", str(value))
        return super().format_field(value, format_spec)


def _flatten(table: dict, prefix: str = ""):
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value
