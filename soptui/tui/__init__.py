"""The Textual editor. Imported only by ``soptui [PATH]``, never by batch commands."""

from __future__ import annotations

from pathlib import Path


def run(path: str, root: str | None = None) -> int:
    """Start the editor on a folder (library) or a file; returns the exit code."""
    import sys

    from soptui.tui.app import CannotStart, SopApp, start_target
    from soptui.tui.paths import Jail

    jail = Jail(Path.cwd(), Path(root) if root else None)
    try:
        start_target(jail, Path(path))  # refused before the screen is taken over
    except CannotStart as error:
        print(error, file=sys.stderr)
        return 2
    # The checker and the preview run in worker threads; a letter typed meanwhile waits for the
    # interpreter's lock at most this long each time the UI thread asks for it (Python's default: 5 ms).
    sys.setswitchinterval(0.001)
    app = SopApp(Path(path), jail)
    app.run()
    return app.return_code or 0
