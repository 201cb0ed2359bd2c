"""``soptui schema``: print the JSON Schema of the SOP file format, of an export, or of the layout."""

from __future__ import annotations

import json

import click


@click.command()
@click.option("--export", "export_format", type=click.Choice(["json"]),
              help="Cetak skema keluaran ekspor ini (mis. json) alih-alih skema berkas SOP.")
@click.option("--strict", is_flag=True,
              help="Dengan --export json: varian ketat yang menolak anggota yang tidak dijelaskan.")
@click.option("--layout", "layout", is_flag=True, help="Cetak skema tata letak (`soptui layout --json`).")
def schema(export_format: str | None, strict: bool, layout: bool) -> None:
    """Mencetak JSON Schema (draft 2020-12) format berkas SOP.

    Dengan `--export json`: skema dokumen yang ditulis `soptui export -f json`
    (terbuka bagi anggota yang ditambahkan kelak; `--strict` untuk varian
    ketat). Dengan `--layout`: skema tata letak diagram alir.
    """
    if export_format == "json":
        from soptui.interchange.schema import SCHEMA_FILE, STRICT_SCHEMA_FILE

        click.echo((STRICT_SCHEMA_FILE if strict else SCHEMA_FILE).read_text(encoding="utf-8"), nl=False)
        return
    if layout:
        from soptui.layout import layout_schema

        click.echo(json.dumps(layout_schema(), ensure_ascii=False, indent=2))
        return
    from soptui.schema import file_schema

    click.echo(json.dumps(file_schema(), ensure_ascii=False, indent=2))
