"""``soptui themes``: the themes for the editor and for printing, and where each comes from."""

from __future__ import annotations

from typing import TypedDict

import click

from soptui.commands.common import echo, echo_json, lang_option
from soptui.i18n import t


class _Row(TypedDict):
    """One theme as ``--json`` prints it."""

    name: str
    description: str
    kinds: list[str]
    origin: str
    path: str | None
    chosen: bool


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@lang_option
def themes(as_json: bool) -> None:
    """Menampilkan tema editor dan tema cetak: bawaan, milik pengguna, dan dari plugin."""
    from soptui.config import load_config
    from soptui.themes import all_themes

    config, _ = load_config()
    found = all_themes()
    rows: list[_Row] = [
        {
            "name": theme.name,
            "description": theme.description,
            "kinds": [kind for kind, part in (("tui", theme.tui), ("print", theme.print)) if part is not None],
            "origin": theme.origin,
            "path": str(theme.path) if theme.path else None,
            "chosen": theme.name in (config.theme, config.print_theme),
        }
        for theme in sorted(found.themes.values(), key=lambda theme: theme.name)
    ]
    if as_json:
        echo_json({"themes": rows, "problems": found.problems})
        return
    for row in rows:
        kinds = ", ".join(t(f"themes.kind_{kind}") for kind in row["kinds"])
        mark = "*" if row["chosen"] else " "
        origin = row["origin"] if row["origin"].startswith("plugin:") else t(f"themes.origin_{row['origin']}")
        echo(f"{mark} {row['name']:<14} {kinds:<16} {origin:<16} {row['description']}")
    for problem in found.problems:
        echo(problem, err=True)
