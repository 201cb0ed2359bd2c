"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import click

from soptui.i18n import LANGUAGES, set_language


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
