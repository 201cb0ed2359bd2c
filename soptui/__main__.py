"""The ``soptui`` command: Ctrl+C while it is still starting ends it quietly (exit 130).

Commands that have work to undo catch Ctrl+C themselves and say what was
done; one that lands before (imports, settings, the language) or where no
command catches it ends here, with the shell's code for Ctrl+C.
"""

import sys


def main() -> None:
    try:
        from soptui.cli import cli
    except KeyboardInterrupt:  # during the imports: nothing has been done yet
        sys.exit(130)
    try:
        cli()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":  # a worker started afresh (spawn) imports this module again: it must not run the CLI
    main()
