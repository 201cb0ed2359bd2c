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


def screen_text(app) -> str:
    """What the terminal would show now (the top screen, its dialogs and toasts), as text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)
