from soptui.cli import cli

if __name__ == "__main__":  # a worker started afresh (spawn) imports this module again: it must not run the CLI
    cli()
