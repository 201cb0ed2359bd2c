"""Shared steps of the Pilot tests."""

from __future__ import annotations

from pathlib import Path

from soptui.tui.app import SopApp
from soptui.tui.paths import Jail


def make_app(path: Path, root: Path | None = None) -> SopApp:
    return SopApp(path, Jail(path if path.is_dir() else path.parent, root))


async def settle(pilot, app, delay: float = 0.0) -> None:
    """Let timers (``delay``: the checker's debounce), workers and their messages finish."""
    await pilot.pause(delay) if delay else await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
