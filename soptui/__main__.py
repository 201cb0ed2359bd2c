"""The ``soptui`` command: Ctrl+C while it is still starting ends it quietly (exit 130)."""

import sys


def main() -> None:
    try:
        from soptui.cli import cli
    except KeyboardInterrupt:  # during the imports: nothing has been done yet
        sys.exit(130)
    cli()


if __name__ == "__main__":  # a worker started afresh (spawn) imports this module again: it must not run the CLI
    main()
