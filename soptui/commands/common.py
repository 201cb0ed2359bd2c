"""Options and helpers shared by the subcommands."""

from __future__ import annotations

from collections.abc import Iterable

import click

from soptui.i18n import LANGUAGES, set_language
from soptui.terminal import json_text, visible


def _set_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        set_language(value)


lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    expose_value=False,
    is_eager=True,
    callback=_set_language,
    help="Bahasa pesan: id (bawaan) atau en.",
)


def echo(text: str, err: bool = False) -> None:
    """Print text for a person, its control characters and escape sequences made
    visible (a file name or a plugin's message is data, never a terminal command)."""
    click.echo(visible(str(text), keep="\n"), err=err)


def echo_json(value: object) -> None:
    """Print ``value`` as indented JSON that is safe on a terminal (:func:`soptui.terminal.json_text`)."""
    click.echo(json_text(value))


def complete_list(names: Iterable[str], incomplete: str) -> list[str]:
    """Shell completion of a comma list: the names that continue its last item (``pdf,js`` -> ``pdf,json``)."""
    done, _, current = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + name for name in names if name.startswith(current)]


def complete_formats(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of ``-f``: the installed formats."""
    from soptui.plugins import get_plugins

    return complete_list(get_plugins(quiet=True).usable_exporters(), incomplete)
