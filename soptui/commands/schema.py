"""``soptui schema``: print the JSON Schema of the SOP file format."""

from __future__ import annotations

import json

import click


@click.command()
@click.option("--export", "export_format", type=click.Choice(["json"]),
              help="Cetak skema keluaran ekspor ini (mis. json) alih-alih skema berkas SOP.")
def schema(export_format: str | None) -> None:
    """Mencetak JSON Schema (draft 2020-12) format berkas SOP.

    Dengan `--export json`: skema dokumen yang ditulis `soptui export -f json`.
    """
    if export_format == "json":
        from soptui_json.schema import SCHEMA_FILE

        click.echo(SCHEMA_FILE.read_text(encoding="utf-8"), nl=False)
        return
    from soptui.schema import file_schema

    click.echo(json.dumps(file_schema(), ensure_ascii=False, indent=2))
