"""One language at a time on the command line: help texts and click's own words.

soptui's messages come from its TOML catalogue (:mod:`soptui.i18n`). Two
kinds of text do not: the help of commands and options, written in Bahasa
Indonesia beside the code, and click's own words (``Usage:``, ``Options``,
``[default: ...]``, its error messages). Both go through gettext, which is
how click itself is translated: ``locale/en/LC_MESSAGES/soptui.po`` gives the
help in English, ``locale/id/LC_MESSAGES/soptui.po`` gives click's words in
Bahasa Indonesia. ``tools/messages.py`` extracts and compiles them with
babel; docs/language.md says why the two mechanisms.
"""

from __future__ import annotations

import gettext
import inspect
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

DOMAIN = "soptui"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


@contextmanager
def speaking(lang: str, command: click.Command) -> Iterator[None]:
    """Every help text of ``command`` and click's words in ``lang``, for one invocation.

    click asks gettext's global domain, which reads the language from the
    environment (``LANGUAGE``), so both are set here and restored after.
    """
    global _active
    previous, _active = _active, gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True).gettext
    translate(command, _active)
    domain, variable = gettext.textdomain(), os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        _active = previous
        gettext.textdomain(domain)
        if variable is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = variable


_active: Callable[[str], str] | None = None  # the translation of the invocation under way


def translate_now(command: click.Command) -> None:
    """Translate a command loaded during an invocation (the CLI imports each when asked for)."""
    if _active is not None:
        translate(command, _active)


#: The type names click shows as an option's placeholder (``--output FILE``).
TYPE_WORDS = {click.types.StringParamType: "text", click.types.IntParamType: "integer",
              click.types.FloatParamType: "float", click.types.IntRange: "integer range"}


def translate(command: click.Command, text: Callable[[str], str]) -> None:
    """Put the words of ``command``, its options and its subcommands through
    ``text``: help, placeholders, ``[OPTIONS]``. The source is kept, so each
    invocation translates from it."""
    for item, attribute, source in _words(command):
        item.__dict__.setdefault(f"_soptui_{attribute}", source)
        setattr(item, attribute, text(source) if source else source)


def help_texts(command: click.Command) -> list[str]:
    """Every help text and placeholder of ``command`` and below, as written (the msgids)."""
    return list(dict.fromkeys(source for _, _, source in _words(command, loaded_only=False)
                              if source and source not in click_words()))


def click_words() -> tuple[str, ...]:
    """click's words that soptui puts through gettext itself (click does not mark them)."""
    return ("[OPTIONS]", *(word.upper() for word in ("file", "directory", "path", *TYPE_WORDS.values())))


def _words(command: click.Command, loaded_only: bool = True) -> Iterator[tuple[object, str, str | None]]:
    """(object, attribute, source text) for every word shown in ``command``'s help."""
    for item in _everything(command, loaded_only):
        help_source = item.__dict__.get("_soptui_help", item.help)
        yield item, "help", inspect.cleandoc(help_source) if help_source else help_source
        if isinstance(item, click.Command):
            yield item, "options_metavar", item.__dict__.get("_soptui_options_metavar", item.options_metavar)
        elif isinstance(item, click.Option) and not item.is_flag:
            yield item, "metavar", item.__dict__.get("_soptui_metavar", item.metavar) or _type_word(item)


def _type_word(option: click.Option) -> str | None:
    if isinstance(option.type, click.Path):
        return option.type.name.upper()  # FILE, DIRECTORY, PATH
    word = next((word for kind, word in TYPE_WORDS.items() if type(option.type) is kind), None)
    return word.upper() if word else None


def _everything(command: click.Command, loaded_only: bool = True) -> Iterator[click.Command | click.Parameter]:
    """``command``, its options and the commands below it: those loaded so far, or (``loaded_only``
    false) all of them, imported now."""
    yield command
    yield from (param for param in command.params if isinstance(param, click.Option))
    if isinstance(command, click.Group):
        names = command.commands if loaded_only else command.list_commands(click.Context(command))
        for name in list(names):
            sub = command.get_command(click.Context(command), name)
            if sub is not None:
                yield from _everything(sub, loaded_only)
