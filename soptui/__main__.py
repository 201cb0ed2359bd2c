from soptui.cli import cli

cli()
