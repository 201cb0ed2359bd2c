"""The Textual editor. Imported only by ``soptui [PATH]``, never by batch commands."""

from __future__ import annotations

from pathlib import Path


def run(path: str, root: str | None = None) -> int:
    """Start the editor on a folder (library) or a file; returns the exit code."""
    from soptui.tui.app import SopApp
    from soptui.tui.paths import Jail

    app = SopApp(Path(path), Jail(Path.cwd(), Path(root) if root else None))
    app.run()
    return app.return_code or 0
