"""``soptui schema``: print the JSON Schema of the SOP file format."""

from __future__ import annotations

import json

import click


@click.command()
def schema() -> None:
    """Mencetak JSON Schema (draft 2020-12) format berkas SOP."""
    from soptui.schema import file_schema

    click.echo(json.dumps(file_schema(), ensure_ascii=False, indent=2))
